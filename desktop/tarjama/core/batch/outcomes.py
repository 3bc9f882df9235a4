"""What a batch run did to each article, in flat memory, and the report it returns.

A run never holds the records of its articles: each one is on disk (``RecordStore``)
the moment the article is finished. All the run keeps is one byte per input (was it
finished, failed or skipped in this run, or finished by an earlier one) and the few
records that could not be saved (a failure whose record name the file system
refuses). The index and the report read the records back one at a time, in input
order, so a folder of 10,000 articles ends in the same memory as one of 100.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tarjama.core.batch.discover import InputFile
from tarjama.core.batch.faults import EXIT_OUTPUT
from tarjama.core.batch.records import STATUS_FAILED, STATUS_PENDING, ArticleRecord, RecordStore
from tarjama.core.errors import EXIT_CANCELLED, EXIT_FAILURE, EXIT_OK

# What this run knows of an input, one byte each.
_NOT_REACHED = 0  # pending, unless an earlier run finished it
_SAVED = 1  # its record was saved (or found current) by this run
_FAILED = 2  # failed in this run, its record saved
_UNSAVED = 3  # failed in this run, its record kept in memory


class RunOutcomes:
    """The outcome of each input of one run, by its position in the input list."""

    def __init__(self, inputs: Sequence[InputFile], store: RecordStore) -> None:
        self.inputs = inputs
        self.store = store
        self._state = bytearray(len(inputs))
        self._done_before = bytearray(len(inputs))  # finished by an earlier run
        self._unsaved: dict[int, ArticleRecord] = {}

    def done_before(self, position: int) -> None:
        """An earlier run finished this input with today's settings and source."""
        self._done_before[position] = 1

    def saved(self, position: int) -> None:
        self._state[position] = _SAVED

    def failed(self, position: int, record: ArticleRecord, *, stored: bool) -> None:
        """A failure of this run; ``record`` is only kept when it could not be stored."""
        self._state[position] = _FAILED if stored else _UNSAVED
        if stored:
            self._unsaved.pop(position, None)
        else:
            self._unsaved[position] = record

    def records(self) -> Iterator[ArticleRecord]:
        """Every input's record, in input order: read back from the store one at a time.

        An input this run did not reach (after a cancel or a stop) is pending unless an
        earlier run finished it; a record that has gone from the disk since is pending.
        """
        for position in range(len(self.inputs)):
            yield self._record(position)

    def failures(self) -> Iterator[ArticleRecord]:
        """The records of the inputs that failed in this run, in input order."""
        for position, state in enumerate(self._state):
            if state in (_FAILED, _UNSAVED):
                yield self._record(position)

    def _record(self, position: int) -> ArticleRecord:
        state = self._state[position]
        if state == _UNSAVED:
            return self._unsaved[position]
        item = self.inputs[position]
        if state != _NOT_REACHED or self._done_before[position]:
            record = self.store.load(item)
            if record is not None:
                return record
        status = STATUS_PENDING if state != _FAILED else STATUS_FAILED
        return ArticleRecord(file=item.relative.as_posix(), status=status)


@dataclass
class BatchReport:
    """The counts and paths of a finished (or stopped) run; records are read back on demand."""

    out_dir: Path
    outcomes: RunOutcomes
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

    def records(self) -> Iterator[ArticleRecord]:
        """Every article's record in input order, read back one at a time (see
        ``RunOutcomes.records``): the rows of the index."""
        return self.outcomes.records()

    def failures(self) -> Iterator[ArticleRecord]:
        """The records of the articles that failed in this run, in input order."""
        return self.outcomes.failures()

    @property
    def exit_code(self) -> int:
        if self.stopped or self.index_error:
            return EXIT_OUTPUT
        if self.cancelled:
            return EXIT_CANCELLED
        return EXIT_FAILURE if self.failed else EXIT_OK
