// What the digest job has announced, in PostgreSQL: the AnnouncedStore of src/store/announced.ts.
// Tables: announced_state (one row: initialized, generation, last seq), announced_entries,
// announced_changes (the log owed to daily digests and the history the feeds show),
// announced_revisions, announced_daily, reminders_sent. The digest job (one replica, the
// leader) writes; every replica keeps a copy in memory for the feeds and calendars, and a
// successor finds it all there.
//
// The rules (what a commit logs, what pruning drops) are the file store's, applied to the same
// in-memory shape; here each change is also written as rows. commit, initialize and the
// reminders are written before memory changes; setDaily and pruneDaily change memory at once
// (the interface is synchronous) and save() writes what they changed, keeping it to write
// again if the database refused.
import type { AnnouncedEntry, AnnouncedEntries, RecordChange } from "../digest/changes.ts";
import type { Db, Queryable } from "../db/pool.ts";
import {
  commitTo,
  emptyAnnounced,
  HISTORY_SIZE,
  logBetween,
  pruneDailyIn,
  REVISING,
  type AnnouncedFile,
  type AnnouncedStore,
  type DailyState,
  type LoggedChange,
} from "../store/announced.ts";
import { InFlight } from "../store/in-flight.ts";
import { KeyedTable, type Memory, type TableSpec } from "./keyed-table.ts";
import { STATE_CHANNEL, type Mirrored, type StateSync } from "./sync.ts";

/** Memory over one of the announced state's maps. */
function mapMemory<V>(map: () => { [key: string]: V }): Memory<V> {
  return {
    set: (k, v) => {
      map()[k] = v;
    },
    remove: (k) => {
      delete map()[k];
    },
    keys: () => Object.keys(map()),
    get size() {
      return Object.keys(map()).length;
    },
  };
}

export const ANNOUNCED_ENTRIES_TABLE: TableSpec<AnnouncedEntry> = {
  table: "announced_entries",
  key: "entry_id",
  columns: [["announced", "jsonb"]],
  toRow: (_k, v) => ({ announced: v }),
  fromRow: (r) => r.announced as AnnouncedEntry,
};

export const ANNOUNCED_REVISIONS_TABLE: TableSpec<number> = {
  table: "announced_revisions",
  key: "entry_id",
  columns: [["revisions", "integer"]],
  toRow: (_k, n) => ({ revisions: n }),
  fromRow: (r) => r.revisions as number,
};

export const ANNOUNCED_DAILY_TABLE: TableSpec<DailyState> = {
  table: "announced_daily",
  key: "subscription_key",
  columns: [
    ["cursor", "bigint"],
    ["last_day", "text"],
  ],
  select: { cursor: "cursor::float8" },
  toRow: (_k, s) => ({ cursor: s.cursor, last_day: s.lastDay }),
  fromRow: (r) => ({ cursor: r.cursor as number, lastDay: r.last_day as string }),
};

export const REMINDERS_SENT_TABLE: TableSpec<number> = {
  table: "reminders_sent",
  key: "key",
  columns: [["forget_after", "bigint"]],
  select: { forget_after: "forget_after::float8" },
  toRow: (_k, n) => ({ forget_after: n }),
  fromRow: (r) => r.forget_after as number,
};

export class DbAnnouncedStore implements AnnouncedStore, Mirrored {
  readonly table = "announced_state";
  readonly #db: Db;
  readonly #sync: StateSync;
  readonly #d: AnnouncedFile = { ...emptyAnnounced(), history: [], revisions: {} };
  readonly #sent: { [key: string]: number } = {};
  readonly #entries: KeyedTable<AnnouncedEntry>;
  readonly #revisions: KeyedTable<number>;
  readonly #daily: KeyedTable<DailyState>;
  readonly #reminders: KeyedTable<number>;
  /** Daily states changed, and removed, since the last save. */
  readonly #dailyDirty = new Set<string>();
  readonly #dailyRemoved = new Set<string>();
  /** The log has been pruned up to this seq since the last save. */
  #prunedUpTo = 0;
  readonly #writes = new InFlight();

