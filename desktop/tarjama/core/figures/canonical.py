"""Canonical, language-neutral spellings of figure values and the units they count."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# Units a duration or an age is counted in, singular; the value adds "s" above one.
TIME_UNITS = ("year", "month", "week", "day", "hour", "minute")


def format_number(value: Decimal) -> str:
    """Plain decimal without exponent or trailing zeros: 3000000, 2.5, 12."""
    return format(value.normalize(), "f")


def group_thousands(value: Decimal) -> str:
    """3000000 -> 3,000,000 for messages a person reads."""
    whole, _, fraction = format_number(value).partition(".")
    grouped = f"{int(whole):,}"
    return f"{grouped}.{fraction}" if fraction else grouped


def time_value(amount: Decimal, unit: str) -> str:
    """"3 years", "1 year", "2.5 years": the value of a duration or an age."""
    plural = "" if amount == 1 else "s"
    return f"{format_number(amount)} {unit}{plural}"


@dataclass
class Found:
    """A figure before it is placed in the original text: offsets into the working text.

    ``priority`` decides overlaps: a lower number wins (dates before numbers before
    vague counts); among equals the longer span wins.
    """

    priority: int
    start: int
    end: int
    kind: str
    value: str
    number: Decimal | None = None
    unit: str | None = None
    qualifier: str | None = None
