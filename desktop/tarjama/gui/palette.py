"""Every colour the reader draws, per theme, in one frozen palette with named roles.

A theme is given as a few seed colours (``Seeds``); ``build`` derives the rest so that
each text stays readable on each fill it can sit on (WCAG 2 contrast: 4.5:1 for text,
3:1 for warnings, the wavy underline and the quiet low-confidence mark, 1.5:1 for the
hover and current-sentence fills against the page). Derived colours are nudged toward
the page or away from it until the contrast holds, instead of being hand-tuned, so a
system palette with other page and text colours gets readable fills too.

Widgets never keep colours of their own: they ask ``current()`` when they draw and
again when ``notifier().changed`` fires (``theme.apply_theme`` emits it right after
the application palette changes, before the widgets' own PaletteChange events,
which Qt posts and delivers later).
"""

from __future__ import annotations

import colorsys
import dataclasses
import functools
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from tarjama.core.figures import hues
from tarjama.gui.colour_contrast import RGB, contrast, mix, to_hex, to_rgb

TEXT_CONTRAST = 4.5
WARNING_CONTRAST = 3.0
# The low-confidence margin mark: the grey between page and text that just passes 3:1
# (the margin covers rounding); quieter than the warning red, which reads at 4.5:1 or more.
QUIET_MARK_CONTRAST = 3.2
HOVER_CONTRAST = 1.6  # the target is 1.5; the margin covers rounding to whole RGB steps
CURRENT_CONTRAST = 2.1  # stronger than hover, so the two never look alike
# Find matches: saturated fills no figure tint comes near (pale or deep, never vivid),
# with dark text on any theme; the current match is the yellow, lighter than any
# current-sentence blue, so it stands out inside the current sentence too.
FIND_FILL, FIND_CURRENT_FILL, FIND_TEXT = "#ffa040", "#ffee00", "#141414"


def _hsv(hue: int, saturation: int, value: int) -> RGB:
    red, green, blue = colorsys.hsv_to_rgb(hue / 360, saturation / 255, value / 255)
    return round(red * 255), round(green * 255), round(blue * 255)


# -- deriving colours that keep their contrast ------------------------------------------

_STEPS = [i / 40 for i in range(41)]


def _fill_toward(page: RGB, accent: RGB, visible: float, inks: list[RGB]) -> RGB:
    """The palest mix of page and accent that stands out by ``visible`` from the page.

    If no mix is both visible and readable under every ink, readability wins.
    """
    readable = [mix(page, accent, t) for t in _STEPS
                if all(contrast(ink, mix(page, accent, t)) >= TEXT_CONTRAST for ink in inks)]
    for fill in readable:
        if contrast(fill, page) >= visible:
            return fill
    return readable[-1] if readable else page


def _fill_readable(fill: RGB, page: RGB, inks: list[tuple[RGB, float]]) -> RGB:
    """``fill`` moved toward the page just enough for every (ink, minimum) to hold."""
    for t in _STEPS:
        candidate = mix(fill, page, t)
        if all(contrast(ink, candidate) >= minimum for ink, minimum in inks):
            return candidate
    return page


def _ink_readable(ink: RGB, extreme: RGB, grounds: list[RGB], minimum: float) -> RGB:
    """``ink`` moved toward ``extreme`` (black or white) until it reads on every ground."""
    for t in _STEPS:
        candidate = mix(ink, extreme, t)
        if all(contrast(candidate, ground) >= minimum for ground in grounds):
            return candidate
    return extreme


def _muted(text: RGB, page: RGB, grounds: list[RGB]) -> RGB:
    """The greyest text (closest to the page) that still reads on every ground."""
    for t in reversed(_STEPS):
        candidate = mix(text, page, t)
        if all(contrast(candidate, ground) >= TEXT_CONTRAST + 0.2 for ground in grounds):
            return candidate
    return text


# -- the palette ------------------------------------------------------------------------

@dataclass(frozen=True)
class Seeds:
    """What a theme chooses; ``build`` derives everything else from it."""

    dark: bool
    page: str
    text: str
    window: str
    window_text: str
    button: str
    tooltip: str
    tooltip_text: str
    link: str
    selection: str
    selection_text: str
    hover_accent: str
    current_accent: str
    warning: str
    figure_tint: tuple[int, int]  # HSV saturation and value, as hues.LIGHT_TINT


@dataclass(frozen=True)
class Palette:
    """Named colours ("#rrggbb") of one theme. Equal palettes draw the same pixels."""

    dark: bool
    page: str
    text: str
    muted_text: str  # placeholders of sentences still being translated
    window: str
    window_text: str
    button: str
    tooltip: str
    tooltip_text: str
    link: str
    selection: str
    selection_text: str
    hover_fill: str
    current_fill: str
    warning_text: str  # figures whose translation changed, on their figure fill
    warning_underline: str  # the wavy line under a sentence with a fidelity warning
    low_confidence: str  # the quiet margin mark beside a sentence the model was unsure of
    figure_text: str
    figure_fills: tuple[tuple[str, str], ...]  # (kind, fill), one per kind in hues
    figure_fallback: str  # the fill of a kind hues does not know
    find_fill: str = FIND_FILL  # every find match
    find_current_fill: str = FIND_CURRENT_FILL  # the match the find bar is on
    find_text: str = FIND_TEXT  # text on either find fill

    def figure_fill(self, kind: str) -> str:
        return dict(self.figure_fills).get(kind, self.figure_fallback)

    def colour(self, role: str) -> QColor:
        """A role as a QColor, e.g. ``palette.colour("current_fill")``."""
        return QColor(getattr(self, role))

    def figure_colour(self, kind: str) -> QColor:
        return QColor(self.figure_fill(kind))


