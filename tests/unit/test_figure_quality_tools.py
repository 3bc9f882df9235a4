"""The measuring tools of benchmarks/figures_quality.py: gold loading, span matching,
perturbations and false-alarm causes, on hand-made figures (not the extractors)."""

from __future__ import annotations

import json
import re

import pytest

from tarjama.core.figures.model import Figure, FigureCheck
from tarjama.devtools.figure_quality import (
    GoldFigure,
    cause,
    change_digit,
    delete_figure,
    digit_forms,
    load_gold,
    locate,
    match_figures,
    repeated,
    seeded,
    spelled,
    swap_month,
    swap_scale,
)


def fig(kind: str, value: str, text: str, sentence: str, number: float | None = None,
        unit: str | None = None, side: str = "target", at: int = 0) -> Figure:
    start = sentence.index(text, at)
    return Figure(kind, value, text, start, start + len(text), side, number, unit)


def test_load_gold_reads_good_lines_and_reports_bad_ones(tmp_path):
    rows = [
        {"id": "a", "ar": "قتل 5 أشخاص", "en": "5 people were killed", "classes": ["casualties"],
         "figures": [{"text": "قتل 5 أشخاص", "kind": "casualties", "value": "5 killed",
                      "qualifier": None}]},
        {"id": "b", "ar": "نحو 300 شخص", "en": "about 300 people", "classes": "qualifier",
         "figures": [{"text": "300", "kind": "number", "value": "300", "qualifier": "about"}]},
        {"id": "c", "ar": "لا شيء", "en": "nothing", "figures": [
            {"text": "x", "kind": "weird", "value": "1"}]},
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines[1:1] = ["", '{"id": "broken", "ar": "3 سنوات'  # a file still being written
                  , '{"id": "no-en", "ar": "x"}']
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    sentences, problems = load_gold(path)
    assert [s.id for s in sentences] == ["a", "b", "c"]
    assert sentences[0].figures[0].start == 0
    assert sentences[0].figures[0].end == len("قتل 5 أشخاص")
    assert sentences[1].classes == ("qualifier",)
    assert sentences[1].figures[0].qualifier == "about"
    assert sentences[2].classes == ()
    assert len(problems) == 3
    assert "unknown kind 'weird'" in problems[-1]


def test_locate_searches_in_order_and_skips_longer_digit_runs():
    text = "في عام 2010 قتل 10 أشخاص و10 آخرون"
    located = locate(text, [GoldFigure("10", "number", "10"), GoldFigure("10", "number", "10"),
                            GoldFigure("غائب", "number", "1")])
    first, second, absent = located
    assert text[first.start:first.end] == "10"
    assert first.start == text.index("قتل 10") + 4  # not the "10" of 2010
    assert second.start == text.index("و10") + 1
    assert absent.start is None


def test_locate_falls_back_to_any_free_place_for_a_list_out_of_order():
    text = "بين 3 و5 أيام"
    later, earlier = locate(text, [GoldFigure("5 أيام", "duration", "5 days"),
                                   GoldFigure("3", "duration", "3 days")])
    assert (later.start, earlier.start) == (text.index("5"), text.index("3"))


def test_match_modes():
    text = "قتل 5 أشخاص"
    gold = locate(text, [GoldFigure("قتل 5 أشخاص", "casualties", "5 killed")])
    exact = fig("casualties", "5 killed", "قتل 5 أشخاص", text, 5, "killed", "source")
    shorter = fig("casualties", "5 killed", "5", text, 5, "killed", "source")
    other_kind = fig("arrests", "5 killed", "5", text, 5, "killed", "source")
    other_value = fig("casualties", "6 killed", "5", text, 6, "killed", "source")
    assert match_figures(gold, [exact], "exact") == {0: 0}
    assert match_figures(gold, [shorter], "exact") == {}
    assert match_figures(gold, [shorter], "overlap") == {0: 0}
    assert match_figures(gold, [other_kind], "overlap") == {}
    assert match_figures(gold, [other_kind], "value") == {0: 0}
    assert match_figures(gold, [other_value], "value") == {}


def test_match_is_one_to_one_and_prefers_the_largest_overlap():
    text = "10 أيلول و10 تشرين"
    gold = locate(text, [GoldFigure("10", "number", "10"), GoldFigure("10", "number", "10")])
    a = fig("number", "10", "10", text, 10, side="source")
    b = fig("number", "10", "10", text, 10, side="source", at=3)
    assert match_figures(gold, [a, b]) == {0: 0, 1: 1}
    assert match_figures(gold, [a]) == {0: 0}
    assert match_figures([*gold, *gold], [b]) == {1: 0}


def test_seeded_generators_do_not_depend_on_the_order_of_the_work():
    assert seeded(1, "tico:5", 0, "x").random() == seeded(1, "tico:5", 0, "x").random()
    assert seeded(1, "tico:5", 0, "x").random() != seeded(2, "tico:5", 0, "x").random()


def test_change_digit_changes_one_digit_deterministically():
    en = "The toll rose to 345 people."
    source = fig("number", "345", "345", en, 345, side="source")
    target = fig("number", "345", "345", en, 345)
    results = {change_digit(en, source, target, seeded(1, i)).text for i in range(40)}
    assert len(results) > 5
    for text in results:
        new = text.removeprefix("The toll rose to ").removesuffix(" people.")
        assert len(new) == 3
        assert sum(a != b for a, b in zip(new, "345", strict=True)) == 1
        assert not new.startswith("0")
    once = change_digit(en, source, target, seeded(7, "k"))
    assert once == change_digit(en, source, target, seeded(7, "k"))
    assert once.change.startswith("345 -> ")


def test_change_digit_keeps_years_and_days_plausible_and_touches_stated_parts_only():
    en = "On March 25, 2020 it began"
    target = fig("date", "2020-03-25", "March 25, 2020", en)
    full = fig("date", "2020-03-25", "x", "x", side="source")
    no_year = fig("date", "--03-25", "x", "x", side="source")
    year_only = fig("year", "2020", "x", "x", 2020, side="source")
    for i in range(30):
        text = change_digit(en, full, target, seeded(i)).text
        day, year = text.split()[2].rstrip(","), text.split()[3]
        assert year.startswith("20")
        assert 1 <= int(day) <= 28 or day == "25"
        assert "2020" in change_digit(en, no_year, target, seeded(i)).text
        assert "March 25," in change_digit(en, year_only, target, seeded(i)).text


def test_change_digit_fixes_an_ordinal_suffix_and_needs_digits():
    en = "It came 3rd in the race"
    target = fig("ordinal", "3rd", "3rd", en, 3)
    texts = {change_digit(en, target, target, seeded(i)).text for i in range(40)}
    assert "It came 1st in the race" in texts
    assert "It came 2nd in the race" in texts
    assert "It came 5th in the race" in texts
    words = "three people"
    three = fig("number", "3", "three", words, 3)
    assert change_digit(words, three, three, seeded(1)) is None


@pytest.mark.parametrize(("en", "span", "expected"), [
    ("Officials said 5 people were killed.", "5", "Officials said people were killed."),
    ("It cost $3 million, officials said.", "$3 million", "It cost, officials said."),
    ("Five people died", "Five", "people died"),
    ("the toll (45) rose", "45", "the toll () rose"),
])
def test_delete_figure(en, span, expected):
    target = fig("number", "1", span, en, 1)
    assert delete_figure(en, target, target, seeded(1)).text == expected


def test_swap_month():
    en = "On September 10, 2024 and Sept. 11"
    source = fig("date", "2024-09-10", "x", "x", side="source")
    target = fig("date", "2024-09-10", "September 10, 2024", en)
    months = set()
    for i in range(40):
        done = swap_month(en, source, target, seeded(i))
        assert done.text.endswith(", 2024 and Sept. 11")
        months.add(done.text.split()[1])
    assert "September" not in months
    assert len(months) > 5
    assert months <= {"January", "February", "March", "April", "May", "June", "July",
                      "August", "October", "November", "December"}
    short = fig("date", "--09-11", "Sept. 11", en)
    assert swap_month(en, source, short, seeded(1)).text.split()[-2] in (
        "Jan.", "Feb.", "Mar.", "Apr.", "May.", "Jun.", "Jul.", "Aug.", "Oct.", "Nov.", "Dec.")
    year = fig("year", "2024", "x", "x", 2024, side="source")
    assert swap_month(en, year, target, seeded(1)) is None  # the Arabic gave only the year


@pytest.mark.parametrize(("en", "span", "kind", "expected"), [
    ("It cost $3 million", "$3 million", "money", "It cost $3 billion"),
    ("It cost $3 Billion", "$3 Billion", "money", "It cost $3 Million"),
    ("Some 5 thousand came", "5 thousand", "number", "Some 5 million came"),
    ("Thousands fled", "Thousands", "count_word", "Millions fled"),
    ("It cost $3m", "$3m", "money", "It cost $3bn"),
    ("It cost $3bn", "$3bn", "money", "It cost $3mn"),
    ("A 5m wall", "5m", "quantity", None),
    ("It cost $300", "$300", "money", None),
])
def test_swap_scale(en, span, kind, expected):
    target = fig(kind, "1", span, en, 1)
    done = swap_scale(en, target, target, seeded(1))
    assert (done.text if done else None) == expected


def test_repeated():
    en = "5 were killed on Monday and 5 on Tuesday in SARS-CoV-2 wards"
    source = fig("casualties", "5 killed", "x", "x", 5, "killed", side="source")
    first = fig("casualties", "5 killed", "5 were killed", en, 5, "killed")
    second = fig("number", "5", "5", en, 5, at=20)
    assert repeated(source, first, [first, second], en)
    assert not repeated(source, first, [first], en)
    two = fig("number", "2", "x", "x", 2, side="source")
    verbatim = Figure("number", "2", "2", en.index("2"), en.index("2") + 1, "target", 2)
    assert not repeated(two, verbatim, [first, second], en)
    assert repeated(two, verbatim, [], en + " and ACE2")


def test_spelled_and_digit_forms():
    assert ["three", "million"] in spelled(3_000_000)
    assert ["twenty", "five"] in spelled(25)
    assert ["half"] in spelled(0.5)
    assert ["two", "hundred", "fifty"] in spelled(250)
    forms = digit_forms(3_000_000)
    for text in ("3000000", "3,000,000", "3 million", "$3m"):
        assert any(re.search(f, text) for f in forms), text
    assert not any(re.search(f, "13 million") for f in forms)


def _check(status, source, target=None):
    return FigureCheck(source, status, target, "detail")


def test_causes_of_missing_figures():
    src = fig("number", "12", "x", "x", 12, side="source")
    en = "Twelve people came"
    assert cause(_check("missing", src), [], en) == (
        "missing: spelled out / number word in the English?")
    assert cause(_check("missing", src), [], "12 came") == (
        "missing: digits in the English, no figure extracted")
    other = fig("age", "12 years", "12", "aged 12", 12, "year")
    assert cause(_check("missing", src), [other], "aged 12") == (
        "missing: English has the number under another kind")
    assert cause(_check("missing", src), [], "nobody came") == "missing: no English figure at all"
    unrelated = fig("number", "7", "7", "7 came", 7)
    assert cause(_check("missing", src), [unrelated], "7 came") == (
        "missing: English figures all unrelated")
    date = fig("date", "--03-05", "x", "x", side="source")
    assert cause(_check("missing", date), [], "on the 5th of March") == (
        "missing: the month is in the English, no date extracted")


def test_causes_of_changed_figures():
    en = "it cost 3 million"
    money = fig("money", "3000 USD", "x", "x", 3000, "USD", side="source")
    million = fig("money", "3000000 USD", "3 million", en, 3e6, "USD")
    assert cause(_check("changed", money, million), [million], en) == "changed: scale/x1000"
    pounds = fig("money", "3000 GBP", "3 million", en, 3000, "GBP")
    assert cause(_check("changed", money, pounds), [pounds], en) == (
        "changed: same number, other unit/currency/role")
    close = fig("money", "2950 USD", "3 million", en, 2950, "USD")
    assert cause(_check("changed", money, close), [close], en) == (
        "changed: close value (rounded?)")
    far = fig("money", "10 USD", "3 million", en, 10, "USD")
    assert cause(_check("changed", money, far), [far], en) == "changed: same kind, other value"
    bare = fig("number", "7", "3 million", en, 7)
    assert cause(_check("changed", money, bare), [bare], en) == (
        "changed: nearest figure of another kind")
    elsewhere = fig("number", "3000", "3 million", en, 3000)
    assert cause(_check("changed", money, bare), [bare, elsewhere], en) == (
        "changed: right number elsewhere in the English (pairing)")
    full = fig("date", "2020-03-05", "x", "x", side="source")
    day_month = fig("date", "--03-05", "3 million", en)
    other_day = fig("date", "2020-03-06", "3 million", en)
    year = fig("year", "2020", "3 million", en, 2020)
    assert cause(_check("changed", full, day_month), [], en) == "changed: date part dropped"
    assert cause(_check("changed", full, year), [], en) == "changed: date part dropped"
    assert cause(_check("changed", full, other_day), [], en) == (
        "changed: date, other day/month/year")
