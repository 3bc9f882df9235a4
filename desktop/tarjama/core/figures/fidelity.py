"""Does the translation keep the Arabic's figures? One check per Arabic figure.

Every possible pairing of an Arabic figure with an English one gets a strength
(``relation.assess``); the strongest pairings are taken first, each figure used once:
first by value (SAME, then EQUIVALENT: the same fact in another form), then figures
that are plausibly the same one altered (CHANGED, then NEAR); among equals, figures of
the same kind, then values one slip apart, then the nearest in the sentence. A figure
with no plausible counterpart is ``missing``; the English figure it might have been
paired with stays unpaired ("added" in the interface).

Decisions (docs/figures.md has the kinds and values):

- Kept (``ok``): equal values; a bare number for a figure of another kind ("45 عاماً"
  -> "45", "مقتل جنديين" -> "two soldiers", "3rd" -> "3"); the Arabic digits inside an
  English word ("ACE2"); a year the Arabic gives apart inside an English date, or an
  English date split from its year ("5 March issue … 2020"); unit conversions that agree
  within a journalist's rounding (two significant figures, the nearest 5 or 10 from 20
  up, 3 %, one figure after "about"): km/mi, m/ft, kg/lb, km2/mi2, ha/acre/dunam,
  l/bbl, metric prefixes; durations exactly (2 weeks = 14 days, 18 months = 1.5 years);
  a Hijri year as its Gregorian year (H × 0.970229 + 621.5643, ±1); a Hijri date as a
  Gregorian one within two days of the tabular (Kuwaiti-style) conversion, and when
  neither side gives a year, kept with a "check the conversion" note; a fraction as a
  percentage ("half" = 50%) or a decimal; a score the other way round ("2-1" as "1-2":
  conventions differ); a clock time on a 12-hour clock (20:30 as "8:30"); a date the
  English makes more precise ("May" as "10 May 2014", noted); thousands written with
  dots in the English ("42.000" for 42,000, noted).
- Qualifiers of equal values: "about" dropped, added or replaced by "more than" is
  kept, with a note when the words differ; "more than"/"at least" against "less
  than"/"up to" is changed; a part of a period dropped ("mid-June" as "June") is kept,
  a different one ("early" against "late") is changed.
- Changed: another value of the same figure (same or related kind: duration/age,
  casualties/arrests, date/year; compatible units, currencies or roles); the same
  number in another unit, currency or role (3 years as 3 months, $3m as €3m, 5 killed as
  5 wounded, 120 km as 120 kg); a date that lost its day or year ("10 May" as "May");
  a vague count as a number in its range ("dozens" as "50") or a number as a vague
  count ("300" as "hundreds"); a bare number that looks like a corrupted copy: one digit
  changed, added, removed or swapped with its neighbour (zeros as written count:
  "304" -> "004"), a factor of 10, 100, 1000 or a million, a day of month mistyped
  into an impossible one ("January 94"). Two single digits ("3" and "5") look alike
  whatever they are, so they are paired only when they stand at about the same place.
- Missing: anything else. A figure unrelated in kind, unit and digits is never paired
  ("120 km" against "3"), so deletions are reported as missing.
"""

from __future__ import annotations

import re

from tarjama.core.arabic_text import to_ascii_digits
from tarjama.core.figures import months
from tarjama.core.figures.arabic import extract_arabic
from tarjama.core.figures.describe import describe
from tarjama.core.figures.english import extract_english
from tarjama.core.figures.model import STATUS_RANK, Fidelity, Figure, FigureCheck
from tarjama.core.figures.relation import (
    CHANGED,
    EQUIVALENT,
    NEAR,
    SAME,
    UNRELATED,
    Match,
    assess,
    date_match,
    relation,
    year_in_date,
)
from tarjama.core.figures.slips import corrupted_copy, one_edit

# Two single digits that differ ("3" and "5") are paired as a changed figure only when
# they stand at about the same place in both sentences (95 % of kept figures are within
# a quarter of the sentence of each other); farther apart, the Arabic one is missing.
LOOSE_DISTANCE = 0.3

__all__ = ["CHANGED", "EQUIVALENT", "NEAR", "SAME", "UNRELATED", "check_fidelity",
           "compare_figures", "describe", "relation"]


def check_fidelity(source_text: str, target_text: str) -> Fidelity:
    """Check each figure of the Arabic ``source_text`` against the English ``target_text``."""
    return compare_figures(extract_arabic(source_text), extract_english(target_text),
                           len(source_text), target_text)


