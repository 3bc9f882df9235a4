"""The articles of a batch: each input as the run first sees it, and once read for translation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tarjama.core.batch.discover import InputFile
from tarjama.core.batch.records import ArticleRecord
from tarjama.core.errors import InputFileError
from tarjama.core.pipeline import SentenceResult, segment

if TYPE_CHECKING:
    from tarjama.core.documents import Document
    from tarjama.core.translate import Translator


@dataclass(frozen=True)
class BatchEntry:
    """An input file, the digest of its bytes, and its record if an earlier run finished it."""

    item: InputFile
    source_sha256: str
    done: ArticleRecord | None


@dataclass
class ArticleInProgress:
    """A read and segmented article whose translations are arriving; ``remaining`` counts
    the sentences still to come."""

    item: InputFile
    source_sha256: str
    document: Document
    results: list[SentenceResult]
    remaining: int


def read_article(entry: BatchEntry, translator: Translator, max_sentence_tokens: int, *,
                 encoding: str | None = None) -> ArticleInProgress:
    """Read and segment one article, with the figures of each source sentence.

    Raises:
        InputFileError: the file cannot be read; any unexpected reader error is turned
            into one too, because a reader bug must not stop an overnight batch.
    """
    from tarjama.core.documents import read_document
    from tarjama.core.figures import extract_arabic

    try:
        document = read_document(entry.item.path, encoding=encoding)
        sentences = segment(document, translator, max_sentence_tokens)
    except InputFileError:
        raise
    except Exception as exc:
        raise InputFileError(entry.item.path,
                             f"could not be read ({type(exc).__name__}: {exc})") from exc
    results = [SentenceResult(s, extract_arabic(s.text)) for s in sentences]
    return ArticleInProgress(entry.item, entry.source_sha256, document, results, len(results))
