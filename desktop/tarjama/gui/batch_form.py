"""The Batch window's choices: the folders, the output formats, the summary length and
where the batch runs. The window (``batch_dialog``) reads them to start a job."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from tarjama.gui.batch_engine_choice import EngineChoiceBox
from tarjama.gui.batch_form_memory import SUMMARY_RANGE, FormChoices

FORMAT_LABELS = {"txt": QT_TRANSLATE_NOOP("BatchForm", "Text"), "md": "Markdown",
                 "html": "HTML", "json": "JSON", "docx": QT_TRANSLATE_NOOP("BatchForm", "Word")}
DEFAULT_FORMATS = FormChoices().formats


class BatchForm(QWidget):
    """The folder fields with their Browse buttons, the options, the formats, "Run on"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browse_buttons: list[QPushButton] = []
        self.in_edit = QLineEdit()
        self.out_edit = QLineEdit()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Articles folder:"), self._folder_row(self.in_edit))
        form.addRow(self.tr("Output folder:"), self._folder_row(self.out_edit))

        self.recursive_check = QCheckBox(self.tr("Include sub-folders"))
        self.force_check = QCheckBox(self.tr("Redo articles already translated"))
        form.addRow("", self.recursive_check)
        form.addRow("", self.force_check)

        formats = QHBoxLayout()
        self.format_checks: dict[str, QCheckBox] = {}
        for name, label in FORMAT_LABELS.items():
            box = QCheckBox(self.tr(label))
            box.setChecked(name in DEFAULT_FORMATS)
            self.format_checks[name] = box
            formats.addWidget(box)
        form.addRow(self.tr("Formats:"), formats)

        self.summary_spin = QSpinBox()
        self.summary_spin.setRange(*SUMMARY_RANGE)
        self.summary_spin.setValue(5)
        form.addRow(self.tr("Summary sentences:"), self.summary_spin)

        self.engine_box = EngineChoiceBox()
        form.addRow(self.tr("Run on:"), self.engine_box)

    def _folder_row(self, edit: QLineEdit) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(lambda: self._browse(edit))
        self.browse_buttons.append(browse)
        layout.addWidget(browse)
        return row

    def _browse(self, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), edit.text())
        if folder:
            edit.setText(folder)

    def selected_formats(self) -> tuple[str, ...]:
        return tuple(name for name, box in self.format_checks.items() if box.isChecked())

    def choices(self) -> FormChoices:
        """What the form holds now, as remembered between sessions (not "Redo")."""
        return FormChoices(articles_folder=self.in_edit.text().strip(),
                           output_folder=self.out_edit.text().strip(),
                           recursive=self.recursive_check.isChecked(),
                           formats=self.selected_formats(),
                           summary_sentences=self.summary_spin.value())

    def set_choices(self, choices: FormChoices) -> None:
        self.in_edit.setText(choices.articles_folder)
        self.out_edit.setText(choices.output_folder)
        self.recursive_check.setChecked(choices.recursive)
        for name, box in self.format_checks.items():
            box.setChecked(name in choices.formats)
        self.summary_spin.setValue(choices.summary_sentences)

    def set_editable(self, editable: bool) -> None:
        """Off while a batch runs: its choices are fixed once started."""
        for widget in (self.in_edit, self.out_edit, self.recursive_check, self.force_check,
                       self.summary_spin, *self.format_checks.values(), *self.browse_buttons):
            widget.setEnabled(editable)
        self.engine_box.set_editable(editable)
