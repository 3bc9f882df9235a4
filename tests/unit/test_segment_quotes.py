"""Sentence ends around quotes and brackets, initials, headlines and hostile input."""

from __future__ import annotations

import random

import pytest

from tarjama.core.segment import sentence_spans, split_sentences

FILLER = [
    "وتقدمت القوات نحو المطار.",
    "وقتل ثلاثة مدنيين في القصف.",
    "ونزحت عشرات العائلات إلى الشمال.",
    "وأغلقت المدارس أبوابها.",
    "ولم تعلق الحكومة على الحادث.",
]


def texts(paragraph: str) -> list[str]:
    return [paragraph[start:end] for start, end in sentence_spans(paragraph)]


def assert_covers(paragraph: str, spans: list[tuple[int, int]]) -> None:
    """Spans are ordered, disjoint, stripped, and together hold every non-space character."""
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end
        assert paragraph[start:end] == paragraph[start:end].strip()
        assert not paragraph[previous_end:start].strip()
        previous_end = end
    assert not paragraph[previous_end:].strip()


@pytest.mark.parametrize("stray", ['"', "«", "»", "“", "”", "(", ")"])
def test_one_stray_mark_does_not_stop_the_later_splits_of_a_long_paragraph(stray):
    sentences = [FILLER[n % len(FILLER)] for n in range(40)]
    sentences[0] = f"وقال الناطق إن {stray}المعارك مستمرة على كل المحاور."
    paragraph = " ".join(sentences)
    assert texts(paragraph) == sentences


def test_a_balanced_quote_after_a_stray_one_still_holds():
    paragraph = (
        'وقال إن "المعارك مستمرة. وتقدمت القوات. ثم أعلن "مكتب دير الزور. الإعلامي" الخبر. وانتهى'
    )
    assert texts(paragraph) == [
        'وقال إن "المعارك مستمرة.',
        "وتقدمت القوات.",
        'ثم أعلن "مكتب دير الزور. الإعلامي" الخبر.',
        "وانتهى",
    ]


def test_a_quotation_of_several_sentences_splits_at_them_and_keeps_its_closer():
    paragraph = (
        "قالت المعلمة: «فقدنا المدرسة. فقدنا الكتب. لكننا لم نفقد الأمل». وتدرس الأطفال الآن"
    )
    assert texts(paragraph) == [
        "قالت المعلمة: «فقدنا المدرسة.",
        "فقدنا الكتب.",
        "لكننا لم نفقد الأمل».",
        "وتدرس الأطفال الآن",
    ]


