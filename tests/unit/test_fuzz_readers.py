"""The reader fuzzer in CI: 1,000 seeded mutations of the sample documents in every
format, each read (then segmented, then its figures found) in a worker process with a
memory limit and a processor-time limit. None may raise anything but InputFileError,
run out of time or memory, crash its worker, or break a promise of the readers.

The same 1,000 cases run every time (seed ``CI_SEED``); a longer run with other seeds is
``python -m tarjama.devtools.fuzz --cases 20000 --seed N`` (docs/fuzzing.md).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tarjama.devtools import fuzz, fuzz_containers, fuzz_mutations
from tarjama.devtools.fuzz_seeds import build_seeds

DATA = Path(__file__).resolve().parents[1] / "data" / "pdf_corpus"
CI_SEED = 20261201
CI_CASES = 1000
# Mutations add at most this much in CI: quadratic work already takes minutes at this
# size, and the run stays well under a minute. The documented long run adds megabytes.
CI_GROWTH = 128 * 1024
FORMATS = {"txt", "noext", "md", "html", "htm", "xhtml", "epub", "docx", "odt", "pdf"}


@pytest.fixture(scope="module")
def seeds():
    return build_seeds(DATA)


@pytest.fixture
def ci_growth():
    before = fuzz_mutations.max_growth
    fuzz_mutations.set_max_growth(CI_GROWTH)
    yield
    fuzz_mutations.set_max_growth(before)


def test_seeds_cover_every_format_and_read_cleanly(seeds, tmp_path):
    from tarjama.core.documents import read_document

    assert {seed.format or "noext" for seed in seeds} >= FORMATS - {"noext"}
    for seed in seeds:
        path = tmp_path / f"{seed.name}{seed.suffix}"
        path.write_bytes(seed.data)
        assert read_document(path).paragraphs, seed.name


def test_cases_are_reproduced_from_their_seed(seeds, ci_growth):
    first = [fuzz.make_case(seeds, 5, index) for index in range(30)]
    again = [fuzz.make_case(seeds, 5, index) for index in range(30)]
    assert [(c.seed, c.mutations, c.data) for c in first] == [
        (c.seed, c.mutations, c.data) for c in again]
    assert len({c.data for c in first}) == 30


@pytest.mark.parametrize("mutator", fuzz_mutations.BYTE_MUTATORS + fuzz_mutations.TEXT_MUTATORS
                         + fuzz_mutations.MARKUP_MUTATORS, ids=lambda f: f.__name__)
def test_every_text_mutator_changes_a_page(mutator, seeds, ci_growth):
    page = next(seed for seed in seeds if seed.suffix == ".xhtml").data
    results = {mutator(page, random.Random(n)) for n in range(8)}
    assert results - {page}


@pytest.mark.parametrize("mutator", fuzz_containers.ZIP_MUTATORS + fuzz_containers.PDF_MUTATORS,
                         ids=lambda f: f.__name__)
def test_every_container_mutator_changes_its_container(mutator, seeds, ci_growth):
    suffix = ".pdf" if mutator in fuzz_containers.PDF_MUTATORS else ".docx"
    document = next(seed for seed in seeds if seed.suffix == suffix).data
    results = {mutator(document, random.Random(n)) for n in range(8)}
    assert results - {document}


def test_a_thousand_mutated_documents(seeds, ci_growth):
    cases = fuzz.generate(seeds, CI_SEED, range(CI_CASES))
    report = fuzz.run_cases(cases, workers=2, memory_mb=1536, seconds=10.0)
    print(report.text())  # shown with -s, and on failure
    assert report.cases == CI_CASES
    assert set(report.by_format) == FORMATS
    assert report.outcomes["ok"] > CI_CASES // 5, "the mutations refuse too much to test"
    assert not report.bugs, report.text()


@pytest.mark.parametrize(("probe", "outcome"), [
    ("hang", "timeout"), ("hang-in-c", "timeout"), ("memory", "memory"), ("crash", "crash"),
    ("error", "error"), (None, "ok"),
])
def test_the_runner_catches_each_kind_of_bug(seeds, probe, outcome):
    # The limits are what make "no timeout, no blow-up" mean something: each bug a
    # reader could have is made on purpose, then followed by a good case in a fresh worker.
    seed = next(seed for seed in seeds if seed.suffix == ".txt")
    cases = [fuzz.Case(0, seed.name, seed.suffix, [], seed.data, probe),
             fuzz.Case(1, seed.name, seed.suffix, [], seed.data)]
    report = fuzz.run_cases(cases, workers=1, memory_mb=1024, seconds=1.0)
    assert [bug["outcome"] for bug in report.bugs] == ([] if probe is None else [outcome])
    assert report.outcomes["ok"] == (2 if probe is None else 1)
