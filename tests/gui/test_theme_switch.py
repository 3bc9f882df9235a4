"""A live theme switch, measured in the pixels of the real window's reader panes.

Each check grabs a pane's viewport, finds a figure (or a word of the current or hovered
sentence) from the document layout, takes the most common colour inside as the fill
and the pixel that stands out most from it as the ink, and computes their contrast.
The darkest or lightest ink pixel is used because antialiased edges blend into the
fill; the core of a stroke carries the real text colour.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from tarjama.core.pipeline import attach_translation
from tarjama.gui import palette, theme
from tarjama.gui.palette import contrast
from tarjama.gui.reader_sentences import mark_ranges, ranges_between

TEXT, WARNING, HIGHLIGHT = 4.5, 3.0, 1.5


@pytest.fixture
def window(make_window, open_and_wait, use_tiny_pack, article_file, qtbot):
    """The article open and translated, one English figure kept and one changed."""
    window = make_window()
    window.resize(1200, 760)
    open_and_wait(window, article_file)
    sentences = [s for s in window.article.sentences if s.source_figures]
    kept, changed = sentences[0], sentences[1]
    figure = kept.source_figures[0]
    window.display.show_translated_sentence(attach_translation(
        dataclasses.replace(kept), f"Officials said {figure.text} in the report."))
    window.display.show_translated_sentence(attach_translation(
        dataclasses.replace(changed), "They said 17 percent of the buildings were hit."))
    window.set_theme("light")
    settle(qtbot)
    yield window
    theme.apply_theme(QApplication.instance(), "system")  # the other tests expect it


def settle(qtbot) -> None:
    # Qt posts the widgets' palette events and repaints; let them all arrive.
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(10)


def rgb(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    colour = image.pixelColor(x, y)
    return colour.red(), colour.green(), colour.blue()


def ink_rects(pane, start: int, end: int) -> list[QRect]:
    """Where the glyphs of document range [start, end) are drawn, one rect per line."""
    document = pane.document()
    block = document.findBlock(start)
    origin = document.documentLayout().blockBoundingRect(block).topLeft()
    scroll = QPointF(pane.horizontalScrollBar().value(), pane.verticalScrollBar().value())
    first, last = start - block.position(), end - block.position()
    layout, rects = block.layout(), []
    for index in range(layout.lineCount()):  # a figure may wrap onto the next line
        line = layout.lineAt(index)
        low = max(first, line.textStart())
        high = min(last, line.textStart() + line.textLength())
        if high <= low:
            continue
        box = QRectF()
        for run in line.glyphRuns(low, high - low):
            box = box.united(run.boundingRect())
        # Only above the baseline: below it runs the wavy warning line, whose red would
        # pass for ink.
        box.setBottom(min(box.bottom(), line.y() + line.ascent()))
        if box.width() > 4 and box.height() > 4:  # not a lone space at the end of a line
            rects.append(box.translated(origin - scroll).toAlignedRect().adjusted(1, 1, -1, -1))
    assert rects, f"no glyphs drawn for {start}..{end}"
    return rects


def fill_and_ink(image: QImage, rect: QRect) -> tuple[tuple[int, int, int], float]:
    """The fill inside ``rect`` and the contrast of the ink that stands out most on it."""
    # Bare page showing at the edges of the glyph box is not ink: leave it out, or a
    # dark page next to a pale fill would pass for well-contrasted text.
    page = page_colour(image)
    pixels = [pixel for pixel in (
        rgb(image, x, y)
        for y in range(max(rect.top(), 0), min(rect.bottom(), image.height() - 1) + 1)
        for x in range(max(rect.left(), 0), min(rect.right(), image.width() - 1) + 1))
        if pixel != page]
    assert pixels, f"{rect} is outside the viewport or shows only the page"
    fill = Counter(pixels).most_common(1)[0][0]
    return fill, max(contrast(pixel, fill) for pixel in pixels)


def page_colour(image: QImage) -> tuple[int, int, int]:
    """Text covers little of a pane: its most common colour is the page."""
    key = image.cacheKey()
    if key not in _pages:
        _pages[key] = Counter(rgb(image, x, y) for y in range(0, image.height(), 3)
                              for x in range(0, image.width(), 3)).most_common(1)[0][0]
    return _pages[key]


_pages: dict[int, tuple[int, int, int]] = {}  # by QImage.cacheKey: one count per grab


def hex_of(colour: tuple[int, int, int]) -> str:
    return palette.to_hex(colour)


def figure_ranges(pane):
    for sentence_id in range(pane.sentence_count()):
        marks = pane.marks(sentence_id)
        start = pane.sentence_range(sentence_id)[0]
        yield from zip(marks, mark_ranges(start, pane.sentence_text(sentence_id), marks),
                       strict=True)


def plain_text(pane, sentence_id: int) -> tuple[int, int]:
    """The longest stretch of a sentence without a figure."""
    start, end = pane.sentence_range(sentence_id)
    marks = pane.marks(sentence_id)
    holes = mark_ranges(start, pane.sentence_text(sentence_id), marks)
    return max(ranges_between(start, end, holes), key=lambda r: r[1] - r[0])


def check_figures(pane, colours: palette.Palette, image: QImage) -> int:
    checked = 0
    for mark, (start, end) in figure_ranges(pane):
        for rect in ink_rects(pane, start, end):
            fill, ink = fill_and_ink(image, rect)
            where = f"{pane.accessibleName()}, {mark.kind} figure at {start}"
            assert hex_of(fill) == colours.figure_fill(mark.kind), where
            assert ink >= (WARNING if mark.warning else TEXT), f"{where}: {ink:.2f}"
            checked += 1
    return checked


def check_highlight(pane, sentence_id: int, fill_role: str, colours, image: QImage) -> None:
    rects = ink_rects(pane, *plain_text(pane, sentence_id))
    fill, ink = fill_and_ink(image, max(rects, key=lambda r: r.width() * r.height()))
    page = page_colour(image)
    where = f"{pane.accessibleName()}, {fill_role} of sentence {sentence_id}"
    assert hex_of(page) == colours.page, where
    assert hex_of(fill) == getattr(colours, fill_role), where
    assert contrast(fill, page) >= HIGHLIGHT, f"{where}: {contrast(fill, page):.2f}"
    assert ink >= TEXT, f"{where}: text {ink:.2f}"


def hover(pane, sentence_id: int) -> None:
    cursor = QTextCursor(pane.document())
    cursor.setPosition(sum(plain_text(pane, sentence_id)) // 2)
    point = QPointF(pane.cursorRect(cursor).center())
    QApplication.sendEvent(pane.viewport(), QMouseEvent(
        QEvent.Type.MouseMove, point, pane.viewport().mapToGlobal(point),
        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))


def check_window(window, qtbot, dark: bool) -> None:
    colours = palette.current()
    assert colours.dark is dark
    figured = next(s.sentence.id for s in window.article.sentences if s.source_figures)
    current, hovered = figured, (figured + 1) % window.source_pane.sentence_count()
    window.linker.select(current)
    hover(window.source_pane, hovered)
    settle(qtbot)
    assert window.target_pane.hovered() == hovered
    figures = 0
    for pane in (window.source_pane, window.target_pane):
        image = pane.viewport().grab().toImage()
        figures += check_figures(pane, colours, image)
        check_highlight(pane, current, "current_fill", colours, image)
        check_highlight(pane, hovered, "hover_fill", colours, image)
    assert figures >= 4


def test_a_live_switch_keeps_every_text_readable(window, qtbot):
    for name in ("dark", "light", "dark"):
        window.set_theme(name)
        settle(qtbot)
        check_window(window, qtbot, dark=name == "dark")


def test_the_current_sentence_leaves_its_figures_their_colour(window, qtbot):
    pane = window.target_pane
    sentence_id = next(i for i in range(pane.sentence_count()) if pane.marks(i))
    window.set_theme("dark")
    window.linker.select(sentence_id)
    settle(qtbot)
    image = pane.viewport().grab().toImage()
    colours = palette.current()
    for mark, (start, end) in figure_ranges(pane):
        if pane.sentence_at_position(start) == sentence_id:
            for rect in ink_rects(pane, start, end):
                fill, _ink = fill_and_ink(image, rect)
                assert hex_of(fill) == colours.figure_fill(mark.kind) != colours.current_fill


def test_a_desktop_palette_change_recolours_too(window, qtbot):
    # The desktop's own switch reaches the panes only as a PaletteChange event.
    QApplication.instance().setPalette(theme.dark_palette())
    settle(qtbot)
    assert window.source_pane.colours() is palette.DARK
    check_window(window, qtbot, dark=True)


def test_recolouring_keeps_the_document_and_its_ranges(window, qtbot):
    pane = window.source_pane
    document, ranges = pane.document(), [pane.sentence_range(i)
                                         for i in range(pane.sentence_count())]
    window.set_theme("dark")
    assert pane.document() is document
    assert [pane.sentence_range(i) for i in range(pane.sentence_count())] == ranges
    assert not document.isUndoAvailable()  # re-colouring must not pile up undo steps


@pytest.fixture
def long_pane(qtbot):
    """A pane with 300 sentences, each with a figure, most of them off screen."""
    from tarjama.gui.reader_pane import Mark, PaneSentence, ReaderPane

    theme.apply_theme(QApplication.instance(), "light")
    pane = ReaderPane(rtl=False)
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.show()
    text = "Officials said that 12 people were hurt in the old quarter."
    pane.show_sentences([PaneSentence(i, i // 5, text) for i in range(300)])
    start = text.index("12")
    for i in range(300):
        pane.set_marks(i, [Mark(start, start + 2, "casualties", warning=i % 2 == 1)])
    settle(qtbot)
    yield pane
    theme.apply_theme(QApplication.instance(), "system")


def figure_fill_seen(pane, sentence_id: int) -> str:
    start = pane.sentence_range(sentence_id)[0] + pane.marks(sentence_id)[0].start
    image = pane.viewport().grab().toImage()
    return hex_of(fill_and_ink(image, ink_rects(pane, start, start + 2)[0])[0])


def test_a_long_article_recolours_what_is_on_screen_at_once(long_pane, qtbot):
    pane = long_pane
    theme.apply_theme(QApplication.instance(), "dark")  # no event processed yet
    assert figure_fill_seen(pane, 0) == palette.DARK.figure_fill("casualties")
    last = pane.sentence_count() - 1
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.sentence_range(last)[0] + pane.marks(last)[0].start + 1)
    # Off screen the work waits for later slices, so the switch itself stays short...
    assert cursor.charFormat().background().color().name() == palette.LIGHT.figure_fill(
        "casualties")
    settle(qtbot)
    qtbot.waitUntil(lambda: QTextCursor(cursor).charFormat().background().color().name()
                    == palette.DARK.figure_fill("casualties"), timeout=5000)
    # ... and by the time the reader scrolls there, it is in the new colours too.
    pane.scroll_to_sentence(last)
    settle(qtbot)
    assert figure_fill_seen(pane, last) == palette.DARK.figure_fill("casualties")
