"""The states ``screenshots.py`` pictures, each reached the way a user reaches it.

``run_scene`` takes one reader window (one theme, one size, one UI language) through
the steps below in order and writes ``PREFIX + STATE + .png`` for each state asked for.
A step that cannot reach its state (say the article has no figure warning) still saves
what the window shows and adds a note, which ``screenshots.py`` prints at the end.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QCheckBox, QDialog, QLineEdit, QWidget
from screenshot_driver import (
    click,
    flush_layouts,
    grab_screen,
    hide_tooltip,
    hover,
    park_pointer,
    save_picture,
    settle,
    shoot_modal,
    show_tooltip,
    trigger,
    wait_until,
)
from screenshot_inputs import arabic_query, batch_folder, long_article

# In the order a run takes them; each step below makes one or two of them.
STATES = ("streaming", "cancelled", "reader", "figures", "warning", "find", "summary",
          "packs", "about", "open", "no-pack", "batch-running", "batch-done")


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


# -- the steps -------------------------------------------------------------------------------

def streaming_and_cancelled(scene: Scene) -> None:
    """Mid-translation (taken as the first sentences arrive), then Esc and its outcome.

    The article is the sample followed by the other samples, long enough for Esc to
    land while there is still work left: a tiny pack translates one sample in well
    under a second, and Esc during the last slice of an article changes nothing.

    The window's translation cache must not know the sample yet; afterwards the window
    gets a new cache, so that the reader's status bar tells of a real translation too.
    """
    window, session = scene.window, scene.window.session
    slices: list[float] = []
    outcome: list[str] = []

    def on_slice(_sentences: object) -> None:
        slices.append(time.monotonic())
        if len(slices) != 1:
            return
        if "streaming" in scene.wanted:
            scene.save("streaming", window)
        trigger(window, ("cancel_translation", "Cancel Translation"), window.cancel_translation)

    def on_failed(exc: BaseException) -> None:
        outcome.append(type(exc).__name__)

    session.slice_delivered.connect(on_slice)
    session.failed.connect(on_failed)
    try:
        run_job(scene, long_article(scene.work, scene.sample))
    finally:
        session.slice_delivered.disconnect(on_slice)
        session.failed.disconnect(on_failed)
    scene.translated = False
    fresh_cache(scene)
    if not slices:
        scene.note("no sentence was translated: no mid-translation picture")
        if "streaming" in scene.wanted:
            scene.save("streaming", window)
    if "Cancelled" not in outcome:
        scene.note("the translation ended before Esc took effect: 'cancelled' shows it done")
    if "cancelled" in scene.wanted:
        scene.save("cancelled", window)


def reader(scene: Scene) -> None:
    """Both panes translated, the summary dock in front, one sentence current, one hovered."""
    ensure_article(scene)
    window = scene.window
    window.summary_dock.raise_()
    pane = window.target_pane
    first, last = pane.visible_sentences()
    current = min(first + 1, last)
    hovered = min(current + 2, last)
    if not click(pane, current):
        window.linker.select(current)
    if hovered == current or not hover(pane, hovered):
        scene.note("no second sentence in view to hover")
    settle()
    scene.save("reader", window)
    park_pointer()


def figures(scene: Scene) -> None:
    """The Key Figures panel in front with "Problems only" ticked and its first row clicked."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    ensure_article(scene)
    window = scene.window
    panel = window.figures_panel
    window.figures_dock.raise_()
    box = getattr(panel, "problems_box", None) or panel.findChild(QCheckBox)
    box.setChecked(True)
    settle()
    table = getattr(panel, "table", None)
    if table is not None and table.model().rowCount() > 0:
        rect = table.visualRect(table.model().index(0, 1))
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, rect.center())
    elif table is not None:
        scene.note("Problems only leaves the Key Figures table empty")
    settle()
    scene.save("figures", window)
    box.setChecked(False)
    window.summary_dock.raise_()


def warning(scene: Scene) -> None:
    """F8 to the first sentence with a figure warning, the pointer resting on it."""
    ensure_article(scene)
    window = scene.window
    window.activateWindow()
    trigger(window, ("next_warning", "Next Warning"), window.warnings.next)
    settle()
    sentence = window.linker.current
    tip = None
    if sentence < 0:
        scene.note("the article has no figure warning to show")
    else:
        pane = window.target_pane if window.target_pane.warning(sentence) else window.source_pane
        hover(pane, sentence)
        tip = show_tooltip(pane, sentence)
        if tip is None:
            scene.note("no tooltip came up over the warned sentence")
    rect = window.frameGeometry()
    if tip is not None:
        rect = rect.united(tip.frameGeometry())
    scene.save("warning", grab_screen(rect))
    hide_tooltip()
    park_pointer()