def compare_figures(sources: list[Figure], targets: list[Figure], source_length: int = 1,
                    target_text: str = "") -> Fidelity:
    """Pair figures already extracted from a sentence (``source_length`` characters long)
    and its translation ``target_text``; positions help pair equal figures."""
    partner = _pair(sources, targets, source_length, len(target_text))
    used = {j for j, _ in partner.values()}
    taken = [(targets[j].start, targets[j].end) for j in used]
    checks = []
    for i, source in enumerate(sources):
        j, match = partner.get(i, (None, Match(UNRELATED)))
        if match.strength <= NEAR and (verbatim := _verbatim(source, target_text, taken)
                                       or _kept_in_words(source, target_text, taken)):
            checks.append(FigureCheck(source, "ok", verbatim, f"the Arabic {describe(source)} "
                                                              f"is kept as “{verbatim.text}”"))
        elif j is None and (date := _date_with_year(source, [targets[k] for k in used])):
            checks.append(FigureCheck(source, "ok", date, f"the Arabic {describe(source)} is "
                                                          f"kept in “{date.text}”"))
        elif j is None and (code := _verbatim(source, target_text, taken, altered=True)):
            checks.append(FigureCheck(source, "changed", code, f"the Arabic says "
                                      f"{describe(source)}; the English has “{code.text}”"))
        elif j is None:
            checks.append(FigureCheck(source, "missing", None, f"the Arabic figure "
                                      f"{describe(source)} is not in the translation"))
        elif match.strength == CHANGED and (k := _year_apart(source, targets[j], targets, used)):
            used.add(k)
            both = f"“{targets[j].text}” and “{targets[k].text}”"
            checks.append(FigureCheck(source, "ok", targets[j], f"the Arabic {describe(source)} "
                                                                f"is rendered as {both}"))
        else:
            checks.append(_check(source, targets[j], match))
    status = max((c.status for c in checks), key=STATUS_RANK.__getitem__, default="ok")
    return Fidelity(status, tuple(checks))


def _pair(sources: list[Figure], targets: list[Figure], source_length: int,
          target_length: int) -> dict[int, tuple[int, Match]]:
    """Arabic index -> (English index, match): strongest pairings first, then figures of
    the same kind, then values one slip apart, then the nearest in the sentence."""
    candidates = []
    for i, source in enumerate(sources):
        for j, target in enumerate(targets):
            match = assess(source, target)
            distance = abs(source.start / max(source_length, 1)
                           - target.start / max(target_length, 1))
            if match.strength > UNRELATED and not (match.loose and distance > LOOSE_DISTANCE):
                candidates.append((-match.strength, source.kind != target.kind,
                                   not _close(source, target), distance, i, j, match))
    candidates.sort(key=lambda c: c[:6])
    partner: dict[int, tuple[int, Match]] = {}
    used: set[int] = set()
    for *_, i, j, match in candidates:
        if i not in partner and j not in used:
            partner[i] = (j, match)
            used.add(j)
    return partner


def _check(source: Figure, target: Figure, match: Match) -> FigureCheck:
    if match.strength >= EQUIVALENT:
        note = f" ({match.note})" if match.note else ""
        return FigureCheck(source, "ok", target, f"the Arabic {describe(source)} is rendered "
                                                 f"as “{target.text}”{note}", match.note)
    english = describe(target)
    if match.note:  # no "(vague count) (…)": a dash after a parenthesis
        english += f" — {match.note}" if english.endswith(")") else f" ({match.note})"
    return FigureCheck(source, "changed", target, f"the Arabic says {describe(source)}; the "
                                                  f"English has {english}", match.note)


def _close(source: Figure, target: Figure) -> bool:
    """Values equal or one slip apart: among changed figures, the likeliest partner."""
    if source.number is not None and target.number is not None:
        return source.number == target.number or corrupted_copy(source.number, target.number)
    return one_edit(source.value, target.value)


def _year_apart(source: Figure, target: Figure, targets: list[Figure],
               used: set[int]) -> int | None:
    """An unpaired English year that completes a date the English split ("5 March issue of
    Eurosurveillance 2020" for "5 مارس 2020"): its index in ``targets``."""
    if source.kind != "date" or target.kind != "date" or months.split_date(target.value)[1]:
        return None
    hijri, _, month, day = months.split_date(target.value)
    full_year = months.split_date(source.value)[1]
    completed = months.date_value(full_year, month, day, hijri)
    if not completed or date_match(source.value, completed).strength < EQUIVALENT:
        return None
    for k, year in enumerate(targets):
        if k not in used and year.kind == "year" and year_in_date(source, year).strength:
            return k
    return None


