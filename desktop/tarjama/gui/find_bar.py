"""The find bar under the reader panes: Ctrl+F, F3 and Shift+F3, Esc closes it.

What is typed is matched as ``core.text_search`` folds it (احمد finds أَحْمَد), in the
Arabic pane, the English pane or both; left on "Automatic" the query's own script picks
the pane. Every match is tinted quietly and the current one is selected, so it is what
the pane shows as selected text and what Ctrl+C copies; its sentence becomes the current
sentence of both panes, which brings it into view in both. When the reader goes to
another sentence since (a click, F8, a row of a panel), F3 goes on from that sentence:
to its first match or the next one after it, and Shift+F3 to the last one before it.

The tints are drawn by a QSyntaxHighlighter per pane (find_highlighter.py). It is
attached only while the bar shows matches, so a streaming translation costs nothing
when nobody searches.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from tarjama.core.text_search import find_all, query_script
from tarjama.gui import palette
from tarjama.gui.find_highlighter import MatchHighlighter
from tarjama.gui.reader_pane import ReaderPane
from tarjama.gui.reader_sentences import utf16_len
from tarjama.gui.sentence_linker import SentenceLinker

SCOPES = (("auto", QT_TRANSLATE_NOOP("FindBar", "Automatic")),
          ("arabic", QT_TRANSLATE_NOOP("FindBar", "Arabic")),
          ("english", QT_TRANSLATE_NOOP("FindBar", "English")),
          ("both", QT_TRANSLATE_NOOP("FindBar", "Both")))
REFRESH_MS = 150  # after the panes change (a slice of translation), search again once


@dataclass(frozen=True, order=True)
class Match:
    """One match; ordered as the reader meets them: by sentence, Arabic first."""

    sentence: int
    pane: int  # 0 the Arabic pane, 1 the English pane
    start: int  # document positions [start, end)
    end: int


class FindBar(QWidget):
    """Search field, scope, previous and next buttons, "3 of 12", and a close button."""

    def __init__(self, source: ReaderPane, target: ReaderPane, linker: SentenceLinker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panes = (source, target)
        self.linker = linker
        self.matches: list[Match] = []
        self.current = -1  # index into matches
        self.from_sentence = -1  # where the reader went since the current match, if anywhere
        self.field = QLineEdit(placeholderText=self.tr("Find in the article"),
                               clearButtonEnabled=True, accessibleName=self.tr("Find"),
                               maximumWidth=360)
        self.scope = QComboBox()
        for key, label in SCOPES:
            self.scope.addItem(self.tr(label), key)
        self.scope.setToolTip(self.tr("Where to search; Automatic goes by the script you type"))
        self.previous_button = self._button("▲", self.tr("Previous match (Shift+F3)"),
                                            self.find_previous)
        self.next_button = self._button("▼", self.tr("Next match (F3)"), self.find_next)
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
        linker.current_changed.connect(self._on_sentence_chosen)
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
        if self.from_sentence >= 0:
            anchor = Match(self.from_sentence, 0, 0, 0)
        elif self.current >= 0:
            anchor = self.matches[self.current]
        else:
            anchor = Match(max(self.linker.current, 0), 0, 0, 0)
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
        if not self.matches:
            return
        if self.from_sentence >= 0:
            # From the sentence the reader went to: its first match (or the next after
            # it) forward, the last match before it backward.
            first = bisect.bisect_left(self.matches, Match(self.from_sentence, 0, 0, 0))
            self.current = (first if step > 0 else first - 1) % len(self.matches)
        else:
            self.current = (self.current + step) % len(self.matches)
        self._show(scroll=True)

    def _on_sentence_chosen(self, sentence_id: int) -> None:
        """A sentence became current: the bar's own match, or the reader went elsewhere."""
        ours = self.matches[self.current] if self.current >= 0 else None
        self.from_sentence = -1 if ours and ours.sentence == sentence_id else sentence_id

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
