"""Sentence splitting of Arabic paragraphs: boundaries, offsets and the cut of long sentences."""

from __future__ import annotations

import pytest

from tarjama.core.segment import Sentence, count_words, split_sentences


def texts(paragraph: str, **options) -> list[str]:
    return [sentence.text for sentence in split_sentences([paragraph], **options)]


def assert_exact_offsets(paragraphs, sentences) -> None:
    for sentence in sentences:
        source = paragraphs[sentence.paragraph]
        assert source[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.text


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "قصفت الطائرات المدينة. وقال المرصد إن القتلى كثر! فهل من مجيب؟ لا أحد",
            ["قصفت الطائرات المدينة.", "وقال المرصد إن القتلى كثر!", "فهل من مجيب؟", "لا أحد"],
            id="full-stop-exclamation-arabic-question",
        ),
        pytest.param(
            "هل انتهت الحرب؟!لا أحد يعرف… ربما غداً.",
            ["هل انتهت الحرب؟!", "لا أحد يعرف…", "ربما غداً."],
            id="terminator-runs-and-ellipsis",
        ),
        pytest.param(
            "توقف القصف... ثم عاد بعد ساعة. وهرب السكان",
            ["توقف القصف...", "ثم عاد بعد ساعة.", "وهرب السكان"],
            id="three-dot-ellipsis-is-one-terminator",
        ),
        pytest.param(
            "قال د. أحمد الخطيب إن م. سامر وأ. ليلى وصلا. وأكد ذلك",
            ["قال د. أحمد الخطيب إن م. سامر وأ. ليلى وصلا.", "وأكد ذلك"],
            id="arabic-title-abbreviations",
        ),
        pytest.param(
            "انظر ص. 12 من التقرير. ثم راجع الملحق",
            ["انظر ص. 12 من التقرير.", "ثم راجع الملحق"],
            id="page-abbreviation",
        ),
        pytest.param(
            "بني السور عام 300 ق.م. وما زال قائماً",
            ["بني السور عام 300 ق.م.", "وما زال قائماً"],
            id="dotted-arabic-abbreviation-at-the-end",
        ),
        pytest.param(
            "قال أ.د. محمد علي إن البحث انتهى. ونشرت النتائج",
            ["قال أ.د. محمد علي إن البحث انتهى.", "ونشرت النتائج"],
            id="dotted-arabic-abbreviation-before-a-name",
        ),
        pytest.param(
            "ولد عام 1950 م. وتوفي عام 2010 م. ودفن في حلب",
            ["ولد عام 1950 م.", "وتوفي عام 2010 م.", "ودفن في حلب"],
            id="year-marker-after-a-number-ends-the-sentence",
        ),
        pytest.param(
            "أعلنت الخارجية U.S. و Dr. Smith الخبر. ثم غادرا",
            ["أعلنت الخارجية U.S. و Dr. Smith الخبر.", "ثم غادرا"],
            id="latin-abbreviations",
        ),
        pytest.param(
            "بلغت النسبة 2.5 في المئة و٤٥٫٥ بالمئة وقتل 3.000 شخص. وانتهى",
            ["بلغت النسبة 2.5 في المئة و٤٥٫٥ بالمئة وقتل 3.000 شخص.", "وانتهى"],
            id="decimal-and-thousands-numbers",
        ),
        pytest.param(
            "وصل العدد إلى 95%. وقال آخرون غير ذلك",
            ["وصل العدد إلى 95%.", "وقال آخرون غير ذلك"],
            id="number-before-a-full-stop",
        ),
        pytest.param(
            "قال المتحدث: «لن نتراجع. المعركة مستمرة» ثم غادر القاعة.",
            ["قال المتحدث: «لن نتراجع. المعركة مستمرة» ثم غادر القاعة."],
            id="no-split-inside-guillemets",
        ),
        pytest.param(
            "قال المتحدث: «لن نتراجع.» ثم غادر القاعة.",
            ["قال المتحدث: «لن نتراجع.»", "ثم غادر القاعة."],
            id="sentence-keeps-its-closing-guillemet",
        ),
        pytest.param(
            # The quotation ends the sentence, so its own sentences are sentences of the text.
            "وقال: “الوضع سيئ جداً. نحتاج المساعدة.” وأضاف أن الطرق مغلقة",
            ["وقال: “الوضع سيئ جداً.", "نحتاج المساعدة.”", "وأضاف أن الطرق مغلقة"],
            id="curly-quoted-statement-splits-at-its-ends",
        ),
        pytest.param(
            'وأعلن "مكتب دير الزور. الإعلامي" الخبر. وتابع',
            ['وأعلن "مكتب دير الزور. الإعلامي" الخبر.', "وتابع"],
            id="straight-quotes",
        ),
        pytest.param(
            "قال الناطق (وهو ضابط سابق. وله خبرة) إن الهجوم فشل. وانتهى",
            ["قال الناطق (وهو ضابط سابق. وله خبرة) إن الهجوم فشل.", "وانتهى"],
            id="no-split-inside-brackets",
        ),
        pytest.param(
            "وجدت المدينة مدمرة (انظر الصورة.) وغادر الناس",
            ["وجدت المدينة مدمرة (انظر الصورة.)", "وغادر الناس"],
            id="sentence-keeps-its-closing-bracket",
        ),
        pytest.param(
            "قال «نعم وغادر. ثم عاد",
            ["قال «نعم وغادر.", "ثم عاد"],
            id="unclosed-quote-does-not-swallow-the-line",
        ),
        pytest.param(
            "المصدر: الموقع الرسمي، المكتب الإعلامي؛ التقرير السنوي",
            ["المصدر: الموقع الرسمي، المكتب الإعلامي؛ التقرير السنوي"],
            id="never-on-colon-comma-semicolon",
        ),
        pytest.param(
            "اقرأ التقرير على https://example.org/تقرير.كامل?id=4. ثم علق",
            ["اقرأ التقرير على https://example.org/تقرير.كامل?id=4.", "ثم علق"],
            id="url",
        ),
        pytest.param(
            "تابعوا التغطية عبر #دير_الزور و #سوريا! وشاركوا الأخبار",
            ["تابعوا التغطية عبر #دير_الزور و #سوريا!", "وشاركوا الأخبار"],
            id="hashtags",
        ),
        pytest.param(
            "انسحب المقاتلون.وقالت المصادر إن المعارك توقفت",
            ["انسحب المقاتلون.", "وقالت المصادر إن المعارك توقفت"],
            id="missing-space-after-full-stop",
        ),
        pytest.param(
            "في الريف الشرقي .عاد التنظيم مرة أخرى",
            ["في الريف الشرقي .", "عاد التنظيم مرة أخرى"],
            id="stray-space-before-full-stop",
        ),
        pytest.param(
            "1. البند الأول واضح. 2. البند الثاني",
            ["1. البند الأول واضح.", "2. البند الثاني"],
            id="numbered-list",
        ),
        pytest.param(
            "العنوان الرئيسي\nنص الخبر الأول.\r\nنص الخبر الثاني",
            ["العنوان الرئيسي", "نص الخبر الأول.", "نص الخبر الثاني"],
            id="line-breaks",
        ),
        pytest.param(
            "  مسافات في البداية.   ونهاية   ",
            ["مسافات في البداية.", "ونهاية"],
            id="surrounding-whitespace",
        ),
        pytest.param("   \n  ", [], id="blank"),
    ],
)
def test_split_sentences(paragraph, expected):
    sentences = split_sentences([paragraph])
    assert [sentence.text for sentence in sentences] == expected
    assert_exact_offsets([paragraph], sentences)


