"""The warning line of a figure or term check, in the interface language.

A reader pane's tooltip on a warned sentence has one line for each check that is not
kept: "figure missing: the Arabic figure 12 wounded is not in the translation". In
English that line is the core's own detail (``FigureCheck.detail``), as the CLI and the
exported files give it. In another interface language the line is said again from
the check's parts: its status, the Arabic figure as the article writes it, the English
one as the translation writes it, the figure's kind and the check's note. Figure
values stay as written.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from tarjama.core.figures.describe import qualifier_word
from tarjama.core.figures.labels import status_label
from tarjama.core.figures.model import TERM, Figure, FigureCheck
from tarjama.gui import ui_language
from tarjama.gui.figure_label_texts import kind_text
from tarjama.gui.figure_note_texts import note_text, qualifier_text
from tarjama.gui.text_templates import fill

CONTEXT = "FigureProblems"
# Kinds whose figure says what it is without its kind being named.
_PLAIN_KINDS = ("number", TERM)


def problem_text(check: FigureCheck) -> str:
    """"figure missing: …" or "term missing: …" for a check that is not kept."""
    if ui_language.current_language() == "en":
        what = "term" if check.source.kind == TERM else "figure"
        return f"{what} {status_label(check.status)}: {check.detail}"
    return fill(_heading(check), _detail(check))


def _heading(check: FigureCheck) -> str:
    translate = QCoreApplication.translate
    if check.source.kind == TERM:
        if check.status == "missing":
            return translate("FigureProblems", "term missing: %1")
        return translate("FigureProblems", "term changed: %1")
    if check.status == "missing":
        return translate("FigureProblems", "figure missing: %1")
    return translate("FigureProblems", "figure changed: %1")


def _detail(check: FigureCheck) -> str:
    translate = QCoreApplication.translate
    source, target = check.source, check.target
    if source.kind == TERM and target is None:
        return fill(translate("FigureProblems", "the glossary renders %1 as “%2”; the "
                              "English does not have it"), f"«{source.text}»", source.value)
    if target is None:
        return fill(translate("FigureProblems", "the Arabic figure %1 is not in the "
                              "translation"), figure_words(source, with_kind=True))
    detail = fill(translate("FigureProblems", "the Arabic says %1; the English has %2"),
                  figure_words(source, with_kind=True), figure_words(target))
    return f"{detail} ({note_text(check.note)})" if check.note else detail


def figure_words(figure: Figure, with_kind: bool = False) -> str:
    """A figure as written, quoted, with its qualifier and (asked for) its kind:
    "نحو «450 ألف»", "«12 شخصا» (ضحايا)"."""
    text = f"«{figure.text}»"
    if figure.qualifier:
        text = f"{qualifier_text(qualifier_word(figure.qualifier))} {text}"
    if with_kind and figure.kind not in _PLAIN_KINDS:
        text += f" ({kind_text(figure.kind)})"
    return text
