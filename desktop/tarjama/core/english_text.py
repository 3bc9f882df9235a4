"""Our own English sentence and word tokenizers, so summaries never need NLTK data.

The sentence splitter ends a sentence at ``. ! ?`` (or a run such as ``?!`` or ``...``),
with any closing quotes or brackets, when a space and then a capital letter, a digit or
an opening quote follow. Abbreviations (``Mr.``, ``Dr.``, ``e.g.``, ``Jan.``, ``No. 5``),
initials (``J. K. Rowling``), decimals (``2.5``) and initialisms (``U.S.``) do not end one,
except that an initialism followed by a typical sentence opener (``U.S. The``) does.
A blank line always ends a sentence.
"""

from __future__ import annotations

import re

_ABBREVIATION_LIST = """
    mr mrs ms messrs dr prof st jr sr mt ave rd blvd gen col lt sgt capt cpt maj adm
    gov sen rep pres rev hon fr vs inc ltd co corp bros dept univ approx est fig figs vol
    ch pp ed eds cf al jan feb mar apr jun jul aug sep sept oct nov dec"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_LIST.split())

# Words that usually start a sentence: after "U.S." they mean the sentence ended there.
_OPENER_LIST = """the a an it he she they we i you this that these those there but and in on at
    however meanwhile officials"""
_SENTENCE_OPENERS = frozenset(_OPENER_LIST.split())

# Function words that say little about what a sentence is about (for summaries).
_STOP_WORD_LIST = """
    a about above after again against ago all almost along already also although always
    am among an and another any anyone anything are around as at be became because become
    been before being below between both but by can cannot could did do does doing done
    down during each either else even ever every few for from further had has have having
    he her here hers herself him himself his how however i if in into is it its itself
    just last least less like made make many may me might more most much must my myself
    near neither no nor not now of off often on once one only or other others our ours
    ourselves out over own per perhaps put quite rather said same say says see seen shall
    she should since so some still such than that the their theirs them themselves then
    there therefore these they this those though through thus to too toward towards under
    until up upon us very via was we well were what whatever when where whether which while
    who whom whose why will with within without would yet you your yours yourself
    yourselves"""
ENGLISH_STOP_WORDS = frozenset(_STOP_WORD_LIST.split())

_CANDIDATE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def split_english_sentences(text: str) -> list[str]:
    """Split English ``text`` into sentences, each stripped of surrounding whitespace."""
    sentences: list[str] = []
    for block in _BLANK_LINE.split(text):
        start = 0
        for match in _CANDIDATE.finditer(block):
            if _ends_sentence(block, match):
                sentences.append(block[start : match.end()])
                start = match.end()
        sentences.append(block[start:])
    return [sentence.strip() for sentence in sentences if sentence.strip()]


def english_words(text: str) -> list[str]:
    """The words and numbers of ``text``: ``"U.S.-backed, 2.5%"`` -> U.S, backed, 2.5."""
    return _WORD.findall(text)


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    following = text[match.end() :].lstrip()
    if not following:
        return True
    first = following[0]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘«(["):
        return False  # lower case goes on: "approx. five", "e.g. this", "Wait... what"
    if not match[0].startswith(".") or match[0].startswith(".."):
        return True
    word = text[: match.start()].split()[-1].lstrip("\"'“‘«([") if match.start() else ""
    if not word:
        return True
    if _INITIALISM.fullmatch(word):  # U.S, e.g, i.e
        next_word = following.split()[0].strip("\"'“‘«([").lower()
        return next_word in _SENTENCE_OPENERS
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. K. Rowling"
    if word == "No":
        return not first.isdigit()  # "No. 5", but "He said No. Then..."
    return word.lower() not in _ABBREVIATIONS
