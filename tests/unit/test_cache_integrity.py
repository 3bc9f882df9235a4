"""A damaged translation cache never returns a changed translation and never stops the app."""

from __future__ import annotations

import logging
import sqlite3

import pytest

from tarjama.core.translation_cache import TranslationCache, row_checksum

PACK, SETTINGS = "pack-a|1", "beam=2"
SENTENCE = "قال الوزير إن المفاوضات ستستمر"
TRANSLATION = "the minister said that the negotiations would continue"


def _checkpoint(path) -> None:
    """Fold the WAL into the main file, so the rows' bytes are where the test can reach them."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _filled_cache(path, extra: int = 0) -> None:
    store = TranslationCache(path)
    pairs = [(SENTENCE, TRANSLATION)] + [(f"جملة {i}", f"sentence {i}") for i in range(extra)]
    store.put_many(PACK, SETTINGS, pairs)
    store.close()
    _checkpoint(path)


def _translations(json_text: str) -> list[str]:
    import json

    return [sentence["translation"] for sentence in json.loads(json_text)["sentences"]]


def _flip_inside(path, needle: bytes, offset: int, new: bytes) -> None:
    data = bytearray(path.read_bytes())
    assert data.count(needle) == 1, "the test needs the text exactly once in the file"
    at = data.index(needle) + offset
    data[at:at + 1] = new
    path.write_bytes(bytes(data))


def test_a_flipped_byte_in_a_translation_is_a_miss_not_a_changed_text(tmp_path, caplog):
    path = tmp_path / "translations.sqlite3"
    _filled_cache(path, extra=50)
    _flip_inside(path, b"negotiations", 0, b"N")
    store = TranslationCache(path)
    with caplog.at_level(logging.ERROR, logger="tarjama.core.translation_cache"):
        found = store.get_many(PACK, SETTINGS, [SENTENCE, "جملة 7"])
    assert found == {"جملة 7": "sentence 7"}  # the other rows still serve
    assert "failed its checksum" in caplog.text
    # The translator stores the fresh translation, which replaces the damaged row.
    store.put_many(PACK, SETTINGS, [(SENTENCE, TRANSLATION)])
    assert store.get_many(PACK, SETTINGS, [SENTENCE]) == {SENTENCE: TRANSLATION}
    store.close()


def test_a_byte_turned_into_invalid_utf8_is_a_miss_too(tmp_path):
    path = tmp_path / "translations.sqlite3"
    _filled_cache(path)
    _flip_inside(path, b"negotiations", 3, b"\xff")
    store = TranslationCache(path)
    assert store.get_many(PACK, SETTINGS, [SENTENCE]) == {}
    assert not store.disabled
    store.close()


def test_a_damaged_checksum_is_a_miss(tmp_path):
    path = tmp_path / "translations.sqlite3"
    _filled_cache(path)
    checksum = row_checksum(PACK, SETTINGS, SENTENCE, TRANSLATION).encode()
    _flip_inside(path, checksum, 0, b"g")
    store = TranslationCache(path)
    assert store.get_many(PACK, SETTINGS, [SENTENCE]) == {}
    store.close()


@pytest.mark.parametrize("damage", ["truncate", "garbage-page", "garbage-file"])
def test_a_broken_file_is_set_aside_and_the_cache_goes_on(tmp_path, caplog, damage):
    path = tmp_path / "translations.sqlite3"
    _filled_cache(path, extra=2000)  # several pages, so truncation cuts the b-tree
    data = path.read_bytes()
    if damage == "truncate":
        damaged = data[: len(data) // 2]
    elif damage == "garbage-page":
        page = 4096
        damaged = data[:page] + b"\xa5" * page + data[2 * page:]
    else:
        damaged = b"\x00junk" * 1000
    path.write_bytes(damaged)
    store = TranslationCache(path)
    with caplog.at_level(logging.ERROR, logger="tarjama.core.translation_cache"):
        assert store.get_many(PACK, SETTINGS, [SENTENCE]) == {}
    assert "set it aside" in caplog.text
    assert not store.disabled
    store.put_many(PACK, SETTINGS, [(SENTENCE, TRANSLATION)])
    assert store.get_many(PACK, SETTINGS, [SENTENCE]) == {SENTENCE: TRANSLATION}
    store.close()
    aside = list(tmp_path.glob("translations.sqlite3.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_bytes() == damaged  # kept as it was, for inspection


def test_quick_check_runs_when_the_file_is_opened(tmp_path, monkeypatch):
    path = tmp_path / "translations.sqlite3"
    _filled_cache(path)
    seen: list[str] = []
    store = TranslationCache(path)
    real_connect = sqlite3.connect

    def tracing_connect(*args, **kwargs):
        connection = real_connect(*args, **kwargs)
        connection.set_trace_callback(seen.append)
        return connection

    monkeypatch.setattr(sqlite3, "connect", tracing_connect)
    store.get_many(PACK, SETTINGS, [SENTENCE])
    store.close()
    assert any("quick_check" in statement for statement in seen)


def test_an_old_cache_without_checksums_is_migrated_and_its_rows_dropped(tmp_path):
    path = tmp_path / "translations.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute(
            "CREATE TABLE translations (pack TEXT NOT NULL, settings TEXT NOT NULL, "
            "source TEXT NOT NULL, target TEXT NOT NULL, "
            "PRIMARY KEY (pack, settings, source)) WITHOUT ROWID")
        connection.execute("INSERT INTO translations VALUES (?, ?, ?, ?)",
                           (PACK, SETTINGS, SENTENCE, "an unverifiable old translation"))
    connection.close()
    store = TranslationCache(path)
    assert store.get_many(PACK, SETTINGS, [SENTENCE]) == {}
    store.put_many(PACK, SETTINGS, [(SENTENCE, TRANSLATION)])
    assert store.get_many(PACK, SETTINGS, [SENTENCE]) == {SENTENCE: TRANSLATION}
    store.close()
    with sqlite3.connect(path) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(translations)")}
        rows = connection.execute("SELECT target, checksum FROM translations").fetchall()
    connection.close()
    assert "checksum" in columns
    assert rows == [(TRANSLATION, row_checksum(PACK, SETTINGS, SENTENCE, TRANSLATION))]
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_a_row_written_without_checksum_is_a_silent_miss(tmp_path):
    path = tmp_path / "translations.sqlite3"
    _filled_cache(path)
    with sqlite3.connect(path) as connection:  # what an older Tarjama would write
        connection.execute("INSERT INTO translations (pack, settings, source, target) "
                           "VALUES (?, ?, ?, ?)", (PACK, SETTINGS, "نعم", "yes"))
    connection.close()
    store = TranslationCache(path)
    assert store.get_many(PACK, SETTINGS, ["نعم", SENTENCE]) == {SENTENCE: TRANSLATION}
    store.close()


def test_text_that_cannot_be_stored_is_skipped(tmp_path):
    store = TranslationCache(tmp_path / "translations.sqlite3")
    store.put_many(PACK, SETTINGS, [("نعم", "broken \ud800 text"), ("لا", "no")])
    assert store.get_many(PACK, SETTINGS, ["نعم", "لا"]) == {"لا": "no"}
    store.close()


@pytest.mark.parametrize("damage", ["garbage", "flipped-translation"])
def test_cli_translate_on_a_damaged_cache_exits_0_with_the_right_translation(
        tmp_path, capsys, caplog, tiny_pack, damage):
    from tarjama.cli.main import main
    from tarjama.core.paths import cache_dir

    article = tmp_path / "article.ar.txt"
    article.write_text("قال الوزير إن المفاوضات ستستمر الأسبوع المقبل.\n", encoding="utf-8")
    argv = ["translate", str(article), "--pack", str(tiny_pack), "--to", "json"]
    assert main(argv) == 0
    first = _translations(capsys.readouterr().out)
    path = cache_dir() / "translations.sqlite3"
    _checkpoint(path)
    if damage == "garbage":
        path.write_bytes(b"not a database any more " * 100)
    else:
        with sqlite3.connect(path) as connection:
            (target,) = connection.execute("SELECT target FROM translations").fetchone()
        connection.close()
        assert target.strip(), "the tiny pack should translate the sentence to something"
        needle = target.encode("utf-8")
        offset = next(i for i, byte in enumerate(needle) if chr(byte).isalpha())
        new = b"Q" if needle[offset:offset + 1] != b"Q" else b"Z"
        _flip_inside(path, needle, offset, new)
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert _translations(out) == first
    # main() logs to stderr at ERROR level; under pytest the records land in caplog.
    if damage == "garbage":
        assert "set it aside" in caplog.text
        assert list(path.parent.glob("translations.sqlite3.corrupt-*"))
    else:
        assert "failed its checksum" in caplog.text
