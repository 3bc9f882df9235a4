"""The articles of a batch: each input as the run first sees it, and once read for translation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tarjama.core.batch.discover import InputFile
from tarjama.core.errors import Cancelled, InputFileError
from tarjama.core.pipeline import SentenceResult, segment

if TYPE_CHECKING:
    from tarjama.core.documents import Document
    from tarjama.core.translate import Translator


@dataclass(frozen=True)
class BatchEntry:
    """An input file, the digest of its bytes, the sentence count of its record if an
    earlier run finished it (None: to do), and its place in the batch's input list."""

    item: InputFile
    source_sha256: str
    done_sentences: int | None
    position: int = -1


@dataclass
class ArticleInProgress:
    """A read and segmented article whose translations are arriving; ``remaining`` counts
    the sentences still to come."""

    item: InputFile
    source_sha256: str
    document: Document
    results: list[SentenceResult]
    remaining: int
    position: int = -1  # in the batch's input list


ReadDocument = Callable[[Path, "str | None"], "Document"]


def read_article(entry: BatchEntry, translator: Translator, max_sentence_tokens: int, *,
                 encoding: str | None = None,
                 read: ReadDocument | None = None) -> ArticleInProgress:
    """Read (with ``read(path, encoding)``, by default ``read_document`` in this process)
    and segment one article, with the figures of each source sentence.

    Raises:
        InputFileError: the file cannot be read; any unexpected reader error is turned
            into one too, because a reader bug must not stop an overnight batch.
        Cancelled: the batch was cancelled while the file was being read.
    """
    from tarjama.core.figures import extract_arabic

    if read is None:
        from tarjama.core.documents import read_document

        def read(path: Path, encoding: str | None) -> Document:
            return read_document(path, encoding=encoding)

    try:
        document = read(entry.item.path, encoding)
        sentences = segment(document, translator, max_sentence_tokens)
    except (InputFileError, Cancelled):
        raise
    except Exception as exc:
        raise InputFileError(entry.item.path,
                             f"could not be read ({type(exc).__name__}: {exc})") from exc
    results = [SentenceResult(s, extract_arabic(s.text)) for s in sentences]
    return ArticleInProgress(entry.item, entry.source_sha256, document, results, len(results),
                             entry.position)
