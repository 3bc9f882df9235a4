"""The figure types the extractors produce and the fidelity check reports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# A glossary term (core/glossary.py): not found by the figure extractors, but checked,
# highlighted and warned of like a figure. Its value is the English it must be given.
TERM = "term"
KINDS = (
    "number", "percent", "date", "year", "duration", "age", "quantity",
    "money", "casualties", "arrests", "count_word", "time", "ordinal", "score", "fraction",
    TERM,
)
# See docs/figures.md for the values of each kind and the qualifiers.
QUALIFIERS = ("about", "more than", "less than", "at least", "up to", "early", "mid", "late")

# Order of badness: the status of a sentence is its worst check.
STATUS_RANK = {"ok": 0, "changed": 1, "missing": 2}


@dataclass(frozen=True)
class Figure:
    """One key figure found in a text.

    ``value`` is canonical and language-neutral, so the same fact written in Arabic and
    in English has the same value: "12", "95%", "2024-09-10", "--09-10" (no year),
    "2014-06" (month and year), "hijri:1445-09-10", "450 km", "3000000 USD",
    "45 years", "5 killed", "20 arrested", "dozens".
    ``number`` is the magnitude the value rests on (None for dates and vague counts) and
    ``unit`` what it counts: "km", "USD", "years", "killed", "%"...
    """

    kind: str
    value: str
    text: str
    start: int  # offsets into the text given to the extractor: text == given[start:end]
    end: int
    side: str  # "source" (Arabic) or "target" (English)
    number: float | None = None
    unit: str | None = None
    qualifier: str | None = None  # "about", "more than", "mid"...: not part of the span

    def to_dict(self) -> dict[str, Any]:
        # Written out: dataclasses.asdict deep-copies every field, and a batch turns
        # tens of figures an article into JSON (a seventh of the driver's time).
        return {"kind": self.kind, "value": self.value, "text": self.text,
                "start": self.start, "end": self.end, "side": self.side,
                "number": self.number, "unit": self.unit, "qualifier": self.qualifier}


@dataclass(frozen=True)
class FigureCheck:
    source: Figure
    status: str  # "ok", "missing", "changed"
    target: Figure | None
    detail: str  # a sentence for a person, e.g. "the Arabic says 45 (age); the English has 54"
    # Why a pairing is kept or how it changed, as the detail words it ("the English
    # leaves out “about”"), or "". The detail already carries it; the desktop reads it
    # apart to say it in the interface language. Not written to JSON.
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "detail": self.detail,
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
        }


@dataclass(frozen=True)
class Fidelity:
    status: str  # worst of the checks; "ok" when there are no figures
    checks: tuple[FigureCheck, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "checks": [c.to_dict() for c in self.checks]}


def glossary_checks(fidelity: Fidelity | None) -> tuple[FigureCheck, ...]:
    """The checks of glossary terms (kind "term"): their Arabic is not among a sentence's
    ``source_figures``, nor their English among its ``target_figures``."""
    if fidelity is None:
        return ()
    return tuple(c for c in fidelity.checks if c.source.kind == TERM)
