// The web timeline's renderers and queries, without a server: what a reader sees on `/` and on
// an entry's page, in three languages; the filters; the history's pages; escaping everywhere.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createI18n } from "../../src/bot/reader.ts";
import type { Reader } from "../../src/present/entries.ts";
import { buildRecord } from "../../src/record/record.ts";
import type { Lang } from "../../src/record/schema.ts";
import { parseEventLog } from "../../src/record/validate.ts";
import { renderEntryPage, renderNotFound } from "../../src/web/entry-page.ts";
import { fromAcceptLanguage, pageLang } from "../../src/web/language.ts";
import { historyPage, upcomingFor } from "../../src/web/query.ts";
import { STYLESHEET, STYLESHEET_PATH } from "../../src/web/stylesheet.ts";
import { HISTORY_PER_PAGE, renderTimeline } from "../../src/web/timeline.ts";
import { entry, log } from "../support/fixtures.ts";

const i18n = createI18n();
const reader = (lang: Lang, now = "2025-04-08T12:00:00Z", zone = "UTC"): Reader => ({ lang, zone, now: new Date(now), t: (key, vars) => i18n.t(lang, key, vars) });

function record(...entries: object[]) {
  const r = parseEventLog(JSON.stringify(log(entries)), "test.json");
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return buildRecord(r.log);
}

const held = entry({ id: "held-1", date: "2025-02-27", outcome: { en: "Agreed to keep talking.", ru: "Договорились продолжить." } });
const coming = entry({ id: "round-2", status: "scheduled", date: "2025-04-10", time: "10:00", timezone: "Europe/Istanbul", title: { en: "Round 2", ru: "Второй раунд", uk: "Другий раунд" }, place: { city: { en: "Istanbul", ru: "Стамбул" } } });
const call = entry({ id: "call-1", track: "leaders", kind: "call", date: "2025-03-18", title: { en: "Phone call", ru: "Телефонный разговор", uk: "Телефонна розмова" } });

/** The text of every heading, in order, with its level: "h1 Timeline of talks". */
function headings(html: string): string[] {
  return [...html.matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/gs)].map((m) => `h${m[1]} ${m[2].replace(/<[^>]+>/g, "")}`);
}

test("the timeline is a whole document in the reader's language, with landmarks and headings in order", () => {
  const rec = record(held, coming, call);
  for (const [lang, h1, upcoming, history] of [
    ["en", "Timeline of talks", "Coming up", "History"],
    ["ru", "Хронология переговоров", "Что предстоит", "История"],
    ["uk", "Хронологія переговорів", "Що попереду", "Історія"],
  ] as const) {
    const html = renderTimeline(rec, reader(lang), { page: 1 });
    assert.match(html, new RegExp(`^<!doctype html>\\n<html lang="${lang}">`));
    for (const landmark of ["<header", "<nav", "<main", "<footer"]) assert.ok(html.includes(landmark), `${lang}: ${landmark}`);
    const hs = headings(html);
    assert.equal(hs[0], `h1 ${h1}`);
    assert.ok(hs.includes(`h2 ${upcoming}`) && hs.includes(`h2 ${history}`), hs.join("\n"));
    // No level is skipped going down.
    let level = 0;
    for (const h of hs) {
      const l = Number(h[1]);
      assert.ok(l <= level + 1, `${lang}: ${h} after h${level}`);
      level = l;
    }
    assert.ok(html.includes(`href="${STYLESHEET_PATH}"`));
  }
});

test("upcoming entries come first with a countdown, then the history grouped by series", () => {
  const html = renderTimeline(record(held, coming, call), reader("en"), { page: 1 });
  const up = html.indexOf('id="upcoming"');
  const hist = html.indexOf('id="history"');
  assert.ok(up > 0 && hist > up);
  const round2 = html.indexOf("Round 2");
  assert.ok(round2 > up && round2 < hist, "the scheduled round is under Coming up only");
  assert.equal(html.split("Round 2</a>").length, 2, "shown once");
  assert.ok(html.includes('<p class="countdown">in 2 days</p>'));
  assert.ok(html.includes('<a href="/entries/round-2?lang=en">Round 2</a>'));
  const hs = headings(html);
  // The history: the newest series first (the call of 18 March, then the round of 27 February).
  assert.deepEqual(hs.filter((h) => h.startsWith("h3 ") || h.startsWith("h4 ")).slice(1), ["h3 Leaders", "h4 Phone call", "h3 Embassy operations", "h4 Istanbul round"]);
  assert.ok(html.includes("Outcome: Agreed to keep talking."));
  assert.ok(html.includes('<a href="https://meduza.io/en/news/2025/02/28/x">Meduza</a>'));
  assert.ok(html.includes("Sonata Coulter"));
  assert.ok(html.includes('href="/calendar.ics?lang=en"'));
});

test("filters: a series shows only its entries and offers its own calendar; a kind shows only that kind", () => {
  const rec = record(held, coming, call);
  const leaders = renderTimeline(rec, reader("ru"), { page: 1, track: "leaders" });
  assert.ok(leaders.includes("Телефонный разговор"));
  assert.ok(!leaders.includes("Второй раунд") && !leaders.includes("Раунд в Стамбуле"));
  assert.ok(leaders.includes('<option value="leaders" selected>Лидеры</option>'));
  assert.ok(leaders.includes('href="/calendar/leaders.ics?lang=ru"'));
  const calls = renderTimeline(rec, reader("en"), { page: 1, kind: "call" });
  assert.ok(calls.includes("Phone call") && !calls.includes("Round 2") && !calls.includes("Istanbul round"));
  assert.ok(calls.includes('<option value="call" selected>Call</option>'));
});

