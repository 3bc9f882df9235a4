"""Digits and number marks as a translation model saw them in training.

Arabic news writes figures with Eastern Arabic digits (``١٢٬٥``), Persian digits
(``۱۲``), the Arabic decimal and thousands marks (``٫ ٬``) and the Arabic percent sign
(``٪``); the parallel corpora the models learnt from write them almost always with ASCII
digits, ``.``, ``,`` and ``%``. Only the text sent to the engine is changed (and with it
the cache key): the Arabic shown to the reader, and the one the figure check reads, stay
as written. One character becomes one character, so nothing else moves.
"""

from __future__ import annotations

from tarjama.core.arabic_text import to_ascii_digits

_PERCENT = str.maketrans({"٪": "%"})


def normalise_source_digits(text: str) -> str:
    """``text`` with Eastern Arabic/Persian digits, ``٫ ٬ ٪`` in their ASCII forms."""
    return to_ascii_digits(text, separators=True).translate(_PERCENT)
