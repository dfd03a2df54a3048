// A small line logger. Every line passes through redact() so the bot token, which grammY puts
// in request URLs and therefore in some error messages, can never reach a log.
import { redact } from "./config.ts";

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
