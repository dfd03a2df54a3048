// Writes to the record (data/events.json) that never lose anything. The bot, the CLI and a
// person's text editor may touch the file at once, so every change is made the same way:
// take the lock file, re-read the file under it (never a copy held from earlier), apply the
// change, validate the whole result with parseEventLog, and replace the file atomically
// (temporary file in the same folder, fsync, rename). An invalid result is never written.
// Each change is then appended to an audit log (JSON Lines), which `history` and `revert` read.
//
// The file is edited by hand and kept in git, so a write changes only the text it must (see
// nextText): every other entry stays byte for byte as it was, new text has a 2-space indent.
//
// Refusals (invalid input, unknown id, an invalid file) come back as { ok: false, problems }
// in validate.ts's terms; a lock that stays held throws RecordLockedError; I/O errors throw.
import { randomBytes } from "node:crypto";
import { link, mkdir, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { Track, type Entry } from "./schema.ts";
import { checkEntry, parseEventLog, type RecordProblem } from "./validate.ts";

export type Actor = { kind: "telegram" | "cli"; id?: number; name: string };

/**
 * `entry` is the entry as it now stands; `before` is what it was (absent for an add). A revert
 * that undoes an add removes the entry: then `removed` is true and `entry` is what was removed.
 */
export type WriteResult = { ok: true; entry: Entry; before?: Entry; removed?: boolean } | { ok: false; problems: RecordProblem[] };
export type AddAllResult = { ok: true; entries: Entry[] } | { ok: false; problems: RecordProblem[] };
export type TrackWriteResult = { ok: true; track: Track } | { ok: false; problems: RecordProblem[] };

export type EntryAction = "add" | "update" | "revert";
export interface EntryAuditRecord {
  at: string;
  actor: Actor;
  action: EntryAction;
  id: string;
  before: Entry | null;
  after: Entry | null;
}
export interface TrackAuditRecord {
  at: string;
  actor: Actor;
  action: "add-track";
  id: string;
  before: null;
  after: Track;
}
export type AuditRecord = EntryAuditRecord | TrackAuditRecord;

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/** The lock stayed held by a live writer for the whole timeout. Nothing was written. */
export class RecordLockedError extends Error {
  override name = "RecordLockedError";
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder | null,
    readonly waitedMs: number,
  ) {
    const who = holder ? `pid ${holder.pid} on ${holder.host}, since ${holder.since}` : "a writer that has not yet said who it is";
    super(
      `${lockFile} is held by another writer (${who}); gave up after ${(waitedMs / 1000).toFixed(1)} s and changed nothing. ` +
        `Try again in a moment. If no Parley bot or "npm run events" is running, the lock is left over: delete ${lockFile}.`,
    );
  }
}

/** A lock older than this is broken even if its process lives: no write takes a minute. */
const STALE_AFTER_MS = 60_000;
/** A lock file still empty after this was left by a crash between creating and filling it. */
const UNREADABLE_STALE_AFTER_MS = 5_000;
/** How often a write restarts because the file changed between reading and renaming. */
const MAX_ATTEMPTS = 5;

type RawLog = { tracks: unknown[]; entries: unknown[] } & { [key: string]: unknown };

interface Current {
  text: string;
  raw: RawLog;
  trackIds: Set<string>;
  /** Position of each entry id in raw.entries (first occurrence). */
  indexOf: Map<string, number>;
  version: FileVersion;
}

interface FileVersion {
  ino: number;
  size: number;
  mtimeMs: number;
  mode: number;
}

type Draft = Omit<EntryAuditRecord, "at" | "actor"> | Omit<TrackAuditRecord, "at" | "actor">;
/** One change to one of the two lists; applied both to the parsed JSON and to the text. */
type Edit =
  | { list: "tracks" | "entries"; append: unknown[] }
  | { list: "entries"; index: number; replace: unknown }
  | { list: "entries"; index: number; remove: true };
type Plan<R> = { problems: RecordProblem[] } | { result: R; edit?: Edit; audit?: Draft[] };

