"""HTML pages: the article text without the page around it.

The page is cleaned in three passes: elements that never hold article prose (scripts,
navigation, forms, ...) go; the content root is chosen (the longest ``<article>``, else
``<main>``, else ``<body>``); inside it, headers, footers and widgets recognised by their
role, class or id (share buttons, comments, related links, ads) go. Every block element
(paragraph, heading, list item, quote, table cell, loose text in a div) gives one paragraph.

``read_html`` asks ``html_article`` for the article first (trafilatura finds it on pages
whose furniture has no telling tag or class); the passes above are its fallback, and they
alone read EPUB chapters (``html_to_text``), which hold only the book's text. The end of
this module applies the same block and furniture rules to the lxml tree html_article uses.
"""

from __future__ import annotations

import re
from pathlib import Path

from .encoding import bom_encoding, decode_bytes
from .html_article import extract_article
from .model import Document
from .paragraphs import clean_paragraphs, tidy

_DROPPED_TAGS = (
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
    "form", "button", "input", "select", "textarea", "label", "nav", "aside", "menu", "dialog",
    "head",
)
_DROPPED_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
    "dialog", "alertdialog", "toolbar", "form",
})
# Words in class and id attributes that mark page furniture rather than article text.
_BOILERPLATE_WORDS = frozenset({
    "share", "sharing", "social", "comment", "comments", "related", "newsletter", "subscribe",
    "subscription", "advert", "advertisement", "ad", "ads", "sponsor", "sponsored", "promo",
    "sidebar", "breadcrumb", "breadcrumbs", "menu", "nav", "navbar", "navigation", "cookie",
    "cookies", "popup", "modal", "widget", "tags", "footer", "toolbar", "disqus", "print",
})
_BLOCK_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section", "article",
    "main", "header", "footer", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th",
    "caption", "pre", "figure", "figcaption", "address", "body", "html", "hr", "center",
    "details", "summary",
})
_WORD_SEPARATOR = re.compile(r"[-_\s]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|"""
    rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
# Paragraph break marker for <br>; a character no page text legitimately contains.
_BREAK = "\u2029"


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first kilobytes (meta tag or XML declaration)."""
    match = _DECLARED_CHARSET.search(data[:8192])
    if match is None:
        return None
    return (match[1] or match[2]).decode("ascii")


def decode_page(data: bytes, path: Path) -> tuple[str, str]:
    """Return ``(text, encoding)``: a byte-order mark, else the declared charset, else detection."""
    declared = None if bom_encoding(data) else declared_charset(data)
    return decode_bytes(data, path, declared=declared)


def html_to_text(data: bytes, path: Path) -> tuple[tuple[str, ...], str | None, str]:
    """Return ``(paragraphs, title, encoding)`` for an HTML or XHTML page, all blocks kept."""
    text, encoding = decode_page(data, path)
    paragraphs, title = _page_blocks(text)
    return paragraphs, title, encoding


def read_html(path: Path, data: bytes) -> Document:
    text, encoding = decode_page(data, path)
    article = extract_article(text)
    if article is None:
        paragraphs, title = _page_blocks(text)
    else:
        paragraphs, title = article.paragraphs, article.title
    return Document(path, "html", encoding, paragraphs, title)


def _page_blocks(text: str) -> tuple[tuple[str, ...], str | None]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "lxml")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in soup.find_all(_DROPPED_TAGS):
        tag.decompose()
    _drop_hidden(soup)
    root = _content_root(soup)
    _drop_furniture(root)
    headline = root.find("h1")
    title = tidy(headline.get_text(" ")) if headline else None
    return _block_paragraphs(root), title or (tidy(page_title) if page_title else None)


def _drop_hidden(soup) -> None:
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        if (
            tag.has_attr("hidden")
            or tag.get("aria-hidden") == "true"
            or _HIDDEN_STYLE.search(tag.get("style") or "")
        ):
            tag.decompose()


def _text_length(tag) -> int:
    return len(tag.get_text(strip=True))


def _content_root(soup):
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=_text_length)
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    return main or soup.body or soup


def _is_furniture(tag) -> bool:
    if tag.get("role") in _DROPPED_ROLES:
        return True
    classes = tag.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    words = {
        word.lower()
        for value in [*classes, tag.get("id") or ""]
        for word in _WORD_SEPARATOR.split(value)
    }
    return not words.isdisjoint(_BOILERPLATE_WORDS)


def _drop_furniture(root) -> None:
    keep_headers = root.name in ("article", "main")
    for tag in root.find_all(True):
        if tag.decomposed:
            continue
        page_part = tag.name == "footer" or (tag.name == "header" and not keep_headers)
        if page_part or _is_furniture(tag):
            tag.decompose()


def _nearest_block(node):
    parent = node.parent
    while parent is not None and parent.name not in _BLOCK_TAGS:
        parent = parent.parent
    return parent


def _block_paragraphs(root) -> tuple[str, ...]:
    from bs4 import NavigableString

    for line_break in root.find_all("br"):
        line_break.replace_with(_BREAK)
    paragraphs: list[str] = []
    current_block = None
    for string in root.find_all(string=True):
        if type(string) is not NavigableString:
            continue  # comments, doctype, processing instructions
        block = _nearest_block(string)
        if block is not current_block or not paragraphs:
            paragraphs.append("")
            current_block = block
        paragraphs[-1] += str(string)
    pieces = (piece for paragraph in paragraphs for piece in paragraph.split(_BREAK))
    return clean_paragraphs(pieces)


# -- the same blocks on an lxml tree, for html_article -------------------------------------

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
        ancestor.tag in _FURNITURE_TAGS or _is_furniture(ancestor)
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
            segments.append([blocks[-1], "", ""])
        segments[-1][1] += text
        if links:
            segments[-1][2] += text

    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue
        breaks = element.tag in _BLOCK_TAGS or element.tag == "br"
        if event == "start":
            if breaks:
                blocks.append(element)
            links += element.tag == "a"
            add(element.text)
            continue
        if breaks:
            blocks.pop()
            if element.tag == "br" and blocks:
                segments.append([blocks[-1], "", ""])  # the text after it is a new run
        links -= element.tag == "a"
        add(element.tail)
    return [(block, tidy(text), tidy(link)) for block, text, link in segments if tidy(text)]


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
