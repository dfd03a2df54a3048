// The CPU-heavy, pure steps of taking in the news, off the bot's main thread. Parsing a big feed
// (20-odd ms), reducing an article page to its story with Readability (as long) and reading a
// report (extract.ts: a few ms each, but tens for a long one and some hundreds for the first in
// a process, while chrono-node and the stemmers warm up) are synchronous work that would hold
// every reader's answer for that long; 200 feeds a poll make such holds frequent. So the bot
// runs them in one long-lived worker thread (parse-worker.ts, bundled next to main.js) and only
// posts the text and awaits the result; the functions are the same feed.ts, page.ts and
// extract.ts.
//
// Where the worker is not built (tests and CLIs run from src/ with tsx) the same functions run
// in-process.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { WorkerClient, type SentError, type WorkerResponse } from "../worker-client.ts";
import type { Article, Understanding, UnderstandOptions } from "../ingest/draft.ts";
import { understand } from "../ingest/extract.ts";
import { NameIndex, parseNames } from "../ingest/names.ts";
import { articleFromHtml, type PageArticle } from "../ingest/page.ts";
import { FeedParseError, itemText, parseFeed, type FeedItem, type ParsedFeed } from "./feed.ts";

export interface FeedParsing {
  /** feed.ts parseFeed; rejects with FeedParseError for what is not a feed. */
  parseFeed(text: string, feedUrl: string): Promise<ParsedFeed>;
  /** feed.ts itemText: an item's HTML as the article's title and text. */
  itemText(item: FeedItem): Promise<{ title?: string; body: string }>;
  /** page.ts articleFromHtml: the story inside a page. */
  articleFromHtml(html: string): Promise<PageArticle>;
  /** extract.ts understand, with the names of `namesFile` (read once, at the first report). */
  understand(article: Article, namesFile: string, options: UnderstandOptions): Promise<Understanding>;
  /** Lets the worker go (calls under way are refused). */
  close(): Promise<void>;
  /** Whether the work runs in a worker thread. */
  readonly offThread: boolean;
}

/** One request to the worker; every field is plain data (a FeedItem's Date survives the copy). */
export type ParseRequest =
  | { seq: number; op: "parseFeed"; text: string; feedUrl: string }
  | { seq: number; op: "itemText"; item: FeedItem }
  | { seq: number; op: "articleFromHtml"; html: string }
  | { seq: number; op: "understand"; article: Article; namesFile: string; options: UnderstandOptions };

export type ParseResponse = WorkerResponse;

// Bundled next to the bot by `npm run build` (dist/parse-worker.js beside dist/main.js).
const WORKER_FILE = fileURLToPath(new URL("./parse-worker.js", import.meta.url));

/** The worker when it is built, else the same functions in this thread. `workerFile`: another built worker (tests). */
export function openFeedParsing(opts: { workerFile?: string } = {}): FeedParsing {
  const file = opts.workerFile ?? WORKER_FILE;
  return existsSync(file) ? new WorkerFeedParsing(file) : inProcessFeedParsing;
}

export const inProcessFeedParsing: FeedParsing = {
  parseFeed: async (text, feedUrl) => parseFeed(text, feedUrl),
  itemText: async (item) => itemText(item),
  articleFromHtml: async (html) => articleFromHtml(html),
  understand: async (article, namesFile, options) => understand(article, namesOf(namesFile), options),
  close: async () => {},
  offThread: false,
};

/** Runs a request (in the worker); errors travel as plain data. */
export function handleParseRequest(req: ParseRequest): ParseResponse {
  try {
    const value =
      req.op === "parseFeed"
        ? parseFeed(req.text, req.feedUrl)
        : req.op === "itemText"
          ? itemText(req.item)
          : req.op === "articleFromHtml"
            ? articleFromHtml(req.html)
            : understand(req.article, namesOf(req.namesFile), req.options);
    return { seq: req.seq, ok: true, value };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return { seq: req.seq, ok: false, error: { name: e.name, message: e.message } };
  }
}

/** The names files read, by path: read once per thread, as the bot reads its own at start. */
const nameIndexes = new Map<string, NameIndex>();
function namesOf(file: string): NameIndex {
  let names = nameIndexes.get(file);
  if (!names) nameIndexes.set(file, (names = new NameIndex(parseNames(JSON.parse(readFileSync(file, "utf8")), file))));
  return names;
}

type Unsent<T> = T extends unknown ? Omit<T, "seq"> : never;

class WorkerFeedParsing implements FeedParsing {
  readonly offThread = true;
  readonly #worker: WorkerClient;

  constructor(workerFile: string) {
    // The calls in hand fail (the poller offers their items again next time); the next call starts a new worker.
    this.#worker = new WorkerClient({ file: workerFile, stopped: (why) => new Error(`the feed parsing worker stopped: ${why}`), revive });
  }

  parseFeed(text: string, feedUrl: string) {
    return this.#call<ParsedFeed>({ op: "parseFeed", text, feedUrl });
  }
  itemText(item: FeedItem) {
    return this.#call<{ title?: string; body: string }>({ op: "itemText", item });
  }
  articleFromHtml(html: string) {
    return this.#call<PageArticle>({ op: "articleFromHtml", html });
  }
  understand(article: Article, namesFile: string, options: UnderstandOptions) {
    return this.#call<Understanding>({ op: "understand", article, namesFile, options });
  }

  close(): Promise<void> {
    return this.#worker.close();
  }

  #call<T>(req: Unsent<ParseRequest>): Promise<T> {
    return this.#worker.call<T>(req);
  }
}

function revive(e: SentError): Error {
  const err = e.name === "FeedParseError" ? new FeedParseError(e.message) : new Error(e.message);
  if (e.name !== "FeedParseError") err.name = e.name;
  return err;
}
