"""``tarjama eval``: how the model's sentence scores relate to chrF, and repair in eval."""

from __future__ import annotations

import json

import pytest

from tarjama.cli.main import main
from tarjama.core.confidence import DEFAULT_LOW_CONFIDENCE
from tarjama.core.translate_confidence import average_ranks, score_bands, spearman

REPAIRABLE = "ارتفعت الأسعار 74.3 خلال الشهر."  # the tiny pack repairs it (test_repair_engine)


def run_cli(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_ranks_share_ties():
    assert average_ranks([10, 20, 20, 5]) == [2, 3.5, 3.5, 1]


@pytest.mark.parametrize(("xs", "ys", "expected"), [
    ([1, 2, 3, 4], [10, 20, 30, 40], 1.0),
    ([1, 2, 3, 4], [4, 3, 2, 1], -1.0),
    ([1, 2, 3, 4, 5], [2, 1, 4, 3, 5], 0.8),  # 1 - 6*4/(5*24)
    ([1, 2, 3], [5, 5, 5], None),
    ([1, 2], [1, 2], None),
])
def test_spearman(xs, ys, expected):
    result = spearman(xs, ys)
    assert result == (None if expected is None else pytest.approx(expected))


def test_bands_split_by_score_lowest_first():
    scores = [-0.1, -2.0, -0.5, -1.5, -0.3, -3.0, -0.9, -0.2]
    bands = score_bands(scores, lambda places: sum(places) / len(places), bands=4)
    assert [b.sentences for b in bands] == [2, 2, 2, 2]
    assert [(b.low, b.high) for b in bands] == [(-3.0, -2.0), (-1.5, -0.9), (-0.5, -0.3),
                                                (-0.2, -0.1)]
    assert bands[0].quality == (5 + 1) / 2


@pytest.fixture
def tico(shared_dir):
    return shared_dir / "testsets" / "tico19"


def test_eval_reports_score_against_chrf_on_tico19(capsys, tiny_pack, tico):
    code, out, err = run_cli(capsys, "eval", tico / "tico19-test.ar", tico / "tico19-test.en",
                             "--pack", tiny_pack, "--limit", "24", "--json")
    assert code == 0, err
    confidence = json.loads(out)["confidence"]
    assert confidence["scored_sentences"] == 24
    assert confidence["low_confidence_threshold"] == DEFAULT_LOW_CONFIDENCE
    assert 0 <= confidence["low_confidence_share"] <= 1
    rho = confidence["spearman_score_chrf"]
    assert rho is None or -1 <= rho <= 1
    bands = confidence["bands"]
    assert sum(b["sentences"] for b in bands) == 24
    assert len(bands) == 4
    assert all(b["score_from"] <= b["score_to"] <= 0 for b in bands)
    assert [b["score_from"] for b in bands] == sorted(b["score_from"] for b in bands)
    assert all(0 <= b["chrf"] <= 100 for b in bands)


def test_eval_text_report_prints_the_band_table(capsys, tiny_pack, tico):
    code, out, err = run_cli(capsys, "eval", tico / "tico19-test.ar", tico / "tico19-test.en",
                             "--pack", tiny_pack, "--limit", "8")
    assert code == 0, err
    assert "spearman_score_chrf:" in out
    assert "low_confidence_share:" in out
    table = out[out.index("score band"):].splitlines()[1:]
    assert len(table) == 4
    assert all(".." in row for row in table)


def test_eval_repairs_unless_asked_not_to(capsys, tiny_pack, tmp_path):
    source, reference = tmp_path / "t.ar", tmp_path / "t.en"
    source.write_text(f"{REPAIRABLE}\nوصل اللاجئون إلى الحدود.\n", encoding="utf-8")
    reference.write_text("Prices rose 74.3 during the month.\nThe refugees reached the border.\n",
                         encoding="utf-8")
    argv = ["eval", source, reference, "--pack", tiny_pack, "--json", "--no-cache"]
    code, out, err = run_cli(capsys, *argv)
    assert code == 0, err
    repaired = json.loads(out)
    code, out, err = run_cli(capsys, *argv, "--no-repair")
    assert code == 0, err
    plain = json.loads(out)
    assert (repaired["repaired"], plain["repaired"]) == (1, 0)
    assert repaired["figures_kept"] == plain["figures_kept"] + 1
