"""How a pane's paragraphs lay out: their writing direction, alignment and spacing.

Qt mirrors ``AlignLeft`` and ``AlignRight`` in a right-to-left paragraph (they mean
"leading" and "trailing"), so a right-to-left block asked for ``AlignRight`` is drawn
flush *left*: that was the ragged right edge of the Arabic pane. ``AlignAbsolute``
switches the mirroring off, so the alignment below is where the text really sits.

Both panes set their direction explicitly on every block. Left on ``Auto``, Qt takes a
paragraph's direction from its first strong letter, and an English translation that
starts with an Arabic name would flip to the right.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlockFormat, QTextOption

# Line spacing in per cent of the font's height; the gap between paragraphs in lines.
LINE_HEIGHT_PERCENT = 130
PARAGRAPH_GAP_LINES = 0.8


def direction(rtl: bool) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight


def alignment(rtl: bool) -> Qt.AlignmentFlag:
    """Flush right for Arabic, flush left for English, on screen whatever the direction."""
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    return side | Qt.AlignmentFlag.AlignAbsolute


def text_option(rtl: bool) -> QTextOption:
    """The document's default option, for text laid out outside any block format."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    option.setTextDirection(direction(rtl))
    option.setAlignment(alignment(rtl))
    return option


def paragraph_format(rtl: bool, line_height: float) -> QTextBlockFormat:
    """The format of every paragraph block; ``line_height`` is the font's, in pixels."""
    block_format = QTextBlockFormat()
    block_format.setBottomMargin(line_height * PARAGRAPH_GAP_LINES)
    block_format.setLineHeight(LINE_HEIGHT_PERCENT,
                               QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    block_format.setLayoutDirection(direction(rtl))
    block_format.setAlignment(alignment(rtl))
    return block_format
