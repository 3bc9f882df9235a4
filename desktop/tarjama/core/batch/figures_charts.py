"""What the charts of ``figures.html`` count, gathered record by record in small memory.

*Killed, wounded and arrested over time*: an article repeats its toll ("3 killed" in
the lead and again below), so each article counts with the largest figure it gives for
each, placed at the article's date; days when the dates span two months or less,
else months, else years, with empty periods shown so time runs evenly.

*Warnings per article*: the articles with the most figure warnings, term warnings and
low-confidence sentences, the longest first.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass

from tarjama.core.batch.figures_rows import has_year
from tarjama.core.batch.records import ArticleRecord
from tarjama.core.figures.months import ENGLISH_NAMES, split_date

VICTIMS = ("killed", "wounded", "arrested")
DAY_SPAN = 62  # days: beyond this the chart counts by month
MONTH_SPAN = 120  # months: beyond this, by year
WARNED_SHOWN = 25


def article_victims(record: ArticleRecord) -> tuple[float, float, float]:
    """The largest killed, wounded and arrested figures the article gives (0 for none)."""
    largest = dict.fromkeys(VICTIMS, 0.0)
    for row in record.figure_rows:
        if row.number is None:
            continue
        role = "arrested" if row.kind == "arrests" else row.unit if row.kind == "casualties" \
            else None
        if role in largest:
            largest[role] = max(largest[role], row.number)
    return largest["killed"], largest["wounded"], largest["arrested"]


class Timeline:
    """Killed, wounded and arrested per article date."""

    def __init__(self) -> None:
        self.by_day: dict[tuple[int, int, int], list[float]] = {}
        self.undated = 0  # articles with such figures but no date with a year

    def add(self, record: ArticleRecord) -> None:
        victims = article_victims(record)
        if not any(victims):
            return
        value = record.date
        if not has_year(value) or value.startswith("hijri:"):
            self.undated += 1
            return
        _, year, month, day = split_date(value)
        assert year is not None  # has_year said so
        if day is not None and not _is_day(year, month, day):
            day = None  # "31 February": the month is still right
        totals = self.by_day.setdefault((year, month, day or 0), [0.0, 0.0, 0.0])
        for i, count in enumerate(victims):
            totals[i] += count

    def periods(self) -> tuple[list[str], list[list[float]]]:
        """(period labels, one list of totals per victim kind), in time order."""
        if not self.by_day:
            return [], [[], [], []]
        days = sorted(self.by_day)
        (y0, m0, _), (y1, m1, _) = days[0], days[-1]
        months = (y1 - y0) * 12 + m1 - m0
        if months > MONTH_SPAN:
            grain, keys = "year", [(y, 0, 0) for y in range(y0, y1 + 1)]
        elif all(d for _, _, d in days) and _day_span(days[0], days[-1]) <= DAY_SPAN:
            grain, keys = "day", _every_day(days[0], days[-1])
        else:
            grain = "month"
            keys = [((y0 * 12 + m0 - 1 + k) // 12, (y0 * 12 + m0 - 1 + k) % 12 + 1, 0)
                    for k in range(months + 1)]
        place = {key: i for i, key in enumerate(keys)}
        series = [[0.0] * len(keys) for _ in VICTIMS]
        for (y, m, d), totals in self.by_day.items():
            key = (y, 0, 0) if grain == "year" else (y, m, 0) if grain == "month" else (y, m, d)
            for k in range(len(VICTIMS)):
                series[k][place[key]] += totals[k]
        label = {"year": _year_label, "month": _month_label, "day": _day_label}[grain]
        return [label(key) for key in keys], series


def _is_day(year: int, month: int, day: int) -> bool:
    import datetime

    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _day_span(first: tuple[int, int, int], last: tuple[int, int, int]) -> int:
    import datetime

    return (datetime.date(*last) - datetime.date(*first)).days


def _every_day(first: tuple[int, int, int], last: tuple[int, int, int]) -> list[
        tuple[int, int, int]]:
    import datetime

    start = datetime.date(*first)
    count = (datetime.date(*last) - start).days + 1
    days = (start + datetime.timedelta(days=k) for k in range(count))
    return [(d.year, d.month, d.day) for d in days]


def _day_label(key: tuple[int, int, int]) -> str:
    return f"{key[2]} {ENGLISH_NAMES[key[1] - 1][:3]} {key[0]}"


def _month_label(key: tuple[int, int, int]) -> str:
    return f"{ENGLISH_NAMES[key[1] - 1][:3]} {key[0]}"


def _year_label(key: tuple[int, int, int]) -> str:
    return str(key[0])


@dataclass(frozen=True, order=True)
class WarnedArticle:
    total: int
    file: str
    page: str | None
    figure: int
    term: int
    low: int


class WarningsTally:
    """The articles with the most to check, kept to the ``shown`` longest."""

    def __init__(self, shown: int = WARNED_SHOWN) -> None:
        self.shown = shown
        self.heap: list[tuple[int, int, WarnedArticle]] = []
        self.articles = 0  # articles with anything to check
        self.totals: Counter[str] = Counter()
        self._seen = 0

    def add(self, record: ArticleRecord) -> None:
        low = len(record.low_confidence or ())
        figure, term = record.figure_warnings, record.term_warnings
        total = figure + term + low
        if not total:
            return
        self.articles += 1
        self.totals.update(figure=figure, term=term, low=low)
        self._seen += 1
        # Ties keep the earlier article (a smaller -order wins the comparison).
        article = WarnedArticle(total, record.file, record.warnings_page or None,
                                figure, term, low)
        entry = (total, -self._seen, article)
        if len(self.heap) < self.shown:
            heapq.heappush(self.heap, entry)
        else:
            heapq.heappushpop(self.heap, entry)

    def longest(self) -> list[WarnedArticle]:
        return [entry[2] for entry in sorted(self.heap, reverse=True)]
