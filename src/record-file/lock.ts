// The lock file beside the record (events.json.lock): one writer at a time across processes
// (the bot, its writer thread, any number of `npm run events`). It holds who took it: pid,
// host, when, and a nonce that tells two takings apart.
//
// A lock left by a dead process is broken, and breaking is where writes got lost (thirty CLI
// writers at once: all printed "added", one entry missing, about one run in four). Two ways:
// - A releases the lock and exits; C had read A's lock just before, now finds A's pid dead
//   and calls it stale; meanwhile B has taken the lock. C renamed "the stale lock" aside,
//   found it was B's and linked it back, but D had created a lock in between, so the link
//   failed and B and D both held the lock.
// - The lock's text and its age were read by two separate calls, so a writer could pair a
//   lock just created and not yet filled (no holder) with the previous lock's age; a lock
//   held over 5 s (a slow fsync on a busy disk) made the new, empty one look abandoned, and
//   it was removed under its taker.
// Two holders read the same version, both pass the version check (each fsyncs a while before
// renaming) and the second rename throws the first's entry away.
// Now a lock is broken only if, after the holder was found dead or too old, the lock file is
// still the very file seen (same inode, same text) while the breaker holds a second lock file
// (events.json.lock.break) that keeps other breakers out. A dead holder can no longer remove
// its lock and other breakers are shut out, so the file unlinked is the stale one and no other.
// A lock is created whole (written to a temporary file, then hard-linked to its name, which
// fails if the name exists), so no writer ever sees a lock without its holder.
import { randomBytes } from "node:crypto";
import { link, open, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/** The lock stayed held by a live writer for the whole timeout. Nothing was written. */
export class RecordLockedError extends Error {
  override name = "RecordLockedError";
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder | null,
    readonly waitedMs: number,
  ) {
    const who = holder ? `pid ${holder.pid} on ${holder.host}, since ${holder.since}` : "a writer that has not said who it is";
    super(
      `${lockFile} is held by another writer (${who}); gave up after ${(waitedMs / 1000).toFixed(1)} s and changed nothing. ` +
        `Try again in a moment. If no Parley bot or "npm run events" is running, the lock is left over: delete ${lockFile}.`,
    );
  }
}

/** A lock older than this is broken even if its process lives: no write takes a minute. */
const STALE_AFTER_MS = 60_000;
/** A lock without a readable holder (left by an older Parley that filled it after creating it). */
const UNREADABLE_STALE_AFTER_MS = 5_000;
/** A breaker holds the break lock for a few file operations; one this old was left by a crash. */
const BREAK_LOCK_STALE_AFTER_MS = 10_000;

export interface HeldLock {
  readonly file: string;
  readonly text: string;
  readonly ino: number;
}

/**
 * Runs `work` holding the lock file, and releases it whatever happens. Calls from one process
 * (or one thread) for one lock queue here first: the lock file tells processes apart, so two
 * writes of the same process must never contend for it.
 */
export function withLock<T>(lockFile: string, timeoutMs: number, work: (lock: HeldLock) => Promise<T>): Promise<T> {
  return serialised(lockFile, async () => {
    const lock = await acquireLock(lockFile, timeoutMs);
    try {
      return await work(lock);
    } finally {
      await releaseLock(lock);
    }
  });
}

/**
 * Whether the lock file is still this one. Checked just before the record is replaced: a
 * writer stalled past STALE_AFTER_MS may have had its lock broken, and then must not write.
 */
export async function stillHeld(lock: HeldLock): Promise<boolean> {
  const seen = await readLock(lock.file).catch(() => null);
  return !!seen && seen.ino === lock.ino && seen.text === lock.text;
}

const queues = new Map<string, Promise<unknown>>();

function serialised<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const result = previous.then(run, run);
  const tail = result.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return result;
}

/** When this process last released each lock file. */
const released = new Map<string, number>();

