// The extractor's rules for stories told in other shapes than a plain report (batches 6 and 7):
// a contact in the third paragraph of a market story, a digest, a live blog, a review, a
// flash updated into a story; days told by "since", "the eve of", "earlier this week", "tonight"
// and by the last day of talks; places told by an institution speaking or by a clock; the next
// contact beside the one held. One short case per language a rule covers.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readDates } from "../../src/ingest/dates.ts";
import { readStory } from "../../src/ingest/sentences.ts";
import { readArticle as read, mainFields as main } from "../support/ingest-cases.ts";

const first = (s: string, lang: "ru" | "uk" | "en", published: string, tense: "past" | "future" = "past") => readDates(s, lang, published, tense).dates[0]?.value ?? null;

describe("days that are another event's", () => {
  it("reads no day of the contact in a span counted 'since' another event", () => {
    assert.equal(first("the first contact since Dmitriev's last trip to Florida in March", "en", "2026-04-16"), null);
    assert.equal(first("первый разговор президентов впервые с февраля 2022 года", "ru", "2025-02-13"), null);
    assert.equal(first("перша розмова вперше з березня 2022 року", "uk", "2025-02-13"), null);
  });
  it("reads 'накануне саммита' as the eve of another event and 'накануне вечером' as the day before", () => {
    assert.equal(first("Лавров и Рубио созвонились накануне саммита на Аляске", "ru", "2025-08-12"), null);
    assert.equal(first("Сибіга і Рубіо поговорили напередодні саміту", "uk", "2025-08-12"), null);
    assert.equal(first("Накануне вечером президенты провели телефонный разговор", "ru", "2026-03-10"), "2026-03-09");
  });
  it("counts 'через два дня после …' from the other event", () => {
    assert.equal(first("Дмитриев приехал в США через два дня после введения санкций", "ru", "2025-10-24"), null);
  });
  it("does not take 'sat down' for a Saturday", () => {
    assert.equal(first("Rubio sat down with Lavrov in Riyadh", "en", "2025-02-18"), null);
  });
  it("dates a contact to come 'tonight' on the day of publication, and one done 'late in the evening' not", () => {
    assert.equal(first("Зустріч у Кремлі — ввечері", "uk", "2025-12-02", "future"), "2025-12-02");
    assert.equal(first("Witkoff will meet Putin tonight", "en", "2025-12-02", "future"), "2025-12-02");
    assert.equal(first("Путін пізно ввечері зустрівся з Віткоффом", "uk", "2025-03-14", "past"), null);
  });
});

describe("a contact in a story led by other news", () => {
  it("reports yesterday's call told with 'накануне' in a market story", () => {
    const text = "Рубль укрепился: что происходит на рынках\n\nРоссийский рынок акций во вторник открылся ростом.\n\nНакануне вечером президенты России и США Владимир Путин и Дональд Трамп провели телефонный разговор.";
    assert.deepEqual(main(text, "2026-03-10"), { kind: "call", status: "held", date: "2026-03-09", city: null, drafts: 1 });
  });
  it("reads 'truce talk' in a headline as no contact", () => {
    const text = "Oil slips as traders weigh Ukraine truce talk\n\nOil prices eased on Thursday.\n\nRussian President Vladimir Putin and U.S. President Donald Trump spoke by phone on Wednesday, the Kremlin said.";
    assert.deepEqual(main(text, "2026-04-30"), { kind: "call", status: "held", date: "2026-04-29", city: null, drafts: 1 });
  });
  it("drops a meeting of OPEC+ beside Russian oil and American sanctions", () => {
    assert.equal(read("Нефть дешевеет третий день подряд\n\nЦены на нефть во вторник снизились.\n\nОПЕК+ на встрече 2 ноября может согласовать повышение добычи на фоне американских санкций против российской нефти.", "2025-10-28").relevant, false);
    assert.equal(read("Oil slips on supply worries\n\nOil prices fell on Tuesday.\n\nRussian and U.S. officials are awaiting a meeting of OPEC+ ministers on Sunday.", "2025-10-28").relevant, false);
  });
  it("takes the first sentence with both sides when a review's headline and subtitle name no one", () => {
    const text = "Анкоридж: что осталось после саммита\n\nВстреча без сделки, но с «пониманием»\n\nВ минувшую пятницу под Анкориджем Владимир Путин и Дональд Трамп провели личную встречу.";
    assert.deepEqual(main(text, "2025-08-18"), { kind: "summit", status: "held", date: "2025-08-15", city: "Anchorage", drafts: 1 });
  });
  it("dates a contact done in a day's digest by the digest's headline", () => {
    const text = "Війна в Україні: ситуація на фронті 6 серпня та головні події дня\n\nНа фронті відбулося 128 бойових зіткнень.\n\nУ Москві тим часом спецпосланець президента США Стів Віткофф зустрівся з Володимиром Путіним.";
    assert.deepEqual(main(text, "2025-08-06"), { kind: "meeting", status: "held", date: "2025-08-06", city: "Moscow", drafts: 1 });
  });
});

