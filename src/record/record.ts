// The record in memory: for every entry a small EntryRef (what queries need) in the indexes
// every query uses, built once per load so that no request sorts or scans the whole log (it may
// hold 100,000 entries). Whole entries are fetched through `entry()`, which for a big log reads
// them from the file on demand (see record-file/entry-file.ts). Pure: no clock; "today" is passed in as a
// YYYY-MM-DD string in the reader's zone.
import { createHash } from "node:crypto";
import type { Entry, Track } from "./schema.ts";
import type { EntryRef } from "./entry-ref.ts";
import type { CheckedLog } from "./validate.ts";

export type { EntryRef } from "./entry-ref.ts";

export interface TrackIndex {
  track: Track;
  /** Dated entries of the track, oldest first; undated ones after them in file order. */
  entries: EntryRef[];
  /** Index of an entry's id within `entries`. */
  position: Map<string, number>;
  /** Number of dated entries at the start of `entries`. */
  datedCount: number;
}

export interface RecordView {
  tracks: Track[];
  byId: Map<string, EntryRef>;
  /** Every dated entry, oldest first (by date, end date, time, id). */
  chrono: EntryRef[];
  /** Entries with date null, in file order. */
  undated: EntryRef[];
  /** The undated entries still announced (not cancelled), for /next. */
  undatedUpcoming: EntryRef[];
  byTrack: Map<string, TrackIndex>;
  /** The whole entry behind a ref. */
  entry(ref: EntryRef): Entry;
  /** The whole entry with this id, if the record has one. */
  find(id: string): Entry | undefined;
}

const UPCOMING: ReadonlySet<string> = new Set(["scheduled", "announced"]);

/**
 * A sortable key that agrees with plain comparison of date strings (which the binary searches
 * use): a month-only date ("2025-04") sorts before every day of its month ("2025-04-01").
 */
export function sortKey(e: EntryRef): string {
  const day = e.date ? (e.date.length === 7 ? `${e.date}-00` : e.date) : "9999-99-99";
  return `${day}|${e.endDate ?? ""}|${e.time ?? ""}|${e.id}`;
}

/** Sorts refs by sortKey, computing each key once (not twice per comparison). */
function sortRefs(refs: EntryRef[]): EntryRef[] {
  const keyed = refs.map((r) => ({ k: sortKey(r), r }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x) => x.r);
}

/** A record over entries already in memory (a small log, tests, previews). */
export function buildRecord(log: CheckedLog): RecordView {
  const full = new Map<string, Entry>();
  const refs: EntryRef[] = log.entries.map((e) => {
    full.set(e.id, e);
    const text = JSON.stringify(e);
    const ref: EntryRef = { id: e.id, track: e.track, kind: e.kind, status: e.status, date: e.date, hash: createHash("sha1").update(text).digest("base64url"), offset: 0, length: 0 };
    if (e.endDate) ref.endDate = e.endDate;
    if (e.time) ref.time = e.time;
    if (e.timezone) ref.timezone = e.timezone;
    if (e.sequence) ref.sequence = e.sequence;
    return ref;
  });
  return indexRecord(log.tracks, refs, (ref) => full.get(ref.id)!);
}

/** The indexes over refs; `read` turns a ref into its whole entry. */
export function indexRecord(tracks: Track[], refs: EntryRef[], read: (ref: EntryRef) => Entry): RecordView {
  const byId = new Map<string, EntryRef>();
  const dated: EntryRef[] = [];
  const undated: EntryRef[] = [];
  for (const e of refs) {
    byId.set(e.id, e);
    (e.date ? dated : undated).push(e);
  }
  const chrono = sortRefs(dated);

  const byTrack = new Map<string, TrackIndex>();
  for (const track of tracks) byTrack.set(track.id, { track, entries: [], position: new Map(), datedCount: 0 });
  for (const e of chrono) byTrack.get(e.track)?.entries.push(e);
  for (const idx of byTrack.values()) idx.datedCount = idx.entries.length;
  for (const e of undated) byTrack.get(e.track)?.entries.push(e);
  for (const idx of byTrack.values()) idx.entries.forEach((e, i) => idx.position.set(e.id, i));

  const undatedUpcoming = undated.filter((e) => UPCOMING.has(e.status));
  return {
    tracks,
    byId,
    chrono,
    undated,
    undatedUpcoming,
    byTrack,
    entry: read,
    find: (id) => {
      const ref = byId.get(id);
      return ref ? read(ref) : undefined;
    },
  };
}

