// The feeds Parley reads: data/sources.json ($DATA_DIR/sources.json), tracked and edited by
// hand like the record. A bad file is described feed by feed and field by field, with how to fix
// it, and never stops the bot: the poller reports the problems and keeps the last good list.
// Pure: text in, feeds or problems out.
import { z } from "zod";
import type { ArticleLang } from "../ingest/language.ts";
import { isValidTimeZone } from "../record/validate.ts";

/** Polling a news feed more often than this gains nothing and is unkind to the outlet. */
export const MIN_POLL_MINUTES = 5;

export interface Feed {
  /** Lower-case letters, digits and dashes; the first part of the feed's item ids ("tass-ru:…"). */
  id: string;
  url: string;
  /** The outlet as a draft's source names it ("TASS", "Укрінформ"). */
  outlet: string;
  language: ArticleLang;
  pollMinutes: number;
  enabled: boolean;
  /** The outlet's zone: its items' publication day is read there. Default UTC. */
  timezone: string;
}

export interface SourcesProblem {
  file: string;
  /** The feed's id when it has one, else its place in the list ("feed #3"). */
  feed?: string;
  field?: string;
  message: string;
}

export type SourcesResult = { ok: true; feeds: Feed[] } | { ok: false; problems: SourcesProblem[] };

export function describeSourcesProblem(p: SourcesProblem): string {
  const where = [p.file];
  if (p.feed) where.push(p.feed);
  if (p.field) where.push(`field "${p.field}"`);
  return `${where.join(", ")}: ${p.message}`;
}

const FeedSchema = z.strictObject({
  id: z
    .string({ message: 'is missing: give the feed a short id of lower-case letters, digits and dashes, such as "tass-ru"' })
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes (up to 64), such as "tass-ru"; it is the start of every item id'),
  url: z
    .string({ message: "is missing: the address of the RSS, Atom or JSON feed" })
    .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), "must be an http(s) address of an RSS, Atom or JSON feed, such as https://tass.com/rss/v2.xml"),
  outlet: z.string({ message: 'is missing: the outlet\'s name as a source should show it, such as "TASS"' }).trim().min(1, 'must not be empty: the outlet\'s name, such as "TASS"'),
  language: z.enum(["ru", "uk", "en"], { message: "must be ru, uk or en: the language the feed's articles are written in" }),
  pollMinutes: z
    .number({ message: `must be a number of minutes between polls (${MIN_POLL_MINUTES} or more)` })
    .int("must be a whole number of minutes")
    .min(MIN_POLL_MINUTES, `must be at least ${MIN_POLL_MINUTES}: polling more often gains nothing and burdens the outlet`)
    .max(7 * 24 * 60, "must be at most 10080 (a week)"),
  enabled: z.boolean({ message: "must be true or false (false keeps the feed in the list without polling it)" }).default(true),
  timezone: z
    .string({ message: "must be an IANA time zone such as Europe/Moscow" })
    .refine(isValidTimeZone, "must be an IANA time zone such as Europe/Moscow, Europe/Kyiv or America/New_York")
    .default("UTC"),
});

const SourcesSchema = z.strictObject({
  feeds: z.array(z.unknown(), { message: 'must be a list of feeds: { "feeds": [ { "id": …, "url": … }, … ] }' }),
});

export function parseSources(text: string, file: string): SourcesResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [{ file, message: `is not valid JSON (${(err as Error).message}); fix the syntax, or restore it with git checkout` }] };
  }
  const top = SourcesSchema.safeParse(json);
  if (!top.success) return { ok: false, problems: top.error.issues.map((i) => ({ file, field: i.path.join(".") || undefined, message: topMessage(i) })) };

  const problems: SourcesProblem[] = [];
  const feeds: Feed[] = [];
  const ids = new Map<string, number>();
  const urls = new Map<string, string>();
  top.data.feeds.forEach((raw, index) => {
    const rawId = typeof raw === "object" && raw !== null && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : undefined;
    const label = rawId ? `feed "${rawId}"` : `feed #${index + 1}`;
    const parsed = FeedSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ file, feed: label, field: issue.path.join(".") || undefined, message: feedMessage(issue) });
      return;
    }
    const feed = parsed.data;
    const firstAt = ids.get(feed.id);
    if (firstAt !== undefined) problems.push({ file, feed: label, field: "id", message: `is also the id of feed #${firstAt + 1}; ids must be unique` });
    else ids.set(feed.id, index);
    const sameUrl = urls.get(feed.url);
    if (sameUrl) problems.push({ file, feed: label, field: "url", message: `is also the url of feed "${sameUrl}"; list each feed once` });
    else urls.set(feed.url, feed.id);
    feeds.push(feed);
  });
  return problems.length ? { ok: false, problems } : { ok: true, feeds };
}

function topMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `has unknown keys ${issue.keys.map((k) => `"${k}"`).join(", ")}; the file holds only "feeds"`;
  if (issue.code === "invalid_type" && issue.path.length === 0) return 'must be an object: { "feeds": [ … ] }';
  return issue.message;
}

function feedMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys")
    return `has unknown keys ${issue.keys.map((k) => `"${k}"`).join(", ")}; a feed has id, url, outlet, language, pollMinutes, and optionally enabled and timezone`;
  if (issue.code === "invalid_type" && issue.path.length === 0) return "must be an object with id, url, outlet, language and pollMinutes";
  return issue.message;
}
