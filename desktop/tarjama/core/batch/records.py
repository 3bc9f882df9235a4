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
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from tarjama.core.atomic import write_atomic
from tarjama.core.batch.discover import STATE_DIR_NAME, InputFile

# 2: figures with kind and label, warnings with their status; 3: every figure with its
# check, the article's date, the English title and summary, confidence and repair counts.
RECORD_VERSION = 3
# Versions whose records still load (the fields a version lacks keep their defaults).
READABLE_VERSIONS = frozenset({2, 3})
WARNINGS_SUFFIX = ".warnings.html"  # the article's page of sentences to check
TERM_KIND = "term"  # the kind of a glossary term's check, beside the figure kinds
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
    kind: str = ""  # the figure's kind, or TERM_KIND for a glossary term ("" before v3)


@dataclass(frozen=True)
class FigureRow:
    """One figure of the Arabic and what the translation made of it (a row of figures.csv)."""

    sentence: int
    kind: str
    value: str  # canonical, as Figure.value: "5 killed", "2024-09-10", "3000000 USD"
    text: str  # as written in the Arabic
    number: float | None = None
    unit: str | None = None
    qualifier: str | None = None  # "about", "more than"...
    english: str = ""  # the English figure the check matched to it, if any
    status: str = ""  # the check's status ("ok", "changed", "missing"); "" untranslated
    label: str = ""  # its chip, as figure_label says: "12 killed", "about 300,000 USD"


@dataclass(frozen=True)
class QuotedSentence:
    """A sentence kept with the record so the figures page can quote it in both languages."""

    sentence: int
    source: str
    translation: str


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
    title_en: str = ""             # the title's translation, when the title is in the text
    date: str = ""                 # canonical date the article states ("2018-09-10"), or ""
    encoding: str | None = None
    sentences: int = 0
    words: int = 0
    summary: tuple[str, ...] = ()  # English summary sentences, in document order
    summary_ar: tuple[str, ...] = ()  # the same sentences in the Arabic
    figures: tuple[KeyFigure, ...] = ()  # key figures, each label once, in text order
    warnings: tuple[FigureWarning, ...] = ()  # one per check that is not "ok"
    figure_rows: tuple[FigureRow, ...] = ()  # every figure of the Arabic, in text order
    quotes: tuple[QuotedSentence, ...] = ()  # sentences of the figures the figures page lists
    # Ids of the sentences the model was unsure of, and of those whose first-best
    # translation was replaced; None in records written before these were kept.
    low_confidence: tuple[int, ...] | None = None
    repaired: tuple[int, ...] | None = None
    outputs: tuple[str, ...] = ()  # paths under OUT_DIR, "/"-separated
    # The page of sentences to check (see ``html_warnings``), under OUT_DIR, or "".
    warnings_page: str = ""
    version: int = field(default=RECORD_VERSION)

    @property
    def to_check(self) -> bool:
        """Whether a warning or a low-confidence sentence asks for a look."""
        return bool(self.warnings or self.low_confidence)

    @property
    def figure_warnings(self) -> int:
        return sum(w.kind != TERM_KIND for w in self.warnings)

    @property
    def term_warnings(self) -> int:
        return sum(w.kind == TERM_KIND for w in self.warnings)

    def to_json(self) -> str:
        return json.dumps(_plain(self), ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleRecord:
        fields = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for name in ("summary", "summary_ar", "outputs"):
            fields[name] = tuple(fields.get(name, ()))
        for name in ("low_confidence", "repaired"):
            if fields.get(name) is not None:
                fields[name] = tuple(fields[name])
        for name, kind in (("figures", KeyFigure), ("warnings", FigureWarning),
                           ("figure_rows", FigureRow), ("quotes", QuotedSentence)):
            fields[name] = tuple(kind(**item) for item in data.get(name, ()))
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
        return record if record.version in READABLE_VERSIONS else None

    def save(self, item: InputFile, record: ArticleRecord, *, durable: bool = True) -> None:
        """Write the record atomically; ``durable=False``: see ``write_atomic``."""
        write_atomic(self._path(item.relative), record.to_json(), durable=durable)

    def is_done(self, item: InputFile, settings: str, source_sha256: str) -> ArticleRecord | None:
        """The record when ``item`` was finished with these settings and this source content
        and all its outputs are still there; otherwise None."""
        record = self.load(item)
        if record is None or record.status != STATUS_DONE:
            return None
        if record.settings != settings or record.source_sha256 != source_sha256:
            return None
        pages = (*record.outputs, record.warnings_page) if record.warnings_page \
            else record.outputs
        if not all((self.out_dir / name).is_file() for name in pages):
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


def _plain(value: Any) -> Any:
    """What ``dataclasses.asdict`` makes of a record (its fields hold only text, numbers,
    tuples and dataclasses of those), without the deep copy of every leaf it also makes:
    that was half the time of turning a record into JSON."""
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value
