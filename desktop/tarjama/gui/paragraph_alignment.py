"""Paragraph N of the English starts level with paragraph N of the Arabic.

Each reader pane's document has one block per paragraph, in the same order on both
sides. A paragraph's natural height (its lines and the gap after it) differs between the
languages, so the aligner adds the difference to the bottom margin of the shorter block:
every paragraph then starts at the same y in both documents, and the same scroll value
shows the same paragraphs at the same place. A block format edit moves no character: the
panes' sentence ranges stay valid.

The padding given to a block is kept in a user property of its format, so its natural
height is always the distance to the next block's top less that padding.

A pass walks the blocks from the first one a change may have touched, comparing the
tops of the next blocks on both sides: where they are level (and not both padded) there
is nothing to do, elsewhere the two paragraphs are measured and padded. A text change
starts the walk at the paragraph before it, a new document (setDocument), a width change
(resize, splitter) or a font change (zoom) at the first. The walk runs from a 0 ms timer,
in slices of at most ``SLICE_SECONDS``.

A streamed slice changes a few paragraphs; walking every paragraph after them, on every
slice, cost the window more than the padding itself on a long article. So a walk after
text changes stops once it is past the last paragraph they touched, if the first
paragraph without a counterpart (the last one of the shorter document) starts level on
both sides: the paragraphs in between did not change, so they are still level. Where it
does not (Qt reports the start of an edit block's changes but not always their end), the
walk goes on to the end, as a walk after a new document, resize or zoom always does.

The aligner never scrolls: ``started`` and ``aligned`` let the linker keep what the
reader looks at in place and level the panes.
"""

from __future__ import annotations

import contextlib
import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCursor, QTextDocument, QTextFormat

from tarjama.gui.reader_pane import ReaderPane

PAD_PROPERTY = QTextFormat.Property.UserProperty.value + 0x7A1  # px added to bottomMargin
REPAIR_PROPERTY = PAD_PROPERTY + 1  # changed to have Qt lay a block out again
SLICE_SECONDS = 0.008  # measuring and padding per turn of the event loop
LAYOUT_WAIT_MS = 10  # Qt's own stepwise layout moves on every 10 ms
MAX_WAITS = 30  # then measure what there is (a hidden pane is never laid out)
SETTLE_MS = 250  # after the last resize, the walk that checks the settled layout
FIXED_STEP = 64  # Qt lays text out in 1/64 px: padding on that grid adds up exactly
LEVEL = 1 / (2 * FIXED_STEP)  # tops closer than this are the same
WHOLE = 1 << 62  # a walk's last changed block when every block may have changed


def block_padding(block: QTextBlock) -> float:
    """The padding the aligner gave a block (0 when none)."""
    return block.blockFormat().doubleProperty(PAD_PROPERTY)


def _laying_out(document: QTextDocument) -> bool:
    """Whether Qt's stepwise layout of the document is under way: its last block has no lines."""
    last = document.lastBlock()
    return last.isValid() and last.layout().lineCount() == 0


def _laid_out(block: QTextBlock) -> bool:
    return block.layout().lineCount() > 0


def _snap(value: float) -> float:
    return round(value * FIXED_STEP) / FIXED_STEP


