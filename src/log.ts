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

export function createLogger(opts: { level?: Level; token?: string; stream?: NodeJS.WritableStream } = {}): Logger {
  const min = ORDER[opts.level ?? "info"];
  const out = opts.stream ?? process.stderr;
  const write = (level: Level, msg: string, extra?: object) => {
    if (ORDER[level] < min) return;
    let line = `${new Date().toISOString()} ${level.toUpperCase()} ${msg}`;
    if (extra) line += ` ${JSON.stringify(extra, errorReplacer)}`;
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
export function redact(text: string, token: string): string {
  if (!token) return text;
  return text.split(token).join("<BOT_TOKEN>");
}

/** One line for any error: what Telegram refused, a network failure, or the error's own words. */
export function describeError(error: unknown): string {
  if (error instanceof GrammyError) return `Telegram refused ${error.method}: ${error.description}`;
  if (error instanceof HttpError) return `network error: ${String(error.error)}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
