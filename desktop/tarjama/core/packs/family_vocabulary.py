"""The tokens a CTranslate2 conversion knows, read from its vocabulary files.

A conversion holds ``shared_vocabulary.json`` (or ``.txt``), or one source and one
target vocabulary. The JSON form is a list of tokens; the text form one token a line.
NLLB's vocabulary has a quarter of a million entries, so what was read is kept, keyed
by the files' sizes and modification times, for the next ``load_pack`` of the folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tarjama.core.errors import PackError

_SUFFIXES = (".json", ".txt")


@dataclass(frozen=True)
class Vocabulary:
    source: frozenset[str]
    target: frozenset[str]


def read_vocabulary(folder: Path, model_dir: Path) -> Vocabulary:
    """The source and target tokens of the conversion in ``model_dir``.

    Raises:
        PackError: when a vocabulary file is missing or cannot be read.
    """
    shared = _find(model_dir, "shared_vocabulary")
    if shared is not None:
        tokens = _tokens(folder, shared)
        return Vocabulary(tokens, tokens)
    source, target = _find(model_dir, "source_vocabulary"), _find(model_dir, "target_vocabulary")
    if source is None or target is None:
        raise PackError(f"{folder} is not a translation pack: its vocabulary file is missing.")
    return Vocabulary(_tokens(folder, source), _tokens(folder, target))


def _find(model_dir: Path, stem: str) -> Path | None:
    return next((model_dir / (stem + suffix) for suffix in _SUFFIXES
                 if (model_dir / (stem + suffix)).is_file()), None)


def _tokens(folder: Path, file: Path) -> frozenset[str]:
    try:
        stat = file.stat()
        return _read_tokens(str(file), stat.st_size, stat.st_mtime_ns)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise PackError(f"{folder} is not a usable translation pack: {file.name} cannot be "
                        f"read ({error}).") from error


@lru_cache(maxsize=8)
def _read_tokens(path: str, _size: int, _mtime_ns: int) -> frozenset[str]:
    text = Path(path).read_text(encoding="utf-8")
    if not path.endswith(".json"):
        return frozenset(line for line in text.splitlines() if line)
    data = json.loads(text)
    if not isinstance(data, list):
        raise ValueError("it is not a JSON list of tokens")
    return frozenset(token for token in data if isinstance(token, str))
