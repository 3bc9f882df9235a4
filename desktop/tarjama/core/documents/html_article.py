"""The article of a news page, found by trafilatura; ``None`` when it finds no article.

trafilatura scores the blocks of a page by their text and link density, so it drops
menus, "most read" lists, share widgets and comments even when the page has no semantic
tags. It gets an lxml tree built here from text already decoded by ``encoding.py`` (it
never guesses a charset), and only ``extract`` is called, never its URL fetching.

Around it: loose text split by ``<br>`` is first wrapped in paragraphs (trafilatura
keeps only the last loose piece of a ``<div>`` that also holds ``<p>``s); its XML output
gives one paragraph per block and per ``<lb/>``, as the whole-page reader does for
``<br>``; a comment thread kept outside the headline's container is dropped;
subheadings, list items and table cells it dropped between two kept paragraphs are put
back; and the headline goes first, as it often leaves it out. Pages of several MB have
their long runs of alike items cut first, to bound its time.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from .html_article_placement import (
    HEADLINE_CONTAINER_SHARE,
    any_inside,
    fill_gaps,
    near_headline,
    place_in_page,
)
from .html_article_trafilatura import MAX_LINK_SHARE, output_paragraphs, trafilatura_body
from .paragraphs import count_arabic_letters, tidy

_LOG = logging.getLogger(__name__)
# Tuning values that now live beside the code using them, still reachable from here.
__all__ = ["HEADLINE_CONTAINER_SHARE", "MAX_LINK_SHARE", "PageArticle", "extract_article"]

# A page with fewer visible Arabic letters than this is a fragment (a few short
# paragraphs): all of it is the text, and the whole-page reader keeps it whole.
TINY_PAGE_LETTERS = 600
# When the extraction is short, it must hold a fair share of the page: on the generated
# news pages (devtools/news_pages.py) the article holds 33-48 % of the visible Arabic
# letters, so under 15 % means most of the article was missed (a teaser, a caption).
# Above about three paragraphs of news prose the extraction is taken whatever its
# share: a page with a long comment thread has a short article and megabytes of text.
MIN_SHARE = 0.15
ENOUGH_LETTERS = 400
# trafilatura's time grows with the number of elements (~30-100 us each in its fast
# mode, twice that otherwise); on bigger trees it skips its second-opinion extractors.
FAST_ABOVE_ELEMENTS = 10_000
# What makes a page of many MB is nearly always a run of alike items (a comment thread,
# an archive list): on trees this big, each run of more than ``RUN_KEPT`` siblings with
# the same tag and class is cut to its first ones before extraction; the 20 MB test page
# then takes seconds instead of a minute. The fallback still reads the whole page.
THIN_ABOVE_ELEMENTS = 100_000
RUN_KEPT = 50

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@dataclass(frozen=True)
class PageArticle:
    paragraphs: tuple[str, ...]
    title: str | None


def extract_article(text: str) -> PageArticle | None:
    """The article of a decoded HTML page, or None to read the whole page instead."""
    try:
        return _extract(text)
    except ImportError as error:
        # An installation fault, not a bad page: say so where it will be seen.
        _LOG.warning("the article extractor cannot be loaded, reading whole pages: %r", error)
        return None
    except Exception as error:  # whatever breaks in the extractor
        _LOG.info("article extraction failed, reading the whole page: %r", error)
        return None


def _extract(text: str, *, thin: bool = True) -> PageArticle | None:
    tree = _parse(text)
    if tree is None:
        return None
    _drop_hidden(tree)
    for element in tree.xpath("//script | //style | //noscript | //template"):
        element.drop_tree()  # the tail text stays
    if _visible_arabic_letters(tree, TINY_PAGE_LETTERS) < TINY_PAGE_LETTERS:
        return None
    from .html_tree_blocks import page_headline, page_segments, split_line_breaks

    page_title, heading = page_headline(tree)
    headline = tidy(heading.text_content()) if heading is not None else None
    split_line_breaks(tree)
    elements = sum(1 for _ in tree.iter())
    run_items = _thin_long_runs(tree) if thin and elements > THIN_ABOVE_ELEMENTS else []
    body = trafilatura_body(tree, fast=elements > FAST_ABOVE_ELEMENTS)
    if body is None:
        return None
    segments = page_segments(tree)
    kept = place_in_page(list(output_paragraphs(body)), segments)
    if run_items and any_inside(kept, segments, run_items):
        return _extract(text, thin=False)  # the long run was the text (a Word export)
    if heading is not None:
        kept = near_headline(kept, segments, heading, headline)
    paragraphs = fill_gaps(kept, segments)
    letters = count_arabic_letters(" ".join(p for p in paragraphs if p != headline))
    if letters < ENOUGH_LETTERS:
        # Counting stops where the share no longer matters: a page of megabytes is
        # not counted through for an article of a few paragraphs.
        page_letters = _visible_arabic_letters(tree, int(letters / MIN_SHARE) + 1)
        if letters == 0 or letters < MIN_SHARE * page_letters:
            return None
    if headline:
        # First, once: it is the article's title and the first thing to translate.
        paragraphs = [headline, *(p for p in paragraphs if p != headline)]
    return PageArticle(tuple(paragraphs), headline or page_title)


def _parse(text: str):
    import lxml.html

    # lxml refuses a str that carries an XML encoding declaration; the text is decoded.
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return None
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)
    return lxml.html.document_fromstring(text, parser=parser)


def _drop_hidden(tree) -> None:
    # XPath picks the few suspects in C; a walk over every element in Python costs
    # seconds on a page of several MB.
    suspects = tree.xpath("//*[@hidden or @aria-hidden='true' or @style]")
    for element in suspects:
        hidden = (
            element.get("hidden") is not None
            or element.get("aria-hidden") == "true"
            or _HIDDEN_STYLE.search(element.get("style") or "")
        )
        if hidden and element.getparent() is not None:
            element.drop_tree()


def _visible_arabic_letters(tree, cap: int) -> int:
    """Arabic letters of the body (scripts and styles are gone), counted up to ``cap``."""
    body = tree.find("body")
    letters = 0
    for piece in (body if body is not None else tree).itertext():
        letters += count_arabic_letters(piece)
        if letters >= cap:
            break
    return letters


def _thin_long_runs(tree) -> list:
    """Cut long runs of alike siblings; return the items kept of the runs that were cut."""
    kept_items = []
    for parent in tree.xpath(f"//*[count(*) > {RUN_KEPT}]"):
        run_key, run, extra = None, [], []
        for child in [*parent, None]:
            key = (child.tag, child.get("class")) if child is not None else None
            if key != run_key:
                if len(run) > RUN_KEPT and run_key[1]:
                    kept_items.extend(run[:RUN_KEPT])
                    extra.extend(run[RUN_KEPT:])
                run_key, run = key, []
            run.append(child)
        for child in extra:
            child.drop_tree()  # its tail text stays
    return kept_items
