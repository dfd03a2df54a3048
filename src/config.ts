// The environment, read and validated once. A bad value stops start-up with a message that
// names the variable and says how to fix it; the token itself is never printed.
import { config as loadDotenv } from "dotenv";
import { resolve } from "node:path";
import { hostname } from "node:os";
import { z } from "zod";
import { broadcastLimit } from "./delivery/schedule.ts";
import { isValidTimeZone } from "./record/validate.ts";

const TOKEN_RE = /^\d{5,}:[A-Za-z0-9_-]{30,}$/;

const Env = z.object({
  BOT_TOKEN: z
    .string({ message: "is missing: create a bot with @BotFather in Telegram (/newbot), then put its token in .env as BOT_TOKEN=..." })
    .trim()
    .regex(TOKEN_RE, "does not look like a bot token (digits, a colon, then 30+ letters, digits, '_' or '-'); copy it again from @BotFather"),
  TELEGRAM_API_ROOT: z.url({ message: "must be a URL such as https://api.telegram.org" }).default("https://api.telegram.org"),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  DEFAULT_TIMEZONE: z
    .string()
    .trim()
    .default("UTC")
    .refine(isValidTimeZone, "must be an IANA time zone such as UTC, Europe/Moscow or America/New_York"),
  ADMIN_IDS: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .refine((ids) => ids.every((id) => /^\d+$/.test(id)), "must be Telegram user ids (numbers) separated by commas")
    .transform((ids) => ids.map(Number)),
  DIGEST_CRON: z.string().trim().default("* * * * *"),
  // Unset: Telegram's broadcast limit, free or with PAID_BROADCAST (broadcastLimit in delivery/schedule.ts).
  BROADCAST_RATE: z.coerce.number().positive("must be a positive number of messages a second").optional(),
  PAID_BROADCAST: z
    .enum(["true", "false", "1", "0", ""], { message: "must be true or false" })
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"], { message: "must be debug, info, warn or error" }).default("info"),
  // The HTTP server (src/http/): health, metrics, calendars, feeds, the API, the web pages, the webhook.
  HTTP_PORT: z.coerce.number().int().min(0).max(65535, "must be a TCP port (1-65535)").optional(),
  HTTP_HOST: z.string().trim().default("0.0.0.0"),
  PUBLIC_URL: z.url({ message: "must be the address users see, such as https://parley.example.org" }).optional(),
  HTTP_RATE_LIMIT: z.coerce.number().int().min(0, "must be a number of requests a minute (0: no limit)").default(120),
  HTTP_TRUST_PROXY: z
    .enum(["true", "false", "1", "0"], { message: "must be true or false" })
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  WEBHOOK_URL: z
    .url({ message: "must be the https URL Telegram should post updates to" })
    .superRefine((url, ctx) => {
      const why = webhookUrlProblem(url);
      if (why) ctx.addIssue({ code: "custom", message: why });
    })
    .optional(),
  // Telegram allows 1-256 characters A-Z, a-z, 0-9, _ and -; we ask for 32 at least, so it cannot be guessed.
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{32,256}$/, "must be 32 to 256 random characters A-Z, a-z, 0-9, _ or - (e.g. openssl rand -hex 32)")
    .optional(),
  WEBHOOK_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100, "must be 1 to 100 (Telegram's range)").default(40),
  // News feeds (src/ingest/): polled when $DATA_DIR/sources.json exists and there are editors.
  INGEST_POLL: z
    .enum(["true", "false", "1", "0"], { message: "must be true or false" })
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  FEED_TIMEOUT_MS: z.coerce.number().int().min(1000, "must be at least 1000 (milliseconds for one request to a feed or page)").default(20_000),
  FEED_HOST_INTERVAL_MS: z.coerce.number().int().min(0, "must be 0 or more milliseconds between two requests to one host").default(1000),
  // For tests and demos only: start the bot's clock at this instant (ISO 8601); it then runs on.
  FAKE_NOW: z.iso.datetime({ offset: true, message: "must be an ISO 8601 instant such as 2025-04-01T09:00:00Z" }).optional(),
});

