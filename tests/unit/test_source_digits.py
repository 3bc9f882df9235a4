"""Digits normalised for the engine only: the Arabic the reader sees never changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tarjama.core.documents import Document
from tarjama.core.packs import load_pack
from tarjama.core.pipeline import PipelineOptions, analyse_document
from tarjama.core.source_digits import normalise_source_digits
from tarjama.core.translate import TranslationOptions, Translator

EASTERN = "ارتفع التضخم إلى ١٢٫٥٪ وبلغ الدين ١٬٢٥٠ مليون دولار في ۱۴۰۲."
ASCII = "ارتفع التضخم إلى 12.5% وبلغ الدين 1,250 مليون دولار في 1402."


@pytest.mark.parametrize(("written", "expected"), [
    (EASTERN, ASCII),
    ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
    ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),
    ("٣٫٥ و٪٢٠ و١٬٠٠٠", "3.5 و%20 و1,000"),
    ("نص بلا أرقام، والفاصلة العربية باقية.", "نص بلا أرقام، والفاصلة العربية باقية."),
])
def test_digits_and_marks_become_the_forms_of_the_training_data(written, expected):
    assert normalise_source_digits(written) == expected
    assert len(normalise_source_digits(written)) == len(written)


class Recorder:
    def __init__(self, translator: Translator) -> None:
        self.inner = translator.engine
        self.sources: list[list[str]] = []
        translator._engine = self  # type: ignore[assignment]

    def translate_batch(self, tokens, **options):
        self.sources.extend(tokens)
        return self.inner.translate_batch(tokens, **options)


def _run(tiny_pack, normalise: bool):
    options = TranslationOptions(max_decoding_length=16, use_cache=False,
                                 normalise_digits=normalise)
    translator = Translator(load_pack(tiny_pack), options)
    recorder = Recorder(translator)
    document = Document(Path("a.txt"), "text", "utf-8", (EASTERN,), None)
    result = analyse_document(document, translator,
                              PipelineOptions(summary_sentences=0, repair=False))
    return document, result, recorder.sources, translator


def test_the_engine_gets_ascii_digits_and_the_reader_keeps_the_arabic(tiny_pack):
    document, result, sources, translator = _run(tiny_pack, normalise=True)
    (sentence,) = result.sentences
    assert document.paragraphs == (EASTERN,)
    assert sentence.sentence.text == EASTERN
    assert sentence.to_dict()["source"] == EASTERN
    # The figures are those of the Arabic as written, Eastern digits included.
    assert [f.text for f in sentence.source_figures if "١٢" in f.text]
    engine_text = "".join(sources[0]).replace("\u2581", " ")
    assert "12.5" in engine_text
    assert "١" not in engine_text
    assert "٪" not in engine_text
    assert sources[0] == translator.tokenize(ASCII)


def test_keep_digits_sends_the_arabic_as_written(tiny_pack):
    _, _, sources, translator = _run(tiny_pack, normalise=False)
    assert sources[0] == translator.tokenize(EASTERN)
    assert sources[0] != Translator(translator.pack).tokenize(EASTERN)


def test_both_spellings_of_a_figure_share_one_engine_call_and_cache_entry(tiny_pack):
    translator = Translator(load_pack(tiny_pack), TranslationOptions(max_decoding_length=16))
    recorder = Recorder(translator)
    first = translator.translate([EASTERN, ASCII])
    assert len(recorder.sources) == 1
    assert first[0] == first[1]
    again = Translator(translator.pack, TranslationOptions(max_decoding_length=16))
    assert again.translate([ASCII]) == [first[0]]
    assert again.last_stats.cached == 1
