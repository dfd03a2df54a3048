// The webhook: Telegram POSTs each update to WEBHOOK_URL's path (the reverse proxy forwards it
// unchanged) with the secret we gave setWebhook in X-Telegram-Bot-Api-Secret-Token. Anything
// without the right secret gets 401 and is counted; the comparison takes the same time whatever
// the guess. Updates run through the same bot (the same middleware, per-chat order kept by its
// sequentialize) as under long polling.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Hono } from "hono";
import { webhookCallback, type Bot } from "grammy";
import type { ParleyContext } from "../bot/context.ts";
import type { HttpDeps } from "./deps.ts";

export const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

/**
 * How long Telegram's request is held while its update is handled. A quick update gets its
 * answer (and an error in it surfaces as a 500 that Telegram retries); a slow one is answered
 * 200 at this point and goes on being handled, since Telegram resends an update it does not get
 * an answer to within its own timeout, and a resend would repeat the reply.
 */
export const WEBHOOK_ANSWER_MS = 2_000;

export interface WebhookOptions {
  /** WEBHOOK_URL's path. */
  path: string;
  secret: string;
  bot: Bot<ParleyContext>;
}

/** Compares two secrets in constant time (hashing first makes the lengths equal too). */
export function secretMatches(given: string | undefined, secret: string): boolean {
  const a = createHash("sha256").update(given ?? "").digest();
  const b = createHash("sha256").update(secret).digest();
  return timingSafeEqual(a, b) && given !== undefined;
}

export function webhookRoutes(app: Hono, deps: HttpDeps, opts: WebhookOptions): void {
  // The secret was checked above: grammY's own check would only repeat it.
  const handle = webhookCallback(opts.bot, "hono", { onTimeout: "return", timeoutMilliseconds: WEBHOOK_ANSWER_MS });
  app.post(opts.path, async (c) => {
    if (!secretMatches(c.req.header(SECRET_HEADER), opts.secret)) {
      deps.metrics.webhookRefused();
      return c.json({ error: "unauthorized" }, 401);
    }
    return handle(c);
  });
}
