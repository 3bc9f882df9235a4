"""Summaries: the six algorithms on our tokenizers, lengths, tiny inputs and no NLTK data."""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from tarjama.core.arabic_text import normalize_arabic
from tarjama.core.segment import split_sentences
from tarjama.core.stopwords_ar import arabic_stop_words
from tarjama.core.summary import ALGORITHMS, SummaryTokenizer, summarize, summary_length

# Two off-topic sentences first, then six about one event sharing their key words.
ENGLISH = [
    "The weather in Oslo was mild and sunny all week.",
    "A football match in Madrid ended in a draw.",
    "Shelling hit the eastern districts of Deir ez-Zor on Monday, killing twelve civilians.",
    "Rescue teams said the shelling of Deir ez-Zor destroyed homes in the eastern districts.",
    "Civilians in Deir ez-Zor fled the eastern districts after the shelling.",
    "Local activists counted the civilians killed by shelling in Deir ez-Zor.",
    "Hospitals in Deir ez-Zor received wounded civilians from the shelled districts.",
    "The shelling of the eastern districts continued on Tuesday, activists said.",
]
ARABIC = [
    "كان الطقس في أوسلو معتدلاً ومشمساً طوال الأسبوع.",
    "انتهت مباراة كرة القدم في مدريد بالتعادل.",
    "قصفت القوات الأحياءَ الشرقية في دير الزور يوم الاثنين وقُتل اثنا عشر مدنياً.",
    "وقالت فرق الإنقاذ إن قصف دير الزور دمّر منازل في الأحياء الشرقية.",
    "فرّ المدنيون في دير الزور من الأحياء الشرقية بعد القصف.",
    "وأحصى ناشطون محليون المدنيين الذين قتلهم القصف في دير الزور.",
    "واستقبلت مستشفيات دير الزور جرحى مدنيين من الأحياء التي تعرضت للقصف.",
    "واستمر قصف الأحياء الشرقية يوم الثلاثاء بحسب ناشطين.",
]
DOCUMENTS = {"en": ENGLISH, "ar": ARABIC}


def assert_valid_ids(ids: list[int], texts: list[str]) -> None:
    assert ids == sorted(set(ids)), "ids must be unique and in document order"
    assert all(0 <= index < len(texts) for index in ids)


def test_algorithms_are_the_documented_ones():
    assert ALGORITHMS == ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic")


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_picks_the_asked_number_of_sentences(algorithm, language):
    texts = DOCUMENTS[language]
    for wanted in (1, 2, 3):
        ids = summarize(texts, language=language, algorithm=algorithm, sentences=wanted)
        assert len(ids) == wanted
        assert_valid_ids(ids, texts)


# SumBasic is left out on purpose: once it has picked the main topic it lowers the
# weight of those words and favours new content, so an off-topic sentence may come next.
@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("algorithm", [a for a in ALGORITHMS if a != "sumbasic"])
def test_summary_keeps_the_main_topic(algorithm, language):
    ids = summarize(DOCUMENTS[language], language=language, algorithm=algorithm, sentences=2)
    assert set(ids).isdisjoint({0, 1}), f"{algorithm} chose an off-topic sentence: {ids}"


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize(
    "texts",
    [
        pytest.param([], id="no-sentence"),
        pytest.param(["Only one sentence here."], id="one"),
        pytest.param(["قصف عنيف.", "A second one."], id="two"),
        pytest.param(["the of and.", "in on at.", "to by."], id="stop-words-only"),
        pytest.param(["Aleppo.", "Homs.", "Hama.", "Idlib."], id="no-shared-word"),
        pytest.param(["", "   ", "Real sentence.", ""], id="blank-sentences"),
    ],
)
def test_tiny_inputs_do_not_crash(texts, algorithm, language):
    for wanted in (1, 2):
        ids = summarize(texts, language=language, algorithm=algorithm, sentences=wanted)
        assert_valid_ids(ids, texts)
        non_blank = [index for index, text in enumerate(texts) if text.strip()]
        assert len(ids) == min(wanted, len(non_blank))
        assert set(ids) <= set(non_blank)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_duplicate_sentences_map_to_one_input_each(algorithm):
    texts = [*ENGLISH, ENGLISH[3], ENGLISH[4], ENGLISH[3]]
    ids = summarize(texts, algorithm=algorithm, sentences=4)
    assert len(ids) == 4
    assert_valid_ids(ids, texts)
    assert len({texts[index] for index in ids}) == 4, "a summary must not repeat a sentence"
    assert not set(ids) & {8, 9, 10}, "a repeated sentence is represented by its first copy"


