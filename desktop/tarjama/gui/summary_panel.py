"""The Summary panel: algorithm and length controls and the chosen sentences.

Each summary sentence is shown in English (or in Arabic before the translation
arrives) with its Arabic original as a tooltip and as an expandable child row;
clicking either jumps to the sentence in both panes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tarjama.core.pipeline import SentenceResult
from tarjama.core.summary import ALGORITHMS
from tarjama.gui.settings import MAX_SUMMARY_SENTENCES

SENTENCE_ROLE = Qt.ItemDataRole.UserRole


class SummaryPanel(QWidget):
    options_changed = Signal(str, int)  # algorithm, number of sentences
    sentence_activated = Signal(int)
    copy_requested = Signal()

    def __init__(self, algorithm: str, sentences: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.algorithm_box = QComboBox(self)
        self.algorithm_box.addItems(ALGORITHMS)
        self.algorithm_box.setCurrentText(algorithm)
        self.length_box = QSpinBox(self)
        self.length_box.setRange(1, MAX_SUMMARY_SENTENCES)
        self.length_box.setValue(sentences)
        self.length_box.setSuffix(self.tr(" sentences"))
        self.copy_button = QPushButton(self.tr("Copy Summary"), self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAccessibleName(self.tr("Summary sentences"))

        controls = QFormLayout()
        controls.addRow(self.tr("&Algorithm:"), self.algorithm_box)
        controls.addRow(self.tr("&Length:"), self.length_box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

        self.algorithm_box.currentTextChanged.connect(self._emit_options)
        self.length_box.valueChanged.connect(self._emit_options)
        self.copy_button.clicked.connect(self.copy_requested)
        self.tree.itemClicked.connect(self._on_item_activated)
        self.tree.itemActivated.connect(self._on_item_activated)

    @property
    def algorithm(self) -> str:
        return self.algorithm_box.currentText()

    @property
    def length(self) -> int:
        return self.length_box.value()

    def show_summary(self, sentences: Sequence[SentenceResult]) -> None:
        """Show the chosen sentences, English first when translated."""
        self.tree.clear()
        for result in sentences:
            english = result.translation
            arabic = result.sentence.text
            item = QTreeWidgetItem([english if english else arabic])
            item.setData(0, SENTENCE_ROLE, result.sentence.id)
            item.setToolTip(0, arabic)
            if english:
                original = QTreeWidgetItem([arabic])
                original.setData(0, SENTENCE_ROLE, result.sentence.id)
                original.setTextAlignment(0, Qt.AlignmentFlag.AlignRight)
                item.addChild(original)
            else:
                item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight)
            self.tree.addTopLevelItem(item)

    def shown_texts(self) -> list[str]:
        return [self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())]

    def _emit_options(self, *_args: object) -> None:
        self.options_changed.emit(self.algorithm, self.length)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.sentence_activated.emit(int(item.data(0, SENTENCE_ROLE)))
