// Relevance rules from batches 32–34 and pages p35 (issue #9): reports kept, unrelated stories
// dropped. One short case per language a rule covers, written for the rule, not copied.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readDates } from "../../src/ingest/dates.ts";
import { readArticle as read } from "../support/ingest-cases.ts";

const days = (s: string, lang: "ru" | "uk" | "en", published: string) => readDates(s, lang, published, "past").dates.filter((d) => !d.another).map((d) => d.value);

describe("the day of an earlier conversation that times the one reported", () => {
  it("reads 'after a conversation on 9 March' as that conversation's day", () => {
    assert.deepEqual(days("It was their second call this year, after a conversation on 9 March.", "en", "2026-04-29"), []);
    assert.deepEqual(days("Это второй их разговор в этом году, после разговора 9 марта.", "ru", "2026-04-29"), []);
    assert.deepEqual(days("Це друга їхня розмова цього року, після розмови 9 березня.", "uk", "2026-04-29"), []);
  });
  it("keeps a call held today that recalls the one before it", () => {
    const text = "Putin and Trump hold phone call\n\nVladimir Putin and Donald Trump have held a phone conversation, the Kremlin said.\n\nIt is the second call between them this year, after a conversation on 9 March.";
    assert.equal(read(text, "2026-04-29").relevant, true);
  });
});

describe("a contact named only as a condition or as what was left unsaid", () => {
  it("drops a story whose only contact of the followed sides is the one something waits for", () => {
    const en = "Ukraine and Russia end talks in Istanbul\n\nUkrainian and Russian delegations ended their talks in Istanbul on Friday.\n\nTrump said on Thursday nothing would change until he meets Putin himself. The idea of the talks came from Putin.";
    assert.equal(read(en, "2025-05-16").relevant, false);
    const ru = "В Стамбуле завершились переговоры России и Украины\n\nДелегации России и Украины завершили переговоры в Стамбуле в пятницу.\n\nТрамп накануне заявил, что ничего не изменится, пока он сам не встретится с Путиным. Идею переговоров выдвинул Путин.";
    assert.equal(read(ru, "2025-05-16").relevant, false);
    const uk = "У Стамбулі завершилися переговори України та Росії\n\nДелегації України та Росії завершили переговори у Стамбулі в п'ятницю.\n\nТрамп напередодні заявив, що нічого не зміниться, доки він сам не зустрінеться з Путіним. Ідею переговорів висунув Путін.";
    assert.equal(read(uk, "2025-05-16").relevant, false);
  });
  it("drops a story whose other side did not say when the next round would be", () => {
    const en = "Witkoff meets Umerov in Berlin\n\nSteve Witkoff met Rustem Umerov in Berlin on Monday.\n\nMoscow said Russia had been informed but did not say when the next three-way round might happen. The three-way talks in Geneva in February ended without a deal.";
    assert.equal(read(en, "2026-03-10").relevant, false);
    const ru = "Уиткофф встретился с Умеровым в Берлине\n\nСтив Уиткофф встретился с Рустемом Умеровым в Берлине в понедельник.\n\nВ Москве сообщили, что Россия в курсе, но не уточнили, когда пройдет следующий трехсторонний раунд. Трехсторонние переговоры в Женеве в феврале завершились без сделки.";
    assert.equal(read(ru, "2026-03-10").relevant, false);
    const uk = "Віткофф зустрівся з Умєровим у Берліні\n\nСтів Віткофф зустрівся з Рустемом Умєровим у Берліні в понеділок.\n\nУ Москві повідомили, що Росія в курсі, але не уточнили, коли відбудеться наступний тристоронній раунд. Тристоронні переговори в Женеві в лютому завершилися без угоди.";
    assert.equal(read(uk, "2026-03-10").relevant, false);
  });
});

describe("a contact promised", () => {
  it("reads a round promised for later as announced", () => {
    const en = "Ryabkov promised a new round of consultations with the United States this autumn, the deputy minister told reporters on Wednesday.";
    const ru = "Рябков пообещал новый раунд консультаций с США осенью, сообщил замминистра журналистам в среду.";
    const uk = "Рябков пообіцяв новий раунд консультацій зі США восени, повідомив заступник міністра журналістам у середу.";
    for (const [text, lang] of [[en, "en"], [ru, "ru"], [uk, "uk"]]) {
      const r = read(`${text}\n\nThe date is not yet known.`, "2025-10-01");
      assert.ok(r.relevant, `${lang}: ${r.reason}`);
      assert.equal(r.drafts[0].status, "announced", lang);
    }
  });
});

