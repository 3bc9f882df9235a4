"""The core must run without Qt: the CLI, batch jobs and the unit tests depend on it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import tarjama.core

CORE = Path(tarjama.core.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_qt():
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 5, "the core package should hold its modules"
    qt = {"PySide6", "PyQt5", "PyQt6", "shiboken6"}
    offenders = {
        str(path.relative_to(CORE)): sorted(m for m in _imported_modules(path)
                                            if m.split(".")[0] in qt)
        for path in files
    }
    offenders = {name: mods for name, mods in offenders.items() if mods}
    assert offenders == {}


def test_importing_every_core_module_loads_no_qt():
    modules = sorted(
        ".".join(("tarjama", "core", *p.relative_to(CORE).with_suffix("").parts))
        for p in CORE.rglob("*.py")
    )
    modules = [m.removesuffix(".__init__") for m in modules]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(','.join(qt))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
