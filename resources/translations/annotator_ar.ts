<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../annotator/gui/form_parts.py" line="+127"/>
        <source>Evidence: %1 (click to show it in the article)</source>
        <translation>الدليل: %1 (انقر لعرضه في المقال)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Make this the evidence target: select text in the article and attach it as evidence</source>
        <translation>اجعل هذا هدف الدليل: حدّد نصاً في المقال وأرفقه كدليل</translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <location filename="../../annotator/gui/article_list.py" line="+43"/>
        <source>not started</source>
        <translation>لم يبدأ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>متخطى</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Search (any spelling)…</source>
        <translation>بحث (بأي إملاء)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>%1 of %2 done</source>
        <translation>أُنجز %1 من %2</translation>
    </message>
</context>
<context>
    <name>ArticleModel</name>
    <message>
        <location line="-99"/>
        <source>Id</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lang.</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>My status</source>
        <translation>حالتي</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="+101"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;recent</source>
        <translation>فتح مشروع &amp;حديث</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import articles…</source>
        <translation>&amp;استيراد مقالات…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a &amp;folder…</source>
        <translation>استيراد &amp;مجلد…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Switch annotator…</source>
        <translation>&amp;تبديل المرمّز…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+130"/>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location line="-127"/>
        <location line="+128"/>
        <source>&amp;Redo</source>
        <translation>&amp;إعادة</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>&amp;Find articles</source>
        <translation>&amp;بحث في المقالات</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Go</source>
        <translation>&amp;انتقال</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next article</source>
        <translation>المقال ال&amp;تالي</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Previous article</source>
        <translation>المقال ال&amp;سابق</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Done and next</source>
        <translation>&amp;إنهاء والتالي</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Skip and next</source>
        <translation>ت&amp;خطي والتالي</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About annotator</source>
        <translation>&amp;حول annotator</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>This is the last article.</source>
        <translation>هذا هو المقال الأخير.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is the first article.</source>
        <translation>هذا هو المقال الأول.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>That was the last article.</source>
        <translation>كان ذلك المقال الأخير.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved</source>
        <translation>تم الحفظ</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project files (*.sqlite)</source>
        <translation>ملفات المشروع (*.sqlite)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project files (*.sqlite *.db);;All files (*)</source>
        <translation>ملفات المشروع (*.sqlite *.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot open the project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Articles (*.txt *.html *.htm *.jsonl *.csv)</source>
        <translation>مقالات (*.txt *.html *.htm *.jsonl *.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Importing articles…</source>
        <translation>جارٍ استيراد المقالات…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Importing %1…</source>
        <translation>جارٍ استيراد %1…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import failed</source>
        <translation>فشل الاستيراد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 articles added, %2 already present.</source>
        <translation>المقالات المضافة: %1، والموجودة مسبقاً: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import cancelled; articles stored before that are kept.</source>
        <translation>أُلغي الاستيراد؛ المقالات المخزّنة قبل ذلك محفوظة.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import finished with problems</source>
        <translation>انتهى الاستيراد مع مشكلات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 problems:</source>
        <translation>المشكلات (%1):</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stance</source>
        <translation>الموقف</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unclear</source>
        <translation>غير واضح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demands</source>
        <translation>المطالب</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event type</source>
        <translation>نوع الحدث</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants: suggestions</source>
        <translation>المشاركون: اقتراحات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use selection as evidence</source>
        <translation>استخدام التحديد كدليل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done and next</source>
        <translation>إنهاء والتالي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip and next</source>
        <translation>تخطي والتالي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next / previous article</source>
        <translation>المقال التالي / السابق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo / redo</source>
        <translation>تراجع / إعادة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom</source>
        <translation>تكبير / تصغير</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find articles</source>
        <translation>بحث في المقالات</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About annotator</source>
        <translation>حول annotator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hand-annotation of Persian and Arabic news articles.</source>
        <translation>ترميز يدوي للمقالات الإخبارية الفارسية والعربية.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Annotator: %1</source>
        <translation>المرمّز: %1</translation>
    </message>
</context>
<context>
    <name>MultipleFieldBox</name>
    <message>
        <location filename="../../annotator/gui/field_boxes.py" line="+154"/>
        <source>(no longer used)</source>
        <translation>(لم يعد مستخدماً)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Who voiced this demand</source>
        <translation>من طرح هذا المطلب</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None reported</source>
        <translation>لم يُذكر أي منها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coded: the article reports none of these</source>
        <translation>مرمَّز: المقال لا يذكر أياً من هذه</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>voiced by: —</source>
        <translation>على لسان: —</translation>
    </message>
</context>
<context>
    <name>NoteBox</name>
    <message>
        <location line="+38"/>
        <source>Reasons, doubts, other demands… (any language)</source>
        <translation>أسباب، شكوك، مطالب أخرى… (بأي لغة)</translation>
    </message>
</context>
<context>
    <name>ParticipantRow</name>
    <message>
        <location filename="../../annotator/gui/participant_box.py" line="+130"/>
        <source>role…</source>
        <translation>الدور…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Role of %1</source>
        <translation>دور %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove %1</source>
        <translation>إزالة %1</translation>
    </message>
</context>
<context>
    <name>ParticipantsBox</name>
    <message>
        <location line="+31"/>
        <source>No participants yet.</source>
        <translation>لا مشاركين بعد.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+105"/>
        <source>Suggested from the text (Alt+P):</source>
        <translation>مقترحون من النص (Alt+P):</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Add a participant: type any name…</source>
        <translation>إضافة مشارك: اكتب أي اسم…</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Named %1 times in the text. Click or press Enter to add.</source>
        <translation>عدد مرات الورود في النص: %1. انقر أو اضغط Enter للإضافة.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No other participants named in the text.</source>
        <translation>لا مشاركين آخرين مذكورين في النص.</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>No participant in the registry matches “%1”.</source>
        <translation>لا يوجد مشارك في السجل يطابق «%1».</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../annotator/gui/reader.py" line="+222"/>
        <source>Use selection as evidence</source>
        <translation>استخدام التحديد كدليل</translation>
    </message>
    <message numerus="yes">
        <location line="+258"/>
        <source>%n invisible bidi control(s) in this text, shown as %1</source>
        <translation>
            <numerusform>محارف تحكم ثنائية الاتجاه غير مرئية في هذا النص: %n (تظهر بالرمز %1)</numerusform>
            <numerusform>في هذا النص محرف تحكم ثنائي الاتجاه غير مرئي، يظهر بالرمز %1</numerusform>
            <numerusform>في هذا النص محرفا تحكم ثنائيا الاتجاه غير مرئيين، يظهران بالرمز %1</numerusform>
            <numerusform>محارف تحكم ثنائية الاتجاه غير مرئية في هذا النص: %n (تظهر بالرمز %1)</numerusform>
            <numerusform>محارف تحكم ثنائية الاتجاه غير مرئية في هذا النص: %n (تظهر بالرمز %1)</numerusform>
            <numerusform>محارف تحكم ثنائية الاتجاه غير مرئية في هذا النص: %n (تظهر بالرمز %1)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Persian</source>
        <translation>الفارسية</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other language</source>
        <translation>لغة أخرى</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>invisible bidi control %1</source>
        <translation>محرف تحكم ثنائي الاتجاه غير مرئي %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>participant: %1</source>
        <translation>مشارك: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>evidence</source>
        <translation>دليل</translation>
    </message>
</context>
<context>
    <name>SingleFieldBox</name>
    <message>
        <location filename="../../annotator/gui/field_boxes.py" line="-237"/>
        <source>(no longer used)</source>
        <translation>(لم يعد مستخدماً)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No value: back to not coded</source>
        <translation>بلا قيمة: العودة إلى غير مرمَّز</translation>
    </message>
</context>
<context>
    <name>TagForm</name>
    <message>
        <location filename="../../annotator/gui/tag_form.py" line="+103"/>
        <source>Remove quote</source>
        <translation>إزالة الاقتباس</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the evidence of this tag</source>
        <translation>إزالة دليل هذا الوسم</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Skip</source>
        <translation>تخطي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave this article uncoded and go to the next</source>
        <translation>اترك هذا المقال دون ترميز وانتقل إلى التالي</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done and next</source>
        <translation>إنهاء والتالي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark this article done and go to the next</source>
        <translation>علِّم هذا المقال منجزاً وانتقل إلى التالي</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Choose a stance, demand or participant first</source>
        <translation>اختر موقفاً أو مطلباً أو مشاركاً أولاً</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The selection does not match the article text; select the passage again.</source>
        <translation>التحديد لا يطابق نص المقال؛ حدّد المقطع مرة أخرى.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>not started</source>
        <translation>لم يبدأ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>متخطى</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status: %1</source>
        <translation>الحالة: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Evidence: choose a value, then select its passage in the article.</source>
        <translation>الدليل: اختر قيمة، ثم حدّد مقطعها في المقال.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Evidence for: %1 — %2</source>
        <translation>الدليل على: %1 — %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence for: %1 (no passage yet)</source>
        <translation>الدليل على: %1 (لم يُحدَّد مقطع بعد)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../annotator/gui/app.py" line="+34"/>
        <source>Who is annotating?</source>
        <translation>من يقوم بالترميز؟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name as it should appear on your tags (colleagues see it when tags are merged):</source>
        <translation>اسمك كما ينبغي أن يظهر على وسومك (يراه الزملاء عند دمج الوسوم):</translation>
    </message>
</context>
</TS>
