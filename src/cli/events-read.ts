// `npm run events -- list | show | validate | export`: reading the record. Reads go straight to
// the file: every write replaces it atomically, so a reader never sees half of one.
import { readFile } from "node:fs/promises";
import type { Db } from "../db/pool.ts";
import { exportRecord } from "../record-db/rows.ts";
import { buildRecord } from "../record/record.ts";
import { LANGS, STATUSES, type Entry, type Localized } from "../record/schema.ts";
import { describeProblem, isRealDate, parseEventLog, type CheckedLog } from "../record/validate.ts";
import { InputError, UsageError } from "./errors.ts";
import type { Context } from "./events-command-line.ts";


/** The record, checked: the file's, or with `db` PostgreSQL's (checked on the way in, and again here). */
export async function loadLog(file: string, db?: Db): Promise<CheckedLog> {
  let text: string;
  try {
    text = db ? await exportRecord(db) : await readFile(file, "utf8");
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
export function text(l: Localized | undefined): string {
  if (!l) return "";
  if (l.en) return l.en;
  const lang = LANGS.find((k) => l[k]);
  return lang ? `[${lang}] ${l[lang]}` : "";
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export async function list({ file, db, values, io }: Context): Promise<number> {
  if (values.status !== undefined && !(STATUSES as readonly string[]).includes(values.status)) {
    throw new UsageError(`--status must be one of ${STATUSES.join(", ")}`, "list");
  }
  for (const key of ["from", "to"] as const) {
    const v = values[key];
    if (v !== undefined && !(DAY_RE.test(v) && isRealDate(v))) throw new UsageError(`--${key} must be a date YYYY-MM-DD, not "${v}"`, "list");
  }
  const log = await loadLog(file, db);
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

export async function show({ file, db, args, io }: Context): Promise<number> {
  const log = await loadLog(file, db);
  io.out(`${JSON.stringify(findEntry(log, args[0], file), null, 2)}\n`);
  return 0;
}

export async function validate({ file, db, args, io }: Context): Promise<number> {
  const target = args[0] ?? file;
  const log = await loadLog(target, args[0] === undefined ? db : undefined);
  io.out(`${target}: ${log.entries.length} entries in ${log.tracks.length} tracks, valid\n`);
  return 0;
}

export async function exportLog({ file, db, values, io }: Context): Promise<number> {
  const format = values.format ?? "json";
  if (format !== "json" && format !== "csv") throw new UsageError(`--format must be json or csv, not "${format}"`, "export");
  // The file form byte for byte as imported (plus the writes since): a record kept in git
  // round-trips through PostgreSQL unchanged.
  if (db && format === "json") {
    io.out(await exportRecord(db));
    return 0;
  }
  const log = await loadLog(file, db);
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
