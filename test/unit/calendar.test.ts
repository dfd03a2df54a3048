// The .ics renderer, read back by an independent parser (ical.js), as a calendar app would.
import assert from "node:assert/strict";
import { test } from "node:test";
import ICAL from "ical.js";
import { escapeText, foldLine, renderCalendar, renderEntryCalendar, type CalendarOptions } from "../../src/calendar/ics.ts";
import type { Entry } from "../../src/record/schema.ts";
import { parseEventLog } from "../../src/record/validate.ts";
import { entry, log } from "../support/fixtures.ts";

function entries(...list: object[]): Entry[] {
  const r = parseEventLog(JSON.stringify(log(list)), "test.json");
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.log.entries;
}

const NOW = new Date("2025-04-08T12:34:56.789Z");
const base: CalendarOptions = { lang: "en", name: "Parley", now: NOW, publicUrl: "https://parley.example/" };

interface Parsed {
  calendar: ICAL.Component;
  events: Map<string, ICAL.Component>;
}

/** Parses the text and registers its VTIMEZONEs, so that times convert through them only. */
function parse(text: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const events = new Map<string, ICAL.Component>();
  for (const ev of calendar.getAllSubcomponents("vevent")) events.set(String(ev.getFirstPropertyValue("uid")), ev);
  return { calendar, events };
}

function utcOf(ev: ICAL.Component, prop: "dtstart" | "dtend" = "dtstart"): string {
  const t = ev.getFirstPropertyValue(prop) as ICAL.Time;
  return new Date(t.toUnixTime() * 1000).toISOString();
}

function assertWellFormed(text: string): void {
  assert.ok(text.endsWith("\r\n"), "ends with CRLF");
  assert.ok(!/[^\r]\n/.test(text), "no bare LF");
  for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, `line longer than 75 octets: ${line}`);
}

const sample = entries(
  entry({ id: "held-day", status: "held", date: "2025-02-27", place: { city: { en: "Istanbul", ru: "Стамбул" }, country: { en: "Türkiye" } } }),
  entry({ id: "two-days", status: "scheduled", date: "2025-04-10", endDate: "2025-04-11" }),
  entry({ id: "timed-ist", status: "scheduled", date: "2025-04-10", time: "10:00", timezone: "Europe/Istanbul", durationMinutes: 90 }),
  entry({ id: "ny-summer", status: "announced", date: "2025-07-01", time: "10:00", timezone: "America/New_York" }),
  entry({ id: "ny-winter", status: "postponed", date: "2025-01-15", time: "10:00", timezone: "America/New_York" }),
  entry({ id: "kyiv-dst-day", status: "scheduled", date: "2025-03-30", time: "12:00", timezone: "Europe/Kyiv" }),
  entry({ id: "utc-time", status: "held", date: "2025-03-01", time: "08:30" }),
  entry({ id: "gone", status: "cancelled", date: "2025-05-05" }),
  entry({ id: "month-only", status: "announced", date: "2025-06" }),
  entry({ id: "undated", status: "announced", date: null }),
);

test("the calendar is well-formed RFC 5545 and holds one VEVENT per entry with a full date", () => {
  const text = renderCalendar(sample, base);
  assertWellFormed(text);
  const { calendar, events } = parse(text);
  assert.equal(calendar.getFirstPropertyValue("version"), "2.0");
  assert.equal(calendar.getFirstPropertyValue("x-wr-calname"), "Parley");
  assert.deepEqual([...events.keys()].sort(), ["gone", "held-day", "kyiv-dst-day", "ny-summer", "ny-winter", "timed-ist", "two-days", "utc-time"].map((id) => `${id}@parley`).sort());
  assert.ok(!text.includes("month-only") && !text.includes("undated@"), "month-only and undated entries are left out");
});

test("UIDs are stable across runs and languages; SEQUENCE comes from the caller; DTSTAMP is UTC", () => {
  const en = parse(renderCalendar(sample, base)).events;
  const ru = parse(renderCalendar(sample, { ...base, lang: "ru", now: new Date("2026-01-01T00:00:00Z") })).events;
  assert.deepEqual([...en.keys()], [...ru.keys()]);
  assert.equal(en.get("held-day@parley")!.getFirstPropertyValue("sequence"), 0);
  const bumped = parse(renderCalendar(sample, { ...base, sequenceOf: (e) => (e.id === "gone" ? 3 : 1) })).events;
  assert.equal(bumped.get("gone@parley")!.getFirstPropertyValue("sequence"), 3);
  assert.equal(bumped.get("held-day@parley")!.getFirstPropertyValue("sequence"), 1);
  const stamp = en.get("held-day@parley")!.getFirstPropertyValue("dtstamp") as ICAL.Time;
  assert.equal(stamp.zone, ICAL.Timezone.utcTimezone);
  assert.equal(new Date(stamp.toUnixTime() * 1000).toISOString(), "2025-04-08T12:34:56.000Z");
});

test("entries known only by day are all-day events with an exclusive end", () => {
  const { events } = parse(renderCalendar(sample, base));
  const day = events.get("held-day@parley")!;
  const start = day.getFirstPropertyValue("dtstart") as ICAL.Time;
  assert.equal(start.isDate, true);
  assert.equal(start.toString(), "2025-02-27");
  assert.equal((day.getFirstPropertyValue("dtend") as ICAL.Time).toString(), "2025-02-28");
  const two = events.get("two-days@parley")!;
  assert.equal((two.getFirstPropertyValue("dtstart") as ICAL.Time).toString(), "2025-04-10");
  assert.equal((two.getFirstPropertyValue("dtend") as ICAL.Time).toString(), "2025-04-12");
});