describe("what is said of a contact", () => {
  it("keeps 'earlier this week' as this contact's time, with no day", () => {
    assert.deepEqual(main("Witkoff hosted Putin's envoy in Miami\n\nWhite House envoy Steve Witkoff met Kremlin envoy Kirill Dmitriev in Miami earlier this week, two people familiar with the meeting said.", "2026-04-16"), { kind: "meeting", status: "held", date: null, city: "Miami", drafts: 1 });
    assert.deepEqual(main("Уиткофф принял Дмитриева в Майами\n\nСпецпосланник Стив Уиткофф ранее на этой неделе встретился с Кириллом Дмитриевым в Майами.", "2026-04-16"), { kind: "meeting", status: "held", date: null, city: "Miami", drafts: 1 });
  });
  it("does not take 'a deadline for Russia to agree' for an agreement", () => {
    const text = "Trump Envoy Meets Putin\n\nThe session lasted three hours\n\nPresident Trump's special envoy Steve Witkoff held talks with Vladimir Putin in the Kremlin on Wednesday, two days before a deadline for Russia to agree to a ceasefire or face new sanctions.";
    assert.deepEqual(main(text, "2025-08-06"), { kind: "meeting", status: "held", date: "2025-08-06", city: "Moscow", drafts: 1 });
  });
  it("reads a contact that is a journey's purpose as still to come", () => {
    assert.equal(main("Дмитриев прилетел в США для встречи с Уиткоффом\n\nГлава РФПИ Кирилл Дмитриев прибыл в США. Встреча Дмитриева и Уиткоффа запланирована на субботу.", "2025-10-24").status, "scheduled");
    assert.equal(main("Віткофф прибув до Москви для переговорів із Путіним\n\nСпецпосланець Стів Віткофф прибув до Москви для переговорів із Володимиром Путіним.", "2025-12-02").status, "announced");
    assert.equal(main("Witkoff flies to Moscow for talks with Putin\n\nU.S. envoy Steve Witkoff arrived in Moscow for talks with Russian President Vladimir Putin.", "2025-12-02").status, "announced");
  });
  it("gives a call-off before another kind of contact to that contact, and finds the visitor's talks with the host alone", () => {
    const text = "Самолет Дмитриева приземлился в США. Что известно о его визите\n\nГлава РФПИ Кирилл Дмитриев прилетел в Америку через неделю после отмены саммита в Будапеште.\n\nКлючевая встреча — со спецпосланником Стивом Уиткоффом — ожидается в субботу.";
    assert.deepEqual(main(text, "2025-10-24"), { kind: "meeting", status: "scheduled", date: "2025-10-25", city: null, drafts: 1 });
  });
  it("reads a live blog's contact set for today and later told begun as held", () => {
    const text = "Визит Уиткоффа в Петербург. Хроника дня\n\n11:58 Песков подтвердил, что Владимир Путин сегодня проведет встречу с Уиткоффом.\n\n14:10 Встреча началась.";
    assert.deepEqual(main(text, "2025-04-11"), { kind: "meeting", status: "held", date: "2025-04-11", city: "St Petersburg", drafts: 1 });
  });
});

