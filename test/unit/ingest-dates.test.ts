// Dates resolved against the publication day, as a reader of the news would.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readDates, readTime } from "../../src/ingest/dates.ts";

const first = (s: string, lang: "ru" | "uk" | "en", published: string, future = false) => readDates(s, lang, published, future ? "future" : "past").dates[0]?.value ?? null;

describe("dates", () => {
  // 2025-04-08 was a Tuesday.
  it("points a bare weekday forward for what is to come and back for what was", () => {
    assert.equal(first("will hold a call on Monday", "en", "2025-05-19", true), "2025-05-19");
    assert.equal(first("Переговоры пройдут в четверг", "ru", "2025-04-08", true), "2025-04-10");
    assert.equal(first("Переговоры прошли в четверг", "ru", "2025-04-08", false), "2025-04-03");
    assert.equal(first("Зустріч відбулася у п'ятницю", "uk", "2025-04-12", false), "2025-04-11");
    assert.equal(first("Зустріч відбулася у п’ятницю", "uk", "2025-04-12", false), "2025-04-11");
    assert.equal(first("Зустріч відбулася у пʼятницю", "uk", "2025-04-12", false), "2025-04-11");
    assert.equal(first("They met on Friday", "en", "2025-04-26", false), "2025-04-25");
  });
  it("points 'last Friday' back whatever the tense", () => {
    assert.equal(first("last Friday", "en", "2025-12-05", true), "2025-11-28");
    assert.equal(first("минулого четверга", "uk", "2025-12-05", true), "2025-12-04");
    assert.equal(first("в минувшую пятницу", "ru", "2025-12-06", true), "2025-12-05");
  });
  it("reads 'next Thursday' as the Thursday of the coming week", () => {
    assert.equal(first("They will meet next Thursday", "en", "2025-09-18", true), "2025-09-25");
    assert.equal(first("They will meet next Thursday", "en", "2025-04-08", true), "2025-04-17");
  });
  it("resolves relative days in all three languages", () => {
    assert.equal(first("позавчера встретился", "ru", "2025-12-22"), "2025-12-20");
    assert.equal(first("позавчора зустрівся", "uk", "2025-12-22"), "2025-12-20");
    assert.equal(first("spoke yesterday", "en", "2025-02-16"), "2025-02-15");
    assert.equal(first("состоявшиеся накануне консультации", "ru", "2025-04-11"), "2025-04-10");
    assert.equal(first("напередодні", "uk", "2025-04-11"), "2025-04-10");
  });
  it("gives a date without a year the year its tense points to", () => {
    assert.equal(first("встретились 12 февраля", "ru", "2025-12-05"), "2025-02-12");
    assert.equal(first("встретятся 12 февраля", "ru", "2025-12-05", true), "2026-02-12");
    assert.equal(readDates("12 февраля", "ru", "2025-12-05", undefined).dates[0].value, "2026-02-12");
    // A misread tense never throws a date a year away: "2 июня" in late May is this June's.
    assert.equal(first("провести раунд 2 июня", "ru", "2025-05-28"), "2025-06-02");
    assert.equal(first("встреча 10 квітня", "uk", "2025-04-04", true), "2025-04-10");
    assert.equal(first("встретились 27 декабря", "ru", "2026-01-05"), "2025-12-27");
    assert.equal(first("on Feb. 27", "en", "2025-04-08"), "2025-02-27");
  });
  it("keeps a month alone as YYYY-MM and makes up no day for next week", () => {
    assert.equal(first("може відбутися в листопаді", "uk", "2025-10-01", true), "2025-11");
    const nextWeek = readDates("Встреча пройдет на следующей неделе", "ru", "2026-02-11", "future");
    assert.deepEqual(nextWeek.dates, []);
    assert.equal(nextWeek.vague, "на следующей неделе");
    assert.deepEqual(readDates("They will talk next week", "en", "2025-05-15", "future").dates, []);
  });
  it("does not read a date into a name or a duration", () => {
    assert.equal(first("встретился в Майами", "ru", "2025-12-22"), null);
    assert.equal(first("talks for three hours", "en", "2025-04-26"), null);
  });
  it("marks the day a statement was made as the statement's, pointing back", () => {
    const r = readDates("Это не состоится, — сказала она журналистам в понедельник.", "ru", "2025-06-17", "future");
    assert.deepEqual(r.dates.map((d) => [d.value, d.statement]), [["2025-06-16", true]]);
  });
  it("marks the new date of a moved contact", () => {
    const r = readDates("Раунд, который планировался на 1 февраля, перенесен на 4 февраля", "ru", "2026-02-01", "future");
    assert.deepEqual(r.dates.map((d) => [d.value, d.movedTo]), [["2026-02-01", false], ["2026-02-04", true]]);
  });
});

