// The extractor's rules for the day and the status of a contact told in batches 16 to 21's
// manners. One short case per language a rule covers.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readDates } from "../../src/ingest/dates.ts";
import { readStory } from "../../src/ingest/sentences.ts";
import { readSentence } from "../../src/ingest/reading.ts";
import { mainFields as main, names, readArticle } from "../support/ingest-cases.ts";

describe("a date line with a word before its time", () => {
  it("is the page's date, not the lead", () => {
    const en = readStory("Putin to meet Witkoff\n\nMarch 4, 2026 at 9:15 AM GMT+1\n\nPutin will meet Witkoff in Moscow on Friday.");
    assert.equal(en.dateLine, "March 4, 2026 at 9:15 AM GMT+1");
    assert.equal(en.sentences[1].text, "Putin will meet Witkoff in Moscow on Friday.");
    const uk = readStory("Путін зустрінеться з Віткоффом\n\n4 березня 2026 о 10:15\n\nПутін у п'ятницю зустрінеться з Віткоффом.");
    assert.equal(uk.dateLine, "4 березня 2026 о 10:15");
    const ru = readStory("Путин встретится с Уиткоффом\n\n4 марта 2026 в 10:15\n\nПутин в пятницу встретится с Уиткоффом.");
    assert.equal(ru.dateLine, "4 марта 2026 в 10:15");
  });
});

describe("a byline run together with the page's stamp", () => {
  it("is the page's date line, not a sentence whose time is the contact's", () => {
    const en = readStory("Lavrov to call Rubio\n\nby Jane Doe  June 2, 2025 10:05 PM  3 min read\n\nLavrov will call Rubio on Tuesday.");
    assert.equal(en.dateLine, "June 2, 2025 10:05 PM");
    assert.deepEqual(en.sentences.map((s) => s.text), ["Lavrov to call Rubio", "Lavrov will call Rubio on Tuesday."]);
    const uk = readStory("Лавров зателефонує Рубіо\n\nАвтор: Олена Коваль 2 червня 2025, 22:05\n\nЛавров у вівторок зателефонує Рубіо.");
    assert.equal(uk.dateLine, "2 червня 2025, 22:05");
    const ru = readStory("Лавров позвонит Рубио\n\nАвтор: Иван Петров  02.06.2025, 22:05  Время чтения: 2 мин\n\nЛавров во вторник позвонит Рубио.");
    assert.equal(ru.dateLine, "02.06.2025, 22:05");
    // "By Friday, the talks had ended." opens a sentence, not a byline.
    assert.equal(readStory("Istanbul talks come to an end\n\nBy Friday, the talks had ended.").sentences.length, 2);
  });
});

describe("the outlet's name and the page's stamp on a line of their own", () => {
  it("is the page's date line, and the lead is the sentence under it ('РБК, 17 октября 2025 года', 'Reuters, March 3, 2026')", () => {
    const ru = readStory("Путин и Трамп договорились о встрече\n\nРБК, 17 октября 2025 года\n\nПутин и Трамп в четверг провели телефонный разговор.");
    assert.equal(ru.dateLine, "17 октября 2025 года");
    assert.deepEqual(ru.sentences.map((s) => s.text), ["Путин и Трамп договорились о встрече", "Путин и Трамп в четверг провели телефонный разговор."]);
    const uk = readStory("Путін і Трамп домовилися про зустріч\n\nУНІАН, 17 жовтня 2025 року\n\nПутін і Трамп у четвер провели телефонну розмову.");
    assert.equal(uk.dateLine, "17 жовтня 2025 року");
    const en = readStory("Putin and Trump agree to meet\n\nReuters, October 17, 2025\n\nPutin and Trump spoke by phone on Thursday.");
    assert.equal(en.dateLine, "October 17, 2025");
    // "Moscow, the talks went on" is a sentence, not a stamp.
    assert.equal(readStory("Russian and US diplomats hold talks\n\nIn Moscow, the talks went on until late.").sentences.length, 2);
  });
});

describe("a participle beside the contact's noun", () => {
  // 2026-03-04 was a Wednesday.
  it("tells the contact held, on the day it gives", () => {
    const ru = main("Дмитриев об итогах переговоров\n\nДмитриев назвал полезными переговоры с Уиткоффом, состоявшиеся позавчера в Майами.", "2026-03-04");
    assert.deepEqual([ru.status, ru.date], ["held", "2026-03-02"]);
    const past = main("Дмитриев о консультациях\n\nДмитриев оценил прошедшие в понедельник в Майами переговоры с Уиткоффом.", "2026-03-04");
    assert.deepEqual([past.status, past.date], ["held", "2026-03-02"]);
    const uk = main("Умєров про переговори\n\nУмєров назвав корисними проведені у понеділок у Женеві переговори з Віткоффом і Дмитрієвим.", "2026-03-04");
    assert.deepEqual([uk.status, uk.date], ["held", "2026-03-02"]);
  });
  it("does not tell a contact held by a time gone by", () => {
    const ru = main("Уиткофф приедет в Москву\n\nНа прошедшей неделе в Кремле сообщили, что Путин примет Уиткоффа в пятницу.", "2026-03-04");
    assert.deepEqual([ru.status, ru.date], ["scheduled", "2026-03-06"]);
  });
  it("reads the imperfective past of 'проходить' as held", () => {
    const tense = (text: string, lang: "ru" | "uk") => readSentence({ text, index: 1, headline: false, paragraph: 1 }, lang, names).tense;
    assert.equal(tense("Переговоры проходили в понедельник в Майами.", "ru"), "held");
    assert.equal(tense("Переговори проходили в понеділок у Маямі.", "uk"), "held");
  });
});

