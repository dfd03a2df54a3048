// The editorial desk's writes, off the bot's main thread. A RecordWriter write re-reads,
// re-parses and re-validates the whole record under the lock: about a second or two for
// 100,000 entries, during which a bot doing it on its main thread would answer nobody. So the
// bot runs its writer in a worker thread (writer-worker.ts, bundled next to main.js) and only
// posts the request; the lock, the validation and the audit log are the same RecordWriter's.
//
// Where the worker is not built (the console and tests run from src/ with tsx) the same calls
// run in-process.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { WorkerClient, type SentError as BaseSentError, type WorkerResponse } from "../worker-client.ts";
import type { Actor, EntryAuditRecord } from "../record-file/audit-log.ts";
import { RecordLockedError } from "../record-file/lock.ts";
import { RecordWriter, type TrackWriteResult, type WriteResult } from "../record-file/writer.ts";
import type { Entry } from "../record/schema.ts";
import { applyEdit, applyEdits, overwrittenSince, type EntryEdit } from "./entry.ts";

/**
 * What the desk does to the record. `update` takes an EntryEdit (data), so it can cross to a
 * worker; several (a published draft's change) are applied as one write, as applyEdits orders them.
 */
export interface DeskWriter {
  add(entry: unknown, actor: Actor): Promise<WriteResult>;
  addTrack(track: unknown, actor: Actor): Promise<TrackWriteResult>;
  /**
   * `base`: the entry the change was prepared against (a news draft's); the write is refused,
   * under the lock, when the change would overwrite what another edit changed since.
   */
  update(id: string, change: EntryEdit | readonly EntryEdit[], actor: Actor, base?: Entry): Promise<WriteResult>;
  history(id: string): Promise<EntryAuditRecord[]>;
  /** Waits for writes under way, then lets the worker go. */
  close(): Promise<void>;
  /** Whether writes run in a worker thread. */
  readonly offThread: boolean;
}

export interface DeskWriterOptions {
  file: string;
  auditFile: string;
  clock?: () => Date;
  /** The built worker (default: writer-worker.js beside this module once bundled). */
  workerFile?: string;
}

/** One request to the worker; `at` is the caller's clock, for the audit log. */
export type DeskRequest =
  | { seq: number; at: string; op: "add"; entry: unknown; actor: Actor }
  | { seq: number; at: string; op: "addTrack"; track: unknown; actor: Actor }
  | { seq: number; at: string; op: "update"; id: string; change: EntryEdit | readonly EntryEdit[]; actor: Actor; base?: Entry }
  | { seq: number; at: string; op: "history"; id: string };

type SentError = BaseSentError & { lockFile?: string; holder?: RecordLockedError["holder"]; waitedMs?: number };
export type DeskResponse = WorkerResponse<SentError>;

const WORKER_FILE = fileURLToPath(new URL("./writer-worker.js", import.meta.url));

export function openDeskWriter(opts: DeskWriterOptions): DeskWriter {
  return existsSync(opts.workerFile ?? WORKER_FILE) ? new WorkerDeskWriter(opts) : inProcessDeskWriter(new RecordWriter(opts));
}

/** The desk's calls on a RecordWriter in this thread (also what the worker runs). */
export function inProcessDeskWriter(writer: RecordWriter): DeskWriter {
  return {
    add: (entry, actor) => writer.add(entry, actor),
    addTrack: (track, actor) => writer.addTrack(track, actor),
    update: (id, change, actor, base) => {
      const edits = isEditList(change) ? change : [change];
      const refuse = base ? (current: Entry) => staleChange(base, current, edits) : undefined;
      return writer.update(id, (e) => (isEditList(change) ? applyEdits(e, change) : applyEdit(e, change)), actor, refuse);
    },
    history: (id) => writer.history(id),
    close: async () => {},
    offThread: false,
  };
}

/** The writer's reason to refuse a change prepared against `base`: the fields it would overwrite. */
function staleChange(base: Entry, current: Entry, edits: readonly EntryEdit[]): string | undefined {
  const fields = overwrittenSince(base, current, edits);
  return fields.length ? `the entry changed since this change was prepared (${fields.join(", ")}); nothing was written` : undefined;
}

function isEditList(change: EntryEdit | readonly EntryEdit[]): change is readonly EntryEdit[] {
  return Array.isArray(change);
}

/** Runs a request on the worker's writer; errors travel as plain data. */
export async function handleDeskRequest(desk: DeskWriter, req: DeskRequest): Promise<DeskResponse> {
  try {
    const value =
      req.op === "add"
        ? await desk.add(req.entry, req.actor)
        : req.op === "addTrack"
          ? await desk.addTrack(req.track, req.actor)
          : req.op === "update"
            ? await desk.update(req.id, req.change, req.actor, req.base)
            : await desk.history(req.id);
    return { seq: req.seq, ok: true, value };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const error: SentError = { name: e.name, message: e.message };
    if (err instanceof RecordLockedError) Object.assign(error, { name: "RecordLockedError", lockFile: err.lockFile, holder: err.holder, waitedMs: err.waitedMs });
    return { seq: req.seq, ok: false, error };
  }
}

type Unsent<T> = T extends unknown ? Omit<T, "seq" | "at"> : never;

class WorkerDeskWriter implements DeskWriter {
  readonly offThread = true;
  readonly #worker: WorkerClient<SentError>;
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #clock: () => Date;

  constructor(opts: DeskWriterOptions) {
    this.#clock = opts.clock ?? (() => new Date());
    this.#worker = new WorkerClient<SentError>({
      file: opts.workerFile ?? WORKER_FILE,
      workerData: { file: opts.file, auditFile: opts.auditFile },
      stopped: (why) => new Error(`the record writer stopped: ${why}; nothing more was written`),
      revive,
    });
  }

  add(entry: unknown, actor: Actor) {
    return this.#call<WriteResult>({ op: "add", entry, actor });
  }
  addTrack(track: unknown, actor: Actor) {
    return this.#call<TrackWriteResult>({ op: "addTrack", track, actor });
  }
  update(id: string, change: EntryEdit | readonly EntryEdit[], actor: Actor, base?: Entry) {
    return this.#call<WriteResult>({ op: "update", id, change, actor, ...(base ? { base } : {}) });
  }
  history(id: string) {
    return this.#call<EntryAuditRecord[]>({ op: "history", id });
  }

  /** Waits for the writes under way, then lets the worker go. */
  async close(): Promise<void> {
    await Promise.allSettled(this.#inFlight);
    await this.#worker.close();
  }

  /** `at` is this thread's clock, for the audit log. */
  #call<T>(req: Unsent<DeskRequest>): Promise<T> {
    const call = this.#worker.call<T>({ ...req, at: this.#clock().toISOString() });
    this.#inFlight.add(call);
    const forget = () => this.#inFlight.delete(call);
    call.then(forget, forget);
    return call;
  }
}

function revive(e: SentError): Error {
  if (e.name === "RecordLockedError") return new RecordLockedError(e.lockFile!, e.holder ?? null, e.waitedMs ?? 0);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}
