"""Small helpers for Arabic text: diacritics, letter variants, digits, script detection.

None of these functions changes the meaning of a text; they make two spellings of the
same word compare equal (for summaries, searches and figure matching).
``strip_diacritics`` and ``to_ascii_digits`` are the only ones callers may rely on for
offsets: ``to_ascii_digits`` maps one character to one character, so offsets survive it.
"""

from __future__ import annotations

import re
import unicodedata

# Harakat and tanween (U+064B-U+0652), the rarer vowel marks after them (U+0656-U+065F),
# the superscript alef (U+0670), Quranic annotation marks and tatweel (U+0640).
# U+0653-U+0655 (combining maddah and hamza) are left alone: they form letters.
_DIACRITICS = re.compile(
    "[\u064b-\u0652\u0656-\u065f\u0670\u0640\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]"
)

# Contextual shapes from old encodings and PDFs; NFKC turns them back into plain letters.
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]+")

_ALEF_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا"})
_ALEF_MAQSURA = str.maketrans({"ى": "ي"})

_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹",  # Eastern Arabic, then Persian/Urdu digits
    "01234567890123456789",
)
_NUMBER_SEPARATORS = str.maketrans({"٫": ".", "٬": ","})

_ARABIC_BLOCKS = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)


def strip_diacritics(text: str) -> str:
    """Remove harakat, tanween, shadda, sukun, the superscript alef and tatweel."""
    return _DIACRITICS.sub("", text)


def to_ascii_digits(text: str, *, separators: bool = False) -> str:
    """Turn Eastern Arabic and Persian digits into 0-9, one character for one.

    With ``separators=True`` the Arabic decimal separator ``٫`` becomes ``.`` and the
    Arabic thousands separator ``٬`` becomes ``,``. The length never changes.
    """
    text = text.translate(_DIGITS)
    if separators:
        text = text.translate(_NUMBER_SEPARATORS)
    return text


def normalize_arabic(
    text: str,
    *,
    unify_alef: bool = True,
    unify_alef_maqsura: bool = False,
    ascii_digits: bool = False,
) -> str:
    """Return a comparison form of ``text``.

    Presentation forms become plain letters (NFKC), diacritics and tatweel go, alef
    variants (أ إ آ ٱ) become ا unless ``unify_alef`` is false, ى becomes ي only when
    ``unify_alef_maqsura`` is true, and ة is always kept (it tells words apart).
    Digits become ASCII when ``ascii_digits`` is true. Offsets are not preserved.
    """
    text = _PRESENTATION_FORMS.sub(lambda match: unicodedata.normalize("NFKC", match[0]), text)
    # NFC joins a bare alef followed by a combining hamza into one letter, so both
    # spellings of أ reach the alef rule below in the same shape.
    text = unicodedata.normalize("NFC", text)
    text = strip_diacritics(text)
    if unify_alef:
        text = text.translate(_ALEF_VARIANTS)
    if unify_alef_maqsura:
        text = text.translate(_ALEF_MAQSURA)
    if ascii_digits:
        text = to_ascii_digits(text, separators=True)
    return text


def is_arabic_letter(char: str) -> bool:
    """True for a single letter of the Arabic script (not its digits or punctuation)."""
    code = ord(char)
    in_block = any(low <= code <= high for low, high in _ARABIC_BLOCKS)
    return in_block and unicodedata.category(char).startswith("L")


def has_arabic(text: str) -> bool:
    """True when ``text`` holds at least one Arabic letter."""
    return any(is_arabic_letter(char) for char in text)


def arabic_ratio(text: str) -> float:
    """Share of the letters of ``text`` that are Arabic, from 0.0 to 1.0 (0.0 without letters)."""
    letters = [char for char in text if unicodedata.category(char).startswith("L")]
    if not letters:
        return 0.0
    return sum(1 for char in letters if is_arabic_letter(char)) / len(letters)
