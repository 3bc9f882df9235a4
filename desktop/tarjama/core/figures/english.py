"""Key figures in English text, with the same canonical values as the Arabic extractor.

The translation side of the fidelity check: "$3 million" and "3 ملايين دولار" both give
"3000000 USD", "September 10" and "10 أيلول" both give "--09-10".

Dates, clock times, ordinals, fractions and vague counts are found by their own
patterns (english_dates, english_times, english_ordinals, english_fractions); every other
figure starts from a number (numbers_en) and takes its kind from the words after it (a
unit, a currency, "years old", "were killed") or before it ("$", "killing", "aged").
english_ranges then lets neighbouring numbers share a unit ("3-5 days"), and
english_qualifiers adds "about", "more than", "mid"... from the words before a figure.
"""

from __future__ import annotations

import re
from decimal import Decimal

from tarjama.core.figures import english_qualifiers, english_ranges
from tarjama.core.figures.canonical import Found, format_number, time_value
from tarjama.core.figures.currencies import (
    ENGLISH_COUNTRIES,
    ENGLISH_CURRENCY_WORDS,
    ISO_CODES,
    SYMBOLS,
    currency_code,
)
from tarjama.core.figures.english_dates import find_dates
from tarjama.core.figures.english_fractions import find_fractions
from tarjama.core.figures.english_ordinals import find_ordinals
from tarjama.core.figures.english_times import find_times
from tarjama.core.figures.english_victims import victims_after, victims_before
from tarjama.core.figures.model import Figure
from tarjama.core.figures.numbers_en import NumberToken, find_numbers
from tarjama.core.figures.patterns import alternation
from tarjama.core.figures.spans import blocked_spans, select

_I = re.IGNORECASE
_COUNT = re.compile(
    r"\b(?P<w>dozens|(?:scores|tens)(?=\s+of\b)|hundreds|thousands|millions|billions"
    r"|several\s+(?:hundred|thousand|million)s?)\b"
    r"(?:\s+of\s+(?P<of>thousands|millions|billions)\b)?", _I)
_VAGUE = {"dozens": "dozens", "scores": "dozens", "tens": "dozens"}

_TIME_AFTER = re.compile(
    r"(?P<half>\s+and\s+a\s+half)?(?:\s*-\s*|\s+)"
    r"(?:(?:working|business|calendar|full|whole|more|additional|further|long|consecutive)\s+)?"
    r"(?P<unit>years?|months?|weeks?|days?|hours?|minutes?|decades?)\b"
    r"(?P<old>\s*-\s*old\b|\s+old\b|\s+of\s+age\b)?", _I)
_AGE_BEFORE = re.compile(
    r"\b(?:aged|ages?|age\s+(?:of|to|at|limit\s+(?:of|to))|at\s+the\s+age\s+of)"
    r"\s+(?:between\s+)?$", _I)
# "at least one case": words that make a lone "one" a count.
_COUNTED_ONE_BEFORE = re.compile(
    r"\b(?:at\s+least|more\s+than|only|just|exactly|no\s+more\s+than|fewer\s+than|less\s+than"
    r"|up\s+to)\s+$", _I)
# "Reem, 19, said": the age of a person named just before, as news writes it.
_NAME_BEFORE = re.compile(r"[A-Z][\w'-]*,\s*$")
_AGE_COMMA_AFTER = re.compile(r",\s+(?:a|an|the|who|said|says|told|tells|from|is|was|has|had)\b")
# The first word after a number decides which of the patterns below may apply: a cheap
# test, as each pattern alone is cheap but 50,000 numbers make them add up. Each set holds
# every first word its pattern accepts.
_NEXT_WORD = re.compile(r"\s*(?:-\s*)?([^\W\d_]+|%)")
_PERCENT_FIRST = frozenset({"%", "per", "percent"})
_CURRENCY_FIRST = frozenset(
    {w + s for w in ENGLISH_CURRENCY_WORDS for s in ("", "s")}
    | {a.split(".")[0] for a in ENGLISH_COUNTRIES})
