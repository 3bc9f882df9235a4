"""Measuring the key figures: gold sentences, span matching, seeded perturbations of an
English translation, and the causes of false alarms.

Used by ``benchmarks/figures_quality.py``. Qt-free, and independent of how good the
extractors are: it takes ``Figure`` objects and checks as they come.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from tarjama.core.figures.model import KINDS, Figure, FigureCheck

# ---------------------------------------------------------------------------- gold file


@dataclass(frozen=True)
class GoldFigure:
    text: str
    kind: str
    value: str
    qualifier: str | None = None
    start: int | None = None  # where ``text`` is in the Arabic (see ``locate``); None: not found
    end: int | None = None


@dataclass(frozen=True)
class GoldSentence:
    id: str
    ar: str
    en: str
    classes: tuple[str, ...]
    figures: tuple[GoldFigure, ...]


def load_gold(path: Path) -> tuple[list[GoldSentence], list[str]]:
    """The sentences of a JSON-lines gold file and the problems met. A bad line is skipped
    with a problem, so a file still being written can be read."""
    sentences, problems = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            ar, en = row["ar"], row["en"]
            if not isinstance(ar, str) or not isinstance(en, str):
                raise TypeError("ar and en must be strings")
            figures = tuple(GoldFigure(str(f["text"]), str(f["kind"]), str(f["value"]),
                                       f.get("qualifier") or None)
                            for f in row.get("figures") or ())
            classes = row.get("classes") or ()
            classes = (classes,) if isinstance(classes, str) else tuple(map(str, classes))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            problems.append(f"line {number}: {type(error).__name__}: {error}")
            continue
        problems += [f"line {number}: unknown kind {f.kind!r}" for f in figures
                     if f.kind not in KINDS]
        sentences.append(GoldSentence(str(row.get("id", number)), ar, en, classes,
                                      locate(ar, figures)))
    return sentences, problems


def _occurrences(text: str, needle: str, position: int) -> list[int]:
    """Starts of ``needle`` in ``text`` from ``position``; those not inside a longer digit
    run first ("10" is not the "10" of "2010")."""
    starts = [m.start() for m in re.finditer(re.escape(needle), text[position:])]
    starts = [position + s for s in starts]

    def clean(start: int) -> bool:
        end = start + len(needle)
        return not ((needle[0].isdigit() and start > 0 and text[start - 1].isdigit())
                    or (needle[-1].isdigit() and end < len(text) and text[end].isdigit()))

    return [s for s in starts if clean(s)] + [s for s in starts if not clean(s)]


def locate(text: str, figures: Sequence[GoldFigure]) -> tuple[GoldFigure, ...]:
    """Give each gold figure its offsets: its ``text`` searched in order, each search from
    the end of the previous match (then anywhere free, for a gold list out of order)."""
    located, position, taken = [], 0, []
    for figure in figures:
        if not figure.text:
            located.append(figure)
            continue
        starts = _occurrences(text, figure.text, position) or _occurrences(text, figure.text, 0)
        free = [s for s in starts
                if not any(s < e and b < s + len(figure.text) for b, e in taken)]
        if not free:
            located.append(figure)
            continue
        start, end = free[0], free[0] + len(figure.text)
        taken.append((start, end))
        position = end
        located.append(replace(figure, start=start, end=end))
    return tuple(located)


# ------------------------------------------------------------------------- span matching

MATCH_MODES = ("overlap", "exact", "value")


def agrees(gold: GoldFigure, figure: Figure, mode: str = "overlap") -> bool:
    """overlap: same kind and value, spans overlap; exact: same kind, value and span;
    value: same value, spans overlap (the kind may differ)."""
    if gold.start is None or gold.end is None or gold.value != figure.value:
        return False
    if mode == "exact":
        return gold.kind == figure.kind and (gold.start, gold.end) == (figure.start, figure.end)
    overlaps = gold.start < figure.end and figure.start < gold.end
    return overlaps and (mode == "value" or gold.kind == figure.kind)


def match_figures(gold: Sequence[GoldFigure], extracted: Sequence[Figure],
                  mode: str = "overlap") -> dict[int, int]:
    """One-to-one pairs {gold index: extracted index}; a gold figure takes the agreeing
    extracted figure it overlaps most."""
    pairs: dict[int, int] = {}
    for i, g in enumerate(gold):
        candidates = [(min(g.end or 0, f.end) - max(g.start or 0, f.start), -j, j)
                      for j, f in enumerate(extracted)
                      if j not in pairs.values() and agrees(g, f, mode)]
        if candidates:
            pairs[i] = max(candidates)[2]
    return pairs


# ----------------------------------------------------------------------- perturbations

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct"
                    r"|Nov|Dec)\b")
_SCALE_WORDS = {"thousand": "million", "million": "billion", "billion": "million"}
_SCALE = re.compile(r"\b(?P<word>thousand|million|billion)(?=s?\b)|(?<=\d)(?P<suffix>bn|mn|m|k)\b",
                    re.IGNORECASE)
_SCALE_SUFFIXES = {"bn": "mn", "mn": "bn", "m": "bn", "k": "m"}


@dataclass(frozen=True)
class Perturbed:
    text: str  # the perturbed English sentence
    change: str  # what was done, e.g. "2019 -> 2017"


def _date_parts(value: str) -> tuple[bool, bool]:
    """(has a year, has a day) of a canonical date value such as "2024-09-10" or "--09"."""
    body = value.removeprefix("hijri:")
    if body.startswith("--"):
        return False, body.count("-") == 3
    return True, body.count("-") == 2


def _stated(source: Figure) -> tuple[bool, bool]:
    """(year stated, day stated) by the Arabic figure, for perturbing an English date."""
    if source.kind == "date":
        return _date_parts(source.value)
    return source.kind == "year", source.kind != "year"


def _ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def change_digit(text: str, source: Figure, target: Figure, rng: random.Random
                 ) -> Perturbed | None:
    """One digit of the English figure changed, keeping it a figure of the same kind: no
    new leading zero, a day stays a day (1-28), a year stays 19xx/20xx, and only the
    parts of a date that the Arabic states are touched."""
    year_stated, day_stated = _stated(source)
    choices = []
    runs = list(re.finditer(r"\d+", text[target.start:target.end]))
    for index, m in enumerate(runs):
        run, at = m.group(), target.start + m.start()
        positions = range(len(run))
        if target.kind in ("date", "year") and len(run) == 4:
            positions = range(2, 4) if year_stated else range(0)
        elif target.kind == "date" and len(run) <= 2 and not day_stated:
            positions = range(0)
        elif target.kind == "time":
            positions = range(len(run) - 1, len(run)) if index == len(runs) - 1 else range(0)
        leading = at == 0 or text[at - 1] not in ".,"
        for p in positions:
            for digit in "0123456789":
                new = run[:p] + digit + run[p + 1:]
                if digit == run[p] or (p == 0 and leading and digit == "0"):
                    continue
                if re.search(rf"(?<![0-9]){new}(?![0-9])", text):
                    continue  # a number the English has elsewhere: the check may pair it
                if target.kind == "date" and len(run) <= 2 and not (
                        1 <= int(new) <= (12 if int(run) <= 12 else 28)):
                    continue
                choices.append((at, run, new))
    if not choices:
        return None
    at, run, new = rng.choice(choices)
    after = at + len(run)
    suffix = re.match(r"(?:st|nd|rd|th)\b", text[after:])
    if suffix:  # "3rd" -> "5th"
        new, after = new + _ordinal_suffix(int(new)), after + suffix.end()
        run += suffix.group()
    return Perturbed(text[:at] + new + text[after:], f"{run} -> {new}")


def delete_figure(text: str, source: Figure, target: Figure, rng: random.Random
                  ) -> Perturbed | None:
    """The English figure's span (number, number words and unit) removed, spaces collapsed."""
    left, right = text[:target.start].rstrip(" "), text[target.end:].lstrip(" ")
    space = " " if left and right and right[0] not in ",.;:!?)" and left[-1] not in "(" else ""
    return Perturbed(left + space + right, f"deleted “{target.text}”")


