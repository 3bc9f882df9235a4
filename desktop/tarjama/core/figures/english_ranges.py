"""Figures that share their context with a neighbouring number: ranges, scores, lists.

English writes the unit once for two numbers; docs/figures.md asks for one figure per
end, each with the kind and unit of the whole:

- "3-5 days", "10 to 12 km", "two or three weeks", "between 10 and 12 percent": the first
  number takes the unit written after the second ("3 days", text "3"). A scale written
  once counts for both when the first is smaller ("3 to 5 million dollars" is 3000000).
- "$3-5 million": the currency sign written before the first counts for the second.
- "1960-64", "2014-15": the second year is written with two digits.
- "aged 16-25", "aged between 16 and 25": both ends are ages.
- "killing 3 to 5 people", "killing 2 soldiers and 3 civilians", "killed 143 civilians,
  including 31 children": the trigger counts for every number of the list; "2 soldiers
  and 3 civilians were killed": so does the verb after it. Such a figure's span is its
  number and noun.
- "won 2-1", "a 3-0 win": two small numbers joined by a dash in a sentence about sport
  are one score, value "2-1" as written. Without a sports word they stay two numbers.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from tarjama.core.figures.canonical import Found, format_number
from tarjama.core.figures.numbers_en import NumberToken

PEOPLE_AFTER = re.compile(
    r"\s+(?:people|persons|civilians|soldiers|fighters|members|militants|children|women|men"
    r"|others|residents|troops|officers|policemen|protesters|activists|gunmen|jihadists"
    r"|refugees|migrants|workers|students|patients|journalists|prisoners|detainees)\b",
    re.IGNORECASE)
_RANGE_KINDS = frozenset({"duration", "age", "quantity", "percent", "money"})
_VICTIM_KINDS = frozenset({"casualties", "arrests"})
_SHARED_KINDS = _RANGE_KINDS | _VICTIM_KINDS  # a second number whose unit the first takes
_CARRIED_KINDS = _VICTIM_KINDS | {"year", "age", "money"}  # a first number that passes it on
_DASH = re.compile(r"\s*[-–—]\s*")
_RANGE_GAP = re.compile(r"\s*[-–—]\s*|\s+(?:to|or)\s+")
_AND_GAP = re.compile(r"\s+and\s+")
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# "killed 143 civilians during March, including 31 children": the role carries over.
_INCLUDING_BEFORE = re.compile(
    r"(?:,|\s)\s*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+$",
    re.IGNORECASE)
_SPORT = re.compile(
    r"\b(?:won|wins?|winning|beat|beats|beating|defeated|defeats?|lost|loses|losing|draw"
    r"|drew|drawn|match(?:es)?|games?|goals?|scored?|scoring|final|semi-finals?"
    r"|quarter-finals?|league|cup|victory|tie|championship|tournament|derby|penalt(?:y|ies)"
    r"|half-time|halftime|scoreline|aggregate|friendly|stadium)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
_NOT_AFTER_SCORE = re.compile(r"[-–—]?\d|\s*%|\s+(?!(?:as|was|is|its|his|this|thus)\b)[a-z]+s\b")

Classify = Callable[[NumberToken], "Found | None"]


def join(text: str, tokens: list[NumberToken], found: list[Found | None],
         classify: Classify) -> list[Found]:
    """``found[i]`` is the figure of ``tokens[i]`` alone (or None); the figures once each
    number's neighbours are taken into account, scores included."""
    found = list(found)
    scores = _scores(text, tokens, found)
    for i in range(len(tokens) - 2, -1, -1):  # right to left: "2, 3 and 4 ... killed"
        a, b, fb = tokens[i], tokens[i + 1], found[i + 1]
        if fb is None or fb.kind not in _SHARED_KINDS or b.start - a.end > 40:
            continue
        found[i] = _from_next(text, a, b, found[i], fb, classify) or found[i]
    for i in range(len(tokens) - 1):
        a, b, fa = tokens[i], tokens[i + 1], found[i]
        if fa is None or fa.kind not in _CARRIED_KINDS or b.start - a.end > 40:
            continue
        found[i], found[i + 1] = _from_previous(text, a, b, fa, found[i + 1])
    return [f for f in found if f is not None] + scores


def _bare(token: NumberToken, figure: Found | None) -> bool:
    if figure is None:
        return token.weak
    return figure.kind == "number" and (figure.start, figure.end) == (token.start, token.end)


