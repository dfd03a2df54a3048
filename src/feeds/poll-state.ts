// What the poller remembers, under $DATA_DIR/state/: per feed (feeds.json, replaced whole by the
// one atomic write) its validators for conditional GET, last success, last error, failures and
// next try; and every item processed (feed-items.jsonl, one line appended per item once the
// intake has decided on it; rewritten whole, atomically, when old items are pruned). A line torn
// by a crash is ignored: that item is simply offered again, and the intake takes an id once.
import { mkdir, open, readFile, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../record-file/atomic-write.ts";
import type { IntakeOutcome } from "../ingest/incoming.ts";

export interface FeedState {
  etag?: string;
  lastModified?: string;
  /** ISO instants. */
  lastAttempt?: string;
  lastSuccess?: string;
  lastError?: string;
  lastErrorAt?: string;
  failures: number;
  failingSince?: string;
  nextTry?: string;
  /** The editors were told of this outage (onFeedDown); reset by a success. */
  toldDown: boolean;
}

export interface ProcessedItem {
  id: string;
  feedId: string;
  outlet: string;
  title?: string;
  link?: string;
  normalisedLink?: string;
  fingerprint?: string;
  /** The publication day handed to the intake. */
  published?: string;
  /** Where the text came from: the feed, or the article page fetched for a teaser (and why not, when that failed). */
  text: { from: "feed" | "page"; chars: number; pageError?: string };
  /** The intake's outcome; for a repeat, the item it repeats and how it was recognised. */
  outcome: IntakeOutcome | { duplicateOf: string; by: "link" | "fingerprint" };
  /** ISO instant it was processed. */
  at: string;
}

export class PollStateError extends Error {
  override name = "PollStateError";
}

const FEEDS = "feeds.json";
const ITEMS = "feed-items.jsonl";

/** Failed n times in a row: wait the poll interval times 2^n, at most capMs, at least what the server asked (Retry-After). */
export function backoffMs(failures: number, pollMs: number, capMs: number, retryAfterMs = 0): number {
  return Math.max(Math.min(capMs, pollMs * 2 ** Math.min(failures, 30)), Math.min(retryAfterMs, capMs));
}

export class PollState {
  private feeds: Record<string, FeedState>;
  private readonly items = new Map<string, ProcessedItem>();
  private readonly byLink = new Map<string, string>();
  private readonly byFingerprint = new Map<string, string>();
  private journal: FileHandle | undefined;
  /** Writes one after another: two atomic replaces of one file must not interleave. */
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly dir: string,
    feeds: Record<string, FeedState>,
  ) {
    this.feeds = feeds;
  }

  /** Reads the state (none yet is an empty state); PollStateError when a file is unreadable. */
  static async open(dir: string): Promise<PollState> {
    const feedsText = await readIfExists(join(dir, FEEDS));
    let feeds: Record<string, FeedState> = {};
    if (feedsText !== undefined) {
      try {
        feeds = JSON.parse(feedsText) as Record<string, FeedState>;
        if (typeof feeds !== "object" || feeds === null || Array.isArray(feeds)) throw new Error("not an object of feeds");
      } catch (err) {
        throw new PollStateError(`${join(dir, FEEDS)}: not readable (${(err as Error).message}); move it aside and the feeds are polled afresh`);
      }
    }
    const state = new PollState(dir, feeds);
    const itemsText = (await readIfExists(join(dir, ITEMS))) ?? "";
    for (const line of itemsText.split("\n")) {
      if (!line.trim()) continue;
      try {
        state.index(JSON.parse(line) as ProcessedItem);
      } catch {
        // A line torn by a crash: that item is offered again.
      }
    }
    return state;
  }

  feed(id: string): FeedState {
    return this.feeds[id] ?? { failures: 0, toldDown: false };
  }

  allFeeds(): Readonly<Record<string, FeedState>> {
    return this.feeds;
  }

  async setFeed(id: string, next: FeedState): Promise<void> {
    this.feeds = { ...this.feeds, [id]: next };
    const text = `${JSON.stringify(this.feeds, null, 2)}\n`;
    await this.serial(() => writeFileAtomic(join(this.dir, FEEDS), text));
  }

  item(id: string): ProcessedItem | undefined {
    return this.items.get(id);
  }

  itemsOf(feedId: string): ProcessedItem[] {
    return [...this.items.values()].filter((i) => i.feedId === feedId);
  }

  /** The processed item with this normalised link, in any feed. */
  withLink(normalisedLink: string): ProcessedItem | undefined {
    const id = this.byLink.get(normalisedLink);
    return id ? this.items.get(id) : undefined;
  }

  /** The processed item of this outlet with these words: a repost is the outlet's own. */
  withFingerprint(outlet: string, fp: string): ProcessedItem | undefined {
    const id = this.byFingerprint.get(`${outlet}\n${fp}`);
    return id ? this.items.get(id) : undefined;
  }

  async markProcessed(item: ProcessedItem): Promise<void> {
    this.index(item);
    const line = `${JSON.stringify(item)}\n`;
    await this.serial(async () => {
      if (!this.journal) {
        await mkdir(this.dir, { recursive: true });
        this.journal = await open(join(this.dir, ITEMS), "a");
      }
      await this.journal.write(line);
      await this.journal.datasync();
    });
  }

  /** Forgets items processed before `before` (and rewrites the journal without them). */
  async prune(before: Date): Promise<number> {
    const cut = before.toISOString();
    const old = [...this.items.values()].filter((i) => i.at < cut);
    if (old.length === 0) return 0;
    for (const i of old) this.items.delete(i.id);
    this.byLink.clear();
    this.byFingerprint.clear();
    const kept = [...this.items.values()];
    this.items.clear();
    for (const i of kept) this.index(i);
    await this.serial(async () => {
      await this.journal?.close();
      this.journal = undefined;
      await writeFileAtomic(join(this.dir, ITEMS), kept.map((i) => `${JSON.stringify(i)}\n`).join(""));
    });
    return old.length;
  }

  async close(): Promise<void> {
    await this.serial(async () => {
      await this.journal?.close();
      this.journal = undefined;
    });
  }

  private index(item: ProcessedItem): void {
    this.items.set(item.id, item);
    if (item.normalisedLink && !this.byLink.has(item.normalisedLink)) this.byLink.set(item.normalisedLink, item.id);
    const fpKey = item.fingerprint && `${item.outlet}\n${item.fingerprint}`;
    if (fpKey && !this.byFingerprint.has(fpKey)) this.byFingerprint.set(fpKey, item.id);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.writing.then(work, work);
    this.writing = next.catch(() => undefined);
    return next;
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new PollStateError(`${file}: ${(err as Error).message}`);
  }
}
