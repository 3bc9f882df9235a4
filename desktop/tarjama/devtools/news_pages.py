"""Arabic news pages with their gold article text, for measuring the HTML reader.

Each page wraps one of the articles of ``news_articles`` in page furniture
(``news_furniture``) in one of several layouts seen on Arabic news sites.
``NewsPage.gold`` is what a reader should keep: the headline first, then the article's
paragraphs (and the cells of an article table).

Standard library only besides these three modules: ``benchmarks/html_quality.py`` loads
them by path so that it also measures an older checkout of the reader.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from tarjama.devtools.news_articles import ARTICLES, Article
from tarjama.devtools.news_furniture import (
    LONG_COMMENTS,
    NAV,
    SITE,
    Furniture,
)
from tarjama.devtools.news_furniture import escape as _e


@dataclass(frozen=True)
class NewsPage:
    name: str  # the layout
    data: bytes
    encoding: str
    article: Article

    @property
    def gold(self) -> tuple[str, ...]:
        texts = [self.article.headline]
        for kind, content in self.article.blocks():
            if kind == "ul":
                texts.extend(content)
            elif kind == "table":
                texts.extend(cell for row in content for cell in row)
            else:
                texts.append(content)
        return tuple(texts)


def _head(article: Article, extra: str = "", charset: str = "utf-8") -> str:
    return (f'<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="{charset}">'
            f"<title>{_e(article.headline)} | {_e(SITE)}</title>{extra}</head>")


def _table(rows) -> str:
    header, *body_rows = rows
    head = "".join(f"<th>{_e(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in body_rows
    )
    return f'<table class="data"><tr>{head}</tr>{body}</table>'


def _linked(paragraph: str, city: str) -> str:
    """The paragraph with its first mention of the city linked to a tag page, as sites do."""
    escaped = _e(paragraph)
    if city not in paragraph:
        return escaped
    return escaped.replace(_e(city), f'<a href="/tag/{_e(city)}">{_e(city)}</a>', 1)


def _paragraph_blocks(
    article: Article, f: Furniture, tag: str = "p", *, extras: bool = True
) -> list[str]:
    """The article's blocks; with ``extras``, a "read also" link and a share row inside."""
    blocks = []
    for kind, content in article.blocks():
        if kind == "p":
            blocks.append(f"<{tag}>{_linked(content, article.city)}</{tag}>")
        elif kind == "h2":
            blocks.append(f"<h2>{_e(content)}</h2>")
        elif kind == "ul":
            blocks.append("<ul>" + "".join(f"<li>{_e(item)}</li>" for item in content) + "</ul>")
        else:
            blocks.append(_table(content))
    if extras:
        blocks.insert(2, f"<{tag}><strong>اقرأ أيضاً:</strong> "
                         f'<a href="/n/{f.rid()}">{_e(f.related[0])}</a></{tag}>')
        blocks.insert(len(blocks) - 1, f.share())
    return blocks


def _div_soup(article: Article, f: Furniture) -> str:
    body = "".join(_paragraph_blocks(article, f))
    return (
        f"{_head(article)}<body><div class=\"wrap\" id=\"{f.rid()}\">{f.nav()}"
        f'<div class="row"><div class="col-md-8"><div class="content" id="{f.rid()}">'
        f"<h1>{_e(article.headline)}</h1>{f.byline()}{f.share()}"
        f'<div class="txt-{f.rid()}">{body}</div>{f.tags()}{f.share()}</div>'
        f"{f.related_box()}{f.comments()}</div>"
        f'<div class="col-md-4">{f.most_read_box()}{f.newsletter()}</div></div>'
        f"{f.footer()}</div>{f.cookie()}</body></html>"
    )


