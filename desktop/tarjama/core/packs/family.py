"""Model families: the special tokens each kind of model needs around a sentence.

A Marian (OPUS-MT) model reads the source pieces followed by ``</s>`` and writes
English from the start; multilingual models need to be told the languages:

* ``marian`` -- OPUS-MT conversions and Argos packages: pieces, then ``</s>`` when
  the conversion does not add it itself; no target prefix. An Argos package whose
  ``metadata.json`` has a ``target_prefix`` gets that one token, as Argos gives it.
* ``nllb`` -- NLLB-200: ``arb_Arab`` + pieces + ``</s>``; the decoder is forced to
  start with ``eng_Latn``, which is dropped from the English.
* ``m2m100`` -- M2M-100: ``__ar__`` + pieces + ``</s>``; target prefix ``__en__``.
* ``madlad`` -- MADLAD-400 (T5): ``<2en>`` + pieces + ``</s>``; no target prefix
  (the decoder starts from ``<pad>``, which the conversion's config names).

The family is what ``pack.json`` says (``"family"``, with optional ``source_prefix``,
``source_suffix`` and ``target_prefix`` lists that replace the family's own), or else
it is recognised from the conversion's vocabulary: NLLB's ``eng_Latn`` and
``arb_Arab``, M2M-100's ``__en__`` and ``__ar__``, MADLAD's ``<2en>``. Argos packages
are taken as Argos itself runs them. ``load_pack`` then checks that every special token
is in the vocabulary.

The translator (``core/translate.py``) asks ``family_of(pack)`` once and wraps every
sentence with ``source_prefix`` and ``source_suffix``, gives CTranslate2
``target_prefix`` (when not empty) and drops ``output_dropped`` from what comes back.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tarjama.core.errors import PackError
from tarjama.core.packs.family_vocabulary import Vocabulary, read_vocabulary

if TYPE_CHECKING:
    from tarjama.core.packs.pack import Pack

MARIAN = "marian"
NLLB = "nllb"
M2M100 = "m2m100"
MADLAD = "madlad"
FAMILY_NAMES = (MARIAN, NLLB, M2M100, MADLAD)
# The keys of pack.json that replace a family's tokens.
TOKEN_KEYS = ("source_prefix", "source_suffix", "target_prefix")
EOS = "</s>"


@dataclass(frozen=True)
class ModelFamily:
    name: str                              # one of FAMILY_NAMES
    source_prefix: tuple[str, ...] = ()    # pieces before the sentence's own
    source_suffix: tuple[str, ...] = ()    # pieces after them ("</s>")
    target_prefix: tuple[str, ...] = ()    # what the decoder is forced to start with
    output_dropped: frozenset[str] = frozenset()  # pieces never shown in the English

    @property
    def special_tokens(self) -> tuple[str, ...]:
        return (*self.source_prefix, *self.source_suffix, *self.target_prefix)

    def describe(self) -> str:
        """``nllb: arb_Arab … </s> → eng_Latn …`` -- for ``packs info`` and the docs."""
        source = " ".join([*self.source_prefix, "…", *self.source_suffix])
        target = " ".join([*self.target_prefix, "…"])
        return f"{self.name}: {source} → {target}"


def _multilingual(name: str, source_language: str, target_language: str | None,
                  ) -> ModelFamily:
    target = (target_language,) if target_language else ()
    return ModelFamily(name, (source_language,), (EOS,), target,
                       frozenset({source_language, *target}))


STANDARD_FAMILIES: dict[str, ModelFamily] = {
    MARIAN: ModelFamily(MARIAN),
    NLLB: _multilingual(NLLB, "arb_Arab", "eng_Latn"),
    M2M100: _multilingual(M2M100, "__ar__", "__en__"),
    MADLAD: ModelFamily(MADLAD, ("<2en>",), (EOS,), (), frozenset({"<2en>"})),
}

# What tells a conversion's vocabulary apart, checked in this order.
_RECOGNISED_BY = (
    (NLLB, frozenset({"arb_Arab", "eng_Latn"})),
    (M2M100, frozenset({"__ar__", "__en__"})),
    (MADLAD, frozenset({"<2en>"})),
)


def family_of(pack: Pack) -> ModelFamily:
    """The family of ``pack``, as ``load_pack`` decided it."""
    if pack.family is not None:
        return pack.family
    return decide_family(pack.path, pack.layout, pack.model_dir, {})


def decide_family(folder: Path, layout: str, model_dir: Path,
                  metadata: Mapping[str, Any]) -> ModelFamily:
    """The family of the pack in ``folder``, its special tokens checked.

    ``metadata`` is the pack's ``pack.json`` (or an Argos package's ``metadata.json``).

    Raises:
        PackError: for an unknown family, a malformed token list, or a special token
            missing from the vocabulary.
    """
    vocabulary = read_vocabulary(folder, model_dir)
    if layout == "argos":
        family = _argos_family(folder, metadata)
    else:
        declared = metadata.get("family")
        if declared is None or declared == "":
            name = recognise_family(vocabulary)
        elif isinstance(declared, str) and declared.strip().lower() in STANDARD_FAMILIES:
            name = declared.strip().lower()
        else:
            raise PackError(
                f"{folder} is not a usable translation pack: pack.json names the model "
                f"family {declared!r}; Tarjama knows {', '.join(FAMILY_NAMES)}."
            )
        family = STANDARD_FAMILIES[name]
        if name == MARIAN and _needs_source_eos(model_dir):
            family = dataclasses.replace(family, source_suffix=(EOS,))
        family = _with_overrides(folder, family, metadata)
    check_tokens(folder, family, vocabulary)
    return family


def recognise_family(vocabulary: Vocabulary) -> str:
    """The family whose language tokens the vocabulary holds; ``marian`` for none."""
    for name, tokens in _RECOGNISED_BY:
        if tokens <= vocabulary.source:
            return name
    return MARIAN


def check_tokens(folder: Path, family: ModelFamily, vocabulary: Vocabulary) -> None:
    missing = [t for t in (*family.source_prefix, *family.source_suffix)
               if t not in vocabulary.source]
    missing += [t for t in family.target_prefix if t not in vocabulary.target]
    if missing:
        shown = ", ".join(repr(t) for t in dict.fromkeys(missing))
        raise PackError(
            f"{folder} is not a usable {family.name} pack: its vocabulary has no {shown}, "
            "which the model needs around every sentence. The pack may be of another "
            "family (set \"family\" in pack.json) or its vocabulary file is incomplete."
        )


def _argos_family(folder: Path, metadata: Mapping[str, Any]) -> ModelFamily:
    # Argos gives CTranslate2 the SentencePiece pieces alone, and its metadata's
    # target_prefix (one vocabulary token) when there is one; the package was made
    # and tested that way, so Tarjama does the same.
    prefix = metadata.get("target_prefix", "")
    if not isinstance(prefix, str):
        raise PackError(f"{folder} is not a usable translation pack: target_prefix in "
                        "metadata.json must be text.")
    prefix = prefix.strip()
    if not prefix:
        return STANDARD_FAMILIES[MARIAN]
    return ModelFamily(MARIAN, target_prefix=(prefix,), output_dropped=frozenset({prefix}))


def _with_overrides(folder: Path, family: ModelFamily,
                    metadata: Mapping[str, Any]) -> ModelFamily:
    changes: dict[str, tuple[str, ...]] = {}
    for key in TOKEN_KEYS:
        if key in metadata:
            changes[key] = _token_list(folder, key, metadata[key])
    if not changes:
        return family
    changed = dataclasses.replace(family, **changes)
    # Language tokens given in the source or forced on the target never reach the reader.
    dropped = {*family.output_dropped, *changed.target_prefix, *changed.source_prefix,
               *(t for t in changed.source_suffix if t != EOS)}
    return dataclasses.replace(changed, output_dropped=frozenset(dropped))


def _token_list(folder: Path, key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list) and all(isinstance(t, str) and t.strip() for t in value):
        return tuple(value)
    raise PackError(f"{folder} is not a usable translation pack: in pack.json, {key} must "
                    "be a token or a list of tokens.")


def _needs_source_eos(model_dir: Path) -> bool:
    """Marian models expect </s> after the source; recent conversions add it themselves."""
    try:
        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    return not (isinstance(config, dict) and config.get("add_source_eos"))
