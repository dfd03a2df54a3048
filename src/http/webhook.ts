// The webhook: Telegram POSTs each update to WEBHOOK_URL's path (the reverse proxy forwards it
// unchanged) with the secret we gave setWebhook in X-Telegram-Bot-Api-Secret-Token. Anything
// without the right secret gets 401 and is counted; the comparison takes the same time whatever
// the guess. Updates run through the same bot (the same middleware, per-chat order kept by its
// sequentialize) as under long polling.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Hono } from "hono";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { ParleyContext } from "../bot/context.ts";
import type { HttpDeps } from "./deps.ts";

export const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

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

/**
 * Takes each update and answers 200 at once, the update then handled as under polling. Not
 * grammY's webhookCallback: it holds Telegram's request until the update is handled (or a
 * time-out abandons it untracked), which caps throughput at max_connections updates per
 * reply time and loses track of the work a graceful stop must wait for; here the metrics'
 * middleware tracks every update in flight (Metrics#idle). Nothing is lost by answering
 * first: a failing handler is answered by the bot's error boundary, never retried by Telegram.
 */
export function webhookRoutes(app: Hono, deps: HttpDeps, opts: WebhookOptions): void {
  app.post(opts.path, async (c) => {
    if (!secretMatches(c.req.header(SECRET_HEADER), opts.secret)) {
      deps.metrics.webhookRefused();
      return c.json({ error: "unauthorized" }, 401);
    }
    let update: Update;
    try {
      update = await c.req.json<Update>();
    } catch {
      return c.json({ error: "not a JSON update" }, 400);
    }
    if (typeof update?.update_id !== "number") return c.json({ error: "not a JSON update" }, 400);
    opts.bot.handleUpdate(update).catch((err: unknown) => deps.log.error("webhook update failed", { update: update.update_id, error: err instanceof Error ? err.message : String(err) }));
    return c.body(null, 200);
  });
}
