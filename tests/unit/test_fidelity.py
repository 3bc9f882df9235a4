"""The fidelity check: does the English keep every figure of the Arabic?"""

from __future__ import annotations

import json
import re

import pytest

from tarjama.core.figures import (
    Fidelity,
    Figure,
    check_fidelity,
    compare_figures,
    extract_arabic,
)
from tarjama.core.figures import fidelity as matching
from tarjama.core.figures.fidelity import describe, relation
from tarjama.core.figures.slips import corrupted_copy

# Faithful translations, including figures rendered in another but equal way.
KEPT = [
    ("جمال الصالح (45 عاماً) وهو اسم مستعار", "Jamal al-Saleh (45 years old) is a pseudonym"),
    ("جمال الصالح (45 عاماً) وهو اسم مستعار", "Jamal al-Saleh, a 45-year-old, uses a pseudonym"),
    ("جمال الصالح (45 عاماً) وهو اسم مستعار", "Jamal al-Saleh (45) is a pseudonym"),
    ("خسر التنظيم ما يقارب 95% من مناطقه", "The group lost nearly 95 percent of its areas"),
    ("خسر التنظيم ٩٥٪ من مناطقه", "The group lost 95% of its areas"),
    ("قطعت القافلة 450 كيلومترا", "The convoy travelled 450 km"),
    ("قطعت القافلة 450 كيلومترا", "The convoy travelled 450 kilometers"),
    ("في 10 أيلول/سبتمبر", "on September 10"),
    ("في 10 أيلول/سبتمبر 2024", "on 10 September 2024"),
    ("في 17 آذار/مارس 2018، تمكن التنظيم", "On March 17, 2018, the group managed"),
    ("منذ منتصف يونيو/ حزيران 2014", "since mid-June 2014"),
    ("هروب العشرات من عناصر التنظيم", "Dozens of members of the group fled"),
    ("نزح عشرات الآلاف", "Tens of thousands were displaced"),
    ("عاد ثلاثة مقاتلين", "Three fighters returned"),
    ("عاد ثلاثة مقاتلين", "3 fighters returned"),
    ("عاد ١٢ مقاتلا", "twelve fighters returned"),
    ("بلغت الكلفة 3 ملايين دولار", "The cost reached $3 million"),
    ("بلغت الكلفة 3 ملايين دولار", "The cost reached 3 million dollars"),
    ("بلغت الكلفة 3 ملايين دولار", "The cost reached three million US dollars"),
    ("سعر الربطة 200 ليرة", "A bundle costs 200 Syrian pounds"),
    ("سعر الربطة 200 ليرة سورية", "A bundle costs 200 pounds"),
    ("خلال عام 2023", "during 2023"),
    ("مقتل 5 أشخاص وإصابة 12 آخرين", "Five people were killed and 12 others wounded"),
    ("مقتل 5 أشخاص وإصابة 12 آخرين", "12 people were wounded and five were killed"),
    ("اعتقال 20 شابا", "20 young men were arrested"),
    ("بلغ عدد الضحايا قرابة الـ 100 ضحية", "the toll reached about 100 victims"),
    ("بلغ عدد الضحايا قرابة الـ 100 ضحية", "the toll reached about 100 dead"),
    ("حكم عليه بالسجن ثلاث سنوات", "He was sentenced to three years in prison"),
    ("منذ نحو عامين ونصف", "for about two and a half years"),
    ("خلال الأربع والعشرين ساعة الماضية", "in the past 24 hours"),
    ("يرتبط بالإنزيم المحول للأنجيوتنسين 2", "binds to ACE2"),
    ("منذ أواخر ديسمبر 2019", "since late December 2019"),
    ("لا أرقام في هذه الجملة", "There are no figures in this sentence"),
]

# (Arabic, English, the detail every missing figure must give)
MISSING = [
    ("جمال الصالح (45 عاماً) وهو اسم مستعار", "Jamal al-Saleh is a pseudonym",
     ["the Arabic figure 45 (age) is not in the translation"]),
    ("قطعت القافلة 450 كيلومترا", "The convoy travelled far",
     ["the Arabic figure 450 km is not in the translation"]),
    ("في 10 أيلول/سبتمبر 2024", "in the autumn",
     ["the Arabic figure 10 September 2024 is not in the translation"]),
    ("هروب العشرات من عناصر التنظيم", "Members of the group fled",
     ["the Arabic figure dozens (vague count) is not in the translation"]),
    ("بلغت الكلفة 3 ملايين دولار", "The cost was high",
     ["the Arabic figure 3,000,000 USD is not in the translation"]),
    ("مقتل 5 أشخاص وإصابة 12 آخرين", "Five people were killed",
     ["the Arabic figure 12 wounded is not in the translation"]),
    ("عاد ثلاثة مقاتلين", "Fighters returned",
     ["the Arabic figure 3 is not in the translation"]),
    ("في 10 رمضان 1445هـ", "in the holy month",
     ["the Arabic figure 10 Ramadan 1445 AH is not in the translation"]),
]

