"""The Packs dialog: see, download, install, choose and remove translation packs.

One table lists the installed packs and the catalogue's packs together. Installing
(from the catalogue, an archive or a folder) runs in a ``PackInstallJob`` because it
downloads, unpacks and test-translates; choosing the default and removing are quick
file operations done at once. Every failure is a ``TarjamaError`` message shown in a
message box; the dialog stays usable. ``packs_changed`` is emitted after any change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tarjama.core.errors import PackError, TarjamaError
from tarjama.core.packs.catalogue import Catalogue, CatalogueEntry, load_catalogue
from tarjama.core.packs.download import SpeedMeter, human_bytes
from tarjama.core.packs.install import (
    downloads_dir,
    install_pack,
    remove_pack,
    set_default_pack,
)
from tarjama.core.packs.locate import default_pack_name, installed_pack_folders
from tarjama.core.packs.pack import Pack, load_pack
from tarjama.gui.errors import ErrorReporter, describe
from tarjama.gui.pack_install_worker import InstallWork, PackInstallJob
from tarjama.gui.theme import is_dark, warning_colour

COLUMNS = ("Pack", "Status", "Licence", "Size", "Quality", "Description")
NAME, STATUS, LICENCE, SIZE, QUALITY, DESCRIPTION = range(len(COLUMNS))
ARCHIVE_FILTER = "Pack archives (*.argosmodel *.zip *.tar.gz *.tgz *.tar.xz *.tar);;All files (*)"
NON_COMMERCIAL_NOTE = "non-commercial use only"


@dataclass(frozen=True)
class PackRow:
    """One line of the table: an installed pack, a catalogue pack, or both."""

    name: str
    pack: Pack | None = None          # set when installed and loadable
    broken: str = ""                  # why an installed folder does not load
    entry: CatalogueEntry | None = None
    is_default: bool = False

    @property
    def installed(self) -> bool:
        return self.pack is not None or bool(self.broken)

    @property
    def licence(self) -> str:
        if self.entry is not None:
            return self.entry.licence
        return self.pack.info.licence if self.pack else ""

    @property
    def non_commercial(self) -> bool:
        if self.entry is not None and self.entry.non_commercial:
            return True
        # Installed packs outside the catalogue: judge by the licence name (CC-BY-NC-*).
        return "-NC" in self.licence.upper() or "NON-COMMERCIAL" in self.licence.upper()

    @property
    def can_download(self) -> bool:
        return self.entry is not None and self.entry.can_install


def collect_rows(catalogue: Catalogue | None) -> list[PackRow]:
    """Installed packs first (by name), then catalogue packs not installed, in catalogue order."""
    default = default_pack_name()
    entries = {entry.name: entry for entry in catalogue.entries} if catalogue else {}
    rows = []
    for folder in installed_pack_folders():
        try:
            pack, broken = load_pack(folder), ""
        except PackError as exc:
            pack, broken = None, str(exc)
        rows.append(PackRow(folder.name, pack, broken, entries.get(folder.name),
                            folder.name == default))
    installed = {row.name for row in rows}
    rows += [PackRow(name, entry=entry) for name, entry in entries.items() if name not in installed]
    return rows


def folder_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())


class PacksDialog(QDialog):
    """Manage translation packs. Emits ``packs_changed`` after any install, removal or
    change of the default pack."""

    packs_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *,
                 catalogue_path: str | Path | None = None,
                 reporter: ErrorReporter | None = None) -> None:
        super().__init__(parent)
        # Errors go through the window's reporter when there is one: one place shows them.
        self.reporter = reporter or getattr(parent, "reporter", None) or ErrorReporter()
        self.setWindowTitle(self.tr("Translation Packs"))
        self.resize(1120, 540)
        self._catalogue_path = catalogue_path
        self._catalogue: Catalogue | None = None
        self._rows: list[PackRow] = []
        self._job: PackInstallJob | None = None
        self._close_when_done = False
        self._speed = SpeedMeter()
        self._parts_before: dict[Path, float] = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._build_ui()
        self.refresh()

    # ----------------------------------------------------------------- layout
    def _build_ui(self) -> None:
        intro = QLabel(self.tr(
            "A translation pack is the model that turns Arabic into English. Installed packs "
            "work offline; the default pack is used unless you choose another."))
        intro.setWordWrap(True)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(title) for title in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Licences and sizes can be long sentences: fixed widths, full text in tooltips.
        for column, width in ((LICENCE, 250), (SIZE, 185), (QUALITY, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setOpenExternalLinks(False)  # no network from the reader

        self.download_button = QPushButton(self.tr("Download and Install"), self)
        self.file_button = QPushButton(self.tr("Install from File…"), self)
        self.folder_button = QPushButton(self.tr("Install from Folder…"), self)
        self.default_button = QPushButton(self.tr("Set as Default"), self)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.download_button.clicked.connect(self.on_download_clicked)
        self.file_button.clicked.connect(self.on_install_file_clicked)
        self.folder_button.clicked.connect(self.on_install_folder_clicked)
        self.default_button.clicked.connect(self.on_set_default_clicked)
        self.remove_button.clicked.connect(self.on_remove_clicked)
        actions = QHBoxLayout()
        for button in (self.download_button, self.file_button, self.folder_button):
            actions.addWidget(button)
        actions.addStretch()
        actions.addWidget(self.default_button)
        actions.addWidget(self.remove_button)

        self.progress_panel = QWidget(self)
        self.step_label = QLabel(self.progress_panel)
        self.progress_bar = QProgressBar(self.progress_panel)
        self.bytes_label = QLabel(self.progress_panel)
        self.cancel_button = QPushButton(self.tr("Cancel"), self.progress_panel)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        progress_row = QHBoxLayout(self.progress_panel)
        progress_row.setContentsMargins(0, 0, 0, 0)
        progress_row.addWidget(self.step_label, 2)
        progress_row.addWidget(self.progress_bar, 2)
        progress_row.addWidget(self.bytes_label, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_panel.hide()

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
        selected = self.selected_name()
        problems = []
        try:
            self._catalogue = load_catalogue(self._catalogue_path)
        except PackError as exc:
            self._catalogue = None
            problems.append(self.tr("The pack catalogue could not be read: {0}").format(exc))
        self._rows = collect_rows(self._catalogue)
        self.table.setRowCount(len(self._rows))
        for index, row in enumerate(self._rows):
            self._fill_row(index, row)
        names = [row.name for row in self._rows]
        if selected in names:
            self.table.selectRow(names.index(selected))
        elif self._rows:
            self.table.selectRow(0)
        if not any(row.installed for row in self._rows):
            problems.append(self.tr("No pack is installed yet: download one from the list, or "
                                    "install a pack file or folder you have on this computer."))
        if problems:
            self._show_message(" ".join(problems))
        self._update_buttons()

    def _fill_row(self, index: int, row: PackRow) -> None:
        description = row.entry.description if row.entry else ""
        if row.pack and not description:
            description = row.pack.info.description
        cells = {
            NAME: row.name,
            STATUS: self._status_text(row),
            LICENCE: row.licence or self.tr("unknown"),
            SIZE: self._size_text(row),
            QUALITY: self._quality_text(row.entry),
            DESCRIPTION: description,
        }
        for column, text in cells.items():
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(index, column, item)
        if row.is_default or row.installed:
            bold = QFont(self.font())
            bold.setBold(row.is_default)
            self.table.item(index, NAME).setFont(bold)
        if row.non_commercial:
            licence = self.table.item(index, LICENCE)
            licence.setText(f"⚠ {row.licence} ({self.tr(NON_COMMERCIAL_NOTE)})")
            licence.setForeground(warning_colour(is_dark(self.palette())))
            licence.setToolTip(self.tr("This licence forbids commercial use of the pack and "
                                       "of its translations."))
        if row.broken:
            self.table.item(index, STATUS).setToolTip(row.broken)
            self.table.item(index, STATUS).setForeground(warning_colour(is_dark(self.palette())))
        if row.entry and row.entry.quality:
            self.table.item(index, QUALITY).setToolTip(
                "\n".join(figure.describe() for figure in row.entry.quality))

    def _status_text(self, row: PackRow) -> str:
        if row.broken:
            return self.tr("Installed, damaged")
        if row.is_default:
            return self.tr("✔ Installed, default")
        if row.installed:
            return self.tr("✔ Installed")
        if row.can_download:
            return self.tr("Available")
        return self.tr("Not installable yet")

    def _size_text(self, row: PackRow) -> str:
        if row.installed:
            return human_bytes(folder_size(self._pack_folder(row)))
        entry = row.entry
        if entry is None or entry.download_mb is None:
            return ""
        text = self.tr("≈ {0} MB").format(entry.download_mb)
        if entry.installed_mb:
            text += self.tr(" ({0} MB installed)").format(entry.installed_mb)
        return text

    def _quality_text(self, entry: CatalogueEntry | None) -> str:
        """The first published score, short; the tooltip names every test set and source."""
        if entry is None or not entry.quality:
            return ""
        first = entry.quality[0]
        scores = []
        if first.bleu is not None:
            scores.append(f"BLEU {first.bleu:.1f}")
        if first.chrf is not None:
            scores.append(f"chrF {first.chrf:.3f}")
        return ", ".join(scores)

    def _pack_folder(self, row: PackRow) -> Path:
        return row.pack.path if row.pack else next(
            folder for folder in installed_pack_folders() if folder.name == row.name)

    def selected_row(self) -> PackRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def selected_name(self) -> str | None:
        row = self.selected_row()
        return row.name if row else None

    def select_pack(self, name: str) -> None:
        """Select the row of ``name`` (used by the main window and the tests)."""
        for index, row in enumerate(self._rows):
            if row.name == name:
                self.table.selectRow(index)
                return
        raise KeyError(name)

    def rows(self) -> list[PackRow]:
        return list(self._rows)

    @Slot()
    def _update_buttons(self) -> None:
        row = self.selected_row()
        idle = self._job is None
        self.download_button.setEnabled(idle and row is not None and row.can_download)
        self.download_button.setText(self.tr("Reinstall") if row and row.installed
                                     and row.can_download else self.tr("Download and Install"))
        self.file_button.setEnabled(idle)
        self.folder_button.setEnabled(idle)
        self.default_button.setEnabled(idle and row is not None and row.pack is not None
                                       and not row.is_default)
        self.remove_button.setEnabled(idle and row is not None and row.installed)
        self.details.setText(self._details_text(row) if row else "")

    def _details_text(self, row: PackRow) -> str:
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

    # ---------------------------------------------------------------- actions
    @Slot()
    def on_download_clicked(self) -> None:
        row = self.selected_row()
        if row is None or row.entry is None or not row.can_download:
            return
        catalogue = self._catalogue
        name = row.name
        self._remember_partial_downloads()
        self._start_job(
            self.tr("Downloading {0}").format(name),
            lambda progress, status, cancel: install_pack(
                name, catalogue=catalogue, progress=progress, status=status, cancel=cancel),
        )

    @Slot()
    def on_install_file_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Install a Pack File"), str(Path.home()), self.tr(ARCHIVE_FILTER))
        if path:
            self.install_from_path(path)

    @Slot()
    def on_install_folder_clicked(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Install a Pack Folder"), str(Path.home()))
        if path:
            self.install_from_path(path)

    def install_from_path(self, path: str | Path) -> None:
        """Install a pack archive or folder in the background."""
        source = str(path)
        self._start_job(
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
            set_default_pack(row.name)
        except TarjamaError as exc:
            self._show_error(exc, "setting the default pack")
            self.refresh()
            return
        self._show_message(self.tr("{0} is now the default pack.").format(row.name))
        self.refresh()
        self.packs_changed.emit()

    @Slot()
    def on_remove_clicked(self) -> None:
        row = self.selected_row()
        if row is None or not row.installed:
            return
        question = self.tr("Remove the pack {0}? Its files will be deleted from this computer."
                           ).format(row.name)
        if row.is_default:
            question += " " + self.tr("It is the default pack: no pack will be the default.")
        answer = QMessageBox.question(
            self, self.tr("Remove Pack"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            try:
                remove_pack(row.name)
            except OSError as exc:  # e.g. a file held open by another program on Windows
                raise PackError(f"cannot remove the pack {row.name}: {exc.strerror or exc}"
                                ) from exc
        except TarjamaError as exc:
            self._show_error(exc, f"removing the pack {row.name}")
            self.refresh()
            return
        self._show_message(self.tr("{0} was removed.").format(row.name))
        self.refresh()
        self.packs_changed.emit()

    @Slot()
    def on_cancel_clicked(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.step_label.setText(self.tr("Cancelling…"))

    # ------------------------------------------------------------ background
    def is_busy(self) -> bool:
        return self._job is not None

    @property
    def current_job(self) -> PackInstallJob | None:
        """The install or download running now, if any."""
        return self._job

    def _start_job(self, title: str, work: InstallWork) -> None:
        if self._job is not None:
            return
        job = PackInstallJob(work)
        job.signals.progress.connect(self.on_job_progress)
        job.signals.status.connect(self.on_job_status)
        job.signals.succeeded.connect(self.on_job_succeeded)
        job.signals.failed.connect(self.on_job_failed)
        job.signals.cancelled.connect(self.on_job_cancelled)
        job.signals.finished.connect(self.on_job_finished)
        self._job = job
        self._speed = SpeedMeter()
        self.step_label.setText(title)
        self.bytes_label.clear()
        self.progress_bar.setRange(0, 0)  # busy until a download reports its size
        self.cancel_button.setEnabled(True)
        self.progress_panel.show()
        self.message_label.clear()
        self._update_buttons()
        self._pool.start(job)

    @Slot(object, object)
    def on_job_progress(self, done: int, total: int) -> None:
        if total > 0:
            # QProgressBar holds C ints: show per-mille, not bytes, so 5 GB fits.
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(min(1000, done * 1000 // total))
        self.bytes_label.setText(self._speed.describe(done, total if total > 0 else None))

    @Slot(str)
    def on_job_status(self, text: str) -> None:
        if self._job is not None and self._job.cancel_event.is_set():
            return  # keep "Cancelling…" on screen
        self.step_label.setText(text[:1].upper() + text[1:])
        if not text.startswith("downloading"):
            self.progress_bar.setRange(0, 0)

    @Slot(object)
    def on_job_succeeded(self, result: object) -> None:
        name = getattr(result, "name", "")
        text = self.tr("Installed {0}.").format(name)
        if getattr(result, "made_default", False):
            text += " " + self.tr("It is now the default pack.")
        notes = getattr(result, "notes", ())
        if notes:
            text += " " + " ".join(notes)
        self._show_message(text)
        self.refresh()
        if name in {row.name for row in self._rows}:
            self.select_pack(name)
        self.packs_changed.emit()

    @Slot(object)
    def on_job_failed(self, error: BaseException) -> None:
        # A failed download keeps its partial file: Download again resumes it.
        self._parts_before = {}
        self._show_error(error, "installing a pack")

    @Slot(str)
    def on_job_cancelled(self, _message: str) -> None:
        self._discard_partial_downloads()
        self._show_message(self.tr("Cancelled: nothing was installed."))

    @Slot()
    def on_job_finished(self) -> None:
        self._job = None
        self.progress_panel.hide()
        self._update_buttons()
        if self._close_when_done:
            super().reject()

    def _remember_partial_downloads(self) -> None:
        self._parts_before = {part: part.stat().st_mtime for part in self._partial_files()}

    def _discard_partial_downloads(self) -> None:
        """Delete the partial download a cancelled or failed download left behind.

        The core keeps ``.part`` files so that the command line can resume; in the dialog,
        Cancel means "forget it", so files this download created or grew are removed.
        """
        for part in self._partial_files():
            if self._parts_before.get(part) != part.stat().st_mtime:
                part.unlink(missing_ok=True)
        self._parts_before = {}

    @staticmethod
    def _partial_files() -> list[Path]:
        folder = downloads_dir()
        return sorted(folder.glob("*.part")) if folder.is_dir() else []

    def reject(self) -> None:
        """Closing while installing cancels the job first and closes when it has stopped."""
        if self._job is not None:
            self._close_when_done = True
            self.on_cancel_clicked()
            return
        super().reject()

    def wait_for_job(self, timeout_ms: int = 30_000) -> bool:
        """Block until the background job has stopped (for scripts and shutdown)."""
        return self._pool.waitForDone(timeout_ms)

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
