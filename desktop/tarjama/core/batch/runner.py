"""The batch loop: translate every article of a folder, resumably, with full engine batches.

Articles are read a few at a time into a *window* of about ``window_sentences``
sentences (see ``windows``), and the whole window goes to the translator in one call,
so the engine's batches stay full across file boundaries. Translations come back in
order; as soon as an article's last sentence is back, the article is checked,
summarised, written (atomically, one file per format, see ``outputs``), recorded, and
dropped. Memory therefore depends on the window, not on the size of the batch.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tarjama import __version__
from tarjama.core.batch.articles import ArticleInProgress, BatchEntry, read_article
from tarjama.core.batch.discover import InputFile, discover_inputs
from tarjama.core.batch.index import write_index
from tarjama.core.batch.options import BatchOptions
from tarjama.core.batch.outputs import write_article_outputs
from tarjama.core.batch.progress import BatchProgress, ProgressTracker
from tarjama.core.batch.records import (
    STATUS_FAILED,
    STATUS_PENDING,
    ArticleRecord,
    RecordStore,
    file_sha256,
    remove_stale_temporaries,
    settings_hash,
)
from tarjama.core.batch.windows import plan_windows
from tarjama.core.errors import EXIT_CANCELLED, EXIT_FAILURE, EXIT_OK, Cancelled, InputFileError
from tarjama.core.pipeline import attach_translation

if TYPE_CHECKING:
    from tarjama.core.translate import Translator


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

    @property
    def exit_code(self) -> int:
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
) -> BatchReport:
    """Translate every supported file of ``in_dir`` into ``out_dir`` and write the index.

    Unreadable files are recorded as failed and the batch goes on. When ``cancel`` is
    set the run stops after the engine's current batch; finished articles are kept and
    the report says ``cancelled``. Raises ``InputFileError`` for unusable folders.

    Give a translator without the translation cache (``use_cache=False``): a cache hit
    changes which sentences share an engine batch, which can change a translation
    slightly, and a resumed batch would then differ from an uninterrupted one.
    """
    options = options or BatchOptions()
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    cancel = cancel or threading.Event()
    inputs = discover_inputs(in_dir, out_dir, recursive=options.recursive)
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(out_dir)
    job = _BatchJob(out_dir, translator, options, ProgressTracker(len(inputs), on_progress))

    entries: list[BatchEntry] = []
    for item in inputs:
        try:
            digest = file_sha256(item.path)
        except OSError as exc:
            job.fail(item, "", exc.strerror or "cannot be read")
            continue
        done = None if options.force else job.store.is_done(item, job.settings, digest)
        entries.append(BatchEntry(item, digest, done))

    job.progress.start(sum(e.item.size for e in entries if e.done is None))
    cancelled = False
    try:
        for window in plan_windows(entries, options.window_sentences, read=job.read,
                                   finish=job.finish, skip=job.skip, cancel=cancel):
            job.translate(window, cancel)
    except Cancelled:
        cancelled = True

    # After a cancel, articles finished by earlier runs but not reached by this one
    # still show as done.
    earlier = {e.item.relative.as_posix(): e.done for e in entries if e.done is not None}
    records = [job.records.get(name) or earlier.get(name)
               or ArticleRecord(file=name, status=STATUS_PENDING)
               for name in (item.relative.as_posix() for item in inputs)]
    index_csv, index_html = write_index(out_dir, records)
    return BatchReport(out_dir, records, job.translated, job.skipped, job.failed, cancelled,
                       index_csv, index_html)


class _BatchJob:
    """The state of one run: the record of each article so far, and the counters."""

    def __init__(self, out_dir: Path, translator: Translator, options: BatchOptions,
                 progress: ProgressTracker) -> None:
        self.out_dir = out_dir
        self.translator = translator
        self.options = options
        self.progress = progress
        self.store = RecordStore(out_dir)
        self.settings = _settings_for(translator, options)
        self.records: dict[str, ArticleRecord] = {}
        self.translated = self.skipped = self.failed = 0

    # -- outcomes --------------------------------------------------------------------

    def skip(self, item: InputFile, record: ArticleRecord) -> None:
        """Keep the record of an article an earlier run finished."""
        self.records[item.relative.as_posix()] = record
        self.skipped += 1
        self.progress.file_skipped(item)

    def fail(self, item: InputFile, digest: str, reason: str) -> None:
        record = ArticleRecord(file=item.relative.as_posix(), status=STATUS_FAILED,
                               settings=self.settings, source_sha256=digest, reason=reason)
        self.store.save(item, record)
        self.records[record.file] = record
        self.failed += 1
        self.progress.file_failed(item, reason)

    def finish(self, article: ArticleInProgress) -> None:
        """Write every output, then the record (last, as proof of completion).

        An article that cannot be written (a name the file system refuses, say) is
        recorded as failed and the batch goes on.
        """
        try:
            self._save_translated(article)
        except OSError as exc:
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
                                encoding=self.options.encoding)
        except InputFileError as exc:
            self.fail(entry.item, entry.source_sha256, exc.reason)
            return None

    def translate(self, window: list[ArticleInProgress], cancel: threading.Event) -> None:
        """Translate a window in one engine call, finishing each article as it completes."""
        owners = [(article, k) for article in window for k in range(len(article.results))]
        texts = [r.sentence.text for article in window for r in article.results]
        self.progress.window_started(words=sum(len(text.split()) for text in texts),
                                     source_bytes=sum(article.item.size for article in window))

        def deliver(index: int, translation: str) -> None:
            article, k = owners[index]
            attach_translation(article.results[k], translation)
            article.remaining -= 1
            self.progress.sentence_arrived(article.item.relative.as_posix(),
                                           len(article.results) - article.remaining,
                                           len(article.results))
            if article.remaining == 0:
                self.finish(article)

        # The window is already the unit of cancel and progress: let the engine batch it whole.
        self.translator.translate(texts, on_result=deliver,
                                  progress=self.progress.window_progress,
                                  cancel=cancel, stream=False)
        self.progress.window_finished()


def _settings_for(translator: Translator, options: BatchOptions) -> str:
    topts = translator.options
    translation = {"beam_size": topts.beam_size,
                   "max_decoding_length": topts.max_decoding_length}
    if options.encoding is not None:
        # Named only when chosen, so records of earlier runs without one stay valid.
        translation["encoding"] = options.encoding
    return settings_hash(str(translator.pack.fingerprint), translation, options.formats,
                         dataclasses.asdict(options.pipeline), __version__)
