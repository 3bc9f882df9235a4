"""The batch loop with a real (random-weight) translation model: mixed folders, failures,
resume, cancel and cross-file batching."""

from __future__ import annotations

import csv
import hashlib
import json
import threading
from pathlib import Path

import pytest

from folder_bytes import tree_bytes
from tarjama.core.batch import BatchOptions, run_batch
from tarjama.core.batch.discover import STATE_DIR_NAME
from tarjama.core.errors import EXIT_CANCELLED, EXIT_FAILURE, EXIT_OK, InputFileError

# Short news-style paragraphs written for these tests, with figures the checks look for.
PARAGRAPHS = [
    "قالت مصادر محلية إن 12 شخصاً قتلوا في ريف دير الزور يوم الثلاثاء. "
    "وأضافت المصادر أن القصف استهدف سوقاً شعبية وسط البلدة.",
    "ارتفعت أسعار الخبز بنسبة 40% خلال شهر واحد. ويقول السكان إن الرواتب لم تتغير منذ عام 2019.",
    "اعتقلت دورية 7 شبان من قرية قريبة من النهر. ولم تعرف أسباب الاعتقال حتى الآن.",
    "تبعد المدينة نحو 450 كيلومترا عن العاصمة. وقد نزح منها آلاف العائلات في السنوات الأخيرة.",
]


def article(seed: int, paragraphs: int = 2) -> str:
    chosen = [PARAGRAPHS[(seed + k) % len(PARAGRAPHS)] for k in range(paragraphs)]
    return f"خبر رقم {seed}\n\n" + "\n\n".join(chosen) + "\n"


def make_docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph.strip())
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


GOOD = ["a-utf8.txt", "b-bom.md", "nested/c-cp1256.txt", "nested/deeper/d-utf16.txt",
        "nested/e.html", "f.docx"]
BAD = ["broken.docx", "empty.txt", "junk.txt"]


