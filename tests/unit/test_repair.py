"""Repair's choice of hypothesis, through the real Translator with a stand-in engine.

The stand-in answers each source sentence with hypotheses and scores the test chose, so
what repair keeps can be asserted exactly; tokenising and detokenising are the tiny
pack's own.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from engine_results import answered
from tarjama.core.documents import Document
from tarjama.core.packs import load_pack
from tarjama.core.pipeline import PipelineOptions, Repair, SentenceResult, analyse_document
from tarjama.core.repair import FigureRepair, choose
from tarjama.core.translate import TranslationOptions, Translator
from tarjama.core.translate_result import Translation

KILLED = "أعلن الجيش عن مقتل 12 شخصا في المدينة."
BORDER = "وصل اللاجئون إلى الحدود."
LOSSES = "بلغت الخسائر 250 مليون دولار."
# What the stand-in engine says for each sentence: first-best (beam 2), then the
# hypotheses of a wider beam, best first, with their scores.
PLANS = {
    KILLED: ([("the army announced deaths in the city", -0.50)],
             [("the army announced deaths in the city", -0.50),
              ("the army announced 13 deaths in the city", -0.60),
              ("12 people were killed in the city, the army said", -0.80),
              ("the army announced 12 deaths in the city", -0.70)]),
    BORDER: ([("the refugees reached the border", -0.30)], []),
    LOSSES: ([("the losses were heavy", -0.40)],
             [("the losses were heavy", -0.40), ("the losses were very heavy", -0.45),
              ("losses reached $25 million", -0.90), ("the losses were big", -1.20)]),
}


class ScriptedEngine:
    """Stands in for ctranslate2.Translator: answers from PLANS and records each call."""

    def __init__(self, translator: Translator) -> None:
        self.by_tokens = {tuple(translator.tokenize(s)): s for s in PLANS}
        self.calls: list[dict] = []

    def translate_batch(self, tokens, **options):
        sentences = [self.by_tokens[tuple(t)] for t in tokens]
        count = options.get("num_hypotheses", 1)
        self.calls.append({"sentences": sentences, **options})
        outputs = []
        for sentence in sentences:
            first, wider = PLANS[sentence]
            chosen = (wider if count > 1 else first)[:count]
            outputs.append(SimpleNamespace(
                hypotheses=[["\u2581" + word for word in text.split()] for text, _ in chosen],
                scores=[score for _, score in chosen] if options.get("return_scores") else []))
        return answered(outputs, options)


@pytest.fixture
def translator(tiny_pack):
    translator = Translator(load_pack(tiny_pack), TranslationOptions(use_cache=False))
    translator._engine = ScriptedEngine(translator)  # type: ignore[assignment]
    return translator


def _analyse(translator: Translator, repair: bool = True):
    document = Document(Path("article.txt"), "text", "utf-8", (KILLED, BORDER, LOSSES), None)
    return analyse_document(document, translator,
                            PipelineOptions(summary_sentences=0, repair=repair))


def test_the_best_scoring_passing_hypothesis_is_kept_with_the_original(translator):
    killed, _, _ = _analyse(translator).sentences
    # "12 deaths" (-0.70) beats "12 people" (-0.80); "13 deaths" (-0.60) changes the figure.
    assert killed.translation == "the army announced 12 deaths in the city"
    assert killed.score == pytest.approx(-0.70)
    assert killed.fidelity.status == "ok"
    assert killed.repair == Repair("the army announced deaths in the city", "missing", 4)
    assert killed.to_dict()["repair"]["original"] == "the army announced deaths in the city"


def test_when_no_hypothesis_passes_the_first_best_stays_and_is_warned(translator):
    _, border, losses = _analyse(translator).sentences
    assert losses.translation == "the losses were heavy"
    assert losses.score == pytest.approx(-0.40)
    assert losses.repair is None
    assert losses.fidelity.status == "missing"
    assert border.translation == "the refugees reached the border"
    assert border.repair is None
    assert border.score == pytest.approx(-0.30)


def test_only_warned_sentences_go_back_to_the_engine_in_one_wider_call(translator):
    _analyse(translator)
    first, again = translator.engine.calls
    assert first["sentences"] == [KILLED, BORDER, LOSSES]
    assert first["return_scores"] is True
    assert first["replace_unknowns"] is True
    assert "num_hypotheses" not in first
    assert again["sentences"] == [KILLED, LOSSES]  # BORDER passed: it costs nothing more
    assert again["num_hypotheses"] == 4
    assert again["beam_size"] >= 4
    assert translator.last_stats.retranslated == 2
    assert translator.last_stats.revised == 1


def test_repair_off_asks_the_engine_once_and_keeps_every_first_best(translator):
    results = _analyse(translator, repair=False).sentences
    assert len(translator.engine.calls) == 1
    assert [r.repair for r in results] == [None, None, None]
    assert results[0].fidelity.status == "missing"
    assert [r.score for r in results] == pytest.approx([-0.50, -0.30, -0.40])


def test_choose_ignores_repeats_of_the_first_and_unscored_hypotheses_rank_last():
    first = Translation("a", -1.0)
    hypotheses = [Translation("a", -1.0), Translation("b", None), Translation("c", -2.0)]
    assert choose(first, "missing", hypotheses, lambda text: text != "a").text == "c"
    assert choose(first, "missing", hypotheses, lambda text: text == "b").text == "b"
    assert choose(first, "missing", hypotheses, lambda text: False) is first


def test_a_clean_window_never_asks_for_hypotheses():
    def retranslate(places, count):
        raise AssertionError("nothing was warned")

    repair = FigureRepair(lambda index, text: "ok")
    window = [Translation("x", -0.1), Translation("y", -0.2)]
    assert repair([0, 1], window, retranslate) == window


def test_the_glossary_digest_joins_the_cache_key():
    assert FigureRepair(lambda i, t: "ok").cache_settings == "repair=4"
    assert FigureRepair(lambda i, t: "ok", variant="abc").cache_settings == "repair=4;check=abc"


def test_a_result_given_a_translation_takes_its_score_and_repair():
    from tarjama.core.pipeline import attach_translation
    from tarjama.core.segment import split_sentences

    sentence = split_sentences([KILLED])[0]
    result = SentenceResult(sentence, [])
    repair = Repair("old", "missing", 4)
    attach_translation(result, Translation("12 died", -0.25, repair))
    assert (result.translation, result.score, result.repair) == ("12 died", -0.25, repair)
    assert result.to_dict()["score"] == -0.25


def test_the_cache_serves_repairs_under_a_key_of_their_own(tiny_pack, tmp_path):
    from tarjama.core.translation_cache import TranslationCache

    store = TranslationCache(tmp_path / "t.sqlite3")

    def cached_translator() -> Translator:
        translator = Translator(load_pack(tiny_pack), TranslationOptions(), cache=store)
        translator._engine = ScriptedEngine(translator)  # type: ignore[assignment]
        return translator

    _analyse(cached_translator())
    again = cached_translator()
    killed = _analyse(again).sentences[0]
    assert again.engine.calls == []
    assert again.last_stats.cached == 3
    assert killed.repair == Repair("the army announced deaths in the city", "missing", 4)
    assert killed.score == pytest.approx(-0.70)

    plain = cached_translator()
    killed = _analyse(plain, repair=False).sentences[0]
    assert len(plain.engine.calls) == 1, "repair off is another key: translated afresh"
    assert killed.translation == "the army announced deaths in the city"
    assert killed.repair is None
    store.close()
