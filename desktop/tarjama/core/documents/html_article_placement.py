"""Where trafilatura's paragraphs sit in the page, and what to add or drop around them.

trafilatura returns text, not elements: each paragraph is first found among the page's
segments (``html_tree_blocks.page_segments``) in order. Then a comment thread kept
outside the headline's container is dropped, and subheadings, list items and table
cells dropped between two kept paragraphs are put back.
"""

from __future__ import annotations

import bisect

from .html_article_trafilatura import MAX_LINK_SHARE
from .paragraphs import count_arabic_letters

# The article is where its headline is: the smallest container of the headline that
# holds this share of the kept text is the article, and kept text outside it is not.
HEADLINE_CONTAINER_SHARE = 0.6
# Blocks trafilatura drops from a page without a recognisable article container, put
# back when they lie between two paragraphs it kept (and are not furniture or links).
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_RECOVERED = _HEADINGS | {"li", "td", "th", "dt", "dd", "caption"}


def place_in_page(paragraphs: list[str], segments) -> list[tuple[int, str]]:
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


def near_headline(kept, segments, heading, headline) -> list[tuple[int, str]]:
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


def fill_gaps(kept: list[tuple[int, str]], segments) -> list[str]:
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


def any_inside(kept, segments, items) -> bool:
    ids = {id(item) for item in items}  # ``items`` keeps these proxies alive
    return any(
        id(element) in ids
        for index, _ in kept
        if index >= 0
        for element in (segments[index][0], *segments[index][0].iterancestors())
    )
