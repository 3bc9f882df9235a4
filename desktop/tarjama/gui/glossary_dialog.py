"""Edit ▸ Glossary…: the user's names and terms, edited in a table and saved to their file.

The dialog is not modal: the article stays readable beside it. Saving writes the file
atomically (``Glossary.save``) and emits ``saved``; the reader window then checks the
open article again with the new terms (``recheck_open_article``), so a term just added
is highlighted and, when the English lacks it, warned of.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tarjama.core.glossary import Glossary, default_path
from tarjama.core.glossary_file import GlossaryError
from tarjama.core.glossary_user import forget_user_glossary
from tarjama.gui.glossary_model import ARABIC, ENGLISH, GlossaryTableModel

if TYPE_CHECKING:
    from tarjama.gui.main_window import MainWindow

SHOWN_PROBLEMS = 3  # lines of skipped rows in the status line; the rest are counted


class ArabicCellDelegate(QStyledItemDelegate):
    """Arabic cells laid out and edited right to left."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.direction = Qt.LayoutDirection.RightToLeft

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        return editor


class GlossaryDialog(QDialog):
    saved = Signal(object)  # the Glossary just written

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Glossary"))
        self.setModal(False)
        self.path = path or default_path()
        self.model = GlossaryTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(ARABIC, ArabicCellDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Glossary terms"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_layout()
        self.resize(640, 420)
        self.reload()

    def _build_layout(self) -> None:
        intro = QLabel(self.tr("Names and terms with the English they must be given. A term "
                               "in the Arabic whose English is missing from the translation "
                               "is warned of like a lost figure."))
        intro.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.import_button = QPushButton(self.tr("&Import…"))
        self.folder_button = QPushButton(self.tr("Open &Folder"))
        self.add_button.clicked.connect(self.add_term)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.import_dialog)
        self.folder_button.clicked.connect(self.open_folder)
        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button,
                       self.folder_button):
            row.addWidget(button)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    # -- the file --------------------------------------------------------------------------

    def reload(self) -> None:
        """Show the file's terms; its skipped lines, or why it cannot be read, below."""
        if not self.path.exists():
            self.model.set_glossary(Glossary())
            self.status.setText(self.tr("No glossary yet: add a term, then Save. It is kept "
                                        "in %1.").replace("%1", str(self.path)))
            return
        try:
            glossary = Glossary.load(self.path)
        except GlossaryError as exc:
            self.model.set_glossary(Glossary())
            self.status.setText(str(exc))
            return
        self.model.set_glossary(glossary)
        self._show_problems([f"line {p.line}: {p.reason}" for p in glossary.problems],
                            self.tr("%n term(s) in %1.", "", len(glossary))
                            .replace("%1", str(self.path)))

    def save(self) -> bool:
        """Write the rows to the file (atomically); False when it cannot be written."""
        glossary, problems = self.model.to_glossary()
        try:
            glossary.save(self.path)
        except OSError as exc:
            self.status.setText(self.tr("The glossary could not be saved: %1")
                                .replace("%1", exc.strerror or str(exc)))
            return False
        forget_user_glossary()
        self.model.modified = False
        saved = Glossary(glossary.entries, path=self.path)
        self._show_problems([f"row {p.line}: {p.reason}" for p in problems],
                            self.tr("Saved %n term(s).", "", len(saved)))
        self.saved.emit(saved)
        return True

    def _show_problems(self, problems: list[str], summary: str) -> None:
        if not problems:
            self.status.setText(summary)
            return
        shown = "; ".join(problems[:SHOWN_PROBLEMS])
        more = len(problems) - SHOWN_PROBLEMS
        text = self.tr("%1 Left out: %2").replace("%1", summary).replace("%2", shown)
        if more > 0:
            text += " " + self.tr("(and %n more)", "", more)
        self.status.setText(text)

    # -- buttons ---------------------------------------------------------------------------

    def add_term(self) -> None:
        index = self.model.add_row()
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def remove_selected(self) -> None:
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        self.model.remove_rows(rows)

    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import a Glossary"), "",
                                              self.tr("Glossary (*.tsv *.txt);;All files (*)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Add the terms of a TSV file to the table (saved with the next Save)."""
        try:
            imported = Glossary.load(path)
        except GlossaryError as exc:
            self.status.setText(str(exc))
            return
        added, updated = self.model.merge(imported)
        self._show_problems([f"line {p.line}: {p.reason}" for p in imported.problems],
                            self.tr("Imported from %1: %2 new, %3 updated.")
                            .replace("%1", path.name).replace("%2", str(added))
                            .replace("%3", str(updated)))

    def open_folder(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))

    # -- closing ---------------------------------------------------------------------------

    def ask_to_save(self) -> QMessageBox.StandardButton:
        return QMessageBox.question(
            self, self.tr("Glossary"), self.tr("Save the changes to the glossary?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.model.modified:
            answer = self.ask_to_save()
            if answer == QMessageBox.StandardButton.Cancel or (
                    answer == QMessageBox.StandardButton.Save and not self.save()):
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Discard:
                self.reload()
        super().closeEvent(event)


def run_glossary_dialog(window: MainWindow) -> GlossaryDialog:
    """Show the window's Glossary dialog (one per window, kept once opened)."""
    dialog = window.findChild(GlossaryDialog)
    if dialog is None:
        dialog = GlossaryDialog(window)
        dialog.saved.connect(lambda glossary: recheck_open_article(window, glossary))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def recheck_open_article(window: MainWindow, glossary: Glossary) -> None:
    """Check the article on screen against the saved glossary.

    While it is still being translated, it is translated again (the job then uses the
    new glossary from the start, and can repair a term); otherwise its English is
    checked again in place, without the engine.
    """
    from tarjama.core.glossary_recheck import recheck

    if window.current_path is not None and window.session.busy:
        window.open_file(window.current_path)
        return
    article = window.article
    if article is None or not article.translated:
        return
    window.display.show_translated(recheck(article.sentences, glossary or None))
    window.job_status.show_result(article)


__all__ = ["ENGLISH", "ArabicCellDelegate", "GlossaryDialog", "recheck_open_article",
           "run_glossary_dialog"]
