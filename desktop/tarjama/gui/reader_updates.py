"""Replacing the texts and marks of many sentences of a pane in one edit.

A mixin of ``ReaderPane``: it needs the pane's ``_texts``, ``_starts``, ``_ends``,
``_pending``, ``_marks``, ``_warnings`` and ``_built``, its ``_format_sentence`` and
``_apply_extra_selections``, and the document and scroll bar of a QTextEdit. A sentence
not built yet (see ``reader_build``) only changes in these records.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QTextCharFormat, QTextCursor

from tarjama.gui.reader_sentences import Mark, SentenceUpdate, utf16_len


class SentenceUpdates:
    def set_sentence_text(self, sentence_id: int, text: str) -> None:
        """Replace one sentence's text (a translation arriving) and shift those after it."""
        self.update_sentences([SentenceUpdate(sentence_id, text)])

    def update_sentences(self, updates: Sequence[SentenceUpdate]) -> None:
        """Replace texts and marks of many sentences in one edit of the document.

        A streamed slice comes in one call: one edit block lays the document out once
        (not once per sentence and format), and the ranges after the changed sentences
        are shifted in one pass.
        """
        if not updates:
            return
        scrollbar = self.verticalScrollBar()
        keep_scroll = scrollbar.value()
        # What the reader sees stays put: the sentence at the top of the view, however
        # the text above it grows or shrinks (a translation replacing its placeholder).
        anchor = self.top_sentence() if keep_scroll > 0 else None
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        shift, shifted_to = 0, -1  # ranges up to shifted_to already include shift
        for update in sorted(updates, key=lambda u: u.id):
            sentence_id = update.id
            if shift:
                for later in range(shifted_to + 1, sentence_id + 1):
                    self._starts[later] += shift
                    self._ends[later] += shift
            shifted_to = sentence_id
            built = sentence_id < self._built  # if not, it goes in as it is when built
            if update.text is not None:
                start, end = self._starts[sentence_id], self._ends[sentence_id]
                if built:
                    cursor.setPosition(start)
                    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                    cursor.insertText(update.text, QTextCharFormat())
                delta = utf16_len(update.text) - (end - start)
                self._texts[sentence_id] = update.text
                self._pending.discard(sentence_id)
                self._ends[sentence_id] = end + delta
                shift += delta
            elif (list(update.marks) == self._marks.get(sentence_id, [])
                  and update.warning == self._warnings.get(sentence_id, "")):
                continue  # e.g. the Arabic of a translated sentence: nothing to redraw
            looks_the_same = update.text is None and _drawn_alike(
                update, self._marks.get(sentence_id, []), self._warnings.get(sentence_id, ""))
            self._marks[sentence_id] = list(update.marks)
            if update.warning:
                self._warnings[sentence_id] = update.warning
            else:
                self._warnings.pop(sentence_id, None)
            if built and not looks_the_same:
                self._format_sentence(sentence_id, cursor)
        if shift:
            for later in range(shifted_to + 1, len(self._starts)):
                self._starts[later] += shift
                self._ends[later] += shift
        cursor.endEditBlock()
        if anchor is not None and anchor[0] >= 0:
            self.scroll_to_fraction(*anchor)
        else:
            scrollbar.setValue(keep_scroll)
        self._apply_extra_selections()


def _drawn_alike(update: SentenceUpdate, marks: list[Mark], warning: str) -> bool:
    """Whether the sentence's formats would come out as they are: only tooltips differ.

    The Arabic of each translated sentence gets its marks again with the tooltips of the
    fidelity check; formatting it anew would have Qt lay its paragraph out again (and the
    aligner measure it) for a change no one sees until hovering.
    """
    if bool(update.warning) != bool(warning) or len(update.marks) != len(marks):
        return False
    return all((new.start, new.end, new.kind, new.warning) == (old.start, old.end, old.kind,
                                                               old.warning)
               for new, old in zip(update.marks, marks, strict=True))
