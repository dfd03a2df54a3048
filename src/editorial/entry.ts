// An entry as an editor writes it: the draft the /add conversation fills in, the changes that
// /update and `npm run events -- update` make (one model, one set of rules), and how a change
// reads (before → after) in /update's confirmation and in /history. Pure: no grammY, no I/O;
// words come from the reader's translate function.
import { formatEntryDate, formatMoment } from "../present/dates.ts";
import { partyName, placeText, type Reader } from "../present/entries.ts";
import { escapeHtml, link, truncate } from "../present/html.ts";
import { pick } from "../present/translate.ts";
import { sameJson } from "../record/json-layout.ts";
import { STATUSES, type Entry, type Kind, type Localized, type Participant, type Place, type Source, type Status } from "../record/schema.ts";
import type { EntryAuditRecord } from "../record-file/audit-log.ts";

export interface EntryDraft {
  track?: string;
  /** A series created together with the entry (written just before it). */
  newTrack?: { id: string; title: Localized };
  kind?: Kind;
  status?: Status;
  /** null: the date is not set yet; absent: not asked yet. */
  date?: string | null;
  time?: string;
  timezone?: string;
  place?: Place;
  participants?: Participant[];
  title?: Localized;
  summary?: Localized;
  sources?: Source[];
}

/** The questions of /add, in the order they are asked; each can be redone from the preview. */
export const DRAFT_FIELDS = ["track", "kind", "status", "date", "time", "place", "participants", "title", "summary", "sources"] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** Parley follows US–Russia contacts: a series with no entries yet starts from these two. */
const USUAL_PARTIES = ["RU", "US"];

/** The parties of an entry: the series' usual ones plus every side its participants speak for. */
export function partiesFor(participants: Participant[], usual: string[] = USUAL_PARTIES): string[] {
  const parties = usual.length ? [...usual] : [...USUAL_PARTIES];
  for (const p of participants) if (p.side !== "mediator" && !parties.includes(p.side)) parties.push(p.side);
  return parties;
}

/** The entry as it would be written, keys in the file's usual order; checkEntry judges it. */
export function draftEntry(d: EntryDraft, id: string, usualParties: string[]): { [key: string]: unknown } {
  const e: { [key: string]: unknown } = { id, track: d.newTrack?.id ?? d.track, kind: d.kind, status: d.status, date: d.date ?? null };
  if (d.time) e.time = d.time;
  if (d.timezone) e.timezone = d.timezone;
  if (d.place) e.place = d.place;
  e.parties = partiesFor(d.participants ?? [], usualParties);
  if (d.participants?.length) e.participants = d.participants;
  e.title = d.title;
  e.summary = d.summary;
  e.sources = d.sources;
  return e;
}

/**
 * Whether `e` is this draft already written: the same entry but for its id. Publishing again
 * after a crash between the write and the saving of the conversation (which replays the
 * Publish) must find it rather than add a second copy under a "-2" id.
 */
export function isDraftOf(e: Entry, d: EntryDraft, usualParties: string[]): boolean {
  // The schema gives an entry without participants an empty list; the draft leaves it out.
  return sameJson({ participants: [], ...draftEntry(d, e.id, usualParties) }, e);
}

/**
 * One change to an entry: what the bot's /update offers (one at a time) and what
 * `npm run events -- update` builds from its options (several at once, see applyEdits).
 * Data, not a function, so that it can cross to the writer's worker thread; applied to the
 * entry as it stands in the file when saved.
 */
export type EntryEdit =
  | { kind: "held"; outcome?: Localized }
  | { kind: "announced" }
  | { kind: "scheduled" }
  | { kind: "postponed" }
  | { kind: "cancelled" }
  /** Merged into the outcome, one language at a time; the status stays. */
  | { kind: "outcome"; outcome: Localized }
  /** Absent: unchanged; null: cleared (a null date means "not set yet"). */
  | { kind: "when"; date?: string | null; endDate?: string | null; time?: string | null; timezone?: string | null }
  /** The whole place: the old city's country or venue do not belong to the new city. */
  | { kind: "place"; place: Place }
  | { kind: "sources"; sources: Source[] }
  | { kind: "participants"; participants: Participant[] };

type StatusEdit = Extract<EntryEdit, { kind: Status }>;
const isStatusEdit = (c: EntryEdit): c is StatusEdit => (STATUSES as readonly string[]).includes(c.kind);

/**
 * The rules of an edit, the same for /update and the command line:
 * - A new date starts the entry's timing afresh: its end date and time belonged to the old
 *   date and go unless given with it (a postponed meeting rarely keeps its hour, and a stale
 *   hour would send reminders at the wrong time). The zone stays: it is the place's.
 * - A new day (YYYY-MM-DD) schedules a postponed or announced entry again, and no date makes a
 *   scheduled entry announced, so that the status agrees with the date. Only `date` does this;
 *   a new time or zone alone leaves the status as it is.
 * - A status given together with a date wins over the one the date implies (see applyEdits).
 * Nothing here judges the result (a time on a month-only date, "scheduled" without a date):
 * the writer validates the whole entry and refuses it with the reason.
 */
