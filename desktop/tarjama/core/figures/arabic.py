"""Key figures in Arabic news text: what a number counts, decided from the words around it.

Dates, clock times, scores, duals and vague counts ("عشرات") are found by their own
patterns; every other figure starts from a number (``numbers_ar``) and takes its kind
from what follows it (a unit, a currency, "عاماً", "قتيلاً", "%") or precedes it
("مقتل", "عام", "$", "الساعة", "المرتبة"). A qualifier ("نحو", "أكثر من") is kept on
the figure. See docs/figures.md for the values.
"""

from __future__ import annotations

import re
from decimal import Decimal

from tarjama.core.figures import arabic_units as u
from tarjama.core.figures.arabic_breakdown import inherit
from tarjama.core.figures.arabic_clock import (
    classify_clock,
    classify_ordinal,
    find_digit_times,
    find_scores,
)
from tarjama.core.figures.arabic_context import (
    BEGIN,
    PEOPLE_AFTER,
    alternation,
    amount_qualifier,
    counted_noun_after,
    counted_noun_before,
    date_qualifier,
    definite_noun_before,
    squash_spaces,
)
from tarjama.core.figures.arabic_dates import find_dates
from tarjama.core.figures.arabic_duals import find_duals
from tarjama.core.figures.canonical import Found, format_number, time_value
from tarjama.core.figures.currencies import ARABIC_COUNTRIES, ARABIC_CURRENCY_WORDS, currency_code
from tarjama.core.figures.model import Figure
from tarjama.core.figures.normalize_ar import normalize
from tarjama.core.figures.not_figures import term_spans
from tarjama.core.figures.numbers_ar import NumberToken, find_numbers
from tarjama.core.figures.spans import blocked_spans, select

_AMOUNT_KINDS = frozenset({"number", "percent", "quantity", "money", "casualties", "arrests",
                           "duration", "age"})


def extract_arabic(text: str) -> list[Figure]:
    """The key figures of an Arabic text, in order; offsets are into ``text``."""
    norm = normalize(text)
    work = norm.text
    tokens = find_numbers(work)
    candidates = (find_dates(work, tokens) + _counts(work) + _dual_times(work)
                  + find_scores(work) + find_digit_times(work) + _duals(work))
    following = {t.start: t for t in tokens}
    for token in tokens:
        found = _classify(work, token, following)
        if found is not None:
            candidates.append(found)
    figures = []
    selected = inherit(work, select(candidates, blocked_spans(work) + term_spans(work)))
    for found in selected:
        if found.qualifier is None and found.kind in _AMOUNT_KINDS:
            found.qualifier = amount_qualifier(work, found.start, found.end)
        start, end = norm.span(found.start, found.end)
        number = float(found.number) if found.number is not None else None
        figures.append(Figure(found.kind, found.value, text[start:end], start, end, "source",
                              number, found.unit, found.qualifier))
    return figures


def _counts(text: str) -> list[Found]:
    found = []
    for m in u.COUNT.finditer(text):
        word, of = m.group("w"), m.group("of")
        value = u.COUNT_WORDS[word]
        if of:
            value = f"{'tens' if word == 'عشرات' else value} of {u.COUNT_WORDS[of]}"
        found.append(Found(3, _word_start(text, m.start("w")), m.end(), "count_word", value))
    return found


def _dual_times(text: str) -> list[Found]:
    found = []
    for m in u.DUAL_OR_HALF.finditer(text):
        if m.group("dual"):
            unit, amount, start = u.DUAL_TIME[m.group("dual")], Decimal(2), m.start("dual")
            if unit in u.YEARS_IN:  # "عقدين": 20 years
                amount, unit = amount * u.YEARS_IN[unit], "year"
            if m.group("half"):
                amount += Decimal("0.5")
        else:
            unit, amount, start = u.TIME_UNITS[m.group("one")], Decimal("1.5"), m.start("one")
        found.append(Found(2, _word_start(text, start), m.end(), "duration",
                           time_value(amount, unit), amount, unit))
    return found


