// The extractor's rules for which contact a story reports, its kind and its sides, as batches 16
// to 21 told them: a headline's clause after a semicolon, "talk to" as a call, talks brokered by
// the third side, a line that tells only the call a visit was agreed in. One short case per
// language a rule covers.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readStory, splitSentences } from "../../src/ingest/sentences.ts";
import { readSentence } from "../../src/ingest/reading.ts";
import { names, readArticle as read, mainFields as main } from "../support/ingest-cases.ts";

describe("a headline's clause after a semicolon", () => {
  // 2026-03-04 was a Wednesday.
  it("is another piece of news: the first clause's contact keeps its own kind and place", () => {
    const en = main("Putin meets Witkoff late into the night; Russia to join three-way talks in Geneva\n\nPutin met Witkoff in the Kremlin on Tuesday night, after which Moscow agreed to send a delegation to three-way talks in Geneva.", "2026-03-04");
    const ru = main("Путин встретился с Уиткоффом; Россия присоединится к трехсторонним переговорам в Женеве\n\nПутин во вторник вечером встретился с Уиткоффом в Кремле, после чего Москва согласилась направить делегацию на трехсторонние переговоры в Женеве.", "2026-03-04");
    const uk = main("Путін зустрівся з Віткоффом; Росія долучиться до тристоронніх переговорів у Женеві\n\nПутін у вівторок увечері зустрівся з Віткоффом у Кремлі, після чого Москва погодилася надіслати делегацію на тристоронні переговори в Женеві.", "2026-03-04");
    for (const d of [en, ru, uk]) assert.deepEqual([d.kind, d.status, d.city], ["meeting", "held", "Moscow"]);
  });
});

describe("a headline's clause after a colon", () => {
  // 2026-03-05 was a Thursday.
  it("is another piece of news where the part before it tells a contact and what became of it", () => {
    const uk = main("Зустріч Путіна з Віткоффом тривала п'ять годин: у Кремлі анонсували тристоронні переговори в Женеві\n\nПутін у середу ввечері прийняв Віткоффа в Кремлі.", "2026-03-05");
    const ru = main("Встреча Путина с Уиткоффом длилась пять часов: в Кремле анонсировали трехсторонние переговоры в Женеве\n\nПутин в среду вечером принял Уиткоффа в Кремле.", "2026-03-05");
    const en = main("Putin meeting with Witkoff lasted five hours: Kremlin announces three-way talks in Geneva\n\nVladimir Putin received Steve Witkoff in the Kremlin on Wednesday evening.", "2026-03-05");
    for (const d of [uk, ru, en]) assert.deepEqual([d.kind, d.city], ["meeting", "Moscow"]);
  });
  it("leaves a source's label before it alone ('Ушаков: …')", () => {
    const ru = main("Ушаков: трехсторонние переговоры пройдут в Женеве\n\nПомощник президента Юрий Ушаков сообщил, что трехсторонние переговоры пройдут в Женеве в пятницу.", "2026-03-05");
    assert.deepEqual([ru.kind, ru.city], ["round", "Geneva"]);
  });
});

describe("a headline's clause after a comma that a name and its verb open", () => {
  // 2026-03-05 was a Thursday.
  it("is another piece of news: its people are not the first clause's ('…, Трамп заговорив про зустріч', '…, Трамп заявил о встрече')", () => {
    const uk = read("Віткофф три години говорив з Путіним, Трамп заговорив про зустріч дуже скоро\n\nВолодимир Путін у середу прийняв у Кремлі Стіва Віткоффа.", "2026-03-05");
    const ru = read("Уиткофф три часа говорил с Путиным, Трамп заявил о встрече очень скоро\n\nВладимир Путин в среду принял в Кремле Стива Уиткоффа.", "2026-03-05");
    for (const r of [uk, ru]) {
      assert.equal(r.drafts[0].kind, "meeting");
      assert.ok(!r.drafts[0].participants.some((p) => p.name === "Donald Trump"), JSON.stringify(r.drafts[0].participants));
    }
  });
  it("leaves a list of names one clause ('…, Кушнером и Грюнбаумом')", () => {
    const ru = read("Путин встретился с Уиткоффом, Кушнером и Грюнбаумом\n\nВладимир Путин в среду принял в Кремле американских переговорщиков.", "2026-03-05");
    assert.ok(ru.drafts[0].participants.some((p) => p.name === "Jared Kushner"), JSON.stringify(ru.drafts[0].participants));
  });
});

describe("a talk between two capitals", () => {
  it("reads 'talk to', 'поговорить с', 'поговорити з' one of the other side as a call to come", () => {
    const en = main("Trump expects to talk to Putin soon as Gaza talks stall\n\nPresident Trump expects to talk to President Putin in the coming days, the White House said.", "2026-03-04");
    const ru = main("Трамп рассчитывает вскоре поговорить с Путиным\n\nПрезидент США Дональд Трамп рассчитывает в ближайшие дни поговорить с Владимиром Путиным, сообщили в Белом доме.", "2026-03-04");
    const uk = main("Трамп розраховує найближчим часом поговорити з Путіним\n\nПрезидент США Дональд Трамп розраховує найближчими днями поговорити з Володимиром Путіним, повідомили в Білому домі.", "2026-03-04");
    for (const d of [en, ru, uk]) assert.deepEqual([d.kind, d.status, d.city], ["call", "announced", null]);
  });
  it("keeps 'talked with' him in a place a meeting", () => {
    const en = main("Witkoff talked with Putin in the Kremlin for five hours\n\nSteve Witkoff talked with Vladimir Putin in the Kremlin on Tuesday.", "2026-03-04");
    assert.deepEqual([en.kind, en.city], ["meeting", "Moscow"]);
  });
});

