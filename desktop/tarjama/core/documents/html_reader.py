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
BLOCK_TAGS = frozenset({
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
    import warnings

    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

    # EPUB chapters are XHTML, and a short chapter may look like a URL or a file name:
    # bs4 warns on both, and its warnings would reach the user's terminal.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(text, "lxml")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in _outermost(soup, lambda tag: tag.name in _DROPPED_TAGS):
        tag.decompose()
    for tag in _outermost(soup, _is_hidden):
        tag.decompose()
    root = _content_root(soup)
    _drop_furniture(root)
    headline = root.find("h1")
    title = tidy(headline.get_text(" ")) if headline else None
    return _block_paragraphs(root), title or (tidy(page_title) if page_title else None)


def _outermost(root, wanted) -> list:
    """The tags under ``root`` that are ``wanted`` and not inside another wanted one.

    One walk in document order, so a page nested thousands deep costs linear time: asking
    each tag whether it was already decomposed (bs4's ``decomposed``) searches its subtree.
    """
    found, inside = [], set()
    for tag in root.find_all(True):
        if id(tag.parent) in inside:
            inside.add(id(tag))
        elif wanted(tag):
            found.append(tag)
            inside.add(id(tag))
    return found


def _is_hidden(tag) -> bool:
    return (
        tag.has_attr("hidden")
        or tag.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(tag.get("style") or ""))
    )


def _text_length(tag) -> int:
    return len(tag.get_text(strip=True))


def _content_root(soup):
    # A nested <article> never holds more text than the one around it, and max() keeps
    # the first of equals, so only the outermost ones need measuring.
    articles = _outermost(soup, lambda tag: tag.name == "article")
    if articles:
        return max(articles, key=_text_length)
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    return main or soup.body or soup


def is_furniture(tag) -> bool:
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

    def furniture(tag) -> bool:
        page_part = tag.name == "footer" or (tag.name == "header" and not keep_headers)
        return page_part or is_furniture(tag)

    for tag in _outermost(root, furniture):
        tag.decompose()


def _block_of(node, blocks: dict):
    """The nearest block element above ``node``, remembered for every parent passed on the
    way, so text deep inside thousands of inline elements does not climb them each time."""
    passed, parent = [], node.parent
    while parent is not None and parent.name not in BLOCK_TAGS and id(parent) not in blocks:
        passed.append(parent)
        parent = parent.parent
    block = blocks.get(id(parent), parent) if parent is not None else None
    for tag in passed:
        blocks[id(tag)] = block
    return block


def _block_paragraphs(root) -> tuple[str, ...]:
    from bs4 import NavigableString

    for line_break in root.find_all("br"):
        line_break.replace_with(_BREAK)
    paragraphs: list[list[str]] = []
    current_block, blocks = None, {}
    for string in root.find_all(string=True):
        if type(string) is not NavigableString:
            continue  # comments, doctype, processing instructions
        block = _block_of(string, blocks)
        if block is not current_block or not paragraphs:
            paragraphs.append([])
            current_block = block
        paragraphs[-1].append(str(string))  # joined once below: "+=" copies every time
    pieces = (piece for paragraph in paragraphs for piece in "".join(paragraph).split(_BREAK))
    return clean_paragraphs(pieces)
