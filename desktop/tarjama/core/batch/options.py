"""What a batch run is asked to do: output formats, which files, how big a window, and
the time and memory each file may take to read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tarjama.core.batch.reader_process import DEFAULT_MEMORY, DEFAULT_SECONDS
from tarjama.core.pipeline import PipelineOptions

if TYPE_CHECKING:
    from tarjama.core.glossary import Glossary

DEFAULT_FORMATS = ("txt", "html")


@dataclass(frozen=True)
class BatchOptions:
    formats: tuple[str, ...] = DEFAULT_FORMATS
    recursive: bool = False
    force: bool = False  # redo articles even when a record says they are done
    pipeline: PipelineOptions = field(default_factory=PipelineOptions)
    window_sentences: int = 512
    encoding: str | None = None  # for text, Markdown and HTML files; None: detect each
    # Reading each file happens in a child process with these budgets (None: no limit).
    file_seconds: float | None = DEFAULT_SECONDS
    file_memory: int | None = DEFAULT_MEMORY
    isolate_reading: bool = True  # False: read in this process, without budgets
    # The function that reads a document, read_document's signature; a module-level
    # function, since the child process imports it by name (tests plug in hostile ones).
    reader: Callable[..., Any] | None = None
    # A sentence that fails the fidelity check is decoded again (core/repair.py); the
    # batch uses these two, not those of ``pipeline`` (which is for the summary).
    repair: bool = True
    glossary: Glossary | None = None  # its terms are checked (and repaired) like figures
