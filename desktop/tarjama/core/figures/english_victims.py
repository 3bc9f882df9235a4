"""Casualties and arrests in English: "five people were killed", "killing at least 12",
"12 wounded", "Seven of the victims", "the arrest of 20 people".

A number is a casualty or arrest figure when a role word comes after it ("killed",
"dead", "wounded", "missing", "arrested"...) or a trigger before it ("killing",
"the arrest of", "released"). The span runs from the trigger, or from the number, to
the people noun or the role word (docs/figures.md, "Spans").

Two guards against false alarms:
- a role verb right before its object is active, not passive: "3 gunmen killed 5
  civilians" makes "5 killed", not "3 killed";
- "no one was killed" is nobody, "one of the victims" a person: a lone "one" counts
  only right before its role, and not after "no", "any"...
"""

from __future__ import annotations

import re
from decimal import Decimal

from tarjama.core.figures import english_qualifiers
from tarjama.core.figures.canonical import Found, format_number
from tarjama.core.figures.english_ranges import PEOPLE_AFTER
from tarjama.core.figures.numbers_en import NumberToken
from tarjama.core.figures.patterns import alternation

_I = re.IGNORECASE
ROLES = {
    "killed": "killed", "dead": "killed", "died": "killed", "executed": "killed",
    "martyred": "killed", "deaths": "killed", "fatalities": "killed", "martyrs": "killed",
    "drowned": "killed", "death": "killed",
    "victims": "victims", "casualties": "victims",
    "wounded": "wounded", "injured": "wounded", "hurt": "wounded", "injuries": "wounded",
    "arrested": "arrested", "detained": "arrested", "detainees": "arrested",
    "arrests": "arrested", "missing": "missing", "kidnapped": "captives",
    "abducted": "captives", "captured": "captives", "prisoners": "captives",
    "captives": "captives", "hostages": "captives", "abductees": "captives",
}
_ROLE = rf"(?P<role>{alternation(ROLES)})\b"
_NOT_BETWEEN = (r"and|or|of|in|on|at|the|to|from|by|with|after|before|who|which|that|were|was"
                r"|have|had|are|is|been|for|years?|months?|days?|weeks?")
_AUXILIARY = (r"(?P<aux>(?:were|was|have\s+been|had\s+been|are|is|being|got|remain|remained)"
              r"\s+(?:(?:still|now|reportedly|also|all|later|[a-z]+ly)\s+)?)")
_AFTER = re.compile(rf"(?:\s+(?!(?:{_NOT_BETWEEN})\b)[A-Za-z]+){{0,2}}\s+{_AUXILIARY}?{_ROLE}",
                    _I)
# "Seven of the victims", "four members of the security forces were killed".
_OF_THE = re.compile(
    rf"\s+of\s+the\s+(?P<of_role>victims|dead|wounded|injured|casualties|detainees|hostages"
    r"|abductees|missing)\b"
    r"|\s+(?:members|officers|personnel|soldiers|fighters|employees|staff)\s+of\s+(?:the\s+)?"
    rf"(?:[A-Za-z'-]+\s+){{0,3}}?{_AUXILIARY}{_ROLE}", _I)
# A verb that takes an object is active: "killed 5 civilians", "wounded the driver".
_OBJECT_AFTER = re.compile(
    r"\s+(?:\d|(?:a|an|the|his|her|their|its|two|three|four|five|six|seven|eight|nine|ten"
    r"|dozens|scores|hundreds|at\s+least|some|about|several|many)\b)", _I)
_VERB_ROLES = frozenset({"killed", "executed", "drowned", "wounded", "injured", "hurt",
                         "arrested", "detained", "kidnapped", "abducted", "captured"})

TRIGGERS = {
    "killing": "killed", "killed": "killed", "kill": "killed", "kills": "killed",
    "death of": "killed", "deaths of": "killed", "killing of": "killed",
    "executed": "killed", "execution of": "killed", "executions of": "killed",
    "wounding": "wounded", "wounded": "wounded", "injuring": "wounded", "injured": "wounded",
    "arresting": "arrested", "arrested": "arrested", "arrest of": "arrested",
    "arrests of": "arrested", "detaining": "arrested", "detained": "arrested",
    "detention of": "arrested", "kidnapping of": "captives", "kidnapped": "captives",
    "abducted": "captives", "abduction of": "captives",
    # Freed people were captives, but "released 5 reports" is not: these need a people noun.
    "released": "captives", "freed": "captives", "release of": "captives",
    "releasing": "captives", "freeing": "captives",
}
_NEED_PEOPLE = frozenset({"released", "freed", "release of", "releasing", "freeing"})
_TRIGGER_WORDS = alternation(TRIGGERS)
_TRIGGER_BEFORE = re.compile(
    rf"\b(?P<trigger>{_TRIGGER_WORDS})"
    rf"\s+(?:(?:{english_qualifiers.TRIGGER_QUALIFIER}|another|the|all|its|their)\s+)?$", _I)
_NO_BEFORE = re.compile(r"\b(?:no|any|every|some)\s*$", _I)


def victims_after(text: str, token: NumberToken, before: str) -> Found | None:
    """A casualty or arrest figure said by the words after the number, or None."""
    if token.weak and _NO_BEFORE.search(before):
        return None  # "no one was killed"
    m = _AFTER.match(text, token.end) or (None if token.weak else _OF_THE.match(text, token.end))
    if m is None:
        return None
    role = (m.groupdict().get("of_role") or m.group("role")).lower()
    if role in _VERB_ROLES and not m.groupdict().get("aux") and _OBJECT_AFTER.match(text, m.end()):
        return None  # "3 gunmen killed 5 civilians": the 3 did the killing
    role = ROLES[role]
    if role in ("arrested", "captives") and (trigger := victims_before(text, token, before)) \
            and trigger.unit == "killed":
        role = "killed"  # "the deaths of 38 detainees"
    return victims(token.start, m.end(), token.value, role)


def victims_before(text: str, token: NumberToken, before: str) -> Found | None:
    """A casualty or arrest figure said by a trigger just before the number, or None."""
    low = before.lower()
    if not ("kill" in low or "death" in low or "execut" in low or "wound" in low
            or "injur" in low or "arrest" in low or "detain" in low or "detention" in low
            or "kidnap" in low or "abduct" in low or "free" in low or "releas" in low):
        return None  # a cheap test: the pattern is tried at every position of ``before``
    m = _TRIGGER_BEFORE.search(before)
    if m is None:
        return None
    trigger = re.sub(r"\s+", " ", m.group("trigger").lower())
    people = PEOPLE_AFTER.match(text, token.end)
    if people is None and trigger in _NEED_PEOPLE:
        return None
    found = victims(token.start - len(before) + m.start("trigger"),
                    people.end() if people else token.end, token.value, TRIGGERS[trigger])
    if m.group("qualifier"):  # "killing at least 5": inside the span, as docs allow
        found.qualifier = english_qualifiers.normalise(m.group("qualifier"))
    return found


def victims(start: int, end: int, n: Decimal, role: str) -> Found:
    kind = "arrests" if role == "arrested" else "casualties"
    return Found(1, start, end, kind, f"{format_number(n)} {role}", n, role)