describe("a conversation and a place", () => {
  // 2026-03-05 was a Thursday.
  it("is a meeting where the place is its own ('разговор в Кремле', 'розмова в Кремлі')", () => {
    const ru = main("Разговор в Кремле длился пять часов\n\nВладимир Путин в среду принял Стива Уиткоффа в Кремле, их разговор длился пять часов.", "2026-03-05");
    const uk = main("Розмова в Кремлі тривала п'ять годин\n\nВолодимир Путін у середу прийняв Стіва Віткоффа в Кремлі, їхня розмова тривала п'ять годин.", "2026-03-05");
    for (const d of [ru, uk]) assert.deepEqual([d.kind, d.city], ["meeting", "Moscow"]);
  });
  it("stays a call where the place is another contact's, named after its noun", () => {
    const ru = main("Ушаков подтвердил разговор с Уолтцем и назвал дату консультаций в Женеве\n\nПомощник президента Юрий Ушаков подтвердил, что в среду провел телефонный разговор с Майком Уолтцем.", "2026-03-05");
    const uk = main("Ушаков підтвердив розмову з Уолтцом і назвав дату консультацій у Женеві\n\nПомічник президента Юрій Ушаков підтвердив, що в середу провів телефонну розмову з Майком Уолтцом.", "2026-03-05");
    for (const d of [ru, uk]) assert.deepEqual([d.kind, d.city, d.date], ["call", null, "2026-03-04"]);
  });
});

describe("a spokesman's briefing by phone", () => {
  it("is no call ('телефонный брифинг', 'телефонний брифінг', 'a telephone briefing')", () => {
    const cases = [
      ["ru", "Пресс-секретарь президента Дмитрий Песков провел телефонный брифинг для журналистов."],
      ["uk", "Речник Кремля Дмитро Пєсков провів телефонний брифінг для журналістів."],
      ["en", "Kremlin spokesman Dmitry Peskov held a telephone briefing for reporters on Tuesday."],
    ] as const;
    for (const [lang, text] of cases) assert.ok(!readSentence({ text, index: 1, headline: false, paragraph: 1 }, lang, names).kinds.has("call"), text);
  });
});

describe("one who greets an arrival", () => {
  it("meets no one for talks ('встретил в аэропорту', 'зустрів в аеропорту', 'met her at the airport')", () => {
    const cases = [
      ["ru", "Освобожденную американку встретил в аэропорту директор ЦРУ Джон Рэтклифф."],
      ["uk", "Звільнену американку зустрів в аеропорту директор ЦРУ Джон Реткліфф."],
      ["en", "CIA Director John Ratcliffe met her at the airport."],
    ] as const;
    for (const [lang, text] of cases) assert.ok(!readSentence({ text, index: 1, headline: false, paragraph: 1 }, lang, names).kinds.has("meeting"), text);
  });
});

describe("talks brokered by the third side", () => {
  it("counts the broker among the parties ('US-brokered', 'при посредничестве США', 'за посередництва США')", () => {
    const en = read("Peace talks in Geneva put off\n\nA new round of US-brokered talks between Ukraine and Russia that was expected in Geneva next week has been postponed, Kyiv said.", "2026-03-04");
    const ru = read("Переговоры в Женеве отложены\n\nНовый раунд переговоров России и Украины при посредничестве США, который ожидался на следующей неделе в Женеве, отложен, сообщили в Киеве.", "2026-03-04");
    const uk = read("Переговори в Женеві відклали\n\nНовий раунд переговорів України та Росії за посередництва США, який очікували наступного тижня в Женеві, відклали, повідомили в Києві.", "2026-03-04");
    for (const r of [en, ru, uk]) assert.deepEqual([r.drafts[0].kind, r.drafts[0].parties], ["round", ["RU", "UA", "US"]]);
  });
  it("leaves talks between Russia and the US that a third country hosts bilateral", () => {
    const en = read("Russia-US talks in Istanbul postponed\n\nA new round of talks between Russia and the United States, hosted by Turkey in Istanbul, has been postponed.", "2026-03-04");
    assert.deepEqual(en.drafts[0].parties, ["RU", "US"]);
  });
});

describe("a visit agreed in a call", () => {
  it("takes the visit's people, not the call's, when an opening line tells only the call", () => {
    const ru = read("Ушаков анонсировал визит Уиткоффа в Москву\n\nДоговоренность о нем была достигнута в ходе телефонного разговора Путина и Трампа\n\nСпецпосланник Стив Уиткофф приедет в Москву в мае, его примет Владимир Путин.", "2026-04-30");
    const uk = read("Ушаков анонсував візит Віткоффа до Москви\n\nДомовленості про нього досягли під час телефонної розмови Путіна і Трампа\n\nСпецпосланець Стів Віткофф приїде до Москви у травні, його прийме Володимир Путін.", "2026-04-30");
    const en = read("Ushakov announces Witkoff visit to Moscow\n\nThe visit was agreed during a phone call between Putin and Trump\n\nSpecial envoy Steve Witkoff will come to Moscow in May, and Vladimir Putin will receive him.", "2026-04-30");
    for (const r of [ru, uk, en]) {
      assert.equal(r.drafts[0].kind, "meeting");
      assert.ok(!r.drafts[0].participants.some((p) => p.name === "Donald Trump"), JSON.stringify(r.drafts[0].participants));
    }
  });
});

