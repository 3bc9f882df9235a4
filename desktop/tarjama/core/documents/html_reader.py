"""HTML pages: the article text without the page around it.

The page is cleaned in three passes: elements that never hold article prose (scripts,
navigation, forms, ...) go; the content root is chosen (the longest ``<article>``, else
``<main>``, else ``<body>``); inside it, headers, footers and widgets recognised by their
role, class or id (share buttons, comments, related links, ads) go. Every block element
(paragraph, heading, list item, quote, table cell, loose text in a div) gives one paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

from .encoding import bom_encoding, decode_bytes
from .model import Document
from .paragraphs import clean_paragraphs, tidy

_DROPPED_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "iframe",
    "object",
    "embed",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "label",
    "nav",
    "aside",
    "menu",
    "dialog",
    "head",
)
_DROPPED_ROLES = frozenset(
    {
        "navigation",
        "banner",
        "contentinfo",
        "complementary",
        "search",
        "menu",
        "menubar",
        "dialog",
        "alertdialog",
        "toolbar",
        "form",
    }
)
# Words in class and id attributes that mark page furniture rather than article text.
_BOILERPLATE_WORDS = frozenset(
    {
        "share",
        "sharing",
        "social",
        "comment",
        "comments",
        "related",
        "newsletter",
        "subscribe",
        "subscription",
        "advert",
        "advertisement",
        "ad",
        "ads",
        "sponsor",
        "sponsored",
        "promo",
        "sidebar",
        "breadcrumb",
        "breadcrumbs",
        "menu",
        "nav",
        "navbar",
        "navigation",
        "cookie",
        "cookies",
        "popup",
        "modal",
        "widget",
        "tags",
        "footer",
        "toolbar",
        "disqus",
        "print",
    }
)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "td",
        "th",
        "caption",
        "pre",
        "figure",
        "figcaption",
        "address",
        "body",
        "html",
        "hr",
        "center",
        "details",
        "summary",
    }
)
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


def html_to_text(data: bytes, path: Path) -> tuple[tuple[str, ...], str | None, str]:
    """Return ``(paragraphs, title, encoding)`` for an HTML or XHTML page."""
    from bs4 import BeautifulSoup

    declared = None if bom_encoding(data) else declared_charset(data)
    text, encoding = decode_bytes(data, path, declared=declared)
    soup = BeautifulSoup(text, "lxml")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in soup.find_all(_DROPPED_TAGS):
        tag.decompose()
    _drop_hidden(soup)
    root = _content_root(soup)
    _drop_furniture(root)
    headline = root.find("h1")
    title = tidy(headline.get_text(" ")) if headline else None
    return _block_paragraphs(root), title or (tidy(page_title) if page_title else None), encoding


def read_html(path: Path, data: bytes) -> Document:
    paragraphs, title, encoding = html_to_text(data, path)
    return Document(path, "html", encoding, paragraphs, title)


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
