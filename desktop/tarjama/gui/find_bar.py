"""The find bar under the reader panes: Ctrl+F, F3 and Shift+F3, Esc closes it.

What is typed is matched as ``core.text_search`` folds it (احمد finds أَحْمَد), in the
Arabic pane, the English pane or both; left on "Automatic" the query's own script picks
the pane. Every match is tinted quietly and the current one is selected, so it is what
the pane shows as selected text and what Ctrl+C copies; its sentence becomes the current
sentence of both panes, which brings it into view in both.

The tints are drawn by a QSyntaxHighlighter per pane, not by extra selections: the pane
replaces its extra selections whenever hover or the current sentence changes, and a
highlighter's formats live in the layout, so neither the document nor the pane's
figure colours are touched. It is attached only while the bar shows matches, so a
streaming translation costs nothing when nobody searches.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from tarjama.core.text_search import find_all, query_script
from tarjama.gui import palette
from tarjama.gui.reader_pane import ReaderPane
from tarjama.gui.reader_sentences import utf16_len
from tarjama.gui.sentence_linker import SentenceLinker

SCOPES = (("auto", "Automatic"), ("arabic", "Arabic"), ("english", "English"),
          ("both", "Both"))
REFRESH_MS = 150  # after the panes change (a slice of translation), search again once
# Magenta-pink: the one hue no kind of figure is tinted in (core/figures/hues.py), so a
# match is never mistaken for a figure.
_MATCH_HUE = (236, 64, 196)


@dataclass(frozen=True, order=True)
class Match:
    """One match; ordered as the reader meets them: by sentence, Arabic first."""

    sentence: int
    pane: int  # 0 the Arabic pane, 1 the English pane
    start: int  # document positions [start, end)
    end: int


class MatchHighlighter(QSyntaxHighlighter):
    """Tints the given document ranges of one pane; the current one in selection colours."""

    def __init__(self, pane: ReaderPane, parent: QObject) -> None:
        super().__init__(parent)  # not the pane: that would attach it to its document now
        self.pane = pane
        self._ranges: list[tuple[int, int]] = []
        self._current: tuple[int, int] | None = None
        self._quiet = QTextCharFormat()
        self._strong = QTextCharFormat()
        self._make_formats()

    def show_ranges(self, ranges: list[tuple[int, int]], current: tuple[int, int] | None) -> None:
        """Tint ``ranges`` (sorted); re-draw only the blocks whose tints changed."""
        if ranges == self._ranges and current == self._current \
                and self.document() is self.pane.document():
            return
        touched = self._ranges + ([self._current] if self._current else [])
        self._ranges, self._current = ranges, current
        if not ranges:
            self.setDocument(None)  # which clears its tints from every block
        elif self.document() is not self.pane.document():
            self.setDocument(self.pane.document())  # a new article: draws every block
        else:
            self._redraw(touched + ranges + ([current] if current else []))

    def is_on_pane(self) -> bool:
        """Whether the tints are on the pane's document (it is replaced per article)."""
        return not self._ranges or self.document() is self.pane.document()

    def recolour(self) -> None:
        self._make_formats()
        self._redraw(self._ranges)

    def _make_formats(self) -> None:
        colours = palette.current()
        page = palette.to_rgb(colours.page)
        self._quiet.setBackground(QColor(palette.to_hex(
            palette.mix(page, _MATCH_HUE, 0.35 if colours.dark else 0.3))))
        self._strong.setBackground(QColor(colours.selection))
        self._strong.setForeground(QColor(colours.selection_text))

    def _redraw(self, ranges: list[tuple[int, int]]) -> None:
        document = self.document()
        if document is None:
            return
        blocks = {document.findBlock(start).blockNumber() for start, _end in ranges}
        for number in sorted(blocks):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, _text: str) -> None:
        block = self.currentBlock()
        first, last = block.position(), block.position() + block.length()
        index = bisect.bisect_left(self._ranges, (first, first)) - 1
        for start, end in self._ranges[max(index, 0):]:
            if start >= last:
                break
            self._tint(start, end, first, last, self._quiet)
        if self._current and first <= self._current[0] < last:
            self._tint(*self._current, first, last, self._strong)

    def _tint(self, start: int, end: int, first: int, last: int,
              fmt: QTextCharFormat) -> None:
        start, end = max(start, first), min(end, last)
        if start < end:
            self.setFormat(start - first, end - start, fmt)


