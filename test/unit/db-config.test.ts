// DATABASE_URL and its settings as an operator writes them in .env: unset means the files,
// a wrong value stops start-up naming the variable, and the password never shows in a message
// or a log line.
import assert from "node:assert/strict";
import { test } from "node:test";
import { hostname } from "node:os";
import { ConfigError, loadConfig, loadDatabaseConfig } from "../../src/config.ts";
import { createLogger, databaseSecrets, redactDatabaseUrl } from "../../src/log.ts";

const TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef_-12";

test("without DATABASE_URL there is no database: the files, as before", () => {
  assert.equal(loadDatabaseConfig({}), undefined);
  assert.equal(loadDatabaseConfig({ DATABASE_URL: "" }), undefined);
  assert.equal(loadConfig({ BOT_TOKEN: TOKEN }, { dotenv: false }).database, undefined);
});

test("DATABASE_URL with its defaults: a pool of 10, statements stopped after 5 seconds", () => {
  assert.deepEqual(loadDatabaseConfig({ DATABASE_URL: "postgresql://parley:s3cret@db:5432/parley" }), {
    url: "postgresql://parley:s3cret@db:5432/parley",
    poolSize: 10,
    statementTimeoutMs: 5000,
    schema: undefined,
    replicaId: `${hostname()}:${process.pid}`,
  });
  const config = loadConfig({ BOT_TOKEN: TOKEN, DATABASE_URL: "postgres://db/parley", DATABASE_POOL_SIZE: "25", DATABASE_STATEMENT_TIMEOUT_MS: "2000", DATABASE_SCHEMA: "newsroom_a", REPLICA_ID: "web-2" }, { dotenv: false });
  assert.deepEqual(config.database, { url: "postgres://db/parley", poolSize: 25, statementTimeoutMs: 2000, schema: "newsroom_a", replicaId: "web-2" });
});

test("wrong values are named with what to write instead, never echoing the URL", () => {
  assert.throws(
    () => loadConfig({ BOT_TOKEN: TOKEN, DATABASE_URL: "mysql://parley:hunter2@db/parley", DATABASE_POOL_SIZE: "0", DATABASE_STATEMENT_TIMEOUT_MS: "soon" }, { dotenv: false }),
    (err: Error) => {
      assert.ok(err instanceof ConfigError);
      assert.match(err.message, /- DATABASE_URL must be a PostgreSQL URL such as postgres:\/\/parley:secret@db\.example\.org:5432\/parley \(postgres:\/\/ or postgresql:\/\/\)/);
      assert.match(err.message, /- DATABASE_POOL_SIZE must be at least 1 connection/);
      assert.match(err.message, /- DATABASE_STATEMENT_TIMEOUT_MS must be a number of milliseconds/);
      assert.doesNotMatch(err.message, /hunter2/);
      return true;
    },
  );
  assert.throws(() => loadDatabaseConfig({ DATABASE_URL: "postgres://db/p", DATABASE_SCHEMA: "Bad-Name" }), /- DATABASE_SCHEMA must be a schema name/);
  assert.throws(() => loadDatabaseConfig({ DATABASE_URL: "postgres://db/p", REPLICA_ID: "web 1; drop" }), /- REPLICA_ID must be 1 to 50 letters/);
});

test("the password is kept out of log lines and shown as *** in addresses", () => {
  const url = "postgres://parley:p%40ss%2Fword@db.example.org:5432/parley";
  let written = "";
  const log = createLogger({ secrets: databaseSecrets(url), stream: { write: (t: string) => ((written += t), true) } as unknown as NodeJS.WritableStream });
  log.error("connect failed", { error: "password authentication failed for p@ss/word (p%40ss%2Fword)" });
  assert.match(written, /password authentication failed for <SECRET> \(<SECRET>\)/);
  assert.doesNotMatch(written, /p@ss\/word|p%40ss%2Fword/);
  assert.equal(redactDatabaseUrl(url), "postgres://parley:***@db.example.org:5432/parley");
  assert.equal(redactDatabaseUrl("postgres://db/parley"), "postgres://db/parley");
  assert.deepEqual(databaseSecrets("postgres://db/parley"), []);
});
