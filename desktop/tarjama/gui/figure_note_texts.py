"""The notes of figure checks and the qualifier words, in the interface language.

A figure check's note (``FigureCheck.note``) says why a rendering is kept or how it
changed, in the words of core/figures/relation.py and relation_dates.py; several notes
are joined by "; ". Each wording is listed here exactly as the core writes it, with %1
for a value, which stays as it is (a figure, a date, a unit). A qualifier word inside
a note ("the English leaves out “about”") is said again too. A note no wording fits is
left in English: tests/gui/test_arabic_sentence_notes.py names the ones it checks.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from tarjama.gui.text_templates import TextTemplates

CONTEXT = "FigureNotes"
# The words of core.figures.describe.qualifier_word, for each qualifier.
QUALIFIER_WORDS = {
    "about": QT_TRANSLATE_NOOP("FigureNotes", "about"),
    "more than": QT_TRANSLATE_NOOP("FigureNotes", "more than"),
    "less than": QT_TRANSLATE_NOOP("FigureNotes", "less than"),
    "at least": QT_TRANSLATE_NOOP("FigureNotes", "at least"),
    "up to": QT_TRANSLATE_NOOP("FigureNotes", "up to"),
    "early": QT_TRANSLATE_NOOP("FigureNotes", "early"),
    "mid-": QT_TRANSLATE_NOOP("FigureNotes", "mid-"),
    "late": QT_TRANSLATE_NOOP("FigureNotes", "late"),
}
# Longer wordings before shorter ones they would also fit ("%1 is about %2", "%1 is %2").
NOTES = TextTemplates(CONTEXT, (
    QT_TRANSLATE_NOOP("FigureNotes", "an exact number for a vague count"),
    QT_TRANSLATE_NOOP("FigureNotes", "a vague count for an exact number"),
    QT_TRANSLATE_NOOP("FigureNotes", "the Arabic says “%1”, the English “%2”"),
    QT_TRANSLATE_NOOP("FigureNotes", "the English leaves out “%1”"),
    QT_TRANSLATE_NOOP("FigureNotes", "the English adds “%1”"),
    QT_TRANSLATE_NOOP("FigureNotes", "the English adds the day and the year"),
    QT_TRANSLATE_NOOP("FigureNotes", "the English adds the day"),
    QT_TRANSLATE_NOOP("FigureNotes", "the English adds the year"),
    QT_TRANSLATE_NOOP("FigureNotes", "the English gives the full date"),
    QT_TRANSLATE_NOOP("FigureNotes", "the same length of time in other units"),
    QT_TRANSLATE_NOOP("FigureNotes", "the score is written the other way round; "
                                     "conventions differ on which side comes first"),
    QT_TRANSLATE_NOOP("FigureNotes",
                      "the English does not say whether it is morning or evening"),
    QT_TRANSLATE_NOOP("FigureNotes",
                      "the Arabic does not say whether it is morning or evening"),
    QT_TRANSLATE_NOOP("FigureNotes",
                      "given in the Gregorian calendar with no year: check the conversion"),
    QT_TRANSLATE_NOOP("FigureNotes",
                      "given in the Hijri calendar with no year: check the conversion"),
    QT_TRANSLATE_NOOP("FigureNotes",
                      "given in the Gregorian calendar; the conversion agrees"),
    QT_TRANSLATE_NOOP("FigureNotes", "given in the Hijri calendar; the conversion agrees"),
    QT_TRANSLATE_NOOP("FigureNotes", "%1 AH given as its Gregorian year %2"),
    QT_TRANSLATE_NOOP("FigureNotes", "%1 given as the Hijri year %2 AH"),
    QT_TRANSLATE_NOOP("FigureNotes", "“%1” has dots between the thousands: in English %2"),
    QT_TRANSLATE_NOOP("FigureNotes", "a conversion that agrees: %1"),
    QT_TRANSLATE_NOOP("FigureNotes", "%1 is about %2"),
    QT_TRANSLATE_NOOP("FigureNotes", "%1 is %2"),
))


def qualifier_text(word: str) -> str:
    """"about" -> "نحو" in Arabic; a word that is no qualifier stays as it is."""
    marked = QUALIFIER_WORDS.get(word)
    return QCoreApplication.translate(CONTEXT, marked) if marked else word


def note_text(note: str) -> str:
    """A check's note in the interface language, part by part."""
    parts = note.split("; ")
    said = []
    start = 0
    while start < len(parts):
        # A wording may itself hold "; ": try the longest run of parts first.
        for end in range(len(parts), start, -1):
            text = NOTES.translate("; ".join(parts[start:end]), qualifier_text)
            if text is not None:
                said.append(text)
                start = end
                break
        else:
            said.append(parts[start])  # a wording this list does not know
            start += 1
    return "؛ ".join(said)
