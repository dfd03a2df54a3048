// A saved or fetched page reduced to its story: the article's text without the site's menus,
// the "read also" blocks set between paragraphs, the other news beside it, the comments and the
// cookie banner; its title, outlet and publication day (in the outlet's zone) from the page's
// metadata; pages in windows-1251 and KOI8-R decoded by the charset they declare.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { articleFromHtml, readDocument } from "../../src/ingest/page.ts";
import { readStory } from "../../src/ingest/sentences.ts";
import { PAGES_DIR } from "../support/ingest-corpus.ts";

const page = (name: string) => readDocument(readFileSync(join(PAGES_DIR, name)));

describe("the story in a page", () => {
  it("keeps a TASS story and leaves out its menu, read-also blocks, sidebar, comments and footer", () => {
    const p = page("ru-p01-tass-round-istanbul.html");
    assert.match(p.text, /^Второй раунд консультаций России и США пройдет в Стамбуле в четверг\n/);
    assert.match(p.text, /состоится в Стамбуле в четверг, 10 апреля/);
    assert.match(p.text, /американскую - заместитель помощника госсекретаря Соната Култер/);
    assert.match(p.text, /Первый раунд консультаций прошел в Стамбуле 27 февраля/);
    for (const furniture of ["Международная панорама", "Лавров и Ван И обсудили", "Рубио провел переговоры с Фиданом", "Лукашенко", "Эр-Рияде в понедельник", "cookie", "Свидетельство о регистрации", "Бобылев"]) {
      assert.ok(!p.text.includes(furniture), `"${furniture}" is not the story:\n${p.text}`);
    }
    assert.equal(p.title, "Второй раунд консультаций России и США пройдет в Стамбуле в четверг");
    assert.equal(p.outlet, "ТАСС");
    assert.equal(p.published, "2025-04-07");
  });

  it("reads a windows-1251 RIA page by its meta charset, with its date and outlet from JSON-LD", () => {
    const p = page("ru-p02-ria-call-held.html");
    assert.match(p.text, /Президент России Владимир Путин и президент США Дональд Трамп провели во вторник телефонный разговор/);
    assert.match(p.text, /Путин и Трамп договорились продолжить контакты/);
    for (const furniture of ["Лавров и Рубио обсудят в Эр-Рияде", "Лента новостей", "Зеленский проведет переговоры с Макроном", "Перейти в фотобанк", "Сетевое издание"]) {
      assert.ok(!p.text.includes(furniture), `"${furniture}" is not the story:\n${p.text}`);
    }
    assert.equal(p.published, "2025-03-18");
    assert.equal(p.outlet, "РИА Новости");
  });

  it("reads a KOI8-R page, and the other contacts its read-also block and comments name stay out", () => {
    const p = page("ru-p03-kommersant-lavrov-wang-yi.html");
    assert.match(p.text, /Сергей Лавров провел во вторник в Пекине переговоры с главой МИД КНР Ван И/);
    for (const furniture of ["Ушаков: Путин и Трамп могут встретиться", "Второй раунд консультаций России и США пройдет", "Уиткофф встретится с Путиным", "Лучше бы Лавров встретился с Рубио", "Подпишитесь"]) {
      assert.ok(!p.text.includes(furniture), `"${furniture}" is not the story:\n${p.text}`);
    }
    assert.equal(p.outlet, "Коммерсантъ");
    assert.equal(p.published, "2025-04-01");
  });

  it("drops an inline 'Читайте також: …' paragraph and keeps the paragraphs after it", () => {
    const p = page("uk-p01-ukrinform-witkoff-moscow-next-week.html");
    assert.ok(!p.text.includes("Умєров і Дрісколл"), p.text);
    assert.ok(!p.text.includes("Рубіо та Сибіга зустрілися"), p.text);
    assert.match(p.text, /Раніше президент США Дональд Трамп заявив, що Віткофф, можливо, зустрінеться з Путіним у Москві/);
    assert.equal(p.outlet, "Укрінформ");
  });

  it("leaves out an AP page's promo cards, caption, most-read list and comments", () => {
    const p = page("en-p04-ap-alaska-summit.html");
    assert.match(p.text, /Ushakov said the summit would be held in Anchorage/);
    for (const furniture of ["Zelenskyy to meet European leaders", "Oval Office", "Witkoff meets Putin in Moscow", "Finally! Trump and Putin", "Accept All Cookies", "Russia-Ukraine war"]) {
      assert.ok(!p.text.includes(furniture), `"${furniture}" is not the story:\n${p.text}`);
    }
    assert.equal(p.outlet, "AP News");
  });
});

