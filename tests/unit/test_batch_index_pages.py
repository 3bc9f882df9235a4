"""The folder's index page, read the way a browser reads it (lxml), on articles whose
translations are written out here, so every warning the pages show is known."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import lxml.html
import pytest

from tarjama.core.batch.articles import ArticleInProgress
from tarjama.core.batch.discover import InputFile
from tarjama.core.batch.index import write_index
from tarjama.core.batch.records import (
    STATUS_FAILED,
    STATUS_PENDING,
    ArticleRecord,
    FigureWarning,
)

# (file, [(Arabic paragraph, its English, model score)]); one sentence per paragraph.
ALEPPO = ("aleppo.txt", [
    ("مقتل 5 أشخاص في قصف على سوق حلب", "5 people killed in shelling of an Aleppo market",
     -0.4),
    ("حلب – 10 أيلول 2018 – قتل 5 أشخاص وأصيب 12 آخرون في قصف استهدف سوقا شعبيا صباح "
     "الاثنين.",
     "Aleppo, 10 September 2018: 5 people were killed and 21 wounded in shelling that hit "
     "a market on Monday morning.", -0.5),
    ("واعتقلت الشرطة 7 أشخاص بعد الهجوم بساعات قليلة في وسط المدينة.",
     "Police arrested 7 people a few hours after the attack in the city centre.", -2.3),
    ("وقدرت الخسائر بنحو 300 ألف دولار أمريكي في المحلات المتضررة من القصف.",
     "Losses in the shops damaged by the shelling were put at about 300,000 US dollars.",
     -0.6),
    ("وارتفعت أسعار الخبز بنسبة 40% خلال الشهر الماضي في المدينة كلها.",
     "Bread prices rose by 40% last month across the whole city.", -0.3),
])
FUEL = ("sub/fuel.txt", [
    ("ارتفاع أسعار الوقود في دمشق", "Fuel prices rise in Damascus", -0.2),
    ("أعلنت الحكومة في 3 آذار 2019 رفع سعر الوقود بنسبة 25% في جميع المحافظات السورية.",
     "The government announced on 3 March 2019 a rise in the price of fuel in all Syrian "
     "provinces.", -0.7),
    ("وقال سائقون إن أجرة الراكب الواحد ارتفعت إلى 500 ليرة سورية في العاصمة.",
     "Drivers said the fare for one passenger rose to 500 Syrian pounds in the capital.",
     -0.5),
])
COUNCIL = ("council.txt", [
    ("اجتماع لمجلس المحافظة", "A meeting of the provincial council", -0.2),
    ("ناقش مجلس المحافظة خطط ترميم المدارس في الأحياء الشرقية من المدينة القديمة.",
     "The provincial council discussed plans to restore schools in the eastern districts "
     "of the old city.", -0.3),
])
REPAIRED = {("aleppo.txt", 3): "Losses in the shops were put at about 300 US dollars."}


def translated_article(src: Path, name: str, paragraphs: list[tuple[str, str, float]]
                       ) -> ArticleInProgress:
    """Read, segment and check the article as the batch does, with the English given."""
    from tarjama.core.batch.articles import BatchEntry, read_article
    from tarjama.core.pipeline import Repair, attach_translation

    path = src / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(p for p, _, _ in paragraphs) + "\n", encoding="utf-8")
    relative = PurePosixPath(name)
    item = InputFile(path, relative, relative.with_suffix(""), path.stat().st_size)
    article = read_article(BatchEntry(item, "digest", None), None, 200)  # type: ignore[arg-type]
    assert len(article.results) == len(paragraphs), "one sentence per paragraph"
    for k, (result, (_, english, score)) in enumerate(zip(article.results, paragraphs,
                                                         strict=True)):
        attach_translation(result, english)
        result.score = score
        if (name, k) in REPAIRED:
            result.repair = Repair(REPAIRED[name, k], "changed", 4)
    return article


def write_folder(out: Path, articles=(ALEPPO, FUEL, COUNCIL)) -> list[ArticleRecord]:
    """Write each article's outputs as the batch does; add a failed and a pending file."""
    from tarjama.core.batch.outputs import write_article_outputs
    from tarjama.core.packs.pack import PackInfo
    from tarjama.core.pipeline import PipelineOptions

    records = []
    for name, paragraphs in articles:
        article = translated_article(out.parent / "in", name, paragraphs)
        records.append(write_article_outputs(
            article, out, ("txt", "html"), PipelineOptions(summary_sentences=2),
            PackInfo("test pack", licence="CC-BY-4.0"), "settings"))
    records.append(ArticleRecord(file="broken.docx", status=STATUS_FAILED,
                                 reason="is not a valid Word document"))
    records.append(ArticleRecord(file="later.txt", status=STATUS_PENDING))
    return records