export class RecordWriter {
  readonly file: string;
  readonly auditFile: string;
  readonly lockFile: string;
  readonly #clock: () => Date;
  readonly #lockTimeoutMs: number;

  constructor(opts: { file: string; auditFile: string; clock?: () => Date; lockTimeoutMs?: number }) {
    this.file = opts.file;
    this.auditFile = opts.auditFile;
    this.lockFile = `${opts.file}.lock`;
    this.#clock = opts.clock ?? (() => new Date());
    this.#lockTimeoutMs = opts.lockTimeoutMs ?? 10_000;
  }

  /** Appends one entry. Refuses an invalid entry, an unknown track and an id already in use. */
  async add(entry: unknown, actor: Actor): Promise<WriteResult> {
    const result = await this.addAll([entry], actor);
    return result.ok ? { ok: true, entry: result.entries[0] } : result;
  }

  /** Appends several entries in one write: all of them or, if any is refused, none. */
  addAll(inputs: unknown[], actor: Actor): Promise<AddAllResult> {
    return this.#transact(actor, (current): Plan<AddAllResult> => {
      const problems: RecordProblem[] = [];
      const taken = new Set(current.indexOf.keys());
      const added: Entry[] = [];
      const shaped: unknown[] = [];
      inputs.forEach((input, i) => {
        const label = inputs.length > 1 ? `(new #${i + 1})` : "(new)";
        const checked = checkEntry(input, this.file, current.trackIds, label);
        if (!checked.entry) return problems.push(...checked.problems);
        const id = checked.entry.id;
        if (taken.has(id)) {
          return problems.push({ file: this.file, entry: `"${id}"`, field: "id", message: `an entry with id "${id}" already exists; choose another id` });
        }
        taken.add(id);
        added.push(checked.entry);
        shaped.push(keepKeyOrder(input, checked.entry));
      });
      if (problems.length) return { problems };
      if (!added.length) return { result: { ok: true, entries: [] } };
      return {
        result: { ok: true, entries: added },
        edit: { list: "entries", append: shaped },
        audit: added.map((e) => ({ action: "add", id: e.id, before: null, after: e })),
      };
    });
  }

  /**
   * Applies `change` to the entry as it stands in the file now (a copy; mutating it is fine)
   * and writes the result if it is valid. The id cannot change: the audit log is keyed by it.
   * `change` runs again if the file changed while writing, so it should do nothing else.
   */
  update(id: string, change: (e: Entry) => Entry | unknown, actor: Actor): Promise<WriteResult> {
    return this.#transact(actor, (current): Plan<WriteResult> => {
      const found = this.#entryAt(current, id);
      if ("problems" in found) return found;
      if (!found.entry) return { problems: [{ file: this.file, entry: `"${id}"`, message: `no entry with id "${id}"` }] };
      const before = found.entry;
      const checked = checkEntry(change(structuredClone(before)), this.file, current.trackIds, `"${id}"`);
      if (!checked.entry) return { problems: checked.problems };
      const after = checked.entry;
      if (after.id !== id) {
        return {
          problems: [{ file: this.file, entry: `"${id}"`, field: "id", message: `an id cannot be changed (to "${after.id}"); add a new entry instead` }],
        };
      }
      if (sameJson(before, after)) return { result: { ok: true, entry: after, before } };
      return {
        result: { ok: true, entry: after, before },
        edit: { list: "entries", index: found.index, replace: keepKeyOrder(current.raw.entries[found.index], after) },
        audit: [{ action: "update", id, before, after }],
      };
    });
  }

  /**
   * Undoes the entry's last recorded change: restores its `before`, or removes the entry if
   * that change added it. Refuses when the entry no longer matches what the change left (it
   * was edited by hand since), because reverting would silently throw that edit away.
   */
  revert(id: string, actor: Actor): Promise<WriteResult> {
    return this.#transact(actor, async (current): Promise<Plan<WriteResult>> => {
      const last = (await this.#readEntryHistory(id)).at(-1);
      const found = this.#entryAt(current, id);
      if ("problems" in found) return found;
      if (!last) {
        const why = found.entry ? "; entries edited by hand are not in the audit log" : "";
        return { problems: [{ file: this.file, entry: `"${id}"`, message: `no recorded change to entry "${id}" to revert${why}` }] };
      }
      const now = found.entry ?? null;
      if (!sameJson(now, last.after)) {
        return {
          problems: [
            {
              file: this.file,
              entry: `"${id}"`,
              message: `the entry was changed after its last recorded change (${last.action} at ${last.at}), probably by hand; reverting would lose that edit, so edit it directly instead`,
            },
          ],
        };
      }
      if (!now && !last.before) return { problems: [{ file: this.file, entry: `"${id}"`, message: "nothing to revert" }] };
      const audit: Draft[] = [{ action: "revert", id, before: now, after: last.before }];
      if (last.before === null) {
        return { result: { ok: true, entry: now!, before: now!, removed: true }, edit: { list: "entries", index: found.index, remove: true }, audit };
      }
      const restored = checkEntry(last.before, this.file, current.trackIds, `"${id}"`);
      if (!restored.entry) return { problems: restored.problems };
      const edit: Edit = now
        ? { list: "entries", index: found.index, replace: keepKeyOrder(current.raw.entries[found.index], restored.entry) }
        : { list: "entries", append: [keepKeyOrder(last.before, restored.entry)] };
      return { result: { ok: true, entry: restored.entry, before: now ?? undefined }, edit, audit };
    });
  }

  /** Appends a track. Refuses an invalid track and an id already in use. */
  addTrack(track: unknown, actor: Actor): Promise<TrackWriteResult> {
    return this.#transact(actor, (current): Plan<TrackWriteResult> => {
      const id = track && typeof track === "object" && typeof (track as { id?: unknown }).id === "string" ? (track as { id: string }).id : undefined;
      const label = id ? `track "${id}"` : "(new track)";
      const parsed = Track.safeParse(track);
      if (!parsed.success) {
        return {
          problems: parsed.error.issues.map((issue) => ({
            file: this.file,
            entry: label,
            field: issue.path.length ? issue.path.map(String).join(".") : undefined,
            message: issue.message,
          })),
        };
      }
      const t = parsed.data;
      if (current.trackIds.has(t.id)) {
        return { problems: [{ file: this.file, entry: label, field: "id", message: `a track with id "${t.id}" already exists` }] };
      }
      return {
        result: { ok: true, track: t },
        edit: { list: "tracks", append: [keepKeyOrder(track, t)] },
        audit: [{ action: "add-track", id: t.id, before: null, after: t }],
      };
    });
  }

  /** The recorded changes to one entry, oldest first. */
  history(id: string): Promise<EntryAuditRecord[]> {
    return this.#readEntryHistory(id);
  }

  async #readEntryHistory(id: string): Promise<EntryAuditRecord[]> {
    const records = await readAudit(this.auditFile);
    return records.filter((r): r is EntryAuditRecord => r.id === id && r.action !== "add-track");
  }

  #entryAt(current: Current, id: string): { index: number; entry?: Entry } | { problems: RecordProblem[] } {
    const index = current.indexOf.get(id);
    if (index === undefined) return { index: -1 };
    const checked = checkEntry(current.raw.entries[index], this.file, current.trackIds, `"${id}"`);
    return checked.entry ? { index, entry: checked.entry } : { problems: checked.problems };
  }

  /** Lock, read, apply, validate, replace, audit; the lock is released whatever happens. */
  #transact<R>(actor: Actor, apply: (current: Current) => Plan<R> | Promise<Plan<R>>): Promise<R | { ok: false; problems: RecordProblem[] }> {
    return serialised(resolve(this.file), async () => {
      const lock = await acquireLock(this.lockFile, this.#lockTimeoutMs);
      try {
        for (let attempt = 1; ; attempt++) {
          const current = await this.#read();
          if ("problems" in current) return { ok: false as const, problems: current.problems };
          const plan = await apply(current);
          if ("problems" in plan) return { ok: false as const, problems: plan.problems };
          if (!plan.edit) return plan.result;
          const text = nextText(current, plan.edit);
          const checked = parseEventLog(text, this.file);
          if (!checked.ok) return { ok: false as const, problems: checked.problems };
          // An editor does not take the lock: if it saved while we were working, start over
          // from its version rather than overwrite it.
          if (!(await sameVersion(this.file, current.version))) {
            if (attempt < MAX_ATTEMPTS) continue;
            return {
              ok: false as const,
              problems: [{ file: this.file, message: `the file kept changing while saving (an editor saving repeatedly?); nothing was written, try again` }],
            };
          }
          await replaceFile(this.file, text, current.version.mode);
          // After the rename, so the audit log never claims a change the record does not hold.
          const at = this.#clock().toISOString();
          await appendAudit(this.auditFile, (plan.audit ?? []).map((d) => ({ at, actor, ...d }) as AuditRecord));
          return plan.result;
        }
      } finally {
        await releaseLock(lock);
      }
    });
  }

  async #read(): Promise<Current | { problems: RecordProblem[] }> {
    let text: string;
    let version: FileVersion;
    try {
      const fh = await open(this.file, "r");
      try {
        const s = await fh.stat();
        version = { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs, mode: s.mode };
        text = await fh.readFile("utf8");
      } finally {
        await fh.close();
      }
    } catch (err) {
      if (errorCode(err) !== "ENOENT") throw err;
      return { problems: [{ file: this.file, message: `the record does not exist; create it with {"tracks": [], "entries": []} or check the path` }] };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    if (!isRawLog(raw)) {
      const parsed = parseEventLog(text, this.file);
      return { problems: parsed.ok ? [{ file: this.file, message: "not an event log" }] : parsed.problems };
    }
    const trackIds = new Set<string>();
    for (const t of raw.tracks) if (isObject(t) && typeof t.id === "string") trackIds.add(t.id);
    const indexOf = new Map<string, number>();
    raw.entries.forEach((e, i) => {
      if (isObject(e) && typeof e.id === "string" && !indexOf.has(e.id)) indexOf.set(e.id, i);
    });
    return { text, raw, trackIds, indexOf, version };
  }
}

