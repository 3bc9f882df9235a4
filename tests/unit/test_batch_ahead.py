"""The local batch keeps the engine busy: two windows are translated in engine threads
while the driver delivers the one before them and reads the next (``core/batch/batch_ahead.py``).

Overlap is shown by the order of events, not by timings: the translator below is the
real one, and each of its calls waits until the driver has read the next window's
article, which a batch that reads only between engine calls never does.
"""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest

from folder_bytes import tree_bytes
from tarjama.core.batch import BatchOptions, outputs, run_batch
from tarjama.core.batch.discover import STATE_DIR_NAME
from tarjama.core.documents import read_document
from tarjama.core.errors import PackError
from tarjama.core.translate import Translator

# Written for these tests.
SENTENCES = [
    "أعلنت البلدية أن {n} مدارس ستفتح أبوابها الأسبوع المقبل بعد الترميم.",
    "وقال مسؤول إن أعمال الصيانة كلفت نحو 200 ألف دولار.",
]
GUARD_SECONDS = 30  # only so that a batch without read-ahead fails instead of hanging
ENGINE_THREAD = "tarjama-batch-engine"


@pytest.fixture(scope="module")
def pack(tiny_pack):
    from tarjama.core.packs import load_pack

    return load_pack(tiny_pack)


class WatchedTranslator(Translator):
    """The real translator, noting when each engine call starts and ends; ``before_call``
    and ``after_call`` run before and after its engine work (in the engine thread)."""

    def __init__(self, pack, events: list, before_call=None, after_call=None) -> None:
        from tarjama.core.translate import TranslationOptions

        super().__init__(pack, TranslationOptions(max_decoding_length=16, use_cache=False,
                                                  beam_size=1))
        self.events = events
        self.before_call = before_call
        self.after_call = after_call
        self.calls = self.active = self.most_active = 0
        self._counting = threading.Lock()

    def translate(self, sentences, **kwargs):
        with self._counting:
            number, self.calls = self.calls, self.calls + 1
            self.active += 1
            self.most_active = max(self.most_active, self.active)
            self.events.append(("start", number))
        try:
            if self.before_call is not None:
                self.before_call(number, kwargs.get("cancel"))
            texts = super().translate(sentences, **kwargs)
            if self.after_call is not None:
                self.after_call(number, kwargs.get("cancel"))
            return texts
        finally:
            with self._counting:
                self.active -= 1
                self.events.append(("end", number))


def articles(root: Path, count: int) -> Path:
    root.mkdir()
    for n in range(count):
        text = "\n\n".join(s.format(n=n) for s in SENTENCES)
        (root / f"n{n}.txt").write_text(text + "\n", encoding="utf-8")
    return root


def records(out: Path) -> list[str]:
    return sorted(p.name for p in (out / STATE_DIR_NAME / "records").rglob("*")
                  if p.is_file())


def engine_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(ENGINE_THREAD)]


class InTurnEngine:
    """Windows translated and delivered one after the other: the batch before read-ahead."""

    name = "in-turn"

    def run(self, windows, job, cancel) -> None:
        for window in windows:
            job.deliver(window, job.translations(window, cancel))


class RecordingReader:
    """Reads in this process, noting each file read and letting waiters know."""

    def __init__(self, events: list, count: int) -> None:
        self.events = events
        self.read_done = [threading.Event() for _ in range(count)]

    def __call__(self, path: Path, encoding=None):
        self.events.append(("read", path.name))
        document = read_document(path, encoding=encoding)
        self.read_done[int(path.stem.removeprefix("n"))].set()
        return document


def options_with(reader, formats=("txt", "json")) -> BatchOptions:
    # One article a window, read in this process so the reader can take notes.
    return BatchOptions(formats=formats, window_sentences=1, isolate_reading=False,
                        reader=reader)


def test_the_next_window_is_read_while_the_engine_translates(tmp_path, pack):
    count = 4
    events: list = []
    reader = RecordingReader(events, count)
    waited = []

    def wait_for_the_next_read(number, _cancel):
        if number + 1 < count:
            waited.append(reader.read_done[number + 1].wait(GUARD_SECONDS))

    translator = WatchedTranslator(pack, events, wait_for_the_next_read)
    src = articles(tmp_path / "in", count)
    report = run_batch(src, tmp_path / "out", translator, options_with(reader))

    assert waited == [True] * (count - 1), "no window was read while the engine worked"
    assert report.translated == count
    assert translator.most_active <= 2, "more than two engine calls ran at once"
    for number in range(count - 1):
        # Without read-ahead the next article is read only once the call has ended.
        assert events.index(("read", f"n{number + 1}.txt")) < events.index(("end", number))
    assert engine_threads() == []

    # Byte for byte what the same windows give when translated and delivered in turn.
    again = run_batch(src, tmp_path / "in-turn", translator,
                      options_with(RecordingReader([], count)), engine=InTurnEngine())
    assert again.translated == count
    assert tree_bytes(tmp_path / "out") == tree_bytes(tmp_path / "in-turn")


