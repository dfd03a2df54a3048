// The outbox and sender against the Bot API emulator over HTTP, with Telegram's flood limits
// on: a broadcast delivered exactly once, refusals, a migrated group, injected failures, and a
// sender process killed with SIGKILL mid-way and started again.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, test } from "node:test";
import { Api } from "grammy";
import { JOURNAL_FILE, type OutboxMessage, FileOutbox } from "../../src/delivery/outbox.ts";
import type { Refusal } from "../../src/delivery/failures.ts";
import { Sender } from "../../src/delivery/sender.ts";
import type { Logger } from "../../src/log.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CHILD = fileURLToPath(new URL("../support/delivery-child.ts", import.meta.url));

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(opts: { latencyMs?: number } = {}) {
  const emulator = await startEmulator({ limits: true, latencyMs: opts.latencyMs ?? 20 });
  const dir = mkdtempSync(join(tmpdir(), "parley-delivery-e2e-"));
  const outbox = await FileOutbox.open(dir);
  cleanups.push(
    () => emulator.close(),
    () => rmSync(dir, { recursive: true, force: true }),
    () => outbox.close(),
  );
  const refusals: Refusal[] = [];
  const lines: string[] = [];
  const record = (level: string) => (msg: string, extra?: object) => void lines.push(`${level} ${msg} ${JSON.stringify(extra ?? {})}`);
  const log: Logger = { debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") };
  const sender = new Sender({
    api: new Api(emulator.token, { apiRoot: emulator.apiRoot }),
    outbox,
    log,
    onRefusal: (r) => void refusals.push(r),
  });
  return { emulator, dir, outbox, sender, refusals, lines };
}

function message(chatId: number, part = 1, text = `<b>Digest</b> part ${part} for ${chatId}`): OutboxMessage {
  return { id: `d1|${chatId}|${part}`, chatId, text, subscriptionKey: `sub:${chatId}` };
}

function callsTo(emulator: Emulator, chatId: number) {
  return emulator.calls.filter((c) => c.method === "sendMessage" && Number(c.params.chat_id) === chatId);
}

describe("delivery against the emulator", () => {
  test("a broadcast to 200 private chats and a few groups arrives exactly once, parts in order", async () => {
    const { emulator, dir, outbox, sender, lines } = await setup();
    const messages: OutboxMessage[] = [];
    for (let i = 1; i <= 200; i++) {
      emulator.addPrivateChat({ id: 1000 + i });
      messages.push(message(1000 + i));
    }
    const groups = [-201, -202, -203];
    for (const g of groups) {
      emulator.addGroup({ id: g, title: `Group ${g}` });
      for (const part of [1, 2, 3]) messages.push(message(g, part));
    }
    await outbox.enqueue(messages);
    const stats = await sender.run();

    assert.deepEqual(stats, { sent: 209, retried429: 0, retriedOther: 0, refused: 0, failed: 0, migrated: 0, deferred: 0 });
    assert.equal(emulator.sent.length, 209);
    assert.equal(emulator.stats.tooMany, 0, "kept within the limits");
    for (let i = 1; i <= 200; i++) assert.equal(emulator.sentTo(1000 + i).length, 1);
    for (const g of groups) {
      assert.deepEqual(
        emulator.sentTo(g).map((s) => s.text),
        [1, 2, 3].map((part) => message(g, part).text),
      );
    }
    assert.equal(outbox.pendingCount, 0);
    assert.equal(readFileSync(join(dir, JOURNAL_FILE), "utf8"), "", "compacted once everything was done");
    assert.ok(!lines.some((l) => l.includes(emulator.token)));
  });

  test("a user who blocked the bot is reported once and gets nothing more", async () => {
    const { emulator, outbox, sender, refusals } = await setup();
    emulator.addPrivateChat({ id: 11 });
    emulator.addPrivateChat({ id: 12 });
    emulator.block(11);
    await outbox.enqueue([message(11, 1), message(11, 2), message(12, 1)]);
    const stats = await sender.run();

    assert.equal(stats.refused, 2);
    assert.equal(stats.sent, 1);
    assert.deepEqual(
      refusals.map((r) => [r.kind, r.message.subscriptionKey, r.kind === "blocked" ? r.description : ""]),
      [["blocked", "sub:11", "403 Forbidden: bot was blocked by the user"]],
    );
    assert.equal(callsTo(emulator, 11).length, 1, "no further sends after the refusal");
    assert.equal(emulator.sentTo(12).length, 1);
    assert.equal(outbox.pendingCount, 0, "the blocked chat's messages are finished, as refused");
  });

  test("a group that became a supergroup gets its messages at the new id", async () => {
    const { emulator, outbox, sender, refusals } = await setup();
    emulator.addGroup({ id: -42, title: "Watchers" });
    emulator.migrate(-42, -100042);
    await outbox.enqueue([message(-42, 1), message(-42, 2)]);
    const stats = await sender.run();

    assert.equal(stats.migrated, 1);
    assert.equal(stats.sent, 2);
    assert.deepEqual(
      refusals.map((r) => (r.kind === "migrated" ? [r.kind, r.newChatId, r.message.subscriptionKey] : [r.kind])),
      [["migrated", -100042, "sub:-42"]],
    );
    assert.deepEqual(
      emulator.sentTo(-100042).map((s) => s.text),
      [message(-42, 1).text, message(-42, 2).text],
    );
    assert.equal(emulator.sentTo(-42).length, 0);
  });

  test("a chat that does not exist is reported as not found", async () => {
    const { emulator, outbox, sender, refusals } = await setup();
    await outbox.enqueue([message(999)]);
    const stats = await sender.run();
    assert.equal(stats.refused, 1);
    assert.deepEqual(
      refusals.map((r) => r.kind),
      ["not-found"],
    );
    assert.equal(emulator.sent.length, 0);
  });

  test("a deleted forum topic is reported for its own subscription; the chat's other topics still get theirs", async () => {
    const { emulator, outbox, sender, refusals } = await setup();
    emulator.addGroup({ id: -1009000000001, title: "Forum", type: "supergroup", is_forum: true, bot: "administrator" });
    const kept = emulator.addTopic(-1009000000001, "Kept");
    const gone = emulator.addTopic(-1009000000001, "Gone");
    emulator.deleteTopic(-1009000000001, gone);
    const inTopic = (threadId: number): OutboxMessage => ({
      id: `d1|-1009000000001:${threadId}|1`,
      chatId: -1009000000001,
      threadId,
      text: `<b>Digest</b> for topic ${threadId}`,
      subscriptionKey: `-1009000000001:${threadId}`,
    });
    await outbox.enqueue([inTopic(gone), inTopic(kept)]);
    const stats = await sender.run();
    assert.equal(stats.sent, 1);
    assert.equal(stats.refused, 1);
    assert.deepEqual(refusals.map((r) => [r.kind, r.message.subscriptionKey]), [["topic-gone", `-1009000000001:${gone}`]]);
    const delivered = emulator.sentTo(-1009000000001);
    assert.deepEqual(delivered.map((m) => [m.message_thread_id, m.plainText]), [[kept, `Digest for topic ${kept}`]]);
  });

  test("429s, 5xx and dropped connections are retried and delivered once; bad HTML fails once", async () => {
    const { emulator, outbox, sender, lines } = await setup();
    for (const id of [21, 22, 23, 24]) emulator.addPrivateChat({ id });
    emulator.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }, { chatId: 21, times: 2 });
    emulator.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" }, { chatId: 22, rawBody: "<html>502</html>" });
    emulator.dropNext("sendMessage", { chatId: 23 });
    await outbox.enqueue([message(21), message(22), message(23), message(24, 1, "<b>unclosed"), message(24, 2)]);
    const started = Date.now();
    const stats = await sender.run();

    assert.deepEqual(stats, { sent: 4, retried429: 2, retriedOther: 2, refused: 0, failed: 1, migrated: 0, deferred: 0 });
    for (const id of [21, 22, 23]) assert.equal(emulator.sentTo(id).length, 1, `chat ${id}`);
    assert.equal(callsTo(emulator, 21).length, 3);
    assert.ok(Date.now() - started >= 2000, "waited retry_after twice");
    assert.deepEqual(
      emulator.sentTo(24).map((s) => s.text),
      [message(24, 2).text],
    );
    assert.equal(callsTo(emulator, 24).length, 2, "the rejected message was not retried");
    assert.ok(lines.some((l) => l.startsWith("error Telegram rejected a message") && l.includes("d1|24|1")));
    assert.ok(!lines.some((l) => l.includes(emulator.token)));
  });

  test("wake() feeds a running drain; never two drains at once", async () => {
    const { emulator, outbox, sender } = await setup();
    for (let i = 1; i <= 40; i++) emulator.addPrivateChat({ id: 3000 + i });
    await outbox.enqueue(Array.from({ length: 20 }, (_, i) => message(3001 + i)));
    const first = sender.run();
    await new Promise((r) => setTimeout(r, 200));
    await outbox.enqueue(Array.from({ length: 20 }, (_, i) => message(3021 + i)));
    sender.wake();
    assert.equal(sender.run(), first);
    const stats = await first;
    assert.equal(stats.sent, 40);
    assert.equal(emulator.sent.length, 40);
    assert.equal(new Set(emulator.sent.map((s) => s.chat_id)).size, 40);
  });

  test("stop() finishes what is in flight and keeps the rest pending", async () => {
    const { emulator, outbox, sender } = await setup({ latencyMs: 50 });
    for (let i = 1; i <= 60; i++) emulator.addPrivateChat({ id: 4000 + i });
    await outbox.enqueue(Array.from({ length: 60 }, (_, i) => message(4001 + i)));
    const run = sender.run();
    await new Promise((r) => setTimeout(r, 500));
    await sender.stop();
    const stats = await run;
    assert.ok(stats.sent > 0 && stats.sent < 60, `sent ${stats.sent}`);
    assert.equal(sender.inFlight, 0);
    assert.equal(emulator.sent.length, stats.sent, "every request that left was answered and journaled");
    assert.equal(outbox.pendingCount, 60 - stats.sent);
  });
});

