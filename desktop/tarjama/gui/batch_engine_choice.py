"""The Batch window's "Run on" choice: this computer, or a Ray cluster at an address.

``EngineChoice`` is what the user picked, remembered between sessions in the reader's
settings file (its own ``batch/`` keys, beside the typed ``Settings`` fields);
``EngineChoiceBox`` is the form's widget for it. Ray is an optional extra: without
it the Ray choice is disabled and says, in the CLI's words, how to install it. Only
whether Ray is installed is looked up here; it is imported in the batch's thread.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from tarjama.core.batch.ray_cluster import INSTALL_HINT
from tarjama.gui.settings import read_group, write_group

# 'pip install "tarjama[cluster]"', kept as the CLI's message has it.
RAY_INSTALL_COMMAND = INSTALL_HINT.partition(": ")[2]
MAX_WORKERS = 256
_GROUP = "batch"


def ray_importable() -> bool:
    """Whether Ray is installed, without importing it (that takes seconds)."""
    return importlib.util.find_spec("ray") is not None


@dataclass(frozen=True)
class EngineChoice:
    """Where a batch runs: ``engine`` "local" or "ray"; for Ray, the cluster's
    ``address`` ("" starts a local Ray for the batch) and ``workers`` (0: the engine's
    default)."""

    engine: str = "local"
    address: str = ""
    workers: int = 0

    @classmethod
    def load(cls, settings_path: Path) -> EngineChoice:
        """The choice stored in ``settings_path``; the defaults for what is missing or bad."""
        store = read_group(settings_path, _GROUP)
        default = cls()
        engine = str(store.value("engine", default.engine))
        try:
            workers = int(store.value("workers", default.workers))
        except (TypeError, ValueError):
            workers = default.workers
        return cls(engine=engine if engine in ("local", "ray") else default.engine,
                   address=str(store.value("address", default.address)).strip(),
                   workers=max(0, min(workers, MAX_WORKERS)))

    def save(self, settings_path: Path) -> None:
        write_group(settings_path, _GROUP, {"engine": self.engine, "address": self.address,
                                            "workers": self.workers})


class EngineChoiceBox(QWidget):
    """Two radio buttons; the Ray one with its address and worker count beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.local_radio = QRadioButton(self.tr("This &computer"))
        self.ray_radio = QRadioButton(self.tr("A &Ray cluster at"))
        self.buttons = QButtonGroup(self)
        self.buttons.addButton(self.local_radio)
        self.buttons.addButton(self.ray_radio)
        self.local_radio.setChecked(True)
        self.address_edit = QLineEdit()
        # Short enough to show whole in a 1024-pixel window; what empty means is said
        # under the row (see _update_note).
        self.address_edit.setPlaceholderText(self.tr("auto, ray://host:10001"))
        self.address_edit.setToolTip(self.tr(
            "Leave empty to start Ray on this computer for this batch; auto joins the "
            "cluster this computer belongs to; ray://HOST:10001 or HOST:6379 joins another"))
        self.workers_label = QLabel(self.tr("&Workers:"))
        self.workers_spin = QSpinBox()
        self.workers_spin.setRange(0, MAX_WORKERS)
        self.workers_spin.setSpecialValueText(self.tr("Automatic"))
        self.workers_spin.setToolTip(self.tr(
            "Each worker loads the pack once; automatic: one per node, or one per GPU"))
        self.workers_label.setBuddy(self.workers_spin)
        self.note = QLabel()  # how to install Ray, or what an empty address does
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.local_radio, 0, 0, 1, 4)
        layout.addWidget(self.ray_radio, 1, 0)
        layout.addWidget(self.address_edit, 1, 1)
        layout.addWidget(self.workers_label, 1, 2)
        layout.addWidget(self.workers_spin, 1, 3)
        layout.addWidget(self.note, 2, 0, 1, 4)
        layout.setColumnStretch(1, 1)

        self.ray_available = ray_importable()
        if not self.ray_available:
            hint = self.tr("The Ray engine needs Ray: {0}").format(RAY_INSTALL_COMMAND)
            self.ray_radio.setEnabled(False)
            self.ray_radio.setToolTip(hint)
            self.note.setText(hint)
        self.ray_radio.toggled.connect(self._update_enabled)
        self.address_edit.textChanged.connect(self._update_note)
        self._enabled = True
        self._update_enabled()

    def choice(self) -> EngineChoice:
        engine = "ray" if self.ray_radio.isChecked() and self.ray_available else "local"
        return EngineChoice(engine=engine, address=self.address_edit.text().strip(),
                            workers=self.workers_spin.value())

    def set_choice(self, choice: EngineChoice) -> None:
        # A remembered Ray choice falls back to this computer once Ray is gone; the
        # address stays for when it is installed again.
        use_ray = choice.engine == "ray" and self.ray_available
        (self.ray_radio if use_ray else self.local_radio).setChecked(True)
        self.address_edit.setText(choice.address)
        self.workers_spin.setValue(choice.workers)
        self._update_enabled()

    def set_editable(self, editable: bool) -> None:
        """Off while a batch runs: its engine is fixed once started."""
        self._enabled = editable
        self.local_radio.setEnabled(editable)
        self.ray_radio.setEnabled(editable and self.ray_available)
        self._update_enabled()

    def _update_enabled(self) -> None:
        ray_fields = self._enabled and self.ray_available and self.ray_radio.isChecked()
        for widget in (self.address_edit, self.workers_label, self.workers_spin):
            widget.setEnabled(ray_fields)
        self._update_note()

    def _update_note(self) -> None:
        if not self.ray_available:
            self.note.setVisible(True)  # the install hint, set once
            return
        empty = self.ray_radio.isChecked() and not self.address_edit.text().strip()
        if empty:
            self.note.setText(self.tr("With no address, Ray is started on this computer "
                                      "for the batch and stopped after it."))
        self.note.setVisible(empty)