describe("talks in separate groups", () => {
  it("are one contact, whose day a later sentence gives", () => {
    const ru = main("Переговоры в Женеве завершились\n\nВ Женеве завершились переговоры Уиткоффа и Дмитриева. Встречи шли 2 и 3 марта, делегации работали в отдельных группах.", "2026-03-04");
    assert.equal(ru.date, "2026-03-02");
    const uk = main("Переговори у Женеві завершилися\n\nУ Женеві завершилися переговори Віткоффа і Дмитрієва. Зустрічі тривали 2 і 3 березня, делегації працювали в окремих групах.", "2026-03-04");
    assert.equal(uk.date, "2026-03-02");
  });
});

describe("a weekday that qualifies a contact's noun", () => {
  // 2025-08-12 was a Tuesday.
  it("is marked with that contact's kind", () => {
    const [summit, call] = readDates("discussed Friday's summit in a phone call on Tuesday", "en", "2025-08-12", "past").dates;
    assert.deepEqual([summit.of, call.of], ["summit", undefined]);
    assert.equal(readDates("ahead of the Friday summit", "en", "2025-08-12", "future").dates[0].of, "summit");
  });
  it("gives no day to a contact of another kind", () => {
    const call = main("Lavrov and Rubio speak by phone\n\nLavrov and Rubio discussed Friday's summit in Alaska in a phone call on Monday.", "2025-08-12");
    assert.deepEqual([call.kind, call.date], ["call", "2025-08-11"]);
    const summit = main("Putin and Trump to meet in Alaska\n\nPutin and Trump will meet in Alaska on Friday, a day after Thursday's call of their ministers.", "2025-08-12");
    assert.deepEqual([summit.kind, summit.date], ["summit", "2025-08-15"]);
  });
});

describe("a weekend", () => {
  it("names no day", () => {
    assert.deepEqual(readDates("is expected to meet Witkoff over the weekend", "en", "2025-10-24", "future").dates, []);
    assert.deepEqual(readDates("They met at the weekend", "en", "2025-10-27", "past").dates, []);
  });
});

describe("an agreement on a contact", () => {
  // 2025-09-27 was a Saturday.
  it("sets it to come, with the other side named before its object or told by a noun", () => {
    const uk = main("Лавров заявив про домовленість з Рубіо щодо нового раунду консультацій\n\nЛавров заявив, що домовився з Рубіо про проведення третього раунду консультацій.", "2025-09-27");
    assert.deepEqual([uk.status, uk.date], ["announced", null]);
    const ru = main("Лавров сообщил о договоренности с Рубио о новом раунде консультаций\n\nЛавров сказал, что договорился с Рубио о проведении третьего раунда консультаций.", "2025-09-27");
    assert.deepEqual([ru.status, ru.date], ["announced", null]);
    const en = main("Lavrov and Rubio agree on new round of consultations\n\nLavrov said he had agreed with Rubio on holding a third round of consultations.", "2025-09-27");
    assert.deepEqual([en.status, en.date], ["announced", null]);
  });
  it("does not take a verbal noun for a contact held", () => {
    const tense = (text: string) => readSentence({ text, index: 1, headline: false, paragraph: 1 }, "uk", names).tense;
    assert.equal(tense("Сторони обговорили проведення нового раунду."), "held");
    assert.equal(tense("Йдеться про проведення нового раунду."), undefined);
  });
});

describe("page furniture under the headline", () => {
  it("skips a menu set out by runs of spaces and a photo's caption", () => {
    const en = readStory("Putin and Witkoff meet in Moscow\n\nUS  World  Politics  Business  Health\n\nPutin and Witkoff shake hands in Moscow. Jane Doe/AFP/Getty Images\n\nPutin met Witkoff in the Kremlin on Friday.");
    assert.deepEqual(en.sentences.map((s) => s.text), ["Putin and Witkoff meet in Moscow", "Putin met Witkoff in the Kremlin on Friday."]);
    const uk = readStory("Новини  Війна  Політика  Світ\n\nЛавров заявив про новий раунд\n\nСергій Лавров в ООН (Фото: REUTERS/Jane Doe)\n\nЛавров заявив, що раунд відбудеться восени.");
    assert.deepEqual(uk.sentences.map((s) => s.text), ["Лавров заявив про новий раунд", "Лавров заявив, що раунд відбудеться восени."]);
    const ru = readStory("Лавров заявил о новом раунде\n\nГлавное  Россия  Мир  Экономика\n\nСергей Лавров в ООН. Фото: ТАСС\n\nЛавров заявил, что раунд пройдет осенью.");
    assert.deepEqual(ru.sentences.map((s) => s.text), ["Лавров заявил о новом раунде", "Лавров заявил, что раунд пройдет осенью."]);
  });
  it("keeps a caption that opens the page as its headline", () => {
    const ru = readStory("Лавров и Рубио провели телефонный разговор. (Фото: МИД России)\n\nГлавы МИД обсудили работу посольств.");
    assert.equal(ru.headline, "Лавров и Рубио провели телефонный разговор. (Фото: МИД России)");
  });
});

describe("a cookie notice and an update stamp above the headline", () => {
  it("are neither headline nor lead", () => {
    const ru = readStory("Мы используем файлы cookie. Продолжая пользоваться сайтом, вы соглашаетесь с этим.\n\n6 МАР, 21:47 Обновлено 6 МАР, 22:31\n\nПутин и Трамп провели разговор\n\nПутин и Трамп в пятницу поговорили по телефону.");
    assert.equal(ru.headline, "Путин и Трамп провели разговор");
    const uk = readStory("Ми використовуємо файли cookie. Прийняти\n\nПутін і Трамп провели розмову\n\nПутін і Трамп у п'ятницю поговорили телефоном.");
    assert.equal(uk.headline, "Путін і Трамп провели розмову");
    const en = readStory("This site uses cookies. [Accept] [Manage]\n\nPutin and Trump hold call\n\nPutin and Trump spoke by phone on Friday.");
    assert.equal(en.headline, "Putin and Trump hold call");
    const section = readStory("Политика, 09 мар, 17:36 (обновлено 21:48)\n\nПесков сообщил о переносе встречи\n\nВстреча делегаций отложена.");
    assert.equal(section.headline, "Песков сообщил о переносе встречи");
  });
});

