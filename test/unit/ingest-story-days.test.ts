// The extractor's rules for the day, the place and the kind of a contact told in batches 14 and
// 15's manners: bylines and date lines that are no lead, a headline's second clause, talks told
// by their start and their end, a contact moved or called off, one to come over a list of what
// came before, a digest's item agreed on, a place or a day that is the speaker's, a Kremlin page's
// place line, a speaker's label, "Separately," and a visitor received. One short case per
// language a rule covers.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readStory } from "../../src/ingest/sentences.ts";
import { readArticle as read, mainFields as main } from "../support/ingest-cases.ts";


describe("lines that are no lead", () => {
  it("skips a byline with its outlet and a date line led by its weekday", () => {
    const en = readStory("Putin meets Witkoff in Moscow\n\nBy Anna Smith and John Doe, CNN\n\nPutin met Witkoff in Moscow on Friday.");
    assert.equal(en.sentences[1].text, "Putin met Witkoff in Moscow on Friday.");
    const uk = readStory("Путін зустрівся з Віткоффом\n\nП'ятниця, 6 березня 2026, 09:10\n\nПутін у четвер зустрівся з Віткоффом у Москві.");
    assert.equal(uk.dateLine, "П'ятниця, 6 березня 2026, 09:10");
    const ru = readStory("Путин встретился с Уиткоффом\n\nПятница, 6 марта 2026, 09:10\n\nПутин в четверг встретился с Уиткоффом в Москве.");
    assert.equal(ru.dateLine, "Пятница, 6 марта 2026, 09:10");
    const stamp = readStory("Putin meets Witkoff\n\nPublished on 06/03/2026 - 09:10 GMT+1\n\nPutin met Witkoff in Moscow on Thursday.");
    assert.equal(stamp.sentences[1].text, "Putin met Witkoff in Moscow on Thursday.");
  });
  it("strips an agency dateline with a month's abbreviation", () => {
    const story = readStory("Putin meets Witkoff\n\nMOSCOW, Mar. 6 (Xinhua) -- Putin met Witkoff in the Kremlin on Thursday.");
    assert.equal(story.sentences[1].text, "Putin met Witkoff in the Kremlin on Thursday.");
  });
  it("keeps a place printed alone under the date line apart", () => {
    const story = readStory("Встреча с Уиткоффом\n\n6 марта 2026 года, 01:20\n\nМосква, Кремль\n\nВ.Путин провёл встречу со Стивеном Уиткоффом.");
    assert.equal(story.placeLine, "Москва, Кремль");
  });
});

describe("a headline's second clause", () => {
  // 2026-03-04 was a Wednesday.
  it("gives the first clause no day of its own", () => {
    const en = main("Witkoff and Kushner meet Dmitriev in Davos, fly to Moscow on Friday\n\nWitkoff and Kushner met Dmitriev in Davos on Tuesday.", "2026-03-04");
    assert.deepEqual([en.date, en.city], ["2026-03-03", "Davos"]);
    const uk = main("Віткофф зустрівся з Дмитрієвим у Женеві. Наступна зустріч — у п'ятницю\n\nВіткофф зустрівся з Дмитрієвим у Женеві у вівторок.", "2026-03-04");
    assert.deepEqual([uk.kind, uk.date], ["meeting", "2026-03-03"]);
  });
});

describe("talks told by their start and their end", () => {
  // 2026-03-04 was a Wednesday.
  it("dates them from the day told with the start", () => {
    const uk = main("Зустріч Путіна з Віткоффом\n\nПереговори Путіна з Віткоффом, які відбулися вчора ввечері в Кремлі, завершилися вже в ніч на середу.", "2026-03-04");
    assert.equal(uk.date, "2026-03-03");
    const ru = main("Встреча Путина с Уиткоффом\n\nПереговоры Путина с Уиткоффом, которые начались поздно вечером во вторник, 3 марта, завершились в среду.", "2026-03-04");
    assert.equal(ru.date, "2026-03-03");
    const en = main("Putin meets Witkoff\n\nTalks between Putin and Witkoff, which began on Monday, March 2, ended on Tuesday.", "2026-03-04");
    assert.equal(en.date, "2026-03-02");
  });
  it("takes the first of the days told beside the end", () => {
    const ru = main("Встреча Лаврова и Рубио\n\nВ Женеве в среду завершились переговоры Лаврова и Рубио, которые шли два дня, 3 и 4 марта.", "2026-03-04");
    assert.equal(ru.date, "2026-03-03");
  });
});

