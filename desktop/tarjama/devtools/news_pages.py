"""Arabic news pages with their gold article text, for measuring the HTML reader.

Each page wraps one of the articles below in page furniture (menus, "most read" and
related lists, bylines, share widgets, comments, cookie banners, newsletter boxes,
footers) in one of several layouts seen on Arabic news sites. ``NewsPage.gold`` is what
a reader should keep: the headline first, then the article's paragraphs (and the cells
of an article table).

Standard library only, and no import of ``tarjama``: ``benchmarks/html_quality.py`` loads
this file by path so that it also measures an older checkout of the reader.
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    headline: str
    paragraphs: tuple[str, ...]
    city: str
    table: tuple[tuple[str, ...], ...] = ()  # rows of cells; the first row is the header
    subheads: tuple[tuple[int, str], ...] = ()  # (index of the paragraph it comes before, text)
    bullets: tuple[str, ...] = ()  # a list after the second paragraph

    def blocks(self) -> list[tuple[str, object]]:
        """("p" | "h2" | "ul" | "table", content) in reading order."""
        subheads = dict(self.subheads)
        blocks: list[tuple[str, object]] = []
        for index, paragraph in enumerate(self.paragraphs):
            if index == 2 and self.bullets:
                blocks.append(("ul", self.bullets))
            if index == 3 and self.table:
                blocks.append(("table", self.table))
            if index in subheads:
                blocks.append(("h2", subheads[index]))
            blocks.append(("p", paragraph))
        return blocks


@dataclass(frozen=True)
class NewsPage:
    name: str  # the layout
    data: bytes
    encoding: str
    article: Article

    @property
    def gold(self) -> tuple[str, ...]:
        texts = [self.article.headline]
        for kind, content in self.article.blocks():
            if kind == "ul":
                texts.extend(content)
            elif kind == "table":
                texts.extend(cell for row in content for cell in row)
            else:
                texts.append(content)
        return tuple(texts)


ARTICLES = (
    Article(
        "عودة الكهرباء إلى أحياء شرق حلب بعد انقطاع دام 14 ساعة",
        (
            "عادت التغذية الكهربائية صباح الثلاثاء إلى معظم أحياء القسم الشرقي من مدينة حلب، "
            "بعد انقطاع استمر 14 ساعة متواصلة بسبب عطل في محطة التحويل الرئيسية.",
            "وقال مدير الشركة العامة للكهرباء في المحافظة إن فرق الصيانة عملت طوال الليل "
            "لإصلاح محولتين بقدرة 66 كيلوفولط، مشيراً إلى أن نحو 120 ألف مشترك تأثروا بالانقطاع.",
            "وأضاف أن ساعات التقنين ستعود إلى برنامجها المعتاد اعتباراً من يوم الخميس، بواقع "
            "أربع ساعات وصل مقابل ساعتين قطع في الأحياء السكنية.",
            "من جهتهم، اشتكى سكان حي الشعار من تلف المواد الغذائية في البرادات، وقال أحدهم إن "
            "عائلته خسرت ما قيمته 300 ألف ليرة من اللحوم والخضار.",
            "ويعاني قطاع الكهرباء في سوريا من نقص حاد في الفيول والغاز اللازمين لتشغيل المحطات، "
            "إذ لا يتجاوز الإنتاج الحالي 2200 ميغاواط وفق أرقام رسمية، مقابل حاجة تقدر بأكثر "
            "من 7 آلاف ميغاواط.",
            "وتأمل الحكومة أن يسهم دخول العنفة الثالثة في محطة حلب الحرارية الخدمة قبل نهاية "
            "العام في تخفيف ساعات التقنين بنسبة 20 في المئة.",
        ),
        "حلب",
        subheads=((4, "نقص مزمن في الوقود"),),
    ),
    Article(
        "موسم القمح في الحسكة يتراجع إلى أدنى مستوى منذ عشر سنوات",
        (
            "توقعت مديرية الزراعة في محافظة الحسكة ألا يتجاوز إنتاج القمح هذا الموسم 350 ألف "
            "طن، وهو أدنى رقم تسجله المحافظة منذ عام 2014.",
            "وعزت المديرية التراجع إلى قلة الأمطار التي لم تتجاوز 180 مليمتراً في المتوسط، أي "
            "أقل من نصف المعدل السنوي المعتاد، إضافة إلى ارتفاع أسعار المحروقات والأسمدة.",
            "وقال مزارع من ريف القامشلي إن تكلفة ري الدونم الواحد بلغت 85 ألف ليرة، وإن كثيراً "
            "من جيرانه تركوا أراضيهم بوراً لأنهم لم يعودوا قادرين على شراء المازوت.",
            "وحددت الجهات المعنية سعر شراء الكيلوغرام من القمح بـ 2300 ليرة، في حين يطالب "
            "الفلاحون برفعه إلى 3000 ليرة على الأقل لتغطية التكاليف.",
            "وتعد الحسكة تاريخياً خزان سوريا من الحبوب، إذ كانت تنتج قبل عام 2011 قرابة 40 في "
            "المئة من محصول القمح في البلاد.",
            "ويخشى خبراء اقتصاديون أن يؤدي تراجع الإنتاج إلى زيادة الاعتماد على الاستيراد، في "
            "وقت تعاني فيه الخزينة من شح القطع الأجنبي.",
            "وبدأت مراكز الاستلام في المحافظة بتسلم المحصول منذ مطلع حزيران، وسط شكاوى من طول "
            "فترات الانتظار أمام الصوامع التي تصل أحياناً إلى ثلاثة أيام.",
        ),
        "الحسكة",
        subheads=((3, "أسعار الشراء لا تغطي التكاليف"), (5, "مخاوف من زيادة الاستيراد")),
    ),
    Article(
        "انخفاض منسوب الفرات يهدد مياه الشرب في الرقة",
        (
            "حذرت مؤسسة المياه في الرقة من أن منسوب نهر الفرات انخفض نحو 4 أمتار خلال الأشهر "
            "الستة الماضية، ما يهدد محطات ضخ مياه الشرب التي تخدم أكثر من 600 ألف نسمة.",
            "وأوضحت المؤسسة في بيان أن كمية المياه الواردة عبر الحدود تراجعت إلى أقل من 200 متر "
            "مكعب في الثانية، بينما تنص الاتفاقات الموقعة على 500 متر مكعب في الثانية.",
            "وأشار البيان إلى أن ثلاث محطات توقفت جزئياً عن العمل، وأن فرقاً فنية تعمل على مد "
            "أنابيب أطول للوصول إلى عمق المجرى.",
            "وقال مهندس في سد الفرات إن المخزون الحالي في بحيرة الأسد يكفي لتأمين الحاجات "
            "الأساسية مدة 90 يوماً فقط إذا استمر الوضع على حاله.",
            "ويخشى المزارعون على ضفتي النهر من خسارة موسم القطن، إذ تحتاج زراعة الهكتار الواحد "
            "إلى ما يقارب 10 آلاف متر مكعب من المياه طوال الموسم.",
        ),
        "الرقة",
    ),
    Article(
        "أسعار الخضار في أسواق دمشق ترتفع 35 في المئة خلال شهر",
        (
            "سجلت أسعار الخضار والفواكه في أسواق دمشق ارتفاعاً بنسبة 35 في المئة خلال شهر "
            "واحد، بحسب رصد أجرته جمعية حماية المستهلك في عدد من الأسواق الشعبية.",
            "وبلغ سعر كيلوغرام البندورة في سوق الهال 6500 ليرة بعد أن كان 4000 ليرة مطلع الشهر "
            "الماضي، فيما تجاوز سعر كيلوغرام البطاطا 5000 ليرة.",
            "ويرجع التجار الارتفاع إلى زيادة تكاليف النقل بعد رفع سعر ليتر المازوت إلى 12 ألف "
            "ليرة، إضافة إلى تصدير كميات كبيرة من الإنتاج إلى دول الخليج.",
            "وقالت موظفة متقاعدة إن راتبها الشهري البالغ 280 ألف ليرة لم يعد يكفي لشراء حاجات "
            "أسبوع واحد من الخضار والخبز.",
            "ووعدت وزارة التجارة الداخلية بطرح كميات من الخضار في صالات المؤسسة السورية للتجارة "
            "بأسعار تقل 15 في المئة عن أسعار السوق.",
        ),
        "دمشق",
        (
            ("المادة", "السعر السابق بالليرة", "السعر الحالي بالليرة"),
            ("البندورة", "4000", "6500"),
            ("البطاطا", "3600", "5000"),
            ("الخيار", "3000", "4200"),
        ),
    ),
    Article(
        "افتتاح مدرسة جديدة في دير الزور تستوعب 900 طالب",
        (
            "افتتحت مديرية التربية في دير الزور يوم الأحد مدرسة جديدة في حي الجورة، تضم 24 "
            "غرفة صفية ومخبراً للعلوم وقاعة للحاسوب، وتستوعب نحو 900 طالب وطالبة.",
            "وقال مدير التربية خلال حفل الافتتاح إن المدرسة بنيت بتمويل من منظمة دولية بتكلفة "
            "بلغت 450 ألف دولار، وإن العمل فيها استغرق 11 شهراً.",
            "وأضاف أن المحافظة لا تزال بحاجة إلى أكثر من 150 مدرسة لاستيعاب جميع الأطفال في سن "
            "الدراسة، إذ تعمل بعض المدارس بنظام الدوامين الصباحي والمسائي.",
            "وعبر عدد من الأهالي عن ارتياحهم لافتتاح المدرسة، وقالت أم لثلاثة أطفال إن أبناءها "
            "كانوا يمشون مسافة 3 كيلومترات يومياً للوصول إلى أقرب مدرسة.",
            "ويقدر عدد الأطفال المتسربين من التعليم في المحافظة بنحو 40 ألف طفل، وفق تقديرات "
            "منظمات محلية تعمل في مجال التعليم.",
        ),
        "دير الزور",
    ),
    Article(
        "حرائق ريف اللاذقية تلتهم 1200 دونم من الأحراج",
        (
            "التهمت الحرائق التي اندلعت منذ يوم الجمعة في ريف اللاذقية الشمالي نحو 1200 دونم "
            "من الأحراج والأراضي الزراعية، قبل أن تتمكن فرق الإطفاء من محاصرتها مساء الأحد.",
            "وقال قائد فوج الإطفاء في المحافظة إن 35 سيارة إطفاء وثلاث طائرات مروحية شاركت في "
            "عمليات الإخماد، وسط صعوبة في الوصول إلى المناطق الجبلية الوعرة.",
            "وساهمت الرياح الشديدة التي تجاوزت سرعتها 40 كيلومتراً في الساعة في انتقال النيران "
            "بسرعة بين التلال، ما اضطر السلطات إلى إخلاء قريتين بشكل مؤقت.",
            "ولم تسجل أي إصابات بشرية، غير أن 17 منزلاً تعرضت لأضرار متفاوتة، بحسب حصيلة أولية "
            "أعلنتها المحافظة.",
            "وتشهد المناطق الساحلية في سوريا حرائق متكررة كل صيف، وكان عام 2020 الأسوأ، إذ أتت "
            "النيران خلاله على أكثر من 11 ألف هكتار.",
            "ودعت مديرية الزراعة الأهالي إلى عدم إشعال النار قرب الأحراج، وإلى الإبلاغ فوراً عن "
            "أي دخان على الرقم 188.",
        ),
        "اللاذقية",
        bullets=(
            "مساحة الأحراج والأراضي المحترقة: 1200 دونم",
            "عدد سيارات الإطفاء المشاركة: 35 سيارة",
            "عدد المنازل المتضررة: 17 منزلاً",
        ),
    ),
)

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


def _e(text: str) -> str:
    return html.escape(text, quote=False)


class _Furniture:
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
        inner = "".join(f'<{item_tag}><a href="/n/{self.rid()}">{_e(t)}</a></{item_tag}>'
                        for t in items)
        return f"<{wrap}>{inner}</{wrap}>" if wrap else inner

    def nav(self) -> str:
        return f'<div class="top-links" id="{self.rid()}">{self.links(NAV)}</div>'

    def byline(self) -> str:
        day = self.rng.randint(1, 28)
        return (f'<div class="meta-line"><span>{_e(self.article.city)} – مراسلنا</span>'
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
            f'<div class="c-item"><b>{_e(name)}</b> <span>منذ {self.rng.randint(2, 9)} ساعات'
            f"</span><p>{_e(text)}</p><a>رد</a></div>"
            for name, text in chosen
        )
        return (f'<div class="box-c" id="{self.rid()}"><h3>التعليقات ({len(chosen)})</h3>'
                f"{items}<h4>أضف تعليقاً</h4><span>الاسم</span> <span>أرسل</span></div>")

    def cookie(self) -> str:
        return f'<div class="bar-b" id="{self.rid()}"><p>{_e(COOKIE)}</p><a>موافق</a></div>'

    def newsletter(self) -> str:
        return (f'<div class="nl-x"><p>{_e(NEWSLETTER)}</p><span>بريدك الإلكتروني</span>'
                "<a>اشترك</a></div>")

    def tags(self) -> str:
        return (f'<div class="kw"><span>الوسوم:</span> <a>{_e(self.article.city)}</a> '
                "<a>خدمات</a> <a>سوريا</a></div>")

    def footer(self) -> str:
        return (f'<div class="bottom" id="{self.rid()}">{self.links(FOOTER_LINKS)}'
                f"<p>{_e(COPYRIGHT)}</p></div>")


def _head(article: Article, extra: str = "", charset: str = "utf-8") -> str:
    return (f'<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="{charset}">'
            f"<title>{_e(article.headline)} | {_e(SITE)}</title>{extra}</head>")


def _table(rows) -> str:
    header, *body_rows = rows
    head = "".join(f"<th>{_e(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in body_rows
    )
    return f'<table class="data"><tr>{head}</tr>{body}</table>'


def _linked(paragraph: str, city: str) -> str:
    """The paragraph with its first mention of the city linked to a tag page, as sites do."""
    escaped = _e(paragraph)
    if city not in paragraph:
        return escaped
    return escaped.replace(_e(city), f'<a href="/tag/{_e(city)}">{_e(city)}</a>', 1)


def _paragraph_blocks(
    article: Article, f: _Furniture, tag: str = "p", *, extras: bool = True
) -> list[str]:
    """The article's blocks; with ``extras``, a "read also" link and a share row inside."""
    blocks = []
    for kind, content in article.blocks():
        if kind == "p":
            blocks.append(f"<{tag}>{_linked(content, article.city)}</{tag}>")
        elif kind == "h2":
            blocks.append(f"<h2>{_e(content)}</h2>")
        elif kind == "ul":
            blocks.append("<ul>" + "".join(f"<li>{_e(item)}</li>" for item in content) + "</ul>")
        else:
            blocks.append(_table(content))
    if extras:
        blocks.insert(2, f"<{tag}><strong>اقرأ أيضاً:</strong> "
                         f'<a href="/n/{f.rid()}">{_e(f.related[0])}</a></{tag}>')
        blocks.insert(len(blocks) - 1, f.share())
    return blocks