def _date_with_year(source: Figure, paired: list[Figure]) -> Figure | None:
    """An English date, already paired, that carries a year the Arabic gives apart
    ("من منتصف ديسمبر إلى أواخره 2019" -> "middle to late December 2019")."""
    if source.kind != "year":
        return None
    for target in paired:
        if target.kind == "date" and year_in_date(source, target).strength >= EQUIVALENT:
            return target
    return None


_DIGIT_RUN = re.compile(r"(?<![0-9])(?<![0-9][.,])[0-9]+(?:[.,][0-9]+)?(?![0-9]|[.,][0-9])")
_IN_A_WORD = re.compile(r"[A-Za-z]")
# Roman numerals name types and phases ("type-II", "angiotensin II", "Phase III").
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
          "X": 10}
_ROMAN_NUMERAL = re.compile(
    r"(?:-|\b(?i:type|phase|class|grade|stage|level|part|war|category|angiotensin)\s+)"
    r"(?P<figure>X|IX|IV|V?I{1,3}|V)\b")
# "ساعة واحدة" as "within an hour", "يوم واحد" as "in a single day", "حالة واحدة" as "one".
_ONE_OF = re.compile(r"(?P<figure>\b(?:an?|one|a\s+single|single)\s+(?P<unit>year|month|week"
                     r"|day|hour|minute|night)\b|\bone\b)", re.IGNORECASE)


def _kept_in_words(source: Figure, target_text: str, taken: list[tuple[int, int]]
                   ) -> Figure | None:
    """A small Arabic number the English writes as a Roman numeral, or a single unit the
    English writes as "an hour", "a single day", "one": where no other figure stands."""
    candidates: list[re.Match[str]] = []
    if source.kind in ("number", "ordinal") and source.number in _ROMAN.values():
        candidates += [m for m in _ROMAN_NUMERAL.finditer(target_text)
                       if _ROMAN[m.group("figure")] == source.number]
    if source.number == 1 and source.kind in ("number", "duration"):
        unit = source.unit if source.kind == "duration" else ""
        candidates += [m for m in _ONE_OF.finditer(target_text)
                       if (m.group("unit") or "").lower().replace("night", "day") == unit]
    for m in candidates:
        if _free(m.span("figure"), taken):
            taken.append(m.span("figure"))
            return Figure("number", source.value, m.group("figure"), m.start("figure"),
                          m.end("figure"), "target", source.number)
    return None


def _free(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return not any(span[0] < end and start < span[1] for start, end in taken)


def _verbatim(source: Figure, target_text: str, taken: list[tuple[int, int]],
              altered: bool = False) -> Figure | None:
    """The digits of a bare Arabic number written inside an English word ("ACE2", "1930s"),
    where no other figure already stands; with ``altered``, digits inside a word that are
    one digit from them ("ACE4" for 2: the code the translation changed)."""
    written = to_ascii_digits(source.text, separators=True)
    if source.kind not in ("number", "year") or not (
            source.value.isdigit() or re.fullmatch(r"[0-9]+[.,][0-9]+", written)):
        return None
    for m in _DIGIT_RUN.finditer(target_text):
        if not _free(m.span(), taken):
            continue
        if altered:
            glued = (_IN_A_WORD.match(target_text, m.end())
                     or (m.start() and _IN_A_WORD.match(target_text, m.start() - 1)))
            same_length = len(m.group()) == len(source.value)  # a digit changed, not dropped
            if not glued or not same_length or not one_edit(source.value, m.group()):
                continue
        elif m.group() not in (source.value, written):
            continue
        taken.append((m.start(), m.end()))
        start, end = m.span()
        if altered:  # show the whole code: "ACE4", not "4"
            while start and target_text[start - 1].isascii() and target_text[start - 1].isalnum():
                start -= 1
            while end < len(target_text) and target_text[end].isascii() and \
                    target_text[end].isalnum():
                end += 1
        if altered:
            return Figure("number", m.group(), target_text[start:end], start, end, "target",
                          float(m.group().replace(",", ".")))
        return Figure("number", source.value, target_text[start:end], start, end, "target",
                      source.number)
    return None