export function applyEdit(e: Entry, c: EntryEdit): Entry {
  const next = structuredClone(e);
  switch (c.kind) {
    case "held":
      next.status = "held";
      if (c.outcome) next.outcome = { ...e.outcome, ...c.outcome };
      break;
    case "announced":
    case "scheduled":
    case "postponed":
    case "cancelled":
      next.status = c.kind;
      break;
    case "outcome":
      next.outcome = { ...e.outcome, ...c.outcome };
      break;
    case "when":
      if (c.date !== undefined) {
        next.date = c.date;
        if (c.endDate === undefined) delete next.endDate;
        if (c.time === undefined) delete next.time;
        if (c.date === null && next.status === "scheduled") next.status = "announced";
        else if (c.date?.length === 10 && (next.status === "postponed" || next.status === "announced")) next.status = "scheduled";
      }
      for (const key of ["endDate", "time", "timezone"] as const) {
        const value = c[key];
        if (value === null) delete next[key];
        else if (value !== undefined) next[key] = value;
      }
      break;
    case "place":
      next.place = c.place;
      break;
    case "sources":
      next.sources = [...e.sources, ...c.sources.filter((s) => !e.sources.some((o) => sameJson(o, s) || (s.url && o.url === s.url)))];
      break;
    case "participants":
      next.participants = [...e.participants, ...c.participants.filter((p) => !e.participants.some((o) => sameJson(o, p)))];
      next.parties = partiesFor(c.participants, e.parties);
      break;
  }
  return next;
}

/**
 * Several edits as one change (one `update` command): the status edits come last, so a status
 * given explicitly wins over the one a new date implies (`--date 2026-06-01 --status
 * postponed` keeps the entry postponed at its new date); the others apply in the order given.
 */
export function applyEdits(e: Entry, edits: readonly EntryEdit[]): Entry {
  return [...edits.filter((c) => !isStatusEdit(c)), ...edits.filter(isStatusEdit)].reduce(applyEdit, e);
}

// ---- Before → after -------------------------------------------------------------------------

type Field = "track" | "kind" | "status" | "when" | "place" | "parties" | "participants" | "title" | "summary" | "outcome" | "note" | "durationMinutes" | "sequence" | "sources";
const FIELDS: Field[] = ["track", "kind", "status", "when", "place", "parties", "participants", "title", "summary", "outcome", "note", "durationMinutes", "sequence", "sources"];
const LABEL_KEY: { [F in Field]: string } = {
  track: "editorial-field-track",
  kind: "editorial-field-kind",
  status: "editorial-field-status",
  when: "editorial-field-date",
  place: "editorial-field-place",
  parties: "editorial-field-parties",
  participants: "editorial-field-participants",
  title: "editorial-field-title",
  summary: "editorial-field-summary",
  outcome: "editorial-field-outcome",
  note: "editorial-field-note",
  durationMinutes: "editorial-field-duration",
  sequence: "editorial-field-sequence",
  sources: "editorial-field-sources",
};

function valueOf(e: Entry | null, f: Field): unknown {
  if (!e) return undefined;
  if (f === "when") return { date: e.date, endDate: e.endDate, time: e.time, timezone: e.timezone };
  const v = e[f];
  return Array.isArray(v) && v.length === 0 ? undefined : v;
}

/** A localized text, shortened for a one-line comparison, marked when not in the reader's language. */
function shortText(text: Localized | undefined, r: Reader, max = 160): string {
  const p = pick(text, r.lang);
  if (!p) return "—";
  const body = escapeHtml(truncate(p.text, max));
  return p.lang === r.lang ? body : `${body} <i>[${p.lang.toUpperCase()}]</i>`;
}

function participantHtml(p: Participant, r: Reader): string {
  return `${shortText(p.name, r, 60)} (${escapeHtml(partyName(p.side, r.t))})`;
}

function sourceHtml(s: Source): string {
  return `${link(s.outlet, s.url)} [${escapeHtml(s.language)}]`;
}

function render(e: Entry, f: Field, r: Reader): string {
  switch (f) {
    case "track":
      return `<code>${escapeHtml(e.track)}</code>`;
    case "kind":
      return escapeHtml(r.t(`kind-${e.kind}`));
    case "status":
      return escapeHtml(r.t(`status-${e.status}`));
    case "when":
      return escapeHtml(formatEntryDate(e, r.lang, r.t));
    case "place":
      return placeText(e, r.lang) || "—";
    case "parties":
      return e.parties.map((p) => escapeHtml(partyName(p, r.t))).join(" – ");
    case "title":
    case "summary":
    case "outcome":
    case "note":
      return shortText(e[f], r);
    case "durationMinutes":
    case "sequence":
      return e[f] === undefined ? "—" : String(e[f]);
    default:
      return "";
  }
}

