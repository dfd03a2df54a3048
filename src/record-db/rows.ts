// The record's rows in PostgreSQL (tables in db/migrations/001-record.ts): read whole as one
// consistent snapshot, put back together as the file form, and replaced whole by an import.
// Single writes (add, update, revert, add a track) are writer.ts's.
import { createHash } from "node:crypto";
import type { Db, Queryable } from "../db/pool.ts";
import { EMPTY_LAYOUT, joinFileForm, splitFileForm, type FileForm, type Item, type Layout } from "../record/file-form.ts";
import type { Entry } from "../record/schema.ts";
import { parseEventLog, type RecordProblem } from "../record/validate.ts";
import type { Actor } from "../record-file/audit-log.ts";
import { insertAudit } from "./audit.ts";

/** The channel every replica listens on; the payload is the record's new version. */
export const RECORD_CHANNEL = "parley_record";

/** What names the record in problems and messages, where the file back end names the file. */
export const RECORD_NAME = "the record in PostgreSQL";

/** An entry's row as the bot's index needs it, with its exact text. */
export interface EntryRow extends Item {
  id: string;
  track: string;
  kind: Entry["kind"];
  status: Entry["status"];
  date: string | null;
  endDate: string | null;
  time: string | null;
  timezone: string | null;
  sequence: number | null;
}

export interface RecordRows {
  version: number;
  layout: Layout;
  tracks: Item[];
  entries: (EntryRow & { position: number })[];
}

/** Rows fetched per statement: a 100,000-entry record comes in pieces, each well within the statement timeout. */
const BATCH = 5000;

export async function recordVersion(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ version: string }>("SELECT version FROM record_version");
  return Number(rows[0].version);
}

/** The whole record as one snapshot: no write that commits meanwhile shows in half. */
export function readRecordRows(db: Db): Promise<RecordRows> {
  return db.transaction(
    async (tx) => {
      const head = await tx.query<{ version: string; layout: Layout | null }>("SELECT version, layout FROM record_version");
      const tracks = await tx.query<Item>("SELECT lead, text FROM record_tracks ORDER BY position");
      const entries = await entryRows(tx, -1);
      return { version: Number(head.rows[0].version), layout: head.rows[0].layout ?? EMPTY_LAYOUT, tracks: tracks.rows, entries };
    },
    { isolation: "repeatable read" },
  );
}

/** What changed since `since`: the entries written after it (in order), the tracks, and how many entries there are now. */
export interface RecordChanges {
  version: number;
  tracks: Item[];
  changed: (EntryRow & { position: number })[];
  count: number;
}

/**
 * The rows written after version `since`, or null when they are more than `most` (an import:
 * reading everything in order is then cheaper).
 */
export function readChangesSince(db: Db, since: number, most: number): Promise<RecordChanges | null> {
  return db.transaction(
    async (tx) => {
      const version = await recordVersion(tx);
      // Two counts, so each can use its index (the version index for the few changed rows).
      const changed = await tx.query<{ n: string }>("SELECT count(*) AS n FROM record_entries WHERE version > $1", [since]);
      if (Number(changed.rows[0].n) > most) return null;
      const all = await tx.query<{ n: string }>("SELECT count(*) AS n FROM record_entries");
      const tracks = await tx.query<Item>("SELECT lead, text FROM record_tracks ORDER BY position");
      // By the version index, then sorted: paging by position would walk every row's position.
      const { rows } = await tx.query<EntryRow & { position: string }>(
        `SELECT position, id, lead, text, track, kind, status, date, end_date AS "endDate", time, timezone, sequence
           FROM record_entries WHERE version > $1 ORDER BY position`,
        [since],
      );
      return { version, tracks: tracks.rows, changed: rows.map((r) => ({ ...r, position: Number(r.position) })), count: Number(all.rows[0].n) };
    },
    { isolation: "repeatable read" },
  );
}

/** Every entry in position order, in batches. */
async function entryRows(tx: Queryable, after: number): Promise<(EntryRow & { position: number })[]> {
  const entries: (EntryRow & { position: number })[] = [];
  for (;;) {
    const { rows } = await tx.query<EntryRow & { position: string }>(
      `SELECT position, id, lead, text, track, kind, status, date, end_date AS "endDate", time, timezone, sequence
         FROM record_entries WHERE position > $1 ORDER BY position LIMIT ${BATCH}`,
      [after],
    );
    for (const r of rows) entries.push({ ...r, position: Number(r.position) });
    if (rows.length < BATCH) return entries;
    after = Number(rows[rows.length - 1].position);
  }
}

