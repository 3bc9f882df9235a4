"""Model families: the special tokens each kind of model needs around a sentence.

A Marian (OPUS-MT) model reads the source pieces followed by ``</s>`` and writes
English from the start; multilingual models need to be told the languages:

* ``marian`` -- OPUS-MT conversions and most Argos packages: pieces, then ``</s>``
  when the conversion does not add it itself; no target prefix.

The translator (``core/translate.py``) asks ``family_of(pack)`` once and wraps every
sentence with ``source_prefix`` and ``source_suffix``, gives CTranslate2
``target_prefix`` (when not empty) and drops ``output_dropped`` from what comes back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from tarjama.core.packs.pack import Pack

MARIAN = "marian"


@dataclass(frozen=True)
class ModelFamily:
    name: str                              # "marian", ...
    source_prefix: tuple[str, ...] = ()    # pieces before the sentence's own
    source_suffix: tuple[str, ...] = ()    # pieces after them ("</s>")
    target_prefix: tuple[str, ...] = ()    # what the decoder is forced to start with
    output_dropped: frozenset[str] = frozenset()  # pieces never shown in the English


def family_of(pack: Pack) -> ModelFamily:
    """The family of ``pack``, from its metadata and its conversion's config."""
    return ModelFamily(MARIAN, source_suffix=("</s>",) if _needs_source_eos(pack) else ())


def _needs_source_eos(pack: Pack) -> bool:
    """Marian models expect </s> after the source; recent conversions add it themselves."""
    if pack.layout != "opus-mt":
        return False
    try:
        config = json.loads((pack.model_dir / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    return not (isinstance(config, dict) and config.get("add_source_eos"))
