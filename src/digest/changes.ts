// What changed in the record since it was last announced. Pure: plain data in, plain data out.
//
// The announced state keeps, per entry id, the values of the fields worth announcing as they
// were last announced (and a fingerprint of them). Comparing the record with that state, rather
// than with the previous in-memory record, is what makes an edit made while the bot was down
// announced after the restart, and every edit announced exactly once.
//
// Worth announcing (a reader's plans depend on these):
// - a new entry;
// - a status change (scheduled → held, → postponed, → cancelled, announced → scheduled, ...);
// - a change of when: date, endDate, time, or timezone (the latter only with a time: without
//   one a zone moves nothing);
// - a place change (venue, city or country);
// - an outcome added or changed.
// Not announced: edits to title, summary, participants, sources, note, duration, parties or
// sequence alone, so fixing a spelling or adding a source spams nobody. Likewise a place or
// outcome edit that only adds or removes a translation (no language present before and after
// reads differently). An outcome removed, and an entry removed from the record, are recorded
// (and logged by the caller) but not announced.
import { createHash } from "node:crypto";
import type { EntryRef } from "../record/record.ts";
import type { Entry, Kind, Localized, Place, Status } from "../record/schema.ts";
import { canonicalJson } from "../record/json-layout.ts";

/** When an entry takes place, as far as the record knows. */
export interface When {
  date: string | null;
  endDate?: string;
  time?: string;
  timezone?: string;
}

/** The announce-worthy fields of an entry as they were last announced. */
export interface AnnouncedEntry {
  /** Fingerprint of the fields below: equal fingerprints mean nothing to look at. */
  fp: string;
  status: Status;
  when: When;
  place?: Place;
  outcome?: Localized;
  /** The entry left the record (not announced; kept so that its return is not "new"). */
  removed?: true;
  /** Hash of the entry's text when last looked at: the same text needs no closer look. */
  h?: string;
}

export type AnnouncedEntries = { [entryId: string]: AnnouncedEntry };

interface RecordChangeBase {
  entryId: string;
  track: string;
  kind: Kind;
  /** Identifies this change among all changes ever (entry, type, resulting values). */
  key: string;
}

export type RecordChange =
  | (RecordChangeBase & { type: "new"; before?: undefined; after: Status })
  | (RecordChangeBase & { type: "status"; before: Status; after: Status })
  | (RecordChangeBase & { type: "date"; before: When; after: When })
  | (RecordChangeBase & { type: "place"; before?: Place; after?: Place })
  | (RecordChangeBase & { type: "outcome"; before?: Localized; after: Localized });

export type RecordChangeType = RecordChange["type"];

export interface Detection {
  /** Announce-worthy changes, in record order; per entry: new, status, date, place, outcome. */
  changes: RecordChange[];
  /** What the announced state becomes once these changes are announced (silent updates included). */
  updates: AnnouncedEntries;
  /** Ids that left the record since the last look (not announced). */
  removed: string[];
}

export function fingerprint(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value) ?? "").digest("base64url").slice(0, 16);
}

export function whenOf(e: Pick<Entry, "date" | "endDate" | "time" | "timezone">): When {
  const w: When = { date: e.date };
  if (e.endDate && e.endDate !== e.date) w.endDate = e.endDate;
  if (e.time) {
    w.time = e.time;
    // A time without a zone is read as UTC (formatEntryDate does the same).
    w.timezone = e.timezone ?? "UTC";
  }
  return w;
}

/**
 * The announce-worthy part of an entry, with the hash of its text when given. Built field by
 * field in one order, never by deleting or spreading: a store holds one of these per entry
 * (100,000 and more), and objects built alike share one hidden class in V8, where deleted or
 * spread-in keys gave each its own (48 MB instead of 21 for 100,000 entries, measured).
 */
export function snapshot(e: Entry, h?: string): AnnouncedEntry {
  const place = e.place && (e.place.city || e.place.country || e.place.venue) ? e.place : undefined;
  const when = whenOf(e);
  const out: AnnouncedEntry = { fp: fingerprint({ status: e.status, when, place, outcome: e.outcome }), status: e.status, when };
  if (place) out.place = place;
  if (e.outcome) out.outcome = e.outcome;
  if (h !== undefined) out.h = h;
  return out;
}

/** True when two localized texts say something different in a language both have, or one is missing. */
function localizedDiffers(a?: Localized, b?: Localized): boolean {
  if (!a || !b) return Boolean(a) !== Boolean(b);
  let shared = 0;
  for (const l of ["en", "ru", "uk"] as const) {
    if (a[l] && b[l]) {
      shared++;
      if (a[l]!.trim() !== b[l]!.trim()) return true;
    }
  }
  // No language in common (e.g. "en" replaced by "ru"): we cannot tell, so treat it as a change.
  return shared === 0;
}

