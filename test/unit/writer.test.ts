// RecordWriter against real files: every write re-reads under the lock, refuses an invalid
// result without touching the file, keeps the text of everything it did not change, and
// leaves one audit line per change.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { unlinkSync, writeFileSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, unlink, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { test, type TestContext } from "node:test";
import type { Entry } from "../../src/record/schema.ts";
import { parseEventLog } from "../../src/record/validate.ts";
import type { Actor } from "../../src/record-file/audit-log.ts";
import { RecordLockedError } from "../../src/record-file/lock.ts";
import { RecordWriter } from "../../src/record-file/writer.ts";
import { inProcessDeskWriter } from "../../src/editorial/desk-writer.ts";
import { entry, TRACKS } from "../support/fixtures.ts";

const EDITOR: Actor = { kind: "telegram", id: 1001, name: "Anna" };
const E1 = entry({ id: "e1" });
const E2 = entry({ id: "e2", track: "leaders", kind: "call", date: "2025-03-18", title: { en: "Phone call" } });

/** A record laid out by hand: one line per track and per entry, unlike JSON.stringify. */
function handLaidOut(entries: object[] = [E1, E2]): string {
  const list = (items: object[]) => items.map((x) => `    ${JSON.stringify(x)}`).join(",\n");
  return `{\n  "tracks": [\n${list(TRACKS)}\n  ],\n  "entries": [\n${list(entries)}\n  ]\n}\n`;
}