describe("a contact named after 'after' or 'before'", () => {
  // 2026-03-01 was a Sunday.
  it("is the time of the one reported, not its kind", () => {
    const en = main("Witkoff meets Dmitriev weeks after the Alaska summit\n\nSteve Witkoff met Kirill Dmitriev on Tuesday, weeks after the Alaska summit.", "2026-03-01");
    const ru = main("Путин созвонился с Трампом после встречи с Уиткоффом\n\nВладимир Путин во вторник провел телефонный разговор с Дональдом Трампом.", "2026-03-01");
    assert.deepEqual([en.kind, ru.kind], ["meeting", "call"]);
  });
  it("in the lead, is the time of the headline's meeting, not its kind, unless a clause of its own tells it", () => {
    // ("after a long phone call" names when the meeting was agreed; "after a call that lasted two
    // hours" reports the call.)
    const en = main("Trump says he will meet Putin in Vienna after productive talk\n\nPresident Donald Trump said on Tuesday that he had agreed to meet Vladimir Putin in Vienna, after a long phone call between the two leaders.", "2026-03-04");
    const ru = main("Трамп встретится с Путиным в Вене\n\nПосле долгого телефонного разговора с Владимиром Путиным Дональд Трамп заявил во вторник, что встретится с ним в Вене.", "2026-03-04");
    const uk = main("Трамп зустрінеться з Путіним у Відні\n\nПісля довгої телефонної розмови з Володимиром Путіним Дональд Трамп заявив у вівторок, що зустрінеться з ним у Відні.", "2026-03-04");
    for (const d of [en, ru, uk]) assert.notEqual(d.kind, "call");
    const told = main("Trump and Putin agree to meet in Vienna after long talk\n\nDonald Trump said on Tuesday that he and Vladimir Putin had agreed to meet in Vienna after a phone call that lasted two hours.", "2026-03-04");
    assert.equal(told.kind, "call");
  });
  it("has its place, whatever it is called", () => {
    const en = main("Putin meets Witkoff days after talks in Miami\n\nVladimir Putin met Steve Witkoff in the Kremlin on Tuesday.", "2026-03-01");
    const ru = main("Путин принял Уиткоффа после переговоров в Майами\n\nВладимир Путин во вторник принял Стива Уиткоффа в Кремле.", "2026-03-01");
    const uk = main("Путін прийняв Віткоффа після переговорів у Маямі\n\nВолодимир Путін у вівторок прийняв Стіва Віткоффа в Кремлі.", "2026-03-01");
    for (const d of [en, ru, uk]) assert.equal(d.city, "Moscow");
  });
});

describe("three-way talks", () => {
  it("are Russia's, Ukraine's and the United States' where one side alone is named, and news of a bulletin", () => {
    const ru = read("Новости к этому часу\n\nВ студии Анна Ковалева, начнем с главного.\n\nКремль назвал состав российской делегации на трехсторонней встрече в Женеве, она начнется в четверг.", "2026-03-01");
    const uk = read("Новини цієї години\n\nУ студії Анна Ковальова, почнемо з головного.\n\nКремль назвав склад російської делегації на тристоронній зустрічі в Женеві, вона відбудеться в четвер.", "2026-03-01");
    const en = read("The news at this hour\n\nIn the studio is Anna Smith, and we start with the main story.\n\nThe Kremlin named the Russian delegation to the three-way talks in Geneva, which will start on Thursday.", "2026-03-01");
    for (const r of [ru, uk, en]) assert.deepEqual([r.relevant, r.drafts[0]?.kind, r.drafts[0]?.parties], [true, "round", ["RU", "UA", "US"]]);
  });
  it("count the one who tells of them when his own clause says he leads a side", () => {
    const uk = read("Переговори в Абу-Дабі відбудуться 4 березня\n\nДругий раунд тристоронніх переговорів відбудеться 4 березня в Абу-Дабі, повідомив секретар РНБО Рустем Умєров, який очолює українську делегацію.", "2026-03-01");
    const ru = read("Переговоры в Абу-Даби пройдут 4 марта\n\nВторой раунд трехсторонних переговоров пройдет 4 марта в Абу-Даби, сообщил секретарь СНБО Рустем Умеров, который возглавляет украинскую делегацию.", "2026-03-01");
    const en = read("Abu Dhabi talks set for March 4\n\nThe second round of three-way talks will be held in Abu Dhabi on March 4, said Rustem Umerov, who leads the Ukrainian delegation.", "2026-03-01");
    for (const r of [uk, ru, en]) assert.deepEqual(r.drafts[0].participants.map((p) => p.name), ["Rustem Umerov"]);
  });
});

