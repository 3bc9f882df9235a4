"""Sentence-splitting quality and speed of ``tarjama.core.segment``.

* boundaries on TICO-19 (``../shared/testsets/tico19``): consecutive Arabic lines are
  joined by a space into paragraphs of 3 to 8 lines (the sizes cycle, so the grouping is
  deterministic); the gold boundaries are the joins. A join counts for the target only
  when its line ends with a sentence mark (``. ! ? ؟ ۔ …``, maybe followed by closing
  quotes or brackets). Some TICO lines hold more than one sentence: a split inside a line
  is excused (neither right nor wrong) up to the number of extra sentences its English
  reference has, and any further split inside the line is a false boundary;
* boundaries on the project's own paragraphs, ``benchmarks/data/segmentation_gold.jsonl``
  (one JSON object per paragraph: ``id``, ``kind``, ``text``, ``sentences``), with the
  recall per kind of paragraph;
* length cuts: every sentence of both sets and of generated figure-heavy sentences is cut
  with small token limits, and each cut that falls inside a number, a date or a figure
  with its scale is counted (target 0). The check is this script's own, so it judges any
  version of the segmenter;
* speed: seconds per 100 KB on news text and on hostile inputs (10,000 unmatched
  brackets, stray quotes, no sentence end at all...), at 50 KB and 100 KB so that a
  non-linear pass shows; each case runs in its own process with a time limit.

Works with older versions of the segmenter (``PYTHONPATH=/tmp/before/desktop``); prints
which one it imported.

    python benchmarks/segmentation_quality.py [--tico DIR] [--gold FILE] [--examples N]
                                              [--time-limit SECONDS] [--no-timing]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Appended, not prepended: PYTHONPATH chooses the version to measure.
sys.path.append(str(REPO / "desktop"))

import tarjama.core.segment as segment  # noqa: E402

DEFAULT_TICO = REPO.parent / "shared" / "testsets" / "tico19"
DEFAULT_GOLD = REPO / "benchmarks" / "data" / "segmentation_gold.jsonl"
TARGET_F1 = 0.95
GROUP_SIZES = (3, 4, 5, 6, 7, 8)
# Below about 12 tokens (8 words) a date such as "10 – 12 تشرين الثاني 2023" alone is
# over the limit and has to be cut; such limits say nothing about the cut's choices.
CUT_LIMITS = (12, 20, 40)
UNLIMITED = 10**9

_MARKED = re.compile(r"[.!?؟۔…][\"'»«”“’)\]]*$")
_ENGLISH_ABBREVIATIONS = {
    "dr",
    "mr",
    "mrs",
    "ms",
    "st",
    "vs",
    "no",
    "prof",
    "jr",
    "sr",
    "al",
    "fig",
}
_ENGLISH_END = re.compile(r"([A-Za-z0-9%)\]\"”’']+)[.!?]+[\"”’')\]]*\s*(?=[\"“(]?[A-Z])")


def english_sentences(line: str) -> int:
    """A rough count of the sentences of an English reference line ("end.Next" counts)."""
    count = 1
    for match in _ENGLISH_END.finditer(line.strip()):
        word = match[1].strip("\"”’')]")
        if word.lower() in _ENGLISH_ABBREVIATIONS or len(word) == 1:
            continue  # "Dr. Flora", "U.S. Centers"
        count += 1
    return count


def spans(paragraph: str) -> list[tuple[int, int]]:
    """The sentences of one paragraph, without any length cut."""
    return [(s.start, s.end) for s in segment.split_sentences([paragraph], max_tokens=UNLIMITED)]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    excused: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    def line(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        extra = f"  excused {self.excused}" if self.excused else ""
        return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {self.tp} fp {self.fp} fn {self.fn}{extra})"

    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def context(text: str, position: int, width: int = 45) -> str:
    return f"…{text[max(0, position - width) : position]}‖{text[position : position + width]}…"


def score_paragraph(
    text: str,
    gold: list[tuple[int, int, bool]],
    allowed_inside: list[tuple[int, int, int]],
    scores: tuple[Score, Score],
) -> list[bool]:
    """Score one paragraph; ``gold`` is (end of a sentence, start of the next, marked),
    ``allowed_inside`` (start, end, excusable splits) for each gold segment.
    Returns whether each gold boundary was found."""
    predicted = spans(text)
    cuts = [(predicted[i][1], predicted[i + 1][0]) for i in range(len(predicted) - 1)]
    gold_ends = {end: index for index, (end, _, _) in enumerate(gold)}
    gold_starts = {start: index for index, (_, start, _) in enumerate(gold)}
    found = [False] * len(gold)
    unmatched = []
    for end, start in cuts:
        index = gold_ends.get(end, gold_starts.get(start))
        if index is not None and not found[index]:
            found[index] = True
        else:
            unmatched.append(end)
    everything, marked = scores
    for (end, _start, is_marked), hit in zip(gold, found, strict=True):
        for score in (everything, marked) if is_marked else (everything,):
            if hit:
                score.tp += 1
            else:
                score.fn += 1
                score.misses.append(context(text, end))
    budget = {index: allowed for index, (_, _, allowed) in enumerate(allowed_inside)}
    for end in unmatched:
        segment_index = next(
            (i for i, (s, e, _) in enumerate(allowed_inside) if s <= end <= e), None
        )
        if segment_index is not None and budget[segment_index] > 0:
            budget[segment_index] -= 1
            everything.excused += 1
            marked.excused += 1
            continue
        everything.fp += 1
        marked.fp += 1
        everything.false.append(context(text, end))
    return found


def tico_paragraphs(folder: Path) -> list[tuple[list[str], list[str]]] | None:
    arabic, english = folder / "tico19-test.ar", folder / "tico19-test.en"
    if not arabic.is_file():
        return None
    ar_lines = [line.strip() for line in arabic.read_text(encoding="utf-8").splitlines()]
    if english.is_file():
        en_lines = english.read_text(encoding="utf-8").splitlines()
    else:
        en_lines = [""] * len(ar_lines)
    pairs = [(a, e) for a, e in zip(ar_lines, en_lines, strict=False) if a]
    groups, position, turn = [], 0, 0
    while position < len(pairs):
        size = GROUP_SIZES[turn % len(GROUP_SIZES)]
        chunk = pairs[position : position + size]
        groups.append(([a for a, _ in chunk], [e for _, e in chunk]))
        position += size
        turn += 1
    return groups


def score_tico(groups: list[tuple[list[str], list[str]]]) -> tuple[Score, Score]:
    scores = (Score(), Score())
    for ar_lines, en_lines in groups:
        text = " ".join(ar_lines)
        gold, allowed, offset = [], [], 0
        for index, line in enumerate(ar_lines):
            end = offset + len(line)
            allowed.append((offset, end, english_sentences(en_lines[index]) - 1))
            if index + 1 < len(ar_lines):
                gold.append((end, end + 1, bool(_MARKED.search(line))))
            offset = end + 1
        score_paragraph(text, gold, allowed, scores)
    return scores


def load_gold(path: Path) -> tuple[list[dict], int]:
    entries, bad = [], 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        try:
            entry = json.loads(raw)
            if not isinstance(entry["text"], str) or not entry["sentences"]:
                raise TypeError("no text or no sentences")
        except (ValueError, KeyError, TypeError):
            bad += 1
            continue
        entries.append(entry)
    return entries, bad


def score_gold(entries: list[dict]) -> tuple[Score, Score, dict[str, Score]]:
    scores = (Score(), Score())
    by_kind: dict[str, Score] = {}
    for entry in entries:
        text, sentences = entry["text"], entry["sentences"]
        located, position = [], 0
        for sentence in sentences:
            start = text.find(sentence, position)
            if start < 0:
                break
            located.append((start, start + len(sentence)))
            position = start + len(sentence)
        if len(located) != len(sentences):
            print(f"  skipped {entry.get('id')}: a gold sentence is not in its text")
            continue
        gold = [
            (located[i][1], located[i + 1][0], bool(_MARKED.search(sentences[i])))
            for i in range(len(located) - 1)
        ]
        allowed = [(s, e, 0) for s, e in located]
        kind_scores = (Score(), Score())
        found = score_paragraph(text, gold, allowed, kind_scores)
        for score, kind_score in zip(scores, kind_scores, strict=True):
            score.tp += kind_score.tp
            score.fp += kind_score.fp
            score.fn += kind_score.fn
            score.misses += [f"{entry.get('id')}: {m}" for m in kind_score.misses]
            score.false += [f"{entry.get('id')}: {m}" for m in kind_score.false]
        summary = by_kind.setdefault(entry.get("kind", "?"), Score())
        summary.tp += sum(found)
        summary.fn += len(found) - sum(found)
        summary.fp += kind_scores[0].fp
    return scores[0], scores[1], by_kind


# ---- length cuts -----------------------------------------------------------------------

_D = "[0-9٠-٩۰-۹]"
_MONTH_WORDS = (
    "كانون|تشرين|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|يناير|فبراير|"
    "مارس|أبريل|ابريل|إبريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر"
)
_SCALES = "ألف|آلاف|الف|مليون|ملايين|مليار|مليارات|%|٪|في المئة|بالمئة|دولار"
_BEFORE_CUT = {
    "number": re.compile(rf"{_D}[.,٫٬،/:\-]?$"),
    "date (day | month)": re.compile(rf"(?:^|\s){_D}{{1,2}}$"),
    "date (month | year)": re.compile(rf"(?:{_MONTH_WORDS})(?:\s+(?:الثاني|الأول|الاول))?[/)]?$"),
}
_AFTER_CUT = {
    "number": re.compile(rf"^[.,٫٬،/:\-]?{_D}"),
    "date (day | month)": re.compile(rf"^(?:من\s+)?(?:{_MONTH_WORDS})"),
    "date (month | year)": re.compile(rf"^(?:[/(]\s*\S+\s+)?{_D}{{4}}"),
    "figure (number | scale)": re.compile(rf"^(?:{_SCALES})"),
}


def bad_cut(before: str, gap: str, after: str) -> str | None:
    """The kind of figure a cut between ``before`` and ``after`` (``gap`` between them, the
    spaces the cut dropped) falls into, if any. Two numbers a space apart are two figures."""
    if not gap and _BEFORE_CUT["number"].search(before) and _AFTER_CUT["number"].match(after):
        return "number"
    for kind in ("date (day | month)", "date (month | year)"):
        if _BEFORE_CUT[kind].search(before) and _AFTER_CUT[kind].match(after):
            return kind
    if re.search(rf"{_D}$", before) and _AFTER_CUT["figure (number | scale)"].match(after):
        return "figure (number | scale)"
    return None


def generated_sentences(count: int = 400, seed: int = 7) -> list[str]:
    """Figure-heavy sentences with commas between the figures, deterministic."""
    rng = random.Random(seed)
    figures = [
        lambda: f"{rng.randint(1, 999)},{rng.randint(0, 999):03d} دولار",
        lambda: f"{rng.randint(1, 999)},{rng.randint(0, 999):03d},{rng.randint(0, 999):03d}",
        lambda: "٬".join(["١٢٠", "٠٠٠"]) + " ليرة",
        lambda: f"{rng.randint(1, 99)}.{rng.randint(0, 9)} في المئة",
        lambda: "٣٫٥ بالمئة",
        lambda: "٣،٥ مليون",
        lambda: f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(1990, 2030)}",
        lambda: "١٥ آذار ٢٠٢٤",
        lambda: f"{rng.randint(1, 28)} آذار/مارس {rng.randint(1990, 2030)}",
        lambda: f"{rng.randint(1, 28)} تشرين الثاني {rng.randint(1990, 2030)}",
        lambda: f"{rng.randint(2, 900)} ألف دولار",
        lambda: f"{rng.randint(2, 99)} %",
        lambda: f"{rng.randint(1, 28)} {rng.choice(['مايو', 'يونيو', 'أكتوبر'])}",
    ]
    fillers = [
        "وقال المسؤول إن",
        "بلغت الخسائر",
        "في",
        "نحو",
        "وأضاف البيان أن الرقم بلغ",
        "منذ",
        "حتى",
        "وسجلت الوزارة",
        "أي ما يعادل",
    ]
    joiners = [" ", "، ", ", ", " و", "؛ "]
    sentences = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(4, 9)):
            parts.append(rng.choice(fillers) + " " + rng.choice(figures)())
        text = parts[0]
        for part in parts[1:]:
            text += rng.choice(joiners) + part
        sentences.append(text + ".")
    return sentences


def count_bad_cuts(sentences: list[str]) -> tuple[int, int, Counter[str], list[str]]:
    cuts, bad, kinds, examples = 0, 0, Counter(), []
    for sentence in sentences:
        for limit in CUT_LIMITS:
            pieces = segment.split_sentences([sentence], max_tokens=limit)
            for left, right in pairwise(pieces):
                cuts += 1
                kind = bad_cut(
                    sentence[: left.end], sentence[left.end : right.start], sentence[right.start :]
                )
                if kind:
                    bad += 1
                    kinds[kind] += 1
                    examples.append(f"{kind}, limit {limit}: {context(sentence, left.end)}")
    return cuts, bad, kinds, examples


# ---- speed -----------------------------------------------------------------------------


def hostile_text(name: str, size: int, news: str) -> str:
    units = {
        "news": news + " ",
        "10k unmatched brackets": "(" * 10_000 + "]" * 10_000 + " ",
        "stray straight quotes": 'قال "نعم. وذهب ',
        "guillemets never closed": "قال «نعم. ",
        "no sentence end": "كلمة 120,000 و١٥ آذار ٢٠٢٤، ",
        "abbreviations only": "د. أ. م. ",
        "dotted run, no space": "ب.",
        "one 100 KB word": "س",
    }
    unit = units[name]
    return (unit * (size // len(unit) + 1))[:size]


TIME_CASES = (
    "news",
    "10k unmatched brackets",
    "stray straight quotes",
    "guillemets never closed",
    "no sentence end",
    "abbreviations only",
    "dotted run, no space",
    "one 100 KB word",
)


def time_case(name: str, size: int, news_file: str) -> float:
    news = Path(news_file).read_text(encoding="utf-8") if news_file else "جملة قصيرة. " * 10
    text = hostile_text(name, size, news)
    start = time.perf_counter()
    segment.split_sentences([text])
    return time.perf_counter() - start


def timed_in_subprocess(name: str, size: int, news_file: str, limit: float) -> str:
    command = [
        sys.executable,
        __file__,
        "--time-case",
        name,
        "--size",
        str(size),
        "--news-file",
        news_file,
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return f"> {limit:.0f} s"
    except subprocess.CalledProcessError as error:
        return "error: " + (error.stderr.strip().splitlines() or ["?"])[-1]
    return f"{float(done.stdout.strip()):.3f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tico", type=Path, default=DEFAULT_TICO)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--examples", type=int, default=5)
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--time-case", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=100_000, help=argparse.SUPPRESS)
    parser.add_argument("--news-file", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time_case:
        print(time_case(args.time_case, args.size, args.news_file))
        return 0

    print(f"segmenter: {segment.__file__}")
    verdicts = []
    long_sentences: list[str] = []
    news_text = ""

    groups = tico_paragraphs(args.tico)
    if groups is None:
        print(f"\n== TICO-19: skipped, {args.tico} is absent (../shared is beside the checkout) ==")
    else:
        lines = sum(len(group[0]) for group in groups)
        print(f"\n== TICO-19: {lines} lines in {len(groups)} paragraphs ==")
        everything, marked = score_tico(groups)
        print(f"all joins        {everything.line()}")
        print(f"marked joins     {marked.line()}")
        verdicts.append(("TICO-19, marked joins", marked.f1()))
        for title, items in (("missed", marked.misses), ("false", everything.false)):
            for example in items[: args.examples]:
                print(f"  {title}: {example}")
        paragraphs = [" ".join(g[0]) for g in groups]
        long_sentences += [
            paragraphs[i][s:e] for i in range(len(paragraphs)) for s, e in spans(paragraphs[i])
        ]
        news_text = "\n".join(paragraphs)

    if not args.gold.is_file():
        print(f"\n== own paragraphs: skipped, {args.gold} is absent ==")
    else:
        entries, bad = load_gold(args.gold)
        print(
            f"\n== own paragraphs: {len(entries)} in {args.gold.name}"
            + (f" ({bad} unreadable lines skipped)" if bad else "")
            + " =="
        )
        everything, marked, by_kind = score_gold(entries)
        print(f"all boundaries   {everything.line()}")
        print(f"marked           {marked.line()}")
        for kind, score in sorted(by_kind.items()):
            print(f"  {kind:<12} {score.line()}")
        verdicts.append(("own paragraphs, marked", marked.f1()))
        for title, items in (("missed", everything.misses), ("false", everything.false)):
            for example in items[: args.examples]:
                print(f"  {title}: {example}")
        long_sentences += [entry["text"] for entry in entries]
        news_text = news_text or "\n".join(entry["text"] for entry in entries)

    generated = generated_sentences()
    print(f"\n== length cuts (limits {', '.join(map(str, CUT_LIMITS))} tokens) ==")
    for title, sentences in (("news sentences", long_sentences), ("generated figures", generated)):
        started = time.perf_counter()
        cuts, bad, kinds, examples = count_bad_cuts(sentences)
        took = time.perf_counter() - started
        detail = ", ".join(f"{k} {v}" for k, v in kinds.most_common()) or "none"
        print(
            f"{title:<18} {len(sentences)} sentences, {cuts} cuts, {bad} inside a "
            f"number/date/figure ({detail}) [{took:.2f} s]"
        )
        for example in examples[: args.examples]:
            print(f"  {example}")
        verdicts.append((f"cuts inside figures, {title}", float(bad)))
    try:
        from tarjama.core.figures import extract_arabic

        sample = "\n".join(long_sentences + generated)
        started = time.perf_counter()
        extract_arabic(sample)
        per_100k = (time.perf_counter() - started) * 100_000 / max(len(sample), 1)
        started = time.perf_counter()
        segment.split_sentences([sample], max_tokens=20)
        segment_per_100k = (time.perf_counter() - started) * 100_000 / max(len(sample), 1)
        print(
            f"figure extractor on the same text: {per_100k:.3f} s per 100 KB "
            f"(whole segmentation with cuts at 20 tokens: {segment_per_100k:.3f} s per 100 KB)"
        )
    except ImportError:
        pass

    if not args.no_timing:
        news_file = ""
        if news_text:
            path = Path("/tmp") / "segmentation_quality_news.txt"
            path.write_text(news_text, encoding="utf-8")
            news_file = str(path)
        cap = f"{args.time_limit:.0f} s"
        print(f"\n== speed (one paragraph, default limit; own process, {cap} cap) ==")
        print(f"{'input':<26} {'50 KB':>10} {'100 KB':>10}")
        for name in TIME_CASES:
            half = timed_in_subprocess(name, 50_000, news_file, args.time_limit)
            full = timed_in_subprocess(name, 100_000, news_file, args.time_limit)
            print(f"{name:<26} {half:>10} {full:>10}")

    print("\n== summary ==")
    for name, value in verdicts:
        if name.startswith("cuts"):
            verdict = "PASS" if value == 0 else "FAIL"
            print(f"{name:<40} {value:>6.0f}  target 0       {verdict}")
        else:
            verdict = "PASS" if value >= TARGET_F1 else "FAIL"
            print(f"{name:<40} {value:>6.3f}  target >= {TARGET_F1}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