/**
 * Where the shared state lives when several machines run Parley (src/db/). Read on its own so
 * the command-line tools (`npm run db`, `npm run events`) need no bot token.
 */
const DatabaseEnv = z.object({
  // Unset: the files under DATA_DIR, exactly as without a database. The value is never echoed
  // in a message: it may hold the password.
  DATABASE_URL: z
    .string()
    .trim()
    .refine(isPostgresUrl, "must be a PostgreSQL URL such as postgres://parley:secret@db.example.org:5432/parley (postgres:// or postgresql://)")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ message: "must be a whole number of connections" })
    .int("must be a whole number of connections")
    .min(1, "must be at least 1 connection")
    .max(1000, "must be at most 1000 connections (PostgreSQL's max_connections is shared by every replica)")
    .default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce
    .number({ message: "must be a number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(100, "must be at least 100 milliseconds")
    .max(3_600_000, "must be at most 3600000 milliseconds (an hour)")
    .default(5000),
  // Unset: the connection's own search_path (normally "public"). Lets several installations, or
  // the tests, share one database.
  DATABASE_SCHEMA: z
    .string()
    .trim()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a schema name: lower-case letters, digits and _, at most 63, not starting with a digit")
    .optional(),
  // Names this process among the replicas: it owns the outbox messages it claims under this id
  // and shows as application_name "parley <id>" in pg_stat_activity. Unset: host name and pid.
  REPLICA_ID: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.:-]{1,50}$/, "must be 1 to 50 letters, digits, _ . : or - (e.g. web-1)")
    .optional(),
});

export interface DatabaseConfig {
  /** postgres:// or postgresql://; may hold the password, so never log it (see redactDatabaseUrl in log.ts). */
  url: string;
  poolSize: number;
  statementTimeoutMs: number;
  /** DATABASE_SCHEMA: every table in this schema (created if missing); unset: search_path's. */
  schema?: string;
  /** REPLICA_ID, or host name and pid: who this process is among the replicas. */
  replicaId: string;
}

function isPostgresUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === "postgres:" || u.protocol === "postgresql:") && (u.hostname !== "" || u.searchParams.has("host"));
  } catch {
    return false;
  }
}

/**
 * DATABASE_URL and its settings from the environment: undefined when DATABASE_URL is unset (the
 * files), else the validated settings; throws ConfigError naming every bad variable.
 */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig | undefined {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = DatabaseEnv.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".")} ${i.message}`);
    throw new ConfigError(`Parley cannot start; fix these settings in .env or the environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return e.DATABASE_URL ? { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE, statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS, schema: e.DATABASE_SCHEMA, replicaId: e.REPLICA_ID ?? `${hostname()}:${process.pid}` } : undefined;
}

export type Config = {
  token: string;
  apiRoot: string;
  dataDir: string;
  defaultTimezone: string;
  adminIds: number[];
  digestCron: string;
  broadcastRate: number;
  paidBroadcast: boolean;
  logLevel: "debug" | "info" | "warn" | "error";
  fakeNow?: string;
  /** PUBLIC_URL as set (no trailing slash): links to entries' pages in the bot's replies. */
  publicUrl?: string;
  ingest: IngestConfig;
  /** Set: the HTTP server runs (always in webhook mode). */
  http?: HttpConfig;
  webhook?: WebhookConfig;
  /** Set (DATABASE_URL): the state and the record live in PostgreSQL; unset: the files under dataDir. */
  database?: DatabaseConfig;
};

export interface IngestConfig {
  /** Poll the feeds of $DATA_DIR/sources.json (when it exists and there are editors). */
  poll: boolean;
  sourcesFile: string;
  timeoutMs: number;
  hostIntervalMs: number;
}

export interface HttpConfig {
  port: number;
  host: string;
  /** Without a trailing slash. */
  publicUrl: string;
  /** Requests a minute per client; 0: no limit. */
  rateLimit: number;
  trustProxy: boolean;
}

