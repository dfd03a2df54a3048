// Digests and reminders as Telegram messages, for one language. Pure: changes, the record and a
// translate function in; HTML texts (each within Telegram's 4096 characters) and plain inline
// keyboards out. The job renders once per (language, set of changes a subscription's filters
// let through) and reuses the text for every chat that shares them, so a change announced to
// 100,000 subscribers is rendered a handful of times, not 100,000. That is also why digest
// texts never depend on the reader's zone (times are given in the entry's own zone); only
// reminders, which are per chat anyway, show the reader's local time.
import { formatEntryDate, countdown } from "../present/dates.ts";
import { entryButtonLabel, placeText, type Reader } from "../present/entries.ts";
import { eventButton } from "../present/callbacks.ts";
import { escapeHtml, packMessages, truncate } from "../present/html.ts";
import { localizedHtml, pick, type Translate } from "../present/translate.ts";
import type { RecordView } from "../record/record.ts";
import type { Entry, Lang, Localized } from "../record/schema.ts";
import type { RecordChange, When } from "./changes.ts";
import type { Reminder } from "./reminders.ts";

/** An inline keyboard as the Bot API takes it (no grammY needed to build one). */
export interface Keyboard {
  inline_keyboard: { text: string; callback_data: string }[][];
}

export interface DigestMessage {
  text: string;
  replyMarkup?: Keyboard;
}

export interface Words {
  lang: Lang;
  t: Translate;
}

export type DigestHeading = { kind: "instant" } | { kind: "daily"; day: string };

/** More "details" buttons than this make a wall; the ids then go into the text as /event commands. */
export const MAX_BUTTONS = 8;
/** Items per digest; a bulk import says how many more there are instead of sending pages of them. */
export const MAX_ITEMS = 40;
const OUTCOME_CHARS = 280;

function title(e: Entry, lang: Lang): string {
  return `<b>${localizedHtml(e.title, lang)}</b>`;
}

/** The entry's date (time and zone when known) and where: "10 April 2026, 10:00 (Europe/Istanbul), Istanbul". */
function whenWhere(e: Entry, w: Words): string {
  const when = escapeHtml(formatEntryDate(e, w.lang, w.t));
  const where = placeText(e, w.lang);
  return where ? `${when}, ${where}` : when;
}

function whenText(e: Entry, when: When, w: Words): string {
  return escapeHtml(formatEntryDate({ ...e, ...when, endDate: when.endDate, time: when.time, timezone: when.timezone }, w.lang, w.t));
}

function localizedGist(text: Localized | undefined, lang: Lang, max = OUTCOME_CHARS): string {
  const p = pick(text, lang);
  if (!p) return "";
  const body = escapeHtml(truncate(p.text, max));
  return p.lang === lang ? body : `${body} <i>[${p.lang.toUpperCase()}]</i>`;
}

/** The status line of an entry as it now stands ("new" and "status" changes say the same thing). */
function statusLine(e: Entry, w: Words, isNew: boolean): string {
  const t = w.t;
  const vars = { title: title(e, w.lang), when: whenWhere(e, w) };
  switch (e.status) {
    case "held": {
      const line = t("digest-held", vars);
      const gist = localizedGist(e.outcome, w.lang);
      return gist ? `${line}\n<i>${gist}</i>` : line;
    }
    case "postponed":
      return e.date ? t("digest-postponed-from", vars) : t("digest-postponed", vars);
    case "cancelled":
      return e.date ? t("digest-cancelled-from", vars) : t("digest-cancelled", vars);
    case "scheduled":
    case "announced":
      if (!e.date) return t("digest-new-undated", vars);
      return t(isNew ? "digest-new-dated" : `digest-${e.status}`, vars);
  }
}

/** One change as a line (or two): the digest's item, without the id suffix. */
export function changeLine(c: RecordChange, e: Entry, w: Words): string {
  const t = w.t;
  const name = title(e, w.lang);
  switch (c.type) {
    case "new":
      return statusLine(e, w, true);
    case "status":
      return statusLine({ ...e, status: c.after }, w, false);
    case "date": {
      if (!c.after.date) return t("digest-date-cleared", { title: name, from: whenText(e, c.before, w) });
      if (!c.before.date) return t("digest-date-set", { title: name, to: whenText(e, c.after, w) });
      return t("digest-date-moved", { title: name, from: whenText(e, c.before, w), to: whenText(e, c.after, w) });
    }
    case "place": {
      const from = placeText({ ...e, place: c.before }, w.lang);
      const to = placeText({ ...e, place: c.after }, w.lang);
      if (!to) return t("digest-place-cleared", { title: name, from });
      if (!from) return t("digest-place-set", { title: name, to });
      return t("digest-place-moved", { title: name, from, to });
    }
    case "outcome":
      return t(c.before ? "digest-outcome-changed" : "digest-outcome-added", { title: name, outcome: localizedGist(c.after, w.lang) });
  }
}