def find(scene: Scene) -> None:
    """Ctrl+F with an Arabic word of the article typed: its matches tinted in the panes."""
    ensure_article(scene)
    window = scene.window
    bar = window.find_bar
    trigger(window, ("find", "Find"), bar.open_bar)
    field_ = getattr(bar, "field", None) or bar.findChild(QLineEdit)
    field_.setText(arabic_query(window.source_pane.toPlainText()))
    settle(0.5)
    scene.save("find", window)
    close = getattr(bar, "close_bar", None)
    close() if close else bar.hide()
    settle()


def summary(scene: Scene) -> None:
    """The Summary dock on its own, as wide as the window gives it."""
    ensure_article(scene)
    scene.window.summary_dock.raise_()
    settle()
    scene.save("summary", scene.window.summary_dock)


def dialogs(scene: Scene) -> None:
    """Packs ▸ Manage Packs…, Help ▸ About and File ▸ Open…, each pictured and closed."""
    window = scene.window
    for state, open_it in (("packs", window.manage_packs), ("about", window.show_about),
                           ("open", window.open_dialog)):
        if state in scene.wanted and not shoot_modal(
                open_it, lambda dialog, s=state: scene.save(s, dialog)):
            scene.note(f"the {state} dialog did not come up")


def no_pack(scene: Scene) -> None:
    """The sample opened with no pack installed: the banner, the Arabic, no English."""
    window = scene.window
    empty = scene.work / f"no-pack-{scene.prefix.rstrip('-')}"
    empty.mkdir(parents=True, exist_ok=True)
    saved = os.environ.get("TARJAMA_DATA_DIR")
    os.environ["TARJAMA_DATA_DIR"] = str(empty)
    window.session.forget_translator()
    try:
        run_job(scene, scene.sample)
        if not window.banner.isVisible():
            scene.note("the no-pack banner is not shown")
        scene.save("no-pack", window)
    finally:
        if saved is None:
            os.environ.pop("TARJAMA_DATA_DIR", None)
        else:
            os.environ["TARJAMA_DATA_DIR"] = saved
        window.session.forget_translator()
        scene.translated = False


def batch(scene: Scene) -> None:
    """File ▸ Translate Folder… on the samples and one broken file: during and after."""
    window = scene.window
    trigger(window, ("translate_folder", "Translate Folder"), window.translate_folder)
    settle()
    dialog = next((d for d in window.findChildren(QDialog)
                   if d.isVisible() and hasattr(d, "in_edit")), None)
    if dialog is None:
        scene.note("the Batch window did not come up")
        return
    dialog.in_edit.setText(str(batch_folder(scene.work, scene.sample)))
    dialog.out_edit.setText(str(scene.work / f"batch-out-{scene.prefix.rstrip('-')}"))
    dialog.start_button.click()

    def running() -> bool:
        return bool(getattr(dialog, "running", dialog.cancel_button.isEnabled()))

    # Mid-run: the broken file already failed and a sample is part translated.
    wait_until(lambda: not running() or (dialog.failures.rowCount() >= 1
                                         and dialog.file_bar.value() > 0), scene.timeout)
    if not running():
        scene.note("the batch was over before a mid-run picture")
    if "batch-running" in scene.wanted:
        scene.save("batch-running", dialog)
    if not wait_until(lambda: not running(), scene.timeout):
        scene.note(f"the batch did not end within {scene.timeout:g} s")
    settle(0.4)
    if "batch-done" in scene.wanted:
        scene.save("batch-done", dialog)
    dialog.close()
    settle()


STEPS: tuple[tuple[tuple[str, ...], Callable[[Scene], None]], ...] = (
    (("streaming", "cancelled"), streaming_and_cancelled),
    (("reader",), reader),
    (("figures",), figures),
    (("warning",), warning),
    (("find",), find),
    (("summary",), summary),
    (("packs", "about", "open"), dialogs),
    (("no-pack",), no_pack),
    (("batch-running", "batch-done"), batch),
)


def run_scene(scene: Scene) -> None:
    """Take the window through every step that makes a wanted state."""
    park_pointer()
    fresh_cache(scene)  # the first job really streams
    for states, step in STEPS:
        if scene.wanted.intersection(states):
            scene.window.statusBar().clearMessage()  # "Warning 1 of 3" is the F8 step's
            step(scene)
