// The outbox on disk (journal replay, reopen, compaction), the schedule on a fake clock, the
// verdicts on Telegram's errors, and the sender over a fake Api with uneven latency.
import assert from "node:assert/strict";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, test } from "node:test";
import { type Api, GrammyError, HttpError } from "grammy";
import { JOURNAL_FILE, OUTBOX_FILE, type Outbox, type OutboxMessage, FileOutbox } from "../../src/delivery/outbox.ts";
import { loadConfig } from "../../src/config.ts";
import { DeliverySchedule, Pace, SPEED_LIMITS, isGroupChat } from "../../src/delivery/schedule.ts";
import { judgeFailure, type Refusal } from "../../src/delivery/failures.ts";
import { Sender } from "../../src/delivery/sender.ts";
import type { Logger } from "../../src/log.ts";
import { StoreCorruptError } from "../../src/store/json-store.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "parley-outbox-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function msg(chatId: number | string, part = 1, text = `digest for ${chatId}`): OutboxMessage {
  return { id: `b1|${chatId}|${part}`, chatId, text, subscriptionKey: `sub:${chatId}` };
}

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

describe("outbox", () => {
  test("pending survives a reopen; journaled messages do not come back", async () => {
    const dir = tempDir();
    const box = await FileOutbox.open(dir);
    assert.equal(await box.enqueue([msg(1), msg(2), msg(3)]), 3);
    box.markDone("b1|2|1", "sent");
    await box.close();

    const again = await FileOutbox.open(dir);
    assert.deepEqual(
      again.pending().map((m) => m.id),
      ["b1|1|1", "b1|3|1"],
    );
    assert.equal(again.pending()[0]!.text, "digest for 1");
    await again.close();
  });

  test("enqueue resolves with the messages on disk, and skips ids it already has", async () => {
    const dir = tempDir();
    const box = await FileOutbox.open(dir);
    await box.enqueue([msg(1), msg(2)]);
    const onDisk = JSON.parse(readFileSync(join(dir, OUTBOX_FILE), "utf8"));
    assert.equal(onDisk.messages.length, 2);
    box.markDone("b1|1|1", "sent");
    assert.equal(await box.enqueue([msg(1), msg(2), msg(3)]), 1);
    assert.equal(box.pendingCount, 2);
    await box.close();
  });

  test("a torn last journal line is ignored, cut off, and later lines stay readable", async () => {
    const dir = tempDir();
    const box = await FileOutbox.open(dir);
    await box.enqueue([msg(1), msg(2), msg(3), msg(4)]);
    box.markDone("b1|1|1", "sent");
    await box.close();
    // A kill in the middle of the append for message 2.
    appendFileSync(join(dir, JOURNAL_FILE), '{"id":"b1|2|1","outc');

    const again = await FileOutbox.open(dir);
    assert.equal(again.ignoredJournalLines, 1);
    assert.deepEqual(
      again.pending().map((m) => m.id),
      ["b1|2|1", "b1|3|1", "b1|4|1"],
    );
    again.markDone("b1|3|1", "refused");
    await again.close();
    assert.ok(readFileSync(join(dir, JOURNAL_FILE), "utf8").endsWith("\n"));

    const third = await FileOutbox.open(dir);
    assert.deepEqual(
      third.pending().map((m) => m.id),
      ["b1|2|1", "b1|4|1"],
    );
    await third.close();
  });

  test("once everything is done both files are compacted, also on open", async () => {
    const dir = tempDir();
    const box = await FileOutbox.open(dir);
    await box.enqueue([msg(1), msg(2)]);
    box.markDone("b1|1|1", "sent");
    box.markDone("b1|2|1", "failed");
    await box.close();
    // Killed before it compacted: the next open does it.
    assert.equal(readFileSync(join(dir, JOURNAL_FILE), "utf8").trim().split("\n").length, 2);
    const again = await FileOutbox.open(dir);
    assert.equal(again.pendingCount, 0);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, OUTBOX_FILE), "utf8")), { texts: {}, messages: [] });
    assert.equal(readFileSync(join(dir, JOURNAL_FILE), "utf8"), "");
    await again.close();
  });

  test("compaction while messages finish and arrive keeps every pending one", async () => {
    const dir = tempDir();
    const box = await FileOutbox.open(dir);
    await box.enqueue([msg(1), msg(2), msg(3)]);
    box.markDone("b1|1|1", "sent");
    const compacting = box.compact();
    box.markDone("b1|2|1", "sent"); // during the write
    const enqueued = box.enqueue([msg(4)]);
    await Promise.all([compacting, enqueued]);
    assert.deepEqual(
      box.pending().map((m) => m.id),
      ["b1|3|1", "b1|4|1"],
    );
    await box.close();
    const again = await FileOutbox.open(dir);
    assert.deepEqual(
      again.pending().map((m) => m.id),
      ["b1|3|1", "b1|4|1"],
    );
    await again.close();
  });

  test("journal lines left by a kill between the two compaction steps do not mark reused ids", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, OUTBOX_FILE), JSON.stringify({ texts: {}, messages: [] }));
    writeFileSync(join(dir, JOURNAL_FILE), '{"id":"b1|1|1","outcome":"sent"}\n');
    const box = await FileOutbox.open(dir);
    assert.equal(readFileSync(join(dir, JOURNAL_FILE), "utf8"), "");
    await box.enqueue([msg(1)]);
    await box.close();
    const again = await FileOutbox.open(dir);
    assert.equal(again.pendingCount, 1);
    await again.close();
  });

  test("a digest's text is stored once, however many chats it goes to", async () => {
    const dir = tempDir();
    const box = await FileOutbox.open(dir);
    const text = "<b>Talks resumed</b> ".repeat(100);
    await box.enqueue(Array.from({ length: 50 }, (_, i) => msg(i + 1, 1, text)));
    const onDisk = readFileSync(join(dir, OUTBOX_FILE), "utf8");
    assert.equal(onDisk.split("Talks resumed").length - 1, 100);
    assert.ok(box.pending().every((m) => m.text === text));
    await box.close();
  });

  test("a corrupt outbox.json is moved aside, never overwritten", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, OUTBOX_FILE), '{"messages": [');
    await assert.rejects(FileOutbox.open(dir), StoreCorruptError);
    const aside = readdirSync(dir).find((f) => f.startsWith(`${OUTBOX_FILE}.corrupt-`));
    assert.ok(aside);
    assert.equal(readFileSync(join(dir, aside), "utf8"), '{"messages": [');
    assert.equal(existsSync(join(dir, OUTBOX_FILE)), false);
  });
});

