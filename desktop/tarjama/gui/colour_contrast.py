"""WCAG 2 colour arithmetic: relative luminance, contrast ratio, hex and mixing.

Qt-free, so the palette's derivations and the tests that check them compute contrast the
same way (``palette`` uses these to keep every text readable on its fill).
"""

from __future__ import annotations

RGB = tuple[int, int, int]


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(rgb: RGB) -> float:
    """Relative luminance of an sRGB colour, 0 (black) to 1 (white)."""
    red, green, blue = rgb
    return 0.2126 * _linear(red) + 0.7152 * _linear(green) + 0.0722 * _linear(blue)


def contrast(a: RGB | str, b: RGB | str) -> float:
    """Contrast ratio of two colours, 1 (same) to 21 (black on white)."""
    high, low = sorted((luminance(to_rgb(a)), luminance(to_rgb(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


def to_rgb(colour: RGB | str) -> RGB:
    if isinstance(colour, str):
        return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
    return colour


def to_hex(rgb: RGB) -> str:
    return "#" + "".join(f"{channel:02x}" for channel in rgb)


def mix(a: RGB, b: RGB, amount: float) -> RGB:
    """``a`` moved ``amount`` (0..1) of the way toward ``b``."""
    return tuple(round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))
