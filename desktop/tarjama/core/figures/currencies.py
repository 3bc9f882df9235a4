"""Currencies: Arabic and English names, country adjectives and ISO codes.

A currency named without its country ("ليرة", "pounds") gets a generic code ("LIRA",
"POUND") that is compatible with each national code of its family, so that
"ليرة" and "Syrian pounds" match while "ليرة" and "dollars" do not.
"""

from __future__ import annotations

# (family, country) -> code; (family, None) is the code when no country is named.
_CODES: dict[tuple[str, str | None], str] = {
    ("DOLLAR", None): "USD", ("DOLLAR", "us"): "USD", ("DOLLAR", "canada"): "CAD",
    ("EURO", None): "EUR",
    ("LIRA", None): "LIRA", ("LIRA", "syria"): "SYP", ("LIRA", "lebanon"): "LBP",
    ("LIRA", "turkey"): "TRY",
    ("POUND", None): "POUND", ("POUND", "syria"): "SYP", ("POUND", "lebanon"): "LBP",
    ("POUND", "egypt"): "EGP", ("POUND", "britain"): "GBP", ("POUND", "sudan"): "SDG",
    ("DINAR", None): "DINAR", ("DINAR", "iraq"): "IQD", ("DINAR", "jordan"): "JOD",
    ("DINAR", "kuwait"): "KWD", ("DINAR", "libya"): "LYD", ("DINAR", "tunisia"): "TND",
    ("DINAR", "algeria"): "DZD", ("DINAR", "bahrain"): "BHD",
    ("RIYAL", None): "RIYAL", ("RIYAL", "saudi"): "SAR", ("RIYAL", "qatar"): "QAR",
    ("RIYAL", "yemen"): "YER", ("RIYAL", "oman"): "OMR", ("RIYAL", "iran"): "IRR",
    ("DIRHAM", None): "DIRHAM", ("DIRHAM", "uae"): "AED", ("DIRHAM", "morocco"): "MAD",
}

# Generic code -> the national codes it may stand for. A dollar or a euro with no
# country is simply USD or EUR.
_GENERIC = frozenset({"LIRA", "POUND", "DINAR", "RIYAL", "DIRHAM"})
_FAMILIES = {
    generic: frozenset(code for (family, country), code in _CODES.items()
                       if country is not None and _CODES[(family, None)] == generic)
    for generic in _GENERIC
}

ISO_CODES = frozenset(_CODES.values()) - _GENERIC

# Normalised Arabic (no hamza on alef): currency words and country adjectives.
ARABIC_CURRENCY_WORDS = {
    "دولار": "DOLLAR", "دولارا": "DOLLAR", "دولارات": "DOLLAR",
    "يورو": "EURO",
    "ليرة": "LIRA", "ليرات": "LIRA",
    "جنيه": "POUND", "جنيها": "POUND", "جنيهات": "POUND",
    "دينار": "DINAR", "دينارا": "DINAR", "دنانير": "DINAR",
    "ريال": "RIYAL", "ريالا": "RIYAL", "ريالات": "RIYAL",
    "درهم": "DIRHAM", "درهما": "DIRHAM", "دراهم": "DIRHAM",
}
ARABIC_COUNTRIES = {
    "امريكي": "us", "سوري": "syria", "لبناني": "lebanon", "تركي": "turkey",
    "مصري": "egypt", "استرليني": "britain", "سوداني": "sudan", "عراقي": "iraq",
    "اردني": "jordan", "كويتي": "kuwait", "ليبي": "libya", "تونسي": "tunisia",
    "جزائري": "algeria", "بحريني": "bahrain", "سعودي": "saudi", "قطري": "qatar",
    "يمني": "yemen", "عماني": "oman", "ايراني": "iran", "اماراتي": "uae",
    "مغربي": "morocco", "كندي": "canada",
}

ENGLISH_CURRENCY_WORDS = {
    "dollar": "DOLLAR", "euro": "EURO", "lira": "LIRA", "lire": "LIRA", "pound": "POUND",
    "dinar": "DINAR", "riyal": "RIYAL", "rial": "RIYAL", "dirham": "DIRHAM",
}
ENGLISH_COUNTRIES = {
    "us": "us", "u.s.": "us", "american": "us", "syrian": "syria", "lebanese": "lebanon",
    "turkish": "turkey", "egyptian": "egypt", "british": "britain", "sterling": "britain",
    "sudanese": "sudan", "iraqi": "iraq", "jordanian": "jordan", "kuwaiti": "kuwait",
    "libyan": "libya", "tunisian": "tunisia", "algerian": "algeria", "bahraini": "bahrain",
    "saudi": "saudi", "qatari": "qatar", "yemeni": "yemen", "omani": "oman",
    "iranian": "iran", "emirati": "uae", "uae": "uae", "moroccan": "morocco",
    "canadian": "canada",
}
SYMBOLS = {"$": "USD", "US$": "USD", "C$": "CAD", "CA$": "CAD", "€": "EUR", "£": "GBP"}


def currency_code(family: str, country: str | None) -> str:
    """The code for a currency word and an optional country; unknown pairs fall back."""
    return _CODES.get((family, country)) or _CODES[(family, None)]


def compatible(a: str, b: str) -> bool:
    """True when two codes may name the same currency ("LIRA" and "SYP", "LIRA" and "POUND")."""
    if a == b:
        return True
    family_a = _FAMILIES.get(a, frozenset({a}))
    family_b = _FAMILIES.get(b, frozenset({b}))
    return bool(family_a & family_b)
