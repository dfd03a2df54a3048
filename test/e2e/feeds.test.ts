// News feeds end to end: the real bot process (npm start) polls feeds served on 127.0.0.1 by
// the test's feed server, and talks to the Bot API emulator. What is asserted is what people
// see: the editors' draft messages and buttons, the record file, the audit log, the
// subscribers' digests, and the bot's state files (and `npm run ingest -- explain`).
//
// The bot polls each feed about a second after it starts, then every pollMinutes (5 at least),
// which no test waits for: a test puts everything in the feeds before the bot starts, and moves
// the bot's clock (FAKE_NOW, which runs on from there) between restarts to make feeds due again.
//
// Not here: a reader (not an editor) pressing Publish on a forwarded draft is refused — that is
// test/e2e/drafts.test.ts.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { after, before, describe, test } from "node:test";
import { makeDataDir, removeDataDir, REPO_ROOT, startBot, type BotProcess } from "../support/bot-process.ts";
import * as conversation from "../support/conversation.ts";
import { startEmulator, type Emulator, type SentRecord } from "../support/emulator.ts";
import { startFeedServer, type FeedServer, type FeedServerItem } from "../support/feed-server.ts";
import { entry, recordWithUpcomingRound, TRACKS } from "../support/fixtures.ts";
import { loadCorpus } from "../support/ingest-corpus.ts";

const YEARLY = "0 0 1 1 *";
const ARRIVES_MS = 20_000;
const erin = { id: 8101, first_name: "Erin", last_name: "Editor", username: "erin_ed", language_code: "en" };
const boris = { id: 8102, first_name: "Борис", language_code: "ru" };
const ann = { id: 8103, first_name: "Ann", language_code: "en" };
const oksana = { id: 8104, first_name: "Оксана", language_code: "uk" };
const EDITORS = `${erin.id},${boris.id}`;
/** Every feed is on 127.0.0.1: no pause between two requests to it; a timeout no held page reaches before the test kills the bot. */
const FEED_ENV = { FEED_HOST_INTERVAL_MS: "0", FEED_TIMEOUT_MS: "120000", DIGEST_CRON: YEARLY, ADMIN_IDS: EDITORS };
const ROUND_1 = entry({ id: "istanbul-round-1", sequence: 1, place: { city: { en: "Istanbul" } } });

const corpus = loadCorpus();
/** A corpus article as a feed item: its first line the title, the rest the item's text (HTML paragraphs). */
function corpusItem(name: string, over: Partial<FeedServerItem> & { link: string; pubDate: string }): FeedServerItem {
  const text = corpus.find((c) => c.name.startsWith(name))!.text.trim();
  const [title, ...rest] = text.split("\n");
  const paragraphs = rest.join("\n").split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return { guid: name, title, description: paragraphs.map((p) => `<p>${p}</p>`).join(""), ...over };
}

interface FeedSpec {
  id: string;
  url: string;
  outlet: string;
  language: "ru" | "uk" | "en";
  timezone?: string;
}
function writeSources(dataDir: string, feeds: FeedSpec[]): void {
  writeFileSync(join(dataDir, "sources.json"), JSON.stringify({ feeds: feeds.map((f) => ({ pollMinutes: 5, ...f })) }, null, 2));
}

/** Waits for a condition on files the bot writes (no event to wait on there); fails with `what` after timeoutMs. */
async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = ARRIVES_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface ProcessedLine {
  id: string;
  outcome: { relevant?: boolean; reason?: string; draftIds?: string[]; duplicateOf?: string };
}
/** The poller's journal of items decided on ($DATA_DIR/state/feed-items.jsonl). */
function processed(dataDir: string): ProcessedLine[] {
  const file = join(dataDir, "state", "feed-items.jsonl");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ProcessedLine);
}

interface StoredDraftLike {
  id: string;
  status: string;
  proposal: { kind: string; entryId?: string };
  sources: { outlet: string; url?: string; language: string }[];
  copies: { chatId: number; messageId: number }[];
}
function drafts(dataDir: string): StoredDraftLike[] {
  return (JSON.parse(readFileSync(join(dataDir, "state", "drafts.json"), "utf8")) as { drafts: StoredDraftLike[] }).drafts;
}

