<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>AdjudicationDialog</name>
    <message>
        <location filename="../../annotator/gui/review_dialog.py" line="+59"/>
        <source>Adjudicated value: %1</source>
        <translation>مقدار داوری‌شده: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The annotators&apos; own tags stay as they are.</source>
        <translation>برچسب‌های خود کدگذاران همان‌طور که هستند باقی می‌مانند.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>none</source>
        <translation>هیچ‌کدام</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None reported</source>
        <translation>هیچ‌کدام گزارش نشده</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No participants</source>
        <translation>بدون مشارکت‌کننده</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Participant</source>
        <translation>مشارکت‌کننده</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add a participant: type a name…</source>
        <translation>افزودن مشارکت‌کننده: نامی را تایپ کنید…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>no role</source>
        <translation>بدون نقش</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../annotator/gui/agreement_dialog.py" line="+88"/>
        <source>Inter-annotator agreement</source>
        <translation>توافق میان کدگذاران</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+11"/>
        <source>Field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Category</source>
        <translation>گزینه</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>سطح سنجش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alpha</source>
        <translation>آلفا</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+11"/>
        <source>Revision</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>95% interval</source>
        <translation>بازهٔ ۹۵٪</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>q &lt; 0.667</source>
        <translation>q &lt; ۰٫۶۶۷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>q &lt; 0.800</source>
        <translation>q &lt; ۰٫۸۰۰</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Articles</source>
        <translation>مقاله‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values</source>
        <translation>مقدارها</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>توضیح</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Annotators</source>
        <translation>کدگذاران</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Krippendorff&apos;s alpha</source>
        <translation>آلفای کریپندورف</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Annotator</source>
        <translation>کدگذار</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agreement</source>
        <translation>توافق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared articles</source>
        <translation>مقاله‌های مشترک</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pairwise</source>
        <translation>توافق دوبه‌دو</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coincidence matrix</source>
        <translation>ماتریس هم‌رخدادی</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Chart</source>
        <translation>نمودار</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>* the field&apos;s main figure. n/a: alpha is undefined (the note says why).</source>
        <translation>* رقم اصلی فیلد. n/a: آلفا تعریف‌نشده است (علت در ستون توضیح آمده است).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>95% interval and q (the share of resampled alphas below 0.667 and 0.800): %1 resamples of the articles, seed %2.</source>
        <translation>بازهٔ ۹۵٪ و q (سهم آلفاهای نمونه‌گیری‌شده که کمتر از ۰٫۶۶۷ و ۰٫۸۰۰ است): %1 بار نمونه‌گیری دوباره از مقاله‌ها، بذر %2.</translation>
    </message>
</context>
<context>
    <name>AimButton</name>
    <message>
        <location filename="../../annotator/gui/aim_button.py" line="+56"/>
        <source>Evidence: %1 (click to show it in the article)</source>
        <translation>شاهد: %1 (برای نمایش آن در مقاله کلیک کنید)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Make this the evidence target: select text in the article and attach it as evidence</source>
        <translation>این مورد را هدف شاهد کنید: متنی را در مقاله انتخاب کنید و آن را به‌عنوان شاهد پیوست کنید</translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <location filename="../../annotator/gui/article_list.py" line="+75"/>
        <source>not started</source>
        <translation>شروع‌نشده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>در حال انجام</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>انجام‌شده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>رد‌شده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My queue</source>
        <translation>صف من</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training set</source>
        <translation>مجموعهٔ آموزشی</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sample %1</source>
        <translation>نمونهٔ %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>en</source>
        <comment>an article&apos;s language</comment>
        <translation>انگلیسی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fa</source>
        <comment>an article&apos;s language</comment>
        <translation>فارسی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ar</source>
        <comment>an article&apos;s language</comment>
        <translation>عربی</translation>
    </message>
    <message>
        <location line="+187"/>
        <source>Search (any spelling)…</source>
        <translation>جست‌وجو (با هر املایی)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every word must occur, in any spelling: Arabic or Persian Yeh and Kaf, hamza, diacritics, digits; a compound joined, with a ZWNJ or with a space (آتش‌بس, آتش بس); گفت‌وگو or گفتگو; with or without the Arabic ال.
&quot;two words&quot; or «two words»: a phrase, in this order.
a OR b: either.  word*: words that start with it.
Ctrl+F comes here; Esc clears the search and goes back to the article.</source>
        <translation>همهٔ واژه‌ها باید بیایند، با هر املایی: ی و ک عربی یا فارسی، همزه، اِعراب، رقم‌ها؛ واژهٔ مرکب پیوسته، با نیم‌فاصله یا با فاصله (آتش‌بس، آتش بس)؛ گفت‌وگو یا گفتگو؛ با «ال» عربی یا بی آن.
&quot;دو واژه&quot; یا «دو واژه»: یک عبارت، به همین ترتیب.
الف OR ب: هر یک از این دو.  واژه*: واژه‌هایی که با آن آغاز می‌شوند.
Ctrl+F به اینجا می‌آید؛ Esc جست‌وجو را پاک می‌کند و به مقاله برمی‌گردد.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All</source>
        <translation>همه</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>No article in “%2” matches “%1”.</source>
        <translation>هیچ مقاله‌ای در «%2» با «%1» مطابقت ندارد.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No article with the status “%2” matches “%1”.</source>
        <translation>هیچ مقاله‌ای با وضعیت «%2» با «%1» مطابقت ندارد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No article matches “%1”.</source>
        <translation>هیچ مقاله‌ای با «%1» مطابقت ندارد.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No article is assigned to you.</source>
        <translation>هیچ مقاله‌ای به شما سپرده نشده است.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No article in “%1”.</source>
        <translation>هیچ مقاله‌ای در «%1» نیست.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No article has the status “%1”.</source>
        <translation>هیچ مقاله‌ای وضعیت «%1» را ندارد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No articles yet: File &gt; Import articles… (Ctrl+I).</source>
        <translation>هنوز مقاله‌ای نیست: پرونده &gt; درون‌ریزی مقاله‌ها… (Ctrl+I).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Matches: %1</source>
        <translation>یافته‌ها: %1</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 of %2 done</source>
        <translation>%1 از %2 انجام‌شده</translation>
    </message>
</context>
<context>
    <name>ArticleModel</name>
    <message>
        <location line="-293"/>
        <source>Id</source>
        <translation>شناسه</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lang.</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>My status</source>
        <translation>وضعیت من</translation>
    </message>