describe("the publication day, in the outlet's zone", () => {
  it("takes the day of a timestamp with its own offset as it is", () => {
    assert.equal(page("uk-p02-up-trump-putin-call.html").published, "2025-05-19"); // <time datetime="…+03:00">, no other metadata
  });

  it("turns a UTC instant late in the evening into the next day in Moscow and Kyiv", () => {
    assert.equal(page("ru-p04-rbc-dmitriev-witkoff-tomorrow.html").published, "2025-10-25"); // 2025-10-24T21:30:00Z
    assert.equal(page("uk-p04-unian-budapest-cancelled.html").published, "2025-10-23"); // 2025-10-22T21:14:00Z
  });

  it("prefers the day the page prints to a UTC instant that falls on the next day", () => {
    // State Department: article:published_time 2025-10-21T01:10:00+00:00, printed "October 20, 2025".
    assert.equal(page("en-p01-state-rubio-lavrov-call.html").published, "2025-10-20");
    // AP: datePublished 2025-08-09T01:32:00Z, byline "11:15 PM EDT, August 8, 2025".
    assert.equal(page("en-p04-ap-alaska-summit.html").published, "2025-08-08");
  });

  it("survives broken JSON-LD and reads the date from <time>", () => {
    const p = articleFromHtml(`<html lang="en"><head><script type="application/ld+json">{"@type": "NewsArticle",</script></head><body><article><h1>Rubio and Lavrov speak by phone</h1><time datetime="2025-05-17T14:05:00+03:00">May 17</time><p>U.S. Secretary of State Marco Rubio and Russian Foreign Minister Sergei Lavrov spoke by phone on Saturday, the State Department said in a statement after the call.</p><p>The two ministers discussed the talks between Russia and Ukraine held in Istanbul the day before, the statement said, without further detail.</p></article></body></html>`);
    assert.equal(p.published, "2025-05-17");
    assert.match(p.text, /spoke by phone on Saturday/);
  });
});

describe("the story's lines", () => {
  it("reads past an inline read-also line and a 'Джерело:' line, and stops at a read-also list", () => {
    const story = readStory(
      [
        "Трамп і Путін поговорили телефоном",
        "Президент США Дональд Трамп і президент Росії Володимир Путін у понеділок провели телефонну розмову.",
        "Джерело: помічник Путіна Юрій Ушаков у коментарі російським ЗМІ",
        "Деталі: За словами Ушакова, розмова була змістовною.",
        "Читайте також: Зеленський зустрівся з Венсом і Рубіо у Римі",
        "Розмова тривала понад дві години.",
        "Читайте також",
        "Лавров і Рубіо обговорили телефоном підсумки Стамбула",
      ].join("\n"),
    );
    const texts = story.sentences.map((s) => s.text);
    assert.ok(texts.includes("Розмова тривала понад дві години."), texts.join(" | "));
    assert.ok(texts.some((t) => t.startsWith("Деталі:")), texts.join(" | "));
    assert.ok(!texts.some((t) => /Венсом|Стамбула|Джерело/.test(t)), texts.join(" | "));
  });
});

describe("a page that shows a teaser", () => {
  it("reads the story from the JSON-LD articleBody when that is far longer than the text shown", () => {
    const body = "МОСКВА. Переговоры Путина с Уиткоффом в Кремле продолжались пять часов, сообщил Юрий Ушаков.\nС российской стороны во встрече участвовали также Ушаков и Кирилл Дмитриев.\nСтороны договорились продолжать контакты по обычным каналам, добавил помощник президента.\nПо его словам, разговор был полезным и содержательным, но компромисс по ряду пунктов пока не найден.\nЭто уже шестой визит Уиткоффа в Россию с начала года.";
    const html = `<html lang="ru"><head><script type="application/ld+json">${JSON.stringify({ "@type": "NewsArticle", headline: "Ушаков рассказал об итогах переговоров", articleBody: body })}</script></head><body><article><h1>Ушаков рассказал об итогах переговоров</h1><p>Переговоры в Кремле продолжались около пяти часов, сообщил Ушаков.</p><p>Полная версия доступна в приложении.</p></article></body></html>`;
    const p = articleFromHtml(html);
    assert.match(p.text, /участвовали также Ушаков и Кирилл Дмитриев/);
    assert.ok(!p.text.includes("Полная версия"), p.text);
  });
  it("keeps the text shown when the articleBody is no longer", () => {
    const html = `<html lang="en"><head><script type="application/ld+json">${JSON.stringify({ "@type": "NewsArticle", headline: "Rubio and Lavrov speak", articleBody: "Rubio and Lavrov spoke." })}</script></head><body><article><h1>Rubio and Lavrov speak</h1><p>U.S. Secretary of State Marco Rubio and Russian Foreign Minister Sergei Lavrov spoke by phone on Saturday, the State Department said in a statement after the call.</p></article></body></html>`;
    assert.match(articleFromHtml(html).text, /spoke by phone on Saturday/);
  });
});
