"""What makes a batch redo an article: the settings digest its records carry."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

from tarjama.core.batch import BatchOptions
from tarjama.core.batch.run_settings import settings_for
from tarjama.core.glossary import Glossary
from tarjama.core.translate import TranslationOptions


def translator(**options):
    return SimpleNamespace(options=TranslationOptions(**options),
                           pack=SimpleNamespace(fingerprint="pack|1|2|3"))


def test_repair_the_glossary_and_digits_each_change_the_digest():
    base = settings_for(translator(), BatchOptions())
    unrwa = Glossary.from_text("الأونروا\tUNRWA\n")
    other = Glossary.from_text("الأونروا\tthe UN relief agency\n")
    changed = [
        settings_for(translator(), BatchOptions(repair=False)),
        settings_for(translator(), BatchOptions(glossary=unrwa)),
        settings_for(translator(), BatchOptions(glossary=other)),
        settings_for(translator(normalise_digits=False), BatchOptions()),
    ]
    assert len({base, *changed}) == 5


def test_the_same_settings_give_the_same_digest_and_the_pipelines_glossary_is_ignored():
    glossary = Glossary.from_text("غزة\tGaza\n")
    options = BatchOptions(glossary=glossary)
    with_copy = dataclasses.replace(
        options, pipeline=dataclasses.replace(options.pipeline, glossary=glossary))
    assert settings_for(translator(), options) == settings_for(translator(), options)
    assert settings_for(translator(), with_copy) == settings_for(translator(), options)
