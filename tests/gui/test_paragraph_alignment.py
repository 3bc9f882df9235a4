"""Paragraph N of the English starts level with paragraph N of the Arabic (issue 11).

Two panes side by side at realistic widths show an article whose paragraphs differ a
lot in length, some longer in Arabic, some in English. Tops are read from the text
layout (each block's first line) and, where it says so, from the pixels of a grab.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QImage, QTextBlockFormat, QTextCursor

from tarjama.gui.paragraph_alignment import block_padding
from tarjama.gui.reader_pane import PaneSentence, ReaderPane, SentenceUpdate
from tarjama.gui.sentence_linker import SentenceLinker

# Written for these tests: (Arabic, English) sentence pairs, paragraph by paragraph.
ONE = ("قال رئيس البلدية إن المياه عادت إلى معظم الأحياء صباح اليوم.",
       "The mayor said water was back in most districts this morning.")
LONG_ARABIC = ("وأوضح المسؤول في مؤتمر صحفي عقده في مقر البلدية أن فرق الصيانة عملت طوال "
               "الليل على إصلاح الأنابيب الرئيسية التي تضررت بسبب الأمطار الغزيرة والسيول "
               "التي اجتاحت المنطقة خلال الأيام الثلاثة الماضية.",
               "Crews worked overnight on the main pipes.")
LONG_ENGLISH = ("وأضاف أن العمل مستمر.",
                "He added that the work would go on for several more days, because some of "
                "the damaged pipes run under roads that cannot be closed before the weekend, "
                "and that residents of the old town should keep storing water until then.")
SHORT = ("وانتهى المؤتمر.", "The conference ended.")
PARAGRAPHS = [[ONE, LONG_ARABIC], [LONG_ENGLISH], [SHORT], [LONG_ARABIC, LONG_ARABIC],
              [ONE], [LONG_ENGLISH, SHORT, LONG_ENGLISH], [SHORT, ONE], [LONG_ARABIC],
              [ONE, ONE, ONE], [LONG_ENGLISH], [SHORT], [LONG_ARABIC, LONG_ENGLISH]] * 3
WIDTH, HEIGHT = 520, 640
TOLERANCE = 1.0  # px


def sentences(side: int, empty: bool = False) -> list[PaneSentence]:
    result = []
    for paragraph, pairs in enumerate(PARAGRAPHS):
        for pair in pairs:
            result.append(PaneSentence(len(result), paragraph, "" if empty else pair[side]))
    return result


def translations() -> list[SentenceUpdate]:
    return [SentenceUpdate(s.id, s.text) for s in sentences(1)]


@pytest.fixture
def panes(qtbot):
    source, target = ReaderPane(rtl=True), ReaderPane(rtl=False)
    for pane in (source, target):
        qtbot.addWidget(pane)
        pane.resize(WIDTH, HEIGHT)
        pane.show()
    linker = SentenceLinker(source, target)
    source.show_sentences(sentences(0))
    target.show_sentences(sentences(1))
    for pane in (source, target):
        qtbot.waitExposed(pane)
    wait_aligned(qtbot, linker)
    return source, target, linker


def built(pane: ReaderPane) -> bool:
    """Whether the pane's document holds its last sentence (panes may build in slices)."""
    count = pane.sentence_count()
    last = (pane.sentence_text(count - 1) or "…") if count else ""
    return pane.document().toPlainText().endswith(last)


def wait_aligned(qtbot, linker: SentenceLinker, whole: bool = True) -> None:
    """Wait until the aligner is done (and, if ``whole``, both documents are built)."""
    qtbot.waitUntil(lambda: (not whole or all(built(pane) for pane in linker.panes))
                    and not linker.aligner._timer.isActive() and linker.is_aligned())


def first_line_tops(pane: ReaderPane) -> list[float]:
    """The top of each paragraph's first line, in document coordinates."""
    tops = []
    layout = pane.document().documentLayout()
    block = pane.document().begin()
    while block.isValid():
        layout.blockBoundingRect(block)  # laid out up to here
        text_layout = block.layout()
        if text_layout.lineCount() == 0:  # never laid out: it would show blank
            tops.append(float("nan"))
        else:
            tops.append(text_layout.position().y() + text_layout.lineAt(0).y())
        block = block.next()
    return tops


def lines_missing(pane: ReaderPane) -> list[int]:
    """Blocks Qt has not laid out: they would be drawn blank."""
    document = pane.document()
    return [n for n in range(document.blockCount())
            if document.findBlockByNumber(n).layout().lineCount() == 0]


