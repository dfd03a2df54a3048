// The leader lock against a real PostgreSQL (test/support/pg.ts): one holder at a time among
// processes sharing a schema, none shared across schemas, and a holder whose session is
// terminated deposed at once while a standby takes over.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { holdLeadership, type Leadership } from "../../src/db/leader.ts";
import type { Db } from "../../src/db/pool.ts";
import { pgSkip, testDatabase, type TestDatabase } from "../support/pg.ts";

const skip = await pgSkip();

/** Every leadership started here, stopped at the end even when an assertion failed on the way (a standby left trying would keep the process alive). */
const started: Leadership[] = [];

/** A replica's view of its leadership: what it was told, in order. */
function candidate(db: Db, key = "digest") {
  const events: string[] = [];
  const leadership: Leadership = holdLeadership(
    db,
    key,
    { onElected: () => void events.push("elected"), onDeposed: (reason) => void events.push(`deposed: ${reason}`) },
    { retryMs: 100, heartbeatMs: 100 },
  );
  started.push(leadership);
  return { events, leadership };
}

// A bound for a slow, shared machine, not a timing check: each wait ends as soon as its condition holds.
async function until(what: string, cond: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("the leader lock", { skip }, () => {
  let t: TestDatabase;
  let other: TestDatabase;
  before(async () => {
    t = await testDatabase("lead");
    other = await testDatabase("lead_other");
  });
  after(async () => {
    await Promise.all(started.map((l) => l.stop()));
    await t?.drop();
    await other?.drop();
  });

  test("one leader; its session terminated, it is deposed and the standby elected", async () => {
    // Named with the schema, unique to this run: terminating "lead-a" must not reach a run beside it.
    const nameOfA = `parley lead-a ${t.schema}`;
    const a = candidate(await t.open({ applicationName: nameOfA }));
    await until("a elected", () => a.events.length === 1);
    const b = candidate(await t.open({ applicationName: `parley lead-b ${t.schema}` }));
    // Another installation in another schema of the same database elects its own leader.
    const elsewhere = candidate(await other.open());
    await until("the other schema's leader elected", () => elsewhere.events.length === 1);
    assert.deepEqual(b.events, []);
    assert.equal(b.leadership.leader, false);

    const db = await t.open();
    const { rows } = await db.query<{ terminated: boolean }>("SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE application_name = $1", [nameOfA]);
    assert.ok(rows.length > 0 && rows.every((r) => r.terminated), "a's connections were found and terminated");
    await until("a deposed", () => a.events.length >= 2);
    assert.equal(a.events[1]?.startsWith("deposed: the lock's connection"), true, a.events.join(" | "));
    // A new leader: the standby, or a itself if its next try comes first (it is a standby now
    // too). Never both, never none for long.
    await until("a leader elected", () => b.events.length === 1 || a.events.length === 3);
    const [leader, standby] = b.events.length === 1 ? [b, a] : [a, b];
    assert.equal(leader.leadership.leader, true);
    assert.equal(standby.leadership.leader, false);
    assert.equal(leader.events.at(-1), "elected");

    await leader.leadership.stop();
    assert.equal(leader.events.at(-1), "deposed: stopping");
    // The lock is free again: the standby takes it on its next try.
    const before = standby.events.length;
    await until("the standby elected", () => standby.events.length === before + 1);
    assert.equal(standby.events.at(-1), "elected");
    assert.equal(standby.leadership.leader, true);
    await standby.leadership.stop();
    await elsewhere.leadership.stop();
  });
});