def build(seeds: Seeds) -> Palette:
    """Derive every role from a theme's seeds, each readable on what it is drawn on."""
    page, text = to_rgb(seeds.page), to_rgb(seeds.text)
    extreme = (255, 255, 255) if seeds.dark else (0, 0, 0)
    # The hover and current fills only ever carry body text.
    hover = _fill_toward(page, to_rgb(seeds.hover_accent), HOVER_CONTRAST, [text])
    current = _fill_toward(page, to_rgb(seeds.current_accent), CURRENT_CONTRAST, [text])
    saturation, value = seeds.figure_tint
    tinted = {kind: _hsv(hues.kind_hue(kind), saturation, value)
              for kind in [*hues.KIND_HUES, ""]}
    # Warning red is drawn on the page (panels) and on figure fills, never on the hover
    # or current fill: the reader leaves figures out of those highlights.
    warning = _ink_readable(to_rgb(seeds.warning), extreme, [page, to_rgb(seeds.window)],
                            TEXT_CONTRAST)  # also on the window: dialogs' status lines
    # A figure fill gives way (toward the page) rather than the warning red, which
    # must stay red to mean anything.
    fills = {kind: _fill_readable(rgb, page, [(text, TEXT_CONTRAST), (warning, TEXT_CONTRAST)])
             for kind, rgb in tinted.items()}
    underline = _ink_readable(warning, extreme, [page, hover, current], WARNING_CONTRAST)
    quiet = _ink_readable(page, text, [page], QUIET_MARK_CONTRAST)  # a grey, page to text
    return Palette(
        dark=seeds.dark, page=seeds.page, text=seeds.text,
        muted_text=to_hex(_muted(text, page, [page, to_rgb(seeds.window)])),
        window=seeds.window, window_text=seeds.window_text, button=seeds.button,
        tooltip=seeds.tooltip, tooltip_text=seeds.tooltip_text, link=seeds.link,
        selection=seeds.selection, selection_text=seeds.selection_text,
        hover_fill=to_hex(hover), current_fill=to_hex(current),
        warning_text=to_hex(warning), warning_underline=to_hex(underline),
        low_confidence=to_hex(quiet),
        figure_text=seeds.text,
        figure_fills=tuple((kind, to_hex(fills[kind])) for kind in hues.KIND_HUES),
        figure_fallback=to_hex(fills[""]),
    )


LIGHT_SEEDS = Seeds(
    dark=False, page="#ffffff", text="#141414", window="#efefef", window_text="#141414",
    button="#efefef", tooltip="#ffffdc", tooltip_text="#141414", link="#0b55c4",
    selection="#2864c8", selection_text="#ffffff",
    hover_accent="#8c96aa", current_accent="#5a8ce6", warning="#b40000",
    figure_tint=hues.LIGHT_TINT,
)
DARK_SEEDS = Seeds(
    dark=True, page="#1e1e20", text="#e1e1e1", window="#2d2d30", window_text="#e1e1e1",
    button="#37373a", tooltip="#3c3c40", tooltip_text="#ebebeb", link="#6eaaff",
    selection="#3c6ebe", selection_text="#ffffff",
    hover_accent="#8a90a0", current_accent="#4a7cd0", warning="#ff8c8c",
    figure_tint=hues.DARK_TINT,
)
LIGHT = build(LIGHT_SEEDS)
DARK = build(DARK_SEEDS)


def for_theme(dark: bool) -> Palette:
    """The palette of the application's own light or dark theme."""
    return DARK if dark else LIGHT


def _qt_hex(palette: QPalette, role: QPalette.ColorRole) -> str:
    return palette.color(QPalette.ColorGroup.Active, role).name()


@functools.lru_cache(maxsize=8)
def _adapted(seeds: Seeds) -> Palette:
    return build(seeds)


def from_qpalette(qpalette: QPalette) -> Palette:
    """The reader palette for any Qt palette: ours when it is ours, else fitted to it.

    A system palette keeps its own page, text, chrome and selection; the fills and the
    warning red are derived against its page and text.
    """
    roles = QPalette.ColorRole
    page = _qt_hex(qpalette, roles.Base)
    dark = QColor(page).lightness() < 128
    ours = for_theme(dark)
    if (page, _qt_hex(qpalette, roles.Text)) == (ours.page, ours.text):
        return ours
    seeds = dataclasses.replace(
        DARK_SEEDS if dark else LIGHT_SEEDS, page=page, text=_qt_hex(qpalette, roles.Text),
        window=_qt_hex(qpalette, roles.Window), window_text=_qt_hex(qpalette, roles.WindowText),
        button=_qt_hex(qpalette, roles.Button), tooltip=_qt_hex(qpalette, roles.ToolTipBase),
        tooltip_text=_qt_hex(qpalette, roles.ToolTipText), link=_qt_hex(qpalette, roles.Link),
        selection=_qt_hex(qpalette, roles.Highlight),
        selection_text=_qt_hex(qpalette, roles.HighlightedText))
    return _adapted(seeds)


def current() -> Palette:
    """The palette of the theme in use, read from the application's QPalette."""
    return from_qpalette(QGuiApplication.palette())


class PaletteNotifier(QObject):
    """Tells every view that the theme changed; carries the new ``Palette``."""

    changed = Signal(object)


_notifier: PaletteNotifier | None = None


def notifier() -> PaletteNotifier:
    """The one notifier of the application (made on first use, in the GUI thread)."""
    global _notifier
    if _notifier is None:
        _notifier = PaletteNotifier()
    return _notifier


def announce() -> None:
    """Emit ``changed`` with the palette now in use (``theme.apply_theme`` calls it)."""
    notifier().changed.emit(current())