async function acquireLock(lockFile: string, timeoutMs: number): Promise<HeldLock> {
  const started = Date.now();
  // A process with writes queued would otherwise take the lock back the instant it let go,
  // before any other process's next look, and could hold everyone else off past their timeout.
  if (started - (released.get(lockFile) ?? 0) < 20) await sleep(2 + Math.random() * 8);
  for (;;) {
    // Look before creating: a waiter polls by reading, and writes its holder file only when
    // the lock looks free (thirty waiters creating files every few milliseconds cost more
    // than the writes they wait for).
    const seen = await readLock(lockFile);
    if (!seen) {
      // Real time, not the writer's clock: staleness is about processes, not about the record.
      const holder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: randomBytes(6).toString("hex") };
      const text = JSON.stringify(holder);
      const created = await createWhole(lockFile, text);
      if (created) return { file: lockFile, text, ino: created.ino };
      continue; // taken between our look and our attempt: look again
    }
    if (isStale(seen) && (await breakStale(lockFile, seen))) continue;
    const waited = Date.now() - started;
    if (waited >= timeoutMs) throw new RecordLockedError(lockFile, seen.holder, waited);
    // Jittered, so that writers that collided do not retry in step.
    await sleep(Math.min(2 + Math.random() * 18, Math.max(1, timeoutMs - waited)));
  }
}

/** Creates `file` holding `text`, or answers null if it exists. Never visible half-written. */
async function createWhole(file: string, text: string): Promise<{ ino: number } | null> {
  // Beside it (a hard link cannot cross file systems), hidden, like atomic-write's.
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  await writeFile(tmp, text, { flag: "wx" });
  try {
    await link(tmp, file);
    return { ino: (await stat(tmp)).ino };
  } catch (err) {
    if (errorCode(err) === "EEXIST") return null;
    throw err;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

interface SeenLock {
  text: string;
  holder: LockHolder | null;
  ino: number;
  mtimeMs: number;
}

/** The lock file as it is now; text and stat come from one open file, so they belong together. */
async function readLock(lockFile: string): Promise<SeenLock | null> {
  let fh;
  try {
    fh = await open(lockFile, "r");
  } catch (err) {
    if (errorCode(err) === "ENOENT") return null;
    throw err;
  }
  try {
    const [text, s] = [await fh.readFile("utf8"), await fh.stat()];
    return { text, holder: parseHolder(text), ino: s.ino, mtimeMs: s.mtimeMs };
  } finally {
    await fh.close();
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (typeof v.pid === "number" && typeof v.host === "string" && typeof v.since === "string") return { pid: v.pid, host: v.host, since: v.since };
  } catch {
    // Not a holder this version wrote.
  }
  return null;
}

function isStale(seen: SeenLock, now = Date.now()): boolean {
  if (!seen.holder) return now - seen.mtimeMs > UNREADABLE_STALE_AFTER_MS;
  const since = Date.parse(seen.holder.since);
  if (now - (Number.isNaN(since) ? seen.mtimeMs : since) > STALE_AFTER_MS) return true;
  // A pid means something only on its own host; elsewhere (a shared disk) only age can tell.
  return seen.holder.host === hostname() && !isAlive(seen.holder.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return errorCode(err) === "EPERM";
  }
}

/**
 * Removes the lock file if it is still exactly `seen` (see the top of this file). Answers
 * whether the caller should try to take the lock again at once.
 */
async function breakStale(lockFile: string, seen: SeenLock): Promise<boolean> {
  const breakFile = `${lockFile}.break`;
  const text = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: randomBytes(6).toString("hex") });
  if (!(await createWhole(breakFile, text))) {
    // Another writer is breaking it. A break lock left by a crash is removed by age alone: the
    // race that needs is a crash mid-break meeting a second breaker, ten seconds apart.
    const other = await readLock(breakFile);
    if (other && Date.now() - other.mtimeMs > BREAK_LOCK_STALE_AFTER_MS) await unlink(breakFile).catch(() => undefined);
    return false;
  }
  try {
    const now = await readLock(lockFile);
    if (!now) return true;
    if (now.ino !== seen.ino || now.text !== seen.text) return true;
    await unlink(lockFile).catch((err) => {
      if (errorCode(err) !== "ENOENT") throw err;
    });
    return true;
  } finally {
    await unlink(breakFile).catch(() => undefined);
  }
}

/** Removes the lock only if it is still ours: after 60 s another writer may have broken it. */
async function releaseLock(lock: HeldLock): Promise<void> {
  if (await stillHeld(lock)) await unlink(lock.file).catch(() => undefined);
  released.set(lock.file, Date.now());
}

function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
