<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../annotator/gui/form_parts.py" line="+127"/>
        <source>Evidence: %1 (click to show it in the article)</source>
        <translation>شاهد: %1 (برای نمایش آن در مقاله کلیک کنید)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Make this the evidence target: select text in the article and attach it as evidence</source>
        <translation>این مورد را هدف شاهد کنید: متنی را در مقاله انتخاب کنید و آن را به‌عنوان شاهد پیوست کنید</translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <location filename="../../annotator/gui/article_list.py" line="+43"/>
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
        <location line="+99"/>
        <source>Search (any spelling)…</source>
        <translation>جست‌وجو (با هر املایی)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All</source>
        <translation>همه</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>%1 of %2 done</source>
        <translation>%1 از %2 انجام‌شده</translation>
    </message>
</context>
<context>
    <name>ArticleModel</name>
    <message>
        <location line="-99"/>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="+101"/>
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New project…</source>
        <translation>پروژهٔ &amp;جدید…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open project…</source>
        <translation>&amp;باز کردن پروژه…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;recent</source>
        <translation>پروژه‌های &amp;اخیر</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+1"/>
        <location line="+130"/>
        <source>&amp;Undo</source>
        <translation>&amp;واگرد</translation>
    </message>
    <message>
        <location line="-127"/>
        <location line="+128"/>
        <source>&amp;Redo</source>
        <translation>&amp;ازنو</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>&amp;Find articles</source>
        <translation>&amp;جست‌وجوی مقاله‌ها</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Go</source>
        <translation>&amp;برو</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;بزرگ‌نمایی</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;کوچک‌نمایی</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+40"/>
        <source>This is the last article.</source>
        <translation>این آخرین مقاله است.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is the first article.</source>
        <translation>این اولین مقاله است.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>That was the last article.</source>
        <translation>آن آخرین مقاله بود.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved</source>
        <translation>ذخیره شد</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New project</source>
        <translation>پروژهٔ جدید</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project files (*.sqlite)</source>
        <translation>پرونده‌های پروژه (*.sqlite)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open project</source>
        <translation>باز کردن پروژه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project files (*.sqlite *.db);;All files (*)</source>
        <translation>پرونده‌های پروژه (*.sqlite *.db);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot open the project</source>
        <translation>باز کردن پروژه ممکن نیست</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Import articles</source>
        <translation>درون‌ریزی مقاله‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Articles (*.txt *.html *.htm *.jsonl *.csv)</source>
        <translation>مقاله‌ها (*.txt *.html *.htm *.jsonl *.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import a folder of articles</source>
        <translation>درون‌ریزی پوشه‌ای از مقاله‌ها</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Importing articles…</source>
        <translation>در حال درون‌ریزی مقاله‌ها…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Importing %1…</source>
        <translation>در حال درون‌ریزی %1…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import failed</source>
        <translation>درون‌ریزی ناموفق بود</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 articles added, %2 already present.</source>
        <translation>%1 مقاله افزوده شد، %2 مقاله از پیش موجود بود.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import cancelled; articles stored before that are kept.</source>
        <translation>درون‌ریزی لغو شد؛ مقاله‌هایی که پیش از آن ذخیره شده بودند حفظ می‌شوند.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import finished with problems</source>
        <translation>درون‌ریزی با مشکلاتی به پایان رسید</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 problems:</source>
        <translation>%1 مشکل:</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+1"/>
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
        <location line="+4"/>
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About annotator</source>
        <translation>دربارهٔ annotator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hand-annotation of Persian and Arabic news articles.</source>
        <translation>کدگذاری دستی مقاله‌های خبری فارسی و عربی.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Annotator: %1</source>
        <translation>کدگذار: %1</translation>
    </message>
</context>
<context>
    <name>MultipleFieldBox</name>
    <message>
        <location filename="../../annotator/gui/field_boxes.py" line="+154"/>
        <source>(no longer used)</source>
        <translation>(دیگر به کار نمی‌رود)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Who voiced this demand</source>
        <translation>چه کسی این مطالبه را مطرح کرد</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None reported</source>
        <translation>هیچ‌کدام گزارش نشده</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coded: the article reports none of these</source>
        <translation>کدگذاری‌شده: مقاله هیچ‌یک از این‌ها را گزارش نمی‌کند</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>voiced by: —</source>
        <translation>از زبان: —</translation>
    </message>
</context>
<context>
    <name>NoteBox</name>
    <message>
        <location line="+38"/>
        <source>Reasons, doubts, other demands… (any language)</source>
        <translation>دلایل، تردیدها، مطالبه‌های دیگر… (به هر زبانی)</translation>
    </message>
</context>
<context>
    <name>ParticipantRow</name>
    <message>
        <location filename="../../annotator/gui/participant_box.py" line="+130"/>
        <source>role…</source>
        <translation>نقش…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Role of %1</source>
        <translation>نقش %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove %1</source>
        <translation>حذف %1</translation>
    </message>
</context>
<context>
    <name>ParticipantsBox</name>
    <message>
        <location line="+31"/>
        <source>No participants yet.</source>
        <translation>هنوز مشارکت‌کننده‌ای افزوده نشده است.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+105"/>
        <source>Suggested from the text (Alt+P):</source>
        <translation>پیشنهادهای برگرفته از متن (Alt+P):</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Add a participant: type any name…</source>
        <translation>افزودن مشارکت‌کننده: هر نامی را تایپ کنید…</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Named %1 times in the text. Click or press Enter to add.</source>
        <translation>%1 بار در متن آمده است. برای افزودن، کلیک کنید یا Enter را بزنید.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No other participants named in the text.</source>
        <translation>از مشارکت‌کنندهٔ دیگری در متن نام برده نشده است.</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>No participant in the registry matches “%1”.</source>
        <translation>هیچ مشارکت‌کننده‌ای در فهرست مرجع با «%1» مطابقت ندارد.</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../annotator/gui/reader.py" line="+222"/>
        <source>Use selection as evidence</source>
        <translation>استفاده از متن انتخاب‌شده به‌عنوان شاهد</translation>
    </message>
    <message numerus="yes">
        <location line="+258"/>
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
        <location line="+102"/>
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
    <name>SingleFieldBox</name>
    <message>
        <location filename="../../annotator/gui/field_boxes.py" line="-237"/>
        <source>(no longer used)</source>
        <translation>(دیگر به کار نمی‌رود)</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location filename="../../annotator/gui/tag_form.py" line="+103"/>
        <source>Remove quote</source>
        <translation>حذف نقل‌قول</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the evidence of this tag</source>
        <translation>حذف شاهد این برچسب</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <location line="+126"/>
        <source>Choose a stance, demand or participant first</source>
        <translation>ابتدا یک موضع، مطالبه یا مشارکت‌کننده انتخاب کنید</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The selection does not match the article text; select the passage again.</source>
        <translation>متن انتخاب‌شده با متن مقاله مطابقت ندارد؛ آن بخش را دوباره انتخاب کنید.</translation>
    </message>
    <message>
        <location line="+72"/>
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
        <location line="+3"/>
        <source>Status: %1</source>
        <translation>وضعیت: %1</translation>
    </message>
    <message>
        <location line="+24"/>
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
    <name>app</name>
    <message>
        <location filename="../../annotator/gui/app.py" line="+34"/>
        <source>Who is annotating?</source>
        <translation>چه کسی کدگذاری می‌کند؟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name as it should appear on your tags (colleagues see it when tags are merged):</source>
        <translation>نام شما، آن‌گونه که باید روی برچسب‌هایتان بیاید (همکاران هنگام ادغام برچسب‌ها آن را می‌بینند):</translation>
    </message>
</context>
</TS>
