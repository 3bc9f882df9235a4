"""Our English word tokenizer and stop words (sentences come from the pipeline)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tarjama.core.english_text import ENGLISH_STOP_WORDS, english_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S.-backed forces took 95%.", ["U.S", "backed", "forces", "took", "95"]),
        ("A well-known man's 2.5 km walk", ["A", "well-known", "man's", "2.5", "km", "walk"]),
        ("Deir ez-Zor, 10 September", ["Deir", "ez-Zor", "10", "September"]),
        ("-- ... !!", []),
    ],
)
def test_english_words(text, expected):
    assert english_words(text) == expected


def test_stop_words_are_lower_case_function_words():
    assert {"the", "and", "of", "said"} <= ENGLISH_STOP_WORDS
    assert "syria" not in ENGLISH_STOP_WORDS
    assert all(word == word.lower() for word in ENGLISH_STOP_WORDS)


def test_tokenizer_does_not_import_nltk():
    code = (
        "import sys\n"
        "from tarjama.core.english_text import english_words\n"
        "english_words('one two')\n"
        "print('nltk' in sys.modules)\n"
    )
    desktop = Path(__file__).resolve().parents[2] / "desktop"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(desktop)},
    )
    assert result.stdout.strip() == "False"
