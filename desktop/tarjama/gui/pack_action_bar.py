"""The row of buttons under the packs table, and which of them the selected pack allows.

Download (or Reinstall), Install from File, Install from Folder, Set as Default and
Remove. The dialog translates the texts and hands them over in ``ActionTexts``, so they
stay filed under its translation context ("PacksDialog"); the dialog also connects the
clicks. Nothing can be started while an install runs. The bar is a layout, not a widget:
the buttons are the dialog's children and sit in its layout as they always have.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from tarjama.gui.pack_rows import PackRow


@dataclass(frozen=True)
class ActionTexts:
    """The buttons' texts, already translated."""

    download: str
    reinstall: str
    from_file: str
    from_folder: str
    set_default: str
    remove: str
    argos_not_removed: str  # the Remove tooltip on a package in Argos Translate's folder


class PackActionBar(QHBoxLayout):
    """The five action buttons in one row: installing on the left, the selected pack's
    on the right. ``parent`` is the widget that owns the buttons."""

    def __init__(self, texts: ActionTexts, parent: QWidget) -> None:
        super().__init__()
        self._texts = texts
        self.download_button = QPushButton(texts.download, parent)
        self.file_button = QPushButton(texts.from_file, parent)
        self.folder_button = QPushButton(texts.from_folder, parent)
        self.default_button = QPushButton(texts.set_default, parent)
        self.remove_button = QPushButton(texts.remove, parent)
        for button in (self.download_button, self.file_button, self.folder_button):
            self.addWidget(button)
        self.addStretch()
        self.addWidget(self.default_button)
        self.addWidget(self.remove_button)

    def show_row(self, row: PackRow | None, *, idle: bool) -> None:
        """Enable what ``row`` allows; ``idle`` is false while an install runs."""
        texts = self._texts
        self.download_button.setEnabled(idle and row is not None and row.can_download)
        self.download_button.setText(texts.reinstall if row and row.installed
                                     and row.can_download else texts.download)
        self.file_button.setEnabled(idle)
        self.folder_button.setEnabled(idle)
        self.default_button.setEnabled(idle and row is not None and row.pack is not None
                                       and not row.is_default)
        self.remove_button.setEnabled(idle and row is not None and row.installed)
        self.remove_button.setToolTip(
            texts.argos_not_removed if row is not None and row.in_argos_folder else "")