def _div_soup(article: Article, f: _Furniture) -> str:
    body = "".join(_paragraph_blocks(article, f))
    return (
        f"{_head(article)}<body><div class=\"wrap\" id=\"{f.rid()}\">{f.nav()}"
        f'<div class="row"><div class="col-md-8"><div class="content" id="{f.rid()}">'
        f"<h1>{_e(article.headline)}</h1>{f.byline()}{f.share()}"
        f'<div class="txt-{f.rid()}">{body}</div>{f.tags()}{f.share()}</div>'
        f"{f.related_box()}{f.comments()}</div>"
        f'<div class="col-md-4">{f.most_read_box()}{f.newsletter()}</div></div>'
        f"{f.footer()}</div>{f.cookie()}</body></html>"
    )


def _br_paragraphs(article: Article, f: _Furniture) -> str:
    # Editors' text as sites store it: loose lines split by <br><br>, then (pasted from
    # elsewhere) the last paragraphs in <p> tags, all in one div.
    pieces = []
    blocks = article.blocks()
    for number, (kind, content) in enumerate(blocks):
        if kind == "p" and number >= len(blocks) - 2:
            pieces.append(f"<p>{_e(content)}</p>")
        elif kind == "p":
            pieces.append(_e(content))
        elif kind == "h2":
            pieces.append(f"<b>{_e(content)}</b>")
        elif kind == "ul":
            pieces.append("<br>".join(_e(item) for item in content))
        else:
            pieces.append(_table(content))
    body = "<br><br>\n".join(pieces)
    return (
        f"{_head(article)}<body>{f.nav()}<div class=\"main-{f.rid()}\">"
        f"<h1>{_e(article.headline)}</h1>{f.byline()}"
        f'<div class="content">{body}<br><br></div>{f.share()}{f.related_box()}</div>'
        f"{f.most_read_box()}{f.comments()}{f.footer()}</body></html>"
    )


