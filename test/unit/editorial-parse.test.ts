// What editors type in /add and /update, in English, Russian and Ukrainian: dates (with and
// without a year, relative to a fixed "today"), time and zone, participants, sources, the
// language of a text, and the ids made from titles.
import assert from "node:assert/strict";
import { test } from "node:test";
import { applyEdit, applyEdits, draftEntry } from "../../src/editorial/entry.ts";
import {
  detectLang,
  entryId,
  isSkip,
  parseDate,
  parseLocalized,
  parseNewTrack,
  parseParticipants,
  parsePlace,
  parseSources,
  parseTimeAndZone,
  slugify,
  type Parsed,
} from "../../src/editorial/parse.ts";
import type { Entry } from "../../src/record/schema.ts";
import { parseEventLog } from "../../src/record/validate.ts";
import { entry, log } from "../support/fixtures.ts";

const TODAY = "2025-04-08";

function value<T>(p: Parsed<T>): T {
  assert.ok(p.ok, `expected success, got ${JSON.stringify(p)}`);
  return p.value;
}

function error<T>(p: Parsed<T>): string {
  assert.ok(!p.ok, `expected a failure, got ${JSON.stringify(p)}`);
  return p.error;
}

test("dates with a year, in every accepted form and language", () => {
  const cases: [string, string][] = [
    ["2025-04-10", "2025-04-10"],
    ["10.04.2025", "2025-04-10"],
    ["10/4/2025", "2025-04-10"],
    ["10 апреля 2025", "2025-04-10"],
    ["10 апреля 2025 г.", "2025-04-10"],
    ["10 квітня 2025", "2025-04-10"],
    ["10 квітня 2025 року", "2025-04-10"],
    ["10 April 2025", "2025-04-10"],
    ["April 10, 2025", "2025-04-10"],
    ["Apr 10 2025", "2025-04-10"],
    ["  1 января 2026 ", "2026-01-01"],
    ["29 лютого 2024", "2024-02-29"],
  ];
  for (const [input, expected] of cases) assert.equal(value(parseDate(input, TODAY)), expected, input);
});

test("a date without a year is the next occurrence from today, today included", () => {
  assert.equal(value(parseDate("10 апреля", TODAY)), "2025-04-10");
  assert.equal(value(parseDate("April 10", TODAY)), "2025-04-10");
  assert.equal(value(parseDate("8 квітня", TODAY)), "2025-04-08");
  // Already past this year: next year.
  assert.equal(value(parseDate("7 April", TODAY)), "2026-04-07");
  assert.equal(value(parseDate("01.03", TODAY)), "2026-03-01");
  assert.equal(value(parseDate("31 декабря", TODAY)), "2025-12-31");
  // 29 February waits for a leap year.
  assert.equal(value(parseDate("29.02", TODAY)), "2028-02-29");
});

test("relative days, month-only dates and 'not set' in three languages", () => {
  assert.equal(value(parseDate("tomorrow", TODAY)), "2025-04-09");
  assert.equal(value(parseDate("Завтра", TODAY)), "2025-04-09");
  assert.equal(value(parseDate("today", "2025-12-31")), "2025-12-31");
  assert.equal(value(parseDate("tomorrow", "2025-12-31")), "2026-01-01");
  assert.equal(value(parseDate("сьогодні", TODAY)), TODAY);
  assert.equal(value(parseDate("вчора", TODAY)), "2025-04-07");
  assert.equal(value(parseDate("2025-04", TODAY)), "2025-04");
  assert.equal(value(parseDate("April 2025", TODAY)), "2025-04");
  assert.equal(value(parseDate("квітень 2025", TODAY)), "2025-04");
  for (const input of ["not set", "Not set", "не назначена", "не назначено", "не призначено", "—"]) assert.equal(value(parseDate(input, TODAY)), null, input);
});