describe("a contact moved, called off or to come", () => {
  it("dates a moved contact by its own sentences only", () => {
    const en = main("Rubio-Lavrov meeting in Geneva postponed\n\nThe meeting of Rubio and Lavrov planned in Geneva this week has been postponed. A round in Riyadh was called off after the strikes began on March 1.", "2026-03-04");
    assert.deepEqual([en.status, en.date], ["postponed", null]);
  });
  it("reads a contact awaited that still did not take place ('так і не відбулася', 'так и не состоялась', 'never took place') as moved, not held", () => {
    const uk = main("Тристороння зустріч у Женеві так і не відбулася: переговори відклали\n\nТристороння зустріч делегацій України, США та Росії, яку очікували цього тижня в Женеві, так і не відбулася.", "2026-02-20");
    const ru = main("Трехсторонняя встреча в Женеве так и не состоялась: переговоры отложили\n\nТрехсторонняя встреча делегаций Украины, США и России, которую ждали на этой неделе в Женеве, так и не состоялась.", "2026-02-20");
    const en = main("Trilateral meeting in Geneva never took place: talks postponed\n\nThe trilateral meeting of Ukrainian, US and Russian delegations expected in Geneva this week never took place.", "2026-02-20");
    for (const d of [uk, ru, en]) assert.deepEqual([d.status, d.date], ["postponed", null]);
  });
  it("takes no day for a contact to come from one told in the imperfective past ('встречался', 'зустрічався', 'летал')", () => {
    const uk = main("Дмитрієв цими вихідними зустрінеться в Маямі з Віткоффом\n\nКирило Дмитрієв цими вихідними зустрінеться в Маямі зі Стівом Віткоффом. У жовтні він уже літав до США і зустрічався з Віткоффом.", "2025-12-19");
    const ru = main("Дмитриев в эти выходные встретится в Майами с Уиткоффом\n\nКирилл Дмитриев в эти выходные встретится в Майами со Стивом Уиткоффом. В октябре он уже летал в США и встречался с Уиткоффом.", "2025-12-19");
    const en = main("Dmitriev to meet Witkoff in Miami this weekend\n\nKirill Dmitriev will meet Steve Witkoff in Miami this weekend. In October he already flew to the US and met with Witkoff.", "2025-12-19");
    for (const d of [uk, ru, en]) assert.deepEqual([d.status, d.date], ["announced", null]);
  });
  it("takes no day from talks told held beside a trip called off", () => {
    const uk = main("Поїздку Віткоффа до Москви скасовано\n\nУ понеділок Білий дім повідомив, що поїздка Віткоффа до Москви на зустріч з Путіним скасована. Перед цим 17 лютого в Женеві відбувся раунд переговорів.", "2026-03-04");
    assert.deepEqual([uk.status, uk.date], ["cancelled", null]);
  });
  it("gives a contact to come no day or place from a list of what came before it", () => {
    const ru = main("Путин: Уиткофф приедет в Москву на следующей неделе\n\nПутин заявил, что Уиткофф приедет в Москву на следующей неделе.\n\n— 1 марта в Женеве делегации США и Украины провели переговоры.", "2026-03-04");
    assert.deepEqual([ru.date, ru.city], [null, "Moscow"]);
  });
  it("reads a visit whose visitor the host will receive as the talks", () => {
    const ru = main("Уиткофф приедет в Москву на следующей неделе\n\nУиткофф приедет в Москву на следующей неделе. Ушаков уточнил, что Уиткоффа примет президент.", "2026-03-04");
    assert.deepEqual([ru.kind, ru.status, ru.city], ["meeting", "announced", "Moscow"]);
  });
});

