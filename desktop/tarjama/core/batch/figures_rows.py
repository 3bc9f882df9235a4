"""The figures of one translated article as its record keeps them for the folder's pages.

Every figure of the Arabic becomes a ``FigureRow`` with what the check made of it; the
sentences of the figures the figures page lists (casualties, arrests, money,
percentages) are quoted in both languages; and the article's own date is picked from
its date figures: the dateline's if it has one, else the first date of the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tarjama.core.batch.records import TERM_KIND, FigureRow, FigureWarning, QuotedSentence

if TYPE_CHECKING:
    from tarjama.core.figures.model import Figure, FigureCheck
    from tarjama.core.pipeline import SentenceResult

# The kinds figures.html lists, each with the sentence it came from.
LISTED_KINDS = ("casualties", "arrests", "money", "percent")
# A dateline the segmenter joined to the first sentence: a date within the first
# characters of one of the first sentences, followed by a dash.
DATELINE_SENTENCES = 3
DATELINE_REACH = 60
_DASH = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?[-–—]")


def figure_rows(results: Sequence[SentenceResult]) -> tuple[FigureRow, ...]:
    """One row per Arabic figure, in text order, with the English figure and the status."""
    from tarjama.core.figures.labels import figure_label

    rows = []
    for result in results:
        checks = _checks_by_span(result)
        for figure in result.source_figures:
            check = checks.get((figure.start, figure.end, figure.kind))
            target = check.target if check is not None else None
            rows.append(FigureRow(
                sentence=result.sentence.id, kind=figure.kind, value=figure.value,
                text=figure.text, number=figure.number, unit=figure.unit,
                qualifier=figure.qualifier,
                english=target.text if target is not None else "",
                status=check.status if check is not None else "",
                label=figure_label(figure)))
    return tuple(rows)


def figure_warnings(results: Sequence[SentenceResult]) -> tuple[FigureWarning, ...]:
    """One warning per check that is not "ok": figures, and glossary terms (kind "term")."""
    return tuple(
        FigureWarning(r.sentence.id, r.sentence.text, r.translation or "", check.detail,
                      check.status, check.source.kind)
        for r in results if r.fidelity is not None
        for check in r.fidelity.checks if check.status != "ok")


def quoted_sentences(results: Sequence[SentenceResult]) -> tuple[QuotedSentence, ...]:
    """The sentences holding a figure of a listed kind, in both languages."""
    return tuple(QuotedSentence(r.sentence.id, r.sentence.text, r.translation or "")
                 for r in results if any(f.kind in LISTED_KINDS for f in r.source_figures))


def article_date(results: Sequence[SentenceResult]) -> str:
    """The canonical date the article states ("2018-09-10"), or "" when it states none.

    A dateline ("دمشق – 10 أيلول 2018 –") names the day the article was written; without
    one, the first date of the text is the best guess (news states the day first). A
    date with a year is preferred to one without ("10 أيلول"), since only such a date
    can place the article in time.
    """
    from tarjama.core.summary_candidates import sentence_kind

    dates = [(r, f) for r in results for f in r.source_figures if f.kind == "date"]
    if not dates:
        return ""
    for result, figure in dates:
        text = result.sentence.text
        if sentence_kind(text, alone=False) == "dateline" or (
                result.sentence.id < DATELINE_SENTENCES and _opens_with_dateline(text, figure)):
            return figure.value
    dated = [f for _, f in dates if has_year(f.value)]
    return (dated or [dates[0][1]])[0].value


def _opens_with_dateline(text: str, figure: Figure) -> bool:
    """"حلب – 10 أيلول 2018 – قال…": a date near the start, a dash right after it."""
    return figure.start <= DATELINE_REACH and _DASH.match(text, figure.end) is not None


def has_year(value: str) -> bool:
    """"2018-09-10" and "2014-06" place an article in time; "--09-10" does not."""
    return bool(value) and not value.removeprefix("hijri:").startswith("--")


def _checks_by_span(result: SentenceResult) -> dict[tuple[int, int, str], FigureCheck]:
    if result.fidelity is None:
        return {}
    return {_span(c.source): c for c in result.fidelity.checks if c.source.kind != TERM_KIND}


def _span(figure: Figure) -> tuple[int, int, str]:
    return figure.start, figure.end, figure.kind
