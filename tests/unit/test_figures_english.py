"""Key figures in English translations, with the same canonical values as the Arabic side."""

from __future__ import annotations

import pytest

from tarjama.core.figures import extract_english

EXTRACTION = [
    # numbers
    ("Some 12 families returned.", [("number", "12", "12")]),
    ("The index rose 12.5 points.", [("number", "12.5", "12.5")]),
    ("About 3,000 people fled.", [("number", "3000", "3,000")]),
    ("Twelve fighters surrendered.", [("number", "12", "Twelve")]),
    ("Twenty-five fighters surrendered.", [("number", "25", "Twenty-five")]),
    ("two hundred and fifty families", [("number", "250", "two hundred and fifty")]),
    ("a thousand families", [("number", "1000", "a thousand")]),
    ("three million people", [("number", "3000000", "three million")]),
    ("2.5 billion", [("number", "2500000000", "2.5 billion")]),
    ("some 12 thousand residents", [("number", "12000", "12 thousand")]),
    ("a dozen fighters", [("number", "12", "a dozen")]),
    # vague counts
    ("dozens of fighters fled", [("count_word", "dozens", "dozens")]),
    ("scores of fighters fled", [("count_word", "dozens", "scores")]),
    ("tens of fighters fled", [("count_word", "dozens", "tens")]),
    ("hundreds of people", [("count_word", "hundreds", "hundreds")]),
    ("several hundred people", [("count_word", "hundreds", "several hundred")]),
    ("thousands of civilians", [("count_word", "thousands", "thousands")]),
    ("millions of Syrians", [("count_word", "millions", "millions")]),
    ("tens of thousands of civilians",
     [("count_word", "tens of thousands", "tens of thousands")]),
    # percentages
    ("It lost 95% of its territory.", [("percent", "95%", "95%")]),
    ("It lost 95 percent of its territory.", [("percent", "95%", "95 percent")]),
    ("It lost 95 per cent of its territory.", [("percent", "95%", "95 per cent")]),
    # dates and years
    ("on September 10, 2024", [("date", "2024-09-10", "September 10, 2024")]),
    ("on 10 September 2024", [("date", "2024-09-10", "10 September 2024")]),
    ("on 10 September", [("date", "--09-10", "10 September")]),
    ("on Sept. 10", [("date", "--09-10", "Sept. 10")]),
    ("on the 17th of March 2018", [("date", "2018-03-17", "17th of March 2018")]),
    ("since mid-June 2014", [("date", "2014-06", "June 2014")]),
    ("on 10 Ramadan 1445 AH", [("date", "hijri:1445-09-10", "10 Ramadan 1445 AH")]),
    ("on 12/3/2019", [("date", "2019-03-12", "12/3/2019")]),
    ("in 2023", [("year", "2023", "2023")]),
    ("in 1445 AH", [("year", "hijri:1445", "1445 AH")]),
    # ages and durations
    ("a 45-year-old man", [("age", "45 years", "45-year-old")]),
    ("he is 45 years old", [("age", "45 years", "45 years old")]),
    ("a man aged 45", [("age", "45 years", "45")]),
    ("for 45 years", [("duration", "45 years", "45 years")]),
    ("for three years", [("duration", "3 years", "three years")]),
    ("after six months", [("duration", "6 months", "six months")]),
    ("after two weeks", [("duration", "2 weeks", "two weeks")]),
    ("for two and a half years", [("duration", "2.5 years", "two and a half years")]),
    ("for a year and a half", [("duration", "1.5 years", "a year and a half")]),
    ("in the past 24 hours", [("duration", "24 hours", "24 hours")]),
    ("one year later", [("duration", "1 year", "one year")]),
    # units
    ("450 kilometres", [("quantity", "450 km", "450 kilometres")]),
    ("450 kilometers", [("quantity", "450 km", "450 kilometers")]),
    ("450 km", [("quantity", "450 km", "450 km")]),
    ("a 450km road", [("quantity", "450 km", "450km")]),
    ("a 450-kilometre road", [("quantity", "450 km", "450-kilometre")]),
    ("320 metres long", [("quantity", "320 m", "320 metres")]),
    ("20 tonnes of wheat", [("quantity", "20 t", "20 tonnes")]),
    ("5,000 barrels a day", [("quantity", "5000 bbl", "5,000 barrels")]),
    ("300 hectares", [("quantity", "300 ha", "300 hectares")]),
    ("500 square kilometres", [("quantity", "500 km2", "500 square kilometres")]),
    # money
    ("it cost $3 million", [("money", "3000000 USD", "$3 million")]),
    ("it cost 3 million dollars", [("money", "3000000 USD", "3 million dollars")]),
    ("it cost $3m", [("money", "3000000 USD", "$3m")]),
    ("it cost US$5bn", [("money", "5000000000 USD", "US$5bn")]),
    ("500 Syrian pounds", [("money", "500 SYP", "500 Syrian pounds")]),
    ("500 Syrian lira", [("money", "500 SYP", "500 Syrian lira")]),
    ("200 pounds", [("money", "200 POUND", "200 pounds")]),
    ("2 billion euros", [("money", "2000000000 EUR", "2 billion euros")]),
    ("100 Jordanian dinars", [("money", "100 JOD", "100 Jordanian dinars")]),
    ("10,000 Egyptian pounds", [("money", "10000 EGP", "10,000 Egyptian pounds")]),
    ("C$275 million", [("money", "275000000 CAD", "C$275 million")]),
    ("€40", [("money", "40 EUR", "€40")]),
    ("5,000 SYP", [("money", "5000 SYP", "5,000 SYP")]),
    # casualties and arrests
    ("five people were killed", [("casualties", "5 killed", "five people were killed")]),
    ("12 wounded", [("casualties", "12 wounded", "12 wounded")]),
    ("12 civilians were injured", [("casualties", "12 wounded", "12 civilians were injured")]),
    ("20 arrested", [("arrests", "20 arrested", "20 arrested")]),
    ("the arrest of 20 people", [("arrests", "20 arrested", "arrest of 20 people")]),
    ("killing 12 civilians", [("casualties", "12 killed", "killing 12 civilians")]),
    ("about 100 victims", [("casualties", "100 victims", "100 victims")]),
    ("7 missing", [("casualties", "7 missing", "7 missing")]),
    ("3 dead and 12 wounded", [("casualties", "3 killed", "3 dead"),
                               ("casualties", "12 wounded", "12 wounded")]),
    # several figures
    ("On March 3, 2024 a 320-metre bridge costing $4.5 million opened.",
     [("date", "2024-03-03", "March 3, 2024"), ("quantity", "320 m", "320-metre"),
      ("money", "4500000 USD", "$4.5 million")]),
]

NOT_FIGURES = [
    "One of the fighters said no one knows.",
    "The 20th century and the 1990s.",
    "A G20 summit and F-16 jets.",
    "The COVID-19 pandemic.",
    "Follow #Syria2024 and @news24.",
    "Source: https://example.org/news/2024/123",
    "Write to info2024@example.org",
    "May he rest in peace; you may go.",
    "He will march on.",
    "",
]


@pytest.mark.parametrize(("sentence", "expected"), EXTRACTION)
def test_extracts_kind_value_and_text(sentence, expected):
    assert [(f.kind, f.value, f.text) for f in extract_english(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), EXTRACTION)
def test_offsets_point_at_the_text_as_written(sentence, expected):
    figures = extract_english(sentence)
    assert figures
    for figure in figures:
        assert sentence[figure.start:figure.end] == figure.text
        assert figure.side == "target"


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_ordinary_words_links_and_codes_are_not_figures(sentence):
    assert extract_english(sentence) == []


def test_a_hashtag_number_is_still_a_number():
    assert [f.value for f in extract_english("answers to #1 and 2")] == ["1", "2"]