def _tables_layout(article: Article, f: _Furniture) -> str:
    body = "".join(_paragraph_blocks(article, f, extras=False))
    return (
        f"{_head(article)}<body><table width=\"100%\"><tr><td colspan=\"2\">{f.nav()}</td></tr>"
        f'<tr><td width="25%" valign="top">{f.most_read_box()}{f.newsletter()}</td>'
        f'<td valign="top"><h1>{_e(article.headline)}</h1>{f.byline()}{body}{f.share()}'
        f"{f.related_box()}</td></tr>"
        f'<tr><td colspan="2">{f.comments()}{f.footer()}</td></tr></table></body></html>'
    )


def _semantic(article: Article, f: _Furniture) -> str:
    body = "".join(_paragraph_blocks(article, f))
    return (
        f"{_head(article)}<body><header><nav>{f.links(NAV)}</nav></header><main>"
        f"<article><header><h1>{_e(article.headline)}</h1>{f.byline()}</header>"
        f"{f.share()}{body}<footer>{f.tags()}</footer></article>"
        f"<aside>{f.most_read_box()}{f.related_box()}</aside>"
        f"<section>{f.comments()}</section></main>"
        f"<footer>{f.newsletter()}{f.footer()}</footer>{f.cookie()}</body></html>"
    )


