// How agency copy is written (batch 8): datelines in ordinary case, page furniture, a country's
// capital named by its country, postponement against cancellation, the day a statement was
// made, a headline's second clause, a speaker named between the verb and what he said.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { understand } from "../../src/ingest/extract.ts";
import { readStory } from "../../src/ingest/sentences.ts";
import { tokenize } from "../../src/ingest/words.ts";
import { loadNames } from "../support/ingest-corpus.ts";

const names = loadNames();
const main = (text: string, published: string) => understand({ text, published }, names, { today: published }).drafts[0];
const places = (text: string) => names.find(tokenize(text)).flatMap((m) => (m.named.type === "place" ? [m.named.place.name.en] : []));

describe("agency copy", () => {
  it("strips a title-case dateline with its agency", () => {
    const story = readStory("Headline about talks in Budapest\n\nWashington (AFP) – A planned meeting between Rubio and Lavrov has been postponed.");
    assert.equal(story.sentences[1].text, "A planned meeting between Rubio and Lavrov has been postponed.");
  });
  it("reads a site menu set off by middle dots and a Kremlin page's related links as furniture", () => {
    const story = readStory("Президент России\nНовости · Стенограммы · Поездки\n\nВстреча со Специальным посланником\n\nВладимир Путин провёл встречу.\n\nСсылки по теме\nТелефонный разговор с Президентом США (18 марта 2025 года)");
    const texts = story.sentences.map((s) => s.text);
    assert.ok(texts.includes("Владимир Путин провёл встречу."));
    assert.ok(!texts.some((t) => t.includes("Стенограммы") || t.includes("18 марта")), texts.join(" | "));
  });
  it("names a capital by its country's adjective or by 'the capital of'", () => {
    assert.deepEqual(places("to meet in the Hungarian capital"), ["Budapest"]);
    assert.deepEqual(places("в венгерской столице"), ["Budapest"]);
    assert.deepEqual(places("в угорській столиці"), ["Budapest"]);
    assert.deepEqual(places("О саммите в столице Венгрии"), ["Budapest"]);
    assert.deepEqual(places("the capital of Hungary"), ["Budapest"]);
  });
  it("takes neither the kind nor the people of a headline's second clause", () => {
    const d = main("Rubio-Lavrov meeting put off as Trump-Putin summit plans falter\n\nA planned meeting between Rubio and Lavrov has been postponed, an official said.", "2025-10-21");
    assert.equal(d.kind, "meeting");
    assert.deepEqual(d.participants.map((p) => p.name).sort(), ["Marco Rubio", "Sergei Lavrov"]);
  });
  it("reads a contact missing its set time, or with no new date, as postponed (uk, ru, en)", () => {
    assert.equal(main("Зустріч України, США і Росії\n\nЗапланована на цей тиждень тристороння зустріч делегацій України, США та Росії не відбудеться у визначені терміни.", "2026-03-09").status, "postponed");
    assert.equal(main("Встреча Лаврова и Рубио\n\nВстреча Лаврова и Рубио не состоится в назначенные сроки.", "2025-10-21").status, "postponed");
    assert.equal(main("Rubio and Lavrov meeting\n\nThe meeting between Rubio and Lavrov will not take place as scheduled.", "2025-10-21").status, "postponed");
    assert.equal(main("Встреча Лаврова и Рубио\n\nВстреча Лаврова и Рубио не состоится.", "2025-10-21").status, "cancelled");
  });
  it("dates the saying, not the contact: 'Speaking at … on Wednesday', 'сказал … в среду, 22 октября'", () => {
    const en = main("Putin and Trump to meet in coming days\n\nPutin and Trump will meet in the coming days, the Kremlin said.\n\nSpeaking at the White House on Wednesday, Trump said there was a good chance of a meeting with Putin.", "2025-08-07");
    assert.equal(en.date, null);
    assert.equal(en.place.city, null);
    const ru = main("Трамп отменил встречу с Путиным в Будапеште\n\nТрамп заявил, что отменил встречу с Путиным в Будапеште. Об этом он сказал журналистам в среду, 22 октября.", "2025-10-23");
    assert.equal(ru.date, null);
  });
  it("does not take a venue one side only proposed, nor a place in a 'since' clause", () => {
    const d = main("Росія і США проведуть новий раунд консультацій щодо посольств\n\nНаступний раунд російсько-американських консультацій відбудеться в червні. Москва запропонувала провести зустріч у російській столиці, однак згоди немає.", "2025-05-20");
    assert.equal(d.place.city, null);
    const since = main("Putin and Trump to meet\n\nPutin and Trump will meet next week, in their first talks since Trump returned to the White House.", "2025-08-07");
    assert.equal(since.place.city, null);
  });
  it("reads a ministry's answer: one side's word on a contact after a question naming both", () => {
    const d = main("Министерство иностранных дел\n\nОтвет официального представителя МИД России на вопрос СМИ о третьем раунде российско-американских консультаций\n\nВопрос: Ранее сообщалось, что третий раунд консультаций России и США должен пройти в Москве. Есть ли новости?\n\nОтвет: Американская сторона сообщила нам об отмене очередной встречи, которая должна была состояться в Москве.", "2025-06-16");
    assert.equal(d?.status, "cancelled");
    assert.equal(d?.place.city, "Moscow");
  });
  it("leaves the people of a recalled round to it, and of a contact being prepared to that one", () => {
    const uk = main("Тристоронню зустріч відклали\n\nТристороння зустріч делегацій України, США та Росії не відбудеться у визначені терміни.\n\nПопередній раунд тристоронніх переговорів пройшов у Женеві. Делегації обговорювали обмін полоненими. Українську делегацію очолював Рустем Умєров.", "2026-03-09");
    assert.deepEqual(uk.participants, []);
    const en = main("Rubio-Lavrov meeting put off\n\nA planned meeting between Rubio and Lavrov has been postponed.\n\nThe two diplomats had been expected to meet in the Hungarian capital to lay the groundwork for talks between Trump and Putin.", "2025-10-21");
    assert.equal(en.place.city, "Budapest");
  });
  it("keeps a minister named after another's verb of saying in a delegation list", () => {
    const d = main("Саміт в Анкориджі\n\nСаміт Путіна і Трампа відбудеться 15 серпня в Анкориджі. До складу російської делегації, як заявив Ушаков, увійдуть міністр закордонних справ Сергій Лавров і сам Ушаков.", "2025-08-14");
    assert.ok(d.participants.some((p) => p.name === "Sergei Lavrov"));
  });
});