def _duals(text: str) -> list[Found]:
    """"جنديين" is 2; "مقتل جنديين" or "الطفلين ... قُتلا" is 2 killed."""
    found = []
    two = Decimal(2)
    for dual in find_duals(text):
        if dual.kind != "number":
            value = f"2 {dual.unit}"
            found.append(Found(2, dual.start, dual.end, dual.kind, value, two, dual.unit))
            continue
        if m := u.TRIGGER_BEFORE.search(text, max(0, dual.start - 40), dual.start):
            role = u.TRIGGERS[m.group("trigger")]
            found.append(_victims(m.start("trigger"), dual.end, two, role))
        elif m := u.VERB_SUBJECT_BEFORE.search(text, max(0, dual.start - 50), dual.start):
            role = u.SUBJECT_VERB_ROLE[m.group("verb")]
            found.append(_victims(dual.start, dual.end, two, role))
        elif m := u.VERB_AFTER.match(text, dual.end):
            role = u.VERB_ROLE[squash_spaces(m.group("verb"))]
            found.append(_victims(dual.start, dual.end, two, role))
        elif not dual.definite:
            found.append(Found(2, dual.start, dual.end, "number", "2", two))
    return found


def _word_start(text: str, start: int) -> int:
    """Move back over an article so the span holds the whole word but no conjunction."""
    if text.startswith("ال", start - 2):
        return start - 2
    return start


def _classify(text: str, token: NumberToken, following: dict[int, NumberToken]
              ) -> Found | None:
    found = _kind_of(text, token, following)
    if found is not None and found.kind in _AMOUNT_KINDS and found.qualifier is None:
        found.qualifier = amount_qualifier(text, token.start, found.end)
    elif found is not None and found.kind == "year":
        found.qualifier = date_qualifier(text, found.start)
    return found


