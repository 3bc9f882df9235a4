"""The reader window's article jobs: start one, pace what it streams, say when it is over.

``ArticleWorker`` runs each job off the GUI thread, one at a time, and drops whatever an
older job still says. Translated sentences arrive from it in bursts (a whole batch at
once); handing a burst to the window in one go would freeze it, so the session queues
them and a zero-timer hands them out in slices of at most ``DRAIN_BUDGET`` seconds, one
slice per turn of the event loop. The final result waits until the queue is empty, so a
streamed sentence never lands on top of it.
"""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QObject, QTimer, Signal

from tarjama.core.pipeline import ArticleResult, SentenceResult
from tarjama.gui.worker import ArticleWorker, JobRequest

DRAIN_BUDGET = 0.012  # seconds of sentence display per event-loop turn


class ArticleSession(QObject):
    """The window's current article job and the queue of sentences it has translated.

    Connect ``sentence_translated`` directly (the default, on the main thread): the time
    budget of a slice counts the time its slots take to show the sentences.
    """

    pack_missing = Signal(str)  # why there is no translation; only the Arabic will come
    prepared = Signal(object)  # ArticleResult: the Arabic, its figures and summary, no English
    sentence_translated = Signal(object)  # SentenceResult, due on screen now
    slice_delivered = Signal(object)  # list[SentenceResult]: a slice, after each was delivered
    progressed = Signal(int, int)  # done, total
    completed = Signal(object)  # the final ArticleResult, after its last queued sentence
    failed = Signal(object)  # the exception; Cancelled when the user cancelled
    job_finished = Signal()  # the job is over and everything it produced was delivered

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = ArticleWorker(self)
        self.request: JobRequest | None = None
        self.no_pack = False  # the current job found no translation pack
        self._started = 0.0
        self._words_done = 0
        self._incoming: deque[SentenceResult] = deque()
        self._final: ArticleResult | None = None
        self._worker_done = True
        self._drain_timer = QTimer(self)
        self._drain_timer.setInterval(0)
        self._drain_timer.timeout.connect(self._drain)
        self.worker.prepared.connect(self.prepared)
        self.worker.pack_missing.connect(self.on_pack_missing)
        self.worker.sentence_ready.connect(self.on_sentence_ready)
        self.worker.progress.connect(self.progressed)
        self.worker.result.connect(self.on_result)
        self.worker.error.connect(self.failed)
        self.worker.finished.connect(self.on_worker_finished)

    @property
    def busy(self) -> bool:
        """Whether the current job is still running."""
        return self.worker.busy

    def start(self, request: JobRequest) -> None:
        """Start a job for ``request``; a job still running is cancelled."""
        self.request = request
        self.no_pack = False
        self._words_done = 0
        self._started = time.perf_counter()
        self._incoming.clear()  # sentences of the previous job that were not shown yet
        self._final = None
        self._worker_done = False
        self.worker.start(request)

    def cancel(self) -> None:
        self.worker.cancel()

    def forget_translator(self) -> None:
        """Load the pack again on the next job (packs were installed or removed)."""
        self.worker.forget_translator()

    def shutdown(self) -> None:
        """Cancel the job and wait for it, so none outlives the window."""
        self.worker.shutdown()

    def words_per_second(self) -> float:
        """Arabic words translated per second since the job started."""
        elapsed = max(time.perf_counter() - self._started, 1e-6)
        return self._words_done / elapsed

    def on_pack_missing(self, message: str) -> None:
        self.no_pack = True
        self.pack_missing.emit(message)

    def on_sentence_ready(self, sentence: SentenceResult) -> None:
        """Queue a translated sentence; the queue is handed out in slices (see _drain)."""
        self._incoming.append(sentence)
        self._words_done += len(sentence.sentence.text.split())
        if not self._drain_timer.isActive():
            self._drain_timer.start()

    def _drain(self) -> None:
        """Hand out queued sentences for at most DRAIN_BUDGET seconds, then yield to the loop."""
        started = time.perf_counter()
        delivered = []
        while self._incoming and time.perf_counter() - started < DRAIN_BUDGET:
            sentence = self._incoming.popleft()
            self.sentence_translated.emit(sentence)
            delivered.append(sentence)
        if delivered:
            self.slice_delivered.emit(delivered)
        if not self._incoming:
            self._drain_timer.stop()
            self._maybe_complete()

    def on_result(self, article: ArticleResult) -> None:
        self._final = article  # delivered once every queued sentence is

    def on_worker_finished(self) -> None:
        self._worker_done = True
        self._maybe_complete()

    def _maybe_complete(self) -> None:
        """Once the job is over and its sentences are delivered: the final result, the end."""
        if not self._worker_done or self._incoming:
            return
        if self._final is not None:
            final, self._final = self._final, None
            self.completed.emit(final)
        self.job_finished.emit()
