"""`python -m build` makes an sdist and, from that sdist, a wheel that carry everything.

The build runs on a copy of the checkout in tmp_path (so the working tree gets no build/
or egg-info changes) without isolation and without the network; nothing is installed.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOT_SOURCES = shutil.ignore_patterns(".git", ".venv*", "build", "dist", "build-flatpak",
                                     "*.egg-info", "__pycache__", ".*_cache", ".benchmarks")

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("build") is None,
    reason="the `build` package is not installed (it comes with the test extra)")


def resource_files(source: Path) -> list[str]:
    """Every file of resources/, relative to it, e.g. "fonts/OFL.txt"."""
    folder = source / "resources"
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)


def module_files(source: Path) -> list[str]:
    folder = source / "desktop"
    return sorted(str(p.relative_to(folder)) for p in (folder / "tarjama").rglob("*.py"))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    source = tmp_path_factory.mktemp("source") / "tarjama"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir",
                           str(out), str(source)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return {"source": source, "sdist": sdist, "wheel": wheel}


def wheel_members(built) -> set[str]:
    with zipfile.ZipFile(built["wheel"]) as wheel:
        return set(wheel.namelist())


def sdist_members(built) -> set[str]:
    with tarfile.open(built["sdist"]) as sdist:
        # "tarjama-0.1.0/models/catalogue.toml" -> "models/catalogue.toml"
        return {name.partition("/")[2] for name in sdist.getnames()}


def dist_info_file(built, name: str) -> bytes:
    """A file of the wheel's .dist-info folder, e.g. "METADATA" or "licenses/LICENSE"."""
    with zipfile.ZipFile(built["wheel"]) as wheel:
        (member,) = [n for n in wheel.namelist() if n.endswith(f".dist-info/{name}")]
        return wheel.read(member)


def wheel_metadata(built):
    return Parser().parsestr(dist_info_file(built, "METADATA").decode("utf-8"))


def test_the_sdist_holds_what_the_wheel_is_built_from(built):
    members = sdist_members(built)
    for needed in ("LICENSE", "pyproject.toml", "setup.py", "README.md",
                   "models/catalogue.toml"):
        assert needed in members, needed
    missing = [f for f in resource_files(built["source"]) if f"resources/{f}" not in members]
    assert not missing
    missing = [f for f in module_files(built["source"]) if f"desktop/{f}" not in members]
    assert not missing


def test_the_wheel_carries_every_module_resource_and_the_catalogue(built):
    members = wheel_members(built)
    missing = [f for f in module_files(built["source"]) if f not in members]
    assert not missing
    resources = resource_files(built["source"])
    missing = [f for f in resources if f"tarjama/resources/{f}" not in members]
    assert not missing
    for needed in ("fonts/NotoNaskhArabic-Regular.ttf", "fonts/OFL.txt", "icons/tarjama.svg",
                   "i18n/tarjama_ar.qm", "samples/selftest.ar.txt", "catalogue.toml"):
        assert f"tarjama/resources/{needed}" in members, needed
    with zipfile.ZipFile(built["wheel"]) as wheel:
        catalogue = wheel.read("tarjama/resources/catalogue.toml")
    assert catalogue == (built["source"] / "models" / "catalogue.toml").read_bytes()


def test_the_wheel_declares_its_licence_and_carries_the_gpl(built):
    metadata = wheel_metadata(built)
    assert metadata["License-Expression"] == "GPL-3.0-or-later"
    assert metadata["License"] is None  # the old free-text form is gone
    assert metadata.get_all("License-File") == ["LICENSE"]
    text = dist_info_file(built, "licenses/LICENSE")
    assert text == (built["source"] / "LICENSE").read_bytes()
    assert b"GNU GENERAL PUBLIC LICENSE" in text[:200]
    assert b"Version 3, 29 June 2007" in text[:200]


def test_the_wheel_needs_sacrebleu_only_for_eval_and_has_both_commands(built):
    metadata = wheel_metadata(built)
    requirements = metadata.get_all("Requires-Dist")
    unconditional = [r for r in requirements if "extra ==" not in r]
    assert not [r for r in unconditional if r.startswith(("sacrebleu", "psutil"))]
    assert 'sacrebleu>=2.4; extra == "eval"' in requirements
    assert any(r.startswith("ctranslate2") and "<5" in r for r in unconditional)
    entry_points = dist_info_file(built, "entry_points.txt").decode("utf-8")
    assert "tarjama = tarjama.cli.main:main" in entry_points
    assert "tarjama-desktop = tarjama.gui.app:main" in entry_points
