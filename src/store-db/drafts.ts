// The drafts in PostgreSQL (tables drafts, draft_counter, draft_articles, editor_languages:
// migration 101): the DraftStore of src/store/drafts.ts, shared by the replicas. The drafts and
// the editors' languages are mirrored in memory (the desk and /drafts read them on every
// press) and followed across replicas (sync.ts); everything that decides goes to the database
// and is taken there once:
// - the intake locks draft_counter's row, so reports are taken one at a time among the
//   replicas, and reads the pending drafts and the reports taken under that lock;
// - a decision is one conditional UPDATE ... WHERE status = 'pending': the first wins, the
//   others read who it was;
// - Publish claims the row first, with a lease, so a second press on another replica is told
//   it is busy while the record is written; a claim left by a dead replica lapses.
// Editors' copies live in the row, so the replica that handles a decision edits every copy.
import type { Db, Queryable } from "../db/pool.ts";
import { InFlight } from "../store/in-flight.ts";
import {
  changedBy,
  newestFirst,
  type Claim,
  type Closing,
  type Decided,
  type DraftCopy,
  type DraftStore,
  type IntakeWork,
  type StoredDraft,
  type TakenArticle,
  type Taking,
} from "../store/drafts.ts";
import { KeyedTable, type TableSpec } from "./keyed-table.ts";
import { STATE_CHANNEL, type StateSync } from "./sync.ts";

export const DRAFTS_TABLE: TableSpec<StoredDraft> = {
  table: "drafts",
  key: "id",
  columns: [
    ["status", "text"],
    ["draft", "jsonb"],
  ],
  toRow: (_id, d) => ({ status: d.status, draft: d }),
  fromRow: (r) => r.draft as StoredDraft,
};

export const EDITOR_LANGUAGES_TABLE: TableSpec<string> = {
  table: "editor_languages",
  key: "user_id",
  columns: [["lang", "text"]],
  toRow: (_id, lang) => ({ lang }),
  fromRow: (r) => r.lang as string,
};

/** How long a Publish may hold a draft before another editor may try (the writer answers in well under this). */
export const CLAIM_LEASE_MS = 120_000;

export interface DbDraftStoreOptions {
  claimLeaseMs?: number;
}

/** A write to one draft's row, with its notification, returning the row as it now is. */
const rowWrite = (set: string, where: string) => `
WITH up AS (
  UPDATE drafts SET ${set}, version = nextval('state_version') WHERE id = $1 ${where} RETURNING id, draft, version
)
SELECT draft, version::float8 AS version, pg_notify('${STATE_CHANNEL}', 'drafts:' || version || ':' || id) FROM up`;

const DECIDE_SQL = rowWrite(
  "status = $2, draft = draft || $3::jsonb, claimed_by = NULL, claimed_until = NULL",
  "AND status = 'pending' AND (claimed_by IS NULL OR claimed_until < now() OR claimed_by = $4)",
);
const ADD_COPY_SQL = rowWrite("draft = jsonb_set(draft, '{copies}', coalesce(draft->'copies', '[]'::jsonb) || $2::jsonb)", "");
const DROP_COPIES_SQL = rowWrite(
  "draft = jsonb_set(draft, '{copies}', coalesce((SELECT jsonb_agg(c) FROM jsonb_array_elements(draft->'copies') AS c WHERE NOT $2::jsonb @> jsonb_build_array(c)), '[]'::jsonb))",
  "",
);
const CLAIM_SQL = `
UPDATE drafts SET claimed_by = $2, claimed_until = now() + $3 * interval '1 millisecond'
WHERE id = $1 AND status = 'pending' AND (claimed_by IS NULL OR claimed_until < now())
RETURNING draft`;
/** The order the file keeps them in: made first, first. */
const PENDING_SQL = "SELECT id AS key, draft FROM drafts WHERE status = 'pending' ORDER BY length(id), id FOR UPDATE";

export class DbDraftStore implements DraftStore {
  readonly #db: Db;
  readonly #sync: StateSync;
  readonly #drafts = new Map<string, StoredDraft>();
  readonly #languages = new Map<string, string>();
  readonly #draftsTable: KeyedTable<StoredDraft>;
  readonly #languagesTable: KeyedTable<string>;
  readonly #writes = new InFlight();
  readonly #leaseMs: number;

