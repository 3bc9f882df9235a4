"""The rows of the Packs dialog's table as a Qt item model.

``PackRowsModel.set_rows`` brings the model to a new list of ``PackRow`` with the
fewest changes: rows that are gone are removed, new ones inserted (appended, the
first time), moved ones moved and changed ones updated in place, so the view keeps
its selection and scroll position and never starts again from an empty table.

The texts keep the translation context of the table ("PacksTable"), where they were
first written, so the Arabic catalogue still finds them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from tarjama.core.packs.catalogue import CatalogueEntry
from tarjama.core.packs.download import human_bytes
from tarjama.gui.pack_rows import PackRow, folder_size, installed_folder

COLUMNS = (QT_TRANSLATE_NOOP("PacksTable", "Pack"), QT_TRANSLATE_NOOP("PacksTable", "Status"),
           QT_TRANSLATE_NOOP("PacksTable", "Family"),
           QT_TRANSLATE_NOOP("PacksTable", "Licence"), QT_TRANSLATE_NOOP("PacksTable", "Size"),
           QT_TRANSLATE_NOOP("PacksTable", "Quality"),
           QT_TRANSLATE_NOOP("PacksTable", "Description"))
NAME, STATUS, FAMILY, LICENCE, SIZE, QUALITY, DESCRIPTION = range(len(COLUMNS))
NON_COMMERCIAL_NOTE = QT_TRANSLATE_NOOP("PacksTable", "non-commercial use only")
Index = QModelIndex | QPersistentModelIndex


def translated(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP in the "PacksTable" context, translated."""
    return QCoreApplication.translate("PacksTable", text)


class PackRowsModel(QAbstractTableModel):
    """``PackRow`` objects, one per table row; the view reads texts, fonts and colours."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PackRow] = []
        self.bold_font = QFont()
        self.warning = QColor("darkred")
        self._sizes: dict[tuple[str, bool], int] = {}  # folder sizes, measured once per refresh

    # ------------------------------------------------------------------- rows
    def rows(self) -> list[PackRow]:
        return list(self._rows)

    def row_at(self, row: int) -> PackRow:
        return self._rows[row]

    def set_rows(self, rows: list[PackRow]) -> None:
        """Change the model into ``rows`` by removing, moving, inserting and updating rows."""
        self._sizes.clear()
        wanted = {row.key for row in rows}
        for position in reversed(range(len(self._rows))):
            if self._rows[position].key not in wanted:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self.endRemoveRows()
        for position, row in enumerate(rows):
            keys = [old.key for old in self._rows]
            if row.key not in keys:
                self.beginInsertRows(QModelIndex(), position, position)
                self._rows.insert(position, row)
                self.endInsertRows()
                continue
            found = keys.index(row.key)
            if found != position:  # found > position: the rows before it are in place
                self.beginMoveRows(QModelIndex(), found, found, QModelIndex(), position)
                self._rows.insert(position, self._rows.pop(found))
                self.endMoveRows()
            if self._rows[position] != row:
                self._rows[position] = row
                self.dataChanged.emit(self.index(position, 0),
                                      self.index(position, len(COLUMNS) - 1))

    def restyle(self, bold_font: QFont, warning: QColor) -> None:
        """The dialog's font and warning colour (after a theme or font change)."""
        self.bold_font, self.warning = bold_font, warning
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    # ---------------------------------------------------------------- Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translated(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.FontRole and column == NAME and row.is_default:
            return self.bold_font
        if role == Qt.ItemDataRole.ForegroundRole and (
                (column == LICENCE and row.non_commercial) or (column == STATUS and row.broken)):
            return self.warning
        return None

    # ----------------------------------------------------------------- texts
    def cell_text(self, row: PackRow, column: int) -> str:
        """What the table shows in ``column`` of ``row``."""
        if column == NAME:
            return row.name
        if column == STATUS:
            return status_text(row)
        if column == FAMILY:
            return row.family
        if column == LICENCE:
            if row.non_commercial:
                return f"⚠ {row.licence} ({translated(NON_COMMERCIAL_NOTE)})"
            return row.licence or QCoreApplication.translate("PacksTable", "unknown")
        if column == SIZE:
            return self._size_text(row)
        if column == QUALITY:
            return quality_text(row.entry)
        description = row.entry.description if row.entry else ""
        return description or (row.pack.info.description if row.pack else "")

    def _tooltip(self, row: PackRow, column: int) -> str:
        if column == LICENCE and row.non_commercial:
            return QCoreApplication.translate(
                "PacksTable", "This licence forbids commercial use of the pack and of its "
                              "translations.")
        if column == STATUS and row.broken:
            return row.broken
        if column == STATUS and row.in_argos_folder and row.pack is not None:
            return QCoreApplication.translate(
                "PacksTable", "Argos Translate's package in {0}: Tarjama uses it there and "
                              "never changes or deletes it.").format(row.pack.path)
        if column == QUALITY and row.entry and row.entry.quality:
            return "\n".join(figure.describe() for figure in row.entry.quality)
        return self.cell_text(row, column)

    def _size_text(self, row: PackRow) -> str:
        if row.on_disk:
            if row.key not in self._sizes:
                self._sizes[row.key] = folder_size(installed_folder(row))
            # Isolated left-to-right, so an Arabic interface shows "1.5 MB", not "MB 1.5".
            return "\u2066" + human_bytes(self._sizes[row.key]) + "\u2069"
        entry = row.entry
        if entry is None or entry.download_mb is None:
            return ""
        text = QCoreApplication.translate("PacksTable", "≈ {0} MB").format(entry.download_mb)
        if entry.installed_mb:
            text += QCoreApplication.translate("PacksTable", " ({0} MB installed)").format(
                entry.installed_mb)
        return text


def status_text(row: PackRow) -> str:
    if row.broken:
        return QCoreApplication.translate("PacksTable", "Installed, damaged")
    if row.in_argos_folder:
        if row.is_default:
            return QCoreApplication.translate("PacksTable", "Found in Argos's folder, default")
        return QCoreApplication.translate("PacksTable", "Found in Argos's folder")
    if row.is_default:
        return QCoreApplication.translate("PacksTable", "✔ Installed, default")
    if row.installed:
        return QCoreApplication.translate("PacksTable", "✔ Installed")
    if row.can_download:
        return QCoreApplication.translate("PacksTable", "Available")
    return QCoreApplication.translate("PacksTable", "Not installable yet")


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