describe("the day a contact moved was set for", () => {
  it("keeps the weekday it was to take place on, and drops the day it was put off", () => {
    const ru = "Переговоры в Стамбуле перенесли\n\nТрехсторонняя встреча делегаций России, Украины и США, которая должна была пройти в четверг в Стамбуле, перенесена на неопределенный срок.";
    assert.equal(main(ru, "2026-03-09").date, "2026-03-12");
    const uk = "Зустріч у Стамбулі відклали\n\nТристоронню зустріч делегацій України, США та Росії, заплановану на четвер у Стамбулі, відкладено.";
    assert.equal(main(uk, "2026-03-09").date, "2026-03-12");
    const en = "Talks in Istanbul postponed\n\nThe trilateral meeting of Russian, Ukrainian and US delegations, which had been scheduled for Thursday in Istanbul, has been postponed.";
    assert.equal(main(en, "2026-03-09").date, "2026-03-12");
    assert.equal(main("Talks in Istanbul postponed\n\nThe trilateral meeting of Russian, Ukrainian and US delegations in Istanbul was postponed on Monday, officials said.", "2026-03-09").date, null);
  });
});

describe("kinds", () => {
  it("calls talks named trilateral a round, whoever else the story names", () => {
    assert.equal(main("Что известно о переговорах в Абу-Даби\n\nВ пятницу в Абу-Даби начинаются первые трехсторонние переговоры России, Украины и США.\n\nАмериканскую сторону представляют Стив Уиткофф и зять Дональда Трампа Джаред Кушнер.", "2026-01-23").kind, "round");
    assert.equal(main("What we know about the Abu Dhabi talks\n\nThe first trilateral talks of Russia, Ukraine and the United States will begin in Abu Dhabi on Friday.\n\nDonald Trump and his envoys Steve Witkoff and Jared Kushner will take part.", "2026-01-22").kind, "round");
  });
  it("reads a verb of going to a place, or 'will be in' one, as a trip there", () => {
    const trip = { kind: "other", status: "scheduled", date: "2026-01-22", city: "Moscow", drafts: 1 };
    assert.deepEqual(main("Witkoff and Kushner head to Moscow on Thursday\n\nThe envoys will see Putin, the White House said.", "2026-01-21"), trip);
    assert.deepEqual(main("Уиткофф и Кушнер в четверг полетят в Москву\n\nОб этом сообщили в Белом доме.", "2026-01-21"), trip);
    assert.deepEqual(main("Віткофф і Кушнер у четвер поїдуть до Москви\n\nПро це повідомили в Білому домі.", "2026-01-21"), trip);
    assert.equal(main("Віткофф: «Ми з Кушнером будемо в Москві наступного тижня»\n\nСпецпосланець розповів про це у вівторок.", "2025-11-26").status, "announced");
  });
  it("reads talks of Ukraine, Russia and the US named in one list as trilateral", () => {
    const en = "Ukraine-Russia-US talks in Abu Dhabi put on hold\n\nThe next round of talks between Ukraine, Russia and the United States, planned for Abu Dhabi this week, has been put on hold, Zelensky said.";
    assert.deepEqual(read(en, "2026-03-05").drafts[0].parties, ["RU", "UA", "US"]);
    assert.deepEqual(read("Переговоры в Абу-Даби отложены\n\nОчередной раунд переговоров Украины, России и США в Абу-Даби отложен, заявил Владимир Зеленский.", "2026-03-05").drafts[0].parties, ["RU", "UA", "US"]);
    assert.deepEqual(read("Russia and US to hold talks on Ukraine in Riyadh\n\nRussia and the United States will hold talks on Ukraine in Riyadh on Monday.", "2025-03-20").drafts[0].parties, ["RU", "US"]);
  });
  it("reads 'three-way talks' as trilateral, a side's delegation named or not", () => {
    const text = "Kyiv says three-way talks delayed\n\nThe next round of three-way negotiations between Russia, Ukraine and the US, due in Geneva on Tuesday, has been delayed, Kyiv said.\n\nRustem Umerov was to lead Ukraine's team, with Steve Witkoff for the US.";
    const r = read(text, "2026-03-02");
    assert.deepEqual([r.drafts[0].kind, r.drafts[0].status, r.drafts[0].parties], ["round", "postponed", ["RU", "UA", "US"]]);
  });
});