async function setup(t: TestContext, text = handLaidOut(), lockTimeoutMs = 2_000) {
  const dir = await mkdtemp(join(tmpdir(), "parley-writer-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, "events.json");
  const auditFile = join(dir, "state", "audit.jsonl");
  await writeFile(file, text);
  let tick = Date.parse("2025-03-01T10:00:00.000Z");
  const writer = new RecordWriter({ file, auditFile, clock: () => new Date((tick += 1000)), lockTimeoutMs });
  return {
    dir,
    file,
    auditFile,
    text,
    writer,
    read: () => readFile(file, "utf8"),
    audit: async () => {
      const body = await readFile(auditFile, "utf8").catch(() => "");
      return body.split("\n").filter(Boolean).map((l) => JSON.parse(l));
    },
    exists: (path: string) => stat(path).then(() => true, () => false),
  };
}

const indented = (value: unknown, indent: string) => JSON.stringify(value, null, 2).replaceAll("\n", `\n${indent}`);

test("add appends the entry after the last and leaves the rest of the text as it was", async (t) => {
  const s = await setup(t);
  const e3 = entry({ id: "e3", date: "2025-04-10" });
  const result = await s.writer.add(e3, EDITOR);
  assert.ok(result.ok);
  assert.equal(result.entry.id, "e3");
  assert.equal(result.before, undefined);
  const expected = s.text.replace(`${JSON.stringify(E2)}\n  ]`, `${JSON.stringify(E2)},\n    ${indented(e3, "    ")}\n  ]`);
  assert.equal(await s.read(), expected);
});

test("a file written by JSON.stringify stays exactly what JSON.stringify would write", async (t) => {
  const s = await setup(t, `${JSON.stringify({ tracks: TRACKS, entries: [E1] }, null, 2)}\n`);
  const e3 = entry({ id: "e3" });
  assert.ok((await s.writer.add(e3, EDITOR)).ok);
  assert.equal(await s.read(), `${JSON.stringify({ tracks: TRACKS, entries: [E1, e3] }, null, 2)}\n`);
});

test("a record on one line is rewritten with a 2-space indent and a trailing newline", async (t) => {
  const s = await setup(t, JSON.stringify({ tracks: TRACKS, entries: [] }));
  const e3 = entry({ id: "e3" });
  assert.ok((await s.writer.add(e3, EDITOR)).ok);
  assert.equal(await s.read(), `${JSON.stringify({ tracks: TRACKS, entries: [e3] }, null, 2)}\n`);
});

test("an entry without participants is not given an empty list", async (t) => {
  const s = await setup(t);
  const bare: Record<string, unknown> = entry({ id: "e3" });
  delete bare.participants;
  assert.ok((await s.writer.add(bare, EDITOR)).ok);
  const written = JSON.parse(await s.read()).entries[2];
  assert.deepEqual(written, bare);
});

test("an invalid entry is refused with a problem per field, and the file and audit log stay untouched", async (t) => {
  const s = await setup(t);
  const result = await s.writer.add(entry({ id: "e3", date: "2025-02-30", sources: [] }), EDITOR);
  assert.equal(result.ok, false);
  assert.ok(!result.ok);
  assert.deepEqual(
    result.problems.map((p) => [p.entry, p.field]),
    [['"e3"', "sources"]],
  );
  // The structural problem is reported first; with sources fixed the date is caught too.
  const again = await s.writer.add(entry({ id: "e3", date: "2025-02-30" }), EDITOR);
  assert.ok(!again.ok);
  assert.match(again.problems[0].message, /2025-02-30 is not a real calendar date/);
  assert.equal(again.problems[0].field, "date");
  assert.equal(await s.read(), s.text);
  assert.equal(await s.exists(s.auditFile), false);
  assert.equal(await s.exists(`${s.file}.lock`), false, "the lock is released after a refusal");
});

test("a duplicate id is refused, naming the id and the field", async (t) => {
  const s = await setup(t);
  const result = await s.writer.add(entry({ id: "e1", title: { en: "Another" } }), EDITOR);
  assert.ok(!result.ok);
  assert.deepEqual(result.problems, [{ file: s.file, entry: '"e1"', field: "id", message: 'an entry with id "e1" already exists; choose another id' }]);
  assert.equal(await s.read(), s.text);
});

test("an unknown track is refused", async (t) => {
  const s = await setup(t);
  const result = await s.writer.add(entry({ id: "e3", track: "nowhere" }), EDITOR);
  assert.ok(!result.ok);
  assert.equal(result.problems[0].field, "track");
  assert.match(result.problems[0].message, /unknown track "nowhere"/);
});

test("addAll writes all the entries or none of them", async (t) => {
  const s = await setup(t);
  const refused = await s.writer.addAll([entry({ id: "e3" }), entry({ id: "e4", kind: "lunch" })], EDITOR);
  assert.ok(!refused.ok);
  assert.equal(refused.problems[0].entry, '"e4"');
  assert.equal(await s.read(), s.text);
  const added = await s.writer.addAll([entry({ id: "e3" }), entry({ id: "e4" })], EDITOR);
  assert.ok(added.ok);
  assert.deepEqual(
    JSON.parse(await s.read()).entries.map((e: Entry) => e.id),
    ["e1", "e2", "e3", "e4"],
  );
  assert.equal((await s.audit()).length, 2, "one audit line per entry");
});

test("a file that is not valid JSON (an editor mid-save) is never written over", async (t) => {
  const broken = handLaidOut().replace('"e2"', '"e2",,');
  const s = await setup(t, broken);
  const result = await s.writer.add(entry({ id: "e3" }), EDITOR);
  assert.ok(!result.ok);
  assert.match(result.problems[0].message, /^not valid JSON/);
  assert.equal(await s.read(), broken);
});

test("a record that does not exist is reported, not created", async (t) => {
  const s = await setup(t);
  await unlink(s.file);
  const result = await s.writer.add(entry({ id: "e3" }), EDITOR);
  assert.ok(!result.ok);
  assert.match(result.problems[0].message, /does not exist/);
  assert.equal(await s.exists(s.file), false);
});

test("update rewrites only the fields that changed", async (t) => {
  const s = await setup(t);
  const result = await s.writer.update("e1", (e) => ({ ...e, status: "postponed" }), EDITOR);
  assert.ok(result.ok);
  assert.equal(result.before?.status, "held");
  assert.equal(result.entry.status, "postponed");
  assert.equal(await s.read(), s.text.replace(JSON.stringify(E1), JSON.stringify({ ...E1, status: "postponed" })));
});

test("update adds and removes fields", async (t) => {
  const s = await setup(t, `${JSON.stringify({ tracks: TRACKS, entries: [E1, E2] }, null, 2)}\n`);
  const result = await s.writer.update(
    "e2",
    (e) => {
      const { date: _date, ...rest } = e;
      return { ...rest, date: null, status: "announced", outcome: { en: "Agreed to talk again" } };
    },
    EDITOR,
  );
  assert.ok(result.ok, JSON.stringify(result));
  const written = JSON.parse(await s.read());
  assert.deepEqual(written.entries[1], { ...E2, date: null, status: "announced", outcome: { en: "Agreed to talk again" } });
  assert.deepEqual(written.entries[0], E1);
  const removed = await s.writer.update(
    "e2",
    (e) => {
      const { outcome: _outcome, ...rest } = e;
      return rest;
    },
    EDITOR,
  );
  assert.ok(removed.ok);
  assert.equal(await s.read(), `${JSON.stringify({ tracks: TRACKS, entries: [E1, { ...E2, date: null, status: "announced" }] }, null, 2)}\n`);
});

test("brackets, braces and escaped quotes inside strings do not confuse the splice", async (t) => {
  const tricky = entry({ id: "e3", summary: { en: 'He said "]}{[", then \\ and left' } });
  const s = await setup(t, handLaidOut([E1, tricky, E2]));
  assert.ok((await s.writer.update("e3", (e) => ({ ...e, status: "cancelled" }), EDITOR)).ok);
  assert.equal(await s.read(), handLaidOut([E1, { ...tricky, status: "cancelled" }, E2]));
  assert.ok((await s.writer.revert("e3", EDITOR)).ok);
  assert.equal(await s.read(), s.text);
});

test("update of an unknown id is refused", async (t) => {
  const s = await setup(t);
  const result = await s.writer.update("nope", (e) => e, EDITOR);
  assert.ok(!result.ok);
  assert.deepEqual(result.problems, [{ file: s.file, entry: '"nope"', message: 'no entry with id "nope"' }]);
});

test("an update that would make the entry invalid is refused and nothing is written", async (t) => {
  const s = await setup(t);
  const result = await s.writer.update("e1", (e) => ({ ...e, status: "scheduled", date: null }), EDITOR);
  assert.ok(!result.ok);
  assert.equal(result.problems[0].field, "date");
  assert.match(result.problems[0].message, /"scheduled" entry needs a date/);
  assert.equal(await s.read(), s.text);
  assert.equal(await s.exists(s.auditFile), false);
});

test("update cannot change an id", async (t) => {
  const s = await setup(t);
  const result = await s.writer.update("e1", (e) => ({ ...e, id: "e9" }), EDITOR);
  assert.ok(!result.ok);
  assert.equal(result.problems[0].field, "id");
  assert.equal(await s.read(), s.text);
});

test("an update that changes nothing writes nothing and is not audited", async (t) => {
  const s = await setup(t);
  const before = await stat(s.file);
  const result = await s.writer.update("e1", (e) => ({ ...e }), EDITOR);
  assert.ok(result.ok);
  assert.equal((await stat(s.file)).ino, before.ino, "the file was not replaced");
  assert.equal(await s.exists(s.auditFile), false);
});

test("a change that throws leaves the file and the lock as they were", async (t) => {
  const s = await setup(t);
  await assert.rejects(
    s.writer.update("e1", () => {
      throw new Error("boom");
    }, EDITOR),
    /boom/,
  );
  assert.equal(await s.read(), s.text);
  assert.equal(await s.exists(`${s.file}.lock`), false);
});

test("the audit log has one line per change: when, who, what, before and after", async (t) => {
  const s = await setup(t);
  const e3 = entry({ id: "e3" });
  assert.ok((await s.writer.add(e3, EDITOR)).ok);
  const cli: Actor = { kind: "cli", name: "alice" };
  assert.ok((await s.writer.update("e3", (e) => ({ ...e, status: "cancelled" }), cli)).ok);
  assert.deepEqual(await s.audit(), [
    { at: "2025-03-01T10:00:01.000Z", actor: EDITOR, action: "add", id: "e3", before: null, after: e3 },
    { at: "2025-03-01T10:00:02.000Z", actor: cli, action: "update", id: "e3", before: e3, after: { ...e3, status: "cancelled" } },
  ]);
});

test("history lists one entry's changes, oldest first", async (t) => {
  const s = await setup(t);
  assert.ok((await s.writer.update("e1", (e) => ({ ...e, status: "postponed" }), EDITOR)).ok);
  assert.ok((await s.writer.update("e2", (e) => ({ ...e, status: "postponed" }), EDITOR)).ok);
  assert.ok((await s.writer.update("e1", (e) => ({ ...e, status: "cancelled" }), EDITOR)).ok);
  const history = await s.writer.history("e1");
  assert.deepEqual(
    history.map((r) => [r.action, r.before?.status, r.after?.status]),
    [
      ["update", "held", "postponed"],
      ["update", "postponed", "cancelled"],
    ],
  );
  assert.deepEqual(await s.writer.history("e9"), []);
});

test("revert undoes an update and restores the text exactly", async (t) => {
  const s = await setup(t);
  assert.ok((await s.writer.update("e1", (e) => ({ ...e, status: "postponed", outcome: { en: "Moved" } }), EDITOR)).ok);
  const result = await s.writer.revert("e1", EDITOR);
  assert.ok(result.ok);
  assert.equal(result.entry.status, "held");
  assert.equal(result.before?.status, "postponed");
  assert.equal(await s.read(), s.text);
  const last = (await s.audit()).at(-1);
  assert.equal(last.action, "revert");
  assert.equal(last.before.status, "postponed");
  assert.equal(last.after.status, "held");
});

test("revert of an add removes the entry; reverting that brings it back", async (t) => {
  const s = await setup(t);
  const e3 = entry({ id: "e3" });
  assert.ok((await s.writer.add(e3, EDITOR)).ok);
  const removed = await s.writer.revert("e3", EDITOR);
  assert.ok(removed.ok);
  assert.equal(removed.removed, true);
  assert.equal(await s.read(), s.text);
  const back = await s.writer.revert("e3", EDITOR);
  assert.ok(back.ok);
  assert.equal(back.removed, undefined);
  assert.deepEqual(JSON.parse(await s.read()).entries.at(-1), e3);
  assert.deepEqual(
    (await s.writer.history("e3")).map((r) => r.action),
    ["add", "revert", "revert"],
  );
});

test("revert removes the first entry with its separator", async (t) => {
  const s = await setup(t, handLaidOut([E2]));
  assert.ok((await s.writer.addAll([E1], EDITOR)).ok);
  // Move e1 to the front by hand, as an editor might, then revert its add.
  const moved = handLaidOut([E1, E2]);
  await writeFile(s.file, moved);
  assert.ok((await s.writer.revert("e1", EDITOR)).ok);
  assert.equal(await s.read(), handLaidOut([E2]));
});

test("revert refuses when the entry was edited by hand since its last recorded change", async (t) => {
  const s = await setup(t);
  assert.ok((await s.writer.update("e1", (e) => ({ ...e, status: "postponed" }), EDITOR)).ok);
  const handEdited = (await s.read()).replace("Talks on embassy operations.", "Talks on embassy operations, corrected.");
  await writeFile(s.file, handEdited);
  const result = await s.writer.revert("e1", EDITOR);
  assert.ok(!result.ok);
  assert.match(result.problems[0].message, /changed after its last recorded change.*would lose that edit/);
  assert.equal(await s.read(), handEdited);
});

test("revert with no recorded change is refused", async (t) => {
  const s = await setup(t);
  const result = await s.writer.revert("e1", EDITOR);
  assert.ok(!result.ok);
  assert.match(result.problems[0].message, /no recorded change to entry "e1" to revert; entries edited by hand are not in the audit log/);
});

test("addTrack appends a track, refuses a duplicate, and is audited apart from entries", async (t) => {
  const s = await setup(t);
  const track = { id: "envoys", title: { en: "Envoys" } };
  const added = await s.writer.addTrack(track, EDITOR);
  assert.ok(added.ok);
  assert.deepEqual(JSON.parse(await s.read()).tracks.at(-1), track);
  const again = await s.writer.addTrack(track, EDITOR);
  assert.ok(!again.ok);
  assert.deepEqual(again.problems, [{ file: s.file, entry: 'track "envoys"', field: "id", message: 'a track with id "envoys" already exists' }]);
  assert.ok((await s.writer.add(entry({ id: "envoys", track: "envoys" }), EDITOR)).ok);
  assert.deepEqual(
    (await s.writer.history("envoys")).map((r) => r.action),
    ["add"],
  );
  assert.equal((await s.audit())[0].action, "add-track");
});

test("a change is applied to the file as it is when the write happens, not to an earlier copy", async (t) => {
  const s = await setup(t);
  // Another writer (here: a person's editor) adds e3 after this writer was created.
  await writeFile(s.file, handLaidOut([E1, E2, entry({ id: "e3" })]));
  assert.ok((await s.writer.add(entry({ id: "e4" }), EDITOR)).ok);
  assert.deepEqual(
    JSON.parse(await s.read()).entries.map((e: Entry) => e.id),
    ["e1", "e2", "e3", "e4"],
  );
});

test("an editor's save during a write makes the write start over from the saved file", async (t) => {
  const s = await setup(t);
  const saved = handLaidOut([E1, E2, entry({ id: "e3" })]);
  let calls = 0;
  const result = await s.writer.update(
    "e1",
    (e) => {
      // An editor (which takes no lock) saves after the writer has read the file.
      if (++calls === 1) writeFileSync(s.file, saved);
      return { ...e, status: "postponed" };
    },
    EDITOR,
  );
  assert.ok(result.ok);
  assert.equal(calls, 2, "the change was applied again to the saved file");
  assert.equal(await s.read(), saved.replace(JSON.stringify(E1), JSON.stringify({ ...E1, status: "postponed" })));
});

test("concurrent writes from one process all land", async (t) => {
  const s = await setup(t);
  const results = await Promise.all(Array.from({ length: 40 }, (_, i) => s.writer.add(entry({ id: `c-${i}` }), EDITOR)));
  assert.ok(results.every((r) => r.ok));
  const parsed = parseEventLog(await s.read(), s.file);
  assert.ok(parsed.ok);
  assert.equal(parsed.log.entries.length, 42);
  assert.equal((await s.audit()).length, 40);
});

// ---- The lock ---------------------------------------------------------------------------------

function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid!;
}

test("a lock left by a process that has died is broken", async (t) => {
  const s = await setup(t);
  await writeFile(`${s.file}.lock`, JSON.stringify({ pid: deadPid(), host: hostname(), since: new Date().toISOString() }));
  // Had it not been broken, the write would have waited out its 2 s and thrown RecordLockedError.
  assert.ok((await s.writer.add(entry({ id: "e3" }), EDITOR)).ok);
  assert.equal(await s.exists(`${s.file}.lock`), false);
  assert.equal(await s.exists(`${s.file}.lock.break`), false, "the breaker's own lock is gone too");
});

test("a dead holder's lock is not broken while another writer is breaking it; a break lock left by a crash is cleared", async (t) => {
  const s = await setup(t, handLaidOut(), 300);
  await writeFile(`${s.file}.lock`, JSON.stringify({ pid: deadPid(), host: hostname(), since: new Date().toISOString() }));
  // Another writer holds the break lock: it alone may remove the stale lock.
  await writeFile(`${s.file}.lock.break`, JSON.stringify({ pid: process.ppid, host: hostname(), since: new Date().toISOString() }));
  await assert.rejects(s.writer.add(entry({ id: "e3" }), EDITOR), RecordLockedError);
  assert.equal(await s.read(), s.text);
  // That breaker crashed: its break lock ages out, and the next writer breaks the stale lock.
  const old = new Date(Date.now() - 20_000);
  await utimes(`${s.file}.lock.break`, old, old);
  assert.ok((await s.writer.add(entry({ id: "e3" }), EDITOR)).ok);
  assert.match(await s.read(), /"id": "e3"/);
  assert.equal(await s.exists(`${s.file}.lock.break`), false);
});

test("a writer whose lock was taken over meanwhile writes nothing and leaves the new holder's lock alone", async (t) => {
  const s = await setup(t);
  const lock = `${s.file}.lock`;
  const other = JSON.stringify({ pid: process.ppid, host: hostname(), since: new Date().toISOString(), nonce: "other" });
  const result = await s.writer.update(
    "e1",
    (e) => {
      // As if this write had stalled past a minute: another writer broke its lock and took it.
      unlinkSync(lock);
      writeFileSync(lock, other);
      return { ...e, status: "cancelled" };
    },
    EDITOR,
  );
  assert.equal(result.ok, false);
  assert.match(JSON.stringify(result), /its lock was taken over; nothing was written/);
  assert.equal(await s.read(), s.text);
  assert.equal(await readFile(lock, "utf8"), other);
  assert.deepEqual(await s.audit(), []);
});

test("a lock older than a minute is broken even if its process lives", async (t) => {
  const s = await setup(t);
  const since = new Date(Date.now() - 61_000).toISOString();
  await writeFile(`${s.file}.lock`, JSON.stringify({ pid: process.ppid, host: "elsewhere", since }));
  assert.ok((await s.writer.add(entry({ id: "e3" }), EDITOR)).ok);
});

test("an empty lock file is broken only once it is a few seconds old", async (t) => {
  const s = await setup(t, handLaidOut(), 300);
  const lock = `${s.file}.lock`;
  await writeFile(lock, "");
  await assert.rejects(s.writer.add(entry({ id: "e3" }), EDITOR), RecordLockedError);
  const old = new Date(Date.now() - 10_000);
  await utimes(lock, old, old);
  assert.ok((await s.writer.add(entry({ id: "e3" }), EDITOR)).ok);
});

test("a live lock is waited for, then taken", async (t) => {
  const s = await setup(t);
  const lock = `${s.file}.lock`;
  await writeFile(lock, JSON.stringify({ pid: process.ppid, host: hostname(), since: new Date().toISOString() }));
  let released = false;
  setTimeout(() => {
    released = true;
    void unlink(lock);
  }, 200);
  assert.ok((await s.writer.add(entry({ id: "e3" }), EDITOR)).ok);
  assert.ok(released, "written only once the holder let go");
});

test("a live lock held past the timeout fails with a message saying who holds it and what to do", async (t) => {
  const s = await setup(t, handLaidOut(), 300);
  const lock = `${s.file}.lock`;
  const holder = JSON.stringify({ pid: process.ppid, host: hostname(), since: new Date().toISOString() });
  await writeFile(lock, holder);
  const started = Date.now();
  await assert.rejects(s.writer.add(entry({ id: "e3" }), EDITOR), (err: Error) => {
    assert.ok(err instanceof RecordLockedError);
    assert.match(err.message, new RegExp(`held by another writer \\(pid ${process.ppid} on ${hostname()}`));
    assert.match(err.message, /gave up after 0\.\d s and changed nothing/);
    assert.ok(err.message.includes(`delete ${lock}`));
    return true;
  });
  assert.ok(Date.now() - started >= 300);
  assert.equal(await s.read(), s.text);
  assert.equal(await readFile(lock, "utf8"), holder, "someone else's lock is left alone");
});

test("a fresh lock from another host is not broken: its pid means nothing here", async (t) => {
  const s = await setup(t, handLaidOut(), 200);
  await writeFile(`${s.file}.lock`, JSON.stringify({ pid: deadPid(), host: "other-host", since: new Date().toISOString() }));
  await assert.rejects(s.writer.add(entry({ id: "e3" }), EDITOR), RecordLockedError);
});

test("a change prepared against an older version of the entry is refused under the lock when it would overwrite what changed since", async (t) => {
  const s = await setup(t);
  const desk = inProcessDeskWriter(s.writer);
  const base = E1 as unknown as Entry;
  // Another editor calls the round off after the draft (which would mark it postponed) was made.
  assert.ok((await desk.update("e1", { kind: "cancelled" }, EDITOR)).ok);
  const after = await s.read();
  const refused = await desk.update("e1", [{ kind: "postponed" }], EDITOR, base);
  assert.equal(refused.ok, false);
  assert.deepEqual(!refused.ok && refused.problems.map((p) => p.message), ["the entry changed since this change was prepared (status); nothing was written"]);
  assert.equal(await s.read(), after);
  assert.equal((await s.audit()).length, 1, "only the other editor's change");
  // A change that does not touch what changed is applied to the entry as it is now.
  const added = await desk.update("e1", [{ kind: "sources", sources: [{ outlet: "TASS", language: "ru" }] }], EDITOR, base);
  assert.ok(added.ok);
  assert.equal(added.entry.status, "cancelled");
  assert.deepEqual(added.entry.sources.map((x) => x.outlet), ["Meduza", "TASS"]);
});
