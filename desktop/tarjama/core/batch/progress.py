"""Progress of a batch run: the snapshot shown to the user, and the tracker that keeps it.

Work done is measured in source bytes, so the fraction and the ETA move evenly over
files of very different sizes; within a window it follows the engine's batches.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from tarjama.core.batch.discover import InputFile

SENTENCE_REPORT_S = 0.1  # seconds between reports of sentences within one file


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
    last_failure: tuple[str, str] | None = None  # (file, reason) of the latest failed file

    @property
    def words_per_second(self) -> float:
        return self.words_done / self.seconds if self.seconds > 0 else 0.0

    @property
    def eta_seconds(self) -> float | None:
        if self.work_fraction <= 0 or self.seconds <= 0:
            return None
        return self.seconds * (1 - self.work_fraction) / self.work_fraction


class ProgressTracker:
    """Updates one ``BatchProgress`` as files finish and windows translate, and reports it."""

    def __init__(self, files_total: int,
                 on_progress: Callable[[BatchProgress], None] | None) -> None:
        self.snapshot = BatchProgress(files_total=files_total)
        self._on_progress = on_progress
        self._bytes_total = 0
        self._bytes_done = 0
        self._partial_bytes = 0.0  # share of the window being translated, in source bytes
        self._window_start = (0, 0, 0)  # sentences, words and bytes done before the window
        self._window_words = 0
        self._window_bytes = 0
        self._started = time.perf_counter()
        self._last_sentence_report = 0.0

    def start(self, bytes_to_translate: int) -> None:
        """Start the clock once the work of this run is known."""
        self._bytes_total = bytes_to_translate
        self._started = time.perf_counter()
        self._emit()

    # -- files -----------------------------------------------------------------------

    def file_translated(self, item: InputFile) -> None:
        self._file_finished(item)

    def file_failed(self, item: InputFile, reason: str) -> None:
        self.snapshot.files_failed += 1
        self.snapshot.last_failure = (item.relative.as_posix(), reason)
        self._file_finished(item, clear_current=True)

    def file_skipped(self, item: InputFile) -> None:
        # A skipped file was never part of the bytes to translate.
        self.snapshot.files_skipped += 1
        self._file_finished(item, counted_bytes=False, clear_current=True)

    def _file_finished(self, item: InputFile, *, counted_bytes: bool = True,
                       clear_current: bool = False) -> None:
        self.snapshot.files_done += 1
        if counted_bytes:
            self._bytes_done += item.size
        if clear_current:
            # A translated file keeps its counts (all done) until the next one shows.
            self.snapshot.current_done = self.snapshot.current_total = 0
        self._emit()

    # -- windows ---------------------------------------------------------------------

    def window_started(self, words: int, source_bytes: int) -> None:
        p = self.snapshot
        self._window_start = (p.sentences_done, p.words_done, self._bytes_done)
        self._window_words = words
        self._window_bytes = source_bytes

    def sentence_arrived(self, file: str, done: int, total: int) -> None:
        """Show how far the file the engine's latest translation belongs to has come.

        Reported when the file changes and otherwise at most every ``SENTENCE_REPORT_S``:
        translations arrive in bursts of hundreds at the end of an engine call.
        """
        p = self.snapshot
        changed = p.current_file != file
        p.current_file, p.current_total, p.current_done = file, total, done
        if changed or time.perf_counter() - self._last_sentence_report >= SENTENCE_REPORT_S:
            self._last_sentence_report = time.perf_counter()
            self._emit()

    def window_progress(self, done: int, total: int) -> None:
        # The engine works longest sentences first, so articles finish in bursts; the
        # counters follow the engine's batches to keep the rate and ETA smooth.
        sentences_before, words_before, bytes_before = self._window_start
        share = done / total if total else 1.0
        self.snapshot.sentences_done = sentences_before + done
        self.snapshot.words_done = words_before + round(self._window_words * share)
        finished_bytes = self._bytes_done - bytes_before
        self._partial_bytes = max(0.0, self._window_bytes * share - finished_bytes)
        self._emit()

    def window_finished(self) -> None:
        self._partial_bytes = 0.0

    def _emit(self) -> None:
        p = self.snapshot
        p.seconds = time.perf_counter() - self._started
        if self._bytes_total:
            done = self._bytes_done + self._partial_bytes
            p.work_fraction = min(1.0, done / self._bytes_total)
        if self._on_progress is not None:
            self._on_progress(p)
