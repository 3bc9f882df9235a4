"""What the window asks of an article job: the file and every setting that shapes it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tarjama.core.glossary_user import user_glossary
from tarjama.gui.worker import JobRequest

if TYPE_CHECKING:
    from tarjama.gui.main_window import MainWindow


def request_for(window: MainWindow, path: Path) -> JobRequest:
    """The job for ``path`` with the window's settings, summary choice and the user's
    glossary as saved now."""
    settings = window.settings
    return JobRequest(path, settings.pack or None, settings.beam_size,
                      window.summary_panel.algorithm, window.summary_panel.length,
                      window.encodings.chosen(path), repair=settings.repair_figures,
                      glossary=user_glossary(), normalise_digits=settings.normalise_digits)
