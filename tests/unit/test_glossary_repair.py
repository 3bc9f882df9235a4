"""A glossary term the first-best translation leaves out is repaired by hypothesis selection.

A stand-in engine plays CTranslate2 (random-weight packs never produce a given name):
it answers each sentence with the hypotheses the test chose; tokenising, the Translator,
the repair step and the pipeline are the real ones.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from engine_results import answered
from tarjama.core.documents import Document
from tarjama.core.figures.model import glossary_checks
from tarjama.core.glossary import Glossary
from tarjama.core.packs import load_pack
from tarjama.core.pipeline import PipelineOptions, analyse_document
from tarjama.core.translate import TranslationOptions, Translator

GLOSSARY = Glossary.from_text("الأونروا\tUNRWA\nخان يونس\tKhan Younis\n")
SCHOOLS = "أغلقت الأونروا مدارسها في المدينة."
CAMP = "عاد السكان إلى خان يونس."
# first-best (the ordinary beam), then the wider beam's hypotheses, best first
PLANS = {
    SCHOOLS: ([("the agency closed its schools in the city", -0.40)],
              [("the agency closed its schools in the city", -0.40),
               ("the agency shut its schools in the city", -0.45),
               ("UNRWA closed its schools in the city", -0.55),
               ("Unrwa has closed schools in the town", -0.70)]),
    CAMP: ([("residents returned to the camp", -0.30)],
           [("residents returned to the camp", -0.30),
            ("the residents went back to the camp", -0.50)]),
}


class ScriptedEngine:
    def __init__(self, translator: Translator) -> None:
        self.by_tokens = {tuple(translator.tokenize(s)): s for s in PLANS}
        self.hypotheses_asked: list[int] = []

    def translate_batch(self, tokens, **options):
        count = options.get("num_hypotheses", 1)
        self.hypotheses_asked.append(count)
        outputs = []
        for sentence in (self.by_tokens[tuple(t)] for t in tokens):
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


def analyse(translator: Translator, glossary: Glossary | None, repair: bool = True):
    document = Document(Path("news.txt"), "text", "utf-8", (SCHOOLS, CAMP), None)
    return analyse_document(document, translator, PipelineOptions(
        summary_sentences=0, repair=repair, glossary=glossary)).sentences


def test_a_hypothesis_with_the_term_repairs_the_sentence(translator):
    schools, camp = analyse(translator, GLOSSARY)
    assert schools.translation == "UNRWA closed its schools in the city"
    assert schools.fidelity.status == "ok"
    (term,) = glossary_checks(schools.fidelity)
    assert (term.status, term.target.text) == ("ok", "UNRWA")
    assert schools.repair is not None
    assert schools.repair.original == "the agency closed its schools in the city"
    assert schools.repair.original_status == "missing"
    # no hypothesis says "Khan Younis": the first-best stays, warned of
    assert camp.translation == "residents returned to the camp"
    assert camp.repair is None
    (lost,) = glossary_checks(camp.fidelity)
    assert lost.status == "missing"
    assert lost.detail == ("the glossary renders خان يونس as “Khan Younis”; the English "
                           "does not have it")
    assert max(translator._engine.hypotheses_asked) > 1  # a second, wider call was made


def test_without_a_glossary_nothing_is_retranslated(translator):
    schools, camp = analyse(translator, None)
    assert schools.translation == "the agency closed its schools in the city"
    assert schools.fidelity.status == camp.fidelity.status == "ok"
    assert translator._engine.hypotheses_asked == [1]  # one call, first-best only


def test_with_repair_off_the_term_is_only_warned_of(translator):
    schools, _ = analyse(translator, GLOSSARY, repair=False)
    assert schools.repair is None
    assert schools.fidelity.status == "missing"
    assert translator._engine.hypotheses_asked == [1]
