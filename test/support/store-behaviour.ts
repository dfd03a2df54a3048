// The state stores' shared behaviour: the same tests run against the file back end
// (test/unit/stores-file.test.ts) and the PostgreSQL one (test/unit/stores-db.test.ts). What a
// test asserts is what the bot, the digest job and the sender would find: the stored
// subscription, the chat's choices, the history the feeds show, the messages left to send,
// the dialogue a restart continues; and that reopening (a restart, or a kill) finds it all.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ConversationData, VersionedState } from "@grammyjs/conversations";
import type { Outbox, OutboxMessage } from "../../src/delivery/outbox.ts";
import type { AnnouncedEntry, RecordChange } from "../../src/digest/changes.ts";
import type { AnnouncedStore } from "../../src/store/announced.ts";
import type { ChatPrefsStore } from "../../src/store/chats.ts";
import type { ConversationStore } from "../../src/store/conversations.ts";
import type { SubscriptionStore } from "../../src/store/subscriptions.ts";
import type { DraftStore, StoredDraft } from "../../src/store/drafts.ts";
import type { PollState, ProcessedItem } from "../../src/feeds/poll-state.ts";

export interface Stores {
  prefs: ChatPrefsStore;
  subscriptions: SubscriptionStore;
  conversations: ConversationStore;
  announced: AnnouncedStore;
  outbox: Outbox;
  drafts: DraftStore;
  /** The feed poller's memory, as the leader opens it when elected (the caller closes it). */
  openPollState(): Promise<PollState>;
  /** A clean stop: every write finished, the outbox's claims let go. */
  close(): Promise<void>;
}

/** One installation's state (a directory; a schema): open it as many times as a test needs. */
export interface Place {
  open(): Promise<Stores>;
  /** Opened again after a kill: nothing was closed, claims were left behind. */
  openAfterKill(killed: Stores): Promise<Stores>;
}

export interface Backend {
  /** A place with no state in it. */
  fresh(): Promise<Place>;
}

const NOW = new Date("2026-03-01T10:00:00.000Z");

function msg(n: number, text = `digest for ${n}`): OutboxMessage {
  return { id: `b1|${n}|1`, chatId: n, text, subscriptionKey: String(n) };
}

function change(entryId: string, type: "new" | "status", n: number): RecordChange {
  return type === "new"
    ? { entryId, track: "t1", kind: "meeting", key: `${entryId}-new-${n}`, type: "new", after: "scheduled" }
    : { entryId, track: "t1", kind: "meeting", key: `${entryId}-status-${n}`, type: "status", before: "scheduled", after: "held" };
}

const announcedEntry = (fp: string): AnnouncedEntry => ({ fp, status: "scheduled", when: { date: "2026-03-10" } });

function conversationState(step: number): VersionedState<ConversationData> {
  return { version: [0, "c1"], state: { add: [{ args: [], interrupts: [], replay: { send: [], receive: [{ update_id: step }] } }] } } as unknown as VersionedState<ConversationData>;
}

