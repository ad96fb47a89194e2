/** Small article pages the reader suites serve with addRoute: right-to-left, and rich content. */

export const RTL_PATH = '/rtl-article.html';
export const RTL_TITLE = 'مدينة الكتب: مكتبة جديدة تفتح أبوابها في قلب المدينة القديمة';

const RTL_PARAGRAPHS = [
  'افتتحت البلدية يوم السبت مكتبة عامة جديدة في قلب المدينة القديمة، بعد أعوام من الترميم الدقيق لمبنى يعود إلى القرن التاسع عشر. وتضم المكتبة أكثر من مئة ألف كتاب، إلى جانب قاعات للقراءة وورش للأطفال.',
  'وقال مدير المشروع إن الهدف هو إعادة الحياة إلى الحي القديم، وجعل القراءة جزءا من يوم السكان لا مناسبة عابرة. وأضاف أن المبنى حافظ على نوافذه الخشبية وسقوفه المزخرفة، فيما أضيفت إليه إضاءة حديثة تحترم طابعه.',
  'وشهد الافتتاح حضورا واسعا من العائلات والطلاب، الذين تجولوا بين الرفوف واستمعوا إلى قراءات شعرية في الفناء. وقالت إحدى الزائرات إنها لم تتوقع أن ترى هذا العدد من الشباب في مكتبة، وإن المكان يشبه بيتا كبيرا للجميع.',
  'وتعتزم البلدية فتح المكتبة حتى منتصف الليل في عطلات نهاية الأسبوع، وتنظيم نادٍ شهري للقراءة يناقش كتابا جديدا كل مرة. كما ستتيح خدمة إعارة رقمية لسكان القرى المجاورة الذين يصعب عليهم الوصول إلى المدينة.',
  'ويرى خبراء في التخطيط العمراني أن المشروع قد يكون نموذجا لمدن أخرى تبحث عن طرق لإحياء أحيائها التاريخية دون أن تفقد روحها، مشيرين إلى أن المكتبات العامة باتت من أكثر الأماكن التي يلتقي فيها الناس على اختلافهم.',
];

export const RTL_ARTICLE_HTML = `<!doctype html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <title>${RTL_TITLE}</title>
  <meta property="og:site_name" content="صحيفة المدينة">
  <meta property="og:type" content="article">
  <meta name="author" content="ليلى حداد">
  <meta property="article:published_time" content="2025-10-25T09:00:00+03:00">
</head>
<body>
  <nav><a href="/">الرئيسية</a> <a href="/culture">ثقافة</a></nav>
  <main>
    <article>
      <h1>${RTL_TITLE}</h1>
      <p class="byline">بقلم ليلى حداد</p>
      ${RTL_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n      ')}
      <h2>مواعيد الزيارة</h2>
      <p>${RTL_PARAGRAPHS[0]}</p>
      <p>${RTL_PARAGRAPHS[2]}</p>
    </article>
  </main>
  <footer>© 2025 صحيفة المدينة</footer>
</body>
</html>`;

/** A story whose lead image sits in a hero block outside the article body (served with the site's lead.svg). */
export const HERO_PATH = '/hero-article.html';
export const HERO_CAPTION = 'The old river bridge, which the budget will repair. (Photo: Example Gazette)';
export const HERO_ALT = 'The old river bridge lit up at night, one lane closed';
const HERO_STORY = [
  'The city council voted on Tuesday to approve a new budget that raises spending on schools and repairs to the old river bridge, after a debate that lasted well into the night.',
  'Supporters said the plan finally addresses a maintenance backlog that has grown for a decade, while critics warned that the higher property tax would fall hardest on retired homeowners.',
  'The bridge repairs are expected to begin next spring and will close one lane of traffic for about eight months, officials said, and the council will review the first quarterly report in October.',
  'Several residents who spoke during the public comment period asked the council to phase in the tax increase, but an amendment to do so failed by a single vote after a long debate.',
  'The mayor, who proposed the budget in March, said the vote showed that residents were willing to pay for services they use every day, from libraries to snow clearing and bus shelters.',
];
export const HERO_ARTICLE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Council approves new budget</title>
<meta property="og:type" content="article"><meta property="og:image" content="/lead.svg">
<meta property="article:published_time" content="2025-03-04T09:00:00Z"></head>
<body><header><nav><a href="/">Home</a></nav></header>
<main><div class="hero"><figure><img src="/lead.svg" alt="${HERO_ALT}"><figcaption>${HERO_CAPTION}</figcaption></figure></div>
<article><h1>Council approves new budget</h1>
${HERO_STORY.map((p) => `<p>${p} ${p}</p>`).join('\n')}
</article></main><footer><p>Example Gazette</p></footer></body></html>`;