def test_two_windows_are_in_flight_and_never_three(tmp_path, pack):
    """Each engine call waits until the next window's call has started: only a batch that
    keeps two calls in flight gets through (a batch with one would wait out the guard)."""
    count = 5
    started = [threading.Event() for _ in range(count)]
    waited = []

    def wait_for_the_next_call(number, _cancel):
        started[number].set()
        if number + 1 < count:
            waited.append(started[number + 1].wait(GUARD_SECONDS))

    translator = WatchedTranslator(pack, [], wait_for_the_next_call)
    src = articles(tmp_path / "in", count)
    report = run_batch(src, tmp_path / "out", translator,
                       options_with(RecordingReader([], count)))

    assert waited == [True] * (count - 1), "a window's call started only after the last ended"
    assert report.translated == count
    assert translator.most_active == 2
    assert engine_threads() == []
    # The same bytes as windows translated and delivered one after the other.
    again = run_batch(src, tmp_path / "in-turn", WatchedTranslator(pack, []),
                      options_with(RecordingReader([], count)), engine=InTurnEngine())
    assert again.translated == count
    assert tree_bytes(tmp_path / "out") == tree_bytes(tmp_path / "in-turn")


def test_steps_of_reading_ahead_come_in_plan_order(tmp_path, pack):
    """An unreadable file read while the window before it translates is recorded failed
    only after that window's articles are done, as in a batch without read-ahead."""
    src = articles(tmp_path / "in", 4)
    (src / "n2.txt").write_bytes(b"")  # empty: cannot be read
    snapshots = []
    translator = WatchedTranslator(pack, [])
    report = run_batch(src, tmp_path / "out", translator,
                       BatchOptions(formats=("txt",), window_sentences=1),
                       on_progress=lambda p: snapshots.append(
                           (p.files_done, p.files_failed)))

    assert (report.translated, report.failed) == (3, 1)
    first_failed = next(done for done, failed in snapshots if failed)
    assert first_failed == 3, "n2 failed before n0 and n1 were finished"


def test_a_full_disk_stops_the_batch_and_drops_the_window_in_flight(tmp_path, pack,
                                                                    monkeypatch):
    events: list = []
    in_flight_cancelled = []
    second_call = threading.Event()

    def full_disk(path, data, **kwargs):
        second_call.wait(GUARD_SECONDS)  # refused once window 1 is being translated
        events.append(("write refused", Path(path).name))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    def second_call_waits_for_the_full_disk(number, cancel):
        if number == 1:
            second_call.set()
            # Set by the driver once it stops (the batch's own event stays clear).
            in_flight_cancelled.append(cancel.wait(GUARD_SECONDS))

    monkeypatch.setattr(outputs, "write_atomic", full_disk)
    translator = WatchedTranslator(pack, events, second_call_waits_for_the_full_disk)
    src = articles(tmp_path / "in", 4)
    out = tmp_path / "out"
    batch_cancel = threading.Event()
    report = run_batch(src, out, translator, BatchOptions(formats=("txt",),
                                                          window_sentences=1),
                       cancel=batch_cancel)

    assert report.stopped
    assert not report.cancelled
    # Window 1 was translating when window 0's delivery met the full disk ...
    assert events.index(("start", 1)) < events.index(("write refused", "n0.en.txt"))
    # ... and was cancelled by its own event (the batch's was never set), then joined.
    assert in_flight_cancelled == [True]
    assert not batch_cancel.is_set()
    assert events[-1] == ("end", 1)
    assert translator.calls == 2
    assert engine_threads() == []
    assert records(out) == []
    assert not list(out.glob("n1*")), "the window in flight must not be delivered"


def test_an_engine_failure_stops_the_batch_after_the_window_before(tmp_path, pack):
    events: list = []

    def second_call_fails(number, _cancel):
        if number == 1:
            raise PackError("the engine broke")

    translator = WatchedTranslator(pack, events, second_call_fails)
    src = articles(tmp_path / "in", 4)
    out = tmp_path / "out"
    with pytest.raises(PackError, match="the engine broke"):
        run_batch(src, out, translator, BatchOptions(formats=("txt",), window_sentences=1))

    assert engine_threads() == []
    # Window 2 may have started before window 1's call failed; nothing started after.
    assert translator.calls in (2, 3), "windows were translated after the failure"
    assert sorted(p.name for p in out.glob("*.en.txt")) == ["n0.en.txt"]


@pytest.mark.parametrize(("when", "kept", "beside"), [
    # Before the engine's batch: the window is not translated, nor any after it.
    ("before", ["n0"], 0),
    # The engine's batch ended: the window is delivered, kept; so is the window in flight
    # beside it if its call had begun before the cancel (it runs to its end).
    ("after", ["n0", "n1"], 1),
])
def test_a_cancel_during_a_window_stops_after_the_engine_batch(tmp_path, pack, when, kept,
                                                               beside):
    cancel = threading.Event()

    def cancel_during_the_second_call(number, _cancel):
        if number == 1:
            cancel.set()

    hooks = {f"{when}_call": cancel_during_the_second_call}
    translator = WatchedTranslator(pack, [], **hooks)
    src = articles(tmp_path / "in", 5)
    out = tmp_path / "out"
    options = BatchOptions(formats=("txt", "json"), window_sentences=1)
    report = run_batch(src, out, translator, options, cancel=cancel)

    assert report.cancelled
    assert engine_threads() == []
    written = sorted(p.name.removesuffix(".en.txt") for p in out.glob("*.en.txt"))
    assert written[:len(kept)] == kept
    assert len(written) <= len(kept) + beside
    assert written == [f"n{k}" for k in range(len(written))], "kept articles are the first"
    assert records(out) == [f"{n}.txt.json" for n in written]
    assert report.translated == len(written)
    kept = written
    # What was kept is what an uninterrupted batch writes.
    full = tmp_path / "full"
    run_batch(src, full, WatchedTranslator(pack, []), options)
    for name in kept:
        for suffix in (".en.txt", ".json"):
            assert (out / (name + suffix)).read_bytes() == (full / (name + suffix)).read_bytes()
