"""Our English sentence and word tokenizers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tarjama.core.english_text import ENGLISH_STOP_WORDS, english_words, split_english_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Aircraft struck the town. Residents fled! Who will help? Nobody",
            ["Aircraft struck the town.", "Residents fled!", "Who will help?", "Nobody"],
            id="basic",
        ),
        pytest.param(
            "Mr. Smith met Dr. Jones and Prof. Lee in St. Louis. They talked.",
            ["Mr. Smith met Dr. Jones and Prof. Lee in St. Louis.", "They talked."],
            id="titles",
        ),
        pytest.param(
            "The U.S. envoy arrived. The talks began.",
            ["The U.S. envoy arrived.", "The talks began."],
            id="initialism-inside",
        ),
        pytest.param(
            "Troops left the U.S. The base closed.",
            ["Troops left the U.S.", "The base closed."],
            id="initialism-at-the-end",
        ),
        pytest.param(
            "Some cities, e.g. Aleppo, i.e. the north, were hit. Others were not.",
            ["Some cities, e.g. Aleppo, i.e. the north, were hit.", "Others were not."],
            id="e.g.-i.e.",
        ),
        pytest.param(
            "It happened on Jan. 5 and again in Sept. 2018. Then it stopped.",
            ["It happened on Jan. 5 and again in Sept. 2018.", "Then it stopped."],
            id="months",
        ),
        pytest.param(
            "Resolution No. 2254 passed. No. It failed.",
            ["Resolution No. 2254 passed.", "No.", "It failed."],
            id="number-abbreviation",
        ),
        pytest.param(
            "Prices rose 2.5 percent to 3.000 pounds. Wages did not.",
            ["Prices rose 2.5 percent to 3.000 pounds.", "Wages did not."],
            id="decimals",
        ),
        pytest.param(
            "J. K. Rowling and George W. Bush spoke. Nobody listened.",
            ["J. K. Rowling and George W. Bush spoke.", "Nobody listened."],
            id="initials",
        ),
        pytest.param(
            '"We will not retreat." He left. "Why?" she asked.',
            ['"We will not retreat."', "He left.", '"Why?" she asked.'],
            id="quotes",
        ),
        pytest.param(
            "They waited (for hours.) Then they left.",
            ["They waited (for hours.)", "Then they left."],
            id="closing-bracket",
        ),
        pytest.param(
            "He paused... then went on. Really?! Yes.",
            ["He paused... then went on.", "Really?!", "Yes."],
            id="ellipsis-and-runs",
        ),
        pytest.param(
            "Title without stop\n\nFirst line of text. Second\nline continues.",
            ["Title without stop", "First line of text.", "Second\nline continues."],
            id="blank-line-ends-a-sentence",
        ),
        pytest.param("   ", [], id="blank"),
    ],
)
def test_split_english_sentences(text, expected):
    assert split_english_sentences(text) == expected


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


def test_tokenizers_do_not_import_nltk():
    code = (
        "import sys\n"
        "from tarjama.core.english_text import split_english_sentences, english_words\n"
        "split_english_sentences('Dr. Who came. He left.'); english_words('one two')\n"
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
