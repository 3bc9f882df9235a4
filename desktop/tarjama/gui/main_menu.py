"""The reader window's menu bar: File, Edit, View, Packs and Help, and their actions.

Find (Ctrl+F, F3, Shift+F3) is in Edit and drives the window's ``find_bar``, and so is
the Glossary editor (``glossary_dialog``, imported when first opened); the figure
warnings (F8, Shift+F8) are in View, next to the sentence keys, and their enabled state
is kept by the window's ``warnings`` navigator; so are the low-confidence marks and their
threshold. Retranslating sentences that lost a figure is a Packs option: it changes
what the pack is asked, not what is shown.

The actions belong to the window (their parent) and call its slots; ``build_menus``
hands back the ones the window enables and disables as work starts and ends.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from tarjama.gui.settings import THEMES
from tarjama.gui.ui_language import add_language_menu

if TYPE_CHECKING:
    from tarjama.gui.main_window import MainWindow

Shortcut = QKeySequence.StandardKey | str | list[str] | None

# The texts handed to add_action and add_toggle (and the theme names), marked for
# pyside6-lupdate, which cannot see through those calls; window.tr finds them at run
# time under the window's class name. tests/gui/test_ui_language.py keeps this complete.
ACTION_TEXTS = (
    QT_TRANSLATE_NOOP("MainWindow", "&Open…"),
    QT_TRANSLATE_NOOP("MainWindow", "Reopen With &Encoding…"),
    QT_TRANSLATE_NOOP("MainWindow", "Translate &Folder…"),
    QT_TRANSLATE_NOOP("MainWindow", "&Export…"),
    QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
    QT_TRANSLATE_NOOP("MainWindow", "Copy &Summary"),
    QT_TRANSLATE_NOOP("MainWindow", "Copy &Translation"),
    QT_TRANSLATE_NOOP("MainWindow", "Copy With Arabic Originals"),
    QT_TRANSLATE_NOOP("MainWindow", "Copy With Source File Name"),
    QT_TRANSLATE_NOOP("MainWindow", "&Find…"),
    QT_TRANSLATE_NOOP("MainWindow", "Find &Next"),
    QT_TRANSLATE_NOOP("MainWindow", "Find Pre&vious"),
    QT_TRANSLATE_NOOP("MainWindow", "&Glossary…"),
    QT_TRANSLATE_NOOP("MainWindow", "Next Sentence"),
    QT_TRANSLATE_NOOP("MainWindow", "Previous Sentence"),
    QT_TRANSLATE_NOOP("MainWindow", "Next &Warning"),
    QT_TRANSLATE_NOOP("MainWindow", "Previous Warnin&g"),
    QT_TRANSLATE_NOOP("MainWindow", "Mar&k Low-Confidence Sentences"),
    QT_TRANSLATE_NOOP("MainWindow", "Low-Confidence Thres&hold…"),
    QT_TRANSLATE_NOOP("MainWindow", "&Cancel Translation"),
    QT_TRANSLATE_NOOP("MainWindow", "Zoom &In"),
    QT_TRANSLATE_NOOP("MainWindow", "Zoom &Out"),
    QT_TRANSLATE_NOOP("MainWindow", "&Reset Zoom"),
    QT_TRANSLATE_NOOP("MainWindow", "System"),
    QT_TRANSLATE_NOOP("MainWindow", "Light"),
    QT_TRANSLATE_NOOP("MainWindow", "Dark"),
    QT_TRANSLATE_NOOP("MainWindow", "&Manage Packs…"),
    QT_TRANSLATE_NOOP("MainWindow", "Re&pair Lost Figures by Retranslating"),
    QT_TRANSLATE_NOOP("MainWindow", "Give the Model Arabic-Indic &Digits as 0-9"),
    QT_TRANSLATE_NOOP("MainWindow", "&About Tarjama"),
)


@dataclass(frozen=True)
class WindowActions:
    """The actions and menu whose state follows the window's state."""

    export: QAction
    copy_summary: QAction
    copy_translation: QAction
    with_arabic: QAction
    with_source: QAction
    cancel: QAction
    recent_menu: QMenu


def add_action(window: MainWindow, text: str, slot: Callable[..., Any],
               shortcut: Shortcut = None, menu: QMenu | None = None) -> QAction:
    action = QAction(window.tr(text), window)
    if shortcut is not None:
        shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.triggered.connect(slot)
    if menu is not None:
        menu.addAction(action)
    return action