def _kind_of(text: str, token: NumberToken, following: dict[int, NumberToken]
             ) -> Found | None:
    n, pos = token.value, token.end
    before = text[max(0, token.start - 40):token.start]
    shown = format_number(n)

    if found := classify_clock(text, token) or classify_ordinal(text, token):
        return found
    if token.need == "ordinal" and (u.AGE_AFTER.match(text, pos) or u.AGE_BEFORE.search(before)):
        return Found(1, token.start, pos, "age", time_value(n, "year"), n, "year")
    if token.need == "ordinal":
        return None  # a rank or a day without its context ("في القرن التاسع عشر")
    if token.article and (m := _VICTIMS_BEFORE.search(text, max(0, token.start - 14),
                                                       token.start)):
        return _victims(m.start("noun"), pos, n, u.VICTIM_ROLE[m.group("noun")])  # الجرحى الخمسة
    percent_after = u.PERCENT_AFTER.match(text, pos)
    percent_before = u.PERCENT_BEFORE.search(before)
    if percent_after or percent_before:
        start = token.start
        if percent_before and not percent_after:
            start = _back(token, before, percent_before.start())
        end = percent_after.end() if percent_after else pos
        return Found(1, start, end, "percent", f"{shown}%", n, "%")
    if m := u.CURRENCY_AFTER.match(text, pos):
        adjective = m.group("adj")
        code = currency_code(ARABIC_CURRENCY_WORDS[m.group("cur")],
                             ARABIC_COUNTRIES.get(adjective) if adjective else None)
        return Found(1, token.start, m.end(), "money", f"{shown} {code}", n, code)
    dollar_before = u.DOLLAR_BEFORE.search(before)
    if (m := u.DOLLAR_AFTER.match(text, pos)) or dollar_before:
        start = _back(token, before, dollar_before.start()) if dollar_before else token.start
        return Found(1, start, m.end() if m else pos, "money", f"{shown} USD", n, "USD")
    if m := u.QUANTITY_AFTER.match(text, pos):
        unit = u.QUANTITY_UNITS[squash_spaces(m.group("unit"))]
        if m.group("square") and unit in ("km", "m", "mi"):
            unit += "2"
        return Found(1, token.start, m.end(), "quantity", f"{shown} {unit}", n, unit)
    if m := u.TIME_AFTER.match(text, pos):
        unit = u.TIME_UNITS[m.group("unit")]
        amount = n + (Decimal("0.5") if m.group("half") else 0)
        if unit in u.YEARS_IN:  # "ستة عقود": 60 years
            amount, unit = amount * u.YEARS_IN[unit], "year"
        kind = "age" if unit == "year" and u.AGE_BEFORE.search(before) else "duration"
        return Found(1, token.start, m.end(), kind, time_value(amount, unit), amount, unit)
    if m := u.VICTIMS_AFTER.match(text, pos):
        role = u.VICTIM_ROLE[m.group("noun")]
        if (verb := u.VERB_AFTER.match(text, m.end())) and u.VERB_ROLE[
                squash_spaces(verb.group("verb"))] == "killed":
            role = "killed"  # "40 معتقلاً ... توفوا": detainees who died
        elif (trigger := u.TRIGGER_BEFORE.search(before)) and u.TRIGGERS[
                trigger.group("trigger")] == "killed":
            role = "killed"  # "وفاة 38 معتقلاً"
        return _victims(token.start, m.end(), n, role)
    if token.fraction:
        return Found(1, token.start, pos, "fraction", token.fraction, n)
    if token.need == "noun_before":
        return _one_after_noun(text, token)
    if token.need == "noun_after" and not (
            counted_noun_after(text, pos) or (token.article and definite_noun_before(
                text, token.start))):
        return _range_partner(text, token, following)  # "من أربع إلى ست سنوات"
    year_like = token.is_plain_integer and len(token.digits or "") in (3, 4)
    if year_like and (m := u.YEAR_ERA_AFTER.match(text, pos)):
        hijri = m.group("era").startswith("ه") or m.group("era") == "للهجرة"
        return Found(1, token.start, m.end(), "year", _year(n, hijri), n)
    if u.LATIN_AFTER.match(text, pos):
        return None  # part of a name or code such as 20th or 3D
    if m := u.TOLL_BEFORE.search(before):  # "ارتفع عدد القتلى إلى 50"
        people = PEOPLE_AFTER.match(text, pos)
        return _victims(token.start, people.end() if people else pos, n,
                        u.TOLL_ROLE[m.group("noun")])
    if m := u.TRIGGER_BEFORE.search(before):
        start = _back(token, before, m.start("trigger"))
        people = PEOPLE_AFTER.match(text, pos)
        return _victims(start, people.end() if people else pos, n,
                        u.TRIGGERS[m.group("trigger")])
    if year_like and u.YEAR_BEFORE.search(before):
        return Found(1, token.start, pos, "year", _year(n, False), n)
    if token.is_plain_integer and len(token.digits or "") == 4 and 1900 <= n <= 2099:
        return Found(1, token.start, pos, "year", _year(n, False), n)
    if m := u.VERB_SUBJECT_BEFORE.search(text, max(0, token.start - 50), token.start):
        noun = _NOUN_AFTER.match(text, pos)
        role = u.SUBJECT_VERB_ROLE[m.group("verb")]
        return _victims(token.start, noun.end() if noun else pos, n, role)
    if m := u.VERB_AFTER.match(text, pos):  # "ثلاثة مقاتلين ... قُتلوا"
        noun = _NOUN_AFTER.match(text, pos)
        end = noun.end() if noun and noun.end() <= m.start("verb") else pos
        return _victims(token.start, end, n, u.VERB_ROLE[squash_spaces(m.group("verb"))])
    if token.digits and len(token.digits) == 2 and (m := _CENTURY_BEFORE.search(
            text, max(0, token.start - 6), token.start)):  # "1960-64"
        year = Decimal(m.group("century") + token.digits)
        return Found(1, token.start, pos, "year", _year(year, False), year)
    if range_end := _range_partner(text, token, following):
        return range_end
    return Found(1, token.start, pos, "number", shown, n)