def _inline_scripts(article: Article, f: _Furniture) -> str:
    blocks = _paragraph_blocks(article, f)
    script = ('<script>var ad_slot = "إعلان"; window.dataLayer = window.dataLayer || [];'
              " if (a < b && b > 0) { render('<div>نص</div>'); }</script>")
    style = "<style>.content p { line-height: 1.8; } .x > span { display: none; }</style>"
    blocks.insert(2, script)
    blocks.insert(4, style)
    json_ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "'
               f'{article.headline}"}}</script>')
    return (
        f"{_head(article, style + json_ld)}<body>{script}{f.nav()}"
        f'<div id="{f.rid()}" class="container"><div class="content">'
        f"<h1>{_e(article.headline)}</h1>{f.byline()}{''.join(blocks)}{f.share()}</div>"
        f"{script}{f.most_read_box()}{f.comments()}</div>{f.newsletter()}{f.footer()}"
        f"{f.cookie()}{script}</body></html>"
    )


def _div_paragraphs(article: Article, f: _Furniture) -> str:
    """Paragraphs in bare divs, a ticker of headlines above, the dateline a paragraph."""
    body = "".join(_paragraph_blocks(article, f, "div"))
    ticker = f'<div class="tk"><b>عاجل</b>{f.links(f.most_read[:3], "span", "")}</div>'
    return (
        f"{_head(article)}<body>{f.nav()}{ticker}<div id=\"{f.rid()}\">"
        f'<div class="col-lg-9"><div class="title-x"><h1>{_e(article.headline)}</h1></div>'
        f"<div>{_e(article.city)} – مراسلنا</div>"
        f'<div class="body-{f.rid()}">{body}</div>{f.tags()}{f.related_box()}</div>'
        f'<div class="col-lg-3">{f.most_read_box()}</div></div>{f.comments()}'
        f"{f.newsletter()}{f.footer()}{f.cookie()}</body></html>"
    )


