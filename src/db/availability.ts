// Whether the database answers, as one replica sees it. A replica that loses the database keeps
// answering what it can from memory (the record, the chats' settings, the subscriptions), says
// plainly that a write cannot be done now, reports not ready on /readyz, and comes back by
// itself: this module is how it knows which of the two it is in.
//
// A ping every pingMs decides "up" again; any statement failing for want of a connection (or a
// ping not answered in time) decides "down" at once. While down, statements through guard()
// fail at once with DatabaseUnavailableError instead of waiting for a connection that will not
// come: the user hears the apology in a moment, not after the pool's connection timeout.
import type pg from "pg";
import type { Db, Queryable } from "./pool.ts";

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
  constructor(cause?: unknown) {
    super("the database is unreachable", { cause });
  }
}

/** Network failures: the server cannot be reached, or the connection broke. */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/** SQLSTATEs that say the session is gone or refused: admin/crash shutdown, cannot connect now, too many connections. */
const SESSION_GONE = new Set(["57P01", "57P02", "57P03", "53300"]);

/** True when `err` (or what caused it) means the database could not be reached, not that the statement was wrong. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (NETWORK_CODES.has(code) || SESSION_GONE.has(code) || code.startsWith("08"))) return true;
    const message = (e as { message?: unknown }).message;
    // node-postgres says these in words, without a code.
    if (typeof message === "string" && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)) return true;
  }
  return false;
}

export interface AvailabilityOptions {
  pingMs?: number;
  /** A ping not answered within this long counts as down. */
  timeoutMs?: number;
  /** Told of every change, with the error that brought it down. */
  onChange?: (up: boolean, err?: unknown) => void;
}

export class DbAvailability {
  readonly #db: Db;
  readonly #timeoutMs: number;
  readonly #onChange: (up: boolean, err?: unknown) => void;
  readonly #timer: NodeJS.Timeout;
  #up = true;
  #pinging = false;

  constructor(db: Db, opts: AvailabilityOptions = {}) {
    this.#db = db;
    this.#timeoutMs = opts.timeoutMs ?? 3000;
    this.#onChange = opts.onChange ?? (() => {});
    this.#timer = setInterval(() => void this.ping(), opts.pingMs ?? 1000);
    this.#timer.unref();
  }

  get up(): boolean {
    return this.#up;
  }

  /** A statement failed: if for want of the database, it is down from now until a ping answers. */
  failed(err: unknown): void {
    if (isDatabaseUnavailable(err)) this.#set(false, err);
  }

  /** Asks the database now (the timer does so every pingMs). */
  async ping(): Promise<boolean> {
    if (this.#pinging) return this.#up;
    this.#pinging = true;
    let late: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.#db.query("SELECT 1"),
        new Promise((_, reject) => {
          late = setTimeout(() => reject(new DatabaseUnavailableError(new Error(`no answer within ${this.#timeoutMs} ms`))), this.#timeoutMs);
        }),
      ]);
      this.#set(true);
    } catch (err) {
      this.#set(false, err);
    } finally {
      clearTimeout(late);
      this.#pinging = false;
    }
    return this.#up;
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /**
   * The same Db, but its statements fail at once while the database is down, and a statement
   * failing for want of a connection marks it down. LISTEN and dedicated connections pass
   * through: they reconnect by themselves.
   */
  guard(db: Db): Db {
    const check = () => {
      if (!this.#up) throw new DatabaseUnavailableError();
    };
    const watch = <T>(p: Promise<T>): Promise<T> =>
      p.catch((err: unknown) => {
        this.failed(err);
        throw err;
      });
    return {
      get schema() {
        return db.schema;
      },
      get statementTimeoutMs() {
        return db.statementTimeoutMs;
      },
      query: <R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]) => {
        try {
          check();
        } catch (err) {
          return Promise.reject(err as Error);
        }
        return watch(db.query<R>(text, params));
      },
      transaction: <T>(fn: (tx: Queryable) => Promise<T>, opts?: Parameters<Db["transaction"]>[1]) => {
        try {
          check();
        } catch (err) {
          return Promise.reject(err as Error);
        }
        return watch(db.transaction(fn, opts));
      },
      listen: (channel, handler, opts) => db.listen(channel, handler, opts),
      connect: () => db.connect(),
      close: () => db.close(),
    };
  }

  #set(up: boolean, err?: unknown): void {
    if (up === this.#up) return;
    this.#up = up;
    this.#onChange(up, err);
  }
}
