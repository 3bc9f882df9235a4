"""The reader window's other dialogs: Translate Folder, Manage Packs, About, and the
low-confidence threshold.

Each dialog's module is imported when it is opened, so the window starts without them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QWidget

from tarjama.core.errors import PackError
from tarjama.core.pipeline import ArticleResult
from tarjama.gui.settings import HIGHEST_THRESHOLD, LOWEST_THRESHOLD


def run_batch_dialog(parent: QWidget) -> QWidget:
    """Show the reader window's Batch window, non-modal, and return it.

    There is one per reader window, kept as its child once opened: opening it again
    (while a batch runs or after) brings that window forward with its folders,
    progress and failures, rather than starting a second batch beside it.
    """
    from tarjama.gui.batch_dialog import BatchDialog

    window = parent.findChild(BatchDialog)
    if window is None:
        window = BatchDialog(parent)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def stop_batch_before_closing(parent: QWidget) -> bool:
    """For the reader window's closeEvent: True when it may close.

    With a batch running in its Batch window, the user is asked first; "Yes" cancels
    the batch (after the engine's current batch) and lets the window close.
    """
    from tarjama.gui.batch_dialog import BatchDialog

    window = parent.findChild(BatchDialog)
    if window is None or not window.running:
        return True
    window.show()
    window.raise_()
    if not window.confirm_stop():
        return False
    window.cancel()
    return True


def run_packs_dialog(parent: QWidget, on_packs_changed: Callable[[], None]) -> None:
    from tarjama.gui.packs_dialog import PacksDialog

    dialog = PacksDialog(parent)
    dialog.packs_changed.connect(on_packs_changed)
    dialog.exec()


def pack_credits(article: ArticleResult | None,
                 pack_spec: str | None) -> tuple[str | None, str | None, str | None]:
    """Name, licence and source of the pack to credit; all None when there is none.

    The pack that translated the open article, else the one the next job would load.
    """
    if article is not None and article.pack is not None:
        info = article.pack
        return info.name, info.licence, info.source
    try:
        from tarjama.core.packs import resolve_pack

        info = resolve_pack(pack_spec).info
    except PackError:
        return None, None, None
    return info.name, info.licence, info.source


def run_about_dialog(parent: QWidget, article: ArticleResult | None,
                     pack_spec: str | None) -> None:
    from tarjama.gui.about_dialog import AboutDialog

    AboutDialog(*pack_credits(article, pack_spec), parent=parent).exec()


def ask_low_confidence_threshold(parent: QWidget, value: float) -> float | None:
    """The score below which sentences are marked as low confidence; None if cancelled."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("threshold_dialog")
    dialog.setWindowTitle(QCoreApplication.translate("ToolDialogs", "Low-Confidence Threshold"))
    dialog.setLabelText(QCoreApplication.translate(
        "ToolDialogs", "Mark sentences the model scores below this, in log-probability per "
        "token\n(0 is the surest; tarjama eval shows how the score follows chrF):"))
    dialog.setInputMode(QInputDialog.InputMode.DoubleInput)
    dialog.setDoubleRange(LOWEST_THRESHOLD, HIGHEST_THRESHOLD)
    dialog.setDoubleDecimals(1)
    dialog.setDoubleStep(0.1)
    dialog.setDoubleValue(value)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    chosen = dialog.doubleValue()
    dialog.deleteLater()
    return chosen if accepted else None