test("impossible days and unreadable dates are told apart", () => {
  assert.equal(error(parseDate("31.02.2025", TODAY)), "date-calendar");
  assert.equal(error(parseDate("32 апреля", TODAY)), "date-calendar");
  assert.equal(error(parseDate("29 February 2025", TODAY)), "date-calendar");
  assert.equal(error(parseDate("2025-13-01", TODAY)), "date-calendar");
  assert.equal(error(parseDate("2025-13", TODAY)), "date-calendar");
  assert.equal(error(parseDate("next week", TODAY)), "date-format");
  assert.equal(error(parseDate("10 Aprilis 2025", TODAY)), "date-format");
  assert.equal(error(parseDate("", TODAY)), "date-format");
});

test("time and zone: both, the time alone (editor's zone), the zone alone, skip", () => {
  assert.deepEqual(value(parseTimeAndZone("10:00 Europe/Istanbul", "UTC")), { time: "10:00", timezone: "Europe/Istanbul" });
  assert.deepEqual(value(parseTimeAndZone("9.30 europe/moscow", "UTC")), { time: "09:30", timezone: "Europe/Moscow" });
  assert.deepEqual(value(parseTimeAndZone("14:00 MSK", "UTC")), { time: "14:00", timezone: "Europe/Moscow" });
  assert.deepEqual(value(parseTimeAndZone("14:00 Europe/Kiev", "UTC")), { time: "14:00", timezone: "Europe/Kyiv" });
  assert.deepEqual(value(parseTimeAndZone("10:00", "Europe/Berlin")), { time: "10:00", timezone: "Europe/Berlin" });
  assert.deepEqual(value(parseTimeAndZone("Europe/Zurich", "UTC")), { timezone: "Europe/Zurich" });
  for (const skip of ["skip", "пропустить", "Пропустити", "-"]) assert.deepEqual(value(parseTimeAndZone(skip, "UTC")), {}, skip);
  assert.equal(error(parseTimeAndZone("25:00 UTC", "UTC")), "time-format");
  assert.equal(error(parseTimeAndZone("10:75", "UTC")), "time-format");
  assert.equal(error(parseTimeAndZone("10", "UTC")), "time-format");
  const unknown = parseTimeAndZone("10:00 Mars/Olympus", "UTC");
  assert.deepEqual(unknown, { ok: false, error: "zone-unknown", detail: "Mars/Olympus" });
});

test("the language of a text: Latin is English, і ї є ґ Ukrainian, other Cyrillic Russian", () => {
  assert.equal(detectLang("Talks in Istanbul"), "en");
  assert.equal(detectLang("Переговоры в Стамбуле"), "ru");
  assert.equal(detectLang("Переговори у Стамбулі"), "uk");
  assert.equal(detectLang("Зустріч Віткоффа і Путіна"), "uk");
  assert.equal(detectLang("Ґрунтовна розмова"), "uk");
  assert.equal(detectLang("Объявлен съезд"), "ru");
  assert.equal(detectLang("Раунд"), "ru");
  assert.equal(detectLang("Встреча Witkoff и Путина в Москве"), "ru");
  assert.equal(detectLang("2025 — 10:00"), undefined);
  // Only letters both languages share: the editor's own language decides, else Russian.
  assert.equal(detectLang("Стамбул, Туреччина", "uk"), "uk");
  assert.equal(detectLang("Стамбул, Туреччина", "en"), "ru");
  assert.equal(detectLang("Переговоры в Стамбуле", "uk"), "ru", "telling letters win over the preference");
});

test("localized text: one version detected, several marked with en:/ru:/uk:", () => {
  assert.deepEqual(value(parseLocalized("Раунд у Стамбулі")), { uk: "Раунд у Стамбулі" });
  assert.deepEqual(value(parseLocalized("en: Istanbul round\nru: Раунд в Стамбуле\nuk: Раунд у Стамбулі")), {
    en: "Istanbul round",
    ru: "Раунд в Стамбуле",
    uk: "Раунд у Стамбулі",
  });
  // A version may run over several lines.
  assert.deepEqual(value(parseLocalized("en: First line.\nSecond line.\nru: Одна строка.")), { en: "First line.\nSecond line.", ru: "Одна строка." });
  assert.equal(error(parseLocalized("en: One\nen: Two")), "text-duplicate-lang");
  assert.equal(error(parseLocalized("12:00 — 14:00")), "text-no-letters");
});

