"""Render an analysed article as plain text, Markdown, two-column HTML, JSON or DOCX.

Each renderer returns the file's content (bytes for DOCX); ``write_export`` writes
it atomically. Fidelity warnings (lost figures, and glossary terms the English left
out) are always carried into the output so that a reader of the exported file is
warned as the reader of the app is, in the same words: kinds and statuses by their
labels, never their ids. The HTML (``export_html``) tints figures by kind as the
reader does; the DOCX is in ``export_docx``; the JSON keeps the ids and adds the labels.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tarjama.core.atomic import write_atomic
from tarjama.core.export_content import (
    english,
    notes,
    pack_credit,
    paragraphs,
    summary_sentences,
    title,
    warnings,
)
from tarjama.core.export_docx import to_docx
from tarjama.core.export_html import to_html
from tarjama.core.figures.labels import figure_label, kind_label, status_label
from tarjama.core.figures.model import Figure, FigureCheck
from tarjama.core.pipeline import ArticleResult, SentenceResult

__all__ = ["FORMATS", "RENDERERS", "SUFFIXES", "article_dict", "check_dict", "figure_dict",
           "render", "sentence_dict", "summary_sentences", "to_docx", "to_html", "to_json",
           "to_markdown", "to_text", "write_export"]

FORMATS = ("txt", "md", "html", "json", "docx")
SUFFIXES = {"txt": ".en.txt", "md": ".md", "html": ".html", "json": ".json", "docx": ".docx"}


def to_text(result: ArticleResult) -> str:
    """The English translation alone, one paragraph per original paragraph."""
    if not result.translated:
        return "\n\n".join(" ".join(s.sentence.text for s in p) for p in paragraphs(result)) + "\n"
    return "\n\n".join(" ".join(english(s) for s in p) for p in paragraphs(result)) + "\n"


def to_markdown(result: ArticleResult) -> str:
    lines = [f"# {title(result)}", ""]
    if result.pack:
        lines += [f"*{pack_credit(result)}*", ""]
    lines += ["## Summary", ""]
    lines += [f"- {english(s) or s.sentence.text}" for s in summary_sentences(result)]
    lines += ["", "## Text", ""]
    for paragraph in paragraphs(result):
        for s in paragraph:
            lines.append(f"> {s.sentence.text}")
            lines.append(">")
            lines.append(f"> {english(s)}" if result.translated else ">")
            lines += [f"> **{label}:** {detail}" for label, detail in warnings(s)]
            lines += [f"> *{label}:* {detail}" for label, detail in notes(s)]
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
