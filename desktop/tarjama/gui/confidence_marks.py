"""Which sentences the reader marks as low confidence, and what their mark says.

The model's own score of a translation (its mean log-probability per token, <= 0) is a
rough sign of how sure it was. Below the user's threshold a sentence gets a quiet grey
mark in the margin, never the warning red: a low score is a hint to read closely, not
a fault found. The tooltip gives the score in words, with a true minus sign.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from tarjama.core.confidence import DEFAULT_LOW_CONFIDENCE, is_low_confidence


@dataclass(frozen=True)
class ConfidenceMarking:
    """Whether low-confidence sentences are marked, and below which score."""

    enabled: bool = True
    threshold: float = DEFAULT_LOW_CONFIDENCE

    def marks(self, score: float | None) -> bool:
        """Whether a sentence of this score gets the mark."""
        return self.enabled and is_low_confidence(score, self.threshold)


def score_text(score: float) -> str:
    """A score as the tooltip shows it: one decimal, "−1.8" with U+2212 for the minus."""
    text = f"{score:.1f}"
    return "0.0" if text == "-0.0" else text.replace("-", "\u2212")


def confidence_note(score: float) -> str:
    """The tooltip line of a low-confidence sentence."""
    return QCoreApplication.translate(
        "ConfidenceMarks", "model confidence: low (%1 per token)").replace(
            "%1", score_text(score))
