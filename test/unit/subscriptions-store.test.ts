// The subscription store against a real file: what is saved is what a restart reads back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { FileSubscriptionStore } from "../../src/store/subscriptions.ts";
import { readSubscriptionsFile } from "../../src/store/subscriptions-file.ts";
import { StoreCorruptError } from "../../src/store/json-store.ts";
import type { Subscription } from "../../src/store/subscription-types.ts";

const NOW = new Date("2025-04-01T09:00:00Z");

function tempFile() {
  return join(mkdtempSync(join(tmpdir(), "parley-subs-")), "state", "subscriptions.json");
}

/** The file on disk, read as it is (compact: defaults left out) and made whole. */
function onDisk(file: string): Record<string, Subscription> {
  return readSubscriptionsFile(file);
}

test("a new subscription gets the defaults, is on disk when subscribe resolves, and survives a reopen", async () => {
  const file = tempFile();
  const store = FileSubscriptionStore.open(file);
  const { subscription, outcome } = await store.subscribe({ chatId: 42, chatType: "private", createdBy: 42 }, NOW);
  assert.equal(outcome, "created");
  assert.deepEqual(subscription, {
    key: "42",
    chatId: 42,
    chatType: "private",
    active: true,
    createdBy: 42,
    createdAt: "2025-04-01T09:00:00.000Z",
    tracks: "all",
    kinds: "all",
    delivery: { mode: "instant" },
    reminders: { enabled: true, hoursBefore: [24, 1], dayBeforeHour: 9 },
  });
  assert.deepEqual(onDisk(file)["42"], subscription);

  assert.equal((await store.subscribe({ chatId: 42, chatType: "private", createdBy: 42 }, NOW)).outcome, "already");
  await store.setFilters("42", { tracks: ["leaders"], kinds: ["call", "summit"] });
  await store.setDelivery("42", { mode: "daily", hour: 8 });
  await store.setQuietHours("42", { from: 22, to: 8 });
  await store.setReminders("42", { hoursBefore: [1, 24, 1], dayBeforeHour: 18 });

  const reopened = FileSubscriptionStore.open(file);
  const sub = reopened.get("42");
  assert.deepEqual(sub?.tracks, ["leaders"]);
  assert.deepEqual(sub?.kinds, ["call", "summit"]);
  assert.deepEqual(sub?.delivery, { mode: "daily", hour: 8 });
  assert.deepEqual(sub?.quietHours, { from: 22, to: 8 });
  assert.deepEqual(sub?.reminders, { enabled: true, hoursBefore: [24, 1], dayBeforeHour: 18 });
  assert.equal(reopened.activeCount, 1);

  await reopened.setQuietHours("42", undefined);
  assert.equal("quietHours" in onDisk(file)["42"], false);
});

test("settings reject hours outside 0–23 and quiet hours that start and end together", async () => {
  const store = FileSubscriptionStore.open(tempFile());
  await store.subscribe({ chatId: 1, chatType: "private", createdBy: 1 }, NOW);
  assert.throws(() => store.setDelivery("1", { mode: "daily", hour: 24 }), RangeError);
  assert.throws(() => store.setQuietHours("1", { from: 7, to: 7 }), RangeError);
  assert.equal(await store.setDelivery("nobody", { mode: "instant" }), undefined);
});

test("a forum topic is its own subscription; unsubscribe stops one, deactivate stops a whole chat", async () => {
  const file = tempFile();
  const store = FileSubscriptionStore.open(file);
  await store.subscribe({ chatId: -100500, chatType: "supergroup", createdBy: 7 }, NOW);
  const topic = await store.subscribe({ chatId: -100500, threadId: 12, chatType: "supergroup", createdBy: 7 }, NOW);
  assert.equal(topic.subscription.key, "-100500:12");
  assert.equal(topic.subscription.threadId, 12);
  assert.equal(store.forChat(-100500).length, 2);

  assert.equal(await store.unsubscribe(-100500, 12), true);
  assert.equal(await store.unsubscribe(-100500, 12), false);
  assert.equal(onDisk(file)["-100500:12"].active, false);
  assert.equal(onDisk(file)["-100500:12"].inactiveReason, "unsubscribed");
  assert.equal(onDisk(file)["-100500"].active, true);

  // Subscribing again resumes with the settings it had.
  await store.setDelivery("-100500:12", { mode: "daily", hour: 6 });
  const again = await store.subscribe({ chatId: -100500, threadId: 12, chatType: "supergroup", createdBy: 8 }, NOW);
  assert.equal(again.outcome, "reactivated");
  assert.deepEqual(again.subscription.delivery, { mode: "daily", hour: 6 });
  assert.equal(again.subscription.createdBy, 7);
  assert.equal("inactiveReason" in again.subscription, false);

  const stopped = await store.deactivateChat(-100500, "kicked");
  assert.deepEqual(stopped.map((s) => s.key).sort(), ["-100500", "-100500:12"]);
  assert.equal(store.activeCount, 0);
  assert.deepEqual([...store.active()], []);
  const reopened = FileSubscriptionStore.open(file);
  assert.deepEqual(reopened.forChat(-100500).map((s) => [s.key, s.active, s.inactiveReason]).sort(), [
    ["-100500", false, "kicked"],
    ["-100500:12", false, "kicked"],
  ]);
  assert.equal(await reopened.deactivate("-100500", "kicked"), false);
});

