// The main contact of a long story (a reconstruction, a scoop) among the earlier contacts it
// recounts, each with its own day, place and people: its kind, status and day, told the ways
// batches 36 and 37 told them. One short case per language a rule covers.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mainFields as main, readArticle as read } from "../support/ingest-cases.ts";

describe("hours spent in talks", () => {
  // 2025-03-25 was a Tuesday.
  it("tell the talks done, whatever a modal later in the sentence says", () => {
    const en = main("Negotiators end long session in Riyadh\n\nUS and Russian negotiators spent about 12 hours locked in talks in Riyadh on Monday, on how a ceasefire might work.", "2025-03-25");
    const ru = main("Переговорщики завершили долгую сессию в Эр-Рияде\n\nПереговорщики России и США провели около 12 часов на переговорах в Эр-Рияде в понедельник, обсуждая, как могло бы работать перемирие.", "2025-03-25");
    const uk = main("Переговірники завершили довгу сесію в Ер-Ріяді\n\nПереговірники Росії та США провели близько 12 годин на переговорах в Ер-Ріяді в понеділок, обговорюючи, як могло б працювати перемир'я.", "2025-03-25");
    for (const d of [en, ru, uk]) assert.deepEqual([d.status, d.date, d.city], ["held", "2025-03-24", "Riyadh"]);
  });
});

describe("an explainer's headline that asks what comes next", () => {
  // 2026-01-23 was a Friday.
  it("tells no contact to come: the meeting it names is done", () => {
    const ru = main("Путин принял Уиткоффа. Вот что известно о встрече и что будет дальше\n\nВ четверг Путин встретился в Кремле с Уиткоффом.", "2026-01-23");
    const uk = main("Путін прийняв Віткоффа. Ось що відомо про зустріч і що буде далі\n\nУ четвер Путін зустрівся в Кремлі з Віткоффом.", "2026-01-23");
    const en = main("Putin hosts Witkoff: what we know about the meeting and what will happen next\n\nPutin met Witkoff in the Kremlin on Thursday.", "2026-01-23");
    for (const d of [ru, uk, en]) assert.deepEqual([d.kind, d.status, d.date, d.city], ["meeting", "held", "2026-01-22", "Moscow"]);
  });
});

describe("a contact shifted to another day", () => {
  // 2026-01-31 was a Saturday.
  it("is moved, and on the day it was shifted to", () => {
    const ru = main("Встречу послов России и США в Вене сдвинули на среду\n\nПослы должны были встретиться в воскресенье.", "2026-01-31");
    const uk = main("Зустріч послів Росії та США у Відні зсунули на середу\n\nПосли мали зустрітися в неділю.", "2026-01-31");
    const en = main("Russia-US envoys' meeting in Vienna pushed back to Wednesday\n\nThe envoys had been due to meet on Sunday.", "2026-01-31");
    for (const d of [ru, uk, en]) assert.deepEqual([d.status, d.date, d.city], ["postponed", "2026-02-04", "Vienna"]);
  });
  it("is not moved where only its place changes ('talks moved to Abu Dhabi')", () => {
    const en = main("Russia-US talks moved to Abu Dhabi\n\nRussian and US diplomats will meet in Abu Dhabi on Wednesday.", "2026-01-31");
    assert.equal(en.status, "scheduled");
  });
  it("is moved, on its new day, where it was 'moved to' a date (a known entry stays scheduled on it: see ingest-merge)", () => {
    const en = main("Fourth round of Russia-US embassy talks moved to December 8\n\nThe fourth round of Russian-American consultations, which had been scheduled for December 1 in Istanbul, has been moved to December 8.", "2026-11-27");
    const ru = main("Четвертый раунд консультаций России и США по посольствам перенесли на 8 декабря\n\nРаунд, который планировался на 1 декабря в Стамбуле, перенесен на 8 декабря.", "2026-11-27");
    const uk = main("Четвертий раунд консультацій Росії та США щодо посольств перенесли на 8 грудня\n\nРаунд, який планувався на 1 грудня в Стамбулі, перенесено на 8 грудня.", "2026-11-27");
    for (const d of [en, ru, uk]) assert.deepEqual([d.status, d.date, d.city], ["postponed", "2026-12-08", "Istanbul"]);
  });
});