function placeDiffers(a?: Place, b?: Place): boolean {
  if (!a || !b) return Boolean(a) !== Boolean(b);
  return (["venue", "city", "country"] as const).some((k) => localizedDiffers(a[k], b[k]));
}

function whenDiffers(a: When, b: When): boolean {
  return canonicalJson(a) !== canonicalJson(b);
}

/**
 * Compares the record with the announced state. An empty announced state is not special here:
 * a fresh install is handled by the caller (it records the record as announced, see
 * initialAnnounced), so that it announces nothing.
 */
/**
 * Compares the record with what was announced. Only entries whose text changed since the last
 * look are read in full (`read`), so a tick over 100,000 unchanged entries reads none.
 */
export function detectChanges(announced: AnnouncedEntries, refs: readonly EntryRef[], read: (ref: EntryRef) => Entry): Detection {
  const changes: RecordChange[] = [];
  const updates: AnnouncedEntries = {};
  const present = new Set<string>();
  for (const ref of refs) {
    present.add(ref.id);
    const before = announced[ref.id];
    if (before && !before.removed && before.h === ref.hash) continue;
    const e = read(ref);
    const now = snapshot(e, ref.hash);
    if (before && !before.removed && before.fp === now.fp) {
      // Edited, but nothing worth announcing: remember the text so it is not read again.
      updates[e.id] = { ...before, h: ref.hash };
      continue;
    }
    updates[e.id] = now;
    const base = { entryId: e.id, track: e.track, kind: e.kind };
    const key = (type: RecordChangeType, value: unknown) => `${e.id}:${type}:${fingerprint(value)}`;
    if (!before) {
      changes.push({ ...base, type: "new", after: e.status, key: key("new", now) });
      continue;
    }
    // A removed entry that comes back is compared with what was announced before it left.
    if (before.status !== now.status) changes.push({ ...base, type: "status", before: before.status, after: now.status, key: key("status", [before.status, now.status, now.when]) });
    if (whenDiffers(before.when, now.when)) changes.push({ ...base, type: "date", before: before.when, after: now.when, key: key("date", [before.when, now.when]) });
    if (placeDiffers(before.place, now.place)) changes.push({ ...base, type: "place", before: before.place, after: now.place, key: key("place", [before.place, now.place]) });
    // "Held" shows the outcome anyway; a separate "outcome" line would say it twice.
    const heldNow = before.status !== "held" && now.status === "held";
    if (now.outcome && !heldNow && localizedDiffers(before.outcome, now.outcome)) {
      changes.push({ ...base, type: "outcome", before: before.outcome, after: now.outcome, key: key("outcome", now.outcome) });
    }
  }
  const removed: string[] = [];
  for (const [id, a] of Object.entries(announced)) {
    if (!present.has(id) && !a.removed) {
      removed.push(id);
      updates[id] = { ...a, removed: true };
    }
  }
  return { changes, updates, removed };
}

/** The announced state of a fresh install: everything in the record counts as announced. */
export function initialAnnounced(refs: readonly EntryRef[], read: (ref: EntryRef) => Entry): AnnouncedEntries {
  const out: AnnouncedEntries = {};
  for (const ref of refs) out[ref.id] = snapshot(read(ref), ref.hash);
  return out;
}

/** Whether a subscription's filters let a change through. */
export function matchesFilters(c: Pick<RecordChange, "track" | "kind">, filters: { tracks: string[] | "all"; kinds: Kind[] | "all" }): boolean {
  return (filters.tracks === "all" || filters.tracks.includes(c.track)) && (filters.kinds === "all" || filters.kinds.includes(c.kind));
}

/**
 * Folds a run of changes (a day's worth, for a daily digest) so each entry says each thing
 * once: two date moves become one from the first value to the last; a move there and back
 * again disappears; changes to an entry that is new in the same run are part of "new" (which is
 * rendered from the entry as it now stands).
 */
export function mergeChanges(changes: readonly RecordChange[]): RecordChange[] {
  const out: RecordChange[] = [];
  const at = new Map<string, number>();
  const isNew = new Set<string>();
  for (const c of changes) {
    if (c.type === "new") isNew.add(c.entryId);
    // A new entry is shown as it now stands, which already says everything that happened since.
    else if (isNew.has(c.entryId)) continue;
    const slot = `${c.entryId}|${c.type}`;
    const i = at.get(slot);
    if (i === undefined) {
      at.set(slot, out.length);
      out.push(c);
      continue;
    }
    const first = out[i];
    out[i] = { ...c, before: first.before, key: `${first.key}+${c.key}` } as RecordChange;
  }
  return out.filter((c) => {
    if (c.type === "status") return c.before !== c.after;
    if (c.type === "date") return whenDiffers(c.before, c.after);
    if (c.type === "place") return placeDiffers(c.before, c.after);
    return true;
  });
}