class FindBar(QWidget):
    """Search field, scope, previous and next buttons, "3 of 12", and a close button."""

    def __init__(self, source: ReaderPane, target: ReaderPane, linker: SentenceLinker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panes = (source, target)
        self.linker = linker
        self.matches: list[Match] = []
        self.current = -1  # index into matches
        self.field = QLineEdit(placeholderText=self.tr("Find in the article"),
                               clearButtonEnabled=True, accessibleName=self.tr("Find"),
                               maximumWidth=360)
        self.scope = QComboBox()
        for key, label in SCOPES:
            self.scope.addItem(self.tr(label), key)
        self.scope.setToolTip(self.tr("Where to search; Automatic goes by the script you type"))
        self.previous_button = self._button("◀", self.tr("Previous match (Shift+F3)"),
                                            self.find_previous)
        self.next_button = self._button("▶", self.tr("Next match (F3)"), self.find_next)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 of 0000"))
        close = self._button("✕", self.tr("Close (Esc)"), self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.field, self.scope, self.previous_button, self.next_button,
                       self.count_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(close)
        self.highlighters = [MatchHighlighter(pane, self) for pane in self.panes]
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.field.textChanged.connect(lambda _text: self.search())
        self.scope.currentIndexChanged.connect(lambda _index: self.search())
        for pane in self.panes:
            pane.textChanged.connect(self._schedule_refresh)
        # A method, not a lambda: the notifier outlives windows, a slot of ours dies with us.
        palette.notifier().changed.connect(self._recolour)
        self.hide()

    def _recolour(self, _colours: object = None) -> None:
        for highlighter in self.highlighters:
            highlighter.recolour()

    def _button(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(text=text, toolTip=tip, accessibleName=tip)
        button.clicked.connect(slot)
        return button

    # -- opening and closing ---------------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar with the field focused; a short selection in a pane is the query,
        unless it is the bar's own current match (the query that found it stays)."""
        ours = self.matches[self.current] if self.current >= 0 else None
        selected = ""
        for index, pane in enumerate(self.panes):
            cursor = pane.textCursor()
            span = (index, cursor.selectionStart(), cursor.selectionEnd())
            if cursor.hasSelection() and (not ours or span != (ours.pane, ours.start, ours.end)):
                selected = cursor.selectedText()
                break
        if selected and len(selected) <= 80 and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.search()

    def close_bar(self) -> None:
        """Hide the bar and its tints; the current match stays selected, to copy."""
        self.hide()
        self._refresh_timer.stop()
        for highlighter in self.highlighters:
            highlighter.show_ranges([], None)
        pane = self.panes[self.matches[self.current].pane] if self.current >= 0 else None
        (pane or self.panes[0]).setFocus(Qt.FocusReason.OtherFocusReason)

    def event(self, event: QEvent) -> bool:
        # Esc also cancels a running translation (a window shortcut); while the bar has
        # the focus, Esc is the bar's: claiming the shortcut makes it a key press here.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.find_previous() if shift else self.find_next()
        else:
            super().keyPressEvent(event)

    # -- searching -------------------------------------------------------------------------

    def searched_panes(self) -> list[int]:
        """Which panes (0 Arabic, 1 English) the query is looked for in."""
        scope = self.scope.currentData()
        if scope == "auto":
            scope = {"arabic": "arabic", "latin": "english"}.get(query_script(self.field.text()),
                                                                 "both")
        return {"arabic": [0], "english": [1]}.get(scope, [0, 1])

    def collect(self) -> list[Match]:
        """Every match of the query in the searched panes, in reading order."""
        matches = []
        for index in self.searched_panes():
            pane = self.panes[index]
            for sentence in range(pane.sentence_count()):
                if pane.is_pending(sentence):
                    continue  # its placeholder is not the article's text
                text = pane.sentence_text(sentence)
                first = pane.sentence_range(sentence)[0]
                for start, end in find_all(self.field.text(), text):
                    matches.append(Match(sentence, index, first + utf16_len(text[:start]),
                                         first + utf16_len(text[:end])))
        return sorted(matches)

    def search(self) -> None:
        """Look again for what is typed, from the current match or the current sentence."""
        if not self.isVisible():
            return
        anchor = self.matches[self.current] if self.current >= 0 else \
            Match(max(self.linker.current, 0), 0, 0, 0)
        self.matches = self.collect()
        self.current = bisect.bisect_left(self.matches, anchor) % len(self.matches) \
            if self.matches else -1
        self._show(scroll=True)

    def refresh(self) -> None:
        """The panes changed (translations streamed in): keep the tints and count true
        without moving the view away from what the user reads."""
        if not self.isVisible():
            return
        kept = self.matches[self.current] if self.current >= 0 else None
        matches = self.collect()
        if matches == self.matches and all(h.is_on_pane() for h in self.highlighters):
            return
        self.matches = matches
        index = bisect.bisect_left(matches, kept) if kept and matches else 0
        self.current = index % len(matches) if matches else -1
        self._show(scroll=False)

    def _schedule_refresh(self) -> None:
        if self.isVisible() and self.field.text().strip():
            self._refresh_timer.start()

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if not self.isVisible():
            self.open_bar()  # F3 with the bar closed opens it with the last query
            return
        if self.matches:
            self.current = (self.current + step) % len(self.matches)
            self._show(scroll=True)

    # -- showing ---------------------------------------------------------------------------

    def count_text(self) -> str:
        if not self.field.text().strip():
            return ""
        if not self.matches:
            return self.tr("No matches")
        return self.tr("%1 of %2").replace("%1", str(self.current + 1)) \
            .replace("%2", str(len(self.matches)))

    def _show(self, scroll: bool) -> None:
        self.count_label.setText(self.count_text())
        for button in (self.previous_button, self.next_button):
            button.setEnabled(len(self.matches) > 1)
        current = self.matches[self.current] if self.current >= 0 else None
        for index, (pane, highlighter) in enumerate(zip(self.panes, self.highlighters,
                                                        strict=True)):
            ranges = [(m.start, m.end) for m in self.matches if m.pane == index]
            mine = (current.start, current.end) if current and current.pane == index else None
            highlighter.show_ranges(ranges, mine)
            self._select(pane, mine)
        if current is not None and scroll:
            # Both panes show the sentence, then the match itself is brought into view.
            self.linker.select(current.sentence)
            self.panes[current.pane].ensureCursorVisible()

    def _select(self, pane: ReaderPane, span: tuple[int, int] | None) -> None:
        """Make ``span`` the pane's selection (None: no selection) without scrolling: the
        caller scrolls to the sentence first and to the match then, if at all."""
        cursor = pane.textCursor()
        if span is None and not cursor.hasSelection():
            return
        keep = pane.verticalScrollBar().value()
        cursor = QTextCursor(pane.document())
        if span is not None:
            cursor.setPosition(span[0])
            cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.setPosition(pane.textCursor().position())
        pane.setTextCursor(cursor)
        pane.verticalScrollBar().setValue(keep)
