"""The files ``screenshots.py`` feeds the reader: a long article, a batch folder, a query.

Made from the sample article and the other samples beside it, in the run's private work
folder, once per run.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

BROKEN_FILE = "broken-scan.pdf"  # sorts before the samples, so it fails early in a batch


def arabic_query(text: str) -> str:
    """A word worth finding: the commonest Arabic word of four letters or more, not a
    function word (داعش in the ISIS samples)."""
    try:
        from tarjama.core.stopwords_ar import arabic_stop_words

        stop = arabic_stop_words()
    except ImportError:
        stop = frozenset()
    words = Counter(w for w in re.findall(r"[\u0621-\u064A]{4,}", text) if w not in stop)
    return words.most_common(1)[0][0] if words else "داعش"


def long_article(work: Path, sample: Path) -> Path:
    """``sample`` with the other samples of its folder after it, as one text file."""
    path = work / f"long-{sample.name}"
    if not path.is_file():
        others = [p for p in sorted(sample.parent.glob("*.ar.txt")) if p != sample]
        texts = [p.read_text(encoding="utf-8") for p in (sample, *others)]
        path.write_text("\n\n".join(text.strip() for text in texts) + "\n", encoding="utf-8")
    return path


def batch_folder(work: Path, sample: Path) -> Path:
    """A folder of the samples beside ``sample`` and one file that cannot be read."""
    folder = work / "batch-in"
    if not folder.is_dir():
        folder.mkdir(parents=True)
        for article in sorted(sample.parent.glob("*.ar.txt")) or [sample]:
            (folder / article.name).write_bytes(article.read_bytes())
        (folder / BROKEN_FILE).write_bytes(b"\x00\x01 not a PDF at all " * 40)
    return folder
