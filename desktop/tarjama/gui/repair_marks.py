"""What the reader says about a sentence whose translation was repaired.

When the model's first translation of a sentence lost or changed a figure, the job
translates it again with several hypotheses and keeps the best one whose figures all
check out (``SentenceResult.repair`` keeps the first one). The reader marks such a
sentence in its margin; the tooltip says what the first translation got wrong, how many
translations were weighed, and shows the first translation itself, so the reader can
judge the choice.

What the first translation got wrong is found again here, by checking its figures
against the Arabic the same way the job did: the repair records only the worst status.
"""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QCoreApplication

from tarjama.core.figures import compare_figures, extract_english
from tarjama.core.pipeline import SentenceResult
from tarjama.gui.figure_label_texts import status_text
from tarjama.gui.figure_problem_texts import problem_text

TOOLTIP_COLUMNS = 80  # each line is wrapped: Qt never wraps a plain-text tooltip


def original_problems(sentence: SentenceResult) -> list[str]:
    """The figure problems of the first translation: "figure missing: the Arabic …", in
    the interface language."""
    repair = sentence.repair
    if repair is None:
        return []
    fidelity = compare_figures(sentence.source_figures, extract_english(repair.original),
                               len(sentence.sentence.text), repair.original)
    return [problem_text(check) for check in fidelity.checks if check.status != "ok"]


def repair_note(sentence: SentenceResult) -> str:
    """The tooltip of a repaired sentence; empty when it was not repaired."""
    repair = sentence.repair
    if repair is None:
        return ""
    # Literal texts only: pyside6-lupdate reads no other. The count is a %1, not a %n:
    # lupdate takes numerus forms from tr() alone, and "out of 4" needs none in Arabic.
    translate = QCoreApplication.translate
    lines = [translate("RepairMarks", "✓ figures repaired: translated again, the best of "
                       "%1 translations was kept").replace("%1", str(repair.hypotheses))]
    problems = original_problems(sentence)
    if not problems:  # e.g. a glossary term, which this module cannot check again
        problems = [translate("RepairMarks", "a figure or term %1").replace(
            "%1", status_text(repair.original_status))]
    lines += [translate("RepairMarks", "the first one had: %1").replace("%1", problem)
              for problem in problems]
    lines.append(translate("RepairMarks", "the first one read: “%1”").replace(
        "%1", repair.original))
    return "\n".join(wrapped for line in lines for wrapped in textwrap.wrap(
        line, TOOLTIP_COLUMNS, subsequent_indent="    ", break_on_hyphens=False))
