"""The desktop settings: one typed object, defaults declared once, stored in an INI file.

``Settings.load(path)`` reads every field from a QSettings INI file (by default
``data_dir()/settings.ini``); ``save()`` writes them back. Values that are missing
or unreadable fall back to the declared default, so a damaged file never stops
the application from starting.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from tarjama.core import paths
from tarjama.core.confidence import DEFAULT_LOW_CONFIDENCE

THEMES = ("system", "light", "dark")
UI_LANGUAGES = ("system", "en", "ar")  # the interface language (gui/ui_language.py)
MAX_RECENT_FILES = 10
MIN_FONT_SIZE, MAX_FONT_SIZE = 8, 40
MAX_SUMMARY_SENTENCES = 30
# The low-confidence threshold, in the model's log-probability per token (<= 0).
LOWEST_THRESHOLD, HIGHEST_THRESHOLD = -10.0, 0.0


def default_settings_path() -> Path:
    return paths.data_dir() / "settings.ini"


def read_group(settings_path: Path, group: str) -> QSettings:
    """The settings file opened on ``group``, for windows that keep keys of their own
    beside the typed ``Settings`` fields (the Batch window's ``batch/`` keys)."""
    store = QSettings(str(settings_path), QSettings.Format.IniFormat)
    store.beginGroup(group)
    return store


def write_group(settings_path: Path, group: str, values: dict[str, Any]) -> None:
    """Write ``values`` under ``group``; the file's other keys stay as they are."""
    settings_path.parent.mkdir(parents=True, exist_ok=True)
    store = read_group(settings_path, group)
    for key, value in values.items():
        store.setValue(key, value)
    store.endGroup()
    store.sync()


@dataclass
class Settings:
    """Every user preference of the desktop reader, with its default."""

    pack: str = ""  # pack folder or installed name; empty: the default pack
    beam_size: int = 2
    summary_algorithm: str = "lexrank"
    summary_sentences: int = 5
    arabic_font_size: int = 18
    english_font_size: int = 13
    theme: str = "system"
    ui_language: str = "system"
    copy_with_arabic: bool = True
    copy_with_source_name: bool = True
    repair_figures: bool = True  # translate again when a figure is lost or changed
    # Eastern Arabic and Persian digits reach the model as 0-9 (the Arabic shown is kept)
    normalise_digits: bool = True
    mark_low_confidence: bool = True
    low_confidence_threshold: float = DEFAULT_LOW_CONFIDENCE
    recent_files: list[str] = field(default_factory=list)
    window_geometry: bytes = b""
    window_state: bytes = b""
    reader_splitter: bytes = b""
    path: Path | None = field(default=None, compare=False, repr=False)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Settings:
        settings_path = Path(path) if path is not None else default_settings_path()
        store = QSettings(str(settings_path), QSettings.Format.IniFormat)
        values: dict[str, Any] = {}
        for spec in _stored_fields():
            default = getattr(cls(), spec.name)
            values[spec.name] = _convert(store.value(spec.name), default)
        loaded = cls(**values, path=settings_path)
        loaded._sanitise()
        return loaded

    def save(self) -> None:
        """Write every field; QSettings writes the INI file itself on sync()."""
        settings_path = self.path or default_settings_path()
        settings_path.parent.mkdir(parents=True, exist_ok=True)
        store = QSettings(str(settings_path), QSettings.Format.IniFormat)
        for spec in _stored_fields():
            value = getattr(self, spec.name)
            if isinstance(value, bytes):
                value = QByteArray(value)
            store.setValue(spec.name, value)
        store.sync()

    def add_recent_file(self, file: str | Path) -> None:
        """Put ``file`` first in the recent list, without duplicates."""
        name = str(Path(file).resolve())
        self.recent_files = [name, *[f for f in self.recent_files if f != name]]
        del self.recent_files[MAX_RECENT_FILES:]

    def _sanitise(self) -> None:
        """Bring hand-edited or outdated values back into their valid ranges."""
        defaults = Settings()
        if self.theme not in THEMES:
            self.theme = defaults.theme
        if self.ui_language not in UI_LANGUAGES:
            self.ui_language = defaults.ui_language
        self.beam_size = max(1, min(self.beam_size, 16))
        self.summary_sentences = max(1, min(self.summary_sentences, MAX_SUMMARY_SENTENCES))
        self.arabic_font_size = max(MIN_FONT_SIZE, min(self.arabic_font_size, MAX_FONT_SIZE))
        self.english_font_size = max(MIN_FONT_SIZE, min(self.english_font_size, MAX_FONT_SIZE))
        if math.isnan(self.low_confidence_threshold):
            self.low_confidence_threshold = defaults.low_confidence_threshold
        self.low_confidence_threshold = max(LOWEST_THRESHOLD, min(self.low_confidence_threshold,
                                                                  HIGHEST_THRESHOLD))
        from tarjama.core.summary import ALGORITHMS

        if self.summary_algorithm not in ALGORITHMS:
            self.summary_algorithm = defaults.summary_algorithm
        del self.recent_files[MAX_RECENT_FILES:]

    def copy(self) -> Settings:
        return dataclasses.replace(self, recent_files=list(self.recent_files))


def _stored_fields() -> list[dataclasses.Field]:
    return [f for f in fields(Settings) if f.name != "path"]


def _convert(raw: Any, default: Any) -> Any:
    """Turn what QSettings gives back (often strings in INI files) into the default's type."""
    if raw is None:
        return default.copy() if isinstance(default, list) else default
    try:
        if isinstance(default, bool):
            return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        if isinstance(default, bytes):
            return bytes(raw.data()) if isinstance(raw, QByteArray) else default
        if isinstance(default, list):
            items = [raw] if isinstance(raw, str) else list(raw)
            return [str(item) for item in items if str(item)]
        return str(raw)
    except (TypeError, ValueError):
        return default.copy() if isinstance(default, list) else default
