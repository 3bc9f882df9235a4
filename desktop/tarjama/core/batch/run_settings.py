"""The digest of everything that changes a batch article's outputs (records carry it).

An article whose record has the same digest is done; any other is redone. Settings
added later are named only when they differ from what earlier runs did implicitly, so
records of those runs stay valid where the outputs would be the same.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from tarjama import __version__
from tarjama.core.batch.records import settings_hash

if TYPE_CHECKING:
    from tarjama.core.batch.options import BatchOptions
    from tarjama.core.translate import Translator


def settings_for(translator: Translator, options: BatchOptions) -> str:
    """The settings digest of a batch run with ``translator`` and ``options``."""
    topts = translator.options
    translation: dict[str, Any] = {"beam_size": topts.beam_size,
                                   "max_decoding_length": topts.max_decoding_length}
    if options.encoding is not None:
        # Named only when chosen, so records of earlier runs without one stay valid.
        translation["encoding"] = options.encoding
    # Repair changes translations: named always, so articles of runs before repair
    # existed are redone with it.
    translation["repair"] = options.repair
    if not getattr(topts, "normalise_digits", True):
        translation["normalise_digits"] = False
    if options.glossary is not None:
        translation["glossary"] = options.glossary.digest
    # The batch's own repair and glossary count (above); the pipeline's copies do not,
    # and a glossary is no JSON.
    summary = dataclasses.asdict(dataclasses.replace(options.pipeline, glossary=None))
    summary.pop("glossary", None)
    summary.pop("repair", None)
    return settings_hash(str(translator.pack.fingerprint), translation, options.formats,
                         summary, __version__)
