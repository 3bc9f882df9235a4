"""English words and stop words for the summaries, so they never need NLTK data.

Summaries get their sentences from the pipeline (the Arabic segmentation, one English
translation per Arabic sentence), so only words are tokenized here.
"""

from __future__ import annotations

import re

# Function words that say little about what a sentence is about (for summaries).
_STOP_WORD_LIST = """
    a about above after again against ago all almost along already also although always
    am among an and another any anyone anything are around as at be became because become
    been before being below between both but by can cannot could did do does doing done
    down during each either else even ever every few for from further had has have having
    he her here hers herself him himself his how however i if in into is it its itself
    just last least less like made make many may me might more most much must my myself
    near neither no nor not now of off often on once one only or other others our ours
    ourselves out over own per perhaps put quite rather said same say says see seen shall
    she should since so some still such than that the their theirs them themselves then
    there therefore these they this those though through thus to too toward towards under
    until up upon us very via was we well were what whatever when where whether which while
    who whom whose why will with within without would yet you your yours yourself
    yourselves"""
ENGLISH_STOP_WORDS = frozenset(_STOP_WORD_LIST.split())

_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")


def english_words(text: str) -> list[str]:
    """The words and numbers of ``text``: ``"U.S.-backed, 2.5%"`` -> U.S, backed, 2.5."""
    return _WORD.findall(text)
