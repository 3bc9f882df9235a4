"""How sure the model was of a sentence, from its own score.

CTranslate2 scores a hypothesis by its log-probability divided by its length (a mean
per token, <= 0). A sentence whose kept translation scores below the threshold is
"low confidence": the reader marks it quietly, the JSON and the batch index carry it.
The default threshold is a starting point; ``tarjama eval`` shows how the score
relates to chrF on a test set, so it can be chosen for an installed pack.
"""

from __future__ import annotations

DEFAULT_LOW_CONFIDENCE = -1.0  # mean log-probability per token


def is_low_confidence(score: float | None, threshold: float = DEFAULT_LOW_CONFIDENCE) -> bool:
    """Whether ``score`` is known and below ``threshold``."""
    return score is not None and score < threshold
