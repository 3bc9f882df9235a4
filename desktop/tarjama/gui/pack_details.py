"""The paragraph under the packs table about the selected pack.

Who made it, its published quality, why it cannot be installed or does not load, and
whether its licence forbids commercial use.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from tarjama.gui.pack_rows import PackRow


class PackDetails(QLabel):
    """Selectable text about one ``PackRow``; links are shown, never opened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setOpenExternalLinks(False)  # no network from the reader

    def show_row(self, row: PackRow | None) -> None:
        self.setText(self._describe(row) if row else "")

    def _describe(self, row: PackRow) -> str:
        lines = []
        if row.entry is not None:
            entry = row.entry
            lines.append(entry.description)
            if entry.attribution:
                lines.append(self.tr("By {0}.").format(entry.attribution))
            if entry.homepage:
                lines.append(self.tr("Home page: {0}").format(entry.homepage))
            if entry.quality:
                lines.append(self.tr("Published quality (not measured by Tarjama): {0}").format(
                    "; ".join(figure.describe() for figure in entry.quality)))
            if not entry.can_install:
                lines.append(self.tr("Cannot be installed yet: {0}.").format(
                    entry.why_not_installable()))
        elif row.pack is not None:
            info = row.pack.info
            lines.append(info.description or self.tr("No description."))
            if info.source:
                lines.append(self.tr("Source: {0}").format(info.source))
        if row.broken:
            lines.append(self.tr("This installed pack does not load: {0}").format(row.broken))
        if row.non_commercial:
            lines.append(self.tr("Licence {0}: non-commercial use only.").format(row.licence))
        return "\n".join(line for line in lines if line)