def test_a_long_quotation_splits_even_at_a_single_end():
    first = "الهجوم بدأ فجراً واستمر ساعات طويلة وتمكنت القوات من صد المهاجمين بعد معارك عنيفة"
    second = "ولا تزال عمليات التمشيط جارية في القرى المحيطة بالمدينة حتى الآن حسب المصدر"
    paragraph = f"وقال المصدر: «{first} جداً. {second}» ثم غادر."
    assert len(paragraph) > 150
    assert texts(paragraph) == [f"وقال المصدر: «{first} جداً.", f"{second}» ثم غادر."]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "كتبت الصحيفة: »انتهى عهد الوعود. الناس يريدون أفعالاً« في افتتاحيتها. وانتقدت الحكومة",
            [
                "كتبت الصحيفة: »انتهى عهد الوعود. الناس يريدون أفعالاً« في افتتاحيتها.",
                "وانتقدت الحكومة",
            ],
            id="reversed-guillemets-embedded-quote-held",
        ),
        pytest.param(
            "قال المتحدث: »لن نتراجع.« ثم غادر القاعة.",
            ["قال المتحدث: »لن نتراجع.«", "ثم غادر القاعة."],
            id="reversed-guillemet-closer-stays",
        ),
        pytest.param(
            "حذرت المنظمة من أن المرض ”عدو الجمهور رقم 1. بلا منازع“ في المنطقة. ودعت إلى التطعيم",
            [
                "حذرت المنظمة من أن المرض ”عدو الجمهور رقم 1. بلا منازع“ في المنطقة.",
                "ودعت إلى التطعيم",
            ],
            id="reversed-curly-quotes",
        ),
        pytest.param(
            "يروي لـ”حكايات سوريا” ما شاهده. ويقول إن الحواجز تضاعفت.",
            ["يروي لـ”حكايات سوريا” ما شاهده.", "ويقول إن الحواجز تضاعفت."],
            id="one-curly-mark-used-both-ways",
        ),
        pytest.param(
            'وقال الناطق: "انتهى الاجتماع." وقال الوزير إن الاتفاق قريب.',
            ['وقال الناطق: "انتهى الاجتماع."', "وقال الوزير إن الاتفاق قريب."],
            id="straight-closer-after-full-stop-stays",
        ),
        pytest.param(
            'وقال الناطق: "انتهى الاجتماع."وقال الوزير إن الاتفاق قريب.',
            ['وقال الناطق: "انتهى الاجتماع."', "وقال الوزير إن الاتفاق قريب."],
            id="closer-glued-to-the-next-word-stays",
        ),
        pytest.param(
            'وأوضح أن الأسعار ارتفعت خلال العام." وتراجعت العملة.',
            ['وأوضح أن الأسعار ارتفعت خلال العام."', "وتراجعت العملة."],
            id="unmatched-closer-after-full-stop-stays",
        ),
        pytest.param(
            'انتهى الاجتماع."وقال الوزير إن الاتفاق قريب."',
            ["انتهى الاجتماع.", '"وقال الوزير إن الاتفاق قريب."'],
            id="opening-quote-glued-after-full-stop-starts-the-next",
        ),
        pytest.param(
            "قال (وهو ضابط سابق. وله خبرة) إن الهجوم فشل. (انظر الصورة.) وغادر",
            ["قال (وهو ضابط سابق. وله خبرة) إن الهجوم فشل.", "(انظر الصورة.)", "وغادر"],
            id="brackets",
        ),
        pytest.param(
            'زوروا https://example.org/a"b.c وتابعوا. ثم علقوا',
            ['زوروا https://example.org/a"b.c وتابعوا.', "ثم علقوا"],
            id="quote-inside-a-url-is-ignored",
        ),
    ],
)
def test_quotes(paragraph, expected):
    assert texts(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "وصل الوفد إلى المطار۔ وبدأت المحادثات۔وستستمر ثلاثة أيام۔",
            ["وصل الوفد إلى المطار۔", "وبدأت المحادثات۔", "وستستمر ثلاثة أيام۔"],
            id="arabic-full-stop",
        ),
        pytest.param(
            'الاغتيالات تربك "تنظيم الدولة" في دير الزور.. فما الذي يحصل؟',
            ['الاغتيالات تربك "تنظيم الدولة" في دير الزور..', "فما الذي يحصل؟"],
            id="headline-double-dot",
        ),
        pytest.param(
            "أزمة الخبز تتفاقم..والأفران تغلق أبوابها",
            ["أزمة الخبز تتفاقم..", "والأفران تغلق أبوابها"],
            id="headline-double-dot-without-space",
        ),
        pytest.param(
            "التقى الوزير رئيس الحكومة المحلية دي. كي. شيفا كومار. وبحثا الاستثمار",
            ["التقى الوزير رئيس الحكومة المحلية دي. كي. شيفا كومار.", "وبحثا الاستثمار"],
            id="spelled-latin-initials",
        ),
        pytest.param(
            "اغتيل الرئيس جون إف. كينيدي عام 1963. وما زال الجدل قائماً",
            ["اغتيل الرئيس جون إف. كينيدي عام 1963.", "وما زال الجدل قائماً"],
            id="one-spelled-initial",
        ),
        pytest.param(
            "قال أ. د. محمد الخطيب إن الدراسة انتهت. ونشرت النتائج",
            ["قال أ. د. محمد الخطيب إن الدراسة انتهت.", "ونشرت النتائج"],
            id="professor-doctor",
        ),
        pytest.param(
            "أعلنت شبكة سي إن إن. وأكدت رويترز الخبر",
            ["أعلنت شبكة سي إن إن.", "وأكدت رويترز الخبر"],
            id="spelled-acronym-ends-the-sentence",
        ),
        pytest.param(
            "يتفاعل مع البروتين إس. يوجد العديد من المستقبلات",
            ["يتفاعل مع البروتين إس.", "يوجد العديد من المستقبلات"],
            id="letter-name-after-a-noun-ends-the-sentence",
        ),
        pytest.param(
            "ونصحوا بتناول فيتامين د. وتجرى دراسات أخرى",
            ["ونصحوا بتناول فيتامين د.", "وتجرى دراسات أخرى"],
            id="vitamin-letter",
        ),
        pytest.param(
            "تكرر ذلك ضمن بروتين S. وفقاً لدراسة حديثة",
            ["تكرر ذلك ضمن بروتين S.", "وفقاً لدراسة حديثة"],
            id="latin-capital-before-arabic-ends-the-sentence",
        ),
    ],
)
def test_marks_and_initials(paragraph, expected):
    assert texts(paragraph) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "(" * 10_000 + "]" * 10_000,
        "«" * 10_000 + "نص. " * 100,
        '"' * 10_001 + " نص. نص",
        "ب." * 10_000,
        "د. " * 10_000,
        ". " * 10_000,
        "…" * 10_000 + "؟!" * 10_000,
    ],
    ids=["brackets", "guillemets", "straight", "dotted-run", "abbreviations", "dots", "marks"],
)
def test_hostile_input_segments_without_error(paragraph):
    spans = sentence_spans(paragraph)
    assert_covers(paragraph, spans)


def test_random_punctuation_soup_keeps_offsets_and_text():
    rng = random.Random(3)
    alphabet = [*'«»“”"()[]{}.!?؟…۔،؛: ', "كلمة", "د", "دي", "1", "٣", "\n"]
    for _ in range(200):
        paragraph = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 120)))
        assert_covers(paragraph, sentence_spans(paragraph))
        sentences = split_sentences([paragraph], max_tokens=4)
        for sentence in sentences:
            assert paragraph[sentence.start : sentence.end] == sentence.text
