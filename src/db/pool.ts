// The one door to PostgreSQL: a pool of connections sized from configuration, every statement
// under a timeout, transactions that retry when PostgreSQL asks them to, and LISTEN on a
// connection of its own that comes back by itself. Everything that keeps state in PostgreSQL
// (the record in src/record-db/, the state stores) goes through a Db; the SQL stays in plain
// sight in the modules that use it.
//
// `schema` puts every connection's search_path on one schema, so each test file (and, if one
// wanted, each installation sharing a database) has tables of its own.
import pg from "pg";

/** Anything that runs a statement: the pool, or the connection of a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

export type Isolation = "read committed" | "repeatable read" | "serializable";

export interface Listening {
  /** Stops listening and closes the connection. */
  close(): Promise<void>;
}

export interface ListenOptions {
  /**
   * Called after the connection was lost and is listening again. Notifications sent meanwhile
   * are gone, so the caller should look again at what it follows.
   */
  onReconnect?: () => void;
  /** Called when the connection is lost or cannot come back (it keeps trying). */
  onError?: (err: Error) => void;
}

export interface DbOptions {
  poolSize?: number;
  statementTimeoutMs?: number;
  /** Every connection works in this schema (created if missing): search_path is set to it. */
  schema?: string;
  /** Shown in pg_stat_activity, so an operator can tell Parley's connections apart. */
  applicationName?: string;
}

export interface Db extends Queryable {
  readonly schema: string | undefined;
  readonly statementTimeoutMs: number;
  /**
   * Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. On a
   * serialization failure or a deadlock (SQLSTATE 40001, 40P01) the whole transaction runs
   * again, a few times, so `fn` must do nothing but its statements.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, opts?: { isolation?: Isolation }): Promise<T>;
  /** LISTEN on `channel` on a connection of its own, reconnecting (with back-off) when it is lost. */
  listen(channel: string, handler: (payload: string) => void, opts?: ListenOptions): Promise<Listening>;
  /**
   * A connection of its own, outside the pool, with the same settings: for what must hold a
   * session (a session-level advisory lock held by a leader). The caller ends it.
   */
  connect(): Promise<pg.Client>;
  /** Ends the pool and every listening connection. */
  close(): Promise<void>;
}

/** SQLSTATEs after which the same transaction, run again, may well succeed. */
const RETRYABLE = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 5;

export function isRetryable(err: unknown): boolean {
  return RETRYABLE.has((err as { code?: string })?.code ?? "");
}

/** A schema name as PostgreSQL identifiers go (quoted, so any lower-case name works). */
const SCHEMA_RE = /^[a-z_][a-z0-9_]{0,62}$/;

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Connects and checks the server answers (so a wrong URL fails at start-up with the server's
 * reason, not at the first request). With `schema`, creates it if missing.
 */
