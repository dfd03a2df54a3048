// Fetching like a good citizen, on Node's own fetch: robots.txt asked first, one request at a
// time per host and a pause between them (a p-queue per host), conditional GET, compressed
// bodies, a timeout, a size cap enforced while the body streams in (a gzip bomb is stopped by
// its unpacked size), a redirect cap with no https→http downgrade, and an honest User-Agent.
// Every failure is a FetchError whose kind says what went wrong, so the poller can word it for
// `sources` and decide how long to back off.
import PQueue from "p-queue";
import { decodeBody } from "../../ingest/charset.ts";
import { RobotsCache } from "./robots.ts";
import pkg from "../../../package.json" with { type: "json" };

export interface FetcherOptions {
  /** From parleyUserAgent(). */
  userAgent: string;
  /** For one request, headers and body (default 20 s). */
  timeoutMs?: number;
  /** The largest body taken, unpacked (default 5 MiB). */
  maxBytes?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /** The least time between two requests to one host (default 1 s). */
  hostIntervalMs?: number;
  robotsTtlMs?: number;
  robotsUnreachableMs?: number;
  /** Milliseconds since the epoch; the robots cache's clock. */
  now?: () => number;
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type Fetched =
  | { status: 200; url: string; text: string; contentType: string | null; etag?: string; lastModified?: string }
  | { status: 304; url: string };

/** "stopped": the caller withdrew the request (the poller stopping). */
export type FetchErrorKind = "timeout" | "too-large" | "redirects" | "downgrade" | "robots" | "http" | "network" | "stopped";

export class FetchError extends Error {
  override name = "FetchError";
  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    readonly detail: { status?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
  }
}

export interface Fetcher {
  /** GET with the politeness above; `validators` make it conditional (304: nothing new). */
  get(url: string, opts?: { validators?: Validators; accept?: string; signal?: AbortSignal }): Promise<Fetched>;
}

/** "ParleyBot/0.1.0 (+https://parley.example.org)": who we are and where to read about us. */
export function parleyUserAgent(publicUrl?: string): string {
  // package.json is imported, not read at run time: esbuild puts it in the bundle, so the
  // version is right however dist/main.js is started.
  const about = publicUrl ?? (pkg as { homepage?: string }).homepage;
  return `ParleyBot/${pkg.version}${about ? ` (+${about})` : ""}`;
}

export const FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
export const PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
/** The least robots.txt the RFC asks a crawler to read. */
const ROBOTS_MAX_BYTES = 500 * 1024;

export function createFetcher(options: FetcherOptions): Fetcher {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const hostIntervalMs = options.hostIntervalMs ?? 1000;
  const hosts = new Map<string, PQueue>();

  const queueFor = (url: URL): PQueue => {
    let q = hosts.get(url.host);
    if (!q) {
      // strict: a sliding window, so two requests never start closer than the interval (the
      // default fixed window lets one start at its end and the next at the new one's start).
      const queue = hostIntervalMs > 0 ? new PQueue({ concurrency: 1, intervalCap: 1, interval: hostIntervalMs, strict: true }) : new PQueue({ concurrency: 1 });
      // An article link can be on any host: a queue is dropped once idle for its interval.
      queue.on("idle", () => {
        const t = setTimeout(() => {
          if (queue.size === 0 && queue.pending === 0 && hosts.get(url.host) === queue) hosts.delete(url.host);
        }, hostIntervalMs);
        t.unref();
      });
      hosts.set(url.host, queue);
      q = queue;
    }
    return q;
  };

  const robots = new RobotsCache({
    agent: options.userAgent.split("/")[0],
    now: options.now ?? Date.now,
    ttlMs: options.robotsTtlMs,
    unreachableMs: options.robotsUnreachableMs,
    fetchRobots: async (robotsUrl) => {
      const r = await follow(robotsUrl, { accept: "text/plain", maxBytes: ROBOTS_MAX_BYTES, checkRobots: false });
      return { status: r.status, text: r.status === 200 ? decodeBody(r.body, r.contentType) : "" };
    },
  });

  interface Exchange {
    status: number;
    url: string;
    body: Uint8Array;
    contentType: string | null;
    headers: Headers;
  }

  /** Follows redirects; every hop waits its turn at its host and, for content, asks robots.txt first. */
  async function follow(start: string, opts: { accept: string; maxBytes: number; checkRobots: boolean; validators?: Validators; signal?: AbortSignal }): Promise<Exchange> {
    let url = new URL(start);
    const seen = new Set<string>();
    for (let hop = 0; ; hop++) {
      if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchError("network", `cannot fetch ${url.protocol} addresses`);
      if (opts.checkRobots) {
        const refusal = await robots.refusal(url.href);
        if (refusal) throw new FetchError("robots", refusal);
      }
      seen.add(url.href);
      const current = url;
      const response = await queueFor(current).add(() => {
        // Withdrawn while it waited its turn at the host: no request at all.
        if (opts.signal?.aborted) throw new FetchError("stopped", `${current.host}: the request was withdrawn`);
        return exchange(current, opts);
      });
      if (response.status < 300 || response.status >= 400 || response.status === 304) return response;
      const location = response.headers.get("location");
      if (!location) return response;
      const next = new URL(location, current);
      if (current.protocol === "https:" && next.protocol === "http:") throw new FetchError("downgrade", `redirected from https to plain http (${next.href}); not followed`);
      if (seen.has(next.href)) throw new FetchError("redirects", `redirect loop: ${next.href} again after ${hop + 1} redirect(s)`);
      if (hop + 1 > maxRedirects) throw new FetchError("redirects", `more than ${maxRedirects} redirects (last to ${next.href})`);
      url = next;
    }
  }

  async function exchange(url: URL, opts: { accept: string; maxBytes: number; validators?: Validators; signal?: AbortSignal }): Promise<Exchange> {
    const headers: Record<string, string> = {
      "user-agent": options.userAgent,
      accept: opts.accept,
      // Node's fetch unpacks these three itself.
      "accept-encoding": "gzip, deflate, br",
    };
    if (opts.validators?.etag) headers["if-none-match"] = opts.validators.etag;
    if (opts.validators?.lastModified) headers["if-modified-since"] = opts.validators.lastModified;
    const abort = new AbortController();
    // Through globalThis: a bare `AbortSignal` in the bundle makes esbuild rename the
    // abort-controller shim's class of that name, which grammY's HTTP client (node-fetch)
    // recognises by its name, and every Bot API call would fail.
    const signal = globalThis.AbortSignal.any([abort.signal, globalThis.AbortSignal.timeout(timeoutMs), ...(opts.signal ? [opts.signal] : [])]);
    try {
      const response = await fetch(url, { headers, redirect: "manual", signal });
      const contentType = response.headers.get("content-type");
      if (response.status !== 200) {
        await response.body?.cancel().catch(() => undefined);
        return { status: response.status, url: url.href, body: new Uint8Array(), contentType, headers: response.headers };
      }
      const declared = Number(response.headers.get("content-length"));
      if (declared > opts.maxBytes && !response.headers.get("content-encoding")) {
        abort.abort();
        throw new FetchError("too-large", `${url.href} is ${declared} bytes, more than the ${opts.maxBytes} taken`);
      }
      const body = await readCapped(response, opts.maxBytes, url.href, () => abort.abort());
      return { status: 200, url: url.href, body, contentType, headers: response.headers };
    } catch (err) {
      if (err instanceof FetchError) throw err;
      if (opts.signal?.aborted) throw new FetchError("stopped", `${url.host}: the request was withdrawn`);
      if (signal.aborted && (signal.reason as Error | undefined)?.name === "TimeoutError")
        throw new FetchError("timeout", `no complete answer from ${url.host} within ${timeoutMs / 1000} s`);
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new FetchError("network", `${url.host}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
    }
  }

  return {
    async get(url, opts = {}) {
      const r = await follow(url, { accept: opts.accept ?? FEED_ACCEPT, maxBytes, checkRobots: true, validators: opts.validators, signal: opts.signal });
      if (r.status === 304) return { status: 304, url: r.url };
      if (r.status !== 200) {
        const retryAfterMs = retryAfter(r.headers.get("retry-after"), options.now ?? Date.now);
        throw new FetchError("http", `HTTP ${r.status} from ${r.url}`, { status: r.status, retryAfterMs });
      }
      return {
        status: 200,
        url: r.url,
        text: decodeBody(r.body, r.contentType),
        contentType: r.contentType,
        etag: r.headers.get("etag") ?? undefined,
        lastModified: r.headers.get("last-modified") ?? undefined,
      };
    },
  };
}

async function readCapped(response: Response, maxBytes: number, url: string, abort: () => void): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      abort();
      await reader.cancel().catch(() => undefined);
      throw new FetchError("too-large", `${url} is larger than the ${maxBytes} bytes taken`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Retry-After in seconds or as an HTTP date, as milliseconds from now. */
function retryAfter(value: string | null, now: () => number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now());
}
