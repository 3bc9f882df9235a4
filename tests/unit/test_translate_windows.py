"""Where a streamed translation cuts its engine calls: reading order, whole engine batches."""

from __future__ import annotations

from tarjama.core.translate_windows import engine_batches, reading_windows

BUDGET = 2048


def test_batches_are_counted_as_the_engine_fills_them_longest_first():
    assert engine_batches([], BUDGET) == 0
    assert engine_batches([100] * 20, BUDGET) == 1  # 20 x 100 padded tokens fit
    assert engine_batches([100] * 21, BUDGET) == 2
    # The longest sets a batch's padded width: 10 of 200 fill one, the short ones another.
    assert engine_batches([200] * 10 + [10] * 5, BUDGET) == 2
    assert engine_batches([5000], BUDGET) == 1  # too long for the budget: alone


def test_windows_cover_the_sentences_in_reading_order_and_end_on_full_batches():
    lengths = [20 + (n * 37) % 130 for n in range(300)]  # short and long mixed
    windows = list(reading_windows(lengths, BUDGET, opening=(1,), later=2))
    assert windows[0].start == 0
    assert [w.start for w in windows[1:]] == [w.stop for w in windows[:-1]]
    assert windows[-1].stop == len(lengths)
    assert engine_batches([lengths[i] for i in windows[0]], BUDGET) == 1
    for window in windows[1:-1]:
        assert engine_batches([lengths[i] for i in window], BUDGET) == 2
        # one sentence more would need a third batch: no window ends part-filled
        assert engine_batches(lengths[window.start:window.stop + 1], BUDGET) == 3
    assert len(windows[1]) > len(windows[0])


def test_odd_inputs_still_give_every_sentence_one_window():
    assert list(reading_windows([], BUDGET)) == []
    assert list(reading_windows([5000, 10, 5000], BUDGET, later=1)) == [
        range(0, 1), range(1, 2), range(2, 3)]
    assert list(reading_windows([10, 10], BUDGET, opening=(1, 1, 1))) == [range(0, 2)]
