"""Reading, translating, summarising and exporting never create a socket.

The commands run in a fresh interpreter under an audit hook (``sys.addaudithook``) that
records every ``socket.*`` event (``socket.__new__``, ``socket.connect``,
``socket.getaddrinfo``...) with the stack that raised it, so an import that opens a
socket at start-up (as sumy's ``requests`` once did) is caught as well as a call.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "selftest.ar.txt"
PDF = ROOT / "tests" / "data" / "pdf_corpus" / "qt-1col.pdf"
PARAGRAPHS = (
    "قالت مصادر محلية إن 12 شخصا قتلوا في هجوم على قرية شرق دير الزور يوم 10 أيلول 2023.",
    "وأضافت المصادر أن الهجوم أسفر أيضا عن إصابة 5 آخرين بينهم طفل في التاسعة من عمره.",
)

# Runs each job (a tarjama argument list) through tarjama.cli.main.main in this one
# process, and writes {"job": [events]} as JSON to the file named by argv[1].
WRAPPER = '''
import json, sys, traceback

events, current = {}, ["start-up"]

def hook(event, args):
    if event.startswith("socket."):
        stack = "".join(traceback.format_stack(limit=10)[:-1])
        events.setdefault(current[0], []).append([event, repr(args)[:200], stack])

sys.addaudithook(hook)
out, jobs = sys.argv[1], json.loads(sys.argv[2])
codes = {}
from tarjama.cli.main import main
for job in jobs:
    current[0] = " ".join(job)
    if job == ["control"]:  # proves the hook sees a socket
        import socket
        socket.socket().close()
        codes[current[0]] = 0
        continue
    codes[current[0]] = main(job)
with open(out, "w", encoding="utf-8") as stream:
    json.dump({"events": events, "codes": codes}, stream)
'''


def run_audited(tmp_path: Path, jobs: list[list[str]]) -> dict:
    out = tmp_path / "events.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "desktop"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", WRAPPER, str(out), json.dumps(jobs)],
                          capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path,
                          check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture
def articles(tmp_path) -> dict[str, Path]:
    docx = pytest.importorskip("docx", reason="python-docx writes the .docx sample")
    html = tmp_path / "page.html"
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html.write_text(f'<html><head><meta charset="utf-8"><title>خبر</title></head><body>'
                    f"<article><h1>عنوان الخبر</h1>{body}</article></body></html>",
                    encoding="utf-8")
    word = tmp_path / "article.docx"
    document = docx.Document()
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    document.save(word)
    return {"txt": SAMPLE, "html": html, "docx": word, "pdf": PDF}


def test_translating_every_input_format_creates_no_socket(tmp_path, tiny_pack, articles):
    pack = str(tiny_pack)
    jobs = [["control"]]
    for name, path in articles.items():
        jobs.append(["translate", str(path), "--pack", pack, "-o", str(tmp_path / f"{name}.docx")])
    jobs += [
        ["translate", str(SAMPLE), "--pack", pack, "--to", "html", "-o", str(tmp_path / "a.html")],
        ["summarize", str(articles["html"]), "--pack", pack, "--json"],
        ["figures", str(articles["pdf"]), "--pack", pack, "--json"],
    ]
    report = run_audited(tmp_path, jobs)
    assert report["codes"] == {" ".join(job): 0 for job in jobs}
    events = report["events"]
    assert events.pop("control")[0][0] == "socket.__new__"  # the hook works
    assert not events, "\n\n".join(f"{job}: {event} {args}\n{stack}"
                                   for job, found in events.items()
                                   for event, args, stack in found[:3])
