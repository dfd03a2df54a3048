// The record: every validation error names file, entry and field; queries with a fixed "today".
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { buildRecord, lastHeldPerTrack, latest, neighbours, trackHistory, trackSummary, upcoming } from "../../src/record/record.ts";
import { describeProblem, parseEventLog } from "../../src/record/validate.ts";
import { entry, log } from "../support/fixtures.ts";

const FILE = "data/events.json";

function problems(obj: unknown): string[] {
  const r = parseEventLog(JSON.stringify(obj), FILE);
  return r.ok ? [] : r.problems.map(describeProblem);
}

test("the shipped record is valid and every entry cites a source", () => {
  const r = parseEventLog(readFileSync("data/events.json", "utf8"), FILE);
  assert.ok(r.ok, r.ok ? "" : r.problems.map(describeProblem).join("\n"));
  const ids = r.log.entries.map((e) => e.id);
  for (const id of ["embassy-round-1", "embassy-round-2", "riyadh-meeting-2025-02-18", "alaska-summit-2025-08-15", "budapest-summit", "trilateral-round-3"]) {
    assert.ok(ids.includes(id), `missing ${id}`);
  }
  const r1 = r.log.entries.find((e) => e.id === "embassy-round-1")!;
  assert.equal(r1.date, "2025-02-27");
  assert.equal(r1.durationMinutes, 390);
  assert.deepEqual(
    r1.participants.map((p) => p.name.en),
    ["Sonata Coulter", "Alexander Darchiev"],
  );
  for (const e of r.log.entries) {
    assert.ok(e.title.en && e.title.ru && e.title.uk, `${e.id}: title in three languages`);
    assert.ok(e.summary.en && e.summary.ru && e.summary.uk, `${e.id}: summary in three languages`);
  }
  // Nothing later than the sources reach (April 2026).
  assert.ok(r.log.entries.every((e) => !e.date || e.date <= "2026-04-30"));
});

test("not JSON: the file and the parser's reason", () => {
  const r = parseEventLog("{ nope", FILE);
  assert.ok(!r.ok);
  assert.match(describeProblem(r.problems[0]), /^data\/events\.json: not valid JSON/);
});

test("each field error names the entry and the field", () => {
  const cases: [object, RegExp][] = [
    [{ status: "maybe" }, /entry "e1", field "status": must be one of announced, scheduled, held, postponed, cancelled/],
    [{ kind: "party" }, /field "kind": must be one of call, meeting, round, summit, other/],
    [{ date: "10.04.2025" }, /field "date": must be YYYY-MM-DD or YYYY-MM/],
    [{ date: "2025-02-30" }, /entry "e1", field "date": 2025-02-30 is not a real calendar date/],
    [{ date: "2024-02-29" }, /^$/],
    [{ track: "nowhere" }, /field "track": unknown track "nowhere"/],
    [{ timezone: "Mars/Olympus" }, /field "timezone": "Mars\/Olympus" is not an IANA time zone/],
    [{ time: "25:00" }, /field "time": must be HH:MM/],
    [{ sources: [] }, /field "sources": needs at least one source/],
    [{ sources: [{ outlet: "TASS", url: "not a url", language: "ru" }] }, /field "sources\.0\.url": must be a full http\(s\) URL/],
    [{ title: {} }, /field "title": needs at least one of en, ru, uk/],
    [{ id: "Bad Id" }, /field "id": must be a slug/],
    [{ status: "scheduled", date: null }, /field "date": a "scheduled" entry needs a date/],
    [{ endDate: "2025-01-01" }, /field "endDate": 2025-01-01 is before the date/],
    [{ surprise: 1 }, /Unrecognized key/i],
  ];
  for (const [change, expected] of cases) {
    const found = problems(log([entry({ id: "e1", ...change })])).join("\n");
    assert.match(found, expected, `for ${JSON.stringify(change)} got: ${found}`);
  }
});

