"""Where a streamed translation cuts its engine calls: reading order, whole engine batches."""

from __future__ import annotations

from tarjama.core.translate_windows import (
    engine_batch_groups,
    engine_batches,
    reading_windows,
    streamed_calls,
)

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
    # The second window takes the last sentence: the rest is no larger than the window.
    assert list(reading_windows([5000, 10, 5000], BUDGET, later=1)) == [
        range(0, 1), range(1, 3)]
    assert list(reading_windows([5000, 10, 5000], BUDGET, opening=(1, 1, 1))) == [
        range(0, 1), range(1, 2), range(2, 3)]
    assert list(reading_windows([10, 10], BUDGET, opening=(1, 1, 1))) == [range(0, 2)]


def test_later_windows_double_and_still_end_on_full_batches():
    lengths = [20 + (n * 37) % 130 for n in range(600)]
    windows = list(reading_windows(lengths, BUDGET, opening=(1,), later=2, growth=2))
    assert [w.start for w in windows[1:]] == [w.stop for w in windows[:-1]]
    assert windows[-1].stop == len(lengths)
    batches = [engine_batches([lengths[i] for i in w], BUDGET) for w in windows]
    # 1, 2, 4, then 8 and the rest in one: the rest would have been the next window.
    assert batches[:3] == [1, 2, 4]
    assert 8 < batches[3] <= 8 + 16
    for window, allowed in zip(windows[:-1], (1, 2, 4), strict=False):
        assert engine_batches(lengths[window.start:window.stop + 1], BUDGET) == allowed + 1


def test_engine_batch_groups_fill_as_the_engine_does():
    lengths = [200] * 10 + [10] * 5 + [300, 5]
    groups = engine_batch_groups(lengths, BUDGET)
    assert len(groups) == engine_batches(lengths, BUDGET)
    assert sorted(i for group in groups for i in group) == list(range(len(lengths)))
    assert groups[0][0] == 15  # the longest opens the first batch: 2048 // 300 = 6 of them
    assert len(groups[0]) == 6
    for group in groups:
        assert len(group) * max(lengths[i] for i in group) <= BUDGET
    assert engine_batch_groups([5000, 1], BUDGET) == [[0], [1]]
    assert engine_batch_groups([], BUDGET) == []


def test_streamed_calls_are_the_batches_of_each_window_in_reading_order():
    lengths = [20 + (n * 37) % 130 for n in range(400)]
    windows = list(reading_windows(lengths, BUDGET, opening=(1,), later=2, growth=2))
    calls = list(streamed_calls(lengths, BUDGET, opening=(1,), later=2, growth=2))
    assert sorted(i for call in calls for i in call) == list(range(len(lengths)))
    assert all(call == sorted(call) for call in calls)
    assert len(calls) == sum(engine_batches([lengths[i] for i in w], BUDGET) for w in windows)
    window_of = [n for n, w in enumerate(windows) for _ in w]
    assert [window_of[call[0]] for call in calls] == sorted(window_of[call[0]] for call in calls)


def test_a_later_window_takes_a_rest_that_would_be_the_next_and_last_window():
    # 20 sentences of 100 tokens fill one batch: opening 1 batch, then 2, then 8.
    lengths = [100] * (20 + 40 + 160)
    assert list(reading_windows(lengths, BUDGET, opening=(1,), later=2, growth=4)) == [
        range(0, 20), range(20, 220)]  # the 160 left (8 batches) join the 2-batch window
    lengths = [100] * (20 + 40 + 180)
    assert list(reading_windows(lengths, BUDGET, opening=(1,), later=2, growth=4)) == [
        range(0, 20), range(20, 60), range(60, 240)]  # 180 left (9 batches): a window
    # Without growth the rest joins only a window no smaller than itself.
    assert list(reading_windows([100] * 110, BUDGET, opening=(1,), later=2)) == [
        range(0, 20), range(20, 60), range(60, 110)]  # 50 left (3 batches), then 10
    # An opening window never takes the rest: the first English stays one batch away.
    assert list(reading_windows([100] * 30, BUDGET, opening=(1,), later=2)) == [
        range(0, 20), range(20, 30)]


def test_the_last_window_is_never_a_small_pool_of_its_own():
    for count, growth in ((600, 2), (800, 4), (2000, 4)):
        lengths = [20 + (n * 37) % 130 for n in range(count)]
        windows = list(reading_windows(lengths, BUDGET, opening=(1,), later=2, growth=growth))
        assert windows[-1].stop == count
        batches = [engine_batches([lengths[i] for i in w], BUDGET) for w in windows]
        assert batches[-1] > batches[-2], (count, growth, batches)
