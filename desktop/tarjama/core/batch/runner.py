"""The batch loop: translate every article of a folder, resumably, with full engine batches.

Articles are read a few at a time into a *window* of about ``window_sentences``
sentences (see ``windows``), and the whole window goes to the translator in one call,
so the engine's batches stay full across file boundaries. Translations come back in
order; as soon as an article's last sentence is back, the article is checked,
summarised, written (atomically, one file per format, see ``outputs``), recorded, and
dropped. Memory therefore depends on the window, not on the size of the batch.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tarjama.core.batch.articles import ArticleInProgress, BatchEntry, read_article
from tarjama.core.batch.discover import InputFile, discover_inputs
from tarjama.core.batch.engine import BatchEngine, LocalEngine
from tarjama.core.batch.faults import (
    EXIT_OUTPUT,
    OutputFolderError,
    OutputStopped,
    describe_os_error,
    is_folder_fault,
)
from tarjama.core.batch.folder_lock import FolderLock
from tarjama.core.batch.index import (
    CSV_NAME,
    FIGURES_CSV_NAME,
    FIGURES_HTML_NAME,
    HTML_NAME,
    write_index,
)
from tarjama.core.batch.options import BatchOptions
from tarjama.core.batch.outputs import write_article_outputs
from tarjama.core.batch.progress import BatchProgress, ProgressTracker
from tarjama.core.batch.reader_process import ReaderProcess, ReadLimits
from tarjama.core.batch.records import (
    STATUS_FAILED,
    STATUS_PENDING,
    ArticleRecord,
    RecordStore,
    file_sha256,
    remove_stale_temporaries,
)
from tarjama.core.batch.run_settings import settings_for
from tarjama.core.batch.windows import plan_windows
from tarjama.core.errors import EXIT_CANCELLED, EXIT_FAILURE, EXIT_OK, Cancelled, InputFileError
from tarjama.core.pipeline import attach_translation

if TYPE_CHECKING:
    from tarjama.core.documents import Document
    from tarjama.core.translate import Translator
    from tarjama.core.translate_result import Translation


@dataclass
class BatchReport:
    out_dir: Path
    records: list[ArticleRecord]
    translated: int
    skipped: int
    failed: int
    cancelled: bool
    index_csv: Path
    index_html: Path
    # Why the output folder stopped the batch early ("the disk is full (...)"), or "".
    stopped: str = ""
    # Why the index could not be written (its paths then name files that are missing
    # or out of date), or "".
    index_error: str = ""
    # The figures of every article: one row each, and the page with the charts.
    figures_csv: Path | None = None
    figures_html: Path | None = None

    @property
    def exit_code(self) -> int:
        if self.stopped or self.index_error:
            return EXIT_OUTPUT
        if self.cancelled:
            return EXIT_CANCELLED
        return EXIT_FAILURE if self.failed else EXIT_OK


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
    with FolderLock(out_dir), _reader_for(options) as reader:
        try:
            remove_stale_temporaries(out_dir)
        except OSError as exc:
            raise OutputFolderError(out_dir, exc) from exc
        job = _BatchJob(out_dir, translator, options,
                        ProgressTracker(len(inputs), on_progress), reader, cancel)
        return _run(job, inputs, cancel, engine or LocalEngine())


def _reader_for(options: BatchOptions) -> Any:
    if not options.isolate_reading:
        return contextlib.nullcontext(None)
    limits = ReadLimits(seconds=options.file_seconds, memory=options.file_memory)
    return ReaderProcess(limits, options.reader)


def _run(job: _BatchJob, inputs: list[InputFile], cancel: threading.Event,
         engine: BatchEngine) -> BatchReport:
    entries: list[BatchEntry] = []
    cancelled, stopped = False, ""
    try:
        for item in inputs:
            try:
                digest = file_sha256(item.path)
            except OSError as exc:
                job.fail(item, "", exc.strerror or "cannot be read")
                continue
            done = None if job.options.force else job.store.is_done(item, job.settings, digest)
            entries.append(BatchEntry(item, digest, done))

        job.progress.start(sum(e.item.size for e in entries if e.done is None))
        engine.run(plan_windows(entries, job.options.window_sentences, read=job.read,
                                finish=job.finish, skip=job.skip, cancel=cancel), job, cancel)
    except Cancelled:
        cancelled = True
    except OutputStopped as exc:
        stopped = str(exc)

    # After a cancel, articles finished by earlier runs but not reached by this one
    # still show as done.
    earlier = {e.item.relative.as_posix(): e.done for e in entries if e.done is not None}
    records = [job.records.get(name) or earlier.get(name)
               or ArticleRecord(file=name, status=STATUS_PENDING)
               for name in (item.relative.as_posix() for item in inputs)]
    out_dir, index_error = job.out_dir, ""
    try:
        write_index(out_dir, records)
    except OSError as exc:
        index_error = describe_os_error(exc)
    return BatchReport(out_dir, records, job.translated, job.skipped, job.failed, cancelled,
                       out_dir / CSV_NAME, out_dir / HTML_NAME, stopped, index_error,
                       out_dir / FIGURES_CSV_NAME, out_dir / FIGURES_HTML_NAME)


class _BatchJob:
    """The state of one run: the record of each article so far, and the counters."""

    def __init__(self, out_dir: Path, translator: Translator, options: BatchOptions,
                 progress: ProgressTracker, reader: ReaderProcess | None,
                 cancel: threading.Event) -> None:
        self.out_dir = out_dir
        self.reader = reader
        self.cancel = cancel
        self.translator = translator
        self.options = options
        self.progress = progress
        self.store = RecordStore(out_dir)
        self.settings = settings_for(translator, options)
        self.records: dict[str, ArticleRecord] = {}
        self.translated = self.skipped = self.failed = 0

    # -- outcomes --------------------------------------------------------------------

    def skip(self, item: InputFile, record: ArticleRecord) -> None:
        """Keep the record of an article an earlier run finished."""
        self.records[item.relative.as_posix()] = record
        self.skipped += 1
        self.progress.file_skipped(item)

    def fail(self, item: InputFile, digest: str, reason: str) -> None:
        """Record ``item`` as failed; raises OutputStopped when the folder refuses files."""
        record = ArticleRecord(file=item.relative.as_posix(), status=STATUS_FAILED,
                               settings=self.settings, source_sha256=digest, reason=reason)
        try:
            self.store.save(item, record)
        except OSError as exc:
            if is_folder_fault(exc):
                raise OutputStopped(exc) from exc
            # A name too long for a record: the index still lists the failure.
        self.records[record.file] = record
        self.failed += 1
        self.progress.file_failed(item, reason)

    def finish(self, article: ArticleInProgress) -> None:
        """Write every output, then the record (last, as proof of completion).

        An article that cannot be written (a name the file system refuses, say) is
        recorded as failed and the batch goes on. When the folder refuses every file (a
        full disk), OutputStopped ends the batch; the article has no record, so the next
        run redoes it.
        """
        try:
            self._save_translated(article)
        except OSError as exc:
            if is_folder_fault(exc):
                raise OutputStopped(exc) from exc
            self.fail(article.item, article.source_sha256,
                      f"its outputs could not be written ({exc.strerror or exc})")

    def _save_translated(self, article: ArticleInProgress) -> None:
        record = write_article_outputs(article, self.out_dir, self.options.formats,
                                       self.options.pipeline, self.translator.pack.info,
                                       self.settings)
        self.store.save(article.item, record)
        self.records[record.file] = record
        self.translated += 1
        self.progress.file_translated(article.item)

    # -- reading and translating ------------------------------------------------------

    def read(self, entry: BatchEntry) -> ArticleInProgress | None:
        """Read and segment one article; None (and a failure record) when it cannot be read."""
        try:
            return read_article(entry, self.translator,
                                self.options.pipeline.max_sentence_tokens,
                                encoding=self.options.encoding, read=self._read_document)
        except InputFileError as exc:
            self.fail(entry.item, entry.source_sha256, exc.reason)
            return None

    def _read_document(self, path: Path, encoding: str | None) -> Document:
        if self.reader is not None:
            return self.reader.read(path, encoding, cancel=self.cancel)
        if self.options.reader is not None:
            return self.options.reader(path, encoding=encoding)
        from tarjama.core.documents import read_document

        return read_document(path, encoding=encoding)

    def translate(self, window: list[ArticleInProgress], cancel: threading.Event) -> None:
        """Translate a window in one engine call, finishing each article as it completes."""
        owners = [(article, k) for article in window for k in range(len(article.results))]
        texts = [r.sentence.text for article in window for r in article.results]
        self.progress.window_started(words=sum(len(text.split()) for text in texts),
                                     source_bytes=sum(article.item.size for article in window))

        def deliver(index: int, translation: Translation) -> None:
            article, k = owners[index]
            attach_translation(article.results[k], translation, glossary=self.options.glossary)
            article.remaining -= 1
            self.progress.sentence_arrived(article.item.relative.as_posix(),
                                           len(article.results) - article.remaining,
                                           len(article.results))
            if article.remaining == 0:
                self.finish(article)

        from tarjama.core.repair import repair_for

        # Only the window's warned sentences are decoded again, in one more engine call.
        revise = repair_for([article.results[k] for article, k in owners],
                            enabled=self.options.repair, glossary=self.options.glossary)
        # The window is already the unit of cancel and progress: let the engine batch it whole.
        self.translator.translate(texts, on_translation=deliver,
                                  progress=self.progress.window_progress,
                                  cancel=cancel, stream=False, revise=revise)
        self.progress.window_finished()
