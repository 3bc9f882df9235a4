"""How well Tarjama reads Arabic PDFs: character errors, key figures, page furniture.

    PYTHONPATH=desktop python benchmarks/pdf_quality.py [--corpus tests/data/pdf_corpus]

Every PDF of the corpus (tests/data/pdf_corpus/manifest.json: source texts, producer,
columns; made by scripts/make_pdf_corpus.py) is read with
``tarjama.core.documents.read_document`` and compared with its source texts:
- CER: Levenshtein distance / source length, over the source (headline and paragraphs
  of each article, in order) and the extracted paragraphs, each joined with single
  spaces and all whitespace collapsed, so only the characters and word spaces count,
  not where paragraphs were cut;
- figures: ``tarjama.core.figures.extract_arabic`` on both sides; a source figure is
  intact when the extraction has a figure with the same value whose preceding and
  following words are the same as in the source;
- furniture: running header lines and page numbers that leaked into the text;
- paragraphs: source paragraphs (headlines included) found whole in the extraction.
The target, for every producer: CER <= 0.5 % and every figure intact.
Run it with PYTHONPATH=/tmp/before/desktop (an older checkout) for "before" figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "pdf_corpus"
TARGET_CER = 0.005
HEADER = "نشرة الأخبار المحلية"
_NUMBER = "[0-9\u0660-\u0669]+"
# A page number left in the text: alone in a paragraph, or "صفحة 2 من 3" anywhere.
_PAGE_NUMBER = re.compile(
    rf"(?:^[\s\-–—]*{_NUMBER}[\s\-–—]*$)|(?:صفحة\s*{_NUMBER}\s*من\s*{_NUMBER})"
)
_WORD = re.compile(r"[^\s.,،:;!?؟()«»\[\]\"'\-]+")


def levenshtein(a: str, b: str) -> int:
    """Edit distance in linear memory: Myers' bit-parallel algorithm on Python ints."""
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return len(a)
    masks: dict[str, int] = {}
    for index, char in enumerate(b):
        masks[char] = masks.get(char, 0) | (1 << index)
    full = (1 << len(b)) - 1
    top = 1 << (len(b) - 1)
    positive, negative, score = full, 0, len(b)
    for char in a:
        equal = masks.get(char, 0)
        vertical = equal | negative
        horizontal = (((equal & positive) + positive) ^ positive) | equal
        plus = negative | (~(horizontal | positive) & full)
        minus = positive & horizontal
        if plus & top:
            score += 1
        elif minus & top:
            score -= 1
        plus = ((plus << 1) | 1) & full
        minus = (minus << 1) & full
        positive = minus | (~(vertical | plus) & full)
        negative = plus & vertical
    return score


def flatten(paragraphs) -> str:
    return " ".join(" ".join(paragraphs).split())


def source_paragraphs(corpus: Path, names: list[str]) -> list[str]:
    paragraphs = []
    for name in names:
        text = (corpus / "sources" / name).read_text("utf-8")
        paragraphs += [block.strip() for block in text.split("\n\n") if block.strip()]
    return paragraphs


def figure_keys(text: str) -> Counter:
    """(value, word before, word after) for every figure of ``text``."""
    from tarjama.core.figures import extract_arabic

    keys: Counter = Counter()
    for figure in extract_arabic(text):
        before = _WORD.findall(text[: figure.start])[-1:] or [""]
        after = _WORD.findall(text[figure.end :])[:1] or [""]
        keys[(figure.value, before[0], after[0])] += 1
    return keys


def furniture_leaks(paragraphs) -> int:
    leaks = sum(paragraph.count(HEADER) for paragraph in paragraphs)
    return leaks + sum(len(_PAGE_NUMBER.findall(paragraph)) for paragraph in paragraphs)


def measure(pdf: Path, sources: list[str]) -> dict:
    from tarjama.core.documents import read_document

    expected = flatten(sources)
    try:
        extracted_paragraphs = list(read_document(pdf).paragraphs)
    except Exception as error:  # a reader that fails counts as reading nothing
        print(f"  {pdf.name}: {error}", file=sys.stderr)
        extracted_paragraphs = []
    extracted = flatten(extracted_paragraphs)
    wanted = figure_keys(expected)
    found = figure_keys(extracted)
    intact = sum(min(count, found[key]) for key, count in wanted.items())
    missing = sorted((wanted - found).elements())
    return {
        "cer": levenshtein(expected, extracted) / max(len(expected), 1),
        "figures": (intact, sum(wanted.values())),
        "missing": missing,
        "leaks": furniture_leaks(extracted_paragraphs),
        "paragraphs": (sum(1 for p in sources if p in extracted_paragraphs), len(sources)),
        "text": extracted,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show-missing", action="store_true")
    arguments = parser.parse_args()
    manifest = json.loads((arguments.corpus / "manifest.json").read_text("utf-8"))
    by_producer: dict[str, bool] = defaultdict(lambda: True)
    print(
        f"{'producer':<12} {'cols':>4} {'CER':>8} {'figures':>9} {'furniture':>9} "
        f"{'paragraphs':>10}"
    )
    for name, entry in manifest.items():
        result = measure(
            arguments.corpus / name, source_paragraphs(arguments.corpus, entry["sources"])
        )
        intact, total = result["figures"]
        ok = result["cer"] <= TARGET_CER and intact == total
        by_producer[entry["producer"]] &= ok
        print(
            f"{entry['producer']:<12} {entry['columns']:>4} {result['cer']:>7.2%} "
            f"{intact:>4}/{total:<4} {result['leaks']:>9} "
            f"{'{}/{}'.format(*result['paragraphs']):>10}"
        )
        if arguments.show_missing and result["missing"]:
            print("    missing:", result["missing"])
    passed = all(by_producer.values())
    failing = ", ".join(sorted(p for p, ok in by_producer.items() if not ok))
    print(
        f"{'PASS' if passed else 'FAIL'}: CER <= {TARGET_CER:.1%} and every figure intact"
        + ("" if passed else f" (failing: {failing})")
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
