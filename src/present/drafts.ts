// A draft as the editors read it: the entry as /event shows it with the reports as its sources
// (or the change, before → after, the reports as sources added), the sentence behind each field
// (guesses marked), and once decided, who
// decided what. One message a draft, so that every editor's copy can be edited in place. Pure.
import { changeLines, fieldName } from "../editorial/entry.ts";
import { changedEntry, changeStanding, entryFromDraft } from "../drafts/merge.ts";
import type { NameIndex } from "../ingest/names.ts";
import { buildRecord, type RecordView } from "../record/record.ts";
import type { Entry } from "../record/schema.ts";
import { checkEntry, describeProblem } from "../record/validate.ts";
import type { StoredDraft } from "../store/drafts.ts";
import { formatDay } from "./dates.ts";
import { entryDetails, type Reader } from "./entries.ts";
import { escapeHtml, LIMITS, truncate } from "./html.ts";
import { localizedHtml } from "./translate.ts";

const MAX_EVIDENCE_CHARS = 220;

/** The entry a new draft proposes, as it would be written; with the writer's objections, if any. */
export function proposedEntry(d: StoredDraft, record: RecordView, names: NameIndex): { entry: Entry; problems: string[] } {
  if (d.proposal.kind !== "new") throw new Error(`draft ${d.id} proposes a change, not an entry`);
  const raw = entryFromDraft(d.proposal.reading, d.sources, names, (id) => record.byId.has(id));
  const checked = checkEntry(raw, "events.json", new Set(record.tracks.map((t) => t.id)));
  return { entry: checked.entry ?? (raw as unknown as Entry), problems: checked.problems.map(describeProblem) };
}

/** The day the draft's event is (or is proposed to be) on: a draft still pending after it is stale. */
export function draftEventDate(d: StoredDraft, record: RecordView): string | null {
  if (d.proposal.kind === "change") {
    const when = d.proposal.edits.find((e) => e.kind === "when" && e.date);
    if (when && when.kind === "when" && when.date) return when.date;
    return record.find(d.proposal.entryId)?.date ?? d.proposal.reading.date;
  }
  return d.proposal.reading.date;
}

/** Pending while its event's day (or month) is already over. */
export function isStale(d: StoredDraft, record: RecordView, today: string): boolean {
  const date = draftEventDate(d, record);
  return d.status === "pending" && date !== null && date < today.slice(0, date.length);
}

/** What happened to the entry since the draft was made, when anything did, and what Publish will do about it. */
function standingBlocks(proposal: Extract<StoredDraft["proposal"], { kind: "change" }>, current: Entry | undefined, r: Reader): string[] {
  const standing = changeStanding(proposal, current);
  if (standing.kind === "gone") {
    const title = proposal.base ? `<b>${localizedHtml(proposal.base.title, r.lang)}</b>\n` : "";
    return [`${title}⚠️ ${escapeHtml(r.t("drafts-entry-gone"))}`];
  }
  if (!standing.since.length || !proposal.base || !current) return [];
  const since = [`⚠️ <b>${escapeHtml(r.t("drafts-changed-since"))}</b>`, ...changeLines(proposal.base, current, r)].join("\n");
  const verdict =
    standing.kind === "outdated"
      ? `⛔ ${escapeHtml(r.t("drafts-outdated", { fields: standing.fields.map((f) => fieldName(f, r)).join(", ") }))}`
      : escapeHtml(r.t("drafts-still-applies"));
  return [since, verdict];
}

/** The extractor's field names, as the desk's questions name them in the reader's language. */
const FIELD_LABEL: Record<string, string> = {
  kind: "kind",
  status: "status",
  date: "date",
  time: "time",
  timezone: "time",
  city: "place",
  country: "place",
  venue: "place",
  parties: "parties",
  participants: "participants",
  track: "track",
  sequence: "sequence",
  title: "title",
  summary: "summary",
  outcome: "outcome",
};

function fieldLabel(f: string, r: Reader): string {
  return FIELD_LABEL[f] ? r.t(`editorial-field-${FIELD_LABEL[f]}`) : f;
}

function evidenceBlock(d: StoredDraft, r: Reader): string | undefined {
  const reading = d.proposal.reading;
  const fields = Object.keys(reading.evidence);
  if (!fields.length) return undefined;
  const lines = [`<b>${escapeHtml(r.t("drafts-evidence"))}</b>`];
  for (const f of fields) {
    const guess = reading.guessed.includes(f) ? ` <i>(${escapeHtml(r.t("drafts-guessed"))})</i>` : "";
    const line = `• ${escapeHtml(fieldLabel(f, r))}${guess}: “${escapeHtml(truncate(reading.evidence[f], MAX_EVIDENCE_CHARS))}”`;
    // The time and its zone (or city, country and venue) often come from one sentence: said once.
    if (!lines.includes(line)) lines.push(line);
  }
  const unread = reading.guessed.filter((f) => !reading.evidence[f]);
  if (unread.length) lines.push(`• <i>${escapeHtml(r.t("drafts-guessed-fields", { fields: unread.map((f) => fieldLabel(f, r)).join(", ") }))}</i>`);
  return lines.join("\n");
}

