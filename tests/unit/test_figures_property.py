"""Properties of the figure extractors on generated text (hypothesis).

On any text the extractors return, without raising and the same each time, figures in
order whose spans lie inside the text, give back their text and overlap no other figure;
an Arabic text says the same with Eastern (٠-٩, ۰-۹) or Western digits.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tarjama.core.figures import extract_arabic, extract_english
from tarjama.core.figures.model import KINDS

# The same examples every run (derandomize), and no example database left in the work
# tree: CI must not pass or fail by chance.
SETTINGS = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

ARABIC = (
    "قتل", "مقتل", "12", "شخصاً", "وإصابة", "40", "آخرين", "نحو", "أكثر من", "مليون",
    "مليار", "ألف", "دولار", "جنيه", "يورو", "%", "في المئة", "عام", "2024", "15", "آذار",
    "مارس", "كانون الثاني", "الساعة", "10:30", "صباحاً", "3.5", "3,5", "1,200", "عاماً",
    "كيلومتر", "اعتقال", "عشرات", "مئات", "الأول", "المرتبة", "2-1", "بين", "و", "إلى",
    "15/3/2024", "هـ", "1445", "رمضان", "ربع", "نصف", "ثلاثة", "عشرين", "مئة", "ألفين",
    "$", "٪", "،", ".", "(", ")", "-", "/", "COVID-19", "#12", "www.a12.com", "F-16",
)
ENGLISH = (
    "killed", "12", "people", "and", "40", "injured", "about", "more than", "million",
    "billion", "$", "USD", "pounds", "%", "percent", "in", "2024", "March", "15", "15th",
    "at", "10:30", "a.m.", "3.5", "1,200", "years", "old", "km", "arrested", "dozens",
    "hundreds", "first", "half", "a quarter", "2-1", "between", "to", "mid-2019", "1990s",
    "twenty", "three", "thousand", "COVID-19", "#1", "@user12", "-", "/", ".", ",",
)
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def texts(words: tuple[str, ...]):
    piece = st.one_of(st.sampled_from(words), st.text(max_size=3),
                      st.integers(min_value=0, max_value=10**7).map(str))
    return st.lists(piece, max_size=40).map(" ".join) | st.text(max_size=120)


def check_figures(text: str, figures) -> None:
    end = 0
    for figure in figures:
        assert 0 <= figure.start < figure.end <= len(text)
        assert text[figure.start:figure.end] == figure.text
        assert figure.start >= end, "figures overlap or are out of order"
        assert figure.kind in KINDS
        end = figure.end


@pytest.mark.parametrize(("extract", "words"), [(extract_arabic, ARABIC),
                                                (extract_english, ENGLISH)],
                         ids=["arabic", "english"])
def test_figures_lie_in_the_text_in_order_and_repeat(extract, words):
    @SETTINGS
    @given(texts(words))
    def check(text):
        figures = extract(text)
        check_figures(text, figures)
        assert extract(text) == figures

    check()


@pytest.mark.parametrize("extract", [extract_arabic, extract_english], ids=["arabic", "english"])
def test_any_unicode_text_is_read_without_error(extract):
    @SETTINGS
    @given(st.text(alphabet=st.characters(codec=None), max_size=200))
    def check(text):
        check_figures(text, extract(text))

    check()


@SETTINGS
@given(texts(ARABIC), st.sampled_from([EASTERN, PERSIAN]))
def test_eastern_and_western_digits_give_the_same_figures(text, digits):
    western = [(f.kind, f.value, f.start, f.end, f.unit) for f in extract_arabic(text)]
    eastern = [(f.kind, f.value, f.start, f.end, f.unit)
               for f in extract_arabic(text.translate(digits))]
    assert eastern == western