  private constructor(db: Db, sync: StateSync, opts: DbDraftStoreOptions) {
    this.#db = db;
    this.#sync = sync;
    this.#leaseMs = opts.claimLeaseMs ?? CLAIM_LEASE_MS;
    this.#draftsTable = new KeyedTable(db, sync, DRAFTS_TABLE, memoryOf(this.#drafts));
    this.#languagesTable = new KeyedTable(db, sync, EDITOR_LANGUAGES_TABLE, memoryOf(this.#languages));
    sync.add(this.#draftsTable);
    sync.add(this.#languagesTable);
  }

  /** Reads the drafts and the languages (the tables must be migrated: src/db/migrate.ts). */
  static async open(db: Db, sync: StateSync, opts: DbDraftStoreOptions = {}): Promise<DbDraftStore> {
    const store = new DbDraftStore(db, sync, opts);
    await Promise.all([store.#draftsTable.load(), store.#languagesTable.load()]);
    return store;
  }

  get(id: string): StoredDraft | undefined {
    return this.#drafts.get(id);
  }

  async fresh(id: string): Promise<StoredDraft | undefined> {
    await this.#draftsTable.changed(0, id);
    return this.#drafts.get(id);
  }

  pending(): StoredDraft[] {
    return newestFirst([...this.#drafts.values()].filter((d) => d.status === "pending"));
  }

  taken(articleId: string, url?: string): Promise<TakenArticle | undefined> {
    return takenIn(this.#db, articleId, url);
  }

  take(articleId: string, url: string | undefined, apply: (work: IntakeWork) => TakenArticle): Promise<Taking> {
    return this.#writes.during(async () => {
      let puts: [string, StoredDraft][] = [];
      const taking = await this.#db.transaction(async (tx): Promise<Taking> => {
        // The counter's row is the intake's lock: held to the commit.
        const counter = await tx.query<{ next: number }>("SELECT next FROM draft_counter WHERE one FOR UPDATE");
        let next = counter.rows[0].next;
        const seen = await takenIn(tx, articleId, url);
        if (seen) return { kind: "seen", article: seen };
        const { rows } = await tx.query<{ key: string; draft: StoredDraft }>(PENDING_SQL);
        const pending = rows.map((r) => r.draft);
        const before = new Map(pending.map((d) => [d.id, JSON.stringify(d)]));
        const added: StoredDraft[] = [];
        const article = apply({ pending, add: (d) => added.push(d), newId: () => `d${(next++).toString(36)}` });
        const drafts = changedBy(before, { pending, added });
        puts = drafts.map((d) => [d.id, d]);
        await this.#draftsTable.write(puts, [], tx);
        await tx.query("INSERT INTO draft_articles (article_id, url, taken) VALUES ($1, $2, $3::jsonb)", [articleId, url ?? null, JSON.stringify(article)]);
        await tx.query("UPDATE draft_counter SET next = $1 WHERE one", [next]);
        return { kind: "taken", article, drafts };
      });
      this.#draftsTable.apply(puts);
      return taking;
    });
  }

  addCopy(id: string, copy: DraftCopy): Promise<StoredDraft | undefined> {
    return this.#writeRow(ADD_COPY_SQL, [id, JSON.stringify([copy])]);
  }

  async dropCopies(id: string, copies: DraftCopy[]): Promise<void> {
    await this.#writeRow(DROP_COPIES_SQL, [id, JSON.stringify(copies)]);
  }

  async claim(id: string, holder: string): Promise<Claim> {
    const { rows } = await this.#db.query<{ draft: StoredDraft }>(CLAIM_SQL, [id, holder, this.#leaseMs]);
    if (rows.length) return { kind: "claimed", draft: rows[0].draft };
    return this.#whyNot(id);
  }

  async release(id: string, holder: string): Promise<void> {
    await this.#db.query("UPDATE drafts SET claimed_by = NULL, claimed_until = NULL WHERE id = $1 AND claimed_by = $2", [id, holder]);
  }

  async decide(id: string, decision: Decided, holder?: string): Promise<Closing> {
    const change = { ...decision, updated: decision.decidedAt };
    const draft = await this.#writeRow(DECIDE_SQL, [id, decision.status, JSON.stringify(change), holder ?? null]);
    return draft ? { kind: "closed", draft } : this.#whyNot(id);
  }

  languageOf(userId: number): string | undefined {
    return this.#languages.get(String(userId));
  }

  async rememberLanguage(userId: number, code: string | undefined): Promise<void> {
    if (!code || this.#languages.get(String(userId)) === code) return;
    await this.#writes.during(() => this.#languagesTable.put([[String(userId), code]]));
  }

  flush(): Promise<void> {
    return this.#writes.settled();
  }

  /** A claim or a decision refused: the draft as stored says why. */
  async #whyNot(id: string): Promise<Exclude<Closing, { kind: "closed" }>> {
    const d = await this.fresh(id);
    if (!d) return { kind: "missing" };
    return d.status !== "pending" ? { kind: "decided", draft: d } : { kind: "busy" };
  }

  /** One row's write (rowWrite): the row as it now is, in memory too; undefined when no row was changed. */
  #writeRow(sql: string, params: unknown[]): Promise<StoredDraft | undefined> {
    return this.#writes.during(async () => {
      const { rows } = await this.#db.query<{ draft: StoredDraft; version: number }>(sql, params);
      if (!rows.length) return undefined;
      this.#sync.wrote(rows[0].version);
      this.#draftsTable.apply([[rows[0].draft.id, rows[0].draft]]);
      return rows[0].draft;
    });
  }
}

async function takenIn(q: Queryable, articleId: string, url?: string): Promise<TakenArticle | undefined> {
  const { rows } = await q.query<{ taken: TakenArticle }>(
    "SELECT taken FROM draft_articles WHERE article_id = $1 OR ($2::text IS NOT NULL AND url = $2) ORDER BY (article_id = $1) DESC LIMIT 1",
    [articleId, url ?? null],
  );
  return rows[0]?.taken;
}

function memoryOf<V>(map: Map<string, V>) {
  return {
    set: (k: string, v: V) => void map.set(k, v),
    remove: (k: string) => void map.delete(k),
    keys: () => map.keys(),
    get size() {
      return map.size;
    },
  };
}