def _br_paragraphs(article: Article, f: Furniture) -> str:
    # Editors' text as sites store it: loose lines split by <br><br>, then (pasted from
    # elsewhere) the last paragraphs in <p> tags, all in one div.
    pieces = []
    blocks = article.blocks()
    for number, (kind, content) in enumerate(blocks):
        if kind == "p" and number >= len(blocks) - 2:
            pieces.append(f"<p>{_e(content)}</p>")
        elif kind == "p":
            pieces.append(_e(content))
        elif kind == "h2":
            pieces.append(f"<b>{_e(content)}</b>")
        elif kind == "ul":
            pieces.append("<br>".join(_e(item) for item in content))
        else:
            pieces.append(_table(content))
    body = "<br><br>\n".join(pieces)
    return (
        f"{_head(article)}<body>{f.nav()}<div class=\"main-{f.rid()}\">"
        f"<h1>{_e(article.headline)}</h1>{f.byline()}"
        f'<div class="content">{body}<br><br></div>{f.share()}{f.related_box()}</div>'
        f"{f.most_read_box()}{f.comments()}{f.footer()}</body></html>"
    )


def _tables_layout(article: Article, f: Furniture) -> str:
    body = "".join(_paragraph_blocks(article, f, extras=False))
    return (
        f"{_head(article)}<body><table width=\"100%\"><tr><td colspan=\"2\">{f.nav()}</td></tr>"
        f'<tr><td width="25%" valign="top">{f.most_read_box()}{f.newsletter()}</td>'
        f'<td valign="top"><h1>{_e(article.headline)}</h1>{f.byline()}{body}{f.share()}'
        f"{f.related_box()}</td></tr>"
        f'<tr><td colspan="2">{f.comments()}{f.footer()}</td></tr></table></body></html>'
    )


def _semantic(article: Article, f: Furniture) -> str:
    body = "".join(_paragraph_blocks(article, f))
    return (
        f"{_head(article)}<body><header><nav>{f.links(NAV)}</nav></header><main>"
        f"<article><header><h1>{_e(article.headline)}</h1>{f.byline()}</header>"
        f"{f.share()}{body}<footer>{f.tags()}</footer></article>"
        f"<aside>{f.most_read_box()}{f.related_box()}</aside>"
        f"<section>{f.comments()}</section></main>"
        f"<footer>{f.newsletter()}{f.footer()}</footer>{f.cookie()}</body></html>"
    )


def _inline_scripts(article: Article, f: Furniture) -> str:
    blocks = _paragraph_blocks(article, f)
    script = ('<script>var ad_slot = "إعلان"; window.dataLayer = window.dataLayer || [];'
              " if (a < b && b > 0) { render('<div>نص</div>'); }</script>")
    style = "<style>.content p { line-height: 1.8; } .x > span { display: none; }</style>"
    blocks.insert(2, script)
    blocks.insert(4, style)
    json_ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "'
               f'{article.headline}"}}</script>')
    return (
        f"{_head(article, style + json_ld)}<body>{script}{f.nav()}"
        f'<div id="{f.rid()}" class="container"><div class="content">'
        f"<h1>{_e(article.headline)}</h1>{f.byline()}{''.join(blocks)}{f.share()}</div>"
        f"{script}{f.most_read_box()}{f.comments()}</div>{f.newsletter()}{f.footer()}"
        f"{f.cookie()}{script}</body></html>"
    )


def _div_paragraphs(article: Article, f: Furniture) -> str:
    """Paragraphs in bare divs, a ticker of headlines above, the dateline a paragraph."""
    body = "".join(_paragraph_blocks(article, f, "div"))
    ticker = f'<div class="tk"><b>عاجل</b>{f.links(f.most_read[:3], "span", "")}</div>'
    return (
        f"{_head(article)}<body>{f.nav()}{ticker}<div id=\"{f.rid()}\">"
        f'<div class="col-lg-9"><div class="title-x"><h1>{_e(article.headline)}</h1></div>'
        f"<div>{_e(article.city)} – مراسلنا</div>"
        f'<div class="body-{f.rid()}">{body}</div>{f.tags()}{f.related_box()}</div>'
        f'<div class="col-lg-3">{f.most_read_box()}</div></div>{f.comments()}'
        f"{f.newsletter()}{f.footer()}{f.cookie()}</body></html>"
    )


