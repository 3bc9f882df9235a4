"""End-to-end tests of translate / summarize / figures / eval through the real CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tarjama.cli.main import main
from tarjama.core.figures.labels import KIND_LABELS, STATUS_LABELS

ARTICLE = (
    "قالت مصادر محلية إن 12 شخصاً قتلوا في هجوم على قرية شرق دير الزور يوم 10 أيلول/سبتمبر 2023.\n"
    "وأضافت المصادر أن الهجوم أسفر أيضاً عن إصابة 5 آخرين، بينهم طفل (9 أعوام).\n"
    "\n"
    "وتبلغ المسافة بين القرية والحدود نحو 450 كيلومترا، فيما يسيطر التنظيم على 95% من المنطقة.\n"
    "وقال مسؤول محلي: «لم نتلق أي مساعدة منذ ثلاثة أشهر». وطالب بإرسال فرق طبية على وجه السرعة!\n"
)


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "article.ar.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_translate_to_json_has_the_documented_shape(capsys, article, tiny_pack):
    code, out, err = run_cli(capsys, "translate", article, "--pack", tiny_pack, "--to", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["pack"]["name"] == "fixture-tiny"
    sentences = data["sentences"]
    assert len(sentences) >= 5
    assert [s["id"] for s in sentences] == list(range(len(sentences)))
    assert {s["paragraph"] for s in sentences} == {0, 1}
    first = sentences[0]
    assert set(first) >= {"id", "paragraph", "source", "translation", "figures", "fidelity"}
    assert first["source"].startswith("قالت مصادر محلية")
    assert isinstance(first["translation"], str)
    source_figures = [f for f in first["figures"] if f["side"] == "source"]
    assert any(f["value"] == "12" or f["value"].startswith("12") for f in source_figures)
    keys = {"kind", "value", "text", "side", "start", "end"}
    assert all(set(f) >= keys for f in first["figures"])
    assert first["fidelity"]["status"] in {"ok", "missing", "changed"}
    assert set(data["summary"]) <= {s["id"] for s in sentences}
    assert data["stats"]["sentences"] == len(sentences)
    assert data["stats"]["source_words"] > 20


def test_translate_writes_output_files_atomically(capsys, article, tiny_pack, tmp_path):
    for fmt in ("txt", "md", "html", "json", "docx"):
        out_file = tmp_path / f"out.{fmt}"
        code, out, err = run_cli(capsys, "translate", article, "--pack", tiny_pack, "-o", out_file)
        assert code == 0, err
        assert out == ""
        assert out_file.stat().st_size > 0
    assert not list(tmp_path.glob("*.part"))
    assert (tmp_path / "out.html").read_text(encoding="utf-8").count('dir="rtl"') >= 5
    assert article.read_text(encoding="utf-8") == ARTICLE  # the source is untouched


def test_second_translation_comes_from_the_cache(capsys, article, tiny_pack):
    run_cli(capsys, "translate", article, "--pack", tiny_pack, "--to", "json")
    code, out, _ = run_cli(capsys, "translate", article, "--pack", tiny_pack, "--to", "json")
    again = json.loads(out)
    code2, out2, _ = run_cli(capsys, "translate", article, "--pack", tiny_pack, "--to", "json",
                             "--no-cache")
    assert code == code2 == 0
    fresh = json.loads(out2)
    assert [s["translation"] for s in again["sentences"]] == \
        [s["translation"] for s in fresh["sentences"]]


def test_summarize_arabic_needs_no_pack(capsys, article):
    code, out, err = run_cli(capsys, "summarize", article, "--language", "ar", "--sentences", "2")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 2
    assert all(line in ARTICLE for line in lines)


def test_summarize_without_pack_falls_back_to_arabic_and_says_so(capsys, article):
    code, out, err = run_cli(capsys, "summarize", article, "--json", "--ratio", "0.5")
    assert code == 0
    assert "no translation pack" in err
    data = json.loads(out)
    assert data["language"] == "ar"
    assert 1 <= len(data["summary"]) <= 3


def test_summarize_english_with_pack(capsys, article, tiny_pack):
    code, out, err = run_cli(capsys, "summarize", article, "--pack", tiny_pack, "--json",
                             "--algorithm", "textrank", "--sentences", "2")
    assert code == 0, err
    data = json.loads(out)
    assert data["language"] == "en"
    assert len(data["sentences"]) == 2
    assert all(isinstance(s["translation"], str) for s in data["sentences"])


def test_figures_without_a_pack_lists_the_arabic_figures(capsys, article):
    code, out, err = run_cli(capsys, "figures", article)
    assert code == 0, err
    assert "450" in out
    assert "95" in out
    code, out, _ = run_cli(capsys, "figures", article, "--json")
    data = json.loads(out)
    assert data["pack"] is None
    kinds = {f["kind"] for s in data["sentences"] for f in s["figures"]}
    assert "percent" in kinds
    assert "date" in kinds


def test_figures_with_a_pack_reports_fidelity(capsys, article, tiny_pack):
    code, out, _ = run_cli(capsys, "figures", article, "--pack", tiny_pack, "--json")
    assert code == 0
    data = json.loads(out)
    statuses = {s["fidelity"]["status"] for s in data["sentences"]}
    # Random weights lose the figures; the check must notice rather than say "ok".
    assert statuses <= {"ok", "missing", "changed"}
    assert statuses != {"ok"}


def table_rows(out: str) -> list[list[str]]:
    """The cells of the `tarjama figures` table (columns are two or more spaces apart)."""
    return [re.split(r"\s{2,}", line.strip()) for line in out.splitlines()[1:]]


def test_figures_table_shows_kinds_and_values_in_words(capsys, article):
    code, out, err = run_cli(capsys, "figures", article)
    assert code == 0, err
    assert out.splitlines()[0].split() == ["sentence", "kind", "arabic", "value", "english",
                                           "status"]
    rows = table_rows(out)
    assert {row[1] for row in rows} <= set(KIND_LABELS.values())
    assert "percentage" in {row[1] for row in rows}
    assert "10 September 2023" in out  # not 2023-09-10
    assert "2023-09-10" not in out
    assert "about 450 km" in out or "450 km" in out


def test_figures_table_statuses_are_words(capsys, article, tiny_pack):
    code, out, err = run_cli(capsys, "figures", article, "--pack", tiny_pack)
    assert code == 0, err
    statuses = {row[-1] for row in table_rows(out)}
    assert statuses <= set(STATUS_LABELS.values())
    assert "ok" not in statuses
    # Random weights lose figures: each warning names what happened in words.
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert warnings
    assert all(re.match(r"warning: sentence \d+: figure (missing|changed): ", w)
               for w in warnings)


def test_figures_json_keeps_ids_and_adds_labels(capsys, article, tiny_pack):
    code, out, _ = run_cli(capsys, "figures", article, "--pack", tiny_pack, "--json")
    assert code == 0
    data = json.loads(out)
    figures = [f for s in data["sentences"] for f in s["figures"]]
    assert all(f["kind_label"] == KIND_LABELS[f["kind"]] for f in figures)
    percent = next(f for f in figures if f["kind"] == "percent")
    assert (percent["kind_label"], percent["label"]) == ("percentage", "95%")
    checks = [c for s in data["sentences"] for c in s["fidelity"]["checks"]]
    assert checks
    assert all(c["status_label"] == STATUS_LABELS[c["status"]] for c in checks)
    assert all("label" in c["source"] for c in checks)


def test_figures_table_of_the_new_kinds(capsys):
    from figure_samples import sample_article
    from tarjama.cli.article import _print_figure_table

    _print_figure_table(sample_article())
    out, err = capsys.readouterr()
    rows = table_rows(out)
    assert [(row[1], row[3], row[-1]) for row in rows] == [
        ("casualties", "about 300 killed", "kept"),
        ("date", "10 September 2018", "kept"),
        ("vague count", "dozens", "changed"),
        ("score", "score 2-1", "kept"),
        ("clock time", "20:30", "missing"),
        ("ordinal", "3rd", "kept"),
        ("fraction", "half", "kept"),
    ]
    assert "count_word" not in out
    assert "warning: sentence 1: figure changed: the Arabic says dozens" in err
    assert "warning: sentence 1: figure missing: the Arabic figure 20:30" in err


def test_eval_scores_a_parallel_file(capsys, tiny_pack, tmp_path):
    source = tmp_path / "test.ar"
    reference = tmp_path / "test.en"
    source.write_text("قتل 12 شخصا.\nارتفعت الأسعار بنسبة 5%.\n", encoding="utf-8")
    reference.write_text("12 people were killed.\nPrices rose by 5%.\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "eval", source, reference, "--pack", tiny_pack, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["sentences"] == 2
    assert 0 <= report["bleu"] <= 100
    assert 0 <= report["chrf"] <= 100
    assert report["figures"] >= 2
    assert report["words_per_second"] > 0


def test_eval_on_tico19(capsys, tiny_pack, shared_dir):
    tico = shared_dir / "testsets" / "tico19"
    code, out, err = run_cli(capsys, "eval", tico / "tico19-test.ar", tico / "tico19-test.en",
                             "--pack", tiny_pack, "--limit", "20", "--json")
    assert code == 0, err
    assert json.loads(out)["sentences"] == 20


@pytest.mark.parametrize(
    ("argv", "exit_code", "message"),
    [
        (["translate", "{missing}"], 3, "no such file"),
        (["translate", "{empty}", "--pack", "{pack}"], 3, "empty"),
        (["translate", "{article}"], 4, "tarjama packs install"),
        (["translate", "{article}", "--pack", "{nowhere}"], 4, ""),
        (["eval", "{article}", "{empty}", "--pack", "{pack}"], 3, "empty"),
    ],
)
def test_errors_are_one_line_with_documented_exit_codes(capsys, article, tiny_pack, tmp_path,
                                                        argv, exit_code, message):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    values = {"missing": tmp_path / "missing.txt", "empty": empty, "pack": tiny_pack,
              "article": article, "nowhere": tmp_path / "no-such-pack"}
    code, _out, err = run_cli(capsys, *(a.format(**values) for a in argv))
    assert code == exit_code
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("tarjama: error: ")
    assert message in lines[0]
    assert "Traceback" not in err


def test_usage_error_exit_code(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["translate"])
    assert exc.value.code == 2


def test_console_entry_point_runs_as_a_module(article, tiny_pack):
    done = subprocess.run(
        [sys.executable, "-m", "tarjama", "translate", str(article), "--pack", str(tiny_pack)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.strip().split("\n\n")) == 2  # one English paragraph per paragraph


# -- scores, repair and digits (issue 13) -------------------------------------------------

REPAIRABLE = "ارتفعت الأسعار 74.3 خلال الشهر."  # the tiny pack repairs it (test_repair_engine)


def test_json_carries_each_sentences_score_and_repair(capsys, tiny_pack, tmp_path):
    path = tmp_path / "prices.ar.txt"
    path.write_text(f"وصل اللاجئون إلى الحدود.\n{REPAIRABLE}\n", encoding="utf-8")
    argv = ["translate", path, "--pack", tiny_pack, "--to", "json", "--no-cache"]
    code, out, err = run_cli(capsys, *argv)
    assert code == 0, err
    border, prices = json.loads(out)["sentences"]
    assert all(isinstance(s["score"], float) and s["score"] <= 0 for s in (border, prices))
    assert border["repair"] is None
    assert prices["repair"]["hypotheses"] == 4
    assert prices["repair"]["original_status"] == "missing"
    assert prices["fidelity"]["status"] == "ok"

    code, out, err = run_cli(capsys, *argv, "--no-repair")
    assert code == 0, err
    _, plain = json.loads(out)["sentences"]
    assert plain["repair"] is None
    assert plain["fidelity"]["status"] == "missing"
    assert plain["translation"] == prices["repair"]["original"]


def test_keep_digits_changes_what_the_model_reads_not_the_arabic(capsys, tiny_pack, tmp_path):
    path = tmp_path / "eastern.ar.txt"
    path.write_text("ارتفع التضخم إلى ١٢٫٥٪ في الشهر الماضي.\n", encoding="utf-8")
    argv = ["translate", path, "--pack", tiny_pack, "--to", "json", "--no-cache"]
    outputs = []
    for extra in ((), ("--keep-digits",)):
        code, out, err = run_cli(capsys, *argv, *extra)
        assert code == 0, err
        outputs.append(json.loads(out)["sentences"][0])
    assert outputs[0]["source"] == outputs[1]["source"] == "ارتفع التضخم إلى ١٢٫٥٪ في الشهر الماضي."
    assert outputs[0]["translation"] != outputs[1]["translation"]
