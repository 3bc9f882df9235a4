"""Render the application icon SVG into the PNG sizes desktops and installers ask for.

    python scripts/render_icons.py [--svg resources/icons/tarjama.svg] [--out resources/icons]

Writes ``tarjama-<size>.png`` for every size in SIZES, each drawn afresh from the vector
(no down-scaling of a big bitmap, so small sizes stay sharp). Needs only PySide6
(QtSvg ships in PySide6-Essentials) and no display: it sets the offscreen platform.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

SIZES = (16, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SVG = ROOT / "resources" / "icons" / "tarjama.svg"


def render_icon(svg_path: Path, out_dir: Path, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Render ``svg_path`` to ``out_dir/<stem>-<size>.png``; returns the written paths."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    # QPainter on a QImage needs a QGuiApplication for font and colour machinery.
    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg_path))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg_path} is not a valid SVG file")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = out_dir / f"{svg_path.stem}-{size}.png"
        temporary = target.with_name(target.name + ".tmp")
        if not image.save(str(temporary), "PNG"):
            raise SystemExit(f"render_icons: cannot write {temporary}")
        os.replace(temporary, target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=DEFAULT_SVG, help="the icon to render")
    parser.add_argument("--out", type=Path, default=None,
                        help="folder for the PNG files (default: the SVG's folder)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in render_icon(args.svg, args.out or args.svg.parent):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
