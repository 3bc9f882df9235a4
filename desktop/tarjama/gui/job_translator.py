"""The article jobs' translator and the interpreter settings that keep the window going.

The translator is kept between jobs and its model loaded while the Arabic is prepared;
the garbage collector and the GIL are set so that a job's Python work does not stop the
GUI thread (see worker.py).
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import threading
from typing import TYPE_CHECKING, Any

from tarjama.core.errors import PackError

if TYPE_CHECKING:
    from tarjama.gui.worker import JobRequest

# How long a thread running Python keeps the GIL while another waits for it. A job thread
# segments, finds figures and summarises in Python; each call of the GUI thread into
# Python meanwhile (a slot, an event filter, a paint handler) waited up to the default
# 5 ms. And PySide releases the GIL around most calls into Qt (QColor(), QTextBlock.next(),
# QPainter.drawLine...): each such call then waits for it again, on average a tenth of
# this interval (benchmarks/gil_handoff.py: 1-2 us alone, ~120 us at 1 ms, ~40 us at
# 0.2 ms), so a repaint of a few hundred calls was blocked 30-40 ms at 1 ms.
GIL_SWITCH_SECONDS = 0.0002
# The niceness of the job thread and of CTranslate2's threads (made by the thread that
# loads the model, whose niceness they inherit). On two cores the engine's two threads
# and the GUI thread compete; the window asks little (a few percent of the CPU) but must
# get it at once, so the scheduler lets it go first. Alone, the engine still gets every
# core: niceness only decides who waits when both want one.
JOB_NICENESS = 10


class TranslatorCache:
    """The translator of the last job, reused while the pack and options stay the same.

    Only the pool thread calls ``get``, so the translator is never shared.
    """

    def __init__(self) -> None:
        self._key: tuple[Any, ...] | None = None
        self._translator: Any = None
        self.generation = 0  # bumped by forget() from the main thread

    def forget(self) -> None:
        """Load the model again on the next job, and let go of this one now: a job still
        running keeps its own reference, and a second model alive in the process slows
        both (two engines: 8.0 s against 5.7 s for the same call)."""
        self.generation += 1
        self._translator = None

    def get(self, request: JobRequest) -> Any:
        from tarjama.core.packs import resolve_pack
        from tarjama.core.translate import TranslationOptions, Translator

        pack = resolve_pack(request.pack_spec)  # PackError when there is none
        key = (str(pack.path), request.beam_size, request.normalise_digits, self.generation)
        if key != self._key:
            self._translator = None  # release the old model before loading another
            self._translator = Translator(pack, TranslationOptions(
                beam_size=request.beam_size, normalise_digits=request.normalise_digits))
            self._key = key
        return self._translator


def run_in_background(task: int | None = None) -> None:
    """Lower the calling thread's scheduling priority (and that of threads it starts), or
    that of ``task``, a thread or process id (a reader process).

    Linux and the BSDs give each thread its own niceness; elsewhere this does nothing.
    """
    if not hasattr(os, "setpriority"):
        return
    with contextlib.suppress(OSError, AttributeError):
        thread = threading.get_native_id() if task is None else task
        os.setpriority(os.PRIO_PROCESS, thread, max(os.getpriority(os.PRIO_PROCESS, thread),
                                                    JOB_NICENESS))


def load_engine_aside(translator: Any) -> None:
    """Load the model in a thread of its own while the Arabic is prepared.

    CTranslate2 releases the GIL while it loads, so segmenting goes on meanwhile, and
    the first slice finds the model ready (``Translator.engine`` waits for a load under
    way). A load that fails is left to that first slice, which reports it.
    """
    if translator.engine_loaded:
        return

    def load() -> None:
        run_in_background()  # before the model's threads are made: they inherit it
        with contextlib.suppress(PackError):  # the first slice loads it again and says why
            translator.engine  # noqa: B018 - the property loads the model

    threading.Thread(target=load, name="tarjama-model-load", daemon=True).start()


def load_translator(cache: TranslatorCache, request: JobRequest) -> Any:
    """The request's translator, its model loading aside; the exception if it has none
    (a ``PackError`` when no pack is installed), to be reported after the file opened."""
    try:
        translator = cache.get(request)
    except Exception as exc:
        return exc
    load_engine_aside(translator)
    return translator


_frozen = False


def freeze_startup_objects() -> None:
    """Once per process: leave what start-up made (modules, widgets) out of collections.

    A full collection of the cyclic garbage collector visited every object of the
    libraries and took 60 ms and more, in the GUI thread or, holding the GIL, in the
    job's; the GUI stopped for as long. Objects made before the first job are not
    garbage, so ``gc.freeze`` moves them out of its sight: later collections visit the
    articles' objects only. Called from the job, after the translation modules loaded.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


def share_the_gil() -> None:
    """Let the GUI thread have the GIL within about a millisecond of asking for it."""
    if sys.getswitchinterval() > GIL_SWITCH_SECONDS:
        sys.setswitchinterval(GIL_SWITCH_SECONDS)
