"""The Batch window's background job: runs ``run_batch`` off the main thread.

The job only emits signals; Qt queues them to the window on the main thread, which
alone touches widgets. The engine is made in the job's thread too: importing Ray and
reaching a cluster take seconds.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Signal

from tarjama.core.errors import TarjamaError
from tarjama.gui.batch_engine_choice import EngineChoice

if TYPE_CHECKING:
    from tarjama.core.batch.engine import BatchEngine

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.1  # seconds between progress signals, unless the file changes

TranslatorFactory = Callable[[], Any]


def default_translator() -> Any:
    """The default installed pack's translator, without the cache (see ``run_batch``);
    raises PackError when there is no pack."""
    from tarjama.core.packs import resolve_pack
    from tarjama.core.translate import TranslationOptions, Translator

    return Translator(resolve_pack(None),
                      TranslationOptions(use_cache=False, batches_side_by_side=True))


class BatchSignals(QObject):
    progress = Signal(object)     # a BatchProgress snapshot
    failure = Signal(str, str)    # file (relative to the articles folder), reason
    succeeded = Signal(object)    # the BatchReport (possibly cancelled)
    failed = Signal(str)          # the whole batch could not run: a readable message
    finished = Signal()


def engine_for(choice: EngineChoice) -> BatchEngine:
    """The engine the window's "Run on" choice means, checked as ``tarjama batch`` checks
    it: no Ray, or nobody at the address, is a ClusterError before any work."""
    from tarjama.core.batch.engine import checked_engine

    if choice.engine != "ray":
        return checked_engine("local")
    return checked_engine("ray", address=choice.address, workers=choice.workers)


class BatchJob(QRunnable):
    def __init__(self, in_dir: Path, out_dir: Path, options: Any,
                 translator_factory: TranslatorFactory, cancel: threading.Event,
                 signals: BatchSignals, engine_choice: EngineChoice | None = None) -> None:
        super().__init__()
        self.in_dir, self.out_dir, self.options = in_dir, out_dir, options
        self.engine_choice = engine_choice or EngineChoice()
        self.translator_factory = translator_factory
        self.cancel = cancel
        self.signals = signals
        self._failures_shown = 0
        self._last_emit = 0.0
        self._last_key: tuple[int, str, int] | None = None

    def run(self) -> None:
        from tarjama.core.batch import run_batch

        try:
            # The engine first: an unreachable cluster is said before the pack loads.
            engine = engine_for(self.engine_choice)
            report = run_batch(self.in_dir, self.out_dir, self.translator_factory(),
                               self.options, on_progress=self._on_progress, cancel=self.cancel,
                               engine=engine)
            self.signals.succeeded.emit(report)
        except TarjamaError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug: still a sentence, with the details in the log
            log.exception("batch failed")
            self.signals.failed.emit(f"The batch stopped unexpectedly: {exc}")
        finally:
            self.signals.finished.emit()

    def _on_progress(self, progress: Any) -> None:
        if progress.files_failed > self._failures_shown and progress.last_failure:
            # Each failed file is reported once, with its reason, as it happens.
            self._failures_shown = progress.files_failed
            self.signals.failure.emit(*progress.last_failure)
        now = time.monotonic()
        # An engine batch's end (new sentence and word counts) always shows: the last
        # one often comes right after the last file, and would otherwise be dropped.
        key = (progress.files_done, progress.current_file, progress.sentences_done)
        if key == self._last_key and now - self._last_emit < PROGRESS_INTERVAL:
            return
        self._last_emit, self._last_key = now, key
        self.signals.progress.emit(dataclasses.replace(progress))  # the runner keeps changing it
