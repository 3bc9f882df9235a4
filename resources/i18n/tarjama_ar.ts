<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>unknown</source>
        <translation>غير معروفة</translation>
    </message>
    <message>
        <source>Translation pack:</source>
        <translation>حزمة الترجمة:</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>الرخصة:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>المصدر:</translation>
    </message>
    <message>
        <source>No translation pack is installed: Arabic text, figures and summaries only.</source>
        <translation>لا توجد حزمة ترجمة مثبّتة: النص العربي والأرقام والملخصات فقط.</translation>
    </message>
    <message>
        <source>An offline reader for Arabic news, with a side-by-side English translation, summaries and checked key figures.</source>
        <translation>قارئ للأخبار العربية يعمل دون اتصال بالإنترنت، يعرض الترجمة الإنجليزية بجانب النص، مع ملخصات وأرقام رئيسية مُدقَّقة.</translation>
    </message>
    <message>
        <source>Machine translation can be wrong: check key figures against the Arabic.</source>
        <translation>قد تخطئ الترجمة الآلية: طابِق الأرقام الرئيسية مع النص العربي.</translation>
    </message>
    <message>
        <source>Arabic text is shown in %1 (%2) when it is bundled.</source>
        <translation>يُعرض النص العربي بخط %1 (المرخّص برخصة %2) متى كان مُرفقًا بالبرنامج.</translation>
    </message>
    <message>
        <source>About Tarjama</source>
        <translation>حول Tarjama</translation>
    </message>
</context>
<context>
    <name>ArticleDisplay</name>
    <message>
        <source>Install a translation pack to read the English here.</source>
        <translation>ثبّت حزمة ترجمة لتقرأ الترجمة الإنجليزية هنا.</translation>
    </message>
</context>
<context>
    <name>ArticleOutputs</name>
    <message>
        <source>Summary copied.</source>
        <translation>نُسخ الملخص.</translation>
    </message>
    <message>
        <source>Translation copied.</source>
        <translation>نُسخت الترجمة.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>صُدِّر إلى %1</translation>
    </message>
</context>
<context>
    <name>BatchCounts</name>
    <message>
        <source>1 sentence</source>
        <translation>جملة واحدة</translation>
    </message>
    <message numerus="yes">
        <source>%n sentences</source>
        <translation>
            <numerusform>%n جملة</numerusform>
            <numerusform>جملة واحدة</numerusform>
            <numerusform>جملتان</numerusform>
            <numerusform>%n جمل</numerusform>
            <numerusform>%n جملة</numerusform>
            <numerusform>%n جملة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Translate Folder</source>
        <translation>ترجمة مجلد</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>ابدأ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Open Output Folder</source>
        <translation>فتح مجلد الناتج</translation>
    </message>
    <message>
        <source>Open Index</source>
        <translation>فتح الفهرس</translation>
    </message>
    <message>
        <source>The articles at a glance, in your web browser: status, warnings, summaries</source>
        <translation>المقالات في لمحة، في متصفح الويب: الحالة والتحذيرات والملخصات</translation>
    </message>
    <message>
        <source>Open Figures</source>
        <translation>فتح الأرقام</translation>
    </message>
    <message>
        <source>Casualty, arrest, money and percentage figures of every article, with charts</source>
        <translation>أرقام الضحايا والاعتقالات والأموال والنسب المئوية في كل مقال، مع رسوم بيانية</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Choose the folder of articles to translate.</source>
        <translation>اختر مجلد المقالات المراد ترجمتها.</translation>
    </message>
    <message>
        <source>Choose a folder for the translations.</source>
        <translation>اختر مجلدًا لحفظ الترجمات.</translation>
    </message>
    <message>
        <source>Tick at least one output format.</source>
        <translation>حدّد صيغة ناتج واحدة على الأقل.</translation>
    </message>
    <message>
        <source>Loading the translation pack…</source>
        <translation>جارٍ تحميل حزمة الترجمة…</translation>
    </message>
    <message>
        <source>Loading the translation pack and starting Ray…</source>
        <translation>جارٍ تحميل حزمة الترجمة وتشغيل Ray…</translation>
    </message>
    <message>
        <source>Loading the translation pack and joining the Ray cluster at {0}…</source>
        <translation>جارٍ تحميل حزمة الترجمة والانضمام إلى عنقود Ray في {0}…</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>سيتوقف العمل بعد الدفعة الحالية…</translation>
    </message>
    <message>
        <source>Cancelled: {0} translated. Start again to finish the folder.</source>
        <translation>أُلغي العمل بعد ترجمة {0}. ابدأ من جديد لإكمال المجلد.</translation>
    </message>
    <message>
        <source>Done: {0} translated, {1} already done, {2} could not be read.</source>
        <translation>اكتمل العمل — مترجمة: {0}، مترجمة من قبل: {1}، تعذّرت قراءتها: {2}.</translation>
    </message>
    <message>
        <source>Stopped: {0}. {1} translated; free some space or choose another output folder, then start again to finish.</source>
        <translation>توقفت الدفعة: {0}. تُرجم {1}؛ حرّر بعض المساحة أو اختر مجلد إخراج آخر، ثم ابدأ من جديد لإكمالها.</translation>
    </message>
    <message>
        <source>Done: {0} translated, but the index could not be written: {1}</source>
        <translation>انتهت: تُرجم {0}، لكن تعذّرت كتابة الفهرس: {1}</translation>
    </message>
    <message>
        <source>The index could not be written either: {0}</source>
        <translation>وتعذّرت كتابة الفهرس أيضًا: {0}</translation>
    </message>
    <message>
        <source>Stop the batch?</source>
        <translation>إيقاف الترجمة الجماعية؟</translation>
    </message>
    <message>
        <source>The folder is still being translated. Stop now? Finished articles are kept, and starting again later carries on where it stopped.</source>
        <translation>ما زالت ترجمة المجلد جارية. أتريد الإيقاف الآن؟ ستُحفظ المقالات المكتملة، وإذا بدأت من جديد لاحقًا يُستأنف العمل من حيث توقف.</translation>
    </message>
</context>
<context>
    <name>BatchForm</name>
    <message>
        <source>Text</source>
        <translation>نص</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>Word</translation>
    </message>
    <message>
        <source>Articles folder:</source>
        <translation>مجلد المقالات:</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>مجلد الناتج:</translation>
    </message>
    <message>
        <source>Include sub-folders</source>
        <translation>تضمين المجلدات الفرعية</translation>
    </message>
    <message>
        <source>Redo articles already translated</source>
        <translation>إعادة ترجمة المقالات المترجمة سابقًا</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>الصيغ:</translation>
    </message>
    <message>
        <source>Summary sentences:</source>
        <translation>جمل الملخص:</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>التشغيل على:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>اختر مجلدًا</translation>
    </message>
