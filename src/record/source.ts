// The record as the running bot sees it: loaded from data/events.json at start (an invalid
// file stops start-up), then reloaded when the file changes. A broken edit while running
// keeps the last good record serving and reports what is wrong instead.
//
// Only EntryRefs stay in memory; whole entries are read from the file version they came from
// (snapshot.ts). The refs of a validated version are saved as an index, so a restart with an
// unchanged file skips parsing and validating it.
import { readFileSync } from "node:fs";
import { indexRecord, type Record } from "./record.ts";
import type { Track } from "./schema.ts";
import { EntryFile, hashText, readIndex, refOf, sameStamp, scanEntryRanges, stampOf, writeIndex, type EntryRef, type FileStamp } from "./snapshot.ts";
import { describeProblem, parseEventLog, type RecordProblem } from "./validate.ts";

export class RecordInvalidError extends Error {
  constructor(readonly problems: RecordProblem[]) {
    super(`The event log is invalid:\n${problems.map((p) => `- ${describeProblem(p)}`).join("\n")}`);
  }
}

export type ReloadResult = { kind: "unchanged" } | { kind: "reloaded"; entries: number } | { kind: "invalid"; problems: RecordProblem[] };

interface Version {
  stamp: FileStamp;
  tracks: Track[];
  refs: EntryRef[];
  file: EntryFile;
  record: Record;
}

export class RecordSource {
  #current: Version;
  /** The stamp of a broken file already reported, so it is reported once, not every tick. */
  #reportedBroken?: FileStamp;
  /** Files of replaced versions, closed once nothing can still be reading them. */
  #retired: EntryFile[] = [];

  private constructor(
    readonly file: string,
    readonly indexFile: string | undefined,
    version: Version,
  ) {
    this.#current = version;
  }

  /** Loads the record; `indexFile` (under the state folder) makes later starts fast. */
  static load(file: string, opts: { indexFile?: string } = {}): RecordSource {
    const result = openVersion(file, opts.indexFile);
    if ("problems" in result) throw new RecordInvalidError(result.problems);
    return new RecordSource(file, opts.indexFile, result);
  }

  get record(): Record {
    return this.#current.record;
  }

  /** Every entry's ref, in file order. A new array after every reload. */
  get refs(): readonly EntryRef[] {
    return this.#current.refs;
  }

  get tracks(): readonly Track[] {
    return this.#current.tracks;
  }

  /** Re-reads the file if its size, modification time or inode changed since the last look. */
  reload(): ReloadResult {
    let stamp: FileStamp;
    try {
      stamp = stampOf(this.file);
    } catch (err) {
      return { kind: "invalid", problems: [{ file: this.file, message: `cannot read the file: ${(err as Error).message}` }] };
    }
    if (sameStamp(this.#current.stamp, stamp) || sameStamp(this.#reportedBroken, stamp)) return { kind: "unchanged" };
    const result = openVersion(this.file, this.indexFile);
    if ("problems" in result) {
      this.#reportedBroken = stamp;
      return { kind: "invalid", problems: result.problems };
    }
    // Queries hold no file handles across awaits, but a request may be between two reads of
    // the old version right now: close it one reload later, not at once.
    for (const old of this.#retired) old.close();
    this.#retired = [this.#current.file];
    const unchanged = this.#current.refs.length === result.refs.length && this.#current.refs.every((r, i) => r.hash === result.refs[i].hash);
    this.#current = result;
    this.#reportedBroken = undefined;
    return unchanged ? { kind: "unchanged" } : { kind: "reloaded", entries: result.refs.length };
  }

  close(): void {
    for (const old of this.#retired) old.close();
    this.#current.file.close();
  }
}

function openVersion(file: string, indexFile: string | undefined): Version | { problems: RecordProblem[] } {
  // A writer may replace the file between our stat and our open: try again on a fresh stamp.
  for (let attempt = 0; ; attempt++) {
    const stamp = stampOf(file);
    const saved = indexFile ? readIndex(indexFile, file, stamp) : undefined;
    let tracks: Track[];
    let refs: EntryRef[];
    if (saved) {
      ({ tracks, refs } = saved);
    } else {
      const buf = readFileSync(file);
      const parsed = parseEventLog(buf.toString("utf8"), file);
      if (!parsed.ok) return { problems: parsed.problems };
      const ranges = scanEntryRanges(buf);
      if (ranges.length !== parsed.log.entries.length) throw new Error(`${file}: found ${ranges.length} entries by position but ${parsed.log.entries.length} by parsing`);
      tracks = parsed.log.tracks;
      refs = parsed.log.entries.map((e, i) => refOf(e, hashText(buf, ranges[i].offset, ranges[i].length), ranges[i].offset, ranges[i].length));
      const now = stampOf(file);
      if (!sameStamp(now, stamp) || now.size !== buf.length) {
        if (attempt < 5) continue;
        throw new Error(`${file} keeps changing while it is being read`);
      }
      if (indexFile) writeIndex(indexFile, file, stamp, tracks, refs);
    }
    let entryFile: EntryFile;
    try {
      entryFile = new EntryFile(file, stamp);
    } catch (err) {
      if (attempt < 5) continue;
      throw err;
    }
    return { stamp, tracks, refs, file: entryFile, record: indexRecord(tracks, refs, (ref) => entryFile.read(ref)) };
  }
}
