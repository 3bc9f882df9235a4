"""A random-weight Argos package that tokenises with ``bpe.model`` (subword-nmt BPE codes).

Some Argos packages carry BPE codes instead of a SentencePiece model: the text is split
into words and punctuation, the words into BPE units ending in ``@@`` when a word goes
on. This builder learns the codes from the fixture corpora (Arabic and English
together, as the package shares one vocabulary), and writes ``model/`` with a
vocabulary of every unit the codes make of the corpora, OpenNMT-py's special tokens
first. As in the other fixtures, the decoder may write English units and ``</s>`` only.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from tarjama.core.packs.argos_bpe import END, BpeTokenizer, moses_words
from tarjama.devtools.fixture_weights import write_model

if TYPE_CHECKING:
    from tarjama.devtools.fixture_pack import Dimensions

SPECIAL_TOKENS = ("<unk>", "<blank>", "<s>", "</s>")
# Few merges and a small corpus keep the build to a few seconds; the units stay short.
MERGES = 300
CORPUS_SENTENCES = 600


def learn_merges(words: Counter[str], merges: int) -> list[tuple[str, str]]:
    """The ``merges`` most frequent symbol pairs, merged one after the other (BPE 0.2)."""
    segmented = {tuple([*word[:-1], word[-1] + END]): count for word, count in words.items()}
    learned: list[tuple[str, str]] = []
    for _ in range(merges):
        pairs: Counter[tuple[str, str]] = Counter()
        for symbols, count in segmented.items():
            for pair in itertools.pairwise(symbols):
                pairs[pair] += count
        if not pairs:
            break
        # Ties go to the pair that sorts first, so two builds learn the same codes.
        best = min(pairs, key=lambda pair: (-pairs[pair], pair))
        learned.append(best)
        segmented = {_merged(symbols, best): count for symbols, count in segmented.items()}
    return learned


def _merged(symbols: tuple[str, ...], pair: tuple[str, str]) -> tuple[str, ...]:
    out: list[str] = []
    index = 0
    while index < len(symbols):
        if symbols[index:index + 2] == pair:
            out.append(pair[0] + pair[1])
            index += 2
        else:
            out.append(symbols[index])
            index += 1
    return tuple(out)


def write_argos_bpe_layout(folder: Path, size: str, dims: Dimensions, *, seed: int,
                           version: str) -> None:
    from tarjama.devtools import fixture_pack as base

    arabic = list(base.arabic_sentences(CORPUS_SENTENCES, seed=base.SEED,
                                        pseudo_rate=dims.pseudo_rate))
    english = list(base.english_sentences(CORPUS_SENTENCES, seed=base.SEED,
                                          pseudo_rate=dims.pseudo_rate))
    merges = learn_merges(_word_counts([*arabic, *english]), MERGES)
    (folder / "bpe.model").write_text(
        "#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in merges), encoding="utf-8")
    tokenizer = BpeTokenizer(merges)
    english_units = _units(tokenizer, english)
    units = sorted(_units(tokenizer, arabic) | english_units)
    vocabulary = [*SPECIAL_TOKENS, *(u for u in units if u not in SPECIAL_TOKENS)]
    allowed = [u for u in english_units if not base.has_arabic_script(u)]
    model_dir = folder / "model"
    model_dir.mkdir()
    write_model(model_dir, vocabulary, dims, marian=False, output_pieces=allowed, seed=seed)
    base.write_json(folder / "metadata.json", {
        "name": f"fixture-bpe-{size}",
        "package_version": version,
        "argos_version": "1.9",
        "from_code": "ar",
        "from_name": "Arabic",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
        "license": "test fixture",
        "description": base.DESCRIPTION,
    })


def _word_counts(sentences: Iterable[str]) -> Counter[str]:
    return Counter(word for sentence in sentences for word in moses_words(sentence))


def _units(tokenizer: BpeTokenizer, sentences: Iterable[str]) -> set[str]:
    return {unit for sentence in sentences for unit in tokenizer.encode(sentence)}