def assert_level(source: ReaderPane, target: ReaderPane) -> None:
    arabic, english = first_line_tops(source), first_line_tops(target)
    assert len(arabic) == len(english) == len(PARAGRAPHS)
    for number, (a, e) in enumerate(zip(arabic, english, strict=True)):
        assert abs(a - e) <= TOLERANCE, (number, a, e)


def ink_rows(pane: ReaderPane) -> list[bool]:
    """For each row of the viewport, whether anything is drawn on it."""
    image: QImage = pane.viewport().grab().toImage()
    background = QColor(image.pixel(image.width() - 1, image.height() - 1)).lightness()
    rows = []
    for y in range(image.height()):
        rows.append(any(abs(QColor(image.pixel(x, y)).lightness() - background) > 60
                        for x in range(0, image.width(), 2)))
    return rows


def assert_drawn_level(source: ReaderPane, target: ReaderPane) -> None:
    """On screen, each paragraph's ink starts right below a blank gap at the same y."""
    checked = 0
    for pane in (source, target):
        rows = ink_rows(pane)
        scroll = pane.verticalScrollBar().value()
        line = pane.fontMetrics().height()
        for number, top in enumerate(first_line_tops(pane)):
            y = round(top - scroll)
            if number == 0 or y - 6 < 0 or y + line >= len(rows):
                continue
            # A pixel or two of leeway: an Arabic letter may rise above its line's top.
            assert not any(rows[y - 6:y - 2]), (pane.rtl, number, y)  # the gap before it
            assert any(rows[y - 2:y + line]), (pane.rtl, number, y)  # its first line
            checked += 1
    assert checked >= 4  # some paragraphs were on screen in both panes


def test_every_paragraph_starts_level_in_both_panes(panes):
    source, target, _linker = panes
    arabic = source.document().documentLayout()
    assert arabic.documentSize().height() > 3 * HEIGHT  # a long article: it scrolls
    assert_level(source, target)
    assert_drawn_level(source, target)
    assert lines_missing(source) == lines_missing(target) == []  # no paragraph drawn blank
    # Both sides were padded somewhere: the longer side varies from paragraph to paragraph.
    padded = [[block_padding(pane.document().findBlockByNumber(n)) > 0
               for n in range(len(PARAGRAPHS))] for pane in (source, target)]
    assert any(padded[0])
    assert any(padded[1])
    assert not any(a and e for a, e in zip(*padded, strict=True))


def test_sentence_ranges_stay_valid(panes):
    source, target, _linker = panes
    for pane, side in ((source, 0), (target, 1)):
        text = pane.document().toPlainText().replace("\u2029", "\n")
        for sentence in sentences(side)[:12]:
            start, end = pane.sentence_range(sentence.id)
            assert text[start:end] == sentence.text


def test_streamed_translations_stay_level(qtbot):
    source, target = ReaderPane(rtl=True), ReaderPane(rtl=False)
    for pane in (source, target):
        qtbot.addWidget(pane)
        pane.resize(WIDTH, HEIGHT)
        pane.show()
    linker = SentenceLinker(source, target)
    source.show_sentences(sentences(0))
    target.show_sentences(sentences(1, empty=True), placeholder="…")
    wait_aligned(qtbot, linker)
    assert_level(source, target)
    updates = translations()
    for start in range(0, len(updates), 7):
        target.update_sentences(updates[start:start + 7])
        wait_aligned(qtbot, linker)
        assert_level(source, target)
    target.set_sentence_text(3, "A much shorter sentence.")
    wait_aligned(qtbot, linker)
    assert_level(source, target)


def paddings(pane: ReaderPane) -> list[float]:
    document = pane.document()
    return [block_padding(document.findBlockByNumber(n)) for n in range(document.blockCount())]


def test_a_streamed_slice_pads_again_only_the_paragraphs_it_touched(panes, qtbot):
    source, target, linker = panes
    before = paddings(source), paddings(target)
    sentence = next(s for s in sentences(1) if s.paragraph == 20)
    target.update_sentences([SentenceUpdate(sentence.id, "Short now.")])
    assert linker.aligner._next == 19  # the walk starts at the paragraph before
    wait_aligned(qtbot, linker)
    after = paddings(source), paddings(target)
    changed = {n for side in (0, 1) for n, (a, b) in enumerate(zip(before[side], after[side],
                                                                     strict=True)) if a != b}
    assert changed == {20}
    assert_level(source, target)


