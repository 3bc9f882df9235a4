"""The words people read for figure kinds, check statuses and figures themselves.

Kinds ("count_word") and statuses ("ok") are ids for code and JSON; every view, export
and CLI table shows these labels instead. See docs/figures.md for the kinds.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from tarjama.core.figures import months
from tarjama.core.figures.canonical import group_thousands

if TYPE_CHECKING:
    from tarjama.core.figures.model import Figure

KIND_LABELS = {
    "number": "number",
    "percent": "percentage",
    "date": "date",
    "year": "year",
    "duration": "duration",
    "age": "age",
    "quantity": "quantity",
    "money": "money",
    "casualties": "casualties",
    "arrests": "arrests",
    "count_word": "vague count",
    "time": "clock time",
    "ordinal": "ordinal",
    "score": "score",
    "fraction": "fraction",
    "term": "glossary term",
}

STATUS_LABELS = {
    "ok": "kept",
    "missing": "missing",
    "changed": "changed",
    "added": "added",  # an English figure no Arabic figure accounts for
    "pending": "pending",  # not translated yet
}

# Currencies named without a country (see currencies.py) read as the word.
CURRENCY_WORDS = {"LIRA": "lira", "POUND": "pounds", "DINAR": "dinars", "RIYAL": "riyals",
                  "DIRHAM": "dirhams"}
UNIT_WORDS = {"km2": "km²", "m2": "m²", "mi2": "sq mi", "t": "tonnes", "bbl": "barrels",
              "ha": "hectares", "l": "litres", "dunam": "dunams", "acre": "acres"}
FRACTION_WORDS = {"1/2": "half", "1/3": "a third", "2/3": "two thirds", "1/4": "a quarter",
                  "3/4": "three quarters"}


def kind_label(kind: str) -> str:
    """"count_word" -> "vague count"; an unknown kind still reads without underscores."""
    return KIND_LABELS.get(kind, kind.replace("_", " "))


def status_label(status: str) -> str:
    """"ok" -> "kept"; the other statuses are already words."""
    return STATUS_LABELS.get(status, status)


def figure_label(figure: Figure) -> str:
    """A short chip for one figure: "3 killed", "about 300", "mid-May", "score 2-1".

    Built from the canonical value and the qualifier, so the Arabic and the English
    figure of one fact read the same. A value this does not understand is shown as is.
    """
    try:
        text = _value_label(figure)
    except (ValueError, IndexError, InvalidOperation):
        text = figure.value
    return qualify(text, figure.qualifier)


def figure_description(figure: Figure) -> str:
    """The kind and the chip, for a tooltip: "vague count: dozens", "score 2-1"."""
    kind, chip = kind_label(figure.kind), figure_label(figure)
    return chip if chip.startswith(kind + " ") else f"{kind}: {chip}"


def qualify(text: str, qualifier: str | None) -> str:
    """"about" + "300" -> "about 300"; "mid" + "May" -> "mid-May"."""
    if not qualifier:
        return text
    if qualifier == "mid":
        return f"mid-{text}"
    return f"{qualifier} {text}"


def _value_label(figure: Figure) -> str:
    kind, value = figure.kind, figure.value
    if kind == "date":
        return months.describe_date(value)
    if kind == "year":
        return f"{value.removeprefix('hijri:')} AH" if value.startswith("hijri:") else value
    if kind == "number":
        return _grouped(value)
    if kind == "percent":
        return _grouped(value.removesuffix("%")) + "%"
    if kind == "age":
        amount, _, unit = value.partition(" ")
        return f"aged {_grouped(amount)}" if unit in ("", "year", "years") \
            else f"aged {_grouped(amount)} {unit}"
    if kind == "money":
        amount, _, code = value.partition(" ")
        return f"{_grouped(amount)} {CURRENCY_WORDS.get(code, code)}".rstrip()
    if kind in ("quantity", "duration", "casualties", "arrests"):
        amount, _, unit = value.partition(" ")  # "450 km", "3 years", "5 killed"
        if kind == "duration" and amount == "0.5":
            return f"half {'an' if unit.startswith('hour') else 'a'} {unit.removesuffix('s')}"
        word = UNIT_WORDS.get(unit, unit)
        if amount == "1" and unit in UNIT_WORDS and word.endswith("s"):
            word = word.removesuffix("s")  # "1 tonne"
        return f"{_grouped(amount)} {word}".rstrip()
    if kind == "time":
        return _clock(value, figure.unit)
    if kind == "score":
        return f"score {value}"
    if kind == "fraction":
        return FRACTION_WORDS.get(value, value)
    return value  # count_word ("dozens"), ordinal ("3rd"), term (its English), kinds to come


def _grouped(amount: str) -> str:
    return group_thousands(Decimal(amount))


def _clock(value: str, unit: str | None) -> str:
    """"20:30" stays; a 12-hour time ("9 o'clock": 09:00 or 21:00) reads as written."""
    if unit != "12h":
        return value
    hours, _, minutes = value.partition(":")
    hour = int(hours)
    return f"{hour} o'clock" if minutes in ("", "00") else f"{hour}:{minutes}"

