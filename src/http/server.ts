// The one HTTP server: health, metrics, the webhook, calendars, feeds, the JSON API and the web
// pages, on Hono over @hono/node-server. createHttpApp mounts the route modules in one place,
// behind the guards every request passes (guard.ts); startHttpServer listens and stops
// gracefully (no new connections; requests in flight finish).
import { Hono } from "hono";
import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import type { HttpDeps } from "./deps.ts";
import { healthRoutes } from "./health.ts";
import { metricsRoutes } from "./metrics.ts";
import { OTHER_BODY_LIMIT, RateLimiter, WEBHOOK_BODY_LIMIT, rateLimit, securityHeaders, sizeLimit } from "./guard.ts";
import { webhookRoutes, type WebhookOptions } from "./webhook.ts";
import { calendarRoutes } from "./calendar.ts";
import { feedRoutes } from "./feeds.ts";
import { apiRoutes } from "./api.ts";
import { pageRoutes } from "./pages.ts";

export interface HttpOptions {
  /** Requests a minute per client (HTTP_RATE_LIMIT); 0 turns the limit off. */
  rateLimit: number;
  trustProxy: boolean;
  webhook?: WebhookOptions;
}

/** Paths that are not for the public and must never be rate limited: Telegram and monitoring. */
const MACHINE_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

export function createHttpApp(deps: HttpDeps, opts: HttpOptions): Hono {
  const app = new Hono();
  const webhookPath = opts.webhook?.path;
  app.use("*", async (c, next) => {
    await next();
    deps.metrics.httpRequest(c.req.routePath, c.res.status);
  });
  app.use("*", securityHeaders);
  const limiter = opts.rateLimit > 0 ? new RateLimiter(opts.rateLimit) : undefined;
  app.use("*", rateLimit(limiter, opts.trustProxy, (path) => MACHINE_PATHS.has(path) || path === webhookPath, () => deps.clock().getTime()));
  const webhookBody = sizeLimit(WEBHOOK_BODY_LIMIT);
  const otherBody = sizeLimit(OTHER_BODY_LIMIT);
  app.use("*", (c, next) => (c.req.path === webhookPath ? webhookBody : otherBody)(c, next));

  healthRoutes(app, deps);
  metricsRoutes(app, deps);
  if (opts.webhook) webhookRoutes(app, deps, opts.webhook);
  calendarRoutes(app, deps);
  feedRoutes(app, deps);
  apiRoutes(app, deps);
  pageRoutes(app, deps);

  app.notFound((c) => c.json({ error: "not found" }, 404));
  app.onError((err, c) => {
    deps.log.error("HTTP request failed", { path: c.req.path, error: err.message });
    return c.json({ error: "internal error" }, 500);
  });
  return app;
}

export interface RunningHttpServer {
  port: number;
  /** Stops taking connections and waits for the requests in flight. */
  close(): Promise<void>;
}

export function startHttpServer(app: Hono, port: number, hostname: string): Promise<RunningHttpServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
        resolve({
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              // close() waits for open connections; idle keep-alive ones are closed at once
              // (Node ≥ 19), busy ones once their response is sent.
              server.close(() => done());
              if ("closeIdleConnections" in server) server.closeIdleConnections();
            }),
        });
      });
      server.once("error", reject);
    } catch (err) {
      reject(err);
    }
  });
}