describe("an interview's answers", () => {
  it("tell of the contact the question asks about: its place", () => {
    const en = main("Remarks by the Secretary Before His Departure\n\nSecretary of State Marco Rubio answered questions from reporters on Wednesday before leaving for Tokyo.\n\nQ: Is the Geneva meeting with Foreign Minister Lavrov off?\n\nSECRETARY RUBIO: Yes, we postponed the meeting with Lavrov. We will find a better time.", "2026-03-04");
    assert.deepEqual([en.kind, en.status, en.city], ["meeting", "postponed", "Geneva"]);
  });
  // 2026-03-07 was a Saturday.
  it("tell of the contact held days before that the question dates, and its sides listed", () => {
    const ru = read("Ушаков рассказал подробности переговоров\n\nПомощник президента Юрий Ушаков в интервью рассказал подробности переговоров в Кремле.\n\n— Во вторник переговоры шли пять часов. Почему так долго?\n\n— Разговор был предметный. С нашей стороны участвовали я и Кирилл Дмитриев. С американской — Стив Уиткофф и Джаред Кушнер.", "2026-03-07");
    const uk = read("Ушаков розповів подробиці переговорів\n\nПомічник президента РФ Юрій Ушаков в інтерв’ю розповів подробиці переговорів у Кремлі.\n\n— У вівторок переговори тривали п’ять годин. Чому так довго?\n\n— Розмова була предметна. З нашого боку брали участь я і Кирило Дмитрієв. З американського — Стів Віткофф і Джаред Кушнер.", "2026-03-07");
    const en = read("Ushakov gives details of the Kremlin talks\n\nKremlin aide Yuri Ushakov gave details of the talks in the Kremlin in an interview.\n\nQ: On Tuesday the talks went on for five hours. Why so long?\n\nA: The conversation was substantive. On our side, Kirill Dmitriev and I took part. On the American side, Steve Witkoff and Jared Kushner.", "2026-03-07");
    for (const r of [ru, uk, en]) {
      assert.ok(r.relevant, r.reason);
      assert.deepEqual([r.drafts[0].kind, r.drafts[0].date, r.drafts[0].place.city, r.drafts[0].parties], ["meeting", "2026-03-03", "Moscow", ["RU", "US"]]);
      assert.ok(r.drafts[0].participants.some((p) => p.name === "Jared Kushner"));
    }
  });
  it("call the round their question names a plain 'meeting' ('очередной встречи', 'наступної зустрічі')", () => {
    const ru = main("Министерство иностранных дел\n\nОтвет официального представителя МИД на вопрос СМИ о третьем раунде консультаций России и США\n\nВопрос: Третий раунд консультаций России и США должен был пройти в Москве. Есть ли новости?\n\nОтвет: Американская сторона сообщила нам об отмене очередной встречи в Москве.", "2026-03-04");
    const uk = main("Міністерство закордонних справ\n\nВідповідь офіційної речниці МЗС на запитання ЗМІ про третій раунд консультацій Росії та США\n\nЗапитання: Третій раунд консультацій Росії та США мав пройти в Москві. Чи є новини?\n\nВідповідь: Американська сторона повідомила нам про скасування наступної зустрічі в Москві.", "2026-03-04");
    for (const d of [ru, uk]) assert.deepEqual([d.kind, d.status, d.city], ["round", "cancelled", "Moscow"]);
  });
});

describe("a host's question that goes over other news", () => {
  it("leaves the answer that reports the contact its own, and its place", () => {
    const ru = main("Итоги дня: главное к этому часу\n\nВЕДУЩИЙ: Добрый вечер, в Москве семь часов. В Канаде открылся саммит G7, Трамп уже прибыл туда. Ольга, что произошло?\n\nОБОЗРЕВАТЕЛЬ: Захарова сегодня сообщила, что третий раунд консультаций России и США не состоится. Встреча должна была пройти в Москве.", "2026-03-04");
    const uk = main("Підсумки дня: головне на цю годину\n\nВЕДУЧИЙ: Добрий вечір, у Києві сьома година. У Канаді відкрився саміт G7, Трамп уже прибув туди. Ольго, що сталося?\n\nОГЛЯДАЧ: Захарова сьогодні повідомила, що третій раунд консультацій Росії та США не відбудеться. Зустріч мала пройти в Москві.", "2026-03-04");
    const en = main("The day in review: the main news\n\nHOST: Good evening, it is seven o clock in Washington. The G7 summit opened in Canada, and Trump has arrived there. Olga, what happened?\n\nCORRESPONDENT: Zakharova said today that the third round of Russia-US consultations will not take place. The meeting was to be held in Moscow.", "2026-03-04");
    for (const d of [ru, uk, en]) assert.deepEqual([d.kind, d.status, d.city], ["round", "cancelled", "Moscow"]);
  });
});

describe("a place of the talk a contact to come was agreed in", () => {
  it("is not the place of the contact to come", () => {
    const ru = main("Новый раунд консультаций по посольствам пройдет осенью\n\nЛавров в Нью-Йорке обсудил с Рубио работу посольств, и договоренность достигнута: новый раунд консультаций пройдет до конца осени, сообщил Рябков.", "2025-10-01");
    const uk = main("Новий раунд консультацій щодо посольств відбудеться восени\n\nЛавров у Нью-Йорку обговорив з Рубіо роботу посольств, і домовленості досягнуто: новий раунд консультацій відбудеться до кінця осені, повідомив Рябков.", "2025-10-01");
    const en = main("New round of embassy consultations to be held this autumn\n\nLavrov discussed the embassies with Rubio in New York, and it was settled: a new round of consultations will be held before the end of autumn, Ryabkov said.", "2025-10-01");
    for (const d of [ru, uk, en]) assert.deepEqual([d.kind, d.status, d.city], ["round", "announced", null]);
  });
});

describe("a place as a contact's attribute", () => {
  it("places it ('the Budapest summit', 'the Geneva talks'), unless after 'after'", () => {
    const en = main("Trump calls off the Budapest summit with Putin\n\nPresident Donald Trump said on Wednesday he had called off the Budapest summit with Vladimir Putin.", "2026-03-04");
    assert.equal(en.city, "Budapest");
    const after = main("Witkoff meets Dmitriev weeks after the Alaska summit\n\nSteve Witkoff met Kirill Dmitriev on Tuesday, weeks after the Alaska summit.", "2026-03-04");
    assert.equal(after.city, null);
  });
});

