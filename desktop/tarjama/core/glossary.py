"""The user's glossary: Arabic names and terms with the English they must be rendered as.

A glossary term found in a sentence's Arabic is checked like a key figure: the fidelity
check gains one check of kind "term" per term, "ok" when the English has one of its
renderings and "missing" otherwise, and the reader, the exports and the batch index
warn of a missing term as they do of a lost figure. ``glossary_file`` reads and writes
the file, ``glossary_text`` finds the terms in the Arabic; this module finds their
renderings in the English (case-insensitive; spaces and hyphens between words are
interchangeable: "Al-Qaeda", "al Qaeda", "AlQaeda").

See docs/glossary.md for the file format and the matching rules.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from tarjama.core.atomic import write_atomic
from tarjama.core.figures.model import STATUS_RANK, TERM, Fidelity, Figure, FigureCheck
from tarjama.core.glossary_file import (
    GlossaryEntry,
    GlossaryError,
    GlossaryProblem,
    format_entries,
    parse_lines,
    parse_text,
    read_lines,
)
from tarjama.core.glossary_text import TermIndex, TermMatch

__all__ = ["FILE_NAME", "Glossary", "GlossaryEntry", "GlossaryError", "GlossaryProblem",
           "default_path", "rendering_pattern"]

FILE_NAME = "glossary.tsv"
_SEPARATOR = r"[\s\u00a0\-\u2010-\u2013]*"  # between the words of a rendering, or none
_APOSTROPHES = "'\u2019\u02bc"
CASED_ACRONYM = 3


def default_path() -> Path:
    """The user's glossary file, in the user data folder (it may not exist yet)."""
    from tarjama.core.paths import data_dir

    return data_dir() / FILE_NAME


def rendering_pattern(renderings: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern finding any of ``renderings`` as whole words in English text.

    Case does not matter, except for a short acronym ("US", "UN", "IS": capitals, at
    most ``CASED_ACRONYM`` letters), which must be in capitals: "told us" is not "US".
    """
    alternatives = []
    for rendering in sorted(renderings, key=len, reverse=True):
        words = [w for w in re.split(r"[\s\-\u2010-\u2013]+", rendering) if w]
        escaped = ["".join(f"[{_APOSTROPHES}]" if c in _APOSTROPHES else re.escape(c)
                           for c in word) for word in words]
        if not escaped:
            continue
        pattern = _SEPARATOR.join(escaped)
        cased = rendering.isalpha() and rendering.isupper() and len(rendering) <= CASED_ACRONYM
        alternatives.append(f"(?-i:{pattern})" if cased else pattern)
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Glossary:
    """Terms, in file order, with the lines that were skipped when it was read."""

    entries: tuple[GlossaryEntry, ...] = ()
    problems: tuple[GlossaryProblem, ...] = ()
    path: Path | None = None

    def __post_init__(self) -> None:
        # Built once, kept out of the fields (so out of ==, hash and asdict); the patterns
        # of the English renderings are compiled when a term is first found.
        self._index: TermIndex
        self._patterns: dict[int, re.Pattern[str]]
        self._digest: str | None
        object.__setattr__(self, "_index", TermIndex(e.arabic for e in self.entries))
        object.__setattr__(self, "_patterns", {})
        object.__setattr__(self, "_digest", None)

    # -- the file --------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path) -> Glossary:
        """Read a glossary file; bad lines are skipped and listed in ``problems``.

        Raises ``GlossaryError`` when the file cannot be read at all.
        """
        entries, problems = parse_lines(read_lines(Path(path)))
        return cls(tuple(entries), tuple(problems), Path(path))

    @classmethod
    def load_default(cls) -> Glossary:
        """The user's glossary; empty when there is no file yet."""
        path = default_path()
        if not path.exists():
            return cls(path=path)
        return cls.load(path)

    @classmethod
    def from_text(cls, text: str) -> Glossary:
        entries, problems = parse_text(text)
        return cls(tuple(entries), tuple(problems))

    def to_text(self) -> str:
        return format_entries(self.entries)

    def save(self, path: str | Path | None = None) -> Path:
        """Write the glossary atomically to ``path`` (default: where it was read from)."""
        target = Path(path) if path is not None else self.path or default_path()
        return write_atomic(target, self.to_text())

    @property
    def digest(self) -> str:
        """A short digest of the terms, equal for glossaries that check the same way (for
        cache keys and batch settings)."""
        if self._digest is None:
            text = self.to_text().encode("utf-8")
            object.__setattr__(self, "_digest", hashlib.sha256(text).hexdigest()[:16])
        return str(self._digest)

    def __len__(self) -> int:
        return len(self.entries)

    def __bool__(self) -> bool:
        return bool(self.entries)

    # -- checking a translation ------------------------------------------------------------

    def find(self, arabic: str) -> list[TermMatch]:
        """The glossary's terms in an Arabic text, left to right."""
        return self._index.find(arabic)

    def renderings_in(self, term: int, english: str) -> list[tuple[int, int]]:
        """Where the English has a rendering of the term numbered ``term``."""
        pattern = self._patterns.get(term)
        if pattern is None:
            pattern = self._patterns[term] = rendering_pattern(self.entries[term].english)
        return [m.span() for m in pattern.finditer(english)]

    def term_checks(self, source_text: str, translation: str) -> list[FigureCheck]:
        """One check per glossary term in ``source_text``: is it rendered in ``translation``?

        An Arabic term used twice takes a second rendering when the English has one, and
        otherwise shares the first: a translation may well say "the agency" the second time.
        """
        checks = []
        taken: set[tuple[int, int]] = set()
        for match in self.find(source_text):
            entry = self.entries[match.term]
            source = Figure(TERM, entry.english[0], source_text[match.start:match.end],
                            match.start, match.end, "source")
            spans = self.renderings_in(match.term, translation)
            if not spans:
                wanted = " or ".join(f"“{e}”" for e in entry.english)
                checks.append(FigureCheck(source, "missing", None, f"the glossary renders "
                                          f"{entry.arabic} as {wanted}; the English does not "
                                          "have it"))
                continue
            start, end = next((s for s in spans if s not in taken), spans[0])
            taken.add((start, end))
            target = Figure(TERM, entry.english[0], translation[start:end], start, end,
                            "target")
            checks.append(FigureCheck(source, "ok", target, f"the glossary term "
                                      f"{entry.arabic} is rendered as “{target.text}”"))
        return checks

    def add_checks(self, fidelity: Fidelity, source_text: str, translation: str) -> Fidelity:
        """``fidelity`` with a check for every glossary term of the Arabic; the status is
        the worst of all the checks."""
        terms = self.term_checks(source_text, translation)
        if not terms:
            return fidelity
        checks = (*fidelity.checks, *terms)
        status = max((c.status for c in checks), key=STATUS_RANK.__getitem__)
        return Fidelity(status, checks)
