// The drafts Parley made of news reports: what each proposes, the reports behind it, where the
// editors' copies of it are, and who decided it; and every report taken, by id and by link, so
// the same report is never taken twice, across restarts. One interface, two back ends: the file
// (state/drafts.json, FileDraftStore below) and PostgreSQL (src/store-db/drafts.ts), where the
// replicas share the drafts and a decision is taken once among them.
import type { Actor } from "../record-file/audit-log.ts";
import type { DraftSource, Proposal } from "../drafts/merge.ts";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { JsonStore } from "./json-store.ts";

export type DraftStatus = "pending" | "published" | "rejected" | "irrelevant";

/** One editor's copy of a draft: edited in place when the draft changes or is decided. */
export interface DraftCopy {
  chatId: number;
  messageId: number;
}

export interface StoredDraft {
  /** Short and safe in a button's data: "d" and a number in base 36. */
  id: string;
  status: DraftStatus;
  proposal: Proposal;
  sources: DraftSource[];
  copies: DraftCopy[];
  /** ISO instants. */
  created: string;
  updated: string;
  decidedBy?: Actor;
  decidedAt?: string;
  /** The entry it was published as (a new entry's id, or the entry changed). */
  entryId?: string;
}

/** What became of one report, kept so that it is taken once. */
export interface TakenArticle {
  at: string;
  relevant: boolean;
  reason: string;
  draftIds: string[];
  /** A report on a known entry that told nothing new. */
  knownEntries?: string[];
}

interface DraftsFile {
  /** The number behind the next draft's id. */
  next: number;
  drafts: StoredDraft[];
  articles: { [articleId: string]: TakenArticle };
  /** Normalised link → the id of the report taken under it. */
  urls: { [url: string]: string };
  /**
   * Each editor's Telegram language, as last seen: drafts reach editors unasked, and one who
   * never chose a /lang still reads them in the language of their Telegram.
   */
  editorLanguages: { [userId: string]: string };
}

/** What a decision records. */
export interface Decided {
  status: Exclude<DraftStatus, "pending">;
  decidedBy: Actor;
  decidedAt: string;
  entryId?: string;
}

/**
 * A decision tried: `closed` (this call decided it), `decided` (someone had: the draft says who),
 * `busy` (another editor is publishing it right now), `missing`.
 */
export type Closing = { kind: "closed"; draft: StoredDraft } | { kind: "decided"; draft: StoredDraft } | { kind: "busy" } | { kind: "missing" };

/** Publish takes the draft first (the record is written while it is held), then closes it. */
export type Claim = { kind: "claimed"; draft: StoredDraft } | Exclude<Closing, { kind: "closed" }>;

/** The intake's view of the drafts while it takes one report: the pending ones, changed in place. */
export interface IntakeWork {
  /** The pending drafts as they stand: change them in place, and they are saved. */
  readonly pending: StoredDraft[];
  /** A new draft, saved with the rest (the intake also pushes it to `pending` for the report's next contact). */
  add(draft: StoredDraft): void;
  /** A new draft's id: "d" and the next number in base 36. */
  newId(): string;
}

export type Taking = { kind: "taken"; article: TakenArticle; drafts: StoredDraft[] } | { kind: "seen"; article: TakenArticle };

