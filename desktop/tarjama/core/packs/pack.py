"""The translation pack format: what a pack folder holds and how it is checked.

Three layouts load:

* ``opus-mt`` -- a CTranslate2 conversion of an OPUS-MT (Marian) model:
  ``model.bin``, ``config.json``, ``shared_vocabulary.json|txt`` (or
  ``source_vocabulary.*`` and ``target_vocabulary.*``), ``source.spm``, ``target.spm``.
* ``ctranslate2`` -- the same files with one SentencePiece model for both sides, as
  NLLB-200, M2M-100 and MADLAD-400 conversions have: ``sentencepiece.bpe.model``,
  ``spiece.model`` or ``sentencepiece.model`` (or the file ``pack.json`` names as
  ``"sentencepiece"``).
* ``argos`` -- an Argos Translate package: a ``model/`` folder holding the
  CTranslate2 model, ``metadata.json``, and one ``sentencepiece.model`` or a
  ``bpe.model`` (subword-nmt BPE codes, see ``argos_bpe``).

Metadata comes from ``pack.json``; Argos packages without one fall back to
``metadata.json``; a folder with neither is named after itself. The model family
(which special tokens go around a sentence) is decided and checked by ``family``.
Loading is cheap: it checks files, languages and special tokens and opens the
tokenizer models, but does not load the translation model itself.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from tarjama.core.errors import PackError
from tarjama.core.packs.family import ModelFamily, decide_family
from tarjama.core.packs.family_licence import family_licence, is_non_commercial

SOURCE_LANGUAGE = "ar"
TARGET_LANGUAGE = "en"
PACK_JSON = "pack.json"
ARGOS_METADATA = "metadata.json"
ARGOS_BPE = "bpe.model"
# One SentencePiece model for both sides, as Hugging Face conversions name it:
# NLLB-200 and M2M-100, T5 (MADLAD-400), then the plain name.
SHARED_SENTENCEPIECE = ("sentencepiece.bpe.model", "spiece.model", "sentencepiece.model")

# Spellings of the two languages met in pack metadata (ISO 639-1/-3, names).
_LANGUAGE_ALIASES = {
    "ar": "ar", "ara": "ar", "arb": "ar", "arabic": "ar",
    "en": "en", "eng": "en", "english": "en",
}
_TEXT_FIELDS = ("name", "source_language", "target_language", "licence", "source", "version",
                "description", "family")


@dataclass(frozen=True)
class PackInfo:
    """What a person wants to know about a pack: where it comes from and its licence."""

    name: str
    source_language: str = SOURCE_LANGUAGE
    target_language: str = TARGET_LANGUAGE
    licence: str = ""
    source: str = ""
    version: str = ""
    description: str = ""
    family: str = ""  # the model family decided by load_pack ("marian", "nllb", ...)
    non_commercial: bool = False  # said by pack.json, or its licence is a -NC one

    def to_dict(self) -> dict[str, str]:
        return {field: getattr(self, field) for field in _TEXT_FIELDS}


@dataclass(frozen=True)
class Pack:
    """A checked pack folder. ``model_dir`` is what ``ctranslate2.Translator`` opens."""

    path: Path
    info: PackInfo
    layout: str  # "opus-mt", "ctranslate2" or "argos"
    model_dir: Path
    source_spm: Path  # the tokenizer model files (BPE codes when tokenizer is "bpe")
    target_spm: Path
    family: ModelFamily | None = None
    tokenizer: str = "sentencepiece"  # or "bpe": an Argos package's bpe.model

    @property
    def name(self) -> str:
        return self.info.name

    @cached_property
    def fingerprint(self) -> str:
        """Identifies the model for the translation cache.

        Name and version, plus the size and modification time of ``model.bin``, so a
        model replaced under the same name never serves stale cached translations.
        """
        stat = (self.model_dir / "model.bin").stat()
        return f"{self.info.name}|{self.info.version}|{stat.st_size}|{stat.st_mtime_ns}"

    @cached_property
    def size_bytes(self) -> int:
        """Total size of the files in the pack folder."""
        total = 0
        for folder, _dirs, files in os.walk(self.path):
            for name in files:
                try:
                    total += os.stat(os.path.join(folder, name)).st_size
                except OSError:
                    continue  # a file vanished while walking: it no longer counts
        return total


def load_pack(path: str | Path) -> Pack:
    """Check the pack folder at ``path`` and describe it.

    Raises:
        PackError: naming the folder and exactly what is wrong with it.
    """
    folder = Path(path).expanduser()
    if not folder.exists():
        raise PackError(f"There is no translation pack at {folder}: the folder does not exist.")
    if not folder.is_dir():
        raise PackError(f"{folder} is not a translation pack: it is a file, not a folder.")

    pack_json = _read_json(folder, folder / PACK_JSON, PACK_JSON) \
        if (folder / PACK_JSON).is_file() else {}
    tokenizer = "sentencepiece"
    shared = _shared_sentencepiece(folder, pack_json)
    argos_tokenizer = [name for name in ("sentencepiece.model", ARGOS_BPE)
                       if (folder / name).exists()]
    if (folder / "model").is_dir() and argos_tokenizer:
        layout = "argos"
    elif (folder / "model").is_dir() and not (folder / "model.bin").exists():
        layout = "argos"  # an Argos package with a part missing; say which below
    elif shared is not None and not (folder / "source.spm").exists():
        layout = "ctranslate2"
    else:
        layout = "opus-mt"

    if layout == "argos":
        model_dir = folder / "model"
        name = argos_tokenizer[0] if argos_tokenizer else "sentencepiece.model"
        tokenizer = "bpe" if name == ARGOS_BPE else "sentencepiece"
        source_spm = target_spm = folder / name
        _require(folder, model_dir / "model.bin", "model/model.bin")
        _require(folder, source_spm, name)
    elif layout == "ctranslate2" and shared is not None:
        model_dir = folder
        source_spm = target_spm = shared
        _require(folder, folder / "model.bin", "model.bin")
        _require(folder, shared, shared.name)
    else:
        model_dir = folder
        source_spm, target_spm = folder / "source.spm", folder / "target.spm"
        _require(folder, folder / "model.bin", "model.bin")
        _require(folder, source_spm, "source.spm")
        _require(folder, target_spm, "target.spm")
    _check_model_dir(folder, model_dir)
    for spm in dict.fromkeys((source_spm, target_spm)):
        if tokenizer == "bpe":
            _check_bpe(folder, spm)
        else:
            _check_sentencepiece(folder, spm)

    info = _read_info(folder, layout)
    _check_languages(folder, info)
    metadata = pack_json
    if layout == "argos" and (folder / ARGOS_METADATA).is_file():
        # Its target_prefix, even when an install has written a pack.json beside it.
        metadata = {**_read_json(folder, folder / ARGOS_METADATA, ARGOS_METADATA), **pack_json}
    family = decide_family(folder, layout, model_dir, metadata)
    licence = family_licence(family.name, info.licence)
    info = replace(info, family=family.name, licence=licence,
                   non_commercial=info.non_commercial or is_non_commercial(licence))
    return Pack(folder, info, layout, model_dir, source_spm, target_spm, family, tokenizer)


def _shared_sentencepiece(folder: Path, metadata: dict[str, Any]) -> Path | None:
    named = metadata.get("sentencepiece")
    if isinstance(named, str) and named.strip():
        if "/" in named or "\\" in named or named.startswith("."):
            raise PackError(f"{folder} is not a usable translation pack: in {PACK_JSON}, "
                            "sentencepiece must be a plain file name in the pack folder.")
        return folder / named.strip()
    return next((folder / name for name in SHARED_SENTENCEPIECE
                 if (folder / name).is_file()), None)


def _require(folder: Path, file: Path, label: str) -> None:
    if not file.is_file():
        raise PackError(f"{folder} is not a translation pack: {label} is missing.")
    if file.stat().st_size == 0:
        raise PackError(f"{folder} is not a usable translation pack: {label} is empty.")


def _check_model_dir(folder: Path, model_dir: Path) -> None:
    prefix = "" if model_dir == folder else "model/"
    config = model_dir / "config.json"
    if config.is_file():
        _read_json(folder, config, f"{prefix}config.json")
    vocabularies = {p.name for p in model_dir.glob("*_vocabulary.*")}
    shared = {"shared_vocabulary.json", "shared_vocabulary.txt"} & vocabularies
    separate = (any(n.startswith("source_vocabulary.") for n in vocabularies)
                and any(n.startswith("target_vocabulary.") for n in vocabularies))
    if not shared and not separate:
        raise PackError(
            f"{folder} is not a translation pack: {prefix}shared_vocabulary.json (or "
            "source_vocabulary and target_vocabulary files) is missing."
        )


def _check_sentencepiece(folder: Path, spm: Path) -> None:
    import sentencepiece

    try:
        processor = sentencepiece.SentencePieceProcessor(model_file=str(spm))
    except (OSError, RuntimeError) as error:
        raise PackError(
            f"{folder} is not a usable translation pack: {spm.name} is not a valid "
            "SentencePiece model (the file may be damaged or incomplete)."
        ) from error
    if processor.get_piece_size() == 0:
        raise PackError(f"{folder} is not a usable translation pack: {spm.name} is empty.")


def _check_bpe(folder: Path, codes: Path) -> None:
    from tarjama.core.packs.argos_bpe import BpeTokenizer

    try:
        BpeTokenizer.load(codes)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise PackError(
            f"{folder} is not a usable translation pack: {codes.name} is not a valid BPE "
            f"codes file ({error})."
        ) from error


def _read_json(folder: Path, file: Path, label: str) -> dict[str, Any]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise PackError(
            f"{folder} is not a usable translation pack: {label} cannot be read ({error})."
        ) from error
    if not isinstance(data, dict):
        raise PackError(f"{folder} is not a usable translation pack: {label} is not a JSON object.")
    return data


def _read_info(folder: Path, layout: str) -> PackInfo:
    if (folder / PACK_JSON).is_file():
        data = _read_json(folder, folder / PACK_JSON, PACK_JSON)
        bad = [k for k in _TEXT_FIELDS if k in data and not isinstance(data[k], str | int | float)]
        if bad:
            raise PackError(
                f"{folder} is not a usable translation pack: in {PACK_JSON}, "
                f"{', '.join(bad)} must be text."
            )
        values = {k: str(data[k]).strip() for k in _TEXT_FIELDS if k in data}
        values["name"] = values.get("name") or folder.name
        return PackInfo(**values, non_commercial=data.get("non_commercial") is True)
    if layout == "argos" and (folder / ARGOS_METADATA).is_file():
        data = _read_json(folder, folder / ARGOS_METADATA, ARGOS_METADATA)
        return PackInfo(
            name=str(data.get("name") or folder.name),
            source_language=str(data.get("from_code", "")),
            target_language=str(data.get("to_code", "")),
            licence=str(data.get("license") or data.get("licence") or ""),
            source="Argos Translate package",
            version=str(data.get("package_version", "")),
            description=str(data.get("description", "")),
        )
    # Without metadata there is nothing to check the languages against; the folder
    # was put there by the user, so it is taken to be Arabic to English.
    return PackInfo(name=folder.name, description="No pack.json: assumed Arabic to English.")


def normalise_language(code: str) -> str:
    """``"ARA"``, ``"ar-SY"`` and ``"Arabic"`` all give ``"ar"``; unknown codes are lowered."""
    base = code.strip().lower().replace("_", "-").split("-")[0]
    return _LANGUAGE_ALIASES.get(base, base)


def _check_languages(folder: Path, info: PackInfo) -> None:
    source = normalise_language(info.source_language)
    target = normalise_language(info.target_language)
    if (source, target) != (SOURCE_LANGUAGE, TARGET_LANGUAGE):
        shown_source = info.source_language or "an unknown language"
        shown_target = info.target_language or "an unknown language"
        raise PackError(
            f"{folder} translates from {shown_source} to {shown_target}; "
            "Tarjama needs an Arabic to English (ar→en) pack."
        )
