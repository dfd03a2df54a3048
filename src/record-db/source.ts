// The record as a replica serves it when it lives in PostgreSQL: every row loaded at start into
// the same in-memory RecordView as the file back end builds, and loaded again when the record's
// version moves. A write on any replica sends NOTIFY parley_record at its commit, so every other
// replica reloads within moments; a look at the version every few seconds catches what a lost
// connection made it miss.
//
// As with the file, only EntryRefs stay in memory: the entries' text is written to a private
// copy (record-file/entry-file.ts) and read back by byte range on demand, so 100,000 entries
// cost the same memory on either back end. A reload reads only the rows written since the
// version served (each row carries the version that wrote it) and appends their text to the
// copy: one write costs a replica one row, not the whole record. Rows removed (a revert of an
// add, an import) or a copy grown to twice what it serves make the next reload a whole one.
import { tmpdir } from "node:os";
import type { Db, Listening } from "../db/pool.ts";
import { hashText, type EntryRef } from "../record/entry-ref.ts";
import { ReloadQueue, type LiveRecord, type ReloadResult } from "../record/live-record.ts";
import { indexRecord, type RecordView } from "../record/record.ts";
import type { Track } from "../record/schema.ts";
import { EntryFile } from "../record-file/entry-file.ts";
import { RECORD_CHANNEL, readChangesSince, readRecordRows, recordVersion, type EntryRow } from "./rows.ts";

interface Version {
  version: number;
  tracks: Track[];
  refs: EntryRef[];
  /**
   * Each entry's row position (to tell a row moved, removed and added again, from one changed
   * in place) and its index in `refs`. Shared by the versions grown one from another and only
   * ever added to: a ref keeps its index as long as no row is removed, and a removal makes the
   * next reload a whole one with maps of its own.
   */
  rows: Map<string, { position: number; index: number }>;
  /** The copy the refs point into; shared by the versions that grew it. */
  file: EntryFile;
  /** Bytes of the copy the refs point to; the rest is older versions' text. */
  liveBytes: number;
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
  readonly #reloads = new ReloadQueue(() => this.#reload());
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
    return this.#reloads.run();
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
      next = (await this.#readChanges()) ?? (await readVersion(this.db, this.copyDir));
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
      if (next.file !== this.#current.file) next.file.close();
      return { kind: "unchanged" };
    }
    const old = this.#current.file;
    if (next.file !== old) {
      // A request that took the old record before an await may still read entries from it.
      this.#retired.push(old);
      setTimeout(() => {
        old.close();
        this.#retired = this.#retired.filter((f) => f !== old);
      }, 60_000).unref();
    }
    this.#current = next;
    return { kind: "reloaded", entries: next.refs.length, inWorker: false };
  }

  /** The served version with the rows written since applied; null when a whole reload is due. */
  async #readChanges(): Promise<Version | null> {
    const cur = this.#current;
    if (cur.file.size > 2 * cur.liveBytes + 1_000_000) return null;
    const delta = await readChangesSince(this.db, cur.version, Math.max(100, cur.refs.length / 10));
    if (!delta) return null;
    let added = 0;
    for (const row of delta.changed) {
      const was = cur.rows.get(row.id);
      if (was === undefined) added++;
      else if (was.position !== row.position) return null;
    }
    // Fewer rows than the served ones plus the new: some were removed.
    if (cur.refs.length + added !== delta.count) return null;
    const refs = cur.refs.slice();
    let liveBytes = cur.liveBytes;
    for (const row of delta.changed) {
      const ref = appendRow(cur.file, row);
      const was = cur.rows.get(row.id);
      if (was === undefined) {
        cur.rows.set(row.id, { position: row.position, index: refs.length });
        refs.push(ref);
      } else {
        liveBytes -= refs[was.index].length;
        refs[was.index] = ref;
      }
      liveBytes += ref.length;
    }
    const tracks = delta.tracks.map((t) => JSON.parse(t.text) as Track);
    const file = cur.file;
    return { version: delta.version, tracks, refs, rows: cur.rows, file, liveBytes, record: indexRecord(tracks, refs, (ref) => file.read(ref)) };
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    await this.#listening?.close();
    await this.#reloads.settled();
    for (const old of this.#retired) old.close();
    this.#current.file.close();
  }
}

/** Reads every row as one snapshot and indexes it; the entries' text goes to a new private copy. */
async function readVersion(db: Db, copyDir: string): Promise<Version> {
  const rows = await readRecordRows(db);
  const file = EntryFile.create(copyDir);
  const index = new Map<string, { position: number; index: number }>();
  let liveBytes = 0;
  const refs = rows.entries.map((row, i) => {
    const ref = appendRow(file, row);
    index.set(row.id, { position: row.position, index: i });
    liveBytes += ref.length;
    return ref;
  });
  const tracks = rows.tracks.map((t) => JSON.parse(t.text) as Track);
  return { version: rows.version, tracks, refs, rows: index, file, liveBytes, record: indexRecord(tracks, refs, (ref) => file.read(ref)) };
}

/** Appends an entry's text to the copy; answers its ref. */
function appendRow(file: EntryFile, row: EntryRow): EntryRef {
  const bytes = Buffer.from(row.text, "utf8");
  const offset = file.append(bytes);
  const ref: EntryRef = { id: row.id, track: row.track, kind: row.kind, status: row.status, date: row.date, hash: hashText(bytes, 0, bytes.length), offset, length: bytes.length };
  if (row.endDate !== null) ref.endDate = row.endDate;
  if (row.time !== null) ref.time = row.time;
  if (row.timezone !== null) ref.timezone = row.timezone;
  if (row.sequence !== null) ref.sequence = row.sequence;
  return ref;
}
