"""Key figures in Arabic news text: kind, canonical value, text as written, exact offsets."""

from __future__ import annotations

import itertools
import json

import pytest

from tarjama.core.figures import Figure, extract_arabic

# (sentence, expected figures as (kind, value, text)), in the style of Syrian news reports.
EXTRACTION = [
    # digits: Western, Eastern, Persian, separators
    ("وصل عدد النازحين إلى 3,000 شخص", [("number", "3000", "3,000")]),
    ("وصل عدد النازحين إلى ٣٬٠٠٠ شخص", [("number", "3000", "٣٬٠٠٠")]),
    ("ارتفع المؤشر بنسبة ٢٫٥ نقطة", [("number", "2.5", "٢٫٥")]),
    ("ارتفع المؤشر 2.5 نقطة", [("number", "2.5", "2.5")]),
    ("شارك ۱۲ متطوعا", [("number", "12", "۱۲")]),
    ("قال إن ١٢ عائلة عادت", [("number", "12", "١٢")]),
    # percentages
    ("بعد خسارة التنظيم لما يقارب 95% من مناطق نفوذه", [("percent", "95%", "95%")]),
    ("خسر التنظيم ٩٥٪ من أراضيه", [("percent", "95%", "٩٥٪")]),
    ("وأوضح أن 85 في المئة من العمال من أبناء المنطقة", [("percent", "85%", "85 في المئة")]),
    ("تراجعت الأسعار 12 بالمئة", [("percent", "12%", "12 بالمئة")]),
    ("تراجعت الأسعار 12 بالمائة", [("percent", "12%", "12 بالمائة")]),
    ("ارتفعت بنسبة ٪40", [("percent", "40%", "٪40")]),
    # number words
    ("عاد ثلاثة مقاتلين إلى القرية", [("number", "3", "ثلاثة")]),
    ("وصل خمسة وعشرون جريحا", [("casualties", "25 wounded", "خمسة وعشرون جريحا")]),
    ("يسكنها ثلاثة آلاف وخمسمئة شخص", [("number", "3500", "ثلاثة آلاف وخمسمئة")]),
    ("يسكنها نحو 12 ألف نسمة", [("number", "12000", "12 ألف")]),
    ("وصلت مئة عائلة", [("number", "100", "مئة")]),
    ("وصلت مائتا عائلة و ثلاث مئة وخمسون أخرى",
     [("number", "350", "ثلاث مئة وخمسون")]),
    ("نزح ألف شخص", [("number", "1000", "ألف")]),
    ("ثلاثة عشر ألفاً", [("number", "13000", "ثلاثة عشر ألفاً")]),
    ("في الشهور الأربعة الأخيرة", [("number", "4", "الأربعة")]),
    ("بلغ عدد السكان مليون نسمة", [("number", "1000000", "مليون")]),
    ("تجاوز 2.5 مليار", [("number", "2500000000", "2.5 مليار")]),
    # vague counts
    ("هروب العشرات من عناصر التنظيم", [("count_word", "dozens", "العشرات")]),
    ("سجلت حالات فرار لعشرات العناصر", [("count_word", "dozens", "عشرات")]),
    ("تظاهر مئات الأشخاص", [("count_word", "hundreds", "مئات")]),
    ("نزح آلاف المدنيين", [("count_word", "thousands", "آلاف")]),
    ("تضرر ملايين السوريين", [("count_word", "millions", "ملايين")]),
    ("نزح عشرات الآلاف من المدنيين", [("count_word", "tens of thousands", "عشرات الآلاف")]),
    # dates and years
    ("في 10 أيلول/سبتمبر", [("date", "--09-10", "10 أيلول/سبتمبر")]),
    ("في 10 أيلول/سبتمبر 2024", [("date", "2024-09-10", "10 أيلول/سبتمبر 2024")]),
    ("في 17 آذار/مارس 2018، تمكن التنظيم", [("date", "2018-03-17", "17 آذار/مارس 2018")]),
    ("يوم 3 كانون الثاني 2015", [("date", "2015-01-03", "3 كانون الثاني 2015")]),
    ("في ٥ تشرين الأول (أكتوبر) ٢٠٢٣", [("date", "2023-10-05", "٥ تشرين الأول (أكتوبر) ٢٠٢٣")]),
    ("في 1 يناير 2020", [("date", "2020-01-01", "1 يناير 2020")]),
    ("منذ منتصف يونيو/ حزيران 2014، فيما", [("date", "2014-06", "يونيو/ حزيران 2014")]),
    ("في 10 رمضان 1445هـ", [("date", "hijri:1445-09-10", "10 رمضان 1445هـ")]),
    ("في 9 ذي الحجة", [("date", "hijri:--12-09", "9 ذي الحجة")]),
    ("في 12/3/2019", [("date", "2019-03-12", "12/3/2019")]),
    ("خلال عام 2023", [("year", "2023", "2023")]),
    ("منذ 2011 والحرب مستمرة", [("year", "2011", "2011")]),
    ("ولد عام 1985م", [("year", "1985", "1985م")]),
    ("في سنة 1445هـ", [("year", "hijri:1445", "1445هـ")]),
    # ages and durations
    ("جمال الصالح (45 عاماً) وهو اسم مستعار", [("age", "45 years", "45 عاماً")]),
    ("وقالت معلمة (٣٧ عاماً)", [("age", "37 years", "٣٧ عاماً")]),
    ("رجل يبلغ من العمر 60 عاما", [("age", "60 years", "60 عاما")]),
    ("استمر الحصار 45 عاماً", [("duration", "45 years", "45 عاماً")]),
    ("حكم عليه بالسجن ثلاث سنوات", [("duration", "3 years", "ثلاث سنوات")]),
    ("بعد ستة أشهر من القتال", [("duration", "6 months", "ستة أشهر")]),
    ("بعد أسبوعين من الهجوم", [("duration", "2 weeks", "أسبوعين")]),
    ("منذ نحو عامين ونصف", [("duration", "2.5 years", "عامين ونصف")]),
    ("منذ عام ونصف", [("duration", "1.5 years", "عام ونصف")]),
    ("استمرت المعارك 10 أيام", [("duration", "10 days", "10 أيام")]),
    ("خلال الأربع والعشرين ساعة الماضية", [("duration", "24 hours", "الأربع والعشرين ساعة")]),
    ("بعد أعمال استمرت ثمانية عشر شهراً", [("duration", "18 months", "ثمانية عشر شهراً")]),
    # distances and other units
    ("قطعت القافلة 450 كيلومترا", [("quantity", "450 km", "450 كيلومترا")]),
    ("على بعد ٤٥٠ كم من دمشق", [("quantity", "450 km", "٤٥٠ كم")]),
    ("يبلغ طوله 320 متراً", [("quantity", "320 m", "320 متراً")]),
    ("صادرت 20 طنا من القمح", [("quantity", "20 t", "20 طنا")]),
    ("ينتج 5 آلاف برميل يوميا", [("quantity", "5000 bbl", "5 آلاف برميل")]),
    ("احترق 300 هكتار", [("quantity", "300 ha", "300 هكتار")]),
    ("مساحة 500 كيلومتر مربع", [("quantity", "500 km2", "500 كيلومتر مربع")]),
    # money
    ("بلغت الكلفة 3 ملايين دولار", [("money", "3000000 USD", "3 ملايين دولار")]),
    ("بلغت الكلفة 4.5 مليون دولار", [("money", "4500000 USD", "4.5 مليون دولار")]),
    ("بيع بـ 500 ليرة سورية", [("money", "500 SYP", "500 ليرة سورية")]),
    ("سعر الربطة 200 ليرة", [("money", "200 LIRA", "200 ليرة")]),
    ("خصصت 2 مليار يورو", [("money", "2000000000 EUR", "2 مليار يورو")]),
    ("دفع 100 دينار أردني", [("money", "100 JOD", "100 دينار أردني")]),
    ("دفع 50 ريالا سعوديا", [("money", "50 SAR", "50 ريالا سعوديا")]),
    ("بلغ 10 آلاف جنيه مصري", [("money", "10000 EGP", "10 آلاف جنيه مصري")]),
    ("دفع 70 درهما", [("money", "70 DIRHAM", "70 درهما")]),
    ("بلغت الفدية $5000", [("money", "5000 USD", "$5000")]),
    ("بلغت الفدية 5000$", [("money", "5000 USD", "5000$")]),
    # casualties and arrests
    ("سقط 3 قتلى و12 جريحاً", [("casualties", "3 killed", "3 قتلى"),
                               ("casualties", "12 wounded", "12 جريحاً")]),
    ("مقتل 5 أشخاص", [("casualties", "5 killed", "مقتل 5 أشخاص")]),
    ("أسفر عن إصابة 12 مدنيا", [("casualties", "12 wounded", "إصابة 12 مدنيا")]),
    ("اعتقال 20 شابا", [("arrests", "20 arrested", "اعتقال 20")]),
    ("بلغ عدد ضحايا الإعدامات قرابة الـ 100 ضحية",
     [("casualties", "100 victims", "100 ضحية")]),
    ("وثق التقرير 40 معتقلا و7 مفقودين", [("arrests", "40 arrested", "40 معتقلا"),
                                        ("casualties", "7 missing", "7 مفقودين")]),
    ("سقوط 11 شهيدا", [("casualties", "11 killed", "11 شهيدا")]),
    ("مقتل خمسة أشخاص", [("casualties", "5 killed", "مقتل خمسة أشخاص")]),
    ("أفرج عن 30 أسيرا", [("casualties", "30 captives", "30 أسيرا")]),
    # several figures in one sentence
    ("افتتحت السلطات يوم 3 آذار/مارس 2024 جسراً يبلغ طوله 320 متراً",
     [("date", "2024-03-03", "3 آذار/مارس 2024"), ("quantity", "320 m", "320 متراً")]),
]

