"""The SQLite translation cache: keys, sharing between processes, recovery from damage."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tarjama.core.paths import cache_dir
from tarjama.core.translation_cache import CACHE_FILE, TranslationCache, normalise_sentence

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


@pytest.fixture
def cache(tmp_path):
    store = TranslationCache(tmp_path / "translations.sqlite3")
    yield store
    store.close()


def test_default_location_is_the_cache_dir():
    store = TranslationCache()
    store.put_many("pack", "beam=2", [("جملة", "sentence")])
    store.close()
    assert (cache_dir() / CACHE_FILE).is_file()


def test_round_trip_and_misses(cache):
    cache.put_many("pack-a|1", "beam=2", [("قال الوزير", "the minister said"), ("نعم", "yes")])
    assert cache.get_many("pack-a|1", "beam=2", ["قال الوزير", "لا", "نعم"]) == {
        "قال الوزير": "the minister said",
        "نعم": "yes",
    }


def test_key_includes_pack_and_settings(cache):
    cache.put_many("pack-a|1", "beam=2", [("نعم", "yes")])
    assert cache.get_many("pack-b|1", "beam=2", ["نعم"]) == {}
    assert cache.get_many("pack-a|1", "beam=4", ["نعم"]) == {}


def test_sentences_are_normalised(cache):
    decomposed = "\u0627\u0653"  # alef + madda above; NFC composes it to U+0622
    cache.put_many("p", "s", [(f"  قال   {decomposed}\n", "said")])
    assert normalise_sentence(f"  قال   {decomposed}\n") == "قال \u0622"
    assert cache.get_many("p", "s", ["قال \u0622", "قال\t\u0622 "]) == {
        "قال \u0622": "said",
        "قال\t\u0622 ": "said",
    }


def test_later_put_replaces(cache):
    cache.put_many("p", "s", [("نعم", "yes")])
    cache.put_many("p", "s", [("نعم", "indeed")])
    assert cache.get_many("p", "s", ["نعم"]) == {"نعم": "indeed"}


def test_many_keys_beyond_one_query(cache):
    pairs = [(f"جملة {i}", f"sentence {i}") for i in range(1200)]
    cache.put_many("p", "s", pairs)
    found = cache.get_many("p", "s", [s for s, _ in pairs])
    assert len(found) == 1200
    assert found["جملة 1199"] == "sentence 1199"


def test_wal_mode(cache):
    cache.put_many("p", "s", [("نعم", "yes")])
    with sqlite3.connect(cache.path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_clear(cache):
    cache.put_many("p", "s", [("نعم", "yes")])
    cache.clear()
    assert cache.get_many("p", "s", ["نعم"]) == {}


def test_two_processes_share_the_file(cache):
    cache.put_many("p", "s", [("من هنا", "from here")])  # keep this side's connection open
    script = (
        "import sys\n"
        "from tarjama.core.translation_cache import TranslationCache\n"
        "c = TranslationCache(sys.argv[1])\n"
        "assert c.get_many('p', 's', ['من هنا']) == {'من هنا': 'from here'}\n"
        "c.put_many('p', 's', [('من هناك', 'from there')])\n"
        "c.close()\n"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(cache.path)],
        check=True,
        env={"PYTHONPATH": str(DESKTOP)},
        timeout=60,
    )
    assert cache.get_many("p", "s", ["من هناك"]) == {"من هناك": "from there"}


def test_corrupt_file_is_moved_aside_and_recreated(tmp_path):
    path = tmp_path / "translations.sqlite3"
    path.write_bytes(b"this was never a database " * 200)
    store = TranslationCache(path)
    assert store.get_many("p", "s", ["نعم"]) == {}
    store.put_many("p", "s", [("نعم", "yes")])
    assert store.get_many("p", "s", ["نعم"]) == {"نعم": "yes"}
    assert not store.disabled
    store.close()
    aside = list(tmp_path.glob("translations.sqlite3.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_bytes().startswith(b"this was never a database")


def test_unusable_location_disables_the_cache_without_failing(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    store = TranslationCache(blocker / "translations.sqlite3")
    store.put_many("p", "s", [("نعم", "yes")])
    assert store.get_many("p", "s", ["نعم"]) == {}
    assert store.disabled


# -- scores and repairs ------------------------------------------------------------------

def test_scores_and_repairs_round_trip(cache):
    from tarjama.core.translate_result import Repair, Translation

    repaired = Translation("12 people died", -0.71,
                           Repair("people died", "missing", 4))
    cache.put_entries("pack", "beam=2;repair=4", [("مات 12 شخصا", repaired),
                                                  ("نعم", Translation("yes", -0.2)),
                                                  ("لا", Translation("no"))])
    found = cache.get_entries("pack", "beam=2;repair=4", ["مات 12 شخصا", "نعم", "لا"])
    assert found == {"مات 12 شخصا": repaired, "نعم": Translation("yes", -0.2),
                     "لا": Translation("no", None, None)}
    assert cache.get_many("pack", "beam=2;repair=4", ["نعم"]) == {"نعم": "yes"}


def test_a_cache_from_before_scores_keeps_its_rows_and_gives_no_score(tmp_path):
    from tarjama.core.translate_result import Translation
    from tarjama.core.translation_cache import row_checksum

    path = tmp_path / "translations.sqlite3"
    with sqlite3.connect(path) as connection:  # the schema of the release before scores
        connection.execute(
            "CREATE TABLE translations (pack TEXT NOT NULL, settings TEXT NOT NULL, "
            "source TEXT NOT NULL, target TEXT NOT NULL, checksum TEXT, "
            "PRIMARY KEY (pack, settings, source)) WITHOUT ROWID")
        connection.execute("INSERT INTO translations VALUES (?, ?, ?, ?, ?)",
                           ("pack", "beam=2", "نعم", "yes",
                            row_checksum("pack", "beam=2", "نعم", "yes")))
    connection.close()
    store = TranslationCache(path)
    assert store.get_entries("pack", "beam=2", ["نعم"]) == {"نعم": Translation("yes")}
    store.put_entries("pack", "beam=2", [("لا", Translation("no", -0.5))])
    assert store.get_entries("pack", "beam=2", ["لا"])["لا"].score == -0.5
    store.close()
    with sqlite3.connect(path) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(translations)")}
    connection.close()
    assert {"details", "details_checksum"} <= columns


def test_an_older_tarjama_still_verifies_the_text_of_a_scored_row(cache):
    """The text's checksum is the same as before scores: only the details have their own."""
    from tarjama.core.translate_result import Translation
    from tarjama.core.translation_cache import row_checksum

    cache.put_entries("pack", "beam=2", [("نعم", Translation("yes", -0.3))])
    connection = sqlite3.connect(cache.path)
    (checksum,) = connection.execute("SELECT checksum FROM translations").fetchone()
    connection.close()
    assert checksum == row_checksum("pack", "beam=2", "نعم", "yes")


