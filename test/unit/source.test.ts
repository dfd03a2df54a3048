// Loading the record from the real file: entries read back by byte range, the saved index
// reused only for the same file version, edits picked up, a broken edit keeping the last good
// record.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { latest } from "../../src/record/record.ts";
import { entryByteRanges } from "../../src/record/json-layout.ts";
import { RecordInvalidError, RecordSource } from "../../src/record-file/source.ts";
import { entry, log } from "../support/fixtures.ts";

function dir() {
  return mkdtempSync(join(tmpdir(), "parley-source-"));
}

test("entry byte ranges survive multi-byte text, escapes, brackets in strings and an 'entries' key elsewhere", () => {
  const tricky = [
    entry({ id: "a", title: { en: 'Quote " and \\ and } ] { [', ru: "Переговоры «в Стамбуле»", uk: "Їжак ґанок є" } }),
    entry({ id: "b", summary: { en: '"entries": [1, 2]' } }),
  ];
  const data = { note: { entries: [{ x: 1 }] }, tracks: log([]).tracks, entries: tricky };
  for (const text of [JSON.stringify(data), JSON.stringify(data, null, 2), JSON.stringify(data, null, "\t")]) {
    const buf = Buffer.from(text);
    const ranges = entryByteRanges(text)!;
    assert.equal(ranges.length, 2);
    ranges.forEach((r, i) => assert.deepEqual(JSON.parse(buf.toString("utf8", r.offset, r.offset + r.length)), tricky[i]));
  }
});

test("whole entries are read from the file; the index is reused only for the same file", () => {
  const d = dir();
  const file = join(d, "events.json");
  const indexFile = join(d, "state", "record-index.json");
  writeFileSync(file, JSON.stringify(log([entry({ id: "r1" }), entry({ id: "r2", date: "2025-04-10", title: { uk: "Раунд 2" } })]), null, 2));

  const first = RecordSource.load(file, { indexFile });
  assert.equal(first.record.find("r2")?.title.uk, "Раунд 2");
  const index = JSON.parse(readFileSync(indexFile, "utf8"));
  assert.equal(index.columns.id.length, 2);
  first.close();

  // Same file: the saved refs are used (proved by a marker only the index carries).
  index.columns.status[1] = "scheduled";
  writeFileSync(indexFile, JSON.stringify(index));
  const second = RecordSource.load(file, { indexFile });
  assert.equal(second.record.byId.get("r2")?.status, "scheduled");
  second.close();

  // The file changed: validated and indexed again, whatever the old index said.
  const edited = log([entry({ id: "r1" }), entry({ id: "r2", date: "2025-04-11", title: { uk: "Раунд 2 (перенесено)" } })]);
  writeFileSync(`${file}.tmp`, JSON.stringify(edited, null, 2));
  renameSync(`${file}.tmp`, file);
  const third = RecordSource.load(file, { indexFile });
  assert.equal(third.record.byId.get("r2")?.status, "held");
  assert.equal(third.record.find("r2")?.title.uk, "Раунд 2 (перенесено)");
  assert.deepEqual(latest(third.record, "2025-12-31").items.map((r) => r.id), ["r2", "r1"]);
  third.close();
});

test("reload: an edit is picked up; a broken edit keeps the last good record and is reported once", async () => {
  const d = dir();
  const file = join(d, "events.json");
  writeFileSync(file, JSON.stringify(log([entry({ id: "r1" })])));
  const source = RecordSource.load(file, { indexFile: join(d, "state", "index.json") });
  assert.deepEqual(await source.reload(), { kind: "unchanged" });

  writeFileSync(file, JSON.stringify(log([entry({ id: "r1" }), entry({ id: "r2" })])));
  utimesSync(file, new Date(), new Date(Date.now() + 2000));
  assert.deepEqual(await source.reload(), { kind: "reloaded", entries: 2, inWorker: false });
  assert.ok(source.record.find("r2"));

  writeFileSync(file, JSON.stringify(log([entry({ id: "r1" }), entry({ id: "r1" })])));
  utimesSync(file, new Date(), new Date(Date.now() + 4000));
  const broken = await source.reload();
  assert.equal(broken.kind, "invalid");
  assert.match(JSON.stringify(broken), /duplicate id/);
  assert.deepEqual(await source.reload(), { kind: "unchanged" }, "reported once");
  assert.ok(source.record.find("r2"), "the last good record keeps serving");
  source.close();
});

test("an invalid file at start-up is refused with every problem", () => {
  const d = dir();
  const file = join(d, "events.json");
  writeFileSync(file, JSON.stringify(log([entry({ id: "r1", date: "2025-02-30" })])));
  assert.throws(() => RecordSource.load(file), (err: unknown) => err instanceof RecordInvalidError && /entry "r1", field "date": 2025-02-30 is not a real calendar date/.test(err.message));
});

test("entries come from the version validated, whatever is then done to the file in place", async () => {
  const d = dir();
  const file = join(d, "events.json");
  const indexFile = join(d, "state", "index.json");
  const entries = Array.from({ length: 30 }, (_, i) => entry({ id: `r${i}`, title: { en: `Round ${i}` } }));
  writeFileSync(file, JSON.stringify(log(entries), null, 2));
  // A copy left by a bot killed mid-load is cleared at the next start.
  mkdirSync(join(d, "state"), { recursive: true });
  writeFileSync(join(d, "state", ".record-copy.1.dead.tmp"), "left over");
  const source = RecordSource.load(file, { indexFile });
  assert.deepEqual(readdirSync(join(d, "state")).filter((n) => n.startsWith(".record-copy.")), [], "no named copy stays behind");

  // Cut in half in place, then rewritten in place with every byte moved: nothing reloaded yet.
  truncateSync(file, 100);
  assert.equal(source.record.find("r3")?.title.en, "Round 3");
  writeFileSync(file, JSON.stringify(log(entries.slice(5))));
  assert.equal(source.record.find("r7")?.title.en, "Round 7");
  // The rewritten file is valid, so a reload takes it; entries then come from it.
  assert.deepEqual(await source.reload(), { kind: "reloaded", entries: 25, inWorker: false });
  assert.equal(source.record.find("r0"), undefined);
  truncateSync(file, 10);
  assert.equal((await source.reload()).kind, "invalid");
  assert.equal(source.record.find("r29")?.title.en, "Round 29", "the last good version serves on");
  source.close();
});

test("a reload asked for during another sees the file as it is when asked, not as the other saw it", async () => {
  const d = dir();
  const file = join(d, "events.json");
  writeFileSync(file, JSON.stringify(log([entry({ id: "r1" })])));
  const source = RecordSource.load(file);
  writeFileSync(file, JSON.stringify(log([entry({ id: "r1" }), entry({ id: "r2" })])));
  utimesSync(file, new Date(), new Date(Date.now() + 2000));
  const first = source.reload();
  // Written after the first reload looked (an editor's save), then a reload asked for.
  writeFileSync(file, JSON.stringify(log([entry({ id: "r1" }), entry({ id: "r2" }), entry({ id: "r3" })])));
  utimesSync(file, new Date(), new Date(Date.now() + 4000));
  const second = source.reload();
  assert.deepEqual(await first, { kind: "reloaded", entries: 2, inWorker: false });
  assert.deepEqual(await second, { kind: "reloaded", entries: 3, inWorker: false });
  assert.ok(source.record.find("r3"));
  source.close();
});
