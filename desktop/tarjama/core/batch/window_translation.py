"""One window of a batch, translated and handed back: the step every engine shares.

The engine's output depends slightly on which sentences share an engine batch (the
scores, in the last digits), so an engine that runs windows elsewhere (``ray_engine``)
must make exactly the batches the local batch makes. ``translate_window`` is the one
step both run: a ``translate`` call with ``stream=False, split_batches=True``, which
sorts the sentences by length and sends each batch of them as an engine call of its
own, repaired on its own. A contiguous run of those batches, translated the same way,
makes the same batches again, so a window may be shared out between workers in such
runs (``window_parts``). ``deliver_window`` is what the driver then does with the
translations (attach them, report progress, finish each article in order).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tarjama.core.batch.articles import ArticleInProgress
    from tarjama.core.batch.progress import ProgressTracker
    from tarjama.core.glossary import Glossary
    from tarjama.core.pipeline import SentenceResult
    from tarjama.core.translate import Translator
    from tarjama.core.translate_result import Translation


def window_results(window: Sequence[ArticleInProgress]) -> list[SentenceResult]:
    """The window's sentences, article after article, as the engine receives them."""
    return [result for article in window for result in article.results]


def translate_window(translator: Translator, results: Sequence[SentenceResult], *,
                     repair: bool, glossary: Glossary | None,
                     progress: Callable[[int, int], None] | None = None,
                     cancel: threading.Event | None = None) -> list[Translation]:
    """Translate the sentences of ``results``, one engine call per batch, with figure
    repair.

    Only the sentences of a batch whose translation fails the fidelity check are decoded
    again, in one more engine call (``core/repair.py``). ``results`` are only read.
    """
    from tarjama.core.repair import repair_for

    translations: list[Translation] = []
    revise = repair_for(results, enabled=repair, glossary=glossary)
    translator.translate([r.sentence.text for r in results],
                         on_translation=lambda _index, t: translations.append(t),
                         progress=progress, cancel=cancel, stream=False, revise=revise,
                         split_batches=True)
    return translations


def deliver_window(window: Sequence[ArticleInProgress], translations: Sequence[Translation],
                   *, progress: ProgressTracker, glossary: Glossary | None,
                   finish: Callable[[ArticleInProgress], None],
                   end_window: Callable[[], None] | None = None) -> None:
    """Attach a window's translations in order; each article is finished once complete.

    Progress follows each sentence (the file it belongs to, ``sentence_arrived``) and
    each finished article; the window's counters move once all are delivered.
    ``end_window`` runs after the last article is finished, before those counters move
    (the local batch writes the window's records there, see ``job``).
    """
    from tarjama.core.pipeline import attach_translation

    owners = [(article, k) for article in window for k in range(len(article.results))]
    if len(owners) != len(translations):
        raise ValueError(f"a window of {len(owners)} sentences came back with "
                         f"{len(translations)} translations")
    texts = [article.results[k].sentence.text for article, k in owners]
    progress.window_started(words=sum(len(text.split()) for text in texts),
                            source_bytes=sum(article.item.size for article in window))
    for (article, k), translation in zip(owners, translations, strict=True):
        attach_translation(article.results[k], translation, glossary=glossary)
        article.remaining -= 1
        progress.sentence_arrived(article.item.relative.as_posix(),
                                  len(article.results) - article.remaining,
                                  len(article.results))
        if article.remaining == 0:
            finish(article)
    if end_window is not None:
        end_window()
    progress.window_progress(len(owners), len(owners))
    progress.window_finished()
