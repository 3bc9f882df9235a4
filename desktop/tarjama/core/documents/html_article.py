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

import bisect
import logging
import re
from dataclasses import dataclass

from .paragraphs import clean_paragraphs, count_arabic_letters, tidy

_LOG = logging.getLogger(__name__)

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
# A line whose text is more than this share of link text is not prose: "اقرأ أيضاً:
# <a>headline</a>" has 80-90 %; a paragraph linking a name or two has under 20 %.
MAX_LINK_SHARE = 0.6
# The article is where its headline is: the smallest container of the headline that
# holds this share of the kept text is the article, and kept text outside it is not.
HEADLINE_CONTAINER_SHARE = 0.6
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
# Blocks trafilatura drops from a page without a recognisable article container, put
# back when they lie between two paragraphs it kept (and are not furniture or links).
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_RECOVERED = _HEADINGS | {"li", "td", "th", "dt", "dd", "caption"}
# Blocks of trafilatura's XML output; each gives at least one paragraph.
_OUTPUT_BLOCKS = frozenset({"head", "p", "item", "cell", "quote", "code", "list", "table",
                            "row"})


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
    body = _trafilatura_body(tree, fast=elements > FAST_ABOVE_ELEMENTS)
    if body is None:
        return None
    segments = page_segments(tree)
    kept = _place(list(_output_paragraphs(body)), segments)
    if run_items and _any_inside(kept, segments, run_items):
        return _extract(text, thin=False)  # the long run was the text (a Word export)
    if heading is not None:
        kept = _near_headline(kept, segments, heading, headline)
    paragraphs = _fill_gaps(kept, segments)
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


def _place(paragraphs: list[str], segments) -> list[tuple[int, str]]:
    """``(index in segments, paragraph)``, -1 for a paragraph not found in the page."""
    kept: list[tuple[int, str]] = []
    position = 0
    index_of: dict[str, list[int]] = {}
    for index, (_, text, _) in enumerate(segments):
        index_of.setdefault(text, []).append(index)
    for paragraph in paragraphs:
        places = index_of.get(paragraph, [])
        at = bisect.bisect_left(places, position)  # its first place after the last found
        kept.append((places[at] if at < len(places) else -1, paragraph))
        position = kept[-1][0] + 1 if kept[-1][0] >= 0 else position
    return kept


def _near_headline(kept, segments, heading, headline) -> list[tuple[int, str]]:
    """Drop a thread lying outside the smallest container of the headline that holds
    most of the kept text: comments in plain ``<div>``s read like prose to trafilatura."""
    # The chain is kept alive: lxml makes a new proxy, maybe at a reused id(), for an
    # element no Python object refers to.
    chain = [heading, *heading.iterancestors()]
    levels = {id(element): level for level, element in enumerate(chain)}
    inside = [len(levels)] * len(kept)  # the level of the headline's ancestor holding each
    letters = [0 if text == headline else count_arabic_letters(text) for _, text in kept]
    for number, (index, _) in enumerate(kept):
        if index < 0:
            inside[number] = 0  # not found in the page: never dropped
            continue
        for element in (segments[index][0], *segments[index][0].iterancestors()):
            if id(element) in levels:
                inside[number] = levels[id(element)]
                break
    total = sum(letters) or 1
    for level in range(len(levels)):
        held = sum(n for n, at in zip(letters, inside, strict=True) if at <= level)
        if held >= HEADLINE_CONTAINER_SHARE * total:
            break
    outside = [segments[index][0] for (index, _), at in zip(kept, inside, strict=True)
               if at > level]
    # Only a thread goes: one paragraph in each of several items. Paragraphs sharing a
    # parent may be the rest of an article that an advert cut into two containers.
    parents = [block.getparent() for block in outside]
    if len(parents) < 3 or len({id(parent) for parent in parents}) < len(parents):
        return kept
    return [place for place, at in zip(kept, inside, strict=True) if at <= level]


def _fill_gaps(kept: list[tuple[int, str]], segments) -> list[str]:
    """Put back the subheadings, list items and table cells that lie between two kept
    paragraphs: without a telling container trafilatura keeps only the ``<p>``s."""
    from .html_tree_blocks import in_furniture

    following_of, following = [], -1  # the next paragraph found, for each paragraph
    for index, _ in reversed(kept):
        following_of.append(following)
        following = index if index >= 0 else following
    following_of.reverse()
    result: list[str] = []
    for (index, paragraph), following in zip(kept, following_of, strict=True):
        result.append(paragraph)
        if index < 0 or following <= index + 1:
            continue
        found, link_lists = [], False
        for block, text, link_text in segments[index + 1 : following]:
            if block.tag not in _RECOVERED or in_furniture(block):
                continue
            if len(link_text) > MAX_LINK_SHARE * len(text):
                link_lists = True  # a box of links: its heading is no subheading
                continue
            found.append((block.tag, text))
        result.extend(text for tag, text in found if not (link_lists and tag in _HEADINGS))
    return result


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


def _any_inside(kept, segments, items) -> bool:
    ids = {id(item) for item in items}  # ``items`` keeps these proxies alive
    return any(
        id(element) in ids
        for index, _ in kept
        if index >= 0
        for element in (segments[index][0], *segments[index][0].iterancestors())
    )


def _trafilatura_body(tree, *, fast: bool):
    # Imported here: it takes a third of a second and is not needed to start the app.
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(
        tree,
        output_format="xml",
        fast=fast,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=True,  # marks link text, to drop the lines that are mostly links
        include_formatting=False,
        with_metadata=False,
        deduplicate=False,
    )
    if not xml:
        return None
    document = etree.fromstring(xml.encode("utf-8"))
    return document.find("main")


def _output_paragraphs(body) -> tuple[str, ...]:
    """One paragraph per block and per line break, without lines that are mostly a link.

    A paragraph whose text is mostly link text is a "read also: <headline>" line or a
    row of tag links left inside the article's container, not the article's prose.
    """
    pieces: list[list[str]] = [["", ""]]  # [text, link text] of each piece

    def add(text: str, in_link: bool) -> None:
        pieces[-1][0] += text
        if in_link:
            pieces[-1][1] += text

    def visit(element, in_link: bool) -> None:
        block = element.tag in _OUTPUT_BLOCKS
        in_link = in_link or element.tag == "ref"
        if block or element.tag == "lb":
            pieces.append(["", ""])
        if element.text:
            add(element.text, in_link)
        for child in element:
            visit(child, in_link)
            if child.tail:
                add(child.tail, in_link)
        if block:
            pieces.append(["", ""])

    for child in body:
        visit(child, False)
    kept = (
        text
        for text, link_text in pieces
        if len(tidy(link_text)) <= MAX_LINK_SHARE * len(tidy(text))
    )
    return clean_paragraphs(kept)
