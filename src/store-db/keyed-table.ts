// One state table mirrored in memory: rows by a text key, read at open, written through (one
// statement for any number of rows, with its notifications), and kept up with the other
// replicas' writes (sync.ts). The store that owns it keeps the rows in whatever shape its reads
// need (the Memory it gives); this module knows only keys, rows and versions.
import type { Db, Queryable } from "../db/pool.ts";
import { STATE_CHANNEL, type Mirrored, type StateSync } from "./sync.ts";

export interface TableSpec<V> {
  table: string;
  /** The key column (text). */
  key: string;
  /** The other columns with their SQL types, as jsonb_to_recordset reads them from toRow's object. */
  columns: readonly (readonly [name: string, type: string])[];
  /** SELECT expressions for the columns where a plain name will not do (casts). */
  select?: Readonly<Record<string, string>>;
  toRow(key: string, value: V): Record<string, unknown>;
  fromRow(row: Record<string, unknown>): V;
}

/** Where the store keeps the rows. */
export interface Memory<V> {
  set(key: string, value: V): void;
  remove(key: string): void;
  keys(): Iterable<string>;
  readonly size: number;
}

/** Rows read per query at open: a million subscriptions are not one result held twice in memory. */
const LOAD_BATCH = 50_000;

export class KeyedTable<V> implements Mirrored {
  readonly table: string;
  readonly #db: Db;
  readonly #sync: StateSync | null;
  readonly #spec: TableSpec<V>;
  readonly #memory: Memory<V>;
  readonly #selectList: string;
  readonly #writeSql: string;
  /** The highest version a load or a check has read. */
  #checkedUpTo = 0;
  /** Keys this process wrote while a refresh was reading, with the write's number. */
  readonly #recent = new Map<string, number>();
  #writes = 0;
  #refreshing = 0;

  /** `sync` null: a tool writing rows while no replica runs (npm run db -- import-state); no notifications are sent then. */
  constructor(db: Db, sync: StateSync | null, spec: TableSpec<V>, memory: Memory<V>) {
    this.table = spec.table;
    this.#db = db;
    this.#sync = sync;
    this.#spec = spec;
    this.#memory = memory;
    const sel = spec.select ?? {};
    this.#selectList = [`${spec.key} AS key`, ...spec.columns.map(([name]) => (sel[name] ? `${sel[name]} AS ${name}` : name)), "version::float8 AS version"].join(", ");
    const names = spec.columns.map(([name]) => name);
    const notify = (v: string, k: string) => `pg_notify('${STATE_CHANNEL}', '${spec.table}:' || ${v} || ':' || ${k})`;
    // Removals and puts in one statement, each row's notification with it. A removal takes a
    // version too, so the others can tell it from a write they have already seen.
    this.#writeSql = `
WITH del AS (
  DELETE FROM ${spec.table} WHERE ${spec.key} = ANY($2::text[]) RETURNING ${spec.key} AS key, nextval('state_version') AS version
), up AS (
  INSERT INTO ${spec.table} (${spec.key}, ${names.join(", ")})
  SELECT ${spec.key}, ${names.join(", ")} FROM jsonb_to_recordset($1::jsonb) AS r(${spec.key} text, ${spec.columns.map(([n, t]) => `${n} ${t}`).join(", ")})
  ON CONFLICT (${spec.key}) DO UPDATE SET ${names.map((n) => `${n} = EXCLUDED.${n}`).join(", ")}, version = nextval('state_version')
  RETURNING ${spec.key} AS key, version
), done AS (SELECT key, version FROM del UNION ALL SELECT key, version FROM up)
SELECT version::float8 AS version${sync ? `, ${notify("version", "key")}` : ""} FROM done`;
  }

  /** Reads every row into memory (at open). */
  async load(): Promise<void> {
    let after = "";
    for (;;) {
      const { rows } = await this.#db.query(`SELECT ${this.#selectList} FROM ${this.#spec.table} WHERE ${this.#spec.key} > $1 ORDER BY ${this.#spec.key} LIMIT ${LOAD_BATCH}`, [after]);
      for (const row of rows) this.#take(row, true);
      if (rows.length < LOAD_BATCH) return;
      after = rows[rows.length - 1].key as string;
    }
  }

