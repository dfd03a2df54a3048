// `npm run events -- <command>`: the record from the command line.
// Reads go straight to the file (every write replaces it atomically, so a reader never sees
// half of one); writes go through RecordWriter: the same lock, checks and audit log as the
// bot's editorial commands. Exit codes: 0 done, 1 the input or the record needs fixing,
// 2 the command line itself is wrong.
import { config as loadDotenv } from "dotenv";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadDatabaseConfig } from "../config.ts";
import { migrate } from "../db/migrate.ts";
import { openDatabase, type Db } from "../db/pool.ts";
import { databaseSecrets, redact, redactDatabaseUrl } from "../log.ts";
import { RECORD_NAME } from "../record-db/rows.ts";
import { RecordLockedError } from "../record-file/lock.ts";
import { STATUSES } from "../record/schema.ts";
import { InputError, UsageError } from "./errors.ts";
import { OPTIONS, UPDATE_OPTIONS, type Context, type Io, type Options } from "./events-command-line.ts";
import { exportLog, list, show, validate } from "./events-read.ts";
import { add, history, importLog, revert, update } from "./events-write.ts";
import { runAsProgram } from "./program.ts";

export { toCsv } from "./events-read.ts";

const USAGE = `usage: npm run events -- <command> [options]

commands:
  list [--track T] [--status S] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                        one line per entry, oldest first, undated last
  show <id>             the entry as JSON
  add [<file.json> | -] add one entry or an array of entries (all or none);
                        reads stdin when it is piped or the file is "-"
  update <id> <changes> change an entry; prints what changed (see below)
  validate [file]       check the record as the bot does
  export [--format json|csv]
                        the whole record to stdout (csv: one row per entry)
  history <id>          the recorded changes to an entry, oldest first
  revert <id>           undo the entry's last recorded change
  import <file.json>    PostgreSQL only: replace the record by the file, validated, in one
                        transaction; export then prints that file byte for byte

changes for update (the same rules as the bot's /update):
  --status S            one of ${STATUSES.join(", ")};
                        wins over the status that a new --date implies
  --outcome "text"      sets the outcome in --outcome-lang (en, ru or uk; default en)
  --date D|null         YYYY-MM-DD or YYYY-MM; null: not set yet. A new date clears the end date
                        and time unless they are given too; a new day schedules a postponed or
                        announced entry again, and null makes a scheduled one announced
  --end-date D|null     last day of a multi-day entry
  --time HH:MM|null     24-hour, in --timezone
  --timezone Z|null     an IANA zone such as Europe/Istanbul
  --city "name"         the place becomes this city, an English name (its country and venue go)
  --source-outlet O --source-lang L [--source-url U] [--source-published D]
                        adds a source (unless one with that URL is there)
  --participant "name|role|side"
                        adds a participant (role may be empty); may be repeated;
                        a new side joins the entry's parties

options:
  --file PATH           the record (default: $DATA_DIR/events.json; DATA_DIR defaults to ./data);
                        changes are logged in state/audit.jsonl beside it. With DATABASE_URL set
                        (and no --file), every command works on the record in PostgreSQL
  --help                this text`;

const COMMAND_USAGE: { [command: string]: string } = {
  list: "list [--track T] [--status S] [--from YYYY-MM-DD] [--to YYYY-MM-DD]",
  show: "show <id>",
  add: "add [<file.json> | -]",
  update: "update <id> [--status S] [--outcome TEXT [--outcome-lang L]] [--date D|null] [--end-date D|null] [--time HH:MM|null] [--timezone Z|null] [--city NAME] [--source-outlet O --source-lang L [--source-url U] [--source-published D]] [--participant 'name|role|side']",
  validate: "validate [file]",
  export: "export [--format json|csv]",
  history: "history <id>",
  revert: "revert <id>",
  import: "import <file.json>",
};

