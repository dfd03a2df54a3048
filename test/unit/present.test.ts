// Formatting: escaping, Telegram's length limits, dates and countdowns in three languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createI18n } from "../../src/bot/reader.ts";
import { countdown, formatDay, formatEntryDate, todayIn } from "../../src/present/dates.ts";
import { entryDetails, entryItem, type Reader } from "../../src/present/entries.ts";
import { eventButton } from "../../src/present/callbacks.ts";
import { escapeHtml, LIMITS, packMessages } from "../../src/present/html.ts";
import { langFromCode, localizedHtml } from "../../src/present/translate.ts";
import { buildRecord } from "../../src/record/record.ts";
import type { Entry, Lang } from "../../src/record/schema.ts";
import { parseEventLog } from "../../src/record/validate.ts";
import { entry, log } from "../support/fixtures.ts";

const i18n = createI18n();
const reader = (lang: Lang, now = "2025-04-08T12:00:00Z", zone = "UTC"): Reader => ({
  lang,
  zone,
  now: new Date(now),
  t: (key, vars) => i18n.t(lang, key, vars),
});

function checked(...entries: object[]) {
  const r = parseEventLog(JSON.stringify(log(entries)), "test.json");
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.log;
}

test("escapeHtml escapes the four characters Telegram's HTML parser cares about", () => {
  assert.equal(escapeHtml(`<b>"Tom & Jerry"</b>`), "&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;");
});

test("data with HTML in it is escaped in every rendered field", () => {
  const l = checked(entry({ title: { en: "<script>alert(1)</script> & co" }, summary: { en: "a < b" }, sources: [{ outlet: "A&B <News>", url: "https://x.org/?a=1&b=2", language: "en" }] }));
  const html = entryItem(l.entries[0], reader("en"));
  assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
  assert.ok(html.includes('<a href="https://x.org/?a=1&amp;b=2">A&amp;B &lt;News&gt;</a>'));
  assert.ok(!html.includes("<script>"));
});

test("packMessages keeps every message under 4096 and never splits inside a block's tags", () => {
  const blocks = Array.from({ length: 60 }, (_, i) => `<b>Item ${i}</b>\n${"x".repeat(180)}`);
  const parts = packMessages(blocks);
  assert.ok(parts.length > 1);
  for (const p of parts) {
    assert.ok(p.length <= LIMITS.messageText);
    assert.equal((p.match(/<b>/g) ?? []).length, (p.match(/<\/b>/g) ?? []).length);
  }
  assert.equal(parts.join("\n\n"), blocks.join("\n\n"));
  // One block longer than a message is cut at its line ends.
  const huge = Array.from({ length: 400 }, (_, i) => `<i>line ${i}</i>`).join("\n");
  for (const p of packMessages([huge])) assert.ok(p.length <= LIMITS.messageText);
  // One line longer than a message is cut too, as plain escaped text.
  const line = packMessages([`<b>${"y".repeat(9000)}</b>`]);
  assert.ok(line.every((p) => p.length <= LIMITS.messageText && !p.includes("<b>")));
});

test("callback data over 64 bytes is refused before Telegram sees it (bytes, not characters)", () => {
  assert.equal(eventButton.pack("a".repeat(48)), "ev:" + "a".repeat(48));
  assert.throws(() => eventButton.pack("я".repeat(31)), /64 bytes/);
});

test("dates in three languages, month-only and spans", () => {
  assert.equal(formatDay("2025-04-10", "en"), "10 April 2025");
  assert.equal(formatDay("2025-04-10", "ru"), "10 апреля 2025");
  assert.equal(formatDay("2025-04-10", "uk"), "10 квітня 2025");
  assert.equal(formatDay("2026-03", "en"), "March 2026");
  const l = checked(entry({ date: "2026-01-23", endDate: "2026-01-24" }));
  assert.equal(formatEntryDate(l.entries[0], "en", reader("en").t), "23–24 January 2026");
});