test("duplicate ids are reported with the entry's position", () => {
  const found = problems(log([entry({ id: "dup" }), entry({ id: "dup" })])).join("\n");
  assert.match(found, /entry "dup", field "id": duplicate id \(entry #2\)/);
});

function checked(text: string) {
  const r = parseEventLog(text, FILE);
  if (!r.ok) throw new Error(r.problems.map(describeProblem).join("\n"));
  return r.log;
}

const rec = buildRecord(
  checked(
    JSON.stringify(
      log([
        entry({ id: "r1", date: "2025-02-27", status: "held", sequence: 1 }),
        entry({ id: "r2", date: "2025-04-10", status: "scheduled", sequence: 2, time: "10:00", timezone: "Europe/Istanbul" }),
        entry({ id: "month", date: "2025-04", status: "announced" }),
        entry({ id: "r3", date: null, status: "announced", sequence: 3 }),
        entry({ id: "call", track: "leaders", kind: "call", date: "2025-02-12", status: "held" }),
        entry({ id: "gone", track: "leaders", date: "2025-03-01", status: "cancelled" }),
      ]),
    ),
  ),
);

test("latest: newest first from today, paged, month-only dates count from their month", () => {
  const page = latest(rec, "2025-04-01", 0, 2);
  assert.deepEqual(page.items.map((e) => e.id), ["month", "gone"]);
  assert.equal(page.total, 4);
  assert.equal(page.hasOlder, true);
  const older = latest(rec, "2025-04-01", 2, 2);
  assert.deepEqual(older.items.map((e) => e.id), ["r1", "call"]);
  assert.equal(older.hasOlder, false);
  // On the day itself a scheduled round is already "latest".
  assert.deepEqual(latest(rec, "2025-04-10", 0, 1).items.map((e) => e.id), ["r2"]);
});

test("upcoming: dated nearest first from today, then announced without a date", () => {
  const up = upcoming(rec, "2025-04-01");
  assert.deepEqual(up.dated.map((e) => e.id), ["month", "r2"]);
  assert.deepEqual(up.undated.map((e) => e.id), ["r3"]);
  // After the round's day it is no longer upcoming; the April month-only entry is gone in May.
  assert.deepEqual(upcoming(rec, "2025-05-01").dated.map((e) => e.id), []);
  assert.deepEqual(upcoming(rec, "2025-04-11").dated.map((e) => e.id), ["month"]);
});

test("upcoming pages run through the dated entries into the undated ones", () => {
  const page = (offset: number, limit: number) => {
    const up = upcoming(rec, "2025-04-01", offset, limit);
    return [...up.dated.map((e) => e.id), "|", ...up.undated.map((e) => e.id), up.hasMore ? "more" : "end"].join(" ");
  };
  assert.equal(page(0, 1), "month | more");
  assert.equal(page(1, 1), "r2 | more");
  assert.equal(page(2, 1), "| r3 end");
  assert.equal(page(1, 2), "r2 | r3 end");
  assert.equal(page(0, 3), "month r2 | r3 end");
  assert.equal(page(3, 5), "| end");
});

test("last held per track, track summaries, history and neighbours", () => {
  assert.deepEqual(lastHeldPerTrack(rec, "2025-05-01").map((e) => e.id), ["r1", "call"]);
  const s = trackSummary(rec, "embassy-operations", "2025-03-01")!;
  assert.equal(s.last?.id, "r1");
  assert.equal(s.next?.id, "month");
  assert.equal(trackSummary(rec, "nope", "2025-03-01"), undefined);
  assert.deepEqual(trackHistory(rec, "embassy-operations", 0, 10)!.items.map((e) => e.id), ["r3", "r2", "month", "r1"]);
  assert.deepEqual(neighbours(rec, "r1").next?.id, "month");
  assert.equal(neighbours(rec, "r3").previous?.id, "r2");
});

test("queries on a 100,000-entry record touch only what they return", () => {
  const entries = Array.from({ length: 100_000 }, (_, i) => {
    const d = new Date(Date.UTC(2000, 0, 1) + i * 3_600_000 * 4);
    return entry({ id: `gen-${i}`, date: d.toISOString().slice(0, 10), status: i > 99_000 ? "scheduled" : "held" });
  });
  const big = buildRecord(checked(JSON.stringify(log(entries))));
  const today = "2045-03-01";
  const page = latest(big, today, 0, 5);
  assert.equal(page.items.length, 5);
  assert.ok(page.items[0].date! <= today);
  assert.ok(page.items.every((e, i, a) => i === 0 || a[i - 1].date! >= e.date!));
  const up = upcoming(big, today, 0, 10);
  assert.equal(up.dated.length, 10);
  assert.ok(up.dated[0].date! >= today);
});
