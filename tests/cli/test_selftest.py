"""``tarjama --self-test``: passes with a working pack, fails clearly when something is broken."""

from __future__ import annotations

import shutil

from tarjama.cli.main import main


def test_self_test_passes_with_a_working_pack(capsys, tiny_pack):
    assert main(["--self-test", "--pack", str(tiny_pack)]) == 0
    out = capsys.readouterr().out
    assert out.count("\nok ") + out.startswith("ok ") == 5
    assert out.rstrip().endswith("self-test passed")


def test_self_test_fails_clearly_without_a_pack(capsys):
    assert main(["--self-test"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  load the translation pack" in out
    assert "tarjama packs install" in out
    assert out.rstrip().endswith("self-test failed")


def test_self_test_fails_on_a_broken_pack(capsys, tiny_pack, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(tiny_pack, broken)
    (broken / "model.bin").write_bytes(b"not a model")
    assert main(["--self-test", "--pack", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out
    assert "Traceback" not in out
