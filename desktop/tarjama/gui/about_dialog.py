"""The About dialog: version, the pack in use and its licence, the bundled font's licence."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from tarjama import __version__


def about_html(pack_name: str | None, pack_licence: str | None, pack_source: str | None) -> str:
    translate = QCoreApplication.translate
    if pack_name:
        licence = pack_licence or translate("AboutDialog", "unknown")
        # (pyside6-lupdate does not look inside f-strings: the labels come first.)
        pack_label = translate("AboutDialog", "Translation pack:")
        licence_label = translate("AboutDialog", "Licence:")
        pack = (f"<p>{pack_label} <b>{html.escape(pack_name)}</b><br>"
                f"{licence_label} {html.escape(licence)}")
        if pack_source:
            source_label = translate("AboutDialog", "Source:")
            pack += f"<br>{source_label} {html.escape(pack_source)}"
        pack += "</p>"
    else:
        pack = "<p>" + translate("AboutDialog", "No translation pack is installed: Arabic text, "
                                 "figures and summaries only.") + "</p>"
    return (f"<h2>Tarjama {html.escape(__version__)}</h2><p>"
            + translate("AboutDialog", "An offline reader for Arabic news, with a side-by-side "
                        "English translation, summaries and checked key figures.")
            + f"</p>{pack}<p>"
            + translate("AboutDialog", "Machine translation can be wrong: check key figures "
                        "against the Arabic.")
            + "</p><p>"
            + translate("AboutDialog", "Arabic text is shown in Noto Naskh Arabic (SIL Open "
                        "Font License 1.1) when it is bundled.")
            + "</p>")


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