def swap_month(text: str, source: Figure, target: Figure, rng: random.Random
               ) -> Perturbed | None:
    """An English month name of the figure replaced by another (abbreviated if it was)."""
    if source.kind != "date":
        return None  # a year kept inside an English date does not depend on the month
    m = _MONTH.search(text, target.start, target.end)
    if m is None:
        return None
    old = m.group()
    number = next(i for i, name in enumerate(MONTHS) if name.startswith(old[:3]))
    other = MONTHS[rng.choice([i for i in range(12) if i != number])]
    new = other if old in MONTHS else other[:3]
    return Perturbed(text[:m.start()] + new + text[m.end():], f"{old} -> {new}")


def swap_scale(text: str, source: Figure, target: Figure, rng: random.Random
               ) -> Perturbed | None:
    """thousand -> million, million -> billion, billion -> million (and $3m -> $3bn)."""
    for m in _SCALE.finditer(text, target.start, target.end):
        if m.group("word"):
            old = m.group("word")
            new = _SCALE_WORDS[old.lower()]
            new = new.capitalize() if old[0].isupper() else new
        elif target.kind == "money":  # "5m" may be metres; after a currency it is million
            old = m.group("suffix")
            new = _SCALE_SUFFIXES[old.lower()]
        else:
            continue
        return Perturbed(text[:m.start()] + new + text[m.end():], f"{old} -> {new}")
    return None


Perturbation = Callable[[str, Figure, Figure, random.Random], "Perturbed | None"]
# name: (maker, the status the check should give)
PERTURBATIONS: dict[str, tuple[Perturbation, str]] = {
    "digit changed": (change_digit, "changed"),
    "figure deleted": (delete_figure, "missing"),
    "month swapped": (swap_month, "changed"),
    "scale swapped": (swap_scale, "changed"),
}


def seeded(seed: int, *key: object) -> random.Random:
    """A random generator fixed by the seed and the key, whatever the order of the work."""
    return random.Random(":".join(map(str, (seed, *key))))


