"""One linear pass over a WordprocessingML part (the body, footnotes or endnotes).

python-docx's paragraph API only sees the paragraphs and tables directly under the body
or a cell: text in content controls (``w:sdt``), tracked insertions (``w:ins``), text boxes
and field results is silently lost. This walker follows the XML events instead, so every
run is seen once, in document order (which is the logical order, also for right-to-left
runs: Word stores runs in reading order and lets the renderer reorder them).

The walk is a state machine over iterparse events, and each element is freed once it has
ended, so time and memory stay linear in the size of the part.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

_P = f"{{{W}}}p"
_T = f"{{{W}}}t"
_R = f"{{{W}}}r"
_P_STYLE = f"{{{W}}}pStyle"
_FLD_CHAR = f"{{{W}}}fldChar"
_VAL = f"{{{W}}}val"
_TYPE = f"{{{W}}}type"
_FLD_CHAR_TYPE = f"{{{W}}}fldCharType"
_ALTERNATE = f"{{{_MC}}}AlternateContent"
_CHOICE = f"{{{_MC}}}Choice"
_FALLBACK = f"{{{_MC}}}Fallback"
_NOTES = (f"{{{W}}}footnote", f"{{{W}}}endnote")
_SDT = f"{{{W}}}sdt"
_SDT_CONTENT = f"{{{W}}}sdtContent"
_PLACEHOLDER_SHOWN = f"{{{W}}}showingPlcHdr"

# Subtrees whose text is not part of what the document says now: tracked deletions
# (and moves away), field codes such as ``PAGE`` or ``HYPERLINK "..."``.
_DROPPED = frozenset(
    f"{{{W}}}{name}"
    for name in ("del", "moveFrom", "delText", "instrText", "delInstrText")
)
# Run children that stand for a character between words.
_SPACES = frozenset(f"{{{W}}}{name}" for name in ("tab", "br", "cr", "ptab"))
_HYPHEN = f"{{{W}}}noBreakHyphen"
# The notes Word keeps for the line above the notes area, not real notes.
_SEPARATOR_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})


class _Walk:
    """The state of one pass; ``paragraphs`` collects ``(text, style id)`` in order."""

    def __init__(self) -> None:
        self.paragraphs: list[tuple[str, str]] = []
        self.open: list[tuple[list[str], list[str]]] = []  # (text parts, [style id])
        self.skip_depth = 0  # > 0 inside a dropped subtree
        self.choice_taken: list[bool] = []  # one entry per open mc:AlternateContent
        self.fields: list[bool] = []  # one entry per open complex field: in its code part?
        self.codes_open = 0  # how many entries of ``fields`` are True
        self.placeholders: list[bool] = []  # per open content control: shows its prompt?

    def start(self, element) -> None:
        if self.skip_depth:
            self.skip_depth += 1
            return
        tag = element.tag
        if tag in _DROPPED or (tag in _NOTES and element.get(_TYPE) in _SEPARATOR_NOTES):
            self.skip_depth = 1
        elif tag == _P:
            self.open.append(([], [""]))
        elif tag == _P_STYLE and self.open:
            self.open[-1][1][0] = element.get(_VAL, "")
        elif tag == _FLD_CHAR:
            self._field_char(element.get(_FLD_CHAR_TYPE))
        elif tag == _SDT:
            self.placeholders.append(False)
        elif tag == _PLACEHOLDER_SHOWN and self.placeholders:
            self.placeholders[-1] = True
        elif tag == _SDT_CONTENT and self.placeholders and self.placeholders[-1]:
            # An empty content control shows a prompt ("click here to type the date"),
            # which is the template's text, not the document's.
            self.skip_depth = 1
        elif tag == _ALTERNATE:
            self.choice_taken.append(False)
        elif tag in (_CHOICE, _FALLBACK) and self.choice_taken:
            # A text box is stored twice (DrawingML choice, VML fallback): read the first.
            if self.choice_taken[-1]:
                self.skip_depth = 1
            else:
                self.choice_taken[-1] = True

    def _field_char(self, kind: str | None) -> None:
        # begin, code (instrText), separate, result, end; fields nest inside codes.
        if kind == "begin":
            self.fields.append(True)
            self.codes_open += 1
        elif kind == "separate" and self.fields and self.fields[-1]:
            self.fields[-1] = False
            self.codes_open -= 1
        elif kind == "end" and self.fields and self.fields.pop():
            self.codes_open -= 1

    def end(self, element) -> None:
        if self.skip_depth:
            self.skip_depth -= 1
        else:
            tag = element.tag
            if tag == _T:
                if self.open and not self.codes_open:
                    self.open[-1][0].append(element.text or "")
            elif tag in _SPACES or tag == _HYPHEN:
                # w:tab also defines tab stops inside paragraph properties: runs only.
                parent = element.getparent()
                if self.open and parent is not None and parent.tag == _R:
                    self.open[-1][0].append("-" if tag == _HYPHEN else " ")
            elif tag == _P and self.open:
                parts, style = self.open.pop()
                # A text box's paragraphs end inside their anchor paragraph, so they come
                # out just before it: each stays a paragraph of its own.
                self.paragraphs.append(("".join(parts), style[0]))
            elif tag == _ALTERNATE and self.choice_taken:
                self.choice_taken.pop()
            elif tag == _SDT and self.placeholders:
                self.placeholders.pop()
        _free(element)


def _free(element) -> None:
    """Drop an ended element and its finished earlier siblings from the tree being built."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def walk_part(events: Iterable[tuple[str, object]]) -> list[tuple[str, str]]:
    """The ``(text, style id)`` of every paragraph in a stream of iterparse events."""
    walk = _Walk()
    for event, element in events:
        if event == "start":
            walk.start(element)
        else:
            walk.end(element)
    return walk.paragraphs


def iter_events(source: IO[bytes]) -> Iterator[tuple[str, object]]:
    """Start and end events of an XML stream, never fetching or expanding anything."""
    from lxml import etree

    return etree.iterparse(
        source,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