_VICTIMS_BEFORE = re.compile(rf"{BEGIN}ال(?P<noun>{alternation(u.VICTIM_ROLE)})\s+$")
_NOUN_AFTER = re.compile(r"\s+[\u0621-\u064a]+")
_CENTURY_BEFORE = re.compile(r"(?<![0-9])(?P<century>(?:19|20))[0-9]{2}\s*[-–]\s*$")
_VICTIM_BEFORE = re.compile(rf"{BEGIN}(?P<noun>{alternation(u.VICTIM_ROLE)})\s+$")
_TIME_UNIT_BEFORE = re.compile(rf"{BEGIN}(?P<noun>{alternation(u.TIME_UNITS)})\s+$")


def _one_after_noun(text: str, token: NumberToken) -> Found | None:
    """"قتيل واحد", "يوم واحد", "شخص واحد": one, counted by the indefinite noun before it."""
    one = Decimal(1)
    window = max(0, token.start - 14)
    if m := _VICTIM_BEFORE.search(text, window, token.start):
        return _victims(m.start("noun"), token.end, one, u.VICTIM_ROLE[m.group("noun")])
    if m := _TIME_UNIT_BEFORE.search(text, window, token.start):
        unit = u.TIME_UNITS[m.group("noun")]
        return Found(1, m.start("noun"), token.end, "duration", time_value(one, unit), one, unit)
    if noun := counted_noun_before(text, token.start):
        if m := u.TRIGGER_BEFORE.search(text, max(0, noun.start() - 30), noun.start()):
            role = u.TRIGGERS[m.group("trigger")]  # "قُتل شخص واحد"
            return _victims(m.start("trigger"), token.end, one, role)
        return Found(1, token.start, token.end, "number", "1", one)
    return None


def _range_partner(text: str, token: NumberToken, following: dict[int, NumberToken]
                   ) -> Found | None:
    """"3-5 أيام": the first end of a range takes the unit of the second."""
    m = u.RANGE_AFTER.match(text, token.end)
    if not m and u.RANGE_START.search(text, max(0, token.start - 10), token.start):
        m = u.RANGE_AND.match(text, token.end)
    partner = following.get(m.end()) if m and m.end() > token.end else None
    if partner is None or partner.need not in (None, "noun_after"):
        return None
    other = _kind_of(text, partner, {})
    if other is None or other.kind in ("number", "year", "ordinal", "time") or other.unit is None:
        return None
    n = token.value
    if partner.scale and token.scale is None and token.digits:
        n *= partner.scale  # "بين 5 و7 ملايين دولار": the scale is said once
    value = time_value(n, other.unit) if other.kind in ("duration", "age") else (
        f"{format_number(n)}%" if other.kind == "percent" else f"{format_number(n)} {other.unit}")
    kind = other.kind
    if kind == "duration" and other.unit == "year" and u.AGE_BEFORE.search(
            text, max(0, token.start - 40), token.start):
        kind = "age"  # "عمر المعتقلين بين 16 و25 عاماً": the range of their ages
    return Found(1, token.start, token.end, kind, value, n, other.unit)


def _back(token: NumberToken, before: str, index: int) -> int:
    """Offset in the text of ``before[index]``, ``before`` being the text just before the token."""
    return token.start - len(before) + index


def _year(n: Decimal, hijri: bool) -> str:
    return f"hijri:{format_number(n)}" if hijri else format_number(n)


def _victims(start: int, end: int, n: Decimal, role: str) -> Found:
    kind = "arrests" if role == "arrested" else "casualties"
    return Found(1, start, end, kind, f"{format_number(n)} {role}", n, role)
