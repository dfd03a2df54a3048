// The record as a replica serves it when it lives in PostgreSQL: every row loaded at start into
// the same in-memory RecordView as the file back end builds, and loaded again when the record's
// version moves. A write on any replica sends NOTIFY parley_record at its commit, so every other
// replica reloads within moments; a look at the version every few seconds catches what a lost
// connection made it miss.
//
// As with the file, only EntryRefs stay in memory: the entries' text is written to a private
// copy (record-file/entry-file.ts) and read back by byte range on demand, so 100,000 entries
// cost the same memory on either back end.
import { tmpdir } from "node:os";
import type { Db, Listening } from "../db/pool.ts";
import { hashText, type EntryRef } from "../record/entry-ref.ts";
import type { LiveRecord, ReloadResult } from "../record/live-record.ts";
import { indexRecord, type RecordView } from "../record/record.ts";
import type { Track } from "../record/schema.ts";
import { EntryFile, writeCopy } from "../record-file/entry-file.ts";
import { RECORD_CHANNEL, readRecordRows, recordVersion } from "./rows.ts";

interface Version {
  version: number;
  tracks: Track[];
  refs: EntryRef[];
  file: EntryFile;
  record: RecordView;
}

export interface PgRecordSourceOptions {
  /** Where the private copies go (default: the system's temporary folder). */
  copyDir?: string;
  /** How often to look at the version when no notification came (default 5 s). */
  checkEveryMs?: number;
  /** Told when a reload fails (the database is unreachable): the last version serves on. */
  onError?: (err: Error) => void;
}

export class PgRecordSource implements LiveRecord {
  #current: Version;
  #reloading: Promise<ReloadResult> | null = null;
  #followUp: Promise<ReloadResult> | null = null;
  #retired: EntryFile[] = [];
  readonly #listeners = new Set<() => void>();
  #listening: Listening | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #unreachable = false;

  private constructor(
    readonly db: Db,
    readonly copyDir: string,
    version: Version,
    readonly opts: PgRecordSourceOptions,
  ) {
    this.#current = version;
  }

  /** Loads the record and starts following its changes. */
  static async load(db: Db, opts: PgRecordSourceOptions = {}): Promise<PgRecordSource> {
    const copyDir = opts.copyDir ?? tmpdir();
    const source = new PgRecordSource(db, copyDir, await readVersion(db, copyDir), opts);
    source.#listening = await db.listen(
      RECORD_CHANNEL,
      (payload) => {
        if (Number(payload) !== source.#current.version) source.#changed();
      },
      // Notifications sent while the connection was down are lost: look for ourselves.
      { onReconnect: () => source.#changed(), onError: (err) => opts.onError?.(err) },
    );
    source.#timer = setInterval(() => source.#changed(), opts.checkEveryMs ?? 5000);
    source.#timer.unref();
    return source;
  }

  get record(): RecordView {
    return this.#current.record;
  }

  get refs(): readonly EntryRef[] {
    return this.#current.refs;
  }

  get tracks(): readonly Track[] {
    return this.#current.tracks;
  }

  /** The version of the record served (record_version.version). */
  get version(): number {
    return this.#current.version;
  }

  onChange(changed: () => void): () => void {
    this.#listeners.add(changed);
    return () => this.#listeners.delete(changed);
  }

  /** Loads the record again if its version moved since the one served. */
  reload(): Promise<ReloadResult> {
    if (!this.#reloading) {
      this.#reloading = this.#reload().finally(() => {
        this.#reloading = null;
      });
      return this.#reloading;
    }
    // The reload under way may have read the version before the caller's write: one more follows.
    this.#followUp ??= this.#reloading
      .catch(() => undefined)
      .then(() => {
        this.#followUp = null;
        return this.reload();
      });
    return this.#followUp;
  }

  #changed(): void {
    if (this.#closed) return;
    this.reload().then(
      (result) => {
        if (result.kind === "reloaded") for (const changed of this.#listeners) changed();
      },
      (err: Error) => this.opts.onError?.(err),
    );
  }

  async #reload(): Promise<ReloadResult> {
    let next: Version;
    try {
      if ((await recordVersion(this.db)) === this.#current.version) return { kind: "unchanged" };
      next = await readVersion(this.db, this.copyDir);
    } catch (err) {
      // The database is away: the last version loaded serves on, and the record is not
      // "invalid" (that would tell the admins their record is broken at every tick). Said once
      // per outage.
      if (!this.#unreachable) this.opts.onError?.(err as Error);
      this.#unreachable = true;
      return { kind: "unchanged" };
    }
    this.#unreachable = false;
    if (this.#closed) {
      next.file.close();
      return { kind: "unchanged" };
    }
    // A request that took the old record before an await may still read entries from it.
    const old = this.#current.file;
    this.#retired.push(old);
    setTimeout(() => {
      old.close();
      this.#retired = this.#retired.filter((f) => f !== old);
    }, 60_000).unref();
    this.#current = next;
    return { kind: "reloaded", entries: next.refs.length, inWorker: false };
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    await this.#listening?.close();
    await this.#reloading?.catch(() => undefined);
    for (const old of this.#retired) old.close();
    this.#current.file.close();
  }
}

/** Reads every row as one snapshot and indexes it; the entries' text goes to a private copy. */
async function readVersion(db: Db, copyDir: string): Promise<Version> {
  const rows = await readRecordRows(db);
  const texts = rows.entries.map((e) => Buffer.from(e.text, "utf8"));
  const bytes = Buffer.concat(texts);
  const refs: EntryRef[] = new Array(rows.entries.length);
  let offset = 0;
  rows.entries.forEach((e, i) => {
    const length = texts[i].length;
    const ref: EntryRef = { id: e.id, track: e.track, kind: e.kind, status: e.status, date: e.date, hash: hashText(bytes, offset, length), offset, length };
    if (e.endDate !== null) ref.endDate = e.endDate;
    if (e.time !== null) ref.time = e.time;
    if (e.timezone !== null) ref.timezone = e.timezone;
    if (e.sequence !== null) ref.sequence = e.sequence;
    refs[i] = ref;
    offset += length;
  });
  const tracks = rows.tracks.map((t) => JSON.parse(t.text) as Track);
  const file = EntryFile.open(writeCopy(copyDir, bytes), bytes.length);
  return { version: rows.version, tracks, refs, file, record: indexRecord(tracks, refs, (ref) => file.read(ref)) };
}
