"""The glossary as an editable table: one row per term, Arabic and English cells.

The English cell holds the renderings separated by "|" ("UNRWA | the UN agency"), as
the file does. Rows are checked by the file's own rules (``glossary_file.parse_line``)
when the glossary is built from them, so the dialog and the file never disagree.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tarjama.core.glossary import Glossary
from tarjama.core.glossary_file import (
    GlossaryEntry,
    GlossaryProblem,
    clean,
    parse_text,
)

ARABIC, ENGLISH = 0, 1
Index = QModelIndex | QPersistentModelIndex


def english_cell(entry: GlossaryEntry) -> str:
    return " | ".join(entry.english)


class GlossaryTableModel(QAbstractTableModel):
    """Rows of [Arabic, English]; ``modified`` is True once a cell or row changed."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []
        self.modified = False

    # -- Qt --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.tr("Arabic") if section == ARABIC else self.tr("English (alternatives "
                                                                   "separated by |)")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        text = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == ARABIC:
            # Absolute: a plain AlignRight is mirrored in a right-to-left interface.
            return int(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight
                       | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        text = clean(str(value))
        if text == self._rows[index.row()][index.column()]:
            return False
        self._rows[index.row()][index.column()] = text
        self.modified = True
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole,
                                             Qt.ItemDataRole.EditRole])
        return True

    # -- editing ---------------------------------------------------------------------------

    def set_glossary(self, glossary: Glossary) -> None:
        self.beginResetModel()
        self._rows = [[e.arabic, english_cell(e)] for e in glossary.entries]
        self.endResetModel()
        self.modified = False

    def add_row(self, arabic: str = "", english: str = "") -> QModelIndex:
        """Append a row and return the index of its Arabic cell."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append([clean(arabic), clean(english)])
        self.endInsertRows()
        self.modified = True
        return self.index(row, ARABIC)

    def remove_rows(self, rows: list[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._rows):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
                self.modified = True

    def merge(self, glossary: Glossary) -> tuple[int, int]:
        """Take in an imported glossary: a term already here gets the imported English,
        a new one is appended. Returns (added, updated)."""
        known = {_key(arabic): row for row, (arabic, _) in enumerate(self._rows)}
        added = updated = 0
        for entry in glossary.entries:
            row = known.get(_key(entry.arabic))
            if row is None:
                self.add_row(entry.arabic, english_cell(entry))
                known[_key(entry.arabic)] = len(self._rows) - 1
                added += 1
            elif self._rows[row][ENGLISH] != english_cell(entry):
                self.setData(self.index(row, ENGLISH), english_cell(entry))
                updated += 1
        return added, updated

    def to_glossary(self) -> tuple[Glossary, list[GlossaryProblem]]:
        """The glossary the rows make; a row that breaks the file's rules is left out and
        reported with its row number (1 = the first row). Empty rows are dropped."""
        lines = [f"{arabic}\t{english}" for arabic, english in self._rows]
        entries, problems = parse_text("\n".join(
            line if line.strip() else "# empty row" for line in lines))
        return Glossary(tuple(entries)), problems


def _key(arabic: str) -> tuple[bool, tuple[str, ...]]:
    from tarjama.core.glossary_text import term_key

    return term_key(arabic)
