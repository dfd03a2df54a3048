// How the replicas' in-memory copies of the state follow each other. Every write to a state
// table sends NOTIFY parley_state '<table>:<version>:<key>' in the same statement (so it is
// delivered when, and only if, the write commits). One listening connection per process hands
// each notification to the table it names; the process's own writes are recognised by their
// version and skipped. Notifications can be lost (the listening connection drops and comes
// back), so every table is also looked at again after a reconnect and every CHECK_EVERY_MS.
import type { Db, Listening } from "../db/pool.ts";

export const STATE_CHANNEL = "parley_state";
/** The safety net's period: a change whose notification was lost shows within this. */
export const CHECK_EVERY_MS = 15_000;

/** A table whose rows a store mirrors in memory. */
export interface Mirrored {
  readonly table: string;
  /** Another process wrote `key` (version `version`). */
  changed(version: number, key: string): Promise<void>;
  /**
   * Looks again at the table for what was missed: rows written since (by their version, an
   * index's answer), and when `thorough`, rows removed (a look at every key).
   */
  check(thorough: boolean): Promise<void>;
}

export interface StateSyncOptions {
  checkEveryMs?: number;
  /** A refresh failed (the database is away?); the next check tries again. */
  onError?: (err: unknown, table: string) => void;
}

export class StateSync {
  readonly #tables = new Map<string, Mirrored>();
  /** Versions this process wrote whose notifications have not come back yet. */
  readonly #mine = new Set<number>();
  readonly #onError: (err: unknown, table: string) => void;
  #listening: Listening | undefined;
  #timer: NodeJS.Timeout | undefined;
  #checking: Promise<void> | null = null;

  private constructor(opts: StateSyncOptions) {
    this.#onError = opts.onError ?? (() => {});
  }

  /** Starts listening; stores add their tables as they open. */
  static async start(db: Db, opts: StateSyncOptions = {}): Promise<StateSync> {
    const sync = new StateSync(opts);
    sync.#listening = await db.listen(STATE_CHANNEL, (payload) => sync.#heard(payload), {
      onReconnect: () => {
        // What was sent while the connection was down is gone: our own versions will not come
        // back, and the others' must be found by looking.
        sync.#mine.clear();
        void sync.checkAll(true);
      },
    });
    // The periodic look is the cheap one: while the listening connection stays up no notification
    // is lost, and a look at every key of a million subscriptions every few seconds, from every
    // replica, is what made a burst of /subscribe time out.
    sync.#timer = setInterval(() => void sync.checkAll(false), opts.checkEveryMs ?? CHECK_EVERY_MS);
    sync.#timer.unref();
    return sync;
  }

  add(table: Mirrored): void {
    this.#tables.set(table.table, table);
  }

  /** Our own write: its notification is to be skipped. */
  wrote(version: number): void {
    this.#mine.add(version);
  }

  /** Looks again at every table (after a reconnect, the timer; tests call it to not wait for either). */
  checkAll(thorough = true): Promise<void> {
    this.#checking ??= (async () => {
      try {
        for (const t of this.#tables.values()) await t.check(thorough).catch((err: unknown) => this.#onError(err, t.table));
      } finally {
        this.#checking = null;
      }
    })();
    return this.#checking;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#listening?.close();
    await this.#checking;
  }

  #heard(payload: string): void {
    const first = payload.indexOf(":");
    const second = payload.indexOf(":", first + 1);
    if (first < 0 || second < 0) return;
    const table = this.#tables.get(payload.slice(0, first));
    const version = Number(payload.slice(first + 1, second));
    if (!table || this.#mine.delete(version)) return;
    table.changed(version, payload.slice(second + 1)).catch((err: unknown) => this.#onError(err, table.table));
  }
}
