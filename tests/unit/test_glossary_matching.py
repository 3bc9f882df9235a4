"""Finding glossary terms in Arabic (spellings, prefixes, word boundaries) and their
renderings in English."""

from __future__ import annotations

import pytest

from tarjama.core.glossary import Glossary, rendering_pattern
from tarjama.core.glossary_text import normal_word, stems, term_key

GLOSSARY = Glossary.from_text(
    "الأونروا\tUNRWA|the UN relief agency\n"
    "الأمم المتحدة\tUnited Nations|UN\n"
    "غزة\tGaza\n"
    "القاعدة\tal-Qaeda\n"
    "محمود عباس\tMahmoud Abbas\n"
    "مصطفى\tMustafa\n"
    "بغداد\tBaghdad\n"
    "لبنان\tLebanon\n"
    "مجلس الأمن الدولي\tUN Security Council\n"
    "مجلس الأمن\tSecurity Council\n"
)


def found(text: str) -> list[tuple[str, str]]:
    """(the Arabic as written, the glossary's term) for each match."""
    return [(text[m.start:m.end], GLOSSARY.entries[m.term].arabic) for m in GLOSSARY.find(text)]


@pytest.mark.parametrize(("written", "term"), [
    ("الأونروا", "الأونروا"),
    ("الاونروا", "الأونروا"),  # bare alef
    ("الإونروا", "الأونروا"),  # another hamza seat
    ("الأُونْرُوا", "الأونروا"),  # diacritics
    ("الأونـــروا", "الأونروا"),  # tatweel
    ("والأونروا", "الأونروا"),  # و + ال
    ("بالأونروا", "الأونروا"),  # ب + ال
    ("للأونروا", "الأونروا"),  # ل + ال, written لل
    ("فالأونروا", "الأونروا"),
    ("كالأونروا", "الأونروا"),
    ("وبالأونروا", "الأونروا"),  # و + ب + ال
    ("فللأونروا", "الأونروا"),  # ف + ل + ال
    ("غزة", "غزة"),
    ("غزه", "غزة"),  # final teh marbuta written as heh
    ("وغزة", "غزة"),
    ("بغزة", "غزة"),
    ("لغزة", "غزة"),
    ("مصطفى", "مصطفى"),
    ("مصطفي", "مصطفى"),  # alef maksura written as yeh
    ("بغداد", "بغداد"),  # a term that itself starts with a preposition letter
    ("وبغداد", "بغداد"),
    ("لبنان", "لبنان"),
    ("للبنان", "لبنان"),  # ل + لبنان, not ل + ال + بنان
    ("الأمم المتحدة", "الأمم المتحدة"),
    ("للأمم المتحدة", "الأمم المتحدة"),
    ("الامم المتحده", "الأمم المتحدة"),
    ("الأمم  المتحدة", "الأمم المتحدة"),  # two spaces
    ("محمود عباس", "محمود عباس"),
    ("ومحمود عباس", "محمود عباس"),
])
def test_a_term_is_found_in_its_spellings_and_with_its_prefixes(written, term):
    sentence = f"وقال مسؤول إن {written} أعلن ذلك اليوم"
    assert found(sentence) == [(written, term)]


@pytest.mark.parametrize("text", [
    "قاعدة عسكرية قرب المدينة",  # a term with the article needs it: not al-Qaeda
    "القاعدتين العسكريتين",  # a longer word is another word
    "الأونرواية",  # no match inside a word
    "محمود، عباس",  # punctuation between the words of a term
    "محمود الثاني",  # the first word alone is not the term
    "عباس محمود",  # the words in another order
    "الأمم",  # half a term
    "غزال",  # a word that starts like a term
])
def test_no_match_where_the_term_is_not(text):
    assert found(text) == []


def test_a_term_with_digits_keeps_them():
    glossary = Glossary.from_text("مجموعة الـ20\tG20\n")
    assert [m.term for m in glossary.find("قمة مجموعة الـ٢٠ في الرياض")] == [0]
    assert glossary.find("قمة مجموعة الـ7 في روما") == []


def test_the_longest_term_wins_and_matches_do_not_overlap():
    text = "دعا مجلس الأمن الدولي ثم مجلس الأمن إلى وقف القتال في غزة والأونروا"
    assert found(text) == [("مجلس الأمن الدولي", "مجلس الأمن الدولي"),
                           ("مجلس الأمن", "مجلس الأمن"), ("غزة", "غزة"),
                           ("والأونروا", "الأونروا")]


def test_a_term_without_the_article_matches_a_word_with_it():
    glossary = Glossary.from_text("أونروا\tUNRWA\n")
    assert [m.term for m in glossary.find("قالت الأونروا وأونروا")] == [0, 0]


def test_the_spans_are_the_arabic_as_written():
    text = "قالت وَالأُونْرُوا إن ١٢ شخصا قتلوا"
    (match,) = GLOSSARY.find(text)
    assert text[match.start:match.end] == "وَالأُونْرُوا"


def test_normal_forms():
    assert normal_word("الأُمَمِ") == "الامم"
    assert normal_word("المتّحدة") == "المتحده"
    assert normal_word("مستشفى") == "مستشفي"
    assert term_key("الأمم المتحدة") == (True, ("امم", "المتحده"))
    assert term_key("غزة") == (False, ("غزه",))
    assert term_key("الى") == (False, ("الي",))  # too short to lose its "article"
    assert (True, "اونروا") in set(stems("وللاونروا"))
    assert all(len(stem) >= 2 for _, stem in stems("وفي"))


def test_matching_is_linear_in_the_text():
    # Thousands of terms sharing no first word and a long text: one pass, no blow-up.
    lines = "".join(f"كلمة{chr(0x0628 + i % 20)}{i}\tterm {i}\n" for i in range(3000))
    glossary = Glossary.from_text(lines.replace("0", "").replace("1", ""))
    text = "قالت الأونروا إن الوضع في غزة صعب. " * 2000
    assert glossary.find(text) == []
    assert len(GLOSSARY.find(text)) == 4000


@pytest.mark.parametrize(("renderings", "english", "expected"), [
    (("UNRWA",), "Unrwa said on Monday", ["Unrwa"]),  # case
    (("UNRWA",), "UNRWA's schools", ["UNRWA"]),  # a possessive
    (("UNRWA",), "UNRWAX", []),  # whole words only
    (("al-Qaeda",), "Al Qaeda claimed it", ["Al Qaeda"]),  # hyphen or space
    (("al-Qaeda",), "alQaeda claimed it", ["alQaeda"]),
    (("al-Qaeda",), "al–Qaeda", ["al–Qaeda"]),  # an en dash
    (("United Nations", "UN"), "the UN and the United  Nations", ["UN", "United  Nations"]),
    (("Côte d'Ivoire",), "in Côte d’Ivoire", ["Côte d’Ivoire"]),  # curly apostrophe
    (("Gaza",), "the Gaza Strip", ["Gaza"]),
    (("Gaza",), "Gazans", []),
    (("US",), "told us that US forces", ["US"]),  # a short acronym keeps its capitals
    (("UN", "United Nations"), "un the UN", ["UN"]),
    (("UNRWA",), "unrwa", ["unrwa"]),  # a longer one does not need them
])
def test_renderings_are_found_in_the_english(renderings, english, expected):
    assert [m.group() for m in rendering_pattern(renderings).finditer(english)] == expected
