"""The table of translation packs: one row per installed or catalogue pack.

A widget table suits it: a handful of rows, filled again only when the packs change.
A licence that forbids commercial use is flagged in the warning colour. Catalogue
descriptions and scores are English whatever the interface language: in a mirrored
(Arabic) table they are still laid out left to right, so they are cut at their end.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from tarjama.core.packs.catalogue import CatalogueEntry
from tarjama.core.packs.download import human_bytes
from tarjama.gui.pack_rows import PackRow, folder_size, installed_folder
from tarjama.gui.theme import is_dark, warning_colour

COLUMNS = (QT_TRANSLATE_NOOP("PacksTable", "Pack"), QT_TRANSLATE_NOOP("PacksTable", "Status"),
           QT_TRANSLATE_NOOP("PacksTable", "Licence"), QT_TRANSLATE_NOOP("PacksTable", "Size"),
           QT_TRANSLATE_NOOP("PacksTable", "Quality"),
           QT_TRANSLATE_NOOP("PacksTable", "Description"))
NAME, STATUS, LICENCE, SIZE, QUALITY, DESCRIPTION = range(len(COLUMNS))
NON_COMMERCIAL_NOTE = QT_TRANSLATE_NOOP("PacksTable", "non-commercial use only")
ENGLISH_ONLY = (QUALITY, DESCRIPTION)  # cells whose text is never translated


class LeftToRightDelegate(QStyledItemDelegate):
    """Lays a cell out left to right, aligned left, whatever the table's direction."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.direction = Qt.LayoutDirection.LeftToRight
        option.displayAlignment = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
                                   | Qt.AlignmentFlag.AlignVCenter)


class PacksTable(QTableWidget):
    """Shows a list of ``PackRow``; one row can be selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self._rows: list[PackRow] = []
        self.setHorizontalHeaderLabels([self.tr(title) for title in COLUMNS])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Licences and sizes can be long sentences: fixed widths, full text in tooltips.
        for column, width in ((LICENCE, 210), (SIZE, 190), (QUALITY, 130)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self._left_to_right = LeftToRightDelegate(self)
        for column in ENGLISH_ONLY:
            self.setItemDelegateForColumn(column, self._left_to_right)

    def show_rows(self, rows: list[PackRow]) -> None:
        """Fill the table with ``rows``, keeping the selected pack selected if it is still there."""
        selected = self.selected_name()
        self._rows = list(rows)
        self.setRowCount(len(self._rows))
        for index, row in enumerate(self._rows):
            self._fill_row(index, row)
        names = [row.name for row in self._rows]
        if selected in names:
            self._select_row(names.index(selected))
        elif self._rows:
            self._select_row(0)

    def rows(self) -> list[PackRow]:
        return list(self._rows)

    def selected_row(self) -> PackRow | None:
        rows = self.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def selected_name(self) -> str | None:
        row = self.selected_row()
        return row.name if row else None

    def select_pack(self, name: str) -> None:
        for index, row in enumerate(self._rows):
            if row.name == name:
                self._select_row(index)
                return
        raise KeyError(name)

    def _select_row(self, index: int) -> None:
        # Not selectRow(): in a right-to-left table that is not laid out yet it finds no
        # column at the viewport's edge and selects nothing (the Arabic dialog opened
        # with no row selected and empty details).
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.selectionModel().setCurrentIndex(self.model().index(index, NAME), flags)

    def _fill_row(self, index: int, row: PackRow) -> None:
        description = row.entry.description if row.entry else ""
        if row.pack and not description:
            description = row.pack.info.description
        cells = {
            NAME: row.name,
            STATUS: self._status_text(row),
            LICENCE: row.licence or self.tr("unknown"),
            SIZE: self._size_text(row),
            QUALITY: quality_text(row.entry),
            DESCRIPTION: description,
        }
        for column, text in cells.items():
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.setItem(index, column, item)
        # The dialog's font and palette, like the text around the table.
        dialog = self.window()
        warning = warning_colour(is_dark(dialog.palette()))
        if row.is_default or row.installed:
            bold = QFont(dialog.font())
            bold.setBold(row.is_default)
            self.item(index, NAME).setFont(bold)
        if row.non_commercial:
            licence = self.item(index, LICENCE)
            licence.setText(f"⚠ {row.licence} ({self.tr(NON_COMMERCIAL_NOTE)})")
            licence.setForeground(warning)
            licence.setToolTip(self.tr("This licence forbids commercial use of the pack and "
                                       "of its translations."))
        if row.broken:
            self.item(index, STATUS).setToolTip(row.broken)
            self.item(index, STATUS).setForeground(warning)
        if row.entry and row.entry.quality:
            self.item(index, QUALITY).setToolTip(
                "\n".join(figure.describe() for figure in row.entry.quality))

    def _status_text(self, row: PackRow) -> str:
        if row.broken:
            return self.tr("Installed, damaged")
        if row.is_default:
            return self.tr("✔ Installed, default")
        if row.installed:
            return self.tr("✔ Installed")
        if row.can_download:
            return self.tr("Available")
        return self.tr("Not installable yet")

    def _size_text(self, row: PackRow) -> str:
        if row.installed:
            # Isolated left-to-right, so an Arabic interface shows "1.5 MB", not "MB 1.5".
            return "\u2066" + human_bytes(folder_size(installed_folder(row))) + "\u2069"
        entry = row.entry
        if entry is None or entry.download_mb is None:
            return ""
        text = self.tr("≈ {0} MB").format(entry.download_mb)
        if entry.installed_mb:
            text += self.tr(" ({0} MB installed)").format(entry.installed_mb)
        return text


def quality_text(entry: CatalogueEntry | None) -> str:
    """The first published score, short; the tooltip names every test set and source."""
    if entry is None or not entry.quality:
        return ""
    first = entry.quality[0]
    scores = []
    if first.bleu is not None:
        scores.append(f"BLEU {first.bleu:.1f}")
    if first.chrf is not None:
        scores.append(f"chrF {first.chrf:.3f}")
    return ", ".join(scores)