export interface DraftStore {
  /** As this process last saw it; `fresh` asks the shared store. */
  get(id: string): StoredDraft | undefined;
  /** The draft as stored now (another replica may have made or decided it a moment ago). */
  fresh(id: string): Promise<StoredDraft | undefined>;
  /** Pending drafts, newest first. */
  pending(): StoredDraft[];
  /** The report taken under this id or this normalised link, if any. */
  taken(articleId: string, url?: string): Promise<TakenArticle | undefined>;
  /**
   * One report into the drafts, atomically: unless it was taken meanwhile (`seen`), `apply`
   * changes the pending drafts or adds some and says what became of the report; all of it is
   * saved at once, and `drafts` are the ones changed or added. Reports are taken one at a time
   * among all the processes sharing the store.
   */
  take(articleId: string, url: string | undefined, apply: (work: IntakeWork) => TakenArticle): Promise<Taking>;
  /** An editor's copy sent: kept, so that a decision on any replica edits it. */
  addCopy(id: string, copy: DraftCopy): Promise<StoredDraft | undefined>;
  /** Copies that are gone (deleted by the editor): no longer edited. */
  dropCopies(id: string, copies: DraftCopy[]): Promise<void>;
  /** Publish's first step: held by `holder` until closed or released (or, shared, until a lease runs out). */
  claim(id: string, holder: string): Promise<Claim>;
  release(id: string, holder: string): Promise<void>;
  /** Decides a pending draft, once: the first decision wins (`holder` is the claim's, if taken). */
  decide(id: string, decision: Decided, holder?: string): Promise<Closing>;
  languageOf(userId: number): string | undefined;
  /** Saves only a change: called on every editor's message. */
  rememberLanguage(userId: number, code: string | undefined): Promise<void>;
  /** Waits for every write. */
  flush(): Promise<void>;
}

/** Newest first, the order /drafts lists them in. */
export function newestFirst(drafts: StoredDraft[]): StoredDraft[] {
  const n = (d: StoredDraft) => parseInt(d.id.slice(1), 36);
  return drafts.sort((a, b) => b.created.localeCompare(a.created) || n(b) - n(a));
}

/** The changes an intake made, found by comparing the pending drafts before and after. */
export function changedBy(before: Map<string, string>, work: { pending: StoredDraft[]; added: StoredDraft[] }): StoredDraft[] {
  return [...work.pending.filter((d) => before.has(d.id) && JSON.stringify(d) !== before.get(d.id)), ...work.added];
}

const isDraftsFile = (d: unknown): d is DraftsFile => typeof (d as DraftsFile).next === "number" && Array.isArray((d as DraftsFile).drafts) && typeof (d as DraftsFile).articles === "object";

export const emptyDraftsFile = (): DraftsFile => ({ next: 1, drafts: [], articles: {}, urls: {}, editorLanguages: {} });

/** state/drafts.json: one process, which holds its claims in memory. */
export class FileDraftStore implements DraftStore {
  /** Drafts being published, by holder: a second press meanwhile must not write twice. */
  readonly #claims = new Map<string, string>();

  /**
   * The reports taken, one line each (drafts.articles.jsonl): every report is taken, most make no
   * draft, and rewriting drafts.json for each held the main thread 10-20 ms a report once a few
   * thousand had been read. drafts.json is rewritten only when a draft changes.
   */
  readonly #journal: string;

  constructor(
    readonly store: JsonStore<DraftsFile>,
    journal: string,
  ) {
    this.#journal = journal;
  }

  static open(file: string): FileDraftStore {
    const journal = file.replace(/\.json$/, "") + ".articles.jsonl";
    // drafts.json holds no reports: they are in the journal (an older file's are moved there once).
    const store = JsonStore.open<DraftsFile>(file, emptyDraftsFile, isDraftsFile, (d) => JSON.stringify({ ...d, articles: {}, urls: {} }));
    const data = store.data;
    const urlOf = new Map(Object.entries(data.urls).map(([url, id]) => [id, url]));
    const older = Object.entries(data.articles).map(([id, article]) => ({ id, url: urlOf.get(id), article }));
    if (older.length && !existsSync(journal)) appendFileSync(journal, older.map((line) => `${JSON.stringify(line)}\n`).join(""));
    for (const line of readJournalLines(journal)) {
      data.articles[line.id] = line.article;
      if (line.url) data.urls[line.url] = line.id;
    }
    return new FileDraftStore(store, journal);
  }

  get(id: string): StoredDraft | undefined {
    return this.store.data.drafts.find((d) => d.id === id);
  }

  fresh(id: string): Promise<StoredDraft | undefined> {
    return Promise.resolve(this.get(id));
  }

  pending(): StoredDraft[] {
    return newestFirst(this.store.data.drafts.filter((d) => d.status === "pending"));
  }

