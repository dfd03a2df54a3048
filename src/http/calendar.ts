// GET /calendar.ics and GET /calendar/<track>.ics (?lang=ru|uk|en): the record's dated entries
// as RFC 5545 (calendar/ics.ts renders; this file picks the entries, the SEQUENCE and the
// caching). Calendar apps poll these files for hours on end, so an unchanged record is
// answered with a 304, and a changed one is rendered once per language and track, not per poll.
import type { Context, Hono } from "hono";
import { CalendarBuilder, type CalendarOptions } from "../calendar/ics.ts";
import { sequenceOf } from "../calendar/sequence.ts";
import { localizedPlain } from "../present/translate.ts";
import type { EntryRef, RecordView } from "../record/record.ts";
import type { Lang } from "../record/schema.ts";
import { pageLang } from "../web/language.ts";
import { etagFor, notModified, recordVersion } from "./caching.ts";
import type { HttpDeps } from "./deps.ts";

/** Calendar apps poll every few hours at most; ten minutes' staleness is nothing to them. */
export const CALENDAR_MAX_AGE = 600;

/**
 * Rendered calendars kept, by ETag, up to this many characters in all: the three languages of
 * the whole record and of its tracks for a record of thousands of entries, and still a few whole
 * calendars (36 MB each) at 100,000.
 */
const CACHE_CHARS = 128_000_000;

/** Dated refs with a full day, in date order: a track's, or the whole record's. */
function calendarRefs(record: RecordView, track: string | undefined): EntryRef[] {
  const refs = track ? record.byTrack.get(track)!.entries.slice(0, record.byTrack.get(track)!.datedCount) : record.chrono;
  return refs.filter((r) => r.date!.length === 10);
}

/** Entries added between two yields to the event loop: reading and writing 100,000 takes seconds. */
const SLICE = 500;

async function renderInSlices(record: RecordView, refs: EntryRef[], opts: CalendarOptions): Promise<string> {
  const calendar = new CalendarBuilder(opts);
  for (let i = 0; i < refs.length; i++) {
    calendar.add(record.entry(refs[i]));
    if (i % SLICE === SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  return calendar.finish();
}

export function calendarRoutes(app: Hono, deps: HttpDeps): void {
  // Rendered files by ETag, and the renders under way, so that readers who ask at once share one.
  const cache = new Map<string, string>();
  const rendering = new Map<string, Promise<string>>();
  let cachedChars = 0;
  let cachedFor: RecordView | undefined;

  const render = (record: RecordView, track: string | undefined, lang: Lang, etag: string): Promise<string> => {
    let pending = rendering.get(etag);
    if (!pending) {
      const announced = deps.announced();
      const trackTitle = track ? localizedPlain(record.byTrack.get(track)!.track.title, lang) : undefined;
      pending = renderInSlices(record, calendarRefs(record, track), {
        lang,
        name: trackTitle ? `Parley: ${trackTitle}` : "Parley",
        now: deps.clock(),
        sequenceOf: (e) => sequenceOf(e, record, announced),
        publicUrl: deps.publicUrl,
      }).finally(() => rendering.delete(etag));
      rendering.set(etag, pending);
    }
    return pending;
  };

  const serve = async (c: Context, track: string | undefined) => {
    const record = deps.record();
    if (track !== undefined && !record.byTrack.has(track)) return c.json({ error: "no such track" }, 404);
    const lang: Lang = pageLang(c.req.query("lang"), undefined);
    const announced = deps.announced();
    // The file depends on the record, the language and the revisions announced.
    const etag = etagFor(recordVersion(record), `ics|${track ?? ""}|${lang}|${announced?.lastSeq ?? "-"}|${deps.publicUrl}`);
    c.header("Content-Type", "text/calendar; charset=utf-8");
    c.header("Content-Disposition", `inline; filename="${track ?? "parley"}.ics"`);
    if (notModified(c, etag, CALENDAR_MAX_AGE)) return c.body(null, 304);
    let body = cache.get(etag);
    if (body === undefined) {
      body = await render(record, track, lang, etag);
      if (cachedFor !== record) {
        cache.clear();
        cachedChars = 0;
        cachedFor = record;
      }
      cache.set(etag, body);
      cachedChars += body.length;
      for (const [key, old] of cache) {
        if (cachedChars <= CACHE_CHARS || key === etag) break;
        cache.delete(key);
        cachedChars -= old.length;
      }
    }
    return c.body(body);
  };

  app.get("/calendar.ics", (c) => serve(c, undefined));
  app.get("/calendar/:file{[a-z0-9][a-z0-9-]*\\.ics}", (c) => serve(c, c.req.param("file").slice(0, -4)));
}