describe("the lines of a page", () => {
  it("take a date line set off by a middle dot from the outlet or the section for no lead", () => {
    const ru = readStory("Уиткофф прилетел в Москву\n\nВести · 7 декабря 2025, 22:14\n\nСтив Уиткофф прилетел в Москву.");
    const uk = readStory("Віткофф прилетів до Москви\n\n7 грудня 2025, 22:14 · Політика\n\nСтів Віткофф прилетів до Москви.");
    const en = readStory("Witkoff lands in Moscow\n\nReuters · December 7, 2025\n\nSteve Witkoff landed in Moscow.");
    assert.deepEqual([ru.dateLine, uk.dateLine, en.dateLine], ["7 декабря 2025, 22:14", "7 грудня 2025, 22:14", "December 7, 2025"]);
    for (const s of [ru, uk, en]) assert.equal(s.sentences.length, 2);
  });
  it("end no sentence at the stops inside a short name in guillemets", () => {
    const ru = splitSentences("Ушаков в интервью программе «Москва. Кремль. Путин» рассказал о переговорах. Он был доволен.");
    const uk = splitSentences("Ушаков в інтерв’ю програмі «Москва. Кремль. Путін» розповів про переговори. Він був задоволений.");
    for (const parts of [ru, uk]) assert.equal(parts.length, 2);
  });
});

describe("a visit whose talks the story leaves open", () => {
  // 2026-03-04 was a Wednesday.
  it("stays a visit: talks asked about are not told ('whether he met', 'встречался ли', 'чи зустрічався')", () => {
    const en = main("Trump envoy flies to Moscow and back with freed American\n\nSteve Witkoff made a trip to Moscow on Tuesday and flew out with a freed American.\n\nThe White House did not say whether Witkoff met Vladimir Putin during the visit.", "2026-03-04");
    const ru = main("Уиткофф слетал в Москву и вывез освобожденного американца\n\nСтив Уиткофф во вторник побывал в Москве и улетел вместе с освобожденным американцем.\n\nВ Белом доме не уточнили, была ли у Уиткоффа встреча с Владимиром Путиным.", "2026-03-04");
    const uk = main("Віткофф злітав до Москви і вивіз звільненого американця\n\nСтів Віткофф у вівторок побував у Москві й вилетів разом зі звільненим американцем.\n\nУ Білому домі не уточнили, чи була у Віткоффа зустріч з Володимиром Путіним.", "2026-03-04");
    for (const d of [en, ru, uk]) assert.deepEqual([d.kind, d.city], ["other", "Moscow"]);
  });
});

describe("a visit called off whose visitor was to meet the host", () => {
  it("is the meeting called off ('had been expected to meet', 'должен был встретиться', 'мав зустрітися')", () => {
    const en = main("Witkoff's Moscow trip called off, Kremlin says\n\nA planned visit to Moscow by Steve Witkoff has been cancelled, the Kremlin said on Tuesday.\n\nWitkoff had been expected to meet Vladimir Putin in the Kremlin this week.", "2026-03-03");
    const ru = main("Поездку Уиткоффа в Москву отменили\n\nЗапланированный визит Стива Уиткоффа в Москву отменен, сообщили во вторник в Кремле.\n\nНа этой неделе Уиткофф должен был встретиться с Владимиром Путиным в Кремле.", "2026-03-03");
    const uk = main("Поїздку Віткоффа до Москви скасували\n\nЗапланований візит Стіва Віткоффа до Москви скасовано, повідомили у вівторок у Кремлі.\n\nЦього тижня Віткофф мав зустрітися з Володимиром Путіним у Кремлі.", "2026-03-03");
    for (const d of [en, ru, uk]) assert.deepEqual([d.kind, d.status, d.city], ["meeting", "cancelled", "Moscow"]);
  });
});

describe("talks for which each side sent a delegation", () => {
  // 2026-03-03 was a Tuesday.
  it("are a round when each side's delegation and its leader are named ('The Russian delegation was led by', 'Российскую делегацию возглавил', 'Делегацію США очолював')", () => {
    const en = main("US and Russian officials end talks in Riyadh\n\nU.S. and Russian officials held talks in Riyadh on Monday.\n\nThe Russian delegation was led by Grigory Karasin. The U.S. side was represented by Michael Anton.", "2026-03-03");
    const ru = main("Российские и американские представители завершили переговоры в Эр-Рияде\n\nПредставители России и США в понедельник провели переговоры в Эр-Рияде.\n\nРоссийскую делегацию возглавил Григорий Карасин. Американскую делегацию возглавлял Майкл Антон.", "2026-03-03");
    const uk = main("Представники Росії та США завершили переговори в Ер-Ріяді\n\nПредставники Росії та США в понеділок провели переговори в Ер-Ріяді.\n\nРосійську делегацію очолив Григорій Карасін. Делегацію США очолював Майкл Антон.", "2026-03-03");
    for (const d of [en, ru, uk]) assert.deepEqual([d.kind, d.city], ["round", "Riyadh"]);
  });
  it("are a meeting when one man talks with the other side's delegation", () => {
    const en = main("Dmitriev holds talks in Miami\n\nKirill Dmitriev held talks in Miami on Monday with the U.S. delegation, which was led by Steve Witkoff.", "2026-03-03");
    const ru = main("Дмитриев провел переговоры в Майами\n\nКирилл Дмитриев в понедельник провел в Майами переговоры с американской делегацией, которую возглавлял Стив Уиткофф.", "2026-03-03");
    for (const d of [en, ru]) assert.equal(d.kind, "meeting");
  });
});

