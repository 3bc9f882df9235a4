"""The article job and the engine's threads yield to the window when both want a core."""

from __future__ import annotations

import os
import threading

import pytest

from tarjama.gui.job_translator import JOB_NICENESS, run_in_background

pytestmark = pytest.mark.skipif(not hasattr(os, "setpriority"),
                                reason="no per-thread niceness on this platform")


def niceness() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_job_thread_and_the_threads_it_starts_run_in_the_background():
    seen: dict[str, int] = {}

    def engine_thread() -> None:  # as CTranslate2's, made after the job lowered itself
        seen["engine"] = niceness()

    def job() -> None:
        seen["before"] = niceness()
        run_in_background()
        seen["job"] = niceness()
        child = threading.Thread(target=engine_thread)
        child.start()
        child.join()

    main_before = niceness()
    worker = threading.Thread(target=job)
    worker.start()
    worker.join()
    assert seen["job"] == max(seen["before"], JOB_NICENESS)
    assert seen["engine"] == seen["job"]
    assert niceness() == main_before  # the GUI thread keeps its priority