describe("a call that agreed on preparing a meeting", () => {
  // 2025-10-16 was a Thursday.
  it("is the news, held, whatever the headline's meeting is told to be", () => {
    const ru = main("Ушаков: Путин и Трамп договорились о подготовке встречи\n\nРазговор президентов длился два часа. Путин и Трамп провели в четверг телефонный разговор.", "2025-10-16");
    assert.deepEqual([ru.kind, ru.status, ru.date], ["call", "held", "2025-10-16"]);
    const uk = main("Ушаков: Путін і Трамп домовилися про підготовку зустрічі\n\nРозмова президентів тривала дві години. Путін і Трамп у четвер провели телефонну розмову.", "2025-10-16");
    assert.deepEqual([uk.kind, uk.status, uk.date], ["call", "held", "2025-10-16"]);
    const en = main("Putin and Trump agree to prepare a meeting\n\nThe presidents' phone call lasted two hours. Putin and Trump spoke by phone on Thursday.", "2025-10-16");
    assert.deepEqual([en.kind, en.status, en.date], ["call", "held", "2025-10-16"]);
  });
});

describe("what a contact moved will now do", () => {
  // 2026-01-31 was a Saturday.
  it("is on its new day", () => {
    const moved = (s: string, lang: "ru" | "uk" | "en") => readDates(s, lang, "2026-01-31", "future").dates.filter((d) => d.movedTo).map((d) => d.value);
    assert.deepEqual(moved("Sunday's meeting in Abu Dhabi will now take place Wednesday and Thursday", "en"), ["2026-02-04"]);
    assert.deepEqual(moved("Воскресная встреча теперь пройдет в среду", "ru"), ["2026-02-04"]);
    assert.deepEqual(moved("Зустріч тепер відбудеться у середу", "uk"), ["2026-02-04"]);
  });
});

describe("a plan called off or moved beside a contact to come", () => {
  it("gives it neither its day nor its place", () => {
    const uk = main("Новий раунд консультацій з США\n\nТретій раунд консультацій Росії і США може відбутися до кінця осені. Третій раунд, який планували провести в червні в Москві, скасували.", "2025-10-01");
    assert.deepEqual([uk.status, uk.date, uk.city], ["announced", null, null]);
    const ru = main("Новый раунд консультаций с США\n\nТретий раунд консультаций России и США может пройти до конца осени. Третий раунд, который планировали провести в июне в Москве, отменили.", "2025-10-01");
    assert.deepEqual([ru.status, ru.date, ru.city], ["announced", null, null]);
    const en = main("New round of Russia-US consultations\n\nA third round of Russia-US consultations may take place by the end of autumn. The third round, planned for June in Moscow, was cancelled.", "2025-10-01");
    assert.deepEqual([en.status, en.date, en.city], ["announced", null, null]);
  });
});

describe("a visitor who is to meet his host", () => {
  // 2025-10-24 was a Friday.
  it("is to meet him, not at talks recalled from months before", () => {
    const uk = main("Дмитрієв прилетів до США\n\nДмитрієв прибув до Сполучених Штатів. Він має зустрітися з Віткоффом. У квітні він провів переговори з Віткоффом у Вашингтоні.", "2025-10-24");
    assert.deepEqual([uk.kind, uk.status, uk.date], ["meeting", "announced", null]);
    const ru = main("Дмитриев прилетел в США\n\nДмитриев прибыл в Соединенные Штаты. В апреле он провел переговоры с Уиткоффом в Вашингтоне.", "2025-10-24");
    assert.notEqual(ru.date, "2025-04");
    const en = main("Dmitriev arrives in the US\n\nDmitriev arrived in the United States. In April he held talks with Witkoff in Washington.", "2025-10-24");
    assert.notEqual(en.date, "2025-04");
  });
});

describe("a contact its own sentences set for the coming days", () => {
  it("is not dated by a month another sentence gives", () => {
    const en = main("Dmitriev to meet Witkoff\n\nDmitriev is expected to meet Witkoff over the weekend. In April he became the first Russian envoy to visit Washington, holding talks with Witkoff.", "2025-10-24");
    assert.deepEqual([en.status, en.date], ["announced", null]);
    const ru = main("Дмитриев встретится с Уиткоффом\n\nДмитриев встретится с Уиткоффом на следующей неделе. Встреча с Уиткоффом в апреле стала первой за три года.", "2025-10-24");
    assert.deepEqual([ru.status, ru.date], ["announced", null]);
    const uk = main("Дмитрієв зустрінеться з Віткоффом\n\nДмитрієв зустрінеться з Віткоффом найближчими днями. Зустріч з Віткоффом у квітні стала першою за три роки.", "2025-10-24");
    assert.deepEqual([uk.status, uk.date], ["announced", null]);
  });
});

