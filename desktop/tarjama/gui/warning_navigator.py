"""F8 and Shift+F8: from one sentence whose figures are warned about to the next.

A careful reader checks each sentence where the translation lost or changed a figure
(fidelity "missing" or "changed"). The navigator goes from the current sentence to the
next (or previous) such one, makes it current in both panes (which scrolls it into
view), says which warning it is in the status bar, and wraps around at the end with a
message, so the reader knows the round is complete. Its actions are disabled while the
article has no warning; the article is read when an action fires, so a warning that
streamed in a moment ago is never skipped.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from tarjama.core.pipeline import ArticleResult

if TYPE_CHECKING:
    from tarjama.gui.main_window import MainWindow

WARNED = frozenset({"missing", "changed"})
MESSAGE_MS = 4000


def warned_sentences(article: ArticleResult | None) -> list[int]:
    """Ids of the sentences whose fidelity check warns, in reading order."""
    if article is None:
        return []
    return [s.sentence.id for s in article.sentences
            if s.fidelity is not None and s.fidelity.status in WARNED]


class WarningNavigator(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions: list[QAction] = []
        # Queued: the window's display stores each streamed sentence in the article in a
        # slot connected to the same signals; the count is taken once it has.
        for signal in (window.session.prepared, window.session.slice_delivered,
                       window.session.completed, window.session.job_finished):
            signal.connect(self.update_actions, Qt.ConnectionType.QueuedConnection)

    def watch(self, *actions: QAction) -> None:
        """The menu actions to enable only while there is a warning to go to."""
        self.actions = list(actions)
        self.update_actions()

    def update_actions(self, *_args: object) -> None:
        enabled = bool(warned_sentences(self.window.article))
        for action in self.actions:
            action.setEnabled(enabled)

    def next(self) -> None:
        self._go(forward=True)

    def previous(self) -> None:
        self._go(forward=False)

    def _go(self, forward: bool) -> None:
        warned = warned_sentences(self.window.article)
        self.update_actions()
        if not warned:
            return
        current = self.window.linker.current
        if forward:
            index = bisect.bisect_right(warned, current)
            wrapped = index == len(warned) and current >= 0
            index %= len(warned)
        else:
            index = bisect.bisect_left(warned, current) - 1
            wrapped = index < 0 and current >= 0
            index %= len(warned)
        self.window.linker.select(warned[index])
        if wrapped:
            text = (self.tr("Wrapped to the first warning") if forward
                    else self.tr("Wrapped to the last warning"))
        else:
            text = self.tr("Warning %1 of %2").replace("%1", str(index + 1)) \
                .replace("%2", str(len(warned)))
        self.window.statusBar().showMessage(text, MESSAGE_MS)
