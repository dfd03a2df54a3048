// The web timeline over real HTTP: the bot process as `npm start` runs it with HTTP_PORT set,
// asked over 127.0.0.1 as a browser would (languages, filters, an entry, a 404, a 304, the
// stylesheet), and the "🌐 Timeline" button in /start and /next as Telegram users see it: a
// Mini App in a private chat, a link in a group, absent when PUBLIC_URL is not https.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { recordWithUpcomingRound, startWebBot } from "../browser/web-bot.ts";
import { makeDataDir, removeDataDir, type BotProcess } from "../support/bot-process.ts";
import { startEmulator, type Emulator, type SentRecord } from "../support/emulator.ts";

/** Heading texts of a page, tags stripped: "h1 Timeline of talks". */
function headings(html: string): string[] {
  return [...html.matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/gs)].map((m) => `h${m[1]} ${m[2].replace(/<[^>]+>/g, "")}`);
}

describe("the web timeline over HTTP", () => {
  let emu: Emulator;
  let bot: BotProcess;
  let base: string;
  let dataDir: string;

  before(async () => {
    emu = await startEmulator();
    dataDir = await makeDataDir({ events: recordWithUpcomingRound() });
    ({ bot, base } = await startWebBot(emu, dataDir, { PUBLIC_URL: "https://parley.example.org" }));
  });
  after(async () => {
    await bot?.stop();
    await emu?.close();
    await removeDataDir(dataDir);
  });

  test("/ speaks the browser's language, ?lang= wins, English otherwise; every page has a content security policy", async () => {
    for (const [headers, query, lang, h1] of [
      [{ "Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5" }, "", "ru", "Хронология переговоров"],
      [{ "Accept-Language": "ru-RU,ru;q=0.9" }, "?lang=uk", "uk", "Хронологія переговорів"],
      [{ "Accept-Language": "de-DE" }, "", "en", "Timeline of talks"],
    ] as const) {
      const res = await fetch(`${base}/${query}`, { headers });
      assert.equal(res.status, 200);
      assert.match(res.headers.get("content-type")!, /^text\/html; charset=utf-8/i);
      assert.equal(res.headers.get("content-language"), lang);
      assert.match(res.headers.get("content-security-policy") ?? "", /default-src 'self'/);
      const html = await res.text();
      assert.ok(html.includes(`<html lang="${lang}">`));
      assert.equal(headings(html)[0], `h1 ${h1}`);
    }
  });

  test("upcoming first with its countdown in the server's zone, then the history; data escaped", async () => {
    const html = await (await fetch(`${base}/?lang=en`)).text();
    const up = html.indexOf('id="upcoming"');
    const round = html.indexOf("Embassy talks, round 4 &lt;test&gt;");
    const history = html.indexOf('id="history"');
    assert.ok(up > 0 && round > up && history > round);
    // 10:00 in Istanbul is 07:00 UTC, the next day of the fake clock's.
    assert.ok(html.includes('<p class="countdown">tomorrow at 07:00</p>'));
    assert.ok(html.includes("Dates and countdowns are in the UTC time zone."));
    assert.ok(html.includes('<a href="https://example.org/?a=1&amp;b=2">Test &amp; Co</a>'));
    assert.ok(html.includes('href="/calendar.ics?lang=en"'));
    assert.ok(!html.includes("<test>"));
  });

  test("filters: a series and a kind show only those entries", async () => {
    const html = await (await fetch(`${base}/?lang=en&track=leaders&kind=call`)).text();
    assert.ok(html.includes("Putin–Trump phone call"));
    assert.ok(!html.includes("Trilateral") && !html.includes("Embassy talks, round 4"));
    assert.ok(html.includes('<option value="leaders" selected>Leaders</option>'));
    assert.ok(html.includes('href="/calendar/leaders.ics?lang=en"'));
    // Values the page does not know are dropped: the reader still gets the whole timeline.
    const odd = await fetch(`${base}/?lang=en&track=no-such&kind=party&page=-3`);
    assert.equal(odd.status, 200);
    const all = await odd.text();
    assert.ok(all.includes("Putin–Trump phone call") && all.includes("Embassy talks, round 4"));
    assert.ok(all.includes('<option value="" selected>All series</option>'));
  });

  test("an entry's page opens from its link; an unknown id gets a 404 page in the reader's language", async () => {
    const list = await (await fetch(`${base}/?lang=ru&track=embassy-operations`)).text();
    const path = /<a href="(\/entries\/embassy-round-4-test\?lang=ru)">/.exec(list)![1];
    const res = await fetch(base + path);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.deepEqual(headings(html).slice(0, 2), ["h1 Консультации по посольствам, раунд 4", "h2 Кратко"]);
    assert.ok(html.includes("<dt>Осталось</dt><dd><span class=\"countdown\">завтра в 07:00</span></dd>"));
    const missing = await fetch(`${base}/entries/no-such-entry`, { headers: { "Accept-Language": "uk" } });
    assert.equal(missing.status, 404);
    const page = await missing.text();
    assert.equal(headings(page)[0], "h1 Сторінку не знайдено");
    assert.ok(page.includes("Запису «no-such-entry» у хроніці немає"));
  });

  test("every link on the pages leads somewhere: entries, series, pages, calendars, feeds", async () => {
    const pages = [`/?lang=en`, `/?lang=uk&track=embassy-operations`, `/entries/embassy-round-4-test?lang=ru`];
    const links = new Set<string>();
    for (const path of pages) {
      const html = await (await fetch(base + path)).text();
      for (const m of html.matchAll(/(?:href|action)="(\/[^"#]*)/g)) links.add(m[1].replaceAll("&amp;", "&"));
    }
    for (const want of ["/calendar.ics?lang=en", "/calendar/embassy-operations.ics?lang=uk", "/feed.atom?lang=en", "/feed.json?lang=ru"]) assert.ok(links.has(want), want);
    const broken: string[] = [];
    for (const link of links) {
      const res = await fetch(base + link);
      await res.arrayBuffer();
      if (res.status !== 200) broken.push(`${res.status} ${link}`);
    }
    assert.deepEqual(broken, []);
  });

  test("a page the browser holds is answered 304; the stylesheet is kept for a year", async () => {
    const first = await fetch(`${base}/?lang=en`);
    const etag = first.headers.get("etag")!;
    assert.ok(etag);
    assert.equal(first.headers.get("vary"), "Accept-Language");
    const again = await fetch(`${base}/?lang=en`, { headers: { "If-None-Match": etag } });
    assert.equal(again.status, 304);
    const other = await fetch(`${base}/?lang=ru`, { headers: { "If-None-Match": etag } });
    assert.equal(other.status, 200, "another language is another page");
    const css = /<link rel="stylesheet" href="([^"]+)">/.exec(await first.text())![1];
    const sheet = await fetch(base + css);
    assert.equal(sheet.status, 200);
    assert.match(sheet.headers.get("content-type")!, /^text\/css/);
    assert.match(sheet.headers.get("cache-control")!, /immutable/);
    assert.match(await sheet.text(), /prefers-color-scheme: dark/);
  });

  test("/start and /next carry 🌐 Timeline: a Mini App in a private chat, a link in a group", async () => {
    const ann = { id: 201, first_name: "Ann", language_code: "uk" };
    emu.userSends(ann, "/start");
    const start = (await emu.waitForReply(ann.id, { timeoutMs: 8000 })) as SentRecord;
    const flat = (m: SentRecord) => (m.reply_markup?.inline_keyboard ?? []).flat();
    assert.deepEqual(flat(start).at(-1), { text: "🌐 Хронологія", web_app: { url: "https://parley.example.org/?lang=uk" } });
    emu.userSends(ann, "/next");
    const next = (await emu.waitForReply(ann.id, { timeoutMs: 8000 })) as SentRecord;
    assert.deepEqual(flat(next).at(-1), { text: "🌐 Хронологія", web_app: { url: "https://parley.example.org/?lang=uk" } });

    emu.addGroup({ id: -5001, title: "Newsroom", members: { 202: "member" } });
    emu.userSends({ chat: -5001, from: { id: 202, first_name: "Bo", language_code: "en" } }, "/next");
    const group = (await emu.waitForReply(-5001, { timeoutMs: 8000 })) as SentRecord;
    const buttons = flat(group);
    assert.deepEqual(buttons.at(-1), { text: "🌐 Timeline", url: "https://parley.example.org/?lang=en" });
    assert.ok(!buttons.some((b: { web_app?: unknown }) => b.web_app), "Telegram refuses web_app buttons outside private chats");
  });
});

describe("without an https PUBLIC_URL", () => {
  test("/start has no Timeline button (Telegram opens Mini Apps from https only)", async () => {
    const emu = await startEmulator();
    const dataDir = await makeDataDir();
    const { bot } = await startWebBot(emu, dataDir, { PUBLIC_URL: "http://parley.example.org" });
    try {
      emu.userSends({ id: 301, first_name: "Cy", language_code: "en" }, "/start");
      const start = (await emu.waitForReply(301, { timeoutMs: 8000 })) as SentRecord;
      const texts = (start.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string }) => b.text);
      assert.ok(texts.length > 0 && !texts.some((t: string) => t.includes("Timeline")), texts.join(", "));
    } finally {
      await bot.stop();
      await emu.close();
      await removeDataDir(dataDir);
    }
  });
});
