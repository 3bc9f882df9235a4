"""HTML article extraction: precision and recall of the kept text on generated news pages.

Each page of ``tarjama.devtools.news_pages`` is written to a temporary ``.html`` file and
read with ``read_document``; the kept paragraphs are compared with the page's gold article
on word tokens (multiset overlap). Prints one line per page layout, the overall figures,
the time to read a large page, and PASS or FAIL against the targets.

    python benchmarks/html_quality.py [--seeds 3] [--large-mb 5] [--show]

The generator is loaded from this checkout by file path, and ``tarjama`` is whatever is
importable, so an older reader can be measured against the same pages:

    PYTHONPATH=/tmp/before/desktop python benchmarks/html_quality.py
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = 0.95
_WORD = re.compile(r"\w+")


def load_generator():
    """The page generator from this checkout, whichever ``tarjama`` is imported.

    Its three modules are loaded by path under their package names, so they import one
    another from here even when ``tarjama`` itself comes from an older checkout.
    """
    import tarjama.devtools  # noqa: F401 (their package, from whichever checkout)

    folder = REPO / "desktop" / "tarjama" / "devtools"
    module = None
    for name in ("news_articles", "news_furniture", "news_pages"):
        spec = importlib.util.spec_from_file_location(f"tarjama.devtools.{name}",
                                                      folder / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up by name
        spec.loader.exec_module(module)
    return module


def words(paragraphs) -> Counter:
    return Counter(word for paragraph in paragraphs for word in _WORD.findall(paragraph))


def overlap(kept: Counter, gold: Counter) -> tuple[int, int, int]:
    """(shared, kept, gold) word counts."""
    return sum((kept & gold).values()), sum(kept.values()), sum(gold.values())


def show(page, kept) -> None:
    extra = [p for p in kept if p not in page.gold]
    missed = [p for p in page.gold if p not in kept]
    for label, paragraphs in (("kept, not gold", extra), ("gold, not kept", missed)):
        for paragraph in paragraphs:
            print(f"  {page.name}: {label}: {paragraph}")


def read_page(data: bytes, folder: Path):
    from tarjama.core.documents import read_document

    path = folder / "page.html"
    path.write_bytes(data)
    return read_document(path)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3, help="page sets to generate")
    parser.add_argument("--large-mb", type=float, default=5.0, help="size of the timed page")
    parser.add_argument("--show", action="store_true",
                        help="print the paragraphs kept that are not gold, and the gold missed")
    args = parser.parse_args(argv)
    import tarjama

    generator = load_generator()
    print(f"reader: {Path(tarjama.__file__).parent}")
    totals: dict[str, list[int]] = {}
    titles = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for seed in range(args.seeds):
            for page in generator.news_pages(seed):
                document = read_page(page.data, folder)
                counts = overlap(words(document.paragraphs), words(page.gold))
                total = totals.setdefault(page.name, [0, 0, 0])
                for index, value in enumerate(counts):
                    total[index] += value
                good = document.title == page.article.headline and (
                    document.paragraphs[:1] == (page.article.headline,)
                )
                titles.setdefault(page.name, []).append(good)
                if args.show:
                    show(page, document.paragraphs)
        print(f"{'layout':16} {'precision':>9} {'recall':>7}  headline title+first")
        overall = [0, 0, 0]
        for name, (shared, kept, gold) in totals.items():
            overall = [a + b for a, b in zip(overall, (shared, kept, gold), strict=True)]
            ok = sum(titles[name])
            print(f"{name:16} {shared / max(kept, 1):9.3f} {shared / gold:7.3f}  "
                  f"{ok}/{len(titles[name])}")
        shared, kept, gold = overall
        precision, recall = shared / max(kept, 1), shared / gold
        print(f"{'overall':16} {precision:9.3f} {recall:7.3f}")
        large = generator.large_page(int(args.large_mb * 1024 * 1024))
        start = time.perf_counter()
        document = read_page(large.data, folder)
        elapsed = time.perf_counter() - start
        shared, kept, gold = overlap(words(document.paragraphs), words(large.gold))
        print(f"large page {len(large.data) / 1e6:.1f} MB: {elapsed:.1f} s, "
              f"precision {shared / max(kept, 1):.3f}, recall {shared / gold:.3f}")
    passed = precision >= TARGET and recall >= TARGET
    print(f"{'PASS' if passed else 'FAIL'}: precision {precision:.3f}, recall {recall:.3f} "
          f"(target >= {TARGET} each)")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