test("the history is paged: 50 a page, an Older link carrying the filters, and no page renders everything", () => {
  const many = Array.from({ length: 120 }, (_, i) => entry({ id: `r-${String(i).padStart(3, "0")}`, date: `2024-${String(1 + Math.floor(i / 28)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}` }));
  const rec = record(...many);
  const first = historyPage(rec, "2025-04-08", {}, 1, HISTORY_PER_PAGE);
  assert.equal(first.items.length, 50);
  assert.equal(first.items[0].id, "r-119");
  assert.ok(first.hasOlder);
  const third = historyPage(rec, "2025-04-08", { track: "embassy-operations" }, 3, HISTORY_PER_PAGE);
  assert.deepEqual([third.items.length, third.items.at(-1)!.id, third.hasOlder], [20, "r-000", false]);
  const html = renderTimeline(rec, reader("en"), { page: 1, kind: "round" });
  assert.equal(html.split("<li class=").length - 1, 50);
  assert.ok(html.includes('<a rel="next" href="/?lang=en&amp;kind=round&amp;page=2#history">Older entries →</a>'));
  const page3 = renderTimeline(rec, reader("en"), { page: 3 });
  assert.ok(!page3.includes('id="upcoming"'), "later pages are the history only");
  assert.ok(page3.includes('rel="prev" href="/?lang=en&amp;page=2#history"'));
  assert.ok(!page3.includes('rel="next"'));
});

test("upcoming: month-only and undated announcements are listed; a cancelled one is history", () => {
  const rec = record(
    entry({ id: "month", status: "announced", date: "2025-04" }),
    entry({ id: "nodate", status: "announced", date: null }),
    entry({ id: "off", status: "cancelled", date: null }),
    entry({ id: "today-held", date: "2025-04-08" }),
  );
  assert.deepEqual(upcomingFor(rec, "2025-04-08", {}, 30).items.map((e) => e.id), ["month", "nodate"]);
  assert.deepEqual(historyPage(rec, "2025-04-08", {}, 1, 50).items.map((e) => e.id), ["off", "today-held"]);
  assert.deepEqual(upcomingFor(rec, "2025-04-08", { kind: "call" }, 30).items, []);
});

test("an entry's page: every fact, participants, outcome, sources as links, the series around it", () => {
  const rec = record(held, coming, call);
  const html = renderEntryPage(rec, rec.find("round-2")!, reader("uk", "2025-04-08T12:00:00Z", "Europe/Kyiv"));
  assert.match(html, /<html lang="uk">/);
  assert.deepEqual(headings(html).slice(0, 2), ["h1 Другий раунд", "h2 Коротко"]);
  assert.ok(html.includes("<dt>Залишилося</dt>"));
  assert.ok(html.includes("10 квітня 2025, 10:00 (Europe/Istanbul)"));
  assert.ok(html.includes("<li>Соната Коултер <i>[RU]</i> — Deputy Assistant Secretary of State <i>[EN]</i> (США)</li>"));
  assert.ok(html.includes('<a rel="prev" href="/entries/held-1?lang=uk">Раунд у Стамбулі</a>'));
  assert.ok(html.includes('href="/calendar/embassy-operations.ics?lang=uk"'));
  assert.ok(html.includes("Europe/Kyiv"), "the footer names the zone");
});

test("record text is escaped on every page; the 404 page speaks the reader's language", () => {
  const rec = record(entry({ id: "x", title: { en: "<script>alert(1)</script>" }, sources: [{ outlet: "A&B", url: "https://x.org/?a=1&b=2", language: "en" }] }));
  for (const html of [renderTimeline(rec, reader("en"), { page: 1 }), renderEntryPage(rec, rec.find("x")!, reader("en"))]) {
    assert.ok(!html.includes("<script>"));
    assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert.ok(html.includes('<a href="https://x.org/?a=1&amp;b=2">A&amp;B</a>'));
  }
  const missing = renderNotFound(reader("ru"), '<nope">', "/entries/nope");
  assert.deepEqual(headings(missing)[0], "h1 Страница не найдена");
  assert.ok(missing.includes("Записи «&lt;nope&quot;&gt;» в хронике нет"));
});

test("language: ?lang= wins, then the best Accept-Language we have, then English", () => {
  assert.equal(pageLang("uk", "ru"), "uk");
  assert.equal(pageLang("de", "de-DE,ru;q=0.5,en;q=0.3"), "ru");
  assert.equal(pageLang(undefined, undefined), "en");
  assert.equal(fromAcceptLanguage("en;q=0.2, uk-UA;q=0.9"), "uk");
  assert.equal(fromAcceptLanguage("ru;q=0, fr"), undefined);
});

test("the stylesheet is self-contained: no external fonts, imports or URLs", () => {
  assert.ok(!/@import|url\(|https?:/.test(STYLESHEET));
  assert.match(STYLESHEET_PATH, /^\/assets\/timeline\.[0-9a-f]{12}\.css$/);
});