</context>
<context>
    <name>BatchProgressPanel</name>
    <message>
        <source>Current file:</source>
        <translation>الملف الحالي:</translation>
    </message>
    <message>
        <source>All files:</source>
        <translation>كل الملفات:</translation>
    </message>
    <message>
        <source>Waiting for the first translations…</source>
        <translation>في انتظار الترجمات الأولى…</translation>
    </message>
    <message>
        <source>None: the batch has ended.</source>
        <translation>لا ملف: انتهت ترجمة المجلد.</translation>
    </message>
    <message>
        <source>%v of 1 file</source>
        <translation>%v من ملف واحد</translation>
    </message>
    <message numerus="yes">
        <source>%v of %n files</source>
        <translation>
            <numerusform>%v من %n ملف</numerusform>
            <numerusform>%v من ملف واحد</numerusform>
            <numerusform>%v من ملفين</numerusform>
            <numerusform>%v من %n ملفات</numerusform>
            <numerusform>%v من %n ملفًا</numerusform>
            <numerusform>%v من %n ملف</numerusform>
        </translation>
    </message>
    <message>
        <source>%v of 1 sentence</source>
        <translation>%v من جملة واحدة</translation>
    </message>
    <message numerus="yes">
        <source>%v of %n sentences</source>
        <translation>
            <numerusform>%v من %n جملة</numerusform>
            <numerusform>%v من جملة واحدة</numerusform>
            <numerusform>%v من جملتين</numerusform>
            <numerusform>%v من %n جمل</numerusform>
            <numerusform>%v من %n جملة</numerusform>
            <numerusform>%v من %n جملة</numerusform>
        </translation>
    </message>
    <message>
        <source>Files that could not be translated: {0}</source>
        <translation>ملفات تعذّرت ترجمتها: {0}</translation>
    </message>
    <message>
        <source>%1/%2 files</source>
        <translation>الملفات: %1/%2</translation>
    </message>
    <message>
        <source>%1 words/s</source>
        <translation>%1 كلمة/ث</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>المتعذّرة: %1</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>بقي نحو %1 دقيقة</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>بقي أقل من دقيقة</translation>
    </message>
</context>
<context>
    <name>ConfidenceMarks</name>
    <message>
        <source>model confidence: low (%1 per token)</source>
        <translation>ثقة النموذج: منخفضة (%1 لكل وحدة)</translation>
    </message>
</context>
<context>
    <name>EngineChoiceBox</name>
    <message>
        <source>This &amp;computer</source>
        <translation>هذا ال&amp;حاسوب</translation>
    </message>
    <message>
        <source>A &amp;Ray cluster at</source>
        <translation>عنقود &amp;Ray على العنوان</translation>
    </message>
    <message>
        <source>auto, ray://host:10001</source>
        <translation>auto، ray://host:10001</translation>
    </message>
    <message>
        <source>Leave empty to start Ray on this computer for this batch; auto joins the cluster this computer belongs to; ray://HOST:10001 or HOST:6379 joins another</source>
        <translation>اتركه فارغًا لتشغيل Ray على هذا الحاسوب لهذه الدفعة؛ auto ينضم إلى العنقود الذي ينتمي إليه هذا الحاسوب؛ ray://HOST:10001 أو HOST:6379 ينضم إلى عنقود آخر</translation>
    </message>
    <message>
        <source>&amp;Workers:</source>
        <translation>ال&amp;عمّال:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>تلقائي</translation>
    </message>
    <message>
        <source>Each worker loads the pack once; automatic: one per node, or one per GPU</source>
        <translation>يحمّل كل عامل الحزمة مرة واحدة؛ التلقائي: عامل واحد لكل عقدة، أو لكل معالج رسوميات</translation>
    </message>
    <message>
        <source>The Ray engine needs Ray: {0}</source>
        <translation>يحتاج محرك Ray إلى تثبيت Ray: {0}</translation>
    </message>
    <message>
        <source>With no address, Ray is started on this computer for the batch and stopped after it.</source>
        <translation>بلا عنوان، يُشغَّل Ray على هذا الحاسوب طوال ترجمة المجلد ثم يُوقَف بعدها.</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Cannot open file</source>
        <translation>تعذّر فتح الملف</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2.</source>
        <translation>تعذّر فتح %1: %2.</translation>
    </message>
    <message>
        <source>Translation pack problem</source>
        <translation>مشكلة في حزمة الترجمة</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>خطأ غير متوقع</translation>
    </message>
    <message>
        <source>Something went wrong (%1). The window is still usable; details were written to %2.</source>
        <translation>حدث خطأ (%1). ما زال بإمكانك استخدام النافذة، وقد سُجّلت التفاصيل في %2.</translation>
    </message>
</context>
<context>
    <name>FailureModel</name>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