describe("spans and counts that name no day of the contact", () => {
  it("starts a contact over several days on its first day", () => {
    assert.equal(first("прошедшие в Вашингтоне 2 и 3 апреля", "ru", "2025-04-03"), "2025-04-02");
    assert.equal(first("відбувся 23–24 січня", "uk", "2026-01-26"), "2026-01-23");
  });
  it("gives no day for weeks, a weekend, 'for now' or a day counted from another event", () => {
    assert.equal(first("встреча может пройти «в течение двух недель»", "ru", "2025-10-23", true), null);
    assert.equal(first("Talks are expected this weekend", "en", "2025-11-05", true), null);
    assert.equal(first("the trip is off for now", "en", "2025-11-28", true), null);
    assert.equal(first("a day before he hosts Zelenskiy at the White House", "en", "2025-10-16"), null);
    assert.equal(first("The call took place the day before yesterday", "en", "2025-11-05"), "2025-11-03");
  });
});

describe("times", () => {
  it("reads a time and its zone", () => {
    assert.deepEqual(readTime("в 10:00 по московскому времени"), { time: "10:00", zone: "Europe/Moscow", text: "10:00" });
    assert.equal(readTime("о 15:00 за київським часом")?.zone, "Europe/Kyiv");
    assert.equal(readTime("at 10:00 local time")?.zone, "local");
    assert.equal(readTime("начнутся в 9.30")?.time, "09:30");
    assert.deepEqual(readTime("on Monday at 10:00 a.m. Eastern Time"), { time: "10:00", zone: "America/New_York", text: "10:00" });
    assert.equal(readTime("the call is set for 3 p.m. Moscow time")?.time, "15:00");
    assert.equal(readTime("at 12 a.m.")?.time, "00:00");
  });
  it("does not take a score or a date for a time", () => {
    assert.equal(readTime("обмен 157 на 157, итог 10.04"), undefined);
  });
  it("keeps the day after a part of the day (chrono's ru and uk parsers lose it there)", () => {
    assert.equal(first("Переговоры начались поздно вечером в четверг, 5 марта", "ru", "2026-03-06"), "2026-03-05");
    assert.equal(first("Переговори почалися ввечері у четвер, 5 березня", "uk", "2026-03-06"), "2026-03-05");
    assert.equal(first("The talks began late on Thursday, March 5", "en", "2026-03-06"), "2026-03-05");
  });
  it("reads a day before a singular verb of saying in ru and uk as the statement's", () => {
    assert.equal(readDates("В среду Кремль сообщил, что визит отменён", "ru", "2026-03-06", "past").dates[0]?.statement, true);
    assert.equal(readDates("У середу Кремль повідомив, що візит скасовано", "uk", "2026-03-06", "past").dates[0]?.statement, true);
  });
  it("leaves an English weekday that qualifies another event's noun to that event", () => {
    assert.equal(first("He used his Saturday press conference to announce a round", "en", "2025-09-29", true), null);
    assert.equal(first("After Sunday's election, the envoys will meet", "en", "2025-09-29", true), null);
    assert.equal(first("Sunday's talks in Riyadh ended late", "en", "2025-09-30"), "2025-09-28");
  });
});


