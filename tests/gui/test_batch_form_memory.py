"""The Batch window finds its folders, formats, sub-folder choice and summary length as
the last session left them; "Redo articles already translated" always starts unticked."""

from __future__ import annotations

from tarjama.gui.batch_form_memory import FormChoices
from tarjama.gui.tool_dialogs import run_batch_dialog


def fill_in(dialog, articles: str, output: str) -> None:
    dialog.in_edit.setText(articles)
    dialog.out_edit.setText(output)
    dialog.recursive_check.setChecked(True)
    dialog.force_check.setChecked(True)
    for name, box in dialog.format_checks.items():
        box.setChecked(name in ("json", "docx"))
    dialog.summary_spin.setValue(8)


def test_the_next_session_shows_the_form_as_it_was_left(qtbot, make_window, tmp_path):
    settings_file = tmp_path / "reader.ini"
    window = make_window(settings_file)
    dialog = run_batch_dialog(window)
    assert dialog.in_edit.text() == ""  # a first session: nothing remembered yet
    assert dialog.selected_formats() == ("txt", "html")
    articles, output = str(tmp_path / "مقالات الصباح"), str(tmp_path / "out folder")
    fill_in(dialog, articles, output)
    dialog.close()
    window.settings.save()  # the reader writes its own settings: the choices stay
    window.close()

    again = run_batch_dialog(make_window(settings_file))  # the next session
    assert again.in_edit.text() == articles
    assert again.out_edit.text() == output
    assert again.recursive_check.isChecked()
    assert again.selected_formats() == ("json", "docx")
    assert again.summary_spin.value() == 8
    assert not again.force_check.isChecked()  # never carried over


def test_starting_a_batch_remembers_the_form_before_it_runs(qtbot, make_window, tmp_path):
    settings_file = tmp_path / "reader.ini"
    dialog = run_batch_dialog(make_window(settings_file))
    fill_in(dialog, str(tmp_path / "missing"), str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.batch_failed, timeout=60_000):
        assert dialog.start()  # the articles folder does not exist: the batch fails
    qtbot.waitUntil(lambda: not dialog.running)
    remembered = FormChoices.load(settings_file)
    assert remembered.articles_folder == str(tmp_path / "missing")
    assert remembered.formats == ("json", "docx")


def test_damaged_values_fall_back_to_the_defaults(tmp_path):
    settings_file = tmp_path / "reader.ini"
    settings_file.write_text("[batch]\nformats=pdf,,exe\nsummary_sentences=many\n"
                             "recursive=perhaps\n", encoding="utf-8")
    choices = FormChoices.load(settings_file)
    assert choices.formats == ("txt", "html")
    assert choices.summary_sentences == 5
    assert not choices.recursive
    settings_file.write_text("[batch]\nsummary_sentences=500\nformats=md\n", encoding="utf-8")
    assert FormChoices.load(settings_file).summary_sentences == 20
    assert FormChoices.load(settings_file).formats == ("md",)