describe("days of talks over several days", () => {
  it("dates talks by their first day when the story tells their last first", () => {
    const uk = "Переговори Дмитрієва з Віткоффом у Маямі завершилися у ніч на понеділок\n\nПереговори Кирила Дмитрієва зі Стівом Віткоффом у Маямі завершилися у ніч на понеділок. Перша зустріч відбулася в суботу, 20 грудня.";
    assert.equal(main(uk, "2025-12-22").date, "2025-12-20");
    const en = "Dmitriev and Witkoff end talks in Miami\n\nKirill Dmitriev and Steve Witkoff ended their talks in Miami on Monday. The talks began on Saturday.";
    assert.equal(main(en, "2025-12-22").date, "2025-12-20");
  });
});

describe("places", () => {
  it("reads the Kremlin speaking in the impersonal plural as no venue", () => {
    assert.deepEqual(main("Путін заявив Трампу про цілі: у Кремлі оприлюднили деталі розмови\n\nДональд Трамп і Володимир Путін у четвер, 3 липня, провели телефонну розмову.", "2025-07-03"), { kind: "call", status: "held", date: "2025-07-03", city: null, drafts: 1 });
    const ru = "Дмитриев прилетел в США для встречи с Уиткоффом\n\nКирилл Дмитриев прибыл в США.\n\nВ Кремле визит Дмитриева пока не комментировали.";
    assert.equal(main(ru, "2025-10-24").city, null);
  });
  it("reads the place of a source who told of a contact as no venue", () => {
    assert.equal(main("Встречу Лаврова и Рубио перенесли\n\nВстреча Сергея Лаврова и Марко Рубио перенесена, сообщил источник в Кремле.", "2025-10-21").city, null);
    assert.equal(main("Зустріч Лаврова і Рубіо відкладено\n\nЗустріч Сергія Лаврова та Марко Рубіо відкладено, повідомило джерело в Білому домі.", "2025-10-21").city, null);
    assert.equal(main("Rubio-Lavrov meeting put off\n\nA meeting between Marco Rubio and Sergei Lavrov has been put off, sources in the White House said.", "2025-10-21").city, null);
    assert.equal(main("Встреча Лаврова и Рубио отложена\n\nВстреча Сергея Лаврова и Марко Рубио отложена, сообщили источники CNN в Белом доме.", "2025-10-21").city, null);
  });
  it("gives a place after another public event ('after the forum in Davos') to that event", () => {
    assert.equal(main("Віткофф і Кушнер знову їдуть до Путіна\n\nСпецпосланець Стів Віткофф і Джаред Кушнер після форуму в Давосі у четвер вирушать до Москви.", "2026-01-21").city, "Moscow");
    assert.equal(main("Envoys to see Putin again\n\nAfter the World Economic Forum in Davos, special envoy Steve Witkoff will fly to Moscow on Thursday.", "2026-01-21").city, "Moscow");
    assert.equal(main("Уиткофф снова едет к Путину\n\nСпецпосланник Стив Уиткофф после форума в Давосе в четверг отправится в Москву.", "2026-01-21").city, "Moscow");
  });
  it("places an in-person contact that names no place by a foreign capital's clock", () => {
    const text = "Ukraine war briefing: Kursk slips\n\nRussia's defence ministry said its forces had recaptured Sudzha.\n\nVladimir Putin met US envoy Steve Witkoff behind closed doors on Thursday evening Moscow time, the Kremlin's spokesperson, Dmitry Peskov, said on Friday.";
    assert.deepEqual(main(text, "2025-03-14"), { kind: "meeting", status: "held", date: "2025-03-13", city: "Moscow", drafts: 1 });
  });
});