  private constructor(db: Db, sync: StateSync) {
    this.#db = db;
    this.#sync = sync;
    const d = this.#d;
    this.#entries = new KeyedTable<AnnouncedEntry>(
      db,
      sync,
      ANNOUNCED_ENTRIES_TABLE,
      mapMemory(() => d.entries),
    );
    this.#revisions = new KeyedTable<number>(
      db,
      sync,
      ANNOUNCED_REVISIONS_TABLE,
      mapMemory(() => (d.revisions ??= {})),
    );
    this.#daily = new KeyedTable<DailyState>(
      db,
      sync,
      ANNOUNCED_DAILY_TABLE,
      mapMemory(() => d.daily),
    );
    const sent = this.#sent;
    this.#reminders = new KeyedTable<number>(
      db,
      sync,
      REMINDERS_SENT_TABLE,
      mapMemory(() => sent),
    );
    for (const t of [this.#entries, this.#revisions, this.#daily, this.#reminders, this]) sync.add(t);
  }

  /** Reads the announced state (the tables must be migrated: src/db/migrate.ts). */
  static async open(db: Db, sync: StateSync): Promise<DbAnnouncedStore> {
    const store = new DbAnnouncedStore(db, sync);
    await store.#loadHead();
    for (const t of [store.#entries, store.#revisions, store.#daily, store.#reminders]) await t.load();
    return store;
  }

  get initialized(): boolean {
    return this.#d.initializedAt !== null;
  }

  get entries(): Readonly<AnnouncedEntries> {
    return this.#d.entries;
  }

  get generation(): number {
    return this.#d.generation;
  }

  get lastSeq(): number {
    return this.#d.lastSeq;
  }

  initialize(entries: AnnouncedEntries, now: Date): Promise<void> {
    return this.#writes.during(async () => {
      const puts = Object.entries(entries);
      await this.#db.transaction(async (tx) => {
        await this.#entries.write(puts, [], tx);
        await tx.query("UPDATE announced_state SET initialized_at = $1", [now.toISOString()]);
        await this.#notify(tx);
      });
      this.#entries.apply(puts);
      this.#d.initializedAt = now.toISOString();
    });
  }

  commit(updates: AnnouncedEntries, changes: readonly RecordChange[], now: Date): Promise<void> {
    return this.#writes.during(async () => {
      const d = this.#d;
      // What commitTo will make of it, worked out first: the rows are written before memory changes.
      const at = now.toISOString();
      const logged = changes.map((change, i) => ({ seq: d.lastSeq + 1 + i, at, change }));
      const revised = new Map<string, number>();
      for (const c of changes) if (REVISING.has(c.type)) revised.set(c.entryId, (revised.get(c.entryId) ?? d.revisions?.[c.entryId] ?? 0) + 1);
      const lastSeq = d.lastSeq + changes.length;
      const puts = Object.entries(updates);
      await this.#db.transaction(async (tx) => {
        await this.#entries.write(puts, [], tx);
        await this.#revisions.write([...revised], [], tx);
        if (logged.length) {
          await tx.query(
            "INSERT INTO announced_changes (seq, at, change) SELECT seq, at, change FROM jsonb_to_recordset($1::jsonb) AS r(seq bigint, at timestamptz, change jsonb)",
            [JSON.stringify(logged)],
          );
        }
        await tx.query("UPDATE announced_state SET generation = generation + $1, last_seq = $2", [changes.length ? 1 : 0, lastSeq]);
        await this.#forgetOldChanges(tx, lastSeq);
        await this.#notify(tx);
      });
      // Memory only now. The keyed tables' rows are what commitTo sets as well.
      commitTo(d, updates, changes, now);
    });
  }

  history(): LoggedChange[] {
    return [...(this.#d.history ?? [])].reverse();
  }

  revision(entryId: string): number {
    return this.#d.revisions?.[entryId] ?? 0;
  }

  changesBetween(cursor: number, upTo: number): LoggedChange[] {
    return logBetween(this.#d.log, cursor, upTo);
  }

  daily(key: string): DailyState | undefined {
    return this.#d.daily[key];
  }

  setDaily(key: string, state: DailyState): void {
    this.#d.daily[key] = state;
    this.#dailyDirty.add(key);
    this.#dailyRemoved.delete(key);
  }

  pruneDaily(dailyKeys: ReadonlySet<string>): boolean {
    const { daily, log } = pruneDailyIn(this.#d, dailyKeys);
    for (const key of daily) {
      this.#dailyRemoved.add(key);
      this.#dailyDirty.delete(key);
    }
    if (log > 0) this.#prunedUpTo = this.#d.log.length ? this.#d.log[0].seq - 1 : this.#d.lastSeq;
    return daily.length > 0 || log > 0;
  }

  reminderSent(key: string): boolean {
    return key in this.#sent;
  }

  markReminders(sent: readonly { key: string; forgetAfter: number }[]): Promise<void> {
    return this.#writes.during(() => this.#reminders.put(sent.map((s) => [s.key, s.forgetAfter] as const)));
  }

  pruneReminders(now: Date): Promise<void> {
    const old = Object.keys(this.#sent).filter((k) => this.#sent[k] < now.getTime());
    if (!old.length) return Promise.resolve();
    return this.#writes.during(() => this.#reminders.put([], old));
  }

  save(): Promise<void> {
    return this.#writes.during(async () => {
      const dirty = [...this.#dailyDirty];
      const removed = [...this.#dailyRemoved];
      const prunedUpTo = this.#prunedUpTo;
      if (!dirty.length && !removed.length && !prunedUpTo) return;
      const puts = dirty.filter((k) => this.#d.daily[k]).map((k) => [k, this.#d.daily[k]] as const);
      await this.#db.transaction(async (tx) => {
        await this.#daily.write(puts, removed, tx);
        if (prunedUpTo) {
          await tx.query("UPDATE announced_changes SET in_log = false WHERE in_log AND seq <= $1", [prunedUpTo]);
          await this.#forgetOldChanges(tx, this.#d.lastSeq);
          await this.#notify(tx);
        }
      });
      // Written: forget what was, unless it changed again meanwhile.
      for (const [k, s] of puts) if (this.#d.daily[k] === s) this.#dailyDirty.delete(k);
      for (const k of removed) if (!(k in this.#d.daily)) this.#dailyRemoved.delete(k);
      if (this.#prunedUpTo === prunedUpTo) this.#prunedUpTo = 0;
    });
  }

  flush(): Promise<void> {
    return this.#writes.settled();
  }

  // Mirrored: announced_state and announced_changes, followed as one (the others are keyed tables).

  async changed(): Promise<void> {
    await this.#loadHead();
  }

  async check(): Promise<void> {
    const { rows } = await this.#db.query<{ generation: number; last_seq: number }>("SELECT generation, last_seq::float8 AS last_seq FROM announced_state");
    const head = rows[0];
    const log = this.#d.log;
    if (head.generation !== this.#d.generation || head.last_seq !== this.#d.lastSeq) await this.#loadHead();
    else if (log.length) {
      // Pruned elsewhere? The first seq still owed tells.
      const first = await this.#db.query<{ seq: number | null }>("SELECT min(seq)::float8 AS seq FROM announced_changes WHERE in_log");
      if (first.rows[0].seq !== log[0].seq) await this.#loadHead();
    }
  }

  /** The one row and the changes (those still owed to daily digests and the last HISTORY_SIZE). */
  async #loadHead(): Promise<void> {
    const { rows } = await this.#db.query<{ initialized_at: Date | null; generation: number; last_seq: number }>(
      "SELECT initialized_at, generation, last_seq::float8 AS last_seq FROM announced_state",
    );
    const head = rows[0];
    const changes = await this.#db.query<{ seq: number; at: Date; change: RecordChange; in_log: boolean }>(
      "SELECT seq::float8 AS seq, at, change, in_log FROM announced_changes WHERE in_log OR seq > $1 ORDER BY seq",
      [head.last_seq - HISTORY_SIZE],
    );
    const d = this.#d;
    d.initializedAt = head.initialized_at ? head.initialized_at.toISOString() : null;
    d.generation = head.generation;
    d.lastSeq = head.last_seq;
    const all = changes.rows.map((r) => ({ l: { seq: r.seq, at: r.at.toISOString(), change: r.change } as LoggedChange, inLog: r.in_log }));
    d.log = all.filter((x) => x.inLog).map((x) => x.l);
    d.history = all.filter((x) => x.l.seq > head.last_seq - HISTORY_SIZE).map((x) => x.l);
  }

  /** Changes neither owed to a daily digest nor among the last HISTORY_SIZE are dropped. */
  async #forgetOldChanges(tx: Queryable, lastSeq: number): Promise<void> {
    await tx.query("DELETE FROM announced_changes WHERE NOT in_log AND seq <= $1", [lastSeq - HISTORY_SIZE]);
  }

  async #notify(tx: Queryable): Promise<void> {
    const { rows } = await tx.query<{ version: number }>(
      `SELECT v::float8 AS version, pg_notify('${STATE_CHANNEL}', 'announced_state:' || v || ':') FROM nextval('state_version') AS v`,
    );
    this.#sync.wrote(rows[0].version);
  }
}