describe("a cue in a clause about another contact", () => {
  // 2026-03-10 was a Tuesday.
  it("is that contact's: the call told beside a meeting put off was held", () => {
    const en = main("Trump and Putin talk for an hour\n\nThe first call between the leaders this year came on the same day that a planned meeting of their envoys was put off. Trump spoke with Putin by phone on Monday.", "2026-03-10");
    const ru = main("Путин и Трамп поговорили по телефону\n\nРазговор президентов состоялся в тот же день, когда встречу их посланников отложили. Путин и Трамп поговорили по телефону в понедельник.", "2026-03-10");
    const uk = main("Путін і Трамп поговорили телефоном\n\nРозмова президентів відбулася того ж дня, коли зустріч їхніх посланців відклали. Путін і Трамп поговорили телефоном у понеділок.", "2026-03-10");
    for (const d of [en, ru, uk]) assert.deepEqual([d.kind, d.status, d.date], ["call", "held", "2026-03-09"]);
  });
  it("stays this contact's past a comma ('The summit, agreed on in a phone call, was put off')", () => {
    const en = main("Trump-Putin summit put off\n\nThe summit, agreed on in a phone call, was put off.", "2026-03-10");
    const ru = main("Саммит Путина и Трампа отложили\n\nСаммит, о котором договорились в телефонном разговоре, отложили.", "2026-03-10");
    const relative = main("Trump-Putin summit put off\n\nThe summit that the leaders agreed on in a phone call was put off.", "2026-03-10");
    for (const d of [en, ru, relative]) assert.deepEqual([d.kind, d.status], ["summit", "postponed"]);
  });
});

describe("a headline on a contact proposed, over a lead that tells a call", () => {
  // 2025-05-29 was a Thursday.
  it("reports the call in which it was proposed", () => {
    const ru = main("Лавров рассказал Рубио о предложении провести раунд переговоров в Стамбуле\nЭто второй телефонный разговор министров за две недели\n\nЛавров в среду, 28 мая, провел телефонный разговор с Рубио. Лавров проинформировал коллегу о предложении провести 2 июня в Стамбуле раунд переговоров России и Украины.", "2025-05-29");
    const uk = main("Лавров розповів Рубіо про пропозицію провести раунд переговорів у Стамбулі\nЦе друга телефонна розмова міністрів за два тижні\n\nЛавров у середу, 28 травня, провів телефонну розмову з Рубіо. Лавров поінформував колегу про пропозицію провести 2 червня в Стамбулі раунд переговорів Росії та України.", "2025-05-29");
    const en = main("Lavrov tells Rubio of proposal to hold talks in Istanbul\nIt was the ministers' second phone call in two weeks\n\nLavrov held a phone call with Rubio on Wednesday, May 28. Lavrov informed his colleague of the proposal to hold a round of Russia-Ukraine talks in Istanbul on June 2.", "2025-05-29");
    for (const d of [ru, uk, en]) assert.deepEqual([d.kind, d.status, d.date, d.city], ["call", "held", "2025-05-28", null]);
  });
});

describe("a contact called off", () => {
  // 2025-06-17 was a Tuesday.
  it("keeps no day that a later sentence gives another contact", () => {
    const uk = main("США скасували третій раунд консультацій з Росією\n\nТретій раунд консультацій Росії та США, який мав відбутися в Москві, скасовано. Прямі переговори Росії та України в Стамбулі 16 травня дали лише обмін полоненими.", "2025-06-17");
    const ru = main("США отменили третий раунд консультаций с Россией\n\nТретий раунд консультаций России и США, который должен был пройти в Москве, отменен. Прямые переговоры России и Украины в Стамбуле 16 мая дали только обмен пленными.", "2025-06-17");
    const en = main("US cancels third round of consultations with Russia\n\nThe third round of Russia-US consultations, which was to take place in Moscow, has been cancelled. Direct talks between Russia and Ukraine in Istanbul on May 16 produced only a prisoner exchange.", "2025-06-17");
    for (const d of [uk, ru, en]) assert.deepEqual([d.kind, d.status, d.date, d.city], ["round", "cancelled", null, "Moscow"]);
  });
});

describe("a contact named as 'the next of those'", () => {
  // 2026-03-10 was a Tuesday.
  it("has the sides of the talks the sentence before names", () => {
    const en = read("Trump and Putin talk by phone\n\nTrump and Putin spoke by phone on Monday. They discussed the trilateral talks among Russia, Ukraine and the United States. Hours earlier, officials said that the next of those meetings, which had been expected on Wednesday, March 11, had been postponed.", "2026-03-10");
    const ru = read("Путин и Трамп поговорили по телефону\n\nПутин и Трамп поговорили по телефону в понедельник. Они обсудили трехсторонние переговоры России, Украины и США. Часом ранее чиновники сообщили, что следующая из этих встреч, которую ожидали в среду, 11 марта, отложена.", "2026-03-10");
    const uk = read("Путін і Трамп поговорили телефоном\n\nПутін і Трамп поговорили телефоном у понеділок. Вони обговорили тристоронні переговори Росії, України та США. Годиною раніше посадовці повідомили, що наступну з цих зустрічей, яку очікували в середу, 11 березня, відкладено.", "2026-03-10");
    for (const r of [en, ru, uk]) {
      const moved = r.drafts.find((d) => d.status === "postponed");
      assert.deepEqual(moved?.parties, ["RU", "UA", "US"]);
    }
  });
});