# Ordinary words that look like numbers, and digits that belong to names and links.
NOT_FIGURES = [
    "لست أدري ما الذي يحصل",  # "لست" is not six
    "قالت ست البيت",  # colloquial "lady"
    "وصل يوم الاثنين",  # Monday, not two
    "في القرن التاسع عشر",  # the nineteenth, not ten
    "في وقت واحد",  # "the same time", not a count
    "على ضفاف نهر الفرات",  # starts like ألف
    "فيروسات ألفا وبيتا",  # the Greek letter
    "ارتفعت نسبة الفقر في المئة الأولى",
    "تابعوا الوسم #دير_الزور_2024",
    "المصدر: https://example.org/news/2024/123",
    "راسلونا على info2024@example.org",
    "انتشار فيروس كوفيد-19",
    "طائرات F-16 وF16",
    "قالت صفحة فرات بوست على موقع فايسبوك",
    "في الرابع عشر من الشهر",
    "",
]


def _triples(figures: list[Figure]) -> list[tuple[str, str, str]]:
    return [(f.kind, f.value, f.text) for f in figures]


@pytest.mark.parametrize(("sentence", "expected"), EXTRACTION)
def test_extracts_kind_value_and_text(sentence, expected):
    assert _triples(extract_arabic(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), EXTRACTION)
