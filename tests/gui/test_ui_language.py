"""The Arabic interface: the catalogue is complete and compiled, and the real window
shows it mirrored while the reader panes keep their own directions.

The catalogue checks run the same Qt tools a maintainer runs (docs/translating-the-ui.md);
the window checks measure geometry: where the first menu sits, which dialog button
comes first, where each line of the English pane starts.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QVBoxLayout

from tarjama.gui import ui_language
from tarjama.gui.reader_pane import PaneSentence
from tarjama.gui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "desktop" / "tarjama" / "gui"
CATALOGUE = ROOT / "resources" / "i18n" / "tarjama_ar.ts"
COMPILED = ROOT / "resources" / "i18n" / "tarjama_ar.qm"
TOOLS = Path(sys.executable).parent
# What a translation must carry over unchanged: Qt and str.format placeholders, key
# names and file patterns.
KEPT = re.compile(r"%\d|%[vm]|\{\w*\}|\*\.[\w.]+|(?:Ctrl|Shift|Alt)\+\w+|\bF\d+\b|\bEsc\b")
ENGLISH_TEXT = ("The local authorities in the coastal city said this morning that rescue "
                "teams were still searching for the missing after the storm. A family was saved.")


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element, for every message of a .ts file."""
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        for message in context.iter("message"):
            found[(context.findtext("name"), message.findtext("source"))] = (
                message.find("translation"))
    return found


def run_tool(name: str, *arguments: str) -> None:
    tool = TOOLS / name
    if not tool.exists():
        pytest.skip(f"{name} is not installed beside this Python")
    subprocess.run([str(tool), *arguments], check=True, capture_output=True, timeout=120)


# -- the catalogue --------------------------------------------------------------------

ARABIC_PLURAL_FORMS = 6  # Qt's Arabic numerus forms: 0, 1, 2, 3-10, 11-99, 100-102...


def forms(translation: ET.Element) -> list[str]:
    """The texts of a translation: its numerus forms (counted messages), else its text."""
    plural = translation.findall("numerusform")
    return [form.text or "" for form in plural] if plural else [translation.text or ""]


def test_every_message_of_the_catalogue_is_translated():
    found = messages(CATALOGUE)
    assert len(found) > 150
    unfinished = [key for key, translation in found.items()
                  if translation.get("type") or not all(text.strip() for text in forms(
                      translation))]
    assert unfinished == []
    counted = [forms(translation) for (_context, source), translation in found.items()
               if "%n" in source]
    assert counted, "counts go through Qt's numerus forms"
    assert all(len(texts) == ARABIC_PLURAL_FORMS for texts in counted)


def test_the_catalogue_has_every_text_of_the_source_and_no_other(tmp_path):
    fresh = tmp_path / "fresh.ts"
    run_tool("pyside6-lupdate", *map(str, sorted(GUI.glob("*.py"))), "-ts", str(fresh),
             "-no-obsolete", "-locations", "none")
    in_source, in_catalogue = set(messages(fresh)), set(messages(CATALOGUE))
    assert sorted(in_source - in_catalogue) == []  # new texts: update the catalogue
    assert sorted(in_catalogue - in_source) == []  # texts the code no longer has


def test_the_compiled_catalogue_is_the_catalogue_compiled(tmp_path):
    compiled = tmp_path / "tarjama_ar.qm"
    run_tool("pyside6-lrelease", str(CATALOGUE), "-qm", str(compiled))
    assert compiled.read_bytes() == COMPILED.read_bytes()


def test_translations_keep_placeholders_keys_and_accelerators():
    for (context, source), translation in messages(CATALOGUE).items():
        for text in forms(translation):  # every plural form keeps them too
            where = (context, source, text)
            assert sorted(KEPT.findall(text)) == sorted(KEPT.findall(source)), where
            assert text.count("&") == source.count("&"), where
            assert not text.endswith("&"), where


def test_the_application_finds_the_compiled_catalogue():
    assert ui_language.catalogue_path("ar").read_bytes() == COMPILED.read_bytes()


# -- choosing the language ------------------------------------------------------------


def test_the_option_beats_the_environment_which_beats_the_setting():
    env = {ui_language.ENVIRONMENT_VARIABLE: "ar"}
    assert ui_language.chosen_language("en", None, env) == "ar"
    assert ui_language.chosen_language("ar", "en", env) == "en"
    assert ui_language.chosen_language("ar", None, {}) == "ar"
    assert ui_language.chosen_language("klingon", None, {"TARJAMA_UI_LANGUAGE": "x"}) == "system"


@pytest.mark.parametrize(("locale", "expected"), [("ar_EG", "ar"), ("ar", "ar"),
                                                  ("en_GB", "en"), ("fr_FR", "en")])
def test_system_follows_the_locale(locale, expected):
    assert ui_language.resolve("system", QLocale(locale)) == expected
    assert ui_language.resolve("en", QLocale(locale)) == "en"


def test_the_setting_is_stored_and_sanitised(tmp_path):
    path = tmp_path / "settings.ini"
    settings = Settings.load(path)
    assert settings.ui_language == "system"
    settings.ui_language = "ar"
    settings.save()
    assert Settings.load(path).ui_language == "ar"
    settings.ui_language = "xx"
    settings.save()
    assert Settings.load(path).ui_language == "system"


def test_the_menu_stores_the_choice_and_asks_for_a_restart(qapp, make_window):
    window = make_window()
    asked = []
    ui_language.choose_language(window, "ar", ask=lambda *args: asked.append(args[1:]))
    assert window.settings.ui_language == "ar"
    assert Settings.load(window.settings.path).ui_language == "ar"
    assert len(asked) == 1
    assert "Restart" in asked[0][1]
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    language_menu = next(a.menu() for a in view.actions()
                         if a.menu() and a.text() == "Interface &Language")
    assert [a.text() for a in language_menu.actions()] == ["System", "English", "العربية"]


