"""Generated English news sentences for the target side of fixture packs.

The fixture pack's decoder can only write pieces of the SentencePiece model trained
on this text, so everything a random-weight "translation" shows comes from here. It
is therefore plain ASCII: Latin letters, digits and the punctuation of English news
(figures such as ``1,250``, ``3.5``, ``12%``, ``$4 million``, years and dates must be
writable, or screenshots and figure checks would never see one). The word lists were
written for this project; pseudo-names built from syllables add the variety a large
subword vocabulary needs. Everything is seeded: the same arguments always give the
same sentences.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

NOUNS = (
    "government", "minister", "city", "village", "army", "police", "council", "parliament",
    "president", "opposition", "residents", "civilians", "hospital", "school", "road",
    "border", "agreement", "negotiations", "elections", "economy", "prices", "oil", "water",
    "electricity", "refugees", "organisation", "United Nations", "journalists", "court",
    "judge", "company", "market", "province", "capital", "port", "airport", "university",
    "students", "workers", "farmers", "ministry", "spokesman", "delegation", "ceasefire",
    "convoy", "checkpoint", "camp", "district", "neighbourhood", "bridge", "factory",
    "budget", "currency", "bank", "inflation", "exports", "imports", "wheat", "fuel",
    "protest", "strike", "coalition", "faction", "militia", "forces", "envoy", "summit",
    "report", "statement", "investigation", "aid", "shelter", "clinic", "doctors", "patients",
    "teachers", "families", "tribes", "region", "coast", "desert", "river", "dam", "harvest",
)
VERBS = (
    "announced", "said", "confirmed", "denied", "demanded", "rejected", "approved",
    "attacked", "targeted", "arrested", "released", "met", "visited", "called for",
    "warned", "revealed", "published", "issued", "opened", "closed", "signed", "suspended",
    "resumed", "criticised", "welcomed", "condemned", "supported", "reported", "estimated",
    "recorded", "raised", "cut", "restored", "evacuated", "delivered", "postponed",
)
ADJECTIVES = (
    "new", "former", "local", "national", "regional", "international", "main", "northern",
    "southern", "eastern", "western", "central", "senior", "armed", "displaced", "public",
    "private", "official", "temporary", "annual", "previous", "large", "small", "rural",
)
PLACES = (
    "Damascus", "Aleppo", "Deir ez-Zor", "Raqqa", "Homs", "Idlib", "Baghdad", "Mosul",
    "Beirut", "Amman", "Cairo", "Riyadh", "Tunis", "Algiers", "Khartoum", "Sanaa",
    "Tripoli", "Gaza", "Basra", "Erbil", "Aden", "Benghazi", "Rabat", "Doha",
)
LINKS = ("in", "from", "to", "on", "after", "before", "during", "about", "against", "with",
         "near", "across", "despite", "under")
TIMES = (
    "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
    "on Sunday", "yesterday", "today", "last week", "last month", "this year",
    "earlier this week", "late on Sunday", "overnight",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
COUNTED = ("people", "civilians", "soldiers", "fighters", "children", "women", "homes",
           "families", "villages", "schools", "trucks", "tonnes", "kilometres", "barrels")
SPEAKERS = ("a spokesman", "the ministry", "an official", "witnesses", "the agency",
            "a local source", "the council", "activists")
CONSONANTS = "bcdfghjklmnprstvwz"
VOWELS = "aeiou"


def pseudo_name(rng: random.Random) -> str:
    """A pronounceable-looking Latin-letter name, capitalised like a proper noun half the time."""
    syllables = [
        rng.choice(CONSONANTS) + rng.choice(VOWELS)
        + (rng.choice(CONSONANTS) if rng.random() < 0.5 else "")
        for _ in range(rng.randint(1, 4))
    ]
    word = "".join(syllables)
    return word.capitalize() if rng.random() < 0.5 else word


def figure(rng: random.Random) -> str:
    """A number written the way English news writes one."""
    kind = rng.random()
    if kind < 0.30:
        return str(rng.randint(2, 950))
    if kind < 0.45:
        return f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}"
    if kind < 0.58:
        return f"{rng.randint(1, 99)}.{rng.randint(1, 9)}"
    if kind < 0.70:
        return f"{rng.randint(1, 99)}%"
    if kind < 0.80:
        return f"${rng.randint(1, 900)} {rng.choice(('million', 'billion'))}"
    if kind < 0.90:
        return str(rng.randint(1990, 2026))
    return f"{rng.choice(MONTHS)} {rng.randint(1, 28)}"


def _sentence(rng: random.Random, pseudo_rate: float) -> str:
    def noun() -> str:
        return pseudo_name(rng) if rng.random() < pseudo_rate else rng.choice(NOUNS)

    def described() -> str:
        return f"{rng.choice(ADJECTIVES)} {noun()}" if rng.random() < 0.2 else noun()

    parts = ["The", described(), rng.choice(VERBS), "the", described(), rng.choice(TIMES)]
    # Fewer clauses than the Arabic side: the decorations below add words, and the
    # corpus size is what SentencePiece training time (and so every build) grows with.
    for _ in range(rng.randint(1, 2)):
        parts += [rng.choice(LINKS), "the", described()]
    if rng.random() < 0.5:
        parts += ["in", rng.choice(PLACES)]
    if rng.random() < 0.5:
        parts += [rng.choice(("killing", "affecting", "about", "more than", "at least")),
                  figure(rng), rng.choice(COUNTED)]
    text = " ".join(parts)
    return _DECORATIONS[int(rng.random() * len(_DECORATIONS))](rng, text)


# Ways to finish a sentence, so quotes, brackets, colons and the like are all seen.
_DECORATIONS: tuple[Callable[[random.Random, str], str], ...] = (
    lambda rng, text: text + ".",
    lambda rng, text: text + ".",
    lambda rng, text: text + ",",
    lambda rng, text: text + "?",
    lambda rng, text: f'"{text}," {rng.choice(SPEAKERS)} said.',
    lambda rng, text: f"{text} ({figure(rng)}).",
    lambda rng, text: f"{text}; {rng.choice(SPEAKERS)} gave no details.",
    lambda rng, text: f"{rng.choice(PLACES)}: {text}.",
    lambda rng, text: f"{text} - the {rng.choice(NOUNS)}'s {rng.choice(NOUNS)}!",
)


def english_sentences(count: int, *, seed: int = 0, pseudo_rate: float = 0.3) -> Iterator[str]:
    """Yield ``count`` generated English sentences, ASCII only.

    ``pseudo_rate`` is the share of nouns replaced by pseudo-names; raise it when a
    large subword vocabulary needs more distinct material.
    """
    rng = random.Random(f"en-{seed}")
    for _ in range(count):
        yield _sentence(rng, pseudo_rate)