_TIME_FIRST = frozenset(
    {"and", "working", "business", "calendar", "full", "whole", "more", "additional",
     "further", "long", "consecutive"}
    | {u + s for u in ("year", "month", "week", "day", "hour", "minute", "decade")
       for s in ("", "s")})
# Number words inside names and fixed terms (as not_figures.py does for Arabic).
_NOT_FIGURE_TERMS = re.compile(
    r"\b(?:four[-\s]wheel(?:[-\s]drive)?|Formula\s+(?:One|1)|one[-\s]on[-\s]one"
    r"|Group\s+of\s+(?:Seven|Eight|Twenty)|G-?(?:7|8|20)|three[-\s]dimensional|3-?D"
    r"|World\s+War\s+(?:One|Two)"
    r"|(?:first|second|third|fourth|fifth)[-\s]class|the\s+Big\s+(?:Three|Four|Five)"
    r"|P5\+1|5\+1|Thousand\s+and\s+One\s+Nights)\b", _I)

_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s*cent\b|percent\b)", _I)

_ADJECTIVES = alternation(ENGLISH_COUNTRIES, escape=True)
_CURRENCY_AFTER = re.compile(
    rf"\s+(?:(?P<adj>{_ADJECTIVES})"
    r"\s+)?(?P<cur>dollars?|euros?|pounds?(?:\s+sterling)?|liras?|lire|dinars?|riyals?|rials?"
    r"|dirhams?)\b", _I)
_CODE_AFTER = re.compile(rf"\s*(?P<code>{'|'.join(sorted(ISO_CODES))})\b")
_SYMBOL_BEFORE = re.compile(r"(?P<symbol>(?<![A-Za-z])(?:US|CA|C)?\$|€|£)\s*$")
_CODE_BEFORE = re.compile(rf"\b(?P<code>{'|'.join(sorted(ISO_CODES))})\s*$")

_QUANTITY_UNITS = {
    "kilometre": "km", "kilometer": "km", "km": "km", "metre": "m", "meter": "m",
    "centimetre": "cm", "centimeter": "cm", "cm": "cm", "millimetre": "mm", "millimeter": "mm",
    "mm": "mm", "tonne": "t", "ton": "t", "metric ton": "t", "metric tonne": "t",
    "barrel": "bbl", "bbl": "bbl", "hectare": "ha", "ha": "ha", "kilogram": "kg", "kilo": "kg",
    "kg": "kg", "gram": "g", "gramme": "g", "litre": "l", "liter": "l", "mile": "mi",
    "dunum": "dunam", "donum": "dunam", "dunam": "dunam", "megawatt": "MW", "mw": "MW",
    "gigawatt": "GW", "gw": "GW", "gigahertz": "GHz", "ghz": "GHz", "megahertz": "MHz",
    "mhz": "MHz",
}
_QUANTITY_AFTER = re.compile(
    r"(?:\s*-\s*|\s*)(?P<square>square\s+|sq\.?\s*)?"
    r"(?P<unit>kilometres?|kilometers?|km|centimetres?|centimeters?|cm|millimetres?"
    r"|millimeters?|mm|metres?|meters?|metric\s+tonnes?|metric\s+tons?|tonnes?|tons?|barrels?"
    r"|bbl|hectares?|ha|kilograms?|kilos?|kg|grammes?|grams?|litres?|liters?|miles?|dunums?"
    r"|donums?|dunams?|megawatts?|MW|gigawatts?|GW|gigahertz|GHz|megahertz|MHz)"
    r"(?P<two>2|²)?\b", _I)
_QUANTITY_FIRST = frozenset(
    {w + s for w in _QUANTITY_UNITS for s in ("", "s", "es")} | {"square", "sq", "metric"})
