"""The page furniture around a generated news article: menus, "most read" and related
lists, bylines, share widgets, comments, cookie banners, newsletter boxes and footers.

Standard library only, like the rest of the page generator (see ``news_pages``).
"""

from __future__ import annotations

import html
import random

from tarjama.devtools.news_articles import ARTICLES, Article

SITE = "شبكة الأخبار السورية"
NAV = ("الرئيسية", "أخبار سوريا", "اقتصاد", "رياضة", "ثقافة وفنون", "تقارير", "منوعات",
       "اتصل بنا")
OTHER_HEADLINES = (
    "ارتفاع أسعار الذهب في السوق المحلية إلى مستوى قياسي جديد",
    "منتخب سوريا لكرة القدم يتأهل إلى الدور الثاني من البطولة",
    "مرسوم جديد يمنح زيادة على رواتب المتقاعدين اعتباراً من الشهر المقبل",
    "افتتاح معرض الكتاب في دمشق بمشاركة أكثر من مئتي دار نشر",
    "تمديد ساعات عمل المخابز في حمص خلال شهر رمضان",
    "الأرصاد تتوقع موجة حر تضرب البلاد نهاية الأسبوع",
    "إعادة افتتاح الطريق الدولي بين حلب واللاذقية أمام الشاحنات",
)
SHARE = ("شارك على فيسبوك", "شارك على تويتر", "أرسل عبر واتساب", "نسخ الرابط")
COMMENTS = (
    ("أبو محمد", "الله يعين الناس، الوضع صار صعب كتير وما حدا عم يسمع صوتنا"),
    ("سامر", "شكراً على التقرير، ياريت تكتبوا عن وضع الريف كمان لأنو منسي تماماً"),
    ("مواطن", "هذا الكلام غير دقيق، عنا بالحي المشكلة مستمرة من أكثر من أسبوع"),
    ("ليلى", "الحل بيد المسؤولين وما في أي متابعة حقيقية على الأرض للأسف"),
)
# Readers' comments long enough to read like prose, for the comment-thread layout.
LONG_COMMENTS = (
    "المشكلة ليست جديدة، منذ سنوات ونحن نعاني من الأمر نفسه كل صيف ولا أحد يتحرك لإيجاد "
    "حل دائم ينهي معاناة الناس",
    "أتمنى من الجهات المعنية أن تتحرك بسرعة قبل أن تتفاقم الأزمة ويخسر الناس أرزاقهم كما "
    "حصل في العام الماضي تماماً",
    "شكراً للمراسل على هذا التقرير المفصل، لكن كان من المفيد ذكر رأي الخبراء في الحلول "
    "الممكنة على المدى البعيد",
    "نحن في الريف الشرقي نعيش الوضع نفسه منذ أسابيع وندفع أسعاراً خيالية لا يقدر عليها "
    "أحد من أصحاب الدخل المحدود",
)
COOKIE = ("يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك في التصفح، وبمتابعتك التصفح "
          "فإنك توافق على سياسة الخصوصية.")
NEWSLETTER = "اشترك في نشرتنا البريدية ليصلك ملخص أهم الأخبار كل صباح"
FOOTER_LINKS = ("من نحن", "سياسة الخصوصية", "شروط الاستخدام", "أعلن معنا")
COPYRIGHT = f"جميع الحقوق محفوظة © 2023 {SITE}"


def escape(text: str) -> str:
    return html.escape(text, quote=False)


class Furniture:
    """The boilerplate of one page, with class names that give nothing away."""

    def __init__(self, article: Article, rng: random.Random) -> None:
        self.article = article
        self.rng = rng
        others = [h for h in (a.headline for a in ARTICLES) if h != article.headline]
        self.most_read = rng.sample([*OTHER_HEADLINES, *others], 5)
        self.related = rng.sample(others, 3)

    def rid(self) -> str:
        return "".join(self.rng.choice("abcdefghjkmnpqrstuvwxyz0123456789") for _ in range(6))

    def links(self, items, item_tag="li", wrap="ul") -> str:
        inner = "".join(f'<{item_tag}><a href="/n/{self.rid()}">{escape(t)}</a></{item_tag}>'
                        for t in items)
        return f"<{wrap}>{inner}</{wrap}>" if wrap else inner

    def nav(self) -> str:
        return f'<div class="top-links" id="{self.rid()}">{self.links(NAV)}</div>'

    def byline(self) -> str:
        day = self.rng.randint(1, 28)
        return (f'<div class="meta-line"><span>{escape(self.article.city)} – مراسلنا</span>'
                f"<span> نشر في {day} حزيران 2023 الساعة 10:45</span></div>")

    def share(self) -> str:
        return f'<div class="icons-row" id="{self.rid()}">{self.links(SHARE, "span", "")}</div>'

    def most_read_box(self) -> str:
        return (f'<div class="box-x" id="{self.rid()}"><h3>الأكثر قراءة</h3>'
                f"{self.links(self.most_read, 'li', 'ol')}</div>")

    def related_box(self) -> str:
        return (f'<div class="blk" id="{self.rid()}"><h4>اقرأ أيضاً</h4>'
                f"{self.links(self.related)}</div>")

    def comments(self) -> str:
        chosen = self.rng.sample(COMMENTS, 3)
        items = "".join(
            f'<div class="c-item"><b>{escape(name)}</b> <span>منذ {self.rng.randint(2, 9)} ساعات'
            f"</span><p>{escape(text)}</p><a>رد</a></div>"
            for name, text in chosen
        )
        return (f'<div class="box-c" id="{self.rid()}"><h3>التعليقات ({len(chosen)})</h3>'
                f"{items}<h4>أضف تعليقاً</h4><span>الاسم</span> <span>أرسل</span></div>")

    def cookie(self) -> str:
        return f'<div class="bar-b" id="{self.rid()}"><p>{escape(COOKIE)}</p><a>موافق</a></div>'

    def newsletter(self) -> str:
        return (f'<div class="nl-x"><p>{escape(NEWSLETTER)}</p><span>بريدك الإلكتروني</span>'
                "<a>اشترك</a></div>")

    def tags(self) -> str:
        return (f'<div class="kw"><span>الوسوم:</span> <a>{escape(self.article.city)}</a> '
                "<a>خدمات</a> <a>سوريا</a></div>")

    def footer(self) -> str:
        return (f'<div class="bottom" id="{self.rid()}">{self.links(FOOTER_LINKS)}'
                f"<p>{escape(COPYRIGHT)}</p></div>")
