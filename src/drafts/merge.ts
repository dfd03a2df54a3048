// How a new reading of a report joins the drafts already pending: the same event reported by
// another outlet becomes one draft with several sources; a report on a known entry becomes a
// proposed change of it (EntryEdit, the one edit model), or only another source when it repeats
// what the record holds. And how a draft becomes an entry in the record's terms. Pure: no files,
// no Telegram; the intake (intake.ts) keeps the drafts and calls these.
import { applyEdits, changedFields, overwrittenSince, type EntryEdit, type EntryField } from "../editorial/entry.ts";
import { entryId } from "../editorial/parse.ts";
import type { Entry, Lang, Localized, Participant, Place, Source, Status } from "../record/schema.ts";
import type { Draft } from "../ingest/draft.ts";
import type { NameIndex } from "../ingest/names.ts";

const DAY_MS = 86_400_000;

/** One report behind a draft. */
export interface DraftSource {
  outlet: string;
  url?: string;
  published: string;
  language: Lang;
  /** The IncomingArticle's id ("<feed>:<guid>", "tg:<chat>:<message>"). */
  articleId: string;
}

/**
 * What a draft proposes: a new entry (the merged reading of its reports), or a change of a known
 * entry as edits applied to it when published (sources are added then, not listed here).
 */
export type Proposal =
  | { kind: "new"; reading: Draft }
  | {
      kind: "change";
      entryId: string;
      edits: EntryEdit[];
      reading: Draft;
      /**
       * The entry as it was when the draft was made: if another edit changes it before the
       * draft is decided, the draft shows what changed, and Publish refuses a change that would
       * overwrite it (editorial/entry.ts overwrittenSince). Absent in drafts made before it was kept.
       */
      base?: Entry;
    };

/** Links compare without their fragment, tracking parameters, "www." and a trailing slash. */
export function normaliseUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    u.hash = "";
    u.hostname = u.hostname.toLowerCase().replace(/^www\./, "");
    for (const key of [...u.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$|yclid$|ref$|from$)/i.test(key)) u.searchParams.delete(key);
    u.searchParams.sort();
    const path = u.pathname.replace(/\/+$/, "");
    return `${u.protocol === "http:" ? "https:" : u.protocol}//${u.host}${path}${u.search}`;
  } catch {
    return url.trim();
  }
}

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY_MS;
}

const IN_PERSON = new Set(["meeting", "round", "summit", "other"]);

/**
 * Whether two readings report the same contact (three outlets on one round): the same kind (or
 * two in-person kinds), the same parties, and nothing that tells them apart — a day more than one
 * apart, another month, another city, another number in the series. Something must also tie
 * them (a date, a city, the series' number, or a shared participant), so two undated "talks"
 * stories do not merge on kind alone.
 */
export function sameEvent(a: Draft, b: Draft): boolean {
  if (a.kind !== b.kind && !(IN_PERSON.has(a.kind) && IN_PERSON.has(b.kind))) return false;
  if (a.parties.length !== b.parties.length || !a.parties.every((p) => b.parties.includes(p))) return false;
  let ties = 0;
  if (a.track && b.track && a.track !== b.track) return false;
  if (a.sequence !== null && b.sequence !== null) {
    if (a.sequence !== b.sequence) return false;
    ties++;
  }
  if (a.date && b.date) {
    if (a.date.length === 10 && b.date.length === 10) {
      // A day's difference is a date in Moscow time against one in Washington time.
      if (daysApart(a.date, b.date) > 1) return false;
    } else if (a.date.slice(0, 7) !== b.date.slice(0, 7)) return false;
    ties++;
  }
  if (a.place.city && b.place.city) {
    if (a.place.city !== b.place.city) return false;
    ties++;
  }
  const names = new Set(a.participants.map((p) => p.name));
  if (b.participants.some((p) => names.has(p.name))) ties++;
  return ties > 0;
}

/** A field the reading filled from the text, not by a rule. */
function read(d: Draft, field: string): boolean {
  return !d.guessed.includes(field);
}

/**
 * The reading of several reports of one event: what the first left empty (or only guessed) is
 * taken from the next; a day beats a month; participants are the union. The first report's
 * words (title, summary) stay.
 */
