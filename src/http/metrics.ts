// Prometheus metrics (prom-client), one registry per process. Counters are fed by small hooks:
// a grammY middleware for updates (`updateMiddleware`), the jobs' observer, the webhook's
// refusals; gauges read their value at scrape time (outbox depth, sends, record size), so
// nothing is counted twice and no store is touched between scrapes.
import type { Hono } from "hono";
import type { Context, MiddlewareFn } from "grammy";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { HttpDeps } from "./deps.ts";

/** Where the scrape-time gauges read from; each may be missing (not started yet, or not in this process). */
export interface MetricSources {
  outboxDepth?: () => number;
  /** The sender's running totals (Sender#totals). */
  sends?: () => { sent: number; retried429: number; retriedOther: number; refused: number; failed: number; migrated: number };
  recordEntries?: () => number;
  changesAnnounced?: () => number;
}

/** The kind of an update, as the Bot API names its one optional field ("message", "callback_query", …). */
function updateKind(ctx: Context): string {
  for (const key of Object.keys(ctx.update)) if (key !== "update_id") return key;
  return "unknown";
}

export class Metrics {
  readonly registry = new Registry();
  readonly sources: MetricSources = {};
  readonly #updates = new Counter({ name: "parley_updates_total", help: "Telegram updates handled, by kind", labelNames: ["kind"] as const, registers: [this.registry] });
  readonly #updateErrors = new Counter({ name: "parley_update_errors_total", help: "Updates whose handling threw", registers: [this.registry] });
  readonly #latency = new Histogram({
    name: "parley_reply_seconds",
    help: "Time from an update's arrival to the end of its handling (the reply sent)",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly #webhookRefused = new Counter({ name: "parley_webhook_unauthorized_total", help: "Webhook requests refused for a missing or wrong secret token", registers: [this.registry] });
  readonly #digestRuns = new Counter({ name: "parley_digest_runs_total", help: "Digest job ticks, by outcome", labelNames: ["outcome"] as const, registers: [this.registry] });
  readonly #reloadErrors = new Counter({ name: "parley_record_reload_errors_total", help: "Reloads of events.json refused as invalid", registers: [this.registry] });
  readonly #httpRequests = new Counter({ name: "parley_http_requests_total", help: "HTTP requests, by route and status", labelNames: ["route", "status"] as const, registers: [this.registry] });
  #inFlight = 0;
  #idle: (() => void)[] = [];

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "parley_" });
    const sources = this.sources;
    new Gauge({
      name: "parley_outbox_depth",
      help: "Messages waiting in the outbox",
      registers: [this.registry],
      collect() {
        this.set(sources.outboxDepth?.() ?? 0);
      },
    });
    new Gauge({
      name: "parley_sends_total",
      help: "Messages sent to subscribers since start, by result (ok, 429, 403: refused by the chat, migrated, other)",
      labelNames: ["result"] as const,
      registers: [this.registry],
      collect() {
        const s = sources.sends?.();
        if (!s) return;
        this.set({ result: "ok" }, s.sent);
        this.set({ result: "429" }, s.retried429);
        this.set({ result: "403" }, s.refused);
        this.set({ result: "migrated" }, s.migrated);
        this.set({ result: "other" }, s.retriedOther + s.failed);
      },
    });
    new Gauge({
      name: "parley_record_entries",
      help: "Entries in the record",
      registers: [this.registry],
      collect() {
        this.set(sources.recordEntries?.() ?? 0);
      },
    });
    new Gauge({
      name: "parley_changes_announced_total",
      help: "Changes announced to subscribers (kept across restarts)",
      registers: [this.registry],
      collect() {
        this.set(sources.changesAnnounced?.() ?? 0);
      },
    });
  }

  /** First in the bot's middleware: counts every update and times its handling, in both modes. */
  updateMiddleware(): MiddlewareFn<Context> {
    return async (ctx, next) => {
      const end = this.#latency.startTimer();
      this.#updates.inc({ kind: updateKind(ctx) });
      this.#inFlight++;
      try {
        await next();
      } catch (err) {
        this.#updateErrors.inc();
        throw err;
      } finally {
        end();
        if (--this.#inFlight === 0) for (const resolve of this.#idle.splice(0)) resolve();
      }
    };
  }

  /** Resolves once no update is being handled (a graceful stop after the webhook stopped taking new ones). */
  idle(): Promise<void> {
    return this.#inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.#idle.push(resolve));
  }

  webhookRefused(): void {
    this.#webhookRefused.inc();
  }

  /** The digest job's observer (jobs.ts JobDeps.observe). */
  readonly jobs = {
    tick: (ok: boolean) => this.#digestRuns.inc({ outcome: ok ? "ok" : "failed" }),
    reloadRefused: () => this.#reloadErrors.inc(),
  };

  httpRequest(route: string, status: number): void {
    this.#httpRequests.inc({ route, status: String(status) });
  }
}

/** GET /metrics. */
export function metricsRoutes(app: Hono, deps: HttpDeps): void {
  app.get("/metrics", async (c) => {
    const body = await deps.metrics.registry.metrics();
    return c.body(body, 200, { "Content-Type": deps.metrics.registry.contentType, "Cache-Control": "no-store" });
  });
}
