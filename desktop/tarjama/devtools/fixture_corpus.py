"""Generated Arabic sentences for training fixture SentencePiece models.

The sentences are assembled from small word lists written for this project plus
pseudo-words built from syllables, so a corpus of any size can be produced
without reading anybody's data. The text only has to look like news prose to a
subword trainer; it does not have to make sense. Everything is seeded: the same
arguments always give the same sentences.

The English side lives in :mod:`tarjama.devtools.fixture_english`;
``english_sentences`` is re-exported here for callers that import both from one place.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from tarjama.devtools.fixture_english import english_sentences

__all__ = ["arabic_sentences", "english_sentences"]

ARABIC_NOUNS = (
    "الحكومة", "الوزير", "المدينة", "القرية", "الجيش", "الشرطة", "المجلس", "البرلمان",
    "الرئيس", "المعارضة", "السكان", "المدنيين", "المستشفى", "المدرسة", "الطريق", "الحدود",
    "الاتفاق", "المفاوضات", "الانتخابات", "الاقتصاد", "الأسعار", "النفط", "المياه", "الكهرباء",
    "اللاجئين", "المنظمة", "الأمم المتحدة", "الصحفيين", "المحكمة", "القاضي", "الشركة", "السوق",
    "المحافظة", "العاصمة", "الميناء", "المطار", "الجامعة", "الطلاب", "العمال", "المزارعين",
)
ARABIC_VERBS = (
    "أعلن", "قال", "أكد", "نفى", "طالب", "رفض", "وافق", "هاجم", "استهدف", "اعتقل",
    "أفرج عن", "التقى", "زار", "دعا", "حذر", "كشف", "نشر", "أصدر", "افتتح", "أغلق",
)
ARABIC_PLACES = (
    "دمشق", "حلب", "دير الزور", "الرقة", "حمص", "إدلب", "بغداد", "الموصل", "بيروت",
    "عمان", "القاهرة", "الرياض", "تونس", "الجزائر", "الخرطوم", "صنعاء", "طرابلس", "غزة",
)
ARABIC_LINKS = ("في", "من", "إلى", "على", "بعد", "قبل", "خلال", "حول", "ضد", "مع")
ARABIC_TIME = (
    "يوم الاثنين", "يوم الثلاثاء", "يوم الأربعاء", "يوم الخميس", "يوم الجمعة", "يوم السبت",
    "يوم الأحد", "أمس", "اليوم", "الأسبوع الماضي", "الشهر الماضي", "هذا العام",
)
ARABIC_COUNTED = ("شخصا", "مدنيا", "جنديا", "عنصرا", "طفلا", "امرأة", "منزلا", "كيلومترا")
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
ARABIC_VOWEL_LETTERS = "اوي"


def _arabic_pseudo_word(rng: random.Random) -> str:
    """A pronounceable-looking string of Arabic letters, sometimes with the article."""
    syllables = [
        rng.choice(ARABIC_LETTERS) + rng.choice(ARABIC_VOWEL_LETTERS + ARABIC_LETTERS)
        for _ in range(rng.randint(1, 4))
    ]
    word = "".join(syllables)
    return ("ال" + word) if rng.random() < 0.4 else word


def _arabic_sentence(rng: random.Random, pseudo_rate: float) -> str:
    def noun() -> str:
        return _arabic_pseudo_word(rng) if rng.random() < pseudo_rate else rng.choice(ARABIC_NOUNS)

    parts = [rng.choice(ARABIC_VERBS), noun(), rng.choice(ARABIC_TIME)]
    for _ in range(rng.randint(1, 3)):
        parts += [rng.choice(ARABIC_LINKS), noun()]
    if rng.random() < 0.5:
        parts += ["في", rng.choice(ARABIC_PLACES)]
    if rng.random() < 0.4:
        parts += ["ما أسفر عن مقتل", str(rng.randint(2, 950)), rng.choice(ARABIC_COUNTED)]
    return " ".join(parts) + rng.choice((".", ".", "،", "؟"))


def arabic_sentences(count: int, *, seed: int = 0, pseudo_rate: float = 0.3) -> Iterator[str]:
    """Yield ``count`` generated Arabic sentences.

    ``pseudo_rate`` is the share of nouns replaced by pseudo-words; raise it when a
    large subword vocabulary needs more distinct material.
    """
    rng = random.Random(f"ar-{seed}")
    for _ in range(count):
        yield _arabic_sentence(rng, pseudo_rate)