def repeated(source: Figure, target: Figure, targets: Sequence[Figure], english: str = "") -> bool:
    """Whether the English also says what ``target`` says elsewhere: another figure with
    its value or the Arabic's number, or (for a bare Arabic number, which the check may
    find inside a word such as "SARS-CoV-2") the same digits. Perturbing one copy leaves
    the fact in the translation, so the case tells nothing."""
    for t in targets:
        if (t.start, t.end) == (target.start, target.end):
            continue
        if t.value == target.value or (source.number is not None and t.number is not None
                                       and math.isclose(t.number, source.number)):
            return True
    if source.kind in ("number", "year") and source.value.isdigit():
        for m in re.finditer(rf"(?<![0-9])(?<![0-9][.,]){source.value}(?![0-9]|[.,][0-9])",
                             english):
            if not (target.start < m.end() and m.start() < target.end):
                return True
    return False


# -------------------------------------------------------------------- false-alarm causes

_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORDINALS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth")
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))
_SHORT_SCALES = {"trillion": "tn|trn", "billion": "bn|b", "million": "mn|m", "thousand": "k"}
_SPECIAL = {0.5: ["half"], 0.25: ["quarter"], 12: ["dozen"], 2: ["both", "pair", "couple"]}


def _words(n: int) -> list[str]:
    words: list[str] = []
    for size, name in _SCALES:
        if n >= size:
            head = n // size
            words += [*(_words(head) if head > 1 else []), name]  # "a million": "million"
            n %= size
    if n >= 100:
        words += [_UNITS[n // 100], "hundred"]
        n %= 100
    if n >= 20:
        words.append(_TENS[n // 10])
        n %= 10
    if n or not words:
        words.append(_UNITS[n])
    return words


def spelled(n: float) -> list[list[str]]:
    """Ways of writing ``n`` in English words, each a list of words that must all appear."""
    ways = [[w] for w in _SPECIAL.get(n, [])]
    if n < 0 or n != int(n):
        return ways
    ways.append(_words(int(n)))
    if 1 <= n < len(_ORDINALS):
        ways.append([_ORDINALS[int(n)]])
    return ways


def _has_words(text: str, words: list[str]) -> bool:
    return all(re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE) for w in words)


def digit_forms(n: float) -> list[str]:
    """Regexes for ``n`` written with digits in English: 5000, 5,000, 5 thousand, 2.5m."""
    whole = float(n).is_integer()
    plain = f"{int(n)}" if whole else f"{n:g}"
    forms = [re.escape(plain), re.escape(f"{int(n):,}")] if whole else [re.escape(plain)]
    for size, name in _SCALES:
        if n >= size and (n / size) * 1000 == int((n / size) * 1000):
            forms.append(rf"{re.escape(f'{n / size:g}')}\s*(?:{name}|{_SHORT_SCALES[name]})\b")
    return [rf"(?<![\d.,]){f}(?![\d]|[.,]\d)" for f in forms]


def _month_name(value: str) -> str | None:
    """The English name of a Gregorian date's month: "--09-10" -> "September"."""
    if value.startswith("hijri:"):
        return None
    parts = value.removeprefix("--").split("-")
    month = int(parts[0] if value.startswith("--") else parts[1])
    return MONTHS[month - 1] if 1 <= month <= 12 else None


def _same(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9)


def cause(check: FigureCheck, targets: Sequence[Figure], english: str) -> str:
    """Why a check of a correct human translation is not ok, in words a developer can act on."""
    source, target = check.source, check.target
    n = source.number
    elsewhere = [t for t in targets if t is not target and _same(t.number, n)]
    in_digits = n is not None and any(re.search(f, english) for f in digit_forms(n))
    in_words = n is not None and any(_has_words(english, w) for w in spelled(n))
    month = _month_name(source.value) if source.kind == "date" else None
    if check.status == "missing":
        if elsewhere:
            return "missing: English has the number under another kind"
        if in_digits:
            return "missing: digits in the English, no figure extracted"
        if in_words:
            return "missing: spelled out / number word in the English?"
        if month and re.search(rf"\b{month[:3]}", english):
            return "missing: the month is in the English, no date extracted"
        if not targets:
            return "missing: no English figure at all"
        return "missing: English figures all unrelated"
    if target is None:
        return f"{check.status}: no English figure"
    if source.kind == "date":
        if target.kind == "year" or (target.kind == "date" and not all(
                t or not s for s, t in zip(_date_parts(source.value),
                                           _date_parts(target.value), strict=True))):
            return "changed: date part dropped"
        return "changed: date, other day/month/year"
    if _same(n, target.number):
        return "changed: same number, other unit/currency/role"
    if n and target.number and target.kind == source.kind:
        ratio = math.log(abs(target.number / n), 1000) if target.number * n > 0 else 0.5
        if ratio != 0 and abs(ratio - round(ratio)) < 1e-9:
            return "changed: scale/x1000"
        if abs(target.number / n - 1) < 0.05:
            return "changed: close value (rounded?)"
    if elsewhere:
        return "changed: right number elsewhere in the English (pairing)"
    if in_digits or in_words:
        return "changed: right number in the English, not extracted"
    if target.kind == source.kind:
        return "changed: same kind, other value"
    return "changed: nearest figure of another kind"
