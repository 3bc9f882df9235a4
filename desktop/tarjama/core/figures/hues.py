"""One hue per figure kind, shared by the reader's highlights and the HTML export.

Kinds are grouped into a few hues so a reader learns them quickly: amounts green,
time blue, people red, everything else amber; glossary terms, which are names rather
than figures, pink.
"""

from __future__ import annotations

import colorsys

KIND_HUES = {
    # amounts
    "money": 130, "quantity": 130, "percent": 160, "fraction": 150,
    # time
    "date": 210, "year": 210, "time": 190, "duration": 240, "age": 280,
    # people
    "casualties": 0, "arrests": 20,
    # everything else
    "number": 45, "count_word": 45, "ordinal": 55, "score": 65,
    # names and terms of the user's glossary
    "term": 320,
}
FALLBACK_HUE = 45

# HSV saturation and value (0-255, as Qt counts) of a highlight on each kind of theme.
LIGHT_TINT = (60, 255)  # pale behind dark text
DARK_TINT = (110, 90)  # deep behind light text


def kind_hue(kind: str) -> int:
    return KIND_HUES.get(kind, FALLBACK_HUE)


def css_colour(kind: str, dark: bool = False) -> str:
    """The highlight of ``kind`` as a CSS colour, e.g. "#c4ffd0"."""
    saturation, value = DARK_TINT if dark else LIGHT_TINT
    red, green, blue = colorsys.hsv_to_rgb(kind_hue(kind) / 360, saturation / 255, value / 255)
    return "#" + "".join(f"{round(c * 255):02x}" for c in (red, green, blue))


def css_class(kind: str) -> str:
    """The HTML class of a figure of ``kind``: "count_word" -> "fig-count-word"."""
    return "fig-" + kind.replace("_", "-")


def css_rules(base: str = ".figure") -> str:
    """A style sheet tinting ``base`` elements by kind (light background, as exported)."""
    rules = [f"{base} {{ background: {css_colour('')}; }}"]
    rules += [f"{base}.{css_class(kind)} {{ background: {css_colour(kind)}; }}"
              for kind in KIND_HUES]
    return "\n".join(rules) + "\n"