describe("a word said the day before of a contact to come", () => {
  // 2025-05-29 was a Thursday.
  it("sets no other contact on that day", () => {
    const ru = read("Лавров и Рубио поговорили по телефону\n\nЛавров и Рубио в среду поговорили по телефону. Представитель Госдепа накануне отмечала, что Вашингтон рассчитывает на прогресс в переговорах Москвы и Киева, но не будет ждать бесконечно.", "2025-05-29");
    const uk = read("Лавров і Рубіо поговорили телефоном\n\nЛавров і Рубіо в середу поговорили телефоном. Речниця Держдепу напередодні зазначала, що Вашингтон розраховує на прогрес у переговорах Москви і Києва, але не чекатиме безкінечно.", "2025-05-29");
    const en = read("Lavrov and Rubio speak by phone\n\nLavrov and Rubio spoke by phone on Wednesday. A State Department spokeswoman said the day before that Washington was counting on progress in the talks between Moscow and Kyiv but would not wait forever.", "2025-05-29");
    for (const r of [ru, uk, en]) assert.deepEqual(r.drafts.map((d) => d.kind), ["call"]);
  });
});

describe("a sentence that goes on about another contact the sentence before told", () => {
  // 2025-03-25 was a Tuesday.
  it("names none of this contact's people, where a subtitle stands for the lead", () => {
    const en = read("Russia-US talks end in Riyadh\nTechnical talks follow a month of calls\n\nUS and Russian negotiators held talks in Riyadh on Monday. The Russian delegation was led by Grigory Karasin. The US delegation met Ukrainian negotiators on Sunday. Rustem Umerov led Kyiv's team on Sunday.", "2025-03-25");
    const people = en.drafts[0].participants.map((p) => p.name);
    assert.ok(people.includes("Grigory Karasin"));
    assert.ok(!people.includes("Rustem Umerov"), people.join(", "));
  });
});

describe("a journey's day told beside the contact's", () => {
  // 2025-10-24 was a Friday.
  it("is not the contact's day: the envoy arrives on Friday and meets on Saturday", () => {
    const en = main("Putin's envoy in the US\n\nKirill Dmitriev arrived in the United States on Friday and is scheduled to meet Steve Witkoff in Miami on Saturday.", "2025-10-24");
    const ru = main("Посланник Путина в США\n\nКирилл Дмитриев прилетел в США в пятницу и в субботу встретится со Стивом Уиткоффом в Майами.", "2025-10-24");
    const uk = main("Посланець Путіна в США\n\nКирило Дмитрієв прилетів до США в п'ятницю і в суботу зустрінеться зі Стівом Віткоффом у Маямі.", "2025-10-24");
    for (const d of [en, ru, uk]) assert.deepEqual([d.kind, d.status, d.date, d.city], ["meeting", "scheduled", "2025-10-25", "Miami"]);
  });
  it("is not the day of a contact done either", () => {
    const en = main("Witkoff meets Putin\n\nSteve Witkoff flew to Moscow on Wednesday and met Vladimir Putin in the Kremlin on Thursday.", "2025-10-24");
    const ru = main("Уиткофф встретился с Путиным\n\nСтив Уиткофф прилетел в Москву в среду, а в четверг встретился с Владимиром Путиным в Кремле.", "2025-10-24");
    const uk = main("Віткофф зустрівся з Путіним\n\nСтів Віткофф прилетів до Москви в середу, а в четвер зустрівся з Володимиром Путіним у Кремлі.", "2025-10-24");
    for (const d of [en, ru, uk]) assert.deepEqual([d.kind, d.status, d.date, d.city], ["meeting", "held", "2025-10-23", "Moscow"]);
  });
});

describe("a headline that adds a summit after 'and' to the meeting it names", () => {
  // 2025-08-07 was a Thursday.
  it("reports the meeting, where the lead tells the meeting alone", () => {
    const uk = main("Три години в Кремлі. Що відомо про п'яту зустріч Віткоффа з Путіним і обіцяний саміт\n\nСпецпосланець президента США Стів Віткофф учора, 6 серпня, провів у Кремлі близько трьох годин переговорів із Володимиром Путіним.", "2025-08-07");
    const ru = main("Три часа в Кремле. Что известно о пятой встрече Уиткоффа с Путиным и обещанном саммите\n\nСпецпосланник президента США Стив Уиткофф вчера, 6 августа, провел в Кремле около трех часов переговоров с Владимиром Путиным.", "2025-08-07");
    const en = main("Three hours in the Kremlin: what we know about Witkoff's fifth meeting with Putin and the promised summit\n\nUS envoy Steve Witkoff held about three hours of talks with Vladimir Putin in the Kremlin on Wednesday, August 6.", "2025-08-07");
    for (const d of [uk, ru, en]) assert.deepEqual([d.kind, d.status, d.date, d.city], ["meeting", "held", "2025-08-06", "Moscow"]);
  });
  it("leaves a meeting of the two leaders a summit", () => {
    const en = main("What we know about the Trump-Putin meeting and the summit in Alaska\n\nDonald Trump and Vladimir Putin will meet in Anchorage on Friday, August 15.", "2025-08-07");
    assert.deepEqual([en.kind, en.date], ["summit", "2025-08-15"]);
  });
});

