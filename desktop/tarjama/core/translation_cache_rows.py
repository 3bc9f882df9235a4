"""How a row of the translation cache is written, checked and brought up to date.

A row holds a translation keyed by pack fingerprint, settings and source sentence, with a
checksum of key and text, and optionally ``details`` (score and repair, JSON) with a
checksum of their own (see ``translation_cache``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3

from tarjama.core.translate_result import Repair, Translation

log = logging.getLogger("tarjama.core.translation_cache")

SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    pack TEXT NOT NULL,
    settings TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    checksum TEXT,
    details TEXT,
    details_checksum TEXT,
    PRIMARY KEY (pack, settings, source)
) WITHOUT ROWID
"""


def row_checksum(pack: str, settings: str, source: str, target: str) -> str:
    """The checksum stored with a row: BLAKE2b-128 of its key and translation."""
    joined = "\x1f".join((pack, settings, source, target))
    # surrogatepass: a damaged row decoded with surrogateescape still hashes (and fails)
    return hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def details_checksum(pack: str, settings: str, source: str, target: str, details: str) -> str:
    """The checksum of a row's details: they only count with the key and text they go with."""
    return row_checksum(pack, settings, source, target + "\x1e" + details)


def details_of(translation: Translation) -> str | None:
    if translation.score is None and translation.repair is None:
        return None
    return json.dumps({"score": translation.score,
                       "repair": translation.repair.to_dict() if translation.repair else None},
                      ensure_ascii=False, sort_keys=True)


def decode(raw: bytes) -> str:
    # Damaged bytes that are no longer UTF-8 must fail the checksum, not the query.
    return raw.decode("utf-8", "surrogateescape")


def encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True



def verified(pack: str, settings: str, source: str, target: str, checksum: str,
              details: str | None, extra: str | None) -> Translation | None:
    """The row's translation; None when a checksum fails or the details do not parse."""
    if checksum != row_checksum(pack, settings, source, target):
        return None
    if details is None:
        return Translation(target)
    if extra != details_checksum(pack, settings, source, target, details):
        return None
    try:
        data = json.loads(details)
        score, repair = data.get("score"), data.get("repair")
        return Translation(target, None if score is None else float(score),
                           Repair.from_dict(repair) if repair else None)
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def migrate(connection: sqlite3.Connection) -> None:
    """Bring a cache from an older Tarjama up to the columns of this one.

    Before checksums: the column is added and the unverifiable rows dropped. Before
    scores: the details columns are added and the rows kept (they give score None).
    """
    def columns() -> set[str]:
        return {row[1] for row in connection.execute("PRAGMA table_info(translations)")}

    if {"checksum", "details", "details_checksum"} <= columns():
        return
    # BEGIN IMMEDIATE: two processes opening an old file at once migrate it once.
    connection.execute("BEGIN IMMEDIATE")
    try:
        present = columns()
        if "checksum" not in present:
            dropped = connection.execute("DELETE FROM translations").rowcount
            connection.execute("ALTER TABLE translations ADD COLUMN checksum TEXT")
            log.info("translation cache: added checksums, dropped %d unverified rows", dropped)
        for column in ("details", "details_checksum"):
            if column not in present:
                connection.execute(f"ALTER TABLE translations ADD COLUMN {column} TEXT")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
