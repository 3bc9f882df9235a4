"""Where a sentence may end on one line, before quotes and brackets are considered.

A candidate end is a run of terminators (``. ! ? ؟ … ۔``, also ``?!`` or ``..``) with the
closing quotes and brackets that follow it, when the text after it starts a new sentence:
a space, the end of the line or, in Arabic news that omits the space, the next Arabic
word. Abbreviations (``د.``, ``ق.م.``, ``U.S.``, ``Dr.``), initials (``دي. كي.``), numbers
(``2.5``) and URLs are not ends. Every scan looks at a bounded window around the
terminator, so the whole pass is linear in the length of the line.
"""

from __future__ import annotations

import re

from tarjama.core.arabic_text import is_arabic_letter

TERMINATORS = frozenset(".!?؟…۔")
# Quotes and brackets that may close a sentence and then stay with it. The straight quote
# and « “ (which close in reversed typography) only do so when a space or the end of the
# line follows; glued to the next word they more likely open the next sentence.
CLOSING = frozenset(")]}»«”“\"’'›‹")
_CLOSING_BEFORE_A_WORD = frozenset(")]}»”’›")
OPENING = frozenset('([{«“»”"‘‹')

_URL = re.compile(r"(?:https?://|ftp://|www\.)\S+", re.IGNORECASE)
_URL_TRAILING_PUNCTUATION = ".,;:!?؟،؛)]}»\"'”’"
_DOTTED_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_NUMBER = re.compile(r"[\d٠-٩۰-۹][\d٠-٩۰-۹.,٫٬]*")
_NEXT_CHARACTER = re.compile(r"\s*(\S?)")
_SPACES = re.compile(r"\s*")
_NEXT_WORD = re.compile(r"\s*(\S{0,24})")
# A word longer than this is no abbreviation; the limit keeps the backward scans short.
_LONGEST_WORD = 48

# Latin abbreviations that are (almost) never the last word of a sentence. Compared in
# lower case. "etc." is missing on purpose: it often does end a sentence.
_LATIN_ABBREVIATION_LIST = """
    mr mrs ms dr prof st jr sr mt ave rd gen col lt sgt capt cpt maj gov sen rep pres
    rev hon fr vs inc ltd co corp dept univ est approx fig vol ch pp ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e cf al"""
_LATIN_ABBREVIATIONS = frozenset(_LATIN_ABBREVIATION_LIST.split())

# Latin letters spelled in Arabic, as in names ("جون إف. كينيدي", "دي. كي. شيفا").
# Followed by a full stop they are initials, unless the word before is one too without a
# stop: then they end a spelled-out acronym ("شبكة سي إن إن.") that can end a sentence.
_LETTER_NAME_LIST = """
    بي تي سي دي إي اي إف اف جي إتش اتش آي جيه كي إل إم ام إن أو كيو آر ار إس اس
    يو في دبليو إكس اكس واي زد زي"""
_LETTER_NAMES = frozenset(_LETTER_NAME_LIST.split())


# Words that begin sentences in news and are no surnames; after a letter name they show
# that the letter ended the sentence.
_SENTENCE_OPENER_LIST = """
    كان كانت وكان وكانت قال قالت وقال وقالت في وفي ثم كما وكما لكن ولكن يوجد توجد
    بشكل يمكن ويمكن وقد قد هذا هذه وهذا وهذه ومن من إن وإن أن وأن لا ولا لم ولم"""
_SENTENCE_OPENERS = frozenset(_SENTENCE_OPENER_LIST.split())


def url_mask(line: str) -> list[bool]:
    """Which characters of ``line`` belong to a URL (its trailing punctuation does not)."""
    mask = [False] * len(line)
    for match in _URL.finditer(line):
        end = match.end()
        while end > match.start() and line[end - 1] in _URL_TRAILING_PUNCTUATION:
            end -= 1
        mask[match.start() : end] = [True] * (end - match.start())
    return mask


def sentence_ends(line: str, in_url: list[bool]) -> list[int]:
    """Offsets just after each candidate end of a sentence, closers included, ascending."""
    ends: list[int] = []
    sentence_start = 0
    length = len(line)
    i = 0
    while i < length:
        if line[i] not in TERMINATORS or in_url[i]:
            i += 1
            continue
        run_end = i
        while run_end < length and line[run_end] in TERMINATORS:
            run_end += 1
        end = _closers_end(line, run_end)
        if _ends_sentence(line, i, run_end, end, sentence_start):
            ends.append(end)
            sentence_start = end
        i = max(end, run_end)
    return ends


