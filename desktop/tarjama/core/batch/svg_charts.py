"""Bar charts as inline SVG: drawn here, so the pages need no library, font or network.

Charts are drawn in a fixed coordinate space (``viewBox``) and scale to the width of
the page, so they fit any window. Every bar carries a ``<title>`` (the browser's
tooltip) with its exact figure, and every chart a text alternative.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tarjama.core.batch.html_page import esc, link

WIDTH = 1000
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


@dataclass(frozen=True)
class Series:
    name: str
    colour: str


def nice_step(largest: float, ticks: int = 5) -> float:
    """A round tick spacing (1, 2 or 5 times a power of ten) giving about ``ticks`` ticks."""
    if largest <= 0:
        return 1.0
    raw = largest / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return max(step, 1.0)


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def grouped_bars(label: str, categories: Sequence[str],
                 series: Sequence[tuple[Series, Sequence[float]]], *, height: int = 300) -> str:
    """Vertical bars, one group per category (a day, a month), one bar per series."""
    left, right, top, bottom = 56, 10, 30, 64
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    largest = max((v for _, values in series for v in values), default=0)
    step = nice_step(largest)
    ceiling = step * max(1, math.ceil(largest / step))
    group = plot_w / max(1, len(categories))
    bar = group * 0.8 / max(1, len(series))
    parts = [_svg_start(label, height), _legend(s for s, _ in series)]
    tick = 0.0
    while tick <= ceiling + 1e-9:
        y = top + plot_h - tick / ceiling * plot_h
        parts.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="#e3e3e3"/><text x="{left - 6}" y="{y + 4:.1f}" '
                     f'text-anchor="end" fill="#555">{_number(tick)}</text>')
        tick += step
    every = max(1, math.ceil(len(categories) / 24))
    slanted = len(categories) > 8
    for i, category in enumerate(categories):
        x0 = left + i * group + group * 0.1
        for k, (s, values) in enumerate(series):
            value = values[i]
            if value <= 0:
                continue
            h = value / ceiling * plot_h
            parts.append(
                f'<rect x="{x0 + k * bar:.1f}" y="{top + plot_h - h:.1f}" '
                f'width="{max(bar - 1, 1):.1f}" height="{h:.1f}" fill="{s.colour}">'
                f"<title>{esc(category)}: {_number(value)} {esc(s.name)}</title></rect>")
        if i % every == 0:
            x, y = left + (i + 0.5) * group, top + plot_h + 14
            turn = f' transform="rotate(-35 {x:.1f} {y:.1f})"' if slanted else ""
            anchor = "end" if slanted else "middle"
            parts.append(f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" '
                         f'fill="#333"{turn}>{esc(category)}</text>')
    parts.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{top + plot_h}" '
                 f'y2="{top + plot_h}" stroke="#888"/></svg>')
    return "".join(parts)


@dataclass(frozen=True)
class BarRow:
    label: str
    href: str | None
    values: tuple[float, ...]  # one per series, stacked left to right


def stacked_bars(label: str, rows: Sequence[BarRow], series: Sequence[Series]) -> str:
    """Horizontal stacked bars, one row each, the label a link when the row has one."""
    left, right, top, row_h = 300, 50, 30, 22
    height = top + row_h * len(rows) + 10
    plot_w = WIDTH - left - right
    largest = max((sum(r.values) for r in rows), default=0) or 1
    parts = [_svg_start(label, height), _legend(series)]
    for i, row in enumerate(rows):
        y = top + i * row_h
        name = row.label if len(row.label) <= 44 else "…" + row.label[-43:]
        text = (f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" fill="#0b57a4">'
                f"<title>{esc(row.label)}</title>{esc(name)}</text>")
        parts.append(f'<a href="{link(row.href)}">{text}</a>' if row.href else text)
        x = float(left)
        for s, value in zip(series, row.values, strict=True):
            if value <= 0:
                continue
            w = value / largest * plot_w
            parts.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" '
                         f'fill="{s.colour}"><title>{esc(row.label)}: {_number(value)} '
                         f"{esc(s.name)}</title></rect>")
            x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 15}" fill="#333">'
                     f"{_number(sum(row.values))}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _svg_start(label: str, height: int) -> str:
    return (f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
            f'aria-label="{esc(label)}" xmlns="http://www.w3.org/2000/svg" {FONT}>'
            f"<title>{esc(label)}</title>")


def _legend(series: Iterable[Series]) -> str:
    parts, x = [], 60
    for s in series:
        parts.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{s.colour}"/>'
                     f'<text x="{x + 17}" y="16" fill="#333">{esc(s.name)}</text>')
        x += 30 + 8 * len(s.name)
    return "".join(parts)
