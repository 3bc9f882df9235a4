"""Undo what PDF text layers do to Arabic: contextual glyph shapes and visual order.

Many PDF producers write Arabic as the glyphs seen on the page: presentation forms
(U+FB50-U+FDFF, U+FE70-U+FEFF) laid out left to right, so a line reads backwards.
``fix_pdf_line`` turns such a line back into plain letters in logical order, and leaves
lines that are already logical alone. The decision is made per line from evidence in
the words themselves (which letter shapes or letters start and end them), because a
reversed line and a correct line contain the same characters.
"""

from __future__ import annotations

import re
import unicodedata

_PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
_ARABIC_WORD = re.compile("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefe]+")

# Left-to-right material inside a right-to-left line: numbers (with their separators,
# signs and percent), Latin words. A reversed line reverses these too, so they are
# turned back one by one.
_LTR_CHAR = "0-9A-Za-z\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9"
_LTR_TOKEN = re.compile(
    f"[%\u066a]?[{_LTR_CHAR}]+(?:[.,:/\\-\u066b\u066c][{_LTR_CHAR}]+)*[%\u066a]?"
)
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")

_MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")

# Letters that only ever end an Arabic word in logical order.
_WORD_FINAL_LETTERS = frozenset("ةى")


def _shape_kind(char: str) -> str | None:
    """Return "initial", "medial", "final" or "isolated" for a presentation form."""
    decomposition = unicodedata.decomposition(char)
    if decomposition.startswith("<"):
        tag = decomposition[1 : decomposition.index(">")]
        if tag in ("initial", "medial", "final", "isolated"):
            return tag
    return None


def has_presentation_forms(text: str) -> bool:
    """True when ``text`` holds Arabic contextual glyph shapes."""
    return _PRESENTATION_FORM.search(text) is not None


def to_base_letters(text: str) -> str:
    """Replace presentation forms (and ligatures such as lam-alef) by plain letters.

    Only the presentation-form characters are NFKC-normalised; the rest of the text
    (ellipses, no-break spaces, fractions) is left as written.
    """
    text = text.replace("\ufeff", "")
    return _PRESENTATION_FORM.sub(lambda match: unicodedata.normalize("NFKC", match[0]), text)


def _order_evidence(line: str) -> tuple[int, int]:
    """Count the words that look written in visual order and in logical order."""
    visual = logical = 0
    for word in _ARABIC_WORD.findall(line):
        if len(word) < 2:
            continue
        first, last = _shape_kind(word[0]), _shape_kind(word[-1])
        if first or last:
            # A word starts (in reading order) with an initial or isolated-looking
            # shape and ends with a final one; reversed words show the opposite.
            if first == "initial" or last == "final":
                logical += 1
            if first == "final" or last == "initial":
                visual += 1
            continue
        if word[0] in _WORD_FINAL_LETTERS:
            visual += 1
        elif word[-1] in _WORD_FINAL_LETTERS:
            logical += 1
        if len(word) >= 4 and word.startswith("ال"):
            logical += 1
        elif len(word) >= 4 and word.endswith("لا"):
            visual += 1
    return visual, logical


def looks_visual(line: str) -> bool:
    """Guess whether an Arabic line was extracted in visual (left-to-right) order."""
    visual, logical = _order_evidence(line)
    return visual > logical


def visual_to_logical(line: str) -> str:
    """Reverse a visual-order right-to-left line into reading order.

    Numbers and Latin words keep their own left-to-right order; brackets and
    guillemets outside them are mirrored back.
    """
    reversed_line = line[::-1]
    spans = _ltr_spans(reversed_line)
    parts: list[str] = []
    position = 0
    for start, end in spans:
        parts.append(reversed_line[position:start].translate(_MIRRORED))
        parts.append(reversed_line[start:end][::-1])
        position = end
    parts.append(reversed_line[position:].translate(_MIRRORED))
    return "".join(parts)


def _ltr_spans(text: str) -> list[tuple[int, int]]:
    """Find left-to-right runs; neighbouring Latin words separated by spaces form one run.

    Two numbers separated by a space are not joined: in a right-to-left line they are
    displayed right to left, each on its own.
    """
    spans: list[tuple[int, int]] = []
    for match in _LTR_TOKEN.finditer(text):
        start, end = match.span()
        if spans:
            previous_start, previous_end = spans[-1]
            gap = text[previous_end:start]
            if (
                gap.strip(" ") == ""
                and _LATIN_LETTER.search(text[previous_start:previous_end])
                and _LATIN_LETTER.search(match[0])
            ):
                spans[-1] = (previous_start, end)
                continue
        spans.append((start, end))
    return spans


def fix_pdf_line(line: str) -> str:
    """Return ``line`` in logical order with plain Arabic letters."""
    if looks_visual(line):
        line = visual_to_logical(line)
    return to_base_letters(line)
