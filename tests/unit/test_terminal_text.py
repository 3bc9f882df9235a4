"""Names and messages from files, archives and servers reach the terminal with every
control character shown, never acted on."""

from __future__ import annotations

import io
import os

import pytest

import tarjama.cli.main as cli_main
from tarjama.cli.progress import ProgressBar
from tarjama.core.terminal_text import terminal_safe


@pytest.mark.parametrize(("text", "shown"), [
    ("evil\x1b[2Jname.txt", "evil\\x1b[2Jname.txt"),            # clear the screen
    ("\x1b]0;pwned\x07title", "\\x1b]0;pwned\\x07title"),        # set the window title
    ("over\rwrite", "over\\rwrite"),
    ("two\nlines\tand a tab", "two\\nlines\\tand a tab"),
    ("c1\x9b31m csi", "c1\\x9b31m csi"),                          # the one-byte CSI
    ("del\x7f nul\x00", "del\\x7f nul\\x00"),
    ("txt.\u202eexe", "txt.\\u202eexe"),                          # right-to-left override
    (os.fsdecode(b"bad-\xff.txt"), "bad-\\xff.txt"),              # an undecodable byte
])
def test_control_characters_are_escaped(text, shown):
    assert terminal_safe(text) == shown


def test_arabic_text_and_its_marks_are_kept():
    text = "مقتل 5 أشخاص\u200f في «دير الزور» — report.ar.txt"
    assert terminal_safe(text) == text


def test_lines_may_be_kept_for_messages():
    assert terminal_safe("one\ntwo\r\x1b[K", keep_lines=True) == "one\ntwo\\r\\x1b[K"


def test_error_lines_are_safe(capsys):
    cli_main.error("bad\x1b[31m.txt: reason\x07")
    assert capsys.readouterr().err == "tarjama: error: bad\\x1b[31m.txt: reason\\x07\n"


def test_the_progress_bar_escapes_what_it_draws():
    stream = io.StringIO()
    bar = ProgressBar("batch\x1b[1m", total=2, stream=stream, enabled=True)
    bar.update(2, detail="file\x1b]0;x\x07")
    drawn = stream.getvalue()
    assert drawn.startswith("\rbatch\\x1b[1m [")
    assert drawn.endswith("file\\x1b]0;x\\x07\x1b[K")  # the bar's own erase is kept
    assert drawn.count("\x1b") == 1


def test_a_batch_lists_a_hostile_file_name_escaped(tmp_path, tiny_pack, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "x\x1b[2J\x1b]0;owned\x07.txt").write_bytes(b"no arabic \x1b[31m here\n")
    code = cli_main.main(["batch", str(src), "-o", str(tmp_path / "out"), "--pack",
                          str(tiny_pack)])
    err = capsys.readouterr().err
    assert code == 1
    assert "tarjama: x\\x1b[2J\\x1b]0;owned\\x07.txt: no Arabic text found" in err
    assert "\x1b" not in err
    assert "\x07" not in err
