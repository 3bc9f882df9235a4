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

    PYTHONPATH=desktop python benchmarks/pdf_quality.py --held-out [--show-diff] [--keep DIR]

Held-out mode checks the reader on texts it was not developed on, rendered at run
time into a temporary folder (or DIR) by scripts/make_pdf_corpus.py's renderers in
variants the corpus lacks (fonts, 10-16 pt, justified and ragged, A4 and Letter):
the shared samples /work/shared/samples/*.ar.txt (one paragraph a line; read where
they are, never copied into the repository, skipped when absent) and
tests/data/pdf_corpus/held-out/*.txt (Latin words, acronyms, decimals, thousands
separators, negatives, ranges, times, hijri dates, «», a footnote marker, a bullet
list and a table; see make_pdf_corpus.py for the block markup). CER and figures are
measured as above, with the expected text defined for the extra blocks as:
- a bullet list: each item's text in order, without the bullet; bullet glyphs
  (• ◦ ▪ ● ▫ · and the Symbol font's U+F0B7) are removed from the extraction too,
  since a reader may keep them;
- a table: the cells' text in row order, each row's cells in reading order (first
  cell the rightmost), as if each cell were a short paragraph;
- a footnote marker "^1": its digits right after the word, as the text layer has them.
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
_FOOTNOTE_MARK = re.compile(r"\^(\d+)")
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
    # "^1" marks a superscript footnote marker (see make_pdf_corpus.py): its digits stay.
    return [_FOOTNOTE_MARK.sub(r"\1", paragraph) for paragraph in paragraphs]


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


def measure(pdf: Path, sources: list[str], ignored: re.Pattern | None = None) -> dict:
    from tarjama.core.documents import read_document

    expected = flatten(sources)
    try:
        extracted_paragraphs = list(read_document(pdf).paragraphs)
    except Exception as error:  # a reader that fails counts as reading nothing
        print(f"  {pdf.name}: {error}", file=sys.stderr)
        extracted_paragraphs = []
    if ignored is not None:
        extracted_paragraphs = [ignored.sub("", p).strip() for p in extracted_paragraphs]
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


SAMPLES = Path("/work/shared/samples")
HELD_OUT = CORPUS / "held-out"
# Bullet glyphs; U+F0B7 is the Symbol font's bullet, which LibreOffice's lists draw.
_BULLETS = re.compile("[\u2022\u25e6\u25aa\u25cf\u25ab\u00b7\uf0b7]")


def held_out_variants():
    """(name, producer, columns, style): each producer in fonts, sizes, pages it lacks."""
    from make_pdf_corpus import Style

    def style(family, size, align, page):
        return Style(family, size, align=align, page=page)

    sans, naskh, kufi, dejavu = (
        "Noto Sans Arabic",
        "Noto Naskh Arabic",
        "Noto Kufi Arabic",
        "DejaVu Sans",
    )
    return [
        ("qt-sans11-A4", "qt", 1, style(sans, 11, "justify", "A4")),
        ("qt-dejavu10-2col-ragged-Letter", "qt", 2, style(dejavu, 10, "start", "Letter")),
        ("qt-kufi14-ragged-A4", "qt", 1, style(kufi, 14, "start", "A4")),
        ("chromium-kufi14-ragged-Letter", "chromium", 1, style(kufi, 14, "start", "Letter")),
        ("chromium-naskh12-2col-A4", "chromium", 2, style(naskh, 12, "justify", "A4")),
        ("chromium-dejavu16-A4", "chromium", 1, style(dejavu, 16, "justify", "A4")),
        ("weasyprint-sans13-ragged-A4", "weasyprint", 1, style(sans, 13, "start", "A4")),
        ("weasyprint-kufi10-2col-Letter", "weasyprint", 2, style(kufi, 10, "justify", "Letter")),
        ("lo-docx-dejavu12-Letter", "lo-docx", 1, style(dejavu, 12, "justify", "Letter")),
        ("lo-docx-sans10-2col-ragged-A4", "lo-docx", 2, style(sans, 10, "start", "A4")),
        ("lo-odt-kufi15-A4", "lo-odt", 1, style(kufi, 15, "justify", "A4")),
        ("lo-odt-naskh11-2col-ragged-Letter", "lo-odt", 2, style(naskh, 11, "start", "Letter")),
    ]


def held_out_texts() -> list[tuple[str, tuple[str, list[str]]]]:
    """(short name, article) for the shared samples and the held-out articles."""
    from make_pdf_corpus import parse_article

    texts = []
    samples = sorted(SAMPLES.glob("*.ar.txt"))
    if not samples:
        print(f"note: no shared samples in {SAMPLES}; only the held-out articles run")
    for path in samples:
        texts.append((path.name[:12], parse_article(path.read_text("utf-8"), by_line=True)))
    for path in sorted(HELD_OUT.glob("*.txt")):
        texts.append((path.stem[:12], parse_article(path.read_text("utf-8"))))
    return texts


def expected_paragraphs(article) -> list[str]:
    """The article as the reader should give it back; see the docstring for lists."""
    from make_pdf_corpus import block_kind, list_items, plain_text, table_rows

    headline, blocks = article
    paragraphs = [headline]
    for block in blocks:
        kind = block_kind(block)
        if kind == "list":
            paragraphs += [plain_text(item) for item in list_items(block)]
        elif kind == "table":
            paragraphs += [plain_text(cell) for row in table_rows(block) for cell in row]
        else:
            paragraphs.append(plain_text(block))
    return paragraphs


def show_diff(expected: str, extracted: str) -> None:
    import difflib

    matcher = difflib.SequenceMatcher(None, expected, extracted, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag != "equal":
            context = expected[max(0, a0 - 25) : a0]
            print(f"    {tag:<7} …{context}[{expected[a0:a1]}] → [{extracted[b0:b1]}]")


def run_held_out(arguments) -> int:
    """One PDF per variant holding every held-out text, as the corpus PDFs hold all
    theirs: so each spans pages and its running header can be told from the text."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import make_pdf_corpus

    texts = held_out_texts()
    articles = [article for _, article in texts]
    sources = [p for article in articles for p in expected_paragraphs(article)]
    expected = flatten(sources)
    print(f"texts: {', '.join(name for name, _ in texts)} ({len(expected)} characters)")
    print(
        f"{'variant':<34} {'pages':>5} {'CER':>7} {'figures':>9} {'furniture':>9} "
        f"{'paragraphs':>10}"
    )
    totals: Counter = Counter()
    with tempfile.TemporaryDirectory() as folder:
        out_dir = arguments.keep or Path(folder)
        out_dir.mkdir(parents=True, exist_ok=True)
        for variant, producer, columns, style in held_out_variants():
            pdf = out_dir / f"{variant}.pdf"
            if not (arguments.keep and pdf.exists()):
                make_pdf_corpus.RENDERERS[producer](articles, columns, pdf, Path(folder), style)
            result = measure(pdf, sources, _BULLETS)
            intact, total = result["figures"]
            whole, count = result["paragraphs"]
            errors = round(result["cer"] * len(expected))
            totals.update(
                errors=errors,
                length=len(expected),
                intact=intact,
                total=total,
                whole=whole,
                count=count,
                leaks=result["leaks"],
            )
            pages = len(__import__("pypdf").PdfReader(pdf).pages)
            print(
                f"{variant:<34} {pages:>5} {result['cer']:>7.2%} {intact:>4}/{total:<4} "
                f"{result['leaks']:>9} {whole:>5}/{count:<4}"
            )
            if arguments.show_missing and result["missing"]:
                print("    missing:", result["missing"])
            if arguments.show_diff:
                show_diff(expected, result["text"])
    print(
        f"overall: CER {totals['errors'] / max(totals['length'], 1):.2%}, figures intact "
        f"{totals['intact']}/{totals['total']}, furniture leaks {totals['leaks']}, "
        f"paragraphs whole {totals['whole']}/{totals['count']}"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show-missing", action="store_true")
    parser.add_argument("--held-out", action="store_true", help="render and read unseen texts")
    parser.add_argument("--show-diff", action="store_true", help="held-out: source vs extraction")
    parser.add_argument("--keep", type=Path, help="held-out: keep (and reuse) the PDFs here")
    arguments = parser.parse_args()
    if arguments.held_out:
        return run_held_out(arguments)
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
