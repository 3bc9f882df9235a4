"""The folder of articles the batch benchmarks translate, built from the shared samples.

Each article is a run of consecutive sentences of one sample, one paragraph per
sentence, each sentence tagged with its article number, so sentences stay whole, no two
are alike, and the translator's de-duplication gains nothing.
"""

from __future__ import annotations

from pathlib import Path


def write_articles(samples: Path, folder: Path, count: int, per_article: int) -> None:
    """Write ``count`` articles of ``per_article`` sentences each into ``folder``."""
    from tarjama.core.documents import read_document
    from tarjama.core.segment import split_sentences

    pools = [[s.text for s in split_sentences(read_document(f).paragraphs)]
             for f in sorted(samples.glob("*.ar.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(count):
        pool = pools[k % len(pools)]
        start = (k * per_article) % len(pool)
        chosen = [pool[(start + i) % len(pool)] for i in range(per_article)]
        text = "\n\n".join(f"(تقرير {k + 1}) {sentence}" for sentence in chosen)
        (folder / f"article-{k + 1:03d}.txt").write_text(text + "\n", encoding="utf-8")
