"""The Key Figures table grows row by row while an article streams in, sorts by any column,
shows the problems alone on request, and a click on a row still jumps to its sentence."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, Qt

from tarjama.core.figures.labels import STATUS_LABELS
from tarjama.core.pipeline import SentenceResult
from tarjama.devtools import figure_sentences
from tarjama.gui.figures_model import NUMBER, STATUS, STATUS_ORDER, figure_rows
from tarjama.gui.figures_panel import FiguresPanel

COUNT, BATCH = 300, 8

def arabic_sentences(count: int = COUNT) -> list[SentenceResult]:
    return figure_sentences.arabic_sentences(count)


translate = figure_sentences.translate


def batches(items, size=BATCH):
    return [items[i:i + size] for i in range(0, len(items), size)]


def visible_rows(panel) -> list[list[str]]:
    """The cells of every row drawn in the table's viewport, top to bottom."""
    table = panel.table
    rows, y = [], 1
    while y < table.viewport().height():
        row = table.rowAt(y)
        if row < 0:
            break
        rows.append([table.model().index(row, c).data() for c in range(5)])
        y = table.rowViewportPosition(row) + table.rowHeight(row) + 1
    return rows


@pytest.fixture
def panel(qtbot):
    widget = FiguresPanel()
    qtbot.addWidget(widget)
    widget.resize(670, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def counts(panel):
    seen = {"reset": 0, "inserted": 0, "changed": 0}
    panel.model.modelReset.connect(lambda: seen.__setitem__("reset", seen["reset"] + 1))
    panel.model.rowsInserted.connect(
        lambda *_: seen.__setitem__("inserted", seen["inserted"] + 1))
    panel.model.dataChanged.connect(lambda *_: seen.__setitem__("changed", seen["changed"] + 1))
    return seen


@pytest.fixture(scope="module")
def arabic():
    return arabic_sentences()


@pytest.fixture(scope="module")
def english(arabic):
    return [translate(s) for s in arabic]


def test_streamed_sentences_are_appended_and_updated_in_place(panel, counts, arabic, english):
    for batch in batches(arabic):
        panel.add_sentences(batch)
    expected = sum(len(figure_rows(s)) for s in arabic)
    assert counts == {"reset": 0, "inserted": len(batches(arabic)), "changed": 0}
    assert panel.row_count() == expected
    assert panel.count_label.text() == f"{expected} figures"
    shown = visible_rows(panel)
    assert len(shown) > 5
    assert [row[NUMBER] for row in shown] == sorted((row[NUMBER] for row in shown), key=int)
    assert {row[STATUS] for row in shown} == {"pending"}
    assert shown[0][1:] == ["casualties", f"{3} شخصا", "", "pending"]

    for batch in batches(english):
        panel.update_sentences(batch)
    assert counts["reset"] == 0
    added = sum(1 for s in english for row in figure_rows(s) if row.status == "added")
    assert added > 0
    # One announcement per batch, split only where a translation added a row.
    assert len(batches(english)) <= counts["changed"] <= len(batches(english)) + added
    assert counts["inserted"] == len(batches(arabic)) + added  # an added figure's row
    assert panel.row_count() == expected + added
    statuses = {panel.row(i)[1][3] for i in range(panel.row_count())}
    assert statuses == {STATUS_LABELS[s] for s in ("ok", "changed", "missing", "added")}
    assert "pending" not in {row[STATUS] for row in visible_rows(panel)}


def test_every_changed_cell_of_a_slice_is_announced(panel, arabic, english):
    """A slice's changes come in few ``dataChanged`` signals; each changed cell is in one."""
    panel.add_sentences(arabic)
    model = panel.model
    before = [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]
    announced = []
    model.dataChanged.connect(lambda top, bottom, *_: announced.append(
        (top.row(), bottom.row(), top.column(), bottom.column())))
    insertions = []
    model.rowsInserted.connect(lambda _parent, first, last: insertions.append((first, last)))
    batch = english[40:56]
    assert any(s.target_figures for s in batch)
    panel.update_sentences(batch)
    assert 1 <= len(announced) <= 1 + len(insertions)
    after = [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]
    inserted = {r for first, last in insertions for r in range(first, last + 1)}
    old_rows = iter(before)
    changed = 0
    for row, cells in enumerate(after):
        if row in inserted:
            continue
        old = next(old_rows)
        for column, (was, now) in enumerate(zip(old, cells, strict=True)):
            if was != now:
                changed += 1
                assert any(top <= row <= bottom and left <= column <= right
                           for top, bottom, left, right in announced), (row, column)
    assert changed > 10


def test_the_table_sorts_by_any_column(panel, qtbot, english):
    panel.add_sentences(english)
    header = panel.table.horizontalHeader()

    def click_header(column):
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, header.height() // 2))

    click_header(STATUS)
    shown = [row[STATUS] for row in visible_rows(panel)]
    assert shown[0] == "missing"
    order = {STATUS_LABELS[s]: rank for s, rank in STATUS_ORDER.items()}
    assert [order[s] for s in shown] == sorted(order[s] for s in shown)
    click_header(STATUS)  # again: the other way round
    assert visible_rows(panel)[0][STATUS] == "kept"
    click_header(1)
    kinds = [row[1] for row in visible_rows(panel)]
    assert kinds == sorted(kinds)
    assert kinds[0] == "casualties"
    click_header(NUMBER)
    numbers = [int(row[NUMBER]) for row in visible_rows(panel)]
    assert numbers == sorted(numbers)
    assert numbers[0] == 1  # back in document order


def test_problems_only_shows_just_the_figures_to_check(panel, qtbot, english):
    panel.add_sentences(english)
    total = panel.row_count()
    problems = sum(1 for s in english for row in figure_rows(s)
                   if row.status in ("missing", "changed", "added"))
    qtbot.mouseClick(panel.problems_box, Qt.MouseButton.LeftButton)
    assert panel.problems_box.isChecked()
    assert panel.row_count() == problems < total
    assert {row[STATUS] for row in visible_rows(panel)} <= {"missing", "changed", "added"}
    assert panel.count_label.text() == f"{problems} of {total} figures"
    panel.update_sentences([translate(dataclasses.replace(english[0], translation=None))])
    assert panel.row_count() == problems  # in-place updates keep the filter
    qtbot.mouseClick(panel.problems_box, Qt.MouseButton.LeftButton)
    assert panel.row_count() == total
    assert "kept" in {row[STATUS] for row in visible_rows(panel)}


def test_clicking_a_row_jumps_to_its_sentence(panel, qtbot, english):
    panel.add_sentences(english)
    panel.problems_box.setChecked(True)
    panel.table.sortByColumn(STATUS, Qt.SortOrder.AscendingOrder)
    for row in (0, 3):
        rect = panel.table.visualRect(panel.table.model().index(row, 2))
        number, _, arabic, *_ = visible_rows(panel)[row]
        with qtbot.waitSignal(panel.figure_activated, timeout=1000) as blocker:
            qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                             pos=rect.center())
        assert blocker.args == [int(number) - 1]
        assert arabic in english[int(number) - 1].sentence.text
        assert panel.row(row)[0] == int(number) - 1


def test_the_same_article_again_keeps_the_rows_another_resets(panel, counts, arabic,
                                                              english):
    panel.show_sentences(arabic[:40])
    panel.table.selectRow(5)
    selected = panel.row(5)
    counts.update(reset=0, inserted=0, changed=0)
    panel.show_sentences(english[:40])  # the final result of the same article
    assert counts["reset"] == 0
    now = panel.table.selectionModel().selectedRows()[0].row()  # rows added above move it
    assert panel.row(now)[0] == selected[0]  # the same figure stays selected
    assert panel.row(now)[1][1] == selected[1][1]
    assert panel.row(now)[1][3] != "pending"
    other = arabic_sentences(3)
    other[0] = dataclasses.replace(other[0], sentence=dataclasses.replace(
        other[0].sentence, text="وقال إن 7 قرى تضررت."))
    panel.show_sentences(other)
    assert counts["reset"] == 1
    panel.update_sentences(english[10:20])  # a late slice of the old article changes nothing
    assert panel.row_count() == sum(len(figure_rows(s)) for s in other)