test("timed entries use TZID with a VTIMEZONE that converts to the right instant, DST included", () => {
  const text = renderCalendar(sample, base);
  assert.ok(text.includes("DTSTART;TZID=Europe/Istanbul:20250410T100000"));
  const { calendar, events } = parse(text);
  const zones = calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid")).sort();
  assert.deepEqual(zones, ["America/New_York", "Europe/Istanbul", "Europe/Kyiv"]);
  assert.equal(utcOf(events.get("timed-ist@parley")!), "2025-04-10T07:00:00.000Z");
  assert.equal((events.get("timed-ist@parley")!.getFirstPropertyValue("duration") as ICAL.Duration).toSeconds(), 90 * 60);
  assert.equal(utcOf(events.get("ny-summer@parley")!), "2025-07-01T14:00:00.000Z");
  assert.equal(utcOf(events.get("ny-winter@parley")!), "2025-01-15T15:00:00.000Z");
  // Kyiv moves to summer time at 03:00 on 30 March 2025: noon that day is UTC+3.
  assert.equal(utcOf(events.get("kyiv-dst-day@parley")!), "2025-03-30T09:00:00.000Z");
  assert.equal(utcOf(events.get("utc-time@parley")!), "2025-03-01T08:30:00.000Z");
  const ny = calendar.getAllSubcomponents("vtimezone").find((z) => z.getFirstPropertyValue("tzid") === "America/New_York")!;
  assert.ok(ny.getAllSubcomponents("daylight").length >= 2, "New York's summer times are described");
  const ist = calendar.getAllSubcomponents("vtimezone").find((z) => z.getFirstPropertyValue("tzid") === "Europe/Istanbul")!;
  assert.equal(ist.getAllSubcomponents("daylight").length, 0, "Istanbul has had no summer time since 2016");
});

test("STATUS: cancelled is CANCELLED, announced and postponed TENTATIVE, scheduled and held CONFIRMED", () => {
  const { events } = parse(renderCalendar(sample, base));
  const status = (id: string) => events.get(`${id}@parley`)!.getFirstPropertyValue("status");
  assert.equal(status("gone"), "CANCELLED");
  assert.equal(status("ny-summer"), "TENTATIVE");
  assert.equal(status("ny-winter"), "TENTATIVE");
  assert.equal(status("two-days"), "CONFIRMED");
  assert.equal(status("held-day"), "CONFIRMED");
});

test("summary, description, location and link are in the reader's language, with fallback marked", () => {
  const ru = parse(renderCalendar(sample, { ...base, lang: "ru" })).events.get("held-day@parley")!;
  assert.equal(ru.getFirstPropertyValue("summary"), "Раунд в Стамбуле");
  assert.equal(ru.getFirstPropertyValue("location"), "Стамбул, Türkiye");
  const desc = String(ru.getFirstPropertyValue("description"));
  assert.ok(desc.startsWith("Переговоры о работе посольств."));
  assert.ok(desc.includes("Meduza: https://meduza.io/en/news/2025/02/28/x"));
  assert.ok(desc.includes("https://parley.example/entries/held-day"));
  assert.equal(ru.getFirstPropertyValue("url"), "https://parley.example/entries/held-day");
  const uk = parse(renderCalendar(sample, { ...base, lang: "uk" })).events.get("held-day@parley")!;
  assert.ok(String(uk.getFirstPropertyValue("description")).startsWith("Переговоры о работе посольств. [RU]"));
  const noUrl = parse(renderCalendar(sample, { ...base, publicUrl: undefined })).events.get("held-day@parley")!;
  assert.equal(noUrl.getFirstPropertyValue("url"), null);
});

test("the one-entry form is a calendar named after the entry; an entry without a day has none", () => {
  const [one] = sample;
  const text = renderEntryCalendar(one, { lang: "ru", now: NOW })!;
  const { calendar, events } = parse(text);
  assert.equal(calendar.getFirstPropertyValue("x-wr-calname"), "Раунд в Стамбуле");
  assert.deepEqual([...events.keys()], ["held-day@parley"]);
  assert.equal(renderEntryCalendar(sample.find((e) => e.id === "month-only")!, { lang: "en", now: NOW }), undefined);
});

test("folding and escaping survive any Cyrillic text (property check against the parser)", () => {
  // A deterministic generator: the same cases on every run.
  let seed = 42;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const alphabet = [..."абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГҐЄІЇ ,;:\\\n\"'<>&—«»abcXYZ0123456789😀🇺🇦"];
  for (let i = 0; i < 200; i++) {
    const length = 1 + rand(300);
    let text = "";
    for (let j = 0; j < length; j++) text += alphabet[rand(alphabet.length)];
    const title = text.trim() || "x";
    const [e] = entries(entry({ id: "p", title: { ru: title }, summary: { ru: text.trim() || "y" } }));
    const ics = renderCalendar([e], { ...base, lang: "ru" });
    assertWellFormed(ics);
    const ev = parse(ics).events.get("p@parley")!;
    assert.equal(ev.getFirstPropertyValue("summary"), title);
    assert.ok(String(ev.getFirstPropertyValue("description")).startsWith(text.trim() || "y"));
  }
  assert.equal(escapeText("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
  // Never splits a two-byte letter: 40 Cyrillic letters are 80 octets, folded after 37.
  const folded = foldLine("SUMMARY:" + "ж".repeat(40)).split("\r\n");
  assert.equal(folded.length, 2);
  assert.ok(folded.every((l) => Buffer.byteLength(l) <= 75));
  assert.equal(folded.map((l, i) => (i ? l.slice(1) : l)).join(""), "SUMMARY:" + "ж".repeat(40));
});
