// The audit log (state/audit.jsonl): one JSON line per change to the record, who made it, and
// the entry before and after. Appended by the writer after the record is replaced, so it never
// claims a change the record does not hold; read by `history` and `revert`.
import { mkdir, open, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Entry, Track } from "../record/schema.ts";

/**
 * Who made a change. `source`: the report it was published from (a draft's source URLs, or its
 * outlets when a report has no link); absent in lines written before drafts existed.
 */
export type Actor = { kind: "telegram" | "cli"; id?: number; name: string; source?: string[] };

export type EntryAction = "add" | "update" | "revert";
export interface EntryAuditRecord {
  at: string;
  actor: Actor;
  action: EntryAction;
  id: string;
  before: Entry | null;
  after: Entry | null;
}
export interface TrackAuditRecord {
  at: string;
  actor: Actor;
  action: "add-track";
  id: string;
  before: null;
  after: Track;
}
export type AuditRecord = EntryAuditRecord | TrackAuditRecord;

/** Appends the records in one write and fsyncs: a reported change is in the log after a power cut. */
export async function appendAudit(auditFile: string, records: AuditRecord[]): Promise<void> {
  if (!records.length) return;
  await mkdir(dirname(auditFile), { recursive: true });
  const fh = await open(auditFile, "a");
  try {
    await fh.writeFile(records.map((r) => `${JSON.stringify(r)}\n`).join(""));
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function readAudit(auditFile: string): Promise<AuditRecord[]> {
  let text: string;
  try {
    text = await readFile(auditFile, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  const records: AuditRecord[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      records.push(JSON.parse(line) as AuditRecord);
    } catch {
      // A line cut short by a crash mid-append; the lines around it are still good.
    }
  }
  return records;
}

/** The recorded changes to one entry, oldest first. */
export async function entryHistory(auditFile: string, id: string): Promise<EntryAuditRecord[]> {
  const records = await readAudit(auditFile);
  return records.filter((r): r is EntryAuditRecord => r.id === id && r.action !== "add-track");
}