/** The record in its file form, byte for byte what was imported plus the writes since. */
export async function exportRecord(db: Db): Promise<string> {
  const rows = await readRecordRows(db);
  return joinFileForm({ layout: rows.layout, tracks: rows.tracks, entries: rows.entries });
}

export type ImportResult = { ok: true; version: number; tracks: number; entries: number } | { ok: false; problems: RecordProblem[] };

/**
 * Replaces the whole record by the event log in `text` (validated as the bot validates the
 * file), in one transaction: all of it or, if anything is wrong, nothing. One audit line says
 * who imported what.
 */
export async function importRecord(db: Db, text: string, opts: { file: string; actor: Actor; clock?: () => Date }): Promise<ImportResult> {
  const parsed = parseEventLog(text, opts.file);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const form = splitFileForm(text);
  if (!form || form.tracks.length !== parsed.log.tracks.length || form.entries.length !== parsed.log.entries.length) {
    return { ok: false, problems: [{ file: opts.file, message: "its layout could not be taken apart into tracks and entries; write it as {\"tracks\": [...], \"entries\": [...]}" }] };
  }
  const at = (opts.clock ?? (() => new Date()))();
  return db.transaction(async (tx) => {
    // Removing and inserting 100,000 rows may take longer than a request is allowed; an import
    // is an operator's deliberate act, run rarely.
    await tx.query("SET LOCAL statement_timeout = 0");
    // The version row's lock keeps every other writer out until this commits.
    const version = (await lockVersion(tx)) + 1;
    // Entries first: they refer to the tracks.
    await tx.query("DELETE FROM record_entries");
    await tx.query("DELETE FROM record_tracks");
    await insertTracks(tx, form.tracks, parsed.log.tracks.map((t) => t.id), 0);
    await insertEntries(tx, form, parsed.log.entries, version, at);
    await tx.query("UPDATE record_version SET version = $1, layout = $2, updated = $3", [version, JSON.stringify(form.layout), at]);
    await insertAudit(tx, version, [
      {
        at: at.toISOString(),
        actor: opts.actor,
        action: "import",
        id: "",
        before: null,
        after: { file: opts.file, tracks: form.tracks.length, entries: form.entries.length, sha256: createHash("sha256").update(text).digest("hex") },
      },
    ]);
    await notifyChanged(tx, version);
    return { ok: true as const, version, tracks: form.tracks.length, entries: form.entries.length };
  });
}

/** Locks the one version row (writers queue here) and answers the version it holds. */
export async function lockVersion(tx: Queryable): Promise<number> {
  const { rows } = await tx.query<{ version: string }>("SELECT version FROM record_version FOR UPDATE");
  return Number(rows[0].version);
}

export async function notifyChanged(tx: Queryable, version: number): Promise<void> {
  // Delivered at COMMIT, to every replica listening, and not at all if this rolls back.
  await tx.query("SELECT pg_notify($1, $2)", [RECORD_CHANNEL, String(version)]);
}

export async function insertTracks(tx: Queryable, items: Item[], ids: string[], fromPosition: number): Promise<void> {
  if (!items.length) return;
  await tx.query(
    `INSERT INTO record_tracks (id, position, lead, text)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[])`,
    [ids, items.map((_, i) => fromPosition + i), items.map((t) => t.lead), items.map((t) => t.text)],
  );
}

/** Inserts `entries` (checked) with their items' text, from position `from` on, in batches. */
export async function insertEntries(tx: Queryable, form: Pick<FileForm, "entries">, entries: Entry[], version: number, at: Date, from = 0): Promise<void> {
  for (let start = 0; start < entries.length; start += BATCH) {
    const batch = entries.slice(start, start + BATCH);
    const items = form.entries.slice(start, start + BATCH);
    await tx.query(
      `INSERT INTO record_entries (id, position, lead, text, track, kind, status, date, end_date, time, timezone, sequence, version, updated)
       SELECT *, $12::bigint, $13::timestamptz
         FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $14::int[])`,
      [
        batch.map((e) => e.id),
        batch.map((_, i) => from + start + i),
        items.map((it) => it.lead),
        items.map((it) => it.text),
        batch.map((e) => e.track),
        batch.map((e) => e.kind),
        batch.map((e) => e.status),
        batch.map((e) => e.date),
        batch.map((e) => e.endDate ?? null),
        batch.map((e) => e.time ?? null),
        batch.map((e) => e.timezone ?? null),
        version,
        at,
        batch.map((e) => e.sequence ?? null),
      ],
    );
  }
}