# (Arabic, English, the detail every changed figure must give)
CHANGED = [
    ("جمال الصالح (45 عاماً) وهو اسم مستعار", "Jamal al-Saleh (54) is a pseudonym",
     ["the Arabic says 45 (age); the English has 54"]),
    ("جمال الصالح (45 عاماً) وهو اسم مستعار", "Jamal al-Saleh, 54 years old, uses a pseudonym",
     ["the Arabic says 45 (age); the English has 54 (age)"]),
    ("قطعت القافلة 450 كيلومترا", "The convoy travelled 540 km",
     ["the Arabic says 450 km; the English has 540 km"]),
    ("قطعت القافلة 450 كيلومترا", "The convoy travelled 450 miles",
     ["the Arabic says 450 km; the English has 450 mi (450 km is 280 mi)"]),
    ("خسر التنظيم 95% من مناطقه", "The group lost 59% of its areas",
     ["the Arabic says 95%; the English has 59%"]),
    ("في 10 أيلول/سبتمبر 2024", "on September 11, 2024",
     ["the Arabic says 10 September 2024; the English has 11 September 2024"]),
    ("في 10 أيلول/سبتمبر 2024", "on September 10",
     ["the Arabic says 10 September 2024; the English has 10 September"]),
    ("هروب العشرات من عناصر التنظيم", "Hundreds of members of the group fled",
     ["the Arabic says dozens (vague count); the English has hundreds (vague count)"]),
    ("بلغت الكلفة 3 ملايين دولار", "The cost reached 3 million euros",
     ["the Arabic says 3,000,000 USD; the English has 3,000,000 EUR"]),
    ("بلغت الكلفة 3 ملايين دولار", "The cost reached $3 billion",
     ["the Arabic says 3,000,000 USD; the English has 3,000,000,000 USD"]),
    ("مقتل 5 أشخاص وإصابة 12 آخرين", "Five people were killed and 13 others wounded",
     ["the Arabic says 12 wounded; the English has 13 wounded"]),
    ("مقتل 5 أشخاص", "Five people were wounded",
     ["the Arabic says 5 killed; the English has 5 wounded"]),
    ("حكم عليه بالسجن ثلاث سنوات", "He was sentenced to three months in prison",
     ["the Arabic says 3 years; the English has 3 months"]),
    ("خلال عام 2023", "during 2024", ["the Arabic says 2023; the English has 2024"]),
    ("في 10 رمضان 1445هـ", "in Ramadan",
     ["the Arabic says 10 Ramadan 1445 AH; the English has Ramadan"]),
]


@pytest.mark.parametrize(("arabic", "english"), KEPT)
def test_faithful_translations_keep_every_figure(arabic, english):
    fidelity = check_fidelity(arabic, english)
    assert fidelity.status == "ok", [c.detail for c in fidelity.checks]
    assert len(fidelity.checks) == len(extract_arabic(arabic))
    for check in fidelity.checks:
        assert check.status == "ok"
        assert check.target is not None
        assert english[check.target.start:check.target.end] == check.target.text
        assert check.target.text in check.detail


@pytest.mark.parametrize(("arabic", "english", "details"), MISSING)
def test_lost_figures_are_missing(arabic, english, details):
    fidelity = check_fidelity(arabic, english)
    assert fidelity.status == "missing"
    assert [c.detail for c in fidelity.checks if c.status == "missing"] == details
    assert all(c.target is None for c in fidelity.checks if c.status == "missing")


@pytest.mark.parametrize(("arabic", "english", "details"), CHANGED)
def test_altered_figures_are_changed(arabic, english, details):
    fidelity = check_fidelity(arabic, english)
    assert fidelity.status == "changed"
    changed = [c for c in fidelity.checks if c.status == "changed"]
    assert [c.detail for c in changed] == details
    assert all(c.target is not None for c in changed)


def test_two_figures_are_paired_by_value_not_by_order():
    fidelity = check_fidelity("سقط 3 قتلى و12 جريحاً", "12 were wounded and three killed")
    assert fidelity.status == "ok"
    pairs = {(c.source.text, c.target.text) for c in fidelity.checks if c.target}
    assert pairs == {("3 قتلى", "three killed"), ("12 جريحاً", "12 were wounded")}


def test_a_changed_figure_is_paired_with_its_own_counterpart():
    fidelity = check_fidelity("جمال (45 عاماً) قطع 450 كيلومترا",
                              "Jamal, 54 years old, travelled 450 km")
    by_source = {c.source.text: c for c in fidelity.checks}
    assert by_source["450 كيلومترا"].status == "ok"
    assert by_source["45 عاماً"].status == "changed"
    assert by_source["45 عاماً"].target.text == "54 years old"


def test_digits_inside_an_english_name_keep_a_bare_arabic_number():
    fidelity = check_fidelity("يرتبط بالإنزيم المحول للأنجيوتنسين 2 وليس 5", "binds to ACE2, not 6")
    assert [c.status for c in fidelity.checks] == ["ok", "changed"]
    assert fidelity.checks[0].target.text == "2"
    assert fidelity.checks[1].detail == "the Arabic says 5; the English has 6"


def test_status_is_the_worst_check():
    fidelity = check_fidelity("مقتل 5 أشخاص وإصابة 12 آخرين واعتقال 20",
                              "Five people were killed and 13 wounded")
    statuses = {c.source.value: c.status for c in fidelity.checks}
    assert statuses == {"5 killed": "ok", "12 wounded": "changed", "20 arrested": "missing"}
    assert fidelity.status == "missing"


def test_one_english_figure_answers_one_arabic_figure():
    fidelity = check_fidelity("عاد 3 مقاتلين ثم 3 آخرون", "3 fighters came back")
    assert [c.status for c in fidelity.checks] == ["ok", "missing"]


def test_no_figures_means_ok():
    fidelity = check_fidelity("", "")
    assert fidelity == Fidelity("ok", ())


def test_compare_figures_accepts_figures_already_extracted():
    sources = extract_arabic("قطعت القافلة 450 كيلومترا")
    assert compare_figures(sources, [], 25, "").status == "missing"


