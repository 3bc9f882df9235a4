"""A narrow margin beside a reader pane with a marker at each sentence worth a second look.

A warned sentence (its translation lost or changed a figure) is underlined in the
English pane, but an underline in the middle of a long paragraph is easy to miss when
scrolling. The gutter draws a bar in the warning colour beside every such sentence, from
its first line to its last, in both panes (the Arabic pane shows the English pane's
marks: the sentence ids are the same). Two quieter marks share the margin: a hollow bar
in the link blue beside a sentence whose translation was repaired (``repair_marks``),
and a thin grey line beside one the model was unsure of (``confidence_marks``). Clicking
a marker makes that sentence current; hovering it shows what the marks mean for it.

The gutter is a child of the pane placed in a viewport margin on the side where lines
start (left in the English pane, right in the Arabic one). Whenever the pane's viewport
paints (scrolling, streamed sentences, zoom, resizing) it measures its markers again and
repaints if they moved, came or went: a streamed slice below the view repaints the text
but leaves the markers where they were. Only the sentences in view are measured, so a
long article costs no more than a short one.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from tarjama.gui import palette
from tarjama.gui.reader_pane import ReaderPane

GUTTER_WIDTH = 12  # pixels; the marker is the middle half of it
MIN_MARKER = 6  # a marker is never shorter than this, so a click can find it
WARNING, REPAIRED, LOW_CONFIDENCE = "warning", "repaired", "low_confidence"
KINDS = (LOW_CONFIDENCE, WARNING, REPAIRED)  # in the order they are drawn, each over the last
RING = 2  # the width of the hollow bar's sides, in pixels


class WarningGutter(QWidget):
    """The markers of ``warnings`` (a pane: its warnings, repairs, scores) beside ``pane``."""

    warning_clicked = Signal(int)  # the id of the sentence whose marker was clicked

    def __init__(self, pane: ReaderPane, warnings: ReaderPane | None = None) -> None:
        super().__init__(pane)
        self.pane = pane
        self.warnings = warnings or pane
        self.setObjectName("warning_gutter")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Warning markers"))
        self._viewport = pane.viewport()
        self._rects: dict[int, tuple[int, int]] = {}  # sentence id -> top, bottom in the document
        self._rects_layout: tuple[object, ...] = ()  # the document layout they were measured in
        self._painted: dict[str, list[tuple[int, int, int]]] | None = None  # what is drawn
        pane.installEventFilter(self)
        self._viewport.installEventFilter(self)
        # A method, not a lambda: the notifier outlives the window, our slot dies with us.
        palette.notifier().changed.connect(self._on_theme_changed)
        self._place()
        self.show()

    # -- where the markers are -------------------------------------------------------------

    def marked_sentences(self, kind: str = WARNING) -> list[int]:
        """Ids of the sentences with a marker of ``kind``, ascending."""
        if kind == REPAIRED:
            return self.warnings.repaired_sentences()
        if kind == LOW_CONFIDENCE:
            return self.warnings.low_confidence_sentences()
        return self.warnings.warned_sentences()

    def markers(self, kind: str = WARNING) -> list[tuple[int, int, int]]:
        """(sentence id, top, bottom) of each ``kind`` marker in view, in gutter coordinates."""
        return self.markers_in_view((kind,))[kind]

    def markers_in_view(self, kinds: tuple[str, ...] = KINDS,
                        ) -> dict[str, list[tuple[int, int, int]]]:
        """The markers of each kind in view; what is in view is measured once for all."""
        marked = {kind: self.marked_sentences(kind) for kind in kinds}
        shown: dict[str, list[tuple[int, int, int]]] = {kind: [] for kind in kinds}
        count = self.pane.sentence_count()
        if not count or not any(marked.values()):
            return shown
        scroll = self.pane.verticalScrollBar().value()
        self._forget_rects_of_another_layout()
        first, last = self._sentences_in_view(scroll, count)
        for kind, ids in marked.items():
            for sentence_id in ids[bisect.bisect_left(ids, first):
                                   bisect.bisect_right(ids, last)]:
                if sentence_id >= count:
                    break
                top, bottom = self._document_rect(sentence_id)
                top -= scroll
                bottom = max(bottom - scroll, top + MIN_MARKER)
                shown[kind].append((sentence_id, top, bottom))
        return shown

    def _sentences_in_view(self, scroll: int, count: int) -> tuple[int, int]:
        """First and last sentence at least partly in view, as ``pane.visible_sentences``.

        The gutter repaints with every streamed slice, and each slice changes the layout:
        bisecting over every sentence measured some forty of them per paint. The
        sentences under the top and bottom edges are found by hit testing instead, and
        moved by their measured rectangles until they are the exact ones.
        """
        bottom = scroll + self._viewport.height()
        first, last = self._sentence_near(scroll, count), self._sentence_near(bottom, count)
        while first > 0 and self._document_rect(first - 1)[1] > scroll:
            first -= 1
        while first < count - 1 and self._document_rect(first)[1] <= scroll:
            first += 1
        last = max(last, first)
        while last < count - 1 and self._document_rect(last + 1)[0] < bottom:
            last += 1
        while last > first and self._document_rect(last)[0] >= bottom:
            last -= 1
        return first, last

    def _sentence_near(self, y: int, count: int) -> int:
        """A sentence on or near the line at document height ``y``."""
        layout = self.pane.document().documentLayout()
        position = layout.hitTest(QPointF(0, y), Qt.HitTestAccuracy.FuzzyHit)
        sentence_id = self.pane.sentence_at_position(position)
        return min(max(sentence_id, 0), count - 1)

    def _forget_rects_of_another_layout(self) -> None:
        """Scrolling repaints the gutter at every step without moving the text in the
        document; measuring each marked sentence again cost milliseconds per paint, so
        the rectangles are kept until the document or its layout changes."""
        document = self.pane.document()
        layout = (document, document.revision(), document.textWidth(),
                  document.size().height(), document.defaultFont().toString(),
                  self.pane.built_count())
        if layout != self._rects_layout:
            self._rects.clear()
            self._rects_layout = layout

    def _document_rect(self, sentence_id: int) -> tuple[int, int]:
        """A sentence's top and bottom in the document (see the method above)."""
        rect = self._rects.get(sentence_id)
        if rect is None:
            rect = self._rects[sentence_id] = self.pane.sentence_rect_y(sentence_id)
        return rect

    def marker_at(self, y: int) -> int:
        """The sentence whose marker is at gutter height ``y``, or -1."""
        hits = [sentence_id for markers in self.markers_in_view().values()
                for sentence_id, top, bottom in markers if top <= y <= bottom]
        return max(hits, default=-1)  # two sentences on one line: the later one starts there

    def tooltip(self, sentence_id: int) -> str:
        """What hovering a marker shows: the warning, the repair, the confidence."""
        lines = [self.warnings.warning(sentence_id), *self.warnings.sentence_notes(sentence_id)]
        return "\n".join(line for line in lines if line)

    # -- drawing and events ----------------------------------------------------------------

    def _place(self) -> None:
        rtl = self.pane.layoutDirection() == Qt.LayoutDirection.RightToLeft
        # Qt does not mirror viewport margins for a right-to-left area: we do.
        margins = (0, 0, GUTTER_WIDTH, 0) if rtl else (GUTTER_WIDTH, 0, 0, 0)
        if self.pane.viewportMargins().left() != margins[0] \
                or self.pane.viewportMargins().right() != margins[2]:
            self.pane.setViewportMargins(*margins)
        area = self._viewport.geometry()
        x = area.right() + 1 if rtl else area.left() - GUTTER_WIDTH
        self.setGeometry(x, area.top(), GUTTER_WIDTH, area.height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        colours = palette.current()
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(colours.page))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        self._painted = self.markers_in_view()
        for kind, markers in self._painted.items():  # in the order of KINDS
            painter.setBrush(QColor(getattr(colours, INKS[kind])))
            for _sentence_id, top, bottom in markers:
                painter.drawPath(marker_shape(kind, top, bottom))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        sentence_id = self.marker_at(round(event.position().y()))
        if event.button() == Qt.MouseButton.LeftButton and sentence_id >= 0:
            self.warning_clicked.emit(sentence_id)
            event.accept()
        else:
            super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            sentence_id = self.marker_at(event.pos().y())
            if sentence_id >= 0:
                QToolTip.showText(event.globalPos(), self.tooltip(sentence_id), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._viewport:
            if kind == QEvent.Type.Paint and self.markers_in_view() != self._painted:
                self.update()  # the text moved or changed, and the markers with it
            elif kind in (QEvent.Type.Resize, QEvent.Type.Move):
                self._place()
        elif watched is self.pane and kind in (QEvent.Type.Resize,
                                               QEvent.Type.LayoutDirectionChange):
            self._place()
        return False

    def _on_theme_changed(self, _colours: object = None) -> None:
        self._painted = None
        self.update()


INKS = {WARNING: "warning_underline", REPAIRED: "link", LOW_CONFIDENCE: "low_confidence"}


def marker_shape(kind: str, top: int, bottom: int) -> QPainterPath:
    """A warning is a full bar in the middle half of the gutter, a repair the same bar
    hollow, a low confidence a thin line down its middle."""
    left, width, height = GUTTER_WIDTH // 4, GUTTER_WIDTH // 2, bottom - top - 1
    shape = QPainterPath()
    if kind == LOW_CONFIDENCE:
        shape.addRect(QRect(GUTTER_WIDTH // 2 - 1, top + 1, 2, height))
        return shape
    shape.addRoundedRect(QRect(left, top + 1, width, height), 2, 2)
    if kind == REPAIRED and height > 2 * RING:  # filled odd-even: the inner rectangle is a hole
        shape.addRect(QRect(left + RING, top + 1 + RING, width - 2 * RING, height - 2 * RING))
    return shape
