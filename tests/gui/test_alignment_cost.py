"""A streamed slice costs the aligner the paragraphs it touched, not the whole article.

After a slice the walk stops once it is past the changed paragraphs and the rest of the
documents is level; a change Qt did not report (or reported short) is still found and
padded. Tops are read from the text layout, as in test_paragraph_alignment.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from test_paragraph_alignment import (
    LONG_ENGLISH,
    PARAGRAPHS,
    assert_level,
    first_line_tops,
    sentences,
    wait_aligned,
)
from test_paragraph_alignment import panes as panes  # the fixture, shared

from tarjama.gui.reader_pane import SentenceUpdate


def measured_blocks(linker) -> list[int]:
    """Record the number of each paragraph pair the aligner measures from now on."""
    aligner = linker.aligner
    seen: list[int] = []
    measure = aligner._mismatch

    def counting(blocks):
        seen.append(blocks[0].blockNumber())
        return measure(blocks)

    aligner._mismatch = counting
    return seen


def test_a_slice_near_the_top_is_aligned_without_walking_the_rest(panes, qtbot):
    source, target, linker = panes
    seen = measured_blocks(linker)
    first = next(s for s in sentences(1) if s.paragraph == 2)
    second = next(s for s in sentences(1) if s.paragraph == 3)
    target.update_sentences([SentenceUpdate(first.id, LONG_ENGLISH[1]),
                             SentenceUpdate(second.id, "Short.")])
    wait_aligned(qtbot, linker)
    assert_level(source, target)
    assert seen  # the changed paragraphs were measured
    assert max(seen) <= 4 < len(PARAGRAPHS) - 1  # and not every paragraph after them


def test_a_change_past_the_reported_range_is_still_padded(panes, qtbot):
    """Qt may report an edit block's start without its end: the walk then goes on."""
    source, target, linker = panes
    far = len(PARAGRAPHS) - 6
    block = target.document().findBlockByNumber(far)
    linker.aligner._applying = True  # this edit goes unreported, as Qt sometimes does
    try:
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertText(" " + LONG_ENGLISH[1] * 2)
    finally:
        linker.aligner._applying = False
    arabic, english = first_line_tops(source), first_line_tops(target)
    assert abs(arabic[far + 1] - english[far + 1]) > 20  # what the reader would see
    seen = measured_blocks(linker)
    near = next(s for s in sentences(1) if s.paragraph == 1)
    target.update_sentences([SentenceUpdate(near.id, "A new sentence.")])
    wait_aligned(qtbot, linker)
    arabic, english = first_line_tops(source), first_line_tops(target)
    assert all(abs(a - e) <= 1.0 for a, e in zip(arabic, english, strict=True))
    assert far in seen


def test_streamed_slices_at_any_place_keep_every_paragraph_level(panes, qtbot):
    source, target, linker = panes
    english = sentences(1)
    for paragraph in (30, 5, 17, 0, len(PARAGRAPHS) - 2):
        changed = [s for s in english if s.paragraph in (paragraph, paragraph + 1)]
        target.update_sentences([SentenceUpdate(s.id, s.text + " " + LONG_ENGLISH[1])
                                 for s in changed])
        wait_aligned(qtbot, linker)
        assert_level(source, target)
