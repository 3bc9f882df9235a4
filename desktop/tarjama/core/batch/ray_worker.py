"""The Ray worker: loads the pack once, then translates windows or parts of windows (two
at a time when it has two threads or more).

Each worker is a Ray actor (made by ``ray_pool``). It opens the pack by path, so the
pack folder must be at the same path on every node (a shared filesystem), and checks
that it is the very pack the driver segmented with (same fingerprint). A worker that
cannot open it answers ``ready`` with the reason instead of dying, so the driver can
say what is wrong on which node. Ray restarts a worker killed mid-window and the
window is sent again; ``__init__`` then loads the pack again.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tarjama.core.batch.window_translation import translate_window
from tarjama.core.errors import PackError, TarjamaError

if TYPE_CHECKING:
    from tarjama.core.glossary import Glossary
    from tarjama.core.pipeline import SentenceResult
    from tarjama.core.translate import TranslationOptions, Translator
    from tarjama.core.translate_result import Translation

SHARED_PATH_HINT = ("packs reach Ray workers by path: put the pack folder on a "
                    "filesystem every node mounts at the same path")


class WindowWorker:
    """One pack, loaded once; ``translate`` runs the batch's own per-window step, in
    as many threads at once as the actor's ``max_concurrency`` (``ray_pool``): the
    translator takes concurrent calls."""

    def __init__(self, pack_path: str, fingerprint: str, options: TranslationOptions,
                 repair: bool, glossary: Glossary | None) -> None:
        self._repair = repair
        self._glossary = glossary
        self._problem = ""
        self._translator: Translator | None = None
        try:
            self._translator = _load(pack_path, fingerprint, options)
        except TarjamaError as exc:
            self._problem = f"the Ray worker on {platform.node()}: {exc}"

    def ready(self) -> dict[str, Any]:
        """Where this worker runs and how, once its pack is loaded.

        Raises:
            PackError: the pack cannot be opened here (the reason names the node).
        """
        if self._translator is None:
            raise PackError(self._problem)
        return {"pid": os.getpid(), "host": platform.node(),
                "device": self._translator.device,
                "compute_type": self._translator.compute_type,
                "threads": self._translator.threads}

    def translate(self, results: Sequence[SentenceResult]) -> list[Translation]:
        """A window's sentences, or a part's (``window_parts``), translated as the local
        batch translates a window."""
        if self._translator is None:
            raise PackError(self._problem)
        return translate_window(self._translator, results, repair=self._repair,
                                glossary=self._glossary)

    def pid(self) -> int:
        return os.getpid()


def _load(pack_path: str, fingerprint: str, options: TranslationOptions) -> Translator:
    from tarjama.core.packs import load_pack
    from tarjama.core.translate import Translator

    if not os.path.isdir(pack_path):
        raise PackError(f"the pack folder {pack_path} is not there ({SHARED_PATH_HINT})")
    pack = load_pack(pack_path)
    if pack.fingerprint != fingerprint:
        raise PackError(f"the pack at {pack_path} is not the driver's (another version or "
                        f"copy: {pack.fingerprint} here, {fingerprint} on the driver)")
    translator = Translator(pack, options)
    translator.engine  # noqa: B018 - load the model now, once, not in the first window
    return translator
