"""The Key Figures panel, the pane tooltips and the figure colours speak in words."""

from __future__ import annotations

import dataclasses

import pytest

from figure_samples import sample_sentences
from tarjama.core.figures.model import KINDS
from tarjama.gui import theme
from tarjama.gui.figure_marks import source_marks, target_marks
from tarjama.gui.figures_panel import FiguresPanel


@pytest.fixture
def panel(qtbot):
    widget = FiguresPanel()
    qtbot.addWidget(widget)
    widget.show_sentences(sample_sentences())
    return widget


def cells(panel):
    return [panel.row(i)[1] for i in range(panel.row_count())]


def tooltips(panel, column):
    return [panel.tooltips(i)[column] for i in range(panel.row_count())]


def test_kind_and_status_columns_show_words(panel):
    kinds = [row[0] for row in cells(panel)]
    statuses = [row[3] for row in cells(panel)]
    assert kinds == ["casualties", "date", "vague count", "score", "clock time", "ordinal",
                     "fraction", "date"]
    assert statuses == ["kept", "kept", "changed", "kept", "missing", "kept", "kept", "added"]
    assert "count_word" not in kinds
    assert "ok" not in statuses


def test_tooltips_read_the_figure_and_explain_the_status(panel):
    assert tooltips(panel, 0) == [
        "casualties: about 300 killed", "date: 10 September 2018", "vague count: dozens",
        "score 2-1", "clock time: 20:30", "ordinal: 3rd", "fraction: half", "date: mid-May"]
    assert tooltips(panel, 2)[2] == "vague count: hundreds"  # the English, read as a figure
    assert tooltips(panel, 2)[7] == "May"  # an added figure: its row's kind cell reads it
    status_tips = tooltips(panel, 3)
    assert status_tips[0].startswith("Kept:")
    assert status_tips[2].startswith("Changed:")
    assert status_tips[4].startswith("Missing:")
    assert status_tips[7].startswith("Added:")
    assert not any("count_word" in tip for column in range(4) for tip in tooltips(panel, column))


def test_an_untranslated_figure_is_pending(qtbot):
    widget = FiguresPanel()
    qtbot.addWidget(widget)
    sentence = dataclasses.replace(sample_sentences()[1], translation=None, target_figures=[],
                                   fidelity=None)
    widget.show_sentences([sentence])
    assert [row[3] for row in cells(widget)] == ["pending"] * 3
    assert [row[0] for row in cells(widget)] == ["vague count", "score", "clock time"]


def test_pane_tooltips_use_labels():
    first, second, third = sample_sentences()
    assert [m.tooltip for m in source_marks(second)] == [
        "vague count: dozens (changed; English: Hundreds)",
        "score 2-1 (kept; English: 2-1)",
        "clock time: 20:30 (missing in the English)",
    ]
    marks, warning = target_marks(second)
    assert [m.tooltip for m in marks] == ["vague count: hundreds (changed; Arabic: عشرات)",
                                          "score 2-1 (kept; Arabic: 2-1)"]
    assert warning == ("⚠ figure changed: the Arabic says dozens; the English has hundreds\n"
                       "⚠ figure missing: the Arabic figure 20:30 is not in the translation")
    marks, warning = target_marks(third)
    assert marks[-1].tooltip == "date: mid-May (added: no Arabic figure matches it)"
    assert warning == ""
    assert source_marks(first)[0].tooltip == (
        "casualties: about 300 killed (kept; English: 300 people were killed)")


def test_marks_keep_the_kind_ids_for_colour():
    _, second, _ = sample_sentences()
    assert [m.kind for m in source_marks(second)] == ["count_word", "score", "time"]
    marks, _ = target_marks(second)
    assert [m.kind for m in marks] == ["count_word", "score"]  # coloured like the Arabic


def _luminance(colour) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def _contrast(a, b) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("dark", [False, True])
def test_figure_colours_are_readable_in_light_and_dark_themes(qapp, kind, dark):
    from PySide6.QtGui import QPalette

    palette = theme.dark_palette() if dark else theme.light_palette()
    text = palette.color(QPalette.ColorRole.Text)
    assert _contrast(theme.figure_colour(kind, dark), text) >= 4.5


@pytest.mark.parametrize(("kind", "like"), [
    ("time", "date"), ("fraction", "percent"), ("ordinal", "number"), ("score", "number"),
])
def test_new_kinds_take_the_hue_of_their_family(qapp, kind, like):
    hue, family = theme.figure_colour(kind, False).hsvHue(), theme.figure_colour(
        like, False).hsvHue()
    assert kind != like
    assert abs(hue - family) <= 25