# -- the window in Arabic -------------------------------------------------------------


def first_menus(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_arabic_window_has_arabic_menus_mirrored(qtbot, arabic_ui, make_window):
    window = make_window()
    window.resize(900, 600)
    qtbot.waitExposed(window)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert first_menus(window)[:5] == ["&ملف", "&تحرير", "&عرض", "ال&حزم", "م&ساعدة"]
    bar = window.menuBar()
    first, second = (bar.actionGeometry(action) for action in bar.actions()[:2])
    assert bar.width() - first.right() < 20  # the first menu starts at the right edge
    assert second.right() < first.left()


def test_every_menu_entry_is_translated_with_distinct_accelerators(qtbot, arabic_ui,
                                                                    make_window):
    window = make_window()
    pending = [action.menu() for action in window.menuBar().actions()]
    seen = 0
    while pending:
        menu = pending.pop()
        keys = []
        for action in menu.actions():
            if action.isSeparator():
                continue
            seen += 1
            text = action.text()
            assert re.search("[\u0600-\u06ff]", text) or text in ("English", "Tarjama"), text
            if "&" in text:
                keys.append(text[text.index("&") + 1])
            if action.menu():
                pending.append(action.menu())
        assert len(keys) == len(set(keys)), [a.text() for a in menu.actions()]
    assert seen > 30


def test_the_panes_keep_their_directions_and_sides(qtbot, arabic_ui, make_window):
    window = make_window()
    window.resize(1000, 600)
    qtbot.waitExposed(window)
    english, arabic = window.target_pane, window.source_pane
    assert english.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # English on the left, Arabic on the right, as in the English interface.
    assert english.mapTo(window, english.rect().topLeft()).x() < arabic.mapTo(
        window, arabic.rect().topLeft()).x()
    english.show_sentences([PaneSentence(0, 0, ENGLISH_TEXT), PaneSentence(1, 1, "Short.")])
    qtbot.wait(10)
    margin = english.document().documentMargin()
    lines = []
    block = english.document().begin()
    while block.isValid():
        layout = block.layout()
        for index in range(layout.lineCount()):
            rect = layout.lineAt(index).naturalTextRect()
            lines.append(rect.left() + layout.position().x())
        block = block.next()
    assert len(lines) >= 3
    assert all(abs(left - margin) <= 2 for left in lines), lines


def dialog_button_order(qtbot) -> tuple[list[str], bool]:
    """The texts of a Yes/No box, and whether Yes sits left of No."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes
                           | QDialogButtonBox.StandardButton.No, dialog)
    QVBoxLayout(dialog).addWidget(box)
    dialog.resize(400, 100)
    dialog.show()
    qtbot.waitExposed(dialog)
    yes = box.button(QDialogButtonBox.StandardButton.Yes)
    no = box.button(QDialogButtonBox.StandardButton.No)
    return [yes.text(), no.text()], yes.mapTo(dialog, yes.rect().topLeft()).x() < no.mapTo(
        dialog, no.rect().topLeft()).x()


def test_dialog_buttons_are_mirrored_and_in_arabic(qtbot, qapp):
    english_texts, yes_left_in_english = dialog_button_order(qtbot)
    ui_language.apply_ui_language("ar")
    try:
        arabic_texts, yes_left_in_arabic = dialog_button_order(qtbot)
    finally:
        ui_language.apply_ui_language("en")
    assert yes_left_in_arabic != yes_left_in_english
    assert english_texts == ["&Yes", "&No"]
    assert arabic_texts != english_texts  # Qt's own qtbase_ar.qm


def test_switching_back_to_english_restores_the_window(qtbot, qapp, make_window):
    ui_language.apply_ui_language("ar")
    assert QCoreApplication.translate("MainWindow", "&File") == "&ملف"
    assert ui_language.apply_ui_language("en") == "en"
    window = make_window()
    window.resize(900, 600)
    qtbot.waitExposed(window)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert first_menus(window)[:5] == ["&File", "&Edit", "&View", "&Packs", "&Help"]
    first = window.menuBar().actionGeometry(window.menuBar().actions()[0])
    assert first.left() < 20


def test_create_window_follows_the_environment(qtbot, qapp, tmp_path, monkeypatch):
    from tarjama.gui import app

    monkeypatch.setenv(ui_language.ENVIRONMENT_VARIABLE, "ar")
    try:
        window = app.create_window(None, tmp_path / "settings.ini")
        qtbot.addWidget(window)
        assert first_menus(window)[0] == "&ملف"
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        ui_language.apply_ui_language("en")


def test_figure_kinds_and_statuses_are_in_the_catalogue(arabic_ui):
    from tarjama.core.figures.labels import KIND_LABELS, STATUS_LABELS
    from tarjama.gui import figure_label_texts

    assert set(figure_label_texts.MARKED) == {*KIND_LABELS.values(), *STATUS_LABELS.values()}
    assert figure_label_texts.kind_text("money") == "مبلغ مالي"
    assert figure_label_texts.status_text("ok") == "محفوظ"
    ui_language.apply_ui_language("en")
    assert figure_label_texts.kind_text("count_word") == "vague count"


def test_the_command_line_option():
    from tarjama.gui import app

    assert app.parse_arguments(["--ui-language", "ar"]).ui_language == "ar"
    assert app.parse_arguments([]).ui_language is None
