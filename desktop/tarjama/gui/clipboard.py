"""Copy the summary or the translation as plain text and HTML, ready to paste into a report."""

from __future__ import annotations

import html
from collections.abc import Sequence
from itertools import groupby

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from tarjama.core.export import summary_sentences
from tarjama.core.pipeline import ArticleResult, SentenceResult

_ARABIC_STYLE = 'dir="rtl" lang="ar" style="text-align:right"'
_WARNING_STYLE = 'style="color:#a40000"'
WARNING_MARK = "⚠ Check the figures:"
TERM_MARK = "⚠ Check the terms:"  # a glossary term the English does not have


def _warnings(sentence: SentenceResult) -> list[str]:
    """A line per figure or glossary term the translation lost or changed, so a pasted
    report keeps them."""
    if sentence.fidelity is None:
        return []
    return [f"{TERM_MARK if check.source.kind == 'term' else WARNING_MARK} {check.detail}"
            for check in sentence.fidelity.checks if check.status != "ok"]


def _warning_html(lines: list[str]) -> str:
    return "".join(f"<br><span {_WARNING_STYLE}>{html.escape(line)}</span>" for line in lines)


def _english(sentence: SentenceResult) -> str:
    return sentence.translation if sentence.translation is not None else sentence.sentence.text


def _source_line(result: ArticleResult) -> str:
    return f"Source: {result.document.path.name}"


def _credit(result: ArticleResult) -> str:
    if result.pack is None:
        return ""
    return f"Machine translation by {result.pack.name} ({result.pack.licence})."


def summary_clip(result: ArticleResult, *, with_arabic: bool,
                 with_source: bool) -> tuple[str, str]:
    """The summary as (plain text, HTML): a numbered list, Arabic originals on request."""
    chosen = summary_sentences(result)
    lines = [f"{_source_line(result)}", ""] if with_source else []
    parts = [f"<p><b>{html.escape(_source_line(result))}</b></p>"] if with_source else []
    parts.append("<ol>")
    for number, sentence in enumerate(chosen, start=1):
        lines.append(f"{number}. {_english(sentence)}")
        item = html.escape(_english(sentence))
        warnings = _warnings(sentence)
        lines += [f"   {line}" for line in warnings]
        item += _warning_html(warnings)
        if with_arabic and sentence.translation is not None:
            lines.append(f"   {sentence.sentence.text}")
            item += f"<br><span {_ARABIC_STYLE}>{html.escape(sentence.sentence.text)}</span>"
        parts.append(f"<li>{item}</li>")
    parts.append("</ol>")
    return _finish(result, lines, parts)


def translation_clip(result: ArticleResult, *, with_arabic: bool,
                     with_source: bool) -> tuple[str, str]:
    """The whole translation as (plain text, HTML), paragraph by paragraph."""
    lines = [f"{_source_line(result)}", ""] if with_source else []
    parts = [f"<p><b>{html.escape(_source_line(result))}</b></p>"] if with_source else []
    for paragraph in _paragraphs(result.sentences):
        english = " ".join(_english(s) for s in paragraph)
        warnings = [line for s in paragraph for line in _warnings(s)]
        lines += [english, *warnings, ""]
        parts.append(f"<p>{html.escape(english)}{_warning_html(warnings)}</p>")
        if with_arabic and result.translated:
            arabic = " ".join(s.sentence.text for s in paragraph)
            lines += [arabic, ""]
            parts.append(f"<p {_ARABIC_STYLE}>{html.escape(arabic)}</p>")
    return _finish(result, lines, parts)


def _paragraphs(sentences: Sequence[SentenceResult]) -> list[list[SentenceResult]]:
    return [list(group) for _, group in groupby(sentences, lambda s: s.sentence.paragraph)]


def _finish(result: ArticleResult, lines: list[str], parts: list[str]) -> tuple[str, str]:
    credit = _credit(result)
    if credit:
        lines += ["", credit]
        parts.append(f"<p><i>{html.escape(credit)}</i></p>")
    text = "\n".join(lines).strip() + "\n"
    return text, "<html><body>" + "".join(parts) + "</body></html>"


def put_on_clipboard(text: str, rich: str) -> None:
    """Offer both flavours; the application pasted into picks the one it prefers."""
    mime = QMimeData()
    mime.setText(text)
    mime.setHtml(rich)
    QGuiApplication.clipboard().setMimeData(mime)


def keep_plain_text_only() -> None:
    """Replace our rich clipboard content by its plain text.

    Called when the application quits: PySide6 (seen with 6.12) crashes at exit when
    the clipboard still holds a QMimeData created from Python, so the HTML flavour
    is given up just before the application object goes away.
    """
    board = QGuiApplication.clipboard()
    mime = board.mimeData()
    if mime is not None and mime.hasHtml():
        board.setText(mime.text())
