"""The Key Figures panel: every figure with its check; clicking a row jumps to its sentence.

The rows live in ``FiguresModel``, which grows and changes in place as sentences arrive
(see figures_model.py); a proxy sorts by any column and can hide the figures the
translation kept. Column widths are fixed from the labels' widths rather than measured
from the rows, because measuring every row after each slice is what froze the window.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tarjama.core.pipeline import SentenceResult
from tarjama.gui import palette, theme
from tarjama.gui.figures_columns import apply_column_widths
from tarjama.gui.figures_model import (  # noqa: F401 (the names this module always offered)
    ARABIC,
    ENGLISH,
    HEADERS,
    KIND,
    NUMBER,
    PROBLEM_ROLE,
    SENTENCE_ROLE,
    SORT_ROLE,
    STATUS,
    STATUS_TIPS,
    FigureRow,
    FiguresModel,
    figure_rows,
    row_tooltips,
)


class FiguresFilter(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``; with ``problems_only`` it shows the figures to check."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems_only = False
        self.setSortRole(SORT_ROLE)

    def set_problems_only(self, on: bool) -> None:
        # Only the row filter changed: the columns and the sort order stay as they are.
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter is deprecated
            self.beginFilterChange()
            self.problems_only = on
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.problems_only = on
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.problems_only:
            return True
        return bool(self.sourceModel().index(source_row, 0, source_parent).data(PROBLEM_ROLE))


class FiguresPanel(QWidget):
    figure_activated = Signal(int)  # sentence id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FiguresModel(self)
        self.proxy = FiguresFilter(self)
        self.proxy.setSourceModel(self.model)
        # Alt+O: Alt+P opens the Packs menu.
        self.problems_box = QCheckBox(self.tr("Problems &only"), self)
        self.problems_box.setToolTip(self.tr("Show only the figures the translation dropped, "
                                             "changed or added"))
        self.count_label = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)  # figures are short; wrapping would need row measuring
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NUMBER, Qt.SortOrder.AscendingOrder)  # document order first
        self.table.setAccessibleName(self.tr("Key figures"))
        self._set_column_widths()
        self.table.clicked.connect(self._on_index_activated)
        self.table.activated.connect(self._on_index_activated)  # Enter from the keyboard
        self.problems_box.toggled.connect(self.proxy.set_problems_only)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)

        controls = QHBoxLayout()
        controls.setContentsMargins(4, 4, 4, 0)
        controls.addWidget(self.problems_box)
        controls.addStretch(1)
        controls.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        self._update_count()
        # The app's own theme switch: the widget's palette() is still the old one here.
        palette.notifier().changed.connect(self._on_theme_changed)

    # -- content ---------------------------------------------------------------------------

    def show_sentences(self, sentences: Sequence[SentenceResult]) -> None:
        """Show an article's sentences (the same article again is updated in place)."""
        self.model.refresh_colours(theme.is_dark(self.palette()))
        self.model.set_sentences(sentences)

    def add_sentences(self, sentences: Iterable[SentenceResult]) -> None:
        """Sentences arrived: their rows are appended, the others stay as they are."""
        self.model.add_sentences(sentences)

    def update_sentences(self, sentences: Iterable[SentenceResult]) -> None:
        """Sentences were translated: their rows now carry the English and the check."""
        self.model.update_sentences(sentences)

    def update_sentence(self, sentence: SentenceResult) -> None:
        self.model.update_sentences([sentence])

    # -- reading back (tests, copy) --------------------------------------------------------

    def row_count(self) -> int:
        """The rows the table shows (after the problems-only filter)."""
        return self.proxy.rowCount()

    def row(self, index: int) -> tuple[int, list[str]]:
        """The sentence id and the four figure cells of the ``index``-th row on screen."""
        cells = [self.proxy.index(index, column).data() for column in (KIND, ARABIC, ENGLISH,
                                                                       STATUS)]
        return int(self.proxy.index(index, NUMBER).data(SENTENCE_ROLE)), cells

    def tooltips(self, index: int) -> list[str]:
        """The tooltips of the four figure cells of the ``index``-th row on screen."""
        return [self.proxy.index(index, column).data(Qt.ItemDataRole.ToolTipRole)
                for column in (KIND, ARABIC, ENGLISH, STATUS)]

    # -- inner workings --------------------------------------------------------------------

    def _set_column_widths(self) -> None:
        """Number, kind and status get the width of their longest label; Arabic and English
        share the rest (figures_columns.py). Nothing here looks at the rows, so new rows
        cost no re-measuring."""
        apply_column_widths(self.table)
        metrics = self.table.fontMetrics()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = (self.tr("%1 figures").replace("%1", str(total)) if shown == total else
                self.tr("%1 of %2 figures").replace("%1", str(shown)).replace("%2", str(total)))
        self.count_label.setText(text)

    def _on_index_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.figure_activated.emit(int(index.siblingAtColumn(NUMBER).data(SENTENCE_ROLE)))

    def _on_theme_changed(self, colours: palette.Palette) -> None:
        self.model.refresh_colours(colours.dark)

    def changeEvent(self, event: QEvent) -> None:
        # A theme change repaints the kinds and warnings in the new palette's colours.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.model.refresh_colours(theme.is_dark(self.palette()))
        super().changeEvent(event)
