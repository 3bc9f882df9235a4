"""The block and furniture rules of ``html_reader``, applied to the lxml tree that
``html_article`` hands to trafilatura: the page's headline, its runs of text by block,
loose text split at ``<br>`` into paragraphs, and whether an element is page furniture.
"""

from __future__ import annotations

import re

from .html_reader import BLOCK_TAGS, is_furniture
from .paragraphs import tidy

_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header", "form", "menu"})
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:·»«]+\s+")
# Elements whose loose text trafilatura would lose when it is split by <br>.
_CONTAINERS = frozenset(
    {"div", "td", "th", "section", "article", "main", "body", "center", "font", "span",
     "blockquote", "dd", "li", "form"}
)
_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i",
     "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "tt",
     "u", "var", "wbr"}
)


def page_headline(tree) -> tuple[str | None, object | None]:
    """``(page title, headline element)`` of an lxml tree; the headline is the heading
    that matches the title best, else the first ``<h1>``.

    A site's logo is often an ``<h1>`` too. It matches the site name in the title, so
    the title is cut at its separators and only its longest part is compared; and
    without a match, an ``<h1>`` that is all link (a logo linking home) is passed over.
    """
    titles = tree.xpath("//title")
    page_title = (tidy(titles[0].text_content()) or None) if titles else None
    hints = tree.xpath("//meta[@property='og:title']/@content")
    if page_title:
        hints.append(max(_TITLE_SEPARATOR.split(page_title), key=len))
    hint_words = set(" ".join(hints).split())
    for level in ("h1", "h2"):
        best, best_share = None, 0.0
        for heading in tree.iter(level):
            words = set(tidy(heading.text_content()).split())
            share = len(words & hint_words) / len(words) if words else 0.0
            if share > best_share:
                best, best_share = heading, share
        if best_share >= 0.5:
            return page_title, best
    for heading in tree.iter("h1"):
        text = tidy(heading.text_content())
        links = tidy(" ".join(link.text_content() for link in heading.iter("a")))
        if text and len(links) < len(text):
            return page_title, heading
    return page_title, None


def in_furniture(element) -> bool:
    """Whether an lxml element is, or is inside, page furniture (by tag, role, class, id)."""
    return any(
        ancestor.tag in _FURNITURE_TAGS or is_furniture(ancestor)
        for ancestor in (element, *element.iterancestors())
    )


def page_segments(tree) -> list[tuple[object, str, str]]:
    """``(block element, text, link text)`` of each run of text of an lxml tree, in order.

    A run ends where a block element starts or ends and at each ``<br>``, as in
    ``_block_paragraphs``; a walk of start and end events, so deep pages do not recurse.
    """
    from lxml import etree

    segments: list[list] = []
    blocks: list = []
    links = 0

    def add(text: str | None) -> None:
        if not text or not blocks:
            return
        if not segments or segments[-1][0] is not blocks[-1]:
            segments.append([blocks[-1], [], []])
        segments[-1][1].append(text)  # joined at the end: "+=" would copy each time
        if links:
            segments[-1][2].append(text)

    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue
        breaks = element.tag in BLOCK_TAGS or element.tag == "br"
        if event == "start":
            if breaks:
                blocks.append(element)
            links += element.tag == "a"
            add(element.text)
            continue
        if breaks:
            blocks.pop()
            if element.tag == "br" and blocks:
                segments.append([blocks[-1], [], []])  # the text after it is a new run
        links -= element.tag == "a"
        add(element.tail)
    joined = ((block, tidy("".join(text)), tidy("".join(link))) for block, text, link in segments)
    return [(block, text, link) for block, text, link in joined if text]


def split_line_breaks(tree) -> None:
    """Wrap each run of loose text and inline elements between ``<br>``s in a ``<p>``.

    trafilatura keeps only the last loose piece of a ``<div>`` that also holds ``<p>``s.
    """
    containers = {id(parent): parent for parent in tree.xpath("//br/..")}
    for container in containers.values():
        if container.tag in _CONTAINERS:
            _wrap_runs(container)


def _wrap_runs(container) -> None:
    from lxml.html import Element

    # The new children are gathered in a list and appended once: inserting one by one
    # costs time in the number of children, minutes for a div of 30 000 lines.
    children, out = list(container), []
    run_text, run = container.text or "", []
    container.text = None
    for child in children:
        container.remove(child)

    def flush() -> None:
        if run_text.strip() or run:
            paragraph = Element("p")
            paragraph.text = run_text
            paragraph.extend(run)  # moves each element with its tail
            out.append(paragraph)

    for child in children:
        if isinstance(child.tag, str) and child.tag in _INLINE:
            run.append(child)
            continue
        tail, child.tail = child.tail or "", None
        flush()
        if child.tag != "br":
            out.append(child)
        run_text, run = tail, []
    flush()
    container.extend(out)