describe("the next of a series, in a story on a contact to come", () => {
  // 2026-03-02 was a Monday.
  it("is that contact: its day fills it in ('The next round will take place', 'Очередной раунд пройдет', 'Наступний раунд відбудеться')", () => {
    const en = read("Talks resume in Geneva\n\nRussian and U.S. delegations will hold talks in Geneva, the Kremlin said.\n\nThe next round of talks between Russia and the United States will take place on Wednesday in Geneva.", "2026-03-02");
    const ru = read("Переговоры возобновятся\n\nДелегации России и США проведут переговоры в Женеве, сообщили в Кремле.\n\nОчередной раунд переговоров России и США пройдет в среду в Женеве.", "2026-03-02");
    const uk = read("Перемовини відновляться\n\nДелегації Росії та США проведуть перемовини в Женеві, повідомили в Кремлі.\n\nНаступний раунд перемовин Росії та США відбудеться в середу в Женеві.", "2026-03-02");
    for (const r of [en, ru, uk]) {
      assert.equal(r.drafts.length, 1);
      assert.deepEqual([r.drafts[0].status, r.drafts[0].date, r.drafts[0].place.city], ["scheduled", "2026-03-04", "Geneva"]);
    }
  });
  it("is another contact after one done, and 'next week' is a time, not the series' next", () => {
    const en = read("Russian and U.S. delegations held talks in Geneva\n\nRussian and U.S. delegations held talks in Geneva on Monday, the Kremlin said.\n\nThe next round of talks will take place on 20 March in Riyadh.", "2026-03-02");
    assert.equal(en.drafts.length, 2);
    assert.deepEqual([en.drafts[0].status, en.drafts[0].date], ["held", "2026-03-02"]);
    const week = read("Talks in Geneva\n\nRussian and U.S. delegations will hold talks in Geneva, the Kremlin said.\n\nBefore that, advisers would meet next week in Riyadh.", "2026-03-02");
    assert.equal(week.drafts[0].place.city, "Geneva");
  });
});

describe("ringing each other up", () => {
  // 2025-10-16 was a Thursday.
  it("is a call, done or to come", () => {
    const ru = main("Путин и Трамп созвонились\n\nВладимир Путин и Дональд Трамп созвонились во вторник, сообщили в Кремле.", "2025-10-16");
    assert.deepEqual([ru.kind, ru.status, ru.date], ["call", "held", "2025-10-14"]);
    const uk = main("Путін і Трамп зідзвонилися\n\nВолодимир Путін і Дональд Трамп зідзвонилися у вівторок, повідомили в Кремлі.", "2025-10-16");
    assert.deepEqual([uk.kind, uk.status, uk.date], ["call", "held", "2025-10-14"]);
    const one = main("Путін зідзвонився з Трампом\n\nВолодимир Путін зідзвонився з Дональдом Трампом у вівторок.", "2025-10-16");
    assert.deepEqual([one.kind, one.status], ["call", "held"]);
    const next = main("Лавров і Рубіо зідзвоняться\n\nСергій Лавров і Марко Рубіо зідзвоняться у п'ятницю, повідомили в МЗС.", "2025-10-16");
    assert.deepEqual([next.kind, next.status, next.date], ["call", "scheduled", "2025-10-17"]);
  });
});

describe("a place of the contact a time clause tells, and a place that speaks", () => {
  const city = (text: string, published: string) => main(text, published).city;
  it("leaves the place of a contact told by 'after' with its verb and people to that contact", () => {
    assert.equal(city("Umerov: next round expected in March\n\nUkraine, the United States and Russia expect to hold their next round of trilateral talks in March, Rustem Umerov said on Friday, two days after the latest round wrapped up in Geneva.", "2026-02-20"), null);
    assert.equal(city("Умеров: следующий раунд ожидается в марте\n\nУкраина, США и Россия рассчитывают провести следующий раунд трехсторонних переговоров в марте, заявил Рустем Умеров через два дня после того, как предыдущий раунд завершился в Женеве.", "2026-02-20"), null);
    assert.equal(city("Умєров: наступний раунд очікується в березні\n\nУкраїна, США та Росія розраховують провести наступний раунд тристоронніх переговорів у березні, заявив Рустем Умєров через два дні після того, як попередній раунд завершився в Женеві.", "2026-02-20"), null);
    assert.equal(city("Putin and Trump to meet in coming days, Kremlin says\n\nAide Yuri Ushakov says the venue has been agreed, a day after Steve Witkoff held talks with Putin in Moscow.", "2025-08-07"), null);
  });
  it("reads a side's capital that judges or an institution that keeps silent as no venue", () => {
    assert.equal(city("Встречу Лаврова и Рубио отложили\n\nОчную встречу Сергея Лаврова и Марко Рубио отложили. В Вашингтоне сочли, что позиция Москвы не изменилась.", "2025-10-21"), null);
    assert.equal(city("Зустріч Лаврова і Рубіо відклали\n\nОчну зустріч Сергія Лаврова і Марко Рубіо відклали. У Вашингтоні вирішили, що позиція Москви не змінилася.", "2025-10-21"), null);
    assert.equal(city("Путин и Трамп встретятся в ближайшие дни, заявили в Кремле\n\nМесто саммита согласовано, сообщил Ушаков.", "2025-08-07"), null);
    assert.equal(city("Дмитрієв прилетів до США\n\nКирило Дмитрієв у п'ятницю прибув до США на запрошення американської сторони. У Білому домі та Держдепі станом на вечір п’ятниці візит не коментували.", "2025-10-24"), null);
    assert.equal(city("Дмитриев прилетел в США\n\nКирилл Дмитриев в пятницу прибыл в США по приглашению американской стороны. В Белом доме и Госдепе по состоянию на вечер пятницы визит не комментировали.", "2025-10-24"), null);
    // (A place the words of saying tell of stays: "Президенты встретятся в Москве …, заявили в Кремле".)
    assert.equal(city("Путин и Трамп встретятся в Москве\n\nПрезиденты встретятся в Москве на следующей неделе, заявили в Кремле.", "2025-08-07"), "Moscow");
  });
  it("reads a place before the one who speaks, in English with 'that' left out, as the speaker's", () => {
    assert.equal(city("Putin and Trump to meet in coming days, Kremlin says\n\nThe Kremlin said the two presidents would meet in the coming days. In Washington, Trump had told reporters there was a very good chance he would meet Putin very soon.", "2025-08-07"), null);
    assert.equal(city("Путин и Трамп встретятся в ближайшие дни\n\nВ Кремле заявили, что президенты встретятся в ближайшие дни. В Вашингтоне Трамп сказал журналистам, что встретится с Путиным очень скоро.", "2025-08-07"), null);
    assert.equal(city("Путін і Трамп зустрінуться найближчими днями\n\nУ Кремлі заявили, що президенти зустрінуться найближчими днями. У Вашингтоні Трамп сказав журналістам, що зустрінеться з Путіним дуже скоро.", "2025-08-07"), null);
  });
});

