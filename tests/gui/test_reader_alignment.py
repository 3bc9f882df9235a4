"""Where the reader's paragraphs really sit: Arabic flush right, English flush left.

Laid out offscreen at a fixed width, each wrapped line is measured twice: from the text
layout (the line's natural text rectangle, which includes the alignment offset) and
from the pixels of the pane (the leftmost and rightmost ink of each line's band).
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from tarjama.gui.reader_pane import PaneSentence, ReaderPane

# Written for these tests: one paragraph long enough to wrap at 420 px, whose last line
# is short, and a one-word paragraph.
ARABIC_LONG = (
    "أعلنت السلطات المحلية في المدينة الساحلية صباح اليوم أن فرق الإنقاذ تواصل البحث "
    "عن المفقودين بعد العاصفة التي ضربت المنطقة خلال الليل وألحقت أضرارا كبيرة "
    "بالمنازل والطرق والجسور. وتم إنقاذ عائلة."
)
ARABIC_SHORT = "انتهى."
ENGLISH_LONG = ("The local authorities in the coastal city said this morning that rescue "
                "teams were still searching for the missing after the storm. A family was saved.")
# Translations that start with an Arabic name or with digits: left to the first strong
# letter, Qt would lay the first one out right to left.
ENGLISH_ARABIC_NAME = ("أحمد الخطيب said the storm damaged many houses, roads and bridges "
                       "along the coast overnight.")
ENGLISH_DIGITS = "2023 was the year the city grew to about 450,000 people, officials said."

WIDTH, HEIGHT = 420, 420
LAYOUT_TOLERANCE = 2.0  # px; a space or rounding at the line's end
INK_TOLERANCE = 4  # px; a glyph's side bearing and antialiasing


def make_pane(qtbot, rtl: bool, sentences: list[PaneSentence], placeholder: str = ""):
    pane = ReaderPane(rtl=rtl)
    qtbot.addWidget(pane)
    pane.resize(WIDTH, HEIGHT)
    pane.show()
    pane.show_sentences(sentences, placeholder)
    qtbot.waitExposed(pane)
    return pane


def text_edges(pane: ReaderPane) -> tuple[float, float]:
    """The left and right margins of the text in viewport coordinates."""
    margin = pane.document().documentMargin()
    return margin, pane.viewport().width() - margin


def laid_out_lines(pane: ReaderPane) -> list[tuple[int, float, float, float, float]]:
    """(block, left, right, top, bottom) of every line, in viewport coordinates."""
    dx = -pane.horizontalScrollBar().value()
    dy = -pane.verticalScrollBar().value()
    lines = []
    block = pane.document().begin()
    while block.isValid():
        layout = block.layout()
        origin = layout.position()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            rect = line.naturalTextRect().translated(origin.x() + dx, origin.y() + dy)
            lines.append((block.blockNumber(), rect.left(), rect.right(),
                          rect.top(), rect.bottom()))
        block = block.next()
    return lines


def ink_columns(image: QImage, top: float, bottom: float) -> tuple[int, int]:
    """Leftmost and rightmost column in a band of rows that differ from the background."""
    background = QColor(image.pixel(image.width() - 1, image.height() - 1)).lightness()
    left, right = image.width(), -1
    for y in range(max(0, int(top)), min(image.height(), int(bottom) + 1)):
        for x in range(image.width()):
            if abs(QColor(image.pixel(x, y)).lightness() - background) > 100:
                left, right = min(left, x), max(right, x)
    return left, right


def test_every_arabic_line_ends_at_the_right_margin(qtbot):
    pane = make_pane(qtbot, True, [PaneSentence(0, 0, ARABIC_LONG),
                                   PaneSentence(1, 1, ARABIC_SHORT)])
    left_margin, right_margin = text_edges(pane)
    lines = laid_out_lines(pane)
    assert len([line for line in lines if line[0] == 0]) >= 3  # it wraps: the test means it
    for block, left, right, _top, _bottom in lines:
        assert abs(right - right_margin) <= LAYOUT_TOLERANCE, (block, left, right)
    last_long_line = [line for line in lines if line[0] == 0][-1]
    assert last_long_line[1] - left_margin > WIDTH / 4  # short: its gap is at the left


def test_every_english_line_starts_at_the_left_margin(qtbot):
    sentences = [PaneSentence(0, 0, ENGLISH_LONG), PaneSentence(1, 1, ENGLISH_ARABIC_NAME),
                 PaneSentence(2, 2, ENGLISH_DIGITS)]
    pane = make_pane(qtbot, False, sentences)
    left_margin, right_margin = text_edges(pane)
    lines = laid_out_lines(pane)
    assert {line[0] for line in lines} == {0, 1, 2}
    for block, left, right, _top, _bottom in lines:
        assert abs(left - left_margin) <= LAYOUT_TOLERANCE, (block, left, right)
    assert min(right_margin - line[2] for line in lines) >= 0


def test_a_streamed_translation_starting_in_arabic_stays_left_to_right(qtbot):
    pane = make_pane(qtbot, False, [PaneSentence(0, 0, ""), PaneSentence(1, 0, "")],
                     placeholder="…")
    pane.set_sentence_text(0, ENGLISH_ARABIC_NAME)
    pane.set_sentence_text(1, ENGLISH_DIGITS)
    left_margin, _right_margin = text_edges(pane)
    lines = laid_out_lines(pane)
    assert len(lines) >= 2
    assert all(abs(line[1] - left_margin) <= LAYOUT_TOLERANCE for line in lines)


@pytest.mark.parametrize("rtl", [True, False], ids=["arabic", "english"])
def test_the_ink_of_every_line_touches_its_margin(qtbot, rtl):
    sentences = ([PaneSentence(0, 0, ARABIC_LONG), PaneSentence(1, 1, ARABIC_SHORT)] if rtl
                 else [PaneSentence(0, 0, ENGLISH_LONG), PaneSentence(1, 1, ENGLISH_ARABIC_NAME)])
    pane = make_pane(qtbot, rtl, sentences)
    image = pane.viewport().grab().toImage()
    left_margin, right_margin = text_edges(pane)
    lines = laid_out_lines(pane)
    assert len(lines) >= 4
    for block, _left, _right, top, bottom in lines:
        ink_left, ink_right = ink_columns(image, top, bottom)
        assert ink_right >= 0, f"no ink on a line of paragraph {block}"
        if rtl:
            assert right_margin - INK_TOLERANCE <= ink_right <= right_margin + 1, (block, ink_right)
        else:
            assert left_margin - 1 <= ink_left <= left_margin + INK_TOLERANCE, (block, ink_left)
