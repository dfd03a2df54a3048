// What the running bot keeps in memory of each entry: the fields its queries need, and where
// the whole entry sits in the record's text so it can be read back on demand (a record of
// 100,000 entries would otherwise take hundreds of megabytes as objects). Pure.
import { createHash } from "node:crypto";
import type { Entry } from "./schema.ts";

/** What queries need of an entry, and where the rest of it is in the file. */
export interface EntryRef {
  id: string;
  track: string;
  kind: Entry["kind"];
  status: Entry["status"];
  date: string | null;
  endDate?: string;
  time?: string;
  timezone?: string;
  sequence?: number;
  /** A hash of the entry's JSON text: unchanged hash, unchanged entry. */
  hash: string;
  /** Byte range of the entry in events.json. */
  offset: number;
  length: number;
}

/** 96 bits of SHA-1 over the entry's text: enough to tell versions of one entry apart. */
export function hashText(buf: Buffer, offset: number, length: number): string {
  return createHash("sha1").update(buf.subarray(offset, offset + length)).digest("base64url").slice(0, 16);
}

export function refOf(e: Entry, hash: string, offset: number, length: number): EntryRef {
  const { id, track, kind, status, date, endDate, time, timezone, sequence } = e;
  return { id, track, kind, status, date, endDate, time, timezone, sequence, hash, offset, length };
}