def add_toggle(window: MainWindow, menu: QMenu, text: str, setting: str) -> QAction:
    """A checkable action that mirrors the boolean setting named ``setting``."""
    action = QAction(window.tr(text), window)
    action.setCheckable(True)
    action.setChecked(getattr(window.settings, setting))
    action.toggled.connect(lambda on: setattr(window.settings, setting, on))
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> WindowActions:
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    add_action(window, "&Open…", window.open_dialog, QKeySequence.StandardKey.Open, file_menu)
    recent_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "Open &Recent"))
    recent_menu.aboutToShow.connect(
        lambda: fill_recent_menu(recent_menu, window.settings.recent_files, window.open_file))
    reopen = add_action(window, "Reopen With &Encoding…", lambda: reopen_with_encoding(window),
                        None, file_menu)
    file_menu.aboutToShow.connect(lambda: reopen.setEnabled(window.current_path is not None))
    add_action(window, "Translate &Folder…", window.translate_folder, None, file_menu)
    file_menu.addSeparator()
    export = add_action(window, "&Export…", window.export_dialog, "Ctrl+E", file_menu)
    file_menu.addSeparator()
    add_action(window, "&Quit", window.close, QKeySequence.StandardKey.Quit, file_menu)

    edit = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    copy_summary = add_action(window, "Copy &Summary", window.copy_summary, "Ctrl+Shift+C",
                              edit)
    copy_translation = add_action(window, "Copy &Translation", window.copy_translation,
                                  "Ctrl+Shift+T", edit)
    edit.addSeparator()
    with_arabic = add_toggle(window, edit, "Copy With Arabic Originals", "copy_with_arabic")
    with_source = add_toggle(window, edit, "Copy With Source File Name",
                             "copy_with_source_name")
    edit.addSeparator()
    find = window.find_bar
    add_action(window, "&Find…", find.open_bar, QKeySequence.StandardKey.Find, edit)
    add_action(window, "Find &Next", find.find_next, "F3", edit)
    add_action(window, "Find Pre&vious", find.find_previous, "Shift+F3", edit)
    edit.addSeparator()
    add_action(window, "&Glossary…", lambda: edit_glossary(window), None, edit)

    view = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    add_action(window, "Next Sentence", window.linker.next, ["Alt+Down", "Ctrl+]"], view)
    add_action(window, "Previous Sentence", window.linker.previous, ["Alt+Up", "Ctrl+["], view)
    next_warning = add_action(window, "Next &Warning", window.warnings.next, "F8", view)
    previous_warning = add_action(window, "Previous Warnin&g", window.warnings.previous,
                                  "Shift+F8", view)
    window.warnings.watch(next_warning, previous_warning)
    marking = add_toggle(window, view, "Mar&k Low-Confidence Sentences", "mark_low_confidence")
    marking.toggled.connect(lambda _on: window.apply_confidence_marking())
    add_action(window, "Low-Confidence Thres&hold…", window.change_low_confidence_threshold,
               None, view)
    cancel = add_action(window, "&Cancel Translation", window.cancel_translation, "Esc", view)
    cancel.setEnabled(False)
    view.addSeparator()
    add_action(window, "Zoom &In", lambda: window.zoom(1), ["Ctrl+=", "Ctrl++"], view)
    add_action(window, "Zoom &Out", lambda: window.zoom(-1), "Ctrl+-", view)
    add_action(window, "&Reset Zoom", window.reset_zoom, "Ctrl+0", view)
    theme_menu = view.addMenu(QCoreApplication.translate("MainWindow", "&Theme"))
    group = QActionGroup(window)
    for name in THEMES:
        action = add_action(window, name.capitalize(),
                            lambda _c=False, n=name: window.set_theme(n), None, theme_menu)
        action.setCheckable(True)
        action.setChecked(name == window.settings.theme)
        group.addAction(action)
    add_language_menu(window, view)
    view.addSeparator()
    view.addAction(window.summary_dock.toggleViewAction())
    view.addAction(window.figures_dock.toggleViewAction())

    packs = bar.addMenu(QCoreApplication.translate("MainWindow", "&Packs"))
    add_action(window, "&Manage Packs…", window.manage_packs, None, packs)
    packs.addSeparator()
    add_toggle(window, packs, "Re&pair Lost Figures by Retranslating", "repair_figures")
    add_toggle(window, packs, "Give the Model Arabic-Indic &Digits as 0-9", "normalise_digits")
    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    add_action(window, "&About Tarjama", window.show_about, None, help_menu)
    return WindowActions(export, copy_summary, copy_translation, with_arabic, with_source,
                         cancel, recent_menu)


FOLDER_CHARS = 40  # a longer folder part of a recent entry is cut in its middle


def _folder_text(path: Path, depth: int) -> str:
    """The last ``depth`` folders of ``path``'s folder; "…/" when some are left out."""
    folders = path.parent.parts
    text = str(path.parent) if depth >= len(folders) else "…/" + "/".join(folders[-depth:])
    if len(text) > FOLDER_CHARS:
        half = (FOLDER_CHARS - 1) // 2
        text = text[:half] + "…" + text[-half:]
    return text


def recent_labels(recent_files: list[str]) -> list[str]:
    """What Open Recent shows for each file: "name — folder".

    Files of the same name in folders of the same name get more of their folders
    ("…/2023/news", "…/2024/news") until each entry differs from the others.
    """
    paths = [Path(name) for name in recent_files]
    depths = [1] * len(paths)
    while True:
        labels = [f"{path.name} — {_folder_text(path, depth)}"
                  for path, depth in zip(paths, depths, strict=True)]
        grown = False
        for index, label in enumerate(labels):
            same = labels.count(label) > 1
            if same and depths[index] < len(paths[index].parent.parts):
                depths[index] += 1
                grown = True
        if not grown:
            return labels


def fill_recent_menu(menu: QMenu, recent_files: list[str],
                     open_file: Callable[[str], None]) -> None:
    """One entry per recent file, "name — folder"; the full path as tooltip and status tip."""
    menu.clear()
    menu.setToolTipsVisible(True)
    for name, label in zip(recent_files, recent_labels(recent_files), strict=True):
        action = menu.addAction(label.replace("&", "&&"))  # "&" would be a mnemonic
        action.setToolTip(name)
        action.setStatusTip(name)
        action.triggered.connect(lambda _c=False, n=name: open_file(n))
    menu.setEnabled(bool(recent_files))


def reopen_with_encoding(window: MainWindow) -> None:
    """Read the current article again in an encoding the user picks (garbled Arabic)."""
    from tarjama.gui.file_dialogs import ask_encoding

    path = window.current_path
    if path is None:
        return
    chosen, encoding = ask_encoding(window, path, window.encodings.chosen(path))
    if chosen:
        window.encodings.choose(path, encoding)
        window.open_file(path)


def edit_glossary(window: MainWindow) -> None:
    """Edit ▸ Glossary…: the non-modal glossary editor; saving checks the article again."""
    from tarjama.gui.glossary_dialog import run_glossary_dialog

    run_glossary_dialog(window)