# "g" only in lower case: "5G" is a mobile network, not five grams.
_GRAMS_AFTER = re.compile(r"\s?g\b(?!-)")
# "200m" is metres, but "200m people" is millions.
_MILLION_NOUN_AFTER = re.compile(
    r"\s+(?:people|persons|residents|inhabitants|users|Syrians|Iraqis|refugees|children"
    r"|viewers|voters|customers|subscribers|citizens|civilians|workers|doses|tests|cases)\b")

_YEAR_ERA_AFTER = re.compile(r"\s*(?P<era>AH|A\.H\.|AD|A\.D\.|CE)(?!\w)")
_LETTER_AFTER = re.compile(r"[A-Za-z]")


def extract_english(text: str) -> list[Figure]:
    """The key figures of an English text, in order; offsets are into ``text``."""
    candidates = (find_dates(text) + find_times(text) + _counts(text) + find_fractions(text)
                  + find_ordinals(text))
    tokens = find_numbers(text)
    alone = [_classify(text, token) for token in tokens]
    candidates += english_ranges.join(text, tokens, alone, lambda t: _classify(text, t))
    figures = []
    for found in select(candidates, _blocked(text)):
        number = float(found.number) if found.number is not None else None
        qualifier = found.qualifier or english_qualifiers.qualifier(text, found.start,
                                                                    found.kind)
        figures.append(Figure(found.kind, found.value, text[found.start:found.end], found.start,
                              found.end, "target", number, found.unit, qualifier))
    return figures


def _blocked(text: str) -> list[tuple[int, int]]:
    return blocked_spans(text) + [(m.start(), m.end()) for m in _NOT_FIGURE_TERMS.finditer(text)]


def _counts(text: str) -> list[Found]:
    found = []
    for m in _COUNT.finditer(text):
        word, of = m.group("w").lower(), m.group("of")
        if word.startswith("several"):
            word = word.split()[-1].rstrip("s") + "s"  # "several hundred" = hundreds
        value = _VAGUE.get(word, word)
        if of:
            value = f"{'tens' if value == 'dozens' else value} of {of.lower()}"
        # Priority of a number, so "several hundred" wins over the "hundred" inside it.
        found.append(Found(1, m.start(), m.end(), "count_word", value))
    return found


