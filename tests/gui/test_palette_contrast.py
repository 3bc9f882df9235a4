"""Every text and fill of every palette can be read: WCAG contrast of each pair that meets.

The pairs are listed here, not taken from ``gui.palette``, so the module cannot mark its
own homework; a test fails when a role is added that no pair covers.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QColor, QPalette

from tarjama.gui import palette, theme
from tarjama.gui.palette import contrast

TEXT = 4.5
WARNING = 3.0  # the wavy underline is a mark, not text (WCAG 1.4.11)
HIGHLIGHT = 1.5  # hover and current sentence against the page

# (foreground role, background role, minimum). "figures" stands for every figure fill.
PAIRS = [
    ("text", "page", TEXT),
    ("text", "window", TEXT),  # AlternateBase rows of tables
    ("muted_text", "page", TEXT),
    ("muted_text", "window", TEXT),
    ("window_text", "window", TEXT),
    ("window_text", "button", TEXT),
    ("tooltip_text", "tooltip", TEXT),
    ("link", "page", TEXT),
    ("selection_text", "selection", TEXT),
    ("text", "hover_fill", TEXT),
    ("text", "current_fill", TEXT),
    ("warning_text", "page", TEXT),
    ("warning_text", "window", TEXT),  # status lines of dialogs
    ("find_text", "find_fill", TEXT),
    ("find_text", "find_current_fill", TEXT),
    ("figure_text", "figures", TEXT),
    ("warning_text", "figures", TEXT),  # stricter than the 3:1 asked of warnings
    ("warning_underline", "page", WARNING),
    ("warning_underline", "hover_fill", WARNING),
    ("warning_underline", "current_fill", WARNING),
    ("low_confidence", "page", WARNING),  # the quiet margin mark is drawn on the page only
    ("hover_fill", "page", HIGHLIGHT),
    ("current_fill", "page", HIGHLIGHT),
]

# Roles a system palette brings itself; the reader cannot vouch for them.
SYSTEM_ROLES = {"window", "window_text", "button", "tooltip", "tooltip_text", "link",
                "selection", "selection_text"}


def system_palette(page: str, text: str, window: str) -> QPalette:
    qt = QPalette(QColor(window))
    qt.setColor(QPalette.ColorRole.Base, QColor(page))
    qt.setColor(QPalette.ColorRole.Text, QColor(text))
    return qt


def palettes():
    """Ours, and fitted ones for desktops with their own page and text colours."""
    yield "light", palette.LIGHT
    yield "dark", palette.DARK
    for name, page, text, window in [("grey-light", "#fafafa", "#202020", "#e8e8e8"),
                                     ("black", "#000000", "#ffffff", "#202020"),
                                     ("grey-dark", "#2b2b2b", "#c8c8c8", "#3c3f41"),
                                     ("sepia", "#fbf1d8", "#1e1a12", "#efe2c0")]:
        yield name, palette.from_qpalette(system_palette(page, text, window))


def colours(chosen: palette.Palette, role: str) -> list[tuple[str, str]]:
    if role == "figures":
        return [*chosen.figure_fills, ("unknown kind", chosen.figure_fallback)]
    return [(role, getattr(chosen, role))]


def test_contrast_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast("#3a7bd5", "#3a7bd5") == pytest.approx(1.0)
    # #767676 is the palest grey that passes 4.5:1 on white, #777777 the first to fail.
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast("#777777", "#ffffff") < 4.5
    assert contrast((255, 0, 0), (255, 255, 255)) == pytest.approx(4.0, abs=0.01)


@pytest.mark.parametrize(("name", "chosen"), list(palettes()),
                         ids=[name for name, _ in palettes()])
def test_every_pair_of_every_palette_reads(name, chosen):
    failures = []
    for foreground, background, minimum in PAIRS:
        if name not in ("light", "dark") and {foreground, background} & SYSTEM_ROLES:
            continue
        for fg_name, fg in colours(chosen, foreground):
            for bg_name, bg in colours(chosen, background):
                ratio = contrast(fg, bg)
                if ratio < minimum:
                    failures.append(f"{fg_name} {fg} on {bg_name} {bg}: {ratio:.2f} < {minimum}")
    assert not failures, f"{name}: " + "; ".join(failures)


def test_every_colour_role_is_in_some_pair():
    covered = {role for pair in PAIRS for role in pair[:2]}
    roles = {field.name for field in dataclasses.fields(palette.Palette)
             if field.name != "dark"} - {"figure_fills", "figure_fallback"} | {"figures"}
    assert roles <= covered, roles - covered


def test_figure_fills_stay_coloured_and_distinct_from_the_page():
    # A fill fitted toward the page for the sake of contrast must still show.
    for chosen in (palette.LIGHT, palette.DARK):
        for kind, fill in chosen.figure_fills:
            assert QColor(fill).hsvSaturation() > 25, kind
            assert contrast(fill, chosen.page) > 1.03, kind


def test_hover_and_current_fills_differ_from_each_other():
    for chosen in (palette.LIGHT, palette.DARK):
        assert contrast(chosen.current_fill, chosen.page) > contrast(chosen.hover_fill,
                                                                     chosen.page)


def test_the_qt_palettes_of_our_themes_are_made_of_the_reader_palette(qapp):
    assert palette.from_qpalette(theme.light_palette()) is palette.LIGHT
    assert palette.from_qpalette(theme.dark_palette()) is palette.DARK
    dark = theme.dark_palette()
    assert dark.color(QPalette.ColorRole.Base).name() == palette.DARK.page
    assert dark.color(QPalette.ColorRole.PlaceholderText).name() == palette.DARK.muted_text
    assert dark.color(QPalette.ColorRole.Highlight).name() == palette.DARK.selection


def test_current_follows_the_application_palette_and_announces_it(qapp):
    seen = []
    palette.notifier().changed.connect(seen.append)
    try:
        theme.apply_theme(qapp, "dark")
        assert palette.current() is palette.DARK
        theme.apply_theme(qapp, "light")
        assert palette.current() is palette.LIGHT
    finally:
        palette.notifier().changed.disconnect(seen.append)
        theme.apply_theme(qapp, "system")
    assert seen[:2] == [palette.DARK, palette.LIGHT]


def test_the_low_confidence_mark_is_quieter_than_the_warning_red():
    # Quieter: nearer the page than the warning red and the repair blue, and greyer.
    for _name, chosen in palettes():
        page = chosen.page
        assert contrast(chosen.low_confidence, page) < contrast(chosen.warning_underline, page)
        saturation = QColor(chosen.warning_underline).hsvSaturation()
        assert QColor(chosen.low_confidence).hsvSaturation() < saturation / 3  # a grey
    for chosen in (palette.LIGHT, palette.DARK):
        assert contrast(chosen.low_confidence, chosen.page) < contrast(chosen.link, chosen.page)
