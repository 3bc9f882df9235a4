"""Where a streamed translation cuts its sentences into windows and engine batches.

CTranslate2 sorts what it is given by length, longest first, and fills batches of
``max_batch_tokens`` counted with padding: a batch whose longest sentence has L tokens
holds ``max_batch_tokens // L`` sentences. The larger the pool it sorts, the closer in
length the sentences of a batch and the less padding it computes: an article cut into
windows of two batches each ran at 0.87 of one call for the whole article.

So a streamed article is cut, in reading order, into *windows* that grow: the first
ones small (one engine batch, so a reader waiting for the first English gets it
soon), each later one a few times the one before. Windows end where one more sentence would
need one batch more than the window is allowed, so that no window ends in a batch of a
few leftover sentences (a batch of two cost nearly three times as much per sentence as a
full one). A window after the opening ones takes the rest of the article when the rest
would make no more batches than the next window may: that next window would be the last,
and two windows sorted as one pool pad less. At 800 sentences, windows of 14, 41, 83,
192, 411 and 59 sentences made 13 % more engine batches than one call; each window four
times the one before, the rest joining a window no smaller than itself, 6 % more padded
source tokens; this rule with windows of 1, 4, then 32 batches, 1.2 % (330 sentences:
0.9 %, 7.9 % before). Each window is then sorted and cut into engine batches exactly as
CTranslate2 would (``engine_batch_groups``), and the batches go to the engine one call
each, so progress and cancel follow every batch however large the window.

The price of large later windows is English in larger steps: the reader opening an
800-sentence article gets its first 16 sentences in English within a second and the rest
when the big window is done (sentences come back in reading order, and a window sorted by
length finishes its first sentences with its last batch); those 16 take a reader minutes.
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


def engine_batch_groups(lengths: Sequence[int], budget: int) -> list[list[int]]:
    """The batches CTranslate2 makes of sentences of these lengths, as index lists.

    Longest first, as it fills them: the longest sentence left opens a batch and sets
    how many sentences it holds. Sentences of equal length keep their order.
    """
    descending = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    groups, start = [], 0
    while start < len(descending):
        size = max(1, budget // max(lengths[descending[start]], 1))
        groups.append(descending[start:start + size])
        start += size
    return groups


def reading_windows(lengths: Sequence[int], budget: int, *, opening: Sequence[int] = (),
                    later: int = 2, growth: int = 1) -> Iterator[range]:
    """Index ranges, in reading order and covering every sentence: the windows.

    Args:
        lengths: each sentence's token count, as the engine receives it.
        budget: the engine's batch size in tokens (``max_batch_tokens``).
        opening: how many engine batches each of the first windows may make, e.g.
            ``(1,)`` for a first window of one batch.
        later: engine batches of the first window after those.
        growth: how many times larger each later window is than the one before.
    """
    start, total, number = 0, len(lengths), 0
    while start < total:
        allowed = (opening[number] if number < len(opening)
                   else later * growth ** (number - len(opening)))
        window = [lengths[start]]  # ascending
        end = start + 1
        while end < total:
            bisect.insort(window, lengths[end])
            if _batches_of_sorted(window, budget) > allowed:
                break
            end += 1
        if number >= len(opening) and end < total and (
                engine_batches(lengths[end:], budget) <= allowed * growth):
            end = total  # the rest would be the next and last window: one pool pads less
        yield range(start, end)
        start, number = end, number + 1


def streamed_calls(lengths: Sequence[int], budget: int, *, opening: Sequence[int] = (),
                   later: int = 2, growth: int = 2) -> Iterator[list[int]]:
    """The sentences of each engine call of a streamed translation, as index lists.

    The windows (``reading_windows``) in reading order, each cut into the batches
    CTranslate2 would make of it; a call's indexes are in reading order (the engine
    sorts its batch itself).
    """
    for window in reading_windows(lengths, budget, opening=opening, later=later,
                                  growth=growth):
        for group in engine_batch_groups(lengths[window.start:window.stop], budget):
            yield [window.start + i for i in sorted(group)]


def engine_calls(lengths: Sequence[int], budget: int, *, stream: bool,
                 split_batches: bool = False, opening: Sequence[int] = (), later: int = 2,
                 growth: int = 2) -> Iterator[list[int]]:
    """The sentences of each engine call of a translation, as index lists in reading order.

    With ``stream``, the batches of windows that grow (``streamed_calls``); without it, one
    call of everything, or with ``split_batches`` each batch that call would make as a
    call of its own, longest first. A call of one batch is translated as that batch
    whatever else is sent with or after it, so the split batches of a contiguous run of
    them are the same batches again (how ``batch/window_parts`` shares a window out).
    """
    if not lengths:
        return
    budget = max(1, budget)
    if stream:
        yield from streamed_calls(lengths, budget, opening=opening, later=later,
                                  growth=growth)
    elif split_batches:
        for group in engine_batch_groups(lengths, budget):
            yield sorted(group)
    else:
        yield list(range(len(lengths)))