def test_to_dict_is_json_ready():
    fidelity = check_fidelity("جمال (45 عاماً) قطع 450 كيلومترا", "Jamal (54) travelled far")
    data = json.loads(json.dumps(fidelity.to_dict(), ensure_ascii=False))
    assert data["status"] == "missing"
    assert [c["status"] for c in data["checks"]] == ["changed", "missing"]
    assert data["checks"][0]["target"]["text"] == "54"
    assert data["checks"][1]["target"] is None
    assert data["checks"][1]["source"]["value"] == "450 km"


def test_a_figure_dict_has_every_field_in_order():
    """Figure.to_dict is written out by hand (for speed): a field added later must be
    added there too, in the order of the fields."""
    import dataclasses

    figure = extract_arabic("قتل نحو 300 شخص")[0]
    assert list(figure.to_dict()) == [f.name for f in dataclasses.fields(figure)]
    assert figure.to_dict() == dataclasses.asdict(figure)


def test_shared_sample_sentences_check_against_themselves_translated(sample_articles):
    """Each figure of a real article, rewritten as an English figure, is found again."""
    if not sample_articles:
        pytest.skip("no sample articles in ../shared/samples")
    renderings = {"95%": "95 percent", "45 years": "45-year-old", "2018-03-17": "March 17, 2018",
                  "2014-06": "June 2014", "100 victims": "100 victims", "dozens": "dozens",
                  "2.5 years": "two and a half years"}
    checked = 0
    for path in sample_articles:
        for line in path.read_text(encoding="utf-8").splitlines():
            figures = [f for f in extract_arabic(line) if f.value in renderings]
            if not figures:
                continue
            english = " and ".join(renderings[f.value] for f in figures)
            fidelity = check_fidelity(line, english)
            assert all(c.status == "ok" for c in fidelity.checks
                       if c.source.value in renderings), english
            checked += len(figures)
    assert checked >= len(renderings)


# Matching rules, tested on figures built by hand so they do not depend on the extractors.

def fig(kind, value, number=None, unit=None, qualifier=None, *, side="source", start=0,
        text=None):
    text = text or value
    return Figure(kind, value, text, start, start + len(text), side, number, unit, qualifier)


def eng(kind, value, number=None, unit=None, qualifier=None, *, start=0, text=None):
    return fig(kind, value, number, unit, qualifier, side="target", start=start, text=text)


def check_one(source, target):
    """The check of one Arabic figure against one English figure at the same place."""
    fidelity = compare_figures([source], [target], 100, " " * 100)
    return fidelity.checks[0]


NUMBER_300 = fig("number", "300", 300.0)
KM_120 = fig("quantity", "120 km", 120.0, "km")

