// `npm run events -- add | update | history | revert`: writing the record through RecordWriter,
// with the same lock, checks and audit log as the bot's editorial commands, and the same edit
// model (EntryEdit, applyEdits) as /update.
import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { dirname, join } from "node:path";
import { applyEdits, type EntryEdit } from "../editorial/entry.ts";
import { LANGS, STATUSES, type Entry, type Lang, type Participant, type Source, type Status } from "../record/schema.ts";
import { describeProblem, type RecordProblem } from "../record/validate.ts";
import type { Actor, EntryAuditRecord } from "../record-file/audit-log.ts";
import { RecordWriter } from "../record-file/writer.ts";
import type { Db } from "../db/pool.ts";
import { importRecord } from "../record-db/rows.ts";
import { PgRecordWriter, type RecordWrites } from "../record-db/writer.ts";
import { InputError, UsageError } from "./errors.ts";
import { UPDATE_OPTIONS, type Context, type Options } from "./events-command-line.ts";
import { loadLog, text } from "./events-read.ts";


function writerFor(file: string, db?: Db): RecordWrites {
  if (db) return new PgRecordWriter(db);
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

export async function add({ file, db, args, io }: Context): Promise<number> {
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
  const result = await writerFor(file, db).addAll(inputs, cliActor());
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

export async function update({ file, db, values, args, io }: Context): Promise<number> {
  const id = args[0];
  const edits = editsFromOptions(values);
  const result = await writerFor(file, db).update(id, (e) => applyEdits(e, edits), cliActor());
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

export async function history({ file, db, args, io }: Context): Promise<number> {
  const id = args[0];
  const records = await writerFor(file, db).history(id);
  if (!records.length) {
    const log = await loadLog(file, db).catch(() => null);
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

export async function revert({ file, db, args, io }: Context): Promise<number> {
  const id = args[0];
  const result = await writerFor(file, db).revert(id, cliActor());
  if (!result.ok) throw refused(result.problems, file);
  if (result.removed) io.out(`reverted "${id}": removed it (its last recorded change added it)\n`);
  else if (!result.before) io.out(`reverted "${id}": restored it\n`);
  else io.out(`reverted "${id}":\n${diff(result.before, result.entry).join("\n")}\n`);
  return 0;
}

/**
 * `import <file.json>`: the record in PostgreSQL replaced by the file (validated as the bot
 * validates it), in one transaction, with one audit row.
 */
export async function importLog({ db, args, io }: Context): Promise<number> {
  if (!db) throw new InputError(["import loads a file into PostgreSQL: set DATABASE_URL (in .env or the environment) first"]);
  const from = args[0];
  let body: string;
  try {
    body = await readFile(from, "utf8");
  } catch (err) {
    throw new InputError([`${from}: cannot read it (${(err as Error).message})`]);
  }
  const result = await importRecord(db, body, { file: from, actor: cliActor() });
  if (!result.ok) throw new InputError([...result.problems.map(describeProblem), `${from}: nothing was imported; the record in PostgreSQL is as it was`]);
  io.out(`imported ${from}: ${result.entries} entries in ${result.tracks} tracks (record version ${result.version})\n`);
  return 0;
}
