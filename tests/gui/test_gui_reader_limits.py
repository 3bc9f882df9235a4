"""The reader window reads each file in a child process with a time and a memory limit.

Hostile readers (tests/unit/batch_hostile_readers.py, imported by name in the child)
misbehave for files whose name holds their trigger word; the window must show the
reason, keep the article it showed, and open the next file as usual.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tarjama.core.batch.reader_process import MEMORY_LIMITS_WORK, ReadLimits
from tarjama.gui import document_reading

UNIT_TESTS = Path(__file__).resolve().parents[1] / "unit"
ODD_ARTICLE = "هذا ملف لا يقرأ كما ينبغي. وفيه 3 جمل قصيرة. وهذه الثالثة."


@pytest.fixture
def hostile(monkeypatch):
    """The hostile readers' module, importable here and in the reader process."""
    monkeypatch.syspath_prepend(str(UNIT_TESTS))  # the child inherits sys.path
    import batch_hostile_readers

    return batch_hostile_readers


@pytest.fixture
def read_with(monkeypatch):
    """Make the next window read with ``reader`` under ``limits``."""

    def use(reader, limits: ReadLimits | None = None) -> None:
        monkeypatch.setattr(document_reading, "READER", reader)
        monkeypatch.setattr(document_reading, "READ_LIMITS", limits)

    return use


def odd_file(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text(ODD_ARTICLE, encoding="utf-8")
    return path


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def noted_pid(path: Path) -> int:
    """The process id a hostile reader wrote beside ``path`` before misbehaving."""
    return int(path.with_name(path.name + ".pid").read_text(encoding="ascii"))


def shown_text(window) -> str:
    pane = window.source_pane
    return " ".join(pane.sentence_text(i) for i in range(pane.sentence_count()))


def reader_pids(window) -> list[int]:
    return window.session.worker.readers.pids()


BUDGETS = [
    pytest.param("grow_to_4_gib", ReadLimits(seconds=60, memory=1 << 30), "big-huge.ar.txt",
                 "reading needed more than 1 GiB", id="memory",
                 marks=pytest.mark.skipif(not MEMORY_LIMITS_WORK,
                                          reason="no address-space limit on this system")),
    pytest.param("hang", ReadLimits(seconds=1), "loop-hang.ar.txt",
                 "reading took longer than 1 s", id="deadline"),
    pytest.param("crash", None, "bad-crash.ar.txt",
                 "the reader process crashed (SIGSEGV)", id="crash"),
]


@pytest.mark.parametrize(("reader", "limits", "name", "reason"), BUDGETS)
def test_a_file_over_its_budget_fails_with_its_reason_and_the_next_opens(
        make_window, open_and_wait, dialogs, hostile, read_with, article_file, second_file,
        tmp_path, reader, limits, name, reason):
    read_with(getattr(hostile, reader), limits)
    window = make_window()
    open_and_wait(window, article_file)
    before = shown_text(window)
    assert "12 شخصا" in before

    bad = odd_file(tmp_path, name)
    open_and_wait(window, bad)
    assert dialogs == [("Cannot open file", f"{name} could not be opened: {reason}.")]
    assert window.job_status.status_label.text() == "Could not open the file."
    assert shown_text(window) == before  # the article that did open is still there
    assert "report.ar.txt" in window.windowTitle()
    assert not alive(noted_pid(bad))  # the child it broke was stopped ...
    assert len(reader_pids(window)) == 1  # ... and another one started at once

    open_and_wait(window, second_file)
    assert "7 قرى" in shown_text(window)
    assert "other.ar.txt" in window.windowTitle()
    assert len(dialogs) == 1


@pytest.mark.parametrize("stop", ["open another file", "cancel"])
def test_a_read_that_never_returns_is_stopped_at_once(
        qtbot, make_window, open_and_wait, dialogs, hostile, read_with, second_file, tmp_path,
        stop):
    read_with(hostile.hang, ReadLimits(seconds=None))  # no deadline: only the user ends it
    window = make_window()
    stuck = odd_file(tmp_path, "stuck-hang.ar.txt")
    window.open_file(stuck)
    pid_file = stuck.with_name(stuck.name + ".pid")
    # The child is inside the read once it has written its pid (all of it).
    qtbot.waitUntil(lambda: pid_file.exists() and pid_file.read_text(encoding="ascii")
                    .isdigit(), timeout=60000)
    hung = noted_pid(stuck)
    assert alive(hung)

    with qtbot.waitSignal(window.job_finished, timeout=60000):
        if stop == "cancel":
            window.cancel_translation()
        else:
            window.open_file(second_file)
        qtbot.waitUntil(lambda: not alive(hung), timeout=2500)
    if stop == "cancel":
        open_and_wait(window, second_file)
    assert "7 قرى" in shown_text(window)
    assert dialogs == []  # a cancelled read is no error


def test_one_reader_process_started_with_the_window_serves_consecutive_articles(
        qtbot, make_window, open_and_wait, hostile, read_with, article_file, second_file):
    read_with(hostile.whose_pid)  # its article says which process read it
    window = make_window()
    qtbot.waitUntil(lambda: bool(reader_pids(window)), timeout=60000)  # before any open
    [early] = reader_pids(window)
    assert early != os.getpid()

    readers = []
    for path in (article_file, second_file):
        open_and_wait(window, path)
        readers.append(int(re.search(r"\d+", shown_text(window))[0]))
    assert readers == [early, early]


def test_an_ordinary_article_is_read_in_the_child_and_translated(
        make_window, open_and_wait, dialogs, use_tiny_pack, article_file, monkeypatch):
    def not_here(*_args, **_kwargs):
        raise AssertionError("the window read the file in its own process")

    monkeypatch.setattr("tarjama.core.documents.read_document", not_here)
    window = make_window()
    open_and_wait(window, article_file)
    assert dialogs == []
    article = window.article
    assert len(article.sentences) == 6
    for s in article.sentences:
        assert window.source_pane.sentence_text(s.sentence.id) == s.sentence.text
        assert s.translation
        assert window.target_pane.sentence_text(s.sentence.id) == s.translation
    assert "Translated 6 sentences" in window.job_status.status_label.text()


def test_without_a_reader_process_the_window_reads_in_its_own(
        make_window, open_and_wait, dialogs, hostile, read_with, article_file, monkeypatch):
    from tarjama.core.batch import reader_process

    def no_process(*_args):
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(reader_process, "_Child", no_process)
    read_with(hostile.whose_pid)
    window = make_window()
    open_and_wait(window, article_file)
    assert dialogs == []
    assert re.search(r"\d+", shown_text(window))[0] == str(os.getpid())
    assert reader_pids(window) == []
