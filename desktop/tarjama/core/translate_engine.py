"""Loading what the translator runs: the CTranslate2 model and the SentencePiece models.

ctranslate2 and sentencepiece are imported here, when a model is loaded, never at import
time, so the desktop window opens without them.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from tarjama.core.errors import PackError
from tarjama.core.packs.pack import Pack

if TYPE_CHECKING:
    import ctranslate2
    import sentencepiece

T = TypeVar("T")

# The translator's logger: its lines ("loaded ... on cpu") keep the name they always had.
log = logging.getLogger("tarjama.core.translate")

# Preferred compute types, best first; the first one the device supports is used.
_COMPUTE_PREFERENCES = {
    "cpu": ("int8", "int8_float32", "float32"),
    "cuda": ("int8_float16", "int8_float32", "float16", "int8", "float32"),
}


def machine_threads() -> int:
    """The CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def load_engine(pack: Pack, device: str, compute_type: str, threads: int,
                side_by_side: bool = False) -> tuple[ctranslate2.Translator, str, str]:
    """The pack's CTranslate2 model, with the device and compute type actually chosen.

    On the CPU, ``threads`` run one batch at a time (intra-op threads), or with
    ``side_by_side`` as many batches at a time, one thread each; CTranslate2 hands each
    batch, the same sentences either way, to one of them, so the outputs are the same.

    Raises:
        PackError: when the model cannot be loaded, with the reason.
    """
    import ctranslate2

    if device == "auto":
        device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    elif device == "cuda" and ctranslate2.get_cuda_device_count() == 0:
        log.warning("no CUDA device found; translating on the CPU")
        device = "cpu"
    chosen = pick_compute_type(ctranslate2, device, compute_type)
    inter = threads if side_by_side and device == "cpu" else 1
    try:
        engine = made_in_own_thread(lambda: ctranslate2.Translator(
            str(pack.model_dir), device=device, compute_type=chosen,
            intra_threads=threads // inter, inter_threads=inter))
    except (RuntimeError, ValueError, OSError) as error:
        raise PackError(
            f"The translation model in {pack.model_dir} cannot be loaded: {error}. "
            "The pack may be damaged; reinstall it."
        ) from error
    log.info("loaded %s on %s (%s, %d threads%s)", pack.name, device, chosen, threads,
             ", one batch each" if inter > 1 else "")
    return engine, device, chosen


def made_in_own_thread(make: Callable[[], T]) -> T:
    """``make()``, run in a short-lived thread of its own; its exception is raised here.

    A CTranslate2 model made in the process's main thread took 1.4-1.7 times as long on
    these machines as one made in any other thread, whichever thread then called it
    (``benchmarks/engine_thread.py``, 330 sentences: 19.9 s against 12.0 s), as long as
    with a second model alive beside it (19.6 s). The cause is not known (the
    floating-point mode and huge pages are the same either way); perhaps the engine's
    thread pool spins less once more of its threads are alive than there are cores.
    The reader always made its model aside; the CLI and the batch did not.
    """
    made: list[T] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            made.append(make())
        except BaseException as error:  # handed to the caller as it is
            failed.append(error)

    thread = threading.Thread(target=run, name="tarjama-engine-load", daemon=True)
    thread.start()
    thread.join()
    if failed:
        raise failed[0]
    return made[0]


def pick_compute_type(ctranslate2: Any, device: str, wanted: str) -> str:
    """``wanted`` when the device supports it, else the best the device offers."""
    supported = set(ctranslate2.get_supported_compute_types(device))
    if wanted != "auto" and wanted in supported:
        return wanted
    if wanted != "auto":
        log.warning("compute type %s is not supported on %s; choosing another", wanted, device)
    for candidate in _COMPUTE_PREFERENCES.get(device, ()):
        if candidate in supported:
            return candidate
    return "default"


def load_sentencepiece(pack: Pack, path: Any) -> sentencepiece.SentencePieceProcessor:
    """The tokenizer of ``pack`` at ``path``: its SentencePiece model, or for an Argos
    package with ``bpe.model`` the project's BPE reader of it; PackError when the file
    is not one."""
    if getattr(pack, "tokenizer", "sentencepiece") == "bpe":
        from tarjama.core.packs.argos_bpe import load_bpe

        return load_bpe(pack.name, path)
    import sentencepiece

    try:
        return sentencepiece.SentencePieceProcessor(model_file=str(path))
    except (OSError, RuntimeError) as error:
        raise PackError(
            f"Pack {pack.name!r} cannot be used: {path} is not a valid SentencePiece model."
        ) from error
