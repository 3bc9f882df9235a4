"""Seeded random weights for fixture packs, shaped like a real CTranslate2 transformer.

Split from :mod:`tarjama.devtools.fixture_pack`, which decides the files and the
vocabularies; this module only turns a vocabulary and a set of dimensions into
``model.bin``, ``config.json`` and the vocabulary file.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from tarjama.devtools.fixture_pack import Dimensions

# Random weights alone make a decoder that either stops at once or never stops, so
# every sentence would decode to the length limit. Three choices give outputs of a
# plausible length (about 30-40 pieces) instead:
# - the output projection is a separate random matrix (not tied to the embeddings),
#   so the decoder does not just repeat its previous token;
# - residual branches are scaled down, so the residual stream keeps what enters it;
# - the decoder's position table carries a signal that grows with the position along
#   one direction, and the </s> row of the projection points that way, so the score
#   of </s> rises step by step until it wins.
RESIDUAL_BRANCH_SCALE = 0.3
EOS_ROW_NORM = 3.0
EOS_BIAS = -4.0
# The score given to every piece the decoder must never write (see ``write_model``).
# Real scores stay within a few units, so this loses against any allowed piece; it is
# small enough to stay finite when a runtime converts the bias to float16.
BLOCKED_BIAS = -1.0e4


def write_model(folder: Path, vocabulary: list[str], dims: Dimensions, *, marian: bool,
                output_pieces: Collection[str], seed: int,
                config: Mapping[str, Any] | None = None) -> None:
    """Write model.bin, config.json and the vocabulary with seeded random weights.

    The vocabulary is shared by encoder and decoder, as in OPUS-MT and Argos models,
    so it holds the Arabic source pieces too; only ``output_pieces`` (plus ``</s>``)
    may be written by the decoder. A trained model learns never to write source
    pieces; random weights would write them all the time, so the output layer gives
    every other piece a score of ``BLOCKED_BIAS`` and beam search never picks one.
    ``config`` sets fields of the conversion's config.json (``decoder_start_token``
    for the multilingual families).
    """
    from ctranslate2.specs import common_spec, transformer_spec

    # OPUS-MT (Marian) models are post-norm with swish; OpenNMT-py models behind
    # Argos packages are pre-norm with ReLU.
    spec = transformer_spec.TransformerSpec.from_config(
        (dims.encoder_layers, dims.decoder_layers),
        dims.heads,
        pre_norm=not marian,
        activation=common_spec.Activation.SWISH if marian else common_spec.Activation.RELU,
    )
    weights = _RandomWeights(np.random.default_rng(seed), dims.d_model, dims.ffn)
    embeddings = weights.matrix(len(vocabulary), dims.d_model)
    length_direction = _length_direction(dims.d_model)
    _fill_stack(spec.encoder, weights, embeddings, _sinusoid_positions(dims.d_model))
    _fill_stack(spec.decoder, weights, embeddings,
                _sinusoid_positions(dims.d_model, length_direction, dims.length_signal))
    eos = vocabulary.index("</s>")
    projection = weights.matrix(len(vocabulary), dims.d_model)
    projection[eos] = length_direction * EOS_ROW_NORM
    allowed = set(output_pieces)
    bias = np.array([0.0 if piece in allowed else BLOCKED_BIAS for piece in vocabulary],
                    dtype=np.float32)
    bias[eos] = EOS_BIAS
    spec.decoder.projection.weight = projection
    spec.decoder.projection.bias = bias
    if marian:
        spec.decoder.start_from_zero_embedding = True
        spec.config.add_source_eos = True
    for key, value in (config or {}).items():
        if not hasattr(spec.config, key):
            raise ValueError(f"CTranslate2's transformer config has no field {key!r}")
        setattr(spec.config, key, value)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization="int8")
    spec.save(str(folder))


def _length_direction(dim: int) -> np.ndarray:
    # Zero mean, so layer normalisation (which removes the mean) does not erase it.
    return (np.tile(np.array([1.0, -1.0], dtype=np.float32), dim // 2) / np.sqrt(dim)).astype(
        np.float32
    )


class _RandomWeights:
    """Seeded random tensors, scaled so activations stay in a sane range."""

    def __init__(self, rng: np.random.Generator, d_model: int, ffn: int) -> None:
        self.rng = rng
        self.d_model = d_model
        self.ffn = ffn

    def matrix(self, rows: int, columns: int, scale: float = 1.0) -> np.ndarray:
        values = self.rng.standard_normal((rows, columns), dtype=np.float32)
        return (values * (scale / np.sqrt(columns))).astype(np.float32)

    def vector(self, size: int, scale: float = 0.02) -> np.ndarray:
        return (self.rng.standard_normal(size, dtype=np.float32) * scale).astype(np.float32)

    def layer_norm(self, spec: Any) -> None:
        spec.gamma = np.ones(self.d_model, dtype=np.float32)
        spec.beta = np.zeros(self.d_model, dtype=np.float32)

    def linear(self, spec: Any, outputs: int, inputs: int, scale: float = 1.0) -> None:
        spec.weight = self.matrix(outputs, inputs, scale)
        spec.bias = self.vector(outputs)


def _fill_stack(stack: Any, weights: _RandomWeights, embeddings: np.ndarray,
                positions: np.ndarray) -> None:
    d = weights.d_model
    branch = RESIDUAL_BRANCH_SCALE
    embedding_specs = stack.embeddings if isinstance(stack.embeddings, list) else [stack.embeddings]
    for embedding_spec in embedding_specs:
        embedding_spec.weight = embeddings  # shared source/target embeddings, as in OPUS-MT
    stack.position_encodings.encodings = positions
    if hasattr(stack, "layer_norm"):
        weights.layer_norm(stack.layer_norm)
    for layer in stack.layer:
        weights.layer_norm(layer.self_attention.layer_norm)
        weights.linear(layer.self_attention.linear[0], 3 * d, d)
        weights.linear(layer.self_attention.linear[1], d, d, branch)
        if hasattr(layer, "attention"):
            weights.layer_norm(layer.attention.layer_norm)
            weights.linear(layer.attention.linear[0], d, d)
            weights.linear(layer.attention.linear[1], 2 * d, d)
            weights.linear(layer.attention.linear[2], d, d, branch)
        weights.layer_norm(layer.ffn.layer_norm)
        weights.linear(layer.ffn.linear_0, weights.ffn, d)
        weights.linear(layer.ffn.linear_1, d, weights.ffn, branch)


def _sinusoid_positions(dim: int, length_direction: np.ndarray | None = None,
                        length_signal: float = 0.0, positions: int = 1024) -> np.ndarray:
    """Marian's sinusoidal table, laid out as [sin | cos] like the OPUS-MT converter writes it."""
    steps = np.arange(positions, dtype=np.float64)[:, None]
    timescales = np.power(10000.0, 2 * (np.arange(dim) // 2) / dim)[None, :]
    angles = steps / timescales
    table = np.zeros_like(angles)
    table[:, : dim // 2] = np.sin(angles[:, 0::2])
    table[:, dim // 2 :] = np.cos(angles[:, 1::2])
    if length_direction is not None:
        growth = steps * length_signal * np.sqrt(dim) / 4
        table += growth * length_direction[None, :]
    return table.astype(np.float32)


