"""The figure marks of the two reader panes: where each figure is, its colour and tooltip.

Tooltips speak in labels ("casualties: 12 wounded (kept; English: 12 people)"), never
in the ids of kinds and statuses.
"""

from __future__ import annotations

from tarjama.core.figures.labels import figure_description, status_label
from tarjama.core.pipeline import SentenceResult
from tarjama.gui.reader_pane import Mark


def source_marks(sentence: SentenceResult) -> list[Mark]:
    """Arabic figure marks; the tooltip says what became of the figure in the English."""
    checks = {c.source: c for c in sentence.fidelity.checks} if sentence.fidelity else {}
    marks = []
    for figure in sentence.source_figures:
        check = checks.get(figure)
        note = figure_description(figure)
        if check is not None:
            status = status_label(check.status)
            note += (f" ({status}; English: {check.target.text})" if check.target
                     else f" ({status} in the English)")
        marks.append(Mark(figure.start, figure.end, figure.kind, note,
                          warning=check is not None and check.status != "ok"))
    return marks


def target_marks(sentence: SentenceResult) -> tuple[list[Mark], str]:
    """English figure marks, coloured like their Arabic counterpart, and the warning text."""
    checks = sentence.fidelity.checks if sentence.fidelity else ()
    source_of = {c.target: c for c in checks if c.target is not None}
    marks = []
    for figure in sentence.target_figures:
        check = source_of.get(figure)
        kind = check.source.kind if check else figure.kind
        note = figure_description(figure)
        note += (f" ({status_label(check.status)}; Arabic: {check.source.text})" if check
                 else f" ({status_label('added')}: no Arabic figure matches it)")
        marks.append(Mark(figure.start, figure.end, kind, note,
                          warning=check is not None and check.status != "ok"))
    problems = [f"figure {status_label(c.status)}: {c.detail}" for c in checks
                if c.status != "ok"]
    return marks, "\n".join(f"⚠ {p}" for p in problems)
