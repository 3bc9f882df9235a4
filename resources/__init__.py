"""Icons, fonts, styles, UI translations and the self-test sample, as package data.

Installed as ``tarjama.resources``; reach every file through ``resource_path`` so the
same code works from a checkout, an installed wheel and a PyInstaller bundle.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a bundled resource file, e.g. ``resource_path("fonts", "x.ttf")``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller one-folder bundle
        return Path(frozen_root, "tarjama", "resources", *parts)
    return Path(str(resources.files(__name__).joinpath(*parts)))
