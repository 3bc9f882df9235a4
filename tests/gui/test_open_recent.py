"""Open Recent names each file with its folder, so files of the same name can be told apart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu

from tarjama.gui.main_menu import fill_recent_menu, recent_labels


def test_each_entry_shows_its_folder():
    assert recent_labels(["/home/sara/news/report.txt", "/home/sara/drafts/notes.docx"]) == [
        "report.txt — …/news", "notes.docx — …/drafts"]


def test_same_names_get_more_folders_until_they_differ():
    labels = recent_labels(["/data/2023/news/report.txt", "/data/2024/news/report.txt",
                            "/data/2024/sport/report.txt", "/data/2024/news/other.txt"])
    assert labels == ["report.txt — …/2023/news", "report.txt — …/2024/news",
                      "report.txt — …/sport", "other.txt — …/news"]
    assert len(set(labels)) == len(labels)


def test_a_file_at_the_top_shows_the_whole_folder():
    assert recent_labels(["/report.txt", "/a/report.txt"]) == ["report.txt — /",
                                                              "report.txt — …/a"]


def test_a_long_folder_name_is_cut_in_the_middle():
    folder = "a-folder-with-a-very-long-name-that-would-widen-the-menu-far-too-much"
    (label,) = recent_labels([f"/x/{folder}/report.txt"])
    name, shown = label.split(" — ")
    assert name == "report.txt"
    assert len(shown) <= 40
    assert "…" in shown[2:]
    assert shown.endswith(folder[-10:])


def test_the_menu_entries_carry_the_full_path_and_open_it(qtbot, tmp_path):
    first, second = tmp_path / "one" / "report.txt", tmp_path / "two & three" / "report.txt"
    opened = []
    menu = QMenu()
    qtbot.addWidget(menu)
    fill_recent_menu(menu, [str(first), str(second)], opened.append)
    actions = menu.actions()
    assert [a.text() for a in actions] == ["report.txt — …/one", "report.txt — …/two && three"]
    assert [a.toolTip() for a in actions] == [str(first), str(second)]
    assert [a.statusTip() for a in actions] == [str(first), str(second)]
    assert menu.toolTipsVisible()
    actions[1].trigger()
    assert opened == [str(second)]


def test_the_window_menu_lists_the_recent_files(make_window, tmp_path):
    window = make_window()
    paths = [str(tmp_path / folder / "article.txt") for folder in ("cairo", "beirut")]
    window.settings.recent_files = paths
    window.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.recent_menu.actions()] == [
        "article.txt — …/cairo", "article.txt — …/beirut"]
    assert Path(window.recent_menu.actions()[0].toolTip()) == Path(paths[0])