def build_mixed_folder(root: Path) -> Path:
    """A folder like the ones analysts receive: nested, several encodings and formats,
    and a few files that cannot be read."""
    root.mkdir(parents=True)
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / "a-utf8.txt").write_text(article(1), encoding="utf-8")
    (root / "b-bom.md").write_text("# " + article(2), encoding="utf-8-sig")
    (root / "nested" / "c-cp1256.txt").write_bytes(article(3).encode("cp1256"))
    (root / "nested" / "deeper" / "d-utf16.txt").write_text(article(4), encoding="utf-16")
    body = "".join(f"<p>{p}</p>" for p in article(5).split("\n\n"))
    (root / "nested" / "e.html").write_text(
        f'<html lang="ar"><head><meta charset="utf-8"><title>خبر</title></head>'
        f"<body>{body}</body></html>", encoding="utf-8")
    make_docx(root / "f.docx", article(6))
    (root / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a zip archive")
    (root / "empty.txt").write_bytes(b"")
    (root / "junk.txt").write_bytes(bytes(range(256)) * 8)
    (root / "ignored.csv").write_text("a,b\n", encoding="utf-8")
    return root


def read_index(out: Path) -> list[dict[str, str]]:
    with (out / "index.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def digests(root: Path) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in tree_bytes(root).items()}


@pytest.fixture(scope="module")
def translator(tiny_pack):
    from tarjama.core.packs import load_pack
    from tarjama.core.translate import TranslationOptions, Translator

    # No cache: every run really translates, so identical outputs prove determinism.
    options = TranslationOptions(max_decoding_length=24, use_cache=False, beam_size=1)
    return Translator(load_pack(tiny_pack), options)


FORMATS = ("txt", "md", "html", "json", "docx")


def test_mixed_folder_is_translated_with_failures_in_the_index(tmp_path, translator):
    src = build_mixed_folder(tmp_path / "in")
    before = digests(src)
    out = tmp_path / "out"
    report = run_batch(src, out, translator, BatchOptions(formats=FORMATS, recursive=True))

    assert (report.translated, report.skipped, report.failed) == (len(GOOD), 0, len(BAD))
    assert report.exit_code == EXIT_FAILURE
    assert digests(src) == before, "sources must never be modified"
    for name in GOOD:
        base = name.rsplit(".", 1)[0]
        for suffix in (".en.txt", ".md", ".html", ".json", ".docx"):
            assert (out / (base + suffix)).is_file(), base + suffix
    assert not list(out.rglob("*.part"))

    rows = {r["file"]: r for r in read_index(out)}
    assert sorted(rows) == sorted(GOOD + BAD)
    for name in BAD:
        assert rows[name]["status"] == "failed"
        assert rows[name]["reason"], f"{name} must say why it failed"
    for name in GOOD:
        row = rows[name]
        assert row["status"] == "done"
        assert int(row["sentences"]) >= 3
        assert int(row["words"]) > 10
        assert row["summary"].strip()
        assert row["title"]
    assert rows["nested/c-cp1256.txt"]["encoding"] == "cp1256"
    # Figures of the source are listed for the analyst to double-check.
    assert "2019" in rows["a-utf8.txt"]["key_figures"]
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "broken.docx" in html
    assert 'href="nested/e.html"' in html

    data = json.loads((out / "a-utf8.json").read_text(encoding="utf-8"))
    assert data["document"]["path"] == "a-utf8.txt"
    assert data["stats"]["seconds"] == 0
    assert data["stats"]["words_per_second"] == 0
    assert all(s["translation"] for s in data["sentences"])


def test_without_recursive_only_the_top_folder_is_read(tmp_path, translator):
    src = build_mixed_folder(tmp_path / "in")
    report = run_batch(src, tmp_path / "out", translator, BatchOptions(formats=("txt",)))
    assert sorted(r.file for r in report.records()) == sorted(
        n for n in GOOD + BAD if "/" not in n)


def test_rerun_skips_finished_articles_and_force_redoes_them_identically(tmp_path, translator):
    src = build_mixed_folder(tmp_path / "in")
    out = tmp_path / "out"
    options = BatchOptions(formats=("txt", "json", "html"), recursive=True)
    run_batch(src, out, translator, options)
    first = tree_bytes(out)

    again = run_batch(src, out, translator, options)
    assert (again.translated, again.skipped, again.failed) == (0, len(GOOD), len(BAD))
    assert tree_bytes(out) == first

    forced = run_batch(src, out, translator, BatchOptions(formats=options.formats,
                                                          recursive=True, force=True))
    assert (forced.translated, forced.skipped) == (len(GOOD), 0)
    assert tree_bytes(out) == first


@pytest.mark.parametrize("change", ["formats", "summary", "source", "output-deleted"])
def test_changed_settings_or_sources_are_redone(tmp_path, translator, change):
    from tarjama.core.pipeline import PipelineOptions

    src = tmp_path / "in"
    src.mkdir()
    for k in range(3):
        (src / f"n{k}.txt").write_text(article(k), encoding="utf-8")
    out = tmp_path / "out"
    # One article per window: a window with anything left to do is redone whole.
    options = BatchOptions(formats=("txt",), window_sentences=1)
    run_batch(src, out, translator, options)
    if change == "formats":
        options = BatchOptions(formats=("txt", "md"), window_sentences=1)
    elif change == "summary":
        options = BatchOptions(formats=("txt",), pipeline=PipelineOptions(summary_sentences=1),
                               window_sentences=1)
    elif change == "source":
        (src / "n1.txt").write_text(article(9), encoding="utf-8")
    else:
        (out / "n1.en.txt").unlink()
    report = run_batch(src, out, translator, options)
    expected = 3 if change in ("formats", "summary") else 1
    assert report.translated == expected
    assert report.skipped == 3 - expected


def test_a_window_with_an_unfinished_article_is_redone_whole(tmp_path, translator):
    src = tmp_path / "in"
    src.mkdir()
    for k in range(4):
        (src / f"n{k}.txt").write_text(article(k), encoding="utf-8")
    out = tmp_path / "out"
    options = BatchOptions(formats=("txt",), window_sentences=10_000)
    run_batch(src, out, translator, options)
    before = tree_bytes(out)
    (out / "n2.en.txt").unlink()
    report = run_batch(src, out, translator, options)
    # Same window, same engine batches: the finished articles come out byte for byte.
    assert (report.translated, report.skipped) == (4, 0)
    assert tree_bytes(out) == before


def test_output_folder_inside_the_input_folder_is_not_read_back(tmp_path, translator):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(article(1), encoding="utf-8")
    out = src / "english"
    for _ in range(2):
        report = run_batch(src, out, translator, BatchOptions(formats=("txt", "md"),
                                                              recursive=True))
        assert [r.file for r in report.records()] == ["a.txt"]
    assert report.exit_code == EXIT_OK


def test_cancel_keeps_finished_articles_and_a_rerun_completes_identically(tmp_path, translator):
    src = tmp_path / "in"
    src.mkdir()
    for k in range(8):
        (src / f"n{k}.txt").write_text(article(k, paragraphs=3), encoding="utf-8")
    options = BatchOptions(formats=("txt", "json"), window_sentences=4)
    reference = tmp_path / "reference"
    run_batch(src, reference, translator, options)

    out = tmp_path / "out"
    cancel = threading.Event()

    def stop_after_first_file(progress) -> None:
        if progress.files_done >= 1:
            cancel.set()

    report = run_batch(src, out, translator, options, on_progress=stop_after_first_file,
                       cancel=cancel)
    assert report.cancelled
    assert report.exit_code == EXIT_CANCELLED
    assert 1 <= report.translated < 8
    statuses = {r.file: r.status for r in report.records()}
    assert "pending" in statuses.values(), "the index of a cancelled run lists what is left"

    resumed = run_batch(src, out, translator, options)
    assert resumed.skipped == report.translated
    assert resumed.translated == 8 - report.translated
    assert tree_bytes(out) == tree_bytes(reference)


class CountingTranslator:
    """The real translator, with a note of how many sentences each call carried."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.calls: list[int] = []

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def translate(self, sentences, **kwargs):
        self.calls.append(len(sentences))
        return self.inner.translate(sentences, **kwargs)


def test_sentences_of_many_files_share_engine_calls(tmp_path, translator):
    src = tmp_path / "in"
    src.mkdir()
    for k in range(10):
        (src / f"n{k}.txt").write_text(article(k), encoding="utf-8")
    counting = CountingTranslator(translator)
    report = run_batch(src, tmp_path / "out", counting,
                       BatchOptions(formats=("txt",), window_sentences=20))
    total = sum(r.sentences for r in report.records())
    assert sum(counting.calls) == total
    assert len(counting.calls) < 10, "each call must carry several files' sentences"
    assert max(counting.calls) >= 20


def test_progress_reports_files_sentences_and_eta(tmp_path, translator):
    src = tmp_path / "in"
    src.mkdir()
    for k in range(3):
        (src / f"n{k}.txt").write_text(article(k), encoding="utf-8")
    seen = []
    run_batch(src, tmp_path / "out", translator, BatchOptions(formats=("txt",)),
              on_progress=lambda p: seen.append((p.files_done, p.sentences_done,
                                                 p.work_fraction, p.eta_seconds)))
    assert seen[-1][0] == 3
    assert seen[-1][2] == pytest.approx(1.0)
    assert [s[1] for s in seen] == sorted(s[1] for s in seen)
    assert any(eta is not None for *_, eta in seen)


def test_unusable_input_folder_is_an_input_error(tmp_path, translator):
    with pytest.raises(InputFileError, match="no such folder"):
        run_batch(tmp_path / "nowhere", tmp_path / "out", translator)


def test_records_live_in_a_hidden_state_folder(tmp_path, translator):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(article(1), encoding="utf-8")
    out = tmp_path / "out"
    run_batch(src, out, translator, BatchOptions(formats=("txt",)))
    record = json.loads((out / STATE_DIR_NAME / "records" / "a.txt.json").read_text("utf-8"))
    assert record["status"] == "done"
    assert record["outputs"] == ["a.en.txt"]


def test_a_cancelled_run_lists_every_article_in_input_order_and_no_stale_record(
        tmp_path, translator):
    src = tmp_path / "in"
    src.mkdir()
    names = [f"n{k}.txt" for k in range(8)]
    for k, name in enumerate(names):
        (src / name).write_text(article(k, paragraphs=3), encoding="utf-8")
    out = tmp_path / "out"
    # An earlier run with other settings left a record for every article.
    run_batch(src, out, translator, BatchOptions(formats=("txt",), window_sentences=4))
    cancel = threading.Event()

    def stop_after_first_file(progress) -> None:
        if progress.files_done >= 1:
            cancel.set()

    options = BatchOptions(formats=("txt", "json"), window_sentences=4)
    report = run_batch(src, out, translator, options, on_progress=stop_after_first_file,
                       cancel=cancel)
    assert report.cancelled
    done = report.translated
    assert 1 <= done < 8
    rows = read_index(out)
    assert [row["file"] for row in rows] == names
    # The records of the earlier settings are not this run's: unreached articles are pending.
    assert [row["status"] for row in rows] == ["done"] * done + ["pending"] * (8 - done)
    assert all(row["outputs"].endswith(".json") for row in rows[:done])
    assert [(r.file, r.status) for r in report.records()] == \
        [(row["file"], row["status"]) for row in rows]
    assert list(report.failures()) == []


def test_a_failure_whose_record_cannot_be_saved_is_still_in_the_index_in_order(
        tmp_path, translator):
    src = tmp_path / "in"
    src.mkdir()
    # Its outputs fit the file system's 255-byte names; its record ("<name>.json") does not.
    long_name = "b" + "x" * 247 + ".txt"
    names = ["a.txt", long_name, "c.txt", "d.txt"]
    for k, name in enumerate(names):
        (src / name).write_text(article(k), encoding="utf-8")
    (src / "c.txt").write_bytes(b"")  # fails too, with a record
    out = tmp_path / "out"
    report = run_batch(src, out, translator, BatchOptions(formats=("txt",)))
    assert (report.translated, report.failed) == (2, 2)
    assert report.exit_code == EXIT_FAILURE
    rows = read_index(out)
    assert [(row["file"], row["status"]) for row in rows] == [
        ("a.txt", "done"), (long_name, "failed"), ("c.txt", "failed"), ("d.txt", "done")]
    assert rows[1]["reason"].startswith("its outputs could not be written (")
    assert sorted(p.name for p in (out / STATE_DIR_NAME / "records").iterdir()) == [
        "a.txt.json", "c.txt.json", "d.txt.json"]
    assert [(r.file, r.reason) for r in report.failures()] == [
        (row["file"], row["reason"]) for row in rows if row["status"] == "failed"]

    # A failure is tried again, so its window is redone whole (see ``windows``).
    resumed = run_batch(src, out, translator, BatchOptions(formats=("txt",)))
    assert (resumed.translated, resumed.skipped, resumed.failed) == (2, 0, 2)
    assert [(row["file"], row["status"]) for row in read_index(out)] == \
        [(row["file"], row["status"]) for row in rows]
