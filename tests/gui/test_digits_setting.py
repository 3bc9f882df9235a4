"""Packs ▸ Give the Model Arabic-Indic Digits as 0-9: the setting reaches the translator."""

from __future__ import annotations

from PySide6.QtGui import QAction

from tarjama.gui.job_requests import request_for
from tarjama.gui.job_translator import TranslatorCache
from tarjama.gui.settings import Settings

TEXT = "Give the Model Arabic-Indic &Digits as 0-9"


def toggle(window) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text() == TEXT)


def test_turning_it_off_gives_the_translator_the_digits_as_written(make_window, use_tiny_pack,
                                                                   tmp_path):
    window = make_window()
    article = tmp_path / "a.ar.txt"
    assert toggle(window).isChecked()
    assert request_for(window, article).normalise_digits
    cache = TranslatorCache()
    assert cache.get(request_for(window, article)).options.normalise_digits

    toggle(window).trigger()
    assert not window.settings.normalise_digits
    request = request_for(window, article)
    assert not request.normalise_digits
    assert not cache.get(request).options.normalise_digits  # a translator of its own

    window.settings.save()
    assert not Settings.load(window.settings.path).normalise_digits