</context>
<context>
    <name>FailureReasons</name>
    <message>
        <source>the file does not exist</source>
        <translation>الملف غير موجود</translation>
    </message>
    <message>
        <source>Tarjama is not allowed to read this file (check its permissions)</source>
        <translation>لا يُسمح لـ Tarjama بقراءة هذا الملف (تحقّق من أذوناته)</translation>
    </message>
    <message>
        <source>the file cannot be reached (%1)</source>
        <translation>يتعذّر الوصول إلى الملف (%1)</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>هذا مجلد وليس ملفًا</translation>
    </message>
    <message>
        <source>this is not a regular file</source>
        <translation>هذا ليس ملفًا عاديًا</translation>
    </message>
    <message>
        <source>Tarjama cannot read %1 files; it reads %2</source>
        <translation>لا يستطيع Tarjama قراءة ملفات %1؛ فهو يقرأ: %2</translation>
    </message>
    <message>
        <source>the file is too large (%1); the limit for this type of file is %2</source>
        <translation>الملف كبير جدًا (%1)؛ الحد الأقصى لهذا النوع من الملفات %2</translation>
    </message>
    <message>
        <source>the file is too large; the limit is %1</source>
        <translation>الملف كبير جدًا؛ الحد الأقصى %1</translation>
    </message>
    <message>
        <source>the input is too large; the limit is %1</source>
        <translation>المُدخَل كبير جدًا؛ الحد الأقصى %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>الملف فارغ</translation>
    </message>
    <message>
        <source>the file contains only blank space</source>
        <translation>لا يحتوي الملف إلا على فراغات</translation>
    </message>
    <message>
        <source>no text found in this file</source>
        <translation>لم يُعثر على نص في هذا الملف</translation>
    </message>
    <message>
        <source>no Arabic text found in this file</source>
        <translation>لم يُعثر على نص عربي في هذا الملف</translation>
    </message>
    <message>
        <source>the file cannot be read (%1)</source>
        <translation>تتعذّر قراءة الملف (%1)</translation>
    </message>
    <message>
        <source>this does not look like a text file (it contains binary data)</source>
        <translation>لا يبدو هذا ملفًا نصيًا (فيه بيانات ثنائية)</translation>
    </message>
    <message>
        <source>the text is not in an encoding Tarjama can read (UTF-8, UTF-16, Windows-1256, ISO-8859-6 or DOS Arabic)</source>
        <translation>النص ليس بترميز يستطيع Tarjama قراءته (UTF-8 أو UTF-16 أو Windows-1256 أو ISO-8859-6 أو ترميز DOS العربي)</translation>
    </message>
    <message>
        <source>the file looks like UTF-8 text but some of its bytes are damaged</source>
        <translation>يبدو الملف نصًا بترميز UTF-8، لكن بعض بايتاته تالفة</translation>
    </message>
    <message>
        <source>the file is not valid %1 text (byte %2 does not fit); choose another encoding, or let Tarjama detect it</source>
        <translation>الملف ليس نصًا صالحًا بترميز %1 (البايت %2 لا يوافقه)؛ اختر ترميزًا آخر أو دع Tarjama يكتشفه</translation>
    </message>
    <message>
        <source>the file is damaged or is not a real PDF document</source>
        <translation>الملف تالف أو ليس مستند PDF حقيقيًا</translation>
    </message>
    <message>
        <source>the file is damaged or is not a real Word document (.docx)</source>
        <translation>الملف تالف أو ليس مستند Word حقيقيًا (.docx)</translation>
    </message>
    <message>
        <source>the file is damaged or is not a real EPUB book (.epub)</source>
        <translation>الملف تالف أو ليس كتاب EPUB حقيقيًا (.epub)</translation>
    </message>
    <message>
        <source>the file is damaged or is not a real OpenDocument text (.odt)</source>
        <translation>الملف تالف أو ليس مستند OpenDocument نصيًا حقيقيًا (.odt)</translation>
    </message>
    <message>
        <source>this PDF has no text layer (it is probably a scan); Tarjama cannot read scanned pages</source>
        <translation>لا يحتوي ملف PDF هذا على طبقة نصية (لعله صفحات ممسوحة ضوئيًا)؛ لا يستطيع Tarjama قراءة الصفحات الممسوحة</translation>
    </message>
    <message>
        <source>this PDF is protected by a password; Tarjama cannot open it</source>
        <translation>ملف PDF هذا محمي بكلمة مرور؛ لا يستطيع Tarjama فتحه</translation>
    </message>
    <message>
        <source>this EPUB is protected (DRM or font encryption); Tarjama cannot read it</source>
        <translation>كتاب EPUB هذا محمي (بإدارة الحقوق الرقمية أو بتشفير الخطوط)؛ لا يستطيع Tarjama قراءته</translation>
    </message>
    <message>
        <source>this OpenDocument file is not a text document</source>
        <translation>ملف OpenDocument هذا ليس مستندًا نصيًا</translation>
    </message>
    <message>
        <source>the file unpacks to more than %1 MB, which is too large to read</source>
        <translation>يتجاوز حجم الملف بعد فك ضغطه %1 ميغابايت، وهذا أكبر من أن يُقرأ</translation>
    </message>
    <message>
        <source>the document&apos;s text parts are larger than %1 MB, which is too large to read</source>
        <translation>تتجاوز الأجزاء النصية في المستند %1 ميغابايت، وهذا أكبر من أن يُقرأ</translation>
    </message>
    <message>
        <source>reading took longer than %1</source>
        <translation>استغرقت القراءة أكثر من %1</translation>
    </message>
    <message>
        <source>the reader process could not be started</source>
        <translation>تعذّر تشغيل عملية القراءة</translation>
    </message>
    <message>
        <source>reading ran out of memory</source>
        <translation>نفدت الذاكرة أثناء القراءة</translation>
    </message>
    <message>
        <source>reading needed more than %1</source>
        <translation>احتاجت القراءة إلى أكثر من %1</translation>
    </message>
    <message>
        <source>the reader process was killed (SIGKILL; the system may be out of memory)</source>
        <translation>أُنهيت عملية القراءة قسرًا (SIGKILL؛ ربما نفدت ذاكرة النظام)</translation>
    </message>
    <message>
        <source>the reader process crashed (%1)</source>
        <translation>انهارت عملية القراءة (%1)</translation>
    </message>
    <message>
        <source>the reader process stopped unexpectedly (exit code %1)</source>
        <translation>توقفت عملية القراءة على نحو غير متوقع (رمز الخروج %1)</translation>
    </message>
    <message>
        <source>could not be read (%1)</source>
        <translation>تعذّرت قراءته (%1)</translation>
    </message>
    <message>
        <source>its outputs could not be written (%1)</source>
        <translation>تعذّرت كتابة نواتجه (%1)</translation>
    </message>
    <message>
        <source>the disk is full (%1)</source>
        <translation>القرص ممتلئ (%1)</translation>
    </message>
    <message>
        <source>the folder is on a read-only disk (%1)</source>
        <translation>المجلد على قرص للقراءة فقط (%1)</translation>
    </message>
    <message>
        <source>Tarjama is not allowed to write there (%1)</source>
        <translation>لا يُسمح لـ Tarjama بالكتابة هناك (%1)</translation>
    </message>
    <message>
        <source>it cannot be written (%1)</source>
        <translation>تتعذّر الكتابة فيه (%1)</translation>
    </message>
</context>
<context>
    <name>FigureLabels</name>
    <message>
        <source>number</source>
        <translation>عدد</translation>
    </message>
    <message>
        <source>percentage</source>
        <translation>نسبة مئوية</translation>
    </message>
    <message>
        <source>date</source>
        <translation>تاريخ</translation>
    </message>
    <message>
        <source>year</source>
        <translation>سنة</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>مدة</translation>
    </message>
    <message>
        <source>age</source>
        <translation>عمر</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>كمية</translation>
    </message>
    <message>
        <source>money</source>
        <translation>مبلغ مالي</translation>
    </message>
    <message>
        <source>casualties</source>
        <translation>ضحايا</translation>
    </message>
    <message>
        <source>arrests</source>
        <translation>اعتقالات</translation>
    </message>
    <message>
        <source>vague count</source>
        <translation>عدد تقريبي</translation>
    </message>
    <message>
        <source>clock time</source>
        <translation>توقيت</translation>
    </message>
    <message>
        <source>ordinal</source>
        <translation>ترتيب</translation>
    </message>
    <message>
        <source>score</source>
        <translation>نتيجة</translation>
    </message>
    <message>
        <source>fraction</source>
        <translation>كسر</translation>
    </message>
    <message>
        <source>glossary term</source>
        <translation>مصطلح من المسرد</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>محفوظ</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>مفقود</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>مُغيَّر</translation>
    </message>
    <message>
        <source>added</source>
        <translation>مُضاف</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>قيد الانتظار</translation>
    </message>
