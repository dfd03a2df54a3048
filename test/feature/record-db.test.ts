// The record in PostgreSQL against a real server (test/support/pg.ts): `npm run events --
// import` then `export` gives back the file byte for byte; writes change the rows exactly as
// the file writer changes the file; a write on one replica reaches another's served record by
// NOTIFY; a refused write changes nothing, audit included; writers on several connections at
// once lose nothing and add nothing twice.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { generateLog } from "../../bench/generate.ts";
import { main as events } from "../../src/cli/events.ts";
import { migrate } from "../../src/db/migrate.ts";
import type { Db } from "../../src/db/pool.ts";
import { applyEdit } from "../../src/editorial/entry.ts";
import { latest } from "../../src/record/record.ts";
import { exportRecord, importRecord, recordVersion } from "../../src/record-db/rows.ts";
import { PgRecordSource } from "../../src/record-db/source.ts";
import { PgRecordWriter } from "../../src/record-db/writer.ts";
import { RecordSource } from "../../src/record-file/source.ts";
import { RecordWriter } from "../../src/record-file/writer.ts";
import { entry, log } from "../support/fixtures.ts";
import { pgSkip, TEST_DATABASE_URL, testDatabase, type TestDatabase } from "../support/pg.ts";

const skip = await pgSkip();
const SHIPPED = join(import.meta.dirname, "../../data/events.json");
const editor = { kind: "telegram" as const, id: 7, name: "Ann" };

function run(argv: string[], schema: string) {
  let out = "";
  let err = "";
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t), stdin: process.stdin };
  return events(argv, io, { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema }).then((code) => ({ code, out, err }));
}

/**
 * A 3,000-entry record laid out as people leave files they edit by hand: most entries with a
 * 2-space indent, every seventh on one line, a blank line now and then, a tab here and there.
 */
function handLaidRecord(): string {
  const generated = generateLog(3000) as { tracks: object[]; entries: object[] };
  const items = generated.entries.map((e, i) => (i % 7 === 3 ? JSON.stringify(e) : JSON.stringify(e, null, 2).replaceAll("\n", i % 13 === 5 ? "\n\t\t" : "\n    ")));
  const entries = items.map((t, i) => (i === 0 ? "" : i % 11 === 0 ? ",\n\n    " : ",\n    ") + t).join("");
  return `{\n  "tracks": ${JSON.stringify(generated.tracks, null, 2).replaceAll("\n", "\n  ")},\n  "entries": [\n    ${entries}\n  ]\n}\n`;
}

