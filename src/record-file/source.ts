// The record as the running bot sees it: loaded from data/events.json at start (an invalid
// file stops start-up), then reloaded when the file changes. A broken edit while running
// keeps the last good record serving and reports what is wrong instead.
//
// Only EntryRefs stay in memory; whole entries are read from a private copy of the version
// they came from (entry-file.ts), so whatever becomes of events.json, answers come from the
// last good version. The refs of a validated version are saved as an index (saved-index.ts),
// so a restart with an unchanged file skips parsing and validating it.
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { hashText, refOf, type EntryRef } from "../record/entry-ref.ts";
import { entryByteRanges } from "../record/json-layout.ts";
import { ReloadQueue, type LiveRecord, type ReloadResult } from "../record/live-record.ts";
import { indexRecord, type RecordView } from "../record/record.ts";
import type { Track } from "../record/schema.ts";
import { describeProblem, parseEventLog, type RecordProblem } from "../record/validate.ts";
import { copyVersion, EntryFile, removeLeftoverCopies, writeCopy } from "./entry-file.ts";
import { readIndex, sameStamp, stampOf, writeIndex, type FileStamp } from "./saved-index.ts";

export class RecordInvalidError extends Error {
  override name = "RecordInvalidError";
  constructor(readonly problems: RecordProblem[]) {
    super(`The event log is invalid:\n${problems.map((p) => `- ${describeProblem(p)}`).join("\n")}`);
  }
}

export type { ReloadResult } from "../record/live-record.ts";

interface Version {
  stamp: FileStamp;
  tracks: Track[];
  refs: EntryRef[];
  file: EntryFile;
  record: RecordView;
}

/**
 * Above this size the record is parsed and validated off the main thread. Judged on the larger
 * of the version served and the file as first seen: a file caught mid-save by an editor that
 * rewrites in place may look empty for an instant, and a large record must not then be
 * validated on the main thread once it is whole.
 */
const WORKER_THRESHOLD_BYTES = 1_000_000;
// Bundled next to the bot by `npm run build`; when running from source there is no such file
// and reloads are done in place.
const WORKER_FILE = fileURLToPath(new URL("./load-worker.js", import.meta.url));

export class RecordSource implements LiveRecord {
  #current: Version;
  readonly #reloads = new ReloadQueue(() => this.#reload());
  /** The stamp of a broken file already reported, so it is reported once, not every tick. */
  #reportedBroken?: FileStamp;
  /** Files of replaced versions, closed once nothing can still be reading them. */
  #retired: EntryFile[] = [];

  private constructor(
    readonly file: string,
    readonly indexFile: string | undefined,
    readonly copyDir: string,
    version: Version,
  ) {
    this.#current = version;
  }

  /**
   * Loads the record; `indexFile` (under the state folder) makes later starts fast. The private
   * copies of the versions served are kept beside it (or in the system's temporary folder).
   */
  static load(file: string, opts: { indexFile?: string } = {}): RecordSource {
    const copyDir = opts.indexFile ? dirname(opts.indexFile) : tmpdir();
    if (opts.indexFile) removeLeftoverCopies(copyDir);
    const read = readVersion(file, opts.indexFile, copyDir);
    if ("problems" in read) throw new RecordInvalidError(read.problems);
    return new RecordSource(file, opts.indexFile, copyDir, openVersion(read));
  }

  get record(): RecordView {
    return this.#current.record;
  }

  /** Every entry's ref, in file order. A new array after every reload. */
  get refs(): readonly EntryRef[] {
    return this.#current.refs;
  }

  get tracks(): readonly Track[] {
    return this.#current.tracks;
  }

  /**
   * Re-reads the file if its size, modification time or inode changed since the last look.
   * Validating 100,000 entries takes seconds, so a large file is read in a worker thread and
   * the bot keeps answering meanwhile.
   */
  reload(): Promise<ReloadResult> {
    return this.#reloads.run();
  }

