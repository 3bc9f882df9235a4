"""The reader window translates with a pack of each model family; NLLB's licence is flagged."""

from __future__ import annotations

import json
import shutil

import pytest

from tarjama.devtools.fixture_pack import has_arabic_script

LANGUAGE_TOKENS = ("arb_Arab", "eng_Latn", "__ar__", "__en__", "<2en>", "<2ar>", "</s>", "<pad>")


@pytest.mark.parametrize("family", ["nllb", "m2m100", "madlad"])
def test_the_window_translates_with_each_family(make_window, open_and_wait, article_file,
                                                family_pack, monkeypatch, dialogs, family):
    monkeypatch.setenv("TARJAMA_PACK", str(family_pack(family)))
    window = make_window()
    open_and_wait(window, article_file)
    assert dialogs == []
    sentences = window.article.sentences
    assert len(sentences) == 6
    for s in sentences:
        shown = window.target_pane.sentence_text(s.sentence.id)
        assert shown == s.translation
        assert shown.strip()
        assert not has_arabic_script(shown)
        assert not any(token in shown for token in LANGUAGE_TOKENS)
        assert window.source_pane.sentence_text(s.sentence.id) == s.sentence.text
    assert "Translated 6 sentences" in window.job_status.status_label.text()


def test_the_packs_dialog_flags_an_installed_nllb_pack_as_non_commercial(
        qtbot, family_pack, tmp_path, monkeypatch):
    from tarjama.core.paths import packs_dir
    from tarjama.gui.errors import ErrorReporter
    from tarjama.gui.packs_dialog import PacksDialog

    installed = packs_dir() / "my-nllb"
    shutil.copytree(family_pack("nllb"), installed)
    metadata = json.loads((installed / "pack.json").read_text(encoding="utf-8"))
    metadata["licence"] = ""  # a conversion made by hand: the family decides the licence
    (installed / "pack.json").write_text(json.dumps(metadata), encoding="utf-8")
    catalogue = tmp_path / "catalogue.toml"
    catalogue.write_text("schema = 1\n", encoding="utf-8")
    monkeypatch.setenv("TARJAMA_CATALOGUE", str(catalogue))

    dialog = PacksDialog(parent=None, reporter=ErrorReporter(show=lambda *_args: None))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    row = next(r for r in dialog.rows() if r.name == "my-nllb")
    dialog.table.selectRow(dialog.rows().index(row))
    shown = dialog.details.plain_text()
    assert "non-commercial use only" in shown
    assert "CC-BY-NC-4.0" in shown


def test_the_window_uses_an_argos_package_found_on_the_computer(
        make_window, open_and_wait, article_file, argos_tiny_pack, argos_packages_dir, dialogs):
    # Nothing installed in Tarjama and no $TARJAMA_PACK: Argos's only package is used.
    shutil.copytree(argos_tiny_pack, argos_packages_dir / "translate-ar_en-1_0")
    window = make_window()
    open_and_wait(window, article_file)
    assert dialogs == []
    assert window.banner.isHidden()
    for s in window.article.sentences:
        shown = window.target_pane.sentence_text(s.sentence.id)
        assert shown.strip()
        assert not has_arabic_script(shown)
    assert "Translated 6 sentences" in window.job_status.status_label.text()
