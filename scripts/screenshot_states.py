"""The states ``screenshots.py`` pictures, each reached the way a user reaches it.

``run_scene`` takes one reader window (one theme, one size, one UI language) through
the steps below (the dialogs and the Batch window: ``screenshot_windows.py``) in
order and writes ``PREFIX + STATE + .png`` for each state asked for.
A step that cannot reach its state (say the article has no figure warning) still saves
what the window shows and adds a note, which ``screenshots.py`` prints at the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QLineEdit
from screenshot_driver import (
    click,
    grab_screen,
    hide_tooltip,
    hover,
    park_pointer,
    settle,
    show_tooltip,
    trigger,
)
from screenshot_inputs import arabic_query, long_article
from screenshot_scene import Scene, ensure_article, fresh_cache, run_job
from screenshot_windows import batch, dialogs, no_pack

__all__ = ["STATES", "STEPS", "Scene", "run_scene"]  # screenshots.py imports Scene from here

# In the order a run takes them; each step below makes one or two of them.
STATES = ("streaming", "cancelled", "reader", "figures", "warning", "find", "summary",
          "packs", "about", "open", "no-pack", "batch-running", "batch-done")


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
