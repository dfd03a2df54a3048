// Schema migrations: numbered SQL applied in order, each once, recorded in schema_migrations
// with a checksum. The SQL lives in TypeScript modules (migrations/NNN-name.ts) listed in
// migrations/index.ts, so the bundle in dist/ carries it and nothing is looked up on disk.
//
// Every replica migrates at start-up. All of it runs in one transaction under an advisory
// lock taken inside that transaction: two replicas starting at once queue on the lock, the
// second then finds everything applied and does nothing; a migration that fails leaves the
// schema as it was (PostgreSQL's DDL is transactional).
import { createHash } from "node:crypto";
import type { Db, Queryable } from "./pool.ts";
import { MIGRATIONS } from "./migrations/index.ts";

export interface Migration {
  /** 1-99: the record (src/record-db/); 100 and up: the state stores. Never reused. */
  version: number;
  /** Lower-case words and '-', as in the module's name (001-record.ts: "record"). */
  name: string;
  sql: string;
}

export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
  appliedAt: Date;
}

export interface MigrationStatus {
  applied: (AppliedMigration & { known: boolean })[];
  pending: Migration[];
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export function checksumOf(m: Migration): string {
  return createHash("sha256").update(m.sql).digest("hex");
}

export function labelOf(m: { version: number; name: string }): string {
  return `${String(m.version).padStart(3, "0")}-${m.name}`;
}

/** The lock's key: one per schema, so test schemas (or installations) do not wait on each other. */
const LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('parley schema migrations ' || current_schema()))";

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** Versions in ascending order, each once, names well-formed: a mistake in the list fails every start. */
export function checkList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version < 1) throw new MigrationError(`migration "${m.name}" has version ${m.version}; versions are whole numbers from 1`);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(m.name)) throw new MigrationError(`migration ${m.version} is named "${m.name}"; use lower-case words joined by '-'`);
    if (i > 0 && migrations[i - 1].version >= m.version) {
      throw new MigrationError(`migrations ${labelOf(migrations[i - 1])} and ${labelOf(m)} are out of order or share a version; list them by ascending version`);
    }
  });
}

/**
 * Applies the pending migrations; answers those it applied (none when another process got
 * there first). Throws MigrationError when an applied migration's SQL has changed since.
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<Migration[]> {
  checkList(migrations);
  return db.transaction(async (tx) => {
    // Migrations may take longer than a request is allowed to; so may waiting for another
    // replica's migrations.
    await tx.query("SET LOCAL statement_timeout = 0");
    await tx.query(LOCK_SQL);
    await tx.query(CREATE_TABLE);
    const applied = await readApplied(tx);
    checkChecksums(applied, migrations);
    const done = new Set(applied.map((a) => a.version));
    const pending = migrations.filter((m) => !done.has(m.version));
    for (const m of pending) {
      try {
        await tx.query(m.sql);
      } catch (err) {
        throw new MigrationError(`migration ${labelOf(m)} failed, nothing was changed: ${(err as Error).message}`);
      }
      await tx.query("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", [m.version, m.name, checksumOf(m)]);
    }
    return pending;
  });
}

/** What is applied (and whether this version of Parley knows it) and what is pending. */
export async function migrationStatus(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationStatus> {
  checkList(migrations);
  const exists = await db.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  const applied = exists.rows[0].t ? await readApplied(db) : [];
  const known = new Map(migrations.map((m) => [m.version, m]));
  const done = new Set(applied.map((a) => a.version));
  return {
    applied: applied.map((a) => ({ ...a, known: known.has(a.version) })),
    pending: migrations.filter((m) => !done.has(m.version)),
  };
}

/** Applied migrations whose SQL differs from this version's; empty when all agree. */
export function changedMigrations(applied: readonly AppliedMigration[], migrations: readonly Migration[]): { applied: AppliedMigration; now: Migration }[] {
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  const changed: { applied: AppliedMigration; now: Migration }[] = [];
  for (const a of applied) {
    const now = byVersion.get(a.version);
    if (now && checksumOf(now) !== a.checksum) changed.push({ applied: a, now });
  }
  return changed;
}

function checkChecksums(applied: readonly AppliedMigration[], migrations: readonly Migration[]): void {
  const changed = changedMigrations(applied, migrations);
  if (!changed.length) return;
  const lines = changed.map(
    ({ applied: a, now }) =>
      `- ${labelOf(now)} was applied on ${a.appliedAt.toISOString()} with checksum ${a.checksum.slice(0, 12)}, but its SQL now has checksum ${checksumOf(now).slice(0, 12)}`,
  );
  throw new MigrationError(
    `the SQL of applied migrations has changed; an applied migration must never be edited (the database would not match it). Restore its SQL and put the change in a new migration:\n${lines.join("\n")}`,
  );
}

async function readApplied(q: Queryable): Promise<AppliedMigration[]> {
  const { rows } = await q.query<{ version: number; name: string; checksum: string; applied_at: Date }>(
    "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version",
  );
  return rows.map((r) => ({ version: r.version, name: r.name, checksum: r.checksum, appliedAt: r.applied_at }));
}