describe("the tense a verb's form tells", () => {
  const tense = (text: string, lang: "ru" | "uk" | "en") => readSentence({ text, index: 1, headline: false, paragraph: 1 }, lang, names).tense;
  it("reads the Ukrainian masculine past in -в and the verbs of talking as held", () => {
    assert.equal(tense("Президент розмовляв із посланцем у Києві дві години.", "uk"), "held");
    assert.equal(tense("Міністри зідзвонилися ввечері.", "uk"), "held");
    assert.equal(tense("Посли мали телефонну розмову в середу.", "uk"), "held");
    assert.equal(tense("Министры созвонились вечером.", "ru"), "held");
    assert.equal(tense("Посол переговорил с министром в среду.", "ru"), "held");
    assert.equal(tense("Консультации, начавшиеся в понедельник, во вторник продолжились.", "ru"), "held");
    assert.equal(tense("Консультації у Відні продовжилися у вівторок.", "uk"), "held");
    assert.equal(tense("The consultations in Vienna continued on Tuesday.", "en"), "held");
  });
  it("reads a contact planned, due or set down as one to come", () => {
    assert.equal(tense("Встреча послов намечена на пятницу.", "ru"), "future");
    assert.equal(tense("Переговоры должны пройти в Женеве.", "ru"), "future");
    assert.equal(tense("Зустріч послів намічена на п'ятницю.", "uk"), "future");
    assert.equal(tense("Переговори мають відбутися в Женеві.", "uk"), "future");
    assert.equal(tense("Очікується, що делегації зустрінуться в Женеві.", "uk"), "future");
    assert.equal(tense("The talks are slated to open in Geneva.", "en"), "future");
    assert.equal(tense("Делегации соберутся в Женеве.", "ru"), "future");
    assert.equal(tense("Делегації зберуться в Женеві.", "uk"), "future");
    assert.equal(tense("The delegations will convene in Geneva.", "en"), "future");
    assert.equal(tense("Консультации продолжатся в среду.", "ru"), "future");
    assert.equal(tense("Консультації продовжаться в середу.", "uk"), "future");
  });
  it("reads 'was to take place' as neither", () => {
    assert.equal(tense("Встреча послов должна была пройти в пятницу.", "ru"), undefined);
    assert.equal(tense("Зустріч послів мала відбутися в п'ятницю.", "uk"), undefined);
  });
});

describe("the day a contact moved was set for", () => {
  // 2026-03-09 was a Monday.
  it("is its day where the sentence that moves it tells it", () => {
    const uk = main("Зустріч послів перенесли\n\nЗустріч послів Росії та США, яка мала відбутися в середу у Відні, перенесли.", "2026-03-09");
    assert.deepEqual([uk.status, uk.date], ["postponed", "2026-03-11"]);
    const ru = main("Встречу послов перенесли\n\nВстречу послов России и США, которая должна была пройти в среду в Вене, перенесли.", "2026-03-09");
    assert.deepEqual([ru.status, ru.date], ["postponed", "2026-03-11"]);
  });
  it("is not where a later sentence tells it apart from the move", () => {
    const uk = main("Зустріч послів Росії та США у Відні перенесли\n\nЗустріч послів Росії та США у Відні перенесли на прохання США. За даними ЗМІ, посли мали зустрітися в середу, 11 березня.", "2026-03-09");
    assert.deepEqual([uk.status, uk.date], ["postponed", null]);
    const ru = main("Встречу послов России и США в Вене перенесли\n\nВстречу послов России и США в Вене перенесли по просьбе США. По данным СМИ, послы должны были встретиться в среду, 11 марта.", "2026-03-09");
    assert.deepEqual([ru.status, ru.date], ["postponed", null]);
    const en = main("Russia-US envoys' meeting in Vienna postponed\n\nThe meeting of the Russian and US envoys in Vienna was postponed at Washington's request. According to media reports, the envoys had been scheduled to meet on Wednesday, March 11.", "2026-03-09");
    assert.deepEqual([en.status, en.date], ["postponed", null]);
  });
});

describe("a contact moved from the day it was set for", () => {
  // 2026-01-31 was a Saturday.
  it("is on the later day a sentence of it told to come gives", () => {
    const ru = main("Встречу послов России и США перенесли\n\nВстречу послов России и США в Вене, которую планировалось провести 1 февраля, перенесли. По данным источника, встреча послов пройдет в Вене 4 февраля.", "2026-01-31");
    assert.deepEqual([ru.status, ru.date], ["postponed", "2026-02-04"]);
    const uk = main("Зустріч послів Росії та США перенесли\n\nЗустріч послів Росії та США у Відні, яка мала відбутися 1 лютого, перенесли. За даними джерела, зустріч послів відбудеться у Відні 4 лютого.", "2026-01-31");
    assert.deepEqual([uk.status, uk.date], ["postponed", "2026-02-04"]);
    const en = main("Russia-US envoys' meeting postponed\n\nThe meeting of the Russian and US envoys in Vienna, set for February 1, was postponed. The envoys' meeting will take place in Vienna on February 4, a source said.", "2026-01-31");
    assert.deepEqual([en.status, en.date], ["postponed", "2026-02-04"]);
  });
  it("is not on the month it was set for", () => {
    const ru = main("Встречу послов России и США отложили\n\nВстречу послов России и США, которую планировалось провести в Вене в начале марта, отложили.", "2026-03-05");
    assert.deepEqual([ru.status, ru.date], ["postponed", null]);
    const uk = main("Зустріч послів Росії та США відклали\n\nЗустріч послів Росії та США, яка мала відбутися у Відні в березні, відклали.", "2026-03-05");
    assert.deepEqual([uk.status, uk.date], ["postponed", null]);
  });
});

