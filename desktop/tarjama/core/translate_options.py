"""The translator's options and counters, and the shape of a revising step.

Kept apart from ``translate.py`` (the engine work) so callers can build options and
revisers without importing it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from tarjama.core.translate_result import Translation

# Asks for ``count`` hypotheses of some sentences of the current window (their places
# in it), best first, in one engine call.
Retranslate = Callable[[Sequence[int], int], list[list[Translation]]]


class Reviser(Protocol):
    """A step that may replace a window's first-best translations (see ``core/repair.py``)."""

    @property
    def cache_settings(self) -> str:
        """What the step changes in the output, as part of the cache key."""
        ...

    def __call__(self, indexes: Sequence[int], translations: Sequence[Translation],
                 retranslate: Retranslate) -> list[Translation]:
        """``indexes`` are the input positions of the window's sentences (one each)."""
        ...


@dataclass(frozen=True)
class TranslationOptions:
    device: str = "auto"          # auto | cpu | cuda
    compute_type: str = "auto"    # auto: int8 on CPU, int8_float16 on CUDA
    beam_size: int = 2
    max_batch_tokens: int = 2048
    max_decoding_length: int = 256
    threads: int = 0              # 0: matched to the machine
    # On the CPU, the engine's batches run side by side, one thread each (CTranslate2's
    # inter_threads), instead of one after another on every thread: for a folder, where
    # the driver's own work shares the cores with the engine (a second thread of one
    # batch waited for a preempted first one: 0.71 of raw, against 1.0 side by side).
    # The reader keeps one batch on every thread: its first sentence comes sooner.
    batches_side_by_side: bool = False
    use_cache: bool = True
    # Eastern Arabic/Persian digits and ٫ ٬ ٪ reach the engine as 0-9 . , % (the source
    # text the caller holds is never changed; see source_digits.py).
    normalise_digits: bool = True

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
    retranslated: int = 0  # distinct sentences a reviser asked hypotheses of
    revised: int = 0  # of those, how many it replaced
