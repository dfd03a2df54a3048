// The record as the running bot sees it: loaded from data/events.json at start (an invalid
// file stops start-up), then reloaded when the file changes. A broken edit while running
// keeps the last good record serving and reports what is wrong instead.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { buildRecord, type Record } from "./record.ts";
import { describeProblem, parseEventLog, type CheckedLog, type RecordProblem } from "./validate.ts";

export class RecordInvalidError extends Error {
  constructor(readonly problems: RecordProblem[]) {
    super(`The event log is invalid:\n${problems.map((p) => `- ${describeProblem(p)}`).join("\n")}`);
  }
}

export type ReloadResult =
  | { kind: "unchanged" }
  | { kind: "reloaded"; previous: CheckedLog; current: CheckedLog }
  | { kind: "invalid"; problems: RecordProblem[] };

export class RecordSource {
  #record: Record;
  #log: CheckedLog;
  #stamp: string;
  /** A hash of the file, not its text: the log may be large and this is kept for the process's life. */
  #hash: string;
  /** The stamp of a broken file already reported, so it is reported once, not every tick. */
  #reportedBroken?: string;

  private constructor(
    readonly file: string,
    text: string,
    log: CheckedLog,
    stamp: string,
  ) {
    this.#hash = hashOf(text);
    this.#log = log;
    this.#record = buildRecord(log);
    this.#stamp = stamp;
  }

  static load(file: string): RecordSource {
    const stamp = stampOf(file);
    const text = readFileSync(file, "utf8");
    const parsed = parseEventLog(text, file);
    if (!parsed.ok) throw new RecordInvalidError(parsed.problems);
    return new RecordSource(file, text, parsed.log, stamp);
  }

  get record(): Record {
    return this.#record;
  }

  get log(): CheckedLog {
    return this.#log;
  }

  /** Re-reads the file if its size or modification time changed since the last look. */
  reload(): ReloadResult {
    let stamp: string;
    try {
      stamp = stampOf(this.file);
    } catch (err) {
      return { kind: "invalid", problems: [{ file: this.file, message: `cannot read the file: ${(err as Error).message}` }] };
    }
    if (stamp === this.#stamp || stamp === this.#reportedBroken) return { kind: "unchanged" };
    const text = readFileSync(this.file, "utf8");
    const hash = hashOf(text);
    if (hash === this.#hash) {
      this.#stamp = stamp;
      return { kind: "unchanged" };
    }
    const parsed = parseEventLog(text, this.file);
    if (!parsed.ok) {
      this.#reportedBroken = stamp;
      return { kind: "invalid", problems: parsed.problems };
    }
    const previous = this.#log;
    this.#hash = hash;
    this.#log = parsed.log;
    this.#record = buildRecord(parsed.log);
    this.#stamp = stamp;
    this.#reportedBroken = undefined;
    return { kind: "reloaded", previous, current: parsed.log };
  }
}

function stampOf(file: string): string {
  const s = statSync(file);
  return `${s.size}:${s.mtimeMs}`;
}

function hashOf(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