# -- the pages, parsed ----------------------------------------------------------------

ARABIC_LETTER = re.compile("[\u0621-\u064a]")
PX_WIDTH = re.compile(r"(?:^|[;{\s])(?:min-)?width\s*:\s*(\d+(?:\.\d+)?)px")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("batch") / "out"
    records = write_folder(out)
    write_index(out, (r for r in records))  # a generator: the pages need one pass only
    return out


def parse(path: Path):
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def rows(page) -> list:
    return page.xpath("//table[@id='articles']/tbody/tr")


def row_of(page, name: str):
    [row] = [r for r in rows(page) if r.xpath("td[1]/@data-sort") == [name]]
    return row


def cell(row, column: str):
    from tarjama.core.batch.index_html import COLUMNS

    labels = [lxml.html.fromstring(f"<b>{label}</b>").text_content().replace("\xad", "")
              for label, _, _ in COLUMNS]
    return row.xpath("td")[labels.index(column)]


def text(element) -> str:
    return " ".join(element.text_content().split())


def test_every_article_has_its_row_in_folder_order(folder):
    page = parse(folder / "index.html")
    assert [r.xpath("td[1]/@data-sort")[0] for r in rows(page)] == [
        "aleppo.txt", "sub/fuel.txt", "council.txt", "broken.docx", "later.txt"]
    assert [r.get("data-status") for r in rows(page)] == [
        "done", "done", "done", "failed", "pending"]
    assert text(page.xpath("//p[@class='totals']")[0]).startswith(
        "5 files: 3 translated, 1 failed, 1 pending; 2 to check (2 figure warnings, "
        "0 term warnings, 1 low-confidence sentences).")


def test_a_row_shows_titles_date_counts_summary_and_chips(folder):
    aleppo = row_of(parse(folder / "index.html"), "aleppo.txt")
    title = cell(aleppo, "Article")
    assert title.xpath("div[@dir='rtl']/text()") == ["مقتل 5 أشخاص في قصف على سوق حلب"]
    assert title.xpath("div[@dir='ltr']/text()") == [
        "5 people killed in shelling of an Aleppo market"]
    assert title.xpath(".//a/@href") == ["aleppo.html"]
    # The dateline's date, not a later one; sorted by its canonical value.
    date = cell(aleppo, "Date")
    assert (text(date), date.get("data-sort")) == ("10 Sep 2018", "2018-09-10")
    assert [text(cell(aleppo, c)) for c in ("Status", "Sentences", "Words")] == [
        "done", "5", "61"]
    summary = cell(aleppo, "Summary")
    assert summary.xpath("ul[@dir='ltr']/li/text()")[0].startswith("Aleppo, 10 September")
    assert summary.xpath("details/ul[@dir='rtl']/li/text()")[0].startswith("حلب – 10 أيلول")
    chips = cell(aleppo, "Key figures").xpath("span")
    assert [c.text for c in chips] == ["5 killed", "10 Sep 2018", "12 wounded",
                                       "7 arrested", "about 300,000 USD", "40%"]
    assert chips[0].get("class") == "figure fig-casualties"
    assert chips[0].get("title") == "مقتل 5 أشخاص"


