// A small line logger. Every line passes through redact() so the bot token, which grammY puts
// in request URLs and therefore in some error messages, can never reach a log.
import { GrammyError, HttpError } from "grammy";

export type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, extra?: object): void;
  info(msg: string, extra?: object): void;
  warn(msg: string, extra?: object): void;
  error(msg: string, extra?: object): void;
}

/**
 * `token` is the bot token; `secrets` are other values no line may show (DATABASE_URL's
 * password: pass databaseSecrets(url)).
 */
export function createLogger(opts: { level?: Level; token?: string; secrets?: string[]; stream?: NodeJS.WritableStream } = {}): Logger {
  const min = ORDER[opts.level ?? "info"];
  const out = opts.stream ?? process.stderr;
  const write = (level: Level, msg: string, extra?: object) => {
    if (ORDER[level] < min) return;
    let line = `${new Date().toISOString()} ${level.toUpperCase()} ${msg}`;
    if (extra) line += ` ${JSON.stringify(extra, errorReplacer)}`;
    for (const secret of opts.secrets ?? []) line = redact(line, secret, "<SECRET>");
    out.write(`${redact(line, opts.token ?? "")}\n`);
  };
  return {
    debug: (m, e) => write("debug", m, e),
    info: (m, e) => write("info", m, e),
    warn: (m, e) => write("warn", m, e),
    error: (m, e) => write("error", m, e),
  };
}

function errorReplacer(_key: string, value: unknown) {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}

/** Replaces the token wherever it appears, so no log line or error can leak it. */
export function redact(text: string, token: string, placeholder = "<BOT_TOKEN>"): string {
  if (!token) return text;
  return text.split(token).join(placeholder);
}

/**
 * The password of a DATABASE_URL as it may appear in text (raw and percent-decoded), for
 * createLogger's `secrets`. Empty when the URL has none (trust or .pgpass authentication).
 */
export function databaseSecrets(url: string): string[] {
  let password: string;
  try {
    password = new URL(url).password;
  } catch {
    return [];
  }
  if (!password) return [];
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // A malformed escape: the raw form is all there is.
  }
  return [...new Set([password, decoded])];
}

/** DATABASE_URL fit for a log line or a message: the password replaced by "***". */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "<DATABASE_URL>";
  }
}

/** One line for any error: what Telegram refused, a network failure, or the error's own words. */
export function describeError(error: unknown): string {
  if (error instanceof GrammyError) return `Telegram refused ${error.method}: ${error.description}`;
  if (error instanceof HttpError) return `network error: ${String(error.error)}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
