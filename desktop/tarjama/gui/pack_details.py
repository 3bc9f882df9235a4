"""The paragraph under the packs table about the selected pack.

Who made it, its model family, its published quality, why it cannot be installed or
does not load, where an Argos Translate package is, and whether its licence forbids
commercial use.

A label wraps only where a line may break, and a long address (a home page, a signed
download URL) has no such place: the label would ask for its whole width and widen the
dialog past the screen. ``breakable`` puts zero-width spaces into long words, after
their separators and every few characters of a long run; copying takes them out again.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QWidget

from tarjama.gui.pack_rows import PackRow

BREAK = "\u200b"  # zero-width space: a line may break here, nothing is drawn
LONG_WORD = 24  # shorter words wrap as words do
RUN = 16  # the longest piece of a long word without a place to break
_LONG = re.compile(rf"\S{{{LONG_WORD},}}")
_SEPARATOR = re.compile(r"([/?&=#_.:;,~+%-])")


def _break_word(match: re.Match[str]) -> str:
    pieces = _SEPARATOR.sub(lambda m: m.group(1) + BREAK, match.group(0)).split(BREAK)
    return BREAK.join(BREAK.join(piece[i:i + RUN] for i in range(0, len(piece), RUN))
                      for piece in pieces)


def breakable(text: str) -> str:
    """``text`` with places to break inside its long words (URLs, paths, hashes)."""
    return _LONG.sub(_break_word, text)


class PackDetails(QLabel):
    """Selectable text about one ``PackRow``; links are shown, never opened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setOpenExternalLinks(False)  # no network from the reader
        # Our own Copy in the context menu: the label's own would copy the break marks.
        copy = QAction(self.tr("&Copy"), self)
        copy.triggered.connect(self.copy_selection)
        self.addAction(copy)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def show_row(self, row: PackRow | None) -> None:
        self.setText(breakable(self._describe(row)) if row else "")

    def plain_text(self) -> str:
        """The text shown, without the marks that let long words break."""
        return self.text().replace(BREAK, "")

    def copy_selection(self) -> None:
        if self.hasSelectedText():
            QGuiApplication.clipboard().setText(self.selectedText().replace(BREAK, ""))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy) and self.hasSelectedText():
            self.copy_selection()  # an address pasted into a browser must work
            event.accept()
            return
        super().keyPressEvent(event)

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
        if row.family:
            lines.append(self.tr("Model family: {0}.").format(row.family))
        if row.in_argos_folder and row.pack is not None:
            lines.append(self.tr("Found in Argos Translate's folder, {0}: Tarjama translates "
                                 "with it there, without copying it, and never changes or "
                                 "deletes it.").format(row.pack.path))
        if row.broken:
            lines.append(self.tr("This installed pack does not load: {0}").format(row.broken))
        if row.non_commercial:
            lines.append(self.tr("Licence {0}: non-commercial use only.").format(row.licence))
        return "\n".join(line for line in lines if line)
