// Turns the text of an event-log file into a checked EventLog, or into a list of problems
// that each name the file, the entry and the field, so a person editing by hand can fix them.
import { z } from "zod";
import { Entry, EventLog, Track } from "./schema.ts";

export interface RecordProblem {
  file: string;
  /** The entry's id when it has one, else its position (#1-based). */
  entry?: string;
  field?: string;
  message: string;
}

export interface CheckedLog {
  tracks: Track[];
  entries: Entry[];
}

export type ParseResult = { ok: true; log: CheckedLog } | { ok: false; problems: RecordProblem[] };

export function describeProblem(p: RecordProblem): string {
  const where = [p.file];
  if (p.entry) where.push(`entry ${p.entry}`);
  if (p.field) where.push(`field "${p.field}"`);
  return `${where.join(", ")}: ${p.message}`;
}

const VALID_ZONES = new Set(Intl.supportedValuesOf("timeZone"));
VALID_ZONES.add("UTC");

export function isValidTimeZone(zone: string): boolean {
  if (VALID_ZONES.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Zones people type in other spellings or as abbreviations, mapped to the IANA name. */
const ZONE_ALIASES: { [spelling: string]: string } = {
  utc: "UTC",
  gmt: "UTC",
  msk: "Europe/Moscow",
  мск: "Europe/Moscow",
  moscow: "Europe/Moscow",
  kyiv: "Europe/Kyiv",
  kiev: "Europe/Kyiv",
  "europe/kiev": "Europe/Kyiv",
  "europe/kyiv": "Europe/Kyiv",
  киев: "Europe/Kyiv",
  київ: "Europe/Kyiv",
  istanbul: "Europe/Istanbul",
  washington: "America/New_York",
  riyadh: "Asia/Riyadh",
};

const ZONES_BY_FOLDED = new Map(Intl.supportedValuesOf("timeZone").map((z) => [z.toLowerCase(), z]));

/**
 * A zone as people type it (/tz, /add): an IANA name in any case ("europe/istanbul" →
 * "Europe/Istanbul"), or a common spelling or abbreviation (MSK, Kyiv). Node 20's ICU still
 * names Kyiv "Europe/Kiev"; the alias keeps the name Ukrainians use. Undefined if unknown.
 */
export function parseZone(input: string): string | undefined {
  const text = input.trim().replace(/^\((.*)\)$/, "$1").trim();
  const folded = text.toLowerCase().replace(/ё/g, "е");
  if (ZONE_ALIASES[folded]) return ZONE_ALIASES[folded];
  const known = ZONES_BY_FOLDED.get(folded);
  if (known) return known;
  return isValidTimeZone(text) ? text : undefined;
}

/** True for YYYY-MM and for YYYY-MM-DD that exist in the calendar (no 30 February). */
export function isRealDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number);
  if (d === undefined) return m >= 1 && m <= 12;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= last;
}

function pathOf(issue: z.core.$ZodIssue): string | undefined {
  return issue.path.length ? issue.path.map(String).join(".") : undefined;
}

/** A track to append: valid, and its id not yet taken. The same rules for every back end. */
export function checkNewTrack(raw: unknown, file: string, trackIds: ReadonlySet<string>): { track: Track; problems?: undefined } | { problems: RecordProblem[] } {
  const id = raw && typeof raw === "object" && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : undefined;
  const label = id ? `track "${id}"` : "(new track)";
  const parsed = Track.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        file,
        entry: label,
        field: issue.path.length ? issue.path.map(String).join(".") : undefined,
        message: issue.message,
      })),
    };
  }
  if (trackIds.has(parsed.data.id)) return { problems: [{ file, entry: label, field: "id", message: `a track with id "${parsed.data.id}" already exists` }] };
  return { track: parsed.data };
}

/** Checks one entry as an editor or the CLI submits it: the same messages as the file. */
export function checkEntry(raw: unknown, file: string, trackIds: Set<string>, label?: string): { entry?: Entry; problems: RecordProblem[] } {
  const id = raw && typeof raw === "object" && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : undefined;
  const entryLabel = id ? `"${id}"` : label;
  const parsed = Entry.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({ file, entry: entryLabel, field: pathOf(issue), message: issue.message })),
    };
  }
  const entry = parsed.data;
  const problems: RecordProblem[] = [];
  const add = (field: string, message: string) => problems.push({ file, entry: entryLabel, field, message });
  if (!trackIds.has(entry.track)) add("track", `unknown track "${entry.track}"; add it to "tracks" or use one of: ${[...trackIds].join(", ")}`);
  for (const field of ["date", "endDate"] as const) {
    const v = entry[field];
    if (v && !isRealDate(v)) add(field, `${v} is not a real calendar date`);
  }
  if (entry.endDate && !entry.date) add("endDate", "needs a date to start from");
  if (entry.endDate && entry.date && entry.endDate < entry.date) add("endDate", `${entry.endDate} is before the date ${entry.date}`);
  if (entry.time && (!entry.date || entry.date.length !== 10)) add("time", "a time needs a full date (YYYY-MM-DD)");
  if (entry.timezone && !isValidTimeZone(entry.timezone)) add("timezone", `"${entry.timezone}" is not an IANA time zone (e.g. Europe/Istanbul)`);
  if (entry.status === "scheduled" && !entry.date) add("date", 'a "scheduled" entry needs a date; use "announced" when the date is not set');
  entry.sources.forEach((s, i) => {
    if (s.published && !isRealDate(s.published)) add(`sources.${i}.published`, `${s.published} is not a real calendar date`);
  });
  return problems.length ? { problems } : { entry, problems };
}

export function parseEventLog(text: string, file: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [{ file, message: `not valid JSON: ${(err as Error).message}` }] };
  }
  const top = EventLog.safeParse(json);
  if (!top.success) {
    return {
      ok: false,
      problems: top.error.issues.map((issue) => {
        const path = issue.path.map(String);
        if (path[0] === "tracks" && path.length > 1) {
          return { file, entry: `track #${Number(path[1]) + 1}`, field: path.slice(2).join(".") || undefined, message: issue.message };
        }
        return { file, field: pathOf(issue), message: issue.message };
      }),
    };
  }
  const problems: RecordProblem[] = [];
  const trackIds = new Set<string>();
  for (const t of top.data.tracks) {
    if (trackIds.has(t.id)) problems.push({ file, entry: `track "${t.id}"`, field: "id", message: "duplicate track id" });
    trackIds.add(t.id);
  }
  const entries: Entry[] = [];
  const seen = new Set<string>();
  top.data.entries.forEach((raw, i) => {
    const result = checkEntry(raw, file, trackIds, `#${i + 1}`);
    problems.push(...result.problems);
    if (!result.entry) return;
    if (seen.has(result.entry.id)) {
      problems.push({ file, entry: `"${result.entry.id}"`, field: "id", message: `duplicate id (entry #${i + 1}); every id must be unique` });
    }
    seen.add(result.entry.id);
    entries.push(result.entry);
  });
  return problems.length ? { ok: false, problems } : { ok: true, log: { tracks: top.data.tracks, entries } };
}
