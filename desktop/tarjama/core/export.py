"""Render an analysed article as plain text, Markdown, two-column HTML, JSON or DOCX.

Each renderer returns the file's content (bytes for DOCX); ``write_export`` writes
it atomically. Fidelity warnings are always carried into the output so that a
reader of the exported file is warned as the reader of the app is.
"""

from __future__ import annotations

import html
import io
import json
from collections.abc import Callable
from itertools import groupby
from pathlib import Path

from tarjama.core.atomic import write_atomic
from tarjama.core.pipeline import ArticleResult, SentenceResult

FORMATS = ("txt", "md", "html", "json", "docx")
SUFFIXES = {"txt": ".en.txt", "md": ".md", "html": ".html", "json": ".json", "docx": ".docx"}


def _paragraphs(result: ArticleResult) -> list[list[SentenceResult]]:
    return [list(group) for _, group in groupby(result.sentences, lambda s: s.sentence.paragraph)]


def _english(sentence: SentenceResult) -> str:
    return sentence.translation if sentence.translation is not None else ""


def _warning_lines(sentence: SentenceResult) -> list[str]:
    if sentence.fidelity is None:
        return []
    return [c.detail for c in sentence.fidelity.checks if c.status != "ok"]


def summary_sentences(result: ArticleResult) -> list[SentenceResult]:
    by_id = {s.sentence.id: s for s in result.sentences}
    return [by_id[i] for i in result.summary.sentence_ids if i in by_id]


def _title(result: ArticleResult) -> str:
    return result.document.title or result.document.path.name


def to_text(result: ArticleResult) -> str:
    """The English translation alone, one paragraph per original paragraph."""
    if not result.translated:
        return "\n\n".join(" ".join(s.sentence.text for s in p) for p in _paragraphs(result)) + "\n"
    return "\n\n".join(" ".join(_english(s) for s in p) for p in _paragraphs(result)) + "\n"


def to_markdown(result: ArticleResult) -> str:
    lines = [f"# {_title(result)}", ""]
    if result.pack:
        lines += [f"*Machine translation by {result.pack.name} ({result.pack.licence}).*", ""]
    lines += ["## Summary", ""]
    lines += [f"- {_english(s) or s.sentence.text}" for s in summary_sentences(result)]
    lines += ["", "## Text", ""]
    for paragraph in _paragraphs(result):
        for s in paragraph:
            lines.append(f"> {s.sentence.text}")
            lines.append(">")
            lines.append(f"> {_english(s)}" if result.translated else ">")
            lines += [f"> **Figure warning:** {w}" for w in _warning_lines(s)]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def to_json(result: ArticleResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


_HTML_STYLE = """
body { font-family: sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; width: 100%; }
td { vertical-align: top; padding: .4em .8em; border-bottom: 1px solid #ddd; width: 50%; }
td.ar { direction: rtl; text-align: right; font-size: 1.1em; }
.warning { color: #a40000; font-size: .9em; }
.summary li { margin-bottom: .4em; }
"""


def to_html(result: ArticleResult) -> str:
    esc = html.escape
    title = esc(_title(result))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{title}</title><style>{_HTML_STYLE}</style></head><body>",
        f"<h1>{title}</h1>",
    ]
    if result.pack:
        parts.append(f"<p><em>Machine translation by {esc(result.pack.name)} "
                     f"({esc(result.pack.licence)}).</em></p>")
    parts.append('<h2>Summary</h2><ol class="summary">')
    for s in summary_sentences(result):
        parts.append(f'<li>{esc(_english(s))}<br><span dir="rtl" lang="ar">'
                     f"{esc(s.sentence.text)}</span></li>")
    parts.append("</ol><h2>Text</h2><table>")
    for s in result.sentences:
        warnings = "".join(f'<div class="warning">⚠ {esc(w)}</div>' for w in _warning_lines(s))
        parts.append(f'<tr id="s{s.sentence.id}"><td class="ar" dir="rtl" lang="ar">'
                     f"{esc(s.sentence.text)}</td><td>{esc(_english(s))}{warnings}</td></tr>")
    parts.append("</table></body></html>")
    return "\n".join(parts) + "\n"


def to_docx(result: ArticleResult) -> bytes:
    import docx  # python-docx; imported here because only exports need it
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    def right_to_left(paragraph) -> None:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.element.get_or_add_pPr().append(
            paragraph.paragraph_format.element.makeelement(qn("w:bidi"), {}))

    document = docx.Document()
    document.add_heading(_title(result), level=1)
    document.add_heading("Summary", level=2)
    for s in summary_sentences(result):
        document.add_paragraph(_english(s) or s.sentence.text, style="List Number")
    document.add_heading("Text", level=2)
    table = document.add_table(rows=0, cols=2)
    for s in result.sentences:
        arabic_cell, english_cell = table.add_row().cells
        arabic_cell.text = s.sentence.text
        right_to_left(arabic_cell.paragraphs[0])
        english_cell.text = _english(s)
        for warning in _warning_lines(s):
            english_cell.add_paragraph(f"Figure warning: {warning}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


RENDERERS: dict[str, Callable[[ArticleResult], str | bytes]] = {
    "txt": to_text,
    "md": to_markdown,
    "html": to_html,
    "json": to_json,
    "docx": to_docx,
}


def render(result: ArticleResult, fmt: str) -> str | bytes:
    if fmt not in RENDERERS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    return RENDERERS[fmt](result)


def write_export(result: ArticleResult, fmt: str, path: str | Path) -> Path:
    """Render and write atomically; the file appears complete or not at all."""
    return write_atomic(path, render(result, fmt))
