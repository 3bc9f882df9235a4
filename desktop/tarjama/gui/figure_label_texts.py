"""The figure kinds and check statuses of core/figures/labels.py, in the interface language.

The core is Qt-free and speaks English; the figures table shows these words in every
row, so they go through the UI catalogue here. The marked texts must be exactly the
core's labels (tests/gui/test_ui_language.py compares them).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from tarjama.core.figures.labels import kind_label, status_label
from tarjama.gui import ui_language

CONTEXT = "FigureLabels"
# The values of KIND_LABELS and STATUS_LABELS, marked for pyside6-lupdate.
MARKED = (
    QT_TRANSLATE_NOOP("FigureLabels", "number"),
    QT_TRANSLATE_NOOP("FigureLabels", "percentage"),
    QT_TRANSLATE_NOOP("FigureLabels", "date"),
    QT_TRANSLATE_NOOP("FigureLabels", "year"),
    QT_TRANSLATE_NOOP("FigureLabels", "duration"),
    QT_TRANSLATE_NOOP("FigureLabels", "age"),
    QT_TRANSLATE_NOOP("FigureLabels", "quantity"),
    QT_TRANSLATE_NOOP("FigureLabels", "money"),
    QT_TRANSLATE_NOOP("FigureLabels", "casualties"),
    QT_TRANSLATE_NOOP("FigureLabels", "arrests"),
    QT_TRANSLATE_NOOP("FigureLabels", "vague count"),
    QT_TRANSLATE_NOOP("FigureLabels", "clock time"),
    QT_TRANSLATE_NOOP("FigureLabels", "ordinal"),
    QT_TRANSLATE_NOOP("FigureLabels", "score"),
    QT_TRANSLATE_NOOP("FigureLabels", "fraction"),
    QT_TRANSLATE_NOOP("FigureLabels", "glossary term"),
    QT_TRANSLATE_NOOP("FigureLabels", "kept"),
    QT_TRANSLATE_NOOP("FigureLabels", "missing"),
    QT_TRANSLATE_NOOP("FigureLabels", "changed"),
    QT_TRANSLATE_NOOP("FigureLabels", "added"),
    QT_TRANSLATE_NOOP("FigureLabels", "pending"),
)

# (language, English label) -> shown text: the table asks for every visible cell.
_cache: dict[tuple[str, str], str] = {}


def _translated(label: str) -> str:
    key = (ui_language.current_language(), label)
    text = _cache.get(key)
    if text is None:
        text = _cache[key] = QCoreApplication.translate(CONTEXT, label)
    return text


def kind_text(kind: str) -> str:
    """"count_word" -> "vague count" in English, "عدد تقريبي" in Arabic."""
    return _translated(kind_label(kind))


def status_text(status: str) -> str:
    """"ok" -> "kept" in English, "محفوظ" in Arabic."""
    return _translated(status_label(status))
