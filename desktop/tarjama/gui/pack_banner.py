"""The banner above the reader when no translation pack is installed.

It says in one plain sentence why there is no English and offers to install a pack;
the technical reason (which may name command-line steps) is only in the tooltip. The
window decides when it shows (it hides again once an article is translated).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class PackBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.install_button = QPushButton(self.tr("Install a Translation Pack…"))
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.install_button)
        self.hide()

    def show_reason(self, message: str) -> None:
        """Show the banner with why the pack could not be loaded."""
        self.label.setText(self.tr("No translation pack is installed, so only the Arabic, "
                                   "its key figures and its summary are shown."))
        self.label.setToolTip(message)
        self.show()
