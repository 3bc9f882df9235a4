"""Light, dark and system palettes, and the colours that mark figures and sentences."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from tarjama.core.figures import hues


def figure_colour(kind: str, dark: bool) -> QColor:
    """Background tint for a figure of ``kind``: pale on light themes, deep on dark ones."""
    saturation, value = hues.DARK_TINT if dark else hues.LIGHT_TINT
    return QColor.fromHsv(hues.kind_hue(kind), saturation, value)


def hover_colour(dark: bool) -> QColor:
    return QColor(70, 80, 100) if dark else QColor(232, 238, 250)


def current_colour(dark: bool) -> QColor:
    return QColor(60, 90, 140) if dark else QColor(200, 220, 255)


def warning_colour(dark: bool) -> QColor:
    return QColor(255, 110, 110) if dark else QColor(190, 0, 0)


def placeholder_colour(dark: bool) -> QColor:
    return QColor(130, 130, 130) if dark else QColor(150, 150, 150)


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette in use has light text on a dark background."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: QColor(45, 45, 48), roles.WindowText: QColor(225, 225, 225),
        roles.Base: QColor(30, 30, 32), roles.AlternateBase: QColor(45, 45, 48),
        roles.ToolTipBase: QColor(60, 60, 64), roles.ToolTipText: QColor(235, 235, 235),
        roles.Text: QColor(225, 225, 225), roles.Button: QColor(55, 55, 58),
        roles.ButtonText: QColor(225, 225, 225), roles.BrightText: QColor(255, 90, 90),
        roles.Link: QColor(110, 170, 255), roles.Highlight: QColor(60, 110, 190),
        roles.HighlightedText: QColor(255, 255, 255),
        roles.PlaceholderText: QColor(140, 140, 140),
    }
    for role, colour in colours.items():
        palette.setColor(role, colour)
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 120, 120))
    return palette


def light_palette() -> QPalette:
    palette = QPalette(QColor(239, 239, 239))
    palette.setColor(QPalette.ColorRole.Base, QColor(255, 255, 255))
    palette.setColor(QPalette.ColorRole.Text, QColor(20, 20, 20))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(20, 20, 20))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(48, 120, 220))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
    return palette


def apply_theme(app: QApplication, theme: str) -> None:
    """Switch the application palette; "system" restores the style's own palette."""
    if theme == "dark":
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setPalette(light_palette())
    else:
        app.setPalette(app.style().standardPalette())
