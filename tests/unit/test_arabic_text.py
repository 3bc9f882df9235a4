"""Arabic normalisation helpers."""

from __future__ import annotations

import pytest

from tarjama.core.arabic_text import (
    arabic_ratio,
    has_arabic,
    is_arabic_letter,
    normalize_arabic,
    strip_diacritics,
    to_ascii_digits,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("مَدْرَسَةٌ", "مدرسة", id="harakat-sukun-tanween"),
        pytest.param("مُحَمَّدٌ", "محمد", id="shadda"),
        pytest.param("كِتَابًا", "كتابا", id="fathatan"),
        pytest.param("هٰذا", "هذا", id="superscript-alef"),
        pytest.param("جـــمـيـل", "جميل", id="tatweel"),
        pytest.param("سلام 12", "سلام 12", id="plain-text-unchanged"),
        pytest.param("أإآ ؤ ئ ة ى", "أإآ ؤ ئ ة ى", id="letters-kept"),
    ],
)
def test_strip_diacritics(text, expected):
    assert strip_diacritics(text) == expected


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        pytest.param("أحمد إلى آخر ٱلكتاب", {}, "احمد الى اخر الكتاب", id="alef-variants"),
        pytest.param("أحمد", {"unify_alef": False}, "أحمد", id="alef-kept-on-request"),
        pytest.param("مدرسةٌ على", {}, "مدرسة على", id="ta-marbuta-and-maqsura-kept"),
        pytest.param("على", {"unify_alef_maqsura": True}, "علي", id="maqsura-on-request"),
        pytest.param("ﺍﻟﺴﻼﻡ", {}, "السلام", id="presentation-forms"),
        pytest.param("ﻻ", {}, "لا", id="lam-alef-ligature"),
        pytest.param("ا\u0654مل", {}, "امل", id="decomposed-hamza"),
        pytest.param("٤٥٫٥ ۱۲", {}, "٤٥٫٥ ۱۲", id="digits-kept-by-default"),
        pytest.param("٤٥٫٥ و١٬٠٠٠ ۱۲", {"ascii_digits": True}, "45.5 و1,000 12", id="ascii-digits"),
        pytest.param("الأُمَمُ المُتَّحِدَةُ", {}, "الامم المتحدة", id="all-together"),
    ],
)
def test_normalize_arabic(text, options, expected):
    assert normalize_arabic(text, **options) == expected


def test_to_ascii_digits_keeps_length_and_separators_by_default():
    text = "قتل ٤٥ شخصاً و۱۲ جريحاً بنسبة ٩٫٥ من ١٬٢٠٠"
    converted = to_ascii_digits(text)
    assert converted == "قتل 45 شخصاً و12 جريحاً بنسبة 9٫5 من 1٬200"
    assert len(converted) == len(text)


def test_to_ascii_digits_with_separators():
    converted = to_ascii_digits("٩٫٥ من ١٬٢٠٠", separators=True)
    assert converted == "9.5 من 1,200"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مرحبا", True),
        ("Hello مرحبا", True),
        ("ﺍﻟﺴﻼﻡ", True),
        ("Hello, world", False),
        ("٤٥ ، ؟ ؛", False),  # Arabic digits and punctuation are not letters
        ("", False),
    ],
)
def test_has_arabic(text, expected):
    assert has_arabic(text) is expected


def test_is_arabic_letter():
    assert is_arabic_letter("ب")
    assert not is_arabic_letter("b")
    assert not is_arabic_letter("٣")
    assert not is_arabic_letter("،")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مرحبا", 1.0),
        ("abcd", 0.0),
        ("ab مرحبا", 5 / 7),
        ("123 !?", 0.0),
        ("", 0.0),
    ],
)
def test_arabic_ratio(text, expected):
    assert arabic_ratio(text) == pytest.approx(expected)
