"""A find match can never be taken for a figure, and the current match stands out.

Colour distance is CIEDE2000 in CIELAB (written out here so the palette cannot mark
its own homework); brightness steps are WCAG contrast. The on-screen check reads the
pixels behind a match in the real window, in both themes.
"""

from __future__ import annotations

import math
from collections import Counter

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QTextCursor

from tarjama.gui import palette, theme

FIGURE_DISTANCE = 15.0  # ΔE2000: 2 is a just noticeable difference, >10 other colours
MATCH_DISTANCE = 15.0  # the current match against the other matches


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def lab(colour: str) -> tuple[float, float, float]:
    red, green, blue = (_linear(c) for c in palette.to_rgb(colour))
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(first: str, second: str) -> float:
    """CIEDE2000 colour difference (Sharma, Wu and Dalal's formulation)."""
    (l1, a1, b1), (l2, a2, b2) = lab(first), lab(second)
    mean_c = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(mean_c ** 7 / (mean_c ** 7 + 25 ** 7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1, h2 = math.degrees(math.atan2(b1, a1)) % 360, math.degrees(math.atan2(b2, a2)) % 360
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    big_dh = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    mean_l, mean_cp = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        mean_h = h1 + h2
    elif abs(h1 - h2) <= 180:
        mean_h = (h1 + h2) / 2
    else:
        mean_h = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(mean_h - 30)) + 0.24 * math.cos(
        math.radians(2 * mean_h)) + 0.32 * math.cos(math.radians(3 * mean_h + 6))
         - 0.20 * math.cos(math.radians(4 * mean_h - 63)))
    rotation = 30 * math.exp(-(((mean_h - 275) / 25) ** 2))
    rc = 2 * math.sqrt(mean_cp ** 7 / (mean_cp ** 7 + 25 ** 7))
    sl = 1 + 0.015 * (mean_l - 50) ** 2 / math.sqrt(20 + (mean_l - 50) ** 2)
    sc, sh = 1 + 0.045 * mean_cp, 1 + 0.015 * mean_cp * t
    rt = -math.sin(math.radians(2 * rotation)) * rc
    terms = ((l2 - l1) / sl, (c2 - c1) / sc, big_dh / sh)
    return math.sqrt(sum(term * term for term in terms) + rt * terms[1] * terms[2])


def test_delta_e_behaves():
    # Identical colours are 0 apart, black and white 100 (their L* difference).
    assert delta_e("#336699", "#336699") == pytest.approx(0.0)
    assert delta_e("#000000", "#ffffff") == pytest.approx(100.0, abs=0.1)
    assert delta_e("#ff0000", "#00ff00") > 50


def figure_fills(chosen: palette.Palette) -> dict[str, str]:
    return {**dict(chosen.figure_fills), "unknown kind": chosen.figure_fallback}


@pytest.mark.parametrize("chosen", [palette.LIGHT, palette.DARK], ids=["light", "dark"])
def test_matches_look_like_no_figure(chosen):
    for role in ("find_fill", "find_current_fill"):
        fill = getattr(chosen, role)
        for kind, figure in figure_fills(chosen).items():
            assert delta_e(fill, figure) >= FIGURE_DISTANCE, (role, kind, fill, figure)
        assert palette.contrast(chosen.find_text, fill) >= 4.5
    assert delta_e(chosen.find_fill, chosen.find_current_fill) >= MATCH_DISTANCE


@pytest.mark.parametrize("chosen", [palette.LIGHT, palette.DARK], ids=["light", "dark"])
def test_the_current_match_stands_out_in_the_current_sentence(chosen):
    assert palette.contrast(chosen.find_current_fill, chosen.current_fill) >= 1.5
    # On the page and under the hover tint a match stands out by its hue.
    for ground in (chosen.page, chosen.hover_fill, chosen.current_fill):
        for fill in (chosen.find_fill, chosen.find_current_fill):
            assert delta_e(fill, ground) >= FIGURE_DISTANCE


def fill_behind(pane, start: int, end: int) -> str:
    """The commonest colour along the top of the text between ``start`` and ``end``."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    first = pane.cursorRect(cursor)
    cursor.setPosition(end)
    last = pane.cursorRect(cursor)
    image = pane.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    left, right = sorted((first.center().x(), last.center().x()))
    seen = Counter(QColor(image.pixel(int(x * ratio), int((first.top() + 1) * ratio))).name()
                   for x in range(left + 2, right - 1))
    return seen.most_common(1)[0][0]


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_window_paints_the_find_fills(make_window, open_and_wait, use_tiny_pack,
                                          article_file, qtbot, qapp, name):
    theme.apply_theme(qapp, name)
    try:
        window = make_window()
        window.resize(1200, 700)
        open_and_wait(window, article_file)
        window.find_bar.open_bar()
        window.find_bar.field.setText("المدينة")
        qtbot.waitUntil(lambda: len(window.find_bar.matches) >= 2)
        qtbot.wait(50)
        QCoreApplication.processEvents()
        colours = palette.current()
        bar = window.find_bar
        pane = window.source_pane
        current = bar.matches[bar.current]
        other = next(m for m in bar.matches if m is not current)
        assert fill_behind(pane, current.start, current.end) == colours.find_current_fill
        assert fill_behind(pane, other.start, other.end) == colours.find_fill
    finally:
        theme.apply_theme(qapp, "light")
