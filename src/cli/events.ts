// `npm run events -- <command>`: the record from the command line.
// Reads go straight to the file (every write replaces it atomically, so a reader never sees
// half of one); writes go through RecordWriter: the same lock, checks and audit log as the
// bot's editorial commands. Exit codes: 0 done, 1 the input or the record needs fixing,
// 2 the command line itself is wrong.
import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { buildRecord } from "../record/record.ts";
import { applyEdits, type EntryEdit } from "../editorial/entry.ts";
import { LANGS, STATUSES, type Entry, type Lang, type Localized, type Participant, type Source, type Status } from "../record/schema.ts";
import { describeProblem, isRealDate, parseEventLog, type CheckedLog, type RecordProblem } from "../record/validate.ts";
import type { Actor, EntryAuditRecord } from "../record-file/audit-log.ts";
import { RecordLockedError } from "../record-file/lock.ts";
import { RecordWriter } from "../record-file/writer.ts";

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
                        changes are logged in state/audit.jsonl beside it
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
};

const OPTIONS = {
  file: { type: "string" },
  help: { type: "boolean", short: "h" },
  track: { type: "string" },
  status: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  format: { type: "string" },
  outcome: { type: "string" },
  "outcome-lang": { type: "string" },
  date: { type: "string" },
  "end-date": { type: "string" },
  time: { type: "string" },
  timezone: { type: "string" },
  city: { type: "string" },
  "source-url": { type: "string" },
  "source-outlet": { type: "string" },
  "source-lang": { type: "string" },
  "source-published": { type: "string" },
  participant: { type: "string", multiple: true },
} as const;

type Options = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K] extends { type: "boolean" } ? boolean : string };

const UPDATE_OPTIONS = [
  "status",
  "outcome",
  "outcome-lang",
  "date",
  "end-date",
  "time",
  "timezone",
  "city",
  "source-url",
  "source-outlet",
  "source-lang",
  "source-published",
  "participant",
] as const;

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
};

/** The command line is wrong: exit 2 with a usage line. */
class UsageError extends Error {
  override name = "UsageError";
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/** The input or the record needs fixing: exit 1 with one line per thing to fix. */
class InputError extends Error {
  override name = "InputError";
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
  }
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  stdin: NodeJS.ReadStream;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let command: string | undefined;
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

    const file = values.file ?? join(process.env.DATA_DIR || "./data", "events.json");
    const ctx: Context = { file, values, args, io };
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
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    if (err instanceof UsageError) {
      const line = err.command ? COMMAND_USAGE[err.command] : "<command> [options]";
      io.err(`error: ${err.message}\nusage: npm run events -- ${line}\nrun "npm run events -- --help" for every command and option\n`);
      return 2;
    }
    if (err instanceof InputError) {
      io.err(`${err.lines.join("\n")}\n`);
      return 1;
    }
    if (err instanceof RecordLockedError) {
      io.err(`${err.message}\n`);
      return 1;
    }
    io.err(`error: ${(err as Error).message}\n`);
    return 1;
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

interface Context {
  file: string;
  values: Options;
  args: string[];
  io: Io;
}

// ---- Reading ------------------------------------------------------------------------------

async function loadLog(file: string): Promise<CheckedLog> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError([`${file}: no such file; pass --file PATH or set DATA_DIR`]);
    throw new InputError([`${file}: cannot read it (${(err as Error).message})`]);
  }
  const result = parseEventLog(text, file);
  if (!result.ok) throw new InputError([...result.problems.map(describeProblem), `${file}: fix the problems above first (npm run events -- validate)`]);
  return result.log;
}

function findEntry(log: CheckedLog, id: string, file: string): Entry {
  const entry = log.entries.find((e) => e.id === id);
  if (entry) return entry;
  const near = log.entries.filter((e) => e.id.includes(id) || id.includes(e.id)).slice(0, 5);
  const hint = near.length ? `; did you mean ${near.map((e) => e.id).join(", ")}?` : "";
  throw new InputError([`${file}: no entry with id "${id}"${hint}`]);
}

