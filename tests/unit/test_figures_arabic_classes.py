"""Arabic figures beyond plain digits: duals, number words, fractions, qualifiers, dates,
thousands separators, clock times, ranks, scores, and words that are not figures.

Each case is (sentence, [(kind, value, text)]) or with a fourth item, the qualifier.
Sentences with digits are also checked in Eastern Arabic digits.
"""

from __future__ import annotations

import time

import pytest

from tarjama.core.figures import extract_arabic

_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

CASES = [
    # duals: one word that is the number 2
    ("أعلن الجيش مقتل جنديين في الهجوم", [("casualties", "2 killed", "مقتل جنديين")]),
    ("أصيبت ممرضتين بجروح طفيفة", [("casualties", "2 wounded", "أصيبت ممرضتين")]),
    ("أدى القصف إلى مقتل الطفلين", [("casualties", "2 killed", "مقتل الطفلين")]),
    ("الطفلان قُتلا في الغارة", [("casualties", "2 killed", "الطفلان")]),
    ("احترقت سيارتين في الحريق", [("number", "2", "سيارتين")]),
    ("قتل شخصان في الانفجار", [("casualties", "2 killed", "قتل شخصان")]),
    ("وصل شخصان إلى المستشفى", [("number", "2", "شخصان")]),
    ("استمر القتال يومين", [("duration", "2 days", "يومين")]),
    ("بلغت الخسائر مليوني دولار", [("money", "2000000 USD", "مليوني دولار")]),
    ("وصل عدد الزوار إلى ألفين", [("number", "2000", "ألفين")]),
    ("يتناول الدواء مرتين في الأسبوع", [("number", "2", "مرتين")]),
    ("سقط قتيلان في الاشتباك", [("casualties", "2 killed", "قتيلان")]),
    ("اتفق البلدين على الهدنة", []),  # a definite dual is "both", not a count
    # the killing said after the noun
    ("ثلاثة مقاتلين من الفصيل قُتلوا في الاشتباك",
     [("casualties", "3 killed", "ثلاثة مقاتلين")]),
    ("عاد ثلاثة مقاتلين إلى القرية", [("number", "3", "ثلاثة")]),
    # small number words with prefixes
    ("دمر القصف ست قرى", [("number", "6", "ست")]),
    ("حكم عليه لثلاث سنوات", [("duration", "3 years", "ثلاث سنوات")]),
    ("وصل الإسعاف بعشر دقائق", [("duration", "10 minutes", "عشر دقائق")]),
    ("قتلوا أربعًا منهم", [("number", "4", "أربعًا")]),
    ("سبع من الضحايا كن نساء", [("casualties", "7 victims", "سبع من الضحايا")]),
    ("في الأشهر الست الماضية", [("number", "6", "الست")]),
    ("فكان خمسة منهم أطفالا", [("number", "5", "خمسة")]),
    ("الذكرى السبع والعشرون", [("number", "27", "السبع والعشرون")]),
    ("سقط قتيل واحد وامرأة واحدة", [("casualties", "1 killed", "قتيل واحد"),
                                    ("number", "1", "واحدة")]),
    ("استمر الحصار يوم واحد", [("duration", "1 day", "يوم واحد")]),
    # fractions
    ("نزح نصف السكان", [("fraction", "1/2", "نصف")]),
    ("ربع الميزانية للتعليم", [("fraction", "1/4", "ربع")]),
    ("ثلث الأطفال دون مدرسة", [("fraction", "1/3", "ثلث")]),
    ("خصصت نصف مليون دولار", [("money", "500000 USD", "نصف مليون دولار")]),
    ("بلغ عدد السكان مليون ونصف", [("number", "1500000", "مليون ونصف")]),
    # qualifiers stay on the figure, outside its span
    ("نزح نحو 300 شخص", [("number", "300", "300", "about")]),
    ("قتل قرابة 40 مدنيا", [("casualties", "40 killed", "قتل قرابة 40 مدنيا", "about")]),
    ("احتجز أكثر من 500 معتقل", [("arrests", "500 arrested", "500 معتقل", "more than")]),
    ("لقي ما لا يقل عن 12 شخصا حتفهم",
     [("casualties", "12 killed", "12 شخصا", "at least")]),
    ("اعتقلت السلطات التركية 15 لاجئاً", [("arrests", "15 arrested", "15 لاجئاً")]),
    ("قتلت الغارة الطفلين", [("casualties", "2 killed", "الطفلين")]),
    ("اعتقلت قوات الأمن ۱۲ متظاهراً", [("arrests", "12 arrested", "۱۲ متظاهراً")]),
    ("تنفيذ حكم الإعدام بحق خمسة مدانين",
     [("casualties", "5 killed", "إعدام بحق خمسة")]),
    ("قالت إن 40 معتقلاً توفوا تحت التعذيب", [("casualties", "40 killed", "40 معتقلاً")]),
    ("أطلقت سراح سبعة جنود كانوا محتجزين", [("casualties", "7 captives", "سبعة جنود")]),
    # a breakdown counts the same victims; a figure joined to an age is an age
    ("مقتل 143 مدنياً، بينهم 31 طفلاً و17 سيدة",
     [("casualties", "143 killed", "مقتل 143 مدنياً"), ("casualties", "31 killed", "31 طفلاً"),
      ("casualties", "17 killed", "17 سيدة")]),
    ("سجلت 3 وفيات و75 إصابة", [("casualties", "3 killed", "3 وفيات"), ("number", "75", "75")]),
    ("رفعت سن التقاعد إلى 65 عاماً للرجال و60 عاماً للنساء",
     [("age", "65 years", "65 عاماً"), ("age", "60 years", "60 عاماً")]),
    ("يتراوح عمر المعتقلين بين 16 و25 عاماً",
     [("age", "16 years", "16"), ("age", "25 years", "25 عاماً")]),
    ("عاد 5 أشخاص بينهم طفلان", [("number", "5", "5"), ("number", "2", "طفلان")]),
    ("وثقت وفاة 38 معتقلاً تحت التعذيب", [("casualties", "38 killed", "38 معتقلاً")]),
    # the toll named before; "يزيد ... على" split by the noun is not read as a qualifier yet
    ("يزيد عدد الجرحى على 600 شخص", [("casualties", "600 wounded", "600 شخص")]),
    ("أودى بحياة أكثر من 200 شخص", [("casualties", "200 killed", "أودى بحياة أكثر من 200 شخص",
                                      "more than")]),
    ("ألقت الأجهزة الأمنية القبض على 6 متهمين", [("arrests", "6 arrested", "قبض على 6")]),
    ("أوقفت شرطة دبي ٥ أشخاص", [("arrests", "5 arrested", "٥ أشخاص")]),
    ("أصاب الفيروس الفئات العمرية بين 30 و65", [("number", "30", "30"), ("number", "65", "65")]),
    # decades and centuries are counted in years
    ("امتدت مسيرته أكثر من ستة عقود", [("duration", "60 years", "ستة عقود", "more than")]),
    ("بعد عقدين من الحرب", [("duration", "20 years", "عقدين")]),
    # Maghrebi month names, ranks after a ranking noun and its adjective, ages from ordinals
    ("ستجرى الانتخابات خلال شتنبر 2026", [("date", "2026-09", "شتنبر 2026")]),
    ("أكد البيان الختامي للقمة العربية الثالثة والثلاثين",
     [("ordinal", "33rd", "الثالثة والثلاثين")]),
    ("في المرحلة الخامسة عشرة من الدوري", [("ordinal", "15th", "الخامسة عشرة")]),
    ("تطعيم الأطفال دون سن الخامسة", [("age", "5 years", "الخامسة")]),
    ("يمدد الولاية من أربع إلى ست سنوات",
     [("duration", "4 years", "أربع"), ("duration", "6 years", "ست سنوات")]),
    ("تتراوح أعمارهم بين 18 و35 عاماً", [("age", "18 years", "18"), ("age", "35 years", "35 عاماً")]),
    ("كانوا على متن قاربين", [("number", "2", "قاربين")]),
    ("تضرر أقل من 10% من المنازل", [("percent", "10%", "10%", "less than")]),
    ("تستوعب ما يصل إلى 200 عائلة", [("number", "200", "200", "up to")]),
    ("قتل 5 أشخاص على الأقل", [("casualties", "5 killed", "قتل 5 أشخاص", "at least")]),
    # dates
    ("في التاسع من مارس", [("date", "--03-09", "التاسع من مارس")]),
    ("في الأول من فبراير 2020", [("date", "2020-02-01", "الأول من فبراير 2020")]),
    ("في الحادي والثلاثين من ديسمبر", [("date", "--12-31", "الحادي والثلاثين من ديسمبر")]),
    ("في منتصف مايو", [("date", "--05", "مايو", "mid")]),
    ("في أواخر يناير", [("date", "--01", "يناير", "late")]),
    ("في مطلع 2017", [("year", "2017", "2017", "early")]),
    ("حتى أبريل المقبل", [("date", "--04", "أبريل")]),
    ("بين 10-12 أيلول", [("date", "--09-10", "10"), ("date", "--09-12", "12 أيلول")]),
    ("بين عامي 2011 و2014", [("year", "2011", "2011"), ("year", "2014", "2014")]),
    ("في 5 آذار، 2019", [("date", "2019-03-05", "5 آذار، 2019")]),
    ("في عام 1445 هـ", [("year", "hijri:1445", "1445 هـ")]),
    ("خلال النصف الثاني من شهر مارس", [("fraction", "1/2", "النصف"),
                                       ("date", "--03", "مارس")]),
    # thousands separators and decimals, decided by the digit groups
    ("شارك 40.000 متظاهر", [("number", "40000", "40.000")]),
    ("نحو 250.000 نازح", [("number", "250000", "250.000", "about")]),
    ("جمع 70،000 توقيع", [("number", "70000", "70،000")]),
    ("وصل ١٢٬٠٠٠ لاجئ", [("number", "12000", "١٢٬٠٠٠")]),
    ("نحو 1,200 أسرة", [("number", "1200", "1,200", "about")]),
    ("بلغ ٤٥٫٥ نقطة ونسبة 2.5", [("number", "45.5", "٤٥٫٥"), ("number", "2.5", "2.5")]),
    ("فعالية 99.999% و0.004%", [("percent", "99.999%", "99.999%"),
                               ("percent", "0.004%", "0.004%")]),
    ("بلغت 2.500 مليون", [("number", "2500000", "2.500 مليون")]),
    # clock times
    ("عند الساعة 9 صباحا", [("time", "09:00", "9 صباحا")]),
    ("عند الساعة 9", [("time", "09:00", "9")]),
    ("في 8.30 مساءً", [("time", "20:30", "8.30 مساءً")]),
    ("في تمام الساعة 17:00", [("time", "17:00", "17:00")]),
    ("الساعة التاسعة صباحا", [("time", "09:00", "التاسعة صباحا")]),
    ("الساعة الرابعة عشرة", [("time", "14:00", "الرابعة عشرة")]),
    ("الساعة الثالثة والنصف عصرا", [("time", "15:30", "الثالثة والنصف عصرا")]),
    # ranks and scores
    ("في الدقيقة 73 من المباراة", [("ordinal", "73rd", "73")]),
    ("حل في المرتبة الثالثة", [("ordinal", "3rd", "الثالثة")]),
    ("الدورة الرابعة عشرة للمهرجان", [("ordinal", "14th", "الرابعة عشرة")]),
    ("فاز الفريق 2-1 على منافسه", [("score", "2-1", "2-1")]),
    ("تسجل 50 حالة في الساعة الواحدة", [("number", "50", "50")]),  # per hour, not 1 o'clock
    # ranges take the unit of their second end
    ("استمرت 3-5 أيام", [("duration", "3 days", "3"), ("duration", "5 days", "5 أيام")]),
    ("على مسافة من 1 إلى 2 متر", [("quantity", "1 m", "1"), ("quantity", "2 m", "2 متر")]),
    ("يحتاج 20-30% من المرضى", [("percent", "20%", "20"), ("percent", "30%", "30%")]),
]