function readEntries(dataDir: string): Record<string, unknown>[] {
  return (JSON.parse(readFileSync(join(dataDir, "events.json"), "utf8")) as { entries: Record<string, unknown>[] }).entries;
}

function audit(dataDir: string): { action: string; id: string; actor: { id: number; source?: string[] } }[] {
  return readFileSync(join(dataDir, "state", "audit.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
}

/** What the bot sent (new messages) to a chat since the mark. */
function sentSince(emu: Emulator, chatId: number, mark: number): SentRecord[] {
  return emu.sent.slice(mark).filter((s) => s.chat_id === chatId);
}

describe("three outlets report one round: one draft, published in one tap; an unrelated story is dropped", { timeout: 90_000 }, () => {
  let emu: Emulator;
  let feeds: FeedServer;
  let bot: BotProcess;
  let dataDir: string;
  let mark: number;
  const urls = { en: "", ru: "", uk: "", unrelated: "" };

  before(async () => {
    emu = await startEmulator();
    for (const u of [erin, boris, ann, oksana]) emu.addPrivateChat(u);
    feeds = await startFeedServer();
    urls.en = feeds.url("/agency-en/world/russia-us-embassy-talks-2");
    urls.unrelated = feeds.url("/agency-en/world/lavrov-wang-yi");
    urls.ru = feeds.url("/tass/politika/round-2.html");
    urls.uk = feeds.url("/ua-news/world/round-2");
    // Three outlets, three formats, three languages, three wordings of the second round.
    feeds.feeds.set("/agency-en/rss.xml", {
      items: [
        corpusItem("en-06", { guid: "lavrov-wang-yi", link: urls.unrelated, pubDate: "Tue, 01 Apr 2025 12:00:00 GMT" }),
        corpusItem("en-01", { guid: "embassy-talks-2", link: urls.en, pubDate: "Tue, 08 Apr 2025 07:30:00 GMT" }),
      ],
    });
    // TASS gives a teaser: the article page is fetched for the text.
    feeds.feeds.set("/tass/atom.xml", {
      format: "atom",
      items: [{ guid: "tass-round-2", title: "МИД: второй раунд консультаций России и США пройдет в Стамбуле в четверг", description: "Подробнее — на сайте.", link: urls.ru, pubDate: "Tue, 08 Apr 2025 08:10:00 +0300" }],
    });
    const ru = corpus.find((c) => c.name.startsWith("ru-01"))!.text.trim().split("\n");
    feeds.pages.set("/tass/politika/round-2.html", { title: ru[0], paragraphs: ru.slice(1).join("\n").split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p && !p.startsWith("Читайте")) });
    feeds.feeds.set("/ua-news/feed.json", { format: "json", items: [corpusItem("uk-01", { guid: "ua-round-2", link: urls.uk, pubDate: "Tue, 08 Apr 2025 09:40:00 +0300" })] });

    dataDir = await makeDataDir({ events: { tracks: TRACKS, entries: [ROUND_1] } });
    writeSources(dataDir, [
      { id: "agency-en", url: feeds.url("/agency-en/rss.xml"), outlet: "Agency World", language: "en", timezone: "Europe/London" },
      { id: "tass-ru", url: feeds.url("/tass/atom.xml"), outlet: "ТАСС", language: "ru", timezone: "Europe/Moscow" },
      { id: "ua-news", url: feeds.url("/ua-news/feed.json"), outlet: "Українські новини", language: "uk", timezone: "Europe/Kyiv" },
    ]);
    // Boris has talked to the bot before (his copies come in Russian); the readers subscribe
    // before any feed is read: the bot is started with the feeds off, then again with them on.
    bot = await startBot({ emulator: emu, dataDir, env: { ...FEED_ENV, INGEST_POLL: "false", FAKE_NOW: "2025-04-08T09:00:00Z" } });
    await bot.waitForOutput("first run: the record as it stands counts as announced", 10_000);
    await conversation.say(emu, boris, "/help");
    for (const reader of [ann, oksana]) {
      emu.userSends(reader, "/subscribe");
      await emu.waitForReply(reader.id);
    }
    await bot.stop();
    mark = emu.sent.length;
    bot = await startBot({ emulator: emu, dataDir, env: { ...FEED_ENV, FAKE_NOW: "2025-04-08T09:00:00Z" } });
  });

  after(async () => {
    await bot?.stop().catch(() => undefined);
    await emu?.close();
    await feeds?.close();
    if (dataDir) await removeDataDir(dataDir);
  });

  let erinsCopy: SentRecord;
  let borisCopy: SentRecord;

  test("after the first poll every editor has ONE draft with the three outlets as its sources, edited in place", async () => {
    await until(() => processed(dataDir).length === 4, "the four items to be decided on");
    const toErin = sentSince(emu, erin.id, mark);
    const toBoris = sentSince(emu, boris.id, mark);
    assert.equal(toErin.length, 1, toErin.map((s) => s.plainText).join("\n---\n"));
    assert.equal(toBoris.length, 1, toBoris.map((s) => s.plainText).join("\n---\n"));
    [erinsCopy] = toErin;
    [borisCopy] = toBoris;

    const seen = conversation.current(emu, erin.id, erinsCopy.message_id);
    assert.match(seen.text, /^📰 Draft d1 · new entry/);
    assert.match(seen.text, /10 April 2025/);
    assert.match(seen.text, /Istanbul/);
    const sources = /Sources\n((?:\d+\..*\n?)+)/.exec(seen.text);
    assert.ok(sources, seen.text);
    const lines = sources[1].trim().split("\n");
    assert.equal(lines.length, 3, sources[1]);
    assert.deepEqual(lines.map((l) => /^\d+\. (.+?) \(/.exec(l)?.[1]).sort(), ["Agency World", "Українські новини", "ТАСС"].sort());
    assert.deepEqual(seen.buttons, ["✅ Publish", "✏️ Edit", "❌ Reject", "🚫 Not relevant"]);
    assert.match(conversation.current(emu, boris.id, borisCopy.message_id).text, /^📰 Черновик d1 · новая запись/);
    // The second and third reports edited the copies the editors already had.
    const edits = emu.calls.filter((c) => c.method === "editMessageText" && c.params.chat_id === erin.id && c.params.message_id === erinsCopy.message_id);
    assert.ok(edits.length >= 2, `erin's copy was edited ${edits.length} times`);

    const [only] = drafts(dataDir);
    assert.equal(drafts(dataDir).length, 1);
    assert.deepEqual(only.sources.map((s) => s.url).sort(), [urls.en, urls.ru, urls.uk].sort());
    assert.deepEqual(only.sources.map((s) => s.language).sort(), ["en", "ru", "uk"]);
    for (const reader of [ann, oksana]) assert.equal(sentSince(emu, reader.id, mark).length, 0, "readers hear nothing of a draft");
  });

  test("an unrelated story with the same names (Lavrov meets Wang Yi) reaches nobody; `ingest explain` says why it was dropped", async () => {
    const item = processed(dataDir).find((p) => p.id === "agency-en:lavrov-wang-yi");
    assert.ok(item, "the item was decided on");
    assert.equal(item.outcome.relevant, false);
    assert.deepEqual(item.outcome.draftIds, []);
    for (const editor of [erin, boris]) assert.ok(!sentSince(emu, editor.id, mark).some((s) => /Wang Yi|Ван И/.test(s.plainText)));

    const { stdout } = await promisify(execFile)("npm", ["run", "--silent", "ingest", "--", "explain", "agency-en:lavrov-wang-yi", "--state", join(dataDir, "state")], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
    });
    assert.match(stdout, /^agency-en:lavrov-wang-yi\n/);
    assert.match(stdout, /feed {7}agency-en \(Agency World\)/);
    assert.match(stdout, new RegExp(`link {7}${urls.unrelated.replace(/[.]/g, "\\.")}`));
    assert.match(stdout, /outcome {4}dropped — a meeting between China and Russia, not a contact between the parties the record follows/);
    assert.match(stdout, /drafts {5}none/);
  });

  test("Publish: the entry is written with the three sources, the audit log names the editor and the items' links, every subscriber gets the digest once", async () => {
    const pressMark = emu.sent.length;
    const answer = await conversation.pressAnswered(emu, erin, erin.id, erinsCopy.message_id, "dr:p:d1", { timeoutMs: ARRIVES_MS });
    assert.match(answer.text ?? "", /^Published as .+-2025-04-10\. Subscribers get the digest now\.$/);
    const id = /^Published as (\S+)\./.exec(answer.text!)![1];

    const written = readEntries(dataDir).find((e) => e.id === id) as { status: string; date: string; sources: { url?: string }[] } | undefined;
    assert.ok(written, "the entry is in events.json");
    assert.equal(written.status, "scheduled");
    assert.equal(written.date, "2025-04-10");
    assert.deepEqual(written.sources.map((s) => s.url).sort(), [urls.en, urls.ru, urls.uk].sort());
    const log = audit(dataDir);
    assert.deepEqual(
      log.map((a) => [a.action, a.id, a.actor.id]),
      [["add", id, erin.id]],
    );
    assert.deepEqual([...log[0].actor.source!].sort(), [urls.en, urls.ru, urls.uk].sort());

    for (const reader of [ann, oksana]) await emu.waitForReply(reader.id, { after: pressMark, timeoutMs: ARRIVES_MS });
    assert.match(conversation.current(emu, erin.id, erinsCopy.message_id).text, new RegExp(`✅ Published by Erin Editor \\(@erin_ed\\) as ${id}\\.$`));
    assert.deepEqual(conversation.current(emu, boris.id, borisCopy.message_id).buttons, []);
    assert.match(conversation.current(emu, boris.id, borisCopy.message_id).text, /✅ Опубликовал\(а\) Erin Editor/);

    // /drafts answered means the bot is past the publish: still one digest each.
    const [list] = await conversation.say(emu, erin, "/drafts", { count: 1 });
    assert.match(list.plainText, /No drafts are waiting/);
    for (const reader of [ann, oksana]) {
      const got = sentSince(emu, reader.id, pressMark);
      assert.equal(got.length, 1, got.map((s) => s.plainText).join("\n---\n"));
      assert.match(got[0].plainText, /10 April 2025|10 квітня 2025/);
    }
  });
});

describe("a report on a known round: before → after, and Publish updates the entry", { timeout: 60_000 }, () => {
  let emu: Emulator;
  let feeds: FeedServer;
  let bot: BotProcess;
  let dataDir: string;
  const link = { url: "" };

  before(async () => {
    emu = await startEmulator();
    for (const u of [erin, boris, ann]) emu.addPrivateChat(u);
    feeds = await startFeedServer();
    link.url = feeds.url("/mfa/news/round-4-moved");
    feeds.feeds.set("/mfa/rss.xml", {
      items: [
        {
          guid: "round-4-moved",
          title: "Fourth round of Russia-US embassy talks moved to December 8",
          description:
            "<p>MOSCOW, November 27 - The fourth round of Russian-American consultations on the work of the embassies, which had been scheduled for December 1 in Istanbul, has been moved to December 8, the Russian Foreign Ministry said on Friday.</p>" +
            "<p>The talks will be held in Istanbul, as before. The ministry gave no reason for the change of date.</p>" +
            "<p>The previous round of the consultations took place in Istanbul in April.</p>",
          link: link.url,
          pubDate: "Fri, 27 Nov 2026 08:00:00 GMT",
        },
      ],
    });
    // The record has round 4 scheduled for 1 December 2026, 10:00 in Istanbul.
    dataDir = await makeDataDir({ events: recordWithUpcomingRound() });
    writeSources(dataDir, [{ id: "mfa-en", url: feeds.url("/mfa/rss.xml"), outlet: "Russian MFA", language: "en", timezone: "Europe/Moscow" }]);
    bot = await startBot({ emulator: emu, dataDir, env: { ...FEED_ENV, FAKE_NOW: "2026-11-27T09:00:00Z" } });
    // A reader subscribes while the feed is read: drafts go to editors only, so the order does not matter.
    emu.userSends(ann, "/subscribe");
    await emu.waitForReply(ann.id);
  });

  after(async () => {
    await bot?.stop().catch(() => undefined);
    await emu?.close();
    await feeds?.close();
    if (dataDir) await removeDataDir(dataDir);
  });

  test("the editors see the round's entry before → after; Publish changes it and names the report", async () => {
    const copy = await emu.waitForReply(erin.id, { timeoutMs: ARRIVES_MS });
    const borisCopy = await emu.waitForReply(boris.id, { timeoutMs: ARRIVES_MS });
    assert.match(copy.plainText, /^📰 Draft d1 · change of embassy-round-4-test/);
    // The report names the new day and no time: the old 10:00 is not carried over to it.
    assert.match(copy.plainText, /\nDate: 1 December 2026, 10:00 \(Europe\/Istanbul\) → 8 December 2026\n/);
    assert.match(copy.plainText, /Sources: \+ Russian MFA \[en\]/);
    assert.deepEqual(emu.buttons(copy).map((b) => b.callback_data), ["dr:p:d1", "dr:e:d1", "dr:r:d1", "dr:n:d1"]);

    const pressMark = emu.sent.length;
    const answer = await conversation.pressAnswered(emu, erin, erin.id, copy.message_id, "dr:p:d1", { timeoutMs: ARRIVES_MS });
    assert.match(answer.text ?? "", /embassy-round-4-test/);
    const digest = await emu.waitForReply(ann.id, { after: pressMark, timeoutMs: ARRIVES_MS });
    assert.match(digest.plainText, /8 December 2026/);
    const updated = readEntries(dataDir).filter((e) => e.id === "embassy-round-4-test") as { status: string; date: string; time?: string; sources: { url?: string }[] }[];
    assert.equal(updated.length, 1, "the entry is changed, not added again");
    // As the editors were shown it: the new day, no time, still scheduled.
    assert.deepEqual([updated[0].status, updated[0].date, updated[0].time], ["scheduled", "2026-12-08", undefined]);
    assert.ok(updated[0].sources.some((s) => s.url === link.url), JSON.stringify(updated[0].sources));
    const log = audit(dataDir);
    assert.deepEqual(
      log.map((a) => [a.action, a.id, a.actor.id, a.actor.source]),
      [["update", "embassy-round-4-test", erin.id, [link.url]]],
    );
    assert.match(conversation.current(emu, boris.id, borisCopy.message_id).text, /Erin Editor/);
    assert.deepEqual(conversation.current(emu, boris.id, borisCopy.message_id).buttons, []);
  });
});

describe("a restart between fetching an item and deciding on it: the item is processed once", { timeout: 90_000 }, () => {
  let emu: Emulator;
  let feeds: FeedServer;
  let bot: BotProcess | undefined;
  let dataDir: string;
  const PAGE = "/tass/politika/round-2-istanbul.html";

  before(async () => {
    emu = await startEmulator();
    for (const u of [erin, boris]) emu.addPrivateChat(u);
    feeds = await startFeedServer();
    // A teaser in the feed: the poller fetches the article page for the text.
    feeds.feeds.set("/tass/rss.xml", {
      items: [{ guid: "tass-round-2-istanbul", title: "Второй раунд консультаций России и США по посольствам пройдет 10 апреля в Стамбуле", description: "Подробнее — на сайте.", link: feeds.url(PAGE), pubDate: "Mon, 07 Apr 2025 12:00:00 +0300" }],
    });
    const text = corpus.find((c) => c.name.startsWith("ru-b1-03"))!.text.trim().split("\n");
    feeds.pages.set(PAGE, { title: text[0], paragraphs: text.slice(1).join("\n").split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) });
    dataDir = await makeDataDir({ events: { tracks: TRACKS, entries: [ROUND_1] } });
    writeSources(dataDir, [{ id: "tass-ru", url: feeds.url("/tass/rss.xml"), outlet: "ТАСС", language: "ru", timezone: "Europe/Moscow" }]);
  });

  after(async () => {
    await bot?.stop().catch(() => undefined);
    await emu?.close();
    await feeds?.close();
    if (dataDir) await removeDataDir(dataDir);
  });

  test("killed while the article page is being fetched: after the restart the item becomes exactly one draft", async () => {
    const held = feeds.hold(PAGE);
    bot = await startBot({ emulator: emu, dataDir, env: { ...FEED_ENV, FAKE_NOW: "2025-04-08T09:00:00Z" } });
    await held.arrived;
    // The feed is fetched and the item is in hand, nothing decided: the process dies here.
    bot.kill();
    await bot.exited;
    held.release();
    assert.deepEqual(processed(dataDir), []);
    assert.equal(sentSince(emu, erin.id, 0).length, 0);

    bot = await startBot({ emulator: emu, dataDir, env: { ...FEED_ENV, FAKE_NOW: "2025-04-08T09:01:00Z" } });
    const copy = await emu.waitForReply(erin.id, { timeoutMs: ARRIVES_MS });
    await emu.waitForReply(boris.id, { timeoutMs: ARRIVES_MS });
    assert.match(copy.plainText, /^📰 Draft d1 · new entry/);
    assert.match(copy.plainText, /10 April 2025/);
    const items = await until(() => processed(dataDir).length > 0 && processed(dataDir), "the item to be decided on");
    assert.deepEqual(
      items.map((i) => [i.id, i.outcome.relevant, i.outcome.draftIds]),
      [["tass-ru:tass-round-2-istanbul", true, ["d1"]]],
    );
    // The page was asked for twice: held for the first process (status 0: never answered), served to the second.
    assert.deepEqual(feeds.requests.filter((r) => r.path === PAGE).map((r) => r.status), [0, 200]);
    assert.equal(drafts(dataDir).length, 1);
    await bot.stop();
    for (const editor of [erin, boris]) assert.equal(sentSince(emu, editor.id, 0).length, 1, `editor ${editor.id} has one draft`);
  });

  test("a second restart with nothing new in the feed sends the editors nothing", async () => {
    const mark = emu.sent.length;
    const since = feeds.requests.length;
    // Ten minutes on: the feed (every 5 minutes) is due again.
    bot = await startBot({ emulator: emu, dataDir, env: { ...FEED_ENV, FAKE_NOW: "2025-04-08T09:11:00Z" } });
    await until(() => feeds.requests.slice(since).some((r) => r.path === "/tass/rss.xml" && r.status === 304), "the feed to be polled again");
    // Stopping waits for the poll in hand to finish: whatever it would send is sent by then.
    await bot.stop();
    bot = undefined;
    assert.equal(feeds.requests.slice(since).filter((r) => r.path === PAGE).length, 0, "the article is not fetched again");
    for (const editor of [erin, boris]) assert.deepEqual(sentSince(emu, editor.id, mark), []);
    assert.equal(processed(dataDir).length, 1);
    assert.deepEqual(
      drafts(dataDir).map((d) => [d.id, d.status, d.copies.length]),
      [["d1", "pending", 2]],
    );
  });
});

