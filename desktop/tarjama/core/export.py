"""Render an analysed article as plain text, Markdown, two-column HTML, JSON or DOCX.

Each renderer returns the file's content (bytes for DOCX); ``write_export`` writes
it atomically. Fidelity warnings are always carried into the output so that a
reader of the exported file is warned as the reader of the app is, in the same
words: kinds and statuses by their labels, never their ids. The HTML tints figures
by kind as the reader does; the JSON keeps the ids and adds the labels.
"""

from __future__ import annotations

import html
import io
import json
from collections.abc import Callable
from itertools import groupby
from pathlib import Path
from typing import Any

from tarjama.core.atomic import write_atomic
from tarjama.core.figures import hues
from tarjama.core.figures.labels import (
    figure_description,
    figure_label,
    kind_label,
    status_label,
)
from tarjama.core.figures.model import Figure, FigureCheck
from tarjama.core.pipeline import ArticleResult, SentenceResult

FORMATS = ("txt", "md", "html", "json", "docx")
SUFFIXES = {"txt": ".en.txt", "md": ".md", "html": ".html", "json": ".json", "docx": ".docx"}


def _paragraphs(result: ArticleResult) -> list[list[SentenceResult]]:
    return [list(group) for _, group in groupby(result.sentences, lambda s: s.sentence.paragraph)]


def _english(sentence: SentenceResult) -> str:
    return sentence.translation if sentence.translation is not None else ""


def _warnings(sentence: SentenceResult) -> list[tuple[str, str]]:
    """("Figure changed", "the Arabic says 12; the English has 21") for each lost figure."""
    if sentence.fidelity is None:
        return []
    return [(f"Figure {status_label(c.status)}", c.detail) for c in sentence.fidelity.checks
            if c.status != "ok"]


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
            lines += [f"> **{label}:** {detail}" for label, detail in _warnings(s)]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def figure_dict(figure: Figure) -> dict[str, Any]:
    """A figure for JSON: the ids of ``Figure.to_dict`` and the words people read."""
    return {**figure.to_dict(), "kind_label": kind_label(figure.kind),
            "label": figure_label(figure)}


def check_dict(check: FigureCheck) -> dict[str, Any]:
    return {**check.to_dict(), "status_label": status_label(check.status),
            "source": figure_dict(check.source),
            "target": figure_dict(check.target) if check.target else None}


def sentence_dict(sentence: SentenceResult) -> dict[str, Any]:
    """``SentenceResult.to_dict`` with labels on its figures and checks."""
    data = sentence.to_dict()
    data["figures"] = [figure_dict(f) for f in sentence.source_figures + sentence.target_figures]
    if sentence.fidelity is not None:
        data["fidelity"] = {**data["fidelity"],
                            "status_label": status_label(sentence.fidelity.status),
                            "checks": [check_dict(c) for c in sentence.fidelity.checks]}
    return data


def article_dict(result: ArticleResult) -> dict[str, Any]:
    return {**result.to_dict(), "sentences": [sentence_dict(s) for s in result.sentences]}


def to_json(result: ArticleResult) -> str:
    return json.dumps(article_dict(result), ensure_ascii=False, indent=2) + "\n"


# Figure spans in the text carry no padding or margin: in some browsers those break the
# joining of an Arabic letter written against a figure ("بنصف").
_HTML_STYLE = """
body { font-family: sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; width: 100%; }
td { vertical-align: top; padding: .4em .8em; border-bottom: 1px solid #ddd; width: 50%; }
td.ar { direction: rtl; text-align: right; font-size: 1.1em; }
.warning { color: #a40000; font-size: .9em; }
.summary li { margin-bottom: .4em; }
.figure { border-radius: 3px; }
.legend .figure { padding: 0 .3em; }
"""


def _figure_span(figure: Figure, kind: str, body: str) -> str:
    tip = figure_description(figure)
    return (f'<span class="figure {hues.css_class(kind)}" '
            f'title="{html.escape(tip)}">{body}</span>')


def _highlighted(text: str, figures: list[tuple[Figure, str]]) -> str:
    """``text`` escaped, each (figure, colour kind) in a span; overlaps keep the first."""
    parts, at = [], 0
    for figure, kind in sorted(figures, key=lambda fk: (fk[0].start, -fk[0].end)):
        if figure.start < at or text[figure.start:figure.end] != figure.text:
            continue
        parts.append(html.escape(text[at:figure.start]))
        parts.append(_figure_span(figure, kind, html.escape(figure.text)))
        at = figure.end
    parts.append(html.escape(text[at:]))
    return "".join(parts)


def _marked_texts(sentence: SentenceResult) -> tuple[str, str]:
    """The Arabic and the English of a sentence as HTML, figures highlighted by kind;
    an English figure takes the colour of the Arabic one it renders."""
    checks = sentence.fidelity.checks if sentence.fidelity else ()
    source_kind = {c.target: c.source.kind for c in checks if c.target is not None}
    arabic = _highlighted(sentence.sentence.text,
                          [(f, f.kind) for f in sentence.source_figures])
    english = _highlighted(_english(sentence), [(f, source_kind.get(f, f.kind))
                                                for f in sentence.target_figures])
    return arabic, english


def _legend(result: ArticleResult) -> str:
    kinds = dict.fromkeys(f.kind for s in result.sentences for f in s.source_figures)
    if not kinds:
        return ""
    chips = " ".join(f'<span class="figure {hues.css_class(kind)}">'
                    f"{html.escape(kind_label(kind))}</span>" for kind in kinds)
    return f'<p class="legend">Key figures: {chips}</p>'


def to_html(result: ArticleResult) -> str:
    esc = html.escape
    title = esc(_title(result))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{title}</title><style>{_HTML_STYLE}{hues.css_rules()}</style></head><body>",
        f"<h1>{title}</h1>",
    ]
    if result.pack:
        parts.append(f"<p><em>Machine translation by {esc(result.pack.name)} "
                     f"({esc(result.pack.licence)}).</em></p>")
    parts.append('<h2>Summary</h2><ol class="summary">')
    for s in summary_sentences(result):
        parts.append(f'<li>{esc(_english(s))}<br><span dir="rtl" lang="ar">'
                     f"{esc(s.sentence.text)}</span></li>")
    parts.append("</ol><h2>Text</h2>")
    parts.append(_legend(result) + "<table>")
    for s in result.sentences:
        warnings = "".join(f'<div class="warning">⚠ {esc(label)}: {esc(detail)}</div>'
                           for label, detail in _warnings(s))
        arabic, english = _marked_texts(s)
        parts.append(f'<tr id="s{s.sentence.id}"><td class="ar" dir="rtl" lang="ar">'
                     f"{arabic}</td><td>{english}{warnings}</td></tr>")
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
        for label, detail in _warnings(s):
            english_cell.add_paragraph(f"{label}: {detail}")
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