def _random_classes(article: Article, f: _Furniture) -> str:
    """Div soup whose every class and id is a generated token: nothing to go by but text."""
    page = _div_soup(article, f)
    for name in ("wrap", "row", "col-md-8", "col-md-4", "content", "top-links", "meta-line",
                 "icons-row", "box-x", "blk", "box-c", "c-item", "bar-b", "nl-x", "kw",
                 "bottom"):
        page = page.replace(f'class="{name}"', f'class="{f.rid()}"')
    return page.replace('class="txt-', 'class="', 1)


def _comment_thread(article: Article, f: _Furniture) -> str:
    """Neutral class names, a "read also" box inside the text, a photo caption, and a
    long thread of readers' comments written like prose."""
    blocks = _paragraph_blocks(article, f, extras=False)
    blocks.insert(2, f'<div class="{f.rid()}"><h3>اقرأ أيضا</h3>{f.links(f.related)}</div>')
    blocks.insert(4, f'<figure><img src="/i/{f.rid()}.jpg"><figcaption>{_e(article.city)} '
                     "(أرشيف)</figcaption></figure>")
    thread = "".join(
        f'<li class="{f.rid()[:2]}"><div>قارئ من {_e(article.city)}</div>'
        f"<p>{_e(LONG_COMMENTS[i % len(LONG_COMMENTS)])}</p></li>"
        for i in range(f.rng.randint(8, 14))
    )
    return (
        f"{_head(article)}<body>{f.nav()}<div class=\"{f.rid()}\"><h1>{_e(article.headline)}"
        f"</h1>{f.byline()}<div class=\"{f.rid()}\">{''.join(blocks)}</div>{f.tags()}</div>"
        f'<div class="{f.rid()}"><h3>تعليقات القراء</h3><ul>{thread}</ul></div>'
        f"{f.footer()}</body></html>"
    )