describe("the city an agency files from", () => {
  // 2025-07-10 was a Thursday.
  it("places a contact the story gives only a country abroad or a region for, when the city lies there", () => {
    const en = main("Rubio meets Lavrov in Malaysia\n\nKUALA LUMPUR, Malaysia (AP) — Secretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov on Thursday on the sidelines of a regional gathering.", "2025-07-10");
    const ru = main("Рубио встретился с Лавровым в Малайзии\n\nКУАЛА-ЛУМПУР, 10 июля. /ТАСС/. Госсекретарь США Марко Рубио в четверг встретился с министром иностранных дел России Сергеем Лавровым на полях регионального форума.", "2025-07-10");
    const uk = main("Рубіо зустрівся з Лавровим у Малайзії\n\nКУАЛА-ЛУМПУР, 10 липня. /Укрінформ/. Держсекретар США Марко Рубіо в четвер зустрівся з міністром закордонних справ Росії Сергієм Лавровим на полях регіонального форуму.", "2025-07-10");
    for (const d of [en, ru, uk]) assert.deepEqual([d.place.city, d.place.country], ["Kuala Lumpur", "Malaysia"]);
    const region = main("Trump and Putin end summit in Alaska\n\nANCHORAGE, Alaska, July 10 (Reuters) - Donald Trump and Vladimir Putin wrapped up talks at a military base in Alaska on Thursday.", "2025-07-10");
    assert.equal(region.place.city, "Anchorage");
  });
  it("is not where a contact in a region is when the dateline names another part of the country", () => {
    const d = main("Trump and Putin end summit in Alaska\n\nWASHINGTON, July 10 (Reuters) - Donald Trump and Vladimir Putin wrapped up talks at a military base in Alaska on Thursday.", "2025-07-10");
    assert.deepEqual([d.place.city, d.place.country], [null, "United States"]);
  });
});

