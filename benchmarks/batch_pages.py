"""The folder's pages timed: index.csv, index.html, figures.csv and figures.html.

Writes the four pages from ``count`` article records (built from the samples'
sentences and the figures the real extractor finds in them, no translation) and
prints the time (target: at most 2 s for 1,000 articles) and the Python memory while
writing; then, in headless Chromium, the time to sort the index's rows by each column
(target: at most 200 ms). Run through ``batch_throughput.py`` (``--index-articles``,
``--pages-only``).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

SORT_PROBE = """<script>(function () {
  var table = document.getElementById("TABLE"), cells = table.tHead.rows[0].cells;
  var times = [];
  for (var c = 0; c < cells.length; c++) {
    var best = [Infinity, Infinity];  // ascending, descending: the best of three each
    for (var round = 0; round < 6; round++) {
      var start = performance.now();
      cells[c].click();
      void document.body.offsetHeight;  // the layout of the sorted table counts too
      best[round % 2] = Math.min(best[round % 2], performance.now() - start);
    }
    var name = cells[c].textContent.replace(/\u00ad/g, "");
    times.push([name + " up", best[0]], [name + " down", best[1]]);
  }
  var box = document.querySelector("[data-filter=text]"), start = performance.now();
  box.value = "fixture"; box.dispatchEvent(new Event("input"));
  void document.body.offsetHeight;
  times.push(["search", performance.now() - start]);
  var pre = document.createElement("pre"); pre.id = "timings";
  pre.textContent = JSON.stringify(times); document.body.appendChild(pre);
})();</script></body>"""


def page_records(samples: Path, count: int) -> list[Any]:
    """``count`` article records as a batch writes them, built from the samples'
    sentences and the figures the real extractor finds in them (no translation)."""
    from tarjama.core.batch.figures_rows import LISTED_KINDS
    from tarjama.core.batch.records import (
        ArticleRecord,
        FigureRow,
        FigureWarning,
        KeyFigure,
        QuotedSentence,
    )
    from tarjama.core.documents import read_document
    from tarjama.core.figures import extract_arabic
    from tarjama.core.figures.labels import figure_label
    from tarjama.core.segment import split_sentences

    pool = [s.text for f in sorted(samples.glob("*.ar.txt"))
            for s in split_sentences(read_document(f).paragraphs)]
    pool += [f"وقال مصدر إن الهجوم أدى إلى مقتل {k} أشخاص واعتقال {k + 4} آخرين."
             for k in range(3, 40)]
    figures = [extract_arabic(text) for text in pool]
    statuses = ("ok", "ok", "ok", "changed", "ok", "missing")
    records = []
    for k in range(count):
        if k % 50 == 7:
            records.append(ArticleRecord(file=f"day-{k // 40:02d}/article-{k:04d}.txt",
                                         status="failed", reason="is empty"))
            continue
        picked = [(k * 7 + j) % len(pool) for j in range(20)]
        rows, warnings, quotes, chips = [], [], [], {}
        for sid, p in enumerate(picked):
            english = f"English of sentence {sid} in article {k}, a fixture text."
            for n, f in enumerate(figures[p]):
                status = statuses[(k + sid + n) % len(statuses)]
                rows.append(FigureRow(sid, f.kind, f.value, f.text, f.number, f.unit,
                                      f.qualifier, "" if status == "missing" else f.text,
                                      status, figure_label(f)))
                chips.setdefault(figure_label(f), KeyFigure(f.text, f.kind, figure_label(f)))
                if status != "ok":
                    warnings.append(FigureWarning(sid, pool[p], english, "the Arabic says "
                                                  f"{f.value}", status, f.kind))
            if any(f.kind in LISTED_KINDS for f in figures[p]):
                quotes.append(QuotedSentence(sid, pool[p], english))
        records.append(ArticleRecord(
            file=f"day-{k // 40:02d}/article-{k:04d}.txt", status="done",
            title=pool[picked[0]][:120], title_en=f"Fixture article {k}",
            date=f"2018-{1 + k % 12:02d}-{1 + k % 28:02d}", sentences=20,
            words=sum(len(pool[p].split()) for p in picked),
            summary=tuple(f"Summary sentence {j} of article {k}." for j in range(3)),
            summary_ar=tuple(pool[p] for p in picked[:3]),
            figures=tuple(list(chips.values())[:10]), warnings=tuple(warnings),
            figure_rows=tuple(rows), quotes=tuple(quotes),
            low_confidence=tuple(range(k % 4)), repaired=(1,) if k % 5 == 0 else (),
            outputs=(f"day-{k // 40:02d}/article-{k:04d}.html",),
            warnings_page=f"day-{k // 40:02d}/article-{k:04d}.warnings.html"))
    return records


def report_pages(samples: Path, count: int) -> None:
    import shutil
    import statistics
    import tracemalloc

    from tarjama.core.batch.index import write_index

    records = page_records(samples, count)
    with tempfile.TemporaryDirectory(prefix="tarjama-pages-bench-") as work:
        out = Path(work)
        write_index(out, records)  # warm: imports and the file system
        runs, cpu = [], []
        for _ in range(3):
            started, started_cpu = time.perf_counter(), time.process_time()
            paths = write_index(out, iter(records))
            runs.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        tracemalloc.start()
        write_index(out, iter(records))
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        sizes = ", ".join(f"{p.name} {p.stat().st_size / 2**20:.1f} MiB" for p in (
            paths.index_html, paths.figures_html, paths.index_csv, paths.figures_csv))
        rows = sum(len(r.figure_rows) for r in records)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"pages for {count} articles ({rows} figures): written in "
              f"{min(runs):.2f} s, {min(cpu):.2f} s of CPU (best of 3; target <= 2 s; "
              f"load average {load:.1f} on {os.cpu_count()} cores); {sizes}; Python "
              f"memory while writing {peak:.1f} MiB above the records")
        browser = next((shutil.which(n) for n in ("chromium", "chromium-browser")
                        if shutil.which(n)), None)
        if browser is None:
            print("no Chromium: sorting in the browser not measured")
            return
        for page, table, what in ((paths.index_html, "articles", f"the {count} index rows"),
                                  (paths.figures_html, "figures",
                                   "the figures table's rows")):
            timings = sort_timings(browser, page, table)
            sorts = [(name, ms) for name, ms in timings if name != "search"]
            worst = max(sorts, key=lambda t: t[1])
            source = page.read_text(encoding="utf-8")
            rows_seen = source.count('<tr class="') + source.count("<tr data-")
            print(f"sorting {what} ({rows_seen}) in headless Chromium, layout included "
                  f"(best of 3 for each column and direction): median "
                  f"{statistics.median(ms for _, ms in sorts):.0f} ms, worst "
                  f"{worst[1]:.0f} ms ({worst[0]}) over {len(sorts)} sorts (target for the "
                  f"index <= 200 ms); a text search {timings[-1][1]:.0f} ms")


def sort_timings(browser: str, page: Path, table: str) -> list[tuple[str, float]]:
    probe = page.with_name("sort-probe.html")
    probe.write_text(page.read_text(encoding="utf-8").replace(
        "</body>", SORT_PROBE.replace("TABLE", table)), encoding="utf-8")
    dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                          "--window-size=1280,800", "--dump-dom", probe.as_uri()],
                         capture_output=True, text=True, timeout=600, check=True).stdout
    found = dom.split('<pre id="timings">', 1)[1].split("</pre>", 1)[0]
    return json.loads(found.replace("&quot;", '"').replace("&amp;", "&"))
