"""The two-column HTML export: English on the left, Arabic on the right, as in the reader.

The page is left to right; the table's first column is the English one, so the Arabic
column is the right one on screen. Arabic cells carry ``dir="rtl"`` (their paragraphs
start and wrap at the right) and ``lang="ar"`` (fonts, hyphenation, screen readers).
Figures are highlighted by kind in both languages with the reader's hues: an English
figure takes the colour of the Arabic figure it renders, and a figure the check found
lost or changed is drawn in the warning colour, as in the reader. Glossary terms (kind
"term", found by the fidelity check rather than the figure extractors) are marked the
same way, in their own hue.
"""

from __future__ import annotations

import html

from tarjama.core.export_content import (
    english,
    pack_credit,
    summary_sentences,
    title,
    warnings,
)
from tarjama.core.export_content import notes as sentence_notes
from tarjama.core.figures import hues
from tarjama.core.figures.labels import figure_description, kind_label
from tarjama.core.figures.model import Figure, glossary_checks
from tarjama.core.pipeline import ArticleResult, SentenceResult

ENGLISH_HEADER = "English"
ARABIC_HEADER = "العربية"

# Figure marks carry no padding or margin: in some browsers those break the joining of
# an Arabic letter written against a figure ("بنصف"). ``text-align: right`` is absolute
# in CSS, unlike Qt's AlignRight, so it needs no care in a right-to-left cell.
_STYLE = """
body { font-family: sans-serif; margin: 2em; color: #222; }
table.text { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.text th, table.text td { vertical-align: top; padding: .4em .8em; width: 50%;
  border-bottom: 1px solid #ddd; }
table.text th { border-bottom: 2px solid #999; }
.en { text-align: left; }
.ar { text-align: right; }
td.ar { font-size: 1.1em; }
.warning { color: #a40000; font-size: .9em; }
.note { color: #555; font-size: .9em; }
.summary li { margin-bottom: .4em; }
mark.figure { color: inherit; border-radius: 3px; }
mark.figure.lost { color: #a40000; font-weight: bold; }
.legend .figure { padding: 0 .3em; }
"""

# (figure, kind whose colour it takes, whether the check found it lost or changed)
Highlight = tuple[Figure, str, bool]


def _mark(figure: Figure, kind: str, lost: bool) -> str:
    classes = f"figure {hues.css_class(kind)}" + (" lost" if lost else "")
    return (f'<mark class="{classes}" title="{html.escape(figure_description(figure))}">'
            f"{html.escape(figure.text)}</mark>")


def highlighted(text: str, figures: list[Highlight]) -> str:
    """``text`` escaped, each figure in a mark; of overlapping figures the first wins."""
    parts, at = [], 0
    for figure, kind, lost in sorted(figures, key=lambda h: (h[0].start, -h[0].end)):
        if figure.start < at or text[figure.start:figure.end] != figure.text:
            continue  # overlapping, or spans that no longer match the text
        parts.append(html.escape(text[at:figure.start]))
        parts.append(_mark(figure, kind, lost))
        at = figure.end
    parts.append(html.escape(text[at:]))
    return "".join(parts)


def sentence_highlights(sentence: SentenceResult) -> tuple[list[Highlight], list[Highlight]]:
    """The Arabic and the English figures of a sentence with their colour and warning."""
    checks = sentence.fidelity.checks if sentence.fidelity else ()
    check_of_source = {c.source: c for c in checks}
    check_of_target = {c.target: c for c in checks if c.target is not None}
    terms = glossary_checks(sentence.fidelity)  # glossary terms, marked like figures
    arabic = [(f, f.kind, f in check_of_source and check_of_source[f].status != "ok")
              for f in [*sentence.source_figures, *(c.source for c in terms)]]
    english_figures = []
    for figure in [*sentence.target_figures, *(c.target for c in terms if c.target)]:
        check = check_of_target.get(figure)
        english_figures.append((figure, check.source.kind if check else figure.kind,
                                check is not None and check.status != "ok"))
    return arabic, english_figures


def _legend(result: ArticleResult) -> str:
    """One chip per colour on the page: the Arabic kinds, then kinds only English has."""
    kinds: dict[str, None] = {}
    for sentence in result.sentences:
        kinds.update(dict.fromkeys(f.kind for f, _, _ in sentence_highlights(sentence)[0]))
    for sentence in result.sentences:
        kinds.update(dict.fromkeys(kind for _, kind, _ in sentence_highlights(sentence)[1]))
    if not kinds:
        return ""
    chips = " ".join(f'<mark class="figure {hues.css_class(kind)}">'
                     f"{html.escape(kind_label(kind))}</mark>" for kind in kinds)
    return f'<p class="legend">Key figures: {chips}</p>'


def _row(sentence: SentenceResult) -> str:
    arabic_figures, english_figures = sentence_highlights(sentence)
    arabic = highlighted(sentence.sentence.text, arabic_figures)
    translation = highlighted(english(sentence), english_figures)
    notes = "".join(f'<div class="warning">⚠ {html.escape(label)}: {html.escape(detail)}</div>'
                    for label, detail in warnings(sentence))
    notes += "".join(f'<div class="note">{html.escape(label)}: {html.escape(detail)}</div>'
                     for label, detail in sentence_notes(sentence))
    return (f'<tr id="s{sentence.sentence.id}">'
            f'<td class="en" dir="ltr" lang="en">{translation}{notes}</td>'
            f'<td class="ar" dir="rtl" lang="ar">{arabic}</td></tr>')


def to_html(result: ArticleResult) -> str:
    page_title = html.escape(title(result))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en" dir="ltr"><head><meta charset="utf-8">',
        f"<title>{page_title}</title><style>{_STYLE}{hues.css_rules()}</style></head><body>",
        f"<h1>{page_title}</h1>",
    ]
    if pack_credit(result):
        parts.append(f"<p><em>{html.escape(pack_credit(result))}</em></p>")
    parts.append('<h2>Summary</h2><ol class="summary">')
    for s in summary_sentences(result):
        parts.append(f'<li>{html.escape(english(s))}<br><span dir="rtl" lang="ar">'
                     f"{html.escape(s.sentence.text)}</span></li>")
    parts.append("</ol><h2>Text</h2>")
    parts.append(_legend(result))
    parts.append('<table class="text"><thead><tr>'
                 f'<th class="en" dir="ltr" lang="en" scope="col">{ENGLISH_HEADER}</th>'
                 f'<th class="ar" dir="rtl" lang="ar" scope="col">{ARABIC_HEADER}</th>'
                 "</tr></thead><tbody>")
    parts += [_row(s) for s in result.sentences]
    parts.append("</tbody></table></body></html>")
    return "\n".join(parts) + "\n"
