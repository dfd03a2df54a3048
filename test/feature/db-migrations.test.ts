// The schema migrations against a real PostgreSQL (test/support/pg.ts): applied once however
// many replicas start at the same moment, a changed applied migration refused with a message
// that says which and what to do, and `npm run db -- migrate|status` as an operator sees it.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { main } from "../../src/cli/db.ts";
import { migrate, migrationStatus, MigrationError, type Migration } from "../../src/db/migrate.ts";
import { MIGRATIONS } from "../../src/db/migrations/index.ts";
import { pgSkip, TEST_DATABASE_URL, testDatabase, type TestDatabase } from "../support/pg.ts";

const skip = await pgSkip();

/** Two migrations whose effects can be counted: a second run of either would show. */
const COUNTED: Migration[] = [
  { version: 1, name: "runs", sql: "CREATE TABLE runs (n integer); INSERT INTO runs VALUES (1);" },
  { version: 100, name: "more-runs", sql: "INSERT INTO runs VALUES (100);" },
];

function cli(argv: string[], env: NodeJS.ProcessEnv) {
  let out = "";
  let err = "";
  return main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), stdin: process.stdin }, env).then((code) => ({ code, out, err }));
}

describe("schema migrations", { skip }, () => {
  let t: TestDatabase;
  before(async () => {
    t = await testDatabase("mig");
  });
  after(() => t?.drop());

  test("five connections migrating at the same moment apply each migration once", async () => {
    const dbs = await Promise.all([1, 2, 3, 4, 5].map(() => t.open({ poolSize: 1 })));
    const results = await Promise.all(dbs.map((db) => migrate(db, COUNTED)));
    assert.deepEqual(
      results.map((r) => r.map((m) => m.version)).sort((a, b) => b.length - a.length),
      [[1, 100], [], [], [], []],
    );
    const { rows } = await dbs[0].query<{ n: number }>("SELECT n FROM runs ORDER BY n");
    assert.deepEqual(rows.map((r) => r.n), [1, 100]);
    const status = await migrationStatus(dbs[0], COUNTED);
    assert.deepEqual(status.applied.map((a) => [a.version, a.name, a.known]), [[1, "runs", true], [100, "more-runs", true]]);
    assert.deepEqual(status.pending, []);
  });

  test("an applied migration whose SQL changed is refused, naming it, and nothing is applied", async () => {
    const db = await t.open();
    const edited = [{ ...COUNTED[0], sql: `${COUNTED[0].sql} INSERT INTO runs VALUES (2);` }, COUNTED[1], { version: 101, name: "later", sql: "INSERT INTO runs VALUES (101);" }];
    await assert.rejects(migrate(db, edited), (err: Error) => {
      assert.ok(err instanceof MigrationError);
      assert.match(err.message, /the SQL of applied migrations has changed; an applied migration must never be edited/);
      assert.match(err.message, /- 001-runs was applied on \d{4}-\d\d-\d\dT.* with checksum [0-9a-f]{12}, but its SQL now has checksum [0-9a-f]{12}/);
      assert.doesNotMatch(err.message, /more-runs/);
      return true;
    });
    const { rows } = await db.query<{ n: number }>("SELECT n FROM runs ORDER BY n");
    assert.deepEqual(rows.map((r) => r.n), [1, 100], "the pending migration 101 was not applied either");
  });

  test("a list out of order is refused before anything runs", async () => {
    const db = await t.open();
    await assert.rejects(migrate(db, [COUNTED[1], COUNTED[0]]), /migrations 100-more-runs and 001-runs are out of order or share a version/);
  });
});

describe("npm run db", { skip }, () => {
  let t: TestDatabase;
  before(async () => {
    t = await testDatabase("dbcli");
  });
  after(() => t?.drop());

  test("two `npm run db -- migrate` started at the same moment: one applies, the other finds nothing to do", async () => {
    const env = { ...process.env, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: t.schema };
    const run = () =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "src/cli/db.ts", "migrate"], { env, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let err = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (err += d));
        child.on("close", (code) => resolve({ code, out, err }));
      });
    const results = await Promise.all([run(), run()]);
    for (const r of results) assert.equal(r.code, 0, r.err);
    const outs = results.map((r) => r.out).sort();
    const applied = MIGRATIONS.map((m) => `applied ${String(m.version).padStart(3, "0")}-${m.name}\n`).join("");
    assert.deepEqual(outs, ["Nothing to migrate: every migration is applied.\n", applied].sort());
  });

  test("status lists what is applied and that nothing is pending", async () => {
    const r = await cli(["status"], { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: t.schema });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Applied \(\d+\):\n {2}001-record {2}\d{4}-\d\d-\d\dT[\d:.]+Z\n/);
    assert.match(r.out, /Pending \(0\):\n {2}none\n$/);
  });

  test("status on an empty schema lists every migration as pending", async () => {
    const empty = await testDatabase("dbempty");
    try {
      const r = await cli(["status"], { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: empty.schema });
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^Applied \(0\):\nPending \(\d+\):\n {2}001-record\n/);
    } finally {
      await empty.drop();
    }
  });

  test("without DATABASE_URL it says there is nothing to migrate and why (exit 1)", async () => {
    const r = await cli(["migrate"], {});
    assert.equal(r.code, 1);
    assert.match(r.err, /DATABASE_URL is not set, so Parley keeps everything in files under DATA_DIR/);
  });

  test("a wrong command is a usage error (exit 2); a bad URL is named without its password (exit 1)", async () => {
    const usage = await cli(["migrat"], {});
    assert.equal(usage.code, 2);
    assert.match(usage.err, /error: unknown command "migrat"\nusage: npm run db -- migrate\|status/);
    const bad = await cli(["status"], { DATABASE_URL: "mysql://u:hunter2@h/db" });
    assert.equal(bad.code, 1);
    assert.match(bad.err, /DATABASE_URL must be a PostgreSQL URL/);
    assert.doesNotMatch(bad.err, /hunter2/);
    const unreachable = await cli(["status"], { DATABASE_URL: "postgres://u:hunter2@127.0.0.1:1/db" });
    assert.equal(unreachable.code, 1);
    assert.match(unreachable.err, /cannot reach the database at postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/db/);
    assert.doesNotMatch(unreachable.err, /hunter2/);
  });
});
