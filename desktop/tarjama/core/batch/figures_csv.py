"""``figures.csv``: every Arabic figure of the folder, one row each, for a spreadsheet.

UTF-8 with a byte-order mark (spreadsheets then show the Arabic), CRLF line ends, a
header row. ``sentence`` counts from 1, as "sentence 5" does in the index; ``number``
is plain ("3000000", "2.5"), empty for dates and vague counts; ``status`` is the word
the views show ("kept", "changed", "missing"), empty when the article was not
translated. ``pandas.read_csv("figures.csv")`` reads it as it is.
"""

from __future__ import annotations

import csv
from typing import IO

from tarjama.core.batch.records import ArticleRecord
from tarjama.core.figures.labels import status_label

NAME = "figures.csv"
COLUMNS = ("file", "date", "sentence", "kind", "value", "number", "unit", "qualifier",
           "arabic", "english", "status")


class FiguresCsv:
    """Writes the rows of each record as it comes."""

    def __init__(self, handle: IO[str]) -> None:
        self.writer = csv.writer(handle, lineterminator="\r\n")
        self.writer.writerow(COLUMNS)
        self.rows = 0

    def add(self, record: ArticleRecord) -> None:
        for row in record.figure_rows:
            self.writer.writerow((
                record.file, record.date, row.sentence + 1, row.kind, row.value,
                plain_number(row.number), row.unit or "", row.qualifier or "", row.text,
                row.english, status_label(row.status) if row.status else ""))
            self.rows += 1


def plain_number(number: float | None) -> str:
    """3000000.0 -> "3000000"; 2.5 -> "2.5"; None -> ""."""
    if number is None:
        return ""
    return str(int(number)) if float(number).is_integer() else repr(float(number))
