"""What a batch run is asked to do: output formats, which files, and how big a window."""

from __future__ import annotations

from dataclasses import dataclass, field

from tarjama.core.pipeline import PipelineOptions

DEFAULT_FORMATS = ("txt", "html")


@dataclass(frozen=True)
class BatchOptions:
    formats: tuple[str, ...] = DEFAULT_FORMATS
    recursive: bool = False
    force: bool = False  # redo articles even when a record says they are done
    pipeline: PipelineOptions = field(default_factory=PipelineOptions)
    window_sentences: int = 512
    encoding: str | None = None  # for text, Markdown and HTML files; None: detect each
