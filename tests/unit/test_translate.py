"""The Translator on the tiny random-weight pack: streaming, batching, cancel, cache.

The weights are random, so nothing here judges what the translations say.
"""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest

from tarjama.core.errors import Cancelled, PackError
from tarjama.core.packs import load_pack
from tarjama.core.translate import TranslationOptions, Translator, machine_threads
from tarjama.core.translate_ahead import AHEAD
from tarjama.core.translate_windows import reading_windows

SENTENCES = [
    "قال الوزير إن الحكومة ستفتح الطريق إلى المدينة يوم الاثنين.",
    "",
    "أعلن الجيش عن مقتل 12 شخصا في دير الزور.",
    "   ",
    "وصل اللاجئون إلى الحدود.",
    "قال الوزير إن الحكومة ستفتح الطريق إلى المدينة يوم الاثنين.",
    "طالب المجلس بالإفراج عن الصحفيين المعتقلين منذ الشهر الماضي في العاصمة والمحافظات.",
    "نعم.",
]
# Small limits keep the random model quick and force several batches.
FAST = TranslationOptions(max_decoding_length=24, max_batch_tokens=40)


@pytest.fixture
def pack(tiny_pack):
    return load_pack(tiny_pack)


class EngineCounter:
    """Counts calls that reach CTranslate2 by wrapping the loaded engine."""

    def __init__(self, translator: Translator) -> None:
        self.calls = 0
        self.collected = 0  # calls whose results the translator has waited for
        self.sentences = 0
        engine = translator.engine
        translator._engine = self  # type: ignore[assignment]  # the one seam the test needs
        self._engine = engine

    def translate_batch(self, tokens, **kwargs):
        self.calls += 1
        self.sentences += len(tokens)
        outputs = self._engine.translate_batch(tokens, **kwargs)
        if kwargs.get("asynchronous"):
            outputs[-1] = CountedResult(outputs[-1], self)
        return outputs


class CountedResult:
    """The last pending result of a call: waiting for it means the call is collected."""

    def __init__(self, pending, counter: EngineCounter) -> None:
        self._pending = pending
        self._counter = counter

    def result(self):
        self._counter.collected += 1
        return self._pending.result()


def test_translates_every_sentence_in_order(pack):
    translator = Translator(pack, FAST)
    streamed: list[tuple[int, str]] = []
    reports: list[tuple[int, int]] = []
    results = translator.translate(SENTENCES, on_result=lambda i, t: streamed.append((i, t)),
                                   progress=lambda d, t: reports.append((d, t)))
    assert len(results) == len(SENTENCES)
    for source, result in zip(SENTENCES, results, strict=True):
        assert (result == "") == (source.strip() == "")
    assert streamed == list(enumerate(results))
    assert results[0] == results[5]  # the same sentence twice is translated once
    assert reports[-1] == (len(SENTENCES), len(SENTENCES))
    assert [d for d, _ in reports] == sorted(d for d, _ in reports)
    stats = translator.last_stats
    assert (stats.sentences, stats.empty, stats.translated) == (8, 2, 5)
    assert stats.batches > 1


def test_streaming_waits_for_earlier_sentences(pack):
    translator = Translator(pack, FAST)
    counter = EngineCounter(translator)
    seen_at_call: list[tuple[int, int]] = []  # calls handed to the engine, collected
    streamed: list[int] = []

    def record(index: int, _text: str) -> None:
        streamed.append(index)
        seen_at_call.append((counter.calls, counter.collected))

    # A first window of one batch (as the reader asks): without it these few sentences
    # are one window, the rest being no larger than it, and come back together.
    translator.translate(SENTENCES, on_result=record, opening=(1,))
    assert streamed == list(range(len(SENTENCES)))
    # Results arrive while later batches are still to come, never before their turn; the
    # engine is handed at most AHEAD calls beyond the one collected.
    handed, collected = seen_at_call[0]
    assert collected == 1 < counter.calls
    assert handed <= 1 + AHEAD
    assert counter.calls == counter.collected == translator.last_stats.batches


def test_each_streamed_engine_call_is_one_full_batch_of_a_reading_order_window(pack):
    translator = Translator(pack, FAST)
    keys = [f"{s.strip()} {n}" for n in range(20) for s in dict.fromkeys(SENTENCES) if s.strip()]
    tokens = {k: translator.tokenize(k) for k in keys}
    lengths = [len(tokens[k]) for k in keys]
    windows = [keys[w.start:w.stop] for w in reading_windows(
        lengths, FAST.max_batch_tokens, opening=(1,), later=Translator.WINDOW_BATCHES,
        growth=Translator.WINDOW_GROWTH)]
    assert [k for window in windows for k in window] == keys  # reading order, each once
    calls = list(translator._engine_calls(keys, tokens, True, opening=(1,)))
    assert sorted(k for call in calls for k in call) == sorted(keys)
    for call in calls:  # padded to its longest sentence, a call fits the engine's budget
        assert len(call) == 1 or len(call) * max(len(tokens[k]) for k in call) <= \
            FAST.max_batch_tokens
    # Each call holds sentences of one window: the windows are consumed in order.
    window_of = {k: n for n, window in enumerate(windows) for k in window}
    owners = [{window_of[k] for k in call} for call in calls]
    assert all(len(owner) == 1 for owner in owners)
    assert [min(owner) for owner in owners] == sorted(min(owner) for owner in owners)
    # The windows grow: the later ones hold more sentences than the first ones.
    assert len(windows) >= 3
    assert len(windows[-1]) > len(windows[1]) >= len(windows[0])
    assert list(translator._engine_calls(keys, tokens, False)) == [keys]
    counter = EngineCounter(translator)
    translator.translate(keys, opening=(1,))
    assert (counter.calls, counter.sentences) == (len(calls), len(keys))


