// The contact a story gives as the news of a later paragraph under a headline about something
// else, and the readings that let it be found and filled in: the tense of a perfect, Ukrainian
// small-letter names, agreements on a contact, outlets named after a city, the sidelines of a
// forum, words said in quotes and by the headline's source. Short texts of our own.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readDates } from "../../src/ingest/dates.ts";
import { readArticle as read } from "../support/ingest-cases.ts";

const people = (r: ReturnType<typeof read>) => r.drafts[0].participants.map((p) => p.name).sort();

describe("a contact told as the news of a later paragraph", () => {
  it("is kept under a headline about a parade, with its own day (en, ru, uk)", () => {
    const en = read(
      "Moscow scales back its parade\n\nMoscow will hold a shorter parade this year, the city said. Hours later the Kremlin revealed that Vladimir Putin and Donald Trump had spoken by phone on Wednesday. The conversation lasted an hour.",
      "2026-04-29",
    );
    assert.equal(en.relevant, true);
    assert.deepEqual([en.drafts[0].kind, en.drafts[0].status, en.drafts[0].date], ["call", "held", "2026-04-29"]);
    const ru = read(
      "Москва сократит парад\n\nПарад в этом году пройдет без тяжелой техники, сообщили в министерстве. Вечером в среду Владимир Путин и Дональд Трамп провели телефонный разговор. Разговор длился час.",
      "2026-04-29",
    );
    assert.equal(ru.relevant, true);
    assert.equal(ru.drafts[0].kind, "call");
    const uk = read(
      "Москва скоротить парад\n\nПарад цього року пройде без важкої техніки, повідомили в міністерстві. У середу Володимир Путін і Дональд Трамп провели телефонну розмову. Розмова тривала годину.",
      "2026-04-29",
    );
    assert.equal(uk.relevant, true);
    assert.equal(uk.drafts[0].kind, "call");
  });
  it("is kept under a headline about a visit between other sides, when the next sentence goes on about it", () => {
    const r = read(
      "Зеленський прибув до Трампа\n\nПрезидент України Володимир Зеленський прибув до резиденції Дональда Трампа. Ще до приїзду гостя Трамп поговорив телефоном із Володимиром Путіним. Трамп назвав розмову «дуже продуктивною».",
      "2025-12-28",
    );
    assert.equal(r.relevant, true);
    assert.deepEqual([r.drafts[0].kind, r.drafts[0].status], ["call", "held"]);
    assert.deepEqual(r.drafts[0].parties, ["RU", "US"]);
  });
  it("stays dropped under another contact's headline when it was done a week before, and is kept when done the day before (en, ru, uk)", () => {
    const cases: [string, string, string][] = [
      ["Kyiv and Washington sign a grain deal after long talks\n\nUkraine and the United States signed a grain export deal in Washington on Wednesday after weeks of talks.\n\nThe deal comes as truce efforts stall. The U.S. envoy held talks with Vladimir Putin in Moscow on 24 April, but no truce followed.", "24 April", "Tuesday"],
      ["Киев и Вашингтон подписали зерновую сделку после долгих переговоров\n\nУкраина и США в среду подписали в Вашингтоне соглашение об экспорте зерна после нескольких недель переговоров.\n\nСделка заключена на фоне пробуксовки мирных усилий. Спецпосланник США Стив Уиткофф провел переговоры с Владимиром Путиным в Москве 24 апреля, но перемирия так и нет.", "24 апреля", "во вторник"],
      ["Київ і Вашингтон підписали зернову угоду після довгих переговорів\n\nУкраїна і США в середу підписали у Вашингтоні угоду про експорт зерна після кількох тижнів переговорів.\n\nУгоду укладено на тлі пробуксовування мирних зусиль. Спецпосланець США Стів Віткофф провів переговори з Володимиром Путіним у Москві 24 квітня, але перемир'я так і немає.", "24 квітня", "у вівторок"],
    ];
    for (const [text, weekBefore, dayBefore] of cases) {
      assert.equal(read(text, "2025-04-30").relevant, false, text);
      const fresh = read(text.replace(weekBefore, dayBefore), "2025-04-30");
      assert.equal(fresh.relevant, true, dayBefore);
      assert.deepEqual([fresh.drafts[0].status, fresh.drafts[0].date], ["held", "2025-04-29"], dayBefore);
    }
  });
  it("stays dropped when it is only recalled from weeks before", () => {
    const r = read(
      "Moscow scales back its parade\n\nMoscow will hold a shorter parade this year, the city said. Putin and Trump last spoke by phone in February. Opposition channels mocked the parade.",
      "2026-04-29",
    );
    assert.equal(r.relevant, false);
  });
});