test("migrate moves a group's subscription to the supergroup's id, on disk too", async () => {
  const file = tempFile();
  const store = FileSubscriptionStore.open(file);
  await store.subscribe({ chatId: -500, chatType: "group", createdBy: 7 }, NOW);
  await store.setDelivery("-500", { mode: "daily", hour: 20 });
  assert.equal(await store.migrate(-500, -1001234567890), 1);
  assert.equal(store.get("-500"), undefined);
  const moved = store.get("-1001234567890");
  assert.equal(moved?.chatId, -1001234567890);
  assert.equal(moved?.chatType, "supergroup");
  assert.deepEqual(moved?.delivery, { mode: "daily", hour: 20 });
  assert.deepEqual(Object.keys(onDisk(file)), ["-1001234567890"]);
  // The second service message (migrate_from_chat_id) finds nothing left to move.
  assert.equal(await store.migrate(-500, -1001234567890), 0);
  assert.equal(store.forChat(-500).length, 0);
  assert.equal(store.forChat(-1001234567890).length, 1);
});

test("a subscription already made in the supergroup wins over the migrated group's", async () => {
  const store = FileSubscriptionStore.open(tempFile());
  await store.subscribe({ chatId: -600, chatType: "group", createdBy: 1 }, NOW);
  await store.subscribe({ chatId: -1009999999999, chatType: "supergroup", createdBy: 2 }, NOW);
  assert.equal(await store.migrate(-600, -1009999999999), 0);
  assert.equal(store.get("-1009999999999")?.createdBy, 2);
  assert.equal(store.size, 1);
});

test("100,000 subscriptions: concurrent upserts coalesce into a few writes, and the file holds them all", async () => {
  const file = tempFile();
  const store = FileSubscriptionStore.open(file);
  const N = 100_000;
  const base = (await store.subscribe({ chatId: 1, chatType: "private", createdBy: 1 }, NOW)).subscription;
  const writes: Promise<unknown>[] = [];
  for (let i = 2; i <= N; i++) writes.push(store.upsert({ ...base, key: String(i), chatId: i, createdBy: i }));
  await Promise.all(writes);
  assert.equal(store.activeCount, N);
  assert.equal(store.size, N);
  let counted = 0;
  for (const sub of store.active()) if (sub.chatId > 0) counted++;
  assert.equal(counted, N);

  const saved = onDisk(file);
  assert.equal(Object.keys(saved).length, N);
  assert.equal(saved[String(N)].createdBy, N);

  // A single change on top of the 100,000 is one lookup and one write.
  await store.setDelivery("77777", { mode: "daily", hour: 8 });
  assert.deepEqual(FileSubscriptionStore.open(file).get("77777")?.delivery, { mode: "daily", hour: 8 });
});

test("a file that is not valid JSON is moved aside, not overwritten", () => {
  const file = tempFile();
  FileSubscriptionStore.open(file);
  writeFileSync(file, "{ not json");
  assert.throws(() => FileSubscriptionStore.open(file), StoreCorruptError);
});

