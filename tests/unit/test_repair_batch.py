"""Repair in a batch run and in the reader's job: the same check, the same choice."""

from __future__ import annotations

import json

import pytest

from tarjama.core.batch import BatchOptions, run_batch
from tarjama.core.packs import load_pack
from tarjama.core.translate import TranslationOptions, Translator

REPAIRABLE = "ارتفعت الأسعار 74.3 خلال الشهر."  # the tiny pack repairs it (test_repair_engine)
BORDER = "وصل اللاجئون إلى الحدود."


@pytest.fixture
def folder(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.ar.txt").write_text(f"{BORDER}\n{REPAIRABLE}\n", encoding="utf-8")
    (source / "b.ar.txt").write_text("قال الوزير إن الطريق مفتوح.\n", encoding="utf-8")
    return source


def _sentences(out, name="a.ar"):
    return json.loads((out / f"{name}.json").read_text(encoding="utf-8"))["sentences"]


@pytest.mark.parametrize("repair", [True, False])
def test_a_batch_repairs_the_warned_sentences_of_each_window(folder, tmp_path, tiny_pack,
                                                            repair):
    translator = Translator(load_pack(tiny_pack), TranslationOptions(use_cache=False))
    out = tmp_path / f"out-{repair}"
    report = run_batch(folder, out, translator,
                       BatchOptions(formats=("json",), isolate_reading=False, repair=repair))
    assert report.translated == 2
    border, prices = _sentences(out)
    assert border["repair"] is None
    assert border["score"] <= 0
    if repair:
        assert prices["repair"]["original_status"] == "missing"
        assert prices["fidelity"]["status"] == "ok"
        assert translator.last_stats.retranslated >= 1
    else:
        assert prices["repair"] is None
        assert prices["fidelity"]["status"] == "missing"
        assert translator.last_stats.retranslated == 0
