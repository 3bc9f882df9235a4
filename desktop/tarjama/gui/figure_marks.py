"""The figure marks of the two reader panes: where each figure is, its colour and tooltip.

Tooltips speak in labels ("casualties: 12 wounded (kept; English: 12 people)"), never
in the ids of kinds and statuses; glossary terms (kind "term") are marked like figures.
The character formats take every colour from a ``gui.palette.Palette``, so drawing them
again with another palette re-colours them.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from tarjama.core.figures.labels import figure_description, status_label
from tarjama.core.figures.model import glossary_checks
from tarjama.core.pipeline import SentenceResult
from tarjama.gui.figure_problem_texts import problem_text
from tarjama.gui.palette import Palette
from tarjama.gui.reader_sentences import Mark


def sentence_format(colours: Palette, pending: bool, warned: bool) -> QTextCharFormat:
    """A whole sentence: a greyed italic placeholder, or a wavy line under a warning."""
    char_format = QTextCharFormat()
    if pending:
        char_format.setForeground(colours.colour("muted_text"))
        char_format.setFontItalic(True)
    if warned:
        char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        char_format.setUnderlineColor(colours.colour("warning_underline"))
    return char_format


def figure_format(colours: Palette, mark: Mark) -> QTextCharFormat:
    """Merged over a figure: its kind's fill and a text colour chosen to read on it."""
    char_format = QTextCharFormat()
    char_format.setBackground(colours.figure_colour(mark.kind))
    char_format.setForeground(colours.colour("warning_text" if mark.warning else "figure_text"))
    if mark.warning:
        char_format.setFontWeight(QFont.Weight.Bold)
    return char_format


def fill_selections(document: QTextDocument, ranges: list[tuple[int, int]],
                    colour: QColor) -> list[QTextEdit.ExtraSelection]:
    """The hover or current-sentence fill over document ranges (a sentence less its figures)."""
    selections = []
    for start, end in ranges:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format.setBackground(colour)
        selections.append(selection)
    return selections


def source_marks(sentence: SentenceResult) -> list[Mark]:
    """Arabic figure marks; the tooltip says what became of the figure in the English."""
    checks = {c.source: c for c in sentence.fidelity.checks} if sentence.fidelity else {}
    marks = []
    terms = [c.source for c in glossary_checks(sentence.fidelity)]
    for figure in [*sentence.source_figures, *terms]:
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
    terms = [c.target for c in glossary_checks(sentence.fidelity) if c.target is not None]
    for figure in [*sentence.target_figures, *terms]:
        check = source_of.get(figure)
        kind = check.source.kind if check else figure.kind
        note = figure_description(figure)
        note += (f" ({status_label(check.status)}; Arabic: {check.source.text})" if check
                 else f" ({status_label('added')}: no Arabic figure matches it)")
        marks.append(Mark(figure.start, figure.end, kind, note,
                          warning=check is not None and check.status != "ok"))
    problems = [problem_text(c) for c in checks if c.status != "ok"]
    return marks, "\n".join(f"⚠ {p}" for p in problems)