export function mergeReadings(base: Draft, more: Draft): Draft {
  const out: Draft = structuredClone(base);
  const take = (field: string, apply: () => void) => {
    apply();
    if (more.evidence[field]) out.evidence[field] = more.evidence[field];
    out.guessed = out.guessed.filter((g) => g !== field);
    if (more.guessed.includes(field)) out.guessed.push(field);
  };
  const better = (field: string, mine: unknown, theirs: unknown) => theirs !== null && (mine === null || (!read(base, field) && read(more, field)));
  if (better("status", base.guessed.includes("status") ? null : base.status, more.status) && read(more, "status")) take("status", () => (out.status = more.status));
  if (better("date", out.date, more.date) || (out.date?.length === 7 && more.date?.length === 10 && more.date.startsWith(out.date))) take("date", () => (out.date = more.date));
  if (out.date?.length === 10 && better("time", out.time, more.time) && more.date === out.date) take("time", () => (out.time = more.time));
  if (better("timezone", out.timezone, more.timezone)) take("timezone", () => (out.timezone = more.timezone));
  for (const key of ["city", "country", "venue"] as const) {
    if (better(key, out.place[key], more.place[key])) take(key, () => (out.place[key] = more.place[key]));
  }
  if (better("track", out.track, more.track)) take("track", () => (out.track = more.track));
  if (better("sequence", out.sequence, more.sequence)) take("sequence", () => (out.sequence = more.sequence));
  if (better("outcome", out.outcome, more.outcome)) take("outcome", () => (out.outcome = more.outcome));
  const known = new Set(out.participants.map((p) => p.name));
  const added = more.participants.filter((p) => !known.has(p.name));
  if (added.length) take("participants", () => out.participants.push(...added));
  return out;
}

// ---- Localizing what the reading found ----------------------------------------------------------

/** A name found in English spelling, in the three languages when Parley knows it. */
function localizedName(en: string | null, lookup: (en: string) => { en: string; ru: string; uk: string } | undefined): Localized | undefined {
  if (!en) return undefined;
  return lookup(en) ?? { en };
}

function placeOf(d: Draft, names: NameIndex): Place | undefined {
  const city = localizedName(d.place.city, (n) => names.placeByEnglishName(n)?.name);
  const country = localizedName(d.place.country, (n) => names.names.countries.find((c) => c.name.en === n)?.name);
  const venue = localizedName(d.place.venue, (n) => names.placeByEnglishName(n)?.name);
  if (!city && !country && !venue) return undefined;
  return { ...(venue ? { venue } : {}), ...(city ? { city } : {}), ...(country ? { country } : {}) };
}

function participantsOf(d: Draft, names: NameIndex): Participant[] {
  return d.participants.map((p) => {
    const person = names.names.people.find((x) => x.name.en === p.name);
    const role: Localized | undefined = person && (!p.role || p.role === person.role.en) ? person.role : p.role ? { en: p.role } : undefined;
    return { name: person?.name ?? { en: p.name }, ...(role ? { role } : {}), side: p.side };
  });
}

export function recordSource(s: DraftSource): Source {
  return { outlet: s.outlet, ...(s.url ? { url: s.url } : {}), published: s.published, language: s.language };
}

/**
 * The entry a new draft would add, as the writer receives it (checkEntry judges it): its id from
 * the title and the date, unique against `taken`. A time needs a whole day; without a series the
 * entry is refused with the reason, and the editor gives one through Edit.
 */
export function entryFromDraft(d: Draft, sources: DraftSource[], names: NameIndex, taken: (id: string) => boolean): { [key: string]: unknown } {
  const lang = d.source.language;
  const title: Localized = { [lang]: d.title };
  const summary: Localized = { [lang]: d.summary || d.title };
  const e: { [key: string]: unknown } = { id: entryId(title, d.date, taken), track: d.track ?? "", kind: d.kind, status: d.status, date: d.date };
  if (d.time && d.date?.length === 10) e.time = d.time;
  if (d.timezone) e.timezone = d.timezone;
  if (d.sequence !== null) e.sequence = d.sequence;
  const place = placeOf(d, names);
  if (place) e.place = place;
  e.parties = d.parties;
  e.participants = participantsOf(d, names);
  e.title = title;
  e.summary = summary;
  if (d.outcome) e.outcome = { [lang]: d.outcome };
  e.sources = sources.map(recordSource);
  return e;
}

// ---- A report on a known entry ------------------------------------------------------------------

const OPEN = new Set<Status>(["announced", "scheduled", "postponed"]);

/**
 * What the reading changes in a known entry, as edits; none when it only repeats what the entry
 * holds. A guessed field changes nothing, and news never runs backwards: a report that the round
 * "will take place" does not reopen one the record has as held.
 */
