// The saved index (state/record-index.json): the EntryRefs of a validated version of the
// record with that version's size, modification time and inode. A start-up that finds the
// same file again loads the refs and skips re-validation (seconds for 100,000 entries): the
// file was validated when the index was written. Any edit changes the stamp, and the file is
// then validated in full as before.
import { readFileSync, statSync } from "node:fs";
import type { EntryRef } from "../record/entry-ref.ts";
import type { Entry, Track } from "../record/schema.ts";
import { writeFileAtomicSync } from "./atomic-write.ts";

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

export function stampOf(file: string): FileStamp {
  const s = statSync(file);
  return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
}

export function sameStamp(a: FileStamp | undefined, b: FileStamp): boolean {
  return !!a && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/**
 * The refs as columns, one array per field: a third of the parse time of one object (or even
 * one array) per entry, which matters at start-up with 100,000 entries.
 */
interface Columns {
  id: string[];
  track: string[];
  kind: Entry["kind"][];
  status: Entry["status"][];
  date: (string | null)[];
  endDate: (string | 0)[];
  time: (string | 0)[];
  timezone: (string | 0)[];
  sequence: number[];
  hash: string[];
  offset: number[];
  length: number[];
}

interface IndexFile {
  version: 3;
  file: string;
  stamp: FileStamp;
  tracks: Track[];
  columns: Columns;
}

function toColumns(refs: EntryRef[]): Columns {
  const c: Columns = { id: [], track: [], kind: [], status: [], date: [], endDate: [], time: [], timezone: [], sequence: [], hash: [], offset: [], length: [] };
  for (const r of refs) {
    c.id.push(r.id);
    c.track.push(r.track);
    c.kind.push(r.kind);
    c.status.push(r.status);
    c.date.push(r.date);
    c.endDate.push(r.endDate ?? 0);
    c.time.push(r.time ?? 0);
    c.timezone.push(r.timezone ?? 0);
    c.sequence.push(r.sequence ?? 0);
    c.hash.push(r.hash);
    c.offset.push(r.offset);
    c.length.push(r.length);
  }
  return c;
}

function fromColumns(c: Columns): EntryRef[] {
  // Track, kind and status repeat across entries: one string each instead of 100,000 copies.
  const shared = new Map<string, string>();
  const one = <T extends string>(s: T): T => {
    const found = shared.get(s);
    if (found) return found as T;
    shared.set(s, s);
    return s;
  };
  const refs: EntryRef[] = new Array(c.id.length);
  for (let i = 0; i < c.id.length; i++) {
    // Every field set, absent ones as undefined: one object shape for all refs.
    refs[i] = {
      id: c.id[i],
      track: one(c.track[i]),
      kind: one(c.kind[i]),
      status: one(c.status[i]),
      date: c.date[i],
      endDate: c.endDate[i] || undefined,
      time: c.time[i] || undefined,
      timezone: c.timezone[i] || undefined,
      sequence: c.sequence[i] || undefined,
      hash: c.hash[i],
      offset: c.offset[i],
      length: c.length[i],
    };
  }
  return refs;
}

/** The saved index, if it was made from exactly this version of the file. */
export function readIndex(indexFile: string, file: string, stamp: FileStamp): { tracks: Track[]; refs: EntryRef[] } | undefined {
  try {
    const data = JSON.parse(readFileSync(indexFile, "utf8")) as IndexFile;
    if (data.version !== 3 || data.file !== file || !sameStamp(data.stamp, stamp)) return undefined;
    return { tracks: data.tracks, refs: fromColumns(data.columns) };
  } catch {
    // Missing or unreadable: it is only a cache, the record is rebuilt from events.json.
    return undefined;
  }
}

export function writeIndex(indexFile: string, file: string, stamp: FileStamp, tracks: Track[], refs: EntryRef[]): void {
  const data: IndexFile = { version: 3, file, stamp, tracks, columns: toColumns(refs) };
  writeFileAtomicSync(indexFile, JSON.stringify(data));
}
