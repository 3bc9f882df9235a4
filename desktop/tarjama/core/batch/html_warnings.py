"""An article's warnings page (``NAME.warnings.html``): each sentence to check, once.

A sentence is to check when the translation lost or changed one of its figures or
glossary terms, or the model was unsure of it; a sentence whose first translation was
replaced by one keeping its figures is listed too, with the translation it replaced.
Each sentence shows both languages and everything said about it, under the anchor
``#s<id>`` the index links to (the same anchor as the sentence's row in the article's
HTML export, which it links to when there is one).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tarjama.core.batch.html_page import arabic, english, esc, link, page_end, page_start
from tarjama.core.batch.records import TERM_KIND
from tarjama.core.confidence import DEFAULT_LOW_CONFIDENCE, is_low_confidence
from tarjama.core.figures.labels import status_label

if TYPE_CHECKING:
    from tarjama.core.pipeline import SentenceResult

STYLE = """
section.sentence { border-top: 1px solid #ddd; padding: .5rem 0 .7rem; break-inside: avoid; }
section.sentence h2 { font-size: 1rem; margin: .2rem 0 .4rem; }
section.sentence:target { background: #fff8d6; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: .3rem 1.5rem; }
@media (max-width: 50rem) { .pair { grid-template-columns: 1fr; } }
ul.issues { margin: .4rem 0 0; padding-left: 1.2em; }
ul.issues li.hot { color: #a40000; }
blockquote.replaced { margin: .2rem 0 0 1rem; color: #555; }
"""


def issues(result: SentenceResult) -> list[tuple[str, str, bool]]:
    """(label, what to know, whether it is a warning) for everything said about a sentence."""
    found = []
    if result.fidelity is not None:
        for check in result.fidelity.checks:
            if check.status != "ok":
                what = "Term" if check.source.kind == TERM_KIND else "Figure"
                found.append((f"{what} {status_label(check.status)}", check.detail, True))
    if is_low_confidence(result.score):
        found.append(("Low confidence", f"the model scored this translation "
                      f"{result.score:.2f} per token (below {DEFAULT_LOW_CONFIDENCE:.1f})",
                      True))
    if result.repair is not None:
        found.append(("Repaired", f"the first translation had a figure "
                      f"{status_label(result.repair.original_status)}; one of "
                      f"{result.repair.hypotheses} translations weighed keeps it", False))
    return found


def low_confidence_ids(results: Sequence[SentenceResult]) -> tuple[int, ...]:
    return tuple(r.sentence.id for r in results if is_low_confidence(r.score))


def repaired_ids(results: Sequence[SentenceResult]) -> tuple[int, ...]:
    return tuple(r.sentence.id for r in results if r.repair is not None)


def render_warnings_page(title: str, results: Sequence[SentenceResult], *,
                         article_page: str | None, index_page: str) -> str | None:
    """The page, or None when no sentence has anything to check.

    ``article_page`` and ``index_page`` are links relative to the page itself.
    """
    listed = [(r, found) for r in results if (found := issues(r))]
    if not listed:
        return None
    warned = sum(any(hot for _, _, hot in found) for _, found in listed)
    heading = f"To check: {arabic(title, 'span', 'ar-title')}"
    parts = [page_start(f"To check: {title}", STYLE, heading),
             f'<p class="totals">{warned} sentences to check, {len(listed) - warned} '
             f'repaired only. <a href="{link(index_page)}">Back to the index</a>']
    if article_page:
        parts.append(f' · <a href="{link(article_page)}">the whole article</a>')
    parts.append("</p>\n")
    for result, found in listed:
        sid = result.sentence.id
        heading = f"Sentence {sid + 1}"
        if article_page:
            heading += (f' <a class="small" href="{link(f"{article_page}#s{sid}")}">'
                        "in the article</a>")
        items = "".join(f'<li class="{"hot" if hot else ""}"><strong>{esc(label)}</strong>: '
                        f"{esc(detail)}</li>" for label, detail, hot in found)
        replaced = ""
        if result.repair is not None:
            replaced = ('<blockquote class="replaced en" dir="ltr" lang="en">It read: '
                        f"{esc(result.repair.original)}</blockquote>")
        parts.append(
            f'<section class="sentence" id="s{sid}"><h2>{heading}</h2><div class="pair">'
            f"{english(result.translation or '')}{arabic(result.sentence.text)}</div>"
            f'<ul class="issues">{items}</ul>{replaced}</section>\n')
    parts.append(page_end())
    return "".join(parts)