describe("hours spent with someone", () => {
  // 2025-04-12 was a Saturday.
  it("are a meeting, which the sentence dates and places", () => {
    const en = main("Witkoff meets Putin\n\nSteve Witkoff spent more than four hours with Vladimir Putin in St. Petersburg on Friday. Ushakov said he could not yet say when Putin and Trump might speak again.", "2025-04-12");
    const ru = main("Уиткофф встретился с Путиным\n\nСтив Уиткофф в пятницу провел с Владимиром Путиным в Санкт-Петербурге более четырех часов. Ушаков не смог сказать, когда Путин и Трамп поговорят снова.", "2025-04-12");
    const uk = main("Віткофф зустрівся з Путіним\n\nСтів Віткофф у п'ятницю провів більше чотирьох годин із Володимиром Путіним у Санкт-Петербурзі. Ушаков не зміг сказати, коли Путін і Трамп поговорять знову.", "2025-04-12");
    for (const d of [en, ru, uk]) assert.deepEqual([d.kind, d.status, d.date, d.city], ["meeting", "held", "2025-04-11", "St Petersburg"]);
  });
});

describe("a contact moved to talks over several days", () => {
  // 2026-01-31 was a Saturday.
  it("is on the first day told after the move, not the last", () => {
    const ru = main("Раунд в Абу-Даби перенесли\n\nВторой раунд переговоров России и США в Абу-Даби, который должен был пройти в воскресенье, 1 февраля, перенесен на следующую неделю: делегации встретятся в среду, 4 февраля, и, возможно, продолжат работу в четверг.", "2026-01-31");
    const uk = main("Раунд в Абу-Дабі перенесли\n\nДругий раунд переговорів Росії та США в Абу-Дабі, який мав відбутися в неділю, 1 лютого, перенесено на наступний тиждень: делегації зустрінуться в середу, 4 лютого, і, можливо, продовжать роботу в четвер.", "2026-01-31");
    const en = main("Abu Dhabi round postponed\n\nThe second round of Russia-US talks in Abu Dhabi, which was due to take place on Sunday, February 1, has been postponed to next week: the delegations will meet on Wednesday, February 4, and may continue on Thursday.", "2026-01-31");
    for (const d of [ru, uk, en]) assert.deepEqual([d.status, d.date, d.city], ["postponed", "2026-02-04", "Abu Dhabi"]);
  });
});

describe("a day of the month told without its month", () => {
  // 2025-10-08 was a Wednesday.
  it("is the next such day for a contact to come", () => {
    const en = main("Lavrov and Rubio to meet\n\nLavrov and Rubio will meet in Vienna on the 14th.", "2025-10-08");
    const ru = main("Лавров и Рубио встретятся\n\nЛавров и Рубио встретятся в Вене 14-го числа.", "2025-10-08");
    const uk = main("Лавров і Рубіо зустрінуться\n\nЛавров і Рубіо зустрінуться у Відні 14-го.", "2025-10-08");
    for (const d of [en, ru, uk]) assert.deepEqual([d.status, d.date], ["scheduled", "2025-10-14"]);
    assert.equal(main("Lavrov and Rubio to meet\n\nLavrov and Rubio will meet in Vienna on the 3rd.", "2025-10-08").date, "2025-11-03");
  });
  it("is the last such day for a contact done", () => {
    const en = main("Lavrov and Rubio met\n\nLavrov and Rubio met in Vienna on the 3rd.", "2025-10-08");
    const ru = main("Лавров и Рубио встретились\n\nЛавров и Рубио встретились в Вене 3-го числа.", "2025-10-08");
    const uk = main("Лавров і Рубіо зустрілися\n\nЛавров і Рубіо зустрілися у Відні 3-го числа.", "2025-10-08");
    for (const d of [en, ru, uk]) assert.deepEqual([d.status, d.date], ["held", "2025-10-03"]);
  });
  it("is no day in an ordinal of a series ('the 14th round', '14-го раунда')", () => {
    const en = main("Lavrov and Rubio to meet\n\nLavrov and Rubio will meet for the 14th round of talks in Vienna.", "2025-10-08");
    const ru = main("Лавров и Рубио встретятся\n\nЛавров и Рубио встретятся в Вене в рамках 14-го раунда переговоров.", "2025-10-08");
    for (const d of [en, ru]) assert.equal(d.date, null);
  });
});
