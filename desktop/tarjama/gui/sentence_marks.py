"""The repair and confidence marks a reader pane keeps for its sentences.

A mixin of ``ReaderPane``, beside its figure marks and warnings: which sentences had
their translation repaired (with the tooltip that says how) and the model's score of
each translated sentence. Which scores count as low follows a ``ConfidenceMarking``
the window sets from the settings, so turning the marks off, or moving the threshold,
redraws the margin without touching the text. The marks are drawn by the pane's
``WarningGutter``, which repaints when the viewport does; a change here asks for that.

The window fills these records from each streamed slice (``note_for`` makes the
record of one translated sentence); showing new sentences clears them.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

from tarjama.core.pipeline import SentenceResult
from tarjama.gui.confidence_marks import ConfidenceMarking, confidence_note
from tarjama.gui.reader_sentences import PaneSentence
from tarjama.gui.repair_marks import repair_note


class SentenceNote(NamedTuple):
    """What the margin knows of one sentence: its repair tooltip ("" if none), its score."""

    id: int
    repair: str
    score: float | None


def note_for(sentence: SentenceResult) -> SentenceNote:
    return SentenceNote(sentence.sentence.id, repair_note(sentence), sentence.score)


class SentenceMarks:
    def _init_sentence_marks(self) -> None:
        self._repairs: dict[int, str] = {}
        self._scores: dict[int, float] = {}
        self._confidence = ConfidenceMarking()
        self._low: list[int] | None = None  # the marked ids, ascending; None: to be found

    def show_sentences(self, sentences: Sequence[PaneSentence], placeholder: str = "") -> None:
        self._repairs.clear()
        self._scores.clear()
        self._low = None
        super().show_sentences(sentences, placeholder)

    def set_sentence_notes(self, notes: Sequence[SentenceNote]) -> None:
        """Record the repairs and scores of some sentences (None or "": none any more)."""
        changed = False
        for note in notes:
            if 0 <= note.id < self.sentence_count():
                changed |= _put(self._repairs, note.id, note.repair or None)
                changed |= _put(self._scores, note.id, note.score)
        if changed:
            self._low = None
            # Only the gutter draws these, and it measures its markers again whenever
            # the viewport paints: a corner of it is enough. Repainting all the text for
            # every streamed slice cost the window a full paint of the pane each time.
            self.viewport().update(0, 0, 1, 1)

    def set_confidence_marking(self, marking: ConfidenceMarking) -> None:
        if marking != self._confidence:
            self._confidence = marking
            self._low = None
            self.viewport().update()

    def confidence_marking(self) -> ConfidenceMarking:
        return self._confidence

    # -- what the margin and the tooltips show ---------------------------------------------

    def repaired_sentences(self) -> list[int]:
        """Ids of the sentences whose translation was repaired, ascending."""
        return sorted(self._repairs)

    def low_confidence_sentences(self) -> list[int]:
        """Ids of the sentences marked as low confidence (none when marking is off)."""
        if self._low is None:
            self._low = sorted(i for i, score in self._scores.items()
                               if self._confidence.marks(score))
        return self._low

    def score(self, sentence_id: int) -> float | None:
        return self._scores.get(sentence_id)

    def repair_note(self, sentence_id: int) -> str:
        return self._repairs.get(sentence_id, "")

    def confidence_note(self, sentence_id: int) -> str:
        """The tooltip line of a marked sentence; empty if it is not marked."""
        low = self.low_confidence_sentences()
        index = bisect.bisect_left(low, sentence_id)
        if index < len(low) and low[index] == sentence_id:
            return confidence_note(self._scores[sentence_id])
        return ""

    def sentence_notes(self, sentence_id: int) -> list[str]:
        """The repair and confidence lines of a sentence's tooltip, those it has."""
        return [note for note in (self.repair_note(sentence_id),
                                  self.confidence_note(sentence_id)) if note]


def _put(records: dict, key: int, value: object) -> bool:
    """Set or (for None) remove ``records[key]``; whether anything changed."""
    if value is None:
        return records.pop(key, None) is not None
    if records.get(key) == value:
        return False
    records[key] = value
    return True
