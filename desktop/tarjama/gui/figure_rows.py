"""The rows of the Key Figures table as data: one per figure of a sentence, with what
the reader sees in each cell and its tooltip. ``figures_model`` shows them in Qt."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from tarjama.core.figures.labels import figure_description, status_label
from tarjama.core.figures.model import TERM, Figure, glossary_checks
from tarjama.core.pipeline import SentenceResult
from tarjama.gui.figure_label_texts import kind_text, status_text


class FigureRow(NamedTuple):
    """One row of the table: ids for colour and sorting, the figure for its label."""

    kind: str
    arabic: str
    english: str
    status: str  # "ok", "missing", "changed", "added" or "pending"
    figure: Figure  # the Arabic figure, or the English one for an added figure
    english_figure: Figure | None = None  # what the translation has for an Arabic figure

    def cells(self) -> tuple[str, str, str, str]:
        """What the reader sees: "vague count", "عشرات", "dozens", "kept"."""
        return kind_text(self.kind), self.arabic, self.english, status_text(self.status)


def figure_rows(sentence: SentenceResult) -> list[FigureRow]:
    """One row for each figure of one sentence.

    Arabic figures come with their fidelity check; an English figure that matches no
    Arabic one is listed too, so nothing the translation added goes unseen; then the
    glossary terms of the Arabic, with the rendering the English has for each.
    """
    checks = {c.source: c for c in sentence.fidelity.checks} if sentence.fidelity else {}
    rows = []
    matched = set()
    for figure in sentence.source_figures:
        check = checks.get(figure)
        if check is None:
            status = "pending" if sentence.translation is None else "ok"
            rows.append(FigureRow(figure.kind, figure.text, "", status, figure))
            continue
        if check.target is not None:
            matched.add(check.target)
        rows.append(FigureRow(figure.kind, figure.text,
                              check.target.text if check.target else "", check.status, figure,
                              check.target))
    for figure in sentence.target_figures:
        if figure not in matched:  # the English invented it
            rows.append(FigureRow(figure.kind, "", figure.text, "added", figure))
    for check in glossary_checks(sentence.fidelity):  # terms are found only once translated
        rows.append(FigureRow(TERM, check.source.text, check.target.text if check.target
                              else "", check.status, check.source, check.target))
    return rows


STATUS_TIPS = {
    "ok": QT_TRANSLATE_NOOP("FiguresModel", "Kept: the translation keeps this figure."),
    "missing": QT_TRANSLATE_NOOP(
        "FiguresModel", "Missing: the translation dropped this figure. Check the Arabic."),
    "changed": QT_TRANSLATE_NOOP(
        "FiguresModel", "Changed: the translation has a different value. Check the Arabic."),
    "added": QT_TRANSLATE_NOOP(
        "FiguresModel",
        "Added: this figure is in the English only; the translation may have invented it."),
    "pending": QT_TRANSLATE_NOOP("FiguresModel", "Pending: not translated yet."),
}


TERM_TIPS = {
    "ok": QT_TRANSLATE_NOOP("FiguresModel",
                            "Kept: the translation uses the glossary's rendering."),
    "missing": QT_TRANSLATE_NOOP(
        "FiguresModel", "Missing: the translation does not use the glossary's rendering of "
                        "this term. Check the English."),
}


def row_tooltips(row: FigureRow) -> tuple[str, str, str, str]:
    """Kind: the figure as a person reads it; English: what the translation has, read the
    same way; status: what it means."""
    english = figure_description(row.english_figure) if row.english_figure else row.english
    tips = TERM_TIPS if row.kind == TERM and row.status in TERM_TIPS else STATUS_TIPS
    return (figure_description(row.figure), row.arabic, english,
            QCoreApplication.translate("FiguresModel", tips[row.status])
            if row.status in tips else status_label(row.status))
