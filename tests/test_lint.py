"""The code style the project agreed on (ruff's rules in pyproject.toml) holds everywhere."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing():
    # The ruff of this Python's environment first, even when that environment is not activated.
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (it comes with the test extra: pip install -e .[test])")
    done = subprocess.run([ruff, "check", "--no-cache", str(REPO)], capture_output=True,
                          text=True, check=False, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