def test_each_warning_count_links_to_its_sentences_on_the_warnings_page(folder):
    page = parse(folder / "index.html")
    aleppo = row_of(page, "aleppo.txt")
    counts = {c: cell(aleppo, c) for c in
              ("Figure warnings", "Term warnings", "Low confidence", "Repaired")}
    assert {c: td.xpath("a/text()") for c, td in counts.items()} == {
        "Figure warnings": ["1"], "Term warnings": [], "Low confidence": ["1"],
        "Repaired": ["1"]}
    assert counts["Figure warnings"].xpath("div[@class='refs']/a/@href") == [
        "aleppo.warnings.html#s1"]
    assert counts["Low confidence"].xpath("div[@class='refs']/a/@href") == [
        "aleppo.warnings.html#s2"]
    assert counts["Repaired"].xpath("div[@class='refs']/a/@href") == [
        "aleppo.warnings.html#s3"]
    fuel = row_of(page, "sub/fuel.txt")
    assert cell(fuel, "Figure warnings").xpath(".//a/@href") == [
        "sub/fuel.warnings.html", "sub/fuel.warnings.html#s1"]
    council = row_of(page, "council.txt")
    assert council.get("data-warned") == "0"
    assert not council.xpath(".//td//a[contains(@href, 'warnings')]")
    broken = row_of(page, "broken.docx")
    assert cell(broken, "Status").text == "failed"
    assert cell(broken, "Status").xpath("div/text()") == ["is not a valid Word document"]
    assert text(cell(broken, "Figure warnings")) == ""


def test_every_link_of_every_page_resolves_to_a_file_and_an_anchor(folder):
    pages = [folder / "index.html", folder / "figures.html",
             *sorted(folder.rglob("*.warnings.html"))]
    checked = 0
    for page_path in pages:
        for href in parse(page_path).xpath("//a/@href"):
            path, _, anchor = unquote(href).partition("#")
            target = (page_path.parent / path).resolve()
            assert target.is_file(), f"{page_path.name}: {href}"
            if anchor:
                assert parse(target).xpath(f"//*[@id='{anchor}']"), f"{page_path.name}: {href}"
            checked += 1
    assert checked > 30


def test_arabic_text_is_always_inside_a_right_to_left_element(folder):
    for page_path in (folder / "index.html", folder / "figures.html",
                      folder / "aleppo.warnings.html"):
        page = parse(page_path)
        arabic = [e for e in page.iter() if isinstance(e.tag, str) and e.tag != "title"
                  and any(ARABIC_LETTER.search(t or "") for t in (e.text, e.tail))]
        assert arabic, page_path.name
        for element in arabic:
            if element.text and ARABIC_LETTER.search(element.text):
                holder = element
            else:  # the Arabic is the tail: it belongs to the parent
                holder = element.getparent()
            direction = holder.xpath("ancestor-or-self::*[@dir][1]/@dir")
            assert direction == ["rtl"], f"{page_path.name}: {lxml.html.tostring(holder)[:120]}"
    style = (folder / "index.html").read_text(encoding="utf-8")
    assert ".ar { direction: rtl; text-align: right;" in style


def test_no_width_in_pixels_can_push_a_page_past_a_laptop_window(folder):
    for page_path in (folder / "index.html", folder / "figures.html",
                      folder / "aleppo.warnings.html"):
        source = page_path.read_text(encoding="utf-8")
        page = lxml.html.fromstring(source)
        styles = " ".join(page.xpath("//style/text()") + page.xpath("//@style"))
        assert not [w for w in PX_WIDTH.findall(styles) if float(w) > 400], page_path.name
        assert not page.xpath("//*[@width and not(self::svg) and not(ancestor::svg)]")
        for table in page.xpath("//table"):
            # Columns are shares of the width, each allowed to shrink below its content.
            shares = re.findall(r"minmax\(0, (\d+)fr\)", table.get("style"))
            assert sum(map(int, shares)) == 100
            assert len(shares) == len(table.xpath("thead/tr/th"))
            assert "grid-template-columns: var(--columns)" in styles
        for svg in page.xpath("//svg"):
            assert svg.get("viewbox")
            assert "width: 100%" in styles