</context>
<context>
    <name>ChartsView</name>
    <message>
        <location filename="../../annotator/gui/charts_view.py" line="+30"/>
        <source>Stance</source>
        <translation>موضع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demands</source>
        <translation>مطالبات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demands by participant</source>
        <translation>مطالبات به تفکیک مشارکت‌کننده</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation>پیشرفت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement</source>
        <translation>توافق</translation>
    </message>
</context>
<context>
    <name>CommentThread</name>
    <message>
        <location filename="../../annotator/gui/review_parts.py" line="+536"/>
        <location line="+41"/>
        <source>Comments</source>
        <translation>نظرها</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Write a comment for the other annotators… (Ctrl+Enter adds it)</source>
        <translation>برای کدگذاران دیگر نظری بنویسید… (Ctrl+Enter آن را می‌افزاید)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add comment</source>
        <translation>افزودن نظر</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No comments yet.</source>
        <translation>هنوز نظری ثبت نشده است.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comments (%1)</source>
        <translation>نظرها (%1)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="+111"/>
        <source>Export tags</source>
        <translation>برون‌ریزی برچسب‌ها</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Format</source>
        <translation>قالب</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Long CSV: one row per tag (can be imported again)</source>
        <translation>CSV بلند: یک سطر برای هر برچسب (می‌توان آن را دوباره درون‌ریزی کرد)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wide CSV: one row per article and annotator, a column per category</source>
        <translation>CSV پهن: یک سطر برای هر مقاله و کدگذار، یک ستون برای هر گزینه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON Lines: one object per article and annotator</source>
        <translation>JSON Lines: یک شیء برای هر مقاله و کدگذار</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Whose tags</source>
        <translation>برچسب‌های چه کسی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every annotator</source>
        <translation>همهٔ کدگذاران</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One annotator:</source>
        <translation>یک کدگذار:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Adjudicated tags</source>
        <translation>برچسب‌های داوری‌شده</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>For Excel (byte order mark; a cell that could run as a formula starts with &apos;)</source>
        <translation>برای Excel (نشانهٔ ترتیب بایت؛ خانه‌ای که ممکن است فرمول اجرا کند با &apos; آغاز می‌شود)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>File:</source>
        <translation>پرونده:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose where to save the export</source>
        <translation>محل ذخیرهٔ برون‌ریزی را انتخاب کنید</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A codebook sheet (NAME.codebook.csv) is written beside the file.</source>
        <translation>برگهٔ دفترچهٔ کد (NAME.codebook.csv) کنار همین پرونده نوشته می‌شود.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export</source>
        <translation>برون‌ریزی</translation>
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
        <translation>برون‌ریزی برچسب‌ها در</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Exporting…</source>
        <translation>در حال برون‌ریزی…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export stopped; no file was written.</source>
        <translation>برون‌ریزی متوقف شد؛ هیچ پرونده‌ای نوشته نشد.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 rows written to %2 (codebook: %3)</source>
        <translation>%1 سطر در %2 نوشته شد (دفترچهٔ کد: %3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 rows written to %2 (no codebook sheet: not a regular file)</source>
        <translation>%1 ردیف در %2 نوشته شد (بدون برگهٔ دفترچهٔ کد: فایل معمولی نیست)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export failed</source>
        <translation>برون‌ریزی ناموفق بود</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stop</source>
        <translation>توقف</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
</context>
<context>
    <name>FieldBox</name>
    <message>
        <location filename="../../annotator/gui/field_box.py" line="+95"/>
        <source>(no longer used)</source>
        <translation>(دیگر به کار نمی‌رود)</translation>
    </message>
</context>
<context>
    <name>FieldReview</name>
    <message>
        <location filename="../../annotator/gui/review_parts.py" line="-332"/>
        <source>Show %1&apos;s evidence in the article</source>
        <translation>نمایش شاهد %1 در مقاله</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No evidence marked</source>
        <translation>شاهدی مشخص نشده است</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept</source>
        <translation>پذیرفتن</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make %1&apos;s value the adjudicated one</source>
        <translation>مقدار %1 را مقدار داوری‌شده کنید</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>all disagreeing fields</source>
        <translation>همهٔ فیلدهای مورد اختلاف</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 did not code this field</source>
        <translation>%1 این فیلد را کدگذاری نکرده است</translation>
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
        <translation>داوری‌شده</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed since the decision</source>
        <translation>تغییر پس از داوری</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The annotators&apos; values changed after this decision was made: decide again (accepting the same values again confirms it)</source>
        <translation>مقدارهای کدگذاران پس از این داوری تغییر کرده است: دوباره داوری کنید (پذیرفتن دوبارهٔ همان مقدارها داوری را تأیید می‌کند)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Clear</source>
        <translation>پاک کردن</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the adjudication (the annotators&apos; values stay)</source>
        <translation>حذف داوری (مقدارهای کدگذاران باقی می‌مانند)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reason for the decision (optional)</source>
        <translation>دلیل تصمیم (اختیاری)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set another value…</source>
        <translation>تعیین مقداری دیگر…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the adjudicated value yourself</source>
        <translation>مقدار داوری‌شده را خودتان انتخاب کنید</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>roles differ</source>
        <translation>اختلاف در نقش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evidence differs</source>
        <translation>اختلاف در شاهد</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The annotators&apos; tags of this field changed after the decision.</source>
        <translation>برچسب‌های کدگذاران در این فیلد پس از داوری تغییر کرده است.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since the decision:</source>
        <translation>از زمان داوری:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 ← %3</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Adjudication: not decided</source>
        <translation>داوری: هنوز تعیین نشده</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>from %1</source>
        <translation>از %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adjudication:</source>
        <translation>داوری:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Accepted</source>
        <translation>پذیرفته‌شده</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location line="-267"/>
        <source>Evidence:</source>
        <translation>شاهد:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 marked %2 evidence passage(s) in this article</source>
        <translation>%1 در این مقاله %2 بخش را به‌عنوان شاهد مشخص کرده است</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="+140"/>
        <source>Charts</source>
        <translation>نمودارها</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/project_switch.py" line="+60"/>
        <source>Project files (*.annotator *.sqlite)</source>
        <translation>پرونده‌های پروژه (*.annotator *.sqlite)</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Could not back up the project: %1</source>
        <translation>پشتیبان‌گیری از پروژه ممکن نشد: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="+98"/>
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New project…</source>
        <translation>پروژهٔ &amp;جدید…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open project…</source>
        <translation>&amp;باز کردن پروژه…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;recent</source>
        <translation>پروژه‌های &amp;اخیر</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Export…</source>
        <translation>برون‌&amp;ریزی…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import articles…</source>
        <translation>&amp;درون‌ریزی مقاله‌ها…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a &amp;folder…</source>
        <translation>درون‌ریزی یک &amp;پوشه…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Merge a colleague&apos;s project…</source>
        <translation>ادغام پروژهٔ یک &amp;همکار…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ync with team folder…</source>
        <translation>همگام‌&amp;سازی با پوشهٔ تیم…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw and assign a sam&amp;ple…</source>
        <translation>کشیدن و تقسیم &amp;نمونه…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore a &amp;backup…</source>
        <translation>بازگردانی &amp;نسخهٔ پشتیبان…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Switch annotator…</source>
        <translation>&amp;تعویض کدگذار…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>&amp;ویرایش</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="+212"/>
        <location filename="../../annotator/gui/window_menus.py" line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;واگرد</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../annotator/gui/window_menus.py" line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;ازنو</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="+4"/>
        <source>&amp;Find articles</source>
        <translation>&amp;جست‌وجوی مقاله‌ها</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Participants registry…</source>
        <translation>فهرست &amp;مشارکت‌کنندگان…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Go</source>
        <translation>&amp;برو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next article</source>
        <translation>&amp;مقالهٔ بعدی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Previous article</source>
        <translation>مقالهٔ &amp;قبلی</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Done and next</source>
        <translation>&amp;تمام و بعدی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Skip and next</source>
        <translation>&amp;رد کردن و بعدی</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;بزرگ‌نمایی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;کوچک‌نمایی</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Review colleagues&apos; tags</source>
        <translation>بازبینی برچسب‌های &amp;همکاران</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Agreement…</source>
        <translation>&amp;توافق…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Team progress…</source>
        <translation>&amp;پیشرفت تیم…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Training and score…</source>
        <translation>&amp;آموزش و نمره…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Charts</source>
        <translation>&amp;نمودارها</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About annotator</source>
        <translation>&amp;دربارهٔ annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="-104"/>
        <source>This is the last article.</source>
        <translation>این آخرین مقاله است.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is the first article.</source>
        <translation>این اولین مقاله است.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>That was the last article.</source>
        <translation>آن آخرین مقاله بود.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Saved</source>
        <translation>ذخیره شد</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Undone: %1</source>
        <translation>واگرد شد: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Redone: %1</source>
        <translation>از نو انجام شد: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not undone: %1 was changed by another window or command since.</source>
        <translation>واگرد نشد: %1 پس از آن در پنجره یا فرمان دیگری تغییر کرده است.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not redone: %1 was changed by another window or command since.</source>
        <translation>دوباره انجام نشد: %1 پس از آن در پنجره یا فرمان دیگری تغییر کرده است.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>comment</source>
        <translation>نظر</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>decision on %1</source>
        <translation>داوری %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/project_switch.py" line="-95"/>
        <source>New project</source>
        <translation>پروژهٔ جدید</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open project</source>
        <translation>باز کردن پروژه</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot open the project</source>
        <translation>باز کردن پروژه ممکن نیست</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="+111"/>
        <source>The project was changed by another window or command; refreshed.</source>
        <translation>پروژه در پنجره یا فرمان دیگری تغییر کرد؛ نمایش به‌روز شد.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/background_jobs.py" line="+85"/>
        <location line="+69"/>
        <source>Import articles</source>
        <translation>درون‌ریزی مقاله‌ها</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Articles (*.txt *.html *.htm *.jsonl *.csv)</source>
        <translation>مقاله‌ها (*.txt *.html *.htm *.jsonl *.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import a folder of articles</source>
        <translation>درون‌ریزی پوشه‌ای از مقاله‌ها</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Importing articles…</source>
        <translation>در حال درون‌ریزی مقاله‌ها…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Importing %1…</source>
        <translation>در حال درون‌ریزی %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 articles read</source>
        <translation>%1 مقاله خوانده شد</translation>
    </message>
    <message>
        <location line="+231"/>
        <source>Articles stored; making searches faster (merging the search index into one piece)…</source>
        <translation>مقاله‌ها ذخیره شدند؛ تندتر کردن جست‌وجو (یک‌تکه کردن نمایهٔ جست‌وجو)…</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>Import failed</source>
        <translation>درون‌ریزی ناموفق بود</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 articles added, %2 already present.</source>
        <translation>%1 مقاله افزوده شد، %2 مقاله از پیش موجود بود.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import cancelled; articles stored before that are kept.</source>
        <translation>درون‌ریزی لغو شد؛ مقاله‌هایی که پیش از آن ذخیره شده بودند حفظ می‌شوند.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import finished with problems</source>
        <translation>درون‌ریزی با مشکلاتی به پایان رسید</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 problems:</source>
        <translation>%1 مشکل:</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Merge a colleague&apos;s project</source>
        <translation>ادغام پروژهٔ یک همکار</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../annotator/gui/project_switch.py" line="-21"/>
        <source>Project files (*.annotator *.sqlite *.db);;All files (*)</source>
        <translation>پرونده‌های پروژه (*.annotator *.sqlite *.db);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+166"/>
        <source>Merging…</source>
        <translation>در حال ادغام…</translation>
    </message>
    <message>
        <location line="-144"/>
        <source>Merge failed</source>
        <translation>ادغام ناموفق بود</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+40"/>
        <source>Merge finished</source>
        <translation>ادغام به پایان رسید</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>%1 holds fields, values or roles that our codebook does not know. Merged, they are kept and counted in agreement as they are. Merge it anyway?</source>
        <translation>%1 فیلدها، مقدارها یا نقش‌هایی دارد که دفترچهٔ کدگذاری ما نمی‌شناسد. اگر ادغام شوند، همان‌گونه که هستند نگه داشته و در توافق شمرده می‌شوند. با این حال ادغام شود؟</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Values our codebook does not know</source>
        <translation>مقدارهایی که دفترچهٔ کدگذاری ما نمی‌شناسد</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nothing was merged from %1.</source>
        <translation>از %1 چیزی ادغام نشد.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sync with team folder</source>
        <translation>همگام‌سازی با پوشهٔ تیم</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Syncing with the team folder…</source>
        <translation>در حال همگام‌سازی با پوشهٔ تیم…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Syncing %1…</source>
        <translation>در حال همگام‌سازی %1…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sync failed</source>
        <translation>همگام‌سازی ناکام ماند</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync finished</source>
        <translation>همگام‌سازی به پایان رسید</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2 of %3 done or skipped, %4 in progress</source>
        <translation>%1: %2 از %3 انجام‌شده یا ردشده، %4 در جریان</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No sample is assigned yet: annotator assign.</source>
        <translation>هنوز نمونه‌ای تقسیم نشده است: annotator assign.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Team progress</source>
        <translation>پیشرفت تیم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/help_dialogs.py" line="+12"/>
        <source>Stance</source>
        <translation>موضع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unclear</source>
        <translation>نامشخص</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demands</source>
        <translation>مطالبه‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event type</source>
        <translation>نوع رویداد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants: suggestions</source>
        <translation>مشارکت‌کننده‌ها: پیشنهادها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use selection as evidence</source>
        <translation>استفاده از متن انتخاب‌شده به‌عنوان شاهد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done and next</source>
        <translation>تمام و بعدی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip and next</source>
        <translation>رد کردن و بعدی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next / previous article</source>
        <translation>مقالهٔ بعدی / قبلی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo / redo</source>
        <translation>واگرد / ازنو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom</source>
        <translation>بزرگ‌نمایی / کوچک‌نمایی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find articles</source>
        <translation>جست‌وجوی مقاله‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants registry: correct, merge, retire</source>
        <translation>فهرست مشارکت‌کنندگان: اصلاح، ادغام، بازنشسته کردن</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start or end training</source>
        <translation>آغاز یا پایان آموزش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the search, back to the article</source>
        <translation>پاک کردن جست‌وجو و بازگشت به مقاله</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review: accept annotator N&apos;s values</source>
        <translation>بازبینی: پذیرفتن مقدارهای کدگذار N</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review: next article with something to decide</source>
        <translation>بازبینی: مقالهٔ بعدی که چیزی برای داوری دارد</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About annotator</source>
        <translation>دربارهٔ annotator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hand-annotation of Persian and Arabic news articles.</source>
        <translation>کدگذاری دستی مقاله‌های خبری فارسی و عربی.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="-41"/>
        <source>Annotator: %1</source>
        <translation>کدگذار: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/language_menu.py" line="+24"/>
        <source>&amp;Language</source>
        <translation>&amp;زبان</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window will speak %1 from the next time annotator starts.</source>
        <translation>پنجره از اجرای بعدی annotator به زبان %1 خواهد بود.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_options.py" line="+25"/>
        <source>Import &amp;options</source>
        <translation>گزینه‌های &amp;درون‌ریزی</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep near-duplicates (they are reported either way)</source>
        <translation>نگه‌داشتن مقاله‌های تقریباً تکراری (در هر دو حال گزارش می‌شوند)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Dates like 12/06/2024: refuse, they read both ways</source>
        <translation>تاریخ‌هایی مانند 12/06/2024: نپذیرفتن، چون به هر دو گونه خوانده می‌شوند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates like 12/06/2024: day first</source>
        <translation>تاریخ‌هایی مانند 12/06/2024: نخست روز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates like 12/06/2024: month first</source>
        <translation>تاریخ‌هایی مانند 12/06/2024: نخست ماه</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hijri years: lunar in Arabic articles, solar in others</source>
        <translation>سال‌های هجری: قمری در مقاله‌های عربی، شمسی در دیگر مقاله‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hijri years: Solar Hijri</source>
        <translation>سال‌های هجری: هجری شمسی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hijri years: lunar Hijri</source>
        <translation>سال‌های هجری: هجری قمری</translation>
    </message>
</context>
<context>
    <name>MergeSummary</name>
    <message>
        <location filename="../../annotator/gui/merge_summary.py" line="+29"/>
        <source>Merged %1</source>
        <translation>ادغام شد: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Articles: %1 added, %2 already here.</source>
        <translation>مقاله‌ها: %1 افزوده شد، %2 از پیش اینجا بود.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags: %1 added, %2 updated, %3 removed, %4 kept as they were here (newer here or removed here).</source>
        <translation>برچسب‌ها: %1 افزوده شد، %2 به‌روز شد، %3 حذف شد، %4 همان‌طور که اینجا بود ماند (اینجا تازه‌تر بود یا اینجا حذف شده بود).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Statuses: %1 changed; adjudications: %2; comments: %3; participants: %4 added; history: %5 entries.</source>
        <translation>وضعیت‌ها: %1 تغییر کرد؛ داوری‌ها: %2؛ نظرها: %3؛ مشارکت‌کنندگان: %4 افزوده شد؛ تاریخچه: %5 مورد.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Annotators in the file: %1</source>
        <translation>کدگذاران در این فایل: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decisions to look at again (their annotators&apos; values changed since): %1</source>
        <translation>داوری‌هایی که باید دوباره دید (مقدارهای کدگذاران از آن پس تغییر کرده است): %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not merged: %1</source>
        <translation>ادغام نشد: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Brought in although our codebook does not know them:</source>
        <translation>وارد شد، هرچند دفترچهٔ کدگذاری ما آن‌ها را نمی‌شناسد:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Role %1 of field %2 (%3 tags)</source>
        <translation>نقش %1 در فیلد %2 (%3 برچسب)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Field %1 (%2 tags)</source>
        <translation>فیلد %1 (%2 برچسب)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Value %1 of field %2 (%3 tags)</source>
        <translation>مقدار %1 در فیلد %2 (%3 برچسب)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>… and %1 more</source>
        <translation>… و %1 مورد دیگر</translation>
    </message>
</context>
<context>
    <name>MultipleFieldBox</name>
    <message>
        <location filename="../../annotator/gui/multiple_box.py" line="+69"/>
        <source>The participant who voiced this demand</source>
        <translation>مشارکت‌کننده‌ای که این مطالبه را مطرح کرد</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>None reported</source>
        <translation>هیچ‌کدام گزارش نشده</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coded: the article reports none of these</source>
        <translation>کدگذاری‌شده: مقاله هیچ‌یک از این‌ها را گزارش نمی‌کند</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>participant: —</source>
        <translation>مشارکت‌کننده: —</translation>
    </message>
</context>
<context>
    <name>NoteBox</name>
    <message>
        <location filename="../../annotator/gui/note_box.py" line="+40"/>
        <source>Reasons, doubts, other demands… (any language)</source>
        <translation>دلایل، تردیدها، مطالبه‌های دیگر… (به هر زبانی)</translation>
    </message>
</context>
<context>
    <name>ParticipantRow</name>
    <message>
        <location filename="../../annotator/gui/participant_box.py" line="+63"/>
        <source>Correct in the registry…</source>
        <translation>اصلاح در فهرست مشارکت‌کنندگان…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>role…</source>
        <translation>نقش…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Role of %1</source>
        <translation>نقش %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove %1</source>
        <translation>حذف %1</translation>
    </message>
</context>
<context>
    <name>ParticipantsBox</name>
    <message>
        <location line="+32"/>
        <source>No participants yet.</source>
        <translation>هنوز مشارکت‌کننده‌ای افزوده نشده است.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+129"/>
        <source>Suggested from the text (Alt+P):</source>
        <translation>پیشنهادهای برگرفته از متن (Alt+P):</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Add a participant: type any name…</source>
        <translation>افزودن مشارکت‌کننده: هر نامی را تایپ کنید…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 (merged into %2)</source>
        <translation>%1 (ادغام‌شده در %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (retired)</source>
        <translation>%1 (بازنشسته)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Named %1 times in the text. Click or press Enter to add.</source>
        <translation>%1 بار در متن آمده است. برای افزودن، کلیک کنید یا Enter را بزنید.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No other participants named in the text.</source>
        <translation>از مشارکت‌کنندهٔ دیگری در متن نام برده نشده است.</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>No participant in the registry matches “%1”.</source>
        <translation>هیچ مشارکت‌کننده‌ای در فهرست مرجع با «%1» مطابقت ندارد.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../annotator/gui/review_queue.py" line="+110"/>
        <source>Disagree on: %1</source>
        <translation>اختلاف در: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Roles differ on: %1</source>
        <translation>اختلاف در نقش‌ها: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evidence differs on: %1</source>
        <translation>اختلاف در شاهد: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Adjudicated: %1</source>
        <translation>داوری‌شده: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed since the decision, to decide again: %1</source>
        <translation>تغییر پس از داوری، برای داوری دوباره: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Article</source>
        <translation>مقاله</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Annotators</source>
        <translation>کدگذاران</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Number of fields the annotators disagree on</source>
        <translation>تعداد فیلدهایی که کدگذاران در آن‌ها اختلاف دارند</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adjudicated: ✓ all disagreements, 1/2 some; ! a decision to look at again</source>
        <translation>داوری‌شده: ✓ همهٔ اختلاف‌ها، 1/2 برخی؛ ! داوری‌ای که باید دوباره دید</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location line="+44"/>
        <source>All fields</source>
        <translation>همهٔ فیلدها</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Count only disagreements on this field</source>
        <translation>فقط اختلاف‌های این فیلد شمرده شود</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare only these two annotators</source>
        <translation>فقط این دو کدگذار مقایسه شوند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet adjudicated</source>
        <translation>هنوز داوری‌نشده</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hide articles whose disagreements are all adjudicated (decisions to look at again stay)</source>
        <translation>پنهان کردن مقاله‌هایی که همهٔ اختلاف‌هایشان داوری شده است (داوری‌هایی که باید دوباره دید می‌مانند)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Field:</source>
        <translation>فیلد:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annotators:</source>
        <translation>کدگذاران:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>All annotators</source>
        <translation>همهٔ کدگذاران</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n article(s) in the queue</source>
        <translation>
            <numerusform>%n مقاله در صف</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../annotator/gui/reader.py" line="+210"/>
        <source>Use selection as evidence</source>
        <translation>استفاده از متن انتخاب‌شده به‌عنوان شاهد</translation>
    </message>
    <message numerus="yes">
        <location line="+270"/>
        <source>%n invisible bidi control(s) in this text, shown as %1</source>
        <translation>
            <numerusform>نویسه‌های کنترلی دوسویهٔ نامرئی در این متن: %n (نمایش با %1)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Persian</source>
        <translation>فارسی</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Arabic</source>
        <translation>عربی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other language</source>
        <translation>زبان دیگر</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>invisible bidi control %1</source>
        <translation>نویسهٔ کنترلی دوسویهٔ نامرئی %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>participant: %1</source>
        <translation>مشارکت‌کننده: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>evidence</source>
        <translation>شاهد</translation>
    </message>
</context>
<context>
    <name>RegistryDialog</name>
    <message>
        <location filename="../../annotator/gui/registry_dialog.py" line="+52"/>
        <source>Participants registry</source>
        <translation>فهرست مشارکت‌کنندگان</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter: any name or id…</source>
        <translation>صافی: هر نام یا شناسه…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>One spelling a line</source>
        <translation>هر نگارش در یک سطر</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name in &amp;English:</source>
        <translation>نام به ان&amp;گلیسی:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name in &amp;Persian:</source>
        <translation>نام به &amp;فارسی:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name in &amp;Arabic:</source>
        <translation>نام به &amp;عربی:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A&amp;liases:</source>
        <translation>&amp;نام‌های دیگر:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save corrections</source>
        <translation>&amp;ذخیرهٔ اصلاح‌ها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Merge into…</source>
        <translation>ادغام &amp;در…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One person under two ids: the tags naming this entry will name the other, and its names become the other&apos;s aliases. The project is backed up first.</source>
        <translation>یک نفر با دو شناسه: برچسب‌هایی که این مدخل را نام می‌برند دیگری را نام خواهند برد و نام‌هایش نام‌های دیگرِ آن می‌شوند. نخست از پروژه پشتیبان گرفته می‌شود.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+96"/>
        <source>&amp;Retire</source>
        <translation>&amp;بازنشسته کردن</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Keep the entry on the tags made before, but suggest and offer it for no new ones</source>
        <translation>مدخل روی برچسب‌های پیشین بماند، اما برای برچسب تازه پیشنهاد یا عرضه نشود</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;History:</source>
        <translation>&amp;تاریخچه:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 — merged into %2</source>
        <translation>%1 — ادغام‌شده در %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — retired</source>
        <translation>%1 — بازنشسته</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Re&amp;store</source>
        <translation>&amp;بازگرداندن</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>added</source>
        <translation>افزوده شد</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>corrected</source>
        <translation>اصلاح شد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retired</source>
        <translation>بازنشسته شد</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>restored</source>
        <translation>بازگردانده شد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 merged into %2 (%3 tags)</source>
        <translation>%1 در %2 ادغام شد (%3 برچسب)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Corrected: %1</source>
        <translation>اصلاح شد: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A name two entries share</source>
        <translation>نامی که دو مدخل دارند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1

The same name would be suggested under two ids. Keep it anyway?</source>
        <translation>%1

یک نام با دو شناسه پیشنهاد خواهد شد. با این حال نگه داشته شود؟</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Merge into…</source>
        <translation>ادغام در…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The entry %1 is the same person as:</source>
        <translation>مدخل %1 همان کسی است که:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 merged into %2: %3 tags now name %2.</source>
        <translation>%1 در %2 ادغام شد: %3 برچسب اکنون %2 را نام می‌برند.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is in use again.</source>
        <translation>%1 دوباره در کار است.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 retired: kept on its tags, offered for no new ones.</source>
        <translation>%1 بازنشسته شد: روی برچسب‌هایش می‌ماند و برای برچسب تازه عرضه نمی‌شود.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../annotator/gui/restore_dialog.py" line="+57"/>
        <source>Restore a backup</source>
        <translation>بازگردانی نسخهٔ پشتیبان</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the state to go back to. The current state is backed up first, so a restore can itself be undone from this list.</source>
        <translation>وضعیتی را که می‌خواهید به آن برگردید انتخاب کنید. پیش از آن از وضعیت کنونی نسخهٔ پشتیبان گرفته می‌شود، پس خود بازگردانی را هم می‌توان از همین فهرست واگرد کرد.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Articles</source>
        <translation>مقاله‌ها</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (dated in the future: the clock was ahead)</source>
        <translation>%1 (تاریخ آن در آینده است: ساعت جلو بود)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unreadable</source>
        <translation>ناخوانا</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not a backup: %1</source>
        <translation>نسخهٔ پشتیبان نیست: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There are no backups of this project yet.</source>
        <translation>هنوز نسخهٔ پشتیبانی از این پروژه وجود ندارد.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Restore…</source>
        <translation>&amp;بازگردانی…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>project opened</source>
        <translation>باز شدن پروژه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>made by hand</source>
        <translation>دستی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a restore</source>
        <translation>پیش از بازگردانی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before an update of the file</source>
        <translation>پیش از به‌روزرسانی پرونده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a merge</source>
        <translation>پیش از ادغام</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a merge of two participants</source>
        <translation>پیش از ادغام دو مشارکت‌کننده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a codebook change</source>
        <translation>پیش از تغییر دفترچهٔ کد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a tag import</source>
        <translation>پیش از درون‌ریزی برچسب‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before undoing a tag import</source>
        <translation>پیش از برگرداندن درون‌ریزی برچسب‌ها</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a link, not a backup file</source>
        <translation>یک پیوند، نه فایل پشتیبان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a folder, not a backup file</source>
        <translation>یک پوشه، نه فایل پشتیبان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a regular file</source>
        <translation>فایل معمولی نیست</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an empty file</source>
        <translation>فایل خالی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the time in its name is not a real date and time</source>
        <translation>زمانِ درج‌شده در نامش تاریخ و ساعت معتبری نیست</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not an SQLite file</source>
        <translation>فایل SQLite نیست</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an SQLite file in write-ahead-log mode, not a backup made here</source>
        <translation>فایل SQLite در حالت WAL؛ پشتیبانی که اینجا ساخته شده نیست</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an SQLite file but not an annotator project</source>
        <translation>فایل SQLite است اما پروژهٔ annotator نیست</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it cannot be read</source>
        <translation>خوانده نمی‌شود</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> (%1 articles, %2 tags)</source>
        <translation> (%1 مقاله، %2 برچسب)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore this backup?</source>
        <translation>این نسخهٔ پشتیبان بازگردانده شود؟</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Replace the project&apos;s content with the backup of %1%2?

The current state is backed up first.</source>
        <translation>محتوای پروژه با نسخهٔ پشتیبان %1%2 جایگزین شود؟

پیش از آن از وضعیت کنونی نسخهٔ پشتیبان گرفته می‌شود.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not restored</source>
        <translation>بازگردانده نشد</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../annotator/gui/review_view.py" line="+228"/>
        <source>This is the last article in the queue.</source>
        <translation>این آخرین مقالهٔ صف است.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the first article in the queue.</source>
        <translation>این اولین مقالهٔ صف است.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No other article in the queue has a disagreement to decide.</source>
        <translation>هیچ مقالهٔ دیگری در صف اختلافی برای داوری ندارد.</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>%1 of %2 disagreeing field(s) adjudicated</source>
        <translation>%1 از %2 فیلد مورد اختلاف داوری شده است</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The annotators agree on every field.</source>
        <translation>کدگذاران در همهٔ فیلدها توافق دارند.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n decision(s) to look at again: the annotators&apos; values changed since.</source>
        <translation>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annotators: %1. %2</source>
        <translation>کدگذاران: %1. %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No article to review: articles coded by two or more annotators appear here (merge colleagues&apos; files first).</source>
        <translation>مقاله‌ای برای بازبینی نیست: مقاله‌هایی که دو کدگذار یا بیشتر کدگذاری کرده‌اند اینجا نمایش داده می‌شوند (ابتدا پرونده‌های همکاران را ادغام کنید).</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>Accepted %1&apos;s values for %n field(s).</source>
        <translation>
            <numerusform>مقدارهای %1 برای %n فیلد پذیرفته شد.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n field(s) not coded by %1 left as they were.</source>
        <translation>
            <numerusform>%n فیلد که %1 کدگذاری نکرده بود، دست‌نخورده ماند.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SampleDialog</name>
    <message>
        <location filename="../../annotator/gui/sample_dialog.py" line="+72"/>
        <source>Samples and assignments</source>
        <translation>نمونه‌ها و تقسیم کار</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sample</source>
        <translation>نمونه</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Articles</source>
        <translation>مقاله‌ها</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed</source>
        <translation>بذر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stratified by</source>
        <translation>لایه‌بندی بر پایهٔ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search</source>
        <translation>جست‌وجو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotators</source>
        <translation>کدگذاران</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overlap</source>
        <translation>هم‌پوشانی</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Draw a new sample</source>
        <translation>کشیدن نمونهٔ تازه</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. pilot</source>
        <translation>مثلاً آزمایشی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;نام:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Size:</source>
        <translation>ا&amp;ندازه:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same seed draws the same articles again, here or with annotator sample --seed.</source>
        <translation>همان بذر همان مقاله‌ها را دوباره می‌کشد، اینجا یا در خط فرمان.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ne&amp;w seed</source>
        <translation>&amp;بذر تازه</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;eed:</source>
        <translation>ب&amp;ذر:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not stratified</source>
        <translation>بدون لایه‌بندی</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+80"/>
        <source>outlet</source>
        <translation>رسانه</translation>
    </message>
    <message>
        <location line="-80"/>
        <location line="+80"/>
        <source>month</source>
        <translation>ماه</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+80"/>
        <source>language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Each outlet, month or language gets its share of the sample in proportion to its articles.</source>
        <translation>هر رسانه، ماه یا زبان به نسبت مقاله‌هایش سهمی از نمونه می‌گیرد.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stratified &amp;by:</source>
        <translation>&amp;لایه‌بندی بر پایهٔ:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only articles the search “%1” finds</source>
        <translation>فقط مقاله‌هایی که جست‌وجوی «%1» می‌یابد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only articles a search finds (search the list first)</source>
        <translation>فقط مقاله‌هایی که یک جست‌وجو می‌یابد (نخست فهرست را جست‌وجو کنید)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Draw</source>
        <translation>&amp;کشیدن</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Assign the chosen sample</source>
        <translation>تقسیم نمونهٔ برگزیده</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sara, Reza, Mina</source>
        <translation>سارا، رضا، مینا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Annotators:</source>
        <translation>&amp;کدگذاران:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The share of the sample every annotator codes, for agreement; the rest is split evenly.</source>
        <translation>سهمی از نمونه که هر کدگذار کد می‌کند، برای سنجش توافق؛ باقی به تساوی تقسیم می‌شود.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Overlap:</source>
        <translation>&amp;هم‌پوشانی:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assi&amp;gn</source>
        <translation>&amp;تقسیم</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show in the &amp;list</source>
        <translation>نمایش در &amp;فهرست</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Samples are drawn and assigned by the team&apos;s lead, %1; you can show them in the list.</source>
        <translation>نمونه‌ها را سرپرست تیم، %1، می‌کشد و تقسیم می‌کند؛ شما می‌توانید آن‌ها را در فهرست نشان دهید.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Give the sample a name and a seed.</source>
        <translation>برای نمونه نام و بذر بدهید.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sample “%1”: %2 articles drawn with seed %3.</source>
        <translation>نمونهٔ «%1»: %2 مقاله با بذر %3 کشیده شد.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Name the annotators, separated by commas.</source>
        <translation>نام کدگذاران را با ویرگول جدا کنید.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2 articles</source>
        <translation>%1: %2 مقاله</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample “%1” assigned: %2 articles for everyone; %3.</source>
        <translation>نمونهٔ «%1» تقسیم شد: %2 مقاله برای همه؛ %3.</translation>
    </message>
</context>
<context>
    <name>ScoreDialog</name>
    <message>
        <location filename="../../annotator/gui/score_dialog.py" line="+53"/>
        <source>Training and score</source>
        <translation>آموزش و نمره</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Article</source>
        <translation>مقاله</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>سطح سنجش</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alpha</source>
        <translation>آلفا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coded</source>
        <translation>کدگذاری‌شده</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start &amp;training</source>
        <translation>آغاز &amp;آموزش</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Training set: %1 articles. Double-click one to code it; the score against the adjudicated values is below.</source>
        <translation>مجموعهٔ آموزشی: %1 مقاله. برای کدگذاری روی هر کدام دوبار کلیک کنید؛ نمره در برابر مقدارهای داوری‌شده در پایین است.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>not judged: no adjudicated value</source>
        <translation>سنجیده نشد: مقدار داوری‌شده‌ای نیست</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>passed</source>
        <translation>قبول</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not passed</source>
        <translation>مردود</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2</source>
        <translation>%1 از %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Certified: every field reaches %1.</source>
        <translation>تأیید شد: همهٔ فیلدها به %1 می‌رسند.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not certified yet: every field must reach %1.</source>
        <translation>هنوز تأیید نشده: همهٔ فیلدها باید به %1 برسند.</translation>
    </message>
</context>
<context>
    <name>SingleFieldBox</name>
    <message>
        <location filename="../../annotator/gui/single_box.py" line="+49"/>
        <source>Clear</source>
        <translation>پاک کردن</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No value: back to not coded</source>
        <translation>بدون مقدار: بازگشت به کدگذاری‌نشده</translation>
    </message>
</context>
<context>
    <name>TagForm</name>
    <message>
        <location filename="../../annotator/gui/tag_form.py" line="+109"/>
        <source>Remove evidence</source>
        <translation>حذف شاهد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the evidence of this tag</source>
        <translation>حذف شاهد این برچسب</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Skip</source>
        <translation>رد کردن</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave this article uncoded and go to the next</source>
        <translation>این مقاله را کدگذاری‌نشده رها کنید و به مقالهٔ بعدی بروید</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done and next</source>
        <translation>تمام و بعدی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark this article done and go to the next</source>
        <translation>این مقاله را انجام‌شده علامت بزنید و به مقالهٔ بعدی بروید</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Choose a stance, demand or participant first</source>
        <translation>ابتدا یک موضع، مطالبه یا مشارکت‌کننده انتخاب کنید</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The selection does not match the article text; select the passage again.</source>
        <translation>متن انتخاب‌شده با متن مقاله مطابقت ندارد؛ آن بخش را دوباره انتخاب کنید.</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>not started</source>
        <translation>شروع‌نشده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>در حال انجام</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>انجام‌شده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>رد‌شده</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status: %1</source>
        <translation>وضعیت: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Evidence: choose a value, then select its passage in the article.</source>
        <translation>شاهد: یک مقدار انتخاب کنید، سپس بخش مربوط به آن را در مقاله انتخاب کنید.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Evidence for: %1 — %2</source>
        <translation>شاهد برای: %1 — %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence for: %1 (no passage yet)</source>
        <translation>شاهد برای: %1 (هنوز بخشی انتخاب نشده)</translation>
    </message>
</context>
<context>
    <name>TrainingResultDialog</name>
    <message>
        <location filename="../../annotator/gui/training_result.py" line="+47"/>
        <source>Training finished</source>
        <translation>آموزش به پایان رسید</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source>Field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Level</source>
        <translation>سطح سنجش</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alpha</source>
        <translation>آلفا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum</source>
        <translation>حداقل</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coded</source>
        <translation>کدگذاری‌شده</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your values for each adjudicated value:</source>
        <translation>مقدارهای شما برای هر مقدار داوری‌شده:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adjudicated value</source>
        <translation>مقدار داوری‌شده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your values</source>
        <translation>مقدارهای شما</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Your score against the adjudicated values on %1 training articles. Each field must reach alpha %2, the codebook&apos;s certification threshold.</source>
        <translation>نمرهٔ شما در برابر مقدارهای داوری‌شده در %1 مقالهٔ آموزشی. هر فیلد باید به آلفای %2 برسد، آستانهٔ تأیید در کتابچهٔ کدگذاری.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your score against the adjudicated values on %1 training articles. Each field must reach alpha %2 (the codebook sets no threshold: Krippendorff&apos;s customary minimum).</source>
        <translation>نمرهٔ شما در برابر مقدارهای داوری‌شده در %1 مقالهٔ آموزشی. هر فیلد باید به آلفای %2 برسد (کتابچهٔ کدگذاری آستانه‌ای تعیین نکرده است: حداقل مرسوم کریپندورف).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not judged: no adjudicated value</source>
        <translation>داوری نشده: مقدار داوری‌شده‌ای نیست</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>passed</source>
        <translation>قبول</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not passed</source>
        <translation>مردود</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2</source>
        <translation>%1 از %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Certified: every field reaches the minimum.</source>
        <translation>تأیید شد: همهٔ فیلدها به حداقل می‌رسند.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not certified yet: a field is below the minimum or its alpha is undefined. Go over the articles again, or ask the lead.</source>
        <translation>هنوز تأیید نشده: آلفای یک فیلد کمتر از حداقل یا تعریف‌نشده است. مقاله‌ها را دوباره مرور کنید یا از سرپرست بپرسید.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>both %1, only adjudicated %2, only yours %3</source>
        <translation>هر دو %1، فقط داوری‌شده %2، فقط شما %3</translation>
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
        <translation>هنوز مجموعهٔ آموزشی‌ای نیست. سرپرست آن را در خط فرمان مشخص می‌کند و مقاله‌هایش را در بازبینی داوری می‌کند.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The training set has no adjudicated values yet, so there is nothing to score against: the lead decides its articles in review first.</source>
        <translation>مجموعهٔ آموزشی هنوز مقدار داوری‌شده‌ای ندارد و نمره‌ای نمی‌توان داد: نخست سرپرست مقاله‌هایش را در بازبینی داوری می‌کند.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training</source>
        <translation>آموزش</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Training left with %1 of %2 articles done; Go &gt; Start training goes on from there.</source>
        <translation>آموزش با %1 از %2 مقالهٔ انجام‌شده رها شد؛ «برو &gt; آغاز آموزش» از همان‌جا ادامه می‌دهد.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Training: article %1 of %2, %3 done</source>
        <translation>آموزش: مقالهٔ %1 از %2 (%3 انجام‌شده)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training: %2 articles, %3 done</source>
        <translation>آموزش: %2 مقاله، %3 انجام‌شده</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>End &amp;training</source>
        <translation>پایان &amp;آموزش</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../annotator/gui/window_menus.py" line="-28"/>
        <source>Start &amp;training</source>
        <translation>آغاز &amp;آموزش</translation>
    </message>
</context>
<context>
    <name>_MatrixView</name>
    <message>
        <location filename="../../annotator/gui/agreement_dialog.py" line="+70"/>
        <source>Codebook revision %1</source>
        <translation>ویرایش %1 دفترچهٔ کد</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No article was coded by two or more annotators in this field.</source>
        <translation>هیچ مقاله‌ای در این فیلد را دو کدگذار یا بیشتر کدگذاری نکرده‌اند.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Where the annotators disagree most: %1</source>
        <translation>بیشترین عدم توافق کدگذاران: %1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../annotator/gui/opening.py" line="+46"/>
        <source>Who is annotating?</source>
        <translation>چه کسی کدگذاری می‌کند؟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name as it should appear on your tags (colleagues see it when tags are merged):</source>
        <translation>نام شما، آن‌گونه که باید روی برچسب‌هایتان بیاید (همکاران هنگام ادغام برچسب‌ها آن را می‌بینند):</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This name cannot be used: %1</source>
        <translation>این نام را نمی‌توان به کار برد: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>New project</source>
        <translation>پروژهٔ تازه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 does not exist. Create a new project there?</source>
        <translation>%1 وجود ندارد. پروژهٔ تازه‌ای آنجا ساخته شود؟</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 was made by an older version of annotator. It is backed up, then brought up to date; a large project takes a few minutes.</source>
        <translation>%1 با نسخهٔ قدیمی‌تری از annotator ساخته شده است. نخست از آن پشتیبان گرفته می‌شود، سپس به‌روز می‌شود؛ پروژه‌ای بزرگ چند دقیقه طول می‌کشد.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Read-only: this project&apos;s file or folder cannot be written here, so changes are off.</source>
        <translation>فقط‌خواندنی: پرونده یا پوشهٔ این پروژه اینجا نوشتنی نیست، پس تغییرات خاموش است.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This project is on a network file system (%1 at %2).</source>
        <translation>این پروژه روی یک سامانهٔ پرونده‌ای شبکه است (%1 در %2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This project is in a folder synced by %1 (%2).</source>
        <translation>این پروژه در پوشه‌ای است که %1 همگام‌سازی می‌کند (%2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Several windows or commands may write at once only on a local disk; exchange copies (merge) through a shared folder instead.</source>
        <translation>چند پنجره یا فرمان تنها روی دیسک محلی می‌توانند هم‌زمان بنویسند؛ به جای آن، رونوشت‌ها را از راه پوشهٔ مشترک مبادله و ادغام کنید.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Project on a shared folder</source>
        <translation>پروژه در پوشهٔ مشترک</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/app.py" line="+118"/>
        <source>The last project could not be opened; the default project opens instead.</source>
        <translation>آخرین پروژه باز نشد؛ به‌جای آن پروژهٔ پیش‌فرض باز می‌شود.</translation>
    </message>
</context>
<context>
    <name>review_parts</name>
    <message>
        <location filename="../../annotator/gui/review_parts.py" line="-52"/>
        <source>none</source>
        <translation>هیچ‌کدام</translation>
    </message>
</context>
<context>
    <name>tooltip</name>
    <message>
        <location filename="../../annotator/gui/texts.py" line="+113"/>
        <source>(invented)</source>
        <translation>(ساختگی)</translation>
    </message>
</context>
</TS>
