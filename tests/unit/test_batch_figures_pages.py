"""figures.csv and figures.html: every figure of the folder, read back as a spreadsheet
and a browser would, and what the charts count."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import lxml.html
import pytest
from test_batch_index_pages import write_folder

from tarjama.core.batch.figures_charts import Timeline, WarningsTally, article_victims
from tarjama.core.batch.index import write_index
from tarjama.core.batch.records import ArticleRecord, FigureRow, FigureWarning
from tarjama.core.batch.svg_charts import nice_step


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("batch") / "out"
    write_index(out, write_folder(out))
    return out


def read_figures_csv(folder: Path) -> list[dict[str, str]]:
    assert (folder / "figures.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with (folder / "figures.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_figures_csv_has_one_row_per_arabic_figure_with_its_check(folder):
    rows = read_figures_csv(folder)
    assert list(rows[0]) == ["file", "date", "sentence", "kind", "value", "number", "unit",
                             "qualifier", "arabic", "english", "status"]
    assert [(r["file"], r["sentence"], r["kind"], r["value"]) for r in rows] == [
        ("aleppo.txt", "1", "casualties", "5 killed"),
        ("aleppo.txt", "2", "date", "2018-09-10"),
        ("aleppo.txt", "2", "casualties", "5 killed"),
        ("aleppo.txt", "2", "casualties", "12 wounded"),
        ("aleppo.txt", "3", "arrests", "7 arrested"),
        ("aleppo.txt", "4", "money", "300000 USD"),
        ("aleppo.txt", "5", "percent", "40%"),
        ("sub/fuel.txt", "2", "date", "2019-03-03"),
        ("sub/fuel.txt", "2", "percent", "25%"),
        ("sub/fuel.txt", "3", "money", "500 SYP"),
    ]
    wounded, money, lost = rows[3], rows[5], rows[8]
    assert wounded == {"file": "aleppo.txt", "date": "2018-09-10", "sentence": "2",
                       "kind": "casualties", "value": "12 wounded", "number": "12",
                       "unit": "wounded", "qualifier": "", "arabic": "أصيب 12 آخرون",
                       "english": "21 wounded", "status": "changed"}
    assert (money["number"], money["unit"], money["qualifier"]) == ("300000", "USD", "about")
    assert (lost["english"], lost["status"]) == ("", "missing")
    assert {r["status"] for r in rows} == {"kept", "changed", "missing"}


def test_figures_page_lists_the_watched_kinds_with_their_sentence_in_both_languages(folder):
    page = lxml.html.fromstring((folder / "figures.html").read_text(encoding="utf-8"))
    rows = page.xpath("//table[@id='figures']/tbody/tr")
    assert [r.get("data-kind") for r in rows] == [
        "casualties", "casualties", "casualties", "arrests", "money", "percent",
        "percent", "money"]
    wounded = rows[2]
    cells = wounded.xpath("td")
    assert cells[0].xpath("a/@href") == ["aleppo.html#s1"]
    assert " ".join(cells[1].text_content().split()) == "10 Sep 2018"
    assert cells[3].get("data-sort") == "12"
    assert cells[3].xpath("span/text()") == ["12 wounded"]
    assert cells[4].get("dir") == "rtl"
    assert cells[4].xpath("mark/text()") == ["أصيب 12 آخرون"]
    assert cells[4].text_content().startswith("حلب – 10 أيلول 2018")
    assert cells[5].get("dir") == "ltr"
    assert cells[5].xpath("mark/text()") == ["21 wounded"]
    assert (cells[6].text, wounded.get("data-check")) == ("changed", "changed")
    assert [r.get("data-check") for r in rows].count("missing") == 1
    assert "Casualties, arrests, money and percentages (8)" in page.text_content()


def test_the_timeline_counts_each_article_once_with_its_largest_figures(folder):
    page = lxml.html.fromstring((folder / "figures.html").read_text(encoding="utf-8"))
    [timeline, warned] = page.xpath("//svg")
    bars = timeline.xpath(".//rect/title/text()")
    # "5 killed" is in the headline and the lead: the article still counts 5.
    assert bars == ["10 Sep 2018: 5 killed", "10 Sep 2018: 12 wounded",
                    "10 Sep 2018: 7 arrested"]
    assert warned.xpath(".//a/@href") == ["aleppo.warnings.html", "sub/fuel.warnings.html"]
    assert warned.xpath(".//rect/title/text()") == [
        "aleppo.txt: 1 figure warnings", "aleppo.txt: 1 low-confidence sentences",
        "sub/fuel.txt: 1 figure warnings"]


def victims(file: str, date: str, *figures: tuple[str, float, str]) -> ArticleRecord:
    rows = tuple(FigureRow(0, kind, f"{number:g} {unit}", "نص", number, unit)
                 for kind, number, unit in figures)
    return ArticleRecord(file=file, status="done", date=date, figure_rows=rows)


def test_victims_are_the_largest_of_each_kind_in_an_article():
    record = victims("a.txt", "2018-01-02", ("casualties", 3, "killed"),
                     ("casualties", 11, "killed"), ("casualties", 4, "wounded"),
                     ("arrests", 9, "arrested"), ("casualties", 50, "missing"),
                     ("money", 500, "USD"))
    assert article_victims(record) == (11, 4, 9)


@pytest.mark.parametrize(("dates", "labels"), [
    (["2018-09-10", "2018-09-12"], ["10 Sep 2018", "11 Sep 2018", "12 Sep 2018"]),
    (["2018-01-31", "2018-04-15"], ["Jan 2018", "Feb 2018", "Mar 2018", "Apr 2018"]),
    (["2018-09-10", "2018-09"], ["Sep 2018"]),  # a month-only date: months, not days
    (["2005-05-01", "2018-12-01"], [str(y) for y in range(2005, 2019)]),
])
def test_the_timeline_chooses_days_months_or_years_and_leaves_no_gaps(dates, labels):
    timeline = Timeline()
    for k, date in enumerate(dates):
        timeline.add(victims(f"{k}.txt", date, ("casualties", k + 1, "killed")))
    periods, (killed, wounded, arrested) = timeline.periods()
    assert periods == labels
    assert sum(killed) == sum(range(1, len(dates) + 1))
    if len(periods) > 1:  # the first date's article first, the last one's last
        assert (killed[0], killed[-1]) == (1, len(dates))
    assert not any(wounded)
    assert not any(arrested)


def test_articles_without_a_dated_year_are_counted_aside():
    timeline = Timeline()
    for date in ("", "--09-10", "hijri:1445-09-10"):
        timeline.add(victims("a.txt", date, ("casualties", 3, "killed")))
    timeline.add(victims("b.txt", "2018-02-31", ("arrests", 4, "arrested")))  # no such day
    timeline.add(victims("c.txt", "2018-03-01", ("money", 4, "USD")))  # no victims at all
    assert timeline.undated == 3
    assert timeline.periods() == (["Feb 2018"], [[0.0], [0.0], [4.0]])


def test_the_warnings_chart_keeps_the_articles_with_most_to_check():
    tally = WarningsTally(shown=3)
    warning = FigureWarning(0, "", "", "", "missing", "number")
    for k, (figures, low) in enumerate([(1, 0), (5, 2), (0, 0), (2, 2), (4, 0), (0, 1)]):
        tally.add(ArticleRecord(file=f"{k}.txt", status="done", warnings=(warning,) * figures,
                                low_confidence=tuple(range(low))))
    assert [(a.file, a.total) for a in tally.longest()] == [
        ("1.txt", 7), ("3.txt", 4), ("4.txt", 4)]
    assert tally.articles == 5
    assert tally.totals == {"figure": 12, "term": 0, "low": 5}


@pytest.mark.parametrize(("largest", "step"), [(0, 1), (3, 1), (47, 10), (130, 50),
                                               (1800, 500), (9, 2)])
def test_chart_ticks_are_round(largest, step):
    assert nice_step(largest) == step


def test_a_folder_without_dated_victims_says_so_instead_of_an_empty_chart(tmp_path):
    write_index(tmp_path, [ArticleRecord(file="a.txt", status="failed", reason="is empty")])
    page = (tmp_path / "figures.html").read_text(encoding="utf-8")
    assert "No dated article gives such figures." in page
    assert "No article has a warning." in page
    assert "<svg" not in page
    assert re.search(r"Casualties, arrests, money and percentages \(0\)", page)