describe("schedule", () => {
  test("without BROADCAST_RATE the bot sends at Telegram's limit: the free one, or the paid one with PAID_BROADCAST", () => {
    const env = { BOT_TOKEN: "123456789:AAHabcdefghijklmnopqrstuvwxyz012345" };
    const config = (more: object) => loadConfig({ ...env, ...more }, { dotenv: false });
    assert.equal(config({}).broadcastRate, SPEED_LIMITS.broadcastPerSecond);
    assert.equal(config({ PAID_BROADCAST: "true" }).broadcastRate, SPEED_LIMITS.paidBroadcastPerSecond);
    assert.equal(config({ PAID_BROADCAST: "true", BROADCAST_RATE: "200" }).broadcastRate, 200);
    assert.equal(new Sender({ api: {} as Api, outbox: {} as Outbox, log: quiet, onRefusal: () => {} }).ratePerSecond, SPEED_LIMITS.broadcastPerSecond);
  });

  test("a chat's messages go one at a time, in order, a second apart", () => {
    const s = new DeliverySchedule(1000);
    for (const part of [1, 2, 3]) s.add(msg(7, part), 0);
    s.add(msg(8), 0);
    const a = s.take(0)!;
    assert.equal(a.message.id, "b1|7|1");
    const b = s.take(5)!;
    assert.equal(b.message.id, "b1|8|1");
    assert.equal(s.take(10), undefined, "chat 7 is busy");
    s.finish(a, 50);
    assert.equal(s.take(60), undefined, "chat 7 waits its second");
    assert.equal(s.nextAt(60), 50 + SPEED_LIMITS.chatIntervalMs);
    assert.equal(s.take(1050)!.message.id, "b1|7|2");
  });

  test("the overall pace holds, with only a small burst", () => {
    const s = new DeliverySchedule(10);
    for (let i = 1; i <= 100; i++) s.add(msg(i), 0);
    let sent = 0;
    for (let t = 0; t <= 2000; t += 5) {
      for (let d = s.take(t); d; d = s.take(t)) {
        sent++;
        s.finish(d, t);
      }
    }
    // 2 s at 10/s (less the headroom), plus the burst allowance.
    assert.ok(sent >= 19 && sent <= 22, `sent ${sent}`);
  });

  test("the pace counts a second from when requests reached Telegram, not when they left", () => {
    const pace = new Pace(10);
    const tickets: [ticket: number, at: number][] = [];
    let t = 0;
    for (; tickets.length < 10; t++) if (pace.allows(t)) tickets.push([pace.take(t), t]);
    // The first waited for a new connection: answered after 300 ms; the others after 50.
    pace.answered(tickets[0]![0], 300);
    for (const [ticket, at] of tickets.slice(1)) pace.answered(ticket, at + 50);
    // The fastest round trip was 50 ms, so the first reached Telegram at about 250: the 11th
    // may go a second later, plus the margin for jitter.
    assert.equal(pace.nextAt(t), 250 + 1000 + 20);
    assert.equal(pace.allows(1269), false);
    assert.equal(pace.allows(1270), true);
  });

  test("a group gets at most 20 messages a minute", () => {
    const s = new DeliverySchedule(1000);
    for (let part = 1; part <= 25; part++) s.add(msg(-100, part), 0);
    const times: number[] = [];
    for (let t = 0; t <= 70_000; t += 100) {
      const d = s.take(t);
      if (!d) continue;
      times.push(t);
      s.finish(d, t);
    }
    assert.equal(times.length, 25);
    assert.equal(times.filter((t) => t < 60_000).length, 20);
    assert.ok(isGroupChat(-100) && isGroupChat("@channel") && !isGroupChat(42));
  });

  test("retry keeps the message at the head; a refusal drops the chat; a migration follows it", () => {
    const s = new DeliverySchedule(1000);
    s.add(msg(5, 1), 0);
    s.add(msg(5, 2), 0);
    s.add(msg(-6, 1), 0);
    s.add(msg(-6, 2), 0);
    const d = s.take(0)!;
    s.rateLimited(d, 10, 3000);
    assert.ok(s.pace.rate < 1000);
    const g = s.take(10)!;
    assert.equal(g.chatId, -6);
    s.moveChat(g, -1006, 20);
    s.add({ ...msg(-6, 3) }, 20);
    const moved: string[] = [];
    for (let t = 20; t < 10_000; t += 10) {
      const x = s.take(t);
      if (!x) continue;
      if (x.chatId === 5) {
        assert.ok(t >= 3010, "waited retry_after");
        assert.equal(x.message.id, "b1|5|1");
        assert.deepEqual(
          s.dropChat(x, t).map((y) => y.message.id),
          ["b1|5|1", "b1|5|2"],
        );
        continue;
      }
      assert.equal(x.chatId, -1006);
      moved.push(x.message.id);
      s.finish(x, t);
    }
    assert.deepEqual(moved, ["b1|-6|1", "b1|-6|2", "b1|-6|3"]);
    assert.equal(s.queued, 0);
  });
});