@pytest.mark.parametrize("widths", [(380, 640), (700, 420), (300, 300)])
def test_level_after_a_resize_to_different_widths(panes, qtbot, widths):
    source, target, linker = panes
    source.resize(widths[0], HEIGHT)
    target.resize(widths[1], HEIGHT)
    wait_aligned(qtbot, linker)
    assert_level(source, target)
    assert_drawn_level(source, target)


def test_level_after_a_zoom(panes, qtbot):
    source, target, linker = panes
    arabic, english = QFont(source.font()), QFont(target.font())
    arabic.setPointSize(arabic.pointSize() + 6)
    english.setPointSize(english.pointSize() + 2)
    source.set_text_font(arabic)
    target.set_text_font(english)
    wait_aligned(qtbot, linker)
    assert_level(source, target)
    assert_drawn_level(source, target)


@pytest.mark.parametrize("leader", ["arabic", "english"])
def test_scrolling_either_pane_keeps_paragraphs_level_on_screen(panes, leader):
    source, target, _linker = panes
    scrolled, other = (source, target) if leader == "arabic" else (target, source)
    maximum = scrolled.verticalScrollBar().maximum()
    for value in (1, 137, 1000, maximum // 2, maximum // 3 + 17, 5, maximum - 300):
        scrolled.verticalScrollBar().setValue(value)
        assert other.verticalScrollBar().value() == value
        assert_level(source, target)  # level in the document and at the same offset
    assert_drawn_level(source, target)


def sentence_top_on_screen(pane: ReaderPane, sentence_id: int) -> int:
    return pane.sentence_rect_y(sentence_id)[0] - pane.verticalScrollBar().value()


def click_sentence(qtbot, pane: ReaderPane, sentence_id: int) -> None:
    start, _end = pane.sentence_range(sentence_id)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start + 2)
    point = pane.cursorRect(cursor).center()
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)


@pytest.mark.parametrize("clicked", ["arabic", "english"])
def test_a_click_puts_the_counterpart_level_with_the_sentence(panes, qtbot, clicked):
    source, target, linker = panes
    pane, other = (source, target) if clicked == "arabic" else (target, source)
    pane.verticalScrollBar().setValue(900)
    # A sentence in the middle of a paragraph: it starts lower on one side than the other.
    sentence_id = next(s.id for s in sentences(0) if s.paragraph == 17 and s.id > 0
                       and sentences(0)[s.id - 1].paragraph == 17)
    assert pane.is_sentence_visible(sentence_id)
    before = sentence_top_on_screen(pane, sentence_id)
    click_sentence(qtbot, pane, sentence_id)
    assert linker.current == sentence_id
    assert sentence_top_on_screen(pane, sentence_id) == before  # the clicked one stays
    assert abs(sentence_top_on_screen(other, sentence_id) - before) <= TOLERANCE
    # Scrolling on wears the difference off: the paragraphs are level again.
    for _ in range(20):
        pane.verticalScrollBar().setValue(pane.verticalScrollBar().value() + 40)
    assert other.verticalScrollBar().value() == pane.verticalScrollBar().value()


def test_selecting_from_elsewhere_levels_the_english_with_the_arabic(panes):
    source, target, linker = panes
    sentence_id = len(sentences(0)) - 8
    linker.select(sentence_id)
    assert source.is_sentence_visible(sentence_id)
    assert abs(sentence_top_on_screen(target, sentence_id)
               - sentence_top_on_screen(source, sentence_id)) <= TOLERANCE


def test_no_translation_pack_pads_nothing(panes, qtbot):
    source, target, linker = panes
    target.show_sentences([])
    qtbot.waitUntil(lambda: not linker.aligner._timer.isActive())
    document = source.document()
    assert all(block_padding(document.findBlockByNumber(n)) == 0
               for n in range(document.blockCount()))
    assert not linker.is_aligned()
    source.verticalScrollBar().setValue(500)
    assert target.verticalScrollBar().value() == 0


