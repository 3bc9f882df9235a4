"""The About dialog: version, the pack in use and its licence, the bundled font's licence."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from tarjama import __version__


def about_html(pack_name: str | None, pack_licence: str | None, pack_source: str | None) -> str:
    if pack_name:
        pack = (f"<p>Translation pack: <b>{html.escape(pack_name)}</b><br>"
                f"Licence: {html.escape(pack_licence or 'unknown')}")
        if pack_source:
            pack += f"<br>Source: {html.escape(pack_source)}"
        pack += "</p>"
    else:
        pack = "<p>No translation pack is installed: Arabic text, figures and summaries only.</p>"
    return (f"<h2>Tarjama {html.escape(__version__)}</h2>"
            "<p>An offline reader for Arabic news, with a side-by-side English translation, "
            "summaries and checked key figures.</p>"
            f"{pack}"
            "<p>Machine translation can be wrong: check key figures against the Arabic.</p>"
            "<p>Arabic text is shown in Noto Naskh Arabic (SIL Open Font License 1.1) "
            "when it is bundled.</p>")


class AboutDialog(QDialog):
    def __init__(self, pack_name: str | None, pack_licence: str | None,
                 pack_source: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Tarjama"))
        self.label = QLabel(about_html(pack_name, pack_licence, pack_source), self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
