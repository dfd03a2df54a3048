// PostgreSQL for tests: the server in PARLEY_TEST_DATABASE_URL (default: the one on this
// project's machines), a schema of its own for each test file, dropped at the end.
//
// On a machine without PostgreSQL the tests that need it are skipped, and the run says so in
// plain words; on the project's machines and in CI the server is there and they run.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, quoteIdent, type Db } from "../../src/db/pool.ts";

export const TEST_DATABASE_URL = process.env.PARLEY_TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

let reachable: Promise<string | undefined> | undefined;

/** Undefined when the server answers; else why not (for the "skipped" line). */
export function whyNoDatabase(): Promise<string | undefined> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return undefined;
    } catch (err) {
      return `${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ":***@")} does not answer (${(err as Error).message})`;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return reachable;
}

/**
 * For `describe(name, { skip: await pgSkip() }, ...)`: false when the server answers, else the
 * reason, printed once as "PostgreSQL tests skipped: <why>".
 */
export async function pgSkip(): Promise<string | false> {
  const why = await whyNoDatabase();
  if (!why) return false;
  process.stdout.write(`PostgreSQL tests skipped: ${why}\n`);
  return `PostgreSQL tests skipped: ${why}`;
}

/** A fresh schema name, unique to this run. */
export function testSchemaName(prefix = "t"): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
}

export interface TestDatabase {
  schema: string;
  /** Another connection pool on the same schema (another replica). */
  open(opts?: { poolSize?: number; applicationName?: string }): Promise<Db>;
  /** Closes every Db opened here and drops the schema. */
  drop(): Promise<void>;
}

/** A schema of its own; every Db opened from it works in that schema. */
export async function testDatabase(prefix?: string): Promise<TestDatabase> {
  const schema = testSchemaName(prefix);
  const opened: Db[] = [];
  return {
    schema,
    async open(opts = {}) {
      const db = await openDatabase(TEST_DATABASE_URL, { schema, poolSize: opts.poolSize ?? 4, statementTimeoutMs: 10_000, applicationName: opts.applicationName ?? "parley test" });
      opened.push(db);
      return db;
    },
    async drop() {
      await Promise.all(opened.map((db) => db.close().catch(() => {})));
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
