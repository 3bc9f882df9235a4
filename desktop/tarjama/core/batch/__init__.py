"""Translate a folder of articles: resumable, atomic, cancellable, with an index.

    report = run_batch(in_dir, out_dir, translator, BatchOptions(formats=("txt", "html")),
                       on_progress=show, cancel=event)

The names below are imported when first used: the reader process
(``tarjama.core.batch.reader_child``) lives in this package and must start without
the translation pipeline.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "DEFAULT_FORMATS": "options",
    "BatchOptions": "options",
    "EXIT_FOLDER_IN_USE": "faults",
    "EXIT_OUTPUT": "faults",
    "FolderInUse": "faults",
    "OutputFolderError": "faults",
    "InputFile": "discover",
    "discover_inputs": "discover",
    "BatchProgress": "progress",
    "ArticleRecord": "records",
    "FigureWarning": "records",
    "BatchReport": "runner",
    "run_batch": "runner",
}

__all__ = [
    "DEFAULT_FORMATS",
    "EXIT_FOLDER_IN_USE",
    "EXIT_OUTPUT",
    "ArticleRecord",
    "BatchOptions",
    "BatchProgress",
    "BatchReport",
    "FigureWarning",
    "FolderInUse",
    "InputFile",
    "OutputFolderError",
    "discover_inputs",
    "run_batch",
]

if TYPE_CHECKING:
    from tarjama.core.batch.discover import InputFile, discover_inputs
    from tarjama.core.batch.faults import (
        EXIT_FOLDER_IN_USE,
        EXIT_OUTPUT,
        FolderInUse,
        OutputFolderError,
    )
    from tarjama.core.batch.options import DEFAULT_FORMATS, BatchOptions
    from tarjama.core.batch.progress import BatchProgress
    from tarjama.core.batch.records import ArticleRecord, FigureWarning
    from tarjama.core.batch.runner import BatchReport, run_batch


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