</context>
<context>
    <name>FigureNotes</name>
    <message>
        <source>about</source>
        <translation>نحو</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>أكثر من</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>أقل من</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>ما لا يقل عن</translation>
    </message>
    <message>
        <source>up to</source>
        <translation>ما يصل إلى</translation>
    </message>
    <message>
        <source>early</source>
        <translation>أوائل</translation>
    </message>
    <message>
        <source>mid-</source>
        <translation>منتصف</translation>
    </message>
    <message>
        <source>late</source>
        <translation>أواخر</translation>
    </message>
    <message>
        <source>an exact number for a vague count</source>
        <translation>عدد محدد بدل عدد تقريبي</translation>
    </message>
    <message>
        <source>a vague count for an exact number</source>
        <translation>عدد تقريبي بدل عدد محدد</translation>
    </message>
    <message>
        <source>the Arabic says “%1”, the English “%2”</source>
        <translation>في النص العربي «%1» وفي الترجمة «%2»</translation>
    </message>
    <message>
        <source>the English leaves out “%1”</source>
        <translation>أسقطت الترجمة «%1»</translation>
    </message>
    <message>
        <source>the English adds “%1”</source>
        <translation>أضافت الترجمة «%1»</translation>
    </message>
    <message>
        <source>the English adds the day and the year</source>
        <translation>أضافت الترجمة اليوم والسنة</translation>
    </message>
    <message>
        <source>the English adds the day</source>
        <translation>أضافت الترجمة اليوم</translation>
    </message>
    <message>
        <source>the English adds the year</source>
        <translation>أضافت الترجمة السنة</translation>
    </message>
    <message>
        <source>the English gives the full date</source>
        <translation>تذكر الترجمة التاريخ كاملًا</translation>
    </message>
    <message>
        <source>the same length of time in other units</source>
        <translation>المدة نفسها بوحدات أخرى</translation>
    </message>
    <message>
        <source>the score is written the other way round; conventions differ on which side comes first</source>
        <translation>النتيجة مكتوبة بالترتيب المعاكس؛ تختلف الأعراف في أي الطرفين يُذكر أولًا</translation>
    </message>
    <message>
        <source>the English does not say whether it is morning or evening</source>
        <translation>لا تذكر الترجمة أهو صباحًا أم مساءً</translation>
    </message>
    <message>
        <source>the Arabic does not say whether it is morning or evening</source>
        <translation>لا يذكر النص العربي أهو صباحًا أم مساءً</translation>
    </message>
    <message>
        <source>given in the Gregorian calendar with no year: check the conversion</source>
        <translation>ورد بالتقويم الميلادي دون سنة: تحقّق من التحويل</translation>
    </message>
    <message>
        <source>given in the Hijri calendar with no year: check the conversion</source>
        <translation>ورد بالتقويم الهجري دون سنة: تحقّق من التحويل</translation>
    </message>
    <message>
        <source>given in the Gregorian calendar; the conversion agrees</source>
        <translation>ورد بالتقويم الميلادي، والتحويل صحيح</translation>
    </message>
    <message>
        <source>given in the Hijri calendar; the conversion agrees</source>
        <translation>ورد بالتقويم الهجري، والتحويل صحيح</translation>
    </message>
    <message>
        <source>%1 AH given as its Gregorian year %2</source>
        <translation>السنة %1 هـ وردت بما يقابلها ميلاديًا: %2</translation>
    </message>
    <message>
        <source>%1 given as the Hijri year %2 AH</source>
        <translation>السنة %1 وردت بما يقابلها هجريًا: %2 هـ</translation>
    </message>
    <message>
        <source>“%1” has dots between the thousands: in English %2</source>
        <translation>في «%1» نقاط بين الآلاف، وتُكتب بالإنجليزية %2</translation>
    </message>
    <message>
        <source>a conversion that agrees: %1</source>
        <translation>تحويل صحيح: %1</translation>
    </message>
    <message>
        <source>%1 is about %2</source>
        <translation>%1 يقابل نحو %2</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 يساوي %2</translation>
    </message>
