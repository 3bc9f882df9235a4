"""Qualifiers of English figures: "about 300", "more than $3 million", "mid-May", "early 2017".

A qualifier is the word or phrase just before a figure that says the figure is not exact
(docs/figures.md, "Qualifiers"). It is never part of the figure's span, so it is looked
up in the few characters before the span. Casualty triggers are the exception that the
docs allow: in "killing at least 5" the span starts at "killing", so the qualifier sits
inside it; ``TRIGGER_QUALIFIER`` is the fragment the trigger pattern embeds.
"""

from __future__ import annotations

import re

from tarjama.core.figures.patterns import alternation

# Phrase (lower case, single spaces) -> qualifier.
_AMOUNT = {
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "nearly": "about", "almost": "about", "an estimated": "about",
    "estimated": "about", "close to": "about", "approaching": "about", "nearing": "about",
    "approx.": "about", "circa": "about",
    "more than": "more than", "over": "more than", "upwards of": "more than",
    "longer than": "more than", "shorter than": "less than",
    "in excess of": "more than", "just over": "more than", "well over": "more than",
    "less than": "less than", "fewer than": "less than", "under": "less than",
    "below": "less than", "just under": "less than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "not less than": "at least", "a minimum of": "at least",
    "up to": "up to", "as many as": "up to", "as much as": "up to", "a maximum of": "up to",
}
_PERIOD = {
    "early": "early", "the beginning of": "early", "the start of": "early",
    "beginning of": "early", "start of": "early",
    "mid": "mid", "the middle of": "mid", "middle of": "mid",
    "late": "late", "the end of": "late", "end of": "late",
}
AMOUNT_KINDS = frozenset({"number", "percent", "money", "quantity", "duration", "age",
                          "casualties", "arrests", "count_word", "fraction"})
PERIOD_KINDS = frozenset({"date", "year"})


def _phrases(words: dict[str, str]) -> str:
    return alternation(words, escape=True)


# Embedded in the casualty trigger pattern of english.py, between trigger and number.
TRIGGER_QUALIFIER = rf"(?P<qualifier>{_phrases(_AMOUNT)})"

_AMOUNT_BEFORE = re.compile(rf"(?<![\w-])(?P<q>{_phrases(_AMOUNT)})\s+$", re.IGNORECASE)
# "mid-May", "mid May", "in the middle of May", "at the end of 2019", "the end of the month
# of May" is rare enough to leave out.
_PERIOD_BEFORE = re.compile(rf"(?<![\w-])(?P<q>{_phrases(_PERIOD)})(?:\s+|-\s*)$",
                            re.IGNORECASE)
_WINDOW = 24  # longer than every phrase above with its spaces
# The last word of each phrase: a cheap test before the pattern is tried.
_AMOUNT_LAST = frozenset(p.split()[-1] for p in _AMOUNT)
_PERIOD_LAST = frozenset(p.split()[-1] for p in _PERIOD)


def normalise(phrase: str) -> str:
    """The qualifier of an amount phrase matched by ``TRIGGER_QUALIFIER``."""
    return _AMOUNT[re.sub(r"\s+", " ", phrase.lower())]


def qualifier(text: str, start: int, kind: str) -> str | None:
    """The qualifier written just before a figure of ``kind`` that starts at ``start``."""
    before = text[start - _WINDOW if start > _WINDOW else 0:start]
    words = before.replace("-", " ").split()
    last = words[-1].lower() if words else ""
    if kind in AMOUNT_KINDS:
        m = _AMOUNT_BEFORE.search(before) if last in _AMOUNT_LAST else None
        if m is None:
            return None
        phrase = re.sub(r"\s+", " ", m.group("q").lower())
        if phrase == "over" and kind == "duration":
            return None  # "over three days" is "during", not "more than"
        return _AMOUNT[phrase]
    if kind in PERIOD_KINDS:
        m = _PERIOD_BEFORE.search(before) if last in _PERIOD_LAST else None
        return _PERIOD[re.sub(r"\s+", " ", m.group("q").lower())] if m else None
    return None