function detailsButton(e: Entry, w: Words): { text: string; callback_data: string } {
  return { text: w.t("digest-details", { label: entryButtonLabel(e, w.lang, 40) }), callback_data: eventButton.pack(e.id) };
}

/**
 * A digest of changes: a heading, then the changes grouped by track (the track's title as a
 * heading, tracks in the record's order), each item ending with its entry id. Up to
 * MAX_BUTTONS entries get a "details" button (on the last message); beyond that the text says
 * `/event <id>` instead. Changes to entries no longer in the record are left out; no changes
 * left, no messages.
 */
export function renderDigest(changes: readonly RecordChange[], record: RecordView, w: Words, heading: DigestHeading = { kind: "instant" }): DigestMessage[] {
  const shown: { c: RecordChange; e: Entry }[] = [];
  for (const c of changes) {
    const e = record.find(c.entryId);
    if (e) shown.push({ c, e });
  }
  if (!shown.length) return [];
  const items = shown.slice(0, MAX_ITEMS);
  const entries = [...new Map(items.map(({ e }) => [e.id, e])).values()];
  const withButtons = entries.length <= MAX_BUTTONS;

  const byTrack = new Map<string, string[]>();
  for (const { c, e } of items) {
    const id = escapeHtml(e.id);
    const suffix = withButtons ? ` · <code>${id}</code>` : ` · <code>/event ${id}</code>`;
    const line = changeLine(c, e, w);
    // The suffix goes on the item's first line, so each line stays whole HTML on its own.
    const nl = line.indexOf("\n");
    const item = nl < 0 ? line + suffix : line.slice(0, nl) + suffix + line.slice(nl);
    const list = byTrack.get(e.track) ?? [];
    list.push(item);
    byTrack.set(e.track, list);
  }
  const order = [...record.tracks.map((tr) => tr.id), ...[...byTrack.keys()].filter((id) => !record.byTrack.has(id))];
  const blocks = [heading.kind === "daily" ? w.t("digest-daily-title", { day: escapeHtml(heading.day) }) : w.t("digest-title")];
  /** Buttons in the order the text names the entries. */
  const buttonEntries = new Map<string, Entry>();
  for (const trackId of order) {
    const list = byTrack.get(trackId);
    if (!list) continue;
    for (const { e } of items) if (e.track === trackId) buttonEntries.set(e.id, e);
    const track = record.byTrack.get(trackId)?.track;
    const name = track ? localizedHtml(track.title, w.lang) : escapeHtml(trackId);
    blocks.push([`<u><b>${name}</b></u>`, ...list].join("\n"));
  }
  if (shown.length > items.length) blocks.push(w.t("digest-more", { count: shown.length - items.length }));

  const texts = packMessages(blocks);
  const messages: DigestMessage[] = texts.map((text) => ({ text }));
  if (withButtons) messages[messages.length - 1].replyMarkup = { inline_keyboard: [...buttonEntries.values()].map((e) => [detailsButton(e, w)]) };
  return messages;
}

/**
 * A reminder, its own short message: "⏰ Tomorrow at 13:00: Round 2", then the date in the
 * entry's zone and the reader's, and the place. The countdown is counted in the reader's zone.
 */
export function renderReminder(reminder: Reminder, record: RecordView, reader: Reader): DigestMessage | undefined {
  const e = record.find(reminder.entryId);
  if (!e) return undefined;
  const when = countdown(e, reader.now, reader.zone, reader.lang, reader.t);
  const head = reader.t("digest-reminder", { when: `<b>${escapeHtml(capitalise(when))}</b>`, title: title(e, reader.lang) });
  const track = record.byTrack.get(e.track)?.track;
  const lines = [head];
  const date = escapeHtml(formatEntryDate(e, reader.lang, reader.t, reader.zone));
  const place = placeText(e, reader.lang);
  lines.push(`📅 ${date}${place ? ` · 📍 ${place}` : ""}`);
  if (track) lines.push(`<i>${localizedHtml(track.title, reader.lang)}</i> · <code>${escapeHtml(e.id)}</code>`);
  const [text] = packMessages([lines.join("\n")]);
  return { text, replyMarkup: { inline_keyboard: [[detailsButton(e, reader)]] } };
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
