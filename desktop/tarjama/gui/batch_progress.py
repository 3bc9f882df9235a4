"""The Batch window's progress panel: the current file, all files, and the failures."""

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
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tarjama.gui import palette
from tarjama.gui.failure_reason_texts import reason_text

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
        """List a failed file; ``reason`` is the core's English, shown in the interface
        language."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append((file, reason_text(reason)))
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
        self.overall_bar = QProgressBar()
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
        self._file_sentences: dict[str, int] = {}  # sentences translated, per file seen
        self._error = False
        self.failures.rowsInserted.connect(self._update_failures_label)
        self.failures.modelReset.connect(self._update_failures_label)
        self._update_failures_label()
        palette.notifier().changed.connect(self._colour_status)

    def reset(self) -> None:
        self.file_label.setText(self.tr("Waiting for the first translations…"))
        self._clear_file_bar()
        self.overall_bar.setRange(0, 1)
        self.overall_bar.setValue(0)
        self._set_bar_format(self.overall_bar, 1, files=True)
        self._failed_so_far = 0
        self._file_sentences.clear()
        self.failures.clear()

    def show_progress(self, progress: Any) -> None:
        self.overall_bar.setRange(0, max(1, progress.files_total))
        self.overall_bar.setValue(progress.files_done)
        self._set_bar_format(self.overall_bar, progress.files_total, files=True)
        if progress.current_file and progress.current_total:
            self.file_label.setText(progress.current_file)
            self.file_bar.setTextVisible(True)
            self.file_bar.setRange(0, progress.current_total)
            self.file_bar.setValue(progress.current_done)
            self._set_bar_format(self.file_bar, progress.current_total, files=False)
            self._file_sentences[progress.current_file] = progress.current_done
        if progress.files_failed != self._failed_so_far:
            self._failed_so_far = progress.files_failed
            self._update_failures_label()
        self.show_status(describe_progress(progress, self.sentences_done(progress)))

    def sentences_done(self, progress: Any) -> int:
        """Sentences translated so far, as the file bars counted them (the run's own count
        only moves when an engine batch ends, so mid-file it lagged behind the bar)."""
        return max(progress.sentences_done, sum(self._file_sentences.values()))

    def show_finished(self) -> None:
        """The run is over: no file is being translated any more."""
        self.file_label.setText(self.tr("None: the batch has ended."))
        self._clear_file_bar()

    def show_status(self, text: str, *, error: bool = False) -> None:
        self._error = error
        self.status_label.setText(text)
        self._colour_status()

    def _colour_status(self, *_args: object) -> None:
        # The theme's warning text, re-applied when the theme changes.
        colour = palette.current().warning_text if self._error else ""
        self.status_label.setStyleSheet(f"color: {colour};" if colour else "")

    def _clear_file_bar(self) -> None:
        self.file_bar.setRange(0, 1)
        self.file_bar.setValue(0)
        self.file_bar.setTextVisible(False)  # "0 of 1 sentences" would be untrue

    def _set_bar_format(self, bar: QProgressBar, total: int, *, files: bool) -> None:
        if files:
            text = self.tr("%v of 1 file") if total == 1 else self.tr("%v of %n files", "", total)
        else:
            text = (self.tr("%v of 1 sentence") if total == 1
                    else self.tr("%v of %n sentences", "", total))
        bar.setFormat(text)

    def _update_failures_label(self) -> None:
        # Rows come with the progress that counts them (each failure is reported with
        # its reason as it happens), so the list and the count agree.
        count = max(self._failed_so_far, self.failures.rowCount())
        self.failures_label.setText(
            self.tr("Files that could not be translated: {0}").format(count))


def describe_progress(progress: Any, sentences: int | None = None) -> str:
    """``12/100 files · 3,210 sentences · 45 words/s · about 12 min left``

    ``sentences`` is the count to show when the caller knows better than the snapshot;
    the speed is left out until the first words are counted (not "0 words/s").
    """
    sentences = progress.sentences_done if sentences is None else sentences
    parts = [_text("%1/%2 files", progress.files_done, progress.files_total),
             BatchCounts().sentences(sentences)]
    if progress.words_done:
        parts.append(_text("%1 words/s", f"{progress.words_per_second:.0f}"))
    if progress.files_failed:
        parts.append(_text("%1 failed", progress.files_failed))
    eta = progress.eta_seconds
    if eta is not None:
        minutes = round(eta / 60)
        parts.append(_text("about %1 min left", minutes) if minutes >= 1
                     else _text("less than a minute left"))
    return " · ".join(parts)


class BatchCounts(QObject):
    """Counted nouns in the plural form their number takes (pyside6-lupdate only marks
    numerus forms in ``self.tr`` calls)."""

    def sentences(self, count: int) -> str:
        text = self.tr("1 sentence") if count == 1 else self.tr("%n sentences", "", count)
        return text.replace(str(count), f"{count:,}", 1)  # 3,210


# describe_progress's texts, marked for pyside6-lupdate (it cannot see through _text).
PROGRESS_TEXTS = (
    QT_TRANSLATE_NOOP("BatchProgressPanel", "%1/%2 files"),
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
