// GET /healthz: the process answers. GET /readyz: it can do its work: the record is loaded,
// the stores are open, the database answers (with DATABASE_URL), and the Bot API answered recently (or answers a getMe now). 200 or 503
// with a short JSON reason, for load balancers and orchestrators.
import type { Hono } from "hono";
import type { HttpDeps } from "./deps.ts";

/** How recent a Bot API answer must be to count: polling asks every 30 s at most. */
export const BOT_API_FRESH_MS = 90_000;

export interface ReadinessChecks {
  recordLoaded: () => boolean;
  storesOpen: () => boolean;
  /** With PostgreSQL: whether it answers (src/db/availability.ts). A replica without it cannot write or deliver. */
  databaseReachable?: () => boolean;
  /** Asks the Bot API something cheap; resolves true if it answered. */
  probeBotApi: () => Promise<boolean>;
}

/** Readiness state: the time of the last Bot API answer is fed by an API transformer (main.ts). */
export class Readiness {
  #lastBotApiOk = 0;
  constructor(
    readonly checks: ReadinessChecks,
    private readonly now: () => number = Date.now,
  ) {}

  botApiAnswered(): void {
    this.#lastBotApiOk = this.now();
  }

  /** Problems in words; empty when ready. */
  async problems(): Promise<string[]> {
    const problems: string[] = [];
    if (!this.checks.recordLoaded()) problems.push("record not loaded");
    if (!this.checks.storesOpen()) problems.push("stores not open");
    if (this.checks.databaseReachable && !this.checks.databaseReachable()) problems.push("database unreachable");
    if (this.now() - this.#lastBotApiOk > BOT_API_FRESH_MS) {
      const ok = await this.checks.probeBotApi().catch(() => false);
      if (ok) this.botApiAnswered();
      else problems.push("Bot API not answering");
    }
    return problems;
  }
}

export function healthRoutes(app: Hono, deps: HttpDeps): void {
  app.get("/healthz", (c) => c.json({ ok: true }, 200, { "Cache-Control": "no-store" }));
  app.get("/readyz", async (c) => {
    const problems = await deps.readiness.problems();
    return problems.length
      ? c.json({ ok: false, reason: problems.join("; ") }, 503, { "Cache-Control": "no-store" })
      : c.json({ ok: true }, 200, { "Cache-Control": "no-store" });
  });
}
