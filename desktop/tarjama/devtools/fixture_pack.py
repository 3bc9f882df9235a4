"""Build random-weight translation packs for tests and benchmarks.

A fixture pack has the files and dimensions of a real pack, so everything around
the model (loading, tokenising, batching, caching, streaming) runs for real, but
its weights are seeded random numbers: the "translations" it produces are
meaningless strings of subwords. Two builds with the same arguments give
byte-identical files. The decoder can only write English-side pieces (Latin
letters, digits, punctuation), so outputs never contain Arabic script, like a
real Arabic-to-English model's.

    python -m tarjama.devtools.fixture_pack OUT_DIR --size tiny|opus-mt
        [--layout opus-mt|argos|argos-bpe]
        [--family marian|nllb|m2m100|madlad]

``--family`` other than marian builds a conversion of that multilingual family
(``fixture_families``), with its language tokens in the vocabulary and pack.json.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tarjama.devtools.fixture_corpus import arabic_sentences
from tarjama.devtools.fixture_english import english_sentences
from tarjama.devtools.fixture_families import FAMILIES, write_family_layout
from tarjama.devtools.fixture_weights import write_model

SIZES = ("tiny", "opus-mt")
LAYOUTS = ("opus-mt", "argos", "argos-bpe")
SEED = 20240910  # the corpora and SentencePiece training
# Random decoders differ a lot from seed to seed: some fall into loops of one piece
# ("cl cl cl ...") that run to twice the usual length. Seed 7 (picked from 1-10 by
# the length and repetition that test_fixture_pack.py checks) gives short, varied outputs.
WEIGHTS_SEED = 7
# Increase whenever what a build writes changes, so cached packs (bench_pack.py) are rebuilt.
# Written as "version" in pack.json. 2: English-only decoder output.
FIXTURE_VERSION = "3"
# SentencePiece's own special pieces; ids 0, 1, 2 in every model trained here.
SPECIAL_PIECES = ("<unk>", "<s>", "</s>")


@dataclass(frozen=True)
class Dimensions:
    encoder_layers: int
    decoder_layers: int
    d_model: int
    heads: int
    ffn: int
    spm_vocab: int  # per SentencePiece model; the OPUS-MT layout shares the union of two
    corpus_sentences: int
    pseudo_rate: float
    # How fast the score of </s> grows per decoding step (fixture_weights): the deeper
    # model needs a steeper ramp for outputs of about 30-40 pieces.
    length_signal: float


# "opus-mt" copies the Marian transformer-base shape of the OPUS-MT models:
# 6+6 layers, 512 wide, 8 heads, 2048 FFN, a shared vocabulary of about 32000.
DIMENSIONS = {
    "tiny": Dimensions(2, 2, 64, 2, 128, 1000, 3000, 0.3, 0.013),
    "opus-mt": Dimensions(6, 6, 512, 8, 2048, 16000, 40000, 0.5, 0.022),
}


def build_pack(
    out_dir: str | Path, size: str = "tiny", layout: str = "opus-mt", *, overwrite: bool = False,
    family: str = "marian",
) -> Path:
    """Build a fixture pack in ``out_dir`` (created) and return its path.

    ``family`` other than "marian" builds that family's conversion (``layout`` is then
    not used).

    Raises:
        ValueError: for an unknown size, layout or family.
        FileExistsError: when ``out_dir`` is a non-empty folder and ``overwrite`` is false.
    """
    if size not in DIMENSIONS:
        raise ValueError(f"unknown fixture size {size!r}; choose one of {', '.join(SIZES)}")
    if layout not in LAYOUTS:
        raise ValueError(f"unknown pack layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    if family not in FAMILIES:
        raise ValueError(f"unknown model family {family!r}; choose one of {', '.join(FAMILIES)}")
    out = Path(out_dir)
    if out.exists() and any(out.iterdir()) and not overwrite:
        raise FileExistsError(f"{out} already exists and is not empty")
    dims = DIMENSIONS[size]
    out.parent.mkdir(parents=True, exist_ok=True)
    # Build beside the destination and rename, so a half-built pack is never seen.
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        if family != "marian":
            write_family_layout(work, size, dims, family, seed=WEIGHTS_SEED,
                                version=FIXTURE_VERSION)
        elif layout == "opus-mt":
            _write_opus_mt_layout(work, size, dims)
        elif layout == "argos-bpe":
            from tarjama.devtools.fixture_argos_bpe import write_argos_bpe_layout

            write_argos_bpe_layout(work, size, dims, seed=WEIGHTS_SEED, version=FIXTURE_VERSION)
        else:
            _write_argos_layout(work, size, dims)
        if out.exists():
            shutil.rmtree(out)
        work.replace(out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return out


def _write_opus_mt_layout(folder: Path, size: str, dims: Dimensions) -> None:
    source_model = train_sentencepiece(
        arabic_sentences(dims.corpus_sentences, seed=SEED, pseudo_rate=dims.pseudo_rate),
        dims.spm_vocab,
    )
    target_model = train_sentencepiece(
        english_sentences(dims.corpus_sentences, seed=SEED, pseudo_rate=dims.pseudo_rate),
        dims.spm_vocab,
    )
    (folder / "source.spm").write_bytes(source_model)
    (folder / "target.spm").write_bytes(target_model)
    # Like a Marian vocabulary: the union of both sides, with a padding token at the end.
    vocabulary = [*_merge_pieces(pieces_of(source_model), pieces_of(target_model)), "<pad>"]
    write_model(folder, vocabulary, dims, marian=True,
                output_pieces=output_pieces(target_model), seed=WEIGHTS_SEED)
    write_json(folder / "pack.json", {
        "name": f"fixture-{size}",
        "source_language": "ar",
        "target_language": "en",
        "licence": "test fixture",
        "source": "generated by tarjama.devtools.fixture_pack",
        "version": FIXTURE_VERSION,
        "description": DESCRIPTION,
    })


def _write_argos_layout(folder: Path, size: str, dims: Dimensions) -> None:
    # Argos packages use one SentencePiece model for both languages, so its Arabic
    # pieces are taken out of what the decoder may write.
    corpus = interleave(
        arabic_sentences(dims.corpus_sentences, seed=SEED, pseudo_rate=dims.pseudo_rate),
        english_sentences(dims.corpus_sentences, seed=SEED, pseudo_rate=dims.pseudo_rate),
    )
    model = train_sentencepiece(corpus, dims.spm_vocab)
    (folder / "sentencepiece.model").write_bytes(model)
    model_dir = folder / "model"
    model_dir.mkdir()
    write_model(model_dir, pieces_of(model), dims, marian=False,
                output_pieces=output_pieces(model, drop_arabic=True), seed=WEIGHTS_SEED)
    write_json(folder / "metadata.json", {
        "name": f"fixture-{size}",
        "package_version": "1.0",
        "argos_version": "1.9",
        "from_code": "ar",
        "from_name": "Arabic",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
        "license": "test fixture",
        "description": DESCRIPTION,
    })


DESCRIPTION = (
    "Random-weight test fixture built by tarjama.devtools.fixture_pack. It has the shape of a "
    "real translation pack but was never trained: its output is meaningless."
)


def interleave(first: Iterable[str], second: Iterable[str]) -> Iterable[str]:
    for a, b in zip(first, second, strict=True):
        yield a
        yield b


def train_sentencepiece(sentences: Iterable[str], vocab_size: int) -> bytes:
    """Train a unigram SentencePiece model in-process and return its serialised bytes."""
    import sentencepiece

    # Feeding an iterator (not a file) keeps temporary paths out of the model, so
    # rebuilding gives identical bytes; one thread keeps training deterministic.
    sentencepiece.set_random_generator_seed(SEED)
    buffer = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_writer=buffer,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        num_threads=1,
        minloglevel=2,
    )
    return buffer.getvalue()


def pieces_of(model: bytes) -> list[str]:
    import sentencepiece

    processor = sentencepiece.SentencePieceProcessor(model_proto=model)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def output_pieces(model: bytes, *, drop_arabic: bool = False) -> list[str]:
    """The pieces of ``model`` a decoder may write: no control or unknown pieces.

    Raises:
        RuntimeError: when a piece left holds Arabic script, which means the English
            corpus let some in (``drop_arabic`` removes such pieces first).
    """
    import sentencepiece

    processor = sentencepiece.SentencePieceProcessor(model_proto=model)
    # <unk> would be shown as " ⁇ " and <s> is only ever the decoder's start token.
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())
              if not (processor.is_control(i) or processor.is_unknown(i))]
    if drop_arabic:
        pieces = [piece for piece in pieces if not has_arabic_script(piece)]
    stray = [piece for piece in pieces if has_arabic_script(piece)]
    if stray:
        raise RuntimeError(f"the English side of the fixture pack has Arabic pieces: {stray[:5]}")
    return pieces


# Unicode's Arabic blocks: letters, but also the Arabic comma, question mark and digits.
_ARABIC_SCRIPT_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF),
                         (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def has_arabic_script(text: str) -> bool:
    """True when any character of ``text`` is in one of Unicode's Arabic blocks."""
    return any(low <= ord(char) <= high for char in text for low, high in _ARABIC_SCRIPT_BLOCKS)


def _merge_pieces(first: list[str], second: list[str]) -> list[str]:
    seen = set(first)
    return first + [piece for piece in second if piece not in seen]


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tarjama.devtools.fixture_pack",
        description="Build a random-weight translation pack for tests and benchmarks "
        "(its translations are meaningless).",
    )
    parser.add_argument("out_dir", type=Path, help="folder to create for the pack")
    parser.add_argument("--size", choices=SIZES, default="tiny")
    parser.add_argument("--layout", choices=LAYOUTS, default="opus-mt")
    parser.add_argument("--family", choices=FAMILIES, default="marian",
                        help="model family: its special tokens and files (default marian)")
    parser.add_argument("--overwrite", action="store_true", help="replace an existing folder")
    args = parser.parse_args(argv)
    try:
        path = build_pack(args.out_dir, size=args.size, layout=args.layout,
                          overwrite=args.overwrite, family=args.family)
    except (FileExistsError, ValueError) as error:
        print(f"fixture_pack: error: {error}", file=sys.stderr)
        return 2
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
