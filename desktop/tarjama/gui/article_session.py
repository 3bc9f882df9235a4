"""The reader window's article jobs: start one, pace what it streams, say when it is over.

``ArticleWorker`` runs each job off the GUI thread, one at a time, and drops whatever an
older job still says. Translated sentences arrive from it in bursts (a whole engine
window at once, later ones of a hundred sentences and more); handing a burst to the
window in one go would freeze it, so the session queues them and a zero-timer hands
them out in slices, one ``slice_delivered`` per turn of the event loop. The slice size
follows what the last slice cost, so that each takes about ``DRAIN_BUDGET`` seconds.
Progress is passed on at most every ``PROGRESS_INTERVAL`` (a progress bar repaints at
once on every change), or with the next slice of sentences, which it counts. The final
result waits until the queue is empty, so a streamed sentence never lands on top of it.
"""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QObject, QTimer, Signal

from tarjama.core.pipeline import ArticleResult, SentenceResult
from tarjama.gui.worker import ArticleWorker, JobRequest

DRAIN_BUDGET = 0.008  # seconds of sentence display per event-loop turn; painting follows
FIRST_SLICE = 4  # sentences in the first slice, before its cost is known
MAX_SLICE = 64  # a cheap slice must not let the next one grow into a freeze
PROGRESS_INTERVAL = 100  # ms


class ArticleSession(QObject):
    """The window's current article job and the queue of sentences it has translated.

    Connect ``slice_delivered`` directly (the default, on the main thread): the size of
    the next slice follows the time its slots took to show this one.
    """

    pack_missing = Signal(str)  # why there is no translation; only the Arabic will come
    prepared = Signal(object)  # ArticleResult: the Arabic, its figures and summary, no English
    slice_delivered = Signal(object)  # list[SentenceResult]: translations due on screen now
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
        self._slice = FIRST_SLICE
        self._progress: tuple[int, int] | None = None  # the latest, not passed on yet
        self._progress_timer = QTimer(self, singleShot=True, interval=PROGRESS_INTERVAL)
        self._progress_timer.timeout.connect(self._pass_progress)
        self.worker.prepared.connect(self.prepared)
        self.worker.pack_missing.connect(self.on_pack_missing)
        self.worker.sentences_ready.connect(self.on_sentences_ready)
        self.worker.progress.connect(self.on_progress)
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
        self._progress = None
        self._progress_timer.stop()
        self._slice = FIRST_SLICE  # this article's sentences may cost more than the last's
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

    def on_sentences_ready(self, sentences: list[SentenceResult]) -> None:
        """Queue translated sentences; the queue is handed out in slices (see _drain)."""
        self._incoming.extend(sentences)
        self._words_done += sum(len(s.sentence.text.split()) for s in sentences)
        if not self._drain_timer.isActive():
            self._drain_timer.start()

    def on_progress(self, done: int, total: int) -> None:
        self._progress = (done, total)
        if not self._progress_timer.isActive():
            self._progress_timer.start()

    def _pass_progress(self) -> None:
        if self._progress is not None:
            progress, self._progress = self._progress, None
            self.progressed.emit(*progress)

    def _drain(self) -> None:
        """Hand out one slice of queued sentences, then yield to the event loop."""
        if self._progress is not None and self._incoming:
            # A count held back goes out with the sentences it counts: the counter must
            # not read "0 of 65" under the first English sentences.
            self._progress_timer.stop()
            self._pass_progress()
        started = time.perf_counter()
        count = min(self._slice, len(self._incoming))
        delivered = [self._incoming.popleft() for _ in range(count)]
        if delivered:
            self.slice_delivered.emit(delivered)
            spent = time.perf_counter() - started
            # Aim the next slice at the budget; at most double, so one cheap slice (no
            # figures, short sentences) cannot make the next one a long freeze.
            wanted = int(count * DRAIN_BUDGET / max(spent, 1e-4))
            self._slice = max(1, min(MAX_SLICE, 2 * count, wanted))
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
        self._progress_timer.stop()
        self._pass_progress()
        if self._final is not None:
            final, self._final = self._final, None
            self.completed.emit(final)
        self.job_finished.emit()
