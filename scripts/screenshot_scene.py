"""One reader window being pictured, and the moves every screenshot step shares.

A ``Scene`` knows where its pictures go and what the run should picture; ``run_job``
opens a file in the window and waits until its job is shown; ``fresh_cache`` gives the
next job an empty translation cache so that it really streams.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QWidget
from screenshot_driver import flush_layouts, save_picture, settle, wait_until


@dataclass
class Scene:
    """One reader window and where its pictures go."""

    window: QWidget
    out: Path
    prefix: str  # "light-1024x700-", "ar-dark-1920x1080-"
    sample: Path
    work: Path
    timeout: float
    wanted: set[str]
    notes: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    translated: bool = False  # the sample is on screen with its whole translation

    def save(self, state: str, what: QWidget | QPixmap) -> None:
        flush_layouts()  # a grab inside a slot would otherwise show stale label widths
        picture = what if isinstance(what, QPixmap) else what.grab()
        self.written.append(save_picture(picture, self.out / f"{self.prefix}{state}.png"))

    def note(self, text: str) -> None:
        self.notes.append(f"{self.prefix.rstrip('-')}: {text}")


def run_job(scene: Scene, path: Path) -> bool:
    """Open ``path`` in the window and wait until its job is over and shown."""
    window = scene.window
    done: list[bool] = []
    signal = getattr(window, "job_finished", None) or window.session.job_finished

    def finished() -> None:
        done.append(True)

    signal.connect(finished)
    try:
        window.open_file(path)
        if not wait_until(lambda: done, scene.timeout):
            scene.note(f"the job for {path.name} did not end within {scene.timeout:g} s")
            return False
    finally:
        signal.disconnect(finished)
    settle(0.4)
    return True


def fresh_cache(scene: Scene) -> None:
    """Give the window's next job an empty translation cache (the model is loaded again)."""
    folder = scene.work / "cache" / f"{scene.prefix}{time.monotonic_ns()}"
    os.environ["TARJAMA_CACHE_DIR"] = str(folder)
    scene.window.session.forget_translator()


def ensure_article(scene: Scene) -> None:
    if not scene.translated:
        scene.translated = run_job(scene, scene.sample)