/** Resolves when `source` serves an entry with this id (or rejects after a generous while). */
function served(source: PgRecordSource, id: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (source.record.byId.has(id)) return resolve();
    const timer = setTimeout(() => reject(new Error(`entry "${id}" not served after 20 s`)), 20_000);
    const stop = source.onChange(() => {
      if (!source.record.byId.has(id)) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

async function auditRows(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: string }>("SELECT count(*) AS n FROM record_audit");
  return Number(rows[0].n);
}

describe("npm run events -- import / export", { skip }, () => {
  let t: TestDatabase;
  before(async () => {
    t = await testDatabase("rec_io");
  });
  after(() => t?.drop());

  test("import data/events.json, then export prints the very same bytes", async () => {
    const imported = await run(["import", SHIPPED], t.schema);
    assert.equal(imported.code, 0, imported.err);
    const shipped = readFileSync(SHIPPED, "utf8");
    const count = (JSON.parse(shipped) as { entries: unknown[]; tracks: unknown[] }).entries.length;
    assert.match(imported.out, new RegExp(`^imported .*events\\.json: ${count} entries in 6 tracks \\(record version \\d+\\)\\n$`));
    const exported = await run(["export"], t.schema);
    assert.equal(exported.code, 0, exported.err);
    assert.equal(exported.out, shipped);
  });

  test("a hand-laid 3,000-entry record round-trips byte for byte, and the bot serves the same entries as from the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-pg-"));
    const file = join(dir, "events.json");
    const text = handLaidRecord();
    writeFileSync(file, text);
    const imported = await run(["import", file], t.schema);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /: 3000 entries in \d+ tracks/);
    const exported = await run(["export"], t.schema);
    assert.equal(exported.out, text);

    const db = await t.open();
    const fromDb = await PgRecordSource.load(db, { copyDir: dir });
    const fromFile = RecordSource.load(file);
    try {
      assert.deepEqual(
        fromDb.refs.map((r) => [r.id, r.hash, r.date, r.status]),
        fromFile.refs.map((r) => [r.id, r.hash, r.date, r.status]),
      );
      const today = "2000-01-01";
      assert.deepEqual(latest(fromDb.record, today, 0, 5).items.map((r) => fromDb.record.entry(r)), latest(fromFile.record, today, 0, 5).items.map((r) => fromFile.record.entry(r)));
      assert.deepEqual(fromDb.record.find("gen-2999"), fromFile.record.find("gen-2999"));
    } finally {
      await fromDb.close();
      fromFile.close();
    }
  });

  test("an invalid file is refused, naming what is wrong, and the record stays as it was", async () => {
    await run(["import", SHIPPED], t.schema);
    const db = await t.open();
    const versionBefore = await recordVersion(db);
    const auditBefore = await auditRows(db);
    const dir = mkdtempSync(join(tmpdir(), "parley-pg-"));
    const bad = join(dir, "bad.json");
    const shipped = JSON.parse(readFileSync(SHIPPED, "utf8"));
    shipped.entries[2].date = "2025-02-30";
    writeFileSync(bad, JSON.stringify(shipped, null, 2));
    const r = await run(["import", bad], t.schema);
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`entry "${shipped.entries[2].id}", field "date": 2025-02-30 is not a real calendar date`));
    assert.match(r.err, /nothing was imported; the record in PostgreSQL is as it was\n$/);
    assert.equal((await run(["export"], t.schema)).out, readFileSync(SHIPPED, "utf8"));
    assert.equal(await recordVersion(db), versionBefore);
    assert.equal(await auditRows(db), auditBefore);
  });

  test("list, add and history work on the database when DATABASE_URL is set", async () => {
    await run(["import", SHIPPED], t.schema);
    const dir = mkdtempSync(join(tmpdir(), "parley-pg-"));
    const newEntry = join(dir, "new.json");
    const shipped = JSON.parse(readFileSync(SHIPPED, "utf8"));
    writeFileSync(newEntry, JSON.stringify({ ...shipped.entries[0], id: "cli-added", date: "2031-05-05", status: "scheduled" }));
    const added = await run(["add", newEntry], t.schema);
    assert.equal(added.code, 0, added.err);
    assert.equal(added.out, `added "cli-added" (${shipped.entries[0].track}, 2031-05-05)\n`);
    const listed = await run(["list", "--status", "scheduled"], t.schema);
    assert.match(listed.out, /^2031-05-05 {2}cli-added /m);
    const history = await run(["history", "cli-added"], t.schema);
    assert.match(history.out, /^\d{4}-\d\d-\d\dT[\d:.]+Z {2}add {5}cli:\S+\n {2}\(added: /);
  });
});

