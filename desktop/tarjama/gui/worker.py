"""Where the desktop reader uses threads, with summary_job.py (summaries off the GUI thread).

A single-thread QThreadPool runs one ``ArticleJob`` at a time: it reads the file (in a
reader process with a time and memory budget, see document_reading.py), segments it,
finds the Arabic figures and summary (``prepared``), then translates the first two
sentences alone and the rest in one call streamed back window by window, handing over
each window's count and then its finished sentences (``progress``, ``sentences_ready``), and
finishes with the complete ``result``. Because the pool has one thread, the loaded
translator is only ever used by one job, and it is kept between jobs
(``job_translator``, which also loads the model while the Arabic is prepared).

Every job carries a token. Starting a job cancels the previous one, and anything
an older job still emits is dropped, so a slow old job can never overwrite a newer
document. Widgets are never touched off the main thread: jobs only emit signals,
which Qt queues to the ``ArticleWorker`` living on the main thread.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from tarjama.core.errors import Cancelled, PackError
from tarjama.gui.document_reading import DocumentReaders, StartReaders
from tarjama.gui.job_translator import (
    TranslatorCache,
    freeze_startup_objects,
    load_translator,
    run_in_background,
    share_the_gil,
)

if TYPE_CHECKING:
    from tarjama.core.batch.reader_process import ReadLimits
    from tarjama.core.glossary import Glossary

log = logging.getLogger(__name__)
# Sentences in the first engine call: one call of two sentences is back in well under a
# second with an opus-mt size model on two cores; eight were not.
FIRST_WINDOW = 2


@dataclass(frozen=True)
class JobRequest:
    """What to do with one file; built from the settings on the main thread."""

    path: Path
    pack_spec: str | None = None  # None: $TARJAMA_PACK, then the default installed pack
    beam_size: int = 2
    summary_algorithm: str = "lexrank"
    summary_sentences: int = 5
    encoding: str | None = None  # the user's choice for text files; None: detect it
    # A sentence that fails the fidelity check is decoded again (core/repair.py).
    repair: bool = True
    glossary: Glossary | None = None  # its terms are checked (and repaired) like figures
    normalise_digits: bool = True  # Eastern Arabic digits reach the model as 0-9


class JobSignals(QObject):
    """Signals a job emits from the pool thread; the first argument is the job's token."""

    prepared = Signal(int, object)  # ArticleResult without translations, Arabic summary
    pack_missing = Signal(int, str)  # why there is no translation
    sentences_ready = Signal(int, object)  # list of translated SentenceResult (private copies)
    progress = Signal(int, int, int)  # done, total
    result = Signal(int, object)  # the final ArticleResult
    error = Signal(int, object)  # the exception; Cancelled when the user cancelled
    finished = Signal(int)


class ArticleJob(QRunnable):
    def __init__(self, token: int, request: JobRequest, cache: TranslatorCache,
                 cancel: threading.Event, signals: JobSignals,
                 readers: DocumentReaders) -> None:
        super().__init__()
        self.token = token
        self.request = request
        self.cache = cache
        self.readers = readers
        self.cancel = cancel
        self.signals = signals

    def run(self) -> None:
        try:
            self._run()
        except Exception as exc:  # handed to the main thread, which reports it
            if not isinstance(exc, Cancelled | PackError):
                log.exception("article job failed for %s", self.request.path)
            self.signals.error.emit(self.token, exc)
        finally:
            self.signals.finished.emit(self.token)

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled("translation cancelled")

    def _run(self) -> None:
        from tarjama.core.figures import extract_arabic
        from tarjama.core.pipeline import (
            ArticleResult,
            PipelineOptions,
            SentenceResult,
            Stats,
            attach_translation,
            segment,
            summarize_sentences,
        )

        token, emit = self.token, self.signals
        run_in_background()  # the window goes first when both want a core
        self._check_cancel()
        loaded: list[Any] = []  # the translator or why there is none, once the file is sent
        document = self.readers.read(self.request.path, self.request.encoding, self.cancel,
                                     lambda: loaded.append(load_translator(self.cache,
                                                                           self.request)))
        self._check_cancel()
        translator = loaded[0]  # a pack problem is said once the file has opened, as ever
        if isinstance(translator, PackError):
            emit.pack_missing.emit(token, str(translator))
            translator = None
        elif isinstance(translator, Exception):
            raise translator
        freeze_startup_objects()
        self._check_cancel()

        options = PipelineOptions(summary_algorithm=self.request.summary_algorithm,
                                  summary_sentences=self.request.summary_sentences)
        # Segment once, with the translator's token counter when there is one, so the
        # sentence ids of the prepared view and of the translation are the same.
        sentences = segment(document, translator, options.max_sentence_tokens)
        results = [SentenceResult(s, extract_arabic(s.text)) for s in sentences]
        words = sum(len(s.text.split()) for s in sentences)
        pack_info = translator.pack.info if translator is not None else None
        arabic_summary = summarize_sentences(results, options, title=document.title)
        emit.prepared.emit(token, ArticleResult(
            document, [dataclasses.replace(r) for r in results], arabic_summary, None,
            Stats(len(results), words, 0.0)))
        if translator is None or not results:
            emit.progress.emit(token, len(results), len(results))
            emit.result.emit(token, ArticleResult(document, results, arabic_summary, pack_info,
                                                  Stats(len(results), words, 0.0)))
            return

        from tarjama.core.repair import repair_for
        from tarjama.core.translate_result import Translation

        # The model has been loading since the file was sent (load_engine_aside); its end
        # is awaited before the clock starts, so the seconds (and words/s) are translating
        # time, as the CLI's and raw CTranslate2's are, not the load's.
        translator.engine  # noqa: B018 - waits for the load; a PackError is the job's
        started = time.perf_counter()
        texts = [s.text for s in sentences]
        # The first two sentences go to the engine alone (English in well under a second),
        # then the rest in one call that the translator streams back window by window in
        # reading order, its first window one engine batch, then four, then each eight times
        # the one before (see core/translate_windows.py); more calls would each end in a
        # part-filled batch.
        # What one window finishes goes over in one signal: one queued event per
        # sentence cost the GUI thread more than showing the sentence.
        ready: list[SentenceResult] = []
        cached = 0
        first = min(FIRST_WINDOW, len(texts))
        for start, end, opening in ((0, first, ()), (first, len(texts), (1,))):
            def deliver(index: int, translation: Translation, start: int = start) -> None:
                attach_translation(results[start + index], translation,
                                   glossary=self.request.glossary)
                ready.append(dataclasses.replace(results[start + index]))

            def progress(done: int, _total: int, start: int = start) -> None:
                # The count first, so the window has it before it shows what it counts.
                emit.progress.emit(token, start + done, len(texts))
                if ready:
                    emit.sentences_ready.emit(token, ready.copy())
                    ready.clear()

            if end > start:
                revise = repair_for(results[start:end], enabled=self.request.repair,
                                    glossary=self.request.glossary)
                translator.translate(texts[start:end], on_translation=deliver,
                                     progress=progress, cancel=self.cancel, opening=opening,
                                     revise=revise)
                cached += translator.last_stats.cached
        seconds = time.perf_counter() - started
        summary = summarize_sentences(results, options, title=document.title)
        emit.result.emit(token, ArticleResult(document, results, summary, pack_info,
                                              Stats(len(results), words, seconds, cached)))


