"""Find the articles of a batch and decide where each one's outputs go.

Outputs mirror the input tree: ``IN_DIR/a/b.ar.txt`` gives ``OUT_DIR/a/b.ar.html`` and
so on. When two inputs of one folder would give the same output name (``x.txt`` and
``x.html``), both keep their full name instead (``x.txt.html``, ``x.html.html``), so
no article ever overwrites another's output.
"""

from __future__ import annotations

import os
import stat
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import overload

from tarjama.core.errors import InputFileError

# Names the batch itself writes at the top of OUT_DIR; an article never takes them.
INDEX_STEM = "index"
# Names the batch gives its own pages: an article may not take them (index.html,
# figures.html at the top; NAME.warnings.html beside each article).
RESERVED_STEMS = frozenset({INDEX_STEM, "figures"})
WARNINGS_SUFFIX = ".warnings"
STATE_DIR_NAME = ".tarjama-batch"


@dataclass(frozen=True)
class InputFile:
    """One article of a batch."""

    path: Path                 # the source file
    relative: PurePosixPath    # its place under IN_DIR, e.g. "2024/aleppo.ar.txt"
    output_base: PurePosixPath # its outputs' place under OUT_DIR, without a suffix
    size: int

    def output_path(self, out_dir: Path, suffix: str) -> Path:
        return out_dir.joinpath(*self.output_base.parts[:-1], self.output_base.name + suffix)


def check_folders(in_dir: Path, out_dir: Path) -> None:
    """Refuse folder pairs that could make the batch read or overwrite its own files."""
    if not in_dir.exists():
        raise InputFileError(in_dir, "no such folder")
    if not in_dir.is_dir():
        raise InputFileError(in_dir, "is a file, not a folder; give the folder of articles")
    if out_dir.exists() and not out_dir.is_dir():
        raise InputFileError(out_dir, "is a file; the output must be a folder")
    if out_dir.resolve() == in_dir.resolve():
        raise InputFileError(out_dir, "is the input folder itself; choose another output "
                                      "folder so sources are never overwritten")


def discover_inputs(in_dir: str | Path, out_dir: str | Path, *, recursive: bool = False,
                    suffixes: frozenset[str] | None = None) -> InputList:
    """Every supported file under ``in_dir`` in a stable order, skipping ``out_dir``.

    Hidden files and folders (a leading dot) are skipped: they are editor backups,
    system files and temporary files, never articles. ``suffixes`` defaults to the
    formats ``read_document`` supports. The list is compact (see ``InputList``).
    """
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    check_folders(in_dir, out_dir)
    if suffixes is None:
        from tarjama.core.documents import SUPPORTED_SUFFIXES

        suffixes = frozenset(SUPPORTED_SUFFIXES)
    skip = out_dir.resolve()
    found: list[tuple[list[str], int]] = []  # (the parts of its place under IN_DIR, size)
    for folder, subfolders, files in os.walk(in_dir):
        here = Path(folder)
        # Prune in place so os.walk does not descend into hidden folders or OUT_DIR.
        subfolders[:] = sorted(
            name for name in subfolders
            if recursive and not name.startswith(".") and (here / name).resolve() != skip
        )
        prefix = here.relative_to(in_dir).parts
        for name in files:
            # splitext, not PurePosixPath: a path object interns its parts, and the
            # interpreter's table of interned strings grew by every name and never shrank.
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in suffixes:
                continue
            try:  # one stat for both questions: a regular file (links followed), its size
                status = os.stat(os.path.join(folder, name))
            except OSError:
                continue  # a dangling link, or gone since the listing
            if stat.S_ISREG(status.st_mode):
                found.append(([*prefix, name], status.st_size))
    found.sort(key=lambda item: item[0])
    relatives = ["/".join(parts) for parts, _ in found]
    bases = [_short_base(relative) for relative in relatives]
    counts = Counter(base.casefold() for base in bases)
    full_names = bytearray()
    for base in bases:
        name = base.rpartition("/")[2].casefold()
        reserved = ("/" not in base and name in RESERVED_STEMS) or name.endswith(WARNINGS_SUFFIX)
        full_names.append(counts[base.casefold()] > 1 or reserved)
    return InputList(in_dir, relatives, array("q", (size for _, size in found)), full_names)


class InputList(Sequence[InputFile]):
    """The inputs of a batch, compact: each ``InputFile`` is made as it is asked for.

    A folder of 10,000 articles would hold 10,000 ``InputFile`` objects of three paths
    each for the whole run (9 MiB by tracemalloc, about 900 bytes an input); this keeps
    one string an input (its place under IN_DIR), its size in an array and a byte saying
    whether its outputs keep the input's full name (a clash, or a name the batch
    reserves): about 90 bytes an input, with the folder itself once. The order, the
    sizes and the output names are decided once, by ``discover_inputs``.
    """

    def __init__(self, root: Path, relatives: list[str], sizes: array[int],
                 full_names: bytearray) -> None:
        if not len(relatives) == len(sizes) == len(full_names):
            raise ValueError("an input list needs one size and one name choice per input")
        self.root = root
        self._relatives = relatives
        self._sizes = sizes
        self._full_names = full_names

    def __len__(self) -> int:
        return len(self._relatives)

    @overload
    def __getitem__(self, position: int) -> InputFile: ...

    @overload
    def __getitem__(self, position: slice) -> list[InputFile]: ...

    def __getitem__(self, position: int | slice) -> InputFile | list[InputFile]:
        if isinstance(position, slice):
            return [self[k] for k in range(*position.indices(len(self)))]
        relative = self._relatives[position]  # IndexError past the end, as a list
        place = PurePosixPath(relative)
        base = place if self._full_names[position] else PurePosixPath(_short_base(relative))
        return InputFile(self.root.joinpath(*relative.split("/")), place, base,
                         self._sizes[position])

    def __iter__(self) -> Iterator[InputFile]:
        for position in range(len(self)):
            yield self[position]

    def __repr__(self) -> str:
        return f"InputList({str(self.root)!r}, {len(self)} inputs)"


def _short_base(relative: str) -> str:
    # "b.ar.txt" -> "b.ar": the last suffix is the input format, the rest is the name.
    place = PurePosixPath(relative)
    return str(place.with_suffix("")) if place.suffix else relative
