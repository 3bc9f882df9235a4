"""What the reader window puts out of the article: the clipboard copies and the exports.

A mixin of ``MainWindow``: it uses the window's ``article``, ``settings``, ``reporter``
and status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tarjama.gui import clipboard
from tarjama.gui.file_dialogs import ask_export


class ArticleOutputs:
    def copy_summary(self) -> None:
        self._copy(clipboard.summary_clip, self.tr("Summary copied."))

    def copy_translation(self) -> None:
        self._copy(clipboard.translation_clip, self.tr("Translation copied."))

    def _copy(self, make_clip: Callable[..., tuple[str, str]], done: str) -> None:
        if self.article is not None:
            clipboard.put_on_clipboard(*make_clip(
                self.article, with_arabic=self.settings.copy_with_arabic,
                with_source=self.settings.copy_with_source_name))
            self.statusBar().showMessage(done, 3000)

    def export_dialog(self) -> None:
        if self.article is None:
            return
        chosen = ask_export(self, self.article.document.path)
        if chosen:
            self.export_to(*chosen)

    def export_to(self, path: Path, fmt: str) -> None:
        from tarjama.core.export import write_export

        try:
            write_export(self.article, fmt, path)
        except OSError as exc:
            self.reporter.report(self, exc, f"exporting to {path}")
            return
        self.statusBar().showMessage(self.tr("Exported to %1").replace("%1", str(path)), 5000)