describe("'later in the day', 'earlier in the day'", () => {
  // 2025-10-06 was a Monday.
  it("is a time of the day already told, not the next day", () => {
    const en = main("Lavrov and Rubio agree to meet\n\nLavrov said on Monday he had agreed to meet Rubio in Vienna. Speaking later in the day at a briefing, Lavrov said the meeting could take place soon.", "2025-10-06");
    assert.deepEqual([en.status, en.date], ["announced", null]);
    const en2 = main("Lavrov and Rubio agree to meet\n\nLavrov said on Monday he had agreed to meet Rubio in Vienna after a call between the two ministers earlier in the day.", "2025-10-06");
    assert.deepEqual([en2.status, en2.date], ["announced", null]);
    const ru = main("Лавров и Рубио договорились о встрече\n\nЛавров в понедельник заявил, что договорился о встрече с Рубио в Вене. Позже в тот же день Лавров сказал, что встреча может пройти скоро.", "2025-10-06");
    assert.deepEqual([ru.status, ru.date], ["announced", null]);
    const uk = main("Лавров і Рубіо домовилися про зустріч\n\nЛавров у понеділок заявив, що домовився про зустріч з Рубіо у Відні. Пізніше того ж дня Лавров сказав, що зустріч може відбутися незабаром.", "2025-10-06");
    assert.deepEqual([uk.status, uk.date], ["announced", null]);
  });
});

describe("the first day of talks told ended", () => {
  // 2026-01-24 was a Saturday.
  it("is the talks' first day, not their last", () => {
    const en = main("First day of Russia-US talks in Vienna ends\n\nThe first day of talks between the Russian and US delegations in Vienna, which lasted five hours on Friday, has ended; the sides will continue on Saturday. On Thursday, the US envoy met the Russian ambassador in Moscow.", "2026-01-24");
    assert.deepEqual([en.status, en.date], ["held", "2026-01-23"]);
    const ru = main("В Вене завершился первый день переговоров России и США\n\nПервый день переговоров делегаций России и США в Вене, который длился в пятницу пять часов, завершился; стороны продолжат работу в субботу. В четверг посланник США встретился с послом России в Москве.", "2026-01-24");
    assert.deepEqual([ru.status, ru.date], ["held", "2026-01-23"]);
    const uk = main("У Відні завершився перший день переговорів Росії та США\n\nПерший день переговорів делегацій Росії та США у Відні, який тривав у п'ятницю п'ять годин, завершився; сторони продовжать роботу в суботу. У четвер посланець США зустрівся з послом Росії в Москві.", "2026-01-24");
    assert.deepEqual([uk.status, uk.date], ["held", "2026-01-23"]);
  });
});

describe("a contact moved that a later sentence calls 'new'", () => {
  it("is on the month that sentence gives", () => {
    const uk = main("Зустріч послів Росії та США у Відні перенесли\n\nЗустріч послів Росії та США, яка мала відбутися цього тижня у Відні, перенесено. За словами посла, нова зустріч може відбутися в другій половині квітня.", "2026-03-03");
    assert.deepEqual([uk.status, uk.date], ["postponed", "2026-04"]);
    const ru = main("Встречу послов России и США в Вене перенесли\n\nВстречу послов России и США, которая должна была пройти на этой неделе в Вене, перенесли. По словам посла, новая встреча может пройти во второй половине апреля.", "2026-03-03");
    assert.deepEqual([ru.status, ru.date], ["postponed", "2026-04"]);
    const en = main("Russia-US envoys' meeting in Vienna postponed\n\nThe meeting of the Russian and US envoys in Vienna set for this week has been postponed. A new meeting could take place in the second half of April, the envoy said.", "2026-03-03");
    assert.deepEqual([en.status, en.date], ["postponed", "2026-04"]);
  });
  it("is not another contact's day where the contact was not moved", () => {
    const en = main("Russia-US envoys meet in Vienna\n\nThe Russian and US envoys met in Vienna on Tuesday. A new meeting could take place in the second half of April, the envoy said.", "2026-03-04");
    assert.deepEqual([en.status, en.date], ["held", "2026-03-03"]);
  });
});