def test_ids_and_paragraph_indexes_follow_document_order():
    paragraphs = ["الأولى. الثانية.", "", "الثالثة؟ الرابعة"]
    sentences = split_sentences(paragraphs)
    assert [(s.id, s.paragraph, s.text) for s in sentences] == [
        (0, 0, "الأولى."),
        (1, 0, "الثانية."),
        (2, 2, "الثالثة؟"),
        (3, 2, "الرابعة"),
    ]
    assert sentences[3] == Sentence(3, 2, 9, 16, "الرابعة")


def test_sentences_are_frozen():
    sentence = split_sentences(["نص."])[0]
    with pytest.raises(AttributeError):
        sentence.text = "آخر"  # type: ignore[misc]


def test_default_token_count_is_words_times_one_and_a_half_rounded_up():
    assert count_words("") == 0
    assert count_words("كلمة") == 2
    assert count_words("ثلاث كلمات هنا") == 5
    assert count_words("  كلمتان \n هنا  ") == 3


def test_long_sentence_is_cut_at_semicolons_first():
    clause = "وصلت القوافل إلى المدينة المحاصرة"  # 5 words, 8 tokens
    paragraph = "؛ ".join([clause] * 4) + "."
    sentences = split_sentences([paragraph], max_tokens=16)
    assert [s.text for s in sentences] == [
        f"{clause}؛ {clause}؛",
        f"{clause}؛ {clause}.",
    ]
    assert_exact_offsets([paragraph], sentences)