# (Arabic figure, English figure, a phrase the detail must hold or None)
KEPT_FIGURES = [
    # spelled out, duals, bare numbers for figures of another kind
    (NUMBER_300, eng("number", "300", 300.0, text="three hundred"), None),
    (fig("number", "2", 2.0, text="جنديين"), eng("number", "2", 2.0, text="two soldiers"), None),
    (fig("casualties", "2 killed", 2.0, "killed", text="مقتل جنديين"),
     eng("casualties", "2 killed", 2.0, "killed", text="two soldiers were killed"), None),
    (fig("casualties", "2 killed", 2.0, "killed", text="مقتل جنديين"),
     eng("number", "2", 2.0, text="two soldiers"), None),
    (fig("casualties", "3 killed", 3.0, "killed"), eng("number", "3", 3.0), None),
    (fig("number", "3", 3.0), eng("casualties", "3 killed", 3.0, "killed"), None),
    (fig("casualties", "5 victims", 5.0, "victims"), eng("casualties", "5 killed", 5.0, "killed"),
     None),
    (fig("count_word", "tens of thousands"), eng("count_word", "tens of thousands"), None),
    (fig("count_word", "dozens"), eng("count_word", "dozens", text="scores of"), None),
    # qualifiers
    (fig("number", "300", 300.0, qualifier="about"), eng("number", "300", 300.0),
     "the English leaves out “about”"),
    (NUMBER_300, eng("number", "300", 300.0, qualifier="about"), "the English adds “about”"),
    (fig("number", "300", 300.0, qualifier="about"),
     eng("number", "300", 300.0, qualifier="about", text="nearly 300"), None),
    (fig("number", "300", 300.0, qualifier="more than"),
     eng("number", "300", 300.0, qualifier="about"), "the Arabic says “more than”, the English"),
    (fig("casualties", "20 killed", 20.0, "killed", qualifier="at least"),
     eng("casualties", "20 killed", 20.0, "killed", qualifier="more than"), "“at least”"),
    (fig("date", "2014-06", qualifier="mid"), eng("date", "2014-06"),
     "the English leaves out “mid-”"),
    (fig("year", "2019", 2019.0, qualifier="late"), eng("year", "2019", 2019.0, qualifier="late"),
     None),
    # clock times, ordinals, scores, fractions
    (fig("time", "20:30", 20.5, "24h"), eng("time", "08:30", 8.5, "12h", text="8:30"),
     "morning or evening"),
    (fig("time", "09:00", 9.0, "12h"), eng("time", "21:00", 21.0, "24h", text="9 p.m."),
     "the Arabic does not say"),
    (fig("time", "17:00", 17.0, "24h"), eng("time", "17:00", 17.0, "24h"), None),
    (fig("ordinal", "3rd", 3.0), eng("ordinal", "3rd", 3.0, text="third"), None),
    (fig("ordinal", "3rd", 3.0), eng("number", "3", 3.0), None),
    (fig("score", "2-1"), eng("score", "2-1"), None),
    (fig("score", "2-1"), eng("score", "1-2"), "the other way round"),
    (fig("fraction", "1/2", 0.5), eng("percent", "50%", 50.0, "%"), "half is 50%"),
    (fig("fraction", "1/2", 0.5), eng("number", "0.5", 0.5), None),
    (fig("fraction", "3/4", 0.75), eng("fraction", "3/4", 0.75, text="three quarters"), None),
    # month-only dates and precision the English adds
    (fig("date", "--05"), eng("date", "--05"), None),
    (fig("date", "--05"), eng("date", "2014-05"), "the English adds the year"),
    (fig("date", "--05"), eng("date", "--05-10"), "the English adds the day"),
    (fig("year", "2011", 2011.0), eng("date", "2011-03-15"), "the full date"),
    # unit conversions
    (KM_120, eng("quantity", "75 mi", 75.0, "mi", text="75 miles"), "a conversion that agrees"),
    (KM_120, eng("quantity", "74.6 mi", 74.6, "mi"), "120 km is 74.6 mi"),
    (KM_120, eng("quantity", "70 mi", 70.0, "mi"), "a conversion that agrees"),
    (fig("quantity", "2 km", 2.0, "km", qualifier="about"),
     eng("quantity", "1 mi", 1.0, "mi", qualifier="about"), "a conversion that agrees"),
    (fig("quantity", "1.5 km", 1.5, "km"), eng("quantity", "1500 m", 1500.0, "m"), "agrees"),
    (fig("quantity", "1000 m", 1000.0, "m"), eng("quantity", "3281 ft", 3281.0, "ft"), "agrees"),
    (fig("quantity", "50 kg", 50.0, "kg"), eng("quantity", "110 lb", 110.0, "lb"), "agrees"),
    (fig("quantity", "10 km2", 10.0, "km2"), eng("quantity", "3.9 mi2", 3.9, "mi2"), "agrees"),
    (fig("quantity", "100 ha", 100.0, "ha"), eng("quantity", "247 acre", 247.0, "acre"), "agrees"),
    (fig("quantity", "500 dunam", 500.0, "dunam"), eng("quantity", "50 ha", 50.0, "ha"),
     "500 dunams is 50 hectares"),
    (fig("quantity", "500 dunam", 500.0, "dunam"), eng("quantity", "124 acre", 124.0, "acre"),
     "agrees"),
    (fig("duration", "2 weeks", 2.0, "week"), eng("duration", "14 days", 14.0, "day"),
     "the same length of time"),
    (fig("duration", "1.5 years", 1.5, "year"), eng("duration", "18 months", 18.0, "month"),
     "the same length of time"),
    (fig("age", "45 years", 45.0, "year"), eng("duration", "45 years", 45.0, "year"), None),
    # calendars
    (fig("year", "hijri:1445", 1445.0), eng("year", "2023", 2023.0),
     "1445 AH given as its Gregorian year 2023-24"),
    (fig("year", "hijri:1445", 1445.0), eng("year", "2024", 2024.0),
     "1445 AH given as its Gregorian year 2023-24"),
    (fig("year", "2024", 2024.0), eng("year", "hijri:1445", 1445.0), "the Hijri year 1445 AH"),
    (fig("date", "hijri:1445-09-10"), eng("date", "2024-03-20"), "the conversion agrees"),
    (fig("date", "hijri:1445-09-10"), eng("date", "2024-03-19"), "the conversion agrees"),
    (fig("date", "hijri:1445-09-10"), eng("date", "2024-03-22"), "the conversion agrees"),
    (fig("date", "hijri:1445-09"), eng("date", "2024-03"), "the conversion agrees"),
    (fig("date", "hijri:1445-09"), eng("date", "2024-04-05"), "the conversion agrees"),
    (fig("date", "hijri:--09-10"), eng("date", "2024-03-20"), "the conversion agrees"),
    (fig("date", "hijri:1445-09-10"), eng("date", "hijri:1445-09-10", text="10 Ramadan 1445"),
     None),
    (fig("date", "hijri:--09-10"), eng("date", "--03-20"), "check the conversion"),
    # money
    (fig("money", "3000000 USD", 3e6, "USD", qualifier="about"),
     eng("money", "3000000 USD", 3e6, "USD", qualifier="about"), None),
    (fig("money", "200 LIRA", 200.0, "LIRA"), eng("money", "200 SYP", 200.0, "SYP"), None),
    # thousands written with dots, as in German or Turkish
    (fig("number", "42000", 42000.0, qualifier="more than"),
     eng("number", "42", 42.0, qualifier="more than", text="42.000"),
     "“42.000” has dots between the thousands: in English 42,000"),
    (fig("casualties", "10700 wounded", 10700.0, "wounded"),
     eng("casualties", "10.7 wounded", 10.7, "wounded", text="10.700 wounded"),
     "in English 10,700"),
]


@pytest.mark.parametrize(("source", "target", "phrase"), KEPT_FIGURES)
def test_figures_rendered_another_way_are_kept(source, target, phrase):
    check = check_one(source, target)
    assert check.status == "ok", check.detail
    assert check.target == target
    assert f"“{target.text}”" in check.detail
    if phrase is None:
        assert check.detail.endswith("”"), check.detail  # nothing to note
    else:
        assert phrase in check.detail


