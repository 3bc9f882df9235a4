"""Sentence translation with CTranslate2 and SentencePiece.

The translator tokenises with the pack's source SentencePiece model, sends
length-sorted batches bounded by a token budget to CTranslate2, and
detokenises with the target model. Finished sentences are handed back in input
order as soon as every earlier one is known; translations are read from and
written to the persistent cache, and the CTranslate2 model is only loaded when
a sentence is missing from it.

Each translation carries the model's length-normalised score. A caller may pass a
``revise`` step (``core/repair.py``): it sees each window's first-best translations
before they are cached or handed back and may ask for several hypotheses of some of
them, in one more engine call. The translator itself knows nothing of figures.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from tarjama.core.errors import Cancelled, PackError
from tarjama.core.packs.family import family_of
from tarjama.core.packs.pack import Pack
from tarjama.core.source_digits import normalise_source_digits
from tarjama.core.translate_ahead import EngineAhead
from tarjama.core.translate_engine import load_engine, load_sentencepiece, machine_threads
from tarjama.core.translate_options import (
    Reviser,
    TranslationOptions,
    TranslationStats,
)
from tarjama.core.translate_result import BLANK, Translation, hypothesis_score
from tarjama.core.translate_windows import streamed_calls
from tarjama.core.translation_cache import TranslationCache, normalise_sentence

if TYPE_CHECKING:
    import ctranslate2
    import sentencepiece

__all__ = ["Reviser", "TranslationOptions", "TranslationStats", "Translator", "machine_threads"]

_DROPPED_PIECES = frozenset({"<s>", "</s>", "<pad>", "<blank>"})
class Translator:
    """Translates Arabic sentences to English with one pack.

    ``translate`` may run in several threads at once (the batch keeps two windows in
    flight): each call keeps its own state, the models load once under a lock, and
    CTranslate2 queues the calls' batches for its replicas. ``last_stats`` is then the
    latest call's.
    """

    # A streamed article's windows after the opening ones: the first of WINDOW_BATCHES
    # engine batches, each later one WINDOW_GROWTH times the one before (_windows).
    WINDOW_BATCHES = 2
    WINDOW_GROWTH = 4

    def __init__(self, pack: Pack, options: TranslationOptions | None = None, *,
                 cache: TranslationCache | None = None) -> None:
        self.pack = pack
        self.options = options or TranslationOptions()
        self.last_stats = TranslationStats()
        self._cache = cache
        self._engine: ctranslate2.Translator | None = None
        self._pieces: tuple[sentencepiece.SentencePieceProcessor, ...] = ()  # source, target
        self._load_lock = threading.Lock()
        self._pieces_lock = threading.Lock()  # not the engine's: tokenising never waits for it
        self.device = ""
        self.compute_type = ""
        self.threads = self.options.threads if self.options.threads > 0 else machine_threads()
        self.family = family_of(pack)

    # -- tokenisation -------------------------------------------------------------

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

    # -- engine ----------------------------------------------------------------------

    @property
    def engine_loaded(self) -> bool:
        return self._engine is not None

    @property
    def engine(self) -> ctranslate2.Translator:
        """The CTranslate2 translator, loaded on first use.

        Raises:
            PackError: when the model cannot be loaded, with the reason.
        """
        with self._load_lock:
            if self._engine is None:
                self._engine, self.device, self.compute_type = load_engine(
                    self.pack, self.options.device, self.options.compute_type, self.threads,
                    side_by_side=self.options.batches_side_by_side)
            return self._engine

    def batch_options(self) -> dict[str, Any]:
        """Keyword arguments for ``ctranslate2.Translator.translate_batch``."""
        return {
            "beam_size": self.options.beam_size,
            "max_decoding_length": self.options.max_decoding_length,
            "max_batch_size": self.options.max_batch_tokens,
            "batch_type": "tokens",
            # An unknown target piece would show as "⁇": the source piece it aligns with
            # is better (a name in a script the vocabulary lacks, say).
            "replace_unknowns": True,
            "return_scores": True,
        }

    # -- translation -----------------------------------------------------------------

    def translate(
        self,
        sentences: Sequence[str],
        *,
        on_result: Callable[[int, str], None] | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
        stream: bool = True,
        opening: Sequence[int] = (),
        on_translation: Callable[[int, Translation], None] | None = None,
        revise: Reviser | None = None,
    ) -> list[str]:
        """Translate ``sentences``; one result per sentence, "" for blank ones.

        With ``stream`` (the default) the sentences go to the engine one batch at a time,
        in windows that grow, so the first results come back early; ``stream=False`` hands
        them all to one engine call (for batch jobs that feed their own windows and check
        cancel between them). ``opening`` holds how many engine batches each of the first
        windows may make (``(1,)``: the first window is one batch); the later ones start
        at ``WINDOW_BATCHES`` and double (see ``translate_windows``).

        ``on_result(index, text)`` and ``on_translation(index, translation)`` (the text
        with its score and any repair) are called in input order, each as soon as all
        earlier sentences are known. ``progress(done, total)`` follows every batch.
        ``revise`` sees each engine call's translations before they are cached or handed back
        (see ``Reviser``); its ``cache_settings`` join the cache key.

        Raises:
            Cancelled: when ``cancel`` is set; checked before each batch.
            PackError: when the model cannot be loaded or run.
        """
        started = time.perf_counter()
        total = len(sentences)
        stats = TranslationStats(sentences=total)
        self.last_stats = stats
        results: list[Translation | None] = [None] * total
        emitted = 0

        def deliver() -> None:
            nonlocal emitted
            while emitted < total and (found := results[emitted]) is not None:
                if on_result is not None:
                    on_result(emitted, found.text)
                if on_translation is not None:
                    on_translation(emitted, found)
                emitted += 1

        # Blank sentences need no engine; sentences the engine would see alike are
        # translated once. A key is the engine's text (digits normalised), cache form.
        pending: dict[str, list[int]] = {}
        for index, sentence in enumerate(sentences):
            key = normalise_sentence(self.engine_text(sentence))
            if key:
                pending.setdefault(key, []).append(index)
            else:
                results[index] = BLANK
                stats.empty += 1

        cache = self._active_cache()
        settings = self.options.cache_settings()
        if revise is not None:
            settings += ";" + revise.cache_settings
        if cache is not None and pending:
            for key, translation in cache.get_entries(self.pack.fingerprint, settings,
                                                      pending).items():
                for index in pending.pop(key):
                    results[index] = translation
                    stats.cached += 1

        done = total - sum(len(indexes) for indexes in pending.values())
        deliver()
        if progress is not None:
            progress(done, total)

        tokens = {key: self.tokenize(key) for key in pending}
        calls = list(self._engine_calls(list(pending), tokens, stream, opening))
        with EngineAhead(self._translate_batch,
                         [[tokens[key] for key in batch] for batch in calls]) as ahead:
            for number, batch in enumerate(calls):
                if cancel is not None and cancel.is_set():
                    stats.seconds = time.perf_counter() - started
                    raise Cancelled("Translation cancelled.")
                batch_tokens = [tokens[key] for key in batch]
                translations = [hypotheses[0] for hypotheses in ahead.result(number)]
                if revise is not None:
                    translations = self._revised(revise, batch, batch_tokens, pending,
                                                 translations, stats)
                for key, translation in zip(batch, translations, strict=True):
                    for index in pending[key]:
                        results[index] = translation
                        done += 1
                stats.translated += len(batch)
                stats.batches += 1
                if cache is not None:
                    cache.put_entries(self.pack.fingerprint, settings,
                                      zip(batch, translations, strict=True))
                deliver()
                if progress is not None:
                    progress(done, total)

        stats.seconds = time.perf_counter() - started
        return [r.text if r is not None else "" for r in results]

    def _revised(self, revise: Reviser, batch: list[str], batch_tokens: list[list[str]],
                 pending: dict[str, list[int]], translations: list[Translation],
                 stats: TranslationStats) -> list[Translation]:
        def retranslate(places: Sequence[int], count: int) -> list[list[Translation]]:
            stats.retranslated += len(places)
            return self._translate_batch([batch_tokens[p] for p in places], hypotheses=count)

        revised = revise([pending[key][0] for key in batch], translations, retranslate)
        stats.revised += sum(new is not old for new, old in zip(revised, translations,
                                                                strict=True))
        return revised

    def _engine_calls(self, keys: list[str], tokens: dict[str, list[str]], stream: bool,
                      opening: Sequence[int] = ()) -> Iterator[list[str]]:
        """The sentences of each engine call: without ``stream`` one call of everything;
        with it, one call per engine batch of windows that grow (``streamed_calls``), so
        results, progress and cancel follow every batch."""
        if not stream:
            yield from [keys] if keys else []
            return
        for call in streamed_calls([len(tokens[key]) for key in keys],
                                   max(1, self.options.max_batch_tokens), opening=opening,
                                   later=self.WINDOW_BATCHES, growth=self.WINDOW_GROWTH):
            yield [keys[i] for i in call]

    def _translate_batch(self, tokens: list[list[str]],
                         hypotheses: int = 1) -> list[list[Translation]]:
        """Each sentence's ``hypotheses`` best translations, best first, in one engine call.

        More than one hypothesis widens the beam to at least as many.
        """
        engine = self.engine
        options = self.batch_options()
        if hypotheses > 1:
            options["beam_size"] = max(hypotheses, options["beam_size"])
            options["num_hypotheses"] = hypotheses
        try:
            prefix = list(self.family.target_prefix)
            targets = {"target_prefix": [prefix] * len(tokens)} if prefix else {}
            outputs = engine.translate_batch(tokens, **targets, **options)
        except (RuntimeError, ValueError) as error:
            raise PackError(
                f"The translation model of pack {self.pack.name!r} failed while translating: "
                f"{error}"
            ) from error
        return [[Translation(self.detokenize(pieces), hypothesis_score(output, rank))
                 for rank, pieces in enumerate(output.hypotheses)] for output in outputs]

    # -- loading ---------------------------------------------------------------------

    def _active_cache(self) -> TranslationCache | None:
        if not self.options.use_cache:
            return None
        if self._cache is None:
            self._cache = TranslationCache()
        return self._cache

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

