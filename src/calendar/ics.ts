// The record as an iCalendar file (RFC 5545): one VEVENT per entry with a full date. Pure: no
// clock (DTSTAMP comes in as `now`), no file system, no HTTP. Used by the bot's "Add to
// calendar" document and by the web server's /calendar.ics.
import type { Entry, Lang, Status } from "../record/schema.ts";
import { offsetAt } from "../present/dates.ts";
import { localizedPlain, pick } from "../present/translate.ts";

export interface CalendarOptions {
  /** Language of SUMMARY, DESCRIPTION and LOCATION (falling back as the bot does, marked "[EN]"). */
  lang: Lang;
  /** X-WR-CALNAME: the name calendar apps show for a subscribed calendar. */
  name: string;
  /** DTSTAMP of every event. */
  now: Date;
  /**
   * Each entry's SEQUENCE. Calendar apps replace an event by UID only when SEQUENCE rises, so
   * the caller raises it whenever the entry's date, time or place changes. Default 0.
   */
  sequenceOf?: (e: Entry) => number;
  /** PUBLIC_URL: the entry's link is <publicUrl>/entries/<id>. Absent: no URL. */
  publicUrl?: string;
}

/**
 * STATUS per entry status. An announced or postponed entry's date is not firm, so it is
 * TENTATIVE; a cancelled one stays in the file as CANCELLED so that apps remove their copy.
 */
const EVENT_STATUS: Record<Status, "TENTATIVE" | "CONFIRMED" | "CANCELLED"> = {
  announced: "TENTATIVE",
  postponed: "TENTATIVE",
  scheduled: "CONFIRMED",
  held: "CONFIRMED",
  cancelled: "CANCELLED",
};

/** How many sources the description lists. */
const SOURCES_SHOWN = 3;

/** Whether an entry can be a calendar event: a full date (not only the month, not undated). */
export function hasCalendarDate(e: Pick<Entry, "date">): boolean {
  return e.date !== null && e.date.length === 10;
}

/** A stable UID: the same for an entry across runs, languages and edits. */
export function eventUid(id: string): string {
  return `${id}@parley`;
}

/** The entry's public page, when PUBLIC_URL is known. */
export function entryUrl(publicUrl: string | undefined, id: string): string | undefined {
  return publicUrl ? `${publicUrl.replace(/\/+$/, "")}/entries/${encodeURIComponent(id)}` : undefined;
}

/** The whole .ics text (CRLF line endings, folded lines) for the dated entries among `entries`. */
export function renderCalendar(entries: Iterable<Entry>, opts: CalendarOptions): string {
  const calendar = new CalendarBuilder(opts);
  for (const e of entries) calendar.add(e);
  return calendar.finish();
}

/**
 * A calendar built one entry at a time, so a caller with 100,000 entries can give the event
 * loop back between slices (the HTTP server does: the bot keeps answering meanwhile).
 */
export class CalendarBuilder {
  // The events as one text, built as they come (a calendar of 100,000 entries is tens of
  // megabytes: no array of lines per event, no second pass).
  #events = "";
  readonly #stamp: string;
  readonly #zones = new Map<string, { from: string; to: string }>();

  constructor(private readonly opts: CalendarOptions) {
    this.#stamp = utcStamp(opts.now.getTime());
  }

