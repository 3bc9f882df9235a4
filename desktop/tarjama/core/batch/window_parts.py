"""A window shared out between workers in runs of its engine batches, and put together.

``translate_window`` hands a window's sentences to the engine one batch at a time:
sorted by length, longest first, each batch as many sentences as the token budget
allows (``Translator.engine_batches_of``). A contiguous run of those batches, translated
on its own the same way, makes the very same batches, so the window can be cut into
runs, one per worker, and the translations put back in reading order are the bytes the
whole window gives in one place. Cutting windows (rather than sending each whole to one
worker) keeps every worker busy to the end of a batch: with whole windows, the last one
ran on one worker while the others waited.

Every batch but the last is filled to about the token budget (its size times its longest
sentence), so runs of equal batch counts are runs of about equal work.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tarjama.core.translate_result import BLANK

if TYPE_CHECKING:
    from tarjama.core.pipeline import SentenceResult
    from tarjama.core.translate import Translator
    from tarjama.core.translate_result import Translation


def window_parts(translator: Translator, results: Sequence[SentenceResult],
                 parts: int) -> list[list[int]]:
    """Indexes into ``results`` of each part's sentences, in reading order.

    At most ``parts`` contiguous runs of the window's engine batches, of equal batch
    counts give or take one; one part when ``parts`` is 1 or the window is one batch.
    Sentences the engine translates alike appear once, the first of them; blank ones not
    at all.
    """
    batches = translator.engine_batches_of([r.sentence.text for r in results])
    count = max(1, min(parts, len(batches)))
    runs, start = [], 0
    for number in range(count):
        end = start + (len(batches) - start) // (count - number)
        runs.append(sorted(index for batch in batches[start:end] for index in batch))
        start = end
    return [run for run in runs if run]


def joined_parts(translator: Translator, results: Sequence[SentenceResult],
                 parts: Sequence[Sequence[int]],
                 translated: Sequence[Sequence[Translation]]) -> list[Translation]:
    """One translation per sentence of ``results``, from each part's translations.

    Raises:
        ValueError: a part came back with the wrong number of translations, or a
            sentence is in no part.
    """
    keys = [translator.engine_key(result.sentence.text) for result in results]
    by_key: dict[str, Translation] = {"": BLANK}
    for part, translations in zip(parts, translated, strict=True):
        if len(part) != len(translations):
            raise ValueError(f"a part of {len(part)} sentences came back with "
                             f"{len(translations)} translations")
        for index, translation in zip(part, translations, strict=True):
            by_key[keys[index]] = translation
    missing = [result for result, key in zip(results, keys, strict=True) if key not in by_key]
    if missing:
        raise ValueError(f"no part translated {missing[0].sentence.text[:40]!r}")
    return [by_key[key] for key in keys]
