"""Files written atomically get the mode the user's umask gives a new file (not the 0600
of a temporary file), and a replaced file keeps its mode."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from tarjama.core.atomic import current_umask, umask_read_once, write_atomic

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture
def umask():
    previous = os.umask(0o022)
    os.umask(previous)

    def set_umask(mask: int) -> None:
        os.umask(mask)

    yield set_umask
    os.umask(previous)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600),
                                                (0o002, 0o664), (0o027, 0o640)])
def test_a_new_file_gets_0666_less_the_umask(tmp_path, umask, mask, expected):
    umask(mask)
    assert current_umask() == mask
    path = write_atomic(tmp_path / "new.txt", "text")
    assert mode(path) == expected


def test_a_replaced_file_keeps_its_mode(tmp_path, umask):
    umask(0o022)
    path = tmp_path / "shared.txt"
    for kept in (0o640, 0o755, 0o600):
        path.write_text("old", encoding="utf-8")
        path.chmod(kept)
        write_atomic(path, "new")
        assert path.read_text(encoding="utf-8") == "new"
        assert mode(path) == kept


def test_no_temporary_file_is_left_beside_the_target(tmp_path, umask):
    umask(0o077)
    write_atomic(tmp_path / "a.txt", b"bytes")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_a_umask_read_once_holds_for_the_block_and_only_there(tmp_path, umask):
    umask(0o027)
    with umask_read_once():
        umask(0o002)  # changed inside: files of the block keep the umask read on entering
        assert mode(write_atomic(tmp_path / "inside.txt", "x")) == 0o640
    assert mode(write_atomic(tmp_path / "after.txt", "x")) == 0o664


def test_batch_outputs_follow_the_umask(tmp_path, umask, tiny_pack):
    from tarjama.core.batch import BatchOptions, run_batch
    from tarjama.core.packs import load_pack
    from tarjama.core.translate import TranslationOptions, Translator

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("قال مصدر إن 3 أشخاص أصيبوا في الحادث.\n", encoding="utf-8")
    umask(0o027)
    translator = Translator(load_pack(tiny_pack),
                            TranslationOptions(use_cache=False, max_decoding_length=8))
    run_batch(src, tmp_path / "out", translator, BatchOptions(formats=("txt", "html")))
    files = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"a.en.txt", "a.html", "index.csv", "index.html",
                                       "a.txt.json"}
    assert {p.name: mode(p) for p in files} == {p.name: 0o640 for p in files}