def _closers_end(line: str, run_end: int) -> int:
    """Where the closing quotes and brackets after a terminator run stop."""
    length = len(line)
    position = run_end
    while position < length and (line[position] in CLOSING or line[position] in TERMINATORS):
        position += 1
    if position == length or line[position].isspace():
        return position
    position = run_end
    while position < length and (
        line[position] in _CLOSING_BEFORE_A_WORD or line[position] in TERMINATORS
    ):
        position += 1
    return position


def _ends_sentence(line: str, first: int, run_end: int, end: int, sentence_start: int) -> bool:
    """Whether the terminators at ``line[first:run_end]`` (closers up to ``end``) end a sentence."""
    run = line[first:run_end]
    if end >= len(line):
        return True
    following = line[end]
    if following.isspace():
        match = _NEXT_CHARACTER.match(line, end)
        next_char = match[1] if match else ""
        if next_char.isalpha() and next_char.islower():
            return False  # Latin text goes on in lower case: "approx. five", "wait... what"
        if run == ".":
            return not _is_abbreviation(line, first, end, sentence_start)
        return True
    if following in OPENING and end + 1 < len(line) and is_arabic_letter(line[end + 1]):
        following = line[end + 1]  # the next sentence opens with a quote: 'انتهى."وقال'
    if not is_arabic_letter(following):
        return False  # "2.5", "example.com", "U.S", "?!)" ...
    # Arabic news often omits the space after a full stop: "الأسد.وقال".
    if run != ".":
        return True
    if first > 0 and line[first - 1].isspace():
        return True  # a stray full stop before the next word: "الشرقي .عاد"
    word = word_before(line, first)[1]
    return len(word) >= 2 and all(is_arabic_letter(char) for char in word)


def _is_abbreviation(line: str, dot: int, end: int, sentence_start: int) -> bool:
    """Whether the full stop at ``line[dot]`` belongs to the word before it."""
    word_start, word = word_before(line, dot)
    bare = word.replace("ـ", "")  # tatweel: "هـ." is one letter
    if not bare:
        return False
    if _NUMBER.fullmatch(bare):
        # "1. البند الأول": a list number at the start of a sentence.
        spaces = _SPACES.match(line, sentence_start)
        return spaces is not None and spaces.end() >= word_start
    if len(bare) == 2 and bare[0] in "وف" and is_arabic_letter(bare[1]):
        bare = bare[1]  # an attached conjunction: "ود. أحمد" is "and Dr. Ahmed"
    arabic_initials = all(is_arabic_letter(char) or char == "." for char in bare)
    if arabic_initials and word_before(line, word_start)[1].endswith("فيتامين"):
        return False  # "فيتامين د." is a vitamin, not "Dr."
    if arabic_initials and (len(bare) == 1 or _DOTTED_INITIALS.fullmatch(bare)):
        # "د. أحمد" is a title, but "عام 1950 م." and "500 ق.م." end with a year marker.
        return not _NUMBER.fullmatch(word_before(line, word_start)[1])
    if bare in _LETTER_NAMES or (bare[:1] in "وف" and bare[1:] in _LETTER_NAMES):
        # An initial sits between a first name and another name: not after a spelled-out
        # acronym ("شبكة سي إن إن."), a noun with the article ("البروتين إس.") or before
        # a word that starts sentences ("فلاي بي. كان").
        following = _next_word(line, end)
        if following[:-1] in _LETTER_NAMES and following.endswith("."):
            return True  # the first of a run of initials: "دي. كي. شيفا"
        previous = word_before(line, word_start)[1]
        return not (
            previous in _LETTER_NAMES
            or previous.startswith(("ال", "لل"))
            or following in _SENTENCE_OPENERS
        )
    if _DOTTED_INITIALS.fullmatch(bare):
        return True  # U.S, e.g, i.e
    if len(bare) == 1 and bare.isupper():
        # An initial: "J. K. Rowling"; before Arabic it is a name such as "بروتين S."
        return not is_arabic_letter(_next_word(line, end)[:1] or "a")
    if bare == "No":
        match = _NEXT_CHARACTER.match(line, end)
        return bool(match and match[1].isdigit())  # "No. 5", but "He said No."
    return bare.lower() in _LATIN_ABBREVIATIONS


def _next_word(line: str, position: int) -> str:
    match = _NEXT_WORD.match(line, position)
    return match[1] if match else ""


def word_before(line: str, position: int) -> tuple[int, str]:
    """Start and text of the word ending at ``position`` (spaces before it skipped),
    without its opening quotes or brackets; at most ``_LONGEST_WORD`` characters."""
    floor = max(0, position - 4 * _LONGEST_WORD)  # a bounded run of spaces is skipped
    end = floor + len(line[floor:position].rstrip())
    floor = max(0, end - _LONGEST_WORD)
    words = line[floor:end].split()
    start = end - len(words[-1]) if words else end
    return start, line[start:end].lstrip("([{«“»”\"'‘‹")
