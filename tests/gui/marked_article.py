"""An article whose repaired, low-confidence and warned sentences are known.

Written for these tests. Each sentence gets a known English, score and repair, set the
way the job sets them (``attach_translation``, then ``score`` and ``repair``), so what
the reader marks does not depend on what the tiny random pack happens to write or score.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QAction, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from tarjama.core.pipeline import Repair, attach_translation

# (Arabic, kept English, score, first-best English that was replaced or None, status)
SENTENCES = [
    ("قال مسؤول في البلدية إن الوضع هادئ.", "An official said all was calm.", -0.3,
     None, ""),  # plain: sure, no figure
    ("وأضاف أن 12 شخصا أصيبوا في الحادث.", "He added that people were hurt.", -0.5,
     None, ""),  # warned: 12 is missing, not repaired (no hypothesis kept it)
    ("وفي عام 2023 بلغ عدد السكان نحو 450 ألف نسمة.",
     "In 2023 the city had about 450,000 people.", -0.6,
     "In 2021 the city had about 450,000 people.", "changed"),  # repaired
    ("وقالت الوزارة إن 7 قرى تضررت.", "The ministry said 7 villages were damaged.", -1.8,
     None, ""),  # low confidence
    ("وأضاف أن الأضرار طالت 95% من المباني.", "He added that damage hit 95% of buildings.",
     -2.4, "He added that damage hit most of the buildings.", "missing"),  # both
    ("ودعا السكان إلى الصبر.", "Residents were asked to be patient.", None,
     None, ""),  # plain: no score known (an older cache)
]
PLAIN = [0, 5]
WARNED = [1]
REPAIRED = [2, 4]
LOW_CONFIDENCE = [3, 4]  # below the default threshold, -1.0
HYPOTHESES = {2: 4, 4: 8}


def marked_results(sentences):
    """The job's results for ``sentences`` (the article's, untranslated), as known here."""
    results = []
    for sentence, (_arabic, english, score, original, status) in zip(
            sentences, SENTENCES, strict=True):
        result = attach_translation(sentence, english)
        result.score = score  # a plain text leaves what the job set: set both
        result.repair = (Repair(original, status, HYPOTHESES[sentence.sentence.id])
                         if original is not None else None)
        results.append(result)
    return results


def open_marked_article(window, open_and_wait, tmp_path) -> None:
    """Open the article in ``window`` and deliver the known results as a job's slice."""
    path = tmp_path / "marks.ar.txt"
    path.write_text("\n".join(arabic for arabic, *_rest in SENTENCES), encoding="utf-8")
    open_and_wait(window, path)
    assert len(window.article.sentences) == len(SENTENCES)
    window.session.slice_delivered.emit(marked_results(window.article.sentences))


# -- what the user sees of them -------------------------------------------------------------

def gutter_of(window, pane):
    return next(g for g in window.gutters if g.pane is pane)


def middle_y(pane, sentence_id) -> int:
    """The height of a sentence's middle, in the pane's viewport (and so gutter) coordinates."""
    top, bottom = pane.sentence_rect_y(sentence_id)
    return (top + bottom) // 2 - pane.verticalScrollBar().value()


def gutter_row(pane, gutter, y) -> list[str]:
    """The colours the pane shows (grabbed, gutter included) across the gutter at height y."""
    image = pane.grab().toImage()
    return [image.pixelColor(gutter.mapTo(pane, QPoint(x, y))).name()
            for x in range(gutter.width())]


def show_tooltip(qtbot, widget, point) -> str:
    """Send the tooltip event a pause of the pointer at ``point`` sends; the text shown.

    Qt hides a tooltip after a short delay: the last one is gone before the event is sent.
    """
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, point,
                                              widget.mapToGlobal(point)))
    return QToolTip.text() if QToolTip.isVisible() else ""


def sentence_point(pane, sentence_id):
    """A point inside a sentence's text, in the pane's viewport coordinates."""
    start, end = pane.sentence_range(sentence_id)
    cursor = QTextCursor(pane.document())
    cursor.setPosition((start + end) // 2)
    return pane.cursorRect(cursor).center()


def menu_action(window, text):
    return next(a for a in window.findChildren(QAction) if a.text() == text)


def wait_all_in_view(qtbot, window) -> None:
    """Wait until the last sentence is laid out inside both panes' views."""
    last = len(SENTENCES) - 1
    for pane in (window.target_pane, window.source_pane):
        qtbot.waitUntil(lambda p=pane: middle_y(p, last) < p.viewport().height() - 4)