NOT_FIGURES = [
    "شارون ستون في بئر السبع بسيارة رباعية الدفع",
    "اجتمعت مجموعة العشرين",
    "لست أدري ما حدث",
    "في القرن التاسع عشر",
    "في الرابع عشر من الشهر",
    "وصل يوم الاثنين",
    "أحد المسؤولين قال",
    "في وقت واحد",
    "وزير الخارجية لويجي دي مايو",
    "تأهل إلى ربع النهائي",
    "هو الأول في صفه",
    "قال ست البيت",
    "فاز للمرة الثانية",
    "اندلع حريق في مدينة السادس من أكتوبر",
    "افتتح مصنع في مدينة العاشر من رمضان",
]


def _rows(sentence: str) -> list[tuple[str, ...]]:
    rows = []
    for f in extract_arabic(sentence):
        assert sentence[f.start:f.end] == f.text
        rows.append((f.kind, f.value, f.text, f.qualifier) if f.qualifier
                    else (f.kind, f.value, f.text))
    return rows


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_figure_classes(sentence, expected):
    assert _rows(sentence) == [tuple(e) for e in expected]


@pytest.mark.parametrize(("sentence", "expected"),
                         [c for c in CASES if any(ch.isdigit() and ch < "٠" for ch in c[0])])
def test_figure_classes_in_eastern_digits(sentence, expected):
    eastern = sentence.translate(_EASTERN)
    expected = [(e[0], e[1], e[2].translate(_EASTERN), *e[3:]) for e in expected]
    assert _rows(eastern) == expected


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_number_words_in_names_and_idioms_are_not_figures(sentence):
    assert extract_arabic(sentence) == []


@pytest.mark.parametrize("hostile", [
    "١" * 50_000, "ست " * 10_000, "الساعة " * 5_000, "مقتل " * 6_000, "10-" * 10_000,
    "ا" * 50_000, "نحو " * 8_000, "1.000." * 5_000, "مايو " * 6_000, "a" * 50_000 + "-1",
    "x@" * 20_000, "#" + "ب" * 50_000,
])
def test_extraction_does_not_hang_on_hostile_text(hostile):
    # A guard against quadratic patterns (a 30 KB line once took minutes), not a timing:
    # linear extraction takes well under a second here.
    started = time.perf_counter()
    extract_arabic(hostile)
    assert time.perf_counter() - started < 10