def test_document_shorter_than_the_summary_is_kept_whole():
    assert summarize(ENGLISH[:3], sentences=5) == [0, 1, 2]
    assert summarize(["Same.", "Same.", "Other."], sentences=3) == [0, 2]


@pytest.mark.parametrize(
    ("total", "options", "expected"),
    [
        (20, {}, 5),
        (3, {}, 3),
        (0, {}, 0),
        (20, {"sentences": 7}, 7),
        (4, {"sentences": 7}, 4),
        (10, {"ratio": 0.3}, 3),
        (10, {"ratio": 1}, 10),
        (10, {"ratio": 0.01}, 1),
        (7, {"ratio": 0.5}, 4),
        (0, {"ratio": 0.5}, 0),
    ],
)
def test_summary_length(total, options, expected):
    assert summary_length(total, **options) == expected


def test_ratio_sets_the_length_of_a_summary():
    assert len(summarize(ENGLISH, ratio=0.25)) == 2
    assert len(summarize(ENGLISH, ratio=0.01)) == 1
    assert len(summarize(ENGLISH)) == 5


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"algorithm": "pagerank"},
            "unknown summary algorithm 'pagerank'; choose one of: "
            "lexrank, textrank, lsa, luhn, kl, sumbasic",
        ),
        ({"algorithm": "LexRank"}, "unknown summary algorithm 'LexRank'"),
        ({"language": "fr"}, "summaries are available in en, ar, not 'fr'"),
        ({"sentences": 0}, "at least 1, not 0"),
        ({"sentences": -2}, "at least 1, not -2"),
        ({"sentences": 2.5}, "whole number of sentences"),
        ({"sentences": True}, "whole number of sentences"),
        ({"ratio": 0}, "above 0 and at most 1, not 0"),
        ({"ratio": 1.5}, "above 0 and at most 1, not 1.5"),
        ({"ratio": -0.2}, "above 0 and at most 1"),
        ({"ratio": math.nan}, "above 0 and at most 1, not nan"),
        ({"ratio": "half"}, "above 0 and at most 1, not 'half'"),
        ({"sentences": 2, "ratio": 0.5}, "either a number of sentences or a ratio"),
    ],
)
def test_bad_options_are_refused_with_a_clear_message(options, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        summarize(ENGLISH, **options)


def test_arabic_words_are_normalised_for_the_summarizer():
    tokenizer = SummaryTokenizer("ar")
    assert tokenizer.to_words("قَالَ الأُمَمُ المُتَّحِدَةُ ٤٥ مرة، و«إلى»") == (
        "قال",
        "الامم",
        "المتحدة",
        "45",
        "مرة",
        "و",
        "الى",
    )


def test_english_tokenizer_uses_our_word_splitter():
    tokenizer = SummaryTokenizer("en")
    assert tokenizer.to_words("U.S.-backed forces") == ("U.S", "backed", "forces")


def test_arabic_stop_words_are_normalised_and_include_attached_conjunctions():
    words = arabic_stop_words()
    assert all(normalize_arabic(word) == word for word in words)
    assert {"في", "الى", "ان", "هذا", "الذي", "وقد", "فان", "وهو"} <= words
    assert not {"دير", "الزور", "قصف", "مدنيين"} & words


def test_importing_the_module_does_not_import_sumy_or_nltk():
    code = (
        "import sys\n"
        "import tarjama.core.summary\n"
        "print(sorted(m for m in ('sumy', 'nltk', 'numpy') if m in sys.modules))\n"
    )
    desktop = Path(__file__).resolve().parents[2] / "desktop"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(desktop)},
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_sample_articles_summarise(sample_articles, algorithm):
    if not sample_articles:
        pytest.skip("no sample articles in ../shared/samples")
    for path in sample_articles:
        paragraphs = path.read_text(encoding="utf-8").split("\n")
        texts = [sentence.text for sentence in split_sentences(paragraphs)]
        ids = summarize(texts, language="ar", algorithm=algorithm)
        assert len(ids) == 5
        assert_valid_ids(ids, texts)


def test_lsa_on_fewer_words_than_sentences_stays_quiet():
    texts = ["Aleppo burns.", "Aleppo.", "Burns.", "Aleppo burns.", "Burns!"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # sumy's "Number of words is lower" would fail here
        ids = summarize(texts, algorithm="lsa", sentences=1)
    assert len(ids) == 1
