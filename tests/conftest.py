"""Root test configuration: every test runs with private data, cache and log folders."""

from __future__ import annotations

import logging
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# One int8 path on every x86 machine. The tiny pack's seeded weights give one sentence a
# repair (test_repair_engine), but only as the AVX2 kernels compute it: oneDNN's AVX-512
# VNNI kernels, which CTranslate2 picks on a CPU that has them, give other hypotheses.
# Set before anything loads CTranslate2; subprocesses and Ray workers inherit it.
os.environ.setdefault("CT2_USE_MKL", "0")
os.environ.setdefault("ONEDNN_MAX_CPU_ISA", "AVX2")

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# The tests that use ``local_ray`` run last, so one Ray serves them all and no other test
# runs beside it; before them the rest of the Ray modules, which need no Ray running.
RAY_MODULES = ("test_batch_ray.py", "test_batch_ray_cli.py")


def pytest_collection_modifyitems(items):
    def ray_order(item) -> int:
        if "local_ray" in getattr(item, "fixturenames", ()):
            return 2
        return 1 if item.path.name in RAY_MODULES else 0

    items.sort(key=ray_order)  # stable: each group keeps its order


@pytest.fixture(scope="session")
def local_ray():
    """The address of one real local Ray for the session, joined by this process.

    Started with ``ray.init`` rather than ``ray start``, so a command run without
    ``--address`` still starts a Ray of its own instead of finding this one.
    """
    ray = pytest.importorskip("ray", reason='the Ray engine needs pip install "tarjama[cluster]"')
    if ray.is_initialized():
        ray.shutdown()
    context = ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
                       logging_level="ERROR", _node_ip_address="127.0.0.1")
    yield context.address_info["gcs_address"]
    ray.shutdown()


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path_factory, monkeypatch):
    """Keep packs, caches and logs of each test out of the real user folders."""
    root = tmp_path_factory.mktemp("user")
    for name in ("DATA", "CACHE", "LOG"):
        monkeypatch.setenv(f"TARJAMA_{name}_DIR", str(root / name.lower()))
    monkeypatch.delenv("TARJAMA_PACK", raising=False)
    # The interface in English whatever the developer's locale; a test may choose Arabic.
    monkeypatch.setenv("TARJAMA_UI_LANGUAGE", "en")
    return root


@pytest.fixture(autouse=True)
def tarjama_logger_restored():
    """Each test finds the "tarjama" logger as it was: the GUI's log set-up raises its
    level to INFO, which would hide a later CLI test's --debug records."""
    logger = logging.getLogger("tarjama")
    level, handlers, propagate = logger.level, list(logger.handlers), logger.propagate
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers
    logger.propagate = propagate


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "samples").is_dir():
        pytest.skip("../shared is absent: the shared samples are only beside the project checkout")
    return SHARED


@pytest.fixture(scope="session")
def sample_articles(shared_dir) -> list[Path]:
    return sorted((shared_dir / "samples").glob("*.ar.txt"))


@pytest.fixture(scope="session")
def tiny_pack(tmp_path_factory) -> Path:
    """A tiny random-weight translation pack, built once per test session."""
    from tarjama.devtools.fixture_pack import build_pack

    out = tmp_path_factory.mktemp("packs") / "tiny"
    build_pack(out, size="tiny")
    return out


@pytest.fixture(autouse=True)
def argos_packages_dir(tmp_path_factory, monkeypatch) -> Path:
    """Argos Translate's packages folder: an empty one of the test's, never the real one."""
    folder = tmp_path_factory.mktemp("argos-packages")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def family_pack(tmp_path_factory):
    """``family_pack("nllb")``: the tiny fixture pack of a model family, built once a session.

    ``declared=False`` leaves "family" out of pack.json, so it must be recognised.
    """
    import json
    import shutil

    from tarjama.devtools.fixture_pack import build_pack

    built: dict[tuple[str, bool], Path] = {}

    def build(family: str, declared: bool = True) -> Path:
        key = (family, declared)
        if key not in built:
            out = tmp_path_factory.mktemp("family-packs") / f"{family}-{int(declared)}"
            if declared:
                built[key] = build_pack(out, size="tiny", family=family)
            else:  # the same files, without "family" in pack.json (cheaper than a build)
                shutil.copytree(build(family), out)
                metadata = json.loads((out / "pack.json").read_text(encoding="utf-8"))
                del metadata["family"]
                (out / "pack.json").write_text(json.dumps(metadata), encoding="utf-8")
                built[key] = out
        return built[key]

    return build


@pytest.fixture(scope="session")
def argos_tiny_pack(tmp_path_factory) -> Path:
    """A tiny random-weight pack in the Argos Translate package layout, built once a session."""
    from tarjama.devtools.fixture_pack import build_pack

    return build_pack(tmp_path_factory.mktemp("argos-pack") / "translate-ar_en-1_0",
                      size="tiny", layout="argos")


@pytest.fixture(scope="session")
def argos_bpe_pack(tmp_path_factory) -> Path:
    """A tiny Argos package that tokenises with bpe.model instead of SentencePiece."""
    from tarjama.devtools.fixture_pack import build_pack

    return build_pack(tmp_path_factory.mktemp("argos-bpe") / "translate-ar_en-bpe",
                      size="tiny", layout="argos-bpe")