describe("a story that tells its contact further down", () => {
  it("reports a digest's item that agrees on a contact to come, its capitals speaking for the sides", () => {
    const en = main("Morning digest: drones — elections — embassies\n\nGood morning, and welcome to the digest.\n\nEMBASSIES: Over in New York, Lavrov used his Saturday press conference to announce that Moscow and Washington have agreed to hold a third round of talks on embassies this autumn.", "2025-09-29");
    assert.deepEqual([en.kind, en.status, en.date, en.city], ["round", "announced", null, null]);
  });
  it("reads the tense of a contact, not of the next one named beside it", () => {
    const en = main("Putin says talks with Trump in Alaska useful, aide sees no date for next meeting\n\nThe two leaders met on Friday near Anchorage.", "2025-08-16");
    assert.deepEqual([en.status, en.date, en.city], ["held", "2025-08-15", "Anchorage"]);
  });
  it("reads a contact noun after a speaker's label", () => {
    const ru = main("Ушаков ответил на вопросы журналистов\n\nУшаков ответил на вопросы по итогам переговоров Путина с Уиткоффом.\n\nВопрос: Как прошли переговоры?\n\nЮ.Ушаков: Разговор, который состоялся во вторник вечером, был содержательным.", "2026-03-04");
    assert.equal(ru.date, "2026-03-03");
  });
  it("places a contact by the place a page prints under its date", () => {
    const ru = main("Ушаков ответил на вопросы журналистов\n\n4 марта 2026 года, 01:20\n\nМосква, Кремль\n\nУшаков рассказал о переговорах Путина с Уиткоффом, которые прошли во вторник.", "2026-03-04");
    assert.equal(ru.city, "Moscow");
  });
  it("tells another contact after 'Separately'", () => {
    const en = read("Putin meets Witkoff in Moscow\n\nPutin met Witkoff in Moscow on Tuesday.\n\nSeparately, Russian and US diplomats held a round of talks on embassies in Istanbul on Monday.", "2026-03-04");
    assert.equal(en.drafts.length, 2);
    const ru = read("Путин встретился с Уиткоффом в Москве\n\nПутин во вторник встретился с Уиткоффом в Москве.\n\nОтдельно дипломаты России и США провели в понедельник раунд консультаций в Стамбуле.", "2026-03-04");
    assert.equal(ru.drafts.length, 2);
  });
  it("reports what became of a contact another one was held to prepare, its day and place not the other's", () => {
    const en = main("Oil jumps on new sanctions\n\nOil prices rose sharply on Thursday.\n\nAfter a long phone call with Vladimir Putin on Oct. 16, Trump had said he would meet the Russian leader in Budapest. Rubio and Lavrov spoke by phone on Monday to prepare the ground.\n\nOn Wednesday, Trump said he had called off the summit with Putin.", "2025-10-23");
    assert.deepEqual([en.kind, en.status, en.date, en.city], ["summit", "cancelled", null, "Budapest"]);
  });
  it("gives a contact called off on a weekday no day", () => {
    const ru = main("Встреча Лаврова и Рубио отменена\n\nВ среду Лавров и Рубио отменили встречу в Будапеште.", "2025-10-23");
    assert.deepEqual([ru.status, ru.date], ["cancelled", null]);
  });
  it("places a round by the sitting that names it ('Засідання відбудеться в Абу-Дабі')", () => {
    const uk = main("Делегації України, США та Росії проведуть тристоронню зустріч\n\nУ п'ятницю, 6 березня, відбудеться тристороння зустріч представників України, США та Росії. Засідання відбудеться в Абу-Дабі.", "2026-03-04");
    assert.deepEqual([uk.kind, uk.date, uk.city], ["round", "2026-03-06", "Abu Dhabi"]);
    const ru = main("Делегации России, США и Украины проведут трехстороннюю встречу\n\nВ пятницу, 6 марта, состоится трехсторонняя встреча представителей России, США и Украины. Заседание пройдет в Абу-Даби.", "2026-03-04");
    assert.deepEqual([ru.kind, ru.date, ru.city], ["round", "2026-03-06", "Abu Dhabi"]);
  });
  it("reads 'принимал' as a meeting done, and an intention ('нет намерения') as no contact to come", () => {
    const ru = main("Три часа в Кремле\n\nКолонка.\n\nПочему самая важная встреча прошлой недели прошла не там, где ее ждали\n\nТрамп написал, что у Путина нет намерения останавливать войну, и назвал встречу важной. В минувшую пятницу Путин почти три часа принимал в Кремле Стива Уиткоффа.", "2025-04-28");
    assert.deepEqual([ru.kind, ru.status, ru.date, ru.city], ["meeting", "held", "2025-04-25", "Moscow"]);
    const uk = main("Путін приймав Віткоффа\n\nУ п'ятницю Путін приймав у Кремлі Стіва Віткоффа.", "2025-04-28");
    assert.deepEqual([uk.kind, uk.status, uk.date, uk.city], ["meeting", "held", "2025-04-25", "Moscow"]);
  });
});


describe("a sentence that opens on 'он', 'він', 'he'", () => {
  // 2025-12-21 was a Sunday; an earlier day of other talks is told first.
  it("is dated by the sentence it goes on from", () => {
    const ru = main("Неделя переговоров во Флориде\n\nЧто известно о переговорах в Майами\n\nВ Майами в пятницу прошли переговоры американцев с европейцами. В субботу в Майами провел переговоры и Кирилл Дмитриев. Он встретился с Уиткоффом и Кушнером, подтвердил сам Дмитриев.", "2025-12-21");
    assert.equal(ru.date, "2025-12-20");
    const uk = main("Тиждень переговорів у Флориді\n\nЩо відомо про переговори в Маямі\n\nУ Маямі в п'ятницю відбулися переговори американців з європейцями. У суботу в Маямі провів переговори і Кирило Дмитрієв. Він зустрівся з Віткоффом і Кушнером, підтвердив сам Дмитрієв.", "2025-12-21");
    assert.equal(uk.date, "2025-12-20");
    const en = main("A week of talks in Florida\n\nWhat we know about the talks in Miami\n\nAmericans held talks with Europeans in Miami on Friday. Kirill Dmitriev also held talks in Miami on Saturday. He met Witkoff and Kushner, Dmitriev himself confirmed.", "2025-12-21");
    assert.equal(en.date, "2025-12-20");
  });
});