  add(e: Entry): void {
    if (!hasCalendarDate(e)) return;
    for (const line of eventLines(e, this.opts, this.#stamp)) this.#events += foldLine(line) + "\r\n";
    if (e.time && e.timezone && e.timezone !== "UTC") {
      const last = lastDay(e);
      const span = this.#zones.get(e.timezone);
      if (!span) this.#zones.set(e.timezone, { from: e.date!, to: last });
      else {
        if (e.date! < span.from) span.from = e.date!;
        if (last > span.to) span.to = last;
      }
    }
  }

  finish(): string {
    const lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Parley//Parley record//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      `X-WR-CALNAME:${escapeText(this.opts.name)}`,
    ];
    for (const [zone, span] of [...this.#zones].sort(([a], [b]) => (a < b ? -1 : 1))) {
      // From the year before: an event early on 1 January (local) is still 31 December in UTC.
      lines.push(...timezoneLines(zone, Number(span.from.slice(0, 4)) - 1, Number(span.to.slice(0, 4))));
    }
    return lines.map(foldLine).join("\r\n") + "\r\n" + this.#events + "END:VCALENDAR\r\n";
  }
}

/** One entry as its own calendar (the "Add to calendar" document); undefined without a full date. */
export function renderEntryCalendar(e: Entry, opts: Omit<CalendarOptions, "name">): string | undefined {
  if (!hasCalendarDate(e)) return undefined;
  return renderCalendar([e], { ...opts, name: localizedPlain(e.title, opts.lang) });
}

function lastDay(e: Entry): string {
  return e.endDate && e.endDate.length === 10 && e.endDate > e.date! ? e.endDate : e.date!;
}

function eventLines(e: Entry, opts: CalendarOptions, stamp: string): string[] {
  const { lang } = opts;
  const lines = ["BEGIN:VEVENT", `UID:${eventUid(e.id)}`, `SEQUENCE:${opts.sequenceOf?.(e) ?? 0}`, `DTSTAMP:${stamp}`];
  const last = lastDay(e);
  if (!e.time) {
    // Only the day is known: an all-day event; DTEND is exclusive, so the day after the last.
    lines.push(`DTSTART;VALUE=DATE:${compactDate(e.date!)}`, `DTEND;VALUE=DATE:${compactDate(addDays(last, 1))}`);
  } else {
    const zone = e.timezone && e.timezone !== "UTC" ? e.timezone : undefined;
    lines.push(zone ? `DTSTART;TZID=${zone}:${compactDate(e.date!)}T${compactTime(e.time)}` : `DTSTART:${compactDate(e.date!)}T${compactTime(e.time)}00Z`);
    if (e.durationMinutes) lines.push(`DURATION:PT${e.durationMinutes}M`);
    else if (last !== e.date) {
      // A multi-day meeting with a start time but no end time: it lasts until its last day ends.
      const end = `${compactDate(addDays(last, 1))}T000000`;
      lines.push(zone ? `DTEND;TZID=${zone}:${end}` : `DTEND:${end}Z`);
    }
  }
  lines.push(`STATUS:${EVENT_STATUS[e.status]}`);
  lines.push(`SUMMARY:${escapeText(localizedPlain(e.title, lang))}`);
  const url = entryUrl(opts.publicUrl, e.id);
  lines.push(`DESCRIPTION:${escapeText(description(e, lang, url))}`);
  const location = placePlain(e, lang);
  if (location) lines.push(`LOCATION:${escapeText(location)}`);
  if (url) lines.push(`URL:${url}`);
  lines.push("END:VEVENT");
  return lines;
}

function description(e: Entry, lang: Lang, url: string | undefined): string {
  const parts: string[] = [];
  const summary = localizedPlain(e.summary, lang);
  if (summary) parts.push(summary);
  const sources = e.sources.slice(0, SOURCES_SHOWN).map((s) => (s.url ? `${s.outlet}: ${s.url}` : s.outlet));
  if (sources.length) parts.push(sources.join("\n"));
  if (url) parts.push(url);
  return parts.join("\n\n");
}

/** Venue, city, country as plain text (LOCATION is not HTML). */
function placePlain(e: Entry, lang: Lang): string {
  if (!e.place) return "";
  return [e.place.venue, e.place.city, e.place.country]
    .map((p) => pick(p, lang)?.text)
    .filter(Boolean)
    .join(", ");
}

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and line breaks as "\n". */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds a content line into lines of at most 75 octets (RFC 5545 §3.1): each continuation line
 * starts with one space, and a multi-byte UTF-8 character is never split. Octets are counted
 * from code points (no encoder per character: a calendar of 100,000 entries folds millions).
 */
export function foldLine(line: string): string {
  // At most 3 octets per UTF-16 unit: a line of 25 units or fewer always fits.
  if (line.length <= 25 || Buffer.byteLength(line, "utf8") <= 75) return line;
  let out = "";
  let start = 0;
  let size = 0;
  let limit = 75;
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (size + bytes > limit) {
      out += line.slice(start, i) + "\r\n ";
      start = i;
      size = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    size += bytes;
    i += units;
  }
  return out + line.slice(start);
}

function compactDate(date: string): string {
  return date.replace(/-/g, "");
}

function compactTime(time: string): string {
  return time.replace(":", "") + "00";
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** "20250330T030000": a wall-clock time as VTIMEZONE's DTSTART wants it. */
function localStamp(ms: number): string {
  return utcStamp(ms).replace("Z", "");
}

function offsetText(ms: number): string {
  const sign = ms < 0 ? "-" : "+";
  const minutes = Math.abs(ms) / 60_000;
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}${String(minutes % 60).padStart(2, "0")}`;
}

interface Transition {
  /** The instant of the change (UTC ms). */
  at: number;
  from: number;
  to: number;
}

const DAY = 86_400_000;
const QUARTER_HOUR = 900_000;
// Transitions found per zone and year: a calendar of 100,000 entries asks for the same few.
const transitionCache = new Map<string, Transition[]>();

/**
 * The zone's offset changes during a year, read from the runtime's IANA data (Intl): the offset
 * is sampled daily and each change is narrowed to its quarter-hour (every modern transition
 * falls on one). No zone changes twice within a day.
 */
function transitionsIn(zone: string, year: number): Transition[] {
  const key = `${zone}|${year}`;
  let found = transitionCache.get(key);
  if (found) return found;
  found = [];
  const end = Date.UTC(year + 1, 0, 1);
  let at = Date.UTC(year, 0, 1);
  let offset = offsetAt(zone, at);
  for (let next = at + DAY; at < end; at = next, next += DAY) {
    const nextOffset = offsetAt(zone, next);
    if (nextOffset === offset) continue;
    let lo = at;
    let hi = next;
    while (hi - lo > QUARTER_HOUR) {
      const mid = lo + Math.floor((hi - lo) / 2 / QUARTER_HOUR) * QUARTER_HOUR;
      if (offsetAt(zone, mid) === offset) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: offset, to: nextOffset });
    offset = nextOffset;
  }
  transitionCache.set(key, found);
  return found;
}

/**
 * A VTIMEZONE for `zone` that is exact from 1 January of `fromYear` to the end of `toYear`:
 * one observance for the offset in force at the start, then one per real transition, each an
 * explicit onset (DTSTART in the local time before the change) rather than an RRULE, so that
 * zones that changed their rules (or dropped DST, like Europe/Moscow and Europe/Istanbul) are
 * described exactly as the IANA data has them.
 */
export function timezoneLines(zone: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear, 0, 1);
  const initial = offsetAt(zone, start);
  const transitions: Transition[] = [];
  for (let y = fromYear; y <= toYear; y++) transitions.push(...transitionsIn(zone, y));
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  const observance = (kind: "STANDARD" | "DAYLIGHT", localStart: number, from: number, to: number) => {
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(localStart)}`, `TZOFFSETFROM:${offsetText(from)}`, `TZOFFSETTO:${offsetText(to)}`, `END:${kind}`);
  };
  // A change to a larger offset starts summer time; with no change at all there is only STANDARD.
  const firstTo = transitions[0];
  const initialIsDaylight = firstTo !== undefined && firstTo.to < initial;
  observance(initialIsDaylight ? "DAYLIGHT" : "STANDARD", start + initial, initial, initial);
  for (const t of transitions) observance(t.to > t.from ? "DAYLIGHT" : "STANDARD", t.at + t.from, t.from, t.to);
  lines.push("END:VTIMEZONE");
  return lines;
}