def _random_classes(article: Article, f: Furniture) -> str:
    """Div soup whose every class and id is a generated token: nothing to go by but text."""
    page = _div_soup(article, f)
    for name in ("wrap", "row", "col-md-8", "col-md-4", "content", "top-links", "meta-line",
                 "icons-row", "box-x", "blk", "box-c", "c-item", "bar-b", "nl-x", "kw",
                 "bottom"):
        page = page.replace(f'class="{name}"', f'class="{f.rid()}"')
    return page.replace('class="txt-', 'class="', 1)


def _comment_thread(article: Article, f: Furniture) -> str:
    """Neutral class names, a "read also" box inside the text, a photo caption, and a
    long thread of readers' comments written like prose."""
    blocks = _paragraph_blocks(article, f, extras=False)
    blocks.insert(2, f'<div class="{f.rid()}"><h3>اقرأ أيضا</h3>{f.links(f.related)}</div>')
    blocks.insert(4, f'<figure><img src="/i/{f.rid()}.jpg"><figcaption>{_e(article.city)} '
                     "(أرشيف)</figcaption></figure>")
    thread = "".join(
        f'<li class="{f.rid()[:2]}"><div>قارئ من {_e(article.city)}</div>'
        f"<p>{_e(LONG_COMMENTS[i % len(LONG_COMMENTS)])}</p></li>"
        for i in range(f.rng.randint(8, 14))
    )
    return (
        f"{_head(article)}<body>{f.nav()}<div class=\"{f.rid()}\"><h1>{_e(article.headline)}"
        f"</h1>{f.byline()}<div class=\"{f.rid()}\">{''.join(blocks)}</div>{f.tags()}</div>"
        f'<div class="{f.rid()}"><h3>تعليقات القراء</h3><ul>{thread}</ul></div>'
        f"{f.footer()}</body></html>"
    )


def _cp1256(article: Article, f: Furniture) -> str:
    page = _div_soup(article, f)
    return page.replace('<meta charset="utf-8">', '<meta charset="windows-1256">', 1)


LAYOUTS: dict[str, tuple[Callable[[Article, Furniture], str], str]] = {
    "div-soup": (_div_soup, "utf-8"),
    "br-paragraphs": (_br_paragraphs, "utf-8"),
    "tables-layout": (_tables_layout, "utf-8"),
    "semantic": (_semantic, "utf-8"),
    "div-paragraphs": (_div_paragraphs, "utf-8"),
    "random-classes": (_random_classes, "utf-8"),
    "comment-thread": (_comment_thread, "utf-8"),
    "inline-scripts": (_inline_scripts, "utf-8"),
    "windows-1256": (_cp1256, "cp1256"),
}


def news_pages(seed: int = 0) -> list[NewsPage]:
    """One page per layout, each with a different article (deterministic for a seed)."""
    rng = random.Random(seed)
    order = rng.sample(range(len(ARTICLES)), len(ARTICLES))
    pages = []
    for index, (name, (build, encoding)) in enumerate(LAYOUTS.items()):
        article = ARTICLES[order[index % len(ARTICLES)]]
        text = build(article, Furniture(article, rng))
        pages.append(NewsPage(name, text.encode(encoding), encoding, article))
    return pages


def large_page(size_bytes: int, seed: int = 0) -> NewsPage:
    """A div-soup page grown to about ``size_bytes`` by a very long comment section."""
    rng = random.Random(seed)
    article = ARTICLES[0]
    furniture = Furniture(article, rng)
    page = _div_soup(article, furniture)
    comment = furniture.comments()
    count = max(0, (size_bytes - len(page.encode())) // len(comment.encode()))
    marker = "<div class=\"col-md-4\">"
    page = page.replace(marker, comment * count + marker, 1)
    return NewsPage("large", page.encode("utf-8"), "utf-8", article)
