"""How the model's own sentence score relates to quality on a test set (``tarjama eval``).

A threshold for "low confidence" (``confidence.py``) is only worth its name if sentences
below it really are worse. With a reference translation per sentence, this module gives
the rank correlation (Spearman) of the scores with a per-sentence quality figure, and the
quality of each score band, so the threshold can be chosen for an installed pack.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tarjama.core.confidence import DEFAULT_LOW_CONFIDENCE, is_low_confidence


def average_ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, ties sharing the mean of the ranks they span."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            ranks[order[position]] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Spearman's rank correlation; None with fewer than 3 pairs or a constant side."""
    if len(xs) != len(ys):
        raise ValueError("spearman needs pairs")
    if len(xs) < 3:
        return None
    rx, ry = average_ranks(xs), average_ranks(ys)
    mean = (len(xs) + 1) / 2
    cov = sum((a - mean) * (b - mean) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mean) ** 2 for a in rx)
    vy = sum((b - mean) ** 2 for b in ry)
    if vx == 0 or vy == 0:
        return None
    return cov / math.sqrt(vx * vy)


@dataclass(frozen=True)
class ScoreBand:
    low: float  # lowest score in the band
    high: float  # highest score in the band
    sentences: int
    quality: float  # the quality figure of the band's sentences (chrF for eval)

    def to_dict(self) -> dict[str, float | int]:
        return {"score_from": round(self.low, 3), "score_to": round(self.high, 3),
                "sentences": self.sentences, "chrf": round(self.quality, 2)}


Quality = Callable[[Sequence[int]], float]  # the quality of the sentences at these places


def score_bands(scores: Sequence[float], quality: Quality, bands: int = 4) -> list[ScoreBand]:
    """Sentences split by score into ``bands`` groups of (nearly) equal size, lowest first."""
    order = sorted(range(len(scores)), key=scores.__getitem__)
    count = min(bands, len(order))
    result = []
    for band in range(count):
        places = order[band * len(order) // count:(band + 1) * len(order) // count]
        if places:
            result.append(ScoreBand(scores[places[0]], scores[places[-1]], len(places),
                                    quality(places)))
    return result


def confidence_report(scores: Sequence[float | None], sentence_quality: Sequence[float],
                      quality: Quality,
                      threshold: float = DEFAULT_LOW_CONFIDENCE) -> dict[str, object]:
    """What ``tarjama eval`` prints about the scores; sentences without one are left out."""
    places = [i for i, score in enumerate(scores) if score is not None]
    known = [float(scores[i]) for i in places]  # type: ignore[arg-type]
    low = [i for i in places if is_low_confidence(scores[i], threshold)]
    below = set(low)
    high = [i for i in places if i not in below]
    rho = spearman(known, [sentence_quality[i] for i in places])
    return {
        "scored_sentences": len(places),
        "spearman_score_chrf": None if rho is None else round(rho, 3),
        "low_confidence_threshold": threshold,
        "low_confidence_share": round(len(low) / len(places), 4) if places else None,
        "chrf_below_threshold": round(quality(low), 2) if low else None,
        "chrf_above_threshold": round(quality(high), 2) if high else None,
        "bands": [b.to_dict() for b in score_bands(
            known, lambda subset: quality([places[k] for k in subset]))],
    }
