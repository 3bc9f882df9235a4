"""read_document on HTML: article text only, declared charsets, titles."""

from __future__ import annotations

import pytest

from tarjama.core.documents import read_document

HEADLINE = "الاغتيالات تربك التنظيم في دير الزور"
FIRST = "أكدت المعلومات الواردة من المنطقة تسجيل حالات قتل لعدد من العناصر."
SECOND = "وذكر ناشطون أن 12 شخصاً أعدموا خلال أسبوع واحد."
QUOTE = "قال أحد السكان: لم نعد نشعر بالأمان."

NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="{{charset}}">
  <title>{HEADLINE} | موقع الأخبار</title>
  <style>p {{{{ color: red; }}}}</style>
  <script>var tracking = "ليس نصاً للترجمة";</script>
</head>
<body class="single-post with-sidebar">
  <header class="site-header"><a href="/">شعار الموقع</a>
    <nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sy">سوريا</a></li></ul></nav>
  </header>
  <div class="ad-banner">إعلان ممول</div>
  <main>
    <article class="post">
      <header class="entry-header"><h1>{HEADLINE}</h1>
        <div class="share-buttons"><a>شارك على فيسبوك</a><a>غرّد</a></div>
      </header>
      <p>{FIRST}</p>
      <p>وذكر   ناشطون أن <strong>12 شخصاً</strong> أعدموا
         خلال أسبوع واحد.</p>
      <blockquote>{QUOTE}</blockquote>
      <ul><li>البند الأول</li><li>البند الثاني</li></ul>
      <form><label>اشترك في النشرة</label><input type="email"></form>
      <div hidden>نص مخفي</div>
      <footer class="entry-footer">الوسوم: سوريا، دير الزور</footer>
    </article>
    <section id="comments"><h2>التعليقات</h2><p>تعليق من قارئ</p></section>
    <aside><h3>أخبار ذات صلة</h3><p>خبر آخر</p></aside>
  </main>
  <footer>جميع الحقوق محفوظة</footer>
</body>
</html>
"""

ARTICLE_PARAGRAPHS = (HEADLINE, FIRST, SECOND, QUOTE, "البند الأول", "البند الثاني")


def test_boilerplate_is_removed_and_article_blocks_kept(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(NEWS_PAGE.format(charset="utf-8").encode("utf-8"))

    document = read_document(path)

    assert document.format == "html"
    assert document.encoding == "utf-8"
    assert document.title == HEADLINE
    assert document.paragraphs == ARTICLE_PARAGRAPHS


@pytest.mark.parametrize(
    ("declaration", "encoding", "expected"),
    [
        pytest.param('<meta charset="windows-1256">', "cp1256", "cp1256", id="meta-charset"),
        pytest.param(
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
            "cp1256",
            "cp1256",
            id="http-equiv",
        ),
        pytest.param(
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">',
            "iso-8859-6",
            "iso-8859-6",
            id="iso-8859-6",
        ),
        pytest.param('<meta charset="utf-8">', "cp1256", "cp1256", id="wrong-declaration"),
        pytest.param("", "cp1256", "cp1256", id="no-declaration"),
    ],
)
def test_declared_charset_is_honoured(tmp_path, declaration, encoding, expected):
    page = (
        f"<html><head>{declaration}<title>عنوان</title></head>"
        f"<body><h1>{HEADLINE}</h1><p>{FIRST}</p></body></html>"
    )
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode(encoding))

    document = read_document(path)

    assert document.encoding == expected
    assert document.paragraphs == (HEADLINE, FIRST)


def test_byte_order_mark_wins_over_the_declaration(tmp_path):
    page = f'<html><head><meta charset="windows-1256"></head><body><p>{FIRST}</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(b"\xff\xfe" + page.encode("utf-16-le"))
    document = read_document(path)
    assert (document.encoding, document.paragraphs) == ("utf-16-le", (FIRST,))


def test_title_falls_back_to_the_title_element_and_br_splits_paragraphs(tmp_path):
    page = (
        f"<html><head><title>{HEADLINE}</title></head><body>"
        f"<div>{FIRST}<br>{SECOND}<br/><br/></div><!-- تعليق في الشيفرة --></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    document = read_document(path)
    assert document.title == HEADLINE
    assert document.paragraphs == (FIRST, SECOND)


def test_longest_article_is_the_content(tmp_path):
    page = (
        "<html><body>"
        "<article><p>خبر قصير</p></article>"
        f"<article><h1>{HEADLINE}</h1><p>{FIRST}</p><p>{SECOND}</p></article>"
        "</body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path).paragraphs == (HEADLINE, FIRST, SECOND)


@pytest.mark.parametrize(
    "charset",
    ["base64", "no-such-charset", "utf-16", "windows-1252"],
    ids=["not-a-text-codec", "unknown", "utf-16-without-bom", "latin-declared-arabic-inside"],
)
def test_unusable_or_false_declarations_fall_back_to_detection(tmp_path, charset):
    page = f'<html><head><meta charset="{charset}"></head><body><p>{FIRST}</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1256"))
    document = read_document(path)
    assert (document.encoding, document.paragraphs) == ("cp1256", (FIRST,))