def test_long_documents_stream_in_reading_order_before_the_end(pack):
    """The first sentences must not wait for the last batch of a long document."""
    options = TranslationOptions(beam_size=1, max_batch_tokens=64, use_cache=False,
                                 max_decoding_length=16)
    translator = Translator(pack, options)
    counter = EngineCounter(translator)
    # The shortest sentence comes first: a whole-document length sort would translate it last.
    document = ["نعم.", *(f"{s} {i}" for i in range(30) for s in SENTENCES if s.strip())]
    first_seen_at: list[int] = []
    translator.translate(document, on_result=lambda i, _t: i == 0 and first_seen_at.append(
        counter.calls))
    assert counter.calls > 2 * Translator.WINDOW_BATCHES
    # The first sentence arrives early, not with the last batch as a whole-document sort
    # would make it.
    assert first_seen_at[0] <= counter.calls // 3


def test_blank_input_never_touches_the_engine(pack):
    translator = Translator(pack, FAST)
    assert translator.translate(["", "  ", "\n"]) == ["", "", ""]
    assert translator.translate([]) == []
    assert not translator.engine_loaded


def test_cancel_between_batches(pack):
    translator = Translator(pack, TranslationOptions(max_decoding_length=24, max_batch_tokens=1,
                                                     use_cache=False))
    cancel = threading.Event()
    counter = EngineCounter(translator)
    reports: list[int] = []

    def on_progress(done: int, _total: int) -> None:
        reports.append(done)
        if translator.last_stats.batches == 1:
            cancel.set()

    with pytest.raises(Cancelled):
        translator.translate(SENTENCES, progress=on_progress, cancel=cancel)
    # One batch handed back; the engine had been given at most AHEAD more, and is given
    # nothing after the cancel (of five batches, the last two are never made).
    assert translator.last_stats.batches == 1
    assert counter.calls == 1 + AHEAD < 5


def test_cancel_before_start_loads_nothing(pack):
    cancel = threading.Event()
    cancel.set()
    translator = Translator(pack, FAST)
    with pytest.raises(Cancelled, match="cancelled"):
        translator.translate(SENTENCES, cancel=cancel)
    assert not translator.engine_loaded


def test_second_run_comes_from_the_cache(pack, monkeypatch):
    first = Translator(pack, FAST)
    counter = EngineCounter(first)
    expected = first.translate(SENTENCES)
    assert counter.sentences == 5

    import ctranslate2

    def no_engine(*_args, **_kwargs):
        raise AssertionError("the engine must not be loaded when every sentence is cached")

    monkeypatch.setattr(ctranslate2, "Translator", no_engine)
    second = Translator(pack, FAST)
    streamed: list[int] = []
    assert second.translate(SENTENCES, on_result=lambda i, _t: streamed.append(i)) == expected
    assert streamed == list(range(len(SENTENCES)))
    assert not second.engine_loaded
    assert (second.last_stats.cached, second.last_stats.translated) == (6, 0)


def test_cache_is_keyed_by_decoding_settings(pack):
    Translator(pack, FAST).translate(SENTENCES[:1])
    wider = Translator(pack, TranslationOptions(max_decoding_length=24, max_batch_tokens=40,
                                                beam_size=1))
    wider.translate(SENTENCES[:1])
    assert wider.last_stats.translated == 1


def test_cache_can_be_turned_off(pack):
    options = TranslationOptions(max_decoding_length=24, use_cache=False)
    Translator(pack, options).translate(SENTENCES[:1])
    again = Translator(pack, options)
    counter = EngineCounter(again)
    again.translate(SENTENCES[:1])
    assert counter.calls == 1


def test_count_tokens_matches_the_pieces(pack):
    translator = Translator(pack, FAST)
    text = SENTENCES[2]
    assert translator.count_tokens(text) == len(translator.tokenize(text)) > 3
    assert translator.count_tokens("") == 0