export async function openDatabase(url: string, opts: DbOptions = {}): Promise<Db> {
  if (opts.schema !== undefined && !SCHEMA_RE.test(opts.schema)) {
    throw new Error(`schema "${opts.schema}" must be lower-case letters, digits and _ (at most 63), starting with a letter or _`);
  }
  const statementTimeoutMs = opts.statementTimeoutMs ?? 5000;
  // Sent at connection start-up, so every connection (pooled, listening, dedicated) has them
  // before its first statement; no per-checkout SET.
  const options = [`-c statement_timeout=${statementTimeoutMs}`];
  if (opts.schema) options.push(`-c search_path=${opts.schema}`);
  const clientConfig: pg.ClientConfig = { connectionString: url, options: options.join(" "), application_name: opts.applicationName ?? "parley" };
  if (opts.schema) await createSchema(clientConfig, opts.schema);
  const pool = new pg.Pool({ ...clientConfig, max: opts.poolSize ?? 10, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
  // An idle connection that dies (the server restarted) is reported here; without a listener
  // the process would crash. The pool drops it and opens another when next needed.
  pool.on("error", () => {});
  try {
    await pool.query("SELECT 1");
  } catch (err) {
    await pool.end();
    throw err;
  }
  return new PgDb(pool, clientConfig, opts.schema, statementTimeoutMs);
}

async function createSchema(config: pg.ClientConfig, schema: string): Promise<void> {
  const client = new pg.Client({ ...config, options: undefined });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  } catch (err) {
    // Two processes creating it at once: one of them gets a unique violation; the schema is there.
    if (!["23505", "42P06"].includes((err as { code?: string }).code ?? "")) throw err;
  } finally {
    await client.end();
  }
}

class PgDb implements Db {
  readonly #listeners = new Set<Listening>();

  constructor(
    readonly pool: pg.Pool,
    readonly clientConfig: pg.ClientConfig,
    readonly schema: string | undefined,
    readonly statementTimeoutMs: number,
  ) {}

  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(text, params);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>, opts: { isolation?: Isolation } = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken = false;
      // A checked-out client has no 'error' listener of the pool's: a connection reset while the
      // transaction runs would otherwise be an unhandled 'error' event and end the process. The
      // statement in progress fails with the error; the connection must not go back.
      const onError = () => {
        broken = true;
      };
      client.on("error", onError);
      try {
        await client.query(opts.isolation ? `BEGIN ISOLATION LEVEL ${opts.isolation.toUpperCase()}` : "BEGIN");
        const result = await fn(client);
        await client.query("COMMIT");
        return result;
      } catch (err) {
        try {
          await client.query("ROLLBACK");
        } catch {
          // The connection itself failed: it must not go back to the pool.
          broken = true;
        }
        if (attempt < MAX_ATTEMPTS && isRetryable(err)) {
          // A little random wait, so the transactions that collided do not collide again.
          await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
          continue;
        }
        throw err;
      } finally {
        client.removeListener("error", onError);
        client.release(broken);
      }
    }
  }

  async connect(): Promise<pg.Client> {
    const client = new pg.Client(this.clientConfig);
    await client.connect();
    return client;
  }

  async listen(channel: string, handler: (payload: string) => void, opts: ListenOptions = {}): Promise<Listening> {
    let client: pg.Client | undefined;
    let closed = false;
    let retryTimer: NodeJS.Timeout | undefined;
    const start = async (): Promise<void> => {
      const c = new pg.Client(this.clientConfig);
      c.on("notification", (msg) => {
        if (msg.channel === channel) handler(msg.payload ?? "");
      });
      c.on("error", (err) => lost(c, err));
      c.on("end", () => lost(c, new Error("the listening connection ended")));
      try {
        await c.connect();
        await c.query(`LISTEN ${quoteIdent(channel)}`);
      } catch (err) {
        c.removeAllListeners("end");
        c.end().catch(() => {});
        throw err;
      }
      if (closed) {
        c.removeAllListeners("end");
        await c.end();
        return;
      }
      client = c;
    };
    let delay = 100;
    const reconnect = () => {
      if (closed || retryTimer) return;
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        start().then(
          () => {
            delay = 100;
            opts.onReconnect?.();
          },
          (err: Error) => {
            opts.onError?.(err);
            delay = Math.min(delay * 2, 5000);
            reconnect();
          },
        );
      }, delay);
      retryTimer.unref();
    };
    const lost = (c: pg.Client, err: Error) => {
      if (client !== c) return;
      client = undefined;
      c.removeAllListeners("end");
      c.end().catch(() => {});
      if (closed) return;
      opts.onError?.(err);
      reconnect();
    };
    await start();
    const listening: Listening = {
      close: async () => {
        closed = true;
        clearTimeout(retryTimer);
        this.#listeners.delete(listening);
        const c = client;
        client = undefined;
        if (c) {
          c.removeAllListeners("end");
          await c.end().catch(() => {});
        }
      },
    };
    this.#listeners.add(listening);
    return listening;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#listeners].map((l) => l.close()));
    await this.pool.end();
  }
}
