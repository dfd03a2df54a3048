// The drafts Parley made of news reports (state/drafts.json): what each proposes, the reports
// behind it, where the editors' copies of it are, and who decided it; and every report taken,
// by id and by link, so the same report is never taken twice, across restarts.
import type { Actor } from "../record-file/audit-log.ts";
import type { DraftSource, Proposal } from "../drafts/merge.ts";
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

const isDraftsFile = (d: unknown): d is DraftsFile => typeof (d as DraftsFile).next === "number" && Array.isArray((d as DraftsFile).drafts) && typeof (d as DraftsFile).articles === "object";

export class DraftStore {
  constructor(readonly store: JsonStore<DraftsFile>) {}

  static open(file: string): DraftStore {
    return new DraftStore(JsonStore.open<DraftsFile>(file, () => ({ next: 1, drafts: [], articles: {}, urls: {}, editorLanguages: {} }), isDraftsFile));
  }

  get(id: string): StoredDraft | undefined {
    return this.store.data.drafts.find((d) => d.id === id);
  }

  /** Pending drafts, newest first. */
  pending(): StoredDraft[] {
    const n = (d: StoredDraft) => parseInt(d.id.slice(1), 36);
    return this.store.data.drafts.filter((d) => d.status === "pending").sort((a, b) => b.created.localeCompare(a.created) || n(b) - n(a));
  }

  /** The report taken under this id or this normalised link, if any. */
  taken(articleId: string, url?: string): TakenArticle | undefined {
    const byId = this.store.data.articles[articleId];
    if (byId) return byId;
    const other = url !== undefined ? this.store.data.urls[url] : undefined;
    return other !== undefined ? this.store.data.articles[other] : undefined;
  }

  languageOf(userId: number): string | undefined {
    return this.store.data.editorLanguages[String(userId)];
  }

  /** Saves only a change: called on every editor's message. */
  async rememberLanguage(userId: number, code: string | undefined): Promise<void> {
    if (!code || this.store.data.editorLanguages[String(userId)] === code) return;
    await this.store.update((d) => {
      d.editorLanguages[String(userId)] = code;
    });
  }

  /** Changes the drafts and the reports taken in one save; resolves once it is on disk. */
  change(apply: (data: DraftsFile) => void): Promise<void> {
    return this.store.update(apply);
  }

  flush(): Promise<void> {
    return this.store.flush();
  }
}

export type { DraftsFile };
