"""Per-article records: what a batch has finished, so a re-run can skip it.

A record is a small JSON file under ``OUT_DIR/.tarjama-batch/records/`` written
atomically *after* all of the article's outputs are in place. Its presence is the
only proof that an article is done: a run killed at any moment leaves either a
complete article with its record, or no record (and the article is redone).

Records also carry what the index shows (title, counts, summary, figures,
warnings), so the index can be rebuilt from them after any number of resumed runs.
They hold no timings or timestamps, so an interrupted-then-resumed batch leaves the
same bytes as an uninterrupted one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from tarjama.core.atomic import write_atomic
from tarjama.core.batch.discover import STATE_DIR_NAME, InputFile

RECORD_VERSION = 2  # 2: figures with kind and label, warnings with their status
STATUS_DONE = "done"
STATUS_FAILED = "failed"
STATUS_PENDING = "pending"  # only in an index written after a cancelled run
# write_atomic's temporary names: "." + target name + "." + 8 random characters + ".part"
_TEMPORARY_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.part$")


@dataclass(frozen=True)
class FigureWarning:
    sentence: int
    source: str
    translation: str
    detail: str
    status: str = ""  # "changed" or "missing", as the check said


@dataclass(frozen=True)
class KeyFigure:
    """A figure of the article as the index shows it: "مقتل 5 أشخاص", casualties, "5 killed"."""

    text: str  # as written in the Arabic
    kind: str
    label: str


@dataclass(frozen=True)
class ArticleRecord:
    """One article's outcome, as stored and as shown in the index."""

    file: str                      # path under IN_DIR, "/"-separated
    status: str                    # done | failed | pending
    settings: str = ""             # settings hash the article was done with
    source_sha256: str = ""
    reason: str = ""               # why it failed, in plain words
    title: str = ""
    encoding: str | None = None
    sentences: int = 0
    words: int = 0
    summary: tuple[str, ...] = ()  # English summary sentences, in document order
    figures: tuple[KeyFigure, ...] = ()  # key figures, each label once, in text order
    warnings: tuple[FigureWarning, ...] = ()
    outputs: tuple[str, ...] = ()  # paths under OUT_DIR, "/"-separated
    version: int = field(default=RECORD_VERSION)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleRecord:
        warnings = tuple(FigureWarning(**w) for w in data.get("warnings", ()))
        fields = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for name in ("summary", "outputs"):
            fields[name] = tuple(fields.get(name, ()))
        fields["figures"] = tuple(KeyFigure(**f) for f in data.get("figures", ()))
        fields["warnings"] = warnings
        return cls(**fields)


def settings_hash(pack_fingerprint: str, translation: dict[str, Any],
                  formats: tuple[str, ...], summary: dict[str, Any], version: str) -> str:
    """A short digest of everything that changes an article's outputs."""
    payload = json.dumps({
        "pack": pack_fingerprint,
        "translation": translation,
        "formats": sorted(formats),
        "summary": summary,
        "tarjama": version,
    }, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class RecordStore:
    """The records of one output folder."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.root = out_dir / STATE_DIR_NAME / "records"

    def _path(self, relative: PurePosixPath | str) -> Path:
        return self.root.joinpath(*PurePosixPath(relative).parts[:-1],
                                  PurePosixPath(relative).name + ".json")

    def load(self, item: InputFile) -> ArticleRecord | None:
        """The stored record, or None when there is none or it cannot be trusted."""
        try:
            data = json.loads(self._path(item.relative).read_text(encoding="utf-8"))
            record = ArticleRecord.from_dict(data)
        except (OSError, ValueError, TypeError):
            return None
        return record if record.version == RECORD_VERSION else None

    def save(self, item: InputFile, record: ArticleRecord) -> None:
        write_atomic(self._path(item.relative), record.to_json())

    def is_done(self, item: InputFile, settings: str, source_sha256: str) -> ArticleRecord | None:
        """The record when ``item`` was finished with these settings and this source content
        and all its outputs are still there; otherwise None."""
        record = self.load(item)
        if record is None or record.status != STATUS_DONE:
            return None
        if record.settings != settings or record.source_sha256 != source_sha256:
            return None
        if not all((self.out_dir / name).is_file() for name in record.outputs):
            return None
        return record


def remove_stale_temporaries(out_dir: Path) -> int:
    """Delete the temporary files a killed run left behind in ``out_dir``.

    ``write_atomic`` names them ``.<name>.<random>.part``; a run killed mid-write leaves
    one behind. Nothing else is touched. Returns how many were removed.
    """
    removed = 0
    if not out_dir.is_dir():
        return 0
    for folder, _, files in os.walk(out_dir):
        for name in files:
            if _TEMPORARY_NAME.match(name):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(os.path.join(folder, name))
                    removed += 1
    return removed
