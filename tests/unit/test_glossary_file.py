"""The glossary file: reading, bad lines, limits, saving."""

from __future__ import annotations

import codecs

import pytest

from tarjama.core import glossary_file
from tarjama.core.errors import EXIT_INPUT
from tarjama.core.glossary import Glossary, default_path
from tarjama.core.glossary_file import GlossaryEntry, GlossaryError
from tarjama.core.glossary_user import command_glossary, user_glossary

GOOD = "# names\n\nالأونروا\tUNRWA | the UN relief agency\nغزة\tGaza\n"


def test_a_file_is_read_with_its_alternatives(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text(GOOD, encoding="utf-8")
    glossary = Glossary.load(path)
    assert glossary.entries == (GlossaryEntry("الأونروا", ("UNRWA", "the UN relief agency")),
                                GlossaryEntry("غزة", ("Gaza",)))
    assert glossary.problems == ()
    assert glossary.path == path


@pytest.mark.parametrize("encoded", [
    codecs.BOM_UTF8 + GOOD.encode("utf-8"),
    GOOD.replace("\n", "\r\n").encode("utf-8"),
    GOOD.encode("utf-16"),  # with its byte-order mark, as Notepad saves "Unicode"
])
def test_marks_and_line_ends_are_tolerated(tmp_path, encoded):
    path = tmp_path / "g.tsv"
    path.write_bytes(encoded)
    glossary = Glossary.load(path)
    assert [e.arabic for e in glossary.entries] == ["الأونروا", "غزة"]
    assert glossary.entries[1].english == ("Gaza",)
    assert glossary.problems == ()


@pytest.mark.parametrize(("line", "reason"), [
    ("الأونروا UNRWA", "no tab between the Arabic and the English"),
    ("\tUNRWA", "the Arabic term is empty"),
    ("UNRWA\tUNRWA", "“UNRWA” has no Arabic letters"),
    ("الأونروا\t", "no English rendering for “الأونروا”"),
    ("الأونروا\t | ", "no English rendering for “الأونروا”"),
    ("الأونروا\tUNRWA\tagency", "more than two columns (Arabic, tab, English)"),
    ("كلمة " * 9 + "\tnine", "the Arabic term is longer than 8 words"),
    ("الاونروا\tUNRWA again", "“الاونروا” is already on line 1"),  # the same term, normalised
])
def test_a_bad_line_is_skipped_and_reported_with_its_number(tmp_path, line, reason):
    path = tmp_path / "g.tsv"
    path.write_text(f"الأونروا\tUNRWA\n{line}\nغزة\tGaza\n", encoding="utf-8")
    glossary = Glossary.load(path)
    assert [e.arabic for e in glossary.entries] == ["الأونروا", "غزة"]
    assert [str(p) for p in glossary.problems] == [f"line 2: {reason}"]


def test_a_line_that_is_not_utf8_is_skipped_and_the_rest_kept(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_bytes("غزة\tGaza\n".encode() + "بيروت\tBeirut\n".encode("cp1256")
                     + "القدس\tJerusalem\n".encode())
    glossary = Glossary.load(path)
    assert [e.english[0] for e in glossary.entries] == ["Gaza", "Jerusalem"]
    assert [str(p) for p in glossary.problems] == ["line 2: not UTF-8 text; save the file "
                                                   "as UTF-8"]


@pytest.mark.parametrize(("content", "reason"), [
    (None, "no such file"),
    (b"\x00\x01\x02binary", "this is not a text file"),
])
def test_an_unreadable_file_is_a_clear_error(tmp_path, content, reason):
    path = tmp_path / "g.tsv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(GlossaryError) as caught:
        Glossary.load(path)
    assert caught.value.reason == reason
    assert caught.value.exit_code == EXIT_INPUT
    assert str(path) in str(caught.value)


def test_a_folder_is_not_a_glossary(tmp_path):
    with pytest.raises(GlossaryError, match="folder"):
        Glossary.load(tmp_path)


def test_a_huge_file_is_refused_without_reading_it_whole(tmp_path, monkeypatch):
    path = tmp_path / "g.tsv"
    path.write_bytes(("غزة\tGaza\n" * 2000).encode())
    monkeypatch.setattr(glossary_file, "MAX_BYTES", 1000)
    read_sizes = []
    real_open = type(path).open

    def spying_open(self, *args, **kwargs):
        handle = real_open(self, *args, **kwargs)
        real_read = handle.read
        handle.read = lambda size=-1: read_sizes.append(size) or real_read(size)
        return handle

    monkeypatch.setattr(type(path), "open", spying_open)
    with pytest.raises(GlossaryError, match="larger than"):
        Glossary.load(path)
    assert read_sizes == [1001]  # never read(-1)


def test_save_writes_what_load_reads(tmp_path):
    glossary = Glossary((GlossaryEntry("الأونروا", ("UNRWA", "the UN relief agency")),
                         GlossaryEntry("غزة", ("Gaza",))))
    path = glossary.save(tmp_path / "deep" / "g.tsv")
    text = path.read_text(encoding="utf-8")
    assert "الأونروا\tUNRWA|the UN relief agency\n" in text
    assert text.startswith("#")
    again = Glossary.load(path)
    assert again.entries == glossary.entries
    assert again.digest == glossary.digest
    assert Glossary((GlossaryEntry("غزة", ("Gaza",)),)).digest != glossary.digest
    assert not list(path.parent.glob(".*.part"))  # written through a temporary file


def test_save_cleans_tabs_and_line_breaks_out_of_cells(tmp_path):
    glossary = Glossary((GlossaryEntry("الأمم\tالمتحدة", ("United\nNations",)),))
    path = glossary.save(tmp_path / "g.tsv")
    assert Glossary.load(path).entries == (GlossaryEntry("الأمم المتحدة", ("United Nations",)),)


def test_the_default_file_is_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TARJAMA_DATA_DIR", str(tmp_path))
    assert default_path() == tmp_path / "glossary.tsv"
    assert Glossary.load_default().entries == ()
    assert user_glossary() is None
    assert command_glossary(None, disabled=False) == (None, [])
    (tmp_path / "glossary.tsv").write_text(GOOD + "bad\n", encoding="utf-8")
    assert len(Glossary.load_default()) == 2
    assert len(user_glossary()) == 2
    glossary, notes = command_glossary(None, disabled=False)
    assert len(glossary) == 2
    assert notes == [f"glossary {tmp_path / 'glossary.tsv'}: line 5: no tab between the "
                     "Arabic and the English; skipped"]
    assert command_glossary(None, disabled=True) == (None, [])


def test_the_user_glossary_is_read_again_when_it_changes(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("غزة\tGaza\n", encoding="utf-8")
    first = user_glossary(path)
    assert user_glossary(path) is first  # unchanged: not read again
    path.write_text("غزة\tGaza\nالقدس\tJerusalem\n", encoding="utf-8")
    assert len(user_glossary(path)) == 2


def test_a_broken_default_glossary_is_left_out_with_a_note(tmp_path, monkeypatch):
    monkeypatch.setenv("TARJAMA_DATA_DIR", str(tmp_path))
    (tmp_path / "glossary.tsv").write_bytes(b"\x00junk")
    glossary, notes = command_glossary(None, disabled=False)
    assert glossary is None
    assert "not a text file; translating without a glossary" in notes[0]
    with pytest.raises(GlossaryError):
        command_glossary(tmp_path / "glossary.tsv", disabled=False)  # named: an error


def test_a_same_size_rewrite_in_the_same_time_stamp_is_seen_once_forgotten(tmp_path):
    import os

    from tarjama.core.glossary_user import forget_user_glossary

    path = tmp_path / "g.tsv"
    path.write_text("غزة\tGaza\n", encoding="utf-8")
    stamp = os.stat(path).st_mtime_ns
    assert user_glossary(path).entries[0].english == ("Gaza",)
    path.write_text("غزة\tGAZA\n", encoding="utf-8")  # same size
    os.utime(path, ns=(stamp, stamp))  # as a coarse clock would leave it
    assert user_glossary(path).entries[0].english == ("Gaza",)  # the cache cannot tell
    forget_user_glossary()  # what the Glossary dialog does after saving
    assert user_glossary(path).entries[0].english == ("GAZA",)
