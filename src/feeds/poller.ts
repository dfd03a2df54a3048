// The feeds, polled: each feed when it is due (its poll interval, or its back-off after
// failures), a bounded number at once, never two requests at once to one host (the fetcher's
// per-host queues). Each new item (not yet processed by id, link, or the outlet's same words)
// becomes an IncomingArticle, with the article page's text when the feed gives only a teaser,
// and is handed to the intake; only once the intake has decided is the item marked processed,
// and only once every new item of a fetch is processed are the feed's validators (ETag,
// Last-Modified) kept. A crash anywhere in between re-offers the items after the restart.
//
// Parsing a big feed is synchronous; the poller yields to the event loop after it and between
// items, so the bot's answers wait for one item at most, not for a poll.
import { readFile, stat } from "node:fs/promises";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import PQueue from "p-queue";
import type { Logger } from "../log.ts";
import { parseFeed, itemText, FeedParseError, type FeedItem } from "./feed.ts";
import { createFetcher, FetchError, PAGE_ACCEPT, parleyUserAgent, type Fetcher, type FetcherOptions } from "./fetching/fetcher.ts";
import { fingerprint, itemId, normaliseLink } from "./identity.ts";
import type { FeedDown, IncomingArticle, Intake } from "../ingest/incoming.ts";
import { articleFromHtml } from "../ingest/page.ts";
import { backoffMs, PollState, type FeedState, type ProcessedItem } from "./poll-state.ts";
import { describeSourcesProblem, parseSources, type Feed } from "./sources.ts";

export interface PollerOptions {
  /** $DATA_DIR/sources.json; re-read when it changes, a bad edit keeps the last good list. */
  sourcesFile: string;
  /** $DATA_DIR/state */
  stateDir: string;
  intake: Intake;
  /** A feed has failed for `downAfterMs` (a day): called once per outage. */
  onFeedDown?: (down: FeedDown) => void | Promise<void>;
  /** A fetcher to share (the editors' links use the same politeness), or options for one. */
  fetcher?: Fetcher | FetcherOptions;
  clock?: () => Date;
  log?: Logger;
  /** Feeds polled at once (default 4). */
  concurrency?: number;
  /** An item's text shorter than this (title aside) is a teaser: the article page is fetched (default 400). */
  teaserChars?: number;
  /** Processed items are forgotten after this many days; older items in a feed are skipped (default 30). */
  retentionDays?: number;
  /** Back-off never waits longer than this (default 6 h). */
  backoffCapMs?: number;
  /** Failing this long makes an outage the editors hear of (default 24 h). */
  downAfterMs?: number;
  /** Poll due feeds on a timer (default true); false: only when pollOnce() is called. */
  auto?: boolean;
}

export interface FeedReport {
  feedId: string;
  result: "new" | "not-modified" | "failed";
  /** Items in the feed, and those handed to the intake this time. */
  items: number;
  offered: number;
  /** Recognised as an item already processed (by link or the outlet's same words). */
  repeats: number;
  /** Published before the retention window: never offered (they would be forgotten and offered again). */
  old?: number;
  error?: string;
}

export interface PollReport {
  at: string;
  feeds: FeedReport[];
  /** The sources file's problems, when it is bad (the last good list, if any, was polled). */
  sourcesProblems?: string[];
}

export interface Poller {
  /** Polls the feeds that are due (all enabled feeds with `all`) and resolves when they are done. */
  pollOnce(opts?: { all?: boolean }): Promise<PollReport>;
  /** Stops the timer, lets the item in hand finish, skips the rest; resolves when nothing runs. */
  stop(): Promise<void>;
}

const MINUTE = 60_000;
/** The timer looks for due feeds at least this often (a feed's interval is whole minutes). */
const TICK_MS = 30_000;

