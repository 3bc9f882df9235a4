"""Light, dark and system themes: the Qt palettes, built from ``gui.palette``.

The colours themselves live in ``gui.palette`` (one frozen palette per theme with named
roles); this module turns them into QPalettes, applies a theme and tells every view
about it. The small ``*_colour`` helpers are kept for the panels that still ask for a
colour by "dark or not"; new code should call ``palette.current()``.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from tarjama.gui import palette as reader_palette
from tarjama.gui import themed_icons


def _palette_for(dark: bool) -> reader_palette.Palette:
    # What is on screen when it matches the asked-for kind (a system palette is fitted
    # to its own page and text), else our own theme of that kind.
    shown = reader_palette.current()
    return shown if shown.dark == dark else reader_palette.for_theme(dark)


def figure_colour(kind: str, dark: bool) -> QColor:
    """Background tint for a figure of ``kind``: pale on light themes, deep on dark ones."""
    return _palette_for(dark).figure_colour(kind)


def hover_colour(dark: bool) -> QColor:
    return _palette_for(dark).colour("hover_fill")


def current_colour(dark: bool) -> QColor:
    return _palette_for(dark).colour("current_fill")


def warning_colour(dark: bool) -> QColor:
    return _palette_for(dark).colour("warning_text")


def placeholder_colour(dark: bool) -> QColor:
    return _palette_for(dark).colour("muted_text")


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette in use has light text on a dark background."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def qt_palette(colours: reader_palette.Palette) -> QPalette:
    """The application palette of a theme: chrome, page, text and selection."""
    # Starting from the window colour lets Qt derive the bevel shades (Light, Mid, Dark).
    palette = QPalette(QColor(colours.window))
    roles = QPalette.ColorRole
    for role, name in (
            (roles.Window, "window"), (roles.WindowText, "window_text"),
            (roles.Base, "page"), (roles.AlternateBase, "window"), (roles.Text, "text"),
            (roles.Button, "button"), (roles.ButtonText, "window_text"),
            (roles.ToolTipBase, "tooltip"), (roles.ToolTipText, "tooltip_text"),
            (roles.BrightText, "warning_text"), (roles.Link, "link"),
            (roles.Highlight, "selection"), (roles.HighlightedText, "selection_text"),
            (roles.PlaceholderText, "muted_text")):
        palette.setColor(role, colours.colour(name))
    disabled = colours.colour("muted_text")
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def dark_palette() -> QPalette:
    return qt_palette(reader_palette.DARK)


def light_palette() -> QPalette:
    return qt_palette(reader_palette.LIGHT)


def apply_theme(app: QApplication, theme: str) -> None:
    """Switch the application palette; "system" restores the style's own palette.

    Views hear of it at once through ``palette.notifier().changed``: Qt only posts
    their PaletteChange events, so a view that re-coloured right now from its own
    ``palette()`` would still read the old theme's colours.
    """
    themed_icons.install(app)  # first: setting a style resets the palette
    if theme == "dark":
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setPalette(light_palette())
    else:
        app.setPalette(app.style().standardPalette())
    reader_palette.announce()
