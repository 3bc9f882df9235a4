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

import contextlib
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from tarjama.core.errors import Cancelled, PackError
from tarjama.core.packs.family import family_of
from tarjama.core.packs.pack import Pack
from tarjama.core.translate_ahead import EngineAhead
from tarjama.core.translate_engine import load_engine, machine_threads
from tarjama.core.translate_options import (
    Reviser,
    TranslationOptions,
    TranslationStats,
)
from tarjama.core.translate_pieces import Tokenising
from tarjama.core.translate_result import BLANK, Translation, hypothesis_score
from tarjama.core.translate_windows import engine_calls
from tarjama.core.translation_cache import TranslationCache

if TYPE_CHECKING:
    import ctranslate2

__all__ = ["Reviser", "TranslationOptions", "TranslationStats", "Translator", "machine_threads"]


class Translator(Tokenising):
    """Translates Arabic sentences to English with one pack.

    ``translate`` may run in several threads at once (the batch keeps two windows in
    flight): each call keeps its own state, the models load once under a lock, and
    CTranslate2 queues the calls' batches for its replicas. ``last_stats`` is then the
    latest call's.
    """

    # A streamed article's windows after the opening ones: the first of WINDOW_BATCHES
    # engine batches, each later one WINDOW_GROWTH times the one before (_windows).
    WINDOW_BATCHES = 4
    WINDOW_GROWTH = 8

    def __init__(self, pack: Pack, options: TranslationOptions | None = None, *,
                 cache: TranslationCache | None = None) -> None:
        super().__init__()
        self.pack = pack
        self.options = options or TranslationOptions()
        self.last_stats = TranslationStats()
        self._cache = cache
        self._engine: ctranslate2.Translator | None = None
        self._load_lock = threading.Lock()
        self.device = ""
        self.compute_type = ""
        self.threads = self.options.threads if self.options.threads > 0 else machine_threads()
        self.family = family_of(pack)

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
        split_batches: bool = False,
    ) -> list[str]:
        """Translate ``sentences``; one result per sentence, "" for blank ones.

        With ``stream`` (the default) the sentences go to the engine one batch at a time,
        in windows that grow, so the first results come back early; ``stream=False`` hands
        them all to one engine call (for batch jobs that feed their own windows and check
        cancel between them); with ``split_batches`` too, each batch that call would make
        is an engine call of its own (``engine_batches_of``), so progress, cancel and
        ``revise`` follow every batch and the batches do not change however the sentences
        are later shared between machines (``batch/window_parts``). ``opening`` holds how
        many engine batches each of the first windows may make (``(1,)``: the first window
        is one batch); the later ones start at ``WINDOW_BATCHES`` and grow
        (``translate_windows``).

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
        # translated once.
        pending = self.engine_keys(sentences)
        for index in pending.pop("", []):
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
        calls = list(self._engine_calls(list(pending), tokens, stream, opening, split_batches))
        with EngineAhead(self._submit, self._collect,
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

    def engine_batches_of(self, sentences: Sequence[str]) -> list[list[int]]:
        """The engine batches of ``translate(sentences, stream=False, split_batches=True)``
        with nothing cached: each batch as the indexes of its sentences (the first of those
        translated alike), in reading order; longest batch first."""
        keys = self.engine_keys(sentences)
        keys.pop("", None)
        places = [indexes[0] for indexes in keys.values()]
        lengths = [len(self.tokenize(key)) for key in keys]
        return [[places[i] for i in call] for call in engine_calls(
            lengths, self.options.max_batch_tokens, stream=False, split_batches=True)]

    def _engine_calls(self, keys: list[str], tokens: dict[str, list[str]], stream: bool,
                      opening: Sequence[int] = (), split_batches: bool = False
                      ) -> Iterator[list[str]]:
        """The sentences of each engine call (``translate_windows.engine_calls``)."""
        for call in engine_calls([len(tokens[key]) for key in keys],
                                 self.options.max_batch_tokens, stream=stream,
                                 split_batches=split_batches, opening=opening,
                                 later=self.WINDOW_BATCHES, growth=self.WINDOW_GROWTH):
            yield [keys[i] for i in call]

    def _translate_batch(self, tokens: list[list[str]],
                         hypotheses: int = 1) -> list[list[Translation]]:
        """Each sentence's ``hypotheses`` best translations, best first, in one engine call.

        More than one hypothesis widens the beam to at least as many.
        """
        return self._collect(self._submit(tokens, hypotheses))

    def _submit(self, tokens: list[list[str]], hypotheses: int = 1) -> list[Any]:
        """Hand one call to the engine without waiting (``translate_ahead``); its
        pending results, for ``_collect``."""
        engine = self.engine
        options = self.batch_options()
        if hypotheses > 1:
            options["beam_size"] = max(hypotheses, options["beam_size"])
            options["num_hypotheses"] = hypotheses
        prefix = list(self.family.target_prefix)
        targets = {"target_prefix": [prefix] * len(tokens)} if prefix else {}
        with self._engine_failure():
            return list(engine.translate_batch(tokens, **targets, **options, asynchronous=True))

    def _collect(self, pending: list[Any]) -> list[list[Translation]]:
        """Wait for a submitted call (the GIL is released meanwhile); its hypotheses."""
        with self._engine_failure():
            outputs = [result.result() for result in pending]
        return [[Translation(self.detokenize(pieces), hypothesis_score(output, rank))
                 for rank, pieces in enumerate(output.hypotheses)] for output in outputs]

    @contextlib.contextmanager
    def _engine_failure(self) -> Iterator[None]:
        try:
            yield
        except (RuntimeError, ValueError) as error:
            raise PackError(
                f"The translation model of pack {self.pack.name!r} failed while translating: "
                f"{error}"
            ) from error

    # -- loading ---------------------------------------------------------------------

    def _active_cache(self) -> TranslationCache | None:
        if not self.options.use_cache:
            return None
        if self._cache is None:
            self._cache = TranslationCache()
        return self._cache