def test_blocks_appended_later_and_replaced_documents(panes, qtbot):
    source, target, linker = panes
    # A document built in chunks: blocks appear after the first ones were aligned.
    cursor = QTextCursor(target.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    arabic_cursor = QTextCursor(source.document())
    arabic_cursor.movePosition(QTextCursor.MoveOperation.End)
    for _ in range(3):
        cursor.insertBlock(QTextBlockFormat(target.document().lastBlock().blockFormat()))
        cursor.insertText(LONG_ENGLISH[1])
        qtbot.wait(1)  # the aligner sees a pane with a block more than the other
        arabic_cursor.insertBlock(QTextBlockFormat(source.document().lastBlock().blockFormat()))
        arabic_cursor.insertText(SHORT[0])
    wait_aligned(qtbot, linker, whole=False)  # the panes do not know these paragraphs
    arabic, english = first_line_tops(source), first_line_tops(target)
    assert len(arabic) == len(english) == len(PARAGRAPHS) + 3
    assert all(abs(a - e) <= TOLERANCE for a, e in zip(arabic, english, strict=True))
    # A document replaced with setDocument is aligned again from scratch.
    target.setDocument(target.document().clone(target))
    source.show_sentences(sentences(0))
    target.show_sentences(sentences(1))
    wait_aligned(qtbot, linker)
    assert_level(source, target)


def test_today_without_alignment_paragraphs_drift_apart(qtbot):
    """What issue 11 reported: without the aligner the second paragraph is far apart."""
    source, target = ReaderPane(rtl=True), ReaderPane(rtl=False)
    for pane in (source, target):
        qtbot.addWidget(pane)
        pane.resize(WIDTH, HEIGHT)
        pane.show()
    SentenceLinker(source, target, align=False)
    source.show_sentences(sentences(0))
    target.show_sentences(sentences(1))
    arabic, english = first_line_tops(source), first_line_tops(target)
    # The drift grows down the article (18 px at paragraph 2 in DejaVu Sans, more later).
    assert max(abs(a - e) for a, e in zip(arabic, english, strict=False)) > 20


def test_the_click_point_helper_hits_the_sentence(panes):
    source, _target, _linker = panes
    start, _end = source.sentence_range(1)
    cursor = QTextCursor(source.document())
    cursor.setPosition(start + 2)
    assert source.sentence_at(source.cursorRect(cursor).center()) == 1
    assert source.sentence_at(QPoint(-5, -5)) == -1


def test_the_reader_window_keeps_its_panes_level(make_window, open_and_wait, use_tiny_pack,
                                                 article_file, qtbot):
    window = make_window()
    window.resize(1100, 700)
    open_and_wait(window, article_file)
    linker = window.linker
    source, target = window.source_pane, window.target_pane
    for sizes in ([550, 550], [300, 800], [800, 300]):
        window.reader_splitter.setSizes(sizes)
        wait_aligned(qtbot, linker)
        arabic, english = first_line_tops(source), first_line_tops(target)
        assert len(arabic) == len(english) == 3
        assert all(abs(a - e) <= TOLERANCE for a, e in zip(arabic, english, strict=True))
    window.zoom(3)
    wait_aligned(qtbot, linker)
    arabic, english = first_line_tops(source), first_line_tops(target)
    assert all(abs(a - e) <= TOLERANCE for a, e in zip(arabic, english, strict=True))


def test_a_realignment_keeps_the_reading_position(panes, qtbot):
    source, target, linker = panes
    source.verticalScrollBar().setValue(1500)
    top = source.top_sentence()
    target.resize(360, HEIGHT)  # the splitter moved: the English re-wraps, pads change
    wait_aligned(qtbot, linker)
    assert source.top_sentence()[0] == top[0]
    assert abs(source.top_sentence()[1] - top[1]) < 0.2
    assert target.verticalScrollBar().value() == source.verticalScrollBar().value()
    assert_drawn_level(source, target)


def test_a_sentence_selected_before_a_realignment_ends_level(panes, qtbot):
    source, target, linker = panes
    sentence_id = len(sentences(0)) // 2
    font = QFont(target.font())
    font.setPointSize(font.pointSize() + 4)
    target.set_text_font(font)  # what a zoom does: new fonts, then the current sentence
    linker.select(sentence_id)
    assert not linker.is_aligned()
    wait_aligned(qtbot, linker)
    assert source.is_sentence_visible(sentence_id)
    assert target.is_sentence_visible(sentence_id)
    assert abs(sentence_top_on_screen(target, sentence_id)
               - sentence_top_on_screen(source, sentence_id)) <= TOLERANCE


def test_blocks_qt_left_without_lines_are_laid_out_again(panes, qtbot):
    source, target, linker = panes
    # Qt 6 can leave a block without lines, drawn blank, when it is edited while Qt lays
    # the document out in steps (seen with the last Arabic paragraph of a real article).
    for pane, number in ((target, 7), (source, len(PARAGRAPHS) - 1)):
        pane.document().findBlockByNumber(number).layout().clearLayout()
    assert 7 in lines_missing(target)
    assert len(PARAGRAPHS) - 1 in lines_missing(source)
    linker.aligner.realign()
    wait_aligned(qtbot, linker)
    assert lines_missing(source) == lines_missing(target) == []
    assert_level(source, target)
