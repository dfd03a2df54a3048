// Keeping a large record cheap. The log may hold 100,000 entries (tens of megabytes of JSON):
// parsing and validating all of it takes seconds and its objects take hundreds of megabytes.
// So the running bot keeps in memory only what its queries need — an EntryRef per entry
// (id, track, kind, status, dates) plus where the entry's text sits in events.json — and
// reads whole entries from the file on demand, through a small cache.
//
// The refs are saved beside the state (record-index.json) together with the file's size,
// modification time and inode. A start-up that finds the same file again loads the refs and
// skips re-validation: the file was validated when the index was written. Any edit changes
// the stamp, and the file is then validated in full as before.
import { createHash } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Entry, Track } from "./schema.ts";

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
 * Byte ranges of the elements of the top-level "entries" array, found by one pass over the
 * bytes that tracks strings and nesting (the text has already been parsed, so it is valid).
 */
export function scanEntryRanges(buf: Buffer): { offset: number; length: number }[] {
  const QUOTE = 0x22, BACKSLASH = 0x5c, OPEN_OBJ = 0x7b, CLOSE_OBJ = 0x7d, OPEN_ARR = 0x5b, CLOSE_ARR = 0x5d, COLON = 0x3a;
  const ranges: { offset: number; length: number }[] = [];
  let depth = 0;
  let inString = false;
  let stringStart = -1;
  let lastKeyAtDepth1 = "";
  let expectEntriesArray = false;
  let inEntries = false;
  let elementStart = -1;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) {
        inString = false;
        if (depth === 1) lastKeyAtDepth1 = buf.toString("utf8", stringStart + 1, i);
      }
      continue;
    }
    if (c === QUOTE) {
      inString = true;
      stringStart = i;
      if (inEntries && depth === 2 && elementStart < 0) elementStart = i;
    } else if (c === COLON && depth === 1) {
      expectEntriesArray = lastKeyAtDepth1 === "entries";
    } else if (c === OPEN_OBJ || c === OPEN_ARR) {
      if (depth === 1 && c === OPEN_ARR && expectEntriesArray) inEntries = true;
      else if (inEntries && depth === 2 && elementStart < 0) elementStart = i;
      depth++;
    } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
      depth--;
      if (inEntries && depth === 2 && elementStart >= 0) {
        ranges.push({ offset: elementStart, length: i + 1 - elementStart });
        elementStart = -1;
      } else if (inEntries && depth === 1) {
        inEntries = false;
        expectEntriesArray = false;
      }
    }
  }
  return ranges;
}

/** 96 bits of SHA-1 over the entry's text: enough to tell versions of one entry apart. */
export function hashText(buf: Buffer, offset: number, length: number): string {
  return createHash("sha1").update(buf.subarray(offset, offset + length)).digest("base64url").slice(0, 16);
}

export function refOf(e: Entry, hash: string, offset: number, length: number): EntryRef {
  const { id, track, kind, status, date, endDate, time, timezone, sequence } = e;
  return { id, track, kind, status, date, endDate, time, timezone, sequence, hash, offset, length };
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
  mkdirSync(dirname(indexFile), { recursive: true });
  const data: IndexFile = { version: 3, file, stamp, tracks, columns: toColumns(refs) };
  const tmp = `${indexFile}.tmp`;
  writeFileSync(tmp, JSON.stringify(data));
  renameSync(tmp, indexFile);
}

/**
 * Reads whole entries of one version of events.json. It holds that version open, so an edit
 * that replaces the file (editors and our writer save by rename) cannot shift the byte ranges
 * under it; a new version gets a new EntryFile.
 */
export class EntryFile {
  readonly #fd: number;
  readonly #cache = new Map<string, Entry>();
  constructor(
    readonly file: string,
    readonly stamp: FileStamp,
    private readonly maxCached = 2000,
  ) {
    this.#fd = openSync(file, "r");
    const s = fstatSync(this.#fd);
    if (s.ino !== stamp.ino || s.size !== stamp.size) {
      closeSync(this.#fd);
      throw new Error(`${file} changed while it was being opened`);
    }
  }

  /** The entry a ref points to (validated when the index was made). */
  read(ref: EntryRef): Entry {
    const cached = this.#cache.get(ref.id);
    if (cached) {
      // Map keeps insertion order: re-insert to mark it recently used.
      this.#cache.delete(ref.id);
      this.#cache.set(ref.id, cached);
      return cached;
    }
    const buf = Buffer.allocUnsafe(ref.length);
    readSync(this.#fd, buf, 0, ref.length, ref.offset);
    const entry = JSON.parse(buf.toString("utf8")) as Entry;
    entry.participants ??= [];
    this.#cache.set(ref.id, entry);
    if (this.#cache.size > this.maxCached) this.#cache.delete(this.#cache.keys().next().value!);
    return entry;
  }

  close(): void {
    try {
      closeSync(this.#fd);
    } catch {
      // Already closed.
    }
  }
}
