"""Finding a batch's inputs, its records and its index (no translation model needed)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path, PurePosixPath

import pytest

from tarjama.core.batch.discover import STATE_DIR_NAME, discover_inputs
from tarjama.core.batch.index import CSV_COLUMNS, render_csv, render_html, write_index
from tarjama.core.batch.records import (
    RECORD_VERSION,
    STATUS_DONE,
    STATUS_FAILED,
    ArticleRecord,
    FigureRow,
    FigureWarning,
    KeyFigure,
    QuotedSentence,
    RecordStore,
    file_sha256,
    remove_stale_temporaries,
    settings_hash,
)
from tarjama.core.errors import InputFileError

SUFFIXES = frozenset({".txt", ".md", ".html", ".docx"})


def touch(path: Path, text: str = "نص") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def names(inputs) -> list[str]:
    return [str(i.relative) for i in inputs]


def test_discovery_is_sorted_and_skips_hidden_unsupported_and_nested_without_recursive(tmp_path):
    src = tmp_path / "in"
    for name in ("b.txt", "a.md", "notes.csv", ".hidden.txt", "sub/c.txt", ".git/d.txt"):
        touch(src / name)
    out = tmp_path / "out"
    assert names(discover_inputs(src, out, suffixes=SUFFIXES)) == ["a.md", "b.txt"]
    assert names(discover_inputs(src, out, recursive=True, suffixes=SUFFIXES)) == [
        "a.md", "b.txt", "sub/c.txt"]


def test_output_folder_inside_input_folder_is_never_read(tmp_path):
    src = tmp_path / "in"
    touch(src / "a.txt")
    out = src / "translations"
    touch(out / "a.en.txt")  # what an earlier run wrote
    touch(out / "deeper" / "b.en.txt")
    found = discover_inputs(src, out, recursive=True, suffixes=SUFFIXES)
    assert names(found) == ["a.txt"]


def test_outputs_mirror_the_tree_and_clashing_names_keep_their_suffix(tmp_path):
    src = tmp_path / "in"
    for name in ("x.txt", "x.html", "report.ar.txt", "index.txt", "sub/index.txt"):
        touch(src / name)
    found = {str(i.relative): i for i in
             discover_inputs(src, tmp_path / "out", recursive=True, suffixes=SUFFIXES)}
    assert found["report.ar.txt"].output_base == PurePosixPath("report.ar")
    assert found["x.txt"].output_base == PurePosixPath("x.txt")
    assert found["x.html"].output_base == PurePosixPath("x.html")
    # index.csv / index.html at the top belong to the batch itself.
    assert found["index.txt"].output_base == PurePosixPath("index.txt")
    assert found["sub/index.txt"].output_base == PurePosixPath("sub/index")
    out = tmp_path / "out"
    assert found["sub/index.txt"].output_path(out, ".html") == out / "sub" / "index.html"


@pytest.mark.parametrize(("layout", "message"), [
    ("missing", "no such folder"),
    ("file", "is a file, not a folder"),
    ("same", "is the input folder itself"),
    ("out-is-file", "is a file; the output must be a folder"),
])
def test_unusable_folders_are_refused_with_a_reason(tmp_path, layout, message):
    src, out = tmp_path / "in", tmp_path / "out"
    if layout != "missing":
        src.mkdir()
    if layout == "file":
        src.rmdir()
        touch(src)
    if layout == "same":
        out = src
    if layout == "out-is-file":
        touch(out)
    with pytest.raises(InputFileError, match=message):
        discover_inputs(src, out, suffixes=SUFFIXES)


def test_default_suffixes_come_from_the_document_readers(tmp_path):
    from tarjama.core.documents import SUPPORTED_SUFFIXES

    assert {".txt", ".docx"} <= set(SUPPORTED_SUFFIXES)
    touch(tmp_path / "in" / "a.txt")
    touch(tmp_path / "in" / "b.xyz")
    assert names(discover_inputs(tmp_path / "in", tmp_path / "out")) == ["a.txt"]


# -- settings and records --------------------------------------------------------------

BASE = dict(pack_fingerprint="tiny|1|100|5", translation={"beam_size": 2},
            formats=("txt", "html"), summary={"summary_sentences": 5}, version="0.1.0")


@pytest.mark.parametrize(("field", "value"), [
    ("pack_fingerprint", "tiny|1|100|6"),
    ("translation", {"beam_size": 1}),
    ("formats", ("txt", "html", "json")),
    ("summary", {"summary_sentences": 3}),
    ("version", "0.2.0"),
])
def test_settings_hash_changes_with_every_setting(field, value):
    assert settings_hash(**{**BASE, field: value}) != settings_hash(**BASE)


def test_settings_hash_ignores_the_order_formats_were_given_in():
    assert settings_hash(**{**BASE, "formats": ("html", "txt")}) == settings_hash(**BASE)


def make_record(**changes) -> ArticleRecord:
    fields = dict(file="sub/a.txt", status=STATUS_DONE, settings="s1", source_sha256="h1",
                  title="عنوان", encoding="cp1256", sentences=3, words=40,
                  summary=("First.", "Second."),
                  figures=(KeyFigure("95%", "percent", "95%"), KeyFigure("12", "number", "12")),
                  warnings=(FigureWarning(1, "قتل 12 شخصا", "killed 21 people",
                                          "the Arabic says 12; the English has 21", "changed"),),
                  outputs=("sub/a.en.txt",))
    fields.update(changes)
    return ArticleRecord(**fields)


def test_a_record_is_the_json_of_all_its_fields():
    """to_json walks the record itself (for speed): it must say what asdict says."""
    import dataclasses

    record = make_record(low_confidence=(2,), repaired=())
    assert json.loads(record.to_json()) == json.loads(json.dumps(dataclasses.asdict(record)))
    assert ArticleRecord.from_dict(json.loads(record.to_json())) == record


@pytest.fixture
def store_with_item(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    touch(src / "sub" / "a.txt")
    [item] = discover_inputs(src, out, recursive=True, suffixes=SUFFIXES)
    touch(out / "sub" / "a.en.txt", "done")
    return RecordStore(out), item


def test_record_round_trips_and_proves_the_article_done(store_with_item):
    store, item = store_with_item
    record = make_record()
    store.save(item, record)
    assert (store.out_dir / STATE_DIR_NAME / "records" / "sub" / "a.txt.json").is_file()
    assert store.load(item) == record
    assert store.is_done(item, "s1", "h1") == record


@pytest.mark.parametrize("change", ["settings", "source", "output-gone", "failed", "corrupt"])
def test_record_does_not_count_when_anything_changed(store_with_item, change):
    store, item = store_with_item
    store.save(item, make_record(status=STATUS_FAILED if change == "failed" else STATUS_DONE))
    settings, digest = "s1", "h1"
    if change == "settings":
        settings = "s2"
    elif change == "source":
        digest = "h2"
    elif change == "output-gone":
        (store.out_dir / "sub" / "a.en.txt").unlink()
    elif change == "corrupt":
        store._path(item.relative).write_text("{not json", encoding="utf-8")
    assert store.is_done(item, settings, digest) is None


def test_file_sha256_reads_the_bytes(tmp_path):
    path = touch(tmp_path / "a.txt", "abc")
    assert file_sha256(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_stale_temporaries_of_a_killed_run_are_removed_and_nothing_else(tmp_path):
    import tempfile

    keep = [touch(tmp_path / "a.html"), touch(tmp_path / ".notes.part"),
            touch(tmp_path / "sub" / "b.part")]
    _, stale = tempfile.mkstemp(prefix=".a.html.", suffix=".part", dir=tmp_path / "sub")
    assert remove_stale_temporaries(tmp_path) == 1
    assert not Path(stale).exists()
    assert all(path.exists() for path in keep)


# -- index -----------------------------------------------------------------------------

def test_index_csv_has_one_row_per_article_with_failures_and_warnings():
    records = [make_record(),
               ArticleRecord(file="broken.docx", status=STATUS_FAILED,
                             reason="is not a valid Word document")]
    rows = list(csv.DictReader(io.StringIO(render_csv(records))))
    assert tuple(rows[0]) == CSV_COLUMNS
    first, broken = rows
    assert first["status"] == "done"
    assert first["summary"].splitlines() == ["First.", "Second."]
    assert first["key_figures"].splitlines() == ["95%", "12"]
    assert first["fidelity_warnings"] == "1"
    assert "the Arabic says 12; the English has 21" in first["warning_details"]
    assert "قتل 12 شخصا" in first["warning_details"]
    assert broken["status"] == "failed"
    assert broken["reason"] == "is not a valid Word document"
    # Counts a record of the previous version never kept are empty, not a false 0.
    assert (first["term_warnings"], first["low_confidence"], first["repaired"]) == ("0", "", "")
    assert (broken["sentences"], broken["fidelity_warnings"]) == ("0", "0")


def test_index_csv_carries_the_date_titles_and_summaries_in_both_languages():
    record = make_record(title_en="Title", date="2018-09-10", summary_ar=("الأولى.",),
                         low_confidence=(0, 2), repaired=())
    [row] = csv.DictReader(io.StringIO(render_csv([record])))
    assert (row["title"], row["title_en"], row["date"]) == ("عنوان", "Title", "2018-09-10")
    assert (row["summary_ar"], row["low_confidence"], row["repaired"]) == ("الأولى.", "2", "0")


def test_index_html_escapes_text_and_links_the_article():
    record = make_record(title="<img src=x onerror=alert(1)>", outputs=("sub/a b.html",))
    page = render_html([record, ArticleRecord(file="x.txt", status=STATUS_FAILED,
                                              reason="is empty")])
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'href="sub/a%20b.html"' in page
    assert '<td>failed<div class="small">is empty</div></td>' in page
    assert "2 files: 1 translated, 1 failed, 0 pending; 1 to check (1 figure warnings" in page


CONVOY_AR = "قطعت القافلة 450 كيلومترا في 3 أيام"
CONVOY_EN = "The convoy travelled 450 miles"


def labelled_record() -> ArticleRecord:
    """Figures of several kinds, and warnings exactly as a batch records them."""
    from tarjama.core.figures import check_fidelity, extract_arabic
    from tarjama.core.figures.labels import figure_label

    warnings = tuple(FigureWarning(4, CONVOY_AR, CONVOY_EN, c.detail, c.status)
                     for c in check_fidelity(CONVOY_AR, CONVOY_EN).checks if c.status != "ok")
    figures = [f for text in ("مقتل 5 أشخاص", "10 أيلول 2024", "عشرات", "الساعة 20:30",
                              "450 كيلومترا") for f in extract_arabic(text)]
    return make_record(figures=tuple(KeyFigure(f.text, f.kind, figure_label(f))
                                     for f in figures), warnings=warnings)


def test_index_csv_lists_figures_as_labelled_chips_and_warnings_with_status_words():
    [row] = csv.DictReader(io.StringIO(render_csv([labelled_record()])))
    assert row["key_figures"].splitlines() == [
        "5 killed", "10 September 2024", "dozens", "20:30", "450 km"]
    details = row["warning_details"].splitlines()
    assert details[0].startswith("sentence 5: figure changed: the Arabic says 450 km")
    assert details[1].startswith("sentence 5: figure missing: the Arabic figure 3 days")
    assert "count_word" not in row["key_figures"]


def test_index_html_shows_chips_coloured_by_kind_and_status_words():
    page = render_html([labelled_record()])
    assert ('<span class="figure fig-casualties" title="مقتل 5 أشخاص">5 killed</span>'
            in page)
    assert '<span class="figure fig-count-word" title="عشرات">dozens</span>' in page
    assert '<span class="figure fig-time" title="20:30">20:30</span>' in page
    assert ".figure.fig-time { background: #" in page
    assert "count_word" not in page


def test_a_warning_recorded_without_its_status_still_reads_in_words():
    old = FigureWarning(1, CONVOY_AR, CONVOY_EN, "the Arabic says 450; the English has 450")
    [row] = csv.DictReader(io.StringIO(render_csv([make_record(warnings=(old,))])))
    assert row["warning_details"].startswith(
        "sentence 2: figure lost or changed: the Arabic says 450; the English has 450")


def test_write_index_writes_the_four_pages_with_a_bom_on_the_spreadsheets(tmp_path):
    paths = write_index(tmp_path, [make_record()])
    assert [p.name for p in (paths.index_csv, paths.index_html, paths.figures_csv,
                             paths.figures_html)] == [
        "index.csv", "index.html", "figures.csv", "figures.html"]
    assert paths.index_csv.read_bytes().startswith(b"\xef\xbb\xbf")
    assert paths.figures_csv.read_bytes().startswith(b"\xef\xbb\xbf")
    for page in (paths.index_html, paths.figures_html):
        assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "figures.csv", "figures.html", "index.csv", "index.html"]  # no temporary left


def test_a_page_that_cannot_be_written_leaves_the_old_one_whole(tmp_path, monkeypatch):
    from tarjama.core.batch import index_html

    write_index(tmp_path, [make_record()])
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken_row(record):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(index_html, "article_row", broken_row)
    with pytest.raises(OSError, match="No space"):
        write_index(tmp_path, [make_record(title="new")])
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_record_of_version_1_is_redone_not_misread(store_with_item):
    store, item = store_with_item
    old = make_record().to_json().replace(f'"version": {RECORD_VERSION}', '"version": 1')
    store._path(item.relative).parent.mkdir(parents=True, exist_ok=True)
    store._path(item.relative).write_text(old, encoding="utf-8")
    assert store.load(item) is None


def test_a_record_of_version_2_still_loads_and_counts_as_done(store_with_item):
    """Version 2 had no figure rows, date or confidence: they stay empty or unknown."""
    store, item = store_with_item
    data = json.loads(make_record().to_json())
    for name in ("title_en", "date", "summary_ar", "figure_rows", "quotes",
                 "low_confidence", "repaired", "warnings_page"):
        del data[name]
    for warning in data["warnings"]:
        del warning["kind"]
    data["version"] = 2
    store._path(item.relative).parent.mkdir(parents=True, exist_ok=True)
    store._path(item.relative).write_text(json.dumps(data), encoding="utf-8")
    record = store.load(item)
    assert record is not None
    assert record.version == 2
    assert (record.figure_warnings, record.term_warnings) == (1, 0)
    assert (record.low_confidence, record.repaired, record.figure_rows) == (None, None, ())
    assert store.is_done(item, "s1", "h1") == record


def test_a_record_with_every_new_field_round_trips(store_with_item):
    store, item = store_with_item
    record = make_record(
        title_en="Title", date="2018-09-10", summary_ar=("الأولى.", "الثانية."),
        figure_rows=(FigureRow(1, "casualties", "12 killed", "قتل 12 شخصا", 12.0, "killed",
                               None, "21 people", "changed"),),
        quotes=(QuotedSentence(1, "قتل 12 شخصا", "killed 21 people"),),
        low_confidence=(0, 2), repaired=(1,), warnings_page="sub/a.warnings.html")
    store.save(item, record)
    assert store.load(item) == record
    assert store.is_done(item, "s1", "h1") is None  # its warnings page is not there
    touch(store.out_dir / "sub" / "a.warnings.html")
    assert store.is_done(item, "s1", "h1") == record
