"""Root test configuration: every test runs with private data, cache and log folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


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