  /**
   * Writes rows and removes keys in one statement (inside `q`'s transaction when given); memory
   * is not touched: apply() once the write is committed.
   */
  async write(puts: readonly (readonly [string, V])[], removes: readonly string[] = [], q: Queryable = this.#db): Promise<void> {
    if (!puts.length && !removes.length) return;
    const rows = puts.map(([key, value]) => ({ ...this.#spec.toRow(key, value), [this.#spec.key]: key }));
    const result = await q.query<{ version: number }>(this.#writeSql, [JSON.stringify(rows), removes]);
    for (const r of result.rows) this.#sync?.wrote(r.version);
  }

  /** Applies a committed write to memory. */
  apply(puts: readonly (readonly [string, V])[], removes: readonly string[] = []): void {
    for (const key of removes) {
      this.#memory.remove(key);
      this.#touched(key);
    }
    for (const [key, value] of puts) {
      this.#memory.set(key, value);
      this.#touched(key);
    }
  }

  /** write() then apply(): "written" means in the database, and then in memory. */
  async put(puts: readonly (readonly [string, V])[], removes: readonly string[] = []): Promise<void> {
    await this.write(puts, removes);
    this.apply(puts, removes);
  }

  async changed(_version: number, key: string): Promise<void> {
    await this.#refresh(async () => {
      const { rows } = await this.#db.query(`SELECT ${this.#selectList} FROM ${this.#spec.table} WHERE ${this.#spec.key} = $1`, [key]);
      return { rows, keys: [key] };
    });
  }

  async check(thorough: boolean): Promise<void> {
    const { rows } = await this.#db.query<{ n: number; top: number }>(
      thorough
        ? `SELECT count(*)::float8 AS n, coalesce(max(version), 0)::float8 AS top FROM ${this.#spec.table}`
        : `SELECT NULL AS n, coalesce(max(version), 0)::float8 AS top FROM ${this.#spec.table}`,
    );
    const { n, top } = rows[0];
    if (top > this.#checkedUpTo) {
      const since = this.#checkedUpTo;
      await this.#refresh(async () => {
        const changed = await this.#db.query(`SELECT ${this.#selectList} FROM ${this.#spec.table} WHERE version > $1`, [since]);
        return { rows: changed.rows, keys: [] };
      }, true);
    }
    // Rows removed by others whose notifications were lost: only a look at every key finds them.
    if (thorough && n !== this.#memory.size) {
      await this.#refresh(async () => {
        const all = await this.#db.query<{ key: string }>(`SELECT ${this.#spec.key} AS key FROM ${this.#spec.table}`);
        const there = new Set(all.rows.map((r) => r.key));
        return { rows: [], keys: [...this.#memory.keys()].filter((k) => !there.has(k)) };
      });
    }
  }

  /**
   * Reads rows and applies them, except for keys this process wrote meanwhile (its own write is
   * newer than what was read). `keys` are keys to remove unless a row for them was read.
   */
  async #refresh(read: () => Promise<{ rows: Record<string, unknown>[]; keys: string[] }>, advance = false): Promise<void> {
    const started = this.#writes;
    this.#refreshing++;
    try {
      const { rows, keys } = await read();
      const newer = (key: string) => (this.#recent.get(key) ?? 0) > started;
      const seen = new Set<string>();
      for (const row of rows) {
        seen.add(row.key as string);
        if (!newer(row.key as string)) this.#take(row, advance);
      }
      for (const key of keys) if (!seen.has(key) && !newer(key)) this.#memory.remove(key);
    } finally {
      if (--this.#refreshing === 0) this.#recent.clear();
    }
  }

  /** Takes a row read; `advance`: a load or check, which moves the mark checks start from (a single key's refresh does not). */
  #take(row: Record<string, unknown>, advance: boolean): void {
    this.#memory.set(row.key as string, this.#spec.fromRow(row));
    if (advance && (row.version as number) > this.#checkedUpTo) this.#checkedUpTo = row.version as number;
  }

  #touched(key: string): void {
    this.#writes++;
    if (this.#refreshing) this.#recent.set(key, this.#writes);
  }
}