class ArticleWorker(QObject):
    """Starts, cancels and filters article jobs; its signals carry only the current job's news."""

    prepared = Signal(object)
    pack_missing = Signal(str)
    sentences_ready = Signal(object)  # list[SentenceResult], in document order
    progress = Signal(int, int)
    result = Signal(object)
    error = Signal(object)
    finished = Signal()

    def __init__(self, parent: QObject | None = None, *, read_limits: ReadLimits | None = None,
                 reader: Callable[..., Any] | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        # The reader process dies with the thread that started it: the thread stays.
        self.pool.setExpiryTimeout(-1)
        share_the_gil()  # the jobs run Python beside the GUI thread
        self.readers = DocumentReaders(read_limits, reader)
        # Its imports overlap the window's start. A QRunnable of our own, kept: a bare
        # callable handed to QThreadPool.start is wrapped by PySide in one it owns.
        self._starter = StartReaders(self.readers)
        self.pool.start(self._starter)
        self._cache = TranslatorCache()
        self._token = 0
        self._cancel: threading.Event | None = None
        self._running: set[int] = set()
        self._signals: dict[int, JobSignals] = {}

    @property
    def busy(self) -> bool:
        """Whether the current job has not finished yet."""
        return self._token in self._running

    def start(self, request: JobRequest) -> int:
        """Cancel the current job and queue a new one; returns its token."""
        self.cancel()
        self._token += 1
        token = self._token
        self._cancel = threading.Event()
        signals = JobSignals()  # created here so it lives on the main thread
        signals.prepared.connect(self._on_prepared)
        signals.pack_missing.connect(self._on_pack_missing)
        signals.sentences_ready.connect(self._on_sentences_ready)
        signals.progress.connect(self._on_progress)
        signals.result.connect(self._on_result)
        signals.error.connect(self._on_error)
        signals.finished.connect(self._on_finished)
        self._signals[token] = signals
        self._running.add(token)
        self.pool.start(ArticleJob(token, request, self._cache, self._cancel, signals,
                                   self.readers))
        return token

    def cancel(self) -> None:
        """Ask the current job to stop at its next batch; it then reports Cancelled."""
        if self._cancel is not None:
            self._cancel.set()

    def forget_translator(self) -> None:
        """Load the pack again on the next job (packs were installed or removed)."""
        self._cache.forget()

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Cancel and wait for the pool, so no job outlives the window."""
        self.cancel()
        if self.pool.waitForDone(timeout_ms):
            self.readers.stop()  # no job uses the reader processes any more

    # Each slot drops what an older job says.
    def _on_prepared(self, token: int, article: object) -> None:
        if token == self._token:
            self.prepared.emit(article)

    def _on_pack_missing(self, token: int, message: str) -> None:
        if token == self._token:
            self.pack_missing.emit(message)

    def _on_sentences_ready(self, token: int, sentences: object) -> None:
        if token == self._token:
            self.sentences_ready.emit(sentences)

    def _on_progress(self, token: int, done: int, total: int) -> None:
        if token == self._token:
            self.progress.emit(done, total)

    def _on_result(self, token: int, article: object) -> None:
        if token == self._token:
            self.result.emit(article)

    def _on_error(self, token: int, exc: object) -> None:
        if token == self._token:
            self.error.emit(exc)

    def _on_finished(self, token: int) -> None:
        self._running.discard(token)
        signals = self._signals.pop(token, None)
        if signals is not None:
            signals.deleteLater()
        if token == self._token:
            self.finished.emit()
