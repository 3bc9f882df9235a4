"""The batch loop: translate every article of a folder, resumably, with full engine batches.

Articles are read a few at a time into a *window* of about ``window_sentences``
sentences, and the whole window goes to the translator in one call, so the engine's
batches stay full across file boundaries. Translations come back in order; as soon
as an article's last sentence is back, the article is checked, summarised, written
(atomically, one file per format), recorded, and dropped. Memory therefore depends
on the window, not on the size of the batch.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tarjama import __version__
from tarjama.core.batch.discover import InputFile, discover_inputs
from tarjama.core.batch.index import write_index
from tarjama.core.batch.records import (
    STATUS_DONE,
    STATUS_FAILED,
    STATUS_PENDING,
    ArticleRecord,
    FigureWarning,
    RecordStore,
    file_sha256,
    remove_stale_temporaries,
    settings_hash,
)
from tarjama.core.errors import EXIT_CANCELLED, EXIT_FAILURE, EXIT_OK, Cancelled, InputFileError
from tarjama.core.pipeline import (
    ArticleResult,
    PipelineOptions,
    SentenceResult,
    Stats,
    attach_translation,
    segment,
    summarize_sentences,
)

if TYPE_CHECKING:
    from tarjama.core.documents import Document
    from tarjama.core.translate import Translator

DEFAULT_FORMATS = ("txt", "html")
TITLE_LENGTH = 120


@dataclass(frozen=True)
class BatchOptions:
    formats: tuple[str, ...] = DEFAULT_FORMATS
    recursive: bool = False
    force: bool = False  # redo articles even when a record says they are done
    pipeline: PipelineOptions = field(default_factory=PipelineOptions)
    window_sentences: int = 512


@dataclass
class BatchProgress:
    """A snapshot for progress displays. ``files_done`` counts translated, skipped and
    failed files alike; rates and ETA only count the work done in this run."""

    files_total: int
    files_done: int = 0
    files_failed: int = 0
    files_skipped: int = 0
    sentences_done: int = 0
    words_done: int = 0
    seconds: float = 0.0
    current_file: str = ""
    current_done: int = 0   # sentences of the current file translated so far
    current_total: int = 0
    work_fraction: float = 0.0  # of the bytes to translate in this run

    @property
    def words_per_second(self) -> float:
        return self.words_done / self.seconds if self.seconds > 0 else 0.0

    @property
    def eta_seconds(self) -> float | None:
        if self.work_fraction <= 0 or self.seconds <= 0:
            return None
        return self.seconds * (1 - self.work_fraction) / self.work_fraction


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


@dataclass(frozen=True)
class _Entry:
    item: InputFile
    source_sha256: str
    done: ArticleRecord | None  # the record when an earlier run finished it


@dataclass
class _Article:
    item: InputFile
    source_sha256: str
    document: Document
    results: list[SentenceResult]
    remaining: int


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
    job = _BatchJob(out_dir, translator, options, len(inputs), on_progress, cancel)

    entries: list[_Entry] = []
    for item in inputs:
        try:
            digest = file_sha256(item.path)
        except OSError as exc:
            job.fail(item, "", exc.strerror or "cannot be read")
            continue
        done = None if options.force else job.store.is_done(item, job.settings, digest)
        entries.append(_Entry(item, digest, done))

    job.start(entries)
    cancelled = False
    try:
        for window in job.windows(entries):
            job.translate(window)
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
    """The state of one run: records so far, counters, and the progress snapshot."""

    def __init__(self, out_dir: Path, translator: Translator, options: BatchOptions,
                 total: int, on_progress: Callable[[BatchProgress], None] | None,
                 cancel: threading.Event) -> None:
        self.out_dir = out_dir
        self.translator = translator
        self.options = options
        self.on_progress = on_progress
        self.cancel = cancel
        self.store = RecordStore(out_dir)
        self.settings = _settings_for(translator, options)
        self.records: dict[str, ArticleRecord] = {}
        self.translated = self.skipped = self.failed = 0
        self.progress = BatchProgress(files_total=total)
        self._bytes_total = 0
        self._bytes_done = 0
        self._partial_bytes = 0.0  # share of the window being translated, in source bytes
        self._started = time.perf_counter()

    # -- outcomes --------------------------------------------------------------------

    def skip(self, item: InputFile, record: ArticleRecord) -> None:
        self.records[item.relative.as_posix()] = record
        self.skipped += 1
        self.progress.files_skipped += 1
        self._file_finished(item, counted_bytes=False)

    def fail(self, item: InputFile, digest: str, reason: str) -> None:
        record = ArticleRecord(file=item.relative.as_posix(), status=STATUS_FAILED,
                               settings=self.settings, source_sha256=digest, reason=reason)
        self.store.save(item, record)
        self.records[record.file] = record
        self.failed += 1
        self.progress.files_failed += 1
        self._file_finished(item)

    def finish(self, article: _Article) -> None:
        """Summarise, write every output, then the record (last, as proof of completion).

        An article that cannot be written (a name the file system refuses, say) is
        recorded as failed and the batch goes on.
        """
        try:
            self._write_article(article)
        except OSError as exc:
            self.fail(article.item, article.source_sha256,
                      f"its outputs could not be written ({exc.strerror or exc})")

    def _write_article(self, article: _Article) -> None:
        from tarjama.core.export import SUFFIXES, write_export

        item = article.item
        summary = summarize_sentences(article.results, self.options.pipeline)
        words = sum(len(r.sentence.text.split()) for r in article.results)
        # The relative path and zero timings keep outputs identical from run to run.
        document = dataclasses.replace(article.document, path=Path(item.relative))
        result = ArticleResult(document, article.results, summary, self.translator.pack.info,
                               Stats(len(article.results), words, 0.0))
        outputs = []
        for fmt in self.options.formats:
            path = item.output_path(self.out_dir, SUFFIXES[fmt])
            write_export(result, fmt, path)
            outputs.append(path.relative_to(self.out_dir).as_posix())
        record = _record_for(result, item, self.settings, article.source_sha256, outputs)
        self.store.save(item, record)
        self.records[record.file] = record
        self.translated += 1
        self._file_finished(item)

    # -- reading and translating ------------------------------------------------------

    def start(self, entries: list[_Entry]) -> None:
        self._bytes_total = sum(e.item.size for e in entries if e.done is None)
        self._started = time.perf_counter()
        self._emit()

    def windows(self, entries: list[_Entry]) -> Iterator[list[_Article]]:
        """Group articles, in order, into windows of about N sentences to translate together.

        The engine's output can depend slightly on which sentences share a batch, so the
        windows must not depend on what earlier runs finished: they are planned over all
        articles, using the sentence counts in the records of finished ones. A window
        with nothing left to do is skipped; any other window is translated whole, its
        finished articles included (they are rewritten with the same bytes). That is
        what makes a resumed batch identical to an uninterrupted one.
        """
        window: list[_Entry] = []
        articles: dict[str, _Article] = {}  # read so far, by file
        queued = 0
        for entry in entries:
            if self.cancel.is_set():
                raise Cancelled()
            if entry.done is not None:
                count = entry.done.sentences
            else:
                article = self._read(entry)
                if article is None:
                    continue
                if not article.results:
                    self.finish(article)
                    continue
                articles[entry.item.relative.as_posix()] = article
                count = len(article.results)
            window.append(entry)
            queued += count
            if queued >= self.options.window_sentences:
                yield from self._close_window(window, articles)
                window, articles, queued = [], {}, 0
        if window:
            yield from self._close_window(window, articles)

    def _close_window(self, window: list[_Entry],
                      articles: dict[str, _Article]) -> Iterator[list[_Article]]:
        if not articles:
            for entry in window:
                if entry.done is not None:
                    self.skip(entry.item, entry.done)
            return
        redo = []
        for entry in window:
            article = articles.get(entry.item.relative.as_posix()) or self._read(entry)
            if article is not None and article.results:
                redo.append(article)
            elif article is not None:
                self.finish(article)
        if redo:
            yield redo

    def _read(self, entry: _Entry) -> _Article | None:
        """Read and segment one article; None (and a failure record) when it cannot be read."""
        from tarjama.core.documents import read_document
        from tarjama.core.figures import extract_arabic

        try:
            document = read_document(entry.item.path)
            sentences = segment(document, self.translator,
                                self.options.pipeline.max_sentence_tokens)
        except InputFileError as exc:
            self.fail(entry.item, entry.source_sha256, exc.reason)
            return None
        except Exception as exc:  # a reader bug must not stop an overnight batch
            self.fail(entry.item, entry.source_sha256,
                      f"could not be read ({type(exc).__name__}: {exc})")
            return None
        results = [SentenceResult(s, extract_arabic(s.text)) for s in sentences]
        return _Article(entry.item, entry.source_sha256, document, results, len(results))

    def translate(self, window: list[_Article]) -> None:
        owners = [(article, k) for article in window for k in range(len(article.results))]
        texts = [r.sentence.text for article in window for r in article.results]
        window_words = sum(len(text.split()) for text in texts)
        window_bytes = sum(article.item.size for article in window)
        sentences_before, words_before = self.progress.sentences_done, self.progress.words_done
        bytes_before = self._bytes_done

        def deliver(index: int, translation: str) -> None:
            article, k = owners[index]
            attach_translation(article.results[k], translation)
            article.remaining -= 1
            self.progress.current_file = article.item.relative.as_posix()
            self.progress.current_total = len(article.results)
            self.progress.current_done = len(article.results) - article.remaining
            if article.remaining == 0:
                self.finish(article)

        def progress(done: int, total: int) -> None:
            # The engine works longest sentences first, so articles finish in bursts; the
            # counters follow the engine's batches to keep the rate and ETA smooth.
            share = done / total if total else 1.0
            self.progress.sentences_done = sentences_before + done
            self.progress.words_done = words_before + round(window_words * share)
            finished_bytes = self._bytes_done - bytes_before
            self._partial_bytes = max(0.0, window_bytes * share - finished_bytes)
            self._emit()

        # The window is already the unit of cancel and progress: let the engine batch it whole.
        self.translator.translate(texts, on_result=deliver, progress=progress,
                                  cancel=self.cancel, stream=False)
        self._partial_bytes = 0.0

    # -- progress ---------------------------------------------------------------------

    def _file_finished(self, item: InputFile, *, counted_bytes: bool = True) -> None:
        self.progress.files_done += 1
        if counted_bytes:
            self._bytes_done += item.size
        self.progress.current_done = self.progress.current_total = 0
        self._emit()

    def _emit(self) -> None:
        p = self.progress
        p.seconds = time.perf_counter() - self._started
        if self._bytes_total:
            done = self._bytes_done + self._partial_bytes
            p.work_fraction = min(1.0, done / self._bytes_total)
        if self.on_progress is not None:
            self.on_progress(p)


def _settings_for(translator: Translator, options: BatchOptions) -> str:
    topts = translator.options
    translation = {"beam_size": topts.beam_size,
                   "max_decoding_length": topts.max_decoding_length}
    return settings_hash(str(translator.pack.fingerprint), translation, options.formats,
                         dataclasses.asdict(options.pipeline), __version__)


def _record_for(result: ArticleResult, item: InputFile, settings: str, digest: str,
                outputs: list[str]) -> ArticleRecord:
    from tarjama.core.export import summary_sentences

    warnings = tuple(
        FigureWarning(s.sentence.id, s.sentence.text, s.translation or "", check.detail)
        for s in result.warnings() for check in s.fidelity.checks if check.status != "ok"
    ) if result.translated else ()
    figures: dict[str, None] = {}
    for s in result.sentences:
        for figure in s.source_figures:
            figures.setdefault(figure.text, None)
    return ArticleRecord(
        file=item.relative.as_posix(),
        status=STATUS_DONE,
        settings=settings,
        source_sha256=digest,
        title=_title(result.document),
        encoding=result.document.encoding,
        sentences=result.stats.sentences,
        words=result.stats.source_words,
        summary=tuple(s.translation or s.sentence.text for s in summary_sentences(result)),
        figures=tuple(figures),
        warnings=warnings,
        outputs=tuple(outputs),
    )


def _title(document: Document) -> str:
    text = document.title or next((p.strip() for p in document.paragraphs if p.strip()), "")
    text = " ".join(text.split())
    return text if len(text) <= TITLE_LENGTH else text[:TITLE_LENGTH - 1].rstrip() + "…"
