"""The batch loop: translate every article of a folder, resumably, with full engine batches.

Articles are read a few at a time into a *window* of about ``window_sentences``
sentences (see ``windows``), and the whole window goes to the translator in one call,
so the engine's batches stay full across file boundaries. Translations come back in
order; as soon as an article's last sentence is back, the article is checked,
summarised and written (atomically, one file per format, see ``outputs``); once the
window's outputs are on disk its records follow (``job``), and its articles are
dropped. The engine is kept busy meanwhile: while two windows are translated in
engine threads, the driver delivers the window before them and reads the next one
(``batch_ahead``). No record is kept in memory: the index is written at the end from
the records read back one at a time (``outcomes``). Memory therefore depends on the
window (three at most are alive), not on the size of the batch.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tarjama.core.atomic import sync_folder, umask_read_once
from tarjama.core.batch.discover import discover_inputs
from tarjama.core.batch.engine import BatchEngine, LocalEngine
from tarjama.core.batch.faults import OutputFolderError, OutputStopped, describe_os_error
from tarjama.core.batch.folder_lock import FolderLock
from tarjama.core.batch.index import (
    CSV_NAME,
    FIGURES_CSV_NAME,
    FIGURES_HTML_NAME,
    HTML_NAME,
    write_index,
)
from tarjama.core.batch.job import BatchJob
from tarjama.core.batch.options import BatchOptions
from tarjama.core.batch.outcomes import BatchReport
from tarjama.core.batch.progress import BatchProgress, ProgressTracker
from tarjama.core.batch.reader_process import ReaderProcess, ReadLimits
from tarjama.core.batch.records import remove_stale_temporaries
from tarjama.core.batch.windows import plan_windows
from tarjama.core.errors import Cancelled

if TYPE_CHECKING:
    from tarjama.core.translate import Translator

__all__ = ["BatchReport", "run_batch"]


def run_batch(
    in_dir: str | Path,
    out_dir: str | Path,
    translator: Translator,
    options: BatchOptions | None = None,
    *,
    on_progress: Callable[[BatchProgress], None] | None = None,
    cancel: threading.Event | None = None,
    engine: BatchEngine | None = None,
) -> BatchReport:
    """Translate every supported file of ``in_dir`` into ``out_dir`` and write the index.

    ``engine`` says where the windows are translated (``engine.py``: this process by
    default, or Ray workers); outputs, records and the index do not depend on it.

    Unreadable files, and files whose reading overruns its time or memory budget, are
    recorded as failed and the batch goes on. When ``cancel`` is set the run stops
    after the engine's current batch (or the file being read); finished articles are
    kept and the report says ``cancelled``. When the output folder stops accepting
    files (a full disk), the run stops, keeps what it finished, and the report says
    why (``stopped``); the index is written if it still can be (else ``index_error``).

    Raises:
        InputFileError: for unusable folders.
        OutputFolderError: the output folder cannot be written at all.
        FolderInUse: another batch is writing into ``out_dir``.

    Give a translator without the translation cache (``use_cache=False``): a cache hit
    changes which sentences share an engine batch, which can change a translation
    slightly, and a resumed batch would then differ from an uninterrupted one.
    """
    options = options or BatchOptions()
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    cancel = cancel or threading.Event()
    inputs = discover_inputs(in_dir, out_dir, recursive=options.recursive)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFolderError(out_dir, exc) from exc
    # The umask is read once for the thousands of files the run writes (core/atomic.py).
    with FolderLock(out_dir), _reader_for(options) as reader, umask_read_once():
        try:
            remove_stale_temporaries(out_dir)
        except OSError as exc:
            raise OutputFolderError(out_dir, exc) from exc
        job = BatchJob(out_dir, translator, options,
                        ProgressTracker(len(inputs), on_progress), reader, cancel, inputs)
        return _run(job, cancel, engine or LocalEngine())


def _reader_for(options: BatchOptions) -> Any:
    if not options.isolate_reading:
        return contextlib.nullcontext(None)
    limits = ReadLimits(seconds=options.file_seconds, memory=options.file_memory)
    return ReaderProcess(limits, options.reader)


def _run(job: BatchJob, cancel: threading.Event, engine: BatchEngine) -> BatchReport:
    cancelled, stopped = False, ""
    try:
        job.progress.start(job.survey())
        engine.run(plan_windows(job.entries(), job.options.window_sentences, read=job.read,
                                finish=job.finish, skip=job.skip, cancel=cancel), job, cancel)
    except Cancelled:
        cancelled = True
    except OutputStopped as exc:
        stopped = str(exc)

    out_dir, index_error = job.out_dir, ""
    try:
        # Read back one record at a time, in input order (see ``outcomes``).
        write_index(out_dir, job.outcomes.records())
        sync_folder(out_dir)  # the last window's records
    except OSError as exc:
        index_error = describe_os_error(exc)
    return BatchReport(out_dir, job.outcomes, job.translated, job.skipped, job.failed,
                       cancelled, out_dir / CSV_NAME, out_dir / HTML_NAME, stopped,
                       index_error, out_dir / FIGURES_CSV_NAME, out_dir / FIGURES_HTML_NAME)