/** Who decided the draft, and what: the last line of every copy once it is closed. */
export function decisionLine(d: StoredDraft, r: Reader): string | undefined {
  if (d.status === "pending" || !d.decidedBy) return undefined;
  const who = escapeHtml(d.decidedBy.name);
  const id = d.entryId ? `<code>${escapeHtml(d.entryId)}</code>` : "";
  return r.t(`drafts-decided-${d.status}`, { who, id });
}

/**
 * The draft as one message's blocks, header first. `today` marks a stale draft. The caller fits
 * the blocks into one message (the evidence and the reports are cut short before the entry).
 */
export function draftBlocks(d: StoredDraft, record: RecordView, names: NameIndex, r: Reader, today: string): string[] {
  const stale = isStale(d, record, today) ? ` · ⚠️ ${escapeHtml(r.t("drafts-stale"))}` : "";
  const blocks: string[] = [];
  if (d.proposal.kind === "new") {
    const { entry, problems } = proposedEntry(d, record, names);
    const preview = buildRecord({ tracks: record.tracks, entries: [entry] });
    blocks.push(`📰 <b>${escapeHtml(r.t("drafts-title-new", { id: d.id }))}</b>${stale}`);
    blocks.push(...entryDetails(preview, entry, r));
    if (problems.length && d.status === "pending") blocks.push([`⚠️ ${escapeHtml(r.t("drafts-not-publishable"))}`, ...problems.slice(0, 5).map((p) => `• ${escapeHtml(p)}`)].join("\n"));
  } else {
    const before = record.find(d.proposal.entryId);
    blocks.push(`📰 <b>${escapeHtml(r.t("drafts-title-change", { id: d.id }))}</b> <code>${escapeHtml(d.proposal.entryId)}</code>${stale}`);
    // The before → after is always against the entry as it is now: what Publish would write.
    if (before) {
      const after = changedEntry(before, d.proposal.edits, d.sources);
      blocks.push([`<b>${localizedHtml(before.title, r.lang)}</b>`, ...changeLines(before, after, r)].join("\n"));
    }
    if (d.status === "pending") blocks.push(...standingBlocks(d.proposal, before, r));
  }
  const evidence = evidenceBlock(d, r);
  if (evidence) blocks.push(evidence);
  const decided = decisionLine(d, r);
  if (decided) blocks.push(decided);
  return blocks;
}

/** The blocks as one message: the middle (evidence, then reports) is shortened to fit, never the decision. */
export function draftMessage(blocks: string[]): string {
  let html = blocks.join("\n\n");
  if (html.length <= LIMITS.messageText) return html;
  const last = blocks.at(-1)!;
  const room = LIMITS.messageText - last.length - 4;
  const kept: string[] = [];
  let size = 0;
  for (const b of blocks.slice(0, -1)) {
    if (size + b.length + 2 > room) break;
    kept.push(b);
    size += b.length + 2;
  }
  html = [...kept, "…", last].join("\n\n");
  return html.length <= LIMITS.messageText ? html : truncate(kept[0] ?? "", LIMITS.messageText);
}

/** One line of /drafts. */
export function draftListItem(d: StoredDraft, record: RecordView, r: Reader, today: string): string {
  const reading = d.proposal.reading;
  const date = draftEventDate(d, record);
  const when = date ? formatDay(date, r.lang) : r.t("date-not-set");
  const what = d.proposal.kind === "change" ? `${escapeHtml(r.t("drafts-change-of"))} <code>${escapeHtml(d.proposal.entryId)}</code>` : escapeHtml(r.t(`kind-${reading.kind}`));
  const city = reading.place.city ? ` · ${escapeHtml(reading.place.city)}` : "";
  const stale = isStale(d, record, today) ? ` · ⚠️ ${escapeHtml(r.t("drafts-stale"))}` : "";
  return `<b>${escapeHtml(d.id)}</b> · ${escapeHtml(when)} · ${what}${city}${stale}\n${escapeHtml(truncate(reading.title, 120))} · ${escapeHtml(r.t("drafts-reports", { count: d.sources.length }))}`;
}
