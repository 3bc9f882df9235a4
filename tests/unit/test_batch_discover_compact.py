"""The compact input list ``discover_inputs`` returns: the same inputs, in the same order,
with their sizes and output names, as a list of ``InputFile`` objects would hold, in a
fraction of the memory."""

from __future__ import annotations

import tracemalloc
from pathlib import Path, PurePosixPath

import pytest

from tarjama.core.batch.discover import InputFile, discover_inputs

SUFFIXES = frozenset({".txt", ".md"})

# name under IN_DIR -> its size in bytes (each file is that many "x")
TREE = {
    "B.txt": 1,
    "a.txt": 2,
    "a/b.txt": 3,
    "a b/é.txt": 4,
    "a.b/c.txt": 5,
    "حلب/تقرير ١.ar.txt": 6,
    "sub/deep/x y.md": 7,
    ".hidden/z.txt": 8,    # hidden folder: skipped
    "sub/.draft.txt": 9,   # hidden file: skipped
    "notes.csv": 10,       # not a supported format: skipped
}
# Folder by folder, name by name (a folder's parts before a longer name that starts
# alike: "a/b.txt" before "a b/..."), with code-point order within each part.
EXPECTED = [
    ("B.txt", 1, "B"),
    ("a/b.txt", 3, "a/b"),
    ("a b/é.txt", 4, "a b/é"),
    ("a.b/c.txt", 5, "a.b/c"),
    ("a.txt", 2, "a"),
    ("sub/deep/x y.md", 7, "sub/deep/x y"),
    ("حلب/تقرير ١.ar.txt", 6, "حلب/تقرير ١.ar"),
]


def write_tree(root: Path, tree: dict[str, int]) -> None:
    for name, size in tree.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * size)


@pytest.fixture
def src(tmp_path: Path) -> Path:
    write_tree(tmp_path / "in", TREE)
    return tmp_path / "in"


def test_nested_and_odd_names_come_in_order_with_their_sizes_and_output_names(src, tmp_path):
    inputs = discover_inputs(src, tmp_path / "out", recursive=True, suffixes=SUFFIXES)

    assert [(str(i.relative), i.size, str(i.output_base)) for i in inputs] == EXPECTED
    for item, (relative, _, _) in zip(inputs, EXPECTED, strict=True):
        assert item.path == src.joinpath(*relative.split("/"))
        assert item.path.read_bytes() == b"x" * item.size


def test_each_input_is_the_input_file_a_plain_list_would_hold(src, tmp_path):
    inputs = discover_inputs(src, tmp_path / "out", recursive=True, suffixes=SUFFIXES)
    out = tmp_path / "out"

    arabic = inputs[-1]
    assert arabic == InputFile(src / "حلب" / "تقرير ١.ar.txt",
                               PurePosixPath("حلب/تقرير ١.ar.txt"),
                               PurePosixPath("حلب/تقرير ١.ar"), 6)
    assert arabic.output_path(out, ".en.html") == out / "حلب" / "تقرير ١.ar.en.html"
    assert inputs[1] == inputs[-6] == list(inputs)[1]
    assert inputs[1:3] == [inputs[1], inputs[2]]
    assert len(inputs) == len(EXPECTED) == len(list(inputs))
    with pytest.raises(IndexError):
        inputs[len(EXPECTED)]


def test_without_recursion_only_the_top_folder_counts(src, tmp_path):
    inputs = discover_inputs(src, tmp_path / "out", suffixes=SUFFIXES)
    assert [(str(i.relative), i.size) for i in inputs] == [("B.txt", 1), ("a.txt", 2)]


def test_names_that_clash_or_are_reserved_keep_their_full_name(tmp_path):
    # "x.txt" and "X.md" would both write x.* on a case-blind disk; "index" and
    # "figures" at the top and "*.warnings" anywhere are the batch's own page names.
    write_tree(tmp_path / "in", {"x.txt": 1, "X.md": 2, "index.txt": 3, "figures.md": 4,
                                 "sub/index.txt": 5, "sub/y.warnings.txt": 6, "y.txt": 7})
    inputs = discover_inputs(tmp_path / "in", tmp_path / "out", recursive=True,
                             suffixes=SUFFIXES)
    assert {str(i.relative): str(i.output_base) for i in inputs} == {
        "X.md": "X.md", "x.txt": "x.txt", "index.txt": "index.txt",
        "figures.md": "figures.md", "sub/index.txt": "sub/index",
        "sub/y.warnings.txt": "sub/y.warnings.txt", "y.txt": "y"}


def test_links_folders_with_a_format_name_and_dangling_links_are_handled(tmp_path):
    src = tmp_path / "in"
    write_tree(src, {"a.txt": 3, "sub/b.txt": 4})
    (src / "alias.txt").symlink_to(src / "a.txt")        # a link to a file: read, its size
    (src / "gone.txt").symlink_to(src / "missing.txt")  # dangling: not an article
    (src / "linked").symlink_to(src / "sub")            # a linked folder is not entered
    (src / "folder.txt").mkdir()                        # a folder named like an article
    inputs = discover_inputs(src, tmp_path / "out", recursive=True, suffixes=SUFFIXES)
    assert [(str(i.relative), i.size) for i in inputs] == [
        ("a.txt", 3), ("alias.txt", 3), ("sub/b.txt", 4)]


def test_a_large_folder_is_kept_in_a_small_fraction_of_its_input_files(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    count = 2000
    for k in range(count):
        (src / f"article-{k + 1:05d}.txt").write_bytes(b"x")
    discover_inputs(src, tmp_path / "out", suffixes=SUFFIXES)  # imports, caches warm

    tracemalloc.start()
    try:
        inputs = discover_inputs(src, tmp_path / "out", suffixes=SUFFIXES)
        kept, _ = tracemalloc.get_traced_memory()
        one = inputs[0]
        eager, _ = tracemalloc.get_traced_memory()
        eager_bytes = eager - kept  # what one InputFile object costs, with its three paths
    finally:
        tracemalloc.stop()
    assert len(inputs) == count
    assert one.relative == PurePosixPath("article-00001.txt")
    # Held as objects, the list would cost count * eager_bytes (about 1 KB each).
    assert eager_bytes > 500, eager_bytes
    assert kept / count < 200, f"{kept / count:.0f} bytes an input"