/** The English text, or the first other language marked with its code, e.g. "[ru] …". */
function text(l: Localized | undefined): string {
  if (!l) return "";
  if (l.en) return l.en;
  const lang = LANGS.find((k) => l[k]);
  return lang ? `[${lang}] ${l[lang]}` : "";
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

async function list({ file, values, io }: Context): Promise<number> {
  if (values.status !== undefined && !(STATUSES as readonly string[]).includes(values.status)) {
    throw new UsageError(`--status must be one of ${STATUSES.join(", ")}`, "list");
  }
  for (const key of ["from", "to"] as const) {
    const v = values[key];
    if (v !== undefined && !(DAY_RE.test(v) && isRealDate(v))) throw new UsageError(`--${key} must be a date YYYY-MM-DD, not "${v}"`, "list");
  }
  const log = await loadLog(file);
  if (values.track !== undefined && !log.tracks.some((t) => t.id === values.track)) {
    throw new InputError([`${file}: no track "${values.track}"; tracks are: ${log.tracks.map((t) => t.id).join(", ") || "(none)"}`]);
  }
  const record = buildRecord(log);
  const rows = [...record.chrono, ...record.undated]
    .filter((e) => (values.track === undefined || e.track === values.track) && (values.status === undefined || e.status === values.status))
    .filter((e) => inRange(e, values.from, values.to))
    .map((e) => [e.date ?? "undated", e.id, e.track, e.kind, e.status, text(record.entry(e).title)]);
  if (!rows.length) {
    io.err("no entries match\n");
    return 0;
  }
  const widths = rows[0].slice(0, -1).map((_, i) => rows.reduce((max, r) => Math.max(max, r[i].length), 0));
  io.out(rows.map((r) => r.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]) : cell)).join("  ")).join("\n") + "\n");
  return 0;
}

/** Whether the entry's days overlap [from, to]; a month-only date spans its whole month. */
function inRange(e: Pick<Entry, "date" | "endDate">, from?: string, to?: string): boolean {
  if (from === undefined && to === undefined) return true;
  if (!e.date) return false;
  const first = e.date.length === 7 ? `${e.date}-01` : e.date;
  const lastDate = e.endDate ?? e.date;
  const last = lastDate.length === 7 ? `${lastDate}-31` : lastDate;
  return (from === undefined || last >= from) && (to === undefined || first <= to);
}

async function show({ file, args, io }: Context): Promise<number> {
  const log = await loadLog(file);
  io.out(`${JSON.stringify(findEntry(log, args[0], file), null, 2)}\n`);
  return 0;
}

async function validate({ file, args, io }: Context): Promise<number> {
  const target = args[0] ?? file;
  const log = await loadLog(target);
  io.out(`${target}: ${log.entries.length} entries in ${log.tracks.length} tracks, valid\n`);
  return 0;
}

async function exportLog({ file, values, io }: Context): Promise<number> {
  const format = values.format ?? "json";
  if (format !== "json" && format !== "csv") throw new UsageError(`--format must be json or csv, not "${format}"`, "export");
  const log = await loadLog(file);
  io.out(format === "json" ? `${JSON.stringify(log, null, 2)}\n` : toCsv(log.entries));
  return 0;
}

const CSV_HEADER = ["id", "track", "kind", "status", "date", "end_date", "time", "timezone", "city", "title_en", "title_ru", "title_uk", "sources"];

/** RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled. */
export function toCsv(entries: Entry[]): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const rows = entries.map((e) => [
    e.id,
    e.track,
    e.kind,
    e.status,
    e.date ?? "",
    e.endDate ?? "",
    e.time ?? "",
    e.timezone ?? "",
    e.place?.city ? (e.place.city.en ?? e.place.city.ru ?? e.place.city.uk ?? "") : "",
    e.title.en ?? "",
    e.title.ru ?? "",
    e.title.uk ?? "",
    e.sources.map((s) => (s.url ? `${s.outlet} ${s.url}` : s.outlet)).join("; "),
  ]);
  return [CSV_HEADER, ...rows].map((r) => r.map(field).join(",") + "\r\n").join("");
}