/** Claims until the outbox offers something (a claim lapsing takes its lease), or fails after a while. */
async function claimSome(outbox: Outbox): Promise<OutboxMessage[]> {
  const until = Date.now() + 10_000;
  for (;;) {
    const got = await outbox.claim();
    if (got.length || Date.now() > until) return got;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ERIN = { kind: "telegram", id: 7, name: "Erin" } as const;
const BORIS = { kind: "telegram", id: 8, name: "Boris" } as const;

function draftOf(id: string, title: string, at = NOW.toISOString()): StoredDraft {
  return {
    id,
    status: "pending",
    proposal: { kind: "new", reading: { title } } as never,
    sources: [{ outlet: "TASS", url: `https://tass.ru/${title}`, published: "2026-03-01", language: "ru", articleId: `tass:${title}` }],
    copies: [],
    created: at,
    updated: at,
  };
}

function itemOf(id: string, at: string, extra: Partial<ProcessedItem> = {}): ProcessedItem {
  return { id, feedId: "tass", outlet: "TASS", text: { from: "feed", chars: 800 }, outcome: { relevant: false, reason: "unrelated", draftIds: [] }, at, ...extra };
}

export function storeBehaviour(backend: Backend): void {
  test("subscribe, the defaults, again, unsubscribe, and back with the settings kept", async () => {
    const place = await backend.fresh();
    const s = await place.open();
    const first = await s.subscriptions.subscribe({ chatId: 42, chatType: "private", createdBy: 42 }, NOW);
    assert.equal(first.outcome, "created");
    assert.deepEqual(first.subscription, {
      key: "42",
      chatId: 42,
      chatType: "private",
      active: true,
      createdBy: 42,
      createdAt: NOW.toISOString(),
      tracks: "all",
      kinds: "all",
      delivery: { mode: "instant" },
      reminders: { enabled: true, hoursBefore: [24, 1], dayBeforeHour: 9 },
    });
    assert.equal((await s.subscriptions.subscribe({ chatId: 42, chatType: "private", createdBy: 42 }, NOW)).outcome, "already");
    await s.subscriptions.setFilters("42", { tracks: ["t1"], kinds: ["meeting"] });
    await s.subscriptions.setDelivery("42", { mode: "daily", hour: 8 });
    assert.equal(await s.subscriptions.unsubscribe(42), true);
    assert.equal(await s.subscriptions.unsubscribe(42), false, "not subscribed any more");
    assert.deepEqual({ active: s.subscriptions.get("42")?.active, reason: s.subscriptions.get("42")?.inactiveReason }, { active: false, reason: "unsubscribed" });
    assert.equal(s.subscriptions.activeCount, 0);
    const back = await s.subscriptions.subscribe({ chatId: 42, chatType: "private", createdBy: 42 }, new Date("2026-04-01T00:00:00Z"));
    assert.equal(back.outcome, "reactivated");
    assert.deepEqual(back.subscription.tracks, ["t1"]);
    assert.deepEqual(back.subscription.delivery, { mode: "daily", hour: 8 });
    assert.equal(back.subscription.createdAt, NOW.toISOString(), "still the first subscription");
    assert.equal(back.subscription.inactiveReason, undefined);
    await s.close();

    const again = await place.open();
    assert.deepEqual(again.subscriptions.get("42"), back.subscription);
    assert.deepEqual([...again.subscriptions.active()].map((x) => x.key), ["42"]);
    await again.close();
  });

  test("settings: filters, daily hour, quiet hours, reminders; a wrong hour is refused and nothing changes", async () => {
    const place = await backend.fresh();
    const s = await place.open();
    await s.subscriptions.subscribe({ chatId: 7, chatType: "private", createdBy: 7 }, NOW);
    await s.subscriptions.setFilters("7", { tracks: ["t1", "t2"] });
    await s.subscriptions.setQuietHours("7", { from: 22, to: 7 });
    await s.subscriptions.setReminders("7", { hoursBefore: [1, 24, 1, 3], dayBeforeHour: 18 });
    await assert.rejects(async () => s.subscriptions.setDelivery("7", { mode: "daily", hour: 24 }), RangeError);
    await assert.rejects(async () => s.subscriptions.setQuietHours("7", { from: 5, to: 5 }), RangeError);
    assert.equal(await s.subscriptions.setFilters("unknown", { kinds: ["meeting"] }), undefined);
    const expected = {
      tracks: ["t1", "t2"],
      kinds: "all",
      delivery: { mode: "instant" },
      quietHours: { from: 22, to: 7 },
      reminders: { enabled: true, hoursBefore: [24, 3, 1], dayBeforeHour: 18 },
    };
    const pick = (sub: unknown) => {
      const { tracks, kinds, delivery, quietHours, reminders } = sub as typeof expected;
      return { tracks, kinds, delivery, quietHours, reminders };
    };
    assert.deepEqual(pick(s.subscriptions.get("7")), expected);
    await s.subscriptions.setQuietHours("7", undefined);
    assert.equal(s.subscriptions.get("7")?.quietHours, undefined);
    await s.close();
    const again = await place.open();
    assert.deepEqual(pick(again.subscriptions.get("7")), { ...expected, quietHours: undefined });
    assert.equal(again.subscriptions.size, 1);
    await again.close();
  });

  test("forum topics; a chat that blocks the bot stops all of them; a group that becomes a supergroup moves, the supergroup's own subscription winning", async () => {
    const place = await backend.fresh();
    const s = await place.open();
    await s.subscriptions.subscribe({ chatId: -100, chatType: "group", createdBy: 1 }, NOW);
    await s.subscriptions.subscribe({ chatId: -100, threadId: 5, chatType: "group", createdBy: 1 }, NOW);
    await s.subscriptions.subscribe({ chatId: -100, threadId: 6, chatType: "group", createdBy: 1 }, NOW);
    await s.subscriptions.subscribe({ chatId: -200, chatType: "supergroup", createdBy: 2 }, NOW);
    await s.subscriptions.subscribe({ chatId: -200, threadId: 6, chatType: "supergroup", createdBy: 2 }, NOW);
    await s.subscriptions.setFilters("-100:5", { kinds: ["meeting"] });
    assert.deepEqual(s.subscriptions.forChat(-100).map((x) => x.key).sort(), ["-100", "-100:5", "-100:6"]);
    await s.prefs.set(-100, { lang: "uk", tz: "Europe/Kyiv" });
    await s.prefs.set(-200, { tz: "Europe/Berlin" });

    assert.equal(await s.subscriptions.migrate(-100, -200), 1, "only topic 5 moves: -200 and -200:6 were there");
    await s.prefs.migrate(-100, -200);
    assert.deepEqual(s.subscriptions.forChat(-100), []);
    assert.deepEqual(s.subscriptions.forChat(-200).map((x) => x.key).sort(), ["-200", "-200:5", "-200:6"]);
    assert.deepEqual(s.subscriptions.get("-200:5")?.kinds, ["meeting"]);
    assert.equal(s.subscriptions.get("-200:5")?.chatType, "supergroup");
    assert.deepEqual(s.prefs.get(-200), { lang: "uk", tz: "Europe/Berlin" }, "the supergroup's own zone wins; the language follows");
    assert.deepEqual(s.prefs.get(-100), {});
    assert.equal(await s.subscriptions.migrate(-100, -200), 0, "moving twice is a no-op");

    const stopped = await s.subscriptions.deactivateChat(-200, "blocked");
    assert.deepEqual(stopped.map((x) => x.key).sort(), ["-200", "-200:5", "-200:6"]);
    assert.equal(s.subscriptions.activeCount, 0);
    await s.close();

    const again = await place.open();
    assert.equal(again.subscriptions.size, 3);
    assert.deepEqual(again.subscriptions.forChat(-200).map((x) => [x.key, x.active, x.inactiveReason]).sort(), [
      ["-200", false, "blocked"],
      ["-200:5", false, "blocked"],
      ["-200:6", false, "blocked"],
    ]);
    assert.deepEqual(again.prefs.get(-200), { lang: "uk", tz: "Europe/Berlin" });
    await again.close();
  });

  test("chat choices: set merges, reopening finds them", async () => {
    const place = await backend.fresh();
    const s = await place.open();
    assert.deepEqual(s.prefs.get(9), {});
    await s.prefs.set(9, { lang: "ru" });
    await s.prefs.set("9", { tz: "Asia/Tbilisi" });
    await s.prefs.set(10, { tz: "UTC" });
    assert.deepEqual(s.prefs.get(9), { lang: "ru", tz: "Asia/Tbilisi" });
    await s.close();
    const again = await place.open();
    assert.deepEqual([again.prefs.get(9), again.prefs.get(10)], [{ lang: "ru", tz: "Asia/Tbilisi" }, { tz: "UTC" }]);
    await again.close();
  });

  test("announced: a fresh install, commits, the history and revisions, the daily log and its pruning, reminders", async () => {
    const place = await backend.fresh();
    const s = await place.open();
    const a = s.announced;
    assert.equal(a.initialized, false);
    await a.initialize({ e1: announcedEntry("f1") }, NOW);
    assert.equal(a.initialized, true);
    await a.commit({ e2: announcedEntry("f2") }, [change("e2", "new", 1)], NOW);
    await a.commit({ e2: { ...announcedEntry("f3"), status: "held" } }, [change("e2", "status", 2), change("e1", "status", 3)], new Date("2026-03-02T00:00:00Z"));
    await a.commit({ e1: announcedEntry("f4") }, [], NOW);
    assert.deepEqual([a.generation, a.lastSeq], [2, 3], "a commit without changes is no new batch");
    assert.deepEqual(Object.keys(a.entries).sort(), ["e1", "e2"]);
    assert.equal(a.entries.e1.fp, "f4");
    assert.deepEqual(a.history().map((l) => [l.seq, l.change.key]), [
      [3, "e1-status-3"],
      [2, "e2-status-2"],
      [1, "e2-new-1"],
    ]);
    assert.deepEqual([a.revision("e1"), a.revision("e2"), a.revision("e9")], [1, 1, 0]);
    assert.deepEqual(a.changesBetween(1, 3).map((l) => l.seq), [2, 3]);

    // Daily digests: one subscription has had up to 2, another up to 1; then the second stops being daily.
    a.setDaily("d1", { cursor: 2, lastDay: "2026-03-02" });
    a.setDaily("d2", { cursor: 1, lastDay: "2026-03-01" });
    assert.equal(a.pruneDaily(new Set(["d1", "d2"])), true, "change 1 was had by both");
    await a.save();
    assert.deepEqual(a.changesBetween(0, 3).map((l) => l.seq), [2, 3]);
    assert.equal(a.pruneDaily(new Set(["d1"])), true);
    await a.save();
    assert.equal(a.daily("d2"), undefined);
    assert.deepEqual(a.changesBetween(0, 3).map((l) => l.seq), [3]);
    assert.equal(a.history().length, 3, "the feeds keep what the daily digests no longer need");

    await a.markReminders([
      { key: "r|e1|24|7", forgetAfter: NOW.getTime() + 1000 },
      { key: "r|e1|1|7", forgetAfter: NOW.getTime() - 1000 },
    ]);
    assert.equal(a.reminderSent("r|e1|24|7"), true);
    await a.pruneReminders(NOW);
    assert.deepEqual([a.reminderSent("r|e1|24|7"), a.reminderSent("r|e1|1|7")], [true, false]);
    await s.close();

    const reopened = await place.open();
    const again = reopened.announced;
    assert.deepEqual(
      { initialized: again.initialized, generation: again.generation, lastSeq: again.lastSeq, e2: again.entries.e2.status },
      { initialized: true, generation: 2, lastSeq: 3, e2: "held" },
    );
    assert.deepEqual(again.history().map((l) => [l.seq, l.at, l.change.key]), [
      [3, "2026-03-02T00:00:00.000Z", "e1-status-3"],
      [2, "2026-03-02T00:00:00.000Z", "e2-status-2"],
      [1, NOW.toISOString(), "e2-new-1"],
    ]);
    assert.deepEqual(again.changesBetween(0, 3).map((l) => l.seq), [3]);
    assert.deepEqual([again.daily("d1"), again.daily("d2")], [{ cursor: 2, lastDay: "2026-03-02" }, undefined]);
    assert.deepEqual([again.revision("e1"), again.reminderSent("r|e1|24|7"), again.reminderSent("r|e1|1|7")], [1, true, false]);
    await reopened.close();
  });

  test("outbox: enqueue (known ids skipped), claim in order, done ones never again, the rest after a kill", async () => {
    const place = await backend.fresh();
    const s = await place.open();
    assert.equal(await s.outbox.enqueue([msg(1), msg(2), msg(3, "<b>shared</b>"), msg(4, "<b>shared</b>")]), 4);
    assert.equal(await s.outbox.enqueue([msg(2), msg(5)]), 1, "b1|2|1 is there already");
    assert.equal(s.outbox.pendingCount, 5);
    const claimed = await s.outbox.claim();
    assert.deepEqual(
      claimed.map((m) => [m.id, m.chatId, m.text]),
      [
        ["b1|1|1", 1, "digest for 1"],
        ["b1|2|1", 2, "digest for 2"],
        ["b1|3|1", 3, "<b>shared</b>"],
        ["b1|4|1", 4, "<b>shared</b>"],
        ["b1|5|1", 5, "digest for 5"],
      ],
    );
    await s.outbox.markDone("b1|1|1", "sent");
    await s.outbox.markDone("b1|2|1", "refused");
    assert.equal(s.outbox.pendingCount, 3);
    assert.equal(await s.outbox.enqueue([msg(1)]), 0, "a finished message is known until compaction");

    // Killed: nothing closed, the claim left behind. The next process gets the rest, and only the rest.
    const after = await place.openAfterKill(s);
    assert.deepEqual(
      (await claimSome(after.outbox)).map((m) => m.id),
      ["b1|3|1", "b1|4|1", "b1|5|1"],
    );
    await Promise.all([after.outbox.markDone("b1|3|1", "sent"), after.outbox.markDone("b1|4|1", "failed", 44)]);
    await after.outbox.compact();
    assert.equal(after.outbox.pendingCount, 1);
    await after.close();

    const third = await place.open();
    assert.deepEqual(
      (await third.outbox.claim()).map((m) => m.id),
      ["b1|5|1"],
    );
    await third.outbox.markDone("b1|5|1", "sent");
    await third.outbox.compact();
    assert.equal(third.outbox.pendingCount, 0);
    assert.deepEqual(await third.outbox.claim(), []);
    assert.equal(await third.outbox.enqueue([msg(1)]), 1, "after compaction the id is new again");
    await third.close();
  });

  test("outbox: a message's thread, buttons and silence come back as enqueued", async () => {
    const place = await backend.fresh();
    const s = await place.open();
    const m: OutboxMessage = {
      id: "r|k|1",
      chatId: -1001234567890,
      threadId: 77,
      text: "⏰ soon",
      replyMarkup: { inline_keyboard: [[{ text: "📅", callback_data: "cal:e1" }]] },
      disableNotification: true,
      subscriptionKey: "-1001234567890:77",
    };
    await s.outbox.enqueue([m]);
    assert.deepEqual(await s.outbox.claim(), [m]);
    await s.close();
  });

  test("conversations: the state as written, a copy on each read, deleted when done; reopening continues", async () => {
    const place = await backend.fresh();
    const s = await place.open();
    const c = s.conversations;
    assert.equal(c.read("1"), undefined);
    await c.write("1", conversationState(1));
    await c.write("2", conversationState(1));
    await c.write("1", conversationState(2));
    const read = c.read("1")!;
    assert.deepEqual(read, conversationState(2));
    (read.state as unknown as { add: unknown[] }).add.length = 0;
    assert.deepEqual(c.read("1"), conversationState(2), "changing what was read changes nothing stored");
    await c.delete("2");
    await c.delete("nothing there");
    assert.equal(c.size, 1);
    await c.during(() => c.write("3", conversationState(9)));
    await s.close();
    const again = await place.open();
    assert.deepEqual([again.conversations.read("1"), again.conversations.read("2"), again.conversations.read("3")], [conversationState(2), undefined, conversationState(9)]);
    assert.equal(again.conversations.size, 2);
    await again.close();
  });

  test("drafts: a report taken once (by id, by link), new drafts numbered, a pending one changed by the next report; reopening finds them", async () => {
    const place = await backend.fresh();
    const s = await place.open();
    const first = await s.drafts.take("tass:1", "tass.ru/1", (w) => {
      assert.deepEqual(w.pending, []);
      w.add(draftOf(w.newId(), "round"));
      w.add(draftOf(w.newId(), "call"));
      return { at: NOW.toISOString(), relevant: true, reason: "two contacts", draftIds: ["d1", "d2"] };
    });
    assert.equal(first.kind, "taken");
    assert.deepEqual(first.kind === "taken" && first.drafts.map((d) => d.id), ["d1", "d2"]);
    let called = false;
    const again = await s.drafts.take("ria:9", "tass.ru/1", () => {
      called = true;
      return { at: NOW.toISOString(), relevant: false, reason: "x", draftIds: [] };
    });
    assert.deepEqual([again.kind, again.article.reason, called], ["seen", "two contacts", false], "the same link under another id is the same report");
    assert.equal((await s.drafts.taken("tass:1"))?.reason, "two contacts");
    assert.equal(await s.drafts.taken("tass:2", "tass.ru/2"), undefined);

    const second = await s.drafts.take("ria:2", "ria.ru/2", (w) => {
      assert.deepEqual(w.pending.map((d) => d.id), ["d1", "d2"], "made first, first");
      const round = w.pending.find((d) => d.id === "d1")!;
      round.sources.push({ outlet: "RIA", url: "https://ria.ru/2", published: "2026-03-01", language: "ru", articleId: "ria:2" });
      w.add(draftOf(w.newId(), "summit", "2026-03-01T11:00:00.000Z"));
      return { at: NOW.toISOString(), relevant: true, reason: "merged", draftIds: ["d1", "d3"] };
    });
    assert.deepEqual(second.kind === "taken" && second.drafts.map((d) => d.id), ["d1", "d3"], "d2, untouched, is not saved again");
    assert.deepEqual(s.drafts.get("d1")!.sources.map((x) => x.outlet), ["TASS", "RIA"]);
    assert.deepEqual(s.drafts.pending().map((d) => d.id), ["d3", "d2", "d1"], "newest first");
    await s.drafts.rememberLanguage(7, "uk");
    await s.drafts.rememberLanguage(8, undefined);
    assert.deepEqual([s.drafts.languageOf(7), s.drafts.languageOf(8)], ["uk", undefined]);
    await s.close();

    const reopened = await place.open();
    assert.deepEqual(reopened.drafts.pending().map((d) => [d.id, d.sources.length]), [["d3", 1], ["d2", 1], ["d1", 2]]);
    assert.equal(reopened.drafts.languageOf(7), "uk");
    assert.equal((await reopened.drafts.taken("x", "ria.ru/2"))?.reason, "merged");
    const third = await reopened.drafts.take("tass:4", undefined, (w) => {
      w.add(draftOf(w.newId(), "fourth"));
      return { at: NOW.toISOString(), relevant: true, reason: "r", draftIds: ["d4"] };
    });
    assert.deepEqual(third.kind === "taken" && third.drafts.map((d) => d.id), ["d4"], "the numbering goes on after a restart");
    await reopened.close();
  });

  test("drafts: the editors' copies kept and dropped; the first decision wins, the next is told who; a Publish in progress makes others wait", async () => {
    const place = await backend.fresh();
    const s = await place.open();
    await s.drafts.take("tass:1", undefined, (w) => {
      w.add(draftOf(w.newId(), "round"));
      w.add(draftOf(w.newId(), "call"));
      return { at: NOW.toISOString(), relevant: true, reason: "r", draftIds: ["d1", "d2"] };
    });
    await s.drafts.addCopy("d1", { chatId: 7, messageId: 70 });
    const withTwo = await s.drafts.addCopy("d1", { chatId: 8, messageId: 80 });
    assert.deepEqual(withTwo?.copies, [{ chatId: 7, messageId: 70 }, { chatId: 8, messageId: 80 }]);
    await s.drafts.dropCopies("d1", [{ chatId: 7, messageId: 70 }]);
    assert.deepEqual(s.drafts.get("d1")!.copies, [{ chatId: 8, messageId: 80 }]);
    assert.equal(await s.drafts.addCopy("d9", { chatId: 7, messageId: 1 }), undefined);

    const rejected = await s.drafts.decide("d2", { status: "rejected", decidedBy: ERIN, decidedAt: "2026-03-01T10:05:00.000Z" });
    assert.equal(rejected.kind, "closed");
    const late = await s.drafts.decide("d2", { status: "irrelevant", decidedBy: BORIS, decidedAt: "2026-03-01T10:06:00.000Z" });
    assert.equal(late.kind, "decided");
    assert.deepEqual(late.kind === "decided" && [late.draft.status, late.draft.decidedBy?.name, late.draft.updated], ["rejected", "Erin", "2026-03-01T10:05:00.000Z"]);
    assert.equal((await s.drafts.claim("d2", "h0")).kind, "decided");
    assert.equal((await s.drafts.decide("d9", { status: "rejected", decidedBy: ERIN, decidedAt: NOW.toISOString() })).kind, "missing");

    const claim = await s.drafts.claim("d1", "h1");
    assert.deepEqual(claim.kind === "claimed" && claim.draft.copies, [{ chatId: 8, messageId: 80 }]);
    assert.equal((await s.drafts.claim("d1", "h2")).kind, "busy", "a second Publish meanwhile");
    assert.equal((await s.drafts.decide("d1", { status: "rejected", decidedBy: BORIS, decidedAt: NOW.toISOString() })).kind, "busy", "a Reject meanwhile");
    await s.drafts.release("d1", "h1");
    assert.equal((await s.drafts.claim("d1", "h3")).kind, "claimed", "released: free again");
    const published = await s.drafts.decide("d1", { status: "published", decidedBy: ERIN, decidedAt: "2026-03-01T10:07:00.000Z", entryId: "e9" }, "h3");
    assert.deepEqual(published.kind === "closed" && [published.draft.status, published.draft.entryId, published.draft.copies.length], ["published", "e9", 1]);
    assert.deepEqual(s.drafts.pending(), []);
    await s.close();
    const reopened = await place.open();
    assert.deepEqual([reopened.drafts.get("d1")?.status, reopened.drafts.get("d1")?.decidedBy?.name, reopened.drafts.get("d2")?.status], ["published", "Erin", "rejected"]);
    assert.deepEqual(await reopened.drafts.fresh("d1"), reopened.drafts.get("d1"));
    await reopened.close();
  });

  test("poll state: a feed's validators and failures, items by id, link and fingerprint, old ones pruned; the next opener finds it all", async () => {
    const place = await backend.fresh();
    const s = await place.open();
    const p = await s.openPollState();
    assert.deepEqual(p.feed("tass"), { failures: 0, toldDown: false });
    await p.setFeed("tass", { etag: '"v1"', lastModified: "Sun, 01 Mar 2026 09:00:00 GMT", lastSuccess: NOW.toISOString(), failures: 0, toldDown: false });
    await p.setFeed("ria", { failures: 3, failingSince: "2026-02-28T10:00:00.000Z", lastError: "HTTP 500", nextTry: "2026-03-01T12:00:00.000Z", toldDown: true });
    await p.markProcessed(itemOf("tass:old", "2026-01-01T00:00:00.000Z", { normalisedLink: "tass.ru/old" }));
    await p.markProcessed(itemOf("tass:1", NOW.toISOString(), { link: "https://tass.ru/1", normalisedLink: "tass.ru/1", fingerprint: "fp1" }));
    await p.markProcessed(itemOf("tass:2", NOW.toISOString(), { outcome: { duplicateOf: "tass:1", by: "fingerprint" } }));
    assert.equal(p.withLink("tass.ru/1")?.id, "tass:1");
    assert.equal(p.withFingerprint("TASS", "fp1")?.id, "tass:1");
    assert.equal(p.withFingerprint("RIA", "fp1"), undefined, "a fingerprint is the outlet's own");
    assert.equal(await p.prune(new Date("2026-02-01T00:00:00Z")), 1);
    assert.equal(p.item("tass:old"), undefined);
    await p.close();
    await s.close();

    const again = await place.open();
    const q = await again.openPollState();
    assert.deepEqual(q.allFeeds(), {
      tass: { etag: '"v1"', lastModified: "Sun, 01 Mar 2026 09:00:00 GMT", lastSuccess: NOW.toISOString(), failures: 0, toldDown: false },
      ria: { failures: 3, failingSince: "2026-02-28T10:00:00.000Z", lastError: "HTTP 500", nextTry: "2026-03-01T12:00:00.000Z", toldDown: true },
    });
    assert.deepEqual(q.itemsOf("tass").map((i) => i.id).sort(), ["tass:1", "tass:2"]);
    assert.deepEqual(q.item("tass:2")?.outcome, { duplicateOf: "tass:1", by: "fingerprint" });
    assert.equal(q.withLink("tass.ru/old"), undefined, "pruned for good");
    await q.close();
    await again.close();
  });
}
