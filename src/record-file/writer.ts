// Writes to the record (data/events.json) that never lose anything. The bot, the CLI and a
// person's text editor may touch the file at once, so every change is made the same way:
// take the lock file (lock.ts), re-read the file under it (never a copy held from earlier),
// apply the operation (record/record-operation.ts), validate the whole result with
// parseEventLog, check the file is still the version read, and replace it atomically
// (atomic-write.ts). An invalid result is never written. Each change is then appended to the
// audit log (audit-log.ts), which `history` and `revert` read.
//
// Refusals (invalid input, unknown id, an invalid file) come back as { ok: false, problems }
// in validate.ts's terms; a lock that stays held throws RecordLockedError; I/O errors throw.
import { open, stat } from "node:fs/promises";
import { isObject, keepKeyOrder, sameJson } from "../record/json-layout.ts";
import { isRawLog, textAfter, type RawLog, type RecordOperation } from "../record/record-operation.ts";
import type { Entry, Track } from "../record/schema.ts";
import { checkEntry, checkNewTrack, parseEventLog, type RecordProblem } from "../record/validate.ts";
import { writeFileAtomic } from "./atomic-write.ts";
import { appendAudit, entryHistory, type Actor, type AuditRecord, type EntryAuditRecord, type TrackAuditRecord } from "./audit-log.ts";
import { stillHeld, withLock } from "./lock.ts";

/**
 * `entry` is the entry as it now stands; `before` is what it was (absent for an add). A revert
 * that undoes an add removes the entry: then `removed` is true and `entry` is what was removed.
 */
export type WriteResult = { ok: true; entry: Entry; before?: Entry; removed?: boolean } | { ok: false; problems: RecordProblem[] };
export type AddAllResult = { ok: true; entries: Entry[] } | { ok: false; problems: RecordProblem[] };
export type TrackWriteResult = { ok: true; track: Track } | { ok: false; problems: RecordProblem[] };

/** How often a write restarts because the file changed between reading and renaming. */
const MAX_ATTEMPTS = 5;

interface Current {
  text: string;
  raw: RawLog;
  trackIds: Set<string>;
  /** Position of each entry id in raw.entries (first occurrence). */
  indexOf: Map<string, number>;
  version: FileVersion;
}

/**
 * What tells one version of the file from another without reading it again. Under the lock no
 * other writer of ours can change the file; this catches an editor that saved meanwhile.
 */
interface FileVersion {
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  mode: number;
}

type Draft = Omit<EntryAuditRecord, "at" | "actor"> | Omit<TrackAuditRecord, "at" | "actor">;
type Plan<R> = { problems: RecordProblem[] } | { result: R; operation?: RecordOperation; audit?: Draft[] };

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
        operation: { list: "entries", append: shaped },
        audit: added.map((e) => ({ action: "add", id: e.id, before: null, after: e })),
      };
    });
  }

  /**
   * Applies `change` to the entry as it stands in the file now (a copy; mutating it is fine)
   * and writes the result if it is valid. The id cannot change: the audit log is keyed by it.
   * `change` runs again if the file changed while writing, so it should do nothing else.
   * `refuse` judges the entry as it stands, under the lock: a reason stops the write (a change
   * prepared against an older version of the entry that would overwrite what changed since).
   */
  update(id: string, change: (e: Entry) => Entry | unknown, actor: Actor, refuse?: (current: Entry) => string | undefined): Promise<WriteResult> {
    return this.#transact(actor, (current): Plan<WriteResult> => {
      const found = this.#entryAt(current, id);
      if ("problems" in found) return found;
      if (!found.entry) return { problems: [{ file: this.file, entry: `"${id}"`, message: `no entry with id "${id}"` }] };
      const before = found.entry;
      const refused = refuse?.(before);
      if (refused) return { problems: [{ file: this.file, entry: `"${id}"`, message: refused }] };
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
        operation: { list: "entries", index: found.index, replace: keepKeyOrder(current.raw.entries[found.index], after) },
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
      const last = (await entryHistory(this.auditFile, id)).at(-1);
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
        return { result: { ok: true, entry: now!, before: now!, removed: true }, operation: { list: "entries", index: found.index, remove: true }, audit };
      }
      const restored = checkEntry(last.before, this.file, current.trackIds, `"${id}"`);
      if (!restored.entry) return { problems: restored.problems };
      const operation: RecordOperation = now
        ? { list: "entries", index: found.index, replace: keepKeyOrder(current.raw.entries[found.index], restored.entry) }
        : { list: "entries", append: [keepKeyOrder(last.before, restored.entry)] };
      return { result: { ok: true, entry: restored.entry, before: now ?? undefined }, operation, audit };
    });
  }

  /** Appends a track. Refuses an invalid track and an id already in use. */
  addTrack(track: unknown, actor: Actor): Promise<TrackWriteResult> {
    return this.#transact(actor, (current): Plan<TrackWriteResult> => {
      const checked = checkNewTrack(track, this.file, current.trackIds);
      if (checked.problems) return { problems: checked.problems };
      const t = checked.track;
      return {
        result: { ok: true, track: t },
        operation: { list: "tracks", append: [keepKeyOrder(track, t)] },
        audit: [{ action: "add-track", id: t.id, before: null, after: t }],
      };
    });
  }

  /** The recorded changes to one entry, oldest first. */
  history(id: string): Promise<EntryAuditRecord[]> {
    return entryHistory(this.auditFile, id);
  }

  #entryAt(current: Current, id: string): { index: number; entry?: Entry } | { problems: RecordProblem[] } {
    const index = current.indexOf.get(id);
    if (index === undefined) return { index: -1 };
    const checked = checkEntry(current.raw.entries[index], this.file, current.trackIds, `"${id}"`);
    return checked.entry ? { index, entry: checked.entry } : { problems: checked.problems };
  }

  /** Lock, read, apply, validate, replace, audit; the lock is released whatever happens. */
  #transact<R>(actor: Actor, apply: (current: Current) => Plan<R> | Promise<Plan<R>>): Promise<R | { ok: false; problems: RecordProblem[] }> {
    return withLock(this.lockFile, this.#lockTimeoutMs, async (lock) => {
      for (let attempt = 1; ; attempt++) {
        const current = await this.#read();
        if ("problems" in current) return { ok: false as const, problems: current.problems };
        const plan = await apply(current);
        if ("problems" in plan) return { ok: false as const, problems: plan.problems };
        if (!plan.operation) return plan.result;
        const text = textAfter(current.text, current.raw, plan.operation);
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
        // A writer stalled for a minute may have had its lock broken as stale: then another
        // writer may be working from the same version, and writing would throw its change away.
        if (!(await stillHeld(lock))) {
          return { ok: false as const, problems: [{ file: this.file, message: `this write took so long that its lock was taken over; nothing was written, try again` }] };
        }
        await writeFileAtomic(this.file, text, { mode: current.version.mode });
        // After the rename, so the audit log never claims a change the record does not hold.
        const at = this.#clock().toISOString();
        await appendAudit(this.auditFile, (plan.audit ?? []).map((d) => ({ at, actor, ...d }) as AuditRecord));
        return plan.result;
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
        version = { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, mode: s.mode };
        text = await fh.readFile("utf8");
      } finally {
        await fh.close();
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
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

async function sameVersion(file: string, v: FileVersion): Promise<boolean> {
  try {
    const s = await stat(file);
    return s.ino === v.ino && s.size === v.size && s.mtimeMs === v.mtimeMs && s.ctimeMs === v.ctimeMs;
  } catch {
    return false;
  }
}
