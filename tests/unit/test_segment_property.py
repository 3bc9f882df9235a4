"""Properties of the segmenter on generated paragraphs (hypothesis).

Whatever the paragraph, its sentences are its own text at their offsets, in order,
without overlap, without surrounding whitespace, and together they hold every
non-space character; cut sentences fit the limit; cuts never fall inside a number, a
date or a figure that fits the limit by itself (segment_cut's promise).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tarjama.core.segment import count_words, sentence_spans, split_sentences
from tarjama.core.segment_cut import figure_spans, fit_spans

# The same examples every run (derandomize), and no example database left in the work
# tree: CI must not pass or fail by chance.
SETTINGS = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

WORDS = (
    "قال", "الوزير", "إن", "د.", "أ.", "U.S.", "Dr.", "مقتل", "شخصاً", "في", "المدينة", "و",
    "نحو", "مليون", "دولار", "ألف", "آذار", "كانون الثاني", "عام", "2024", "١٥", "15/3/2024",
    "3.5", "٣٫٥", "120,000", "١٢٠٬٠٠٠", "95 %", "10 - 12", "https://example.org/a.b?c=1",
    "www.example.com.", "بي.", "سي", "إن", "إن.",
)
MARKS = (".", "!", "?", "؟", "…", "...", "?!", "،", "؛", ":", '"', "«", "»", "(", ")", "[",
         "]", "“", "”", "'", "\n", "\r\n", "\u2029", " ", "  ", "\t", "\u00a0", "ـ")
pieces = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS), st.text(max_size=4))
paragraphs = st.lists(pieces, max_size=60).map(" ".join) | st.text(max_size=200)


def check_cover(paragraph: str, spans: list[tuple[int, int]]) -> None:
    """The spans are in order, disjoint, stripped, non-empty, and leave only spaces out."""
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(paragraph)
        assert paragraph[position:start].strip() == ""
        piece = paragraph[start:end]
        assert piece
        assert piece.strip() == piece
        position = end
    assert paragraph[position:].strip() == ""


@SETTINGS
@given(st.lists(paragraphs, max_size=4))
def test_sentences_are_the_paragraphs_text_in_order(texts):
    sentences = split_sentences(texts)
    assert [s.id for s in sentences] == list(range(len(sentences)))
    assert [s.paragraph for s in sentences] == sorted(s.paragraph for s in sentences)
    for index, paragraph in enumerate(texts):
        own = [s for s in sentences if s.paragraph == index]
        for sentence in own:
            assert paragraph[sentence.start:sentence.end] == sentence.text
        check_cover(paragraph, [(s.start, s.end) for s in own])


@SETTINGS
@given(paragraphs)
def test_sentence_spans_cover_the_paragraph(paragraph):
    check_cover(paragraph, sentence_spans(paragraph))


@SETTINGS
@given(paragraphs, st.integers(min_value=1, max_value=12))
def test_cut_sentences_fit_the_limit(paragraph, limit):
    # Counted in characters, the limit is reached inside words too: the last resort
    # cuts between characters, and a piece of one character is allowed to exceed it.
    for sentence in split_sentences([paragraph], max_tokens=limit, count_tokens=len):
        assert len(sentence.text) <= limit or len(sentence.text) == 1
    for sentence in split_sentences([paragraph], max_tokens=max(2, limit)):
        assert count_words(sentence.text) <= max(2, limit) or len(sentence.text.split()) == 1


@SETTINGS
@given(paragraphs, st.integers(min_value=2, max_value=12))
def test_cuts_never_fall_inside_a_figure_that_fits(paragraph, limit):
    for start, end in sentence_spans(paragraph):
        pieces = fit_spans(paragraph, start, end, count_words, limit)
        check_cover(paragraph[start:end], [(a - start, b - start) for a, b in pieces])
        cuts = [piece[1] for piece in pieces[:-1]] + [piece[0] for piece in pieces[1:]]
        for figure_start, figure_end in figure_spans(paragraph, start, end):
            if count_words(paragraph[figure_start:figure_end]) <= limit:
                assert not any(figure_start < cut < figure_end for cut in cuts), (
                    paragraph[figure_start:figure_end], pieces)