describe("a long story on a contact to come, most of it what came before", () => {
  it("dates the contact 'next week', not by the months and days of the rounds before it", () => {
    const cases: [string, string][] = [
      ["Мединский возвращается за стол: новый раунд трехсторонних переговоров пройдет в Женеве\nВ Кремле подтвердили, что делегацию вновь возглавит помощник президента\n\nСледующий раунд переговоров России, США и Украины состоится в Женеве на следующей неделе, заявил Песков.\n\nТрехсторонний формат был запущен в январе.\n\nЗатем последовали еще два стамбульских раунда - 2 июня и 23 июля.", "2026-02-13"],
      ["Мединський повертається за стіл: новий раунд тристоронніх переговорів відбудеться в Женеві\nУ Кремлі підтвердили, що делегацію знову очолить помічник президента\n\nНаступний раунд переговорів України, США і Росії відбудеться в Женеві наступного тижня, заявив Пєсков.\n\nТристоронній формат запустили в січні.\n\nПотім були ще два стамбульські раунди - 2 червня і 23 липня.", "2026-02-13"],
      ["Medinsky returns to the table: new round of three-way talks to be held in Geneva\nThe Kremlin confirmed that the delegation will again be led by a presidential aide\n\nThe next round of talks between Russia, the United States and Ukraine will take place in Geneva next week, Peskov said.\n\nThe three-way format was launched in January.\n\nThen came two more rounds in Istanbul, on June 2 and July 23.", "2026-02-13"],
    ];
    for (const [text, published] of cases) assert.deepEqual(main(text, published), { kind: "round", status: "announced", date: null, city: "Geneva", drafts: 1 }, text);
  });
});

describe("the day of a contact done", () => {
  // 2026-04-30 was a Thursday: "on Wednesday" is the 29th, 9 May is to come.
  it("is no day still to come that its subtitle gives as a topic (en, ru, uk)", () => {
    const en = main("Putin and Trump hold first call in weeks\n\nKremlin says Trump backed a truce around 9 May parade, as Ukraine talks remain stalled\n\nVladimir Putin and Donald Trump spoke by phone on Wednesday for over an hour.", "2026-04-30");
    const ru = main("Путин и Трамп впервые за недели поговорили по телефону\n\nВ Кремле заявили, что Трамп поддержал перемирие к параду 9 мая, пока переговоры по Украине заморожены\n\nВладимир Путин и Дональд Трамп в среду больше часа говорили по телефону.", "2026-04-30");
    const uk = main("Путін і Трамп уперше за тижні поговорили телефоном\n\nУ Кремлі заявили, що Трамп підтримав перемир'я до параду 9 травня, поки переговори щодо України заморожені\n\nВолодимир Путін і Дональд Трамп у середу понад годину говорили телефоном.", "2026-04-30");
    for (const d of [en, ru, uk]) assert.equal(d.date, "2026-04-29");
  });
  it("is the story's day when the lead tells it 'just' done (en, ru, uk)", () => {
    const uk = main("Путін і Трамп поговорили телефоном\n\nУшаков щойно заявив, що Путін провів телефонну розмову з Дональдом Трампом.", "2026-04-29");
    const ru = main("Путин и Трамп поговорили по телефону\n\nУшаков только что заявил, что Путин провел телефонный разговор с Дональдом Трампом.", "2026-04-29");
    const en = main("Putin and Trump talk by phone\n\nUshakov has just said that Vladimir Putin held a phone call with Donald Trump.", "2026-04-29");
    for (const d of [en, ru, uk]) assert.equal(d.date, "2026-04-29");
  });
});

describe("a call held to discuss preparations for a summit", () => {
  // 2025-10-20 was a Monday.
  it("is dated by its own sentence: the summit prepared is its topic, not another contact (en, ru, uk)", () => {
    const en = main("Rubio and Lavrov talk by phone\n\nThe State Department calls the phone call productive\n\nMarco Rubio and Sergei Lavrov spoke by telephone on Monday to discuss preparations for a summit between Trump and Putin.", "2025-10-20");
    const ru = main("Рубио и Лавров поговорили по телефону\n\nВ Госдепе назвали телефонный разговор продуктивным\n\nМарко Рубио и Сергей Лавров в понедельник по телефону обсудили подготовку саммита Трампа и Путина.", "2025-10-20");
    const uk = main("Рубіо і Лавров поговорили телефоном\n\nУ Держдепі назвали телефонну розмову продуктивною\n\nМарко Рубіо і Сергій Лавров у понеділок телефоном обговорили підготовку саміту Трампа і Путіна.", "2025-10-20");
    for (const d of [en, ru, uk]) assert.deepEqual([d.kind, d.date], ["call", "2025-10-20"]);
  });
});
