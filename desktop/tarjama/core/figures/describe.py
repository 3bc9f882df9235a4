"""Figures in words, for the sentences the fidelity check writes for a person.

Built on the chips of ``labels`` (the words every view shows), with the kind said where
a message needs it: "dozens (vague count)", "45 (age)", "about 300", "mid-June 2014",
"20:30", "3rd", "score 2-1", "half". Kind ids such as ``count_word`` never reach a message.
"""

from __future__ import annotations

from decimal import Decimal

from tarjama.core.figures.canonical import format_number, group_thousands
from tarjama.core.figures.labels import FRACTION_WORDS, UNIT_WORDS, figure_label, qualify
from tarjama.core.figures.model import Figure

# The word tables relation.py words its notes with.
UNIT_NAMES = UNIT_WORDS
FRACTION_NAMES = FRACTION_WORDS


def describe(figure: Figure) -> str:
    """A figure as a person reads it in a message: "45 (age)", "3,000,000 USD",
    "about 300", "dozens (vague count)", "mid-June 2014"."""
    if figure.kind == "age" and figure.unit == "year" and figure.number is not None:
        text = f"{format_number(Decimal(str(figure.number)))} (age)"
    elif figure.kind == "count_word":
        text = f"{figure.value} (vague count)"
    elif figure.kind == "time" and figure.unit == "12h":
        hours, _, minutes = figure.value.partition(":")
        text = f"{int(hours)}:{minutes}"  # "9:00", morning or evening unknown
    else:
        return figure_label(figure)
    return qualify(text, figure.qualifier)


def qualifier_word(qualifier: str) -> str:
    """How a qualifier reads on its own: "about", "mid-"... for "the English leaves out"."""
    return "mid-" if qualifier == "mid" else qualifier


def number_words(number: float | None) -> str:
    """3000000.0 -> "3,000,000"; 2.5 -> "2.5"."""
    return group_thousands(Decimal(str(number))) if number is not None else "?"
