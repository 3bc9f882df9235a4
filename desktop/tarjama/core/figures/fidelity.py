"""Does the translation keep the Arabic's figures? One check per Arabic figure.

Every possible pairing of an Arabic figure with an English one gets a strength; the
strongest pairings are taken first, each figure used once, so that with two figures in
a sentence each finds its own counterpart before any near miss is considered.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from tarjama.core.figures import currencies, months
from tarjama.core.figures.arabic import extract_arabic
from tarjama.core.figures.canonical import format_number, group_thousands
from tarjama.core.figures.english import extract_english
from tarjama.core.figures.model import STATUS_RANK, Fidelity, Figure, FigureCheck

# Strength of a pairing, strongest first.
SAME = 4  # same kind of figure, same value
EQUIVALENT = 3  # same number, the noun translated away ("45 عاماً" -> "45")
CHANGED = 2  # same kind of figure, another value
NEAR = 1  # a bare number with another value: the best guess for a changed figure
UNRELATED = 0

_RELATED_KINDS = ({"duration", "age"}, {"casualties", "arrests"})
_BROAD_ROLES = {"victims"}  # "ضحايا" may be dead or hurt
_CURRENCY_NAMES = {"LIRA": "lira", "POUND": "pounds", "DINAR": "dinars", "RIYAL": "riyals",
                   "DIRHAM": "dirhams"}


def check_fidelity(source_text: str, target_text: str) -> Fidelity:
    """Check each figure of the Arabic ``source_text`` against the English ``target_text``."""
    return compare_figures(extract_arabic(source_text), extract_english(target_text),
                           len(source_text), target_text)


def compare_figures(sources: list[Figure], targets: list[Figure], source_length: int = 1,
                    target_text: str = "") -> Fidelity:
    """Pair figures already extracted from a sentence (``source_length`` characters long)
    and its translation ``target_text``; positions help pair equal figures."""
    target_length = len(target_text)
    pairs = []
    for i, source in enumerate(sources):
        for j, target in enumerate(targets):
            strength = relation(source, target)
            if strength > UNRELATED:
                distance = abs(source.start / max(source_length, 1)
                               - target.start / max(target_length, 1))
                pairs.append((-strength, source.kind != target.kind, distance, i, j))
    pairs.sort()
    partner: dict[int, tuple[int, int]] = {}
    used: set[int] = set()
    for negative_strength, _, _, i, j in pairs:
        if i not in partner and j not in used:
            partner[i] = (j, -negative_strength)
            used.add(j)
    checks = []
    taken = [(targets[j].start, targets[j].end) for j in used]
    for i, source in enumerate(sources):
        weak = i not in partner or partner[i][1] == NEAR
        if weak and (verbatim := _verbatim(source, target_text, taken)):
            checks.append(FigureCheck(source, "ok", verbatim,
                                      f"the Arabic {describe(source)} is kept as "
                                      f"“{verbatim.text}”"))
            continue
        if i not in partner:
            checks.append(FigureCheck(source, "missing", None,
                                      f"the Arabic figure {describe(source)} is not in the "
                                      "translation"))
            continue
        j, strength = partner[i]
        target = targets[j]
        if strength >= EQUIVALENT:
            checks.append(FigureCheck(source, "ok", target,
                                      f"the Arabic {describe(source)} is rendered as "
                                      f"“{target.text}”"))
        else:
            checks.append(FigureCheck(source, "changed", target,
                                      f"the Arabic says {describe(source)}; the English has "
                                      f"{describe(target)}"))
    status = max((c.status for c in checks), key=STATUS_RANK.__getitem__, default="ok")
    return Fidelity(status, tuple(checks))


def relation(source: Figure, target: Figure) -> int:
    """How strongly ``target`` may stand for ``source``: SAME ... UNRELATED."""
    if "date" in (source.kind, target.kind):
        if source.kind == target.kind:
            return _date_relation(source.value, target.value)
        if {source.kind, target.kind} == {"date", "year"}:
            return _year_in_date(source, target)
        return UNRELATED
    if "count_word" in (source.kind, target.kind):
        if source.kind != target.kind:
            return UNRELATED
        return SAME if source.value == target.value else CHANGED
    related = source.kind == target.kind or {source.kind, target.kind} in _RELATED_KINDS
    equal = _same_number(source.number, target.number)
    if related and equal and _units_agree(source, target):
        return SAME
    bare = "number" in (source.kind, target.kind)
    if equal and (bare or {source.kind, target.kind} == {"year", "number"}):
        return EQUIVALENT
    if related:
        return CHANGED
    return NEAR if bare else UNRELATED


def _same_number(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9)


def _units_agree(source: Figure, target: Figure) -> bool:
    if source.kind == "money":
        return currencies.compatible(source.unit or "", target.unit or "")
    if source.kind == "year":
        return source.value == target.value  # a Hijri year is not a Gregorian one
    if source.kind in ("casualties", "arrests"):
        roles = {source.unit, target.unit}
        return len(roles) == 1 or bool(roles & _BROAD_ROLES)
    return source.unit == target.unit


def _date_relation(source: str, target: str) -> int:
    s_hijri, s_year, s_month, s_day = months.split_date(source)
    t_hijri, t_year, t_month, t_day = months.split_date(target)
    if s_hijri != t_hijri or s_month != t_month:
        return CHANGED
    for mine, theirs in ((s_year, t_year), (s_day, t_day)):
        if mine is not None and mine != theirs:
            return CHANGED  # a different year or day, or one the translation dropped
    return SAME if source == target else EQUIVALENT


def _year_in_date(source: Figure, target: Figure) -> int:
    """A year kept inside a date is kept; a date reduced to its year has changed."""
    date, year = (source, target) if source.kind == "date" else (target, source)
    hijri, date_year, _, _ = months.split_date(date.value)
    if date_year is None or f"{'hijri:' if hijri else ''}{date_year}" != year.value:
        return UNRELATED
    return EQUIVALENT if source is year else CHANGED


def _verbatim(source: Figure, target_text: str, taken: list[tuple[int, int]]) -> Figure | None:
    """The digits of a bare Arabic number written inside an English word ("ACE2", "1930s"),
    where no other figure already stands."""
    if source.kind not in ("number", "year") or not source.value.isdigit():
        return None
    pattern = rf"(?<![0-9])(?<![0-9][.,]){source.value}(?![0-9]|[.,][0-9])"
    for m in re.finditer(pattern, target_text):
        if not any(m.start() < end and start < m.end() for start, end in taken):
            taken.append((m.start(), m.end()))
            return Figure("number", source.value, m.group(), m.start(), m.end(), "target",
                          source.number)
    return None


def describe(figure: Figure) -> str:
    """A figure as a person reads it in a message: "45 (age)", "3,000,000 USD"."""
    kind, value = figure.kind, figure.value
    if kind == "date":
        return months.describe_date(value)
    if kind == "year" and value.startswith("hijri:"):
        return f"{value.removeprefix('hijri:')} AH"
    if kind == "age" and figure.unit == "year" and figure.number is not None:
        return f"{format_number(Decimal(str(figure.number)))} (age)"
    if kind == "money":
        amount, code = value.split()
        return f"{group_thousands(Decimal(amount))} {_CURRENCY_NAMES.get(code, code)}"
    if kind == "number":
        return group_thousands(Decimal(value))
    return value
