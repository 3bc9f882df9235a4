"""Summaries off the GUI thread: the reader's second, and last, use of threads.

Re-summarising a long article takes long enough to freeze the window (seconds at 800
sentences with the slower algorithms), so it runs in its own single-thread pool: not
the translator's, which may be busy with a whole article for a minute. Like article
jobs, each summary job carries a token; a newer request, or ``drop`` (a new article
opened, the final article arrived), makes every older result stale, and stale results
are never emitted. Jobs only emit signals; widgets stay on the main thread.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from tarjama.core.pipeline import PipelineOptions, SentenceResult

log = logging.getLogger(__name__)


class SummarySignals(QObject):
    done = Signal(int, object)  # token, Summary
    failed = Signal(int, object)  # token, exception


class SummaryJob(QRunnable):
    def __init__(self, token: int, sentences: tuple[SentenceResult, ...],
                 options: PipelineOptions, title: str | None,
                 signals: SummarySignals) -> None:
        super().__init__()
        self.token = token
        self.sentences = sentences
        self.options = options
        self.title = title
        self.signals = signals

    def run(self) -> None:
        from tarjama.core import pipeline  # looked up at run time, so tests can watch it

        try:
            summary = pipeline.summarize_sentences(self.sentences, self.options,
                                                   title=self.title)
        except Exception as exc:  # handed to the main thread, which keeps the old summary
            log.exception("summary job failed")
            self.signals.failed.emit(self.token, exc)
        else:
            self.signals.done.emit(self.token, summary)


class SummaryWorker(QObject):
    """Runs one summary at a time; ``summarised`` carries only the latest request's."""

    summarised = Signal(object)  # Summary
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._token = 0
        self._waiting = False
        self._signals = SummarySignals(self)  # lives on the main thread: its slots run there
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)

    @property
    def busy(self) -> bool:
        """Whether the latest request has not answered yet."""
        return self._waiting

    def start(self, sentences: Sequence[SentenceResult], algorithm: str, length: int,
              title: str | None = None) -> int:
        """Summarise ``sentences`` (copied: the window keeps changing its list); a token."""
        self._token += 1
        self._waiting = True
        options = PipelineOptions(summary_algorithm=algorithm, summary_sentences=length)
        self.pool.start(SummaryJob(self._token, tuple(sentences), options, title,
                                   self._signals))
        return self._token

    def drop(self) -> None:
        """Whatever is being summarised now is no longer wanted."""
        self._token += 1
        self._waiting = False

    def shutdown(self, timeout_ms: int = 30000) -> None:
        self.drop()
        self.pool.waitForDone(timeout_ms)

    def _on_done(self, token: int, summary: object) -> None:
        if token == self._token:
            self._waiting = False
            self.summarised.emit(summary)

    def _on_failed(self, token: int, exc: object) -> None:
        if token == self._token:
            self._waiting = False
            self.failed.emit(exc)