describe("a meeting that prepares a summit", () => {
  it("leaves the place right after the summit's noun to the summit", () => {
    assert.equal(main("CNN сообщил об отсрочке встречи Лаврова и Рубио\n\nВстреча глав МИД России и США, которая должна была проложить дорогу к саммиту в Будапеште, отложена, сообщил CNN.", "2025-10-21").city, null);
    assert.equal(main("CNN повідомив про відкладення зустрічі Лаврова і Рубіо\n\nЗустріч Сергія Лаврова і Марко Рубіо, яка мала підготувати саміт Трампа і Путіна в Будапешті, відкладено, повідомив CNN.", "2025-10-21").city, null);
    assert.equal(main("Rubio-Lavrov meeting put on hold\n\nA meeting between Marco Rubio and Sergei Lavrov meant to pave the way for the summit in Budapest has been put on hold, CNN reported.", "2025-10-21").city, null);
  });
  it("keeps the meeting's own place, and the summit's for the leaders' meeting", () => {
    assert.equal(main("Rubio and Lavrov to meet in Budapest ahead of summit\n\nMarco Rubio and Sergei Lavrov will meet in Budapest next week to prepare the summit.", "2025-10-21").city, "Budapest");
    assert.equal(main("Саммит Путина и Трампа пройдет на Аляске\n\nВстреча Владимира Путина и Дональда Трампа пройдет 15 августа, саммит в Анкоридже станет первым за шесть лет.", "2025-08-10").city, "Anchorage");
  });
});

describe("a visit and the contacts its story recalls", () => {
  const visit = (text: string) => {
    const d = main(text, "2025-10-24");
    return [d.kind, d.status, d.date, d.city];
  };
  it("leaves a contact called off in a clause of 'since' or 'after' to that contact", () => {
    assert.deepEqual(visit("Putin envoy Dmitriev arrives in US\n\nKirill Dmitriev arrived in the United States on Friday at the invitation of the American side.\n\nThe trip is the first high-level contact since Trump said on Wednesday he had called off his meeting with Putin in Budapest."), ["other", "held", "2025-10-24", null]);
    assert.deepEqual(visit("Дмитриев прилетел в США\n\nКирилл Дмитриев в пятницу прибыл в США по приглашению американской стороны.\n\nПоездка Дмитриева стала первым контактом после того, как 22 октября Трамп объявил, что отменяет встречу с Путиным в Будапеште."), ["other", "held", "2025-10-24", null]);
    assert.deepEqual(visit("Дмитрієв прилетів до США\n\nКирило Дмитрієв у п'ятницю прибув до США на запрошення американської сторони.\n\nПоїздка Дмитрієва стала першим контактом після того, як 22 жовтня Трамп оголосив, що скасовує зустріч із путіним у Будапешті."), ["other", "held", "2025-10-24", null]);
    assert.deepEqual(visit("Дмитрієв прилетів до США\n\nКирило Дмитрієв у п'ятницю прибув до США на запрошення американської сторони.\n\nЦе перший візит високопосадовця РФ до США після того, як саміт Трампа і Путіна в Будапешті відклали."), ["other", "held", "2025-10-24", null]);
  });
  it("leaves talks and places dated weeks before the story to an earlier trip", () => {
    assert.deepEqual(visit("Дмитрієв прилетів до США\n\nКирило Дмитрієв у п'ятницю прибув до США на запрошення американської сторони.\n\nНа початку квітня він відвідав Вашингтон і провів переговори з Віткоффом. Дмитрієв був присутній на всіх зустрічах Віткоффа з Путіним — зокрема 6 серпня в Москві."), ["other", "held", "2025-10-24", null]);
    assert.deepEqual(visit("Дмитриев прилетел в США\n\nКирилл Дмитриев в пятницу прибыл в США по приглашению американской стороны.\n\nВ начале апреля он посетил Вашингтон и провел переговоры с Уиткоффом."), ["other", "held", "2025-10-24", null]);
    const en = main("Putin envoy in US to meet Witkoff\n\nKirill Dmitriev has arrived in the United States and is expected to meet Steve Witkoff over the weekend.\n\nIn April he became the most senior Russian official to visit Washington since 2022, holding talks with Witkoff.", "2025-10-24");
    assert.deepEqual([en.kind, en.status, en.city], ["meeting", "announced", null]);
  });
});