def _from_next(text: str, a: NumberToken, b: NumberToken, fa: Found | None, fb: Found,
               classify: Classify) -> Found | None:
    """The figure of ``a`` when the number after it says what it counts."""
    if fa is not None and fa.kind == "year" and a.is_plain_integer and len(a.digits or "") == 4:
        return None
    if not _bare(a, fa) or a.bare:
        return None
    if _ranged(text, a, b) and fb.kind in _RANGE_KINDS | _VICTIM_KINDS and fb.start == b.start:
        value = a.value
        if b.scale > 1 and a.scale == 1 and not a.suffix and a.value * b.scale <= b.value:
            value *= b.scale  # "3 to 5 million": the scale counts for both
        shared = classify(NumberToken(a.start, b.end, value, None, scale=b.scale))
        if shared is not None and shared.kind == fb.kind:
            return replace(shared, end=a.end)
    people = PEOPLE_AFTER.match(text, a.end)
    if people and fb.kind in _VICTIM_KINDS and fb.start == b.start \
            and _LIST_GAP.fullmatch(text[people.end():b.start]):
        return replace(fb, start=a.start, end=people.end(), value=_victims(a, fb),
                       number=a.value, qualifier=None)
    return None


def _from_previous(text: str, a: NumberToken, b: NumberToken, fa: Found,
                   fb: Found | None) -> tuple[Found, Found | None]:
    """The figures of ``a`` and ``b`` when the number before says what the next counts."""
    if fb is not None and fb.kind == "number" and fa.kind == "year" \
            and _DASH.fullmatch(text[a.end:b.start]) and b.is_plain_integer \
            and len(b.digits or "") == 2 and len(a.digits or "") == 4:
        century = int(a.value) // 100 * 100
        year = century + int(b.value) + (100 if b.value <= a.value % 100 else 0)
        return fa, replace(fb, kind="year", value=str(year), number=Decimal(year))  # "1960-64"
    if not _bare(b, fb) or b.bare:
        return fa, fb
    if fa.kind == "age" and fa.end == a.end and _ranged(text, a, b):  # "aged 16-25"
        return fa, replace(fa, start=b.start, end=b.end, value=_years(b), number=b.value)
    if fa.start == a.start and not (fa.kind in _VICTIM_KINDS and PEOPLE_AFTER.match(text, b.end)):
        return fa, fb  # what comes after a number is its own; a trigger or "$" carries over
    if fa.kind == "money" and _RANGE_GAP.fullmatch(text[a.end:b.start]):
        if b.scale > 1 and a.scale == 1 and not a.suffix and a.value * b.scale <= b.value:
            n = a.value * b.scale  # "$3-5 million": the scale counts for both
            fa = replace(fa, value=f"{format_number(n)} {fa.unit}", number=n)
        return fa, replace(fa, start=b.start, end=b.end, number=b.value, qualifier=None,
                           value=f"{format_number(b.value)} {fa.unit}")
    if fa.kind in _VICTIM_KINDS and (_LIST_GAP.fullmatch(text[fa.end:b.start])
                                     or _RANGE_GAP.fullmatch(text[a.end:b.start])
                                     or _INCLUDING_BEFORE.search(text[fa.end:b.start])):
        people = PEOPLE_AFTER.match(text, b.end)
        return fa, replace(fa, start=b.start, end=people.end() if people else b.end,
                           value=_victims(b, fa), number=b.value, qualifier=None)
    return fa, fb


def _ranged(text: str, a: NumberToken, b: NumberToken) -> bool:
    """Whether ``a`` and ``b`` are the two ends of a range: "3-5", "3 to 5", "between 3 and 5"."""
    gap = text[a.end:b.start]
    return bool(_RANGE_GAP.fullmatch(gap) or (
        _AND_GAP.fullmatch(gap) and _BETWEEN_BEFORE.search(text[max(0, a.start - 12):a.start])))


def _years(token: NumberToken) -> str:
    return f"{format_number(token.value)} year{'' if token.value == 1 else 's'}"


def _victims(token: NumberToken, like: Found) -> str:
    return f"{format_number(token.value)} {like.unit}"


def _scores(text: str, tokens: list[NumberToken], found: list[Found | None]) -> list[Found]:
    """Scores found among the tokens; their two numbers are taken out of ``found``."""
    scores: list[Found] = []
    pairs = [i for i in range(len(tokens) - 1)
             if text[tokens[i].end:tokens[i + 1].start].strip() in ("-", "–", "—")]
    if not pairs:
        return scores
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    cues = [m.start() for m in _SPORT.finditer(text)]
    for i in pairs:
        a, b = tokens[i], tokens[i + 1]
        if not (_small(a) and _small(b) and _bare(a, found[i]) and _bare(b, found[i + 1])):
            continue
        if _NOT_AFTER_SCORE.match(text, b.end):
            continue
        if a.start > 0 and text[a.start - 1] in "-–—":
            continue  # "1-2-3" is not a score
        sentence = bisect.bisect_right(ends, a.start)
        begin = ends[sentence - 1] if sentence else 0
        finish = ends[sentence] if sentence < len(ends) else len(text)
        j = bisect.bisect_left(cues, begin)
        if j < len(cues) and cues[j] < finish:
            scores.append(Found(1, a.start, b.end, "score", text[a.start:b.end].replace(" ", "")
                                .replace("–", "-").replace("—", "-")))
            found[i] = found[i + 1] = None
    return scores


def _small(token: NumberToken) -> bool:
    return token.is_plain_integer and len(token.digits or "") <= 2
