// The audit log in PostgreSQL (record_audit): the records of record-file/audit-log.ts, one row
// each, written in the transaction of the change they describe (so the log never claims a
// change the record does not hold, nor misses one it does), plus one row per import.
// `before` and `after` are json, not jsonb: the entry comes back with its keys in their order.
import type { Queryable } from "../db/pool.ts";
import type { Actor, AuditRecord, EntryAuditRecord } from "../record-file/audit-log.ts";

/** A whole record replaced by `npm run events -- import`: what was imported, no entry's history. */
export interface ImportAuditRecord {
  at: string;
  actor: Actor;
  action: "import";
  id: "";
  before: null;
  after: { file: string; tracks: number; entries: number; sha256: string };
}

export async function insertAudit(tx: Queryable, version: number, records: (AuditRecord | ImportAuditRecord)[]): Promise<void> {
  if (!records.length) return;
  await tx.query(
    `INSERT INTO record_audit (at, actor, action, item_id, before, after, version)
     SELECT at, actor::json, action, item_id, before::json, after::json, $7
       FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS r(at, actor, action, item_id, before, after)`,
    [
      records.map((r) => r.at),
      records.map((r) => JSON.stringify(r.actor)),
      records.map((r) => r.action),
      records.map((r) => r.id),
      records.map((r) => (r.before === null ? null : JSON.stringify(r.before))),
      records.map((r) => (r.after === null ? null : JSON.stringify(r.after))),
      version,
    ],
  );
}

/**
 * The recorded changes to one entry, oldest first (as entryHistory reads them from the file):
 * a file install's history (imported by import-state as version 0) before what PostgreSQL logged.
 */
export async function entryHistory(q: Queryable, id: string): Promise<EntryAuditRecord[]> {
  const { rows } = await q.query<{ at: Date; actor: Actor; action: EntryAuditRecord["action"]; before: EntryAuditRecord["before"]; after: EntryAuditRecord["after"] }>(
    `SELECT at, actor, action, before, after FROM record_audit
      WHERE item_id = $1 AND action IN ('add', 'update', 'revert') ORDER BY version <> 0, seq`,
    [id],
  );
  return rows.map((r) => ({ at: r.at.toISOString(), actor: r.actor, action: r.action, id, before: r.before, after: r.after }));
}
