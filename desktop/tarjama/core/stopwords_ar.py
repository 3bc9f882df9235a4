"""Arabic function words, left out when summaries weigh the words of a sentence.

The list is written in the normalised spelling of ``normalize_arabic`` (no diacritics,
every alef variant written ا); ``arabic_stop_words()`` adds the forms with the attached
conjunctions و and ف, which Arabic writes as part of the next word (وقد، فإن).
"""

from __future__ import annotations

from functools import cache

from tarjama.core.arabic_text import normalize_arabic

_WORDS = """
من الى إلى في على عن مع عند لدى لدي حتى منذ مذ بين بعد قبل خلال حول دون ضد نحو عبر
تحت فوق امام أمام وراء خلف اثناء أثناء لكن لكنه لكنها لكن بل او أو ام أم ثم إذ اذ اذا
إذا إن ان أن لان لأن كي لكي لم لن لا ما ماذا متى اين أين كيف كم هل قد لقد سوف سوى غير
إلا الا لو لولا كل بعض جميع كلا كلتا اي أي ايضا أيضا فقط كذلك هكذا هناك هنا ثمة حيث
حين عندما بينما كما مثل كأن كان كانت كانوا يكون تكون يكن ليس ليست ليسوا صار اصبح أصبح
ظل مازال ما زال لازال زال عاد هو هي هم هن هما انا أنا نحن انت أنت انتم أنتم انتن
انه أنه انها أنها انهم أنهم إنه إنها إنهم له لها لهم لهن لنا لي لك به بها بهم منه منها
منهم عنه عنها عنهم فيه فيها فيهم عليه عليها عليهم اليه إليه اليها إليها اليهم إليهم هذا
هذه هذان هاتان هؤلاء ذلك تلك اولئك أولئك الذي التي الذين اللذان اللتان اللواتي اللاتي
اللذين اللتين ذو ذات ذوي الا إلا يا و ف ب ل ك ال امس أمس حاليا وفق وفقا حسب
بحسب لدى تم يتم وقد وفي وان وأن وهو وهي ومن وعلى الى بان بأن كما اما أما فإن فان
قال قالت يقول تقول اضاف أضاف اضافت أضافت واضاف وأضاف اكد أكد اكدت أكدت اشار أشار
اشارت أشارت ذكر ذكرت اوضح أوضح اوضحت أوضحت
"""


@cache
def arabic_stop_words() -> frozenset[str]:
    """The stop words in normalised spelling, with their و and ف forms."""
    base = {normalize_arabic(word) for word in _WORDS.split()}
    prefixed = {conjunction + word for word in base for conjunction in ("و", "ف") if len(word) > 1}
    return frozenset(base | prefixed)
