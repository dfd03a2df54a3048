// One lowdb file of runtime state (chat preferences, subscriptions, what was announced, the
// outbox). Built on lowdb's Low with an adapter of our own, not JSONFilePreset: the preset
// silently swaps in an in-memory adapter when NODE_ENV=test, and the state must really reach
// the disk.
//
// Writes go through Parley's one atomic write (temporary file, fsync, rename; lowdb's steno
// does not fsync), so neither a kill nor a power cut leaves a half-written file. lowdb
// stringifies the whole document on every write; with 100,000 subscribers that is megabytes,
// so saves are coalesced here: callers that save while a write is in flight all wait for one
// following write, which serialises the latest state once.
import { Low, type Adapter } from "lowdb";
import { mkdirSync, readFileSync, renameSync } from "node:fs";
import { basename, dirname } from "node:path";
import { writeFileAtomic } from "../record-file/atomic-write.ts";

export class StoreCorruptError extends Error {
  override name = "StoreCorruptError";
  constructor(
    readonly file: string,
    readonly movedTo: string,
    reason: string,
  ) {
    super(
      `The state file ${file} is not valid JSON (${reason}). It was moved aside to ${movedTo} and nothing was overwritten. ` +
        `Inspect or repair it and move it back, or delete it to start with empty state; then start Parley again.`,
    );
  }
}

export class JsonStore<T extends object> {
  readonly db: Low<T>;
  #writing: Promise<void> | null = null;
  #queued: Promise<void> | null = null;

  private constructor(
    readonly file: string,
    data: T,
    stringify: (data: T) => string = (d) => JSON.stringify(d),
  ) {
    this.db = new Low<T>(new AtomicJsonFile<T>(file, stringify), data);
  }

  /**
   * Opens (or creates) a state file. A file that exists but does not parse is moved aside and
   * StoreCorruptError is thrown: silently starting empty would lose every subscriber.
   */
  static open<T extends object>(file: string, defaults: () => T, check?: (data: unknown) => data is T, stringify?: (data: T) => string): JsonStore<T> {
    mkdirSync(dirname(file), { recursive: true });
    let text: string | null = null;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
    if (text === null) return new JsonStore(file, defaults(), stringify);
    let data: unknown;
    let reason = "";
    try {
      data = JSON.parse(text);
      if (data === null || typeof data !== "object" || (check && !check(data))) reason = "unexpected shape";
    } catch (err) {
      reason = (err as Error).message;
    }
    if (reason) {
      const movedTo = `${dirname(file)}/${basename(file)}.corrupt-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(file, movedTo);
      throw new StoreCorruptError(file, movedTo, reason);
    }
    return new JsonStore(file, { ...defaults(), ...(data as T) }, stringify);
  }

  get data(): T {
    return this.db.data;
  }

  /** Persists the current state; resolves once a write that includes every change so far is on disk. */
  save(): Promise<void> {
    if (!this.#writing) {
      this.#writing = this.db.write().finally(() => {
        this.#writing = null;
      });
      return this.#writing;
    }
    // A write is in flight with older data: join the single write queued after it.
    this.#queued ??= this.#writing.then(
      () => {
        this.#queued = null;
        return this.save();
      },
      () => {
        this.#queued = null;
        return this.save();
      },
    );
    return this.#queued;
  }

  /** Changes the state and saves it (coalesced with concurrent saves). */
  async update(change: (data: T) => void): Promise<void> {
    change(this.db.data);
    await this.save();
  }

  /** Waits for every write started so far. */
  async flush(): Promise<void> {
    while (this.#writing || this.#queued) await (this.#queued ?? this.#writing);
  }
}

/** lowdb's adapter: JsonStore.open reads (and checks) the file itself, so only writes come here. */
class AtomicJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    readonly stringify: (data: T) => string,
  ) {}

  read(): Promise<T | null> {
    return Promise.resolve(null);
  }

  write(data: T): Promise<void> {
    return writeFileAtomic(this.file, this.stringify(data));
  }
}