// ---- The new text -------------------------------------------------------------------------

/**
 * The file after the edit. The edit is spliced into the text as it stands, so hand formatting
 * (inline arrays, spacing) survives and git shows only the lines that changed: a new entry is
 * added after the last, a changed entry has only its changed fields rewritten. The splice is
 * checked against the edit: what the changed stretch of text now parses to must be exactly the
 * new entries (or, for a removal, what was cut must be the entry). Only that stretch is parsed,
 * not the whole file: on 100,000 entries a whole-file check cost over a second per write, and
 * the text outside the stretch is untouched by construction. If the check fails, or the file
 * has no layout to keep (all on one line), the whole file is written with a 2-space indent.
 * Either way the caller validates the whole result before writing it.
 */
function nextText(current: Current, edit: Edit): string {
  const spliced = spliceEdit(current.text, current.raw, edit);
  if (spliced !== null && spliceMatches(current, spliced, edit)) return spliced.text.endsWith("\n") ? spliced.text : `${spliced.text}\n`;
  return `${JSON.stringify(applyEdit(current.raw, edit), null, 2)}\n`;
}

function applyEdit(raw: RawLog, edit: Edit): RawLog {
  const list = [...raw[edit.list]];
  if ("append" in edit) list.push(...edit.append);
  else if ("replace" in edit) list[edit.index] = edit.replace;
  else list.splice(edit.index, 1);
  return { ...raw, [edit.list]: list };
}

