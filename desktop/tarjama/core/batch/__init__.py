"""Translate a folder of articles: resumable, atomic, cancellable, with an index.

    report = run_batch(in_dir, out_dir, translator, BatchOptions(formats=("txt", "html")),
                       on_progress=show, cancel=event)
"""

from tarjama.core.batch.discover import InputFile, discover_inputs
from tarjama.core.batch.options import DEFAULT_FORMATS, BatchOptions
from tarjama.core.batch.progress import BatchProgress
from tarjama.core.batch.records import ArticleRecord, FigureWarning
from tarjama.core.batch.runner import BatchReport, run_batch

__all__ = [
    "DEFAULT_FORMATS",
    "ArticleRecord",
    "BatchOptions",
    "BatchProgress",
    "BatchReport",
    "FigureWarning",
    "InputFile",
    "discover_inputs",
    "run_batch",
]
