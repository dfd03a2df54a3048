// `npm run db -- <command>`: the PostgreSQL schema by hand. The bot migrates at start-up by
// itself; this is for an operator who wants to see or apply migrations before a deploy.
// Exit codes: 0 done, 1 the database refused or needs fixing, 2 the command line is wrong.
import { config as loadDotenv } from "dotenv";
import { parseArgs } from "node:util";
import { ConfigError, loadDatabaseConfig } from "../config.ts";
import { labelOf, migrate, migrationStatus, MigrationError } from "../db/migrate.ts";
import { openDatabase, type Db } from "../db/pool.ts";
import { databaseSecrets, redact, redactDatabaseUrl } from "../log.ts";
import { join, resolve } from "node:path";
import { importState, NoStateError, type ImportCounts } from "../store-db/import-state.ts";
import { StoreCorruptError } from "../store/json-store.ts";
import { UsageError } from "./errors.ts";
import { runAsProgram, type ProgramIo } from "./program.ts";

const USAGE = `usage: npm run db -- <command>

commands:
  migrate               apply the pending migrations (what every replica does at start-up)
  status                the applied and the pending migrations
  import-state [--replace] [--state-dir PATH]
                        move a file-based installation's state (chats, subscriptions, dialogues,
                        what was announced, reminders, messages still to send) into PostgreSQL;
                        run it with the bot stopped. Migrates first. Refuses to overwrite tables
                        that already hold state unless --replace; running it again on the same
                        files does nothing. PATH defaults to $DATA_DIR/state (DATA_DIR: ./data)

The database is DATABASE_URL (in .env or the environment); DATABASE_SCHEMA, if set, is the
schema to work in (default: the connection's search_path, normally "public"), as for the bot.`;


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
    if (command !== "migrate" && command !== "status" && command !== "import-state") throw new UsageError(`unknown command "${command}"`);
    if (command !== "import-state" && (values.replace || values["state-dir"])) throw new UsageError(`--replace and --state-dir go with import-state only`);
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
    if (command === "import-state") {
      await migrate(db);
      const stateDir = resolve(values["state-dir"] ?? join(env.DATA_DIR || "./data", "state"));
      return await runImportState(db, stateDir, values.replace ?? false, io);
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
      io.err(`error: ${err.message}\nusage: npm run db -- migrate|status|import-state\nrun "npm run db -- --help" for more\n`);
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

async function runImportState(db: Db, stateDir: string, replace: boolean, io: ProgramIo): Promise<number> {
  let result;
  try {
    result = await importState(db, stateDir, { replace });
  } catch (err) {
    if (err instanceof NoStateError || err instanceof StoreCorruptError) {
      io.err(`error: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const counts = (c: ImportCounts) =>
    `subscriptions: ${c.subscriptions}, chats' choices: ${c.chats}, unfinished dialogues: ${c.conversations}, announced entries: ${c.announcedEntries}, ` +
    `announced changes: ${c.announcedChanges}, daily digest states: ${c.dailyStates}, reminders sent: ${c.reminders}, messages still to send: ${c.outboxMessages}, ` +
    `drafts: ${c.drafts}, news reports taken: ${c.reportsTaken}, feeds' states: ${c.feeds}, feed items processed: ${c.feedItems}, audit records: ${c.auditRecords}`;
  if (result.kind === "refused") {
    io.err(
      `error: the database already holds state (${result.nonEmpty.join(", ")}) that these files did not put there; nothing was changed. ` +
        `To overwrite it with the files in ${stateDir}, run again with --replace (what is in the database now is then lost).\n`,
    );
    return 1;
  }
  if (result.kind === "already") {
    io.out(`Already imported from these files on ${result.importedAt.toISOString()}; nothing to do (${counts(result.counts)}).\n`);
    return 0;
  }
  io.out(`Imported from ${stateDir}${result.replaced ? ", replacing what the database held" : ""}: ${counts(result.counts)}.\n`);
  return 0;
}

function parseCommandLine(argv: string[]): { positionals: string[]; values: { help?: boolean; replace?: boolean; "state-dir"?: string } } {
  try {
    return parseArgs({
      args: argv,
      options: { help: { type: "boolean", short: "h" }, replace: { type: "boolean" }, "state-dir": { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
}

await runAsProgram(import.meta.url, (argv, io) => {
  loadDotenv({ quiet: true });
  return main(argv, io);
});
