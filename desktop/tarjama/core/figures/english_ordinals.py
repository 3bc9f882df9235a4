"""Ordinals in English: "73rd", "5th", "the third consecutive day", "for the fifth time".

The value is the number with its English suffix, spelled correctly whatever was
written ("21st", "112th"), and the number is the rank. Day-of-month ordinals are dates,
found by english_dates, which wins any overlap ("March 9th", "the first of February").

Digit ordinals are always figures, except in names of centuries and of military units
and the like ("the 20th century", "the 4th Division"), which are not figures on the
Arabic side either ("القرن العشرين"). Ordinal words are common adjectives ("a second
attack", "the Third Reich"), so a word is a figure only with a ranking or counting
context, as on the Arabic side: a noun after it ("place", "round", "anniversary",
"time", "day", "consecutive"...), a superlative ("the second-largest city", as
"ثاني أكبر") or a verb of ranking before it ("finished third"). "first" is the most
common of them: it is a figure only where the Arabic "الأول/الأولى" is one ("first
place", "ranked first", "the first round", "the first anniversary"), not before "day",
"week", "stage" nor in "for the first time" (the idiom "لأول مرة", not a figure in the
gold sentences), and inside compounds ("twenty-first") and dates.
"""

from __future__ import annotations

import re
from decimal import Decimal

from tarjama.core.figures.canonical import Found
from tarjama.core.figures.patterns import alternation

_UNIT_ORDINALS = {w: i for i, w in enumerate(
    ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
     "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
     "seventeenth", "eighteenth", "nineteenth"), start=1)}
_TEN_ORDINALS = {w: 10 * i for i, w in enumerate(
    ("twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
     "eightieth", "ninetieth"), start=2)}
_TENS = {w: 10 * i for i, w in enumerate(
    ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2)}
_SMALL = "|".join(list(_UNIT_ORDINALS)[:9])
_ALL = alternation([*_UNIT_ORDINALS, *_TEN_ORDINALS, "hundredth"])

# "twenty-first", "twenty first", "ninth", "hundredth".
ORDINAL_WORD = rf"(?:(?:{'|'.join(_TENS)})(?:-|[ \t])(?:{_SMALL})|{_ALL})\b"

_DIGIT_ORDINAL = re.compile(
    r"(?<![\w.,])(?P<n>\d{1,4})(?:st|nd|rd|th)\b"
    r"(?!(?:\s+|-)(?:centur(?:y|ies)|millenni(?:um|a)|[Dd]ivision|Brigade|Corps|Fleet"
    r"|Regiment|Battalion|Army|Armou?red|Infantry|Squadron|Amendment|Street|St\b|Avenue"
    r"|Ave\b|Floor)\b)")
# The contexts of "first": "الجولة الأولى", "المركز الأول", "الذكرى الأولى" are ordinals on
# the Arabic side, "اليوم الأول", "المرحلة الأولى", "لأول مرة" (for the first time) are not.
_RANK_AFTER = r"(?:place|position|rank|round|anniversary|session|edition|term|minute|leg)"
_CONTEXT_AFTER = (
    r"(?:consecutive|straight|successive|place|position|rank|round|minute|edition|session"
    r"|anniversary|times?|term|day|week|month|year|night|stage|phase|leg|wave|batch"
    r"|attempt|congress|conference|summit|meeting)"
)
_SUPERLATIVE = (
    r"(?:best|largest|biggest|highest|lowest|worst|longest|busiest|richest|poorest|smallest"
    r"|oldest|most|least|strongest|deadliest|fastest)"
)
_HYPHENED = r"(?:place|round|position|minute|term|leg|stage|seeded)"
_WORD_ORDINAL = re.compile(
    rf"\b(?P<word>(?i:{ORDINAL_WORD}))"
    rf"(?=(?:\s+(?:annual|straight|consecutive|successive))?\s+(?P<noun>{_CONTEXT_AFTER})\b"
    rf"|-(?i:(?P<hyphened>{_HYPHENED}|{_SUPERLATIVE}))\b|\s+(?P<superlative>{_SUPERLATIVE})\b"
    r"|\s+in\s+a\s+row\b|\s+in\s+the\s+(?:standings|table|rankings|league|world)\b)")
_FIRST_CONTEXT = re.compile(rf"\s+(?:{_RANK_AFTER})\b|-(?i:place)\b")
# "finished third", "came in second", "ranked fifth", "is ranked 5th", "rose to sixth".
_WORD_AFTER_RANKING = re.compile(
    rf"\b(?:ranked|ranks|ranking|finished|finishing|came(?:\s+in)?|placed|placing"
    rf"|(?:rose|climbed|dropped|fell|moved(?:\s+up)?|slipped|jumped)\s+to)\s+"
    rf"(?P<word>(?i:{ORDINAL_WORD}))")


def ordinal_value(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 112th."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def word_ordinal(word: str) -> int:
    """The rank an ordinal word matched by ``ORDINAL_WORD`` stands for."""
    parts = re.split(r"[-\s]+", word.lower())
    if len(parts) == 2:
        return _TENS[parts[0]] + _UNIT_ORDINALS[parts[1]]
    if parts[0] == "hundredth":
        return 100
    return _UNIT_ORDINALS.get(parts[0]) or _TEN_ORDINALS[parts[0]]


def find_ordinals(text: str) -> list[Found]:
    """Ordinal figures in ``text``; a date over the same words wins in the selection."""
    found = []
    for m in _DIGIT_ORDINAL.finditer(text):
        n = int(m.group("n"))
        found.append(Found(1, m.start(), m.end(), "ordinal", ordinal_value(n), Decimal(n)))
    for pattern in (_WORD_ORDINAL, _WORD_AFTER_RANKING):
        for m in pattern.finditer(text):
            n = word_ordinal(m.group("word"))
            if pattern is _WORD_ORDINAL and m.group("word").lower() == "first" \
                    and not _FIRST_CONTEXT.match(text, m.end("word")):
                continue
            found.append(Found(1, m.start("word"), m.end("word"), "ordinal", ordinal_value(n),
                               Decimal(n)))
    return found
