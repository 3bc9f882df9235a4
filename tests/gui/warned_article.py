"""An article whose figure warnings are known, for the tests of the warning aids.

Written for these tests. Each sentence gets a known English, so which figures are warned
does not depend on what the tiny random pack happens to write.
"""

from __future__ import annotations

from tarjama.core.pipeline import attach_translation

SENTENCES = [
    ("قال مسؤول في البلدية إن الوضع هادئ.", "An official said all was calm."),  # no figure
    ("وأضاف أن 12 شخصا أصيبوا في الحادث.", "He added that people were hurt."),  # missing
    ("وفي عام 2023 بلغ عدد السكان نحو 450 ألف نسمة.",
     "In 2023 the city had about 450,000 people."),  # kept
    ("وقالت الوزارة إن 7 قرى تضررت.", "The ministry said 9 villages were damaged."),  # changed
    ("وأضاف أن الأضرار طالت 95% من المباني.", "He added that damage hit 95% of buildings."),
]
WARNED = [1, 3]


def open_warned_article(window, open_and_wait, tmp_path) -> None:
    """Open the article in ``window`` and deliver the known translations as a job's slice."""
    path = tmp_path / "warnings.ar.txt"
    path.write_text("\n".join(arabic for arabic, _english in SENTENCES), encoding="utf-8")
    open_and_wait(window, path)
    assert len(window.article.sentences) == len(SENTENCES)
    known = [attach_translation(s, english) for s, (_arabic, english)
             in zip(window.article.sentences, SENTENCES, strict=True)]
    for sentence in known:  # the tiny pack's score and repair belong to its own English
        sentence.score, sentence.repair = None, None
    window.session.slice_delivered.emit(known)
