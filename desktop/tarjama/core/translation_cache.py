"""A persistent cache of sentence translations, so reopening an article is instant.

One SQLite file (``cache_dir()/translations.sqlite3``) in WAL mode, which lets a
reader and a writer in different processes share it. A translation is keyed by
the pack fingerprint, the decoding settings that change the output, and the
normalised source sentence.

The cache is an optimisation and never a reason to fail, nor to show a wrong
translation. Every row carries a checksum of its key and translation, checked on
each read: a row that fails it is a miss (and logged), so damage inside a page
never reaches the reader. ``PRAGMA quick_check`` runs when the file is opened; a
file that fails it, or that SQLite calls malformed or not a database, is moved
aside (``translations.sqlite3.corrupt-<time>``) and a new one started. If even
that fails the cache switches itself off for the rest of the session and says so
in the log.

Files written before checksums existed are migrated by adding the column and
dropping their rows: a checksum computed now would vouch for bytes nobody can
check any more, and losing them costs one retranslation.

A row may also carry ``details``: the translation's score and, when the kept text is
not the model's first-best, its repair (JSON), with a checksum of their own, so a
Tarjama from before scores still verifies (and serves) the text of newer rows. Files
from before scores gain the two columns; their rows stay and give a score of None.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from tarjama.core.paths import cache_dir
from tarjama.core.translate_result import Translation
from tarjama.core.translation_cache_rows import (
    SCHEMA,
    decode,
    details_checksum,
    details_of,
    encodable,
    migrate,
    row_checksum,
    verified,
)

log = logging.getLogger(__name__)

CACHE_FILE = "translations.sqlite3"
_CHUNK = 500  # stays far below SQLite's limit on bound parameters
_WHITESPACE = re.compile(r"\s+")
T = TypeVar("T")


def normalise_sentence(text: str) -> str:
    """The cache key form of a sentence: NFC, whitespace runs collapsed, ends stripped."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


class TranslationCache:
    """Sentence translations stored across sessions. Safe to share between threads."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else cache_dir() / CACHE_FILE
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self.disabled = False

    def get_many(self, pack: str, settings: str, sentences: Iterable[str]) -> dict[str, str]:
        """Cached translations of ``sentences``, keyed by the sentence as given."""
        return {sentence: found.text
                for sentence, found in self.get_entries(pack, settings, sentences).items()}

    def get_entries(self, pack: str, settings: str,
                    sentences: Iterable[str]) -> dict[str, Translation]:
        """Cached translations, with score and repair, keyed by the sentence as given."""
        by_key: dict[str, list[str]] = {}
        for sentence in sentences:
            by_key.setdefault(normalise_sentence(sentence), []).append(sentence)
        keys = list(by_key)

        def lookup(connection: sqlite3.Connection) -> dict[str, Translation]:
            found: dict[str, Translation] = {}
            damaged = 0
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start:start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    "SELECT source, target, checksum, details, details_checksum "
                    f"FROM translations WHERE pack = ? AND settings = ? AND source IN ({marks})",
                    (pack, settings, *chunk),
                )
                for source, target, checksum, details, extra in rows:
                    if checksum is None:
                        continue  # written by an older Tarjama: unverified, so a miss
                    entry = verified(pack, settings, source, target, checksum, details, extra)
                    if entry is None:
                        damaged += 1
                        continue
                    for sentence in by_key.get(source, ()):
                        found[sentence] = entry
            if damaged:
                log.error("translation cache %s: %d cached translation%s failed %s checksum "
                          "and %s translated again", self.path, damaged,
                          "s" if damaged > 1 else "", "their" if damaged > 1 else "its",
                          "are" if damaged > 1 else "is")
            return found

        return self._run(lookup, default={}) if keys else {}

    def put_many(self, pack: str, settings: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Store ``(sentence, translation)`` pairs, replacing older entries."""
        self.put_entries(pack, settings, ((sentence, Translation(text))
                                          for sentence, text in pairs))

    def put_entries(self, pack: str, settings: str,
                    entries: Iterable[tuple[str, Translation]]) -> None:
        """Store ``(sentence, translation)`` pairs with their scores and repairs."""
        rows = []
        for sentence, translation in entries:
            source, target = normalise_sentence(sentence), translation.text
            details = details_of(translation)
            if not all(encodable(text) for text in (source, target, details or "")):
                continue  # lone surrogates: not stored
            rows.append((pack, settings, source, target,
                         row_checksum(pack, settings, source, target), details,
                         None if details is None
                         else details_checksum(pack, settings, source, target, details)))
        if not rows:
            return

        def store(connection: sqlite3.Connection) -> None:
            with connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO translations (pack, settings, source, target, "
                    "checksum, details, details_checksum) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )

        self._run(store, default=None)

    def clear(self) -> None:
        """Forget every cached translation."""

        def wipe(connection: sqlite3.Connection) -> None:
            with connection:
                connection.execute("DELETE FROM translations")

        self._run(wipe, default=None)

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _run(self, operation: Callable[[sqlite3.Connection], T], default: T) -> T:
        with self._lock:
            if self.disabled:
                return default
            for attempt in (1, 2):
                try:
                    return operation(self._connect())
                except sqlite3.DatabaseError as error:
                    # OperationalError covers a locked or unwritable file: not corruption.
                    if attempt == 2 or isinstance(error, sqlite3.OperationalError):
                        self._disable(error)
                        return default
                    self._move_aside(error)
                except OSError as error:  # e.g. the cache folder cannot be created
                    self._disable(error)
                    return default
            return default

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # The connection is used by whichever worker thread translates; the lock
            # above serialises access, so SQLite's same-thread check is not needed.
            connection = sqlite3.connect(self.path, timeout=10.0, check_same_thread=False)
            connection.text_factory = decode
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
                problems = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
                if problems != ["ok"]:
                    raise sqlite3.DatabaseError("quick_check: " + "; ".join(problems))
                connection.execute(SCHEMA)
                migrate(connection)
            except BaseException:
                connection.close()
                raise
            self._connection = connection
        return self._connection

    def _move_aside(self, error: sqlite3.DatabaseError) -> None:
        """Keep the damaged file for inspection and start afresh."""
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
            self._connection = None
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        log.error("translation cache %s is damaged (%s); set it aside as %s and started "
                  "a new one", self.path, error, aside.name)
        with contextlib.suppress(FileNotFoundError):
            self.path.replace(aside)
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                self.path.with_name(self.path.name + suffix).unlink()

    def _disable(self, error: Exception) -> None:
        log.warning("translation cache %s is unavailable (%s); translating without it",
                    self.path, error)
        self.disabled = True
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
            self._connection = None