# (Arabic figure, English figure, the whole detail)
CHANGED_FIGURES = [
    (fig("number", "300", 300.0, qualifier="more than"),
     eng("number", "300", 300.0, qualifier="less than"),
     "the Arabic says more than 300; the English has less than 300"),
    (fig("casualties", "20 killed", 20.0, "killed", qualifier="at least"),
     eng("casualties", "20 killed", 20.0, "killed", qualifier="up to"),
     "the Arabic says at least 20 killed; the English has up to 20 killed"),
    (fig("date", "2014-06", qualifier="early"), eng("date", "2014-06", qualifier="late"),
     "the Arabic says early June 2014; the English has late June 2014"),
    (fig("year", "2014", 2014.0, qualifier="mid"), eng("year", "2014", 2014.0, qualifier="early"),
     "the Arabic says mid-2014; the English has early 2014"),
    (fig("time", "20:30", 20.5, "24h"), eng("time", "21:30", 21.5, "24h"),
     "the Arabic says 20:30; the English has 21:30"),
    (fig("time", "09:00", 9.0, "12h"), eng("time", "10:00", 10.0, "12h"),
     "the Arabic says 9:00; the English has 10:00"),
    (fig("ordinal", "3rd", 3.0), eng("ordinal", "4th", 4.0),
     "the Arabic says 3rd; the English has 4th"),
    (fig("score", "2-1"), eng("score", "3-1"),
     "the Arabic says score 2-1; the English has score 3-1"),
    (fig("fraction", "1/2", 0.5), eng("fraction", "1/3", 1 / 3),
     "the Arabic says half; the English has a third"),
    (fig("fraction", "1/4", 0.25), eng("percent", "40%", 40.0, "%"),
     "the Arabic says a quarter; the English has 40%"),
    (fig("date", "--05"), eng("date", "--06"), "the Arabic says May; the English has June"),
    (fig("date", "--05-10"), eng("date", "--05"), "the Arabic says 10 May; the English has May"),
    (fig("date", "2014-05"), eng("date", "--05"), "the Arabic says May 2014; the English has May"),
    (fig("date", "2024-09-10"), eng("date", "2024-10-10"),
     "the Arabic says 10 September 2024; the English has 10 October 2024"),
    (fig("count_word", "dozens"), eng("number", "50", 50.0),
     "the Arabic says dozens (vague count); the English has 50 (an exact number for a vague "
     "count)"),
    (NUMBER_300, eng("count_word", "hundreds"),
     "the Arabic says 300; the English has hundreds (vague count) — a vague count for an "
     "exact number"),
    (fig("count_word", "tens of thousands"), eng("count_word", "thousands"),
     "the Arabic says tens of thousands (vague count); the English has thousands (vague count)"),
    (KM_120, eng("quantity", "90 mi", 90.0, "mi"),
     "the Arabic says 120 km; the English has 90 mi (120 km is 74.6 mi)"),
    (KM_120, eng("quantity", "120 kg", 120.0, "kg"),
     "the Arabic says 120 km; the English has 120 kg"),
    (KM_120, eng("quantity", "210 km", 210.0, "km"),
     "the Arabic says 120 km; the English has 210 km"),
    (fig("money", "3000000 USD", 3e6, "USD"), eng("money", "3000000000 USD", 3e9, "USD"),
     "the Arabic says 3,000,000 USD; the English has 3,000,000,000 USD"),
    (fig("money", "3000000 USD", 3e6, "USD"), eng("money", "3000000 EUR", 3e6, "EUR"),
     "the Arabic says 3,000,000 USD; the English has 3,000,000 EUR"),
    (fig("number", "3000000", 3e6), eng("number", "3000000000", 3e9),
     "the Arabic says 3,000,000; the English has 3,000,000,000"),
    (fig("number", "2500", 2500.0), eng("number", "2.5", 2.5),
     "the Arabic says 2,500; the English has 2.5"),
    (fig("year", "hijri:1445", 1445.0), eng("year", "2019", 2019.0),
     "the Arabic says 1445 AH; the English has 2019 (1445 AH is 2023-24)"),
    (fig("date", "hijri:1445-09-10"), eng("date", "2024-03-26"),
     "the Arabic says 10 Ramadan 1445 AH; the English has 26 March 2024 "
     "(10 Ramadan 1445 AH is about 20 March 2024)"),
    (fig("date", "hijri:1445-09"), eng("date", "2024-05"),
     "the Arabic says Ramadan 1445 AH; the English has May 2024"),
    (fig("date", "hijri:1445-09-10"), eng("date", "--03-20"),
     "the Arabic says 10 Ramadan 1445 AH; the English has 20 March "
     "(10 Ramadan 1445 AH is about 20 March 2024)"),
    (fig("casualties", "5 killed", 5.0, "killed"), eng("casualties", "5 wounded", 5.0, "wounded"),
     "the Arabic says 5 killed; the English has 5 wounded"),
    (fig("casualties", "12 wounded", 12.0, "wounded"),
     eng("casualties", "13 wounded", 13.0, "wounded"),
     "the Arabic says 12 wounded; the English has 13 wounded"),
    (fig("duration", "3 years", 3.0, "year"), eng("duration", "3 months", 3.0, "month"),
     "the Arabic says 3 years; the English has 3 months"),
    (fig("duration", "2 weeks", 2.0, "week"), eng("duration", "15 days", 15.0, "day"),
     "the Arabic says 2 weeks; the English has 15 days"),
    (fig("age", "45 years", 45.0, "year"), eng("number", "54", 54.0),
     "the Arabic says 45 (age); the English has 54"),
    # a bare number that looks like a corrupted copy of another kind of figure
    (KM_120, eng("number", "12", 12.0), "the Arabic says 120 km; the English has 12"),
    (fig("casualties", "14 wounded", 14.0, "wounded"), eng("number", "18", 18.0),
     "the Arabic says 14 wounded; the English has 18"),
    (fig("year", "2023", 2023.0), eng("number", "2923", 2923.0),
     "the Arabic says 2023; the English has 2,923"),
    (fig("date", "--01-24"), eng("number", "94", 94.0, text="94"),
     "the Arabic says 24 January; the English has 94"),
    # digits as written, zeros kept
    (fig("number", "304", 304.0), eng("number", "4", 4.0, text="004"),
     "the Arabic says 304; the English has 4"),
    (fig("number", "3.5", 3.5, text="٣٫٥"), eng("number", "3", 3.0, text="3.0"),
     "the Arabic says 3.5; the English has 3"),
]


