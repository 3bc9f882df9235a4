"""The fonts of the two reader panes: their sizes live in the settings, zoom stays in limits."""

from __future__ import annotations

from PySide6.QtGui import QFont

from tarjama.gui.settings import MAX_FONT_SIZE, MIN_FONT_SIZE, Settings


def pane_fonts(settings: Settings, arabic_family: str | None,
               base: QFont) -> tuple[QFont, QFont]:
    """The Arabic and English pane fonts; the Arabic one is ``arabic_family`` when bundled."""
    arabic = QFont(arabic_family) if arabic_family else QFont(base)
    arabic.setPointSize(settings.arabic_font_size)
    english = QFont(base)
    english.setPointSize(settings.english_font_size)
    return arabic, english


def zoom_font_sizes(settings: Settings, step: int) -> None:
    """Make both pane fonts ``step`` points bigger (smaller when negative), within limits."""
    def clamp(size: int) -> int:
        return max(MIN_FONT_SIZE, min(size + step, MAX_FONT_SIZE))

    settings.arabic_font_size = clamp(settings.arabic_font_size)
    settings.english_font_size = clamp(settings.english_font_size)


def reset_font_sizes(settings: Settings) -> None:
    defaults = Settings()
    settings.arabic_font_size = defaults.arabic_font_size
    settings.english_font_size = defaults.english_font_size