test("participants: name | role | side lines, sides in words or codes", () => {
  const people = value(
    parseParticipants("Sonata Coulter | Deputy Assistant Secretary of State | US\nАлександр Дарчиев | посол | Россия\nСтів Віткофф | США\n\nHakan Fidan | | mediator"),
  );
  assert.deepEqual(people, [
    { name: { en: "Sonata Coulter" }, role: { en: "Deputy Assistant Secretary of State" }, side: "US" },
    { name: { ru: "Александр Дарчиев" }, role: { ru: "посол" }, side: "RU" },
    { name: { uk: "Стів Віткофф" }, side: "US" },
    { name: { en: "Hakan Fidan" }, side: "mediator" },
  ]);
  // A name alone may have no telling letters; its role decides.
  assert.deepEqual(value(parseParticipants("Марко Рубіо | державний секретар | США")), [
    { name: { uk: "Марко Рубіо" }, role: { uk: "державний секретар" }, side: "US" },
  ]);
  assert.deepEqual(value(parsePlace("Стамбул, Туреччина", "uk")), { city: { uk: "Стамбул" }, country: { uk: "Туреччина" } });
  assert.deepEqual(parseParticipants("Just a name"), { ok: false, error: "participant-format", detail: "Just a name" });
  assert.deepEqual(parseParticipants("Someone | role | Atlantis"), { ok: false, error: "participant-side", detail: "Atlantis" });
  assert.ok(isSkip("skip") && isSkip("Нет") && isSkip("пропустити"));
});

test("place, sources and a new series", () => {
  assert.deepEqual(value(parsePlace("Istanbul, Turkey")), { city: { en: "Istanbul" }, country: { en: "Turkey" } });
  assert.deepEqual(value(parsePlace("Стамбул")), { city: { ru: "Стамбул" } });
  assert.equal(error(parsePlace("a, b, c")), "place-format");

  assert.deepEqual(value(parseSources("Reuters https://www.reuters.com/world/x\nhttps://www.kommersant.ru/doc/1\nУкраїнська правда\nTASS [ru]", "en")), [
    { outlet: "Reuters", url: "https://www.reuters.com/world/x", language: "en" },
    { outlet: "kommersant.ru", url: "https://www.kommersant.ru/doc/1", language: "ru" },
    { outlet: "Українська правда", language: "uk" },
    { outlet: "TASS", language: "ru" },
  ]);
  // A site typed without https:// is a link too.
  assert.deepEqual(value(parseSources("kremlin.ru/events/president/news/1", "en")), [
    { outlet: "kremlin.ru", url: "https://kremlin.ru/events/president/news/1", language: "ru" },
  ]);
  assert.deepEqual(value(parseSources("N.Y. Times", "en")), [{ outlet: "N.Y. Times", language: "en" }]);
  assert.equal(error(parseSources("see http:/broken.link", "en")), "source-url");
  assert.equal(error(parseSources("https://localhost/x", "en")), "source-url");
  assert.equal(error(parseSources("[ru]", "en")), "source-format");

  assert.deepEqual(value(parseNewTrack("arms-control Arms control talks")), { id: "arms-control", title: { en: "Arms control talks" } });
  assert.equal(error(parseNewTrack("Arms Control talks")), "track-format");
});