@pytest.mark.parametrize(("source", "target", "detail"), CHANGED_FIGURES)
def test_altered_figures_are_changed_with_a_readable_detail(source, target, detail):
    check = check_one(source, target)
    assert (check.status, check.detail) == ("changed", detail)
    assert check.target == target


# A deleted figure is missing: never paired with an English figure that is not it.
UNRELATED_FIGURES = [
    (KM_120, eng("number", "3", 3.0)),
    (KM_120, eng("quantity", "5 kg", 5.0, "kg")),
    (KM_120, eng("duration", "3 days", 3.0, "day")),
    (fig("percent", "96%", 96.0, "%"), eng("number", "2", 2.0)),
    (fig("year", "2003", 2003.0), eng("number", "2", 2.0)),
    (fig("number", "3120", 3120.0), eng("year", "2019", 2019.0)),
    (fig("number", "120", 120.0), eng("number", "7", 7.0)),
    (fig("casualties", "12 wounded", 12.0, "wounded"), eng("arrests", "20 arrested", 20.0,
                                                          "arrested")),
    (fig("money", "500 USD", 500.0, "USD"), eng("money", "80 EUR", 80.0, "EUR")),
    (fig("count_word", "dozens"), eng("number", "300", 300.0)),
    (fig("count_word", "hundreds"), eng("number", "7", 7.0)),
    (fig("count_word", "dozens"), eng("percent", "50%", 50.0, "%")),
    (fig("date", "--05-10"), eng("number", "5", 5.0)),
    (fig("date", "2014-06"), eng("year", "2015", 2015.0)),
    (fig("time", "20:30", 20.5, "24h"), eng("percent", "20%", 20.0, "%")),
    (fig("score", "2-1"), eng("number", "2", 2.0)),
    (fig("ordinal", "3rd", 3.0), eng("quantity", "3 km", 3.0, "km")),
]


@pytest.mark.parametrize(("source", "target"), UNRELATED_FIGURES)
def test_a_deleted_figure_is_missing_not_paired_with_another(source, target):
    check = check_one(source, target)
    assert check.status == "missing"
    assert check.target is None
    assert check.detail == f"the Arabic figure {describe(source)} is not in the translation"


def test_a_figure_deleted_beside_another_number_is_missing():
    """"The Arabic says 120 km; the English has 3" was the old near-miss pairing."""
    sources = [fig("quantity", "120 km", 120.0, "km", start=10),
               fig("duration", "3 days", 3.0, "day", start=40)]
    targets = [eng("duration", "3 days", 3.0, "day", start=30), eng("number", "3", 3.0, start=60)]
    fidelity = compare_figures(sources, targets, 80, " " * 80)
    assert [c.status for c in fidelity.checks] == ["missing", "ok"]


def test_a_digit_changed_is_changed_and_a_digit_deleted_figure_is_missing():
    """Two single digits pair only when they stand at about the same place."""
    near = compare_figures([fig("number", "3", 3.0, start=10)], [eng("number", "5", 5.0, start=12)],
                           100, " " * 100)
    far = compare_figures([fig("number", "3", 3.0, start=10)], [eng("number", "5", 5.0, start=80)],
                          100, " " * 100)
    assert near.checks[0].status == "changed"
    assert far.checks[0].status == "missing"


def test_value_pairs_come_before_changed_ones():
    sources = [fig("number", "12", 12.0, start=0), fig("number", "13", 13.0, start=50)]
    targets = [eng("number", "13", 13.0, start=0), eng("number", "14", 14.0, start=50)]
    checks = compare_figures(sources, targets, 100, " " * 100).checks
    assert [(c.status, c.target.value) for c in checks] == [("changed", "14"), ("ok", "13")]


def test_equal_figures_pair_by_position():
    sources = [fig("number", "3", 3.0, start=5), fig("number", "3", 3.0, start=90)]
    targets = [eng("number", "3", 3.0, start=85), eng("number", "3", 3.0, start=10)]
    checks = compare_figures(sources, targets, 100, " " * 100).checks
    assert [c.target.start for c in checks] == [10, 85]


def test_a_changed_figure_prefers_a_corrupted_copy_of_itself():
    sources = [fig("casualties", "12 wounded", 12.0, "wounded", start=10)]
    targets = [eng("casualties", "40 wounded", 40.0, "wounded", start=10),
               eng("casualties", "13 wounded", 13.0, "wounded", start=60)]
    check = compare_figures(sources, targets, 100, " " * 100).checks[0]
    assert check.target.value == "13 wounded"


