"""Markdown to plain paragraphs: enough of the syntax to read an article, not to render it."""

from __future__ import annotations

import re

from .paragraphs import clean_paragraphs, tidy

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
_CLOSING_HASHES = re.compile(r"(?:^|\s)#+$")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_TABLE_DIVIDER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")

# Every pattern scanned across a paragraph stops at the next opening mark or a length
# bound, so a run of unclosed marks ("![![![…", "[[[…", "<a<a…") costs linear time: an
# unbounded "[^\]]*" would rescan the rest of the text from every opening bracket.
_TEXT = r"[^\[\]]{0,1000}"
_TARGET = r"(?:[^()\s]|\([^()\s]{0,300}\)){0,2000}(?:\s+\"[^\"]{0,300}\")?"  # url "title"
_IMAGE = re.compile(rf"!\[{_TEXT}\]\({_TARGET}\)|!\[{_TEXT}\]\[{_TEXT}\]")
_LINK = re.compile(rf"\[({_TEXT})\]\({_TARGET}\)|\[({_TEXT})\]\[{_TEXT}\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]{1,2000})>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]{0,2000}>")
_CODE_SPAN = re.compile(r"`+([^`]*)`+")


def _delimited(char: str, double: bool, word_guard: bool = False) -> str:
    """Text between two marks of ``char`` (one or two of it), never running past the next
    closing mark, so the scan from an unclosed mark ends there instead of at the text's end."""
    c = re.escape(char)
    mark, inner = (c * 2, f"(?:[^{c}]|{c}(?!{c}))") if double else (c, f"[^{c}]")
    before, after = (f"(?<![\\w{c}])", f"(?![\\w{c}])") if word_guard else ("", "")
    return f"{before}{mark}(?=\\S)({inner}{{1,1000}}?)(?<=\\S){mark}{after}"


_STRONG_OR_STRIKE = re.compile("|".join(_delimited(char, double=True) for char in "*_~"))
_EMPHASIS = re.compile("|".join(_delimited(char, False, word_guard=True) for char in "*_"))
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")


def _first_group(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group is not None)


def strip_inline(text: str) -> str:
    """Remove inline markup, keeping the words a reader sees."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda match: match[1] if match[1] is not None else match[2], text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _CODE_SPAN.sub(r"\1", text)
    text = _STRONG_OR_STRIKE.sub(_first_group, text)
    text = _EMPHASIS.sub(_first_group, text)
    return _ESCAPE.sub(r"\1", text)


def markdown_paragraphs(text: str) -> tuple[tuple[str, ...], str | None]:
    """Return ``(paragraphs, title)``; a leading level-1 heading is the title.

    Code blocks are dropped (they are not article prose); headings, list items, quote
    lines and table cells each become a paragraph; other lines join until a blank line.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    title: str | None = None

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    def block(text: str, heading_level: int) -> None:
        nonlocal title
        flush()
        if not paragraphs and heading_level == 1:
            title = tidy(strip_inline(text)) or None  # tidied like every paragraph
        paragraphs.append(text)

    in_fence: str | None = None
    for line in text.splitlines():
        fence = _FENCE.match(line)
        if in_fence is not None:
            if fence and fence[1] == in_fence:
                in_fence = None
            continue
        if fence:
            flush()
            in_fence = fence[1]
            continue
        if not line.strip() or _LINK_DEFINITION.match(line) or _TABLE_DIVIDER.match(line):
            flush()
            continue
        underline = _SETEXT_UNDERLINE.match(line)
        if underline and current:
            heading_text = " ".join(current)
            current.clear()
            block(heading_text, 1 if underline[1].startswith("=") else 2)
            continue
        if _RULE.match(line):
            flush()
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            block(_CLOSING_HASHES.sub("", heading[2].rstrip()).rstrip(), len(heading[1]))
            continue
        if line.lstrip().startswith("|") or line.rstrip().endswith("|"):
            flush()
            paragraphs.extend(cell for cell in line.strip().strip("|").split("|"))
            continue
        quoted = _QUOTE.sub("", line)
        if _LIST_ITEM.match(quoted):
            flush()
            current.append(_LIST_ITEM.sub("", quoted, count=1))
            continue
        current.append(quoted)
    flush()
    return clean_paragraphs(strip_inline(paragraph) for paragraph in paragraphs), title
