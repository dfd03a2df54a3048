// The feeds' parsing in the built worker thread (dist/parse-worker.js, as the bot runs it):
// the same items, articles, readings of reports and errors as in-process, and a worker that dies is replaced.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { FeedParseError } from "../../src/feeds/feed.ts";
import { inProcessFeedParsing, openFeedParsing, type FeedParsing } from "../../src/feeds/parsing.ts";
import { NAMES_FILE } from "../../src/ingestion.ts";
import { understand } from "../../src/ingest/extract.ts";
import { ensureBuilt, REPO_ROOT } from "../support/bot-process.ts";
import { loadCorpus, loadNames } from "../support/ingest-corpus.ts";
import { rss } from "../support/feed-server.ts";

const WORKER = join(REPO_ROOT, "dist", "parse-worker.js");
const ITEM = { guid: "g1", title: "Talks & more", description: "<p>First paragraph.</p><p>Second &laquo;quoted&raquo;.</p>", link: "https://example.org/a", pubDate: "Tue, 08 Apr 2025 21:30:00 +0300" };
const PAGE = `<html lang="en"><head><meta property="article:published_time" content="2025-05-17T14:05:00+03:00"></head><body><nav>Home | World</nav><article><h1>Rubio and Lavrov speak by phone</h1><p>U.S. Secretary of State Marco Rubio and Russian Foreign Minister Sergei Lavrov spoke by phone on Saturday, the State Department said in a statement after the call.</p><p>The two ministers discussed the talks between Russia and Ukraine held in Istanbul the day before, the statement said, without further detail.</p></article></body></html>`;

let parsing: FeedParsing;
let dir: string;
before(async () => {
  ensureBuilt();
  parsing = openFeedParsing({ workerFile: WORKER });
  dir = await mkdtemp(join(tmpdir(), "parley-parsing-"));
});
after(async () => {
  await parsing.close();
  await rm(dir, { recursive: true, force: true });
});

describe("parsing feeds and pages in the worker thread", () => {
  it("runs off the main thread where the worker is built, in-process where it is not", () => {
    assert.equal(parsing.offThread, true);
    assert.equal(openFeedParsing({ workerFile: join(dir, "no-such-worker.js") }).offThread, false);
  });

  it("gives the same items (dates included), item text and article as in-process", async () => {
    const feed = rss([ITEM]);
    const off = await parsing.parseFeed(feed, "https://example.org/rss.xml");
    assert.deepEqual(off, await inProcessFeedParsing.parseFeed(feed, "https://example.org/rss.xml"));
    assert.equal(off.items[0].published?.toISOString(), "2025-04-08T18:30:00.000Z");
    assert.deepEqual(await parsing.itemText(off.items[0]), { title: "Talks & more", body: "First paragraph.\nSecond «quoted»." });
    const article = await parsing.articleFromHtml(PAGE);
    assert.deepEqual(article, await inProcessFeedParsing.articleFromHtml(PAGE));
    assert.equal(article.published, "2025-05-17");
    assert.match(article.text, /^Rubio and Lavrov speak by phone\nU\.S\. Secretary of State/);
  });

  it("reads a report as extract.ts does in-process, in each language", async () => {
    const names = loadNames();
    for (const lang of ["en", "ru", "uk"] as const) {
      const report = loadCorpus().find((c) => c.labels.language === lang && c.labels.relevant)!;
      const article = { text: report.text, language: lang, published: report.labels.published };
      const off = await parsing.understand(article, NAMES_FILE, { today: report.labels.published });
      assert.deepEqual(off, understand(article, names, { today: report.labels.published }), report.name);
      assert.equal(off.relevant, true, report.name);
    }
  });

  it("says why something is not a feed, as a FeedParseError", async () => {
    await assert.rejects(parsing.parseFeed("<!doctype html><html><body>Oops</body></html>", "https://x/"), (e: Error) => e instanceof FeedParseError && e.message === "not a feed but an HTML page");
    await assert.rejects(parsing.parseFeed("plain words", "https://x/"), (e: Error) => e instanceof FeedParseError && /neither XML nor JSON/.test(e.message));
  });

  it("fails the calls in hand when the worker dies, and starts a new one for the next", async () => {
    // A worker that dies on its first request, then (started again) is the real one.
    const marker = join(dir, "died-once");
    const flaky = join(dir, "flaky-worker.mjs");
    await writeFile(
      flaky,
      `import { existsSync, writeFileSync } from "node:fs";
       import { parentPort } from "node:worker_threads";
       if (existsSync(${JSON.stringify(marker)})) await import(${JSON.stringify(pathToFileURL(WORKER).href)});
       else parentPort.once("message", () => { writeFileSync(${JSON.stringify(marker)}, ""); process.exit(3); });`,
    );
    const p = openFeedParsing({ workerFile: flaky });
    try {
      await assert.rejects(p.parseFeed(rss([ITEM]), "https://example.org/rss.xml"), /the feed parsing worker stopped: exit code 3/);
      const again = await p.parseFeed(rss([ITEM]), "https://example.org/rss.xml");
      assert.deepEqual(again.items.map((i) => i.guid), ["g1"]);
    } finally {
      await p.close();
    }
  });
});
