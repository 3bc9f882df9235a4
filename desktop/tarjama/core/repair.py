"""Figure-preserving decoding: a second look at the sentences whose translation failed.

When a sentence's first-best translation loses or changes a figure (or, with a glossary,
misses a term's rendering), the engine is asked again for several hypotheses with a
wider beam, and the best-scoring one that passes the same check is kept; when none
passes, the first-best stays and is warned about as before. Only the warned sentences
of a window go back to the engine, all in one call, so a document without warnings
costs nothing more.

``FigureRepair`` is the translator's ``revise`` step (see ``Reviser`` in
``translate_options.py``): the translator hands it each window and stays figure-agnostic;
the check comes from the pipeline's own fidelity check (``fidelity_check``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tarjama.core.translate_options import Retranslate
from tarjama.core.translate_result import Repair, Translation

if TYPE_CHECKING:
    from tarjama.core.glossary import Glossary
    from tarjama.core.pipeline import SentenceResult

# Hypotheses weighed for a warned sentence; the beam is widened to at least as many.
REPAIR_HYPOTHESES = 4
OK = "ok"

# The fidelity status ("ok", "missing", "changed", ...) of a candidate translation of the
# sentence at an input position.
Check = Callable[[int, str], str]


def choose(first: Translation, first_status: str, hypotheses: Sequence[Translation],
           passes: Callable[[str], bool]) -> Translation:
    """The best-scoring hypothesis that passes, recorded as a repair of ``first``.

    ``first`` itself when none passes (or all that pass say what it says).
    """
    passing = [h for h in hypotheses if h.text != first.text and passes(h.text)]
    if not passing:
        return first
    best = max(passing, key=lambda h: float("-inf") if h.score is None else h.score)
    return Translation(best.text, best.score, Repair(first.text, first_status,
                                                     len(hypotheses)))


@dataclass(frozen=True)
class FigureRepair:
    """Re-decode the sentences ``check`` warns about; keep a hypothesis that passes."""

    check: Check
    hypotheses: int = REPAIR_HYPOTHESES
    # Changes which hypotheses pass, so it is part of the cache key (a glossary digest).
    variant: str = ""

    @property
    def cache_settings(self) -> str:
        return f"repair={self.hypotheses}" + (f";check={self.variant}" if self.variant else "")

    def __call__(self, indexes: Sequence[int], translations: Sequence[Translation],
                 retranslate: Retranslate) -> list[Translation]:
        kept = list(translations)
        statuses = [self.check(index, t.text) for index, t in zip(indexes, kept, strict=True)]
        warned = [place for place, status in enumerate(statuses) if status != OK]
        if not warned:
            return kept
        for place, hypotheses in zip(warned, retranslate(warned, self.hypotheses),
                                     strict=True):
            index = indexes[place]
            kept[place] = choose(kept[place], statuses[place], hypotheses,
                                 lambda text, index=index: self.check(index, text) == OK)
        return kept


def fidelity_check(results: Sequence[SentenceResult], *,
                   glossary: Glossary | None = None) -> Check:
    """The pipeline's check of a candidate for ``results[index]``, leaving it untouched."""
    from tarjama.core.pipeline import SentenceResult, attach_translation

    def check(index: int, text: str) -> str:
        original = results[index]
        trial = SentenceResult(original.sentence, original.source_figures)
        fidelity = attach_translation(trial, text, glossary=glossary).fidelity
        return fidelity.status if fidelity is not None else OK

    return check


def repair_for(results: Sequence[SentenceResult], *, enabled: bool = True,
               glossary: Glossary | None = None) -> FigureRepair | None:
    """The revise step for a translation of ``results`` (in order); None when it is off."""
    if not enabled:
        return None
    return FigureRepair(fidelity_check(results, glossary=glossary),
                        variant=glossary_digest(glossary))


def glossary_digest(glossary: Glossary | None) -> str:
    """A short digest of the glossary's content ("" without one, or an empty one), for
    cache keys: an empty glossary checks nothing, so it shares the key of none."""
    if not glossary:
        return ""
    return str(glossary.digest)[:16]
