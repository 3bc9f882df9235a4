"""Finding words as a reader types them: Arabic folding that keeps offsets, titles."""

from __future__ import annotations

import pytest

from tarjama.core.text_search import find_all, fold, fold_query, query_script, shorten


def found(query: str, text: str) -> list[str]:
    return [text[start:end] for start, end in find_all(query, text)]


@pytest.mark.parametrize("written", ["أحمد", "أَحْمَد", "احمـــد", "إحمد", "آحمد", "ٱحمد",
                                     "ا\u0654حمد", "أ\u200cحمد"])
def test_a_bare_query_finds_every_spelling_and_exactly_its_characters(written):
    text = f"قال {written} للصحفيين"
    assert found("احمد", text) == [written]


def test_a_query_with_diacritics_finds_the_bare_word():
    assert found("أَحْمَد", "وصل احمد") == ["احمد"]


def test_final_marks_belong_to_the_word():
    # The tanween after the last letter is part of what is highlighted, the space is not.
    assert found("كتابا", "قرأ كتاباً جديدا") == ["كتاباً"]


def test_yeh_and_teh_marbuta_variants_match():
    assert found("مستشفي", "مستشفى المدينة") == ["مستشفى"]
    assert found("المدينه", "في المدينة القديمة") == ["المدينة"]
    assert found("القديمة", "في المدينه القديمه") == ["القديمه"]


def test_every_match_is_found_in_order_without_overlap():
    text = "أحمد وأحمد واحمد"
    assert find_all("احمد", text) == [(0, 4), (6, 10), (12, 16)]
    assert find_all("aa", "aaaa") == [(0, 2), (2, 4)]


def test_english_is_found_without_regard_to_case():
    assert found("police", "The Police said police officers") == ["Police", "police"]
    assert found("STRASSE", "Die Straße") == ["Straße"]


def test_digits_match_in_either_script():
    assert found("450", "نحو ٤٥٠ ألف") == ["٤٥٠"]
    assert found("٢٠٢٣", "in 2023") == ["2023"]


def test_presentation_forms_are_read_as_letters():
    text = "\ufedf\ufe8e"  # the contextual shapes of "لا" as old PDFs store them
    assert found("لا", f"قال {text} شيء") == [text]


def test_empty_and_blank_queries_find_nothing():
    assert find_all("", "text") == []
    assert find_all("   ", "a b") == []
    assert find_all("َ", "أَحْمَد") == []  # a lone fatha folds to nothing


def test_query_white_space_is_tidied():
    assert fold_query("  أحمد   علي ") == "احمد علي"
    assert found("احمد  علي", "قال أحمد علي") == ["أحمد علي"]


def test_folding_maps_back_to_original_offsets():
    folded = fold("أَحْمَد")
    assert folded.text == "احمد"
    assert folded.origin == (0, 2, 4, 6, 7)
    assert folded.original_range(1, 3) == (2, 6)


def test_characters_outside_the_basic_plane_keep_their_offsets():
    text = "😀 أحمد"
    assert find_all("احمد", text) == [(2, 6)]


def test_query_script_picks_the_language():
    assert query_script("أحمد") == "arabic"
    assert query_script("Ahmed") == "latin"
    assert query_script("12%") == "neutral"


def test_shorten_keeps_short_titles_and_cuts_long_ones_at_a_word():
    assert shorten("  A short\n title ") == "A short title"
    long = "Officials say the reconstruction of the old quarter will take three more years"
    short = shorten(long)
    assert len(short) <= 60
    assert short.endswith("…")
    assert long.startswith(short[:-1])
    assert long[len(short) - 1] == " "  # the cut is between words
    assert shorten("x" * 80) == "x" * 59 + "…"