// ---- Writing ------------------------------------------------------------------------------

function writerFor(file: string): RecordWriter {
  // Beside the record, as the bot has it: <DATA_DIR>/events.json and <DATA_DIR>/state/audit.jsonl.
  return new RecordWriter({ file, auditFile: join(dirname(file), "state", "audit.jsonl") });
}

function cliActor(): Actor {
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    // Containers often run as a uid with no passwd entry, where userInfo() throws.
    name = process.env.USER || process.env.USERNAME || `uid ${process.getuid?.() ?? "?"}`;
  }
  return { kind: "cli", name };
}

function refused(problems: RecordProblem[], file: string): InputError {
  return new InputError([...problems.map(describeProblem), `${file}: nothing was written`]);
}

async function add({ file, args, io }: Context): Promise<number> {
  const from = args[0] ?? "-";
  if (from === "-" && args.length === 0 && io.stdin.isTTY) throw new UsageError("give a JSON file, or pipe JSON into stdin", "add");
  const name = from === "-" ? "stdin" : from;
  let body: string;
  try {
    body = from === "-" ? await readAll(io.stdin) : await readFile(from, "utf8");
  } catch (err) {
    throw new InputError([`${name}: cannot read it (${(err as Error).message})`]);
  }
  if (!body.trim()) {
    if (from === "-") throw new UsageError("no JSON on stdin; give a file or pipe an entry in", "add");
    throw new InputError([`${name}: is empty; it should hold an entry or an array of entries`]);
  }
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch (err) {
    throw new InputError([`${name}: not valid JSON: ${(err as Error).message}`]);
  }
  const inputs = Array.isArray(input) ? input : [input];
  if (!inputs.length) throw new InputError([`${name}: the array is empty; nothing to add`]);
  const result = await writerFor(file).addAll(inputs, cliActor());
  if (!result.ok) throw refused(result.problems, file);
  io.out(result.entries.map((e) => `added "${e.id}" (${e.track}, ${e.date ?? "undated"})\n`).join(""));
  return 0;
}

function readAll(stream: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    stream.on("error", reject);
  });
}

async function update({ file, values, args, io }: Context): Promise<number> {
  const id = args[0];
  const edits = editsFromOptions(values);
  const result = await writerFor(file).update(id, (e) => applyEdits(e, edits), cliActor());
  if (!result.ok) throw refused(result.problems, file);
  const lines = diff(result.before, result.entry);
  io.out(lines.length ? `updated "${id}":\n${lines.join("\n")}\n` : `no change: "${id}" already has these values\n`);
  return 0;
}

/**
 * Update's options as the edits the bot's /update makes, so both follow applyEdit's rules.
 * Mistakes in the options themselves are usage errors; the result is judged by the writer.
 */
