"""Start-up: argument parsing, fonts, ``create_window`` and the ``tarjama gui`` command."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from tarjama.cli import gui_command
from tarjama.gui import app


def test_arguments():
    args = app.parse_arguments(["news.txt", "--settings", "x.ini"])
    assert args.file == Path("news.txt")
    assert args.settings == Path("x.ini")
    assert app.parse_arguments([]).file is None


def test_bundled_font_or_system_fallback(qapp):
    from tarjama.resources import resource_path

    family = app.load_arabic_font()
    if resource_path("fonts", app.ARABIC_FONT_FILE).is_file():
        assert family
    else:
        assert family is None


def test_create_window_opens_the_file(qtbot, tmp_path, article_file):
    window = app.create_window(article_file, tmp_path / "settings.ini")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.job_finished, timeout=60000):
        pass
    assert window.source_pane.sentence_count() == 6
    assert window.settings.path == tmp_path / "settings.ini"


@pytest.mark.parametrize(("argv", "forwarded"), [(["gui"], []), (["gui", "a.txt"], ["a.txt"])])
def test_gui_command_hands_the_file_to_the_desktop_main(monkeypatch, argv, forwarded):
    calls = []
    monkeypatch.setattr(app, "main", lambda args: calls.append(args) or 0)
    parser = argparse.ArgumentParser()
    gui_command.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    assert args.handler(args) == 0
    assert calls == [forwarded]