describe("the next contact beside the one reported", () => {
  it("keeps the headline's talks that ended as the main contact over a subtitle on the next meeting", () => {
    const text = "Russia and US agree prisoner swap as talks end in Abu Dhabi\n\nNegotiators will meet again in Geneva on 17 February, officials say\n\nKirill Dmitriev and Steve Witkoff ended their talks in Abu Dhabi on Thursday.";
    const r = read(text, "2026-02-05");
    assert.deepEqual([r.drafts[0].status, r.drafts[0].place.city], ["held", "Abu Dhabi"]);
    assert.ok(r.drafts.some((d) => d.status === "scheduled" && d.date === "2026-02-17" && d.place.city === "Geneva"));
  });
  it("adds a dated contact of another kind to come as a draft of its own", () => {
    const ru = "Лавров и Рубио созвонились\n\nГлава МИД РФ Сергей Лавров провел во вторник телефонный разговор с госсекретарем США Марко Рубио.\n\nСаммит, напомним, пройдет в пятницу, 15 августа, в Анкоридже.";
    const r = read(ru, "2025-08-12");
    assert.equal(r.drafts[0].kind, "call");
    assert.ok(r.drafts.some((d) => d.kind === "summit" && d.date === "2025-08-15"));
    const uk = "Женева без прориву: чим закінчився третій раунд\n\nТретій раунд тристоронніх переговорів України, США та Росії у Женеві 17 лютого завершився.\n\nНаступну зустріч призначили на 2 березня в Абу-Дабі.";
    assert.ok(read(uk, "2026-02-19").drafts.some((d) => d.date === "2026-03-02"));
  });
  it("does not make a draft of the main contact told again", () => {
    const text = "Trump and Putin to meet in Anchorage on August 15\n\nU.S. President Donald Trump and Russian President Vladimir Putin will meet in Anchorage on August 15, the White House said.\n\nThe summit will take place on August 15, officials said.";
    assert.equal(read(text, "2025-08-09").drafts.length, 1);
  });
  it("keeps the people of a contact recalled before out of the contact reported", () => {
    const text = "Звонок в понедельник: о чем будут говорить Путин и Трамп\n\nВладимир Путин и Дональд Трамп проведут телефонный разговор в понедельник, 19 мая.\n\nНапомним, 16 мая в Стамбуле прошли российско-украинские переговоры. Российскую делегацию возглавлял Владимир Медынский, украинскую — Рустем Умеров.";
    const r = read(text, "2025-05-18");
    assert.deepEqual(r.drafts[0].parties, ["RU", "US"]);
  });
});

describe("the story's text", () => {
  it("reads on past 'Джерело: УП' when the story's next section follows", () => {
    const s = readStory("В Абу-Дабі розпочалися переговори\n\nПереговори розпочалися у п'ятницю.\n\nДжерело: УП\n\nДеталі: Зустріч проходить у закритому форматі.");
    assert.ok(s.sentences.some((x) => x.text.startsWith("Деталі")));
  });
  it("leaves out a dateline with a state's abbreviation", () => {
    const s = readStory("Trump says he will speak to Putin\n\nPALM BEACH, Fla., Dec 29 (Reuters) - U.S. President Donald Trump said he would speak with Putin.");
    assert.ok(s.sentences[1].text.startsWith("U.S. President"), s.sentences[1].text);
  });
});

describe("an outlet's name over the page's date line, with the headline under it", () => {
  it("is the masthead: the headline is the line under the date", () => {
    const ru = readStory("Новая газета Европа\nПолитика · 5 марта 2026\n\nРаунд в Женеве отложен\n\nПереговоры России, США и Украины в Женеве отложены.");
    assert.deepEqual([ru.headline, ru.dateLine, ru.sentences.length], ["Раунд в Женеве отложен", "5 марта 2026", 2]);
    const uk = readStory("Українська правда\nПолітика · 5 березня 2026\n\nРаунд у Женеві відкладено\n\nПереговори Росії, США та України в Женеві відкладено.");
    assert.deepEqual([uk.headline, uk.dateLine, uk.sentences.length], ["Раунд у Женеві відкладено", "5 березня 2026", 2]);
    const en = readStory("The Kyiv Independent\nPolitics · March 5, 2026\n\nThe Geneva round of talks is postponed\n\nTalks between Russia, the US and Ukraine in Geneva were postponed.");
    assert.deepEqual([en.headline, en.dateLine, en.sentences.length], ["The Geneva round of talks is postponed", "March 5, 2026", 2]);
  });
});