function editsFromOptions(v: Options): EntryEdit[] {
  if (!UPDATE_OPTIONS.some((k) => v[k] !== undefined)) throw new UsageError("nothing to change; give at least one change such as --status held", "update");
  if (v.status !== undefined && !(STATUSES as readonly string[]).includes(v.status)) {
    throw new UsageError(`--status must be one of ${STATUSES.join(", ")}`, "update");
  }
  const lang = v["outcome-lang"] ?? "en";
  if (!(LANGS as readonly string[]).includes(lang)) throw new UsageError(`--outcome-lang must be one of ${LANGS.join(", ")}`, "update");
  if (v["outcome-lang"] !== undefined && v.outcome === undefined) throw new UsageError("--outcome-lang needs --outcome", "update");
  const sourceGiven = v["source-url"] !== undefined || v["source-outlet"] !== undefined || v["source-lang"] !== undefined || v["source-published"] !== undefined;
  if (sourceGiven && (v["source-outlet"] === undefined || v["source-lang"] === undefined)) {
    throw new UsageError("a new source needs --source-outlet and --source-lang (and usually --source-url)", "update");
  }
  const participants: Participant[] = (v.participant ?? []).map((p) => {
    const parts = p.split("|").map((s) => s.trim());
    if (parts.length !== 3 || !parts[0] || !parts[2]) throw new UsageError(`--participant must be "name|role|side" (role may be empty), not "${p}"`, "update");
    const [name, role, side] = parts;
    return role ? { name: { en: name }, role: { en: role }, side } : { name: { en: name }, side };
  });

  const edits: EntryEdit[] = [];
  const nullable = (value: string | undefined) => (value === "null" ? null : value);
  const when = { date: nullable(v.date), endDate: nullable(v["end-date"]), time: nullable(v.time), timezone: nullable(v.timezone) };
  if (Object.values(when).some((x) => x !== undefined)) edits.push({ kind: "when", ...when });
  if (v.city !== undefined) edits.push({ kind: "place", place: { city: { en: v.city } } });
  if (sourceGiven) {
    const source: Source = { outlet: v["source-outlet"]!, language: v["source-lang"]! };
    if (v["source-url"] !== undefined) source.url = v["source-url"];
    if (v["source-published"] !== undefined) source.published = v["source-published"];
    edits.push({ kind: "sources", sources: [source] });
  }
  if (participants.length) edits.push({ kind: "participants", participants });
  if (v.outcome !== undefined) edits.push({ kind: "outcome", outcome: { [lang as Lang]: v.outcome } });
  if (v.status !== undefined) edits.push({ kind: v.status as Status });
  return edits;
}

/** One line per top-level field that differs: `  field: before → after`. */
function diff(before: Entry | null | undefined, after: Entry | null | undefined): string[] {
  const a = (before ?? {}) as { [key: string]: unknown };
  const b = (after ?? {}) as { [key: string]: unknown };
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const show = (x: unknown) => (x === undefined ? "(none)" : JSON.stringify(x));
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => `  ${k}: ${show(a[k])} → ${show(b[k])}`);
}

async function history({ file, args, io }: Context): Promise<number> {
  const id = args[0];
  const records = await writerFor(file).history(id);
  if (!records.length) {
    const log = await loadLog(file).catch(() => null);
    if (log?.entries.some((e) => e.id === id)) {
      io.out(`no recorded changes to "${id}" (entries edited by hand are not in the audit log)\n`);
      return 0;
    }
    throw new InputError([`${file}: no entry with id "${id}" and no recorded change to one`]);
  }
  io.out(records.map(describeChange).join(""));
  return 0;
}

function describeChange(r: EntryAuditRecord): string {
  const who = `${r.actor.kind}:${r.actor.name}${r.actor.id !== undefined ? ` (${r.actor.id})` : ""}`;
  const head = `${r.at}  ${r.action.padEnd(6)}  ${who}\n`;
  if (r.after === null) return `${head}  (removed)\n`;
  if (r.before === null) return `${head}  (added: ${text(r.after.title)})\n`;
  return head + diff(r.before, r.after).map((l) => `${l}\n`).join("");
}

async function revert({ file, args, io }: Context): Promise<number> {
  const id = args[0];
  const result = await writerFor(file).revert(id, cliActor());
  if (!result.ok) throw refused(result.problems, file);
  if (result.removed) io.out(`reverted "${id}": removed it (its last recorded change added it)\n`);
  else if (!result.before) io.out(`reverted "${id}": restored it\n`);
  else io.out(`reverted "${id}":\n${diff(result.before, result.entry).join("\n")}\n`);
  return 0;
}

// Run only as a program, so tests can import `main` and `toCsv`.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const code = await main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    stdin: process.stdin,
  });
  // exitCode, not exit(): a piped stdout gets flushed before the process ends.
  process.exitCode = code;
}
