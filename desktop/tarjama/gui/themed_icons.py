"""The style's small line icons (close, float) drawn in the theme's text colour.

Qt's own styles draw the dialog Close button's cross and the dock title buttons in
black whatever the palette, which on the dark theme is black on dark grey. A proxy of
the application's style hands out those icons through an icon engine that re-tints the
style's own pixmaps with ``palette.current()`` each time it paints: a theme switch
recolours them with no widget having to ask for its icon again.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from tarjama.gui import palette

SP = QStyle.StandardPixmap
TINTED = {SP.SP_DialogCloseButton, SP.SP_DialogCancelButton, SP.SP_TitleBarCloseButton,
          SP.SP_TitleBarNormalButton, SP.SP_TitleBarMaxButton, SP.SP_TitleBarMinButton,
          SP.SP_DockWidgetCloseButton}


def tinted(pixmap: QPixmap, colour: QColor) -> QPixmap:
    """``pixmap``'s shape (its alpha) filled with ``colour``."""
    result = QPixmap(pixmap)
    painter = QPainter(result)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(result.rect(), colour)
    painter.end()
    return result


class TintedIconEngine(QIconEngine):
    """Paints a base icon in the text colour of the theme in use when it paints."""

    def __init__(self, base: QIcon) -> None:
        super().__init__()
        self.base = base

    def colour(self, mode: QIcon.Mode) -> QColor:
        colours = palette.current()
        return QColor(colours.muted_text if mode == QIcon.Mode.Disabled
                      else colours.window_text)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return tinted(self.base.pixmap(size, QIcon.Mode.Normal, state), self.colour(mode))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        device = painter.device()
        ratio = device.devicePixelRatio() if device is not None else 1.0
        pixmap = tinted(self.base.pixmap(rect.size(), ratio, QIcon.Mode.Normal, state),
                        self.colour(mode))
        size = pixmap.deviceIndependentSize().toSize()
        corner = QPoint(rect.x() + (rect.width() - size.width()) // 2,
                        rect.y() + (rect.height() - size.height()) // 2)
        painter.drawPixmap(QRect(corner, size), pixmap)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return self.base.actualSize(size, mode, state)

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal,
                       state: QIcon.State = QIcon.State.Off) -> list[QSize]:
        return self.base.availableSizes(mode, state)

    def clone(self) -> QIconEngine:
        return _keep(TintedIconEngine(self.base))


_engines: list[TintedIconEngine] = []  # Python owns the engines: keep them alive


def _keep(engine: TintedIconEngine) -> TintedIconEngine:
    _engines.append(engine)
    return engine


class ThemedIconStyle(QProxyStyle):
    """The application's style, with ``TINTED`` icons in the theme's text colour."""

    def __init__(self, base: str) -> None:
        super().__init__(base)
        self._icons: dict[SP, QIcon] = {}

    def standardIcon(self, standard: SP, option: QStyleOption | None = None,
                     widget: QWidget | None = None) -> QIcon:
        if standard not in TINTED:
            return super().standardIcon(standard, option, widget)
        icon = self._icons.get(standard)
        if icon is None:
            base = super().standardIcon(standard, option, widget)
            icon = self._icons[standard] = QIcon(_keep(TintedIconEngine(base)))
        return icon


def install(app: QApplication) -> None:
    """Put the proxy in front of the application's style (once; before the palette is set,
    as setting a style resets the palette)."""
    if isinstance(app.style(), ThemedIconStyle):
        return
    app.setStyle(ThemedIconStyle(app.style().name()))