/** First index in `chrono` whose date string compares greater than or equal to `key`. */
function lowerBound(record: RecordView, key: string): number {
  let lo = 0;
  let hi = record.chrono.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (record.chrono[mid].date! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index just past the last entry dated on or before `today` ("2026-11" counts as started). */
function endOfToday(record: RecordView, today: string): number {
  // Every date string that starts "today" or earlier compares <= today + "~" ("~" sorts last).
  return lowerBound(record, `${today}~`);
}

export interface Page<T> {
  items: T[];
  offset: number;
  total: number;
  hasOlder: boolean;
}

/**
 * The most recent developments, newest first: every dated entry that has started by `today`
 * (held, and also postponed or cancelled ones: they are news too), paged by offset.
 */
export function latest(record: RecordView, today: string, offset = 0, limit = 5): Page<EntryRef> {
  const upto = endOfToday(record, today);
  const items: EntryRef[] = [];
  for (let i = upto - 1 - offset; i >= 0 && items.length < limit; i--) items.push(record.chrono[i]);
  return { items, offset, total: upto, hasOlder: upto - offset - items.length > 0 };
}

export interface Upcoming {
  /** Scheduled or announced with a date today or later, nearest first (this page's share). */
  dated: EntryRef[];
  /** Announced without a date ("next meeting agreed; date and place not yet set"); they follow the dated ones. */
  undated: EntryRef[];
  offset: number;
  /** Whether anything follows this page. */
  hasMore: boolean;
}

/**
 * A page of what is coming from `today` on: the dated entries nearest first, then those
 * announced without a date, `limit` from `offset`. Walks forward from a binary search and
 * stops one past the page, never the whole log.
 */
export function upcoming(record: RecordView, today: string, offset = 0, limit = 5): Upcoming {
  const dated: EntryRef[] = [];
  const undated: EntryRef[] = [];
  const end = offset + limit;
  let seen = 0;
  // Start at the current month: a month-only date ("2026-11") is upcoming all month long.
  for (let i = lowerBound(record, today.slice(0, 7)); i < record.chrono.length && seen <= end; i++) {
    const e = record.chrono[i];
    const started = e.date!.length === 10 && e.date! < today;
    if (started || !UPCOMING.has(e.status)) continue;
    if (seen >= offset && seen < end) dated.push(e);
    seen++;
  }
  for (const e of record.undatedUpcoming) {
    if (seen > end) break;
    if (seen >= offset && seen < end) undated.push(e);
    seen++;
  }
  return { dated, undated, offset, hasMore: seen > end };
}

/** The last held entry of each track (for /next when nothing is coming). */
export function lastHeldPerTrack(record: RecordView, today: string): EntryRef[] {
  const result: EntryRef[] = [];
  for (const idx of record.byTrack.values()) {
    const e = lastHeld(idx, today);
    if (e) result.push(e);
  }
  return sortRefs(result).reverse();
}

function lastHeld(idx: TrackIndex, today: string): EntryRef | undefined {
  for (let i = idx.datedCount - 1; i >= 0; i--) {
    const e = idx.entries[i];
    if (e.status === "held" && e.date! <= today) return e;
  }
  return undefined;
}

export interface TrackSummary {
  track: Track;
  count: number;
  last?: EntryRef;
  next?: EntryRef;
}

/** A track's last entry that has happened (or was called off) and its next planned one. */
export function trackSummary(record: RecordView, trackId: string, today: string): TrackSummary | undefined {
  const idx = record.byTrack.get(trackId);
  if (!idx) return undefined;
  let last: EntryRef | undefined;
  let next: EntryRef | undefined;
  // Binary search the track's dated part for today, then look one step each way.
  let lo = 0;
  let hi = idx.datedCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (idx.entries[mid].date! <= today) lo = mid + 1;
    else hi = mid;
  }
  last = lo > 0 ? idx.entries[lo - 1] : undefined;
  for (let i = lo; i < idx.datedCount; i++) {
    if (UPCOMING.has(idx.entries[i].status)) {
      next = idx.entries[i];
      break;
    }
  }
  if (!next) next = idx.entries.slice(idx.datedCount).find((e) => UPCOMING.has(e.status));
  // A month-only entry of the current month that is still only planned is "next", not "last".
  if (last && UPCOMING.has(last.status) && !next) {
    next = last;
    last = lo > 1 ? idx.entries[lo - 2] : undefined;
  }
  return { track: idx.track, count: idx.entries.length, last, next };
}

/** One page of a track's history, newest first. */
export function trackHistory(record: RecordView, trackId: string, offset = 0, limit = 10): Page<EntryRef> | undefined {
  const idx = record.byTrack.get(trackId);
  if (!idx) return undefined;
  // Undated (announced) entries first: they are the newest news of the track.
  const ordered = idx.entries;
  const n = ordered.length;
  const items: EntryRef[] = [];
  const at = (k: number) => (k < n - idx.datedCount ? ordered[idx.datedCount + k] : ordered[idx.datedCount - 1 - (k - (n - idx.datedCount))]);
  for (let k = offset; k < n && items.length < limit; k++) items.push(at(k));
  return { items, offset, total: n, hasOlder: offset + items.length < n };
}

/** The entries before and after one in its track ("round 1" → "round 2"). */
export function neighbours(record: RecordView, id: string): { previous?: EntryRef; next?: EntryRef } {
  const e = record.byId.get(id);
  if (!e) return {};
  const idx = record.byTrack.get(e.track);
  const pos = idx?.position.get(id);
  if (!idx || pos === undefined) return {};
  return { previous: pos > 0 ? idx.entries[pos - 1] : undefined, next: pos + 1 < idx.entries.length ? idx.entries[pos + 1] : undefined };
}