/** The new text, and the stretch of the old text it replaced (everything else is as it was). */
type Spliced = { text: string; from: number; to: number };

function spliceMatches(current: Current, spliced: Spliced, edit: Edit): boolean {
  const { text: before } = current;
  const now = spliced.text.slice(spliced.from, spliced.text.length - (before.length - spliced.to));
  const was = before.slice(spliced.from, spliced.to);
  // A run of list items, with the separators around it, read as a list.
  const items = (t: string) => JSON.parse(`[${t.trim().replace(/^,/, "").replace(/,$/, "")}]`) as unknown[];
  try {
    if ("append" in edit) return sameText(now.trimStart().startsWith("[") ? JSON.parse(now) : items(now), edit.append);
    if ("replace" in edit) return sameText(JSON.parse(now), edit.replace);
    const removed = [current.raw[edit.list][edit.index]];
    return now.trim() === "[]" ? sameText(JSON.parse(was), removed) : now === "" && sameText(items(was), removed);
  } catch {
    return false;
  }
}

/** Equal as JSON text, key order included (unlike sameJson): the splice must write the keys in the order intended. */
function sameText(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function spliceEdit(text: string, raw: RawLog, edit: Edit): Spliced | null {
  if (!text.includes("\n")) return null;
  const json = new JsonText(text);
  // The list's items, found in one pass over it (100,000 entries are tens of megabytes).
  const open = json.memberStart(json.skipSpace(0), edit.list);
  const list = open === null ? null : json.items(open);
  if (open === null || !list) return null;
  const { spans: items, close } = list;
  const splice = (from: number, to: number, insert: string): Spliced => ({ text: json.splice(from, to, insert), from, to });

  if ("append" in edit) {
    if (!items.length) {
      const outer = json.indentAt(open);
      const inner = `${outer}  `;
      return splice(open, close + 1, `[\n${edit.append.map((v) => inner + formatJson(v, inner)).join(",\n")}\n${outer}]`);
    }
    const first = items[0].start;
    // Items that share a line with "[" have no indent of their own to copy.
    const inner = json.startsLine(first, open) ? json.indentAt(first) : `${json.indentAt(open)}  `;
    const last = items[items.length - 1].end;
    return splice(last, last, edit.append.map((v) => `,\n${inner}${formatJson(v, inner)}`).join(""));
  }
  const item = items[edit.index];
  if (!item) return null;
  if ("replace" in edit) {
    const fields = replaceFields(json, item, raw[edit.list][edit.index], edit.replace);
    return fields !== null ? { text: fields, from: item.start, to: item.end } : splice(item.start, item.end, formatJson(edit.replace, json.indentAt(item.start)));
  }
  if (items.length === 1) return splice(open, close + 1, "[]");
  // Take a separator with the item: the one before it, or for the first item the one after.
  return edit.index > 0 ? splice(items[edit.index - 1].end, item.end, "") : splice(item.start, items[1].start, "");
}

/** Rewrites only the members of one object that differ between `before` and `after`. */
function replaceFields(json: JsonText, item: Span, before: unknown, after: unknown): string | null {
  if (!isObject(before) || !isObject(after)) return null;
  const members = json.members(item.start);
  if (!members || !members.length) return null;
  const cuts: { start: number; end: number; insert: string }[] = [];
  // Removed members take a separator with them: the one before, or for those leading the
  // object, everything up to the first member that stays.
  const firstKept = members.findIndex((m) => m.key in after);
  if (firstKept < 0) return null;
  if (firstKept > 0) cuts.push({ start: members[0].keyStart, end: members[firstKept].keyStart, insert: "" });
  members.forEach((m, i) => {
    if (!(m.key in after)) {
      if (i > firstKept) cuts.push({ start: members[i - 1].value.end, end: m.value.end, insert: "" });
    } else if (JSON.stringify(before[m.key]) !== JSON.stringify(after[m.key])) {
      cuts.push({ start: m.value.start, end: m.value.end, insert: formatJson(after[m.key], json.indentAt(m.keyStart)) });
    }
  });
  const added = Object.keys(after).filter((k) => !members.some((m) => m.key === k));
  if (added.length) {
    const last = members[members.length - 1];
    const indent = json.indentAt(last.keyStart);
    cuts.push({ start: last.value.end, end: last.value.end, insert: added.map((k) => `,\n${indent}${JSON.stringify(k)}: ${formatJson(after[k], indent)}`).join("") });
  }
  // From the end backwards, so earlier offsets stay valid.
  let text = json.text;
  for (const c of cuts.sort((a, b) => b.start - a.start)) text = text.slice(0, c.start) + c.insert + text.slice(c.end);
  return text;
}

/** JSON.stringify with a 2-space indent, every line after the first moved right by `indent`. */
function formatJson(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replaceAll("\n", `\n${indent}`);
}

interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

/**
 * Just enough of a JSON scanner to find where values sit in the text. It relies on the text
 * being valid JSON (it was parsed first) and answers null when something surprises it.
 */
class JsonText {
  constructor(readonly text: string) {}

  splice(from: number, to: number, insert: string): string {
    return this.text.slice(0, from) + insert + this.text.slice(to);
  }

  skipSpace(i: number): number {
    while (i < this.text.length && " \t\n\r".includes(this.text[i])) i++;
    return i;
  }

  /** The whitespace that starts the line holding `pos`. */
  indentAt(pos: number): string {
    return /^[ \t]*/.exec(this.text.slice(this.text.lastIndexOf("\n", pos - 1) + 1))![0];
  }

  /** Whether `pos` is the first thing on its line after `after`. */
  startsLine(pos: number, after: number): boolean {
    return this.text.lastIndexOf("\n", pos - 1) > after;
  }

  stringEnd(i: number): number {
    for (i++; i < this.text.length; i++) {
      if (this.text[i] === "\\") i++;
      else if (this.text[i] === '"') return i + 1;
    }
    return -1;
  }

  valueEnd(i: number): number {
    const t = this.text;
    if (t[i] === '"') return this.stringEnd(i);
    if (t[i] !== "{" && t[i] !== "[") {
      while (i < t.length && !",]} \t\n\r".includes(t[i])) i++;
      return i;
    }
    let depth = 0;
    for (; i < t.length; i++) {
      const c = t[i];
      if (c === '"') {
        const after = this.stringEnd(i);
        if (after < 0) return -1;
        i = after - 1;
      } else if (c === "{" || c === "[") depth++;
      else if ((c === "}" || c === "]") && --depth === 0) return i + 1;
    }
    return -1;
  }

  /** The members of the object starting at `open`: each key and where its value sits. */
  members(open: number): { key: string; keyStart: number; value: Span }[] | null {
    if (this.text[open] !== "{") return null;
    const out: { key: string; keyStart: number; value: Span }[] = [];
    let i = this.skipSpace(open + 1);
    while (this.text[i] !== "}") {
      const keyEnd = this.text[i] === '"' ? this.stringEnd(i) : -1;
      if (keyEnd < 0) return null;
      const key = JSON.parse(this.text.slice(i, keyEnd)) as string;
      const colon = this.skipSpace(keyEnd);
      if (this.text[colon] !== ":") return null;
      const start = this.skipSpace(colon + 1);
      const end = this.valueEnd(start);
      if (end < 0) return null;
      out.push({ key, keyStart: i, value: { start, end } });
      i = this.skipSpace(end);
      if (this.text[i] === ",") i = this.skipSpace(i + 1);
      else if (this.text[i] !== "}") return null;
    }
    return out;
  }

  /** Where the value of `key` in the object at `open` starts; only the members before it are skipped. */
  memberStart(open: number, key: string): number | null {
    if (this.text[open] !== "{") return null;
    let i = this.skipSpace(open + 1);
    while (this.text[i] !== "}") {
      const keyEnd = this.text[i] === '"' ? this.stringEnd(i) : -1;
      if (keyEnd < 0) return null;
      const colon = this.skipSpace(keyEnd);
      if (this.text[colon] !== ":") return null;
      const start = this.skipSpace(colon + 1);
      if (JSON.parse(this.text.slice(i, keyEnd)) === key) return start;
      const end = this.valueEnd(start);
      if (end < 0) return null;
      i = this.skipSpace(end);
      if (this.text[i] === ",") i = this.skipSpace(i + 1);
      else if (this.text[i] !== "}") return null;
    }
    return null;
  }

  /** Where each item of the array starting at `open` sits, and its closing "]". */
  items(open: number): { spans: Span[]; close: number } | null {
    if (this.text[open] !== "[") return null;
    const out: Span[] = [];
    let i = this.skipSpace(open + 1);
    while (this.text[i] !== "]") {
      const end = this.valueEnd(i);
      if (end < 0 || end === i) return null;
      out.push({ start: i, end });
      i = this.skipSpace(end);
      if (this.text[i] === ",") i = this.skipSpace(i + 1);
      else if (this.text[i] !== "]") return null;
    }
    return { spans: out, close: i };
  }
}

// ---- Serialising writers ------------------------------------------------------------------

/**
 * Writes from one process to one file queue here before taking the lock file: the lock file
 * tells processes apart by pid, so two writes of the same process must never contend for it.
 */
const queues = new Map<string, Promise<unknown>>();

function serialised<T>(file: string, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(file) ?? Promise.resolve();
  const result = previous.then(run, run);
  const tail = result.catch(() => undefined);
  queues.set(file, tail);
  void tail.then(() => {
    if (queues.get(file) === tail) queues.delete(file);
  });
  return result;
}

// ---- The lock file ------------------------------------------------------------------------

interface HeldLock {
  file: string;
  text: string;
}

/** When this process last released each lock file. */
const released = new Map<string, number>();

async function acquireLock(lockFile: string, timeoutMs: number): Promise<HeldLock> {
  const started = Date.now();
  // A process with writes queued would otherwise take the lock back the instant it let go,
  // before any other process's next look, and could hold everyone else off past their timeout.
  if (started - (released.get(lockFile) ?? 0) < 20) await sleep(2 + Math.random() * 8);
  for (;;) {
    // Real time, not the writer's clock: staleness is about processes, not about the record.
    const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    const text = JSON.stringify(holder);
    const created = await createExclusive(lockFile, text);
    if (created) return { file: lockFile, text };
    const seen = await readLock(lockFile);
    if (!seen) continue; // released between our attempt and our look: try again at once
    if (isStale(seen)) {
      await breakLock(lockFile, seen.text);
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= timeoutMs) throw new RecordLockedError(lockFile, seen.holder, waited);
    // Jittered, so that writers that collided do not retry in step.
    await sleep(Math.min(2 + Math.random() * 18, Math.max(1, timeoutMs - waited)));
  }
}

async function createExclusive(file: string, text: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(file, "wx");
  } catch (err) {
    if (errorCode(err) === "EEXIST") return false;
    throw err;
  }
  try {
    await fh.writeFile(text);
  } catch (err) {
    await fh.close().catch(() => undefined);
    await unlink(file).catch(() => undefined);
    throw err;
  }
  await fh.close();
  return true;
}

