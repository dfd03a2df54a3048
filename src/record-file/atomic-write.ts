// The one way Parley replaces a file: write a temporary file in the same folder (rename is
// atomic only within one file system), fsync it, rename it over the file, fsync the folder.
// A reader, or a restart after a kill or a power cut, sees the old file or the new one whole,
// never a mix. Used by every writer: the record, its saved index, the state stores, the outbox.
//
// Two forms of the same steps: the async one for writers that must not block the bot, the
// synchronous one where nothing may run between the write and what follows (the outbox swaps
// its journal descriptor right after) or the caller is synchronous (a record load).
import { randomBytes } from "node:crypto";
import { closeSync, fchmodSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { mkdir, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export interface AtomicWriteOptions {
  /** Permission bits of the new file (default 0o666 less the umask, as a new file gets). */
  mode?: number;
}

function temporaryName(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

export async function writeFileAtomic(file: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = temporaryName(file);
  const fh = await open(tmp, "wx", opts.mode);
  try {
    await fh.writeFile(data);
    // open's mode is masked by the umask; the caller asked for exactly these bits.
    if (opts.mode !== undefined) await fh.chmod(opts.mode & 0o7777);
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

export function writeFileAtomicSync(file: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = temporaryName(file);
  const fd = openSync(tmp, "wx", opts.mode);
  try {
    const buf = typeof data === "string" ? Buffer.from(data) : data;
    for (let at = 0; at < buf.length; ) at += writeSync(fd, buf, at, buf.length - at);
    if (opts.mode !== undefined) fchmodSync(fd, opts.mode & 0o7777);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, file);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
    try {
      unlinkSync(tmp);
    } catch {
      // Never created or already renamed.
    }
    throw err;
  }
  syncDirSync(dir);
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

function syncDirSync(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Best effort, as above.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