def test_the_pages_stand_alone_offline_and_print_cleanly(folder):
    for page_path in (folder / "index.html", folder / "figures.html"):
        source = page_path.read_text(encoding="utf-8")
        page = lxml.html.fromstring(source)
        assert not page.xpath("//script[@src] | //link | //img | //iframe")
        assert not re.search(r"(?:src|href)=\"(?:https?:)?//", source)
        assert "@import" not in source
        assert "url(" not in source
        # On paper: no controls, no sentence links, the Arabic summaries left closed.
        printed = source[source.index("@media print"):]
        assert re.search(r"\.controls, [^{]*table\.data details, \.refs \{ display: none",
                         printed)
        # Without a script the filters would do nothing, so they start hidden.
        [controls] = page.xpath("//div[@class='controls']")
        assert controls.get("hidden") is not None
        assert ".controls[hidden] { display: none; }" in source  # not undone by the style
        assert page.xpath("//table[contains(@class, 'sortable')]//th[@data-type]")


def test_the_warnings_page_gives_each_sentence_once_in_both_languages(folder):
    page = parse(folder / "aleppo.warnings.html")
    sections = page.xpath("//section[@class='sentence']")
    assert [s.get("id") for s in sections] == ["s1", "s2", "s3"]
    changed, unsure, repaired = sections
    assert changed.xpath("div[@class='pair']/div[@dir='rtl']/text()")[0].startswith(
        "حلب – 10 أيلول 2018")
    assert changed.xpath("div[@class='pair']/div[@dir='ltr']/text()")[0].startswith(
        "Aleppo, 10 September 2018")
    assert text(changed.xpath("ul/li")[0]) == (
        "Figure changed: the Arabic says 12 wounded; the English has 21 wounded")
    assert text(unsure.xpath("ul/li")[0]).startswith(
        "Low confidence: the model scored this translation -2.30 per token")
    assert "It read: Losses in the shops were put at about 300 US dollars." in text(repaired)
    assert changed.xpath(".//h2/a/@href") == ["aleppo.html#s1"]
    back = parse(folder / "sub" / "fuel.warnings.html").xpath(
        "//a[text()='Back to the index']/@href")
    assert back == ["../index.html"]
    assert not (folder / "council.warnings.html").exists()


def test_term_warnings_and_counts_a_record_did_not_keep_are_told_apart():
    from tarjama.core.batch.index_html import article_row

    term = FigureWarning(2, "قال الناطق باسم الدفاع المدني", "said the spokesman",
                         "the glossary renders الدفاع المدني as Civil Defence", "missing",
                         "term")
    figure = FigureWarning(4, "قتل 3", "killed 8", "the Arabic says 3; the English has 8",
                           "changed", "casualties")
    record = ArticleRecord(file="a.txt", status="done", warnings=(term, figure),
                           warnings_page="a.warnings.html", low_confidence=None)
    row = lxml.html.fragment_fromstring(article_row(record), create_parent="table")[0]
    cells = row.xpath("td")
    assert [cells[k].xpath(".//a/text()") for k in (5, 6)] == [["1", "§5"], ["1", "§3"]]
    # A record of version 2 never counted low-confidence sentences: shown as unknown.
    assert (text(cells[7]), cells[7].get("title")) == ("–", "not recorded")
    assert row.get("data-warned") == "1"


def test_an_english_line_above_an_arabic_article_is_not_its_title(tmp_path):
    page = ("page.txt", [
        ("This post is also available in: English", "This post is also available in: "
         "English", -0.1),
        ("تراجع أسعار القمح في الأسواق المحلية", "Wheat prices fall in local markets", -0.2),
        ("تراجعت أسعار القمح في الأسواق المحلية خلال الأسبوع الماضي بعد وصول شحنات جديدة.",
         "Wheat prices fell in local markets last week after new shipments arrived.", -0.3),
    ])
    [record, *_] = write_folder(tmp_path / "out", articles=(page,))
    assert (record.title, record.title_en) == ("تراجع أسعار القمح في الأسواق المحلية",
                                               "Wheat prices fall in local markets")
