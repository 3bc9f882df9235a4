"""Sentence translation with CTranslate2 and SentencePiece.

The translator tokenises with the pack's source SentencePiece model, sends
length-sorted batches bounded by a token budget to CTranslate2, and
detokenises with the target model. Finished sentences are handed back in input
order as soon as every earlier one is known; translations are read from and
written to the persistent cache, and the CTranslate2 model is only loaded when
a sentence is missing from it.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tarjama.core.errors import Cancelled, PackError
from tarjama.core.packs.family import family_of
from tarjama.core.packs.pack import Pack
from tarjama.core.translate_windows import reading_windows
from tarjama.core.translation_cache import TranslationCache, normalise_sentence

if TYPE_CHECKING:
    import ctranslate2
    import sentencepiece

log = logging.getLogger(__name__)

# Preferred compute types, best first; the first one the device supports is used.
_COMPUTE_PREFERENCES = {
    "cpu": ("int8", "int8_float32", "float32"),
    "cuda": ("int8_float16", "int8_float32", "float16", "int8", "float32"),
}
_DROPPED_PIECES = frozenset({"<s>", "</s>", "<pad>", "<blank>"})


@dataclass(frozen=True)
class TranslationOptions:
    device: str = "auto"          # auto | cpu | cuda
    compute_type: str = "auto"    # auto: int8 on CPU, int8_float16 on CUDA
    beam_size: int = 2
    max_batch_tokens: int = 2048
    max_decoding_length: int = 256
    threads: int = 0              # 0: matched to the machine
    use_cache: bool = True

    def cache_settings(self) -> str:
        """The decoding settings that change a translation, as part of the cache key."""
        return f"beam={self.beam_size};max_len={self.max_decoding_length}"


@dataclass
class TranslationStats:
    """What the last ``translate`` call did; ``translated`` counts distinct sentences."""

    sentences: int = 0
    empty: int = 0
    cached: int = 0
    translated: int = 0
    batches: int = 0
    seconds: float = 0.0


def machine_threads() -> int:
    """The CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class Translator:
    """Translates Arabic sentences to English with one pack. Use from one thread at a time."""

    # How many engine batches' worth of sentences go to CTranslate2 in one call (see _batches).
    WINDOW_BATCHES = 2

    def __init__(self, pack: Pack, options: TranslationOptions | None = None, *,
                 cache: TranslationCache | None = None) -> None:
        self.pack = pack
        self.options = options or TranslationOptions()
        self.last_stats = TranslationStats()
        self._cache = cache
        self._engine: ctranslate2.Translator | None = None
        self._source_sp: sentencepiece.SentencePieceProcessor | None = None
        self._target_sp: sentencepiece.SentencePieceProcessor | None = None
        self._load_lock = threading.Lock()
        self.device = ""
        self.compute_type = ""
        self.threads = self.options.threads if self.options.threads > 0 else machine_threads()
        self.family = family_of(pack)

    # -- tokenisation -------------------------------------------------------------

    def count_tokens(self, text: str) -> int:
        """Number of SentencePiece pieces in ``text`` (what the segmenter budgets for)."""
        return len(self._source().encode(text))

    def tokenize(self, text: str) -> list[str]:
        """The source pieces the engine receives for ``text``."""
        pieces: list[str] = self._source().encode(text, out_type=str)
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
                self._engine = self._load_engine()
            return self._engine

    def batch_options(self) -> dict[str, Any]:
        """Keyword arguments for ``ctranslate2.Translator.translate_batch``."""
        return {
            "beam_size": self.options.beam_size,
            "max_decoding_length": self.options.max_decoding_length,
            "max_batch_size": self.options.max_batch_tokens,
            "batch_type": "tokens",
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
    ) -> list[str]:
        """Translate ``sentences``; one result per sentence, "" for blank ones.

        With ``stream`` (the default) the sentences go to the engine a few batches at a
        time, so the first results come back early; ``stream=False`` hands them all to
        one engine call, which batches them best (for batch jobs that feed their own
        windows and check cancel between them). ``opening`` holds how many engine batches
        each of the first windows may make (``(1,)``: the first window is one batch); the
        later ones make ``WINDOW_BATCHES`` (see ``translate_windows``).

        ``on_result(index, text)`` is called in input order, each as soon as all
        earlier sentences are known. ``progress(done, total)`` follows every batch.

        Raises:
            Cancelled: when ``cancel`` is set; checked before each batch.
            PackError: when the model cannot be loaded or run.
        """
        started = time.perf_counter()
        total = len(sentences)
        stats = TranslationStats(sentences=total)
        self.last_stats = stats
        results: list[str | None] = [None] * total
        emitted = 0

        def deliver() -> None:
            nonlocal emitted
            while emitted < total and results[emitted] is not None:
                if on_result is not None:
                    on_result(emitted, results[emitted] or "")
                emitted += 1

        # Blank sentences need no engine; identical sentences are translated once.
        pending: dict[str, list[int]] = {}
        for index, sentence in enumerate(sentences):
            key = normalise_sentence(sentence)
            if key:
                pending.setdefault(key, []).append(index)
            else:
                results[index] = ""
                stats.empty += 1

        cache = self._active_cache()
        settings = self.options.cache_settings()
        if cache is not None and pending:
            for key, translation in cache.get_many(self.pack.fingerprint, settings,
                                                   pending).items():
                for index in pending.pop(key):
                    results[index] = translation
                    stats.cached += 1

        done = total - sum(len(indexes) for indexes in pending.values())
        deliver()
        if progress is not None:
            progress(done, total)

        tokens = {key: self.tokenize(key) for key in pending}
        everything = [list(pending)] if pending else []
        windows = (self._batches(list(pending), tokens, opening) if stream
                   else iter(everything))
        for batch in windows:
            if cancel is not None and cancel.is_set():
                stats.seconds = time.perf_counter() - started
                raise Cancelled("Translation cancelled.")
            translations = self._translate_batch([tokens[key] for key in batch])
            for key, translation in zip(batch, translations, strict=True):
                for index in pending[key]:
                    results[index] = translation
                    done += 1
            stats.translated += len(batch)
            stats.batches += 1
            if cache is not None:
                cache.put_many(self.pack.fingerprint, settings, zip(batch, translations,
                                                                    strict=True))
            deliver()
            if progress is not None:
                progress(done, total)

        stats.seconds = time.perf_counter() - started
        return [r or "" for r in results]

    def _batches(self, keys: list[str], tokens: dict[str, list[str]],
                 opening: Sequence[int] = ()) -> Iterator[list[str]]:
        """Cut the sentences, in reading order, into windows of a few engine batches each.

        CTranslate2 sorts each window by length and fills its batches exactly as a direct
        ``translate_batch`` call would; between windows, results stream back in reading
        order and cancel is checked.
        """
        lengths = [len(tokens[key]) for key in keys]
        for window in reading_windows(lengths, max(1, self.options.max_batch_tokens),
                                      opening=opening, later=self.WINDOW_BATCHES):
            yield keys[window.start:window.stop]

    def _translate_batch(self, tokens: list[list[str]]) -> list[str]:
        engine = self.engine
        try:
            prefix = list(self.family.target_prefix)
            targets = {"target_prefix": [prefix] * len(tokens)} if prefix else {}
            outputs = engine.translate_batch(tokens, return_scores=False, **targets,
                                             **self.batch_options())
        except (RuntimeError, ValueError) as error:
            raise PackError(
                f"The translation model of pack {self.pack.name!r} failed while translating: "
                f"{error}"
            ) from error
        return [self.detokenize(output.hypotheses[0]) for output in outputs]

    # -- loading ---------------------------------------------------------------------

    def _active_cache(self) -> TranslationCache | None:
        if not self.options.use_cache:
            return None
        if self._cache is None:
            self._cache = TranslationCache()
        return self._cache

    def _source(self) -> sentencepiece.SentencePieceProcessor:
        if self._source_sp is None:
            self._source_sp = _load_sentencepiece(self.pack, self.pack.source_spm)
        return self._source_sp

    def _target(self) -> sentencepiece.SentencePieceProcessor:
        if self._target_sp is None:
            if self.pack.target_spm == self.pack.source_spm:
                self._target_sp = self._source()
            else:
                self._target_sp = _load_sentencepiece(self.pack, self.pack.target_spm)
        return self._target_sp

    def _load_engine(self) -> ctranslate2.Translator:
        import ctranslate2

        device = self.options.device
        if device == "auto":
            device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        elif device == "cuda" and ctranslate2.get_cuda_device_count() == 0:
            log.warning("no CUDA device found; translating on the CPU")
            device = "cpu"
        compute_type = _pick_compute_type(ctranslate2, device, self.options.compute_type)
        try:
            engine = ctranslate2.Translator(
                str(self.pack.model_dir),
                device=device,
                compute_type=compute_type,
                intra_threads=self.threads,
                inter_threads=1,
            )
        except (RuntimeError, ValueError, OSError) as error:
            raise PackError(
                f"The translation model in {self.pack.model_dir} cannot be loaded: {error}. "
                "The pack may be damaged; reinstall it."
            ) from error
        self.device, self.compute_type = device, compute_type
        log.info("loaded %s on %s (%s, %d threads)", self.pack.name, device, compute_type,
                 self.threads)
        return engine


def _pick_compute_type(ctranslate2: Any, device: str, wanted: str) -> str:
    supported = set(ctranslate2.get_supported_compute_types(device))
    if wanted != "auto" and wanted in supported:
        return wanted
    if wanted != "auto":
        log.warning("compute type %s is not supported on %s; choosing another", wanted, device)
    for candidate in _COMPUTE_PREFERENCES.get(device, ()):
        if candidate in supported:
            return candidate
    return "default"


def _load_sentencepiece(pack: Pack, path: Any) -> sentencepiece.SentencePieceProcessor:
    import sentencepiece

    try:
        return sentencepiece.SentencePieceProcessor(model_file=str(path))
    except (OSError, RuntimeError) as error:
        raise PackError(
            f"Pack {pack.name!r} cannot be used: {path} is not a valid SentencePiece model."
        ) from error
