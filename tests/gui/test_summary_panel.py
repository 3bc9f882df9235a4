"""The Summary panel as the reader sees it: whole wrapped sentences in the reader fonts,
the Arabic at the right, warnings marked, each sentence a link to itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QPalette, QTextCharFormat, QTextCursor

from tarjama.core.figures import extract_arabic
from tarjama.core.pipeline import SentenceResult, attach_translation
from tarjama.core.segment import Sentence
from tarjama.gui.figure_marks import source_marks, target_marks
from tarjama.gui.pane_fonts import pane_fonts
from tarjama.gui.reader_pane import PaneSentence, ReaderPane
from tarjama.gui.settings import Settings
from tarjama.gui.summary_panel import SummaryPanel

DOCK_WIDTH = 670

# Written for these tests. The first sentence is long enough to wrap at any dock width
# a person would use; its English changes a figure (12 wounded become 21).
LONG_AR = ("قال مسؤول في البلدية إن 12 شخصا أصيبوا في الحادث الذي وقع صباح اليوم في الحي "
           "القديم، وإن الأضرار طالت 95% من المباني المحيطة بالساحة الرئيسية للمدينة.")
LONG_EN = ("A municipal official said that 21 people were injured in the accident that "
           "happened this morning in the old quarter, and that the damage reached 95% of "
           "the buildings around the main square of the city.")
SHORT_AR = "وفي عام 2023 بلغ عدد سكان المدينة نحو 450 ألف نسمة."
SHORT_EN = "In 2023 the city had about 450,000 inhabitants."
UNTRANSLATED_AR = "ودعا السكان إلى الصبر حتى انتهاء الأعمال خلال ثلاث سنوات."


def result(sentence_id: int, arabic: str, english: str | None = None) -> SentenceResult:
    sentence = SentenceResult(Sentence(sentence_id, sentence_id, 0, len(arabic), arabic),
                              extract_arabic(arabic))
    return attach_translation(sentence, english) if english else sentence


@pytest.fixture
def fonts(qapp):
    from tarjama.gui.app import load_arabic_font

    family = load_arabic_font() or "Noto Naskh Arabic"  # the reader's bundled font
    return pane_fonts(Settings(), family, qapp.font())


@pytest.fixture
def panel(qtbot, fonts):
    widget = SummaryPanel("lexrank", 3)
    qtbot.addWidget(widget)
    widget.resize(DOCK_WIDTH, 700)
    widget.set_fonts(*fonts)
    widget.show_summary([result(4, LONG_AR, LONG_EN), result(7, SHORT_AR, SHORT_EN),
                         result(9, UNTRANSLATED_AR)])
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def block(panel, index, arabic=False):
    first, original = panel._blocks[index]
    return panel.view.document().findBlockByNumber(original if arabic else first)


def format_at(text_block, offset) -> QTextCharFormat:
    cursor = QTextCursor(text_block)
    cursor.setPosition(text_block.position() + offset + 1)  # the format of the char before
    return cursor.charFormat()


def test_long_sentences_wrap_and_are_shown_whole(panel):
    assert panel.shown_texts() == [LONG_EN, SHORT_EN, UNTRANSLATED_AR]
    assert panel.shown_originals() == [LONG_AR, SHORT_AR, UNTRANSLATED_AR]
    assert "…" not in panel.view.document().toPlainText()
    for arabic in (False, True):
        layout = block(panel, 0, arabic).layout()
        assert layout.lineCount() >= 3, "a long sentence wraps instead of being cut"
        laid_out = sum(layout.lineAt(i).textLength() for i in range(layout.lineCount()))
        assert laid_out == len(block(panel, 0, arabic).text())  # every character on a line
    assert panel.view.horizontalScrollBar().maximum() == 0  # nothing runs off to the side


def test_the_arabic_is_laid_out_at_the_right(panel):
    document = panel.view.document()
    right_margin = document.textWidth() - document.documentMargin()
    left_margin = document.documentMargin()
    for index in range(3):
        arabic = block(panel, index, arabic=True)
        assert arabic.textDirection() == Qt.LayoutDirection.RightToLeft
        layout = arabic.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i).naturalTextRect().translated(layout.position())
            assert abs(line.right() - right_margin) <= 3, (index, i, line)
    english = block(panel, 0).layout()
    assert abs(english.lineAt(1).naturalTextRect().left() + english.position().x()
               - left_margin) <= 3
    # The same seen in pixels: the short Arabic line's ink ends at the right margin.
    image = panel.view.viewport().grab().toImage()
    background = panel.view.palette().color(QPalette.ColorRole.Base)
    rect = panel.sentence_rect(1, arabic=True)
    inked = [x for y in range(rect.top() + 4, rect.bottom() - 4, 3)
             for x in range(image.width())
             if _ink(image.pixelColor(x, y), background)]
    assert inked
    assert image.width() - max(inked) <= document.documentMargin() + 8
    assert abs(min(inked) - rect.left()) <= 8  # a short line: its left stays empty
    assert rect.left() > 100


def _ink(colour: QColor, background: QColor) -> bool:
    return abs(colour.lightness() - background.lightness()) > 60


def test_the_reader_fonts_are_used(panel, fonts):
    arabic_font, english_font = fonts
    english = format_at(block(panel, 0), 0).font()
    arabic = format_at(block(panel, 0, arabic=True), 0).font()
    assert english.family() == english_font.family()
    assert english.pointSize() == english_font.pointSize()
    assert arabic.family() == arabic_font.family()
    assert arabic.pointSize() == arabic_font.pointSize() > english.pointSize()
    assert QFontInfo(arabic).family() == arabic_font.family()  # the face really drawn
    layout = block(panel, 0, arabic=True).layout()
    glyphs: dict[str, int] = {}
    for i in range(layout.lineCount()):
        for run in layout.lineAt(i).glyphRuns():
            family = run.rawFont().familyName()
            glyphs[family] = glyphs.get(family, 0) + len(run.glyphIndexes())
    # Digits and "%" may come from a fallback face, as in the reader pane; letters may not.
    assert glyphs[arabic_font.family()] > 0.8 * sum(glyphs.values()), glyphs


def reader_format(qtbot, text, marks, warning, rtl, offset) -> QTextCharFormat:
    """The format a reader pane gives the character at ``offset`` of ``text``."""
    pane = ReaderPane(rtl=rtl)
    qtbot.addWidget(pane)
    pane.show_sentences([PaneSentence(0, 0, text)])
    pane.set_marks(0, marks, warning)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.sentence_range(0)[0] + offset + 1)
    return cursor.charFormat()


LOOKS = (("underline", lambda f: (f.underlineStyle(), f.underlineColor().name())),
         ("fill", lambda f: (f.background().style(), f.background().color().name())),
         ("ink", lambda f: (f.foreground().style(), f.foreground().color().name())),
         ("weight", lambda f: f.fontWeight()))


@pytest.mark.parametrize(("index", "arabic", "span"), [
    (0, False, "21 people"), (0, False, "official"), (0, False, "95%"),
    (0, True, "12 شخصا"), (0, True, "95%"), (1, False, "2023"), (1, False, "city"),
])
def test_figures_and_warnings_look_as_in_the_reader(panel, qtbot, index, arabic, span):
    source = panel._sentences[index]
    text = source.sentence.text if arabic else source.translation
    marks, warning = ((source_marks(source), "") if arabic else target_marks(source))
    offset = text.index(span)
    shown = format_at(block(panel, index, arabic), offset)
    reader = reader_format(qtbot, text, marks, warning, arabic, offset)
    for look, of in LOOKS:
        assert of(shown) == of(reader), (look, span)
    if warning:  # the sentence's warning and the figure's note, on hover
        assert "the Arabic says 12 wounded; the English has 21 wounded" in shown.toolTip()


def test_a_changed_figure_is_marked(panel):
    changed = format_at(block(panel, 0), LONG_EN.index("21"))
    kept = format_at(block(panel, 1), SHORT_EN.index("2023"))
    assert changed.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert changed.fontWeight() == QFont.Weight.Bold
    assert kept.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    assert kept.fontWeight() == QFont.Weight.Normal
    assert changed.foreground().color() != kept.foreground().color()
    assert kept.background().style() != Qt.BrushStyle.NoBrush  # the figure's tint


def test_clicking_a_sentence_jumps_to_it(panel, qtbot):
    for index, arabic, expected in ((1, False, 7), (0, True, 4), (2, True, 9)):
        point = panel.sentence_rect(index, arabic).center()
        with qtbot.waitSignal(panel.sentence_activated, timeout=1000) as blocker:
            qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert blocker.args == [expected]


def test_dragging_selects_text_without_jumping(panel, qtbot):
    emitted = []
    panel.sentence_activated.connect(emitted.append)
    rect = panel.sentence_rect(0)
    viewport = panel.view.viewport()
    start, end = QPoint(rect.left() + 2, rect.center().y()), rect.center()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, pos=QPoint(start.x() + 40, start.y()))
    qtbot.mouseMove(viewport, pos=end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    selected = panel.view.textCursor().selectedText()
    assert len(selected) > 5
    assert LONG_EN.startswith(selected)
    assert emitted == []


def test_a_new_summary_replaces_the_old(panel):
    panel.show_summary([result(2, SHORT_AR)])
    assert panel.shown_texts() == panel.shown_originals() == [SHORT_AR]
    panel.show_summary([])
    assert panel.shown_texts() == []
    assert panel.view.document().isEmpty()


def test_the_length_box_word_agrees_with_its_number(panel):
    shown = []
    for count in (1, 2, 5):
        panel.length_box.setValue(count)
        shown.append(panel.length_box.text())
    assert shown == ["1 sentence", "2 sentences", "5 sentences"]