def test_old_marian_conversion_gets_end_of_sentence_appended(tiny_pack, tmp_path):
    copy = Path(shutil.copytree(tiny_pack, tmp_path / "old"))
    config = json.loads((copy / "config.json").read_text(encoding="utf-8"))
    assert config["add_source_eos"] is True  # the fixture matches today's converter
    config["add_source_eos"] = False
    (copy / "config.json").write_text(json.dumps(config), encoding="utf-8")
    translator = Translator(load_pack(copy), FAST)
    assert translator.tokenize("نعم")[-1] == "</s>"
    assert translator.translate(["نعم"])[0]
    assert Translator(load_pack(tiny_pack), FAST).tokenize("نعم")[-1] != "</s>"


def test_argos_layout_translates(tmp_path):
    from tarjama.devtools.fixture_pack import build_pack

    pack = load_pack(build_pack(tmp_path / "argos", size="tiny", layout="argos"))
    translator = Translator(pack, FAST)
    assert translator.tokenize("نعم")[-1] != "</s>"
    results = translator.translate(SENTENCES[:3])
    assert results[0]
    assert results[1] == ""
    assert results[2]


def test_broken_model_gives_a_pack_error(tiny_pack, tmp_path):
    copy = Path(shutil.copytree(tiny_pack, tmp_path / "broken"))
    (copy / "model.bin").write_bytes(b"\x00garbage" * 100)
    translator = Translator(load_pack(copy), FAST)
    with pytest.raises(PackError, match=r"cannot be loaded.*reinstall"):
        translator.translate(SENTENCES[:1])


def test_the_model_is_made_in_a_thread_of_its_own(pack, monkeypatch):
    """Made in the main thread, a model translated some 30 % slower
    (benchmarks/engine_thread.py): the translator makes it elsewhere, from any caller."""
    import threading

    import ctranslate2

    real = ctranslate2.Translator
    makers: list[threading.Thread] = []

    def recording(*args, **kwargs):
        makers.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(ctranslate2, "Translator", recording)
    translator = Translator(pack, FAST)
    assert translator.translate(SENTENCES[:1])[0]
    assert len(makers) == 1
    assert makers[0] is not threading.main_thread()
    assert makers[0] is not threading.current_thread()
    assert not makers[0].is_alive()  # gone once the model is made


def test_engine_settings(pack):
    translator = Translator(pack, TranslationOptions(compute_type="float16", device="cuda"))
    translator.engine  # noqa: B018  # loading is the point
    import ctranslate2

    if ctranslate2.get_cuda_device_count() == 0:
        assert translator.device == "cpu"
        assert translator.compute_type in ctranslate2.get_supported_compute_types("cpu")
    assert translator.threads == machine_threads()
    assert translator.batch_options()["batch_type"] == "tokens"


def test_batches_side_by_side_run_one_per_thread_and_translate_the_same(pack):
    """The batch's engine: as many CTranslate2 workers as threads, one thread each, and
    the very same translations as one batch at a time on every thread."""
    options = dict(max_decoding_length=24, max_batch_tokens=40, threads=2, use_cache=False)
    together = Translator(pack, TranslationOptions(**options))
    apart = Translator(pack, TranslationOptions(**options, batches_side_by_side=True))
    assert together.engine.num_translators == 1
    assert apart.engine.num_translators == 2
    sentences = SENTENCES * 6  # several engine batches of 40 tokens
    expected = together.translate(sentences, stream=False)
    assert apart.translate(sentences, stream=False) == expected
    assert apart.last_stats.translated == together.last_stats.translated > 4


def test_without_streaming_everything_goes_to_one_engine_call(pack):
    translator = Translator(pack, TranslationOptions(beam_size=1, max_batch_tokens=64,
                                                     use_cache=False, max_decoding_length=16))
    counter = EngineCounter(translator)
    document = [f"{s} {i}" for i in range(6) for s in SENTENCES if s.strip()]
    streamed = translator.translate(document)
    calls_streaming = counter.calls
    whole = translator.translate(document, stream=False)
    assert calls_streaming > 1
    assert counter.calls == calls_streaming + 1
    assert len(whole) == len(streamed) == len(document)
    assert translator.translate([" ", ""], stream=False) == ["", ""]
    assert counter.calls == calls_streaming + 1  # blank input never reaches the engine


def test_each_translation_carries_its_score_in_order(pack):
    translator = Translator(pack, FAST)
    seen: list[tuple[int, object]] = []
    texts = translator.translate(SENTENCES, on_translation=lambda i, t: seen.append((i, t)))
    assert [i for i, _ in seen] == list(range(len(SENTENCES)))
    assert [t.text for _, t in seen] == texts
    for sentence, (_, translation) in zip(SENTENCES, seen, strict=True):
        if sentence.strip():
            assert translation.score is not None
            assert translation.score <= 0
        else:
            assert translation.score is None
            assert translation.text == ""
    # Identical sentences are translated once and share their score.
    assert seen[0][1] == seen[5][1]


def test_decoding_asks_for_scores_and_for_unknowns_to_be_replaced(pack):
    options = Translator(pack, FAST).batch_options()
    assert options["return_scores"] is True
    assert options["replace_unknowns"] is True
