"""The fidelity check: does the English keep every figure of the Arabic?"""

from __future__ import annotations

import json

import pytest

from tarjama.core.figures import Fidelity, check_fidelity, compare_figures, extract_arabic

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
     ["the Arabic figure dozens is not in the translation"]),
    ("بلغت الكلفة 3 ملايين دولار", "The cost was high",
     ["the Arabic figure 3,000,000 USD is not in the translation"]),
    ("مقتل 5 أشخاص وإصابة 12 آخرين", "Five people were killed",
     ["the Arabic figure 12 wounded is not in the translation"]),
    ("عاد ثلاثة مقاتلين", "Fighters returned",
     ["the Arabic figure 3 is not in the translation"]),
    ("في 10 رمضان 1445هـ", "in Ramadan",
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
     ["the Arabic says 450 km; the English has 450 mi"]),
    ("خسر التنظيم 95% من مناطقه", "The group lost 59% of its areas",
     ["the Arabic says 95%; the English has 59%"]),
    ("في 10 أيلول/سبتمبر 2024", "on September 11, 2024",
     ["the Arabic says 10 September 2024; the English has 11 September 2024"]),
    ("في 10 أيلول/سبتمبر 2024", "on September 10",
     ["the Arabic says 10 September 2024; the English has 10 September"]),
    ("هروب العشرات من عناصر التنظيم", "Hundreds of members of the group fled",
     ["the Arabic says dozens; the English has hundreds"]),
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
