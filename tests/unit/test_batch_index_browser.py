"""The folder's pages in a real browser (headless Chromium): they fit a 1280-pixel
window, the script sorts and filters, Arabic cells are laid out right to left.

Each probe loads a copy of a page with a script appended that clicks and types as a
reader would and writes what the page then shows into the DOM, which Chromium prints
(``--dump-dom``); the probes of a page run in one Chromium, those of different pages at
the same time. Skipped where Chromium is not installed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import lxml.html
import pytest
from test_batch_index_pages import write_folder

from tarjama.core.batch.index import write_index
from tarjama.core.batch.records import ArticleRecord, KeyFigure

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(n)), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs headless Chromium")

PROBE_HELPERS = """
function shown(id) {  // the rows in the order they are seen (CSS order), hidden ones left out
  return Array.prototype.filter.call(document.getElementById(id).tBodies[0].rows,
    function (r) { return !r.hidden; }).sort(function (a, b) {
      return (Number(a.style.order) - Number(b.style.order)) ||
        (a.getBoundingClientRect().top - b.getBoundingClientRect().top); });
}
function files(id) {
  return shown(id).map(function (r) { return r.cells[0].getAttribute("data-sort"); });
}
function header(id, n) { return document.getElementById(id).tHead.rows[0].cells[n]; }
function set(selector, value, event) {
  var input = document.querySelector(selector);
  input.value = value;
  input.dispatchEvent(new Event(event));
}
function width() {
  return {scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth};
}
"""


def probe(page: Path, script: str, size: str = "1280,800") -> dict:
    """Run ``script`` (which fills ``out``) at the end of a copy of ``page``."""
    copy = page.with_name(".probe-" + page.name)
    body = (f"<script>(function () {{ {PROBE_HELPERS} var out = {{}}; {script}\n"
            "var pre = document.createElement('pre'); pre.id = 'probe';"
            "pre.textContent = JSON.stringify(out); document.body.appendChild(pre);"
            "})();</script></body>")
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", body),
                    encoding="utf-8")
    try:
        done = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--window-size={size}", "--dump-dom", copy.as_uri()],
            capture_output=True, text=True, timeout=90, check=True)
    finally:
        copy.unlink()
    [found] = lxml.html.fromstring(done.stdout).xpath("//pre[@id='probe']/text()")
    return json.loads(found)


def probe_all(probes: dict[str, tuple[Path, str]]) -> dict[str, dict]:
    """``probe`` of several pages at once: each Chromium mostly waits while it starts."""
    with ThreadPoolExecutor(len(probes)) as pool:
        started = {key: pool.submit(probe, page, script)
                   for key, (page, script) in probes.items()}
        return {key: future.result() for key, future in started.items()}


# What a reader does on the index page, and on the figures page: the layout of the
# Arabic cells is measured first, before any click changes the page.
INDEX_PROBE = """
      header("articles", 4).click(); out.wordsUp = files("articles");
      header("articles", 4).click(); out.wordsDown = files("articles");
      out.sortedAs = header("articles", 4).getAttribute("aria-sort");
      header("articles", 1).click(); out.byDate = files("articles");
      header("articles", 0).click(); out.byName = files("articles");
      set("[data-filter=status]", "failed", "change"); out.failed = files("articles");
      out.count = document.querySelector("[data-count]").textContent;
      set("[data-filter=status]", "", "change");
      document.querySelector("[data-filter=warned]").click(); out.warned = files("articles");
      document.querySelector("[data-filter=warned]").click();
      set("[data-filter=text]", "الوَقود", "input"); out.arabic = files("articles");
      set("[data-filter=text]", "ALEPPO market", "input"); out.english = files("articles");
      out.controlsShown = !document.querySelector(".controls").hidden;
    """
FIGURES_PROBE = """
      var cell = document.querySelector("#figures tbody td.ar");
      var style = getComputedStyle(cell);
      out.arabic = [style.direction, style.textAlign];
      var english = getComputedStyle(document.querySelector("#figures tbody td.en"));
      out.english = [english.direction, english.textAlign];
      var range = document.createRange(); range.selectNodeContents(cell);
      var text = range.getBoundingClientRect(), box = cell.getBoundingClientRect();
      out.gapRight = box.right - text.right; out.gapLeft = text.left - box.left;

      header("figures", 3).click();
      out.numbers = shown("figures").map(function (r) {
        return r.cells[3].getAttribute("data-sort"); });
      out.tops = shown("figures").map(function (r) { return r.getBoundingClientRect().top; });
      set("[data-filter=kind]", "money", "change"); out.money = files("figures");
      set("[data-filter=kind]", "", "change");
      set("[data-filter=check]", "missing", "change"); out.missing = files("figures");
    """


@pytest.fixture(scope="module")
def seen_in_folder(tmp_path_factory) -> dict[str, dict]:
    """What the probes saw on the index and figures pages of a small folder."""
    out = tmp_path_factory.mktemp("batch") / "out"
    write_index(out, write_folder(out))
    return probe_all({"index": (out / "index.html", INDEX_PROBE),
                      "figures": (out / "figures.html", FIGURES_PROBE)})


def test_index_sorts_by_any_column_and_filters_by_status_warnings_and_words(
        seen_in_folder):
    seen = seen_in_folder["index"]
    assert seen["wordsUp"] == ["council.txt", "sub/fuel.txt", "aleppo.txt",
                               "broken.docx", "later.txt"]  # no count: last either way
    assert seen["wordsDown"] == ["aleppo.txt", "sub/fuel.txt", "council.txt",
                                 "broken.docx", "later.txt"]
    assert seen["sortedAs"] == "descending"
    assert seen["byDate"][:2] == ["aleppo.txt", "sub/fuel.txt"]
    assert seen["byName"] == ["aleppo.txt", "broken.docx", "council.txt", "later.txt",
                              "sub/fuel.txt"]
    assert (seen["failed"], seen["count"]) == (["broken.docx"], "1 of 5 shown")
    assert seen["warned"] == ["aleppo.txt", "sub/fuel.txt"]
    assert seen["arabic"] == ["sub/fuel.txt"]  # the diacritic typed does not matter
    assert seen["english"] == ["aleppo.txt"]
    assert seen["controlsShown"]


def test_figures_table_sorts_by_number_and_filters_by_kind_and_check(seen_in_folder):
    seen = seen_in_folder["figures"]
    assert seen["numbers"] == ["5", "5", "7", "12", "25", "40", "500", "300000"]
    assert seen["tops"] == sorted(seen["tops"])  # and that is the order on the screen
    assert seen["money"] == ["sub/fuel.txt", "aleppo.txt"]  # still sorted by the number
    assert seen["missing"] == ["sub/fuel.txt"]


def test_arabic_cells_are_laid_out_right_to_left(seen_in_folder):
    seen = seen_in_folder["figures"]
    assert seen["arabic"] == ["rtl", "right"]
    assert seen["english"] == ["ltr", "left"]
    assert seen["gapRight"] < seen["gapLeft"]  # the text hugs the right edge


def crowded_records(count: int) -> list[ArticleRecord]:
    """What random-weight packs write: long unbroken words, many chips, long names."""
    word = "ipiboztulrcercegof" * 12
    chips = tuple(KeyFigure("نص", "money", f"{k * 1000:,} lira") for k in range(18))
    return [ArticleRecord(
        file=f"{'very-long-folder-name/' * 4}article-{k:04d}-{'x' * 80}.txt", status="done",
        title="عنوان " * 30, title_en=word, sentences=40, words=900,
        summary=(word + " " + word,) * 4, summary_ar=("جملة " * 50,), figures=chips,
        outputs=(f"article-{k}.html",), low_confidence=tuple(range(40)), repaired=(),
        warnings_page=f"article-{k}.warnings.html") for k in range(count)]


def test_crowded_pages_fit_a_1280_pixel_window_without_scrolling_sideways(tmp_path):
    write_index(tmp_path, crowded_records(30))
    names = ("index.html", "figures.html")
    seen = probe_all({name: (tmp_path / name, "out.width = width();") for name in names})
    for name in names:
        assert seen[name]["width"]["scroll"] <= seen[name]["width"]["client"], name
