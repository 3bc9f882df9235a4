"""The Batch window's progress panel: the current file, all files, and the failures."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

ModelIndex = QModelIndex | QPersistentModelIndex


class FailureModel(QAbstractTableModel):
    """Files that could not be translated, and why; rows are only ever appended."""

    HEADERS = (QT_TRANSLATE_NOOP("FailureModel", "File"),
               QT_TRANSLATE_NOOP("FailureModel", "Reason"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def append(self, file: str, reason: str) -> None:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append((file, reason))
        self.endInsertRows()

    def clear(self) -> None:
        """Empty the list for a new run (the only time rows go)."""
        self.beginResetModel()
        self._rows.clear()
        self.endResetModel()

    def rows(self) -> list[tuple[str, str]]:
        return list(self._rows)


class BatchProgressPanel(QWidget):
    """Shows a ``BatchProgress`` snapshot: the file being translated and the whole run."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_label = QLabel()
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)  # file names are not markup
        self.file_bar = QProgressBar()
        self.file_bar.setFormat(self.tr("%v of %m sentences"))
        self.overall_bar = QProgressBar()
        self.overall_bar.setFormat(self.tr("%v of %m files"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.failures = FailureModel(self)
        self.failure_view = QTableView()
        self.failure_view.setModel(self.failures)
        self.failure_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.failure_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.failure_view.verticalHeader().hide()
        header = self.failure_view.horizontalHeader()
        # Fixed at first (fitting it to the contents re-measures every row on each
        # failure); the user can widen it.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 240)
        header.setStretchLastSection(True)
        # Room for a few failures from the start, so the window does not jump when the
        # first one arrives.
        rows = 4
        self.failure_view.setMinimumHeight(
            header.sizeHint().height() + rows * self.failure_view.verticalHeader()
            .defaultSectionSize() + 2 * self.failure_view.frameWidth())
        self.failures_label = QLabel()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Current file:")))
        layout.addWidget(self.file_label)
        layout.addWidget(self.file_bar)
        layout.addWidget(QLabel(self.tr("All files:")))
        layout.addWidget(self.overall_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.failures_label)
        layout.addWidget(self.failure_view, 1)
        self._failed_so_far = 0
        self.failures.rowsInserted.connect(self._update_failures_label)
        self.failures.modelReset.connect(self._update_failures_label)
        self._update_failures_label()

    def reset(self) -> None:
        self.file_label.setText(self.tr("Waiting for the first translations…"))
        self.file_bar.setRange(0, 1)
        self.file_bar.setValue(0)
        self.overall_bar.setRange(0, 1)
        self.overall_bar.setValue(0)
        self._failed_so_far = 0
        self.failures.clear()

    def show_progress(self, progress: Any) -> None:
        self.overall_bar.setRange(0, max(1, progress.files_total))
        self.overall_bar.setValue(progress.files_done)
        if progress.current_file and progress.current_total:
            self.file_label.setText(progress.current_file)
            self.file_bar.setRange(0, progress.current_total)
            self.file_bar.setValue(progress.current_done)
        if progress.files_failed != self._failed_so_far:
            self._failed_so_far = progress.files_failed
            self._update_failures_label()
        self.show_status(describe_progress(progress))

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet("color: #a40000;" if error else "")
        self.status_label.setText(text)

    def _update_failures_label(self) -> None:
        # Rows come with the progress that counts them (each failure is reported with
        # its reason as it happens), so the list and the count agree.
        count = max(self._failed_so_far, self.failures.rowCount())
        self.failures_label.setText(
            self.tr("Files that could not be translated: {0}").format(count))


def describe_progress(progress: Any) -> str:
    """``12/100 files · 3,210 sentences · 45 words/s · about 12 min left``"""
    parts = [_text("%1/%2 files", progress.files_done, progress.files_total),
             _text("%1 sentences", f"{progress.sentences_done:,}"),
             _text("%1 words/s", f"{progress.words_per_second:.0f}")]
    if progress.files_failed:
        parts.append(_text("%1 failed", progress.files_failed))
    eta = progress.eta_seconds
    if eta is not None:
        minutes = round(eta / 60)
        parts.append(_text("about %1 min left", minutes) if minutes >= 1
                     else _text("less than a minute left"))
    return " · ".join(parts)


# describe_progress's texts, marked for pyside6-lupdate (it cannot see through _text).
PROGRESS_TEXTS = (
    QT_TRANSLATE_NOOP("BatchProgressPanel", "%1/%2 files"),
    QT_TRANSLATE_NOOP("BatchProgressPanel", "%1 sentences"),
    QT_TRANSLATE_NOOP("BatchProgressPanel", "%1 words/s"),
    QT_TRANSLATE_NOOP("BatchProgressPanel", "%1 failed"),
    QT_TRANSLATE_NOOP("BatchProgressPanel", "about %1 min left"),
    QT_TRANSLATE_NOOP("BatchProgressPanel", "less than a minute left"),
)


def _text(source: str, *values: object) -> str:
    """The translation of ``source`` with ``values`` put in for %1, %2... (a translation
    may order them differently)."""
    text = QCoreApplication.translate("BatchProgressPanel", source)
    for number, value in enumerate(values, 1):
        text = text.replace(f"%{number}", str(value))
    return text
