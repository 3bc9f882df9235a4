"""Find the articles of a batch and decide where each one's outputs go.

Outputs mirror the input tree: ``IN_DIR/a/b.ar.txt`` gives ``OUT_DIR/a/b.ar.html`` and
so on. When two inputs of one folder would give the same output name (``x.txt`` and
``x.html``), both keep their full name instead (``x.txt.html``, ``x.html.html``), so
no article ever overwrites another's output.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

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
                    suffixes: frozenset[str] | None = None) -> list[InputFile]:
    """Every supported file under ``in_dir`` in a stable order, skipping ``out_dir``.

    Hidden files and folders (a leading dot) are skipped: they are editor backups,
    system files and temporary files, never articles. ``suffixes`` defaults to the
    formats ``read_document`` supports.
    """
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    check_folders(in_dir, out_dir)
    if suffixes is None:
        from tarjama.core.documents import SUPPORTED_SUFFIXES

        suffixes = frozenset(SUPPORTED_SUFFIXES)
    skip = out_dir.resolve()
    found: list[tuple[PurePosixPath, Path, int]] = []
    for folder, subfolders, files in os.walk(in_dir):
        here = Path(folder)
        # Prune in place so os.walk does not descend into hidden folders or OUT_DIR.
        subfolders[:] = sorted(
            name for name in subfolders
            if recursive and not name.startswith(".") and (here / name).resolve() != skip
        )
        for name in sorted(files):
            path = here / name
            if name.startswith(".") or path.suffix.lower() not in suffixes:
                continue
            if not path.is_file():
                continue
            relative = PurePosixPath(path.relative_to(in_dir).as_posix())
            found.append((relative, path, path.stat().st_size))
    found.sort(key=lambda item: item[0].parts)
    bases = [_short_base(relative) for relative, _, _ in found]
    counts = Counter(base.as_posix().casefold() for base in bases)
    inputs = []
    for (relative, path, size), base in zip(found, bases, strict=True):
        clash = counts[base.as_posix().casefold()] > 1
        name = base.name.casefold()
        reserved = ((len(base.parts) == 1 and name in RESERVED_STEMS)
                    or name.endswith(WARNINGS_SUFFIX))
        inputs.append(InputFile(path, relative, relative if clash or reserved else base, size))
    return inputs


def _short_base(relative: PurePosixPath) -> PurePosixPath:
    # "b.ar.txt" -> "b.ar": the last suffix is the input format, the rest is the name.
    return relative.with_suffix("") if relative.suffix else relative