def test_an_english_date_split_from_its_year_is_kept():
    sources = [fig("date", "2020-03-05", start=10)]
    targets = [eng("date", "--03-05", text="5 March", start=10),
               eng("year", "2020", 2020.0, start=50)]
    check = compare_figures(sources, targets, 60, " " * 60).checks[0]
    assert (check.status, check.detail) == (
        "ok", "the Arabic 5 March 2020 is rendered as “5 March” and “2020”")


def test_a_split_date_with_another_year_is_still_changed():
    sources = [fig("date", "2020-03-05", start=10)]
    targets = [eng("date", "--03-05", text="5 March", start=10),
               eng("year", "2019", 2019.0, start=50)]
    assert compare_figures(sources, targets, 60, " " * 60).checks[0].status == "changed"


def test_a_year_given_apart_is_kept_in_an_english_date():
    sources = [fig("date", "--12", qualifier="mid", start=10),
               fig("year", "2019", 2019.0, start=40)]
    targets = [eng("date", "2019-12", text="December 2019", start=20)]
    checks = compare_figures(sources, targets, 60, " " * 60).checks
    assert [c.status for c in checks] == ["ok", "ok"]
    assert checks[1].detail == "the Arabic 2019 is kept in “December 2019”"


@pytest.mark.parametrize(("a", "b", "expected"), [
    (12, 13, True), (12, 112, True), (120, 12, True), (12, 21, True), (1234, 1243, True),
    (3e6, 3e9, True), (3e6, 3000, True), (4.5, 45, True), (2.5, 2.6, True), (42000, 42, True),
    (123, 321, False), (120, 3, False), (96, 2, False), (2003, 3, False), (12, 12, False),
    (450, 630, False), (3120, 2019, False),
])
def test_corrupted_copies(a, b, expected):
    assert corrupted_copy(float(a), float(b)) is expected


@pytest.mark.parametrize(("figure", "words"), [
    (fig("count_word", "dozens"), "dozens (vague count)"),
    (fig("count_word", "tens of thousands"), "tens of thousands (vague count)"),
    (fig("time", "20:30", 20.5, "24h"), "20:30"),
    (fig("time", "09:00", 9.0, "12h"), "9:00"),
    (fig("ordinal", "3rd", 3.0), "3rd"),
    (fig("score", "2-1"), "score 2-1"),
    (fig("fraction", "1/2", 0.5), "half"),
    (fig("fraction", "2/3", 2 / 3), "two thirds"),
    (fig("quantity", "12 km2", 12.0, "km2"), "12 km²"),
    (fig("quantity", "1 t", 1.0, "t"), "1 tonne"),
    (fig("quantity", "3000 bbl", 3000.0, "bbl"), "3,000 barrels"),
    (fig("casualties", "1200 killed", 1200.0, "killed"), "1,200 killed"),
    (fig("arrests", "20 arrested", 20.0, "arrested"), "20 arrested"),
    (fig("number", "300", 300.0, qualifier="about"), "about 300"),
    (fig("percent", "95%", 95.0, "%", qualifier="more than"), "more than 95%"),
    (fig("date", "2014-06", qualifier="mid"), "mid-June 2014"),
    (fig("date", "--05", qualifier="early"), "early May"),
    (fig("date", "hijri:1445-09-10"), "10 Ramadan 1445 AH"),
    (fig("year", "2014", 2014.0, qualifier="late"), "late 2014"),
    (fig("year", "hijri:1445", 1445.0), "1445 AH"),
    (fig("duration", "0.5 hours", 0.5, "hour"), "half an hour"),
    (fig("duration", "3 years", 3.0, "year"), "3 years"),
    (fig("age", "45 years", 45.0, "year"), "45 (age)"),
    (fig("money", "3000000 USD", 3e6, "USD"), "3,000,000 USD"),
    (fig("money", "200 LIRA", 200.0, "LIRA"), "200 lira"),
    (fig("number", "3000000", 3e6), "3,000,000"),
])
def test_describe_uses_words_not_ids(figure, words):
    assert describe(figure) == words


def test_no_detail_shows_an_internal_id():
    details = [check_one(s, t).detail for s, t, _ in KEPT_FIGURES]
    details += [check_one(s, t).detail for s, t, _ in CHANGED_FIGURES]
    details += [check_one(s, t).detail for s, t in UNRELATED_FIGURES]
    for detail in details:
        detail = re.sub(r"“[^”]*”", "", detail)  # the English as written
        assert not re.search(r"count_word|hijri:|\b(?:12|24)h\b|--\d|_", detail), detail


def test_relation_is_importable_from_fidelity_and_ranks_pairings():
    age = fig("age", "45 years", 45.0, "year")
    assert relation(NUMBER_300, eng("number", "300", 300.0)) == matching.SAME
    assert relation(age, eng("number", "45", 45.0)) == matching.EQUIVALENT
    assert relation(KM_120, eng("quantity", "90 mi", 90.0, "mi")) == matching.CHANGED
    assert relation(KM_120, eng("number", "12", 12.0)) == matching.NEAR
    assert relation(KM_120, eng("number", "3", 3.0)) == matching.UNRELATED


