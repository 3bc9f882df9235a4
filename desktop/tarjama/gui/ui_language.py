"""The language of the window's own texts (menus, dialogs, status bar): English or Arabic.

The choice is the ``ui_language`` setting ("system", "en" or "ar"); the environment
variable ``TARJAMA_UI_LANGUAGE`` and the ``--ui-language`` option override it (tests,
screenshots). ``apply_ui_language`` installs Tarjama's catalogue
(``resources/i18n/tarjama_ar.qm``) and Qt's own (``qtbase_ar.qm``, the standard dialog
buttons), and mirrors the layout for Arabic. The reader panes keep their own
directions whatever the interface language: they set them themselves.

Qt reads a widget's texts when it is built, so a new language shows in windows made
after the change; the menu entry says so and the choice takes effect on the next start.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from tarjama.gui.settings import UI_LANGUAGES

# Each language is named in itself, as language menus do, so it can be found without
# reading the current one.
LANGUAGE_NAMES = {"en": "English", "ar": "العربية"}
ENVIRONMENT_VARIABLE = "TARJAMA_UI_LANGUAGE"
CATALOGUE_FOLDER = "i18n"
log = logging.getLogger(__name__)

# The translators in use, kept referenced: Qt does not own installed translators.
_installed: list[QTranslator] = []


def chosen_language(setting: str, option: str | None = None,
                    environ: Mapping[str, str] | None = None) -> str:
    """The choice that applies: the command-line option, else the environment, else
    the setting; anything unknown counts as "system"."""
    env = os.environ if environ is None else environ
    for candidate in (option, env.get(ENVIRONMENT_VARIABLE), setting):
        if candidate:
            candidate = candidate.strip().lower()
            if candidate in UI_LANGUAGES:
                return candidate
    return "system"


def resolve(choice: str, locale: QLocale | None = None) -> str:
    """"en" or "ar": "system" follows the locale's first UI language."""
    if choice in LANGUAGE_NAMES:
        return choice
    system = locale or QLocale.system()
    languages = system.uiLanguages() or [system.name()]
    return "ar" if languages[0].lower().replace("_", "-").split("-")[0] == "ar" else "en"


def catalogue_path(language: str) -> Path:
    from tarjama.resources import resource_path

    return resource_path(CATALOGUE_FOLDER, f"tarjama_{language}.qm")


def apply_ui_language(choice: str) -> str:
    """Install the catalogues for ``choice`` and set the layout direction; returns the
    language now in use ("en" or "ar"). Calling it again replaces the previous one."""
    app = QCoreApplication.instance()
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    language = resolve(choice)
    if language != "en":
        ours = QTranslator()
        path = catalogue_path(language)
        if ours.load(str(path)):
            _install(ours)
        else:
            log.warning("cannot load the interface translation %s; using English", path)
            language = "en"
    if language != "en":
        qt_own = QTranslator()
        if any(qt_own.load(f"qtbase_{language}", folder) for folder in _qt_translation_folders()):
            _install(qt_own)
        else:
            log.info("Qt's own %s translation is not installed: standard buttons stay "
                     "in English", language)
    if isinstance(app, QGuiApplication):
        rtl = language == "ar"
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl
                               else Qt.LayoutDirection.LeftToRight)
    return language


def _qt_translation_folders() -> list[str]:
    """Where Qt's own catalogues are: Qt's idea first, then PySide6's wheel layout (a
    bundle keeps them there too, see packaging/pyinstaller/tarjama.spec)."""
    import PySide6

    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            str(Path(PySide6.__file__).parent / "Qt" / "translations")]


def current_language() -> str:
    return "ar" if _installed else "en"


def _install(translator: QTranslator) -> None:
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)


def add_language_menu(window: QWidget, menu: QMenu) -> QMenu:
    """The "Interface Language" submenu: System, English, العربية; the choice is stored
    in ``window.settings.ui_language`` and used from the next start."""
    submenu = menu.addMenu(QCoreApplication.translate("UiLanguage", "Interface &Language"))
    group = QActionGroup(submenu)
    labels = {"system": QCoreApplication.translate("UiLanguage", "System"),
              **LANGUAGE_NAMES}
    for choice in UI_LANGUAGES:
        action = QAction(labels[choice], submenu)
        action.setData(choice)
        action.setCheckable(True)
        action.setChecked(choice == window.settings.ui_language)
        action.triggered.connect(lambda _c=False, c=choice: choose_language(window, c))
        group.addAction(action)
        submenu.addAction(action)
    return submenu


def choose_language(window: QWidget, choice: str, ask=QMessageBox.information) -> None:
    """Store the new choice; say in both languages that it shows after a restart."""
    if choice == window.settings.ui_language:
        return
    window.settings.ui_language = choice
    window.settings.save()
    if resolve(choice) == current_language():
        return
    ask(window, QCoreApplication.translate("UiLanguage", "Interface Language"),
        "Restart Tarjama to see the new interface language.\n"
        "أعد تشغيل Tarjama لتظهر الواجهة باللغة الجديدة.")