def _classify(text: str, token: NumberToken) -> Found | None:
    """The figure a number makes with the words around it, or None if it makes none."""
    n, pos = token.value, token.end
    if token.bare:  # "twice", "doubled"
        return Found(1, token.start, pos, "number", format_number(n), n)
    before = text[token.start - 40 if token.start > 40 else 0:token.start]

    def back(index: int) -> int:
        return token.start - len(before) + index

    symbol = _SYMBOL_BEFORE.search(before) if _has_symbol(before) else None
    currency_before = symbol or (_CODE_BEFORE.search(before) if before.rstrip()[-1:].isupper()
                                 else None)
    if currency_before is not None:
        if token.suffix in ("m", "k"):  # after a currency sign, "m" is million
            n, pos = n * (10**6 if token.suffix == "m" else 1000), pos + 1
        code = SYMBOLS[symbol.group("symbol")] if symbol else currency_before.group("code")
        return _money(back(currency_before.start()), pos, n, code)
    if token.suffix == "k":
        n, pos = n * 1000, pos + 1
    elif token.suffix == "m":
        if _MILLION_NOUN_AFTER.match(text, pos + 1):
            n *= 10**6
            return Found(1, token.start, pos + 1, "number", format_number(n), n)
        return Found(1, token.start, pos + 1, "quantity", f"{format_number(n)} m", n, "m")
    following = _NEXT_WORD.match(text, pos)
    if following is None:
        return _by_words_before(text, token, before, n, pos)  # nothing after says what it counts
    word, shown = following.group(1).lower(), format_number(n)

    if word in _PERCENT_FIRST and (m := _PERCENT_AFTER.match(text, pos)):
        return Found(1, token.start, m.end(), "percent", f"{shown}%", n, "%")
    if word in _CURRENCY_FIRST and (m := _CURRENCY_AFTER.match(text, pos)):
        family = ENGLISH_CURRENCY_WORDS[m.group("cur").lower().split()[0].removesuffix("s")]
        adjective = (m.group("adj") or "").lower()
        country = ENGLISH_COUNTRIES.get(adjective) if adjective else None
        if "sterling" in m.group("cur").lower():
            country = "britain"
        return _money(token.start, m.end(), n, currency_code(family, country))
    if word.upper() in ISO_CODES and (m := _CODE_AFTER.match(text, pos)):
        return _money(token.start, m.end(), n, m.group("code"))
    if word in _QUANTITY_FIRST and (m := _QUANTITY_AFTER.match(text, pos)):
        word = m.group("unit").lower()
        unit = _QUANTITY_UNITS.get(word) or _QUANTITY_UNITS[word.rstrip("s")]
        if (m.group("square") or m.group("two")) and unit in ("km", "m", "mi"):
            unit += "2"
        return Found(1, token.start, m.end(), "quantity", f"{shown} {unit}", n, unit)
    if word == "g" and (m := _GRAMS_AFTER.match(text, pos)):
        return Found(1, token.start, m.end(), "quantity", f"{shown} g", n, "g")
    if word in _TIME_FIRST and (m := _TIME_AFTER.match(text, pos)):
        unit = m.group("unit").lower().rstrip("s")
        amount = n + (Decimal("0.5") if m.group("half") else 0)
        if unit == "decade":  # docs: a decade is written as 10 years
            amount, unit = amount * 10, "year"
        aged = m.group("old") or _age_before(before)
        kind = "age" if unit == "year" and aged else "duration"
        return Found(1, token.start, m.end(), kind, time_value(amount, unit), amount, unit)
    if found := victims_after(text, token, before):
        return found  # "one" too: "one person was killed", but not "no one was"
    if token.weak:
        return _counted_one(token, before)
    year_like = token.is_plain_integer and len(token.digits or "") in (3, 4)
    if year_like and (m := _YEAR_ERA_AFTER.match(text, pos)):
        hijri = m.group("era").upper().startswith("A") and "H" in m.group("era").upper()
        return Found(1, token.start, m.end(), "year", _year(n, hijri), n)
    if _LETTER_AFTER.match(text, pos):
        return None  # part of a name or code such as 20th, 1990s or 3D
    return _by_words_before(text, token, before, n, pos)


def _by_words_before(text: str, token: NumberToken, before: str, n: Decimal,
                     pos: int) -> Found | None:
    """The figure of a number whose kind, if any, is said by the words before it."""
    if token.weak:
        return _counted_one(token, before)
    if found := victims_before(text, token, before):
        return found
    plain = token.is_plain_integer
    if _age_before(before) or (plain and text.startswith(",", pos) and 1 <= n <= 110
                               and _AGE_COMMA_AFTER.match(text, pos)
                               and _NAME_BEFORE.search(before)):
        return Found(1, token.start, pos, "age", time_value(n, "year"), n, "year")
    if plain and len(token.digits or "") == 4 and 1900 <= n <= 2099:
        return Found(1, token.start, pos, "year", _year(n, False), n)
    return Found(1, token.start, pos, "number", format_number(n), n)


def _counted_one(token: NumberToken, before: str) -> Found | None:
    """A lone "one" is an article or a pronoun ("one of them", "no one") more often than a
    figure, but not after a word that counts: "at least one case", "only one"."""
    if _COUNTED_ONE_BEFORE.search(before):
        return Found(1, token.start, token.end, "number", "1", token.value)
    return None


def _age_before(before: str) -> re.Match[str] | None:
    if "age" in before or "Age" in before or "AGE" in before:
        return _AGE_BEFORE.search(before)
    return None


def _has_symbol(before: str) -> bool:
    return "$" in before or "€" in before or "£" in before


def _money(start: int, end: int, n: Decimal, code: str) -> Found:
    return Found(1, start, end, "money", f"{format_number(n)} {code}", n, code)


def _year(n: Decimal, hijri: bool) -> str:
    return f"hijri:{format_number(n)}" if hijri else format_number(n)