function tgError(code: number, description: string, parameters = {}): GrammyError {
  return new GrammyError(`Call to 'sendMessage' failed! (${code}: ${description})`, { ok: false, error_code: code, description, parameters }, "sendMessage", {});
}

describe("verdicts on Telegram's answers", () => {
  test("each kind of failure is told apart", () => {
    assert.deepEqual(judgeFailure(tgError(429, "Too Many Requests: retry after 3", { retry_after: 3 })), { kind: "rate-limited", retryAfterMs: 3000 });
    assert.deepEqual(judgeFailure(tgError(403, "Forbidden: bot was blocked by the user")), { kind: "blocked" });
    assert.deepEqual(judgeFailure(tgError(403, "Forbidden: user is deactivated")), { kind: "blocked" });
    assert.deepEqual(judgeFailure(tgError(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: -1001 })), {
      kind: "migrated",
      newChatId: -1001,
    });
    assert.deepEqual(judgeFailure(tgError(400, "Bad Request: chat not found")), { kind: "not-found" });
    assert.deepEqual(judgeFailure(tgError(400, "Bad Request: can't parse entities")), { kind: "failed" });
    assert.deepEqual(judgeFailure(tgError(502, "Bad Gateway")), { kind: "transient" });
    assert.deepEqual(judgeFailure(new HttpError("Network request for 'sendMessage' failed!", new Error("ECONNRESET"))), { kind: "transient" });
    assert.deepEqual(judgeFailure(tgError(401, "Unauthorized")), { kind: "fatal" });
  });
});

