"""The screenshot steps beyond the reader: its dialogs, the no-pack start, the Batch window.

Each step takes a ``Scene`` (``screenshot_scene.py``) and saves the states it makes;
``screenshot_states.py`` runs them in order after the reader's own states.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QDialog
from screenshot_driver import settle, shoot_modal, trigger, wait_until
from screenshot_inputs import batch_folder
from screenshot_scene import Scene, run_job


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
