"""Which sentence ends fall inside a short quotation or bracket and so do not split.

Quotes are paired locally: a pair is at most ``MAX_HELD_CHARACTERS`` long and holds at
most ``MAX_HELD_ENDS`` sentence end, so a stray quote can never join more than two
sentences, wherever the quote that would have matched it is, and a quotation of several
sentences is split at their ends. A pair holding one end keeps it only when the sentence
goes on after the closing mark ('«لن نتراجع. المعركة مستمرة» ثم غادر'): a quoted
statement that ends the sentence ('قال: «لن نتراجع. المعركة مستمرة».') is split inside,
its closing mark staying with its last sentence.

Whether a quote mark opens or closes is read from its neighbours (a space before and a
word after opens; a word before and a space or punctuation after closes), so ``«»``,
``“”``, reversed ``»…«`` and ``”…“`` and the straight ``"`` pair the same way. Only for a
mark glued on both sides does the mark itself decide, in the direction most of the
line's unambiguous marks use. Every step is constant work per character.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate

from tarjama.core.segment_ends import CLOSING, TERMINATORS

MAX_HELD_CHARACTERS = 150
MAX_HELD_ENDS = 1

_OPEN, _CLOSE, _EITHER = 1, 2, 0
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_BRACKET_CLOSERS = {closer: opener for opener, closer in _BRACKETS.items()}
# Each family pairs on its own. For a mark whose neighbours do not tell, the first of a
# family's two marks opens in the usual typography and closes in the reversed one.
_QUOTE_FAMILIES = {"«": "«»", "»": "«»", "“": "“”", "”": "“”", "‹": "‹›", "›": "‹›"}
_STRAIGHT = '"'
_MARKS = re.compile(r'[()\[\]{}«»“”‹›"]')
_QUOTE_MARKS = re.compile(r"[«»“”‹›]")
_PROCLITICS = frozenset("وفبلك")
_BEFORE_AN_OPENING = frozenset("([{«»“”‹›\"'ـ:/-")
_AFTER_A_CLOSING = frozenset(TERMINATORS | set("،,؛;:)]}»«”“›‹\"'"))


def held_depths(line: str, ends: list[int], in_url: list[bool]) -> tuple[list[int], list[bool]]:
    """How many holding pairs are open after each character of ``line``, and which
    characters close a holding pair.

    ``ends`` are the candidate sentence ends (offsets after the end and its closers);
    an end at ``e`` is held when the depth after ``line[e - 1]`` is not zero. An end
    just before the closing mark of its pair is not counted as held inside it.
    """
    length = len(line)
    ends_at = [0] * (length + 1)
    for end in ends:
        ends_at[end] += 1
    ends_up_to = list(accumulate(ends_at))  # ends_up_to[x]: candidate ends at or before x

    def holds(opened: int, closed: int) -> bool:
        return (
            closed - opened - 1 <= MAX_HELD_CHARACTERS
            and ends_up_to[closed - 1] - ends_up_to[opened] <= MAX_HELD_ENDS
        )

    change = [0] * (length + 1)
    closes = [False] * length

    def pair(opened: int, closed: int) -> None:
        closes[closed] = True
        if ends_up_to[closed - 1] > ends_up_to[opened] and not _embedded(line, closed):
            return  # a quoted statement that ends the sentence splits at its own ends
        change[opened] += 1
        change[closed] -= 1

    reversed_families = _reversed_families(line, in_url)
    stacks: dict[str, list[int]] = {}
    for mark in _MARKS.finditer(line):
        index, char = mark.start(), mark[0]
        if in_url[index]:
            continue
        if char in _BRACKETS:
            stacks.setdefault(char, []).append(index)
        elif char in _BRACKET_CLOSERS:
            _close(stacks.setdefault(_BRACKET_CLOSERS[char], []), index, holds, pair)
        elif char == _STRAIGHT:
            stack = stacks.setdefault(char, [])
            role = _role(line, index)
            if role != _OPEN and stack and _close(stack, index, holds, pair):
                continue
            if role != _CLOSE:
                stack[:] = [index]  # straight quotes never nest: an older one was stray
        elif char in _QUOTE_FAMILIES:
            family = _QUOTE_FAMILIES[char]
            role = _role(line, index)
            if role == _EITHER:
                opens = (char == family[0]) != (family in reversed_families)
                role = _OPEN if opens else _CLOSE
            stack = stacks.setdefault(family, [])
            if role == _OPEN:
                stack.append(index)
            else:
                _close(stack, index, holds, pair)

    return list(accumulate(change[:length])), closes


def _close(
    stack: list[int],
    closed: int,
    holds: Callable[[int, int], bool],
    pair: Callable[[int, int], None],
) -> bool:
    """Pair the closer at ``closed`` with the innermost opener, if they hold together."""
    if not stack:
        return False
    opened = stack[-1]
    if holds(opened, closed):
        stack.pop()
        pair(opened, closed)
        return True
    # Older openers are further away and hold more ends: none of them can pair any more.
    stack.clear()
    return False


def _embedded(line: str, closed: int) -> bool:
    """Whether the sentence goes on after the closing mark at ``closed``: '«…» ثم غادر'
    rather than '«… نتراجع.» وأضاف' or '«…».'."""
    if closed > 0 and line[closed - 1] in TERMINATORS:
        return False
    position, limit = closed + 1, min(len(line), closed + 8)
    while position < limit and (line[position].isspace() or line[position] in CLOSING):
        position += 1
    return position < len(line) and line[position] not in TERMINATORS


def _role(line: str, index: int) -> int:
    before = line[index - 1] if index > 0 else " "
    after = line[index + 1] if index + 1 < len(line) else " "
    glued_before = not before.isspace()
    opens = (
        not after.isspace()
        and after not in _AFTER_A_CLOSING
        and (not glued_before or before in _BEFORE_AN_OPENING or _after_proclitic(line, index))
    )
    closes = glued_before and (after.isspace() or after in _AFTER_A_CLOSING)
    if opens == closes:
        return _EITHER
    return _OPEN if opens else _CLOSE


def _after_proclitic(line: str, index: int) -> bool:
    """'و"حالة', 'ب"الالتهاب': a one-letter prefix glued to the quoted word."""
    return (
        index >= 1
        and line[index - 1] in _PROCLITICS
        and (index == 1 or line[index - 2].isspace() or line[index - 2] in _BEFORE_AN_OPENING)
    )


def _reversed_families(line: str, in_url: list[bool]) -> set[str]:
    """The quote families this line writes the other way round (``»…«``, ``”…“``)."""
    votes: dict[str, int] = {}
    for mark in _QUOTE_MARKS.finditer(line):
        index, char = mark.start(), mark[0]
        family = _QUOTE_FAMILIES[char]
        if in_url[index]:
            continue
        role = _role(line, index)
        if role == _EITHER:
            continue
        usual = (char == family[0]) == (role == _OPEN)
        votes[family] = votes.get(family, 0) + (-1 if usual else 1)
    return {family for family, vote in votes.items() if vote > 0}
