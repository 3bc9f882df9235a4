"""What the translator hands back for one sentence: the text, its score, any repair.

Kept apart from ``translate.py`` so the cache, the repair step and the pipeline can share
these two small records without importing the engine code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Repair:
    """A translation replaced because it lost or changed a figure (or a glossary term)."""

    original: str  # the model's first-best translation, which failed the check
    original_status: str  # its fidelity status: "missing" or "changed"
    hypotheses: int  # how many hypotheses were weighed

    def to_dict(self) -> dict[str, Any]:
        return {"original": self.original, "original_status": self.original_status,
                "hypotheses": self.hypotheses}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Repair:
        return cls(str(data["original"]), str(data["original_status"]),
                   int(data["hypotheses"]))


@dataclass(frozen=True)
class Translation:
    """One sentence's kept translation.

    ``score`` is CTranslate2's length-normalised log-probability (mean per token, <= 0;
    nearer 0 is surer), None when unknown (blank sentences, entries of older caches).
    ``repair`` is set when the kept text is not the model's first-best.
    """

    text: str
    score: float | None = None
    repair: Repair | None = None


BLANK = Translation("")


def hypothesis_score(output: Any, rank: int) -> float | None:
    """The score CTranslate2 gave hypothesis ``rank`` of one sentence (None without one)."""
    scores = getattr(output, "scores", None) or ()
    return float(scores[rank]) if rank < len(scores) else None
