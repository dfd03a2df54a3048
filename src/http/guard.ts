// What every request passes before a route: a per-client rate limit, size limits and the
// security headers. Pure parts (the token bucket) are separate from the middleware.
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getConnInfo } from "@hono/node-server/conninfo";

/**
 * Token buckets per client: `perMinute` requests a minute on average, in bursts of up to
 * `burst`. Buckets that have refilled are forgotten, so memory follows the active clients only.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly perMinute: number,
    readonly burst: number = Math.max(1, Math.ceil(perMinute / 2)),
  ) {}

  /** Takes a token for `client` at `nowMs`; when none is left, says how many seconds until one is. */
  take(client: string, nowMs: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const rate = this.perMinute / 60_000;
    const b = this.#buckets.get(client) ?? { tokens: this.burst, at: nowMs };
    b.tokens = Math.min(this.burst, b.tokens + (nowMs - b.at) * rate);
    b.at = nowMs;
    if (b.tokens < 1) {
      this.#buckets.set(client, b);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000)) };
    }
    b.tokens -= 1;
    this.#buckets.set(client, b);
    if (this.#buckets.size > 10_000) this.#forgetFull(nowMs);
    return { ok: true };
  }

  #forgetFull(nowMs: number): void {
    const rate = this.perMinute / 60_000;
    for (const [k, b] of this.#buckets) if (b.tokens + (nowMs - b.at) * rate >= this.burst) this.#buckets.delete(k);
  }
}

/**
 * Who the client is. Behind a reverse proxy every request comes from the proxy: with
 * HTTP_TRUST_PROXY the last X-Forwarded-For hop (the one our proxy added, which a client
 * cannot forge) names it instead.
 */
export function clientOf(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = c.req.header("X-Forwarded-For")?.split(",");
    const last = hops?.[hops.length - 1]?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // Not served by @hono/node-server (app.request() in a unit test).
    return "local";
  }
}

export function rateLimit(limiter: RateLimiter | undefined, trustProxy: boolean, exempt: (path: string) => boolean, now: () => number): MiddlewareHandler {
  return async (c, next) => {
    if (!limiter || exempt(c.req.path)) return next();
    const verdict = limiter.take(clientOf(c, trustProxy), now());
    if (!verdict.ok) {
      return c.json({ error: "too many requests" }, 429, { "Retry-After": String(verdict.retryAfterSeconds) });
    }
    return next();
  };
}

/** Bodies: a Telegram update is a few kilobytes; nothing else we serve takes a body at all. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;
export const OTHER_BODY_LIMIT = 16 * 1024;

export function sizeLimit(maxSize: number): MiddlewareHandler {
  return bodyLimit({ maxSize, onError: (c) => c.json({ error: "request too large" }, 413) });
}

/**
 * Telegram's web clients, allowed to frame our pages: the timeline opens there as a Mini App.
 * (The mobile and desktop apps use a web view, which frame-ancestors does not concern.)
 */
export const TELEGRAM_FRAME_ANCESTORS = ["https://web.telegram.org", "https://webk.telegram.org", "https://webz.telegram.org"];

/** A page may load scripts from Telegram (the Mini App script) and nothing else but itself. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' https://telegram.org",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  `frame-ancestors 'self' ${TELEGRAM_FRAME_ANCESTORS.join(" ")}`,
].join("; ");

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Referrer-Policy", "strict-origin-when-cross-origin");
  const type = c.res.headers.get("Content-Type") ?? "";
  // A page sets its own policy if it needs another; anything else cannot run code at all.
  if (!c.res.headers.has("Content-Security-Policy")) {
    c.header("Content-Security-Policy", type.startsWith("text/html") ? PAGE_CSP : "default-src 'none'; frame-ancestors 'none'");
  }
};