describe("a followed side said absent by a sentence that names no contact", () => {
  it("drops a meeting of the US and Ukraine at which no Russian took part", () => {
    const en = "Witkoff meets Umerov in Geneva\n\nSteve Witkoff met Rustem Umerov in Geneva on Thursday, a week after three-way talks with Russia.\n\nRussian officials did not attend.";
    assert.equal(read(en, "2026-02-26").relevant, false);
    const ru = "Уиткофф встретился с Умеровым в Женеве\n\nСтив Уиткофф встретился с Рустемом Умеровым в Женеве в четверг, через неделю после трехсторонних переговоров с Россией.\n\nРоссийская сторона участия не принимала.";
    assert.equal(read(ru, "2026-02-26").relevant, false);
    const uk = "Віткофф зустрівся з Умєровим у Женеві\n\nСтів Віткофф зустрівся з Рустемом Умєровим у Женеві в четвер, через тиждень після тристоронніх переговорів з Росією.\n\nРосійські представники участі не брали.";
    assert.equal(read(uk, "2026-02-26").relevant, false);
  });
  it("leaves a side said absent from the contact the sentence before names to that contact", () => {
    const ru = "США отменили раунд консультаций в Москве\n\nАмериканская сторона отменила раунд российско-американских консультаций, который должен был пройти в Москве.\n\n2 июня в Стамбуле прошел раунд переговоров России и Украины. Американские представители в нем не участвовали.";
    assert.equal(read(ru, "2025-06-19").relevant, true);
  });
});

describe("the place of an institution that did not answer", () => {
  it("reads no venue in an embassy that did not answer a request far on in the clause", () => {
    const ru = "Рябков пообещал раунд консультаций с США осенью\n\nТретий раунд консультаций России и США пройдет до конца осени, заявил Рябков.\n\nВ посольстве США в Москве на запрос редакции о сроках консультаций на момент публикации не ответили.";
    const r = read(ru, "2025-10-01");
    assert.equal(r.drafts[0].place.city, null);
  });
});

describe("a contact recalled under the word that none is planned", () => {
  it("drops a story that no contact is planned whose only other contact is dated weeks before", () => {
    const en = "Peskov: no new Putin-Trump contacts planned\n\nNo new contacts between Putin and Trump, by phone or in person, are planned, Kremlin spokesman Dmitry Peskov said on Friday.\n\nIn October, Putin and Trump agreed to meet in Budapest, but Trump later said he had cancelled the summit.";
    const ru = "Песков: новые контакты Путина и Трампа не планируются\n\nНовые контакты Путина и Трампа, по телефону или лично, не планируются, заявил в пятницу Дмитрий Песков.\n\nВ октябре Путин и Трамп договорились о встрече в Будапеште, однако позднее Трамп заявил, что отменил саммит.";
    const uk = "Пєсков: нові контакти Путіна і Трампа не плануються\n\nНові контакти Путіна і Трампа, телефоном чи особисто, не плануються, заявив у п'ятницю Дмитро Пєсков.\n\nУ жовтні Путін і Трамп домовилися про зустріч у Будапешті, однак згодом Трамп заявив, що скасував саміт.";
    for (const [text, lang] of [[en, "en"], [ru, "ru"], [uk, "uk"]]) assert.equal(read(text, "2025-11-14").relevant, false, lang);
  });
});

describe("talks at the stop a journey came from", () => {
  it("drops a story of another pair whose followed contact was held where the traveller came from", () => {
    const en = "Lavrov meets Wang Yi in Beijing\n\nSergei Lavrov met Wang Yi in Beijing on Sunday.\n\nLavrov flew to Beijing from Kuala Lumpur, where he held talks with Marco Rubio on Thursday.";
    const ru = "Лавров встретился с Ван И в Пекине\n\nСергей Лавров встретился с Ван И в Пекине в воскресенье.\n\nЛавров прилетел в Пекин из Куала-Лумпура, где в четверг провел переговоры с Марко Рубио.";
    const uk = "Лавров зустрівся з Ван І в Пекіні\n\nСергій Лавров зустрівся з Ван І в Пекіні в неділю.\n\nЛавров прилетів до Пекіна з Куала-Лумпура, де в четвер провів переговори з Марко Рубіо.";
    for (const [text, lang] of [[en, "en"], [ru, "ru"], [uk, "uk"]]) assert.equal(read(text, "2025-07-13").relevant, false, lang);
  });
});