describe("readings that find it and fill it in", () => {
  it("reads Russia's names written with a small letter in Ukrainian, and 'тристоронка' as a round", () => {
    const r = read("Тристоронку в Женеві перенесли\n\nЗустріч України, США і росії, яка мала відбутися в середу, 11 березня, у Женеві, не відбудеться.", "2026-03-09");
    assert.equal(r.relevant, true);
    assert.deepEqual([r.drafts[0].kind, r.drafts[0].status, r.drafts[0].place.city], ["round", "postponed", "Geneva"]);
    assert.deepEqual(r.drafts[0].parties, ["RU", "UA", "US"]);
  });
  it("takes an agreement on a contact for one to come, and on anything else for no contact (ru, uk, en)", () => {
    const ru = read("Вечерний выпуск\n\nВЕДУЩИЙ: Главная новость этого вечера. Москва и Вашингтон договорились о встрече президентов. Об этом сегодня заявил помощник Владимира Путина Юрий Ушаков, добавив, что подготовка встречи с Трампом уже началась.", "2025-08-07");
    assert.equal(ru.relevant, true);
    assert.deepEqual([ru.drafts[0].kind, ru.drafts[0].status], ["summit", "announced"]);
    assert.deepEqual(people(ru), ["Donald Trump", "Vladimir Putin"]);
    const uk = read("В Абу-Дабі завершився раунд переговорів\n\nВ Абу-Дабі завершився раунд переговорів України, США та Росії. Переговори, що тривали з 4 по 5 лютого, були закритими, а сторони домовилися про обмін полоненими.", "2026-02-05");
    assert.equal(uk.drafts[0].date, "2026-02-04");
    const en = read("Abu Dhabi round ends\n\nA round of talks between Russia, Ukraine and the United States ended in Abu Dhabi. The talks, held from 4 to 5 February, were closed, and the sides agreed on a prisoner swap.", "2026-02-05");
    assert.equal(en.drafts[0].date, "2026-02-04");
  });
  it("reads an outlet named after a city as no place, and a meeting on a forum's sidelines as where the forum is", () => {
    const r = read(
      "Trump arrives in Davos\n\nDonald Trump arrived at the World Economic Forum in Davos on Wednesday. On the sidelines of the forum, Steve Witkoff met on Tuesday with Kirill Dmitriev. Two sources who spoke to Kyiv Post said the talks focused on the economy.",
      "2026-01-21",
    );
    assert.equal(r.relevant, true);
    assert.deepEqual([r.drafts[0].kind, r.drafts[0].date, r.drafts[0].place.city], ["meeting", "2026-01-20", "Davos"]);
  });
  it("dates a statement by a day straight after its verb, or before a verb of disclosing (ru, uk, en)", () => {
    assert.equal(readDates("О встрече Трамп объявил 16 октября.", "ru", "2025-10-23", "past").dates[0].statement, true);
    assert.equal(readDates("Про зустріч Трамп оголосив 16 жовтня.", "uk", "2025-10-23", "past").dates[0].statement, true);
    assert.equal(readDates("Trump announced the summit on 16 October.", "en", "2025-10-23", "past").dates.every((d) => d.statement !== true), true);
    assert.equal(readDates("Trump announced on 16 October that he would meet Putin.", "en", "2025-10-23", "past").dates[0].statement, true);
    assert.equal(readDates("А сегодня в Кремле раскрыли, к чему привела встреча.", "ru", "2025-08-07", "past").dates[0].statement, true);
    assert.equal(readDates("Путин сегодня, отвечая на вопросы журналистов, сказал, что место выбрано.", "ru", "2025-08-07", "past").dates[0].statement, true);
  });
  it("counts 'я' among a side's people as the headline's source, and a name closing a quote as what was said", () => {
    const ru = read("Ушаков — о визите Уиткоффа:\n\n«Завтра Путин примет Уиткоффа в Кремле. С нашей стороны во встрече будем участвовать я и Кирилл Дмитриев»", "2025-12-01");
    assert.deepEqual(people(ru), ["Kirill Dmitriev", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov"]);
    const uk = read("Наступний раунд пройде в Абу-Дабі – Зеленський\n\nНаступна тристороння зустріч делегацій України, США та Росії відбудеться в Абу-Дабі. «Українську делегацію знову очолить Рустем Умєров», – сказав президент.", "2026-02-27");
    assert.ok(people(uk).includes("Rustem Umerov"));
  });
  it("keeps a future contact's people told 'as the State Department said earlier' (uk, ru)", () => {
    const uk = read("Лавров полетів до Ер-Ріяду\n\nЛавров у вівторок проведе в Ер-Ріяді переговори з американською делегацією. З американської сторони, як раніше заявляв Держдеп, у зустрічі візьмуть участь Марко Рубіо і Майк Волц.", "2025-02-17");
    assert.ok(people(uk).includes("Mike Waltz") && people(uk).includes("Marco Rubio"));
    const ru = read("Лавров вылетел в Эр-Рияд\n\nЛавров во вторник проведет в Эр-Рияде переговоры с американской делегацией. С американской стороны, как ранее сообщал Госдеп, во встрече будут участвовать Марко Рубио и Майк Уолтц.", "2025-02-17");
    assert.ok(people(ru).includes("Mike Waltz") && people(ru).includes("Marco Rubio"));
  });
  it("leaves out the people of another contact named by a hyphened pair ('a Trump-Putin summit')", () => {
    const r = read("Dmitriev met Witkoff in Miami\n\nKirill Dmitriev met Steve Witkoff in Miami on Saturday, in a sign that contacts go on despite the collapse of plans for a Trump-Putin summit.", "2025-10-26");
    assert.deepEqual([r.drafts[0].kind, ...people(r)], ["meeting", "Kirill Dmitriev", "Steve Witkoff"]);
  });
  it("dates a call told just before an arrival the headline reports by the story's day (uk, en)", () => {
    const uk = read("Зеленський прибув до Мар-а-Лаго\n\nВолодимир Зеленський прибув до резиденції Трампа. Ще до приїзду гостя Трамп поговорив телефоном із Володимиром Путіним. Трамп назвав розмову «дуже продуктивною».", "2025-12-28");
    assert.deepEqual([uk.drafts[0].kind, uk.drafts[0].date], ["call", "2025-12-28"]);
    const en = read("Zelensky arrives at Mar-a-Lago\n\nVolodymyr Zelensky arrived at Donald Trump's residence in Florida. Shortly before his arrival, Trump spoke by phone with Vladimir Putin. Trump called the call very productive.", "2025-12-28");
    assert.deepEqual([en.drafts[0].kind, en.drafts[0].date], ["call", "2025-12-28"]);
  });
  it("reads 'мають зустріч', 'имеют встречу' today as a contact to come", () => {
    const uk = read("Раунд в Абу-Дабі\n\n23 січня в Абу-Дабі відбудеться тристороння зустріч України, США та Росії. Сьогодні американські представники мають зустріч у Москві.", "2026-01-22");
    assert.equal(uk.drafts.length, 2);
    assert.deepEqual([uk.drafts[1].status, uk.drafts[1].date, uk.drafts[1].place.city], ["scheduled", "2026-01-22", "Moscow"]);
  });
  it("tells a contact to come on a day after the story, beside a meeting done, as another (en, ru)", () => {
    const en = read("Witkoff meets Dmitriev in Davos\n\nSteve Witkoff met Kirill Dmitriev in Davos on Tuesday. Dmitry Peskov said on Wednesday that Putin would receive the two Americans in the Kremlin on Thursday, 22 January.", "2026-01-21");
    assert.equal(en.drafts.length, 2);
    assert.deepEqual([en.drafts[1].kind, en.drafts[1].date], ["meeting", "2026-01-22"]);
    const ru = read("Уиткофф встретился с Дмитриевым в Давосе\n\nСтив Уиткофф во вторник встретился в Давосе с Кириллом Дмитриевым. В четверг, 22 января, Путин примет американскую делегацию в Кремле.", "2026-01-21");
    assert.equal(ru.drafts.length, 2);
    assert.equal(ru.drafts[1].date, "2026-01-22");
  });
  it("reads 'the president' of no country in one side's official's words as his side's (ru, uk)", () => {
    const ru = read("Уиткофф приедет в Москву\n\nСтив Уиткофф приедет в Москву на следующей неделе. Юрий Ушаков уточнил, что Уиткоффа «естественно, примет президент».", "2025-11-27");
    assert.deepEqual(people(ru), ["Steve Witkoff", "Vladimir Putin"]);
    const uk = read("Віткофф приїде до Москви\n\nСтів Віткофф приїде до Москви наступного тижня. Юрій Ушаков уточнив, що Віткоффа «звісно, прийме президент».", "2025-11-27");
    assert.deepEqual(people(uk), ["Steve Witkoff", "Vladimir Putin"]);
  });
  it("takes one who speaks at a press conference for its source, not a participant (en, ru)", () => {
    const en = read("Moscow and Washington agree on a third round\n\nSergei Lavrov used his Saturday press conference to announce that Moscow and Washington have agreed to hold a third round of talks on the embassies this autumn.", "2025-09-29");
    assert.deepEqual([en.drafts[0].kind, en.drafts[0].status, ...people(en)], ["round", "announced"]);
    const ru = read("Москва и Вашингтон договорились о третьем раунде\n\nСергей Лавров на пресс-конференции в субботу объявил, что Москва и Вашингтон договорились провести третий раунд консультаций по работе посольств осенью.", "2025-09-29");
    assert.deepEqual([ru.drafts[0].kind, ...people(ru)], ["round"]);
  });
});