</context>
<context>
    <name>FigureProblems</name>
    <message>
        <source>term missing: %1</source>
        <translation>مصطلح مفقود: %1</translation>
    </message>
    <message>
        <source>term changed: %1</source>
        <translation>مصطلح مُغيَّر: %1</translation>
    </message>
    <message>
        <source>figure missing: %1</source>
        <translation>رقم مفقود: %1</translation>
    </message>
    <message>
        <source>figure changed: %1</source>
        <translation>رقم مُغيَّر: %1</translation>
    </message>
    <message>
        <source>the glossary renders %1 as “%2”; the English does not have it</source>
        <translation>يترجم المسرد %1 إلى “%2”، ولا ترد هذه الترجمة في النص الإنجليزي</translation>
    </message>
    <message>
        <source>the Arabic figure %1 is not in the translation</source>
        <translation>الرقم %1 الوارد في النص العربي غائب عن الترجمة</translation>
    </message>
    <message>
        <source>the Arabic says %1; the English has %2</source>
        <translation>في النص العربي %1، وفي الترجمة %2</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Sentence number in the article</source>
        <translation>رقم الجملة في المقالة</translation>
    </message>
    <message>
        <source>What the figure counts or measures</source>
        <translation>ما يعدّه الرقم أو يقيسه</translation>
    </message>
    <message>
        <source>The figure as the Arabic writes it</source>
        <translation>الرقم كما ورد في النص العربي</translation>
    </message>
    <message>
        <source>What the translation has</source>
        <translation>ما ورد في الترجمة</translation>
    </message>
    <message>
        <source>Whether the translation keeps the figure</source>
        <translation>هل حافظت الترجمة على الرقم</translation>
    </message>
    <message>
        <source>Kept: the translation keeps this figure.</source>
        <translation>محفوظ: حافظت الترجمة على هذا الرقم.</translation>
    </message>
    <message>
        <source>Missing: the translation dropped this figure. Check the Arabic.</source>
        <translation>مفقود: أسقطت الترجمة هذا الرقم. راجِع النص العربي.</translation>
    </message>
    <message>
        <source>Changed: the translation has a different value. Check the Arabic.</source>
        <translation>مُغيَّر: في الترجمة قيمة مختلفة. راجِع النص العربي.</translation>
    </message>
    <message>
        <source>Added: this figure is in the English only; the translation may have invented it.</source>
        <translation>مُضاف: هذا الرقم في الإنجليزية فقط، وربما اختلقته الترجمة.</translation>
    </message>
    <message>
        <source>Pending: not translated yet.</source>
        <translation>قيد الانتظار: لم يُترجم بعد.</translation>
    </message>
    <message>
        <source>Kept: the translation uses the glossary&apos;s rendering.</source>
        <translation>محفوظ: تستخدم الترجمة مقابل المسرد.</translation>
    </message>
    <message>
        <source>Missing: the translation does not use the glossary&apos;s rendering of this term. Check the English.</source>
        <translation>مفقود: لا تستخدم الترجمة مقابل المسرد لهذا المصطلح. راجع النص الإنجليزي.</translation>
    </message>
    <message>
        <source>Sentence %1</source>
        <translation>الجملة %1</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <source>Problems &amp;only</source>
        <translation>المشكلات &amp;فقط</translation>
    </message>
    <message>
        <source>Show only the figures the translation dropped, changed or added</source>
        <translation>إظهار الأرقام التي أسقطتها الترجمة أو غيّرتها أو أضافتها فقط</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>الأرقام الرئيسية</translation>
    </message>
    <message>
        <source>%1 figures</source>
        <translation>الأرقام: %1</translation>
    </message>
    <message>
        <source>%1 of %2 figures</source>
        <translation>الأرقام: %1 من %2</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Automatic</source>
        <translation>تلقائي</translation>
    </message>
    <message>
        <source>Windows-1256 (Arabic)</source>
        <translation>Windows-1256 (عربي)</translation>
    </message>
    <message>
        <source>ISO-8859-6 (Arabic)</source>
        <translation>ISO-8859-6 (عربي)</translation>
    </message>
    <message>
        <source>DOS Arabic (cp720)</source>
        <translation>DOS عربي (cp720)</translation>
    </message>
    <message>
        <source>IBM Arabic (cp864)</source>
        <translation>IBM عربي (cp864)</translation>
    </message>
    <message>
        <source>Mac Arabic</source>
        <translation>Mac عربي</translation>
    </message>
    <message>
        <source>Two-column HTML (*.html)</source>
        <translation>HTML بعمودين (*.html)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>مستند Word (*.docx)</translation>
    </message>
    <message>
        <source>English text (*.txt)</source>
        <translation>نص إنجليزي (*.txt)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Articles (%1);;All files (*)</source>
        <translation>المقالات (%1);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Open Article</source>
        <translation>فتح مقالة</translation>
    </message>
    <message>
        <source>Reopen With Encoding</source>
        <translation>إعادة الفتح بترميز آخر</translation>
    </message>
    <message>
        <source>Read %1 as:</source>
        <translation>قراءة %1 بترميز:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Automatic</source>
        <translation>تلقائي</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>كلتاهما</translation>
    </message>
    <message>
        <source>Find in the article</source>
        <translation>ابحث في المقالة</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Where to search; Automatic goes by the script you type</source>
        <translation>أين يجري البحث؛ «تلقائي» يختار حسب الحروف التي تكتبها</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>النتيجة السابقة (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>النتيجة التالية (F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <source>Glossary</source>
        <translation>المسرد</translation>
    </message>
    <message>
        <source>Glossary terms</source>
        <translation>مصطلحات المسرد</translation>
    </message>
    <message>
        <source>Names and terms with the English they must be given. A term in the Arabic whose English is missing from the translation is warned of like a lost figure.</source>
        <translation>الأسماء والمصطلحات ومقابلها الإنجليزي الواجب. ينبَّه إلى مصطلح في النص العربي غاب مقابله عن الترجمة كما ينبَّه إلى رقم مفقود.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>إ&amp;ضافة</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;حذف</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>ا&amp;ستيراد…</translation>
    </message>
    <message>
        <source>Open &amp;Folder</source>
        <translation>فتح ال&amp;مجلد</translation>
    </message>
    <message>
        <source>No glossary yet: add a term, then Save. It is kept in %1.</source>
        <translation>لا مسرد بعد: أضف مصطلحًا ثم احفظ. يُحفظ في %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n term(s) in %1.</source>
        <translation>
            <numerusform>%n مصطلح في %1.</numerusform>
            <numerusform>مصطلح واحد في %1.</numerusform>
            <numerusform>مصطلحان في %1.</numerusform>
            <numerusform>%n مصطلحات في %1.</numerusform>
            <numerusform>%n مصطلحًا في %1.</numerusform>
            <numerusform>%n مصطلح في %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The glossary could not be saved: %1</source>
        <translation>تعذّر حفظ المسرد: %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n term(s).</source>
        <translation>
            <numerusform>حُفظ %n مصطلح.</numerusform>
            <numerusform>حُفظ مصطلح واحد.</numerusform>
            <numerusform>حُفظ مصطلحان.</numerusform>
            <numerusform>حُفظت %n مصطلحات.</numerusform>
            <numerusform>حُفظ %n مصطلحًا.</numerusform>
            <numerusform>حُفظ %n مصطلح.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Left out: %2</source>
        <translation>%1 تُرك: %2</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <translation>
            <numerusform>(و%n غيرها)</numerusform>
            <numerusform>(وواحد غيره)</numerusform>
            <numerusform>(واثنان غيرهما)</numerusform>
            <numerusform>(و%n غيرها)</numerusform>
            <numerusform>(و%n غيرها)</numerusform>
            <numerusform>(و%n غيرها)</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a Glossary</source>
        <translation>استيراد مسرد</translation>
    </message>
    <message>
        <source>Glossary (*.tsv *.txt);;All files (*)</source>
        <translation>مسرد (*.tsv *.txt);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Imported from %1: %2 new, %3 updated.</source>
        <translation>استُورد من %1: %2 جديد، %3 محدَّث.</translation>
    </message>
    <message>
        <source>Save the changes to the glossary?</source>
        <translation>هل تحفظ التغييرات على المسرد؟</translation>
    </message>
</context>
<context>
    <name>GlossaryTableModel</name>
    <message>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>English (alternatives separated by |)</source>
        <translation>الإنجليزية (البدائل مفصولة بـ |)</translation>
    </message>
</context>
<context>
    <name>JobStatusBar</name>
    <message>
        <source>Ready</source>
        <translation>جاهز</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>استئناف</translation>
    </message>
    <message>
        <source>Translate the sentences that are left; those already done come from the cache</source>
        <translation>ترجمة الجمل المتبقية؛ أما الجمل المترجمة فتؤخذ من الذاكرة المؤقتة</translation>
    </message>
    <message>
        <source>Show the Key Figures panel</source>
        <translation>إظهار لوحة الأرقام الرئيسية</translation>
    </message>
    <message numerus="yes">
        <source>Translating: %1 of %n sentences, %3 words/s</source>
        <translation>
            <numerusform>جارٍ الترجمة: %1 من %n جملة، %3 كلمة/ث</numerusform>
            <numerusform>جارٍ الترجمة: %1 من جملة واحدة، %3 كلمة/ث</numerusform>
            <numerusform>جارٍ الترجمة: %1 من جملتين، %3 كلمة/ث</numerusform>
            <numerusform>جارٍ الترجمة: %1 من %n جمل، %3 كلمة/ث</numerusform>
            <numerusform>جارٍ الترجمة: %1 من %n جملة، %3 كلمة/ث</numerusform>
            <numerusform>جارٍ الترجمة: %1 من %n جملة، %3 كلمة/ث</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sentences, from the translation cache; %2 figure warnings</source>
        <translation>
            <numerusform>%n جملة، من ذاكرة الترجمة المؤقتة؛ تنبيهات الأرقام: %2</numerusform>
            <numerusform>جملة واحدة، من ذاكرة الترجمة المؤقتة؛ تنبيهات الأرقام: %2</numerusform>
            <numerusform>جملتان، من ذاكرة الترجمة المؤقتة؛ تنبيهات الأرقام: %2</numerusform>
            <numerusform>%n جمل، من ذاكرة الترجمة المؤقتة؛ تنبيهات الأرقام: %2</numerusform>
            <numerusform>%n جملة، من ذاكرة الترجمة المؤقتة؛ تنبيهات الأرقام: %2</numerusform>
            <numerusform>%n جملة، من ذاكرة الترجمة المؤقتة؛ تنبيهات الأرقام: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Translated %n sentences in %2 s (%3 words/s); %4 figure warnings</source>
        <translation>
            <numerusform>تُرجمت %n جملة في %2 ث (%3 كلمة/ث)؛ تنبيهات الأرقام: %4</numerusform>
            <numerusform>تُرجمت جملة واحدة في %2 ث (%3 كلمة/ث)؛ تنبيهات الأرقام: %4</numerusform>
            <numerusform>تُرجمت جملتان في %2 ث (%3 كلمة/ث)؛ تنبيهات الأرقام: %4</numerusform>
            <numerusform>تُرجمت %n جمل في %2 ث (%3 كلمة/ث)؛ تنبيهات الأرقام: %4</numerusform>
            <numerusform>تُرجمت %n جملة في %2 ث (%3 كلمة/ث)؛ تنبيهات الأرقام: %4</numerusform>
            <numerusform>تُرجمت %n جملة في %2 ث (%3 كلمة/ث)؛ تنبيهات الأرقام: %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sentences (no translation)</source>
        <translation>
            <numerusform>%n جملة (دون ترجمة)</numerusform>
            <numerusform>جملة واحدة (دون ترجمة)</numerusform>
            <numerusform>جملتان (دون ترجمة)</numerusform>
            <numerusform>%n جمل (دون ترجمة)</numerusform>
            <numerusform>%n جملة (دون ترجمة)</numerusform>
            <numerusform>%n جملة (دون ترجمة)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %1 of %n sentences.</source>
        <translation>
            <numerusform>توقفت الترجمة بعد %1 من %n جملة.</numerusform>
            <numerusform>توقفت الترجمة بعد %1 من جملة واحدة.</numerusform>
            <numerusform>توقفت الترجمة بعد %1 من جملتين.</numerusform>
            <numerusform>توقفت الترجمة بعد %1 من %n جمل.</numerusform>
            <numerusform>توقفت الترجمة بعد %1 من %n جملة.</numerusform>
            <numerusform>توقفت الترجمة بعد %1 من %n جملة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n figures</source>
        <translation>
            <numerusform>%n رقم</numerusform>
            <numerusform>رقم واحد</numerusform>
            <numerusform>رقمان</numerusform>
            <numerusform>%n أرقام</numerusform>
            <numerusform>%n رقمًا</numerusform>
            <numerusform>%n رقم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n تنبيه</numerusform>
            <numerusform>تنبيه واحد</numerusform>
            <numerusform>تنبيهان</numerusform>
            <numerusform>%n تنبيهات</numerusform>
            <numerusform>%n تنبيهًا</numerusform>
            <numerusform>%n تنبيه</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>جارٍ قراءة %1…</translation>
    </message>
    <message>
        <source>%v / 1 sentence</source>
        <translation>%v / جملة واحدة</translation>
    </message>
    <message numerus="yes">
        <source>%v / %n sentences</source>
        <translation>
            <numerusform>%v / %n جملة</numerusform>
            <numerusform>%v / جملة واحدة</numerusform>
            <numerusform>%v / جملتان</numerusform>
            <numerusform>%v / %n جمل</numerusform>
            <numerusform>%v / %n جملة</numerusform>
            <numerusform>%v / %n جملة</numerusform>
        </translation>
    </message>
    <message>
        <source>Translating…</source>
        <translation>جارٍ الترجمة…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <source>Translation cancelled.</source>
        <translation>أُلغيت الترجمة.</translation>
    </message>
    <message>
        <source>1 figure</source>
        <translation>رقم واحد</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>تنبيه واحد</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n repaired</source>
        <translation>
            <numerusform>%n مُصلَحة</numerusform>
            <numerusform>واحدة مُصلَحة</numerusform>
            <numerusform>اثنتان مُصلَحتان</numerusform>
            <numerusform>%n مُصلَحة</numerusform>
            <numerusform>%n مُصلَحة</numerusform>
            <numerusform>%n مُصلَحة</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open the file.</source>
        <translation>تعذّر فتح الملف.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;فتح…</translation>
    </message>
    <message>
        <source>Reopen With &amp;Encoding…</source>
        <translation>إعادة الفتح ب&amp;ترميز آخر…</translation>
    </message>
    <message>
        <source>Translate &amp;Folder…</source>
        <translation>ترجمة م&amp;جلد…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>ت&amp;صدير…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>Copy &amp;Summary</source>
        <translation>نسخ ال&amp;ملخص</translation>
    </message>
    <message>
        <source>Copy &amp;Translation</source>
        <translation>نسخ ال&amp;ترجمة</translation>
    </message>
    <message>
        <source>Copy With Arabic Originals</source>
        <translation>النسخ مع النصوص العربية الأصلية</translation>
    </message>
    <message>
        <source>Copy With Source File Name</source>
        <translation>النسخ مع اسم الملف المصدر</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>ال&amp;نتيجة التالية</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>النتيجة ال&amp;سابقة</translation>
    </message>
    <message>
        <source>&amp;Glossary…</source>
        <translation>المس&amp;رد…</translation>
    </message>
    <message>
        <source>Next Sentence</source>
        <translation>الجملة التالية</translation>
    </message>
    <message>
        <source>Previous Sentence</source>
        <translation>الجملة السابقة</translation>
    </message>
    <message>
        <source>Next &amp;Warning</source>
        <translation>ال&amp;تنبيه التالي</translation>
    </message>
    <message>
        <source>Previous Warnin&amp;g</source>
        <translation>التنبيه ال&amp;سابق</translation>
    </message>
    <message>
        <source>Mar&amp;k Low-Confidence Sentences</source>
        <translation>تمييز الجمل &amp;ضعيفة الثقة</translation>
    </message>
    <message>
        <source>Low-Confidence Thres&amp;hold…</source>
        <translation>&amp;عتبة الثقة المنخفضة…</translation>
    </message>
    <message>
        <source>&amp;Cancel Translation</source>
        <translation>إ&amp;لغاء الترجمة</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>ال&amp;حجم الأصلي</translation>
    </message>
    <message>
        <source>System</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source>&amp;Manage Packs…</source>
        <translation>إ&amp;دارة الحزم…</translation>
    </message>
    <message>
        <source>Re&amp;pair Lost Figures by Retranslating</source>
        <translation>إ&amp;صلاح الأرقام المفقودة بإعادة الترجمة</translation>
    </message>
    <message>
        <source>Give the Model Arabic-Indic &amp;Digits as 0-9</source>
        <translation>تمرير الأ&amp;رقام الهندية إلى النموذج بصيغة 0-9</translation>
    </message>
    <message>
        <source>&amp;About Tarjama</source>
        <translation>&amp;حول Tarjama</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>ال&amp;ملفات الأخيرة</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>الم&amp;ظهر</translation>
    </message>
    <message>
        <source>&amp;Packs</source>
        <translation>ال&amp;حزم</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>Tarjama</source>
        <translation>Tarjama</translation>
    </message>
    <message>
        <source>Arabic text</source>
        <translation>النص العربي</translation>
    </message>
    <message>
        <source>English translation</source>
        <translation>الترجمة الإنجليزية</translation>
    </message>
    <message>
        <source>Open an Arabic article with Ctrl+O or drop it here.</source>
        <translation>افتح مقالة عربية بالاختصار Ctrl+O أو أفلتها هنا.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>الملخص</translation>
    </message>
    <message>
        <source>Key Figures</source>
        <translation>الأرقام الرئيسية</translation>
    </message>
</context>
<context>
    <name>OpenArticleDialog</name>
    <message>
        <source>For text, Markdown and HTML files whose Arabic comes out garbled</source>
        <translation>لملفات النص وMarkdown وHTML التي يظهر نصها العربي مشوّهًا</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>ال&amp;ترميز:</translation>
    </message>
</context>
<context>
    <name>PackBanner</name>
    <message>
        <source>Install a Translation Pack…</source>
        <translation>تثبيت حزمة ترجمة…</translation>
    </message>
    <message>
        <source>No translation pack is installed, so only the Arabic, its key figures and its summary are shown.</source>
        <translation>لا توجد حزمة ترجمة مثبّتة، لذا لا يُعرض إلا النص العربي وأرقامه الرئيسية وملخصه.</translation>
    </message>
</context>
<context>
    <name>PackDetails</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;نسخ</translation>
    </message>
    <message>
        <source>By {0}.</source>
        <translation>إعداد: {0}.</translation>
    </message>
    <message>
        <source>Home page: {0}</source>
        <translation>الصفحة الرئيسية: {0}</translation>
    </message>
    <message>
        <source>Published quality (not measured by Tarjama): {0}</source>
        <translation>الجودة المنشورة (لم يقسها Tarjama): {0}</translation>
    </message>
    <message>
        <source>Cannot be installed yet: {0}.</source>
        <translation>لا يمكن تثبيتها بعد: {0}.</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>لا يوجد وصف.</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>المصدر: {0}</translation>
    </message>
    <message>
        <source>Model family: {0}.</source>
        <translation>عائلة النموذج: {0}.</translation>
    </message>
    <message>
        <source>Found in Argos Translate&apos;s folder, {0}: Tarjama translates with it there, without copying it, and never changes or deletes it.</source>
        <translation>موجودة في مجلد Argos Translate، {0}: يترجم بها ترجمة في مكانها دون نسخها، ولا يغيّرها ولا يحذفها أبدًا.</translation>
    </message>
    <message>
        <source>This installed pack does not load: {0}</source>
        <translation>تعذّر تحميل هذه الحزمة المثبّتة: {0}</translation>
    </message>
    <message>
        <source>Licence {0}: non-commercial use only.</source>
        <translation>الرخصة {0}: للاستخدام غير التجاري فقط.</translation>
    </message>
</context>
<context>
    <name>PackInstallPanel</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
</context>
<context>
    <name>PacksDialog</name>
    <message>
        <source>Pack archives (*.argosmodel *.zip *.tar.gz *.tgz *.tar.xz *.tar);;All files (*)</source>
        <translation>أرشيفات الحزم (*.argosmodel *.zip *.tar.gz *.tgz *.tar.xz *.tar);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Translation Packs</source>
        <translation>حزم الترجمة</translation>
    </message>
    <message>
        <source>A translation pack is the model that turns Arabic into English. Installed packs work offline; the default pack is used unless you choose another.</source>
        <translation>حزمة الترجمة هي النموذج الذي ينقل النص العربي إلى الإنجليزية. تعمل الحزم المثبّتة دون اتصال بالإنترنت، وتُستخدم الحزمة الافتراضية ما لم تختر غيرها.</translation>
    </message>
    <message>
        <source>Download and Install</source>
        <translation>تنزيل وتثبيت</translation>
    </message>
    <message>
        <source>Install from File…</source>
        <translation>تثبيت من ملف…</translation>
    </message>
    <message>
        <source>Install from Folder…</source>
        <translation>تثبيت من مجلد…</translation>
    </message>
    <message>
        <source>Set as Default</source>
        <translation>تعيين كافتراضية</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>إزالة…</translation>
    </message>
    <message>
        <source>The pack catalogue could not be read: {0}</source>
        <translation>تعذّرت قراءة فهرس الحزم: {0}</translation>
    </message>
    <message>
        <source>No pack is installed yet: download one from the list, or install a pack file or folder you have on this computer.</source>
        <translation>لا توجد حزمة مثبّتة بعد: نزّل حزمة من القائمة، أو ثبّت ملف حزمة أو مجلدها الموجود على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Reinstall</source>
        <translation>إعادة التثبيت</translation>
    </message>
    <message>
        <source>Tarjama never deletes Argos Translate&apos;s files: remove this package with Argos Translate.</source>
        <translation>لا يحذف ترجمة ملفات Argos Translate أبدًا: احذف هذه الحزمة باستخدام Argos Translate.</translation>
    </message>
    <message>
        <source>Downloading {0}</source>
        <translation>جارٍ تنزيل {0}</translation>
    </message>
    <message>
        <source>Install a Pack File</source>
        <translation>تثبيت ملف حزمة</translation>
    </message>
    <message>
        <source>Install a Pack Folder</source>
        <translation>تثبيت مجلد حزمة</translation>
    </message>
    <message>
        <source>Installing {0}</source>
        <translation>جارٍ تثبيت {0}</translation>
    </message>
    <message>
        <source>{0} is now the default pack.</source>
        <translation>أصبحت {0} الحزمة الافتراضية.</translation>
    </message>
    <message>
        <source>Remove the pack {0}? Its files will be deleted from this computer.</source>
        <translation>إزالة الحزمة {0}؟ ستُحذف ملفاتها من هذا الحاسوب.</translation>
    </message>
    <message>
        <source>It is the default pack: no pack will be the default.</source>
        <translation>إنها الحزمة الافتراضية: لن تبقى أي حزمة افتراضية.</translation>
    </message>
    <message>
        <source>Remove Pack</source>
        <translation>إزالة الحزمة</translation>
    </message>
    <message>
        <source>{0} was removed.</source>
        <translation>أُزيلت {0}.</translation>
    </message>
    <message>
        <source>Installed {0}.</source>
        <translation>ثُبّتت {0}.</translation>
    </message>
    <message>
        <source>It is now the default pack.</source>
        <translation>أصبحت الآن الحزمة الافتراضية.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was installed.</source>
        <translation>أُلغي التثبيت: لم يُثبَّت شيء.</translation>
    </message>
</context>
<context>
    <name>PacksTable</name>
    <message>
        <source>Pack</source>
        <translation>الحزمة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>العائلة</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>الرخصة</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>الجودة</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <source>non-commercial use only</source>
        <translation>للاستخدام غير التجاري فقط</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>This licence forbids commercial use of the pack and of its translations.</source>
        <translation>تمنع هذه الرخصة الاستخدام التجاري للحزمة ولترجماتها.</translation>
    </message>
    <message>
        <source>Argos Translate&apos;s package in {0}: Tarjama uses it there and never changes or deletes it.</source>
        <translation>حزمة Argos Translate في {0}: يستخدمها ترجمة في مكانها ولا يغيّرها ولا يحذفها أبدًا.</translation>
    </message>
    <message>
        <source>Installed, damaged</source>
        <translation>مثبّتة، تالفة</translation>
    </message>
    <message>
        <source>Found in Argos&apos;s folder, default</source>
        <translation>موجودة في مجلد Argos، الافتراضية</translation>
    </message>
    <message>
        <source>Found in Argos&apos;s folder</source>
        <translation>موجودة في مجلد Argos</translation>
    </message>
    <message>
        <source>✔ Installed, default</source>
        <translation>✔ مثبّتة، افتراضية</translation>
    </message>
    <message>
        <source>✔ Installed</source>
        <translation>✔ مثبّتة</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>متاحة</translation>
    </message>
    <message>
        <source>Not installable yet</source>
        <translation>لا يمكن تثبيتها بعد</translation>
    </message>
    <message>
        <source>≈ {0} MB</source>
        <translation>≈ {0} م.ب</translation>
    </message>
    <message>
        <source> ({0} MB installed)</source>
        <translation> ({0} م.ب مثبّتة)</translation>
    </message>
</context>
<context>
    <name>RepairMarks</name>
    <message>
        <source>✓ figures repaired: translated again, the best of %1 translations was kept</source>
        <translation>✓ أُصلحت الأرقام: تُرجمت الجملة من جديد وأُبقيت أفضل ترجمة من %1</translation>
    </message>
    <message>
        <source>a figure or term %1</source>
        <translation>رقم أو مصطلح %1</translation>
    </message>
    <message>
        <source>the first one had: %1</source>
        <translation>في الترجمة الأولى: %1</translation>
    </message>
    <message>
        <source>the first one read: “%1”</source>
        <translation>كانت الترجمة الأولى: «%1»</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>Copy Summary</source>
        <translation>نسخ الملخص</translation>
    </message>
    <message>
        <source>Summarising…</source>
        <translation>جارٍ التلخيص…</translation>
    </message>
    <message>
        <source>Summary sentences</source>
        <translation>جمل الملخص</translation>
    </message>
    <message>
        <source>The summary of the open article appears here.</source>
        <translation>يظهر هنا ملخص المقالة المفتوحة.</translation>
    </message>
    <message>
        <source>&amp;Algorithm:</source>
        <translation>ال&amp;خوارزمية:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>ال&amp;طول:</translation>
    </message>
    <message>
        <source> sentence</source>
        <translation> جملة</translation>
    </message>
    <message numerus="yes">
        <source> sentences</source>
        <comment>after the number</comment>
        <translation>
            <numerusform> جملة</numerusform>
            <numerusform> جملة</numerusform>
            <numerusform> جملة</numerusform>
            <numerusform> جمل</numerusform>
            <numerusform> جملة</numerusform>
            <numerusform> جملة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ToolDialogs</name>
    <message>
        <source>Low-Confidence Threshold</source>
        <translation>عتبة الثقة المنخفضة</translation>
    </message>
    <message>
        <source>Mark sentences the model scores below this, in log-probability per token
(0 is the surest; tarjama eval shows how the score follows chrF):</source>
        <translation>ميّز الجمل التي يقيّمها النموذج بأقل من هذه القيمة، بلوغاريتم الاحتمال لكل وحدة
(0 هو الأوثق؛ يبيّن tarjama eval كيف تتبع الدرجة مقياس chrF):</translation>
    </message>
</context>
<context>
    <name>UiLanguage</name>
    <message>
        <source>Interface &amp;Language</source>
        <translation>ل&amp;غة الواجهة</translation>
    </message>
    <message>
        <source>System</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <source>Interface Language</source>
        <translation>لغة الواجهة</translation>
    </message>
</context>
<context>
    <name>WarningGutter</name>
    <message>
        <source>Warning markers</source>
        <translation>علامات التنبيه</translation>
    </message>
</context>
<context>
    <name>WarningNavigator</name>
    <message>
        <source>Wrapped to the first warning</source>
        <translation>عُدنا إلى أول تنبيه</translation>
    </message>
    <message>
        <source>Wrapped to the last warning</source>
        <translation>عُدنا إلى آخر تنبيه</translation>
    </message>
    <message>
        <source>Warning %1 of %2</source>
        <translation>التنبيه %1 من %2</translation>
    </message>
</context>
</TS>
