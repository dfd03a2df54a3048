// The environment, read and validated once. A bad value stops start-up with a message that
// names the variable and says how to fix it; the token itself is never printed.
import { config as loadDotenv } from "dotenv";
import { resolve } from "node:path";
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
  // For tests and demos only: start the bot's clock at this instant (ISO 8601); it then runs on.
  FAKE_NOW: z.iso.datetime({ offset: true, message: "must be an ISO 8601 instant such as 2025-04-01T09:00:00Z" }).optional(),
});

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
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads `.env` (if any) and the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, { dotenv = true } = {}): Config {
  if (dotenv) loadDotenv({ quiet: true });
  // Empty strings mean "not set", as people leave them in .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".")} ${i.message}`);
    throw new ConfigError(`Parley cannot start; fix these settings in .env or the environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
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
  };
}

/** A clock: the real one, or one that starts at FAKE_NOW and runs on in real time. */
export function makeClock(fakeNow?: string): () => Date {
  if (!fakeNow) return () => new Date();
  const offset = Date.parse(fakeNow) - Date.now();
  return () => new Date(Date.now() + offset);
}