describe("writes to the record in PostgreSQL", { skip }, () => {
  let t: TestDatabase;
  let db: Db;
  before(async () => {
    t = await testDatabase("rec_w");
    db = await t.open();
    await migrate(db);
  });
  after(() => t?.drop());

  test("add, update, revert and a new track change the exported file exactly as the file writer changes the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-pg-"));
    const file = join(dir, "events.json");
    const text = readFileSync(SHIPPED, "utf8");
    writeFileSync(file, text);
    assert.equal((await importRecord(db, text, { file, actor: editor })).ok, true);
    const clock = () => new Date("2026-03-01T12:00:00.000Z");
    const onFile = new RecordWriter({ file, auditFile: join(dir, "audit.jsonl"), clock });
    const inDb = new PgRecordWriter(db, { clock });
    const shipped = JSON.parse(text) as { entries: { id: string }[] };
    const [first, fifth] = [shipped.entries[0].id, shipped.entries[4].id];
    const steps: [string, (w: RecordWriter | PgRecordWriter) => Promise<{ ok: boolean }>][] = [
      ["update", (w) => w.update(fifth, (e) => applyEdit(e, { kind: "postponed" }), editor)],
      ["update the first", (w) => w.update(first, (e) => applyEdit(e, { kind: "place", place: { city: { en: "Paris" } } }), editor)],
      ["add", (w) => w.addAll([entry({ id: "new-a", track: "leaders" }), entry({ id: "new-b", track: "leaders", date: null, status: "announced" })], editor)],
      ["add a track", (w) => w.addTrack({ id: "new-track", title: { en: "New" } }, editor)],
      ["revert an update", (w) => w.revert(fifth, editor)],
      ["revert an add", (w) => w.revert("new-b", editor)],
    ];
    for (const [what, step] of steps) {
      assert.equal((await step(onFile)).ok, true, `${what} on the file`);
      assert.equal((await step(inDb)).ok, true, `${what} in PostgreSQL`);
      assert.equal(await exportRecord(db), readFileSync(file, "utf8"), `after "${what}" the two differ`);
    }
    const history = await inDb.history(fifth);
    assert.deepEqual(
      history.map((h) => [h.action, h.actor, h.before?.status, h.after?.status]),
      [
        ["update", editor, "held", "postponed"],
        ["revert", editor, "postponed", "held"],
      ],
    );
    assert.equal(JSON.stringify(history), JSON.stringify(await onFile.history(fifth)), "the audit records are the file's, key order included");
  });

  test("removing the only entry, then adding to the empty list, lays the list out as the file writer does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-pg-"));
    const file = join(dir, "events.json");
    const text = `${JSON.stringify(log([]), null, 2)}\n`;
    writeFileSync(file, text);
    await importRecord(db, text, { file, actor: editor });
    const onFile = new RecordWriter({ file, auditFile: join(dir, "audit.jsonl") });
    const inDb = new PgRecordWriter(db);
    for (const w of [onFile, inDb]) {
      assert.equal((await w.add(entry({ id: "only" }), editor)).ok, true);
      assert.equal((await w.revert("only", editor)).ok, true);
      assert.equal((await w.add(entry({ id: "again" }), editor)).ok, true);
    }
    assert.equal(await exportRecord(db), readFileSync(file, "utf8"));
  });

  test("an invalid write is refused with the file writer's problems; the record, its version and the audit are untouched", async () => {
    const text = readFileSync(SHIPPED, "utf8");
    await importRecord(db, text, { file: "events.json", actor: editor });
    const writer = new PgRecordWriter(db);
    const versionBefore = await recordVersion(db);
    const auditBefore = await auditRows(db);
    const bad = await writer.add(entry({ id: "bad-one", track: "no-such-track", date: "2025-13-01" }), editor);
    assert.equal(bad.ok, false);
    assert.deepEqual(
      !bad.ok && bad.problems.map((p) => [p.entry, p.field, p.message]),
      [['"bad-one"', "date", "must be YYYY-MM-DD or YYYY-MM"]],
    );
    const unknownTrack = await writer.add(entry({ id: "bad-two", track: "no-such-track" }), editor);
    assert.match(!unknownTrack.ok ? unknownTrack.problems[0].message : "", /^unknown track "no-such-track"; add it to "tracks" or use one of: /);
    const shipped = JSON.parse(text) as { entries: { id: string }[] };
    const taken = await writer.addAll([entry({ id: "fine-one" }), entry({ id: shipped.entries[1].id })], editor);
    assert.deepEqual(!taken.ok && taken.problems.map((p) => p.message), [`an entry with id "${shipped.entries[1].id}" already exists; choose another id`]);
    const idChange = await writer.update(shipped.entries[1].id, (e) => ({ ...e, id: "renamed" }), editor);
    assert.match(!idChange.ok ? idChange.problems[0].message : "", /an id cannot be changed \(to "renamed"\)/);
    assert.equal(await exportRecord(db), text, "nothing of the refused writes is in the record, not even fine-one");
    assert.equal(await recordVersion(db), versionBefore);
    assert.equal(await auditRows(db), auditBefore);
  });

  test("writers on five connections adding at once: every reported success is in the record once, and in the audit once", async () => {
    await importRecord(db, `${JSON.stringify(log([]), null, 2)}\n`, { file: "empty.json", actor: editor });
    const dbs = await Promise.all([1, 2, 3, 4, 5].map(() => t.open({ poolSize: 3 })));
    const results = await Promise.all(
      dbs.flatMap((d, w) => {
        const writer = new PgRecordWriter(d);
        return Array.from({ length: 12 }, (_, i) => writer.add(entry({ id: `w${w}-${i}` }), { kind: "cli" as const, name: `writer ${w}` }));
      }),
    );
    const succeeded = results.filter((r) => r.ok).map((r) => (r.ok ? r.entry.id : ""));
    assert.equal(succeeded.length, 60);
    const exported = JSON.parse(await exportRecord(db)) as { entries: { id: string }[] };
    assert.deepEqual(exported.entries.map((e) => e.id).sort(), succeeded.sort());
    const { rows } = await db.query<{ item_id: string }>("SELECT item_id FROM record_audit WHERE action = 'add' AND item_id LIKE 'w%' ORDER BY item_id");
    assert.deepEqual(rows.map((r) => r.item_id), [...succeeded].sort());
  });
});

