"""The rows of the Key Figures table, as a Qt model that grows and changes in place.

While an article is translated, sentences reach the window in slices. Rebuilding the
whole table for every slice froze the window on long articles, so this model appends a
sentence's rows (``rowsInserted``) and rewrites them when its translation and fidelity
check arrive (``dataChanged``); a view then lays out only what changed. Rows stay in
document order (by sentence id); the panel's proxy sorts and filters on top.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from tarjama.core.pipeline import SentenceResult
from tarjama.gui import theme
from tarjama.gui.figure_rows import (  # noqa: F401 (names this module has always offered)
    STATUS_TIPS,
    FigureRow,
    figure_rows,
    row_tooltips,
)

SENTENCE_ROLE = Qt.ItemDataRole.UserRole  # the sentence id of the row
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # what the column sorts by
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 2  # whether the row needs the reader's attention

NUMBER, KIND, ARABIC, ENGLISH, STATUS = range(5)
HEADERS = ("#", QT_TRANSLATE_NOOP("FiguresModel", "Kind"),
           QT_TRANSLATE_NOOP("FiguresModel", "Arabic"),
           QT_TRANSLATE_NOOP("FiguresModel", "English"),
           QT_TRANSLATE_NOOP("FiguresModel", "Status"))
HEADER_TIPS = (QT_TRANSLATE_NOOP("FiguresModel", "Sentence number in the article"),
               QT_TRANSLATE_NOOP("FiguresModel", "What the figure counts or measures"),
               QT_TRANSLATE_NOOP("FiguresModel", "The figure as the Arabic writes it"),
               QT_TRANSLATE_NOOP("FiguresModel", "What the translation has"),
               QT_TRANSLATE_NOOP("FiguresModel", "Whether the translation keeps the figure"))

# An added figure is listed with the problems too: the translation may have invented it.
PROBLEM_STATUSES = frozenset({"missing", "changed", "added"})
WARNING_STATUSES = frozenset({"missing", "changed"})  # drawn in the warning colour
# Sorting by status puts what needs checking first.
STATUS_ORDER = {"missing": 0, "changed": 1, "added": 2, "pending": 3, "ok": 4}

_Parent = QModelIndex | QPersistentModelIndex

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_SENTENCE, _SORT, _PROBLEM = int(SENTENCE_ROLE), int(SORT_ROLE), int(PROBLEM_ROLE)
_ROLES_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _BACKGROUND, _FOREGROUND, _ALIGNMENT,
                             _SENTENCE, _SORT, _PROBLEM})
_ALIGNMENTS = {
    # Absolute: an RTL interface must not flip the Arabic to the left.
    ARABIC: Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight
    | Qt.AlignmentFlag.AlignVCenter,
    NUMBER: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
}


def _first_changed_column(old: FigureRow, new: FigureRow) -> int | None:
    """The leftmost column whose text, tooltip or colour differs; None when none does."""
    if old == new:
        return None
    if (old.kind, old.figure) != (new.kind, new.figure):
        return KIND
    return ARABIC if old.arabic != new.arabic else ENGLISH


class FiguresModel(QAbstractTableModel):
    """Every figure of the sentences shown so far, one row each, in document order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []  # the sentence id of each row, ascending (for bisect)
        self._rows: list[FigureRow] = []
        self._arabic: dict[int, str] = {}  # every sentence shown, with or without figures
        self._dark = False
        # Painting asks for a cell's colour many times; the theme's helpers are not free.
        self._colours: dict[str, QColor] = {}

    # -- the Qt model ----------------------------------------------------------------------

    def rowCount(self, parent: _Parent = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Parent = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(HEADER_TIPS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Painting asks every visible cell for a dozen roles; unknown ones leave at once
        # and the roles are plain ints, as PySide's enum lookups are slow in this path.
        if role not in _ROLES_ANSWERED or not index.isValid():
            return None
        position, column = index.row(), index.column()
        if not 0 <= position < len(self._rows):
            return None
        sentence_id, row = self._ids[position], self._rows[position]
        if role == _DISPLAY:
            return str(sentence_id + 1) if column == NUMBER else row.cells()[column - 1]
        if role == _BACKGROUND:
            return self._colour(row.kind) if column == KIND else None
        if role == _FOREGROUND:
            return self._colour("") if column == STATUS and (
                row.status in WARNING_STATUSES) else None
        if role == _ALIGNMENT:
            return _ALIGNMENTS.get(column)
        if role == _SENTENCE:
            return sentence_id
        if role == _SORT:
            if column == NUMBER:
                return sentence_id
            return STATUS_ORDER.get(row.status, 9) if column == STATUS else row.cells()[column - 1]
        if role == _PROBLEM:
            return row.status in PROBLEM_STATUSES
        if column == NUMBER:  # the tooltip
            return self.tr("Sentence %1").replace("%1", str(sentence_id + 1))
        return row_tooltips(row)[column - 1]

    # -- content ---------------------------------------------------------------------------

    def _colour(self, kind: str) -> QColor:
        """A kind's fill, or for "" the warning text colour."""
        colour = self._colours.get(kind)
        if colour is None:
            colour = (theme.figure_colour(kind, self._dark) if kind
                      else theme.warning_colour(self._dark))
            self._colours[kind] = colour
        return colour

    def refresh_colours(self, dark: bool) -> None:
        """The theme changed (or may have): colours are asked for again; only the
        coloured roles change."""
        self._dark = dark
        self._colours.clear()
        if self._rows:
            # From KIND: the sentence number (the default sort column) keeps its order.
            self.dataChanged.emit(self.index(0, KIND), self.index(len(self._rows) - 1, STATUS),
                                  [Qt.ItemDataRole.BackgroundRole,
                                   Qt.ItemDataRole.ForegroundRole])

    def set_sentences(self, sentences: Sequence[SentenceResult]) -> None:
        """Show these sentences, and only these.

        When they are the article already shown (the same ids and Arabic: the final
        result, a theme change), the rows are updated in place, so the view keeps its
        selection and scroll position; any other article resets the model.
        """
        if len(sentences) == len(self._arabic) and all(
                self._arabic.get(s.sentence.id) == s.sentence.text for s in sentences):
            self.update_sentences(sentences)
            return
        self.beginResetModel()
        self._ids, self._rows, self._arabic = [], [], {}
        for sentence in sorted(sentences, key=lambda s: s.sentence.id):
            self._arabic[sentence.sentence.id] = sentence.sentence.text
            for row in figure_rows(sentence):
                self._ids.append(sentence.sentence.id)
                self._rows.append(row)
        self.endResetModel()

    def add_sentences(self, sentences: Iterable[SentenceResult]) -> None:
        """Append newly arrived sentences' rows; a sentence already shown is updated.

        Consecutive sentences that land at the same place (the usual case: the next
        sentences of the article) go in with one ``rowsInserted``.
        """
        block_at, block_ids, block_rows = -1, [], []
        for sentence in sorted(sentences, key=lambda s: s.sentence.id):
            sentence_id = sentence.sentence.id
            if sentence_id in self._arabic:
                self._insert(block_at, block_ids, block_rows)
                block_at, block_ids, block_rows = -1, [], []
                self.update_sentences([sentence])
                continue
            self._arabic[sentence_id] = sentence.sentence.text
            rows = figure_rows(sentence)
            if not rows:
                continue
            at = bisect_right(self._ids, sentence_id)
            if at != block_at:
                self._insert(block_at, block_ids, block_rows)
                block_at, block_ids, block_rows = at, [], []
            block_ids += [sentence_id] * len(rows)
            block_rows += rows
        self._insert(block_at, block_ids, block_rows)

    def update_sentences(self, sentences: Iterable[SentenceResult]) -> None:
        """Sentences were translated: rewrite their rows where they are.

        A sentence that was never shown (one of an older article) is ignored. Rows the
        translation adds or removes (an added figure) are inserted or removed at the end
        of the sentence's rows; the rest change in place. The rows of a streamed slice's
        sentences follow one another: their changes are announced in one ``dataChanged``.
        """
        changed_rows: list[int] = []  # first row, last row, leftmost column not announced yet
        for sentence in sorted(sentences, key=lambda s: s.sentence.id):
            sentence_id = sentence.sentence.id
            if sentence_id not in self._arabic:
                continue
            first, end = bisect_left(self._ids, sentence_id), bisect_right(self._ids, sentence_id)
            rows = figure_rows(sentence)
            kept = min(len(rows), end - first)
            changed = [_first_changed_column(old, new)
                       for old, new in zip(self._rows[first:first + kept], rows, strict=False)]
            self._rows[first:first + kept] = rows[:kept]
            if any(column is not None for column in changed):
                # Only the columns that changed: a sorting proxy re-sorts (a layout change
                # for the whole view) when the sort column is in the range.
                left = min(column for column in changed if column is not None)
                if changed_rows and first <= changed_rows[1] + 1:
                    changed_rows[1:] = [first + kept - 1, min(changed_rows[2], left)]
                else:
                    self._announce(changed_rows)
                    changed_rows = [first, first + kept - 1, left]
            if len(rows) != end - first:
                self._announce(changed_rows)  # rows move: announce in the old numbering
                changed_rows = []
            if len(rows) > kept:
                self._insert(first + kept, [sentence_id] * (len(rows) - kept), rows[kept:])
            elif end - first > kept:
                self.beginRemoveRows(QModelIndex(), first + kept, end - 1)
                del self._ids[first + kept:end], self._rows[first + kept:end]
                self.endRemoveRows()
        self._announce(changed_rows)

    def _announce(self, changed_rows: list[int]) -> None:
        """One ``dataChanged`` for rows [first, last] from column ``left`` on."""
        if changed_rows:
            first, last, left = changed_rows
            self.dataChanged.emit(self.index(first, left), self.index(last, STATUS))

    def _insert(self, at: int, ids: list[int], rows: list[FigureRow]) -> None:
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), at, at + len(rows) - 1)
        self._ids[at:at] = ids
        self._rows[at:at] = rows
        self.endInsertRows()

    # -- reading back ----------------------------------------------------------------------

    def sentence_id(self, row: int) -> int:
        return self._ids[row]

    def figure_row(self, row: int) -> FigureRow:
        return self._rows[row]