export async function startPoller(options: PollerOptions): Promise<Poller> {
  const clock = options.clock ?? (() => new Date());
  const log = options.log;
  const fetcher: Fetcher =
    options.fetcher && "get" in options.fetcher ? options.fetcher : createFetcher({ userAgent: parleyUserAgent(), now: () => clock().getTime(), ...options.fetcher });
  const teaserChars = options.teaserChars ?? 400;
  const retentionMs = (options.retentionDays ?? 30) * 24 * 60 * MINUTE;
  const capMs = options.backoffCapMs ?? 6 * 60 * MINUTE;
  const downAfterMs = options.downAfterMs ?? 24 * 60 * MINUTE;
  const state = await PollState.open(options.stateDir);

  let feeds: Feed[] = [];
  let sourcesSeen: { mtimeMs: number; size: number } | undefined;
  let sourcesProblems: string[] | undefined;
  let stopping = false;
  /** Withdraws the requests under way when the poller stops: a stop does not wait for a slow outlet. */
  const halt = new AbortController();
  /** Polls run one after another, whether the timer or a caller asked. */
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  /** Links and fingerprints being handed to the intake right now, so two feeds do not offer one story twice. */
  const inFlight = new Map<string, Promise<string | undefined>>();

  async function loadSources(): Promise<void> {
    let seen: { mtimeMs: number; size: number };
    try {
      const s = await stat(options.sourcesFile);
      seen = { mtimeMs: s.mtimeMs, size: s.size };
    } catch (err) {
      sourcesProblems = [`${options.sourcesFile}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file; copy data/sources.json there or set DATA_DIR" : (err as Error).message}`];
      log?.warn("the sources file cannot be read; polling the last good list", { problems: sourcesProblems });
      return;
    }
    if (sourcesSeen && seen.mtimeMs === sourcesSeen.mtimeMs && seen.size === sourcesSeen.size) return;
    sourcesSeen = seen;
    const parsed = parseSources(await readFile(options.sourcesFile, "utf8"), options.sourcesFile);
    if (parsed.ok) {
      feeds = parsed.feeds;
      sourcesProblems = undefined;
    } else {
      sourcesProblems = parsed.problems.map(describeSourcesProblem);
      log?.warn(`the sources file has errors; ${feeds.length ? "polling the last good list" : "polling nothing"} until it is fixed`, { problems: sourcesProblems });
    }
  }

  function isDue(feed: Feed, fs: FeedState, now: number): boolean {
    if (fs.nextTry) return Date.parse(fs.nextTry) <= now;
    return !fs.lastAttempt || Date.parse(fs.lastAttempt) + feed.pollMinutes * MINUTE <= now;
  }

  async function pollOnce(opts: { all?: boolean } = {}): Promise<PollReport> {
    await loadSources();
    const now = clock().getTime();
    await state.prune(new Date(now - retentionMs));
    const due = feeds.filter((f) => f.enabled && (opts.all || isDue(f, state.feed(f.id), now)));
    const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
    const reports = await Promise.all(due.map((feed) => queue.add(() => pollFeed(feed))));
    return { at: new Date(now).toISOString(), feeds: reports.filter((r): r is FeedReport => r !== undefined), ...(sourcesProblems ? { sourcesProblems } : {}) };
  }

  async function pollFeed(feed: Feed): Promise<FeedReport | undefined> {
    if (stopping) return undefined;
    const before = state.feed(feed.id);
    const attempt = clock().toISOString();
    try {
      const fetched = await fetcher.get(feed.url, { validators: { etag: before.etag, lastModified: before.lastModified }, signal: halt.signal });
      if (fetched.status === 304) {
        await succeeded(feed, { ...before, lastAttempt: attempt });
        return { feedId: feed.id, result: "not-modified", items: 0, offered: 0, repeats: 0 };
      }
      const items: FeedItem[] = parseFeed(fetched.text, fetched.url).items;
      await yieldToLoop();
      let offered = 0;
      let repeats = 0;
      let old = 0;
      let complete = true;
      for (const item of items) {
        if (stopping) {
          complete = false;
          break;
        }
        const done = await processItem(feed, item);
        if (done === "offered") offered++;
        else if (done === "repeat") repeats++;
        else if (done === "skipped") old++;
        else if (done === "failed") complete = false;
        await yieldToLoop();
      }
      // The validators are kept only when every new item was decided on: otherwise a 304 next
      // time would hide the items still to do.
      const next: FeedState = complete ? { ...before, etag: fetched.etag, lastModified: fetched.lastModified } : { ...before };
      await succeeded(feed, { ...next, lastAttempt: attempt });
      return { feedId: feed.id, result: "new", items: items.length, offered, repeats, ...(old ? { old } : {}) };
    } catch (err) {
      // Stopped mid-request: the feed did not fail, it is asked again at the next start.
      if (stopping) return undefined;
      const expected = err instanceof FetchError || err instanceof FeedParseError;
      const message = err instanceof FeedParseError ? `${feed.url}: ${err.message}` : expected ? (err as Error).message : `${(err as Error).name}: ${(err as Error).message}`;
      if (!expected) log?.error(`polling ${feed.id} failed unexpectedly`, { error: err });
      await failed(feed, before, attempt, message, err instanceof FetchError ? err.detail.retryAfterMs : undefined);
      return { feedId: feed.id, result: "failed", items: 0, offered: 0, repeats: 0, error: message };
    }
  }

  async function succeeded(feed: Feed, next: FeedState): Promise<void> {
    await state.setFeed(feed.id, {
      ...next,
      lastSuccess: next.lastAttempt,
      failures: 0,
      failingSince: undefined,
      nextTry: new Date(Date.parse(next.lastAttempt!) + feed.pollMinutes * MINUTE).toISOString(),
      toldDown: false,
    });
  }

  async function failed(feed: Feed, before: FeedState, attempt: string, error: string, retryAfterMs?: number): Promise<void> {
    const failures = before.failures + 1;
    const failingSince = before.failingSince ?? attempt;
    const now = Date.parse(attempt);
    let next: FeedState = {
      ...before,
      lastAttempt: attempt,
      lastError: error,
      lastErrorAt: attempt,
      failures,
      failingSince,
      nextTry: new Date(now + backoffMs(failures, feed.pollMinutes * MINUTE, capMs, retryAfterMs)).toISOString(),
    };
    log?.warn(`feed ${feed.id} failed (${failures} in a row)`, { error, nextTry: next.nextTry });
    if (!next.toldDown && now - Date.parse(failingSince) >= downAfterMs) {
      try {
        await options.onFeedDown?.({ feedId: feed.id, outlet: feed.outlet, url: feed.url, failingSince, lastError: error });
        next = { ...next, toldDown: true };
      } catch (err) {
        log?.error(`telling the editors that ${feed.id} is down failed; tried again at its next failure`, { error: err });
      }
    }
    await state.setFeed(feed.id, next);
  }

  /** "offered" to the intake, a "repeat" of an item processed, "known" already, "failed" (offered again next time), "skipped" (too old). */
  async function processItem(feed: Feed, item: FeedItem): Promise<"offered" | "repeat" | "known" | "failed" | "skipped"> {
    const id = itemId(feed.id, item);
    if (state.item(id)) return "known";
    if (item.published && item.published.getTime() < clock().getTime() - retentionMs) return "skipped";
    const link = item.link ? normaliseLink(item.link) : undefined;
    const fp = fingerprint(item.title, item.content ?? item.summary ?? "");
    const keys = [link && `link\n${link}`, fp && `fp\n${feed.outlet}\n${fp}`].filter((k): k is string => !!k);

    const earlier = await claimOrRepeat(feed, link, fp, keys);
    if ("duplicateOf" in earlier) {
      await state.markProcessed({ id, feedId: feed.id, outlet: feed.outlet, title: item.title, link: item.link, normalisedLink: link, fingerprint: fp, text: { from: "feed", chars: 0 }, outcome: earlier, at: clock().toISOString() });
      return "repeat";
    }
    const { claim, settle } = earlier;
    try {
      const { title, body } = itemText(item);
      let text = [title, body].filter(Boolean).join("\n");
      const source: ProcessedItem["text"] = { from: "feed", chars: text.length };
      let pagePublished: string | undefined;
      if (body.length < teaserChars && item.link) {
        try {
          const page = await fetcher.get(item.link, { accept: PAGE_ACCEPT, signal: halt.signal });
          if (page.status === 200) {
            await yieldToLoop();
            const article = articleFromHtml(page.text);
            if (article.text.length > text.length) {
              text = article.text;
              source.from = "page";
              source.chars = text.length;
              pagePublished = article.published;
            }
          }
        } catch (err) {
          // Stopped while the page was read: the item is not decided, and is offered again.
          if (stopping) throw err;
          source.pageError = err instanceof FetchError ? err.message : (err as Error).message;
        }
      }
      const published = item.published ? dayIn(item.published, feed.timezone) : (pagePublished ?? dayIn(clock(), feed.timezone));
      const article: IncomingArticle = { id, text, title, url: item.link, outlet: feed.outlet, language: feed.language, published, origin: { kind: "feed", feedId: feed.id } };
      const outcome = await options.intake.receive(article);
      await state.markProcessed({ id, feedId: feed.id, outlet: feed.outlet, title, link: item.link, normalisedLink: link, fingerprint: fp, published, text: source, outcome, at: clock().toISOString() });
      settle(id);
      return "offered";
    } catch (err) {
      settle(undefined);
      if (!stopping) log?.error(`item ${id} was not taken; it is offered again at the next poll`, { error: err });
      return "failed";
    } finally {
      for (const k of keys) if (inFlight.get(k) === claim) inFlight.delete(k);
    }
  }

  /**
   * The processed item this one repeats, if any; else a claim on its link and words, taken with
   * no await after the last look, so no other item can slip in between. An item with the same
   * link or words being handed to the intake right now is waited for.
   */
  async function claimOrRepeat(
    feed: Feed,
    link: string | undefined,
    fp: string | undefined,
    keys: string[],
  ): Promise<{ duplicateOf: string; by: "link" | "fingerprint" } | { claim: Promise<string | undefined>; settle: (id: string | undefined) => void }> {
    for (;;) {
      const key = keys.find((k) => inFlight.has(k));
      if (key === undefined) break;
      const other = await inFlight.get(key);
      if (other) return { duplicateOf: other, by: key.startsWith("link") ? "link" : "fingerprint" };
      // That one failed and let go of its keys: look again.
    }
    const byLink = link ? state.withLink(link) : undefined;
    if (byLink) return { duplicateOf: byLink.id, by: "link" };
    const byFp = fp ? state.withFingerprint(feed.outlet, fp) : undefined;
    if (byFp) return { duplicateOf: byFp.id, by: "fingerprint" };
    let settle!: (id: string | undefined) => void;
    const claim = new Promise<string | undefined>((r) => (settle = r));
    for (const k of keys) inFlight.set(k, claim);
    return { claim, settle };
  }

  function schedule(): void {
    if (stopping || options.auto === false) return;
    timer = setTimeout(() => {
      void serially(() => pollOnce())
        .catch((err) => log?.error("a poll failed", { error: err }))
        .finally(schedule);
    }, nextWakeMs());
    timer.unref();
  }

  function nextWakeMs(): number {
    const now = clock().getTime();
    let soonest = TICK_MS;
    for (const f of feeds) {
      if (!f.enabled) continue;
      const fs = state.feed(f.id);
      const at = fs.nextTry ? Date.parse(fs.nextTry) : fs.lastAttempt ? Date.parse(fs.lastAttempt) + f.pollMinutes * MINUTE : now;
      soonest = Math.min(soonest, Math.max(0, at - now));
    }
    return Math.max(1000, soonest);
  }

  function serially<T>(work: () => Promise<T>): Promise<T> {
    const next = running.then(work, work);
    running = next.catch(() => undefined);
    return next;
  }

  if (options.auto !== false) {
    await loadSources();
    schedule();
  }

  return {
    pollOnce: (opts) => serially(() => pollOnce(opts)),
    async stop() {
      stopping = true;
      halt.abort();
      if (timer) clearTimeout(timer);
      await running;
      await state.close();
    },
  };
}

/** The day an instant falls on in a zone, YYYY-MM-DD. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}
