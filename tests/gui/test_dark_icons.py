"""Close and float icons are drawn in the theme's text colour, and the About dialog keeps
its Latin names whole in Arabic."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QStyle

from tarjama.gui import palette, theme, ui_language
from tarjama.gui.about_dialog import FONT_LICENCE, AboutDialog, about_html


@pytest.fixture
def themed(qapp):
    def use(name: str) -> None:
        theme.apply_theme(qapp, name)
        QCoreApplication.processEvents()

    yield use
    theme.apply_theme(qapp, "light")


def rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def icon_contrast(button: QAbstractButton) -> float:
    """Contrast of the icon's solid pixels against the button's background pixel.

    The icon is painted onto the button's own background colour, as the button draws it.
    """
    size = button.iconSize() if button.iconSize().isValid() else QSize(16, 16)
    pixmap = button.icon().pixmap(size)
    assert not pixmap.isNull()
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    ground = rgb(button.palette().color(button.backgroundRole()))
    solid = [QColor.fromRgba(image.pixel(x, y)) for y in range(image.height())
             for x in range(image.width())]
    solid = [colour for colour in solid if colour.alpha() > 200]
    assert solid, "the icon has some solid pixels"
    # The median solid pixel: antialiased edges neither help nor hurt.
    contrasts = sorted(palette.contrast(rgb(colour), ground) for colour in solid)
    return contrasts[len(contrasts) // 2]


def close_button(dialog) -> QAbstractButton:
    """The dialog's Close button, with the style's close icon on it.

    On X11 and Windows a dialog button box shows that icon; the offscreen platform
    shows none, so the test puts the style's icon there as they would.
    """
    box = dialog.findChild(QDialogButtonBox)
    button = box.button(QDialogButtonBox.StandardButton.Close)
    if button.icon().isNull():
        button.setIcon(button.style().standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton))
    return button


@pytest.mark.parametrize("name", ["dark", "light"])
def test_the_dialog_close_icon_reads_on_its_button(qtbot, themed, name):
    themed(name)
    dialog = AboutDialog("fixture-tiny", "test fixture")
    qtbot.addWidget(dialog)
    dialog.show()
    button = close_button(dialog)
    assert icon_contrast(button) >= 3.0


def test_the_icons_follow_a_theme_switch(qtbot, themed):
    themed("light")
    dialog = AboutDialog("fixture-tiny", "test fixture")
    qtbot.addWidget(dialog)
    button = close_button(dialog)
    themed("dark")  # the same button, its icon not asked for again
    assert icon_contrast(button) >= 3.0


def test_dock_title_buttons_read_in_the_dark_theme(qtbot, themed, make_window):
    themed("dark")
    window = make_window()
    buttons = [button for button in window.figures_dock.findChildren(QAbstractButton)
               if button.objectName().startswith("qt_dockwidget_")]
    assert buttons
    for button in buttons:
        assert icon_contrast(button) >= 3.0, button.objectName()


def test_about_keeps_the_font_licence_in_one_isolated_piece(qapp):
    assert ui_language.apply_ui_language("ar") == "ar"
    try:
        text = about_html("fixture-tiny", "test fixture", None)
    finally:
        ui_language.apply_ui_language("en")
    unbroken = "\u2066" + FONT_LICENCE.replace(" ", "\u00a0") + "\u2069"
    assert unbroken in text
    assert "\u2066fixture-tiny\u2069" in text
