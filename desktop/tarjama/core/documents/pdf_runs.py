"""Every glyph of a PDF page with its place: the raw material of the reading order.

pypdf's own text extraction (plain, layout, or its ``visitor_text`` callback) joins the
strings of several text operators before reporting them and reverses right-to-left
characters inside them, so the position it reports belongs to the first string only
and the order inside a report depends on how the producer split its strings (Qt
places each glyph with its own ``Td``, WeasyPrint writes a whole line in one ``TJ``).
Here the content stream is walked operator by operator with pypdf's parser and each
glyph is placed with the text and current matrices and its font width, exactly as a
viewer draws it. Only horizontal text is kept; rotated stamps and margin notes are not
part of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from .pdf_fonts import PdfFont, load_font

# A page with more glyphs than this is not a news article (maps, tables of figures);
# stopping here keeps the work per page bounded.
MAX_GLYPHS_PER_PAGE = 30000
_MAX_FORM_DEPTH = 4

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1
_PATH_POINTS = {b"m", b"l", b"c", b"v", b"y", b"re"}
# Operators that end a path; a pending W or W* clips with it first.
_PATH_ENDS = {b"n", b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(slots=True)
class Glyph:
    """One drawn glyph in page space (y grows upwards).

    ``text`` is None when the font gives the glyph no characters; ``order`` is the
    position in the content stream, which breaks ties between glyphs drawn at one spot.
    """

    x0: float
    x1: float
    y: float
    size: float
    text: str | None
    font: int  # identifies the font resource, for fonts whose glyphs need a second look
    code: int
    order: int
    # The middle of the drawn outline, for zero-width marks whose origin producers put
    # beside their letter (set by ``pdf_ligatures.locate_marks`` when the font says).
    ink: float | None = None


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _numbers(operands, count: int) -> list[float] | None:
    try:
        values = [float(value) for value in operands[:count]]
    except (TypeError, ValueError):
        return None
    return values if len(values) == count else None


class _Walker:
    def __init__(self, reader, clip) -> None:
        self.reader = reader
        self.clip = clip
        self.glyphs: list[Glyph] = []
        self.fonts: dict[int, PdfFont] = {}

    def font(self, resources, name) -> tuple[int, PdfFont] | None:
        fonts = resources.get("/Font") if resources else None
        if not fonts or name not in fonts:
            return None
        reference = fonts.raw_get(name) if hasattr(fonts, "raw_get") else fonts[name]
        key = (
            id(reference.get_object())
            if not hasattr(reference, "idnum")
            else (reference.idnum * 100003 + reference.generation)
        )
        if key not in self.fonts:
            self.fonts[key] = load_font(reference)
        return key, self.fonts[key]

    def walk(self, content, resources, ctm: Matrix, depth: int = 0) -> None:
        from pypdf.generic import ContentStream

        stream = (
            content if isinstance(content, ContentStream) else ContentStream(content, self.reader)
        )
        stack: list[tuple] = []
        state = {
            "tc": 0.0,
            "tw": 0.0,
            "th": 1.0,
            "tl": 0.0,
            "ts": 0.0,
            "size": 0.0,
            "font": None,
            "clip": self.clip,
        }
        tm = line = _IDENTITY
        path: list[tuple[float, float]] = []
        clipping = False
        for operands, operator in stream.operations:
            if len(self.glyphs) >= MAX_GLYPHS_PER_PAGE:
                return
            if operator in _PATH_POINTS:
                values = _numbers(operands, len(operands)) or []
                if operator == b"re" and len(values) == 4:
                    x, y, w, h = values
                    values = [x, y, x + w, y + h, x, y + h, x + w, y]
                path += [_apply(ctm, x, y) for x, y in zip(values[::2], values[1::2], strict=False)]
            elif operator in (b"W", b"W*"):
                clipping = True
            elif operator in _PATH_ENDS:
                if clipping and path:
                    state["clip"] = _intersect(state["clip"], path)
                path, clipping = [], False
            elif operator == b"q":
                stack.append((ctm, dict(state)))
            elif operator == b"Q":
                if stack:
                    ctm, state = stack.pop()
            elif operator == b"cm":
                values = _numbers(operands, 6)
                if values:
                    ctm = _multiply(tuple(values), ctm)
            elif operator == b"BT":
                tm = line = _IDENTITY
            elif operator == b"Tf" and len(operands) >= 2:
                state["font"] = self.font(resources, operands[0])
                state["size"] = float(operands[1]) if _numbers(operands[1:], 1) else 0.0
            elif operator in (b"Tc", b"Tw", b"Tz", b"TL", b"Ts"):
                values = _numbers(operands, 1)
                if values:
                    key = {b"Tc": "tc", b"Tw": "tw", b"Tz": "th", b"TL": "tl", b"Ts": "ts"}
                    state[key[operator]] = values[0] / 100 if operator == b"Tz" else values[0]
            elif operator in (b"Td", b"TD"):
                values = _numbers(operands, 2)
                if values:
                    if operator == b"TD":
                        state["tl"] = -values[1]
                    tm = line = _multiply((1, 0, 0, 1, values[0], values[1]), line)
            elif operator == b"Tm":
                values = _numbers(operands, 6)
                if values:
                    tm = line = tuple(values)
            elif operator == b"T*":
                tm = line = _multiply((1, 0, 0, 1, 0, -state["tl"]), line)
            elif operator in (b"Tj", b"'", b'"', b"TJ"):
                if operator in (b"'", b'"'):
                    if operator == b'"' and _numbers(operands, 2):
                        state["tw"], state["tc"] = float(operands[0]), float(operands[1])
                        operands = operands[2:]
                    tm = line = _multiply((1, 0, 0, 1, 0, -state["tl"]), line)
                items = operands[0] if operator == b"TJ" and operands else operands[:1]
                tm = self.show(items, tm, ctm, state)
            elif operator == b"Do" and depth < _MAX_FORM_DEPTH and operands:
                self.form(operands[0], resources, ctm, depth)

    def form(self, name, resources, ctm: Matrix, depth: int) -> None:
        objects = resources.get("/XObject") if resources else None
        if not objects or name not in objects:
            return
        form = objects[name].get_object()
        if form.get("/Subtype") != "/Form":
            return
        matrix = _numbers(list(form.get("/Matrix", _IDENTITY)), 6) or list(_IDENTITY)
        inner = form.get("/Resources")
        self.walk(
            form,
            inner.get_object() if inner else resources,
            _multiply(tuple(matrix), ctm),
            depth + 1,
        )

    def show(self, items, tm: Matrix, ctm: Matrix, state) -> Matrix:
        chosen = state["font"]
        size = state["size"]
        if chosen is None or not size:
            return tm
        key, font = chosen
        th = state["th"]
        for item in items:
            if not isinstance(item, (bytes, str)):
                values = _numbers([item], 1)
                if values:
                    tm = _multiply((1, 0, 0, 1, -values[0] / 1000 * size * th, 0), tm)
                continue
            raw = (
                item.original_bytes
                if hasattr(item, "original_bytes")
                else (item if isinstance(item, bytes) else item.encode("latin-1", "replace"))
            )
            for code, text, width in font.decode(raw):
                space = state["tw"] if (not font.two_byte and code == 32) else 0.0
                advance = (width / 1000 * size + state["tc"] + space) * th
                self.place(tm, ctm, size, width / 1000 * size * th, text, key, code, state["clip"])
                tm = _multiply((1, 0, 0, 1, advance, 0), tm)
                if len(self.glyphs) >= MAX_GLYPHS_PER_PAGE:
                    return tm
        return tm

    def place(self, tm: Matrix, ctm: Matrix, size: float, width: float, text, key, code, clip):
        a, b, c, d, e, f = _multiply(tm, ctm)
        if abs(b) > 0.05 * abs(a) or abs(c) > 0.05 * abs(d) or a == 0 or d == 0:
            return  # rotated or skewed text
        x0 = e
        x1 = e + width * a
        if x1 < x0:
            x0, x1 = x1, x0
        middle = (x0 + x1) / 2
        # Text outside the clipping area is in the file but not on the page (Qt, for
        # one, writes whole paragraphs and clips them to a column).
        if not (clip[0] - 1 <= middle <= clip[2] + 1 and clip[1] - 1 <= f <= clip[3] + 1):
            return
        self.glyphs.append(Glyph(x0, x1, f, abs(size * d), text, key, code, len(self.glyphs)))


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])


def _intersect(clip: Box, points: list[tuple[float, float]]) -> Box:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return (
        max(clip[0], min(xs)),
        max(clip[1], min(ys)),
        min(clip[2], max(xs)),
        min(clip[3], max(ys)),
    )


def page_glyphs(reader, page) -> tuple[list[Glyph], dict[int, PdfFont]]:
    """All visible horizontal glyphs of ``page`` in content-stream order, with the fonts."""
    infinite = float("inf")
    walker = _Walker(reader, (-infinite, -infinite, infinite, infinite))
    content = page.get_contents()
    if content is not None:
        resources = page.get("/Resources")
        walker.walk(content, resources.get_object() if resources else {}, _IDENTITY)
    return walker.glyphs, walker.fonts
