"""What an Arabic number counts: units, currencies, victims and the words that say so.

Lexicons and the patterns that read them, in normalised spelling; ``arabic`` decides
with them what kind of figure a number is.
"""

from __future__ import annotations

import re

from tarjama.core.figures.arabic_context import BEGIN, END, PREFIX, alternation, squash_spaces
from tarjama.core.figures.arabic_dates import ERA
from tarjama.core.figures.currencies import ARABIC_COUNTRIES, ARABIC_CURRENCY_WORDS

COUNT_WORDS = {"عشرات": "dozens", "مئات": "hundreds", "الاف": "thousands",
               "ملايين": "millions", "مليارات": "billions"}
COUNT = re.compile(
    rf"{BEGIN}{PREFIX}(?P<w>{alternation(COUNT_WORDS)}){END}"
    rf"(?:\s+(?:ال)?(?P<of>الاف|ملايين|مليارات){END})?"
)

TIME_UNITS = {
    "عام": "year", "عاما": "year", "اعوام": "year", "سنة": "year", "سنوات": "year",
    "سنين": "year", "شهر": "month", "شهرا": "month", "اشهر": "month", "شهور": "month",
    "اسبوع": "week", "اسبوعا": "week", "اسابيع": "week", "يوم": "day", "يوما": "day",
    "ايام": "day", "ساعة": "hour", "ساعات": "hour", "دقيقة": "minute", "دقائق": "minute",
    "ليلة": "day", "ليال": "day",
    "عقود": "decade", "عقدا": "decade", "قرون": "century", "قرنا": "century",
}
# A decade or a century is counted in years: "ستة عقود" is 60 years.
YEARS_IN = {"decade": 10, "century": 100}
DUAL_TIME = {
    "عامين": "year", "عامان": "year", "سنتين": "year", "سنتان": "year",
    "شهرين": "month", "شهران": "month", "اسبوعين": "week", "اسبوعان": "week",
    "يومين": "day", "يومان": "day", "ساعتين": "hour", "ساعتان": "hour",
    "دقيقتين": "minute", "دقيقتان": "minute", "عقدين": "decade", "عقدان": "decade",
    "قرنين": "century", "قرنان": "century",
}
DUAL_OR_HALF = re.compile(
    rf"{BEGIN}{PREFIX}(?:(?P<dual>{alternation(DUAL_TIME)}){END}(?P<half>\s+ونصف{END})?"
    rf"|(?P<one>عام|سنة|شهر|ساعة|يوم)\s+ونصف{END})"
)
TIME_AFTER = re.compile(rf"\s*(?P<unit>{alternation(TIME_UNITS)}){END}(?P<half>\s+ونصف{END})?")
AGE_BEFORE = re.compile(
    r"(?:\(\s*|(?:العمر|عمر|عمره|عمرها|عمرهم|عمرهما|بعمر|بسن|سن|البالغ|البالغة|يبلغ|تبلغ"
    r"|ناهز|يناهز)\s+(?:(?:يناهز|ناهز|نحو|حوالي|قرابة)\s+)?"
    # "سن التقاعد إلى 65 عاماً", "عمر المعتقلين بين 16 و25 عاماً"
    r"|(?:سن|عمر|اعمار)(?:ه|ها|هم|هن|هما)?(?:\s+[^\s\d.،؛]+)?\s+(?:الى|بين|عند|من|دون)\s+"
    r"|(?:دون|فوق|تحت)\s+سن\s+)$"
)

PERCENT_AFTER = re.compile(rf"\s*(?:%|(?:في\s+|ب)ال(?:مئة|مائة|مية){END})")
PERCENT_BEFORE = re.compile(r"%\s*$")

CURRENCY_AFTER = re.compile(
    rf"\s*(?P<cur>{alternation(ARABIC_CURRENCY_WORDS)}){END}"
    rf"(?:\s+(?:ال)?(?P<adj>{alternation(ARABIC_COUNTRIES)})(?:ة|ا|ين)?{END})?"
)
DOLLAR_AFTER = re.compile(r"\s*\$")
DOLLAR_BEFORE = re.compile(r"(?:US)?\$\s*$")

