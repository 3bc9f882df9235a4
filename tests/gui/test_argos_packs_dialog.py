"""Argos Translate's own packages in the Packs dialog: listed, chosen, used, never removed.

The packages are the tiny random-weight Argos fixture copied into a temporary
$ARGOS_PACKAGES_DIR (tests/conftest.py), as Argos's installer would unpack them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from tarjama.core.packs.install import install_pack
from tarjama.core.packs.locate import default_pack_name
from tarjama.gui.errors import ErrorReporter
from tarjama.gui.pack_table_model import COLUMNS, FAMILY, LICENCE, NAME, STATUS
from tarjama.gui.packs_dialog import PacksDialog
from tarjama.gui.settings import Settings

ARGOS = "argos:translate-ar_en-1_0"
SHOWN_NAME = "Argos test package ar-en"  # the name its metadata.json gives
REMOVE_TIP = ("Tarjama never deletes Argos Translate's files: remove this package with "
              "Argos Translate.")


def place(source: Path, folder: Path, **metadata_changes: object) -> Path:
    """Copy an Argos package into Argos's folder, changing its metadata.json."""
    target = Path(shutil.copytree(source, folder))
    path = target / "metadata.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, **metadata_changes}), encoding="utf-8")
    return target


@pytest.fixture
def argos_package(argos_tiny_pack, argos_packages_dir) -> Path:
    return place(argos_tiny_pack, argos_packages_dir / "translate-ar_en-1_0", name=SHOWN_NAME,
                 license="CC-BY-4.0")


@pytest.fixture
def empty_catalogue(tmp_path, monkeypatch) -> None:
    path = tmp_path / "catalogue.toml"
    path.write_text("schema = 1\n", encoding="utf-8")
    monkeypatch.setenv("TARJAMA_CATALOGUE", str(path))


@pytest.fixture
def messages() -> list[tuple[str, str]]:
    return []


@pytest.fixture
def make_dialog(qtbot, messages, empty_catalogue):
    def make(settings: Settings | None = None) -> PacksDialog:
        reporter = ErrorReporter(show=lambda _parent, title, text: messages.append((title, text)))
        dialog = PacksDialog(parent=None, reporter=reporter, settings=settings)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def texts(dialog: PacksDialog, name: str) -> dict[str, str]:
    return {title: dialog.table.cell_text(name, column) for column, title in enumerate(COLUMNS)}


def shown_tooltip(qtbot, widget) -> str:
    """Hover ``widget`` the way Qt does (a ToolTip help event) and read the tooltip shown."""
    QToolTip.hideText()
    centre = widget.rect().center()
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, centre,
                                              widget.mapToGlobal(centre)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    text = QToolTip.text()
    QToolTip.hideText()
    return text


