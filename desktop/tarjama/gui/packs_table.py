"""The table of translation packs: one row per installed, catalogue or Argos pack.

A ``QTableView`` over a ``PackRowsModel`` (``pack_table_model.py``): a refresh changes
only the rows that changed, so the selected pack stays selected. A licence that
forbids commercial use is flagged in the warning colour. Catalogue descriptions and
scores are English whatever the interface language: in a mirrored (Arabic) table they
are still laid out left to right, so they are cut at their end.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from tarjama.gui.pack_rows import PackRow
from tarjama.gui.pack_table_model import (
    DESCRIPTION,
    FAMILY,
    LICENCE,
    NAME,
    QUALITY,
    SIZE,
    STATUS,
    PackRowsModel,
    quality_text,
)
from tarjama.gui.theme import is_dark, warning_colour

__all__ = ["DESCRIPTION", "NAME", "LeftToRightDelegate", "PacksTable", "quality_text"]
ENGLISH_ONLY = (QUALITY, DESCRIPTION)  # cells whose text is never translated
FITTED = (NAME, STATUS, FAMILY)  # short texts: as wide as they are, measured per refresh


class LeftToRightDelegate(QStyledItemDelegate):
    """Lays a cell out left to right, aligned left, whatever the table's direction."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.direction = Qt.LayoutDirection.LeftToRight
        option.displayAlignment = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
                                   | Qt.AlignmentFlag.AlignVCenter)


class PacksTable(QTableView):
    """Shows a list of ``PackRow``; one row can be selected. ``selection_changed`` follows it."""

    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack_model = PackRowsModel(self)
        self.setModel(self.pack_model)
        self.selectionModel().selectionChanged.connect(self.selection_changed)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Licences and sizes can be long sentences: fixed widths, full text in tooltips.
        for column, width in ((LICENCE, 200), (SIZE, 170), (QUALITY, 120)):
            self.setColumnWidth(column, width)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self._left_to_right = LeftToRightDelegate(self)
        for column in ENGLISH_ONLY:
            self.setItemDelegateForColumn(column, self._left_to_right)
        self._restyle()

    def show_rows(self, rows: list[PackRow]) -> None:
        """Show ``rows``, keeping the selected pack selected if it is still there."""
        self.pack_model.set_rows(rows)
        for column in FITTED:
            self.resizeColumnToContents(column)  # a handful of rows, once per refresh
        if not self.selectionModel().selectedRows() and rows:
            self._select_row(0)

    def rows(self) -> list[PackRow]:
        return self.pack_model.rows()

    def selected_row(self) -> PackRow | None:
        rows = self.selectionModel().selectedRows()
        return self.pack_model.row_at(rows[0].row()) if rows else None

    def selected_name(self) -> str | None:
        row = self.selected_row()
        return row.name if row else None

    def select_pack(self, name: str) -> None:
        for index, row in enumerate(self.pack_model.rows()):
            if row.name == name:
                self._select_row(index)
                return
        raise KeyError(name)

    def cell_text(self, name: str, column: int) -> str:
        """The text shown in ``column`` of the row of ``name``."""
        position = [row.name for row in self.rows()].index(name)
        return str(self.pack_model.index(position, column).data())

    def _select_row(self, index: int) -> None:
        # Not selectRow(): in a right-to-left table that is not laid out yet it finds no
        # column at the viewport's edge and selects nothing (the Arabic dialog opened
        # with no row selected and empty details).
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.selectionModel().setCurrentIndex(self.pack_model.index(index, NAME), flags)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._restyle()

    def _restyle(self) -> None:
        # The dialog's font and palette, like the text around the table.
        bold = QFont(self.font())
        bold.setBold(True)
        self.pack_model.restyle(bold, warning_colour(is_dark(self.palette())))