describe("a time in a relative clause on something else", () => {
  const read = (text: string, lang: "ru" | "uk" | "en") => readSentence({ text, headline: false, paragraph: 0 } as Parameters<typeof readSentence>[0], lang, names);
  it("recalls no earlier contact", () => {
    assert.equal(read("The envoys met in Vienna on Tuesday to discuss the truce that Kyiv had proposed a week earlier.", "en").background, false);
    assert.equal(read("Посланники встретились в Вене во вторник, чтобы обсудить перемирие, которое Киев предложил неделей ранее.", "ru").background, false);
    assert.equal(read("Посланці зустрілися у Відні у вівторок, щоб обговорити перемир'я, яке Київ запропонував тижнем раніше.", "uk").background, false);
    // (A clause that tells a contact still recalls it.)
    assert.equal(read("The envoy, who had met Lavrov a week earlier, flew to Vienna.", "en").background, true);
    assert.equal(read("Посланник, который неделей ранее встречался с Лавровым, прилетел в Вену.", "ru").background, true);
  });
  it("is not the day of the contact the sentence tells", () => {
    const en = main("Putin agrees to energy pause in call with Trump. Experts to meet in Vienna on Sunday.\n\nPutin agreed during a phone call with Trump on Tuesday to a pause in strikes on energy sites, but not to the full truce that Kyiv had proposed a week earlier in Vienna.\n\nThe call lasted two hours, the Kremlin said.", "2025-03-19");
    assert.deepEqual([en.kind, en.status, en.date], ["call", "held", "2025-03-18"]);
    const ru = main("Путин согласился на энергетическую паузу в разговоре с Трампом. Эксперты встретятся в Вене в воскресенье.\n\nПутин во вторник в ходе телефонного разговора с Трампом согласился на паузу в ударах по энергетике, но не на полное перемирие, которое Киев предложил неделей ранее в Вене.\n\nРазговор длился два часа, сообщили в Кремле.", "2025-03-19");
    assert.deepEqual([ru.kind, ru.status, ru.date], ["call", "held", "2025-03-18"]);
    const uk = main("Путін погодився на енергетичну паузу в розмові з Трампом. Експерти зустрінуться у Відні в неділю.\n\nПутін у вівторок під час телефонної розмови з Трампом погодився на паузу в ударах по енергетиці, але не на повне перемир'я, яке Київ запропонував тижнем раніше у Відні.\n\nРозмова тривала дві години, повідомили в Кремлі.", "2025-03-19");
    assert.deepEqual([uk.kind, uk.status, uk.date], ["call", "held", "2025-03-18"]);
  });
  // 2026-01-20 was a Tuesday.
  it("is not the day of a contact to come when it is the journey of one who has no part in it", () => {
    const en = main("Witkoff to travel to Moscow for talks with Putin\n\nWitkoff and Kushner plan to travel to Moscow later this week for talks with Russian President Vladimir Putin, Witkoff said. President Donald Trump, who arrives in Vienna on Wednesday, has said that Putin must make concessions.", "2026-01-20");
    assert.deepEqual([en.status, en.date], ["announced", null]);
    const ru = main("Уиткофф полетит в Москву на переговоры с Путиным\n\nУиткофф в ближайшие дни полетит в Москву на переговоры с Путиным. Трамп, который прилетит в Вену в среду, заявил, что Путин должен пойти на уступки.", "2026-01-20");
    assert.deepEqual([ru.status, ru.date], ["announced", null]);
    const uk = main("Віткофф полетить до Москви на переговори з Путіним\n\nВіткофф найближчими днями полетить до Москви на переговори з Путіним. Трамп, який прилетить до Відня в середу, заявив, що Путін має піти на поступки.", "2026-01-20");
    assert.deepEqual([uk.status, uk.date], ["announced", null]);
    // (The journey of one who takes part keeps its day.)
    const own = main("Witkoff to meet Putin\n\nWitkoff, who arrives in Moscow on Thursday, will meet Putin.", "2026-01-20");
    assert.deepEqual([own.status, own.date], ["scheduled", "2026-01-22"]);
  });
});

describe("a plan that is a document", () => {
  const tense = (text: string, lang: "ru" | "uk" | "en") => readSentence({ text, headline: false, paragraph: 0 } as Parameters<typeof readSentence>[0], lang, names).tense;
  it("plans no contact", () => {
    assert.equal(tense("Talks in Vienna on its plan to end the war.", "en"), undefined);
    assert.equal(tense("Переговоры в Вене о мирном плане.", "ru"), undefined);
    assert.equal(tense("Переговори у Відні щодо плану врегулювання.", "uk"), undefined);
  });
  it("leaves the verb of planning a contact to come", () => {
    assert.equal(tense("Russia plans to hold talks in Vienna.", "en"), "future");
    assert.equal(tense("Their plan to meet in Vienna stands.", "en"), "future");
    assert.equal(tense("Россия планирует провести переговоры в Вене.", "ru"), "future");
    assert.equal(tense("Сторони планують провести переговори у Відні.", "uk"), "future");
  });
});

describe("talks judged in the past tense, told the day of the story", () => {
  // 2025-12-20 was a Saturday.
  it("were held that day, not on the day weeks gone a later sentence recalls", () => {
    const en = main("Envoy calls Vienna talks with Witkoff 'constructive'\n\nKremlin envoy Kirill Dmitriev said on Saturday that his talks in Vienna with U.S. special envoy Steve Witkoff had been constructive, as Washington pushes its plan to end the war.\n\nWitkoff met Putin in the Kremlin on Dec. 2.", "2025-12-20");
    assert.deepEqual([en.status, en.date], ["held", "2025-12-20"]);
    const ru = main("Дмитриев назвал переговоры с Уиткоффом в Вене конструктивными\n\nСпецпосланник Кремля Кирилл Дмитриев в субботу заявил, что его переговоры в Вене со спецпосланником США Стивом Уиткоффом были конструктивными, пока Вашингтон продвигает свой мирный план.\n\nУиткофф встречался с Путиным в Кремле 2 декабря.", "2025-12-20");
    assert.deepEqual([ru.status, ru.date], ["held", "2025-12-20"]);
    const uk = main("Дмитрієв назвав переговори з Віткоффом у Відні конструктивними\n\nСпецпосланець Кремля Кирило Дмитрієв у суботу заявив, що його переговори у Відні зі спецпосланцем США Стівом Віткоффом були конструктивними, поки Вашингтон просуває свій мирний план.\n\nВіткофф зустрічався з Путіним у Кремлі 2 грудня.", "2025-12-20");
    assert.deepEqual([uk.status, uk.date], ["held", "2025-12-20"]);
  });
});

describe("a clause of what came before ('після того, як саміт відклали', 'after the summit was postponed')", () => {
  // 2025-10-24 was a Friday.
  it("tells that event's tense, not the contact's", () => {
    const en = main("Dmitriev arrives in the US at Washington's invitation\n\nIt is the first visit by a senior Russian official to the US after the Trump-Putin summit in Vienna was postponed\n\nKremlin envoy Kirill Dmitriev arrived in the United States on Friday, he told reporters.", "2025-10-24");
    assert.deepEqual([en.kind, en.status, en.date], ["other", "held", "2025-10-24"]);
    const ru = main("Дмитриев прилетел в США по приглашению американской стороны\n\nЭто первый визит высокопоставленного российского чиновника в США после того, как саммит Трампа и Путина в Вене отложили\n\nСпецпосланник Кремля Кирилл Дмитриев в пятницу прибыл в США, сообщил он журналистам.", "2025-10-24");
    assert.deepEqual([ru.kind, ru.status, ru.date], ["other", "held", "2025-10-24"]);
    const uk = main("Дмитрієв прилетів до США на запрошення американської сторони\n\nЦе перший візит високопосадовця РФ до США після того, як саміт Трампа і Путіна у Відні відклали\n\nСпецпосланець Кремля Кирило Дмитрієв у п'ятницю прибув до США, повідомив він журналістам.", "2025-10-24");
    assert.deepEqual([uk.kind, uk.status, uk.date], ["other", "held", "2025-10-24"]);
  });
});

