// Whole entries of one validated version of the record, read by byte range on demand.
//
// The ranges must point into exactly the bytes that were validated, whatever happens to
// events.json afterwards. Holding events.json itself open is not enough: our writer and most
// editors replace it by rename (the old inode stays readable), but an interrupted save, a bad
// merge, `truncate` or an editor that rewrites in place changes the very bytes under an open
// descriptor, and every range of the last good index then points into a different file. So
// each version is read from a private copy: the validated bytes written to a file of our own
// in the state folder, opened, and unlinked at once (the descriptor keeps it readable, nobody
// else can name it, and the disk space comes back when it is closed or the process ends).
// Every read is also checked against the entry's hash, so a wrong range is an error, never a
// wrong answer.
import { randomBytes } from "node:crypto";
import { closeSync, constants, copyFileSync, fstatSync, openSync, readdirSync, readSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { hashText, type EntryRef } from "../record/entry-ref.ts";
import type { Entry } from "../record/schema.ts";
import { sameStamp, stampOf, type FileStamp } from "./saved-index.ts";

const COPY_PREFIX = ".record-copy.";

function copyName(dir: string): string {
  return join(dir, `${COPY_PREFIX}${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/**
 * Removes copies left in `dir` by a process killed between writing a copy and opening it (an
 * open copy has no name). Only for a folder one bot owns, such as its state folder: in a
 * shared one another process may be between those two steps.
 */
export function removeLeftoverCopies(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(COPY_PREFIX)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Gone already.
    }
  }
}

/** Writes bytes just validated to a new private copy in `dir`; answers its path (see EntryFile.open). */
export function writeCopy(dir: string, bytes: Uint8Array): string {
  const path = copyName(dir);
  writeFileSync(path, bytes, { flag: "wx" });
  return path;
}

/**
 * Copies `file` to a private copy in `dir`, if it is still the version stamped `stamp` once
 * copied (answers null otherwise: it changed meanwhile). Used when the refs come from the
 * saved index, which was validated against that stamp.
 */
export function copyVersion(file: string, stamp: FileStamp, dir: string): string | null {
  const path = copyName(dir);
  // A clone where the file system can (copy-on-write), a plain copy elsewhere.
  copyFileSync(file, path, constants.COPYFILE_FICLONE | constants.COPYFILE_EXCL);
  let now: FileStamp | undefined;
  try {
    now = stampOf(file);
  } catch {
    now = undefined;
  }
  if (now && sameStamp(now, stamp) && stampOf(path).size === stamp.size) return path;
  unlinkSync(path);
  return null;
}

export class EntryFile {
  readonly #fd: number;
  /** Keyed by id and hash: in a growing copy (create) one id has a text per version. */
  readonly #cache = new Map<string, Entry>();
  #size: number;
  private constructor(
    fd: number,
    private readonly maxCached: number,
    size: number,
  ) {
    this.#fd = fd;
    this.#size = size;
  }

  /**
   * A new, empty private copy in `dir` that grows by append(): the record in PostgreSQL adds
   * the text of each entry that changed, and refs of earlier versions stay valid.
   */
  static create(dir: string, maxCached = 2000): EntryFile {
    const path = copyName(dir);
    const fd = openSync(path, "wx+");
    try {
      unlinkSync(path);
    } catch {
      // Windows: see open().
    }
    return new EntryFile(fd, maxCached, 0);
  }

  /** Appends bytes; answers the offset they start at. */
  append(bytes: Uint8Array): number {
    const offset = this.#size;
    let done = 0;
    while (done < bytes.length) done += writeSync(this.#fd, bytes, done, bytes.length - done, offset + done);
    this.#size += bytes.length;
    return offset;
  }

  /** Bytes in the copy (appended ones included). */
  get size(): number {
    return this.#size;
  }

  /** Opens a copy made by writeCopy or copyVersion, and removes its name. */
  static open(copy: string, size: number, maxCached = 2000): EntryFile {
    const fd = openSync(copy, "r");
    try {
      unlinkSync(copy);
    } catch {
      // Windows cannot remove an open file: the copy is left behind (a stray file in the state
      // folder), and the descriptor still reads what it should.
    }
    if (fstatSync(fd).size !== size) {
      closeSync(fd);
      throw new Error(`${copy}: the copy of the record is not the size it was written with`);
    }
    return new EntryFile(fd, maxCached, size);
  }

  /** The entry a ref points to (validated when the index was made). */
  read(ref: EntryRef): Entry {
    const key = `${ref.id} ${ref.hash}`;
    const cached = this.#cache.get(key);
    if (cached) {
      // Map keeps insertion order: re-insert to mark it recently used.
      this.#cache.delete(key);
      this.#cache.set(key, cached);
      return cached;
    }
    const buf = Buffer.allocUnsafe(ref.length);
    const got = readSync(this.#fd, buf, 0, ref.length, ref.offset);
    if (got !== ref.length || hashText(buf, 0, ref.length) !== ref.hash) {
      throw new Error(`the kept copy of the record no longer holds entry "${ref.id}" where it was validated`);
    }
    const entry = JSON.parse(buf.toString("utf8")) as Entry;
    entry.participants ??= [];
    this.#cache.set(key, entry);
    if (this.#cache.size > this.maxCached) this.#cache.delete(this.#cache.keys().next().value!);
    return entry;
  }

  close(): void {
    try {
      closeSync(this.#fd);
    } catch {
      // Already closed.
    }
  }
}
