// GET /api/entries?track=&status=&kind=&from=&to=&cursor=&limit= and GET /api/entries/<id>:
// the record as JSON, read-only. Entries come in date order (oldest first), the undated ones
// after them, from the record's indexes: a page starts at a binary search (by `from` or by the
// cursor) and walks forward, so a request costs its page, not the record, however big it is.
// Filters that match rarely could make that walk long: it stops after MAX_SCAN entries and
// hands back a cursor to go on from there.
import type { Context, Hono } from "hono";
import { sortKey, type EntryRef, type RecordView } from "../record/record.ts";
import { DATE_RE, KINDS, STATUSES, type Entry } from "../record/schema.ts";
import { etagFor, notModified, recordVersion } from "./caching.ts";
import type { HttpDeps } from "./deps.ts";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
/** Entries looked at per request at most, matching or not. */
export const MAX_SCAN = 20_000;
export const API_MAX_AGE = 60;

export interface EntriesQuery {
  track?: string;
  status?: Entry["status"];
  kind?: Entry["kind"];
  /** YYYY-MM-DD or YYYY-MM, inclusive; with either, undated entries are left out. */
  from?: string;
  to?: string;
  cursor?: Cursor;
  limit: number;
}

/** Where the last page stopped: after the dated entry with this sort key, or after this many undated ones. */
export type Cursor = { k: string } | { u: number };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(text: string): Cursor | undefined {
  try {
    const c = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Cursor;
    if ("k" in c && typeof c.k === "string") return { k: c.k };
    if ("u" in c && Number.isInteger(c.u) && c.u >= 0) return { u: c.u };
  } catch {
    // Not ours: answered 400 below.
  }
  return undefined;
}

/** Reads and checks the query; a string is the error to answer with 400. */
export function parseEntriesQuery(q: (name: string) => string | undefined, record: RecordView): EntriesQuery | string {
  const query: EntriesQuery = { limit: DEFAULT_LIMIT };
  const track = q("track");
  if (track) {
    if (!record.byTrack.has(track)) return `unknown track "${track}"`;
    query.track = track;
  }
  const status = q("status");
  if (status) {
    if (!(STATUSES as readonly string[]).includes(status)) return `status must be one of ${STATUSES.join(", ")}`;
    query.status = status as Entry["status"];
  }
  const kind = q("kind");
  if (kind) {
    if (!(KINDS as readonly string[]).includes(kind)) return `kind must be one of ${KINDS.join(", ")}`;
    query.kind = kind as Entry["kind"];
  }
  for (const name of ["from", "to"] as const) {
    const v = q(name);
    if (!v) continue;
    if (!DATE_RE.test(v)) return `${name} must be YYYY-MM-DD or YYYY-MM`;
    query[name] = v;
  }
  const cursor = q("cursor");
  if (cursor) {
    const c = decodeCursor(cursor);
    if (!c) return "cursor is not one this API gave out";
    query.cursor = c;
  }
  const limit = q("limit");
  if (limit) {
    const n = Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) return `limit must be 1 to ${MAX_LIMIT}`;
    query.limit = n;
  }
  return query;
}

/** First index in `dated` (sorted by sortKey) whose key is greater than `key` (or ≥ with `inclusive`). */
function searchKey(dated: readonly EntryRef[], key: string, inclusive: boolean, keyOf: (r: EntryRef) => string): number {
  let lo = 0;
  let hi = dated.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = keyOf(dated[mid]);
    if (k < key || (!inclusive && k === key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface EntriesPage {
  refs: EntryRef[];
  next?: Cursor;
}

/** One page of entries matching the query. */
export function entriesPage(record: RecordView, query: EntriesQuery): EntriesPage {
  const idx = query.track ? record.byTrack.get(query.track)! : undefined;
  const dated = idx ? idx.entries.slice(0, idx.datedCount) : record.chrono;
  const undated = idx ? idx.entries.slice(idx.datedCount) : record.undated;
  const ranged = Boolean(query.from || query.to);
  const matches = (r: EntryRef) => (!query.status || r.status === query.status) && (!query.kind || r.kind === query.kind);
  const refs: EntryRef[] = [];
  let scanned = 0;

  let i: number;
  if (query.cursor && "u" in query.cursor) i = dated.length + query.cursor.u;
  else if (query.cursor) i = searchKey(dated, query.cursor.k, false, sortKey);
  // A month-only date ("2025-04") sorts before the days of its month: `from=2025-04-10` leaves it out, `from=2025-04` keeps it.
  else if (query.from) i = searchKey(dated, query.from, true, (r) => r.date!);
  else i = 0;
  const end = query.to ? searchKey(dated, `${query.to}~`, true, (r) => r.date!) : dated.length;

  const total = ranged ? end : dated.length + undated.length;
  for (; i < total && refs.length < query.limit && scanned < MAX_SCAN; i++, scanned++) {
    const r = i < dated.length ? dated[i] : undated[i - dated.length];
    if (matches(r)) refs.push(r);
  }
  if (i >= total) return { refs };
  const next: Cursor = i <= dated.length ? { k: sortKey(dated[i - 1]) } : { u: i - dated.length };
  return { refs, next };
}

/** An entry as the API shows it: the record's own fields (all public) and its page. */
export function publicEntry(e: Entry, publicUrl: string): Entry & { url: string } {
  return { ...e, url: `${publicUrl}/entries/${encodeURIComponent(e.id)}` };
}

export function apiRoutes(app: Hono, deps: HttpDeps): void {
  app.get("/api/entries", (c: Context) => {
    const record = deps.record();
    const query = parseEntriesQuery((name) => c.req.query(name), record);
    if (typeof query === "string") return c.json({ error: query }, 400);
    const url = new URL(c.req.url);
    if (notModified(c, etagFor(recordVersion(record), `api|${url.search}|${deps.publicUrl}`), API_MAX_AGE)) return c.body(null, 304);
    const page = entriesPage(record, query);
    let next: string | null = null;
    if (page.next) {
      url.searchParams.set("cursor", encodeCursor(page.next));
      next = `${deps.publicUrl}${url.pathname}${url.search}`;
    }
    return c.json({
      entries: page.refs.map((r) => publicEntry(record.entry(r), deps.publicUrl)),
      cursor: page.next ? encodeCursor(page.next) : null,
      next,
    });
  });
  app.get("/api/entries/:id", (c) => {
    const record = deps.record();
    const e = record.find(c.req.param("id"));
    if (!e) return c.json({ error: "no such entry" }, 404);
    if (notModified(c, etagFor(recordVersion(record), `api-entry|${e.id}|${deps.publicUrl}`), API_MAX_AGE)) return c.body(null, 304);
    return c.json(publicEntry(e, deps.publicUrl));
  });
}
