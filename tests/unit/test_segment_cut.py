"""The cut of over-long sentences: where it prefers to cut, and never inside a figure."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest

from tarjama.core.segment import count_words, split_sentences
from tarjama.core.segment_cut import figure_spans


def pieces(paragraph: str, max_tokens: int, **options) -> list[str]:
    sentences = split_sentences([paragraph], max_tokens=max_tokens, **options)
    for sentence in sentences:
        assert paragraph[sentence.start : sentence.end] == sentence.text
    return [sentence.text for sentence in sentences]


@pytest.mark.parametrize(
    "figure",
    [
        "120,000",
        "١٢٠٬٠٠٠",
        "3.5",
        "٣٫٥",
        "٣،٥",
        "15/3/2024",
        "١٥ آذار ٢٠٢٤",
        "17 آذار/مارس 2018",
        "10 – 12 تشرين الثاني 2023",
        "1 إلى 10 يناير 2020",
        "120 ألف دولار",
        "95 %",
        "حزيران/يونيو 2014",
        "عام 2024",
        "2.5 مليون",
    ],
)
def test_figure_spans_cover_whole_figures(figure):
    sentence = f"وقال التقرير إن الرقم {figure} بحسب المصدر"
    start = sentence.index(figure)
    assert (start, start + len(figure)) in figure_spans(sentence)


def test_the_comma_inside_a_number_is_no_cut():
    paragraph = "بلغت قيمة الأضرار في المدينة 120,000 دولار, وقالت البلدية إن الإعمار سيستغرق عاماً"
    assert pieces(paragraph, max_tokens=12) == [
        "بلغت قيمة الأضرار في المدينة 120,000 دولار,",
        "وقالت البلدية إن الإعمار سيستغرق عاماً",
    ]


def test_the_arabic_comma_inside_a_number_is_no_cut():
    paragraph = "ارتفع الإنتاج إلى ٣،٥ مليون طن، وتراجعت الصادرات إلى ١٢٠،٠٠٠ طن في العام الماضي"
    assert pieces(paragraph, max_tokens=12) == [
        "ارتفع الإنتاج إلى ٣،٥ مليون طن،",
        "وتراجعت الصادرات إلى ١٢٠،٠٠٠ طن في العام الماضي",
    ]


def test_a_date_is_not_cut_between_its_words():
    paragraph = "وقعت الأطراف المتنازعة الاتفاقية في ١٥ آذار ٢٠٢٤ في العاصمة بحضور الوسطاء الدوليين"
    result = pieces(paragraph, max_tokens=9)
    assert all(count_words(piece) <= 9 for piece in result)
    assert any("١٥ آذار ٢٠٢٤" in piece for piece in result)


def test_cuts_prefer_semicolon_then_arabic_comma_then_comma_then_space():
    clause = "وصلت القوافل إلى المدينة"  # 4 words, 6 tokens
    paragraph = f"{clause}، {clause}, {clause}؛ {clause} {clause}"
    assert pieces(paragraph, max_tokens=20) == [
        f"{clause}، {clause}, {clause}؛",
        f"{clause} {clause}",
    ]
    # The first clause is too long: its Arabic comma goes before the Latin one.
    assert pieces(paragraph, max_tokens=15) == [
        f"{clause}،",
        f"{clause}, {clause}؛",
        f"{clause} {clause}",
    ]
    # Latin commas only once the Arabic comma's pieces are still too long.
    assert pieces(f"{clause}, {clause}, {clause}، {clause}", max_tokens=15) == [
        f"{clause}, {clause},",
        f"{clause}،",
        clause,
    ]


def test_a_figure_longer_than_the_limit_is_still_cut_to_fit():
    paragraph = "في 10 – 12 تشرين الثاني 2023"
    result = pieces(paragraph, max_tokens=3)
    assert all(count_words(piece) <= 3 for piece in result)
    assert " ".join(result) == paragraph


def generated(rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """A sentence of fillers and figures, with the span of each figure in it."""
    figures = [
        lambda: f"{rng.randint(1, 999)},{rng.randint(0, 999):03d}",
        lambda: f"{rng.randint(1, 999)},{rng.randint(0, 999):03d} دولار",
        lambda: "١٢٠٬٠٠٠",
        lambda: f"{rng.randint(0, 99)}.{rng.randint(0, 9)} في المئة",
        lambda: "٣٫٥",
        lambda: "٣،٥ مليون",
        lambda: f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(1990, 2030)}",
        lambda: (
            f"{rng.randint(1, 28)} {rng.choice(['آذار', 'أيار', 'كانون الثاني'])} "
            f"{rng.randint(1990, 2030)}"
        ),
        lambda: "١٥ آذار ٢٠٢٤",
        lambda: f"{rng.randint(1, 28)} نيسان/أبريل {rng.randint(1990, 2030)}",
        lambda: f"{rng.randint(2, 900)} ألف",
    ]
    fillers = ["قال المسؤول إن الرقم بلغ", "في", "نحو", "منذ", "وسجلت الوزارة", "حتى"]
    joiners = [" ", "، ", ", ", "؛ ", " و"]
    text, spans = "", []
    for index in range(rng.randint(3, 10)):
        if index:
            text += rng.choice(joiners)
        text += rng.choice(fillers) + " "
        figure = rng.choice(figures)()
        spans.append((len(text), len(text) + len(figure)))
        text += figure
    return text + ".", spans


def test_generated_sentences_are_never_cut_inside_a_figure():
    rng = random.Random(11)
    for _ in range(300):
        paragraph, figures = generated(rng)
        for max_tokens in (6, 9, 14, 25):
            sentences = split_sentences([paragraph], max_tokens=max_tokens)
            assert all(count_words(s.text) <= max_tokens for s in sentences)
            for left, right in pairwise(sentences):
                for start, end in figures:
                    assert not start < left.end < end, (paragraph, left.text)
                    assert not start < right.start < end, (paragraph, right.text)


def test_a_long_sentence_without_any_end_is_cut_to_fit():
    paragraph = "كلمة 120,000 و١٥ آذار ٢٠٢٤، " * 2_000
    sentences = split_sentences([paragraph], max_tokens=50)
    assert all(count_words(s.text) <= 50 for s in sentences)
    assert "".join(s.text for s in sentences).replace(" ", "") == paragraph.replace(" ", "")


def test_a_subword_counter_drives_the_cut():
    paragraph = "سجلت الوزارة ١٢٠٬٠٠٠ إصابة و٣٫٥ في المئة من الوفيات"
    result = pieces(paragraph, max_tokens=20, count_tokens=len)
    assert all(len(piece) <= 20 for piece in result)
    assert any("١٢٠٬٠٠٠" in piece for piece in result)
    assert any("٣٫٥ في المئة" in piece for piece in result)


CUT_POINT_FIGURES = ["1,250,000", "12.5%", "2023/10/07", "١٢٬٥٠٠", "3 - 5", "١٢٫٥٪",
                     "12.5 %", "3 – 5 ملايين", "1,250,000 دولار"]
FILLER = ["قالت", "مصادر", "رسمية", "في", "العاصمة", "إن", "الأرقام", "الجديدة", "تدل",
          "على", "تغير", "كبير"]


@pytest.mark.parametrize("figure", CUT_POINT_FIGURES)
def test_a_figure_at_the_cut_point_stays_whole(figure):
    """Every placement of the figure against every limit that falls inside or around it."""
    for before in range(len(FILLER)):
        paragraph = " ".join([*FILLER[:before], figure, *FILLER[before:]])
        for max_tokens in range(count_words(figure), len(FILLER)):
            result = pieces(paragraph, max_tokens=max_tokens)
            assert any(figure in piece for piece in result), (before, max_tokens, result)


def test_a_figure_at_the_cut_point_stays_whole_with_the_packs_own_counter(tiny_pack):
    from tarjama.core.packs import load_pack
    from tarjama.core.translate import Translator

    translator = Translator(load_pack(tiny_pack))
    for figure in CUT_POINT_FIGURES:
        for before in range(0, len(FILLER), 3):
            paragraph = " ".join([*FILLER[:before], figure, *FILLER[before:]])
            figure_tokens = translator.count_tokens(figure)
            for max_tokens in range(figure_tokens + 1, figure_tokens + 12):
                result = pieces(paragraph, max_tokens=max_tokens,
                                count_tokens=translator.count_tokens)
                assert all(translator.count_tokens(p) <= max_tokens for p in result)
                assert any(figure in piece for piece in result), (figure, max_tokens, result)