def _cp1256(article: Article, f: _Furniture) -> str:
    page = _div_soup(article, f)
    return page.replace('<meta charset="utf-8">', '<meta charset="windows-1256">', 1)


LAYOUTS: dict[str, tuple[Callable[[Article, _Furniture], str], str]] = {
    "div-soup": (_div_soup, "utf-8"),
    "br-paragraphs": (_br_paragraphs, "utf-8"),
    "tables-layout": (_tables_layout, "utf-8"),
    "semantic": (_semantic, "utf-8"),
    "div-paragraphs": (_div_paragraphs, "utf-8"),
    "random-classes": (_random_classes, "utf-8"),
    "comment-thread": (_comment_thread, "utf-8"),
    "inline-scripts": (_inline_scripts, "utf-8"),
    "windows-1256": (_cp1256, "cp1256"),
}


def news_pages(seed: int = 0) -> list[NewsPage]:
    """One page per layout, each with a different article (deterministic for a seed)."""
    rng = random.Random(seed)
    order = rng.sample(range(len(ARTICLES)), len(ARTICLES))
    pages = []
    for index, (name, (build, encoding)) in enumerate(LAYOUTS.items()):
        article = ARTICLES[order[index % len(ARTICLES)]]
        text = build(article, _Furniture(article, rng))
        pages.append(NewsPage(name, text.encode(encoding), encoding, article))
    return pages


def large_page(size_bytes: int, seed: int = 0) -> NewsPage:
    """A div-soup page grown to about ``size_bytes`` by a very long comment section."""
    rng = random.Random(seed)
    article = ARTICLES[0]
    furniture = _Furniture(article, rng)
    page = _div_soup(article, furniture)
    comment = furniture.comments()
    count = max(0, (size_bytes - len(page.encode())) // len(comment.encode()))
    marker = "<div class=\"col-md-4\">"
    page = page.replace(marker, comment * count + marker, 1)
    return NewsPage("large", page.encode("utf-8"), "utf-8", article)