interface SeenLock {
  text: string;
  holder: LockHolder | null;
  mtimeMs: number;
}

async function readLock(lockFile: string): Promise<SeenLock | null> {
  try {
    const [text, s] = await Promise.all([readFile(lockFile, "utf8"), stat(lockFile)]);
    return { text, holder: parseHolder(text), mtimeMs: s.mtimeMs };
  } catch (err) {
    if (errorCode(err) === "ENOENT") return null;
    throw err;
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (typeof v.pid === "number" && typeof v.host === "string" && typeof v.since === "string") return { pid: v.pid, host: v.host, since: v.since };
  } catch {
    // Empty or half-written: the holder has created the file but not yet filled it.
  }
  return null;
}

function isStale(seen: SeenLock, now = Date.now()): boolean {
  if (!seen.holder) return now - seen.mtimeMs > UNREADABLE_STALE_AFTER_MS;
  const since = Date.parse(seen.holder.since);
  if (now - (Number.isNaN(since) ? seen.mtimeMs : since) > STALE_AFTER_MS) return true;
  // A pid means something only on its own host; elsewhere (a shared disk) only age can tell.
  return seen.holder.host === hostname() && !isAlive(seen.holder.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return errorCode(err) === "EPERM";
  }
}

/**
 * Two writers may judge the same lock stale at once. Moving it aside (rename is atomic, so
 * only one of them moves any given file) and checking that what moved is the stale lock
 * keeps the slower one from deleting the fresh lock the faster one has taken meanwhile;
 * if that happened, the fresh lock is put back (link refuses to overwrite a newer one).
 */