test("changes go to a journal before the call resolves; a reopen replays it, a torn last line is ignored, a stop compacts", async () => {
  const file = tempFile();
  const journal = file.replace(/\.json$/, ".journal");
  const store = FileSubscriptionStore.open(file);
  await store.subscribe({ chatId: 1, chatType: "private", createdBy: 1 }, NOW);
  await store.subscribe({ chatId: 2, chatType: "private", createdBy: 2 }, NOW);
  await store.unsubscribe(2);
  // Nothing rewrote the whole file; the journal holds the three changes, one line each.
  assert.equal(readFileSync(journal, "utf8").trim().split("\n").length, 3);
  // A kill in the middle of a fourth append leaves a torn line: it was never acknowledged.
  appendFileSync(journal, '["3",{"chatId":3,"chatT');
  const reopened = FileSubscriptionStore.open(file);
  assert.equal(reopened.get("1")?.active, true);
  assert.equal(reopened.get("2")?.active, false);
  assert.equal(reopened.get("3"), undefined);
  assert.equal(reopened.activeCount, 1);
  await reopened.flush();
  assert.equal(existsSync(journal), false, "a clean stop leaves no journal");
  assert.deepEqual(Object.keys(onDisk(file)).sort(), ["1", "2"]);
  assert.equal(onDisk(file)["2"].active, false);
  assert.equal(existsSync(`${journal}.old`), false);
});

test("the file keeps columns and only what differs from the defaults; the earlier map form still opens", async () => {
  const file = tempFile();
  const store = FileSubscriptionStore.open(file);
  await store.subscribe({ chatId: 1, chatType: "private", createdBy: 1 }, NOW);
  await store.subscribe({ chatId: -1002, threadId: 7, chatType: "supergroup", createdBy: 5 }, NOW);
  await store.subscribe({ chatId: 3, chatType: "private", createdBy: 3 }, NOW);
  await store.setFilters("-1002:7", { tracks: ["leaders"] });
  await store.deactivate("3", "blocked");
  await store.flush();
  const text = readFileSync(file, "utf8");
  const raw = JSON.parse(text);
  assert.equal(raw.format, 2);
  assert.deepEqual([...raw.columns.chatId].sort(), [-1002, 1, 3].sort(), "one column entry per subscription");
  assert.ok(!text.includes('"instant"') && !text.includes("hoursBefore"), "defaults are not written");
  const reopened = FileSubscriptionStore.open(file);
  assert.deepEqual(reopened.get("-1002:7"), { ...store.get("-1002:7") });
  assert.equal(reopened.get("-1002:7")?.threadId, 7);
  assert.deepEqual(reopened.get("-1002:7")?.tracks, ["leaders"]);
  assert.equal(reopened.get("3")?.active, false);
  assert.equal(reopened.get("3")?.inactiveReason, "blocked");
  assert.equal(reopened.activeCount, 2);

  // A file written before the columns: a map of whole (or compact) subscriptions.
  const old = tempFile();
  mkdirSync(dirname(old), { recursive: true });
  writeFileSync(old, JSON.stringify({ subscriptions: { "9": { key: "9", chatId: 9, chatType: "private", active: true, createdBy: 9, createdAt: NOW.toISOString(), tracks: "all", kinds: "all", delivery: { mode: "daily", hour: 8 }, reminders: { enabled: true, hoursBefore: [24, 1], dayBeforeHour: 9 } } } }));
  const fromOld = FileSubscriptionStore.open(old);
  assert.deepEqual(fromOld.get("9")?.delivery, { mode: "daily", hour: 8 });
  await fromOld.subscribe({ chatId: 10, chatType: "private", createdBy: 10 }, NOW);
  await fromOld.flush();
  assert.equal(JSON.parse(readFileSync(old, "utf8")).format, 2, "rewritten in the new form at the first compaction");
  assert.deepEqual(Object.keys(onDisk(old)).sort(), ["10", "9"]);
  assert.deepEqual(onDisk(old)["9"].delivery, { mode: "daily", hour: 8 });
});

test("the journal is folded into the file once it grows, and nothing is lost doing so", async () => {
  const file = tempFile();
  const store = FileSubscriptionStore.open(file);
  await Promise.all(Array.from({ length: 6000 }, (_, i) => store.subscribe({ chatId: 10_000 + i, chatType: "private", createdBy: 1 }, NOW)));
  await store.subscribe({ chatId: 99, chatType: "private", createdBy: 1 }, NOW);
  const saved = onDisk(file);
  assert.equal(Object.keys(saved).length, 6001);
  const inFile = () => JSON.parse(readFileSync(file, "utf8")).columns.chatId.length;
  assert.ok(inFile() >= 5000, "compacted into the file");
  await store.flush();
  assert.equal(inFile(), 6001);
});
