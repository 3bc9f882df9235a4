"""Generated Arabic and English sentences for training fixture SentencePiece models.

The sentences are assembled from small word lists written for this project plus
pseudo-words built from syllables, so a corpus of any size can be produced
without reading anybody's data. The text only has to look like news prose to a
subword trainer; it does not have to make sense. Everything is seeded: the same
arguments always give the same sentences.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

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

ENGLISH_NOUNS = (
    "government", "minister", "city", "village", "army", "police", "council", "parliament",
    "president", "opposition", "residents", "civilians", "hospital", "school", "road",
    "border", "agreement", "negotiations", "elections", "economy", "prices", "oil", "water",
    "electricity", "refugees", "organisation", "United Nations", "journalists", "court",
    "judge", "company", "market", "province", "capital", "port", "airport", "university",
    "students", "workers", "farmers",
)
ENGLISH_VERBS = (
    "announced", "said", "confirmed", "denied", "demanded", "rejected", "approved",
    "attacked", "targeted", "arrested", "released", "met", "visited", "called for",
    "warned", "revealed", "published", "issued", "opened", "closed",
)
ENGLISH_PLACES = (
    "Damascus", "Aleppo", "Deir ez-Zor", "Raqqa", "Homs", "Idlib", "Baghdad", "Mosul",
    "Beirut", "Amman", "Cairo", "Riyadh", "Tunis", "Algiers", "Khartoum", "Sanaa",
    "Tripoli", "Gaza",
)
ENGLISH_LINKS = ("in", "from", "to", "on", "after", "before", "during", "about", "against")
ENGLISH_TIME = (
    "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
    "on Sunday", "yesterday", "today", "last week", "last month", "this year",
)
ENGLISH_COUNTED = ("people", "civilians", "soldiers", "fighters", "children", "women", "homes")
ENGLISH_CONSONANTS = "bcdfghjklmnprstvwz"
ENGLISH_VOWELS = "aeiou"


def _arabic_pseudo_word(rng: random.Random) -> str:
    """A pronounceable-looking string of Arabic letters, sometimes with the article."""
    syllables = [
        rng.choice(ARABIC_LETTERS) + rng.choice(ARABIC_VOWEL_LETTERS + ARABIC_LETTERS)
        for _ in range(rng.randint(1, 4))
    ]
    word = "".join(syllables)
    return ("ال" + word) if rng.random() < 0.4 else word


def _english_pseudo_word(rng: random.Random) -> str:
    """A pronounceable-looking Latin-letter name, capitalised like a proper noun."""
    syllables = [
        rng.choice(ENGLISH_CONSONANTS) + rng.choice(ENGLISH_VOWELS)
        + (rng.choice(ENGLISH_CONSONANTS) if rng.random() < 0.5 else "")
        for _ in range(rng.randint(1, 4))
    ]
    word = "".join(syllables)
    return word.capitalize() if rng.random() < 0.5 else word


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


def _english_sentence(rng: random.Random, pseudo_rate: float) -> str:
    def noun() -> str:
        if rng.random() < pseudo_rate:
            return _english_pseudo_word(rng)
        return rng.choice(ENGLISH_NOUNS)

    parts = ["The", noun(), rng.choice(ENGLISH_VERBS), "the", noun(), rng.choice(ENGLISH_TIME)]
    for _ in range(rng.randint(1, 3)):
        parts += [rng.choice(ENGLISH_LINKS), "the", noun()]
    if rng.random() < 0.5:
        parts += ["in", rng.choice(ENGLISH_PLACES)]
    if rng.random() < 0.4:
        parts += ["killing", str(rng.randint(2, 950)), rng.choice(ENGLISH_COUNTED)]
    return " ".join(parts) + rng.choice((".", ".", ",", "?"))


def arabic_sentences(count: int, *, seed: int = 0, pseudo_rate: float = 0.3) -> Iterator[str]:
    """Yield ``count`` generated Arabic sentences.

    ``pseudo_rate`` is the share of nouns replaced by pseudo-words; raise it when a
    large subword vocabulary needs more distinct material.
    """
    rng = random.Random(f"ar-{seed}")
    for _ in range(count):
        yield _arabic_sentence(rng, pseudo_rate)


def english_sentences(count: int, *, seed: int = 0, pseudo_rate: float = 0.3) -> Iterator[str]:
    """Yield ``count`` generated English sentences (see :func:`arabic_sentences`)."""
    rng = random.Random(f"en-{seed}")
    for _ in range(count):
        yield _english_sentence(rng, pseudo_rate)
