"""Finding glossary terms in Arabic text, whatever the spelling and the prefixes.

Both the glossary's terms and the text are compared in one normalised spelling:
no diacritics or tatweel, bare alef for أ إ آ ٱ, ي for ى, digits 0-9 (٢٠ is 20), and
ه for a final ة (many writers, Egyptian papers above all, end "غزة" as "غزه"; no two
glossary names are told apart by that letter alone). A word of the text may carry the
proclitics a news sentence puts on a name: a conjunction (و ف), a preposition (ب ل ك)
and the article (ال; ل + ال is written لل), alone or combined: والأونروا، بالأونروا،
للأونروا، فبالأونروا.

A term that starts with the article (الأونروا) matches a word that has it (والأونروا,
للأونروا) but not one without (a term "القاعدة" must not match "قاعدة عسكرية"); a term
without it (أونروا) matches both. Words after the first must be equal once normalised,
and separated by spaces only. Matches are whole words, found in one pass over the text:
terms are indexed by their first word without the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from tarjama.core.arabic_text import normalize_arabic

# Letters, digits ("الـ20") and the Arabic marks written on letters; punctuation and
# spaces end a word.
_WORD = re.compile(r"(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed])+")
_BETWEEN_WORDS = re.compile(r"[\s\u200c-\u200f]+")
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")
ARTICLE = "ال"
SHORTEST_STEM = 2  # letters left once prefixes are taken off: "وفي" is not و + "في"...


@lru_cache(maxsize=1 << 16)  # news repeats its words; a word costs a few microseconds
def normal_word(word: str) -> str:
    """One word in the spelling terms are compared in: "الأُونروا" -> "الاونروا"."""
    text = normalize_arabic(word, unify_alef=True, unify_alef_maqsura=True,
                            ascii_digits=True).casefold()
    return text[:-1] + "ه" if text.endswith("ة") else text


def term_key(arabic: str) -> tuple[bool, tuple[str, ...]]:
    """A term as it is indexed: (starts with the article, its words without it).

    "الأمم المتحدة" -> (True, ("امم", "المتحده")); "غزة" -> (False, ("غزه",)).
    """
    words = tuple(normal_word(m.group()) for m in _WORD.finditer(arabic))
    if not words:
        return False, ()
    first = words[0]
    if first.startswith(ARTICLE) and len(first) - len(ARTICLE) >= SHORTEST_STEM:
        return True, (first[len(ARTICLE):], *words[1:])
    return False, words


@lru_cache(maxsize=1 << 16)
def stem_readings(word: str) -> tuple[tuple[bool, str], ...]:
    """``stems`` of a word, kept for the next time the word comes."""
    return tuple(stems(word))


def stems(word: str) -> Iterator[tuple[bool, str]]:
    """Each reading of a normalised word as prefixes + stem: (has the article, stem).

    "وللاونروا" -> (False, "وللاونروا"), (False, "للاونروا"), (False, "لاونروا"),
    (True, "اونروا")...: at most a dozen readings, whatever the word.
    """
    for conjunction in _CONJUNCTIONS:
        if not word.startswith(conjunction):
            continue
        after_conjunction = word[len(conjunction):]
        for preposition in _PREPOSITIONS:
            if not after_conjunction.startswith(preposition):
                continue
            rest = after_conjunction[len(preposition):]
            if len(rest) >= SHORTEST_STEM:
                yield False, rest
            if rest.startswith(ARTICLE) and len(rest) - len(ARTICLE) >= SHORTEST_STEM:
                yield True, rest[len(ARTICLE):]
            elif preposition == "ل" and rest.startswith("ل") and len(rest) > SHORTEST_STEM:
                yield True, rest[1:]  # "للاونروا": ل + ال, the alef dropped


@dataclass(frozen=True)
class TermMatch:
    """Where the term numbered ``term`` stands: ``text[start:end]`` (whole words)."""

    term: int
    start: int
    end: int


class TermIndex:
    """Terms indexed by their first word, searched for in one pass over a text."""

    def __init__(self, terms: Iterable[str]) -> None:
        # stem of the first word -> (term number, needs the article, the other words)
        self._by_first: dict[str, list[tuple[int, bool, tuple[str, ...]]]] = {}
        for number, arabic in enumerate(terms):
            article, words = term_key(arabic)
            if words:
                self._by_first.setdefault(words[0], []).append((number, article, words[1:]))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda c: -len(c[2]))  # the longest term wins

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def find(self, text: str) -> list[TermMatch]:
        """The terms in ``text``, left to right, never overlapping; longest first."""
        if not self._by_first:
            return []
        words = [(m.start(), m.end(), normal_word(m.group())) for m in _WORD.finditer(text)]
        found: list[TermMatch] = []
        index = 0
        while index < len(words):
            best = self._longest_at(text, words, index)
            if best is None:
                index += 1
                continue
            number, length = best
            found.append(TermMatch(number, words[index][0], words[index + length - 1][1]))
            index += length
        return found

    def _longest_at(self, text: str, words: list[tuple[int, int, str]],
                    index: int) -> tuple[int, int] | None:
        """(term number, words it covers) of the longest term starting at word ``index``."""
        best: tuple[int, int] | None = None
        for has_article, stem in stem_readings(words[index][2]):
            for number, needs_article, rest in self._by_first.get(stem, ()):
                length = 1 + len(rest)
                if needs_article and not has_article:
                    continue
                if best is not None and length <= best[1]:
                    continue
                if self._followed_by(text, words, index, rest):
                    best = (number, length)
        return best

    @staticmethod
    def _followed_by(text: str, words: list[tuple[int, int, str]], index: int,
                     rest: tuple[str, ...]) -> bool:
        if index + len(rest) >= len(words):
            return False
        for offset, expected in enumerate(rest, start=1):
            start, _, word = words[index + offset]
            previous_end = words[index + offset - 1][1]
            if word != expected or not _BETWEEN_WORDS.fullmatch(text, previous_end, start):
                return False
        return True
