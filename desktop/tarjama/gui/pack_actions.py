"""The Packs dialog's questions and quick file operations, apart from its layout.

The dialog's width for the screen it opens on, asking for a pack file or folder, and
removing an installed pack (the question first, then the files). The texts keep the
dialog's translation context ("PacksDialog"), where they were first written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from tarjama.core.errors import PackError
from tarjama.core.packs.install import remove_pack
from tarjama.gui.pack_rows import PackRow

ARCHIVE_FILTER = QT_TRANSLATE_NOOP(
    "PacksDialog",
    "Pack archives (*.argosmodel *.zip *.tar.gz *.tgz *.tar.xz *.tar);;All files (*)")
WIDTH = 980  # fits a 1024-pixel screen with its window frame



def dialog_width(parent: QWidget | None) -> int:
    """``WIDTH``, or less on a screen narrower than that."""
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    available = screen.availableGeometry().width() if screen is not None else WIDTH
    return min(WIDTH, available - 40)


def ask_archive(parent: QWidget) -> str:
    """A pack archive chosen by the user, or "" when they cancelled."""
    path, _filter = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("PacksDialog", "Install a Pack File"),
        str(Path.home()), QCoreApplication.translate("PacksDialog", ARCHIVE_FILTER))
    return path


def ask_folder(parent: QWidget) -> str:
    """A pack folder chosen by the user, or "" when they cancelled."""
    return QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("PacksDialog", "Install a Pack Folder"),
        str(Path.home()))


def confirm_removal(parent: QWidget, row: PackRow) -> bool:
    """Ask whether to delete ``row``'s pack; warn when it is the default one."""
    question = QCoreApplication.translate(
        "PacksDialog", "Remove the pack {0}? Its files will be deleted from this computer."
    ).format(row.name)
    if row.is_default:
        question += " " + QCoreApplication.translate(
            "PacksDialog", "It is the default pack: no pack will be the default.")
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("PacksDialog", "Remove Pack"), question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def remove_installed(name: str) -> None:
    """Delete the pack's files; any failure is a PackError with a readable message."""
    try:
        remove_pack(name)
    except OSError as exc:  # e.g. a file held open by another program on Windows
        raise PackError(f"cannot remove the pack {name}: {exc.strerror or exc}") from exc