class ParagraphAligner(QObject):
    """Pads the paragraphs of two reader panes so that each starts at the same y in both."""

    started = Signal(bool)  # a walk begins (true: from the first paragraph); nothing padded yet
    # The walk reached the end: every paragraph of both documents is level. True if it
    # padded anything (what lies below moved).
    aligned = Signal(bool)

    def __init__(self, source: ReaderPane, target: ReaderPane,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panes = (source, target)
        self._documents: list[QTextDocument | None] = [None, None]
        self._slots = [self._changed_slot(0), self._changed_slot(1)]
        self._widths = [pane.viewport().width() for pane in self.panes]
        self._next = -1  # the block the walk checks next; -1: no walk due
        self._last_changed = -1  # past this block and level, the walk may stop (see above)
        self._applying = False  # set while we edit block formats ourselves
        self._waits = 0  # slices in a row that found a block not laid out yet
        self._in_pass = False  # between started and aligned
        self._padded = False  # this walk changed a padding
        self._full = False  # the walk to come starts at the first paragraph
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._align_slice)
        # After a resize Qt lays the documents out again in steps of its own, and a walk
        # can measure a paragraph before its new lines: one more walk once that settles.
        self._settled = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settled.timeout.connect(self.realign)
        for pane in self.panes:
            pane.textChanged.connect(self._check_documents)  # also sent by setDocument
            pane.installEventFilter(self)
            pane.viewport().installEventFilter(self)
        self._check_documents()

    # -- state ----------------------------------------------------------------------------

    def is_active(self) -> bool:
        """Whether both panes show sentences; with one empty (no pack) nothing is padded."""
        return all(pane.sentence_count() > 0 for pane in self.panes)

    def is_aligned(self) -> bool:
        """Whether every paragraph is level now: same scroll value, same paragraph tops."""
        self._check_documents()
        counts = [pane.document().blockCount() for pane in self.panes]
        return (self.is_active() and self._next < 0 and not self._settled.isActive()
                and counts[0] == counts[1])

    def realign(self) -> None:
        """Check every paragraph again, in slices from the next turn of the event loop."""
        self._walk_from(0)

    # -- what changed ---------------------------------------------------------------------

    def _changed_slot(self, side: int):
        return lambda position, _removed, added: self._on_contents_change(side, position,
                                                                          added)

    def _check_documents(self) -> None:
        for side, pane in enumerate(self.panes):
            document = pane.document()
            if document is self._documents[side]:
                continue
            old = self._documents[side]
            if old is not None:
                with contextlib.suppress(RuntimeError, TypeError):  # gone with its document
                    old.contentsChange.disconnect(self._slots[side])
            self._documents[side] = document
            document.contentsChange.connect(self._slots[side])
            self._walk_from(0)

    def _on_contents_change(self, side: int, position: int, added: int = 0) -> None:
        if not self._applying:
            document = self._documents[side]
            # The block before shares its lower edge with the first one touched.
            block = document.findBlock(position).blockNumber()
            last = document.findBlock(position + added).blockNumber()
            self._walk_from(max(block - 1, 0), max(last, block, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FontChange and watched in self.panes:
            self._walk_from(0)  # set_text_font: the document's font follows at once
        elif kind == QEvent.Type.Resize:
            for side, pane in enumerate(self.panes):
                if watched is pane.viewport() and pane.viewport().width() != self._widths[side]:
                    self._widths[side] = pane.viewport().width()
                    self._walk_from(0)
                    self._settled.start()
        return False

    def _walk_from(self, first: int, last_changed: int = WHOLE) -> None:
        """Walk from block ``first``; what changed ends at block ``last_changed``."""
        self._full = self._full or first == 0
        self._last_changed = max(self._last_changed, last_changed)
        self._next = first if self._next < 0 else min(self._next, first)
        self._timer.start()

    # -- the walk -------------------------------------------------------------------------

    def _align_slice(self) -> None:
        self._check_documents()
        if self._next < 0:
            return
        documents = [pane.document() for pane in self.panes]
        if any(_laying_out(document) for document in documents) and self._waits < MAX_WAITS:
            # Editing a block while Qt lays the document out in steps leaves the blocks
            # after it without lines for good (Qt 6): wait for the layout to finish.
            self._waits += 1
            self._timer.start(LAYOUT_WAIT_MS)
            return
        if not self._in_pass:
            self._in_pass = True
            self.started.emit(self._full)
        self._full = False
        deadline = time.perf_counter() + SLICE_SECONDS
        active = self.is_active()
        last = [document.blockCount() - 1 for document in documents]
        # Blocks with a successor on both sides; the rest has no counterpart yet, or is
        # the last block, whose bottom margin Qt ignores: it keeps no padding.
        paired = min(last) if active else 0
        blocks = [document.findBlockByNumber(self._next) for document in documents]
        number = self._next
        while number <= max(last):
            if time.perf_counter() > deadline:
                break
            if number < paired:
                heights = self._mismatch(blocks)
                if heights == ():
                    if self._waits < MAX_WAITS:
                        self._waits += 1
                        break  # not laid out yet: look again a little later
                    self._repair(blocks + [block.next() for block in blocks])
                    heights = self._mismatch(blocks)
                if heights:  # None when level already
                    ar, en = heights
                    self._pad(blocks[0], _snap(max(0.0, en - ar)))
                    self._pad(blocks[1], _snap(max(0.0, ar - en)))
            else:
                for block in blocks:
                    if block.isValid():
                        self._pad(block, 0.0)
                        if self._waits >= MAX_WAITS:
                            self._repair([block])
            if number >= self._last_changed and number < paired:
                if self._rest_level(documents, paired):
                    number = max(last) + 1  # the blocks after this one are level already
                    break
                self._last_changed = WHOLE  # they are not: check every one
            blocks = [block.next() for block in blocks]
            number += 1
        if number > max(last):
            self._next = -1
            self._last_changed = -1
            self._waits = 0
            self._in_pass = False
            padded, self._padded = self._padded, False
            self.aligned.emit(padded)
        else:
            if number > self._next:
                self._waits = 0
            self._next = number
            self._timer.start(0 if self._waits == 0 else LAYOUT_WAIT_MS)

    @staticmethod
    def _rest_level(documents: list[QTextDocument], paired: int) -> bool:
        """Whether block ``paired`` (the first without a counterpart) starts level on
        both sides. The blocks after it keep no padding: only a new document makes a
        block lose its counterpart, and a walk after that checks every block."""
        blocks = [document.findBlockByNumber(paired) for document in documents]
        if not all(_laid_out(block) for block in blocks):
            return False
        tops = [document.documentLayout().blockBoundingRect(block).top()
                for document, block in zip(documents, blocks, strict=True)]
        return abs(tops[0] - tops[1]) < LEVEL

    @staticmethod
    def _mismatch(blocks: list[QTextBlock]) -> tuple[float, ...] | None:
        """The natural heights of two paragraphs if they need padding, else None.

        They need none when the blocks after them start level and at most one of the two
        is padded. An empty tuple: one of them is not laid out yet.
        """
        followers = [block.next() for block in blocks]
        layouts = [block.document().documentLayout() for block in blocks]
        tops = [layout.blockBoundingRect(block).top()
                for layout, block in zip(layouts, blocks, strict=True)]
        next_tops = [layout.blockBoundingRect(block).top()
                     for layout, block in zip(layouts, followers, strict=True)]
        if not all(_laid_out(block) for block in blocks + followers):
            return ()
        pads = [block_padding(block) for block in blocks]
        if abs(next_tops[0] - next_tops[1]) < LEVEL and min(pads) == 0:
            return None
        return tuple(after - top - pad
                     for after, top, pad in zip(next_tops, tops, pads, strict=True))

    def _repair(self, blocks: list[QTextBlock]) -> None:
        """Have Qt lay out again blocks it left without lines.

        Qt 6 does that to blocks edited while it lays a document out in steps, and draws
        them blank; any change of a block's format lays that block out again.
        """
        for block in blocks:
            if block.isValid() and not _laid_out(block):
                block_format = QTextBlockFormat()
                block_format.setProperty(REPAIR_PROPERTY,
                                         block.blockFormat().intProperty(REPAIR_PROPERTY) + 1)
                self._edit(block, block_format)

    def _edit(self, block: QTextBlock, block_format: QTextBlockFormat) -> None:
        self._applying = True
        try:
            QTextCursor(block).mergeBlockFormat(block_format)
        finally:
            self._applying = False

    def _pad(self, block: QTextBlock, pad: float) -> None:
        """Give a block its padding.

        One edit per block: an edit block around several block format changes announces
        a wrong range (Qt 6 reports the first block only), and the layout goes stale.
        """
        old = block_padding(block)
        if abs(old - pad) < LEVEL:
            return
        block_format = QTextBlockFormat()
        block_format.setBottomMargin(block.blockFormat().bottomMargin() - old + pad)
        block_format.setProperty(PAD_PROPERTY, pad)
        self._edit(block, block_format)
        self._padded = True
