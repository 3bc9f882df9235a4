"""Settings: defaults declared once, INI round trip, repair of bad values, recent files."""

from __future__ import annotations

import pytest

from tarjama.gui.settings import MAX_RECENT_FILES, Settings, default_settings_path


def test_defaults_when_the_file_is_absent(tmp_path):
    settings = Settings.load(tmp_path / "absent.ini")
    assert settings == Settings()
    assert settings.path == tmp_path / "absent.ini"


def test_default_path_is_in_the_user_data_folder(private_user_dirs):
    assert default_settings_path() == private_user_dirs / "data" / "settings.ini"


def test_every_field_round_trips(tmp_path):
    path = tmp_path / "sub" / "settings.ini"
    settings = Settings.load(path)
    settings.pack = "opus-mt-ar-en"
    settings.beam_size = 4
    settings.summary_algorithm = "textrank"
    settings.summary_sentences = 3
    settings.arabic_font_size = 22
    settings.english_font_size = 11
    settings.theme = "dark"
    settings.copy_with_arabic = False
    settings.copy_with_source_name = False
    settings.repair_figures = False
    settings.mark_low_confidence = False
    settings.low_confidence_threshold = -2.5
    settings.recent_files = ["/a/one.txt", "/b/two.docx"]
    settings.window_geometry = b"\x01\x02geometry"
    settings.window_state = b"state"
    settings.reader_splitter = b"split"
    settings.save()
    assert path.is_file()
    assert Settings.load(path) == settings


@pytest.mark.parametrize(("line", "field", "expected"), [
    ("theme=purple", "theme", "system"),
    ("beam_size=lots", "beam_size", 2),
    ("beam_size=0", "beam_size", 1),
    ("summary_algorithm=magic", "summary_algorithm", "lexrank"),
    ("summary_sentences=500", "summary_sentences", 30),
    ("arabic_font_size=2", "arabic_font_size", 8),
    ("copy_with_arabic=false", "copy_with_arabic", False),
    ("repair_figures=false", "repair_figures", False),
    ("mark_low_confidence=0", "mark_low_confidence", False),
    ("low_confidence_threshold=-1.75", "low_confidence_threshold", -1.75),
    ("low_confidence_threshold=sure", "low_confidence_threshold", -1.0),
    ("low_confidence_threshold=nan", "low_confidence_threshold", -1.0),
    ("low_confidence_threshold=2", "low_confidence_threshold", 0.0),
    ("low_confidence_threshold=-80", "low_confidence_threshold", -10.0),
])
def test_bad_hand_edits_are_repaired(tmp_path, line, field, expected):
    path = tmp_path / "settings.ini"
    path.write_text(f"[General]\n{line}\n", encoding="utf-8")
    assert getattr(Settings.load(path), field) == expected


def test_recent_files_are_unique_newest_first_and_bounded(tmp_path):
    settings = Settings()
    for index in range(MAX_RECENT_FILES + 3):
        settings.add_recent_file(tmp_path / f"{index}.txt")
    settings.add_recent_file(tmp_path / "5.txt")
    assert len(settings.recent_files) == MAX_RECENT_FILES
    assert settings.recent_files[0] == str((tmp_path / "5.txt").resolve())
    assert len(set(settings.recent_files)) == MAX_RECENT_FILES


def test_repair_and_confidence_marks_are_on_by_default_at_the_cores_threshold(tmp_path):
    from tarjama.core.confidence import DEFAULT_LOW_CONFIDENCE

    settings = Settings.load(tmp_path / "absent.ini")
    assert settings.repair_figures is True
    assert settings.mark_low_confidence is True
    assert settings.low_confidence_threshold == DEFAULT_LOW_CONFIDENCE
