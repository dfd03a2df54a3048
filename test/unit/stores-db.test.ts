// The state stores' shared behaviour (test/support/store-behaviour.ts) on PostgreSQL
// (test/support/pg.ts: PARLEY_TEST_DATABASE_URL, a schema of this file's own, dropped at the
// end), and what only several processes on one database can show: replicas that follow each
// other's writes, and senders that never claim the same message.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Api, HttpError } from "grammy";
import { Sender } from "../../src/delivery/sender.ts";
import type { Logger } from "../../src/log.ts";
import type { Db } from "../../src/db/pool.ts";
import { migrate } from "../../src/db/migrate.ts";
import { openDbState, type DbState } from "../../src/store-db/open.ts";
import { DbPollState } from "../../src/store-db/poll-state.ts";
import type { StoredDraft } from "../../src/store/drafts.ts";
import { STATE_TABLES } from "../../src/store-db/import-state.ts";
import { pgSkip, testDatabase, type TestDatabase } from "../support/pg.ts";
import { storeBehaviour, type Stores } from "../support/store-behaviour.ts";

const skip = await pgSkip();

/** A short lease, so that a killed process's claims lapse within the test. */
const LEASE_MS = 300;

describe("state stores: the PostgreSQL back end", { skip }, () => {
  let t: TestDatabase;
  /** Every Db opened; a "killed" process's is left open (its claims stay until their lease ends). */
  const dbs = new Map<DbState, Db>();
  const open = async (): Promise<DbState> => {
    const db = await t.open({ poolSize: 3 });
    const state = await openDbState(db, { outbox: { leaseMs: LEASE_MS } });
    dbs.set(state, db);
    return state;
  };
  const asStores = (s: DbState): Stores => ({
    ...s,
    openPollState: () => DbPollState.open(dbs.get(s)!),
    // The connections too: the server's are shared, and many places are opened here.
    close: async () => {
      await s.close();
      await dbs.get(s)!.close();
    },
  });
  /** As a kill leaves it: the connections gone, nothing let go, the claims left to lapse. */
  const kill = async (s: Stores) => {
    const state = [...dbs.keys()].find((k) => k.outbox === s.outbox)!;
    await dbs.get(state)!.close();
  };
  const empty = async () => {
    const db = await t.open({ poolSize: 1 });
    await db.query(`TRUNCATE ${STATE_TABLES.join(", ")}`);
    await db.query("UPDATE announced_state SET initialized_at = NULL, generation = 0, last_seq = 0");
    await db.query("UPDATE draft_counter SET next = 1");
    await db.close();
  };

  before(async () => {
    t = await testDatabase("stores");
    const db = await t.open({ poolSize: 1 });
    await migrate(db);
  });
  after(() => t?.drop());

  storeBehaviour({
    async fresh() {
      await empty();
      return {
        open: async () => asStores(await open()),
        openAfterKill: async (killed) => {
          await kill(killed);
          return asStores(await open());
        },
      };
    },
  });

  test("a replica sees another's writes: subscriptions, choices, dialogues, announcements", async () => {
    await empty();
    const one = await open();
    const two = await open();
    await one.subscriptions.subscribe({ chatId: 501, chatType: "private", createdBy: 501 }, new Date("2026-03-01T00:00:00Z"));
    await one.prefs.set(501, { lang: "uk" });
    await one.conversations.write("501", { version: [0, "x"], state: { n: 1 } } as never);
    await one.announced.commit({}, [{ entryId: "e1", track: "t", kind: "meeting", key: "k1", type: "new", after: "scheduled" }], new Date("2026-03-01T00:00:00Z"));
    await until(() => two.subscriptions.get("501")?.active === true && two.prefs.get(501).lang === "uk" && two.conversations.size === 1 && two.announced.lastSeq === 1);
    assert.deepEqual(two.subscriptions.get("501"), one.subscriptions.get("501"));
    assert.deepEqual(two.announced.history().map((l) => l.change.key), ["k1"]);

    await two.subscriptions.migrate(501, 502);
    await two.conversations.delete("501");
    await until(() => one.subscriptions.get("501") === undefined && one.subscriptions.get("502") !== undefined && one.conversations.size === 0);
    assert.equal(one.subscriptions.size, 1);
    await Promise.all([one.close(), two.close()]);
  });

  test("two replicas deciding one draft at once: exactly one wins, the other is told who; the same report taken on both at once makes one draft", async () => {
    await empty();
    const one = await open();
    const two = await open();
    const draft = (id: string): StoredDraft => ({ id, status: "pending", proposal: { kind: "new", reading: { title: id } } as never, sources: [], copies: [], created: "2026-03-01T10:00:00.000Z", updated: "2026-03-01T10:00:00.000Z" });
    // The same report reaching both at once (a forwarded post on B while A's poller takes it from the feed).
    const [a, b] = await Promise.all(
      [one, two].map((r) =>
        r.drafts.take("tass:1", "tass.ru/1", (w) => {
          for (let i = 0; i < 20; i++) w.add(draft(w.newId()));
          return { at: "2026-03-01T10:00:00.000Z", relevant: true, reason: "r", draftIds: [] };
        }),
      ),
    );
    assert.deepEqual([a.kind, b.kind].sort(), ["seen", "taken"]);
    await until(() => two.drafts.pending().length === 20 && one.drafts.pending().length === 20);
    await two.drafts.addCopy("d1", { chatId: 8, messageId: 80 });
    await until(() => one.drafts.get("d1")!.copies.length === 1);

    const erin = { kind: "telegram", id: 7, name: "Erin" } as const;
    const boris = { kind: "telegram", id: 8, name: "Boris" } as const;
    const ids = one.drafts.pending().map((d) => d.id);
    const outcomes = await Promise.all(
      ids.map((id) =>
        Promise.all([
          one.drafts.decide(id, { status: "rejected", decidedBy: erin, decidedAt: "2026-03-01T10:01:00.000Z" }),
          two.drafts.decide(id, { status: "irrelevant", decidedBy: boris, decidedAt: "2026-03-01T10:01:00.000Z" }),
        ]),
      ),
    );
    for (const [i, [x, y]] of outcomes.entries()) {
      assert.deepEqual([x.kind, y.kind].sort(), ["closed", "decided"], `draft ${ids[i]}`);
      const won = x.kind === "closed" ? x.draft : y.kind === "closed" ? y.draft : undefined;
      const told = x.kind === "decided" ? x.draft : y.kind === "decided" ? y.draft : undefined;
      assert.equal(told?.decidedBy?.name, won?.decidedBy?.name, "the loser is told who decided");
      assert.equal(told?.status, won?.status);
    }
    const d1 = outcomes[ids.indexOf("d1")].find((o) => o.kind === "closed");
    assert.deepEqual(d1?.kind === "closed" && d1.draft.copies, [{ chatId: 8, messageId: 80 }], "the winner holds every copy, whichever replica sent it");
    await until(() => one.drafts.pending().length === 0 && two.drafts.pending().length === 0);

    // Publish pressed on both: one claim, the other busy; once published, the other reads who did it.
    const made = await one.drafts.take("tass:2", undefined, (w) => {
      const d = draft(w.newId());
      w.add(d);
      return { at: "2026-03-01T10:00:00.000Z", relevant: true, reason: "r", draftIds: [d.id] };
    });
    const id = made.article.draftIds[0];
    assert.equal(id, "dl", "the 21st draft, numbered on from the other replica's");
    const [c1, c2] = await Promise.all([one.drafts.claim(id, "h1"), two.drafts.claim(id, "h2")]);
    assert.deepEqual([c1.kind, c2.kind].sort(), ["busy", "claimed"]);
    const [holder, holderName] = c1.kind === "claimed" ? [one, "h1"] : [two, "h2"];
    const published = await holder.drafts.decide(id, { status: "published", decidedBy: erin, decidedAt: "2026-03-01T10:02:00.000Z", entryId: "e1" }, holderName);
    assert.equal(published.kind, "closed");
    const other = holder === one ? two : one;
    const late = await other.drafts.claim(id, "h3");
    assert.deepEqual(late.kind === "decided" && [late.draft.status, late.draft.decidedBy?.name], ["published", "Erin"]);
    await Promise.all([one.close(), two.close()]);
  });

  test("a Publish claim left by a dead replica lapses: another may publish after its lease", async () => {
    await empty();
    const db = await t.open({ poolSize: 2 });
    const state = await openDbState(db, { drafts: { claimLeaseMs: 200 } });
    await state.drafts.take("x:1", undefined, (w) => {
      w.add({ id: w.newId(), status: "pending", proposal: { kind: "new", reading: { title: "t" } } as never, sources: [], copies: [], created: "2026-03-01T10:00:00.000Z", updated: "2026-03-01T10:00:00.000Z" });
      return { at: "2026-03-01T10:00:00.000Z", relevant: true, reason: "r", draftIds: ["d1"] };
    });
    assert.equal((await state.drafts.claim("d1", "dead")).kind, "claimed");
    assert.equal((await state.drafts.claim("d1", "alive")).kind, "busy");
    const until = Date.now() + 10_000;
    let again = await state.drafts.claim("d1", "alive");
    while (again.kind === "busy" && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      again = await state.drafts.claim("d1", "alive");
    }
    assert.equal(again.kind, "claimed");
    assert.equal((await state.drafts.decide("d1", { status: "rejected", decidedBy: { kind: "telegram", id: 1, name: "A" }, decidedAt: "2026-03-01T10:00:00.000Z" }, "dead")).kind, "busy", "the dead one's claim no longer counts");
    await state.close();
    await db.close();
  });

  test("a change whose notification was lost is found by the periodic check", async () => {
    await empty();
    const one = await open();
    await one.prefs.set(501, { lang: "uk" });
    const db = dbs.get(one)!;
    // Written behind the stores' back: no NOTIFY, as when the listening connection was down.
    await db.query(
      "INSERT INTO subscriptions (key, chat_id, chat_type, active, created_by, created_at) VALUES ('601', 601, 'private', true, 601, '2026-03-01T00:00:00Z')",
    );
    await db.query("DELETE FROM chat_prefs");
    assert.equal(one.subscriptions.get("601"), undefined);
    await one.sync.checkAll();
    assert.equal(one.subscriptions.get("601")?.createdAt, "2026-03-01T00:00:00.000Z");
    assert.deepEqual(one.prefs.get(501), {}, "removed elsewhere");
    await one.close();
  });

  test("two senders claiming at once never take the same message; one enqueue statement for a thousand", async () => {
    await empty();
    const one = await open();
    const two = await open();
    const messages = Array.from({ length: 1000 }, (_, i) => ({ id: `big|${i}`, chatId: 10_000 + i, text: `digest ${i % 3}`, subscriptionKey: String(10_000 + i) }));
    assert.equal(await one.outbox.enqueue(messages), 1000);
    const [a, b] = await Promise.all([one.outbox.claim(), two.outbox.claim()]);
    assert.equal(a.length + b.length, 1000);
    const ids = new Set([...a, ...b].map((m) => m.id));
    assert.equal(ids.size, 1000, "no message claimed twice");
    // The one that got them stops cleanly: its claims are let go at once, for the other.
    const holder = a.length ? one : two;
    const other = a.length ? two : one;
    await Promise.all(a.concat(b).slice(0, 10).map((m) => holder.outbox.markDone(m.id, "sent")));
    await holder.close();
    assert.equal((await other.outbox.claim()).length, 990);
    await other.close();
  });

  test("a sender killed in the middle of a broadcast: another process finishes it from the shared outbox, nothing lost, at most the in-flight repeated", async () => {
    await empty();
    const one = await open();
    const two = await open();
    const chats = Array.from({ length: 200 }, (_, i) => 20_000 + i);
    await one.outbox.enqueue(chats.map((c) => ({ id: `d|${c}`, chatId: c, text: "digest", subscriptionKey: String(c) })));

    const first = fakeTelegram();
    const concurrency = 5;
    const senderOne = new Sender({ api: first.api, outbox: one.outbox, ratePerSecond: 400, concurrency, log: quiet, onRefusal: () => {} });
    const running = senderOne.run().catch(() => undefined);
    await until(() => first.accepted.length >= 60);
    // SIGKILL: Telegram hears nothing more from it, and its connections to the database are gone.
    first.kill();
    await dbs.get(one)!.close();

    const second = fakeTelegram();
    const senderTwo = new Sender({ api: second.api, outbox: two.outbox, ratePerSecond: 400, concurrency, log: quiet, onRefusal: () => {} });
    // Its claims lapse within the lease; until then the successor finds nothing to take.
    const deadline = Date.now() + 10_000;
    while (two.outbox.pendingCount > 0 || second.accepted.length === 0) {
      assert.ok(Date.now() < deadline, "the successor did not finish the broadcast within 10 s");
      const { sent } = await senderTwo.run();
      if (!sent) await new Promise((r) => setTimeout(r, 50));
    }
    const delivered = new Set([...first.accepted, ...second.accepted]);
    assert.deepEqual(
      chats.filter((c) => !delivered.has(c)),
      [],
      "no chat missed its digest",
    );
    const twice = second.accepted.filter((c) => first.accepted.includes(c));
    assert.ok(twice.length <= concurrency, `repeated ${twice.length}, more than the ${concurrency} that can be in flight`);
    assert.equal(second.accepted.length, new Set(second.accepted).size, "the successor sent each once");

    first.release();
    await senderOne.stop();
    await running;
    await two.close();
  });
});

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** A Bot API that accepts every message, until `kill()`: from then on its requests never come back (the process is gone). */
function fakeTelegram() {
  const accepted: number[] = [];
  const hung: ((err: unknown) => void)[] = [];
  let dead = false;
  const api = {
    token: "1:x",
    sendMessage(chatId: number) {
      if (dead) return new Promise((_, reject) => hung.push(reject));
      accepted.push(chatId);
      return Promise.resolve({ message_id: 1 });
    },
  } as unknown as Api;
  return {
    api,
    accepted,
    kill() {
      dead = true;
    },
    /** Lets the dead process's requests fail, so that its sender can finish. */
    release() {
      for (const reject of hung) reject(new HttpError("gone", new Error("process killed")));
    },
    get hung() {
      return hung.length;
    },
  };
}

/** Waits for a condition the other replica's notifications will make true (fails after 10 s). */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("the other replica's change did not arrive within 10 s");
    await new Promise((r) => setTimeout(r, 20));
  }
}