describe("two replicas on one record", { skip }, () => {
  let t: TestDatabase;
  before(async () => {
    t = await testDatabase("rec_rep");
    const db = await t.open();
    await migrate(db);
    await importRecord(db, readFileSync(SHIPPED, "utf8"), { file: "events.json", actor: editor });
  });
  after(() => t?.drop());

  test("a write through one replica is served by the other, told by NOTIFY (no periodic check)", async () => {
    const one = await t.open();
    const other = await t.open();
    const hour = 3_600_000;
    const watching = await PgRecordSource.load(other, { checkEveryMs: hour });
    try {
      const before = watching.refs.length;
      const written = await new PgRecordWriter(one).add(entry({ id: "from-replica-one", track: "leaders", date: "2030-01-02", status: "scheduled" }), editor);
      assert.equal(written.ok, true);
      await served(watching, "from-replica-one");
      assert.equal(watching.refs.length, before + 1);
      assert.equal(watching.record.find("from-replica-one")?.title.en, "Istanbul round");
      assert.equal(watching.version, await recordVersion(one));
    } finally {
      await watching.close();
    }
  });

  test("a replica following writes one by one serves exactly what a fresh load serves, removals included", async () => {
    const one = await t.open();
    const writer = new PgRecordWriter(one);
    const following = await PgRecordSource.load(await t.open(), { checkEveryMs: 3_600_000 });
    const shipped = JSON.parse(readFileSync(SHIPPED, "utf8")) as { entries: { id: string }[] };
    const target = shipped.entries[10].id;
    const steps: [string, () => Promise<{ ok: boolean }>][] = [
      ["add", () => writer.add(entry({ id: "step-a", track: "leaders", date: null, status: "announced" }), editor)],
      ["update in place", () => writer.update(target, (e) => applyEdit(e, { kind: "cancelled" }), editor)],
      ["add another", () => writer.add(entry({ id: "step-b", track: "leaders", date: "2026-12-24" }), editor)],
      ["revert the update", () => writer.revert(target, editor)],
      ["remove by reverting an add", () => writer.revert("step-a", editor)],
      ["add once more", () => writer.add(entry({ id: "step-c", track: "leaders" }), editor)],
    ];
    try {
      for (const [what, step] of steps) {
        assert.equal((await step()).ok, true, what);
        // Its NOTIFY may have brought the change in already; either way it is served now.
        await following.reload();
        assert.equal(following.version, await recordVersion(one), what);
        const fresh = await PgRecordSource.load(one, { checkEveryMs: 3_600_000 });
        try {
          const view = (s: PgRecordSource) => s.refs.map((r) => [r.id, r.hash, r.date, r.status, JSON.stringify(s.record.entry(r))]);
          assert.deepEqual(view(following), view(fresh), `after "${what}"`);
          assert.deepEqual(following.record.chrono.map((r) => r.id), fresh.record.chrono.map((r) => r.id), `after "${what}"`);
          assert.deepEqual(following.record.undated.map((r) => r.id), fresh.record.undated.map((r) => r.id), `after "${what}"`);
        } finally {
          await fresh.close();
        }
      }
      assert.equal(following.record.find(target)?.status, JSON.parse(readFileSync(SHIPPED, "utf8")).entries[10].status);
      assert.equal(following.record.find("step-a"), undefined);
    } finally {
      await following.close();
    }
  });

  test("a replica whose listening connection was cut catches up when it reconnects", async () => {
    const one = await t.open();
    const name = `parley ${t.schema}`;
    const other = await t.open({ applicationName: name });
    const watching = await PgRecordSource.load(other, { checkEveryMs: 3_600_000 });
    try {
      // Cut the watching replica's connections, as a database restart would.
      const { rows } = await one.query<{ cut: boolean }>("SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name = $1", [name]);
      assert.ok(rows.length >= 1 && rows.every((r) => r.cut));
      const writer = new PgRecordWriter(one);
      assert.equal((await writer.add(entry({ id: "while-away", track: "leaders" }), editor)).ok, true);
      await served(watching, "while-away");
      // Listening again: the next write comes by NOTIFY as before.
      assert.equal((await writer.add(entry({ id: "after-return", track: "leaders" }), editor)).ok, true);
      await served(watching, "after-return");
    } finally {
      await watching.close();
    }
  });
});
