"""The hand-annotated gold file of Arabic key figures is well formed.

``benchmarks/data/figures_gold.jsonl`` holds Arabic news sentences, their human English
translations and the figures a reader should get from the Arabic (docs/figures.md). This
checks the file's structure only: how well the extractor does on it is the benchmark's
job (``benchmarks/figures_quality.py``).
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tarjama.core.figures.model import KINDS, QUALIFIERS

GOLD = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "figures_gold.jsonl"

CLASSES = (
    "dual", "casualties", "spelled", "fraction", "qualifier", "date", "range", "thousands",
    "digits_eastern", "time", "ordinal", "score", "money", "percent", "quantity", "age",
    "count_word", "year", "not_figure", "mixed",
)
EXTRA_CLASSES = ("conversion",)  # English with km turned into miles
MIN_PER_CLASS = 8
MIN_SENTENCES = 200
MIN_EASTERN_DIGITS = 20

DATE_QUALIFIERS = {"early", "mid", "late"}
AMOUNT_QUALIFIERS = set(QUALIFIERS) - DATE_QUALIFIERS

_NUM = r"(?:0|[1-9]\d*)(?:\.\d*[1-9])?"  # plain decimal: no exponent, no trailing zeros
_INT = r"[1-9]\d*"
_TIME_UNITS = "year|month|week|day|hour|minute"
_QUANTITY_UNITS = "km|m|cm|mm|km2|m2|mi|mi2|t|kg|g|bbl|ha|l|dunam|MW|GW|GHz|MHz"
_CURRENCIES = r"[A-Z]{3}|LIRA|POUND|DINAR|RIYAL|DIRHAM"
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12]\d|3[01])"
VALUE = {
    "number": rf"{_NUM}",
    "percent": rf"{_NUM}%",
    "date": rf"(?:hijri:)?(?:\d{{4}}-{_MONTH}-{_DAY}|--{_MONTH}-{_DAY}"
            rf"|\d{{4}}-{_MONTH}|--{_MONTH})",
    "year": r"(?:hijri:)?[1-9]\d{2,3}",
    "duration": rf"{_NUM} (?:{_TIME_UNITS})s?",
    "age": rf"{_NUM} years?",
    "quantity": rf"{_NUM} (?:{_QUANTITY_UNITS})",
    "money": rf"{_NUM} (?:{_CURRENCIES})",
    "casualties": rf"{_INT} (?:killed|wounded|victims|captives|missing)",
    "arrests": rf"{_INT} arrested",
    "count_word": r"(?:dozens|hundreds|thousands|millions|billions)"
                  r"|(?:tens|hundreds) of (?:thousands|millions|billions)",
    "time": r"(?:[01]\d|2[0-3]):[0-5]\d",
    "ordinal": rf"{_INT}(?:st|nd|rd|th)",
    "score": r"\d+-\d+",
    "fraction": rf"{_INT}/{_INT}",
}
# The classes that name a kind: a sentence in the class has a figure of the kind, and a
# sentence with a figure of the kind is in the class.
KIND_CLASSES = {
    "money": {"money"}, "percent": {"percent"}, "quantity": {"quantity"}, "age": {"age"},
    "count_word": {"count_word"}, "year": {"year"}, "time": {"time"}, "ordinal": {"ordinal"},
    "score": {"score"}, "casualties": {"casualties", "arrests"},
}

_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"  # Western, Eastern Arabic and Persian digits
EASTERN = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
DIGIT = re.compile(f"[{_DIGITS}]")
GROUPED = re.compile(f"[{_DIGITS}][.,\u060c\u066b\u066c][{_DIGITS}]")  # 40.000 70،000 ٤٥٫٥
TRAILING_YEAR = re.compile(f"[{_DIGITS}]{{4}}$")
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
# A mark that belongs to the letter before it: a span may not stop before one.
MARK = re.compile("[\u064b-\u065f\u0670\u0640]")
PREFIXES = "وبلفك"  # conjunctions and prepositions a span leaves out
# A span that starts with one of them before a digit, an article or a trigger noun.
PREFIXED = re.compile(
    f"[{PREFIXES}](?:[{_DIGITS}]|ال|مقتل|إصابة|اعتقال|اختطاف|وفاة)|[{PREFIXES}]?لل")


def _rows() -> list[dict]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return _rows()


def _ordinal_suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _positions(ar: str, texts: list[str]) -> list[tuple[int, int]]:
    """Each text searched in order from the end of the previous one; a digit run is not
    matched inside a longer one. Raises AssertionError when a text is not found."""
    spans, position = [], 0
    for text in texts:
        start = ar.find(text, position)
        while start >= 0:
            end = start + len(text)
            inside = ((DIGIT.match(text[0]) and start > 0 and DIGIT.match(ar[start - 1]))
                      or (DIGIT.match(text[-1]) and end < len(ar) and DIGIT.match(ar[end])))
            if not inside:
                break
            start = ar.find(text, start + 1)
        assert start >= 0, f"{text!r} is not in the Arabic after offset {position}"
        spans.append((start, start + len(text)))
        position = start + len(text)
    return spans


def test_the_file_is_utf8_json_lines_with_the_expected_fields():
    raw = GOLD.read_bytes().decode("utf-8")  # raises on bad UTF-8
    assert "\\u06" not in raw, "write Arabic as text (ensure_ascii=False), not \\u escapes"
    for number, line in enumerate(raw.splitlines(), start=1):
        assert line.strip(), f"line {number} is empty"
        row = json.loads(line)
        assert set(row) == {"id", "ar", "en", "classes", "figures"}, f"line {number}"
        assert isinstance(row["figures"], list)
        assert isinstance(row["classes"], list)
        for figure in row["figures"]:
            assert set(figure) == {"text", "kind", "value", "qualifier"}, f"line {number}"


def test_ids_are_unique_and_there_are_enough_sentences(rows):
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"g\d{3,}", i) for i in ids)
    assert len(rows) >= MIN_SENTENCES
    sentences = [row["ar"] for row in rows]
    assert len(sentences) == len(set(sentences)), "a sentence is in the file twice"


def test_sentences_are_arabic_news_with_a_plain_english_translation(rows):
    for row in rows:
        ar, en = row["ar"], row["en"]
        assert ar == ar.strip(), row["id"]
        assert ARABIC_LETTER.search(ar), row["id"]
        assert 10 <= len(ar.split()) <= 40, f"{row['id']}: {len(ar.split())} words"
        assert en.strip(), row["id"]
        assert en == en.strip(), row["id"]
        assert not ARABIC_LETTER.search(en), f"{row['id']}: Arabic letters in the English"


def test_figure_texts_occur_in_the_arabic_in_order_and_apart(rows):
    for row in rows:
        ar, figures = row["ar"], row["figures"]
        spans = _positions(ar, [f["text"] for f in figures])
        for (start, end), figure in zip(spans, figures, strict=True):
            text = figure["text"]
            assert text, row["id"]
            assert text == text.strip(), f"{row['id']}: {text!r}"
            assert not PREFIXED.match(text), f"{row['id']}: {text!r} keeps a conjunction"
            # The span ends at the end of a word: not before a letter or a mark of it.
            if end < len(ar):
                after = ar[end]
                assert not ARABIC_LETTER.match(after), f"{row['id']}: {text!r} stops in a word"
                assert not MARK.match(after), f"{row['id']}: {text!r} leaves out a mark"
            # It starts a word, or follows one or two prefix letters that start one.
            before = ar[:start]
            if before and ARABIC_LETTER.match(before[-1]):
                prefix = re.search(rf"(?:^|[^\u0621-\u064a\u064b-\u065f])([{PREFIXES}]{{1,2}})$",
                                   before)
                assert prefix, f"{row['id']}: {text!r} starts inside a word"
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), row["id"]


def test_kinds_qualifiers_and_values_are_those_of_the_docs(rows):
    for row in rows:
        for figure in row["figures"]:
            kind, value, qualifier = figure["kind"], figure["value"], figure["qualifier"]
            where = f"{row['id']} {figure['text']!r}"
            assert kind in KINDS, where
            assert re.fullmatch(VALUE[kind], value), f"{where}: {kind} value {value!r}"
            assert qualifier is None or qualifier in QUALIFIERS, where
            if qualifier in DATE_QUALIFIERS:
                assert kind in ("date", "year"), f"{where}: {qualifier!r} is for dates"
            if qualifier in AMOUNT_QUALIFIERS:
                assert kind not in ("date", "year", "time", "ordinal", "score"), where


def test_values_agree_within_their_kind(rows):
    for row in rows:
        for figure in row["figures"]:
            kind, value = figure["kind"], figure["value"]
            where = f"{row['id']} {figure['text']!r}: {value!r}"
            if kind in ("duration", "age"):
                amount, unit = value.split(" ")
                assert unit.endswith("s") == (float(amount) != 1), f"{where}: plural"
            elif kind == "ordinal":
                n = int(value[:-2])
                assert value.endswith(_ordinal_suffix(n)), where
            elif kind == "fraction":
                top, bottom = map(int, value.split("/"))
                assert top < bottom, where
            elif kind == "date" and value.startswith("hijri:"):
                day = value.rsplit("-", 1)[-1] if value.count("-") >= 2 else None
                assert day is None or int(day) <= 30, where


def test_every_class_is_known_and_has_enough_sentences(rows):
    counts = Counter(c for row in rows for c in row["classes"])
    for row in rows:
        classes = row["classes"]
        assert len(classes) == len(set(classes)), row["id"]
        assert set(classes) <= set(CLASSES + EXTRA_CLASSES), row["id"]
        assert classes or row["figures"], f"{row['id']}: no class"
    short = {c: counts[c] for c in CLASSES if counts[c] < MIN_PER_CLASS}
    assert not short, f"classes with fewer than {MIN_PER_CLASS} sentences: {short}"
    assert counts["digits_eastern"] >= MIN_EASTERN_DIGITS


def test_classes_agree_with_the_figures(rows):
    for row in rows:
        classes, figures = set(row["classes"]), row["figures"]
        kinds = {f["kind"] for f in figures}
        texts = [f["text"] for f in figures]
        for cls, cls_kinds in KIND_CLASSES.items():
            assert (cls in classes) == bool(kinds & cls_kinds), f"{row['id']}: {cls}"
        if "date" in kinds:
            assert "date" in classes, row["id"]
        if "fraction" in kinds:
            assert "fraction" in classes, row["id"]
        has_qualifier = any(f["qualifier"] for f in figures)
        assert ("qualifier" in classes) == has_qualifier, row["id"]
        eastern = any(EASTERN.search(t) for t in texts)
        assert ("digits_eastern" in classes) == eastern, row["id"]
        if "thousands" in classes:
            assert any(GROUPED.search(t) for t in texts), row["id"]
        if "range" in classes:
            assert len(figures) >= 2, row["id"]
        if "mixed" in classes:
            assert 3 <= len(figures) <= 5, row["id"]
            assert len(kinds) >= 2, row["id"]
        if "dual" in classes or "spelled" in classes:
            words = [t for t in texts if not DIGIT.search(TRAILING_YEAR.sub("", t))]
            assert words, f"{row['id']}: no figure written in words"
        if "conversion" in classes:
            assert re.search(r"\bmiles?\b", row["en"]), row["id"]
