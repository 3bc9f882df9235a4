"""Which sentences of an article may stand in its summary at all.

A summary sentence has to read as a sentence. Headlines, section heads, bylines, photo
captions, datelines and fragments carry key words (a headline is built of nothing else),
so every ranking algorithm likes them, yet in a summary they read as noise. They are
recognised here on the Arabic source, whatever the summary's language, from the shape
of the sentence and of its paragraph:

- *fragment*: fewer than ``MIN_WORDS`` words of letters (``"نتيجة القصف."``, a table row);
- *heading*: a paragraph of at most ``HEADING_MAX_WORDS`` words not closed by a full
  stop (headlines and section heads have no ``.``; a short question or exclamation
  standing alone is a headline too, and so are both halves of ``"…في دير الزور.. فما
  الذي يحصل؟"``, which the segmenter splits);
- *byline*: a short line opening with a byline word (``بقلم``, ``مراسلنا``, ``إعداد``…)
  or shaped ``name – place`` with no verb-bearing length;
- *caption*: a line opening with ``صورة``/``الصورة``/``أرشيفية``, or standing alone and ending
  in a bracketed credit such as ``(رويترز)`` or ``(أرشيف)`` or naming its photographer
  (``تصوير …``);
- *dateline*: a short line ending in a dash or colon (``دمشق – 12 آذار (رويترز) –``);
- *title*: a sentence that repeats the document's title or headline;
- *foreign*: more Latin letters than Arabic ones (``This post is also available in:``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from tarjama.core.arabic_text import normalize_arabic

# A news sentence that stands on its own names who did what: below seven words it is
# nearly always a fragment ("نتيجة الضربات الموجعة التي تلقتها داعش.") or leans on the
# sentence before it ("وهذا ما لم يحدث."); none of the samples' real sentences is shorter.
MIN_WORDS = 7
HEADING_MAX_WORDS = 20
SHORT_LINE_WORDS = 8  # bylines and datelines are this short; real sentences rarely are

REASONS = ("fragment", "heading", "byline", "caption", "dateline", "title", "foreign")

_LETTER_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile("[\u0621-\u064a\u0671-\u06d3]")
# A sentence that ends like a sentence: a full stop or ellipsis, perhaps inside quotes.
_FULL_STOP = re.compile(r"(?<!\.)[.…][\"'”’»)\]]*$")
_DOUBLE_DOT = re.compile(r"\.\.[\"'”’»)\]]*$")  # "…في دير الزور.." closes headlines
_DASH_OR_COLON_END = re.compile(r"[-–—:،,]\s*$")
_BRACKETED_END = re.compile(r"\(([^()]{1,30})\)[\s.]*$")
_LABEL = re.compile(r"^\W*[^\W\d_]+\s*[:：]")  # "بقلم:", "صورة:"
_DASHED_PAIR = re.compile(r"^[^.!?؟:]{1,60}\s[-–—]\s[^.!?؟:]{1,40}$")

# Normalised (normalize_arabic) first words of bylines and captions, with or without ":".
_BYLINE_WORDS = """بقلم كتب كتبت كتبه كتبته إعداد تحرير ترجمة مراسل مراسلنا مراسلة مراسلتنا
    المراسل المحرر المصدر تقرير حوار متابعة تصوير"""
_CAPTION_WORDS = "صورة الصورة صور الصور أرشيفية فيديو بالصور"
_CREDIT_WORDS = frozenset(normalize_arabic(word) for word in ("تصوير", "عدسة"))
_BYLINE_OPENERS = frozenset(normalize_arabic(word) for word in _BYLINE_WORDS.split())
_CAPTION_OPENERS = frozenset(normalize_arabic(word) for word in _CAPTION_WORDS.split())


def non_candidates(
    texts: Sequence[str], paragraphs: Sequence[int], *, title: str | None = None
) -> dict[int, str]:
    """The indexes of ``texts`` that a summary must not pick, each with its reason.

    Args:
        texts: the Arabic sentences of one document, in order.
        paragraphs: the paragraph index of each sentence (``Sentence.paragraph``).
        title: the document's title when its format names one.
    """
    if len(texts) != len(paragraphs):
        raise ValueError("give one paragraph index per sentence")
    per_paragraph = Counter(paragraphs)
    headline_keys = {_key(title)} if title else set()
    first_paragraph = paragraphs[0] if paragraphs else None
    heading_paragraphs = _heading_paragraphs(texts, paragraphs)
    reasons: dict[int, str] = {}
    for index, (text, paragraph) in enumerate(zip(texts, paragraphs, strict=True)):
        reason = sentence_kind(text, alone=per_paragraph[paragraph] == 1)
        if paragraph in heading_paragraphs and reason in (None, "fragment"):
            reason = "heading"
        key = _key(text)
        if reason is None and key in headline_keys:
            reason = "title"
        if reason == "heading" and paragraph == first_paragraph:
            headline_keys.add(key)  # a later copy of the headline is no summary either
        if reason is not None:
            reasons[index] = reason
    return reasons


def _heading_paragraphs(texts: Sequence[str], paragraphs: Sequence[int]) -> set[int]:
    """Paragraphs short enough for a heading that do not end like a sentence."""
    words: Counter[int] = Counter()
    last: dict[int, str] = {}
    for text, paragraph in zip(texts, paragraphs, strict=True):
        words[paragraph] += len(_LETTER_WORD.findall(text))
        last[paragraph] = text.strip()
    return {
        paragraph
        for paragraph, ending in last.items()
        if words[paragraph] <= HEADING_MAX_WORDS
        and (not _FULL_STOP.search(ending) or _DOUBLE_DOT.search(ending))
    }


def sentence_kind(text: str, *, alone: bool) -> str | None:
    """Why one sentence is not a summary candidate, or None when it is one.

    ``alone`` says whether it is the only sentence of its paragraph.
    """
    stripped = text.strip()
    words = _LETTER_WORD.findall(stripped)
    if not words:
        return "fragment"
    if len(_LATIN.findall(stripped)) > len(_ARABIC.findall(stripped)):
        return "foreign"
    first = normalize_arabic(words[0])
    # "صورة: …" or a lone "صورة أرشيفية لـ…"; a sentence about pictures goes on to a verb.
    labelled = _LABEL.match(stripped) is not None or not _FULL_STOP.search(stripped)
    if first in _CAPTION_OPENERS and labelled and (alone or len(words) <= SHORT_LINE_WORDS):
        return "caption"
    if first in _BYLINE_OPENERS and labelled and len(words) <= SHORT_LINE_WORDS:
        return "byline"
    credited = len(words) <= HEADING_MAX_WORDS and not _CREDIT_WORDS.isdisjoint(
        normalize_arabic(word) for word in words
    )  # "محطة الكم … تصوير بدر الدين سلامة"
    if alone and not _FULL_STOP.search(stripped) and (
        credited or _BRACKETED_END.search(stripped)  # "… في ريف حلب (رويترز)", "(أرشيف)"
    ):
        return "caption"
    if len(words) <= SHORT_LINE_WORDS and _DASH_OR_COLON_END.search(stripped):
        return "dateline"
    if alone and len(words) <= SHORT_LINE_WORDS - 2 and _DASHED_PAIR.match(stripped):
        return "byline"  # "مراسلنا – حلب", "أحمد يوسف – دير الزور"
    if len(words) < MIN_WORDS:
        return "fragment"
    if alone and len(words) <= HEADING_MAX_WORDS and (
        not _FULL_STOP.search(stripped) or _DOUBLE_DOT.search(stripped)
    ):
        return "heading"
    return None


def _key(text: str) -> str:
    """Compare two texts by their words only: punctuation and spelling variants aside."""
    return " ".join(_LETTER_WORD.findall(normalize_arabic(text, ascii_digits=True)))
