"""A window cut into runs of its engine batches, translated apart and put together again,
gives the bytes of the whole window translated in one place (what lets Ray workers share
a window, ``core/batch/window_parts.py``)."""

from __future__ import annotations

import pytest

from tarjama.core.batch.window_parts import joined_parts, window_parts
from tarjama.core.batch.window_translation import translate_window
from tarjama.core.figures import extract_arabic
from tarjama.core.pipeline import SentenceResult
from tarjama.core.segment import Sentence
from tarjama.core.translate_result import BLANK
from tarjama.devtools.figure_sentences import arabic_sentences


@pytest.fixture(scope="module")
def translator(tiny_pack):
    from tarjama.core.packs import load_pack
    from tarjama.core.translate import TranslationOptions, Translator

    # A small token budget: forty sentences make many engine batches.
    options = TranslationOptions(max_decoding_length=24, use_cache=False, beam_size=2,
                                 max_batch_tokens=96)
    return Translator(load_pack(tiny_pack), options)


def window() -> list[SentenceResult]:
    """Forty sentences, every fourth one the same figure-free sentence, and a blank one."""
    results = arabic_sentences(40)
    blank = SentenceResult(Sentence(40, 14, 0, 1, " "), extract_arabic(" "))
    return [*results[:20], blank, *results[20:]]


def test_parts_translated_apart_give_the_whole_windows_translations(translator):
    results = window()
    whole = translate_window(translator, results, repair=True, glossary=None)
    parts = window_parts(translator, results, 3)
    apart = [translate_window(translator, [results[i] for i in part], repair=True,
                              glossary=None) for part in parts]

    assert len(parts) == 3
    assert joined_parts(translator, results, parts, apart) == whole  # scores included
    assert whole[20] == BLANK
    assert translator.last_stats.batches > 1


def test_parts_hold_each_sentence_the_engine_sees_once_in_reading_order(translator):
    results = window()
    batches = translator.engine_batches_of([r.sentence.text for r in results])
    parts = window_parts(translator, results, 3)
    placed = [index for part in parts for index in part]

    repeated = [i for i, r in enumerate(results) if r.sentence.text == results[3].sentence.text]
    assert len(repeated) == 10
    assert sorted(placed) == sorted(set(range(len(results))) - {20} - set(repeated[1:]))
    assert all(part == sorted(part) for part in parts)
    # Runs of the engine's batches, longest first, of equal counts give or take one.
    sizes = [sum(1 for b in batches if set(b) <= set(part)) for part in parts]
    assert sum(sizes) == len(batches)
    assert max(sizes) - min(sizes) <= 1


def test_a_window_of_fewer_batches_than_workers_makes_fewer_parts(translator):
    results = arabic_sentences(2)
    assert len(translator.engine_batches_of([r.sentence.text for r in results])) == 1
    assert window_parts(translator, results, 4) == [[0, 1]]
    assert window_parts(translator, [], 2) == []


def test_a_part_that_came_back_short_is_refused(translator):
    results = arabic_sentences(12)
    parts = window_parts(translator, results, 2)
    apart = [translate_window(translator, [results[i] for i in part], repair=False,
                              glossary=None) for part in parts]
    with pytest.raises(ValueError, match="came back with"):
        joined_parts(translator, results, parts, [apart[0][:-1], apart[1]])
    with pytest.raises(ValueError, match="no part translated"):
        joined_parts(translator, results, parts[:1], apart[:1])