describe("a contact named in a relative clause on another ('Встреча …, о которой договорились в ходе телефонного разговора 16 октября')", () => {
  it("is the occasion of the contact the sentence tells: neither its kind nor its day", () => {
    const en = main("Vienna will wait\n\nThe Putin-Trump summit in Vienna, which the two presidents agreed on during a phone call on Oct. 16, has been postponed. No new date has been set.", "2025-10-22");
    assert.deepEqual([en.kind, en.status, en.date], ["summit", "postponed", null]);
    const ru = main("Вена подождет\n\nВстреча президентов России и США в Вене, о которой Путин и Трамп договорились в ходе телефонного разговора 16 октября, откладывается. Новые сроки не названы.", "2025-10-22");
    assert.deepEqual([ru.kind, ru.status, ru.date], ["summit", "postponed", null]);
    const uk = main("Відень зачекає\n\nЗустріч президентів Росії та США у Відні, про яку Путін і Трамп домовилися під час телефонної розмови 16 жовтня, відкладається. Нові терміни не названо.", "2025-10-22");
    assert.deepEqual([uk.kind, uk.status, uk.date], ["summit", "postponed", null]);
  });
});

describe("a contact called off", () => {
  it("takes no day from a later sentence that is not its own", () => {
    const uk = main("Саміт у Відні скасували\n\nСаміт Росії та США у Відні скасували. Мінфін США продовжив до 13 грудня дозвіл на переговори щодо продажу активів.", "2025-11-21");
    assert.deepEqual([uk.status, uk.date], ["cancelled", null]);
    const ru = main("Саммит в Вене отменили\n\nСаммит России и США в Вене отменили. Минфин США продлил до 13 декабря разрешение на переговоры о продаже активов.", "2025-11-21");
    assert.deepEqual([ru.status, ru.date], ["cancelled", null]);
    const en = main("Vienna summit called off\n\nThe Russia-US summit in Vienna has been cancelled. The Treasury extended until Dec. 13 a license for talks on selling the assets.", "2025-11-21");
    assert.deepEqual([en.status, en.date], ["cancelled", null]);
  });
  it("told as what preceded another event ('Санкціям передувало скасування саміту') is no news of its own", () => {
    const uk = readArticle("Санкції США набули чинності\n\nУ п'ятницю набули чинності санкції США проти двох нафтових компаній. Запровадженню санкцій передувало скасування саміту Трампа і Путіна у Відні, про який президенти домовилися під час телефонної розмови 16 жовтня.", "2025-11-21");
    assert.equal(uk.relevant, false);
    const ru = readArticle("Санкции США вступили в силу\n\nВ пятницу вступили в силу санкции США против двух нефтяных компаний. Введению санкций предшествовала отмена саммита Трампа и Путина в Вене, о котором президенты договорились в ходе телефонного разговора 16 октября.", "2025-11-21");
    assert.equal(ru.relevant, false);
    const en = readArticle("US sanctions take effect\n\nUS sanctions on two oil companies took effect on Friday. The sanctions were preceded by the cancellation of the Trump-Putin summit in Vienna, which the presidents agreed on during a phone call on Oct. 16.", "2025-11-21");
    assert.equal(en.relevant, false);
  });
});

describe("a contact told done two days before the story", () => {
  it("is dated two days back, and 'the day before yesterday' recalls no earlier contact", () => {
    const en = main("Dmitriev hails talks in Miami\n\nKremlin envoy Kirill Dmitriev said on Monday his talks with Steve Witkoff had been useful. \"We met with our American colleagues in Miami the day before yesterday,\" Dmitriev said.", "2026-02-02");
    assert.deepEqual([en.status, en.date], ["held", "2026-01-31"]);
    const ru = main("Дмитриев оценил переговоры в Майами\n\nСпецпосланник Кирилл Дмитриев в понедельник заявил, что переговоры со Стивом Уиткоффом были полезными. \"Мы встретились с американскими коллегами в Майами позавчера\", - сказал Дмитриев.", "2026-02-02");
    assert.deepEqual([ru.status, ru.date], ["held", "2026-01-31"]);
    const uk = main("Дмитрієв оцінив переговори в Маямі\n\nСпецпосланець Кирило Дмитрієв у понеділок заявив, що переговори зі Стівом Віткоффом були корисними. \"Ми зустрілися з американськими колегами в Маямі позавчора\", - сказав Дмитрієв.", "2026-02-02");
    assert.deepEqual([uk.status, uk.date], ["held", "2026-01-31"]);
  });
  it("is dated by the adjective too ('позавчерашний разговор', 'позавчорашня розмова')", () => {
    assert.deepEqual(readDates("Позавчерашний разговор министров был полезным.", "ru", "2025-05-30", "past").dates.map((d) => d.value), ["2025-05-28"]);
    assert.deepEqual(readDates("Позавчорашня розмова міністрів була корисною.", "uk", "2025-05-30", "past").dates.map((d) => d.value), ["2025-05-28"]);
    assert.equal(readDates("The ministers' call the day before yesterday was useful.", "en", "2025-05-30", "past").dates[0].value, "2025-05-28");
  });
});

