"""The Packs dialog: see, download, install, choose and remove translation packs.

It composes the ``PacksTable`` (installed, catalogue and Argos Translate packs), the
``PackDetails`` of the selected one, the ``PackActionBar`` of buttons and the
``PackInstallPanel`` that installs in the background (downloading, unpacking and
test-translating take a while); choosing the default (``pack_choice``) and removing are
quick file operations done at once. Argos Translate's packages can be chosen, never
removed. Every failure is shown as a readable message; the dialog stays usable.
``packs_changed`` follows any change.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from tarjama.core.errors import PackError, TarjamaError
from tarjama.core.packs.catalogue import Catalogue, load_catalogue
from tarjama.core.packs.install import install_pack
from tarjama.gui.errors import ErrorReporter, describe
from tarjama.gui.pack_action_bar import ActionTexts, PackActionBar
from tarjama.gui.pack_actions import (
    ask_archive,
    ask_folder,
    confirm_removal,
    dialog_width,
    remove_installed,
)
from tarjama.gui.pack_choice import make_default, reader_settings
from tarjama.gui.pack_details import PackDetails
from tarjama.gui.pack_install_panel import PackInstallPanel
from tarjama.gui.pack_install_worker import PackInstallJob
from tarjama.gui.pack_rows import PackRow, collect_rows
from tarjama.gui.packs_table import PacksTable
from tarjama.gui.settings import Settings
from tarjama.gui.theme import is_dark, warning_colour


class PacksDialog(QDialog):
    """Manage translation packs. Emits ``packs_changed`` after any install, removal or
    change of the default pack."""

    packs_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *,
                 catalogue_path: str | Path | None = None,
                 reporter: ErrorReporter | None = None,
                 settings: Settings | None = None) -> None:
        super().__init__(parent)
        # Errors go through the window's reporter when there is one: one place shows them.
        self.reporter = reporter or getattr(parent, "reporter", None) or ErrorReporter()
        # The window's settings: an Argos package chosen here is its pack setting.
        self.settings = reader_settings(parent, settings)
        self.setWindowTitle(self.tr("Translation Packs"))
        self.resize(dialog_width(parent), 540)
        self._catalogue_path = catalogue_path
        self._catalogue: Catalogue | None = None
        self._close_when_done = False
        self._build_ui()
        self.refresh()

    # ----------------------------------------------------------------- layout
    def _build_ui(self) -> None:
        intro = QLabel(self.tr(
            "A translation pack is the model that turns Arabic into English. Installed packs "
            "work offline; the default pack is used unless you choose another."))
        intro.setWordWrap(True)

        self.table = PacksTable(self)
        self.table.selection_changed.connect(self.on_selection_changed)
        self.details = PackDetails(self)

        actions = PackActionBar(ActionTexts(
            download=self.tr("Download and Install"), reinstall=self.tr("Reinstall"),
            from_file=self.tr("Install from File…"), from_folder=self.tr("Install from Folder…"),
            set_default=self.tr("Set as Default"), remove=self.tr("Remove…"),
            argos_not_removed=self.tr("Tarjama never deletes Argos Translate's files: remove "
                                      "this package with Argos Translate.")), self)
        self.action_bar = actions
        self.download_button, self.file_button = actions.download_button, actions.file_button
        self.folder_button, self.default_button = actions.folder_button, actions.default_button
        self.remove_button = actions.remove_button
        self.download_button.clicked.connect(self.on_download_clicked)
        self.file_button.clicked.connect(self.on_install_file_clicked)
        self.folder_button.clicked.connect(self.on_install_folder_clicked)
        self.default_button.clicked.connect(self.on_set_default_clicked)
        self.remove_button.clicked.connect(self.on_remove_clicked)

        self.progress_panel = PackInstallPanel(self)
        self.progress_panel.install_started.connect(self.on_install_started)
        self.progress_panel.install_succeeded.connect(self.on_install_succeeded)
        self.progress_panel.install_failed.connect(self.on_install_failed)
        self.progress_panel.install_cancelled.connect(self.on_install_cancelled)
        self.progress_panel.install_finished.connect(self.on_install_finished)

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(actions)
        layout.addWidget(self.progress_panel)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)

    # ------------------------------------------------------------------ table
    def refresh(self) -> None:
        """Read the packs folder and the catalogue again and redraw the table."""
        problems = []
        try:
            self._catalogue = load_catalogue(self._catalogue_path)
        except PackError as exc:
            self._catalogue = None
            problems.append(self.tr("The pack catalogue could not be read: {0}").format(exc))
        rows = collect_rows(self._catalogue, self.settings.pack)
        self.table.show_rows(rows)
        if not any(row.on_disk for row in rows):
            problems.append(self.tr("No pack is installed yet: download one from the list, or "
                                    "install a pack file or folder you have on this computer."))
        if problems:
            self._show_message(" ".join(problems))
        self._update_buttons()

    def selected_row(self) -> PackRow | None:
        return self.table.selected_row()

    def selected_name(self) -> str | None:
        return self.table.selected_name()

    def select_pack(self, name: str) -> None:
        """Select the row of ``name`` (used by the main window and the tests)."""
        self.table.select_pack(name)

    def rows(self) -> list[PackRow]:
        return self.table.rows()

    @Slot()
    def on_selection_changed(self) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.action_bar.show_row(row, idle=not self.progress_panel.is_busy())
        self.details.show_row(row)

    # ---------------------------------------------------------------- actions
    @Slot()
    def on_download_clicked(self) -> None:
        row = self.selected_row()
        if row is None or row.entry is None or not row.can_download:
            return
        catalogue = self._catalogue
        name = row.name
        self.progress_panel.remember_partial_downloads()
        self.progress_panel.start(
            self.tr("Downloading {0}").format(name),
            lambda progress, status, cancel: install_pack(
                name, catalogue=catalogue, progress=progress, status=status, cancel=cancel),
        )

    @Slot()
    def on_install_file_clicked(self) -> None:
        path = ask_archive(self)
        if path:
            self.install_from_path(path)

    @Slot()
    def on_install_folder_clicked(self) -> None:
        path = ask_folder(self)
        if path:
            self.install_from_path(path)

    def install_from_path(self, path: str | Path) -> None:
        """Install a pack archive or folder in the background."""
        source = str(path)
        self.progress_panel.start(
            self.tr("Installing {0}").format(Path(source).name),
            lambda progress, status, cancel: install_pack(
                source, progress=progress, status=status, cancel=cancel),
        )

    @Slot()
    def on_set_default_clicked(self) -> None:
        row = self.selected_row()
        if row is None or row.pack is None:
            return
        try:
            make_default(row, self.settings)
        except TarjamaError as exc:
            self.refresh()  # first: the list may have changed, and the error stays shown
            self._show_error(exc, "setting the default pack")
            return
        self._show_message(self.tr("{0} is now the default pack.").format(row.name))
        self.refresh()
        self.packs_changed.emit()

    @Slot()
    def on_remove_clicked(self) -> None:
        row = self.selected_row()
        if row is None or not row.installed or not confirm_removal(self, row):
            return
        try:
            remove_installed(row.name)
        except TarjamaError as exc:
            self.refresh()
            self._show_error(exc, f"removing the pack {row.name}")
            return
        self._show_message(self.tr("{0} was removed.").format(row.name))
        self.refresh()
        self.packs_changed.emit()

    # ------------------------------------------------------------ background
    def is_busy(self) -> bool:
        return self.progress_panel.is_busy()

    @property
    def current_job(self) -> PackInstallJob | None:
        """The install or download running now, if any."""
        return self.progress_panel.current_job

    @Slot()
    def on_install_started(self) -> None:
        self.message_label.clear()
        self._update_buttons()

    @Slot(object)
    def on_install_succeeded(self, result: object) -> None:
        name = getattr(result, "name", "")
        text = self.tr("Installed {0}.").format(name)
        if getattr(result, "made_default", False):
            text += " " + self.tr("It is now the default pack.")
        notes = getattr(result, "notes", ())
        if notes:
            text += " " + " ".join(notes)
        self._show_message(text)
        self.refresh()
        if name in {row.name for row in self.rows()}:
            self.select_pack(name)
        self.packs_changed.emit()

    @Slot(object)
    def on_install_failed(self, error: BaseException) -> None:
        self._show_error(error, "installing a pack")

    @Slot()
    def on_install_cancelled(self) -> None:
        self._show_message(self.tr("Cancelled: nothing was installed."))

    @Slot()
    def on_install_finished(self) -> None:
        self._update_buttons()
        if self._close_when_done:
            super().reject()

    def reject(self) -> None:
        """Closing while installing cancels the job first and closes when it has stopped."""
        if self.progress_panel.is_busy():
            self._close_when_done = True
            self.progress_panel.cancel()
            return
        super().reject()

    def wait_for_job(self, timeout_ms: int = 30_000) -> bool:
        """Block until the background job has stopped (for scripts and shutdown)."""
        return self.progress_panel.wait_for_job(timeout_ms)

    # --------------------------------------------------------------- messages
    def _show_message(self, text: str) -> None:
        self.message_label.setStyleSheet("")
        self.message_label.setText(text)

    def _show_error(self, error: BaseException, context: str) -> None:
        """Show the readable message in the dialog and through the reporter (which logs)."""
        colour = warning_colour(is_dark(self.palette())).name()
        self.message_label.setStyleSheet(f"color: {colour};")
        self.message_label.setText(describe(error)[1])
        self.reporter.report(self, error, context)