describe("a feed that keeps failing is reported to the editors once, after a day", { timeout: 90_000 }, () => {
  let emu: Emulator;
  let feeds: FeedServer;
  let bot: BotProcess | undefined;
  let dataDir: string;

  before(async () => {
    emu = await startEmulator();
    for (const u of [erin, boris]) emu.addPrivateChat(u);
    feeds = await startFeedServer();
    dataDir = await makeDataDir({ events: { tracks: TRACKS, entries: [ROUND_1] } });
    // /fail.xml answers 500, always.
    writeSources(dataDir, [{ id: "flaky", url: feeds.url("/fail.xml"), outlet: "Flaky News", language: "en" }]);
  });

  after(async () => {
    await bot?.stop().catch(() => undefined);
    await emu?.close();
    await feeds?.close();
    if (dataDir) await removeDataDir(dataDir);
  });

  /** Starts the bot at `now`, waits for its poll of the feed to fail for the n-th time in a row, stops it (the poll's state written). */
  async function failsAt(now: string, n: number): Promise<number> {
    const mark = emu.sent.length;
    bot = await startBot({ emulator: emu, dataDir, env: { ...FEED_ENV, FAKE_NOW: now } });
    await bot.waitForOutput(`feed flaky failed (${n} in a row)`, ARRIVES_MS);
    await bot.stop();
    bot = undefined;
    return mark;
  }
  const feedState = () => (JSON.parse(readFileSync(join(dataDir, "state", "feeds.json"), "utf8")) as Record<string, { failures: number; failingSince?: string; toldDown: boolean; lastError?: string }>).flaky;

  test("failing for less than a day: the editors hear nothing", async () => {
    const mark = await failsAt("2025-04-07T08:00:00Z", 1);
    for (const editor of [erin, boris]) assert.deepEqual(sentSince(emu, editor.id, mark), []);
    assert.deepEqual([feedState().failures, feedState().failingSince?.slice(0, 16), feedState().toldDown], [1, "2025-04-07T08:00", false]);
  });

  test("still failing 25 hours later: every editor is told, once", async () => {
    const mark = await failsAt("2025-04-08T09:00:00Z", 2);
    for (const editor of [erin, boris]) {
      const told = sentSince(emu, editor.id, mark);
      assert.equal(told.length, 1, told.map((s) => s.plainText).join("\n---\n"));
      assert.match(told[0].plainText, /Flaky News/);
      assert.match(told[0].plainText, /flaky/);
      assert.match(told[0].plainText, /500/);
    }
    assert.match(sentSince(emu, erin.id, mark)[0].plainText, /^⚠️ The feed Flaky News \(flaky\) has failed since 7 April 2025/);
    assert.equal(feedState().toldDown, true);
  });

  test("failing on after that: not told again", async () => {
    const mark = await failsAt("2025-04-08T10:00:00Z", 3);
    for (const editor of [erin, boris]) assert.deepEqual(sentSince(emu, editor.id, mark), []);
    assert.deepEqual([feedState().failures, feedState().toldDown], [3, true]);
  });
});

