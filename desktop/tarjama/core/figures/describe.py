"""Figures in words, for the sentences the fidelity check writes for a person.

Kind ids such as ``count_word`` never reach a message: "dozens (vague count)",
"about 300", "mid-June 2014", "20:30", "3rd", "score 2-1", "half".
"""

from __future__ import annotations

from decimal import Decimal

from tarjama.core.figures import months
from tarjama.core.figures.canonical import format_number, group_thousands
from tarjama.core.figures.model import Figure

CURRENCY_NAMES = {"LIRA": "lira", "POUND": "pounds", "DINAR": "dinars", "RIYAL": "riyals",
                  "DIRHAM": "dirhams"}
UNIT_NAMES = {"km2": "km²", "m2": "m²", "mi2": "sq mi", "t": "tonnes", "bbl": "barrels",
              "ha": "hectares", "l": "litres", "dunam": "dunams", "acre": "acres"}
FRACTION_NAMES = {"1/2": "half", "1/4": "a quarter", "3/4": "three quarters",
                  "1/3": "a third", "2/3": "two thirds"}
_DATE_QUALIFIERS = {"early": "early ", "mid": "mid-", "late": "late "}


def describe(figure: Figure) -> str:
    """A figure as a person reads it in a message: "45 (age)", "3,000,000 USD",
    "about 300", "dozens (vague count)", "mid-June 2014"."""
    text = _bare(figure)
    qualifier = figure.qualifier
    if not qualifier:
        return text
    if qualifier in _DATE_QUALIFIERS:
        return _DATE_QUALIFIERS[qualifier] + text
    return f"{qualifier} {text}"


def qualifier_word(qualifier: str) -> str:
    """How a qualifier reads on its own: "about", "mid-"... for "the English leaves out"."""
    return "mid-" if qualifier == "mid" else qualifier


def number_words(number: float | None) -> str:
    """3000000.0 -> "3,000,000"; 2.5 -> "2.5"."""
    return group_thousands(Decimal(str(number))) if number is not None else "?"


def _bare(figure: Figure) -> str:
    kind, value = figure.kind, figure.value
    if kind == "date":
        return months.describe_date(value)
    if kind == "year":
        return f"{value.removeprefix('hijri:')} AH" if value.startswith("hijri:") else value
    if kind == "age" and figure.unit == "year" and figure.number is not None:
        return f"{format_number(Decimal(str(figure.number)))} (age)"
    if kind == "money":
        amount, code = value.split()
        return f"{group_thousands(Decimal(amount))} {CURRENCY_NAMES.get(code, code)}"
    if kind == "number":
        return group_thousands(Decimal(value))
    if kind == "count_word":
        return f"{value} (vague count)"
    if kind == "time":
        return _clock(value, figure.unit)
    if kind == "score":
        return f"score {value}"
    if kind == "fraction":
        return FRACTION_NAMES.get(value, value)
    if kind == "duration" and figure.number == 0.5 and figure.unit:
        return f"half {'an' if figure.unit == 'hour' else 'a'} {figure.unit}"
    if kind in ("quantity", "casualties", "arrests", "duration") and figure.number is not None:
        return f"{number_words(figure.number)} {_unit_name(figure)}"
    return value


def _unit_name(figure: Figure) -> str:
    unit = figure.unit or figure.value.partition(" ")[2]
    if figure.kind == "duration":
        return figure.value.partition(" ")[2]  # "3 years": the value has the plural
    name = UNIT_NAMES.get(unit, unit)
    if figure.number == 1 and name in ("tonnes", "barrels", "hectares", "litres", "dunams",
                                        "acres"):
        return name[:-1]
    return name


def _clock(value: str, unit: str | None) -> str:
    hours, _, minutes = value.partition(":")
    if unit == "12h":
        return f"{int(hours)}:{minutes}"  # "9:00", morning or evening unknown
    return value
