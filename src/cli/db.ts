// `npm run db -- <command>`: the PostgreSQL schema by hand. The bot migrates at start-up by
// itself; this is for an operator who wants to see or apply migrations before a deploy.
// Exit codes: 0 done, 1 the database refused or needs fixing, 2 the command line is wrong.
import { config as loadDotenv } from "dotenv";
import { parseArgs } from "node:util";
import { ConfigError, loadDatabaseConfig } from "../config.ts";
import { labelOf, migrate, migrationStatus, MigrationError } from "../db/migrate.ts";
import { openDatabase, type Db } from "../db/pool.ts";
import { databaseSecrets, redact, redactDatabaseUrl } from "../log.ts";
import { runAsProgram, type ProgramIo } from "./program.ts";

const USAGE = `usage: npm run db -- <command>

commands:
  migrate               apply the pending migrations (what every replica does at start-up)
  status                the applied and the pending migrations

The database is DATABASE_URL (in .env or the environment); DATABASE_SCHEMA, if set, is the
schema to work in (default: the connection's search_path, normally "public"), as for the bot.`;

class UsageError extends Error {}

export async function main(argv: string[], io: ProgramIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let secrets: string[] = [];
  const say = (write: (t: string) => void, text: string) => write(secrets.reduce((t, s) => redact(t, s, "<SECRET>"), text));
  let db: Db | undefined;
  try {
    const { positionals, values } = parseCommandLine(argv);
    if (values.help || positionals[0] === "help") {
      io.out(`${USAGE}\n`);
      return 0;
    }
    const command = positionals[0];
    if (!command) throw new UsageError("no command given");
    if (command !== "migrate" && command !== "status") throw new UsageError(`unknown command "${command}"`);
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    const config = loadDatabaseConfig(env);
    if (!config) {
      io.err("error: DATABASE_URL is not set, so Parley keeps everything in files under DATA_DIR and there is no schema to migrate; set DATABASE_URL=postgres://... in .env to use PostgreSQL\n");
      return 1;
    }
    secrets = databaseSecrets(config.url);
    try {
      db = await openDatabase(config.url, { poolSize: 1, statementTimeoutMs: config.statementTimeoutMs, schema: config.schema, applicationName: "parley db" });
    } catch (err) {
      say(io.err, `error: cannot reach the database at ${redactDatabaseUrl(config.url)}: ${(err as Error).message}\n`);
      return 1;
    }
    if (command === "migrate") {
      const applied = await migrate(db);
      if (!applied.length) io.out("Nothing to migrate: every migration is applied.\n");
      for (const m of applied) io.out(`applied ${labelOf(m)}\n`);
      return 0;
    }
    const status = await migrationStatus(db);
    io.out(`Applied (${status.applied.length}):\n`);
    for (const a of status.applied) io.out(`  ${labelOf(a)}  ${a.appliedAt.toISOString()}${a.known ? "" : "  (not known to this version of Parley: a newer one applied it)"}\n`);
    io.out(`Pending (${status.pending.length}):\n`);
    for (const m of status.pending) io.out(`  ${labelOf(m)}\n`);
    if (!status.pending.length) io.out("  none\n");
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`error: ${err.message}\nusage: npm run db -- migrate|status\nrun "npm run db -- --help" for more\n`);
      return 2;
    }
    if (err instanceof ConfigError || err instanceof MigrationError) {
      say(io.err, `${err.message}\n`);
      return 1;
    }
    say(io.err, `error: ${(err as Error).message}\n`);
    return 1;
  } finally {
    await db?.close();
  }
}

function parseCommandLine(argv: string[]): { positionals: string[]; values: { help?: boolean } } {
  try {
    return parseArgs({ args: argv, options: { help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
}

await runAsProgram(import.meta.url, (argv, io) => {
  loadDotenv({ quiet: true });
  return main(argv, io);
});
