"""A narrow margin beside a reader pane with a marker at each sentence that has a warning.

A warned sentence (its translation lost or changed a figure) is underlined in the
English pane, but an underline in the middle of a long paragraph is easy to miss when
scrolling. The gutter draws a bar in the warning colour beside every such sentence, from
its first line to its last, in both panes (the Arabic pane shows the English pane's
warnings: the sentence ids are the same). Clicking a bar makes that sentence current;
hovering it shows the warning.

The gutter is a child of the pane placed in a viewport margin on the side where lines
start (left in the English pane, right in the Arabic one). It paints whenever the pane's
viewport paints, which covers scrolling, streamed sentences, zoom and resizing; only the
sentences in view are measured, so a long article costs no more than a short one.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from tarjama.gui import palette
from tarjama.gui.reader_pane import ReaderPane

GUTTER_WIDTH = 12  # pixels; the marker is the middle half of it
MIN_MARKER = 6  # a marker is never shorter than this, so a click can find it


class WarningGutter(QWidget):
    """The warning markers of ``warnings`` (a pane) drawn beside ``pane``."""

    warning_clicked = Signal(int)  # the id of the sentence whose marker was clicked

    def __init__(self, pane: ReaderPane, warnings: ReaderPane | None = None) -> None:
        super().__init__(pane)
        self.pane = pane
        self.warnings = warnings or pane
        self.setObjectName("warning_gutter")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Warning markers"))
        self._viewport = pane.viewport()
        pane.installEventFilter(self)
        self._viewport.installEventFilter(self)
        # A method, not a lambda: the notifier outlives the window, our slot dies with us.
        palette.notifier().changed.connect(self._on_theme_changed)
        self._place()
        self.show()

    # -- where the markers are -------------------------------------------------------------

    def markers(self) -> list[tuple[int, int, int]]:
        """(sentence id, top, bottom) of each marker in view, in gutter coordinates."""
        warned = self.warnings.warned_sentences()
        count = self.pane.sentence_count()
        if not warned or not count:
            return []
        first, last = self.pane.visible_sentences()
        scroll = self.pane.verticalScrollBar().value()
        shown = []
        for sentence_id in warned[bisect.bisect_left(warned, first):
                                  bisect.bisect_right(warned, last)]:
            if sentence_id >= count:
                break
            top, bottom = self.pane.sentence_rect_y(sentence_id)
            top -= scroll
            bottom = max(bottom - scroll, top + MIN_MARKER)
            shown.append((sentence_id, top, bottom))
        return shown

    def marker_at(self, y: int) -> int:
        """The sentence whose marker is at gutter height ``y``, or -1."""
        hits = [sentence_id for sentence_id, top, bottom in self.markers() if top <= y <= bottom]
        return hits[-1] if hits else -1  # two sentences on one line: the later one starts there

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
        ink = QColor(colours.warning_underline)
        left, width = GUTTER_WIDTH // 4, GUTTER_WIDTH // 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        for _sentence_id, top, bottom in self.markers():
            painter.drawRoundedRect(QRect(left, top + 1, width, bottom - top - 1), 2, 2)
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
                QToolTip.showText(event.globalPos(), self.warnings.warning(sentence_id), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._viewport:
            if kind == QEvent.Type.Paint:
                self.update()  # the text moved, changed or was repainted: so may the markers
            elif kind in (QEvent.Type.Resize, QEvent.Type.Move):
                self._place()
        elif watched is self.pane and kind in (QEvent.Type.Resize,
                                               QEvent.Type.LayoutDirectionChange):
            self._place()
        return False

    def _on_theme_changed(self, _colours: object = None) -> None:
        self.update()