export function changesOf(entry: Entry, d: Draft, names: NameIndex): EntryEdit[] {
  const edits: EntryEdit[] = [];
  const open = OPEN.has(entry.status);
  // The record keeps "postponed" for a contact whose new day is not known; one moved to a day
  // ("moved to December 8", "перенесли на 10 апреля") is scheduled on it, as the report's date says.
  const newDay = d.status === "postponed" && d.date?.length === 10 && read(d, "date") && d.date !== entry.date;
  if (newDay) {
    if (open && entry.status !== "scheduled") edits.push({ kind: "scheduled" });
  } else if (read(d, "status") && d.status !== entry.status && open) {
    if (d.status === "held") edits.push(d.outcome ? { kind: "held", outcome: { [d.source.language]: d.outcome } } : { kind: "held" });
    else if (d.status === "cancelled" || d.status === "postponed") edits.push({ kind: d.status });
    else if (d.status === "scheduled" && entry.status === "postponed" && d.date?.length === 10) edits.push({ kind: "scheduled" });
  }
  if (d.date && read(d, "date") && d.date !== entry.date) {
    const finer = entry.date !== null && entry.date.length === 7 && d.date.length === 10 && d.date.startsWith(entry.date);
    const moved = open && entry.date !== null && d.date.length === 10 && entry.date.length === 10 && daysApart(d.date, entry.date) > 1;
    if (entry.date === null || finer || moved) {
      const when: EntryEdit = { kind: "when", date: d.date };
      if (d.time && d.date.length === 10) Object.assign(when, { time: d.time }, d.timezone ? { timezone: d.timezone } : {});
      edits.push(when);
    }
  } else if (d.time && read(d, "time") && entry.date?.length === 10 && d.date === entry.date && d.time !== entry.time) {
    edits.push({ kind: "when", time: d.time, ...(d.timezone ? { timezone: d.timezone } : {}) });
  }
  if (d.place.city && read(d, "city") && !entry.place?.city) {
    const place = placeOf(d, names);
    if (place) edits.push({ kind: "place", place });
  }
  const known = new Set(entry.participants.map((p) => p.name.en));
  const added = participantsOf(d, names).filter((p) => !p.name.en || !known.has(p.name.en));
  if (added.length) edits.push({ kind: "participants", participants: added });
  return edits;
}

/** The slot an edit fills: a later report's edit of the same slot replaces the earlier one. */
function slot(e: EntryEdit): string {
  if (e.kind === "held" || e.kind === "cancelled" || e.kind === "postponed" || e.kind === "scheduled" || e.kind === "announced") return "status";
  return e.kind;
}

/** Two reports' changes of one entry as one: the later wins a slot, participants add up. */
export function mergeEdits(earlier: EntryEdit[], later: EntryEdit[]): EntryEdit[] {
  const out = [...earlier];
  for (const e of later) {
    const i = out.findIndex((x) => slot(x) === slot(e));
    if (i < 0) out.push(e);
    else if (e.kind === "participants" && out[i].kind === "participants") {
      const had = out[i] as Extract<EntryEdit, { kind: "participants" }>;
      const names = new Set(had.participants.map((p) => p.name.en));
      out[i] = { kind: "participants", participants: [...had.participants, ...e.participants.filter((p) => !names.has(p.name.en))] };
    } else out[i] = e;
  }
  return out;
}

/** The entry as the change would leave it, its sources added: what Publish writes. */
export function changedEntry(entry: Entry, edits: EntryEdit[], sources: DraftSource[]): Entry {
  return applyEdits(entry, [...edits, { kind: "sources", sources: sources.map(recordSource) }]);
}

/** All the edits Publish sends to the writer for a change: the proposal's and the sources. */
export function publishEdits(edits: EntryEdit[], sources: DraftSource[]): EntryEdit[] {
  return [...edits, { kind: "sources", sources: sources.map(recordSource) }];
}

/**
 * Whether a change draft still applies to the entry as the record holds it now (`current`):
 * - gone: the entry was removed; there is nothing to change.
 * - outdated: another edit changed, since the draft was made, a field the draft would change
 *   again (its date moved, its status set). Publish refuses rather than re-bases: the draft's
 *   edits were read from a report about the entry as it was, and applying them over an editor's
 *   later decision would silently undo it on the strength of an older report. The editor sees
 *   both and decides through Edit (the /update dialogue, on the entry as it is now) or Reject.
 * - clean: nothing the draft touches changed; `since` lists what did change meanwhile (a source
 *   added, a summary reworded), and Publish applies the edits to the entry as it is now: a
 *   re-base that cannot lose anyone's work.
 */
export type ChangeStanding = { kind: "gone" } | { kind: "outdated"; fields: EntryField[]; since: EntryField[] } | { kind: "clean"; since: EntryField[] };

export function changeStanding(proposal: Extract<Proposal, { kind: "change" }>, current: Entry | undefined): ChangeStanding {
  if (!current) return { kind: "gone" };
  if (!proposal.base) return { kind: "clean", since: [] };
  const since = changedFields(proposal.base, current);
  const fields = overwrittenSince(proposal.base, current, proposal.edits);
  return fields.length ? { kind: "outdated", fields, since } : { kind: "clean", since };
}