def test_damaged_details_are_a_miss(cache):
    from tarjama.core.translate_result import Translation

    cache.put_entries("pack", "beam=2", [("نعم", Translation("yes", -0.3))])
    connection = sqlite3.connect(cache.path)
    with connection:
        connection.execute("UPDATE translations SET details = replace(details, '-0.3', '-0.1')")
    connection.close()
    assert cache.get_entries("pack", "beam=2", ["نعم"]) == {}


def test_the_translator_serves_scores_and_repairs_from_the_cache(tiny_pack, tmp_path):
    from tarjama.core.packs import load_pack
    from tarjama.core.translate import TranslationOptions, Translator
    from tarjama.core.translate_result import Translation

    pack = load_pack(tiny_pack)
    store = TranslationCache(tmp_path / "t.sqlite3")
    options = TranslationOptions(max_decoding_length=16)
    sentences = ["وصل اللاجئون إلى الحدود.", "قال الوزير إن الطريق مفتوح."]
    first: list[Translation] = []
    Translator(pack, options, cache=store).translate(
        sentences, on_translation=lambda i, t: first.append(t))
    again: list[Translation] = []
    second = Translator(pack, options, cache=store)
    second.translate(sentences, on_translation=lambda i, t: again.append(t))
    assert second.last_stats.cached == 2
    assert not second.engine_loaded
    assert again == first
    assert all(t.score is not None for t in again)
    store.close()