async function breakLock(lockFile: string, staleText: string): Promise<void> {
  const aside = `${lockFile}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await rename(lockFile, aside);
  } catch (err) {
    if (errorCode(err) === "ENOENT") return;
    throw err;
  }
  const moved = await readFile(aside, "utf8").catch(() => staleText);
  if (moved !== staleText) await link(aside, lockFile).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/** Removes the lock only if it is still ours: after 60 s another writer may have broken it. */
async function releaseLock(lock: HeldLock): Promise<void> {
  const seen = await readLock(lock.file).catch(() => null);
  if (seen?.text === lock.text) await unlink(lock.file).catch(() => undefined);
  released.set(lock.file, Date.now());
}

// ---- Files --------------------------------------------------------------------------------

async function sameVersion(file: string, v: FileVersion): Promise<boolean> {
  try {
    const s = await stat(file);
    return s.ino === v.ino && s.size === v.size && s.mtimeMs === v.mtimeMs;
  } catch {
    return false;
  }
}

/** Temporary file in the same folder (rename is atomic only within one file system), fsync, rename. */
async function replaceFile(file: string, text: string, mode: number): Promise<void> {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const fh = await open(tmp, "wx");
  try {
    await fh.writeFile(text);
    await fh.chmod(mode & 0o7777);
    await fh.sync();
    await fh.close();
    await rename(tmp, file);
  } catch (err) {
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await syncDir(dir);
}

/** Makes the rename itself durable. Not every platform can open a folder (Windows cannot). */
async function syncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, "r");
    await fh.sync();
  } catch {
    // Best effort: the data itself is already on disk.
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

async function appendAudit(auditFile: string, records: AuditRecord[]): Promise<void> {
  if (!records.length) return;
  await mkdir(dirname(auditFile), { recursive: true });
  const fh = await open(auditFile, "a");
  try {
    await fh.writeFile(records.map((r) => `${JSON.stringify(r)}\n`).join(""));
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function readAudit(auditFile: string): Promise<AuditRecord[]> {
  let text: string;
  try {
    text = await readFile(auditFile, "utf8");
  } catch (err) {
    if (errorCode(err) === "ENOENT") return [];
    throw err;
  }
  const records: AuditRecord[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      records.push(JSON.parse(line) as AuditRecord);
    } catch {
      // A line cut short by a crash mid-append; the lines around it are still good.
    }
  }
  return records;
}

// ---- Small helpers ------------------------------------------------------------------------

/**
 * The checked value with keys in the order the person (or the file) had them, at every
 * depth, so a change shows in git as the lines that changed. zod fills `participants: []`
 * when it is absent; that default is not written into an entry that left it out.
 */
function keepKeyOrder(like: unknown, value: object): { [key: string]: unknown } {
  const out = sameOrder(like, value) as { [key: string]: unknown };
  if (Array.isArray(out.participants) && out.participants.length === 0 && !(isObject(like) && "participants" in like)) delete out.participants;
  return out;
}

function sameOrder(like: unknown, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v, i) => sameOrder(Array.isArray(like) ? like[i] : undefined, v));
  if (!isObject(value)) return value;
  const out: { [key: string]: unknown } = {};
  const keys = isObject(like) ? [...Object.keys(like).filter((k) => k in value), ...Object.keys(value)] : Object.keys(value);
  for (const key of keys) {
    if (!(key in out) && value[key] !== undefined) out[key] = sameOrder(isObject(like) ? like[key] : undefined, value[key]);
  }
  return out;
}

/** Equal as JSON, whatever the key order. */
function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_key, value: unknown) =>
    isObject(value) ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]])) : value,
  );
}

function isObject(v: unknown): v is { [key: string]: unknown } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isRawLog(v: unknown): v is RawLog {
  return isObject(v) && Array.isArray(v.tracks) && Array.isArray(v.entries);
}

function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