describe("the day of a statement, not of the contact", () => {
  // 2025-10-01 was a Wednesday.
  const said = (s: string, lang: "ru" | "uk" | "en", tense: "past" | "future" = "future") => readDates(s, lang, "2025-10-01", tense).dates.map((d) => [d.value, d.statement ?? false]);
  it("is a day that opens the clause of a verb of saying", () => {
    assert.deepEqual(said("В понедельник посол сказал, что консультации пройдут осенью.", "ru"), [["2025-09-29", true]]);
    assert.deepEqual(said("У понеділок посол зазначив, що консультації відбудуться восени.", "uk"), [["2025-09-29", true]]);
    assert.deepEqual(said("On Monday, the ambassador said the consultations would take place in the autumn.", "en"), [["2025-09-29", true]]);
    assert.deepEqual(said("The envoy on Monday told reporters the talks would go ahead.", "en"), [["2025-09-29", true]]);
  });
  it("is not the day of a contact that a statement follows", () => {
    assert.deepEqual(said("The envoys will meet on Monday, the ambassador said.", "en"), [["2025-10-06", false]]);
    assert.deepEqual(said("On Monday, the envoys will meet, the ambassador said.", "en"), [["2025-10-06", false]]);
  });
  it("is a day in a sentence that tells only who said it, up to its first comma", () => {
    assert.deepEqual(said("Про це посол сказав журналістам у посольстві під час зустрічі з ветеранами в понеділок, 29 вересня.", "uk", "past"), [["2025-09-29", true]]);
    assert.deepEqual(said("Об этом посол сообщил журналистам в понедельник.", "ru", "past"), [["2025-09-29", true]]);
    assert.deepEqual(said("He made the remarks at a briefing on Monday.", "en", "past"), [["2025-09-29", true]]);
    assert.deepEqual(said("Про це посол сказав у Відні, де зустрівся з міністром у понеділок.", "uk", "past"), [["2025-09-29", false]]);
  });
  it("is a day in the attribution after a quote", () => {
    assert.deepEqual(said("«Зустріч буде», – сказав посол на брифінгу після візиту до Відня в понеділок.", "uk"), [["2025-09-29", true]]);
    assert.deepEqual(said("\"Встреча будет\", - сказал посол на брифинге по итогам визита в Вену в понедельник.", "ru"), [["2025-09-29", true]]);
    assert.deepEqual(said("We will meet,\" the ambassador told reporters at a briefing in Vienna on Monday.", "en"), [["2025-09-29", true]]);
    assert.deepEqual(said("\"Да\", - сказал посол, добавив, что встреча пройдет в понедельник.", "ru"), [["2025-10-06", false]]);
  });
});

describe("the day of another contact that times this one", () => {
  const another = (s: string, lang: "ru" | "uk" | "en") => readDates(s, lang, "2025-10-01", "past").dates.map((d) => d.another ?? false);
  it("is a day after 'after' and a contact's noun, in a sentence that names a contact before", () => {
    assert.deepEqual(another("Зустріч у Відні стала б другою після саміту в Женеві 15 серпня.", "uk"), [true]);
    assert.deepEqual(another("Встреча в Вене стала бы второй после саммита в Женеве 15 августа.", "ru"), [true]);
    assert.deepEqual(another("The meeting in Vienna would be the second after the Geneva summit on Aug. 15.", "en"), [true]);
  });
  it("is a day that stands between 'after' and a contact's noun, in a sentence that names a contact before", () => {
    assert.deepEqual(another("The meeting in Vienna was their third, after their May 4 call.", "en"), [true]);
    assert.deepEqual(another("Встреча в Вене стала третьей после состоявшегося 4 мая разговора.", "ru"), [true]);
    assert.deepEqual(another("Зустріч у Відні стала третьою після їхньої 4 травня розмови.", "uk"), [true]);
    assert.deepEqual(another("The ambassador flew home after their May 4 call.", "en"), [false]);
    assert.deepEqual(another("The meeting in Vienna came after May 4, when the talks had stalled.", "en"), [false]);
  });
  it("is that contact's own where no contact is named before", () => {
    assert.deepEqual(another("Посол повернувся додому після саміту в Женеві 15 серпня.", "uk"), [false]);
    assert.deepEqual(another("The ambassador flew home after the Geneva summit on Aug. 15.", "en"), [false]);
  });
});

describe("a span counted from another event", () => {
  it("reads no day in 'three months after' a summit, in any of the three languages", () => {
    for (const [s, lang] of [
      ["Three months after Alaska, Trump's Russia reset runs aground.", "en"],
      ["Two weeks after the call, the ministers have yet to meet.", "en"],
      ["Спустя три месяца после саммита на Аляске контактов нет.", "ru"],
      ["Через три місяці після саміту на Алясці контактів немає.", "uk"],
    ] as const) assert.equal(first(s, lang, "2025-11-12"), null, s);
  });
});

describe("a given name that starts with a month's name", () => {
  it("reads no May in 'Майк', 'Майкл' or 'Mayor'", () => {
    assert.equal(first("Делегацию сопровождал Майк Уолц.", "ru", "2026-03-12"), null);
    assert.equal(first("Делегацію супроводжував Майк Волц.", "uk", "2026-03-12"), null);
    assert.equal(first("В консультациях участвовал Майкл Энтон.", "ru", "2026-03-12"), null);
    assert.equal(first("Mayor Adams welcomed the delegation.", "en", "2026-03-12"), null);
    assert.equal(first("Встреча пройдет в мае.", "ru", "2026-03-12"), "2026-05");
  });
});
