// The intake: one report in, the drafts updated. It reads the report (extract.ts) against the
// record as it is now, merges each contact it reports into the pending drafts (merge.ts), has
// the drafts and the report's id on disk, then lets the editors' side know which drafts changed.
// Reports are taken one at a time, so two outlets' stories on one round cannot both open a draft.
import type { Logger } from "../log.ts";
import type { RecordView } from "../record/record.ts";
import type { Entry } from "../record/schema.ts";
import type { DraftStore, DraftsFile, StoredDraft } from "../store/drafts.ts";
import type { Draft } from "../ingest/draft.ts";
import { understand } from "../ingest/extract.ts";
import type { IncomingArticle, Intake, IntakeOutcome } from "../ingest/incoming.ts";
import { changesOf, mergeEdits, mergeReadings, normaliseUrl, sameEvent, type DraftSource } from "./merge.ts";
import type { NameIndex } from "../ingest/names.ts";

/** What one contact of the report did to the drafts. */
export type DraftEffect =
  /** A new draft (a new entry, or the first proposed change of a known one). */
  | { effect: "created"; draftId: string }
  /** Another report of a pending draft's event: its source, and what it adds, joined that draft. */
  | { effect: "merged"; draftId: string }
  /** A known entry, reported with nothing new and no draft pending for it. */
  | { effect: "known"; entryId: string };

export interface IntakeReport extends IntakeOutcome {
  effects: DraftEffect[];
}

export interface DraftIntakeOptions {
  store: DraftStore;
  names: NameIndex;
  record: () => RecordView;
  clock: () => Date;
  /** The drafts created or changed, once they are on disk: the editors' copies are sent or edited. */
  onDrafts?: (draftIds: string[]) => Promise<void>;
  log: Logger;
}

/** How far back the record is searched for the entry a report is about: older ones are history. */
const MATCH_WINDOW_DAYS = 400;

export class DraftIntake implements Intake {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: DraftIntakeOptions) {}

  receive(article: IncomingArticle): Promise<IntakeReport> {
    const run = this.#queue.then(() => this.#receive(article));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #receive(article: IncomingArticle): Promise<IntakeReport> {
    const { store, names, clock, log } = this.opts;
    const url = article.url ? normaliseUrl(article.url) : undefined;
    const seen = store.taken(article.id, url);
    if (seen) return { relevant: seen.relevant, reason: seen.reason, draftIds: [], duplicate: true, effects: [] };

    const now = clock();
    const at = now.toISOString();
    const today = at.slice(0, 10);
    const record = this.opts.record();
    const entries = entriesNear(record, today);
    const u = understand(article, names, { today, entries });
    const effects: DraftEffect[] = [];
    await store.change((data) => {
      if (u.relevant) {
        const source: DraftSource = {
          outlet: article.outlet ?? (article.url ? hostOf(article.url) : undefined) ?? "—",
          ...(article.url ? { url: article.url } : {}),
          published: u.published,
          language: u.language,
          articleId: article.id,
        };
        for (const reading of u.drafts) effects.push(take(data, reading, source, record, names, at, () => `d${(data.next++).toString(36)}`));
      }
      const draftIds = [...new Set(effects.flatMap((e) => (e.effect === "known" ? [] : [e.draftId])))];
      const known = effects.flatMap((e) => (e.effect === "known" ? [e.entryId] : []));
      data.articles[article.id] = { at, relevant: u.relevant, reason: u.reason, draftIds, ...(known.length ? { knownEntries: known } : {}) };
      if (url) data.urls[url] = article.id;
    });
    const draftIds = [...new Set(effects.flatMap((e) => (e.effect === "known" ? [] : [e.draftId])))];
    log.info("report taken", { id: article.id, relevant: u.relevant, reason: u.reason, drafts: draftIds });
    if (draftIds.length && this.opts.onDrafts) {
      // The drafts are on disk: a failure to tell the editors is theirs to see in the log and
      // in /drafts, not a reason to take the report again.
      await this.opts.onDrafts(draftIds).catch((err) => log.warn("could not show the drafts to the editors", { drafts: draftIds, error: String(err) }));
    }
    return { relevant: u.relevant, reason: u.reason, draftIds, effects };
  }
}

/** The entries a report may be about: those undated, and those dated within the window before today or after it. */
function entriesNear(record: RecordView, today: string): Entry[] {
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - MATCH_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
  const refs = [...record.chrono.filter((r) => r.date !== null && r.date >= from.slice(0, r.date.length)), ...record.undated];
  return refs.map((r) => record.entry(r));
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return undefined;
  }
}

function addSource(d: StoredDraft, source: DraftSource): void {
  const url = source.url && normaliseUrl(source.url);
  if (d.sources.some((s) => s.articleId === source.articleId || (url && s.url && normaliseUrl(s.url) === url))) return;
  d.sources.push(source);
}

/** One contact of the report into the drafts: a change of a known entry, or a new event. */
function take(data: DraftsFile, reading: Draft, source: DraftSource, record: RecordView, names: NameIndex, at: string, newId: () => string): DraftEffect {
  const pending = data.drafts.filter((d) => d.status === "pending");
  const entry = reading.matches ? record.find(reading.matches) : undefined;
  if (entry) {
    const edits = changesOf(entry, reading, names);
    const open = pending.find((d) => d.proposal.kind === "change" && d.proposal.entryId === entry.id);
    if (open && open.proposal.kind === "change") {
      // The base stays the entry as the draft's first report found it: what the editors were shown.
      const base = open.proposal.base;
      open.proposal = { kind: "change", entryId: entry.id, edits: mergeEdits(open.proposal.edits, edits), reading: mergeReadings(open.proposal.reading, reading), ...(base ? { base } : {}) };
      addSource(open, source);
      open.updated = at;
      return { effect: "merged", draftId: open.id };
    }
    if (edits.length === 0) return { effect: "known", entryId: entry.id };
    const draft: StoredDraft = { id: newId(), status: "pending", proposal: { kind: "change", entryId: entry.id, edits, reading, base: structuredClone(entry) }, sources: [source], copies: [], created: at, updated: at };
    data.drafts.push(draft);
    return { effect: "created", draftId: draft.id };
  }
  const same = pending.find((d) => d.proposal.kind === "new" && sameEvent(d.proposal.reading, reading));
  if (same && same.proposal.kind === "new") {
    same.proposal = { kind: "new", reading: mergeReadings(same.proposal.reading, reading) };
    addSource(same, source);
    same.updated = at;
    return { effect: "merged", draftId: same.id };
  }
  const draft: StoredDraft = { id: newId(), status: "pending", proposal: { kind: "new", reading: { ...reading, matches: null } }, sources: [source], copies: [], created: at, updated: at };
  data.drafts.push(draft);
  return { effect: "created", draftId: draft.id };
}