test("ids: slug of the English or transliterated title plus the date, unique, at most 48 characters", () => {
  assert.equal(slugify("Witkoff–Putin meeting"), "witkoff-putin-meeting");
  assert.equal(slugify("Встреча в Эр-Рияде"), "vstrecha-v-er-riyade");
  assert.equal(slugify("Зустріч у Женеві"), "zustrich-u-zhenevi");
  assert.equal(slugify("Genève talks"), "geneve-talks");
  const taken = new Set(["witkoff-putin-meeting-2025-04-10"]);
  assert.equal(entryId({ en: "Witkoff–Putin meeting", ru: "Встреча" }, "2025-04-10", (id) => taken.has(id)), "witkoff-putin-meeting-2025-04-10-2");
  assert.equal(entryId({ ru: "Раунд в Стамбуле" }, "2025-04", () => false), "raund-v-stambule-2025-04");
  assert.equal(entryId({ uk: "Раунд" }, null, () => false), "raund");
  const long = entryId({ en: "A very long title about the consultations on the work of embassies in Istanbul" }, "2025-04-10", () => false);
  assert.ok(long.length <= 48 && long.endsWith("-2025-04-10") && /^[a-z0-9][a-z0-9-]*$/.test(long), long);
});

test("a finished draft passes the record's own checks; /update changes keep the entry valid", () => {
  const raw = draftEntry(
    {
      track: "embassy-operations",
      kind: "round",
      status: "scheduled",
      date: "2025-04-10",
      time: "10:00",
      timezone: "Europe/Istanbul",
      place: { city: { en: "Istanbul" }, country: { en: "Turkey" } },
      participants: [{ name: { en: "Hakan Fidan" }, side: "mediator" }, { name: { uk: "Андрій Сибіга" }, side: "UA" }],
      title: { en: "Istanbul round 4" },
      summary: { en: "Fourth round." },
      sources: [{ outlet: "Reuters", language: "en" }],
    },
    "istanbul-round-4-2025-04-10",
    ["RU", "US"],
  );
  assert.deepEqual(raw.parties, ["RU", "US", "UA"]);
  const parsed = parseEventLog(JSON.stringify(log([entry(), raw])), "events.json");
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
  const e = parsed.log.entries[1];

  const held = applyEdit(e, { kind: "held", outcome: { en: "Agreed to meet again." } });
  assert.equal(held.status, "held");
  assert.deepEqual(held.outcome, { en: "Agreed to meet again." });
  // Undated: "scheduled" becomes "announced" and the time goes, so the entry stays valid.
  const undated = applyEdit(e, { kind: "when", date: null });
  assert.equal(undated.status, "announced");
  assert.equal(undated.time, undefined);
  assert.equal(undated.timezone, "Europe/Istanbul");
  const postponed = applyEdit(e, { kind: "postponed" });
  assert.equal(applyEdit(postponed, { kind: "when", date: "2025-05-02", time: "11:00" }).status, "scheduled");
  assert.equal(e.status, "scheduled", "the entry itself is not changed");
});

/** An entry as the record holds it, parsed and valid, so the edits start from a real one. */
function recorded(over: Record<string, unknown>): Entry {
  const parsed = parseEventLog(JSON.stringify(log([entry(over)])), "events.json");
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
  return parsed.log.entries[0];
}

const MOVED = {
  status: "postponed",
  date: "2025-04-10",
  endDate: "2025-04-11",
  time: "10:00",
  timezone: "Europe/Istanbul",
  place: { city: { en: "Istanbul" }, country: { en: "Turkey" } },
};