QUANTITY_UNITS = {
    "كيلومتر": "km", "كيلومترا": "km", "كيلومترات": "km", "كيلو متر": "km", "كيلو مترا": "km",
    "كم": "km", "متر": "m", "مترا": "m", "امتار": "m", "طن": "t", "طنا": "t", "اطنان": "t",
    "برميل": "bbl", "برميلا": "bbl", "براميل": "bbl", "هكتار": "ha", "هكتارا": "ha",
    "هكتارات": "ha", "دونم": "dunam", "دونما": "dunam", "دونمات": "dunam",
    "كيلوغرام": "kg", "كيلوغراما": "kg", "كيلوغرامات": "kg", "كيلوجرام": "kg", "كغ": "kg",
    "كلغ": "kg", "لتر": "l", "لترا": "l", "لترات": "l", "ميل": "mi", "ميلا": "mi",
    "اميال": "mi", "ميغاواط": "MW", "ميجاواط": "MW", "ميغاوات": "MW", "غيغاواط": "GW",
    "سنتيمتر": "cm", "سنتيمترا": "cm", "سم": "cm", "ملم": "mm", "مليمتر": "mm",
    "مليمترا": "mm", "غرام": "g", "غراما": "g", "جرام": "g", "غيغاهرتز": "GHz",
    "ميغاهرتز": "MHz",
}
QUANTITY_AFTER = re.compile(
    rf"\s*(?P<unit>{alternation(QUANTITY_UNITS)}){END}"
    rf"(?P<square>\s*(?:مربع|مربعا|مربعة){END}|2(?![0-9])|²)?"
)

VICTIM_NOUNS = {
    "killed": ("قتيل", "قتيلا", "قتلى", "شهيد", "شهيدا", "شهداء", "وفيات", "وفاة"),
    "victims": ("ضحية", "ضحايا"),
    "wounded": ("جريح", "جريحا", "جرحى", "مصاب", "مصابا", "مصابين", "مصابون"),
    "arrested": ("معتقل", "معتقلا", "معتقلين", "معتقلون", "موقوفا", "موقوفين"),
    "captives": ("اسير", "اسيرا", "اسرى", "مخطوفا", "مخطوفين", "مختطفا", "مختطفين",
                 "رهينة", "رهائن"),
    "missing": ("مفقود", "مفقودا", "مفقودين", "مفقودون"),
}
VICTIM_ROLE = {word: role for role, words in VICTIM_NOUNS.items() for word in words}
VICTIMS_AFTER = re.compile(rf"\s*(?:من\s+ال)?(?P<noun>{alternation(VICTIM_ROLE)}){END}")
TRIGGERS = {
    "مقتل": "killed", "قتل": "killed", "استشهاد": "killed", "اعدام": "killed",
    "اصابة": "wounded", "اصابات": "wounded", "جرح": "wounded", "اصيب": "wounded",
    "اعتقال": "arrested", "اعتقالات": "arrested", "توقيف": "arrested", "اعتقل": "arrested",
    "اسر": "captives", "اختطاف": "captives", "خطف": "captives", "فقدان": "missing",
    "اصيبت": "wounded", "قتلت": "killed", "استشهد": "killed", "اعتقلت": "arrested",
    "اوقف": "arrested", "اوقفت": "arrested", "وفاة": "killed", "قبض على": "arrested",
    "اودى بحياة": "killed", "اودت بحياة": "killed",
}
_QUALIFIER_WORDS = (r"(?:(?:نحو|حوالي|قرابة|زهاء|اكثر\s+من|ما\s+لا\s+يقل\s+عن|اقل\s+من"
                    r"|ما\s+يزيد\s+(?:عن|على)|ما\s+يقارب)\s+)?(?:ال\s*)?")
TRIGGER_BEFORE = re.compile(
    rf"{BEGIN}(?:[وبلف]|لل)?(?:ال)?(?P<trigger>{alternation(TRIGGERS)})\s+(?:بحق\s+)?"
    rf"{_QUALIFIER_WORDS}$")
