"""What a reader pane's document holds where it says a sentence is."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor


def document_slice(pane, sentence_id: int) -> str:
    """The document's text over the range the pane gives for ``sentence_id``."""
    start, end = pane.sentence_range(sentence_id)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()