/**
 * One line per field that differs: "Status: scheduled → held"; for participants and sources,
 * the items added (+) and removed (−). `before` null: the entry is new; `after` null: removed.
 */
export function changeLines(before: Entry | null, after: Entry | null, r: Reader): string[] {
  const lines: string[] = [];
  for (const f of FIELDS) {
    const a = valueOf(before, f);
    const b = valueOf(after, f);
    if (sameJson(a, b)) continue;
    const label = `<b>${escapeHtml(r.t(LABEL_KEY[f]))}</b>`;
    if (f === "participants" || f === "sources") {
      const was = (a ?? []) as (Participant | Source)[];
      const now = (b ?? []) as (Participant | Source)[];
      const item = (x: Participant | Source) => (f === "sources" ? sourceHtml(x as Source) : participantHtml(x as Participant, r));
      for (const x of now) if (!was.some((y) => sameJson(x, y))) lines.push(`${label}: + ${item(x)}`);
      for (const x of was) if (!now.some((y) => sameJson(x, y))) lines.push(`${label}: − ${item(x)}`);
      continue;
    }
    const from = before && a !== undefined ? render(before, f, r) : "—";
    const to = after && b !== undefined ? render(after, f, r) : "—";
    lines.push(`${label}: ${from} → ${to}`);
  }
  return lines;
}

/** One recorded change for /history: when, who, what. */
export function historyBlock(rec: EntryAuditRecord, r: Reader): string {
  const who = rec.actor.kind === "cli" ? `${escapeHtml(rec.actor.name)} ${escapeHtml(r.t("editorial-via-cli"))}` : escapeHtml(rec.actor.name);
  const action = rec.action === "revert" && rec.after === null ? "removed" : rec.action;
  const head = `<b>${escapeHtml(formatMoment(rec.at, r.lang, r.zone))}</b> · ${who} · ${escapeHtml(r.t(`editorial-action-${action}`))}`;
  if (rec.action === "add" && rec.after) {
    return [head, `${shortText(rec.after.title, r)} · ${escapeHtml(formatEntryDate(rec.after, r.lang, r.t))} · ${escapeHtml(r.t(`status-${rec.after.status}`))}`].join("\n");
  }
  const lines = changeLines(rec.before, rec.after, r);
  return [head, ...(lines.length ? lines : [escapeHtml(r.t("editorial-no-change"))])].join("\n");
}

// ---- A change prepared against an older version of the entry ----------------------------------

/** The fields where adding is all an edit does: another editor's additions never clash with it. */
const ADDITIVE = new Set<Field>(["participants", "parties", "sources"]);

/**
 * The fields in which `edits`, made against `base`, would now overwrite a change made since
 * (`current` is the entry as the file holds it). A field changed meanwhile clashes only when the
 * edits would change it again: another editor who already marked the round held, as the news
 * says, leaves the draft nothing to overwrite; one who moved it to another day does. Additions
 * (participants, sources) never clash: adding what is there already adds nothing.
 */
export function overwrittenSince(base: Entry, current: Entry, edits: readonly EntryEdit[]): Field[] {
  const after = applyEdits(current, edits);
  return FIELDS.filter((f) => !ADDITIVE.has(f) && !sameJson(valueOf(base, f), valueOf(current, f)) && !sameJson(valueOf(current, f), valueOf(after, f)));
}

/** The fields in which the entry changed between two versions (what a reader is told changed). */
export function changedFields(before: Entry, after: Entry): Field[] {
  return FIELDS.filter((f) => !sameJson(valueOf(before, f), valueOf(after, f)));
}

/** A field's name in the reader's language, as changeLines labels it. */
export function fieldName(f: Field, r: Reader): string {
  return r.t(LABEL_KEY[f]);
}

export type { Field as EntryField };

/**
 * The edits with one more, as the /update dialogue collects them: an edit of a slot already
 * taken (a status, the date, the place) replaces it; sources and participants are added to.
 */
export function withEdit(edits: readonly EntryEdit[], e: EntryEdit): EntryEdit[] {
  const slot = (x: EntryEdit) => (isStatusEdit(x) ? "status" : x.kind);
  const i = edits.findIndex((x) => slot(x) === slot(e));
  if (i < 0) return [...edits, e];
  const had = edits[i];
  const merged: EntryEdit =
    had.kind === "sources" && e.kind === "sources"
      ? { kind: "sources", sources: [...had.sources, ...e.sources] }
      : had.kind === "participants" && e.kind === "participants"
        ? { kind: "participants", participants: [...had.participants, ...e.participants] }
        : e;
  return edits.map((x, j) => (j === i ? merged : x));
}