def test_an_argos_package_is_listed_with_its_status_family_and_licence(
        qtbot, make_dialog, argos_package, tiny_pack):
    install_pack(str(tiny_pack), name="mine")
    dialog = make_dialog()

    assert [row.name for row in dialog.rows()] == ["mine", ARGOS]
    cells = texts(dialog, ARGOS)
    assert cells["Status"] == "Found in Argos's folder"
    assert cells["Family"] == "marian"
    assert cells["Licence"] == "CC-BY-4.0"
    assert cells["Size"].strip("\u2066\u2069").endswith("MB")
    assert "Random-weight" in cells["Description"]
    status_tip = dialog.table.model().index(1, STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert str(argos_package) in status_tip

    dialog.select_pack(ARGOS)
    assert dialog.default_button.isEnabled()
    assert not dialog.remove_button.isEnabled()
    assert shown_tooltip(qtbot, dialog.remove_button) == REMOVE_TIP
    details = dialog.details.plain_text()
    assert "Model family: marian." in details
    assert f"Found in Argos Translate's folder, {argos_package}" in details

    dialog.select_pack("mine")  # Tarjama's own pack can be removed, and says nothing of Argos
    assert dialog.remove_button.isEnabled()
    assert dialog.remove_button.toolTip() == ""


def test_the_non_commercial_flag_is_the_one_the_cli_shows(
        capsys, make_dialog, argos_tiny_pack, argos_packages_dir):
    from tarjama.cli.main import main

    # One says it in a flag (its licence text does not), one in its licence, one not at all.
    place(argos_tiny_pack, argos_packages_dir / "translate-ar_en-flag", non_commercial=True,
          license="see the README")
    place(argos_tiny_pack, argos_packages_dir / "translate-ar_en-nc", license="CC-BY-NC-4.0")
    place(argos_tiny_pack, argos_packages_dir / "translate-ar_en-open", license="MIT")
    assert main(["packs", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["packs"]
    cli_flags = {row["name"]: row["non_commercial"] for row in listed if row["origin"] == "argos"}
    assert cli_flags == {"argos:translate-ar_en-flag": True, "argos:translate-ar_en-nc": True,
                         "argos:translate-ar_en-open": False}

    dialog = make_dialog()
    for name, flagged in cli_flags.items():
        licence = texts(dialog, name)["Licence"]
        assert ("non-commercial use only" in licence) is flagged, licence
        assert licence.startswith("⚠") is flagged
        dialog.select_pack(name)
        assert ("non-commercial use only" in dialog.details.plain_text()) is flagged
    index = dialog.table.model().index(dialog.rows().index(
        next(r for r in dialog.rows() if r.name == "argos:translate-ar_en-open")), LICENCE)
    assert index.data() == "MIT"


def test_an_argos_package_made_default_translates_the_article(
        qtbot, make_window, open_and_wait, article_file, argos_package, tiny_pack, dialogs,
        empty_catalogue, tmp_path):
    install_pack(str(tiny_pack), name="mine")  # Tarjama's own pack is the default first
    assert default_pack_name() == "mine"
    window = make_window(tmp_path / "settings.ini")
    dialog = PacksDialog(window)  # as Packs ▸ Manage Packs… opens it
    dialog.show()
    qtbot.waitExposed(dialog)
    assert texts(dialog, "mine")["Status"] == "✔ Installed, default"

    dialog.select_pack(ARGOS)
    with qtbot.waitSignal(dialog.packs_changed):
        dialog.default_button.click()
    assert texts(dialog, ARGOS)["Status"] == "Found in Argos's folder, default"
    assert texts(dialog, "mine")["Status"] == "✔ Installed"
    assert dialog.message_label.text() == f"{ARGOS} is now the default pack."
    assert not dialog.default_button.isEnabled()
    assert dialog.table.model().index(1, NAME).data(Qt.ItemDataRole.FontRole).bold()
    assert window.settings.pack == ARGOS
    assert Settings.load(tmp_path / "settings.ini").pack == ARGOS  # kept for the next start
    assert default_pack_name() == "mine"  # Tarjama's packs folder is not told about Argos
    dialog.close()

    open_and_wait(window, article_file)
    assert dialogs == []
    assert window.article.pack.name == SHOWN_NAME
    for s in window.article.sentences:
        assert window.target_pane.sentence_text(s.sentence.id).strip()
    window.copy_translation_action.trigger()
    assert f"Machine translation by {SHOWN_NAME} (CC-BY-4.0)." in QApplication.clipboard().text()

    # Choosing Tarjama's own pack again gives the packs folder its say back.
    dialog = PacksDialog(window)
    dialog.select_pack("mine")
    with qtbot.waitSignal(dialog.packs_changed):
        dialog.default_button.click()
    assert window.settings.pack == ""
    assert texts(dialog, "mine")["Status"] == "✔ Installed, default"
    assert texts(dialog, ARGOS)["Status"] == "Found in Argos's folder"
    dialog.close()


def test_a_package_gone_from_argos_cannot_be_chosen(make_dialog, argos_package, messages,
                                                    tmp_path):
    settings = Settings.load(tmp_path / "settings.ini")
    dialog = make_dialog(settings)
    dialog.select_pack(ARGOS)
    shutil.rmtree(argos_package)  # Argos removed it while the dialog was open
    dialog.default_button.click()
    assert settings.pack == ""
    assert "Argos Translate no longer has the package" in dialog.message_label.text()
    assert len(messages) == 1
    assert ARGOS not in [row.name for row in dialog.rows()]  # and the list says so


def test_a_refresh_changes_rows_instead_of_rebuilding_the_table(
        qtbot, make_dialog, argos_package, argos_tiny_pack, argos_packages_dir, tiny_pack):
    install_pack(str(tiny_pack), name="mine")
    dialog = make_dialog()
    dialog.select_pack(ARGOS)
    details = dialog.details.plain_text()
    model = dialog.table.model()
    events: list[tuple[str, int, int]] = []
    model.modelReset.connect(lambda: events.append(("reset", -1, -1)))
    model.rowsInserted.connect(lambda _parent, first, last: events.append(("inserted", first,
                                                                           last)))
    model.rowsRemoved.connect(lambda _parent, first, last: events.append(("removed", first,
                                                                          last)))

    place(argos_tiny_pack, argos_packages_dir / "translate-ar_en-2_0", name="Second")
    dialog.refresh()
    assert events == [("inserted", 2, 2)]  # appended after the first Argos package
    assert [row.name for row in dialog.rows()] == ["mine", ARGOS, "argos:translate-ar_en-2_0"]
    assert texts(dialog, "argos:translate-ar_en-2_0")["Status"] == "Found in Argos's folder"
    assert dialog.selected_name() == ARGOS  # the selection and its details stayed
    assert dialog.details.plain_text() == details

    events.clear()
    shutil.rmtree(argos_package)
    dialog.refresh()
    assert events == [("removed", 1, 1)]
    assert [row.name for row in dialog.rows()] == ["mine", "argos:translate-ar_en-2_0"]
    assert texts(dialog, "argos:translate-ar_en-2_0")[COLUMNS[FAMILY]] == "marian"


@pytest.mark.parametrize(("before", "after"), [
    ("", "abc"),
    ("abc", ""),
    ("abcd", "dbca"),  # every row moves
    ("abcd", "xbdy"),  # removed, kept, moved and new rows together
    ("ab", "ba"),
])
def test_the_table_model_reaches_any_new_list_of_rows(qtlog, before, after):
    from PySide6.QtCore import QPersistentModelIndex
    from PySide6.QtTest import QAbstractItemModelTester

    from tarjama.gui.pack_rows import PackRow
    from tarjama.gui.pack_table_model import PackRowsModel

    model = PackRowsModel()
    # Qt's own checker of the model's signals and answers, complaining in Qt warnings.
    _tester = QAbstractItemModelTester(
        model, QAbstractItemModelTester.FailureReportingMode.Warning)
    model.set_rows([PackRow(name) for name in before])
    # What a view holds on to (its selection, its current row) must follow its pack.
    held = {name: QPersistentModelIndex(model.index(i, NAME)) for i, name in enumerate(before)}
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_rows([PackRow(name, is_default=name == "b") for name in after])
    assert [row.name for row in model.rows()] == list(after)
    assert [model.index(i, NAME).data() for i in range(model.rowCount())] == list(after)
    assert [row.is_default for row in model.rows()] == [name == "b" for name in after]
    assert resets == []
    assert [record.message for record in qtlog.records] == []
    for name, index in held.items():
        assert index.row() == (after.index(name) if name in after else -1), name
