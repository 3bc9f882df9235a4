"""The translator's SentencePiece side: what the engine is given, and what it gives back.

``Tokenising`` is the part of ``translate.Translator`` that turns text into the pieces
CTranslate2 receives and its pieces back into text. The models load on first use, once,
under a lock of their own (tokenising never waits for the engine to load).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tarjama.core.source_digits import normalise_source_digits
from tarjama.core.translate_engine import load_sentencepiece
from tarjama.core.translation_cache import normalise_sentence

if TYPE_CHECKING:
    import sentencepiece

    from tarjama.core.packs.family import ModelFamily
    from tarjama.core.packs.pack import Pack
    from tarjama.core.translate_options import TranslationOptions

_DROPPED_PIECES = frozenset({"<s>", "</s>", "<pad>", "<blank>"})


class Tokenising:
    """Source text to engine pieces and target pieces to text, for one pack."""

    pack: Pack
    options: TranslationOptions
    family: ModelFamily

    def __init__(self) -> None:
        self._pieces: tuple[sentencepiece.SentencePieceProcessor, ...] = ()  # source, target
        self._pieces_lock = threading.Lock()

    def engine_text(self, text: str) -> str:
        """What the engine is given for ``text`` (digits normalised when the option is on)."""
        return normalise_source_digits(text) if self.options.normalise_digits else text

    def count_tokens(self, text: str) -> int:
        """Number of SentencePiece pieces in ``text`` (what the segmenter budgets for)."""
        return len(self._source().encode(self.engine_text(text)))

    def tokenize(self, text: str) -> list[str]:
        """The source pieces the engine receives for ``text``."""
        pieces: list[str] = self._source().encode(self.engine_text(text), out_type=str)
        family = self.family
        return [*family.source_prefix, *pieces, *family.source_suffix]

    def detokenize(self, pieces: Sequence[str]) -> str:
        dropped = self.family.output_dropped
        kept = [p for p in pieces if p not in _DROPPED_PIECES and p not in dropped]
        # Pieces the target model does not know come back verbatim; show their
        # word-boundary marks as spaces rather than as "▁".
        text = str(self._target().decode_pieces(kept)).replace("\u2581", " ")
        return " ".join(text.split())

    def engine_key(self, sentence: str) -> str:
        """What the engine translates ``sentence`` as: sentences of one key are translated
        once, and "" needs no engine at all."""
        return normalise_sentence(self.engine_text(sentence))

    def engine_keys(self, sentences: Sequence[str]) -> dict[str, list[int]]:
        """The indexes of ``sentences`` under each one's ``engine_key``, in reading order
        (blank ones under "")."""
        keys: dict[str, list[int]] = {}
        for index, sentence in enumerate(sentences):
            keys.setdefault(self.engine_key(sentence), []).append(index)
        return keys

    def _source(self) -> sentencepiece.SentencePieceProcessor:
        return (self._pieces or self._load_pieces())[0]

    def _target(self) -> sentencepiece.SentencePieceProcessor:
        return (self._pieces or self._load_pieces())[1]

    def _load_pieces(self) -> tuple[sentencepiece.SentencePieceProcessor, ...]:
        with self._pieces_lock:
            if not self._pieces:
                source = load_sentencepiece(self.pack, self.pack.source_spm)
                same = self.pack.target_spm == self.pack.source_spm
                self._pieces = (source, source if same else
                                load_sentencepiece(self.pack, self.pack.target_spm))
            return self._pieces