  async #reload(): Promise<ReloadResult> {
    let stamp: FileStamp;
    try {
      stamp = stampOf(this.file);
    } catch (err) {
      return { kind: "invalid", problems: [{ file: this.file, message: `cannot read the file: ${(err as Error).message}` }] };
    }
    if (sameStamp(this.#current.stamp, stamp) || sameStamp(this.#reportedBroken, stamp)) return { kind: "unchanged" };
    const useWorker = Math.max(stamp.size, this.#current.stamp.size) > WORKER_THRESHOLD_BYTES && existsSync(WORKER_FILE);
    let read: ReadVersion;
    try {
      read = useWorker ? await readInWorker(this.file, this.indexFile, this.copyDir) : readVersion(this.file, this.indexFile, this.copyDir);
    } catch (err) {
      // Gone, unreadable, or changing faster than it can be read: the last good version serves on.
      return { kind: "invalid", problems: [{ file: this.file, message: `cannot read the file: ${(err as Error).message}` }] };
    }
    if ("problems" in read) {
      this.#reportedBroken = read.stamp;
      return { kind: "invalid", problems: read.problems };
    }
    const result = openVersion(read);
    // A request that took the old record before an await may still read entries from it: keep
    // the old version's copy open for a minute.
    const old = this.#current.file;
    this.#retired.push(old);
    setTimeout(() => {
      old.close();
      this.#retired = this.#retired.filter((f) => f !== old);
    }, 60_000).unref();
    const unchanged = this.#current.refs.length === result.refs.length && this.#current.refs.every((r, i) => r.hash === result.refs[i].hash);
    this.#current = result;
    this.#reportedBroken = undefined;
    return unchanged ? { kind: "unchanged" } : { kind: "reloaded", entries: result.refs.length, inWorker: useWorker };
  }

  close(): void {
    for (const old of this.#retired) old.close();
    this.#current.file.close();
  }
}

/**
 * A version of the file as read: its stamp, refs and the path of its private copy (see
 * entry-file.ts), or what is wrong with it.
 */
export type ReadVersion = { stamp: FileStamp; tracks: Track[]; refs: EntryRef[]; copy: string } | { stamp: FileStamp; problems: RecordProblem[] };

/**
 * Reads a version of the record: from the saved index when it was made from this very file,
 * else by parsing and validating the file (and saving the index). Pure work on files, no
 * shared state, so it can run in a worker thread (load-worker.ts).
 */
export function readVersion(file: string, indexFile: string | undefined, copyDir: string): ReadVersion {
  // A writer may replace the file between our stat and our read: try again on a fresh stamp.
  for (let attempt = 0; ; attempt++) {
    const stamp = stampOf(file);
    const saved = indexFile ? readIndex(indexFile, file, stamp) : undefined;
    if (saved) {
      const copy = copyVersion(file, stamp, copyDir);
      if (copy) return { stamp, ...saved, copy };
    } else {
      const buf = readFileSync(file);
      const text = buf.toString("utf8");
      const parsed = parseEventLog(text, file);
      if (!parsed.ok) return { stamp, problems: parsed.problems };
      const ranges = entryByteRanges(text);
      if (!ranges || ranges.length !== parsed.log.entries.length) {
        throw new Error(`${file}: found ${ranges?.length ?? 0} entries by position but ${parsed.log.entries.length} by parsing`);
      }
      const refs = parsed.log.entries.map((e, i) => refOf(e, hashText(buf, ranges[i].offset, ranges[i].length), ranges[i].offset, ranges[i].length));
      const now = stampOf(file);
      if (sameStamp(now, stamp) && now.size === buf.length) {
        if (indexFile) writeIndex(indexFile, file, stamp, parsed.log.tracks, refs);
        return { stamp, tracks: parsed.log.tracks, refs, copy: writeCopy(copyDir, buf) };
      }
    }
    if (attempt >= 5) throw new Error(`${file} keeps changing while it is being read`);
  }
}

function readInWorker(file: string, indexFile: string | undefined, copyDir: string): Promise<ReadVersion> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: { file, indexFile, copyDir } });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`the record worker stopped with code ${code}`)));
  });
}

/** Opens the version just read: its entries are read from its private copy from now on. */
function openVersion(read: Extract<ReadVersion, { refs: EntryRef[] }>): Version {
  const { stamp, tracks, refs, copy } = read;
  const entryFile = EntryFile.open(copy, stamp.size);
  return { stamp, tracks, refs, file: entryFile, record: indexRecord(tracks, refs, (ref) => entryFile.read(ref)) };
}