export interface WebhookConfig {
  url: string;
  /** WEBHOOK_URL's path, where the HTTP server takes the updates. */
  path: string;
  secret: string;
  maxConnections: number;
}

/** Ports Telegram delivers webhooks to (Bot API, setWebhook). */
export const WEBHOOK_PORTS = [443, 80, 88, 8443];

/** Why Telegram would refuse this webhook URL; undefined if it would take it. */
export function webhookUrlProblem(url: string): string | undefined {
  const u = new URL(url);
  if (u.protocol !== "https:") return `must be https: Telegram only posts updates over HTTPS (put a reverse proxy with a certificate in front, see README)`;
  const port = u.port ? Number(u.port) : 443;
  if (!WEBHOOK_PORTS.includes(port)) return `uses port ${port}: Telegram only posts to ports ${WEBHOOK_PORTS.join(", ")} (let the reverse proxy listen on one of them and forward to HTTP_PORT)`;
  if (u.hash) return "must not have a #fragment";
  return undefined;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads `.env` (if any) and the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, { dotenv = true } = {}): Config {
  if (dotenv) loadDotenv({ quiet: true });
  // Empty strings mean "not set", as people leave them in .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = Env.safeParse(cleaned);
  const database = DatabaseEnv.safeParse(cleaned);
  if (!parsed.success || !database.success) {
    const issues = [...(parsed.error?.issues ?? []), ...(database.error?.issues ?? [])];
    const lines = issues.map((i) => `- ${i.path.join(".")} ${i.message}`);
    throw new ConfigError(`Parley cannot start; fix these settings in .env or the environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  let webhook: WebhookConfig | undefined;
  if (e.WEBHOOK_URL) {
    if (!e.WEBHOOK_SECRET) problems.push("- WEBHOOK_SECRET is missing: webhook mode needs 32 to 256 random characters A-Z, a-z, 0-9, _ or - (e.g. openssl rand -hex 32)");
    if (e.HTTP_PORT === undefined) problems.push("- HTTP_PORT is missing: webhook mode needs the port the reverse proxy forwards WEBHOOK_URL to");
    webhook = { url: e.WEBHOOK_URL, path: new URL(e.WEBHOOK_URL).pathname, secret: e.WEBHOOK_SECRET ?? "", maxConnections: e.WEBHOOK_MAX_CONNECTIONS };
  }
  if (problems.length) throw new ConfigError(`Parley cannot start; fix these settings in .env or the environment:\n${problems.join("\n")}`);
  const http: HttpConfig | undefined =
    e.HTTP_PORT === undefined
      ? undefined
      : {
          port: e.HTTP_PORT,
          host: e.HTTP_HOST,
          publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.HTTP_PORT}`).replace(/\/+$/, ""),
          rateLimit: e.HTTP_RATE_LIMIT,
          trustProxy: e.HTTP_TRUST_PROXY,
        };
  return {
    token: e.BOT_TOKEN,
    apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    dataDir: resolve(e.DATA_DIR),
    defaultTimezone: e.DEFAULT_TIMEZONE,
    adminIds: e.ADMIN_IDS,
    digestCron: e.DIGEST_CRON,
    broadcastRate: e.BROADCAST_RATE ?? broadcastLimit(e.PAID_BROADCAST),
    paidBroadcast: e.PAID_BROADCAST,
    logLevel: e.LOG_LEVEL,
    fakeNow: e.FAKE_NOW,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    ingest: { poll: e.INGEST_POLL, sourcesFile: resolve(e.DATA_DIR, "sources.json"), timeoutMs: e.FEED_TIMEOUT_MS, hostIntervalMs: e.FEED_HOST_INTERVAL_MS },
    http,
    webhook,
    database: loadDatabaseConfig(cleaned),
  };
}

/** A clock: the real one, or one that starts at FAKE_NOW and runs on in real time. */
export function makeClock(fakeNow?: string): () => Date {
  if (!fakeNow) return () => new Date();
  const offset = Date.parse(fakeNow) - Date.now();
  return () => new Date(Date.now() + offset);
}
