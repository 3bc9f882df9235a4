"""What a summary may pick: no headline, byline, caption, dateline or fragment, ever;
the lead of a news article gets its due; a skipped summary loads no ranking code."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tarjama.core.pipeline import PipelineOptions, SentenceResult, summarize_sentences
from tarjama.core.segment import split_sentences
from tarjama.core.summary import ALGORITHMS, summarize
from tarjama.core.summary_candidates import non_candidates, sentence_kind

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "benchmarks" / "data" / "summary_articles"
_TAG = re.compile(r"^\[(\w+)\]\s*")
_INLINE = re.compile(r"\{\{(.+?)\}\}")


def read_article(path: Path) -> tuple[list[str], dict[int, str], set[str]]:
    """Paragraphs, the gold kind of each tagged paragraph, and the inline fragments."""
    paragraphs: list[str] = []
    kinds: dict[int, str] = {}
    fragments: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        tag = _TAG.match(line)
        if tag:
            kinds[len(paragraphs)] = tag[1]
            line = line[tag.end():]
        fragments.update(part.strip() for part in _INLINE.findall(line))
        paragraphs.append(_INLINE.sub(r"\1", line).strip())
    return paragraphs, kinds, fragments


def gold_article(name: str) -> tuple[list[SentenceResult], set[int]]:
    paragraphs, kinds, fragments = read_article(ARTICLES / f"{name}.txt")
    results = [SentenceResult(s, []) for s in split_sentences(paragraphs)]
    bad = {i for i, r in enumerate(results)
           if r.sentence.paragraph in kinds or r.sentence.text.strip() in fragments}
    return results, bad


ARTICLE_NAMES = sorted(path.stem for path in ARTICLES.glob("*.txt"))


@pytest.mark.parametrize(
    ("text", "alone", "kind"),
    [
        ("أزمة المياه تتفاقم في أحياء حلب الشرقية مع اشتداد الحر", True, "heading"),
        ("الاغتيالات تربك تنظيم الدولة في دير الزور.. فما الذي يحصل؟", True, "heading"),
        ("خسائر", True, "fragment"),
        ("مراسلنا – حلب", True, "byline"),
        ("بقلم: سامر الخطيب", True, "byline"),
        ("إعداد: فريق التحرير", True, "byline"),
        ("صورة: أطفال ينتظرون دورهم أمام صهريج مياه في حي الصاخور (أرشيف)", True, "caption"),
        ("صورة أرشيفية لمحل صرافة في دمشق", True, "caption"),
        ("مزارع يتفقد حقله الغارق قرب بلدة الشحيل (رويترز)", True, "caption"),
        ("(أرشيف)", True, "caption"),
        ("دمشق – 12 آذار (رويترز) –", True, "dateline"),
        ("بيروت – (أ ف ب) –", True, "dateline"),
        ("تفاصيل أخرى:", True, "dateline"),
        ("والوضع صعب جداً.", False, "fragment"),
        ("نتيجة الضربات الموجعة التي تلقتها داعش.", False, "fragment"),
        ("محطة الكم التي تم استهدافها بالهجمات الأخيرة تصوير بدر الدين سلامة", True,
         "caption"),
        ("الحسكة 12 15 20", True, "fragment"),
        ("This post is also available in: English", True, "foreign"),
    ],
)
def test_non_candidates_are_recognised(text, alone, kind):
    assert sentence_kind(text, alone=alone) == kind


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("حلب – يعاني سكان الأحياء الشرقية في مدينة حلب منذ ثلاثة أسابيع من انقطاع المياه.",
         True),
        ("دمشق (رويترز) - قال مسؤولون إن القصف استمر طوال الليل في الغوطة الشرقية.", True),
        ("وقتل في الهجوم ثلاثة مدنيين بينهم طفل.", True),  # short, but a sentence
        ("وقتل ثلاثة مدنيين في القصف على أطراف البلدة", False),  # cut off: still fine
        ("شهد تنظيم داعش في الشهور الأربعة الأخيرة حالة من التخبط والتشرذم نتيجة الضربات "
         "الموجعة التي تلقاها من قبل طيران التحالف في دير الزور وريفها مما أدى إلى نشوء عدة "
         "ظواهر", True),  # a long lead that lost its full stop
        ("وقال مصور الوكالة إن الصور التي التقطها تظهر دماراً واسعاً.", False),
        ("كتب ناشطون على مواقع التواصل أن القصف طال المستشفى الوحيد في البلدة.", False),
    ],
)
def test_real_sentences_stay_candidates(text, alone):
    assert sentence_kind(text, alone=alone) is None


def test_a_headline_the_segmenter_cut_in_two_is_still_a_headline():
    texts = ["الاغتيالات تربك تنظيم الدولة في دير الزور..", "فما الذي يحصل؟",
             "أكدت المعلومات الواردة من المحافظة تسجيل حالات قتل لعدد من عناصر التنظيم.",
             "وقتل ثلاثة مدنيين في القصف. وأصيب آخرون بجروح خطيرة في الحي نفسه."]
    assert non_candidates(texts, [0, 0, 1, 2]) == {0: "heading", 1: "heading"}


def test_title_and_repeated_headline_are_not_candidates():
    lead = ("قصفت الطائرات الحربية أحياء حلب الشرقية فجر اليوم وقتل خمسة مدنيين على الأقل "
            "بينهم طفلان بحسب الدفاع المدني")
    headline = "قصف عنيف على أحياء حلب الشرقية بعد منتصف الليل"
    texts = [headline, lead + ".", headline, "ويقول السكان إن القصف لم يتوقف منذ أسبوع كامل."]
    assert non_candidates(texts, [0, 1, 2, 3]) == {0: "heading", 2: "heading"}
    # Sentence 2 is no longer alone in its paragraph, but it still repeats the headline.
    assert non_candidates(texts, [0, 1, 1, 3], title=lead) == {
        0: "heading", 1: "title", 2: "title"}
    with pytest.raises(ValueError, match="one paragraph index per sentence"):
        non_candidates(texts, [0])


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_the_filter_agrees_with_the_gold(name):
    results, bad = gold_article(name)
    found = non_candidates([r.sentence.text for r in results],
                           [r.sentence.paragraph for r in results])
    assert set(found) == bad


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_non_candidates_are_never_picked(algorithm):
    for name in ARTICLE_NAMES:
        results, bad = gold_article(name)
        for language in ("ar", "en"):
            if language == "en":
                # The English of a headline is as tempting as the Arabic: still judged on
                # the Arabic, so never picked.
                for r in results:
                    r.translation = f"Water crisis in Aleppo, sentence {r.sentence.id}."
            for length in (3, 8):
                options = PipelineOptions(summary_algorithm=algorithm,
                                          summary_sentences=length)
                summary = summarize_sentences(results, options)
                assert summary.language == language
                assert summary.sentence_ids, name
                assert not set(summary.sentence_ids) & bad, (name, language)
                assert list(summary.sentence_ids) == sorted(set(summary.sentence_ids))


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_lead_weight_moves_the_lead_up(algorithm):
    def first_length_with_the_lead(texts, lead, weight, exclude):
        for length in range(1, len(texts) + 1):
            ids = summarize(texts, language="ar", algorithm=algorithm, sentences=length,
                            lead_weight=weight, exclude=exclude)
            if lead in ids:
                return length
        raise AssertionError("the lead is never picked")

    gains = 0
    for name in ARTICLE_NAMES:
        results, bad = gold_article(name)
        texts = [r.sentence.text for r in results]
        lead = min(set(range(len(texts))) - bad)
        plain = first_length_with_the_lead(texts, lead, 0.0, bad)
        news = first_length_with_the_lead(texts, lead, 0.3, bad)
        assert news <= plain, name
        gains += news < plain
        assert first_length_with_the_lead(texts, lead, 0.95, bad) == 1
    if algorithm in ("textrank", "lsa", "kl", "sumbasic"):
        assert gains, "on these articles the lead weight must promote some lead"


def test_the_pipeline_weights_the_lead_by_default():
    assert PipelineOptions().summary_lead_weight == pytest.approx(0.3)
    with pytest.raises(ValueError, match=r"lead weight must be a number in \[0, 1\)"):
        summarize(["A one.", "B two.", "C three."], sentences=1, lead_weight=1.0)


def test_indexes_map_back_to_the_input_around_exclusions_and_duplicates():
    texts = ["Headline about the shelling", "", "Shelling hit the eastern districts today.",
             "Shelling hit the eastern districts today.", "Rescue teams counted the dead.",
             "Caption", "Shelling of the eastern districts went on at night.",
             "Hospitals received the wounded from the shelled districts."]
    for algorithm in ALGORITHMS:
        ids = summarize(texts, algorithm=algorithm, sentences=3, exclude={0, 5})
        assert len(ids) == 3
        assert ids == sorted(ids)
        assert not set(ids) & {0, 1, 3, 5}, "excluded, blank or repeated"


def test_an_article_of_headings_still_gets_a_summary():
    assert summarize(["Aleppo", "Homs", "Hama"], sentences=2, exclude={0, 1, 2}) == [0, 1]


def test_short_documents():
    results = [SentenceResult(s, []) for s in split_sentences([
        "قصف على حلب", "قصفت الطائرات أحياء حلب الشرقية فجر اليوم وقتل خمسة مدنيين.",
        "وقال الدفاع المدني إن فرقه انتشلت الجثث من تحت الأنقاض."])]
    for algorithm in ALGORITHMS:
        options = PipelineOptions(summary_algorithm=algorithm)
        assert summarize_sentences(results, options).sentence_ids == (1, 2)
        assert summarize_sentences(results[:1], options).sentence_ids == (0,)
        assert summarize_sentences([], options).sentence_ids == ()


def test_near_duplicates_are_not_both_picked():
    texts = ["Shelling hit the eastern districts of Deir ez-Zor on Monday.",
             "Shelling hit the eastern districts of Deir ez-Zor on Monday night.",
             "Rescue teams in Deir ez-Zor searched the rubble of the eastern districts.",
             "The weather was mild."]
    for algorithm in ALGORITHMS:
        ids = summarize(texts, algorithm=algorithm, sentences=2)
        assert not {0, 1} <= set(ids), algorithm


def test_long_inputs_are_prescreened(monkeypatch):
    from tarjama.core import summary

    monkeypatch.setattr(summary, "MAX_RANKED", 30)
    texts = [f"Convoy {i} reached the town of Atareb with food and medicine." for i in range(80)]
    for algorithm in ALGORITHMS:
        ids = summarize(texts, algorithm=algorithm, sentences=4, lead_weight=0.3)
        assert len(ids) == 4
        assert all(0 <= i < 80 for i in ids)


def test_summary_speed_smoke():
    # The benchmark measures properly; this only catches a return to n² Python loops.
    paragraphs, _, _ = read_article(ARTICLES / "aleppo-water.txt")
    texts = [f"{s.text} في الأسبوع {copy}" for copy in range(30)
             for s in split_sentences(paragraphs)][:400]
    for algorithm in ALGORITHMS:
        started = time.perf_counter()
        summarize(texts, language="ar", algorithm=algorithm)
        assert time.perf_counter() - started < 3.0, algorithm


def run_python(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "desktop")},
    )
    return result.stdout.strip()


def test_a_skipped_summary_loads_no_ranking_code(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("قصف على حلب\nقصفت الطائرات أحياء حلب الشرقية فجر اليوم.\n",
                       encoding="utf-8")
    code = (
        "import sys\n"
        "from tarjama.core.documents import read_document\n"
        "from tarjama.core.pipeline import PipelineOptions, analyse_document\n"
        f"result = analyse_document(read_document(__import__('pathlib').Path({str(article)!r})),"
        " None, PipelineOptions(summary_sentences=0))\n"
        "print(result.summary.sentence_ids, len(result.sentences), result.to_dict()['summary'])\n"
        "print(sorted(m for m in ('sumy', 'nltk', 'numpy', 'snowballstemmer',"
        " 'tarjama.core.summary_rank', 'tarjama.core.summary_candidates') if m in sys.modules))\n"
    )
    summary_line, modules = run_python(code).splitlines()
    assert summary_line == "() 2 []"
    assert modules == "[]"


def test_importing_the_pipeline_does_not_import_sumy_or_numpy():
    code = ("import sys, tarjama.core.pipeline\n"
            "print(sorted(m for m in ('sumy', 'nltk', 'numpy') if m in sys.modules))")
    assert run_python(code) == "[]"


def test_summaries_never_import_sumy_or_nltk():
    code = ("import sys\nfrom tarjama.core.summary import ALGORITHMS, summarize\n"
            "for a in ALGORITHMS: summarize(['Aleppo was shelled.', 'Homs too.', "
            "'Aleppo again was shelled at night.'], algorithm=a, sentences=1)\n"
            "print(sorted(m for m in ('sumy', 'nltk') if m in sys.modules))")
    assert run_python(code) == "[]"
