"""The About dialog: version, the pack in use and its licence, the bundled font's licence.

Names, licences and sources are Latin text inside sentences that may be Arabic: each is
a left-to-right isolate (LRI ... PDI), so the bidi algorithm keeps its words in order
and the brackets around it belong to the sentence; the font and licence names also
keep their words together on one line (a name broken over two right-to-left lines
reads backwards).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from tarjama import __version__

LRI, PDI, NO_BREAK = "\u2066", "\u2069", "\u00a0"
FONT, FONT_LICENCE = "Noto Naskh Arabic", "SIL Open Font License 1.1"


def isolated(text: str, *, unbroken: bool = False) -> str:
    """``text`` escaped for rich text, as a left-to-right isolate."""
    escaped = html.escape(text)
    return LRI + (escaped.replace(" ", NO_BREAK) if unbroken else escaped) + PDI


def about_html(pack_name: str | None, pack_licence: str | None, pack_source: str | None) -> str:
    translate = QCoreApplication.translate
    if pack_name:
        licence = pack_licence or translate("AboutDialog", "unknown")
        # (pyside6-lupdate does not look inside f-strings: the labels come first.)
        pack_label = translate("AboutDialog", "Translation pack:")
        licence_label = translate("AboutDialog", "Licence:")
        pack = (f"<p>{pack_label} <b>{isolated(pack_name)}</b><br>"
                f"{licence_label} {isolated(licence)}")
        if pack_source:
            source_label = translate("AboutDialog", "Source:")
            pack += f"<br>{source_label} {isolated(pack_source)}"
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
            + translate("AboutDialog", "Arabic text is shown in %1 (%2) when it is bundled.")
            .replace("%1", isolated(FONT, unbroken=True))
            .replace("%2", isolated(FONT_LICENCE, unbroken=True))
            + "</p>")


class AboutDialog(QDialog):
    def __init__(self, pack_name: str | None, pack_licence: str | None,
                 pack_source: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Tarjama"))
        self.label = QLabel(about_html(pack_name, pack_licence, pack_source), self)
        self.label.setWordWrap(True)
        # Wide enough that a sentence wraps once or twice, not after every few words.
        self.label.setMinimumWidth(64 * self.fontMetrics().averageCharWidth())
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
