"""The Key Figures panel: every figure with its check; clicking a row jumps to its sentence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tarjama.core.figures.labels import figure_description, kind_label, status_label
from tarjama.core.figures.model import Figure
from tarjama.core.pipeline import SentenceResult
from tarjama.gui import theme

SENTENCE_ROLE = Qt.ItemDataRole.UserRole


class FigureRow(NamedTuple):
    """One row of the panel: ids for colour and sorting, the figure for its label."""

    kind: str
    arabic: str
    english: str
    status: str  # "ok", "missing", "changed", "added" or "pending"
    figure: Figure  # the Arabic figure, or the English one for an added figure
    english_figure: Figure | None = None  # what the translation has for an Arabic figure

    def cells(self) -> tuple[str, str, str, str]:
        """What the reader sees: "vague count", "عشرات", "dozens", "kept"."""
        return kind_label(self.kind), self.arabic, self.english, status_label(self.status)


def figure_rows(sentence: SentenceResult) -> list[FigureRow]:
    """One row for each figure of one sentence.

    Arabic figures come with their fidelity check; an English figure that matches no
    Arabic one is listed too, so nothing the translation added goes unseen.
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
    return rows


STATUS_TIPS = {
    "ok": "Kept: the translation keeps this figure.",
    "missing": "Missing: the translation dropped this figure. Check the Arabic.",
    "changed": "Changed: the translation has a different value. Check the Arabic.",
    "added": "Added: this figure is in the English only; the translation may have invented it.",
    "pending": "Pending: not translated yet.",
}


def row_tooltips(row: FigureRow) -> tuple[str, str, str, str]:
    """Kind: the figure as a person reads it; English: what the translation has, read the
    same way; status: what it means."""
    english = figure_description(row.english_figure) if row.english_figure else row.english
    return (figure_description(row.figure), row.arabic, english,
            STATUS_TIPS.get(row.status, status_label(row.status)))


class FiguresPanel(QWidget):
    figure_activated = Signal(int)  # sentence id

    HEADERS = ("Kind", "Arabic", "English", "Status")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (0, 3):  # kind and status are short words: give the rest to the text
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Key figures"))
        self.table.cellClicked.connect(self._on_cell_activated)
        self.table.cellActivated.connect(self._on_cell_activated)  # Enter from the keyboard
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self._sentences: list[SentenceResult] = []

    def show_sentences(self, sentences: Sequence[SentenceResult]) -> None:
        self._sentences = list(sentences)
        self._rebuild()

    def update_sentences(self, sentences: Sequence[SentenceResult]) -> None:
        """Sentences were translated: their rows now carry the English and the check."""
        changed = False
        for sentence in sentences:
            sentence_id = sentence.sentence.id
            if 0 <= sentence_id < len(self._sentences):
                changed = changed or bool(sentence.source_figures or sentence.target_figures
                                          or self._sentences[sentence_id].source_figures)
                self._sentences[sentence_id] = sentence
        if changed:  # sentences without figures change no row
            self._rebuild()

    def row_count(self) -> int:
        return self.table.rowCount()

    def row(self, index: int) -> tuple[int, list[str]]:
        """The sentence id and the four cells of a row (for tests and copy)."""
        cells = [self.table.item(index, column).text() for column in range(len(self.HEADERS))]
        return self.table.item(index, 0).data(SENTENCE_ROLE), cells

    def _rebuild(self) -> None:
        rows = [(s.sentence.id, row) for s in self._sentences for row in figure_rows(s)]
        dark = theme.is_dark(self.palette())
        self.table.setUpdatesEnabled(False)
        self.table.setRowCount(len(rows))
        for index, (sentence_id, row) in enumerate(rows):
            for column, (text, tip) in enumerate(zip(row.cells(), row_tooltips(row),
                                                     strict=True)):
                item = QTableWidgetItem(text)
                item.setData(SENTENCE_ROLE, sentence_id)
                item.setToolTip(tip)
                if column == 0:
                    item.setBackground(theme.figure_colour(row.kind, dark))
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if column == 3 and row.status in ("missing", "changed"):
                    item.setForeground(theme.warning_colour(dark))
                self.table.setItem(index, column, item)
        self.table.setUpdatesEnabled(True)

    def _on_cell_activated(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.figure_activated.emit(int(item.data(SENTENCE_ROLE)))
