"""Turn a checkpoint into a CTranslate2 pack (the OPUS-MT or the ctranslate2 layout).

Two kinds of checkpoint are recognised:

- an OPUS-MT release as published by Helsinki-NLP (``decoder.yml``, a ``.npz`` of
  weights, ``*.vocab.yml``, ``source.spm``, ``target.spm``), converted with
  CTranslate2's ``OpusMTConverter``, which needs only numpy and PyYAML;
- a Hugging Face folder (``config.json``, weights and the SentencePiece files) of a
  ``MarianMTModel`` (``model_type: marian``: ``source.spm``, ``target.spm``), of
  NLLB-200 or M2M-100 (``m2m_100``: ``sentencepiece.bpe.model``) or of MADLAD-400
  (``t5``: ``spiece.model``), converted with ``TransformersConverter``, which needs
  the ``transformers`` and ``torch`` packages. The family (which language tokens the
  translator adds) is then recognised from the converted vocabulary.

The weights are quantised to int8 (a quarter of the size, the fastest on CPU).
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

from tarjama.core.errors import PackError

SPM_FILES = ("source.spm", "target.spm")
HF_WEIGHTS = ("pytorch_model.bin", "model.safetensors", "model.safetensors.index.json",
              "pytorch_model.bin.index.json")
# The SentencePiece files each Hugging Face model type keeps beside its weights.
HF_SENTENCEPIECE = {
    "marian": SPM_FILES,
    "m2m_100": ("sentencepiece.bpe.model",),
    "t5": ("spiece.model",),
}


def checkpoint_kind(folder: Path) -> str | None:
    """'opus-mt' or 'huggingface' when ``folder`` holds a Marian checkpoint, else None."""
    if (folder / "decoder.yml").is_file() and any(folder.glob("*.npz")):
        return "opus-mt"
    config = folder / "config.json"
    if config.is_file() and any((folder / name).is_file() for name in HF_WEIGHTS):
        try:
            model_type = json.loads(config.read_text(encoding="utf-8")).get("model_type")
        except (OSError, ValueError, AttributeError):
            return None
        if model_type in HF_SENTENCEPIECE:
            return "huggingface"
    return None


def _sentencepiece_files(folder: Path, kind: str) -> tuple[str, ...]:
    if kind == "opus-mt":
        return SPM_FILES
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    return HF_SENTENCEPIECE[config["model_type"]]


def missing_packages(kind: str) -> list[str]:
    """The Python packages the converter for ``kind`` needs that are not importable."""
    needed = ["yaml", "numpy"] if kind == "opus-mt" else ["transformers", "torch", "sentencepiece"]
    pip_names = {"yaml": "PyYAML"}
    return [pip_names.get(module, module) for module in needed
            if importlib.util.find_spec(module) is None]


def convert_marian(source: Path, output: Path, *, quantization: str = "int8") -> Path:
    """Convert the checkpoint in ``source`` into a new pack folder ``output``.

    ``output`` must not exist. Raises PackError saying what to install when a
    converter's packages are missing, or why the conversion failed.
    """
    kind = checkpoint_kind(source)
    if kind is None:
        raise PackError(f"{source} is not a checkpoint Tarjama can convert (expected "
                        "decoder.yml and a .npz, or a Hugging Face MarianMT, NLLB, M2M-100 "
                        "or MADLAD-400 folder)")
    spm_files = _sentencepiece_files(source, kind)
    for spm in spm_files:
        if not (source / spm).is_file():
            raise PackError(f"{source} has no {spm}: the SentencePiece models are needed too")
    missing = missing_packages(kind)
    if missing:
        what = "a Hugging Face checkpoint" if kind == "huggingface" else "an OPUS-MT model"
        raise PackError(
            f"converting {what} needs the Python packages {', '.join(missing)}, which are "
            f"not installed. Install them with: pip install {' '.join(missing)} "
            "- or install a ready CTranslate2 pack instead"
        )

    from ctranslate2 import converters  # heavy: imported only when converting

    try:
        if kind == "opus-mt":
            converter = converters.OpusMTConverter(str(source))
            converter.convert(str(output), quantization=quantization)
            for spm in SPM_FILES:
                shutil.copy2(source / spm, output / spm)
        else:
            converter = converters.TransformersConverter(str(source), copy_files=list(spm_files))
            converter.convert(str(output), quantization=quantization)
    except PackError:
        raise
    except Exception as exc:  # converters raise many kinds; all mean "this checkpoint failed"
        raise PackError(f"could not convert the checkpoint in {source.name}: "
                        f"{type(exc).__name__}: {exc}") from exc
    return output