describe("a restart after the decision, while the draft is being sent: no draft lost, none sent twice", { timeout: 60_000 }, () => {
  let emu: Emulator;
  let feeds: FeedServer;
  let bot: BotProcess | undefined;
  let dataDir: string;

  before(async () => {
    emu = await startEmulator();
    for (const u of [erin, boris]) emu.addPrivateChat(u);
    feeds = await startFeedServer();
    feeds.feeds.set("/agency-en/rss.xml", { items: [corpusItem("en-01", { guid: "embassy-talks-2", link: feeds.url("/agency-en/world/embassy-talks-2"), pubDate: "Tue, 08 Apr 2025 07:30:00 GMT" })] });
    dataDir = await makeDataDir({ events: { tracks: TRACKS, entries: [ROUND_1] } });
    writeSources(dataDir, [{ id: "agency-en", url: feeds.url("/agency-en/rss.xml"), outlet: "Agency World", language: "en" }]);
  });

  after(async () => {
    await bot?.stop().catch(() => undefined);
    await emu?.close();
    await feeds?.close();
    if (dataDir) await removeDataDir(dataDir);
  });

  test("killed while the draft goes to the first editor: after the restart each editor has it once", async () => {
    const held = emu.holdNext("sendMessage", { chatId: erin.id });
    bot = await startBot({ emulator: emu, dataDir, env: { ...FEED_ENV, FAKE_NOW: "2025-04-08T09:00:00Z" } });
    await held.arrived;
    // The intake has decided (the draft is on disk); no editor has a copy yet.
    assert.deepEqual(drafts(dataDir).map((d) => [d.id, d.copies.length]), [["d1", 0]]);
    bot.kill();
    await bot.exited;
    held.drop();
    assert.deepEqual(sentSince(emu, erin.id, 0), []);

    bot = await startBot({ emulator: emu, dataDir, env: { ...FEED_ENV, FAKE_NOW: "2025-04-08T09:01:00Z" } });
    for (const editor of [erin, boris]) assert.match((await emu.waitForReply(editor.id, { timeoutMs: ARRIVES_MS })).plainText, /^📰 Draft d1 · new entry/);
    await until(() => processed(dataDir).length === 1, "the item to be marked processed");
    await bot.stop();
    bot = undefined;
    for (const editor of [erin, boris]) assert.equal(sentSince(emu, editor.id, 0).length, 1, `editor ${editor.id} has the draft once`);
    assert.deepEqual(drafts(dataDir).map((d) => [d.id, d.copies.map((c) => c.chatId).sort()]), [["d1", [erin.id, boris.id].sort()]]);
  });
});
