// The poller against the local feed server, with a recording intake: which articles reach the
// intake (once each, across formats, reposts and restarts), what the state file keeps, how a
// failing feed backs off and when the editors are told, and what a bad sources file does.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createFetcher } from "../../src/feeds/fetching/fetcher.ts";
import type { FeedDown, IncomingArticle, Intake } from "../../src/ingest/incoming.ts";
import { startPoller, type Poller } from "../../src/feeds/poller.ts";
import { ARTICLE_PARAGRAPHS, CP1251_TITLE, KOI8_TITLE, startFeedServer, type FeedServer } from "../support/feed-server.ts";

let server: FeedServer;
let dir: string;
const FULL = "Lavrov and Rubio spoke by phone on Tuesday at the initiative of the American side, the ministry said. ".repeat(6);

before(async () => {
  server = await startFeedServer();
  dir = await mkdtemp(join(tmpdir(), "parley-poller-"));
  server.items.push(
    { guid: "full-1", title: "Lavrov and Rubio talk by phone", description: `<p>${FULL}</p>`, link: `${server.base}/news/full-1?utm_source=rss`, pubDate: "Tue, 08 Apr 2025 22:30:00 +0000" },
    { guid: "teaser-1", title: "Second round in Istanbul", description: "Read more.", link: `${server.base}/articles/teaser-1.html`, pubDate: "Tue, 08 Apr 2025 09:00:00 +0300" },
  );
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

class RecordingIntake implements Intake {
  received: IncomingArticle[] = [];
  failOn?: string;
  async receive(a: IncomingArticle) {
    if (a.id === this.failOn) throw new Error("the intake's disk is full");
    this.received.push(a);
    return { relevant: true, reason: "a call between Russia and the United States", draftIds: [`draft-${this.received.length}`] };
  }
}

const feed = (id: string, path: string, extra: object = {}) => ({ id, url: server.url(path), outlet: "Example Agency", language: "en", pollMinutes: 10, timezone: "Europe/Moscow", ...extra });

/** `timeoutMs`: generous unless the test is about a feed that never answers. */
async function setup(name: string, feeds: object[], { timeoutMs = 20_000 } = {}) {
  const base = join(dir, name);
  const sourcesFile = join(base, "sources.json");
  await rm(base, { recursive: true, force: true });
  await import("node:fs/promises").then((fs) => fs.mkdir(base, { recursive: true }));
  await writeFile(sourcesFile, JSON.stringify({ feeds }));
  let now = Date.parse("2025-04-09T08:00:00Z");
  const clock = () => new Date(now);
  const intake = new RecordingIntake();
  const downs: FeedDown[] = [];
  const make = () =>
    startPoller({
      sourcesFile,
      stateDir: join(base, "state"),
      intake,
      clock,
      auto: false,
      onFeedDown: (d) => void downs.push(d),
      fetcher: createFetcher({ userAgent: "ParleyBot/test", timeoutMs, hostIntervalMs: 0, now: () => now }),
    });
  return { sourcesFile, stateDir: join(base, "state"), intake, downs, make, advance: (ms: number) => (now += ms) };
}

describe("polling", () => {
  it("hands each story to the intake once, whatever the format, with the page's text for a teaser", async () => {
    const t = await setup("formats", [feed("rss", "/rss.xml"), feed("atom", "/atom.xml"), feed("rdf", "/rdf.xml"), feed("json", "/feed.json")]);
    const poller = await t.make();
    const report = await poller.pollOnce({ all: true });
    await poller.stop();
    assert.deepEqual(report.feeds.map((f) => f.result), ["new", "new", "new", "new"]);
    // The same two links in four feeds: two articles, six repeats.
    assert.equal(t.intake.received.length, 2);
    assert.equal(report.feeds.reduce((n, f) => n + f.repeats, 0), 6);
    const full = t.intake.received.find((a) => a.title === "Lavrov and Rubio talk by phone")!;
    assert.equal(full.outlet, "Example Agency");
    assert.equal(full.language, "en");
    // 22:30 UTC on the 8th is the 9th in Moscow.
    assert.equal(full.published, "2025-04-09");
    assert.ok(full.text.startsWith("Lavrov and Rubio talk by phone\nLavrov and Rubio spoke by phone"));
    const teaser = t.intake.received.find((a) => a.title === "Second round in Istanbul")!;
    assert.ok(teaser.text.includes(ARTICLE_PARAGRAPHS[0]), teaser.text);
    assert.ok(!teaser.text.includes("Most read"), "the page's asides are not the article");
    assert.deepEqual(teaser.origin.kind, "feed");
  });

  it("reads a windows-1251 feed and a KOI8-R article page, and keeps what a malformed feed still holds", async () => {
    const t = await setup("charsets", [feed("cp", "/cp1251.xml", { language: "ru" }), feed("koi", "/koi8-teaser.xml", { language: "ru" }), feed("broken", "/malformed.xml")]);
    const poller = await t.make();
    await poller.pollOnce({ all: true });
    await poller.stop();
    const titles = t.intake.received.map((a) => a.title).sort();
    assert.deepEqual(titles, [KOI8_TITLE, "Kept item", CP1251_TITLE].sort());
    assert.ok(t.intake.received.find((a) => a.title === KOI8_TITLE)!.text.includes("Дарчиев"));
  });

  it("asks again with the validators, takes 304 as nothing new, and forgets nothing across a restart", async () => {
    const t = await setup("again", [feed("rss", "/rss.xml")]);
    let poller: Poller = await t.make();
    await poller.pollOnce({ all: true });
    const second = await poller.pollOnce({ all: true });
    await poller.stop();
    assert.equal(second.feeds[0].result, "not-modified");
    const saved = JSON.parse(await readFile(join(t.stateDir, "feeds.json"), "utf8"));
    assert.match(saved.rss.etag, /^"v\d+"$/);
    assert.equal(saved.rss.lastSuccess, "2025-04-09T08:00:00.000Z");
    assert.equal(saved.rss.nextTry, "2025-04-09T08:10:00.000Z");
    server.bump();
    poller = await t.make();
    const third = await poller.pollOnce({ all: true });
    await poller.stop();
    assert.equal(third.feeds[0].result, "new");
    assert.equal(third.feeds[0].offered, 0);
    assert.equal(t.intake.received.length, 2);
  });

  it("offers an item again when the intake failed on it, and only then marks it processed", async () => {
    const t = await setup("intake-fails", [feed("rss", "/rss.xml")]);
    t.intake.failOn = "rss:teaser-1";
    const poller = await t.make();
    await poller.pollOnce({ all: true });
    assert.deepEqual(t.intake.received.map((a) => a.id), ["rss:full-1"]);
    t.intake.failOn = undefined;
    // No 304 hides it: the validators were not kept while an item was left undone.
    await poller.pollOnce({ all: true });
    await poller.stop();
    assert.deepEqual(t.intake.received.map((a) => a.id), ["rss:full-1", "rss:teaser-1"]);
    const lines = (await readFile(join(t.stateDir, "feed-items.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => [l.id, l.outcome.draftIds[0]]), [["rss:full-1", "draft-1"], ["rss:teaser-1", "draft-2"]]);
    assert.equal(lines[1].text.from, "page");
  });

  it("forgets processed items after 30 days, and never offers items older than that", async () => {
    const t = await setup("prune", [feed("rss", "/rss.xml")]);
    const poller = await t.make();
    await poller.pollOnce({ all: true });
    assert.equal((await readFile(join(t.stateDir, "feed-items.jsonl"), "utf8")).trim().split("\n").length, 2);
    t.advance(31 * 24 * 60 * 60_000);
    server.bump();
    const later = await poller.pollOnce({ all: true });
    await poller.stop();
    assert.equal(await readFile(join(t.stateDir, "feed-items.jsonl"), "utf8"), "");
    assert.equal(later.feeds[0].old, 2);
    assert.equal(t.intake.received.length, 2);
  });

  it("recognises the outlet's story re-posted under a new link", async () => {
    const t = await setup("repost", [feed("rss", "/rss.xml")]);
    const poller = await t.make();
    await poller.pollOnce({ all: true });
    server.items.push({ ...server.items[0], guid: "full-1-again", link: `${server.base}/news/2025/full-1-updated` });
    server.bump();
    const report = await poller.pollOnce({ all: true });
    await poller.stop();
    server.items.pop();
    assert.equal(report.feeds[0].repeats, 1);
    assert.equal(t.intake.received.length, 2);
  });

  it("backs off a failing feed and tells the editors once after a day", async () => {
    const t = await setup("failing", [feed("down", "/fail.xml")]);
    const poller = await t.make();
    const first = await poller.pollOnce();
    assert.equal(first.feeds[0].error, `HTTP 500 from ${server.url("/fail.xml")}`);
    let saved = JSON.parse(await readFile(join(t.stateDir, "feeds.json"), "utf8")).down;
    assert.equal(saved.failures, 1);
    assert.equal(saved.nextTry, "2025-04-09T08:20:00.000Z");
    // Not due yet: nothing is fetched.
    t.advance(10 * 60_000);
    assert.deepEqual((await poller.pollOnce()).feeds, []);
    t.advance(10 * 60_000);
    await poller.pollOnce();
    saved = JSON.parse(await readFile(join(t.stateDir, "feeds.json"), "utf8")).down;
    assert.equal(saved.nextTry, "2025-04-09T09:00:00.000Z");
    assert.equal(t.downs.length, 0);
    t.advance(24 * 60 * 60_000);
    for (let i = 0; i < 5; i++) await poller.pollOnce({ all: true });
    await poller.stop();
    assert.deepEqual(t.downs, [{ feedId: "down", outlet: "Example Agency", url: server.url("/fail.xml"), failingSince: "2025-04-09T08:00:00.000Z", lastError: `HTTP 500 from ${server.url("/fail.xml")}` }]);
    saved = JSON.parse(await readFile(join(t.stateDir, "feeds.json"), "utf8")).down;
    assert.equal(saved.toldDown, true);
    // Seven failures: ten minutes times 2^7, capped at 6 hours.
    assert.equal(Date.parse(saved.nextTry) - Date.parse(saved.lastAttempt), 6 * 60 * 60_000);
  });

  it("stops at once while an outlet is slow to answer, without counting it as a failure", async () => {
    const t = await setup("stop", [feed("rss", "/rss.xml")]);
    const poller = await t.make();
    const held = server.hold("/rss.xml");
    const poll = poller.pollOnce({ all: true });
    await held.arrived;
    await poller.stop();
    const report = await poll;
    held.release();
    assert.deepEqual(report.feeds, [], "the withdrawn feed is not reported as polled");
    const saved = JSON.parse(await readFile(join(t.stateDir, "feeds.json"), "utf8").catch(() => "{}"));
    assert.equal(saved.rss?.failures ?? 0, 0);
    assert.equal(saved.rss?.lastError, undefined);
  });

  it("reports a timeout, robots.txt and a page that is not a feed as the feed's error", async () => {
    const t = await setup("errors", [feed("slow", "/slow.xml"), feed("private", "/private/feed.xml"), feed("html", "/not-a-feed.html")], { timeoutMs: 300 });
    const poller = await t.make();
    const report = await poller.pollOnce({ all: true });
    await poller.stop();
    const errors = Object.fromEntries(report.feeds.map((f) => [f.feedId, f.error]));
    assert.match(errors.slow!, /within 0\.3 s/);
    assert.match(errors.private!, /robots\.txt disallows it/);
    assert.match(errors.html!, /not a feed but an HTML page/);
  });

  it("polls on its own when started with the timer, and stops cleanly", async () => {
    const t = await setup("auto", [feed("rss", "/rss.xml")]);
    const poller = await startPoller({
      sourcesFile: t.sourcesFile,
      stateDir: t.stateDir,
      intake: t.intake,
      fetcher: createFetcher({ userAgent: "ParleyBot/test", timeoutMs: 20_000, hostIntervalMs: 0 }),
      // Items of April 2025 are older than 30 days by the real clock.
      retentionDays: 100_000,
    });
    const deadline = Date.now() + 20_000;
    while (t.intake.received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await poller.stop();
    assert.deepEqual(t.intake.received.map((a) => a.id).sort(), ["rss:full-1", "rss:teaser-1"]);
  });

  it("keeps polling the last good list when the sources file is broken", async () => {
    const t = await setup("bad-sources", [feed("rss", "/rss.xml")]);
    const poller = await t.make();
    await poller.pollOnce({ all: true });
    await writeFile(t.sourcesFile, JSON.stringify({ feeds: [{ id: "rss", url: "not a url", outlet: "X", language: "de", pollMinutes: 10 }] }));
    const report = await poller.pollOnce({ all: true });
    await poller.stop();
    assert.deepEqual(report.feeds.map((f) => f.feedId), ["rss"]);
    assert.deepEqual(report.sourcesProblems, [
      `${t.sourcesFile}, feed "rss", field "url": must be an http(s) address of an RSS, Atom or JSON feed, such as https://tass.com/rss/v2.xml`,
      `${t.sourcesFile}, feed "rss", field "language": must be ru, uk or en: the language the feed's articles are written in`,
    ]);
  });
});
