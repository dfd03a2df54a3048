// The record as a running bot serves it, whichever back end holds it: the file (record-file/
// source.ts: RecordSource) or PostgreSQL (record-db/source.ts: PgRecordSource). main.ts, jobs.ts
// and the HTTP server see only this.
import type { EntryRef } from "./entry-ref.ts";
import type { RecordView } from "./record.ts";
import type { Track } from "./schema.ts";
import type { RecordProblem } from "./validate.ts";

export type ReloadResult = { kind: "unchanged" } | { kind: "reloaded"; entries: number; inWorker: boolean } | { kind: "invalid"; problems: RecordProblem[] };

export interface LiveRecord {
  /** The current version's indexes; a new object after every reload that changed something. */
  readonly record: RecordView;
  /** Every entry's ref, in the record's order. A new array after every reload. */
  readonly refs: readonly EntryRef[];
  readonly tracks: readonly Track[];
  /** Looks whether the record changed and, if so, loads the new version. */
  reload(): Promise<ReloadResult>;
  /** The file back end's path: jobs.ts watches it for edits by hand. */
  readonly file?: string;
  /**
   * Calls `changed` when another process changed the record (PostgreSQL's NOTIFY); the caller
   * then reloads. Answers a function that stops it. Absent where `file` is watched instead.
   */
  onChange?(changed: () => void): () => void;
  close(): void | Promise<void>;
}

/**
 * Reloads one at a time, as both back ends need them. A caller who asks while one runs gets one
 * more that follows it, shared by all who ask meanwhile: the reload under way may have looked
 * before the caller's write (an editor's save reloads so that /event shows it at once).
 */
export class ReloadQueue {
  #running: Promise<ReloadResult> | null = null;
  #followUp: Promise<ReloadResult> | null = null;

  constructor(private readonly load: () => Promise<ReloadResult>) {}

  run(): Promise<ReloadResult> {
    if (!this.#running) {
      this.#running = this.load().finally(() => {
        this.#running = null;
      });
      return this.#running;
    }
    this.#followUp ??= this.#running
      .catch(() => undefined)
      .then(() => {
        this.#followUp = null;
        return this.run();
      });
    return this.#followUp;
  }

  /** The reload under way, if any, settled either way. */
  async settled(): Promise<void> {
    await this.#running?.catch(() => undefined);
  }
}
