"""The glossary file: one term a line, ``Arabic<TAB>English|another English``.

TSV rather than TOML because a glossary is a two-column table that people keep in a
spreadsheet or paste from one, and a line per term needs no quoting: an Arabic name
with quotes or a colon in it is written as it is. ``#`` starts a comment line; blank
lines are skipped. The file is UTF-8 (a byte-order mark is tolerated, UTF-16 with its
mark is read too, as Windows Notepad saves "Unicode").

A bad line never stops the reading: it is skipped and reported with its number and
the reason, and every good line is kept. A file larger than ``MAX_BYTES`` is refused
with a message; it is not read into memory to find that out.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from tarjama.core.arabic_text import has_arabic
from tarjama.core.errors import EXIT_INPUT, TarjamaError

MAX_BYTES = 4 * 1024 * 1024  # about 50,000 terms; a larger file is not a glossary
MAX_TERM_WORDS = 8
HEADER = ("# Tarjama glossary: one term a line, the Arabic, a tab, then the English.\n"
          "# Alternative English renderings are separated by |, e.g.\n"
          "# الأونروا\tUNRWA|the UN agency for Palestinian refugees\n")
_SPACES = re.compile(r"\s+")


class GlossaryError(TarjamaError):
    """The glossary file cannot be read at all (missing, too large, not text)."""

    exit_code = EXIT_INPUT

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"glossary {self.path}: {reason}")


@dataclass(frozen=True)
class GlossaryEntry:
    """One term: the Arabic and its English renderings, the preferred one first."""

    arabic: str
    english: tuple[str, ...]


@dataclass(frozen=True)
class GlossaryProblem:
    """A line that was skipped, and why."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


def clean(text: str) -> str:
    """One line of plain text: tabs, line breaks and runs of spaces become one space."""
    return _SPACES.sub(" ", text).strip()


def split_english(text: str) -> tuple[str, ...]:
    """"UNRWA | the UN agency" -> ("UNRWA", "the UN agency"); empty parts are dropped."""
    return tuple(part for part in (clean(p) for p in text.split("|")) if part)


def parse_line(line: str, number: int) -> GlossaryEntry | GlossaryProblem | None:
    """A line of the file as an entry, a problem, or None for a comment or blank line."""
    text = line.rstrip("\r\n")
    if not text.strip() or text.lstrip().startswith("#"):
        return None
    if "\t" not in text:
        return GlossaryProblem(number, "no tab between the Arabic and the English")
    arabic, english, *extra = text.split("\t")
    arabic = clean(arabic)
    if extra and any(part.strip() for part in extra):
        return GlossaryProblem(number, "more than two columns (Arabic, tab, English)")
    if not arabic:
        return GlossaryProblem(number, "the Arabic term is empty")
    if not has_arabic(arabic):
        return GlossaryProblem(number, f"“{arabic}” has no Arabic letters")
    if len(arabic.split()) > MAX_TERM_WORDS:
        return GlossaryProblem(number, f"the Arabic term is longer than {MAX_TERM_WORDS} words")
    renderings = split_english(english)
    if not renderings:
        return GlossaryProblem(number, f"no English rendering for “{arabic}”")
    return GlossaryEntry(arabic, renderings)


def parse_lines(lines: list[str | None]) -> tuple[list[GlossaryEntry], list[GlossaryProblem]]:
    """Every entry of a glossary's lines and every skipped line; repeated terms keep the
    first. A line that is None could not be decoded."""
    from tarjama.core.glossary_text import term_key

    entries: list[GlossaryEntry] = []
    problems: list[GlossaryProblem] = []
    first_line: dict[tuple[bool, tuple[str, ...]], int] = {}
    for number, line in enumerate(lines, start=1):
        parsed = (parse_line(line, number) if line is not None
                  else GlossaryProblem(number, "not UTF-8 text; save the file as UTF-8"))
        if isinstance(parsed, GlossaryProblem):
            problems.append(parsed)
        elif parsed is not None:
            key = term_key(parsed.arabic)
            if key in first_line:
                problems.append(GlossaryProblem(
                    number, f"“{parsed.arabic}” is already on line {first_line[key]}"))
                continue
            first_line[key] = number
            entries.append(parsed)
    return entries, problems


def parse_text(text: str) -> tuple[list[GlossaryEntry], list[GlossaryProblem]]:
    """``parse_lines`` for a whole text (a byte-order mark is dropped)."""
    return parse_lines(list(text.removeprefix("\ufeff").split("\n")))


def read_lines(path: Path) -> list[str | None]:
    """The file's lines; None for a line that is not UTF-8 (it is reported, not guessed).

    Refused as a whole when missing, too large, binary, or damaged UTF-16."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # no stat(): a pipe or device has no size
    except FileNotFoundError as exc:
        raise GlossaryError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise GlossaryError(path, "this is a folder, not a file") from exc
    except OSError as exc:
        raise GlossaryError(path, exc.strerror or "cannot be read") from exc
    if len(data) > MAX_BYTES:
        raise GlossaryError(path, f"larger than {MAX_BYTES // (1024 * 1024)} MB; a glossary is "
                                  "a short list of names and terms")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return list(data.decode("utf-16").split("\n"))
        except UnicodeDecodeError as exc:
            raise GlossaryError(path, "damaged UTF-16 text") from exc
    if b"\x00" in data:
        raise GlossaryError(path, "this is not a text file")
    data = data.removeprefix(codecs.BOM_UTF8)
    lines: list[str | None] = []
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(None)
    return lines


def format_entries(entries: list[GlossaryEntry] | tuple[GlossaryEntry, ...]) -> str:
    """The file's text for ``entries``: the header comment, then one line per entry."""
    lines = [f"{clean(e.arabic)}\t{'|'.join(clean(x) for x in e.english)}" for e in entries]
    return HEADER + "".join(line + "\n" for line in lines)