test("today and countdowns are counted in the reader's time zone", () => {
  // 22:30 UTC on 9 April is already 10 April in Moscow.
  assert.equal(todayIn(new Date("2025-04-09T22:30:00Z"), "UTC"), "2025-04-09");
  assert.equal(todayIn(new Date("2025-04-09T22:30:00Z"), "Europe/Moscow"), "2025-04-10");
  const [timed] = checked(entry({ date: "2025-04-10", time: "10:00", timezone: "Europe/Istanbul", status: "scheduled" })).entries;
  const [dayOnly] = checked(entry({ date: "2025-04-11", status: "scheduled" })).entries;
  const r = (lang: Lang, now: string, zone: string) => {
    const rd = reader(lang, now, zone);
    return (e: Entry) => countdown(e, rd.now, zone, lang, rd.t);
  };
  assert.equal(r("en", "2025-04-09T12:00:00Z", "UTC")(timed), "tomorrow at 07:00");
  assert.equal(r("en", "2025-04-09T12:00:00Z", "Europe/Istanbul")(timed), "tomorrow at 10:00");
  assert.equal(r("ru", "2025-04-09T12:00:00Z", "Europe/Moscow")(timed), "завтра в 10:00");
  assert.equal(r("uk", "2025-04-09T12:00:00Z", "Europe/Kyiv")(timed), "завтра о 10:00");
  assert.equal(r("en", "2025-04-10T06:30:00Z", "UTC")(timed), "in 30 minutes");
  assert.equal(r("en", "2025-04-08T12:00:00Z", "UTC")(dayOnly), "in 3 days");
  assert.equal(r("ru", "2025-04-08T12:00:00Z", "UTC")(dayOnly), "через 3 дня");
  assert.equal(r("uk", "2025-04-06T12:00:00Z", "UTC")(dayOnly), "через 5 днів");
});

test("a missing language falls back to another, marked as such", () => {
  assert.equal(localizedHtml({ en: "Round" }, "uk"), "Round <i>[EN]</i>");
  assert.equal(localizedHtml({ ru: "Раунд", en: "Round" }, "uk"), "Раунд <i>[RU]</i>");
  assert.equal(localizedHtml({ uk: "Раунд" }, "uk"), "Раунд");
  assert.equal(langFromCode("en-GB"), "en");
  assert.equal(langFromCode("be"), undefined);
});

test("the entry details show participants, sources with links and the next entry in the track, in each language", () => {
  const l = checked(
    entry({ id: "r1", sequence: 1, durationMinutes: 390, place: { city: { en: "Istanbul", ru: "Стамбул", uk: "Стамбул" } } }),
    entry({ id: "r2", sequence: 2, date: "2025-04-10", status: "scheduled", title: { en: "Round 2", ru: "Раунд 2", uk: "Раунд 2" } }),
  );
  const rec = buildRecord(l);
  const en = entryDetails(rec, rec.find("r1")!, reader("en")).join("\n\n");
  assert.match(en, /6 h 30 min/);
  assert.match(en, /Sonata Coulter — Deputy Assistant Secretary of State \(USA\)/);
  assert.match(en, /<a href="https:\/\/meduza\.io\/en\/news\/2025\/02\/28\/x">Meduza<\/a>/);
  assert.match(en, /→ After: Round 2/);
  const ru = entryDetails(rec, rec.find("r1")!, reader("ru")).join("\n\n");
  assert.match(ru, /6 ч 30 мин/);
  assert.match(ru, /Соната Коултер — Deputy Assistant Secretary of State <i>\[EN\]<\/i> \(США\)/);
  assert.match(ru, /27 февраля 2025/);
  const uk = entryDetails(rec, rec.find("r1")!, reader("uk")).join("\n\n");
  assert.match(uk, /27 лютого 2025/);
  assert.match(uk, /Переговоры о работе посольств\. <i>\[RU\]<\/i>/);
});