# End to end, with figures the extractors already find.
KEPT_END_TO_END = [
    ("قطعت القافلة 120 كيلومترا", "The convoy travelled 75 miles", "a conversion that agrees"),
    ("مساحتها 500 دونم", "an area of 50 hectares", "a conversion that agrees"),
    ("في عام 1445 هـ", "in 2023", "1445 AH given as its Gregorian year 2023-24"),
    ("في 10 رمضان 1445 هـ", "on 20 March 2024", "the conversion agrees"),
    ("عاد ١٢ مقاتلا", "twelve fighters returned", None),
    ("عاد ثلاثة مقاتلين", "three fighters returned", None),
    ("حكم عليه بالسجن ثلاث سنوات", "He was sentenced to three years in prison", None),
    ("قتل نحو 300 شخص", "nearly 300 people were killed", None),
    ("قتل نحو 300 شخص", "300 people were killed", "the English leaves out “about”"),
    ("الساعة 8:30 مساء", "at 8:30", "morning or evening"),
    ("في مايو", "on 10 May 2014", "the English adds the day and the year"),
]


@pytest.mark.parametrize(("arabic", "english", "phrase"), KEPT_END_TO_END)
def test_end_to_end_renderings_are_kept(arabic, english, phrase):
    fidelity = check_fidelity(arabic, english)
    assert fidelity.status == "ok", [c.detail for c in fidelity.checks]
    if phrase:
        assert phrase in fidelity.checks[0].detail


CHANGED_END_TO_END = [
    ("قطعت القافلة 120 كيلومترا", "The convoy travelled 120 miles",
     "the Arabic says 120 km; the English has 120 mi (120 km is 74.6 mi)"),
    ("في عام 1445 هـ", "in 2019",
     "the Arabic says 1445 AH; the English has 2019 (1445 AH is 2023-24)"),
    ("في 10 رمضان 1445 هـ", "on 28 March 2024",
     "the Arabic says 10 Ramadan 1445 AH; the English has 28 March 2024 "
     "(10 Ramadan 1445 AH is about 20 March 2024)"),
    ("بلغت الكلفة 3 ملايين دولار", "The cost reached $300,000",
     "the Arabic says 3,000,000 USD; the English has 300,000 USD"),
    ("قتل أكثر من 300 شخص", "fewer than 300 people were killed",
     "the Arabic says more than 300 killed; the English has less than 300 killed"),
    ("في 10 مايو", "in May", "the Arabic says 10 May; the English has May"),
]


@pytest.mark.parametrize(("arabic", "english", "detail"), CHANGED_END_TO_END)
def test_end_to_end_alterations_are_changed(arabic, english, detail):
    assert [c.detail for c in check_fidelity(arabic, english).checks] == [detail]


@pytest.mark.parametrize("english", ["The convoy travelled for 3 days",
                                     "The convoy travelled 3 times"])
def test_end_to_end_a_deleted_distance_is_missing(english):
    fidelity = check_fidelity("قطعت القافلة 120 كيلومترا خلال 3 أيام", english)
    assert fidelity.checks[0].status == "missing"
    assert fidelity.checks[0].detail == "the Arabic figure 120 km is not in the translation"


def test_digits_changed_inside_a_code_are_a_changed_figure():
    # The Arabic "2" of ACE2 survives only inside the English code; a translation that
    # writes ACE4 changed it, one that drops the code lost it.
    kept = check_fidelity("يرتبط الفيروس بمستقبل ACE2 عبر البروتين 2", "The virus binds ACE2.")
    assert [c.status for c in kept.checks] == ["ok"]
    changed = check_fidelity("يرتبط الفيروس بالبروتين 2", "The virus binds the ACE4 receptor.")
    assert [c.status for c in changed.checks] == ["changed"]
    assert "ACE4" in changed.checks[0].detail
    lost = check_fidelity("يرتبط الفيروس بالبروتين 2", "The virus binds the ACE receptor.")
    assert [c.status for c in lost.checks] == ["missing"]
    longer = check_fidelity("يرتبط الفيروس بالبروتين 2", "The virus binds the ACE24 receptor.")
    assert [c.status for c in longer.checks] == ["missing"]


@pytest.mark.parametrize(("arabic", "english", "kept_as"), [
    ("خلايا من النوع 1 والنوع 2", "type-I and type-II cells", ["I", "II"]),
    ("تحويل أنجيوتنسين 1 إلى أنجيوتنسين 2", "converts angiotensin I into angiotensin II",
     ["I", "II"]),
    ("تجربة من المرحلة 3", "a Phase III trial", ["III"]),
    ("في الجدول 1.1", "in Table1.1", ["1.1"]),
    ("في الشكل 1,1", "as shown in Fig.1,1", ["1,1"]),
    ("الكود يو 07.1", "the code U07.1", ["07.1"]),
    ("أكبر عدد في يوم واحد", "the highest number in a day", ["a day"]),
    ("نفدت خلال ساعة واحدة", "sold out within an hour", ["an hour"]),
    ("وحالة واحدة عمرها 45 عامًا", "and one aged 45", ["one", "45"]),
])
def test_figures_written_as_words_or_codes_are_kept(arabic, english, kept_as):
    checks = check_fidelity(arabic, english).checks
    assert [c.status for c in checks] == ["ok"] * len(kept_as)
    assert [c.target.text[:len(k)] for c, k in zip(checks, kept_as, strict=True)] == kept_as


@pytest.mark.parametrize(("arabic", "english"), [
    ("تجربة من المرحلة 3", "a Phase II trial"),  # another numeral
    ("قال 2 من الشهود", "I said the witnesses"),  # a pronoun is no numeral
    ("نفدت خلال ساعة واحدة", "sold out within a day"),  # another unit
])
def test_words_that_do_not_stand_for_the_figure_still_warn(arabic, english):
    assert check_fidelity(arabic, english).status != "ok"
