"""Sentences of a long article with figures, for the Key Figures table's tests and
benchmark: the Arabic with its figures really extracted, and an English translation
that changes some numbers, drops some figures and adds a date, so every status shows.

Only ``tarjama.core`` is imported: ``benchmarks/figures_table.py`` loads this file by
path to measure an older checkout too.
"""

from __future__ import annotations

import dataclasses

from tarjama.core.figures import extract_arabic
from tarjama.core.pipeline import SentenceResult, attach_translation
from tarjama.core.segment import Sentence

# Written for the project: (Arabic, English) with numbers, percentages, years, durations.
TEMPLATES = (
    ("قال مسؤول في البلدية إن {n} شخصا أصيبوا في الحادث.",
     "An official said {m} people were injured in the accident."),
    ("وارتفعت الأسعار بنسبة {p}% خلال عام {y}.", "Prices rose by {p}% during {y}."),
    ("وقتل {n} شخصا في القصف الذي استمر {d} أيام.",
     "The shelling, which lasted {d} days, killed {m} people."),
    ("ودعا السكان إلى الصبر حتى انتهاء الأعمال.",
     "Residents were urged to be patient until the work ends."),
)


def _values(i: int) -> dict[str, int]:
    return {"n": 3 + i % 97, "p": 5 + i % 60, "y": 1990 + i % 30, "d": 2 + i % 9}


def arabic_sentences(count: int) -> list[SentenceResult]:
    """``count`` sentences, three to a paragraph, not yet translated."""
    results = []
    for i in range(count):
        text = TEMPLATES[i % len(TEMPLATES)][0].format(**_values(i))
        results.append(SentenceResult(Sentence(i, i // 3, 0, len(text), text),
                                      extract_arabic(text)))
    return results


def translate(sentence: SentenceResult) -> SentenceResult:
    """A translated copy: every 7th number changed, every 11th figure-free, every 13th
    with a date the Arabic does not have."""
    i = sentence.sentence.id
    values = _values(i)
    values["m"] = values["n"] + 1 if i % 7 == 0 else values["n"]
    english = TEMPLATES[i % len(TEMPLATES)][1].format(**values)
    if i % 11 == 1:
        english = "Prices rose during the year."  # both figures dropped
    if i % 13 == 3:
        english += " The work began on 3 May."  # a date the Arabic does not have
    return attach_translation(dataclasses.replace(sentence), english)
