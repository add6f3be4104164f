<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AdjudicationDialog</name>
    <message>
        <location filename="../../annotator/gui/review_dialog.py" line="+59"/>
        <source>Adjudicated value: %1</source>
        <translation>القيمة المحسومة: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The annotators&apos; own tags stay as they are.</source>
        <translation>تبقى وسوم المرمّزين أنفسهم كما هي.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None reported</source>
        <translation>لم يُذكر أي منها</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No participants</source>
        <translation>لا مشاركين</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Participant</source>
        <translation>المشارك</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add a participant: type a name…</source>
        <translation>إضافة مشارك: اكتب اسماً…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>no role</source>
        <translation>بلا دور</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../annotator/gui/agreement_dialog.py" line="+88"/>
        <source>Inter-annotator agreement</source>
        <translation>الاتفاق بين المرمّزين</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+11"/>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>مستوى القياس</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alpha</source>
        <translation>ألفا</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+11"/>
        <source>Revision</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>95% interval</source>
        <translation>مجال ٩٥٪</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>q &lt; 0.667</source>
        <translation>q &lt; ٠٫٦٦٧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>q &lt; 0.800</source>
        <translation>q &lt; ٠٫٨٠٠</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values</source>
        <translation>القيم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Annotators</source>
        <translation>المرمّزون</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Krippendorff&apos;s alpha</source>
        <translation>ألفا كريبندورف</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Annotator</source>
        <translation>المرمّز</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared articles</source>
        <translation>المقالات المشتركة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pairwise</source>
        <translation>الاتفاق الثنائي</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coincidence matrix</source>
        <translation>مصفوفة التوافقات</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Chart</source>
        <translation>الرسم البياني</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>* the field&apos;s main figure. n/a: alpha is undefined (the note says why).</source>
        <translation>* الرقم الرئيسي للحقل. n/a: ألفا غير معرّفة (تذكر الملاحظة السبب).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>95% interval and q (the share of resampled alphas below 0.667 and 0.800): %1 resamples of the articles, seed %2.</source>
        <translation>مجال ٩٥٪ وq (نسبة قيم ألفا المعاد معاينتها التي تقل عن ٠٫٦٦٧ و٠٫٨٠٠): %1 إعادة معاينة للمقالات، البذرة %2.</translation>
    </message>
</context>
<context>
    <name>AimButton</name>
    <message>
        <location filename="../../annotator/gui/aim_button.py" line="+56"/>
        <source>Evidence: %1 (click to show it in the article)</source>
        <translation>الدليل: %1 (انقر لعرضه في المقال)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Make this the evidence target: select text in the article and attach it as evidence</source>
        <translation>اجعل هذا هدف الدليل: حدّد نصاً في المقال وأرفقه كدليل</translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <location filename="../../annotator/gui/article_list.py" line="+75"/>
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
        <location line="+1"/>
        <source>My queue</source>
        <translation>قائمتي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training set</source>
        <translation>مجموعة التدريب</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sample %1</source>
        <translation>العيّنة %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>en</source>
        <comment>an article&apos;s language</comment>
        <translation>إنجليزية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fa</source>
        <comment>an article&apos;s language</comment>
        <translation>فارسية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ar</source>
        <comment>an article&apos;s language</comment>
        <translation>عربية</translation>
    </message>
    <message>
        <location line="+187"/>
        <source>Search (any spelling)…</source>
        <translation>بحث (بأي إملاء)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every word must occur, in any spelling: Arabic or Persian Yeh and Kaf, hamza, diacritics, digits; a compound joined, with a ZWNJ or with a space (آتش‌بس, آتش بس); گفت‌وگو or گفتگو; with or without the Arabic ال.
&quot;two words&quot; or «two words»: a phrase, in this order.
a OR b: either.  word*: words that start with it.
Ctrl+F comes here; Esc clears the search and goes back to the article.</source>
        <translation>يجب أن ترد كل الكلمات، بأي إملاء: الياء والكاف العربيتان أو الفارسيتان، الهمزة، التشكيل، الأرقام؛ الكلمة المركبة متصلة أو بفاصل غير مرئي أو بمسافة (آتش‌بس، آتش بس)؛ گفت‌وگو أو گفتگو؛ مع «ال» أو دونها.
&quot;كلمتان&quot; أو «كلمتان»: عبارة، بهذا الترتيب.
أ OR ب: أيّ منهما.  كلمة*: الكلمات التي تبدأ بها.
Ctrl+F ينقل إلى هنا؛ Esc يمسح البحث ويعود إلى المقالة.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>No article in “%2” matches “%1”.</source>
        <translation>لا يوجد مقال في «%2» يطابق «%1».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No article with the status “%2” matches “%1”.</source>
        <translation>لا يوجد مقال بالحالة «%2» يطابق «%1».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No article matches “%1”.</source>
        <translation>لا يوجد مقال يطابق «%1».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No article is assigned to you.</source>
        <translation>لم تُسند إليك أي مقالة.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No article in “%1”.</source>
        <translation>لا مقالة في «%1».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No article has the status “%1”.</source>
        <translation>لا يوجد مقال بالحالة «%1».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No articles yet: File &gt; Import articles… (Ctrl+I).</source>
        <translation>لا توجد مقالات بعد: ملف &gt; استيراد مقالات… (Ctrl+I).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Matches: %1</source>
        <translation>النتائج: %1</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 of %2 done</source>
        <translation>أُنجز %1 من %2</translation>
    </message>
