"""The Flatpak manifest asks for the least access it needs, and its comments name
commands that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tarjama.cli.main import all_subparsers, build_parser

MANIFEST = Path(__file__).resolve().parents[1] / "packaging" / "flatpak" / \
    "io.github.tarjama.Tarjama.yml"


def finish_args() -> list[str]:
    yaml = pytest.importorskip("yaml", reason="PyYAML is needed to read the Flatpak manifest")
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["finish-args"]


def comments() -> str:
    return "\n".join(line.split("#", 1)[1] for line in MANIFEST.read_text().splitlines()
                     if "#" in line)


def test_no_home_host_or_device_access():
    args = finish_args()
    filesystems = [a.split("=", 1)[1] for a in args if a.startswith("--filesystem=")]
    assert filesystems == ["xdg-documents:ro", "xdg-download:ro"]
    assert not [a for a in args if a.startswith(("--device", "--socket=session-bus",
                                                 "--socket=system-bus", "--talk-name"))]
    assert set(args) == {"--socket=wayland", "--socket=fallback-x11", "--share=ipc",
                         "--filesystem=xdg-documents:ro", "--filesystem=xdg-download:ro",
                         "--share=network"}


def test_the_tarjama_commands_in_the_comments_exist():
    parser = build_parser()
    commands = {sub.prog.removeprefix("tarjama ") for sub in all_subparsers(parser)}
    named = re.findall(r"`tarjama ([a-z][a-z ]*[a-z])", comments())
    assert named  # `tarjama packs install ...`, `tarjama eval`
    for words in named:
        assert words in commands or words.rsplit(" ", 1)[0] in commands, words
    runs = re.findall(r"--command=tarjama io\.github\.tarjama\.Tarjama (.+)", comments())
    assert runs
    for line in runs:
        parser.parse_args(line.split())  # a usage error would exit