describe("what became of the talks told in a paragraph of the weeks before", () => {
  it("drops an analysis whose only word of a contact moved goes on from a day weeks before the story", () => {
    const en = "Peace talks on pause again\n\nThe three-way talks of Russia, Ukraine and the United States have lost their rhythm, our sources say.\n\nOn 28 February the strikes on Iran began. The fourth round, planned for early March in Abu Dhabi, was postponed.";
    const ru = "Переговоры снова на паузе\n\nТрехсторонние переговоры России, Украины и США потеряли ритм, говорят наши источники.\n\n28 февраля начались удары по Ирану. Запланированный на начало марта четвертый раунд в Абу-Даби был отложен.";
    const uk = "Переговори знову на паузі\n\nТристоронні переговори Росії, України та США втратили ритм, кажуть наші джерела.\n\n28 лютого почалися удари по Ірану. Четвертий раунд в Абу-Дабі, запланований на початок березня, відклали.";
    for (const [text, lang] of [[en, "en"], [ru, "ru"], [uk, "uk"]]) assert.equal(read(text, "2026-03-20").relevant, false, lang);
  });
});

describe("a standfirst that tells what was agreed in the call the story reports", () => {
  // 2025-10-16 was a Thursday.
  it("reports the call, under a headline that names no contact", () => {
    const en = "From Anchorage to Budapest\n\nPutin and Trump agree on a new summit\n\nThe presidents of Russia and the United States, Vladimir Putin and Donald Trump, held a phone call on Thursday that lasted two hours.\n\nThe date of the summit was not named.";
    const ru = "От Анкориджа до Будапешта\n\nПутин и Трамп договорились о новом саммите\n\nПрезиденты России и США Владимир Путин и Дональд Трамп в четверг провели телефонный разговор, продолжавшийся два часа.\n\nДату саммита не назвали.";
    const uk = "Від Анкориджа до Будапешта\n\nПутін і Трамп домовилися про новий саміт\n\nПрезиденти Росії та США Володимир Путін і Дональд Трамп у четвер провели телефонну розмову, яка тривала дві години.\n\nДату саміту не назвали.";
    for (const [text, lang] of [[en, "en"], [ru, "ru"], [uk, "uk"]]) {
      const r = read(text, "2025-10-17");
      assert.ok(r.relevant, `${lang}: ${r.reason}`);
      assert.deepEqual([r.drafts[0].kind, r.drafts[0].status, r.drafts[0].date], ["call", "held", "2025-10-16"], lang);
    }
  });
});

describe("days of a story that opens on the weeks before", () => {
  it("reads 'to resume' talks as talks to come, and takes no day gone by from a lead that looks back", () => {
    const en = "US and Russia to resume embassy talks in Istanbul\n\nIn February 2025, American and Russian diplomats sat down in Istanbul for talks on embassy work.\n\nThe delegations will meet in Istanbul next Tuesday, the State Department said.";
    const ru = "США и Россия возобновят консультации по посольствам в Стамбуле\n\nВ феврале 2025 года американские и российские дипломаты провели в Стамбуле консультации о работе посольств.\n\nДелегации встретятся в Стамбуле в следующий вторник, сообщили в Госдепе.";
    const uk = "США і Росія відновлять консультації щодо посольств у Стамбулі\n\nУ лютому 2025 року американські та російські дипломати провели у Стамбулі консультації щодо роботи посольств.\n\nДелегації зустрінуться у Стамбулі наступного вівторка, повідомили в Держдепі.";
    for (const [text, lang] of [[en, "en"], [ru, "ru"], [uk, "uk"]]) {
      const r = read(text, "2026-06-03");
      assert.ok(r.relevant, `${lang}: ${r.reason}`);
      assert.notEqual(r.drafts[0].status, "held", lang);
    }
  });
  it("dates a contact done whose own lines give no day by the line near the story before one weeks gone", () => {
    // 2025-04-10 was a Thursday.
    const en = "Diplomacy of bank accounts and visas\n\nThe second round of Russia-US consultations on embassy work has taken place in Istanbul\n\nThe first round took place on February 27 at the residence of the US consul general.\n\nThe second round of consultations was held on Thursday.";
    const ru = "Дипломатия банковских реквизитов и виз\n\nВ Стамбуле прошел второй раунд консультаций России и США о работе посольств\n\nПервый раунд прошел 27 февраля в резиденции генконсула США.\n\nВторой раунд консультаций прошел в четверг.";
    const uk = "Дипломатія банківських реквізитів і віз\n\nУ Стамбулі відбувся другий раунд консультацій Росії та США щодо роботи посольств\n\nПерший раунд відбувся 27 лютого в резиденції генконсула США.\n\nДругий раунд консультацій відбувся в четвер.";
    for (const [text, lang] of [[en, "en"], [ru, "ru"], [uk, "uk"]]) {
      const r = read(text, "2025-04-11");
      assert.ok(r.relevant, `${lang}: ${r.reason}`);
      assert.equal(r.drafts[0].date, "2025-04-10", lang);
    }
  });
});