</context>
<context>
    <name>ArticleModel</name>
    <message>
        <location line="-293"/>
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
    <name>ChartsView</name>
    <message>
        <location filename="../../annotator/gui/charts_view.py" line="+30"/>
        <source>Stance</source>
        <translation>الموقف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demands</source>
        <translation>المطالب</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demands by participant</source>
        <translation>المطالب حسب المشارك</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation>التقدّم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
</context>
<context>
    <name>CommentThread</name>
    <message>
        <location filename="../../annotator/gui/review_parts.py" line="+536"/>
        <location line="+41"/>
        <source>Comments</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Write a comment for the other annotators… (Ctrl+Enter adds it)</source>
        <translation>اكتب تعليقاً للمرمّزين الآخرين… (Ctrl+Enter لإضافته)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add comment</source>
        <translation>إضافة تعليق</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No comments yet.</source>
        <translation>لا تعليقات بعد.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comments (%1)</source>
        <translation>التعليقات (%1)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="+111"/>
        <source>Export tags</source>
        <translation>تصدير الوسوم</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Long CSV: one row per tag (can be imported again)</source>
        <translation>CSV طويل: صف لكل وسم (يمكن استيراده مرة أخرى)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wide CSV: one row per article and annotator, a column per category</source>
        <translation>CSV عريض: صف لكل مقال ومرمّز، وعمود لكل فئة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON Lines: one object per article and annotator</source>
        <translation>JSON Lines: كائن لكل مقال ومرمّز</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Whose tags</source>
        <translation>وسوم مَن</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every annotator</source>
        <translation>كل المرمّزين</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One annotator:</source>
        <translation>مرمّز واحد:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Adjudicated tags</source>
        <translation>الوسوم المحسومة</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>For Excel (byte order mark; a cell that could run as a formula starts with &apos;)</source>
        <translation>لبرنامج Excel (علامة ترتيب البايتات؛ الخلية التي قد تُنفَّذ كصيغة تبدأ بـ &apos;)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>File:</source>
        <translation>الملف:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose where to save the export</source>
        <translation>اختر مكان حفظ ملف التصدير</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A codebook sheet (NAME.codebook.csv) is written beside the file.</source>
        <translation>تُكتب ورقة دليل الترميز (NAME.codebook.csv) بجانب الملف.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export tags to</source>
        <translation>تصدير الوسوم إلى</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export stopped; no file was written.</source>
        <translation>أُوقف التصدير؛ لم يُكتب أي ملف.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 rows written to %2 (codebook: %3)</source>
        <translation>الصفوف المكتوبة في %2: %1 (دليل الترميز: %3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 rows written to %2 (no codebook sheet: not a regular file)</source>
        <translation>كُتب %1 صفًا في %2 (بلا ورقة دليل الترميز: ليس ملفًا عاديًا)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>FieldBox</name>
    <message>
        <location filename="../../annotator/gui/field_box.py" line="+95"/>
        <source>(no longer used)</source>
        <translation>(لم يعد مستخدماً)</translation>
    </message>
</context>
<context>
    <name>FieldReview</name>
    <message>
        <location filename="../../annotator/gui/review_parts.py" line="-332"/>
        <source>Show %1&apos;s evidence in the article</source>
        <translation>عرض دليل %1 في المقال</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No evidence marked</source>
        <translation>لم يُحدَّد دليل</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make %1&apos;s value the adjudicated one</source>
        <translation>اجعل قيمة %1 هي القيمة المحسومة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>all disagreeing fields</source>
        <translation>كل الحقول المختلف عليها</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 did not code this field</source>
        <translation>لم يرمّز %1 هذا الحقل</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+72"/>
        <source>disagree</source>
        <translation>اختلاف</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>decided</source>
        <translation>محسوم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed since the decision</source>
        <translation>تغيّر بعد الحسم</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The annotators&apos; values changed after this decision was made: decide again (accepting the same values again confirms it)</source>
        <translation>تغيّرت قيم المرمّزين بعد هذا الحسم: احسم من جديد (قبول القيم نفسها ثانيةً يؤكد الحسم)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the adjudication (the annotators&apos; values stay)</source>
        <translation>إزالة الحكم (تبقى قيم المرمّزين)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reason for the decision (optional)</source>
        <translation>سبب القرار (اختياري)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set another value…</source>
        <translation>تعيين قيمة أخرى…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the adjudicated value yourself</source>
        <translation>اختر القيمة المحسومة بنفسك</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>roles differ</source>
        <translation>اختلاف في الأدوار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evidence differs</source>
        <translation>اختلاف في الشواهد</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The annotators&apos; tags of this field changed after the decision.</source>
        <translation>تغيّرت وسوم المرمّزين في هذا الحقل بعد الحسم.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since the decision:</source>
        <translation>منذ الحسم:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 ← %3</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Adjudication: not decided</source>
        <translation>الحكم: لم يُحسم بعد</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>from %1</source>
        <translation>من %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adjudication:</source>
        <translation>الحكم:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Accepted</source>
        <translation>مقبول</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location line="-267"/>
        <source>Evidence:</source>
        <translation>الدليل:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 marked %2 evidence passage(s) in this article</source>
        <translation>مقاطع الدليل التي حدّدها %1 في هذا المقال: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="+140"/>
        <source>Charts</source>
        <translation>الرسوم البيانية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/project_switch.py" line="+60"/>
        <source>Project files (*.annotator *.sqlite)</source>
        <translation>ملفات المشروع (*.annotator *.sqlite)</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Could not back up the project: %1</source>
        <translation>تعذّر أخذ نسخة احتياطية من المشروع: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="+98"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;recent</source>
        <translation>فتح مشروع &amp;حديث</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Export…</source>
        <translation>ت&amp;صدير…</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>&amp;Merge a colleague&apos;s project…</source>
        <translation>&amp;دمج مشروع زميل…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ync with team folder…</source>
        <translation>م&amp;زامنة مع مجلد الفريق…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw and assign a sam&amp;ple…</source>
        <translation>سحب &amp;عيّنة وتوزيعها…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore a &amp;backup…</source>
        <translation>استعادة &amp;نسخة احتياطية…</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location filename="../../annotator/gui/main_window.py" line="+212"/>
        <location filename="../../annotator/gui/window_menus.py" line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../annotator/gui/window_menus.py" line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;إعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="+4"/>
        <source>&amp;Find articles</source>
        <translation>&amp;بحث في المقالات</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Participants registry…</source>
        <translation>سجل ال&amp;مشاركين…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Go</source>
        <translation>&amp;انتقال</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Review colleagues&apos; tags</source>
        <translation>&amp;مراجعة وسوم الزملاء</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Agreement…</source>
        <translation>&amp;الاتفاق…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Team progress…</source>
        <translation>تقدّم ال&amp;فريق…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Training and score…</source>
        <translation>&amp;التدريب والدرجة…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Charts</source>
        <translation>ال&amp;رسوم البيانية</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location filename="../../annotator/gui/main_window.py" line="-104"/>
        <source>This is the last article.</source>
        <translation>هذا هو المقال الأخير.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is the first article.</source>
        <translation>هذا هو المقال الأول.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>That was the last article.</source>
        <translation>كان ذلك المقال الأخير.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Saved</source>
        <translation>تم الحفظ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Undone: %1</source>
        <translation>تم التراجع: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Redone: %1</source>
        <translation>أعيد: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not undone: %1 was changed by another window or command since.</source>
        <translation>لم يُتراجع: تغيّر %1 منذ ذلك الحين في نافذة أو أمر آخر.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not redone: %1 was changed by another window or command since.</source>
        <translation>لم تُعَد: تغيّر %1 منذ ذلك الحين في نافذة أو أمر آخر.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>comment</source>
        <translation>تعليق</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>decision on %1</source>
        <translation>حسم %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/project_switch.py" line="-95"/>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot open the project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="+111"/>
        <source>The project was changed by another window or command; refreshed.</source>
        <translation>تغيّر المشروع في نافذة أو أمر آخر؛ حُدّث العرض.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/background_jobs.py" line="+85"/>
        <location line="+69"/>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Articles (*.txt *.html *.htm *.jsonl *.csv)</source>
        <translation>مقالات (*.txt *.html *.htm *.jsonl *.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Importing articles…</source>
        <translation>جارٍ استيراد المقالات…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Importing %1…</source>
        <translation>جارٍ استيراد %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 articles read</source>
        <translation>تمت قراءة %1 مقالة</translation>
    </message>
    <message>
        <location line="+231"/>
        <source>Articles stored; making searches faster (merging the search index into one piece)…</source>
        <translation>حُفظت المقالات؛ تسريع البحث (دمج فهرس البحث في قطعة واحدة)…</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>Import failed</source>
        <translation>فشل الاستيراد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 articles added, %2 already present.</source>
        <translation>المقالات المضافة: %1، والموجودة مسبقاً: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import cancelled; articles stored before that are kept.</source>
        <translation>أُلغي الاستيراد؛ المقالات المخزّنة قبل ذلك محفوظة.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import finished with problems</source>
        <translation>انتهى الاستيراد مع مشكلات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 problems:</source>
        <translation>المشكلات (%1):</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Merge a colleague&apos;s project</source>
        <translation>دمج مشروع زميل</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../annotator/gui/project_switch.py" line="-21"/>
        <source>Project files (*.annotator *.sqlite *.db);;All files (*)</source>
        <translation>ملفات المشروع (*.annotator *.sqlite *.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+166"/>
        <source>Merging…</source>
        <translation>جارٍ الدمج…</translation>
    </message>
    <message>
        <location line="-144"/>
        <source>Merge failed</source>
        <translation>فشل الدمج</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+40"/>
        <source>Merge finished</source>
        <translation>انتهى الدمج</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>%1 holds fields, values or roles that our codebook does not know. Merged, they are kept and counted in agreement as they are. Merge it anyway?</source>
        <translation>يحتوي %1 على حقول أو قيم أو أدوار لا يعرفها دليل الترميز لدينا. إذا دُمجت فستُحفظ وتُحتسب في الاتفاق كما هي. هل تريد الدمج على أي حال؟</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Values our codebook does not know</source>
        <translation>قيم لا يعرفها دليل الترميز لدينا</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nothing was merged from %1.</source>
        <translation>لم يُدمج شيء من %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sync with team folder</source>
        <translation>مزامنة مع مجلد الفريق</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Syncing with the team folder…</source>
        <translation>جارٍ المزامنة مع مجلد الفريق…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Syncing %1…</source>
        <translation>جارٍ مزامنة %1…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sync failed</source>
        <translation>فشلت المزامنة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync finished</source>
        <translation>انتهت المزامنة</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2 of %3 done or skipped, %4 in progress</source>
        <translation>%1: %2 من %3 منجزة أو متخطّاة، %4 قيد العمل</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No sample is assigned yet: annotator assign.</source>
        <translation>لم تُوزَّع أي عيّنة بعد: annotator assign.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Team progress</source>
        <translation>تقدّم الفريق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/help_dialogs.py" line="+12"/>
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
        <location line="+2"/>
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
        <location line="+1"/>
        <source>Participants registry: correct, merge, retire</source>
        <translation>سجل المشاركين: تصحيح، دمج، إيقاف</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start or end training</source>
        <translation>بدء التدريب أو إنهاؤه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the search, back to the article</source>
        <translation>مسح البحث والعودة إلى المقال</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review: accept annotator N&apos;s values</source>
        <translation>المراجعة: قبول قيم المرمّز N</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review: next article with something to decide</source>
        <translation>المراجعة: المقالة التالية التي فيها ما يُحسم</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About annotator</source>
        <translation>حول annotator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hand-annotation of Persian and Arabic news articles.</source>
        <translation>ترميز يدوي للمقالات الإخبارية الفارسية والعربية.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="-41"/>
        <source>Annotator: %1</source>
        <translation>المرمّز: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/language_menu.py" line="+24"/>
        <source>&amp;Language</source>
        <translation>&amp;اللغة</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window will speak %1 from the next time annotator starts.</source>
        <translation>ستظهر النافذة باللغة %1 عند تشغيل annotator في المرة القادمة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_options.py" line="+25"/>
        <source>Import &amp;options</source>
        <translation>&amp;خيارات الاستيراد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep near-duplicates (they are reported either way)</source>
        <translation>إبقاء المقالات شبه المكررة (يُبلَّغ عنها في الحالين)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Dates like 12/06/2024: refuse, they read both ways</source>
        <translation>تواريخ مثل 12/06/2024: رفضها، فهي تُقرأ بالوجهين</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates like 12/06/2024: day first</source>
        <translation>تواريخ مثل 12/06/2024: اليوم أولًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates like 12/06/2024: month first</source>
        <translation>تواريخ مثل 12/06/2024: الشهر أولًا</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hijri years: lunar in Arabic articles, solar in others</source>
        <translation>السنوات الهجرية: قمرية في المقالات العربية، وشمسية في غيرها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hijri years: Solar Hijri</source>
        <translation>السنوات الهجرية: هجرية شمسية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hijri years: lunar Hijri</source>
        <translation>السنوات الهجرية: هجرية قمرية</translation>
    </message>
</context>
<context>
    <name>MergeSummary</name>
    <message>
        <location filename="../../annotator/gui/merge_summary.py" line="+29"/>
        <source>Merged %1</source>
        <translation>تم الدمج: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Articles: %1 added, %2 already here.</source>
        <translation>المقالات: أضيفت %1، و%2 موجودة هنا من قبل.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags: %1 added, %2 updated, %3 removed, %4 kept as they were here (newer here or removed here).</source>
        <translation>الوسوم: أُضيف %1، وحُدّث %2، وحُذف %3، وبقي %4 كما هي هنا (أحدث هنا أو حُذفت هنا).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Statuses: %1 changed; adjudications: %2; comments: %3; participants: %4 added; history: %5 entries.</source>
        <translation>الحالات: تغيّرت %1؛ الأحكام: %2؛ التعليقات: %3؛ المشاركون: أضيف %4؛ السجل: %5 إدخالات.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Annotators in the file: %1</source>
        <translation>المرمّزون في الملف: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decisions to look at again (their annotators&apos; values changed since): %1</source>
        <translation>قرارات حسم تجب مراجعتها ثانيةً (تغيّرت قيم المرمّزين بعدها): %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not merged: %1</source>
        <translation>لم يُدمج: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Brought in although our codebook does not know them:</source>
        <translation>أُدخلت رغم أن دليل الترميز لدينا لا يعرفها:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Role %1 of field %2 (%3 tags)</source>
        <translation>الدور %1 في الحقل %2 (%3 وسوم)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Field %1 (%2 tags)</source>
        <translation>الحقل %1 (%2 وسوم)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Value %1 of field %2 (%3 tags)</source>
        <translation>القيمة %1 في الحقل %2 (%3 وسوم)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>… and %1 more</source>
        <translation>… و%1 أخرى</translation>
    </message>
</context>
<context>
    <name>MultipleFieldBox</name>
    <message>
        <location filename="../../annotator/gui/multiple_box.py" line="+69"/>
        <source>The participant who voiced this demand</source>
        <translation>المشارك الذي طرح هذا المطلب</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>None reported</source>
        <translation>لم يُذكر أي منها</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coded: the article reports none of these</source>
        <translation>مرمَّز: المقال لا يذكر أياً من هذه</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>participant: —</source>
        <translation>مشارك: —</translation>
    </message>
</context>
<context>
    <name>NoteBox</name>
    <message>
        <location filename="../../annotator/gui/note_box.py" line="+40"/>
        <source>Reasons, doubts, other demands… (any language)</source>
        <translation>أسباب، شكوك، مطالب أخرى… (بأي لغة)</translation>
    </message>
</context>
<context>
    <name>ParticipantRow</name>
    <message>
        <location filename="../../annotator/gui/participant_box.py" line="+63"/>
        <source>Correct in the registry…</source>
        <translation>صحّح في سجل المشاركين…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>role…</source>
        <translation>الدور…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Role of %1</source>
        <translation>دور %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove %1</source>
        <translation>إزالة %1</translation>
    </message>
</context>
<context>
    <name>ParticipantsBox</name>
    <message>
        <location line="+32"/>
        <source>No participants yet.</source>
        <translation>لا مشاركين بعد.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+129"/>
        <source>Suggested from the text (Alt+P):</source>
        <translation>مقترحون من النص (Alt+P):</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Add a participant: type any name…</source>
        <translation>إضافة مشارك: اكتب أي اسم…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 (merged into %2)</source>
        <translation>%1 (مدموج في %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (retired)</source>
        <translation>%1 (موقوف)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Named %1 times in the text. Click or press Enter to add.</source>
        <translation>عدد مرات الورود في النص: %1. انقر أو اضغط Enter للإضافة.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No other participants named in the text.</source>
        <translation>لا مشاركين آخرين مذكورين في النص.</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>No participant in the registry matches “%1”.</source>
        <translation>لا يوجد مشارك في السجل يطابق «%1».</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../annotator/gui/review_queue.py" line="+110"/>
        <source>Disagree on: %1</source>
        <translation>الاختلاف في: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Roles differ on: %1</source>
        <translation>اختلاف في الأدوار: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evidence differs on: %1</source>
        <translation>اختلاف في الشواهد: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Adjudicated: %1</source>
        <translation>المحسوم: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed since the decision, to decide again: %1</source>
        <translation>تغيّر بعد الحسم، ويُحسم من جديد: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Annotators</source>
        <translation>المرمّزون</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Number of fields the annotators disagree on</source>
        <translation>عدد الحقول التي يختلف فيها المرمّزون</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adjudicated: ✓ all disagreements, 1/2 some; ! a decision to look at again</source>
        <translation>محسوم: ✓ كل الاختلافات، 1/2 بعضها؛ ! حسم تجب مراجعته ثانيةً</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location line="+44"/>
        <source>All fields</source>
        <translation>كل الحقول</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Count only disagreements on this field</source>
        <translation>احتساب الاختلافات في هذا الحقل فقط</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare only these two annotators</source>
        <translation>المقارنة بين هذين المرمّزَين فقط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet adjudicated</source>
        <translation>لم يُحسم بعد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hide articles whose disagreements are all adjudicated (decisions to look at again stay)</source>
        <translation>إخفاء المقالات التي حُسمت كل اختلافاتها (تبقى قرارات الحسم التي تجب مراجعتها ثانيةً)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Field:</source>
        <translation>الحقل:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annotators:</source>
        <translation>المرمّزون:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>All annotators</source>
        <translation>كل المرمّزين</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n article(s) in the queue</source>
        <translation>
            <numerusform>لا مقالات في القائمة</numerusform>
            <numerusform>مقال واحد في القائمة</numerusform>
            <numerusform>مقالان في القائمة</numerusform>
            <numerusform>%n مقالات في القائمة</numerusform>
            <numerusform>%n مقالاً في القائمة</numerusform>
            <numerusform>%n مقال في القائمة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../annotator/gui/reader.py" line="+210"/>
        <source>Use selection as evidence</source>
        <translation>استخدام التحديد كدليل</translation>
    </message>
    <message numerus="yes">
        <location line="+270"/>
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
        <location line="+76"/>
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
    <name>RegistryDialog</name>
    <message>
        <location filename="../../annotator/gui/registry_dialog.py" line="+52"/>
        <source>Participants registry</source>
        <translation>سجل المشاركين</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter: any name or id…</source>
        <translation>تصفية: أي اسم أو معرّف…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>One spelling a line</source>
        <translation>كتابة واحدة في كل سطر</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name in &amp;English:</source>
        <translation>الاسم بالإن&amp;جليزية:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name in &amp;Persian:</source>
        <translation>الاسم بال&amp;فارسية:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name in &amp;Arabic:</source>
        <translation>الاسم بال&amp;عربية:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A&amp;liases:</source>
        <translation>الأسماء ال&amp;بديلة:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save corrections</source>
        <translation>&amp;حفظ التصحيحات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Merge into…</source>
        <translation>&amp;دمج في…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One person under two ids: the tags naming this entry will name the other, and its names become the other&apos;s aliases. The project is backed up first.</source>
        <translation>شخص واحد بمعرّفين: الوسوم التي تسمّي هذا المدخل ستسمّي الآخر، وتصير أسماؤه أسماءً بديلة للآخر. تُؤخذ نسخة احتياطية من المشروع أولًا.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+96"/>
        <source>&amp;Retire</source>
        <translation>إ&amp;يقاف</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Keep the entry on the tags made before, but suggest and offer it for no new ones</source>
        <translation>يبقى المدخل على الوسوم السابقة، ولا يُقترح ولا يُعرض لوسوم جديدة</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;History:</source>
        <translation>سجل ال&amp;تغييرات:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 — merged into %2</source>
        <translation>%1 — مدموج في %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — retired</source>
        <translation>%1 — موقوف</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Re&amp;store</source>
        <translation>إ&amp;رجاع</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>added</source>
        <translation>أُضيف</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>corrected</source>
        <translation>صُحّح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retired</source>
        <translation>أُوقف</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>restored</source>
        <translation>أُعيد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 merged into %2 (%3 tags)</source>
        <translation>دُمج %1 في %2 (%3 وسوم)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Corrected: %1</source>
        <translation>صُحّح: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A name two entries share</source>
        <translation>اسم يشترك فيه مدخلان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1

The same name would be suggested under two ids. Keep it anyway?</source>
        <translation>%1

سيُقترح الاسم نفسه بمعرّفين. أتُبقيه مع ذلك؟</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Merge into…</source>
        <translation>دمج في…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The entry %1 is the same person as:</source>
        <translation>المدخل %1 هو الشخص نفسه مثل:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 merged into %2: %3 tags now name %2.</source>
        <translation>دُمج %1 في %2: %3 وسوم تسمّي %2 الآن.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is in use again.</source>
        <translation>%1 مستعمَل من جديد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 retired: kept on its tags, offered for no new ones.</source>
        <translation>أُوقف %1: يبقى على وسومه ولا يُعرض لوسوم جديدة.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../annotator/gui/restore_dialog.py" line="+57"/>
        <source>Restore a backup</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the state to go back to. The current state is backed up first, so a restore can itself be undone from this list.</source>
        <translation>اختر الحالة التي تريد العودة إليها. تؤخذ نسخة احتياطية من الحالة الحالية أولاً، لذا يمكن التراجع عن الاستعادة نفسها من هذه القائمة.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (dated in the future: the clock was ahead)</source>
        <translation>%1 (مؤرَّخة في المستقبل: كانت الساعة متقدّمة)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unreadable</source>
        <translation>غير مقروءة</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not a backup: %1</source>
        <translation>ليست نسخة احتياطية: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There are no backups of this project yet.</source>
        <translation>لا نسخ احتياطية لهذا المشروع بعد.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Restore…</source>
        <translation>ا&amp;ستعادة…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>project opened</source>
        <translation>فتح المشروع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>made by hand</source>
        <translation>يدوية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a restore</source>
        <translation>قبل الاستعادة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before an update of the file</source>
        <translation>قبل تحديث الملف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a merge</source>
        <translation>قبل الدمج</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a merge of two participants</source>
        <translation>قبل دمج مشاركَين</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a codebook change</source>
        <translation>قبل تغيير دليل الترميز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a tag import</source>
        <translation>قبل استيراد الوسوم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before undoing a tag import</source>
        <translation>قبل التراجع عن استيراد وسوم</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a link, not a backup file</source>
        <translation>رابط، وليس ملف نسخة احتياطية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a folder, not a backup file</source>
        <translation>مجلد، وليس ملف نسخة احتياطية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a regular file</source>
        <translation>ليس ملفًا عاديًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an empty file</source>
        <translation>ملف فارغ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the time in its name is not a real date and time</source>
        <translation>الوقت في اسمه ليس تاريخًا ووقتًا صحيحين</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not an SQLite file</source>
        <translation>ليس ملف SQLite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an SQLite file in write-ahead-log mode, not a backup made here</source>
        <translation>ملف SQLite في وضع سجل الكتابة المسبقة (WAL)، وليس نسخة احتياطية أُنشئت هنا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an SQLite file but not an annotator project</source>
        <translation>ملف SQLite لكنه ليس مشروع annotator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it cannot be read</source>
        <translation>لا يمكن قراءته</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> (%1 articles, %2 tags)</source>
        <translation> (المقالات: %1، الوسوم: %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore this backup?</source>
        <translation>استعادة هذه النسخة الاحتياطية؟</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Replace the project&apos;s content with the backup of %1%2?

The current state is backed up first.</source>
        <translation>استبدال محتوى المشروع بالنسخة الاحتياطية المأخوذة في %1%2؟

تؤخذ نسخة احتياطية من الحالة الحالية أولاً.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not restored</source>
        <translation>لم تتم الاستعادة</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../annotator/gui/review_view.py" line="+228"/>
        <source>This is the last article in the queue.</source>
        <translation>هذا هو المقال الأخير في القائمة.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the first article in the queue.</source>
        <translation>هذا هو المقال الأول في القائمة.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No other article in the queue has a disagreement to decide.</source>
        <translation>لا مقالة أخرى في القائمة فيها اختلاف يُحسم.</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>%1 of %2 disagreeing field(s) adjudicated</source>
        <translation>حُسم %1 من %2 من الحقول المختلف عليها</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The annotators agree on every field.</source>
        <translation>يتفق المرمّزون في كل الحقول.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n decision(s) to look at again: the annotators&apos; values changed since.</source>
        <translation>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annotators: %1. %2</source>
        <translation>المرمّزون: %1. %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No article to review: articles coded by two or more annotators appear here (merge colleagues&apos; files first).</source>
        <translation>لا مقال للمراجعة: تظهر هنا المقالات التي رمّزها مرمّزان أو أكثر (ادمج ملفات الزملاء أولاً).</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>Accepted %1&apos;s values for %n field(s).</source>
        <translation>
            <numerusform>لم تُقبل قيم %1 في أي حقل.</numerusform>
            <numerusform>قُبلت قيم %1 في حقل واحد.</numerusform>
            <numerusform>قُبلت قيم %1 في حقلين.</numerusform>
            <numerusform>قُبلت قيم %1 في %n حقول.</numerusform>
            <numerusform>قُبلت قيم %1 في %n حقلاً.</numerusform>
            <numerusform>قُبلت قيم %1 في %n حقل.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n field(s) not coded by %1 left as they were.</source>
        <translation>
            <numerusform>لا حقول لم يرمّزها %1.</numerusform>
            <numerusform>بقي حقل واحد لم يرمّزه %1 على حاله.</numerusform>
            <numerusform>بقي حقلان لم يرمّزهما %1 على حالهما.</numerusform>
            <numerusform>بقيت %n حقول لم يرمّزها %1 على حالها.</numerusform>
            <numerusform>بقي %n حقلاً لم يرمّزها %1 على حالها.</numerusform>
            <numerusform>بقي %n حقل لم يرمّزها %1 على حالها.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SampleDialog</name>
    <message>
        <location filename="../../annotator/gui/sample_dialog.py" line="+72"/>
        <source>Samples and assignments</source>
        <translation>العيّنات وتوزيعها</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sample</source>
        <translation>العيّنة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stratified by</source>
        <translation>الطبقات حسب</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotators</source>
        <translation>المرمّزون</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overlap</source>
        <translation>التداخل</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Draw a new sample</source>
        <translation>سحب عيّنة جديدة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. pilot</source>
        <translation>مثلاً تجريبية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>الا&amp;سم:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Size:</source>
        <translation>ال&amp;حجم:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same seed draws the same articles again, here or with annotator sample --seed.</source>
        <translation>البذرة نفسها تسحب المقالات نفسها مرة أخرى، هنا أو في سطر الأوامر.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ne&amp;w seed</source>
        <translation>&amp;بذرة جديدة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;eed:</source>
        <translation>ال&amp;بذرة:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not stratified</source>
        <translation>بلا طبقات</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+80"/>
        <source>outlet</source>
        <translation>الوسيلة</translation>
    </message>
    <message>
        <location line="-80"/>
        <location line="+80"/>
        <source>month</source>
        <translation>الشهر</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+80"/>
        <source>language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Each outlet, month or language gets its share of the sample in proportion to its articles.</source>
        <translation>تنال كل وسيلة أو شهر أو لغة حصتها من العيّنة بنسبة مقالاتها.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stratified &amp;by:</source>
        <translation>ال&amp;طبقات حسب:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only articles the search “%1” finds</source>
        <translation>المقالات التي يجدها البحث «%1» فقط</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only articles a search finds (search the list first)</source>
        <translation>المقالات التي يجدها بحث فقط (ابحث في القائمة أولاً)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Draw</source>
        <translation>&amp;سحب</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Assign the chosen sample</source>
        <translation>توزيع العيّنة المختارة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sara, Reza, Mina</source>
        <translation>سارة، رضا، مينا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Annotators:</source>
        <translation>ال&amp;مرمّزون:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The share of the sample every annotator codes, for agreement; the rest is split evenly.</source>
        <translation>حصة العيّنة التي يرمّزها كل مرمّز لقياس الاتفاق، ويُقسم الباقي بالتساوي.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Overlap:</source>
        <translation>ال&amp;تداخل:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assi&amp;gn</source>
        <translation>&amp;توزيع</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show in the &amp;list</source>
        <translation>عرض في ال&amp;قائمة</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Samples are drawn and assigned by the team&apos;s lead, %1; you can show them in the list.</source>
        <translation>يسحب العيّنات ويوزّعها قائد الفريق، %1، ويمكنك عرضها في القائمة.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Give the sample a name and a seed.</source>
        <translation>أعطِ العيّنة اسماً وبذرة.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sample “%1”: %2 articles drawn with seed %3.</source>
        <translation>العيّنة «%1»: سُحبت %2 مقالة بالبذرة %3.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Name the annotators, separated by commas.</source>
        <translation>اذكر المرمّزين مفصولين بفواصل.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2 articles</source>
        <translation>%1: %2 مقالة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample “%1” assigned: %2 articles for everyone; %3.</source>
        <translation>وُزّعت العيّنة «%1»: %2 مقالة للجميع؛ %3.</translation>
    </message>
</context>
<context>
    <name>ScoreDialog</name>
    <message>
        <location filename="../../annotator/gui/score_dialog.py" line="+53"/>
        <source>Training and score</source>
        <translation>التدريب والدرجة</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>مستوى القياس</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alpha</source>
        <translation>ألفا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coded</source>
        <translation>المرمّز</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start &amp;training</source>
        <translation>بدء ال&amp;تدريب</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Training set: %1 articles. Double-click one to code it; the score against the adjudicated values is below.</source>
        <translation>مجموعة التدريب: %1 مقال. انقر مرتين على أحدها لترميزه، والدرجة مقابل القيم المحسومة أدناه.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>not judged: no adjudicated value</source>
        <translation>لم يُقيَّم: لا قيمة محسومة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>passed</source>
        <translation>ناجح</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not passed</source>
        <translation>غير ناجح</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Certified: every field reaches %1.</source>
        <translation>مُعتمَد: كل الحقول تبلغ %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not certified yet: every field must reach %1.</source>
        <translation>غير مُعتمَد بعد: يجب أن تبلغ كل الحقول %1.</translation>
    </message>
</context>
<context>
    <name>SingleFieldBox</name>
    <message>
        <location filename="../../annotator/gui/single_box.py" line="+49"/>
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
        <location filename="../../annotator/gui/tag_form.py" line="+109"/>
        <source>Remove evidence</source>
        <translation>إزالة الدليل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the evidence of this tag</source>
        <translation>إزالة دليل هذا الوسم</translation>
    </message>
    <message>
        <location line="+16"/>
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
        <location line="+82"/>
        <source>Choose a stance, demand or participant first</source>
        <translation>اختر موقفاً أو مطلباً أو مشاركاً أولاً</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The selection does not match the article text; select the passage again.</source>
        <translation>التحديد لا يطابق نص المقال؛ حدّد المقطع مرة أخرى.</translation>
    </message>
    <message>
        <location line="+119"/>
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
        <location line="+2"/>
        <source>Status: %1</source>
        <translation>الحالة: %1</translation>
    </message>
    <message>
        <location line="+20"/>
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
    <name>TrainingResultDialog</name>
    <message>
        <location filename="../../annotator/gui/training_result.py" line="+47"/>
        <source>Training finished</source>
        <translation>انتهى التدريب</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Level</source>
        <translation>مستوى القياس</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alpha</source>
        <translation>ألفا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum</source>
        <translation>الحد الأدنى</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coded</source>
        <translation>المرمّز</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your values for each adjudicated value:</source>
        <translation>قيمك لكل قيمة محسومة:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adjudicated value</source>
        <translation>القيمة المحسومة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your values</source>
        <translation>قيمك</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Your score against the adjudicated values on %1 training articles. Each field must reach alpha %2, the codebook&apos;s certification threshold.</source>
        <translation>درجتك مقابل القيم المحسومة في %1 مقالة تدريب. يجب أن يبلغ كل حقل ألفا %2، عتبة الاعتماد في دليل الترميز.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your score against the adjudicated values on %1 training articles. Each field must reach alpha %2 (the codebook sets no threshold: Krippendorff&apos;s customary minimum).</source>
        <translation>درجتك مقابل القيم المحسومة في %1 مقالة تدريب. يجب أن يبلغ كل حقل ألفا %2 (لا يحدد دليل الترميز عتبة: الحد الأدنى المعتاد عند كريبندورف).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not judged: no adjudicated value</source>
        <translation>لم يُحكم: لا قيمة محسومة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>passed</source>
        <translation>ناجح</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not passed</source>
        <translation>غير ناجح</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Certified: every field reaches the minimum.</source>
        <translation>مُعتمَد: كل الحقول تبلغ الحد الأدنى.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not certified yet: a field is below the minimum or its alpha is undefined. Go over the articles again, or ask the lead.</source>
        <translation>غير مُعتمَد بعد: ألفا أحد الحقول دون الحد الأدنى أو غير معرّفة. راجع المقالات مرة أخرى أو اسأل القائد.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>both %1, only adjudicated %2, only yours %3</source>
        <translation>كلاهما %1، المحسومة فقط %2، قيمك فقط %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>TrainingRun</name>
    <message>
        <location filename="../../annotator/gui/training_run.py" line="+96"/>
        <source>There is no training set yet. The lead marks it: annotator training add ARTICLE…, and adjudicates its articles in review.</source>
        <translation>لا مجموعة تدريب بعد. يحددها القائد في سطر الأوامر ويحسم مقالاتها في المراجعة.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The training set has no adjudicated values yet, so there is nothing to score against: the lead decides its articles in review first.</source>
        <translation>ليس لمجموعة التدريب قيم محسومة بعد، فلا شيء تُقاس الدرجة عليه: يحسم القائد مقالاتها في المراجعة أولاً.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training</source>
        <translation>التدريب</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Training left with %1 of %2 articles done; Go &gt; Start training goes on from there.</source>
        <translation>تُرك التدريب بعد إنجاز %1 من %2 مقالة، و«انتقال &gt; بدء التدريب» يتابع من هناك.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Training: article %1 of %2, %3 done</source>
        <translation>التدريب: المقالة %1 من %2، أُنجز %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training: %2 articles, %3 done</source>
        <translation>التدريب: %2 مقالة، أُنجز %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>End &amp;training</source>
        <translation>إنهاء ال&amp;تدريب</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../annotator/gui/window_menus.py" line="-28"/>
        <source>Start &amp;training</source>
        <translation>بدء ال&amp;تدريب</translation>
    </message>
</context>
<context>
    <name>_MatrixView</name>
    <message>
        <location filename="../../annotator/gui/agreement_dialog.py" line="+70"/>
        <source>Codebook revision %1</source>
        <translation>مراجعة دليل الترميز %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No article was coded by two or more annotators in this field.</source>
        <translation>لم يرمّز مرمّزان أو أكثر أيّ مقالة في هذا الحقل.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Where the annotators disagree most: %1</source>
        <translation>أكثر ما يختلف فيه المرمّزون: %1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../annotator/gui/opening.py" line="+46"/>
        <source>Who is annotating?</source>
        <translation>من يقوم بالترميز؟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name as it should appear on your tags (colleagues see it when tags are merged):</source>
        <translation>اسمك كما ينبغي أن يظهر على وسومك (يراه الزملاء عند دمج الوسوم):</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This name cannot be used: %1</source>
        <translation>لا يمكن استخدام هذا الاسم: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 does not exist. Create a new project there?</source>
        <translation>%1 غير موجود. هل يُنشأ مشروع جديد هناك؟</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 was made by an older version of annotator. It is backed up, then brought up to date; a large project takes a few minutes.</source>
        <translation>%1 صُنع بإصدار أقدم من annotator. تُؤخذ منه نسخة احتياطية أولًا ثم يُحدَّث؛ يستغرق المشروع الكبير بضع دقائق.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Read-only: this project&apos;s file or folder cannot be written here, so changes are off.</source>
        <translation>للقراءة فقط: لا يمكن الكتابة في ملف هذا المشروع أو مجلده هنا، لذا التغييرات معطّلة.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This project is on a network file system (%1 at %2).</source>
        <translation>هذا المشروع على نظام ملفات شبكي (%1 في %2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This project is in a folder synced by %1 (%2).</source>
        <translation>هذا المشروع في مجلد يزامنه %1 (%2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Several windows or commands may write at once only on a local disk; exchange copies (merge) through a shared folder instead.</source>
        <translation>لا يمكن لعدة نوافذ أو أوامر الكتابة معًا إلا على قرص محلي؛ تبادلوا النسخ عبر المجلد المشترك وادمجوها بدلًا من ذلك.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Project on a shared folder</source>
        <translation>مشروع في مجلد مشترك</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/app.py" line="+118"/>
        <source>The last project could not be opened; the default project opens instead.</source>
        <translation>تعذّر فتح آخر مشروع؛ يُفتح المشروع الافتراضي بدلًا منه.</translation>
    </message>
</context>
<context>
    <name>review_parts</name>
    <message>
        <location filename="../../annotator/gui/review_parts.py" line="-52"/>
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
</context>
<context>
    <name>tooltip</name>
    <message>
        <location filename="../../annotator/gui/texts.py" line="+113"/>
        <source>(invented)</source>
        <translation>(مثال مُتخيَّل)</translation>
    </message>
</context>
</TS>