# A verb, its subject, then the count: "اعتقلت السلطات التركية 15 لاجئاً".
_SUBJECT_VERBS = {"قتل": "killed", "قتلت": "killed", "اعدم": "killed", "اعدمت": "killed",
                  "اصاب": "wounded", "اصابت": "wounded", "اعتقل": "arrested",
                  "اعتقلت": "arrested", "اوقف": "arrested", "اوقفت": "arrested",
                  "احتجز": "arrested", "احتجزت": "arrested", "خطف": "captives",
                  "اختطف": "captives", "اختطفت": "captives"}
# The subject and adverbs between verb and count are no prepositional phrase: "أصاب الفئات
# العمرية بين 30 و65" is about ages.
_PREPOSITION = "(?:بين|من|في|الى|على|عن|حتى|منذ|خلال|نحو|لدى)"
# "ارتفع عدد القتلى إلى 50", "يزيد عدد الجرحى على 600 شخص": the toll is named before.
TOLL_BEFORE = re.compile(
    rf"{BEGIN}(?:عدد|حصيلة)\s+(?:ال)(?P<noun>قتلى|جرحى|ضحايا|شهداء|مصابين|معتقلين|مفقودين"
    rf"|اسرى|وفيات|موقوفين)(?:\s+[^\s\d.،؛]+){{0,3}}\s+$")
TOLL_ROLE = {"قتلى": "killed", "شهداء": "killed", "وفيات": "killed", "جرحى": "wounded",
             "مصابين": "wounded", "ضحايا": "victims", "معتقلين": "arrested",
             "موقوفين": "arrested", "مفقودين": "missing", "اسرى": "captives"}
VERB_SUBJECT_BEFORE = re.compile(
    rf"{BEGIN}[وف]?(?P<verb>{alternation(_SUBJECT_VERBS)})"
    rf"(?:\s+(?!{_PREPOSITION}{END})[^\s\d.،؛]+){{1,4}}\s+$")
SUBJECT_VERB_ROLE = _SUBJECT_VERBS
# The killing or arrest said after the noun: "ثلاثة مقاتلين ... قُتلوا".
_VERBS_AFTER = {
    "قتلوا": "killed", "قتلا": "killed", "قتلن": "killed", "لقوا حتفهم": "killed",
    "لقيا حتفهما": "killed", "لقي حتفه": "killed", "استشهدوا": "killed", "استشهدا": "killed",
    "اصيبوا": "wounded", "اصيبا": "wounded", "جرحوا": "wounded", "جرحا": "wounded",
    "اعتقلوا": "arrested", "اعتقلا": "arrested", "اوقفوا": "arrested",
    "اختطفوا": "captives", "خطفوا": "captives", "اختطفا": "captives", "فقدوا": "missing",
    "اصيبتا": "wounded", "قتلتا": "killed", "استشهدتا": "killed", "اعتقلتا": "arrested",
    "حتفهم": "killed", "حتفهما": "killed", "توفوا": "killed", "توفيا": "killed",
    "في عداد المفقودين": "missing", "في عداد القتلى": "killed",
    "كانوا محتجزين": "captives", "كانوا مختطفين": "captives", "كانوا مخطوفين": "captives",
}
VERB_AFTER = re.compile(
    rf"(?:\s+[^\s.،؛!؟:]+){{0,5}}?\s+(?:[وف]?(?:قد\s+)?)(?P<verb>{alternation(_VERBS_AFTER)}){END}")
VERB_ROLE = {squash_spaces(k): v for k, v in _VERBS_AFTER.items()}

YEAR_ERA_AFTER = re.compile(rf"\s*{ERA}")
YEAR_BEFORE = re.compile(rf"{BEGIN}(?:[وبلف]|لل)?(?:ال)?(?:عام|عامي|سنة|سنتي)\s*$")
LATIN_AFTER = re.compile(r"[A-Za-z]")
RANGE_AFTER = re.compile(r"\s*(?:[-–]|الى|حتى|او)\s*")
RANGE_AND = re.compile(r"\s+و\s*")  # "بين 30 و40 في المئة": only after بين or من
RANGE_START = re.compile(rf"{BEGIN}(?:ما\s+)?(?:بين|من)\s+$")
AGE_AFTER = re.compile(rf"\s+من\s+(?:ال)?عمر(?:ه|ها|هم|هما)?{END}")