describe("a contact placed in a country abroad", () => {
  it("takes no city of another country from a later sentence ('since February, when they led delegations at talks in Riyadh')", () => {
    const en = main("Rubio meets Lavrov in Malaysia\n\nSecretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov on Thursday on the sidelines of a regional gathering.\n\nThe meeting was their second since February, when they led delegations at talks in Riyadh.", "2025-07-10");
    const ru = main("Рубио встретился с Лавровым в Малайзии\n\nГоссекретарь США Марко Рубио в четверг встретился с министром иностранных дел России Сергеем Лавровым на полях регионального форума.\n\nЭто их вторая встреча с февраля, когда они возглавляли делегации на переговорах в Эр-Рияде.", "2025-07-10");
    const uk = main("Рубіо зустрівся з Лавровим у Малайзії\n\nДержсекретар США Марко Рубіо в четвер зустрівся з міністром закордонних справ Росії Сергієм Лавровим на полях регіонального форуму.\n\nЦе їхня друга зустріч з лютого, коли вони очолювали делегації на переговорах в Ер-Ріяді.", "2025-07-10");
    for (const d of [en, ru, uk]) assert.deepEqual([d.place.city, d.place.country], [null, "Malaysia"]);
  });
});

describe("a dateline of two newsrooms", () => {
  // 2025-10-17 was a Friday: the call on Thursday was the 16th, the dateline's day the 17th.
  it("is the newsroom's, not the contact's: its day is not the call's (en, ru, uk)", () => {
    const en = main("Leaders talk by phone\n\nWASHINGTON/MOSCOW, Oct 17 (Reuters) - Donald Trump and Vladimir Putin talked by phone on Thursday for two hours.", "2025-10-17");
    const ru = main("Президенты поговорили по телефону\n\nВАШИНГТОН/МОСКВА, 17 октября. /ТАСС/. Владимир Путин и Дональд Трамп в четверг два часа говорили по телефону.", "2025-10-17");
    const uk = main("Президенти поговорили телефоном\n\nКИЇВ/ВАШИНГТОН, 17 жовтня. /Укрінформ/. Володимир Путін і Дональд Трамп у четвер дві години говорили телефоном.", "2025-10-17");
    for (const d of [en, ru, uk]) assert.equal(d.date, "2025-10-16");
  });
});

describe("a meeting put off over a lead that tells a call", () => {
  // 2025-10-21 was a Tuesday.
  it("is the meeting the headline tells moved, not the call the lead gives as the reason (en, ru, uk)", () => {
    const en = main("Rubio-Lavrov meeting shelved\n\n- Call between the two ministers on Monday failed to narrow gaps\n\nThe ministers were due to meet this week, officials said.", "2025-10-21");
    const ru = main("Встречу Лаврова и Рубио отложили\n\n- Телефонный разговор министров в понедельник не сблизил позиции\n\nМинистры собирались встретиться на этой неделе, сообщили источники.", "2025-10-21");
    const uk = main("Зустріч Лаврова і Рубіо відклали\n\n- Телефонна розмова міністрів у понеділок не зблизила позиції\n\nМіністри збиралися зустрітися цього тижня, повідомили джерела.", "2025-10-21");
    for (const d of [en, ru, uk]) assert.deepEqual([d.kind, d.status, d.date], ["meeting", "postponed", null]);
  });
});

describe("a city the headline's second clause gives", () => {
  it("is the other news's: 'the Budapest meeting' further on is that contact (en, ru, uk)", () => {
    const en = main("Rubio-Lavrov meeting put off as Budapest summit stalls\n\nA planned meeting between Marco Rubio and Sergei Lavrov has been put off, officials said.\n\nThe official did not say whether the Budapest meeting had been called off.", "2025-10-21");
    const ru = main("Встречу Рубио и Лаврова отложили, саммит в Будапеште под вопросом\n\nЗапланированную встречу Марко Рубио и Сергея Лаврова отложили, сообщили источники.\n\nЧиновник не уточнил, отменена ли встреча в Будапеште.", "2025-10-21");
    const uk = main("Зустріч Рубіо і Лаврова відклали, саміт у Будапешті під питанням\n\nЗаплановану зустріч Марко Рубіо і Сергія Лаврова відклали, повідомили джерела.\n\nПосадовець не уточнив, чи скасовано зустріч у Будапешті.", "2025-10-21");
    for (const d of [en, ru, uk]) assert.equal(d.place.city, null);
  });
});