describe("sender over a fake Api", () => {
  test("keeps each chat's order with many requests in flight, and handles refusals and 429s", async () => {
    const dir = tempDir();
    const box = await FileOutbox.open(dir);
    const messages: OutboxMessage[] = [];
    for (let chat = 1; chat <= 20; chat++) for (let part = 1; part <= 3; part++) messages.push(msg(chat, part, `part ${part} for ${chat}`));
    await box.enqueue(messages);
    const got = new Map<number, string[]>();
    let throttled = false;
    const token = "123456:secret-token-that-must-not-leak-anywhere";
    const api = {
      token,
      async sendMessage(chatId: number, text: string) {
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 30));
        if (chatId === 13) throw tgError(403, "Forbidden: bot was blocked by the user");
        if (chatId === 9 && !throttled) {
          throttled = true;
          throw tgError(429, "Too Many Requests: retry after 1", { retry_after: 1 });
        }
        if (chatId === 4 && text.includes("never")) throw tgError(400, "Bad Request: can't parse entities");
        got.set(chatId, [...(got.get(chatId) ?? []), text]);
        return { message_id: 1 };
      },
    } as unknown as Api;
    await box.enqueue([{ ...msg(4, 9), text: "never" }]);
    const refusals: Refusal[] = [];
    const lines: string[] = [];
    const log: Logger = { ...quiet, warn: (m, e) => lines.push(m + JSON.stringify(e)), error: (m, e) => lines.push(m + JSON.stringify(e)) };
    const sender = new Sender({ api, outbox: box, ratePerSecond: 200, log, onRefusal: (r) => void refusals.push(r), concurrency: 16 });
    const stats = await sender.run();

    assert.deepEqual(stats, { sent: 57, retried429: 1, retriedOther: 0, refused: 3, failed: 1, migrated: 0, deferred: 0 });
    for (const [chat, texts] of got) assert.deepEqual(texts, [1, 2, 3].map((part) => `part ${part} for ${chat}`), `chat ${chat}`);
    assert.equal(got.size, 19);
    assert.equal(got.has(13), false);
    assert.deepEqual(
      refusals.map((r) => [r.kind, r.message.subscriptionKey]),
      [["blocked", "sub:13"]],
    );
    assert.equal(box.pendingCount, 0);
    assert.ok(lines.every((l) => !l.includes(token)));
    await box.close();
  });
});

describe("sender and the outbox", () => {
  test("takes in newly enqueued messages only when woken (jobs record their progress in between)", async () => {
    const box = await FileOutbox.open(tempDir());
    const got: number[] = [];
    const api = {
      token: "1:x",
      async sendMessage(chatId: number) {
        await new Promise((r) => setTimeout(r, 20));
        got.push(chatId);
        return { message_id: 1 };
      },
    } as unknown as Api;
    const sender = new Sender({ api, outbox: box, ratePerSecond: 100, log: quiet, onRefusal: () => {} });
    await box.enqueue([msg(1), msg(2)]);
    const run = sender.run();
    await box.enqueue([msg(3)]);
    assert.deepEqual(await run, { sent: 2, retried429: 0, retriedOther: 0, refused: 0, failed: 0, migrated: 0, deferred: 0 });
    assert.deepEqual(got.sort(), [1, 2]);
    assert.deepEqual(
      box.pending().map((m) => m.id),
      ["b1|3|1"],
    );
    assert.equal((await sender.run()).sent, 1);
    assert.deepEqual(got.sort(), [1, 2, 3]);
    assert.equal(box.pendingCount, 0);
    await box.close();
  });
});
