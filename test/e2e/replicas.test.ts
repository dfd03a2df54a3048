// Several bot processes on one PostgreSQL, end to end: real replicas (node dist/main.js with
// DATABASE_URL, each test its own schema) behind the Bot API emulator, which stands for
// Telegram and for the load balancer (webhook posts to the replicas in turn).
// - three replicas: subscribers subscribe through all of them, an entry is published from
//   another machine, and every subscriber gets the digest exactly once (one leader sends);
// - the leader SIGKILLed in the middle of a broadcast to 2,000 chats: the standby takes over,
//   nothing is lost, and only messages in flight at the kill may arrive twice;
// - one replica's database link cut and restored: it refuses writes with the apology while
//   reads still work, reports not ready, and comes back by itself;
// - two replicas started at the same moment on an empty schema: both run, migrated once;
// - two replicas and a news feed: only the leader polls, the editors get one draft, and
//   Publish pressed through the other replica publishes once, every editor's copy closed.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { main as dbCommand } from "../../src/cli/db.ts";
import { main as events } from "../../src/cli/events.ts";
import type { Db } from "../../src/db/pool.ts";
import { PgRecordWriter } from "../../src/record-db/writer.ts";
import { makeDataDir, removeDataDir, startBot, type BotProcess } from "../support/bot-process.ts";
import * as conversation from "../support/conversation.ts";
import { startEmulator, type Emulator } from "../support/emulator.ts";
import { entry, TRACKS } from "../support/fixtures.ts";
import { pgSkip, TEST_DATABASE_URL, testDatabase, type TestDatabase } from "../support/pg.ts";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.ts";
import { startFeedServer } from "../support/feed-server.ts";
import { loadCorpus } from "../support/ingest-corpus.ts";

const skip = await pgSkip();
const NOW = "2026-04-20T12:00:00Z";
const WEBHOOK_URL = "https://parley.example.org/telegram/hook";
const SECRET = "replicas-test-secret-0123456789abcdef";
const io = { out: () => {}, err: (e: string) => assert.fail(e), stdin: process.stdin };

const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