describe("a sender killed with SIGKILL", () => {
  test("resumes on the next start: every chat gets its message, duplicates at most what was in flight", async (t) => {
    const emulator = await startEmulator({ limits: true, latencyMs: 50 });
    const dir = mkdtempSync(join(tmpdir(), "parley-delivery-crash-"));
    cleanups.push(
      () => emulator.close(),
      () => rmSync(dir, { recursive: true, force: true }),
    );
    const chats = Array.from({ length: 300 }, (_, i) => 7000 + i);
    for (const id of chats) emulator.addPrivateChat({ id });
    const outbox = await FileOutbox.open(dir);
    await outbox.enqueue(chats.map((id) => message(id)));
    await outbox.close();

    const concurrency = 8;
    const options = JSON.stringify({ stateDir: dir, apiRoot: emulator.apiRoot, token: emulator.token, concurrency });
    const first = startChild(options);
    cleanups.push(() => first.child.kill("SIGKILL"));
    await waitUntil(() => emulator.sent.length >= 120, 30_000);
    first.child.kill("SIGKILL");
    const killed = await first.exit;
    assert.equal(killed.signal, "SIGKILL");
    const beforeRestart = emulator.sent.length;
    assert.ok(beforeRestart < 300, "killed mid-way");

    const second = startChild(options);
    cleanups.push(() => second.child.kill("SIGKILL"));
    const done = await second.exit;
    assert.equal(done.code, 0, second.output());
    const pendingAtStart = Number(/ready (\d+)/.exec(second.output())?.[1]);
    assert.ok(pendingAtStart <= 300 - beforeRestart + concurrency && pendingAtStart >= 300 - beforeRestart - concurrency, second.output());

    const perChat = new Map<number, number>();
    for (const s of emulator.sent) perChat.set(s.chat_id, (perChat.get(s.chat_id) ?? 0) + 1);
    assert.deepEqual(
      chats.filter((id) => !perChat.has(id)),
      [],
      "no chat lost its message",
    );
    const duplicates = [...perChat.values()].reduce((sum, n) => sum + n - 1, 0);
    t.diagnostic(`killed after ${beforeRestart} delivered; ${pendingAtStart} pending on restart; ${duplicates} delivered twice`);
    assert.ok(duplicates <= concurrency, `duplicates ${duplicates} > ${concurrency} in flight`);
    assert.equal(readFileSync(join(dir, JOURNAL_FILE), "utf8"), "", "compacted once everything was done");
  });
});

function startChild(options: string) {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT; // set by `node --test` for its own children; this one is not a test file
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", CHILD, options], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, exit, output: () => out };
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
}
