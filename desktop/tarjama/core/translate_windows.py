"""Where a streamed translation cuts its sentences into engine calls ("windows").

Each window goes to CTranslate2 in one ``translate_batch`` call, which sorts it by
length, longest first, and fills batches of ``max_batch_tokens`` counted with padding:
a batch whose longest sentence has L tokens holds ``max_batch_tokens // L`` sentences.
Windows are cut in reading order where one more sentence would make that filling need
one batch more than the window is allowed, so that no window ends in a batch of a few
leftover sentences (a batch of two cost nearly three times as much per sentence as a full
one). Between windows the results stream back and cancel is checked.

The first windows can be asked to be smaller (one engine batch, say), so that a reader
waiting for the first English gets it sooner; the later ones are ``later`` batches.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence


def engine_batches(lengths: Sequence[int], budget: int) -> int:
    """How many batches CTranslate2 makes of sentences of these token lengths."""
    return _batches_of_sorted(sorted(lengths), budget)


def _batches_of_sorted(ascending: list[int], budget: int) -> int:
    batches, remaining = 0, len(ascending)
    while remaining > 0:  # the longest left opens a batch and sets its size
        remaining -= max(1, budget // max(ascending[remaining - 1], 1))
        batches += 1
    return batches


def reading_windows(lengths: Sequence[int], budget: int, *, opening: Sequence[int] = (),
                    later: int = 2) -> Iterator[range]:
    """Index ranges, in reading order and covering every sentence, one per engine call.

    Args:
        lengths: each sentence's token count, as the engine receives it.
        budget: the engine's batch size in tokens (``max_batch_tokens``).
        opening: how many engine batches each of the first windows may make, e.g.
            ``(1,)`` for a first window of one batch.
        later: engine batches per window after those.
    """
    start, total, number = 0, len(lengths), 0
    while start < total:
        allowed = opening[number] if number < len(opening) else later
        window = [lengths[start]]  # ascending
        end = start + 1
        while end < total:
            bisect.insort(window, lengths[end])
            if _batches_of_sorted(window, budget) > allowed:
                break
            end += 1
        yield range(start, end)
        start, number = end, number + 1