  taken(articleId: string, url?: string): Promise<TakenArticle | undefined> {
    return Promise.resolve(this.#taken(articleId, url));
  }

  async take(articleId: string, url: string | undefined, apply: (work: IntakeWork) => TakenArticle): Promise<Taking> {
    const seen = this.#taken(articleId, url);
    if (seen) return { kind: "seen", article: seen };
    const data = this.store.data;
    const pending = data.drafts.filter((d) => d.status === "pending");
    const before = new Map(pending.map((d) => [d.id, JSON.stringify(d)]));
    const added: StoredDraft[] = [];
    const article = apply({ pending, add: (d) => added.push(d), newId: () => `d${(data.next++).toString(36)}` });
    data.drafts.push(...added);
    data.articles[articleId] = article;
    if (url) data.urls[url] = articleId;
    const drafts = changedBy(before, { pending, added });
    // The drafts first, then the line that says the report was taken: a kill between the two
    // offers the report again (and its draft takes it as a source it already has), never the
    // other way round, which would lose the draft.
    if (drafts.length) await this.store.save();
    appendFileSync(this.#journal, `${JSON.stringify({ id: articleId, url, article })}\n`);
    return { kind: "taken", article, drafts };
  }

  async addCopy(id: string, copy: DraftCopy): Promise<StoredDraft | undefined> {
    const d = this.get(id);
    if (!d) return undefined;
    await this.store.update(() => void d.copies.push(copy));
    return d;
  }

  async dropCopies(id: string, copies: DraftCopy[]): Promise<void> {
    const d = this.get(id);
    if (!d) return;
    const gone = (c: DraftCopy) => copies.some((g) => g.chatId === c.chatId && g.messageId === c.messageId);
    await this.store.update(() => void (d.copies = d.copies.filter((c) => !gone(c))));
  }

  claim(id: string, holder: string): Promise<Claim> {
    const d = this.get(id);
    if (!d) return Promise.resolve({ kind: "missing" });
    if (d.status !== "pending") return Promise.resolve({ kind: "decided", draft: d });
    if (this.#claims.has(id)) return Promise.resolve({ kind: "busy" });
    this.#claims.set(id, holder);
    return Promise.resolve({ kind: "claimed", draft: d });
  }

  release(id: string, holder: string): Promise<void> {
    if (this.#claims.get(id) === holder) this.#claims.delete(id);
    return Promise.resolve();
  }

  async decide(id: string, decision: Decided, holder?: string): Promise<Closing> {
    const d = this.get(id);
    if (!d) return { kind: "missing" };
    if (d.status !== "pending") return { kind: "decided", draft: d };
    const claimedBy = this.#claims.get(id);
    if (claimedBy !== undefined && claimedBy !== holder) return { kind: "busy" };
    this.#claims.delete(id);
    await this.store.update(() => {
      Object.assign(d, decision);
      d.updated = decision.decidedAt;
    });
    return { kind: "closed", draft: d };
  }

  languageOf(userId: number): string | undefined {
    return this.store.data.editorLanguages[String(userId)];
  }

  async rememberLanguage(userId: number, code: string | undefined): Promise<void> {
    if (!code || this.store.data.editorLanguages[String(userId)] === code) return;
    await this.store.update((d) => {
      d.editorLanguages[String(userId)] = code;
    });
  }

  flush(): Promise<void> {
    return this.store.flush();
  }

  #taken(articleId: string, url?: string): TakenArticle | undefined {
    const byId = this.store.data.articles[articleId];
    if (byId) return byId;
    const other = url !== undefined ? this.store.data.urls[url] : undefined;
    return other !== undefined ? this.store.data.articles[other] : undefined;
  }
}

export type { DraftsFile };

interface JournalLine {
  id: string;
  url?: string;
  article: TakenArticle;
}

/** The journal's lines; a line torn by a kill (the last one) is skipped: its report is offered again. */
function readJournalLines(file: string): JournalLine[] {
  if (!existsSync(file)) return [];
  const lines: JournalLine[] = [];
  for (const text of readFileSync(file, "utf8").split("\n")) {
    if (!text.trim()) continue;
    try {
      lines.push(JSON.parse(text) as JournalLine);
    } catch {
      // torn
    }
  }
  return lines;
}
