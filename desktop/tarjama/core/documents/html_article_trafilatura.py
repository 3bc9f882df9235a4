"""trafilatura run on a parsed page, and its XML output turned into paragraphs.

Only ``trafilatura.extract`` is called, on an lxml tree: it never fetches a URL and
never guesses a charset. Its output gives one paragraph per block and per ``<lb/>``.
"""

from __future__ import annotations

from .paragraphs import clean_paragraphs, tidy

# A line whose text is more than this share of link text is not prose: "اقرأ أيضاً:
# <a>headline</a>" has 80-90 %; a paragraph linking a name or two has under 20 %.
MAX_LINK_SHARE = 0.6
# Blocks of trafilatura's XML output; each gives at least one paragraph.
_OUTPUT_BLOCKS = frozenset({"head", "p", "item", "cell", "quote", "code", "list", "table",
                            "row"})


def trafilatura_body(tree, *, fast: bool):
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


def output_paragraphs(body) -> tuple[str, ...]:
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
