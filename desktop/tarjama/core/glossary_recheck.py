"""Check translated sentences again against a changed glossary, without translating.

The desktop calls this when the user saves the glossary: the English on screen stays,
and its checks (figures and terms) are made again, so a term just added is warned of
at once. A sentence repaired for a figure keeps its repair; translating again with the
new glossary is what would repair a term (the reader does so for an article whose
translation is still running).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from tarjama.core.glossary import Glossary
from tarjama.core.pipeline import SentenceResult, attach_translation


def recheck(sentences: Iterable[SentenceResult], glossary: Glossary | None
            ) -> list[SentenceResult]:
    """New results for the translated ``sentences``, checked with ``glossary`` (None: no
    terms); the given results are left as they are, untranslated ones are left out."""
    checked = []
    for sentence in sentences:
        if sentence.translation is None:
            continue
        copy = dataclasses.replace(sentence, target_figures=[])
        checked.append(attach_translation(copy, sentence.translation, glossary=glossary))
    return checked