def test_offsets_point_at_the_text_as_written(sentence, expected):
    figures = extract_arabic(sentence)
    assert figures, "the table only holds sentences with figures"
    for figure in figures:
        assert sentence[figure.start:figure.end] == figure.text
        assert figure.side == "source"
    assert all(a.end <= b.start for a, b in itertools.pairwise(figures))  # ordered, apart


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_ordinary_words_links_and_codes_are_not_figures(sentence):
    assert extract_arabic(sentence) == []


def test_offsets_survive_diacritics_and_tatweel():
    sentence = "قُتِلَ ثَلَاثَةُ أشخاصٍ في عامِ ٢٠٢٣ وعمرُه (٤٥ عاماً) وتاريخ 1445هـ"
    figures = extract_arabic(sentence)
    assert _triples(figures) == [
        ("casualties", "3 killed", "قُتِلَ ثَلَاثَةُ أشخاصٍ"),  # the mark on the last letter too
        ("year", "2023", "٢٠٢٣"),
        ("age", "45 years", "٤٥ عاماً"),
        ("year", "hijri:1445", "1445هـ"),  # the tatweel belongs to the era letter
    ]
    for figure in figures:
        assert sentence[figure.start:figure.end] == figure.text


def test_number_and_unit_fields_carry_the_magnitude():
    [money] = extract_arabic("بلغت الكلفة 3 ملايين دولار")
    assert money.number == 3_000_000
    assert money.unit == "USD"
    [age] = extract_arabic("جمال (45 عاماً)")
    assert (age.number, age.unit) == (45, "year")
    [date] = extract_arabic("في 10 أيلول/سبتمبر")
    assert date.number is None


def test_to_dict_is_json_ready():
    [figure] = extract_arabic("قطعت القافلة 450 كيلومترا")
    data = json.loads(json.dumps(figure.to_dict(), ensure_ascii=False))
    assert data == {"kind": "quantity", "value": "450 km", "text": "450 كيلومترا",
                    "start": 13, "end": 25, "side": "source", "number": 450.0, "unit": "km",
                    "qualifier": None}


def test_figures_are_found_in_the_shared_sample_articles(sample_articles):
    if not sample_articles:
        pytest.skip("no sample articles in ../shared/samples")
    values = set()
    for path in sample_articles:
        text = path.read_text(encoding="utf-8")
        figures = extract_arabic(text)
        assert figures, f"no figure found in {path.name}"
        for figure in figures:
            assert text[figure.start:figure.end] == figure.text
        values |= {f.value for f in figures}
    # Figures these reports are known to state.
    assert {"95%", "45 years", "2018-03-17", "2014-06", "100 victims", "dozens"} <= values

