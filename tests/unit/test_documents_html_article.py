"""read_document on news pages: the article without the page, and the whole-page fallback."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import zipfile
from collections import Counter

import pytest

from tarjama.core.documents import read_document
from tarjama.core.documents.html_reader import html_to_text
from tarjama.devtools.news_articles import ARTICLES
from tarjama.devtools.news_furniture import COOKIE, COPYRIGHT
from tarjama.devtools.news_pages import large_page, news_pages

_WORD = re.compile(r"\w+")
HEADLINE = ARTICLES[1].headline
PARAGRAPHS = ARTICLES[1].paragraphs


def words(paragraphs) -> Counter:
    return Counter(word for paragraph in paragraphs for word in _WORD.findall(paragraph))


def write(tmp_path, page: str | bytes, name: str = "page.html"):
    path = tmp_path / name
    path.write_bytes(page.encode("utf-8") if isinstance(page, str) else page)
    return path


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        pytest.fail(f"network access attempted: {args!r}")

    for name in ("create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


@pytest.mark.parametrize("page", news_pages(seed=0), ids=lambda page: page.name)
def test_news_pages_give_the_article_and_only_the_article(tmp_path, no_network, page):
    document = read_document(write(tmp_path, page.data))

    kept, gold = words(document.paragraphs), words(page.gold)
    shared = sum((kept & gold).values())
    assert shared / sum(kept.values()) >= 0.95  # precision
    assert shared / sum(gold.values()) >= 0.95  # recall
    assert document.title == page.article.headline
    assert document.paragraphs[0] == page.article.headline
    assert document.encoding == page.encoding
    text = "\n".join(document.paragraphs)
    for furniture in ("الأكثر قراءة", "شارك على فيسبوك", "اقرأ أيضاً", COOKIE, COPYRIGHT):
        assert furniture not in text


def test_br_separated_text_gives_one_paragraph_each(tmp_path):
    page = next(page for page in news_pages(seed=1) if page.name == "br-paragraphs")
    document = read_document(write(tmp_path, page.data))
    assert document.paragraphs == page.gold


def test_loose_br_text_before_paragraphs_is_kept(tmp_path):
    # A div holding "text<br><br>text<br><br><p>...</p>": on its own trafilatura keeps
    # only the last loose piece.
    first, second, *rest = PARAGRAPHS
    page = (
        f"<html><head><title>{HEADLINE}</title></head><body>"
        "<div class='q1'><a href='/'>الرئيسية</a> <a href='/e'>اقتصاد</a></div>"
        f"<div class='x7'><h1>{HEADLINE}</h1>{first}<br><br>{second}<br><br>"
        f"{''.join(f'<p>{p}</p>' for p in rest)}</div></body></html>"
    )
    assert read_document(write(tmp_path, page)).paragraphs == (HEADLINE, *PARAGRAPHS)


def test_line_breaks_inside_a_paragraph_split_it(tmp_path):
    first, second, third, *rest = PARAGRAPHS
    page = (
        f"<html><head><title>{HEADLINE}</title></head><body>"
        "<div><ul><li><a href='/'>الرئيسية</a></li><li><a href='/e'>اقتصاد</a></li></ul></div>"
        f"<div class='story'><h1>{HEADLINE}</h1><p>{first}<br><br>{second}</p>"
        f"<p>{third}<br>{rest[0]}</p>{''.join(f'<p>{p}</p>' for p in rest[1:])}</div>"
        "</body></html>"
    )
    assert read_document(write(tmp_path, page)).paragraphs == (HEADLINE, *PARAGRAPHS)


def test_subheadings_and_lists_between_paragraphs_are_kept(tmp_path):
    bullets = ("الإنتاج المتوقع هذا الموسم 350 ألف طن", "معدل الأمطار 180 مليمتراً فقط")
    page = (
        f"<html><head><title>{HEADLINE} - شبكة الأخبار</title></head><body>"
        "<div class='k1'><a href='/'>شبكة الأخبار</a> <a href='/s'>سوريا</a></div>"
        f"<div class='k2'><h1>{HEADLINE}</h1>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS[:3])}"
        f"<h2>أبرز الأرقام</h2><ul>{''.join(f'<li>{b}</li>' for b in bullets)}</ul>"
        f"{''.join(f'<p>{p}</p>' for p in PARAGRAPHS[3:])}</div>"
        "<div class='k3'><h3>اقرأ أيضاً</h3><ul><li><a href='/1'>خبر آخر عن الزراعة</a></li>"
        "<li><a href='/2'>خبر ثالث عن الأسعار</a></li></ul></div></body></html>"
    )
    document = read_document(write(tmp_path, page))
    assert document.paragraphs == (
        HEADLINE, *PARAGRAPHS[:3], "أبرز الأرقام", *bullets, *PARAGRAPHS[3:]
    )


def test_an_article_cut_in_two_containers_by_an_advert_is_kept_whole(tmp_path):
    page = (
        f"<html><head><title>{HEADLINE}</title></head><body><div class='m'>"
        f"<div class='a1'><h1>{HEADLINE}</h1>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS[:5])}"
        "</div><div class='z'>إعلان</div>"
        f"<div class='a2'>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS[5:])}</div></div>"
        "<div class='f'><a href='/about'>من نحن</a></div></body></html>"
    )
    assert read_document(write(tmp_path, page)).paragraphs == (HEADLINE, *PARAGRAPHS)


def test_a_logo_in_an_h1_is_not_taken_for_the_headline(tmp_path):
    page = (
        f"<html><head><title>{HEADLINE} | شبكة الأخبار</title></head><body>"
        "<h1><a href='/'>شبكة الأخبار</a></h1>"
        f"<div class='c'><h2>{HEADLINE}</h2>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</div>"
        "</body></html>"
    )
    document = read_document(write(tmp_path, page))
    assert document.title == HEADLINE
    assert document.paragraphs == (HEADLINE, *PARAGRAPHS)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (f"<p>{PARAGRAPHS[0]}</p>", (PARAGRAPHS[0],)),
        (
            f"<html><body><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
            "<ul><li><a href='/r'>التقرير الكامل لمديرية الزراعة</a></li></ul></body></html>",
            (*PARAGRAPHS[:2], "التقرير الكامل لمديرية الزراعة"),
        ),
    ],
    ids=["bare-fragment", "two-paragraphs-and-a-link"],
)
def test_a_tiny_page_is_read_whole(tmp_path, page, expected):
    assert read_document(write(tmp_path, page)).paragraphs == expected


@pytest.mark.parametrize(
    "failure",
    [RuntimeError("extractor broke"), RecursionError(), None, ""],
    ids=["raises", "recursion", "returns-none", "returns-empty"],
)
def test_when_the_extractor_fails_the_whole_page_is_read(tmp_path, monkeypatch, failure):
    import trafilatura

    def broken(*args, **kwargs):
        if isinstance(failure, BaseException):
            raise failure
        return failure

    monkeypatch.setattr(trafilatura, "extract", broken)
    page = news_pages(seed=0)[0]
    path = write(tmp_path, page.data)

    document = read_document(path)

    assert document.paragraphs == html_to_text(page.data, path)[0]
    assert "الأكثر قراءة" in document.paragraphs  # the old reader's leaks, but no text lost
    assert words(page.gold) - words(document.paragraphs) == Counter()


def test_an_extraction_holding_little_of_the_page_is_not_trusted(tmp_path, monkeypatch):
    import trafilatura

    teaser = "<doc><main><p>توقعت مديرية الزراعة تراجع الإنتاج.</p></main></doc>"
    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: teaser)
    page = news_pages(seed=0)[0]
    document = read_document(write(tmp_path, page.data))
    assert words(page.gold) - words(document.paragraphs) == Counter()


def test_a_large_page_is_read_in_bounded_time(tmp_path):
    page = large_page(1024 * 1024)
    document = read_document(write(tmp_path, page.data))
    assert document.paragraphs == page.gold


@pytest.fixture
def thin_small_trees(monkeypatch):
    """Cut long runs of alike items on every tree, as is done on pages of several MB."""
    from tarjama.core.documents import html_article

    monkeypatch.setattr(html_article, "THIN_ABOVE_ELEMENTS", 0)
    monkeypatch.setattr(html_article, "RUN_KEPT", 5)


def test_a_long_thread_cut_short_still_gives_the_article(tmp_path, thin_small_trees):
    page = large_page(256 * 1024)
    assert read_document(write(tmp_path, page.data)).paragraphs == page.gold


def test_a_long_run_of_alike_paragraphs_that_is_the_text_is_kept_whole(
    tmp_path, thin_small_trees
):
    # Word's HTML export gives every paragraph the same class.
    lines = [f"{PARAGRAPHS[i % len(PARAGRAPHS)]} ({i})" for i in range(40)]
    page = (
        "<html><head><title>تقرير</title></head><body><div class=WordSection1>"
        + "".join(f"<p class=MsoNormal>{line}</p>" for line in lines)
        + "</div></body></html>"
    )
    assert read_document(write(tmp_path, page)).paragraphs == tuple(lines)


def test_epub_chapters_are_still_read_whole(tmp_path):
    # A book chapter is all text: lists and short lines stay, as before trafilatura.
    chapter = news_pages(seed=0)[0].data.decode("utf-8")
    path = tmp_path / "book.epub"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr(
            "META-INF/container.xml",
            '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="content.opf"/></rootfiles></container>',
        )
        archive.writestr(
            "content.opf",
            '<package xmlns="http://www.idpf.org/2007/opf"><manifest>'
            '<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest>'
            '<spine><itemref idref="c"/></spine></package>',
        )
        archive.writestr("c.xhtml", chapter)

    document = read_document(path)

    assert document.paragraphs == html_to_text(chapter.encode("utf-8"), path)[0]
    assert "الأكثر قراءة" in document.paragraphs


def test_the_extractor_is_not_imported_until_a_page_is_read():
    code = "import sys, tarjama.core.documents; print('trafilatura' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "False"