def test_long_sentence_is_cut_at_commas_when_semicolons_are_not_enough():
    paragraph = "قصفت الطائرات القرية، وهرب السكان نحو الحدود، ووصل بعضهم إلى المخيم؛ وانتهى"
    sentences = split_sentences([paragraph], max_tokens=9)
    assert [s.text for s in sentences] == [
        "قصفت الطائرات القرية،",
        "وهرب السكان نحو الحدود،",
        "ووصل بعضهم إلى المخيم؛",
        "وانتهى",
    ]
    assert_exact_offsets([paragraph], sentences)


def test_long_sentence_without_punctuation_is_cut_between_words():
    paragraph = " ".join(f"كلمة{n}" for n in range(10))
    sentences = split_sentences([paragraph], max_tokens=6)  # four words per piece
    assert [len(s.text.split()) for s in sentences] == [4, 4, 2]
    assert " ".join(s.text for s in sentences) == paragraph
    assert_exact_offsets([paragraph], sentences)


def test_custom_token_counter_decides_the_cut():
    paragraph = "أ ب ج د ه و ز ح"
    sentences = split_sentences([paragraph], max_tokens=3, count_tokens=lambda t: len(t.split()))
    assert [s.text for s in sentences] == ["أ ب ج", "د ه و", "ز ح"]


def test_single_word_longer_than_the_limit_is_cut_into_characters():
    word = "س" * 25
    sentences = split_sentences([word], max_tokens=10, count_tokens=len)
    assert [len(s.text) for s in sentences] == [10, 10, 5]
    assert "".join(s.text for s in sentences) == word
    assert_exact_offsets([word], sentences)


def test_sentence_that_fits_is_not_cut():
    paragraph = "جملة قصيرة، فيها فاصلة؛ وفاصلة منقوطة."
    assert texts(paragraph, max_tokens=200) == [paragraph]


@pytest.mark.parametrize("max_tokens", [0, -3, 2.5, True, "200"])
def test_bad_max_tokens(max_tokens):
    with pytest.raises(ValueError, match="max_tokens must be a whole number of at least 1"):
        split_sentences(["نص."], max_tokens=max_tokens)


def test_tico19_sentences_keep_offsets_and_fit(shared_dir):
    path = shared_dir / "testsets" / "tico19" / "tico19-test.ar"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    lines = path.read_text(encoding="utf-8").splitlines()
    paragraph = " ".join(lines[:300])  # one long paragraph exercises the cut as well
    for max_tokens in (200, 12):
        sentences = split_sentences([*lines, paragraph], max_tokens=max_tokens)
        assert_exact_offsets([*lines, paragraph], sentences)
        assert all(count_words(s.text) <= max_tokens for s in sentences)
        assert [s.id for s in sentences] == list(range(len(sentences)))
    # Each TICO-19 line is a segment of one to three sentences (about 2,290 in all).
    whole = split_sentences(lines)
    assert len(lines) <= len(whole) <= len(lines) * 1.15


def test_sample_articles_keep_offsets(sample_articles):
    if not sample_articles:
        pytest.skip("no sample articles in ../shared/samples")
    for path in sample_articles:
        paragraphs = path.read_text(encoding="utf-8").split("\n")
        sentences = split_sentences(paragraphs, max_tokens=30)
        assert_exact_offsets(paragraphs, sentences)
        assert all(count_words(s.text) <= 30 for s in sentences)
        # Nothing lost or reordered: the sentences spell out the text without its spaces.
        assert "".join("".join(s.text.split()) for s in sentences) == "".join(
            "".join(p.split()) for p in paragraphs
        )
