"""The BPE tokenizer of Argos packages that carry ``bpe.model`` instead of SentencePiece.

Such a package was trained on text split into words and punctuation (Moses style)
and then into subword-nmt BPE units: ``bpe.model`` is the list of merges, one pair
of symbols a line, best first, after an optional ``#version: 0.2`` line. A word
starts as its characters, the last one marked with ``</w>``; the best-ranked
adjacent pair is merged until none is left; every unit but a word's last gets
``@@``. Decoding joins the units and puts the punctuation back against its words.

The word split here is a simplified Moses tokenizer (words, numbers with their
decimal and thousands marks, single punctuation marks), written for Tarjama; it
needs no extra package. ``BpeTokenizer`` answers the calls the translator makes on a
SentencePiece processor: ``encode``, ``decode_pieces`` and ``get_piece_size``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

END = "</w>"
JOINER = "@@"
_VERSION = re.compile(r"^#version:\s*(\d+)\.(\d+)")
# Numbers keep their inner marks (12.5, 1,000, ١٢٫٥), so a figure stays one word.
_WORD = re.compile(r"\d+(?:[.,\u066b\u066c]\d+)*|[^\W\d]+|[^\w\s]")
_NO_SPACE_BEFORE = re.compile(r" ([.,!?;:%)\]}»،؛؟…])")
_NO_SPACE_AFTER = re.compile(r"([(\[{«$]) ")


def moses_words(text: str) -> list[str]:
    """``text`` split into words, numbers and punctuation marks."""
    return _WORD.findall(text)


class BpeTokenizer:
    """Applies subword-nmt BPE merges to words; the translator uses it like SentencePiece."""

    def __init__(self, merges: Iterable[tuple[str, str]], *, version: tuple[int, int] = (0, 2)):
        self.ranks = {pair: rank for rank, pair in enumerate(merges)}
        self.version = version
        self._cached = lru_cache(maxsize=65536)(self._segment_word)

    @classmethod
    def load(cls, path: str | Path) -> BpeTokenizer:
        """Read a codes file.

        Raises:
            ValueError: when a line is not a pair of symbols or the file has no merges.
            OSError, UnicodeDecodeError: when it cannot be read.
        """
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        version = (0, 1)
        if lines and (match := _VERSION.match(lines[0])):
            version = (int(match.group(1)), int(match.group(2)))
            lines = lines[1:]
        merges = []
        for number, line in enumerate(lines, start=2 if version != (0, 1) else 1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 2:
                raise ValueError(f"line {number} is not a pair of symbols: {line[:40]!r}")
            merges.append((parts[0], parts[1]))
        if not merges:
            raise ValueError("it holds no merges")
        return cls(merges, version=version)

    # -- what the translator calls ----------------------------------------------------

    def encode(self, text: str, out_type: type = str) -> list[str]:
        """The BPE units of ``text`` (strings, whatever ``out_type`` asks: there are no ids)."""
        units: list[str] = []
        for word in moses_words(text):
            units.extend(self._cached(word))
        return units

    def decode_pieces(self, pieces: Sequence[str]) -> str:
        text = " ".join(pieces).replace(JOINER + " ", "")
        text = text.removesuffix(JOINER)
        text = _NO_SPACE_BEFORE.sub(r"\1", text)
        return _NO_SPACE_AFTER.sub(r"\1", text)

    def get_piece_size(self) -> int:
        return len(self.ranks) + 1

    # -- BPE ----------------------------------------------------------------------------

    def _segment_word(self, word: str) -> tuple[str, ...]:
        # Version 0.1 codes see the end of a word as a symbol of its own.
        symbols = [*word, END] if self.version == (0, 1) else [*word[:-1], word[-1] + END]
        while len(symbols) > 1:
            ranked = [(rank, index)
                      for index, pair in enumerate(itertools.pairwise(symbols))
                      if (rank := self.ranks.get(pair)) is not None]
            if not ranked:
                break
            index = min(ranked)[1]
            symbols = _merge(symbols, symbols[index], symbols[index + 1])
        if symbols[-1] == END:
            symbols = symbols[:-1]
        elif symbols[-1].endswith(END):
            symbols[-1] = symbols[-1][: -len(END)]
        return (*(s + JOINER for s in symbols[:-1]), symbols[-1])


def _merge(symbols: list[str], first: str, second: str) -> list[str]:
    """Every occurrence of the pair ``first second`` joined, left to right."""
    merged: list[str] = []
    index = 0
    while index < len(symbols):
        if index + 1 < len(symbols) and symbols[index] == first and symbols[index + 1] == second:
            merged.append(first + second)
            index += 2
        else:
            merged.append(symbols[index])
            index += 1
    return merged


def load_bpe(pack_name: str, path: str | Path) -> BpeTokenizer:
    """The BPE tokenizer of an Argos package, for the translator.

    Raises:
        PackError: when ``path`` is not a readable codes file.
    """
    from tarjama.core.errors import PackError

    try:
        return BpeTokenizer.load(path)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise PackError(
            f"Pack {pack_name!r} cannot be used: {path} is not a valid BPE codes file ({error})."
        ) from error
