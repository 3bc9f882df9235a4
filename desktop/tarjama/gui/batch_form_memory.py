"""The Batch window's folders and options, remembered between sessions.

Someone who translates a folder every morning should find the window as they left it:
the same articles and output folders, sub-folders, formats and summary length. They go
in the reader's settings file, in the Batch window's own ``batch/`` keys (beside
``batch_engine_choice.EngineChoice``). "Redo articles already translated" is not kept:
left ticked, it would silently translate a whole archive again the next time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tarjama.gui.settings import read_group, write_group

_GROUP = "batch"
KNOWN_FORMATS = ("txt", "md", "html", "json", "docx")
SUMMARY_RANGE = (1, 20)


@dataclass(frozen=True)
class FormChoices:
    """What the form held: folders as typed, the formats ticked, the summary length."""

    articles_folder: str = ""
    output_folder: str = ""
    recursive: bool = False
    formats: tuple[str, ...] = ("txt", "html")
    summary_sentences: int = 5

    @classmethod
    def load(cls, settings_path: Path) -> FormChoices:
        """The choices stored in ``settings_path``; the defaults for what is missing or bad."""
        store = read_group(settings_path, _GROUP)
        default = cls()
        formats = tuple(name for name in str(store.value("formats", "")).split(",")
                        if name in KNOWN_FORMATS)
        try:
            summary = int(store.value("summary_sentences", default.summary_sentences))
        except (TypeError, ValueError):
            summary = default.summary_sentences
        low, high = SUMMARY_RANGE
        return cls(articles_folder=str(store.value("articles_folder", "")),
                   output_folder=str(store.value("output_folder", "")),
                   recursive=str(store.value("recursive", "false")).lower() == "true",
                   formats=formats or default.formats,
                   summary_sentences=max(low, min(summary, high)))

    def save(self, settings_path: Path) -> None:
        write_group(settings_path, _GROUP, {
            "articles_folder": self.articles_folder, "output_folder": self.output_folder,
            "recursive": "true" if self.recursive else "false",
            "formats": ",".join(self.formats), "summary_sentences": self.summary_sentences})
