"""``tarjama --self-test``: prove an installation works, headless, in a few seconds.

Reads the bundled sample article (written by the project), translates it with the
given pack, summarises it and checks its figures. Prints one line per step and
returns 0 only when every step worked; a packaged build runs the same code.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO

from tarjama.core.errors import EXIT_FAILURE, EXIT_OK, TarjamaError

# Figures the sample states, by canonical value: the extractor must find each of them.
EXPECTED_FIGURES = {"2024-03-03", "320 m", "18 months", "4500000 USD", "12000", "40 km", "85%",
                    "37 years", "dozens"}


def run_self_test(pack: str | None = None, out: TextIO | None = None) -> int:
    out = out if out is not None else sys.stdout
    state: dict[str, object] = {}

    def step(label: str, action: Callable[[], str]) -> bool:
        started = time.perf_counter()
        try:
            detail = action()
        except TarjamaError as exc:
            out.write(f"FAIL  {label}: {exc}\n")
            return False
        except Exception as exc:  # the point of a self-test is to report anything broken
            out.write(f"FAIL  {label}: {type(exc).__name__}: {exc}\n")
            return False
        out.write(f"ok    {label} ({time.perf_counter() - started:.2f}s) {detail}\n")
        return True

    def read() -> str:
        from tarjama.core.documents import read_document
        from tarjama.resources import resource_path

        document = read_document(resource_path("samples", "selftest.ar.txt"))
        state["document"] = document
        return f"{len(document.paragraphs)} paragraphs"

    def load() -> str:
        from tarjama.core.packs import resolve_pack
        from tarjama.core.translate import TranslationOptions, Translator

        found = resolve_pack(pack)
        state["translator"] = Translator(found, TranslationOptions(use_cache=False))
        return f"{found.info.name} from {found.path}"

    def analyse() -> str:
        from tarjama.core.pipeline import analyse_document

        result = analyse_document(state["document"], state["translator"],  # type: ignore[arg-type]
                                  cancel=threading.Event())
        state["result"] = result
        if not result.sentences or any(s.translation is None for s in result.sentences):
            raise RuntimeError("some sentences were not translated")
        return f"{len(result.sentences)} sentences, {result.stats.words_per_second:.0f} words/s"

    def summary() -> str:
        ids = state["result"].summary.sentence_ids  # type: ignore[attr-defined]
        if not ids:
            raise RuntimeError("the summary is empty")
        return f"sentences {list(ids)}"

    def figures() -> str:
        found = {f.value for s in state["result"].sentences  # type: ignore[attr-defined]
                 for f in s.source_figures}
        missing = sorted(EXPECTED_FIGURES - found)
        if missing:
            raise RuntimeError(f"figures not found in the sample: {', '.join(missing)}")
        return f"{len(found)} distinct figures"

    steps = [("read the sample article", read), ("load the translation pack", load),
             ("translate and check figures", analyse), ("summarise", summary),
             ("find the key figures", figures)]
    for label, action in steps:
        if not step(label, action):
            out.write("self-test failed\n")
            return EXIT_FAILURE
    out.write("self-test passed\n")
    return EXIT_OK