describe("a day in a clause on a place ('у Давосі, де в понеділок відкривається форум')", () => {
  it("is the day of what happens there, not of the contact to come", () => {
    const en = main("Witkoff to visit Moscow next week\n\nSteve Witkoff will visit Moscow next week to meet Vladimir Putin. The trip will depend on his contacts in Davos, where the forum opens on Monday.", "2026-01-17");
    assert.deepEqual([en.status, en.date], ["announced", null]);
    const ru = main("Уиткофф на следующей неделе посетит Москву\n\nСтив Уиткофф на следующей неделе посетит Москву, где встретится с Владимиром Путиным. Поездка будет зависеть от его контактов в Давосе, где в понедельник открывается форум.", "2026-01-17");
    assert.deepEqual([ru.status, ru.date], ["announced", null]);
    const uk = main("Віткофф наступного тижня відвідає Москву\n\nСтів Віткофф наступного тижня відвідає Москву, де зустрінеться з Володимиром Путіним. Поїздка залежатиме від його контактів у Давосі, де в понеділок відкривається форум.", "2026-01-17");
    assert.deepEqual([uk.status, uk.date], ["announced", null]);
  });
});

describe("a meeting set to prepare a summit ('… in Budapest to prepare for a summit')", () => {
  it("keeps its place: the summit it prepares is not another contact in its sentence", () => {
    const en = main("Rubio-Lavrov meeting put on hold\n\nA White House official said there are no plans for Trump to meet Putin soon.\n\nA planned meeting between Marco Rubio and Sergei Lavrov, which had been expected to take place in Budapest this week to prepare for a summit between Donald Trump and Vladimir Putin, has been put on hold.", "2025-10-21");
    assert.deepEqual([en.kind, en.status, en.city], ["meeting", "postponed", "Budapest"]);
    const ru = main("Встречу Рубио и Лаврова отложили\n\nВ Белом доме заявили, что планов встречи Трампа и Путина в ближайшее время нет.\n\nВстреча Марко Рубио и Сергея Лаврова, которая должна была пройти в Будапеште на этой неделе для подготовки саммита Дональда Трампа и Владимира Путина, отложена.", "2025-10-21");
    assert.deepEqual([ru.kind, ru.status, ru.city], ["meeting", "postponed", "Budapest"]);
    const uk = main("Зустріч Рубіо і Лаврова відклали\n\nУ Білому домі заявили, що планів зустрічі Трампа і Путіна найближчим часом немає.\n\nЗустріч Марко Рубіо і Сергія Лаврова, яка мала відбутися в Будапешті цього тижня для підготовки саміту Дональда Трампа і Володимира Путіна, відкладена.", "2025-10-21");
    assert.deepEqual([uk.kind, uk.status, uk.city], ["meeting", "postponed", "Budapest"]);
  });
});

describe("a sentence that turns to another contact ('Meanwhile', 'Тем временем', 'Тим часом')", () => {
  it("reports it as a contact of its own, even in the present of the story's day", () => {
    const second = (text: string) => readArticle(text, "2026-01-31").drafts.map((d) => [d.kind, d.date, d.place.city])[1];
    assert.deepEqual(second("Round in Abu Dhabi moved to Wednesday\n\nThe second round of talks between Ukraine, the United States and Russia in Abu Dhabi has been moved to Wednesday, February 4. Meanwhile, in Miami today Steve Witkoff is meeting Russian envoy Kirill Dmitriev."), ["meeting", "2026-01-31", "Miami"]);
    assert.deepEqual(second("Раунд в Абу-Даби перенесли на среду\n\nВторой раунд переговоров Украины, США и России в Абу-Даби перенесен на среду, 4 февраля. Тем временем сегодня в Майами Стив Уиткофф встречается с российским спецпредставителем Кириллом Дмитриевым."), ["meeting", "2026-01-31", "Miami"]);
    assert.deepEqual(second("Раунд в Абу-Дабі перенесли на середу\n\nДругий раунд переговорів України, США та Росії в Абу-Дабі перенесено на середу, 4 лютого. Тим часом сьогодні в Маямі Стів Віткофф зустрічається з російським спецпредставником Кирилом Дмитрієвим."), ["meeting", "2026-01-31", "Miami"]);
  });
});

describe("a contact of someone's own beside a contact moved ('his own talks', 'свои переговоры', 'власні переговори')", () => {
  it("is a contact of its own, not the old day of the one moved", () => {
    const second = (text: string) => readArticle(text, "2026-01-31").drafts.map((d) => [d.kind, d.status, d.date, d.place.city])[1];
    assert.deepEqual(second("Round in Abu Dhabi moved to Wednesday\n\nThe second round of talks between Ukraine, the United States and Russia in Abu Dhabi has been moved to Wednesday, February 4. In Miami on Saturday, Kirill Dmitriev is due to hold his own talks with Steve Witkoff."), ["meeting", "scheduled", "2026-01-31", "Miami"]);
    assert.deepEqual(second("Раунд в Абу-Даби перенесли на среду\n\nВторой раунд переговоров Украины, США и России в Абу-Даби перенесен на среду, 4 февраля. В субботу в Майами Кирилл Дмитриев проведет свои переговоры со Стивом Уиткоффом."), ["meeting", "scheduled", "2026-01-31", "Miami"]);
    assert.deepEqual(second("Раунд в Абу-Дабі перенесли на середу\n\nДругий раунд переговорів України, США та Росії в Абу-Дабі перенесено на середу, 4 лютого. У суботу в Маямі Кирило Дмитрієв проведе власні переговори зі Стівом Віткоффом."), ["meeting", "scheduled", "2026-01-31", "Miami"]);
  });
});