/** Resolves once `cond()` holds, looking every 25 ms; fails with `what` after timeoutMs. */
async function until(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A schema with a small record in it, and a pool on it for the test's own looks. */
async function schemaWithRecord(prefix: string): Promise<{ t: TestDatabase; db: Db }> {
  const t = await testDatabase(prefix);
  cleanups.push(() => t.drop());
  const dir = await mkdtemp(join(tmpdir(), "parley-replicas-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, "events.json");
  await writeFile(file, `${JSON.stringify({ tracks: TRACKS, entries: [entry({ id: "round-1", date: "2026-03-01", title: { en: "Round 1" } })] }, null, 2)}\n`);
  assert.equal(await events(["import", file], io, { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: t.schema }), 0);
  return { t, db: await t.open({ poolSize: 2 }) };
}

async function emulator(): Promise<Emulator> {
  const emu = await startEmulator();
  cleanups.push(() => emu.close());
  return emu;
}

interface Replica {
  id: string;
  bot: BotProcess;
  /** http://127.0.0.1:<its port> */
  base: string;
}

/** One replica in webhook mode (any free port), as a machine behind the load balancer runs it; `prepare` adds to its data folder. */
async function replica(emu: Emulator, schema: string, id: string, env: Record<string, string> = {}, prepare?: (dataDir: string) => Promise<void>): Promise<Replica> {
  const dataDir = await makeDataDir({ events: { tracks: [], entries: [] } });
  cleanups.push(() => removeDataDir(dataDir));
  await prepare?.(dataDir);
  const bot = await startBot({
    emulator: emu,
    dataDir,
    mode: "webhook",
    env: {
      FAKE_NOW: NOW,
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema,
      // Small pools: the server's max_connections is shared with every other test file.
      DATABASE_POOL_SIZE: "3",
      REPLICA_ID: id,
      HTTP_PORT: "0",
      HTTP_HOST: "127.0.0.1",
      WEBHOOK_URL,
      WEBHOOK_SECRET: SECRET,
      ...env,
    },
  });
  cleanups.push(() => bot.stop());
  const out = await bot.waitForOutput(/HTTP server listening .*"port":\d+/);
  return { id, bot, base: `http://127.0.0.1:${/HTTP server listening .*"port":(\d+)/.exec(out)![1]}` };
}

/** A replica with long polling: "polling" waits for its getUpdates, "standby" only for it to run. */
async function pollingReplica(emu: Emulator, schema: string, id: string, mode: "polling" | "standby"): Promise<BotProcess> {
  const dataDir = await makeDataDir({ events: { tracks: [], entries: [] } });
  cleanups.push(() => removeDataDir(dataDir));
  const bot = await startBot({ emulator: emu, dataDir, mode, env: { FAKE_NOW: NOW, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, DATABASE_POOL_SIZE: "3", REPLICA_ID: id } });
  cleanups.push(() => bot.stop());
  return bot;
}

const LEADING = "leading: the digest job and the sender run here";

/** The replica that leads, once one does; and that no other does. */
async function leaderOf(replicas: Replica[]): Promise<Replica> {
  const leader = await Promise.any(replicas.map((r) => r.bot.waitForOutput(LEADING, 15_000).then(() => r)));
  for (const r of replicas) if (r !== leader) assert.ok(!r.bot.output().includes(LEADING), `${r.id} leads as well as ${leader.id}`);
  return leader;
}

async function pendingInOutbox(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::float8 AS n FROM outbox WHERE done_at IS NULL");
  return rows[0].n;
}

// The bound is for a hang, not a timing check: six tests of several processes each, one of them a
// 2,000-chat broadcast, took 90 s together on a loaded 2-core machine and the rest were cancelled.
describe("replicas on one PostgreSQL", { skip, timeout: 300_000 }, () => {
  test("three replicas: subscribed through each, published elsewhere, every subscriber gets the digest once", async () => {
    const { t, db } = await schemaWithRecord("rep_three");
    const emu = await emulator();
    const replicas = await Promise.all(["a", "b", "c"].map((id) => replica(emu, t.schema, id)));
    emu.webhookProxy = replicas.map((r) => r.base);
    const leader = await leaderOf(replicas);
    await leader.bot.waitForOutput("first run: the record as it stands counts as announced", 10_000);

    const users = [1, 2, 3, 4, 5, 6].map((n) => ({ id: 700 + n, first_name: `Reader ${n}`, language_code: "en" }));
    for (const u of users) {
      emu.addPrivateChat(u);
      const reply = await conversation.say(emu, u, "/subscribe");
      assert.match(reply.plainText, /^🔔 You are subscribed\./);
    }
    // The load balancer spread the subscriptions over all three.
    assert.deepEqual(new Set(emu.webhookTargets.map((p) => p.origin)), new Set(replicas.map((r) => r.base)));
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::float8 AS n FROM subscriptions WHERE active");
    assert.equal(rows[0].n, users.length);

    const mark = emu.sent.length;
    const added = await new PgRecordWriter(db).add(entry({ id: "round-2", status: "scheduled", date: "2026-04-25", title: { en: "Round 2 in Riyadh" } }), { kind: "cli", name: "newsroom laptop" });
    assert.equal(added.ok, true);
    await until("a digest in every subscriber's chat", () => users.every((u) => emu.sent.slice(mark).some((s) => s.chat_id === u.id)));
    await until("the outbox drained", async () => (await pendingInOutbox(db)) === 0);
    for (const u of users) {
      const got = emu.sent.slice(mark).filter((s) => s.chat_id === u.id);
      assert.equal(got.length, 1, `chat ${u.id} got ${got.length} messages`);
      assert.match(got[0].plainText, /Parley: what changed in the record[\s\S]*🆕 Round 2 in Riyadh set for 25 April 2026/);
    }
    for (const r of replicas) if (r !== leader) assert.doesNotMatch(r.bot.output(), /delivery run finished/, `${r.id} sent as well`);
  });

  test("the leader SIGKILLed mid-broadcast to 2,000 chats: the standby finishes it, none lost, only the in-flight twice", async () => {
    const { t, db } = await schemaWithRecord("rep_kill");
    const emu = await emulator();
    const CHATS = 2000;
    const RATE = 200;
    // The subscribers, moved in from a file install the documented way (npm run db -- import-state).
    const stateDir = await mkdtemp(join(tmpdir(), "parley-replicas-state-"));
    cleanups.push(() => rm(stateDir, { recursive: true, force: true }));
    const subscriptions: Record<string, object> = {};
    for (let i = 1; i <= CHATS; i++) {
      const chatId = 100_000 + i;
      emu.addPrivateChat({ id: chatId, first_name: `S${i}`, language_code: "en" });
      subscriptions[String(chatId)] = {
        key: String(chatId), chatId, chatType: "private", active: true, createdBy: chatId, createdAt: "2026-04-01T00:00:00.000Z",
        tracks: "all", kinds: "all", delivery: { mode: "instant" }, reminders: { enabled: true, hoursBefore: [24, 1], dayBeforeHour: 9 },
      };
    }
    await writeFile(join(stateDir, "subscriptions.json"), JSON.stringify({ subscriptions }));
    assert.equal(await dbCommand(["import-state", "--state-dir", stateDir], io, { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: t.schema }), 0);

    const env = { BROADCAST_RATE: String(RATE) };
    const replicas = [await replica(emu, t.schema, "k1", env), await replica(emu, t.schema, "k2", env)];
    const leader = await leaderOf(replicas);
    const standby = replicas.find((r) => r !== leader)!;
    await leader.bot.waitForOutput("first run: the record as it stands counts as announced", 10_000);

    const mark = emu.sent.length;
    await new PgRecordWriter(db).add(entry({ id: "round-3", status: "scheduled", date: "2026-04-28", title: { en: "Round 3" } }), { kind: "cli", name: "newsroom laptop" });
    await until("a quarter of the broadcast sent", () => emu.sent.length - mark >= CHATS / 4);
    leader.bot.kill();
    const killedAt = Date.now();
    await leader.bot.exited;
    const sentByLeader = emu.sent.length - mark;
    assert.ok(sentByLeader < CHATS, `the broadcast was over before the kill (${sentByLeader} sent)`);

    await standby.bot.waitForOutput(LEADING, 10_000);
    await until("every chat got the digest", () => new Set(emu.sent.slice(mark).map((s) => s.chat_id)).size === CHATS, 40_000);
    await until("the outbox drained", async () => (await pendingInOutbox(db)) === 0);
    const firstBySuccessor = emu.sent.slice(mark + sentByLeader).find((s) => s.at > killedAt);
    assert.ok(firstBySuccessor);
    const takeoverMs = firstBySuccessor.at - killedAt;
    const perChat = new Map<number, number>();
    for (const s of emu.sent.slice(mark)) perChat.set(s.chat_id, (perChat.get(s.chat_id) ?? 0) + 1);
    const twice = [...perChat.values()].filter((n) => n > 1).length;
    // In flight at the kill: at most the sender's concurrency at this rate (sender.ts: a quarter second's worth).
    const inFlight = Math.ceil(RATE * 0.25);
    process.stdout.write(`# failover: SIGKILL to the successor's first message ${takeoverMs} ms; ${sentByLeader} sent before the kill; ${twice} chats got it twice (in flight at most ${inFlight})\n`);
    assert.equal(perChat.size, CHATS, "no chat lost its digest");
    assert.ok(Math.max(...perChat.values()) <= 2, "nobody got it three times");
    assert.ok(twice <= inFlight, `${twice} chats got the digest twice; at most ${inFlight} were in flight`);
    assert.ok(takeoverMs < 10_000, `the successor's first message came ${takeoverMs} ms after the kill`);
    await standby.bot.waitForOutput("delivery run finished", 5000);
  });

  test("a replica cut off from the database refuses writes with an apology, still reads, is not ready, and recovers", async () => {
    const { t, db } = await schemaWithRecord("rep_cut");
    const emu = await emulator();
    const pgUrl = new URL(TEST_DATABASE_URL);
    const proxy: TcpProxy = await startTcpProxy({ host: pgUrl.hostname, port: Number(pgUrl.port || 5432) });
    cleanups.push(() => proxy.close());
    const viaProxy = new URL(TEST_DATABASE_URL);
    viaProxy.port = String(proxy.port);
    const r = await replica(emu, t.schema, "cut1", { DATABASE_URL: viaProxy.toString() });
    emu.webhookProxy = r.base;
    await leaderOf([r]);
    const user = { id: 801, first_name: "Dana", language_code: "en" };
    const ru = { id: 802, first_name: "Дарья", language_code: "ru" };
    emu.addPrivateChat(user);
    emu.addPrivateChat(ru);
    const ready = async () => (await fetch(`${r.base}/readyz`)).status === 200;
    await until("ready", ready);

    proxy.cut();
    // And the sessions themselves, as an operator's pg_terminate_backend would.
    await db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'parley cut1'");
    await until("not ready", async () => !(await ready()));
    const readyz = (await (await fetch(`${r.base}/readyz`)).json()) as { reason: string };
    assert.match(readyz.reason, /database unreachable/);

    const refused = await conversation.say(emu, user, "/subscribe");
    assert.equal(refused.plainText, "⚠️ The database is unreachable right now, so nothing was changed. Please try again in a minute; reading (/latest, /next) still works.");
    const refusedRu = await conversation.say(emu, ru, "/subscribe");
    assert.match(refusedRu.plainText, /^⚠️ База данных сейчас недоступна, поэтому ничего не изменено/);
    const latest = await conversation.say(emu, user, "/latest");
    assert.match(latest.plainText, /^Latest developments[\s\S]*Round 1/);
    const { rows: none } = await db.query("SELECT 1 FROM subscriptions");
    assert.equal(none.length, 0, "nothing was written");
    assert.match(r.bot.output(), /the database is unreachable: answering from memory/);

    proxy.restore();
    await until("ready again", ready);
    const subscribed = await conversation.say(emu, user, "/subscribe");
    assert.match(subscribed.plainText, /^🔔 You are subscribed\./);
    const { rows } = await db.query<{ chat_id: string }>("SELECT chat_id::text FROM subscriptions");
    assert.deepEqual(rows.map((row) => row.chat_id), [String(user.id)]);
    // It leads again: the lock was retaken once the database answered.
    await r.bot.waitForOutput(new RegExp(`${LEADING}[\\s\\S]*no longer leading[\\s\\S]*${LEADING}`), 10_000);
  });

  test("two replicas started at the same moment on an empty schema both come up, migrated once, one leading", async () => {
    const t = await testDatabase("rep_twin");
    cleanups.push(() => t.drop());
    const emu = await emulator();
    const twins = await Promise.all(["twin1", "twin2"].map((id) => replica(emu, t.schema, id)));
    await Promise.all(twins.map((r) => r.bot.waitForOutput("Parley is running", 10_000)));
    await leaderOf(twins);
    const db = await t.open();
    const { rows } = await db.query<{ version: number; n: number }>("SELECT version, count(*)::float8 AS n FROM schema_migrations GROUP BY version ORDER BY version");
    assert.ok(rows.length >= 2, `migrations applied: ${JSON.stringify(rows)}`);
    for (const row of rows) assert.equal(row.n, 1, `migration ${row.version} recorded ${row.n} times`);
    const migrated = twins.map((r) => /"migrationsApplied":\[([\d,]*)\]/.exec(r.bot.output())![1]).sort();
    assert.deepEqual(migrated, ["", rows.map((row) => row.version).join(",")], "one replica migrated, the other found it done");
    const { rows: locks } = await db.query<{ n: number }>(
      "SELECT count(*)::float8 AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND a.application_name IN ('parley twin1', 'parley twin2')",
    );
    assert.equal(locks[0].n, 1, "one digest leader lock among the two");
  });

  test("with long polling one replica polls; when it is killed the standby polls and answers", async () => {
    const { t } = await schemaWithRecord("rep_poll");
    const emu = await emulator();
    const first = await pollingReplica(emu, t.schema, "p1", "polling");
    const second = await pollingReplica(emu, t.schema, "p2", "standby");
    const user = { id: 901, first_name: "Pat", language_code: "en" };
    emu.addPrivateChat(user);
    assert.match((await conversation.say(emu, user, "/latest")).plainText, /^Latest developments[\s\S]*Round 1/);
    assert.match(first.output(), /polling: this replica fetches the updates/);
    assert.doesNotMatch(second.output(), /polling: this replica fetches the updates/);

    const sinceCall = emu.calls.length;
    first.kill();
    await first.exited;
    await emu.waitForPolling({ sinceCall, timeoutMs: 10_000 });
    await second.waitForOutput("polling: this replica fetches the updates");
    assert.match((await conversation.say(emu, user, "/latest")).plainText, /^Latest developments[\s\S]*Round 1/);
    // Never two pollers at once: Telegram would have answered one of them 409.
    assert.deepEqual(Object.keys(emu.stats.errors).filter((d) => /Conflict/.test(d)), []);
  });

  test("two replicas and a news feed: only the leader polls, each editor gets ONE draft, Publish through the other replica publishes once", async () => {
    const { t, db } = await schemaWithRecord("rep_news");
    const emu = await emulator();
    const feeds = await startFeedServer();
    cleanups.push(() => feeds.close());
    const erin = { id: 8201, first_name: "Erin", username: "erin_ed", language_code: "en" };
    const boris = { id: 8202, first_name: "Boris", language_code: "en" };
    const reader = { id: 8203, first_name: "Ann", language_code: "en" };
    for (const u of [erin, boris, reader]) emu.addPrivateChat(u);
    // One outlet's report of the second round (an article of the test corpus), dated the bots' today.
    const [title, ...rest] = loadCorpus().find((c) => c.name.startsWith("en-01"))!.text.trim().split("\n");
    const link = feeds.url("/agency/round-2");
    const description = rest.join("\n").split(/\n\s*\n/).map((p) => `<p>${p.trim()}</p>`).join("");
    feeds.feeds.set("/agency/rss.xml", { items: [{ guid: "round-2", title, description, link, pubDate: "Tue, 08 Apr 2025 07:30:00 GMT" }] });
    const sources = { feeds: [{ id: "agency", url: feeds.url("/agency/rss.xml"), outlet: "Agency World", language: "en", timezone: "Europe/London", pollMinutes: 5 }] };
    const env = { FAKE_NOW: "2025-04-08T09:00:00Z", ADMIN_IDS: `${erin.id},${boris.id}`, FEED_HOST_INTERVAL_MS: "0", DIGEST_CRON: "0 0 1 1 *" };
    const withSources = (dir: string) => writeFile(join(dir, "sources.json"), JSON.stringify(sources));
    const replicas = await Promise.all(["n1", "n2"].map((id) => replica(emu, t.schema, id, env, withSources)));
    emu.webhookProxy = replicas.map((r) => r.base);
    const leader = await leaderOf(replicas);
    const other = replicas.find((r) => r !== leader)!;
    assert.match((await conversation.say(emu, reader, "/subscribe")).plainText, /^🔔 You are subscribed\./);

    // The draft is made once, and each editor's copy of it recorded (by whichever replica sent it).
    const draft = async () => (await db.query<{ id: string; status: string; copies: { chatId: number; messageId: number }[] }>("SELECT id, status, draft->'copies' AS copies FROM drafts")).rows;
    await until("one draft with both editors' copies", async () => (await draft()).some((d) => d.copies.length === 2));
    const [only, ...more] = await draft();
    assert.deepEqual(more, [], "one draft");
    for (const editor of [erin, boris]) {
      const got = emu.sent.filter((m) => m.chat_id === editor.id);
      assert.equal(got.length, 1, `editor ${editor.id} got ${got.length} messages`);
      assert.match(got[0].plainText, new RegExp(`^📰 Draft ${only.id} · new entry`));
    }
    const fetched = feeds.requests.filter((r) => r.path === "/agency/rss.xml").length;
    assert.equal(fetched, 1, "the feed was fetched once, by the leader");
    assert.match(leader.bot.output(), /report taken/);
    assert.doesNotMatch(other.bot.output(), /report taken/, "the other replica does not poll");

    // Erin's Publish goes to the replica that neither polled nor sent the copies; Boris presses
    // Publish on his copy a moment later, and his press reaches the leader once Erin's holds the draft.
    const erinsCopy = only.copies.find((c) => c.chatId === erin.id)!;
    const borisCopy = only.copies.find((c) => c.chatId === boris.id)!;
    const mark = emu.sent.length;
    const posted = emu.webhookTargets.length;
    emu.webhookProxy = other.base;
    const erinsPress = emu.press(erin, { chat_id: erin.id, message_id: erinsCopy.messageId }, `dr:p:${only.id}`);
    await until("Erin's press posted", () => emu.webhookTargets.length > posted);
    emu.webhookProxy = undefined;
    const borisPress = emu.press(boris, { chat_id: boris.id, message_id: borisCopy.messageId }, `dr:p:${only.id}`);
    await until("Erin's Publish holding the draft", async () => (await db.query("SELECT 1 FROM drafts WHERE claimed_by IS NOT NULL OR status <> 'pending'")).rows.length > 0);
    emu.webhookProxy = leader.base;
    const answerTo = async (q: { id: string }) => {
      await until("the press answered", () => emu.answers.some((a) => a.callback_query_id === q.id), 20_000);
      return emu.answers.find((a) => a.callback_query_id === q.id)!.text ?? "";
    };
    const published = await answerTo(erinsPress);
    assert.match(published, /^Published as (\S+)\. Subscribers get the digest now\.$/);
    assert.match(await answerTo(borisPress), /^(Another editor is publishing this draft right now\.|Already published by Erin \(@erin_ed\)\.)$/);
    const entryId = /^Published as (\S+)\./.exec(published)![1];
    await until("the reader's digest", () => emu.sent.slice(mark).some((m) => m.chat_id === reader.id), 20_000);
    // The copy the leader sent Boris is closed by the replica that published.
    await until("Boris's copy closed", () => /✅ Published by Erin/.test(conversation.current(emu, boris.id, borisCopy.messageId).text), 20_000);
    assert.deepEqual(conversation.current(emu, boris.id, borisCopy.messageId).buttons, []);
    assert.deepEqual(conversation.current(emu, erin.id, erinsCopy.messageId).buttons, []);
    const { rows: written } = await db.query<{ n: number }>("SELECT count(*)::float8 AS n FROM record_entries WHERE id = $1", [entryId]);
    assert.equal(written[0].n, 1);
    const { rows: audit } = await db.query<{ n: number }>("SELECT count(*)::float8 AS n FROM record_audit WHERE item_id = $1", [entryId]);
    assert.equal(audit[0].n, 1, "one write in the audit log");
    assert.deepEqual((await draft()).map((d) => d.status), ["published"]);
    await until("the outbox drained", async () => (await pendingInOutbox(db)) === 0);
    assert.equal(emu.sent.slice(mark).filter((m) => m.chat_id === reader.id).length, 1, "the reader got the digest once");
  });
});