describe("a headline's conversation over a lead's meeting", () => {
  it("is the meeting the lead tells, unless a phone is named", () => {
    const uk = main("Рубіо після розмови з Лавровим: Росія поділилася новою ідеєю\n\nДержсекретар США Марко Рубіо в четвер зустрівся з міністром закордонних справ Росії Сергієм Лавровим у Куала-Лумпурі.", "2025-07-10");
    assert.deepEqual([uk.kind, uk.city], ["meeting", "Kuala Lumpur"]);
    const ru = main("Рубио после разговора с Лавровым: Россия предложила новую идею\n\nГоссекретарь США Марко Рубио в четверг встретился с министром иностранных дел России Сергеем Лавровым в Куала-Лумпуре.", "2025-07-10");
    assert.deepEqual([ru.kind, ru.city], ["meeting", "Kuala Lumpur"]);
    const en = main("Rubio after talking with Lavrov: Russia shared a new idea\n\nSecretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov in Kuala Lumpur on Thursday.", "2025-07-10");
    assert.deepEqual([en.kind, en.city], ["meeting", "Kuala Lumpur"]);
    assert.equal(main("Рубио после разговора с Лавровым: Россия предложила новую идею\n\nГоссекретарь США Марко Рубио в четверг провел телефонный разговор с Сергеем Лавровым.", "2025-07-10").kind, "call");
  });
  it("leaves one present at a public event in another country out of it", () => {
    const text = "Рубіо зустрівся з Лавровим\n\nДержсекретар США Марко Рубіо в четвер зустрівся з міністром закордонних справ Росії Сергієм Лавровим у Куала-Лумпурі.\n\nПаралельно в Римі в четвер стартувала конференція з відновлення України, на якій присутній спецпосланець Трампа Кіт Келлог.";
    assert.deepEqual(read(text, "2025-07-10").drafts[0].participants.map((p) => p.name), ["Marco Rubio", "Sergei Lavrov"]);
  });
});

describe("a summit named only as where the two met", () => {
  // "on the sidelines of a regional summit" is the venue of the meeting told, not another
  // contact: the lead's day is the meeting's, not that of one recalled further down.
  const cases: [string, string][] = [
    ["en", "Rubio meets Lavrov in Kuala Lumpur\nUS secretary of state says talks were frank\n\nMarco Rubio met Sergei Lavrov on Thursday on the sidelines of a regional summit in Malaysia. The two men first met in Riyadh on 18 February."],
    ["ru", "Рубио встретился с Лавровым в Куала-Лумпуре\nГоссекретарь назвал беседу откровенной\n\nМарко Рубио встретился с Сергеем Лавровым в четверг на полях саммита АСЕАН в Малайзии. Впервые они встретились в Эр-Рияде 18 февраля."],
    ["uk", "Рубіо зустрівся з Лавровим у Куала-Лумпурі\nДержсекретар назвав розмову відвертою\n\nМарко Рубіо зустрівся з Сергієм Лавровим у четвер на полях саміту АСЕАН у Малайзії. Уперше вони зустрілися в Ер-Ріяді 18 лютого."],
  ];
  for (const [lang, text] of cases) {
    it(`keeps the meeting and its day (${lang})`, () => {
      const r = read(text, "2025-07-11");
      assert.equal(r.relevant, true, r.reason);
      assert.deepEqual([r.drafts[0].kind, r.drafts[0].status, r.drafts[0].date], ["meeting", "held", "2025-07-10"]);
    });
  }
});

describe("a side said absent from the contact", () => {
  // "with no Russian representatives present", "без участия российской стороны", "без участі
  // російської сторони": a US–Ukraine meeting stays one, whatever trilateral round the story
  // recalls; a trilateral round, and a US–Russia meeting without Ukrainians, are kept.
  const dropped: [string, string][] = [
    ["en", "Umerov meets Witkoff in Geneva\n\nRustem Umerov met U.S. envoy Steve Witkoff in Geneva on Thursday. The meeting was a bilateral format, with no Russian representatives present. A week earlier the city hosted trilateral talks with Russia's Vladimir Medinsky."],
    ["ru", "Умеров встретился с Уиткоффом в Женеве\n\nРустем Умеров встретился со спецпосланником США Стивом Уиткоффом в Женеве в четверг. Встреча прошла без участия российской стороны. Неделей ранее в городе прошли трехсторонние переговоры с Владимиром Мединским."],
    ["uk", "Умєров зустрівся з Віткоффом у Женеві\n\nРустем Умєров зустрівся зі спецпосланцем США Стівом Віткоффом у Женеві в четвер. Зустріч відбулася без участі російської сторони. Тижнем раніше в місті пройшли тристоронні переговори з Володимиром Мединським."],
    ["en", "Russia and Ukraine hold talks in Istanbul\n\nRussian and Ukrainian delegations led by Vladimir Medinsky and Rustem Umerov met in Istanbul on Monday, without U.S. participation."],
    ["ru", "Россия и Украина провели переговоры в Стамбуле\n\nДелегации России и Украины во главе с Владимиром Мединским и Рустемом Умеровым встретились в Стамбуле в понедельник без участия США."],
    ["uk", "Росія та Україна провели переговори в Стамбулі\n\nДелегації Росії та України на чолі з Володимиром Мединським і Рустемом Умєровим зустрілися в Стамбулі в понеділок без участі США."],
  ];
  for (const [lang, text] of dropped) {
    it(`drops a contact without one followed side (${lang})`, () => assert.equal(read(text, "2026-02-27").relevant, false));
  }
  const kept: [string, string][] = [
    ["en", "Umerov, Witkoff and Medinsky meet in Geneva\n\nRustem Umerov, Steve Witkoff and Vladimir Medinsky met in Geneva on Thursday for trilateral talks."],
    ["ru", "Умеров, Уиткофф и Мединский встретились в Женеве\n\nРустем Умеров, Стив Уиткофф и Владимир Мединский в четверг провели в Женеве трехсторонние переговоры."],
    ["uk", "Умєров, Віткофф і Мединський зустрілися в Женеві\n\nРустем Умєров, Стів Віткофф і Володимир Мединський у четвер провели в Женеві тристоронні переговори."],
    ["en", "Witkoff meets Dmitriev in Miami\n\nSteve Witkoff met Kirill Dmitriev in Miami on Thursday, without Ukrainian officials present."],
  ];
  for (const [lang, text] of kept) {
    it(`keeps a contact with both followed sides (${lang})`, () => assert.equal(read(text, "2026-02-27").relevant, true));
  }
});