test("a new day schedules a postponed or announced entry again; its end date and time go unless given with it", () => {
  const postponed = recorded(MOVED);
  const { endDate, time, ...rest } = postponed;
  assert.deepEqual([endDate, time], ["2025-04-11", "10:00"]);
  assert.deepEqual(applyEdit(postponed, { kind: "when", date: "2025-05-02" }), { ...rest, status: "scheduled", date: "2025-05-02" });
  assert.deepEqual(applyEdit(postponed, { kind: "when", date: "2025-05-02", endDate: "2025-05-03", time: "11:00" }), {
    ...postponed,
    status: "scheduled",
    date: "2025-05-02",
    endDate: "2025-05-03",
    time: "11:00",
  });
  const announced = recorded({ ...MOVED, status: "announced", date: "2025-04", endDate: undefined, time: undefined });
  assert.equal(applyEdit(announced, { kind: "when", date: "2025-05-02" }).status, "scheduled");
  // A month is not a day to meet on: the entry stays as it was announced.
  assert.equal(applyEdit(announced, { kind: "when", date: "2025-05" }).status, "announced");
  // No date: a scheduled entry is only announced; the zone is the place's and stays.
  const undated = applyEdit(recorded({ ...MOVED, status: "scheduled" }), { kind: "when", date: null });
  assert.deepEqual([undated.status, undated.date, undated.endDate, undated.time, undated.timezone], ["announced", null, undefined, undefined, "Europe/Istanbul"]);
  // Held and cancelled entries keep their status whatever the date.
  for (const status of ["held", "cancelled"]) assert.equal(applyEdit(recorded({ ...MOVED, status }), { kind: "when", date: "2025-05-02" }).status, status);
});

test("a time, zone or end date alone changes only itself; null clears it", () => {
  const postponed = recorded(MOVED);
  assert.deepEqual(applyEdit(postponed, { kind: "when", time: "12:30" }), { ...postponed, time: "12:30" });
  assert.deepEqual(applyEdit(postponed, { kind: "when", timezone: "Europe/Moscow" }), { ...postponed, timezone: "Europe/Moscow" });
  const bare = structuredClone(postponed);
  delete bare.time;
  delete bare.timezone;
  delete bare.endDate;
  assert.deepEqual(applyEdit(postponed, { kind: "when", time: null, timezone: null, endDate: null }), bare);
});

test("several edits at once: an explicit status wins over the one a new date implies, in any order", () => {
  const postponed = recorded(MOVED);
  const when = { kind: "when", date: "2025-05-02" } as const;
  assert.equal(applyEdits(postponed, [when]).status, "scheduled");
  for (const edits of [
    [when, { kind: "postponed" }],
    [{ kind: "postponed" }, when],
  ] as const) {
    const moved = applyEdits(postponed, edits);
    assert.deepEqual([moved.status, moved.date, moved.time], ["postponed", "2025-05-02", undefined]);
  }
  assert.equal(applyEdits(recorded({ ...MOVED, status: "scheduled" }), [{ kind: "announced" }, { kind: "when", date: null }]).status, "announced");
  const held = applyEdits(postponed, [{ kind: "held" }, { kind: "outcome", outcome: { ru: "Договорились" } }]);
  assert.deepEqual([held.status, held.outcome], ["held", { ru: "Договорились" }]);
});

test("an outcome merges per language; a place replaces the old one; sources and participants are added once", () => {
  const e = recorded({ ...MOVED, status: "held", outcome: { en: "Agreed." } });
  assert.deepEqual(applyEdit(e, { kind: "outcome", outcome: { ru: "Договорились." } }).outcome, { en: "Agreed.", ru: "Договорились." });
  assert.equal(applyEdit(e, { kind: "outcome", outcome: { ru: "Договорились." } }).status, "held");
  assert.deepEqual(applyEdit(e, { kind: "held", outcome: { en: "Agreed again." } }).outcome, { en: "Agreed again." });
  assert.deepEqual(applyEdit(e, { kind: "place", place: { city: { en: "Riyadh" } } }).place, { city: { en: "Riyadh" } });
  const again = e.sources[0];
  const ap = { outlet: "AP", url: "https://apnews.com/x", language: "en" };
  assert.deepEqual(applyEdit(e, { kind: "sources", sources: [again, { ...again, outlet: "Meduza (EN)" }, ap] }).sources, [again, ap]);
  const sybiha = { name: { uk: "Андрій Сибіга" }, side: "UA" };
  const joined = applyEdit(e, { kind: "participants", participants: [e.participants[0], sybiha] });
  assert.deepEqual(joined.participants, [...e.participants, sybiha]);
  assert.deepEqual(joined.parties, ["RU", "US", "UA"]);
});