/** Which options each command takes, and how many positional arguments (min, max). */
const COMMANDS: { [command: string]: { options: readonly string[]; args: [number, number] } } = {
  list: { options: ["track", "status", "from", "to"], args: [0, 0] },
  show: { options: [], args: [1, 1] },
  add: { options: [], args: [0, 1] },
  update: { options: UPDATE_OPTIONS, args: [1, 1] },
  validate: { options: [], args: [0, 1] },
  export: { options: ["format"], args: [0, 0] },
  history: { options: [], args: [1, 1] },
  revert: { options: [], args: [1, 1] },
  import: { options: [], args: [1, 1] },
};

export async function main(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let command: string | undefined;
  let db: Db | undefined;
  let secrets: string[] = [];
  const say = (text: string) => io.err(secrets.reduce((t, s) => redact(t, s, "<SECRET>"), text));
  try {
    const { values, positionals } = parseCommandLine(argv);
    command = positionals[0];
    if (values.help || command === "help") {
      io.out(`${USAGE}\n`);
      return 0;
    }
    if (!command) throw new UsageError("no command given");
    const spec = COMMANDS[command];
    if (!spec) throw new UsageError(`unknown command "${command}"`);
    for (const key of Object.keys(values)) {
      if (key !== "file" && !spec.options.includes(key)) throw new UsageError(`"${command}" does not take --${key}`, command);
    }
    const args = positionals.slice(1);
    const [min, max] = spec.args;
    if (args.length < min) throw new UsageError(`"${command}" needs ${min === 1 ? "an argument" : `${min} arguments`}`, command);
    if (args.length > max) throw new UsageError(`unexpected argument "${args[max]}"`, command);

    const database = values.file === undefined ? loadDatabaseConfig(env) : undefined;
    if (database) {
      secrets = databaseSecrets(database.url);
      try {
        db = await openDatabase(database.url, { poolSize: 2, statementTimeoutMs: database.statementTimeoutMs, schema: database.schema, applicationName: "parley events" });
      } catch (err) {
        throw new Error(`cannot reach the database at ${redactDatabaseUrl(database.url)}: ${(err as Error).message}`, { cause: err });
      }
      // As every replica does at start-up: the tables may not be there yet (a first import).
      await migrate(db);
    } else if (command === "import") {
      throw new InputError(["import loads a file into PostgreSQL: set DATABASE_URL (in .env or the environment) first, and give no --file"]);
    }
    const file = db ? RECORD_NAME : (values.file ?? join(env.DATA_DIR || "./data", "events.json"));
    const ctx: Context = { file, db, values, args, io };
    switch (command) {
      case "list":
        return await list(ctx);
      case "show":
        return await show(ctx);
      case "add":
        return await add(ctx);
      case "update":
        return await update(ctx);
      case "validate":
        return await validate(ctx);
      case "export":
        return await exportLog(ctx);
      case "history":
        return await history(ctx);
      case "revert":
        return await revert(ctx);
      case "import":
        return await importLog(ctx);
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    if (err instanceof UsageError) {
      const line = err.command ? COMMAND_USAGE[err.command] : "<command> [options]";
      io.err(`error: ${err.message}\nusage: npm run events -- ${line}\nrun "npm run events -- --help" for every command and option\n`);
      return 2;
    }
    if (err instanceof InputError) {
      say(`${err.lines.join("\n")}\n`);
      return 1;
    }
    if (err instanceof RecordLockedError) {
      io.err(`${err.message}\n`);
      return 1;
    }
    say(`error: ${(err as Error).message}\n`);
    return 1;
  } finally {
    await db?.close();
  }
}

function parseCommandLine(argv: string[]): { values: Options; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    return { values: values as Options, positionals };
  } catch (err) {
    // parseArgs's own messages are clear ("Unknown option '--x'"). A lenient pass finds the
    // command, so that the usage line shown is that command's.
    const { positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false });
    const command = positionals[0];
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ""), command && COMMANDS[command] ? command : undefined);
  }
}

await runAsProgram(import.meta.url, (argv, io) => {
  loadDotenv({ quiet: true });
  return main(argv, io);
});
