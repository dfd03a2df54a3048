// What the timeline page lists: the upcoming entries and one page of the history, filtered by
// series and kind. Walks the record's indexes (the chronological order and each series' own)
// from a binary search and stops one past what the page shows, so `/` costs the same at
// 100,000 entries as at 50; only a kind filter matching few entries makes a walk longer (the
// record has no index by kind, and a walk over refs in memory is a few milliseconds at worst).
import { type EntryRef, type RecordView } from "../record/record.ts";
import type { Kind } from "../record/schema.ts";

export interface TimelineFilter {
  track?: string;
  kind?: Kind;
}

const UPCOMING: ReadonlySet<string> = new Set(["scheduled", "announced"]);

/** Whether the upcoming list shows this entry (so the history does not show it twice). */
function isUpcoming(e: EntryRef, today: string): boolean {
  if (!UPCOMING.has(e.status)) return false;
  if (!e.date) return true;
  // A month-only date ("2026-11") is upcoming all month long, as in record.ts' upcoming().
  return e.date.length === 7 ? e.date >= today.slice(0, 7) : e.date >= today;
}

function matches(e: EntryRef, f: TimelineFilter): boolean {
  return (!f.track || e.track === f.track) && (!f.kind || e.kind === f.kind);
}

/** The dated refs to walk, oldest first: the whole record's, or the first `count` of one series'. */
function datedRefs(record: RecordView, f: TimelineFilter): { refs: EntryRef[]; count: number } {
  if (!f.track) return { refs: record.chrono, count: record.chrono.length };
  const idx = record.byTrack.get(f.track);
  return idx ? { refs: idx.entries, count: idx.datedCount } : { refs: [], count: 0 };
}

/** First index below `count` whose date compares greater than or equal to `key` (dates sort as strings). */
function lowerBound(refs: EntryRef[], count: number, key: string): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (refs[mid].date! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface UpcomingList {
  /** Nearest first; the dated ones, then those announced without a date. */
  items: EntryRef[];
  /** More match than the page shows. */
  more: boolean;
}

/** At most `limit` entries still to come from `today` (YYYY-MM-DD in the page's zone). */
export function upcomingFor(record: RecordView, today: string, f: TimelineFilter, limit: number): UpcomingList {
  const items: EntryRef[] = [];
  const { refs, count } = datedRefs(record, f);
  for (let i = lowerBound(refs, count, today.slice(0, 7)); i < count; i++) {
    const e = refs[i];
    if (!matches(e, f) || !isUpcoming(e, today)) continue;
    if (items.length === limit) return { items, more: true };
    items.push(e);
  }
  for (const e of record.undatedUpcoming) {
    if (!matches(e, f)) continue;
    if (items.length === limit) return { items, more: true };
    items.push(e);
  }
  return { items, more: false };
}

export interface HistoryPage {
  /** Newest first: undated entries no longer planned (postponed, cancelled), then the dated ones. */
  items: EntryRef[];
  /** 1-based. */
  page: number;
  hasOlder: boolean;
}

/**
 * One page of what has happened (or was called off) by `today`, newest first. Undated entries
 * that are no longer upcoming lead, as in a series' history in the bot: they are the newest news.
 */
export function historyPage(record: RecordView, today: string, f: TimelineFilter, page: number, perPage: number): HistoryPage {
  const skip = (page - 1) * perPage;
  const items: EntryRef[] = [];
  let seen = 0;
  const take = (e: EntryRef): boolean => {
    if (!matches(e, f) || isUpcoming(e, today)) return false;
    if (seen >= skip) {
      if (items.length === perPage) return true;
      items.push(e);
    }
    seen++;
    return false;
  };
  for (const e of record.undated) if (take(e)) return { items, page, hasOlder: true };
  const { refs, count } = datedRefs(record, f);
  // Every date string that starts "today" or earlier compares <= today + "~" ("~" sorts last).
  const end = lowerBound(refs, count, `${today}~`);
  for (let i = end - 1; i >= 0; i--) if (take(refs[i])) return { items, page, hasOlder: true };
  return { items, page, hasOlder: false };
}
