// Starts and stops the real bot process for end-to-end tests.
//
// The bot runs exactly as `npm start` runs it (`node dist/main.js`, bundled from src/ by
// `npm run build`; cwd = repo root), pointed at a Bot API emulator through TELEGRAM_API_ROOT and at
// a throw-away data directory through DATA_DIR.

import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Emulator } from "./emulator.ts";

/** The repository root (two levels above test/support/). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface BotExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BotProcess {
  readonly child: ChildProcess;
  readonly pid: number | undefined;
  /** Everything the bot wrote to stdout and stderr so far (interleaved). */
  output(): string;
  /** Resolves with the output once it matches `pattern`; rejects after timeoutMs (default 5000) or on exit. */
  waitForOutput(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Sends `signal` (default SIGTERM) and resolves with the exit code; after 10 s: SIGKILL and reject. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** SIGKILL, no waiting. */
  kill(): void;
  /** Resolves when the process has exited. */
  readonly exited: Promise<BotExit>;
}

export interface StartBotOptions {
  emulator: Emulator;
  dataDir: string;
  /** Extra environment (wins over the defaults). */
  env?: Record<string, string>;
  /** How long to wait for the first getUpdates; default 20 000 ms. */
  startTimeoutMs?: number;
  /**
   * What "up" means: asking for updates (default), in webhook mode having set its webhook, or
   * for a replica standing by while another polls (DATABASE_URL) having said it is running.
   */
  mode?: "polling" | "webhook" | "standby";
  /** Mirror the bot's output to this process's stderr (default: env PARLEY_TEST_ECHO=1). */
  echo?: boolean;
}

// Bots still running when the test process exits are killed, so a failing test cannot leave one behind.
const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const child of live) child.kill("SIGKILL");
  });
}

/**
 * `npm test` builds before running the tests; a test file run on its own gets a build here
 * when dist/ is missing or older than a source file, so it never runs stale code.
 */
let built = false;
export function ensureBuilt(): void {
  if (built) return;
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, d) => {
      const p = path.join(dir, d.name);
      return Math.max(max, d.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }, 0);
  const main = path.join(REPO_ROOT, "dist", "main.js");
  const newestSource = Math.max(newest(path.join(REPO_ROOT, "src")), statSync(path.join(REPO_ROOT, "package.json")).mtimeMs);
  if (!existsSync(main) || statSync(main).mtimeMs < newestSource) {
    execFileSync("npm", ["run", "build", "--silent"], { cwd: REPO_ROOT, stdio: "inherit" });
  }
  built = true;
}

export async function startBot(opts: StartBotOptions): Promise<BotProcess> {
  const { emulator } = opts;
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.NODE_ENV;
  delete env.NODE_TEST_CONTEXT; // set by `node --test` for its own children; the bot is not a test file
  Object.assign(env, {
    BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    DATA_DIR: opts.dataDir,
    DEFAULT_TIMEZONE: "UTC",
    ...opts.env,
  });
  const echo = opts.echo ?? process.env.PARLEY_TEST_ECHO === "1";

  // Only a getUpdates made by *this* process counts (the emulator may have served an earlier bot).
  const sinceCall = emulator.calls.length;
  ensureBuilt();
  const child = spawn(process.execPath, ["dist/main.js"], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  installExitHook();

  let output = "";
  const outputListeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output += text;
    if (echo) process.stderr.write(`[bot ${child.pid}] ${text}`);
    for (const l of [...outputListeners]) l();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);

  let exitInfo: BotExit | undefined;
  const exited = new Promise<BotExit>((resolve) => {
    child.once("exit", (code, signal) => {
      exitInfo = { code, signal };
      live.delete(child);
      for (const l of [...outputListeners]) l();
      resolve(exitInfo);
    });
    child.once("error", (err) => {
      // Spawning itself failed (no "exit" follows).
      output += `\n[bot-process] spawn error: ${err.message}\n`;
      exitInfo = { code: null, signal: null };
      live.delete(child);
      resolve(exitInfo);
    });
  });

  const describe = () => `--- bot output (pid ${child.pid}) ---\n${output || "(none)"}\n--- end of bot output ---`;

  const bot: BotProcess = {
    child,
    pid: child.pid,
    exited,
    output: () => output,

    waitForOutput(pattern, timeoutMs = 5000) {
      const matches = () => (typeof pattern === "string" ? output.includes(pattern) : pattern.test(output));
      return new Promise<string>((resolve, reject) => {
        const check = () => {
          if (matches()) {
            cleanup();
            resolve(output);
          } else if (exitInfo) {
            cleanup();
            reject(new Error(`bot exited (code ${exitInfo.code}) before printing ${pattern}\n${describe()}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`bot did not print ${pattern} within ${timeoutMs} ms\n${describe()}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          outputListeners.delete(check);
        };
        outputListeners.add(check);
        check();
      });
    },

    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (exitInfo) return exitInfo.code;
      child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill("SIGKILL");
          reject(new Error(`bot did not exit within 10 s of ${signal}; killed it\n${describe()}`));
        }, 10_000);
      });
      try {
        const info = await Promise.race([exited, timeout]);
        return info.code;
      } finally {
        clearTimeout(timer);
      }
    },

    kill() {
      if (!exitInfo) child.kill("SIGKILL");
    },
  };

  // Up = it has asked the emulator for updates. Fail fast if it dies first.
  const startTimeoutMs = opts.startTimeoutMs ?? 20_000;
  const polling =
    opts.mode === "webhook"
      ? emulator.waitForWebhook({ sinceCall, timeoutMs: startTimeoutMs })
      : opts.mode === "standby"
        ? bot.waitForOutput("Parley is running", startTimeoutMs)
        : emulator.waitForPolling({ sinceCall, timeoutMs: startTimeoutMs });
  const died = exited.then((info) => {
    throw new Error(`bot exited (code ${info.code}, signal ${info.signal}) before polling\n${describe()}`);
  });
  try {
    await Promise.race([polling, died]);
  } catch (err) {
    bot.kill();
    await exited;
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(
      message.includes("--- bot output") ? message : `bot did not start polling within ${startTimeoutMs} ms: ${message}\n${describe()}`,
      { cause: err },
    );
  } finally {
    polling.catch(() => {});
    died.catch(() => {});
  }
  return bot;
}

/**
 * A fresh data directory under the OS temp dir with an events.json: `events`
 * if given, else a copy of the repository's data/events.json.
 */
export async function makeDataDir(opts: { events?: object } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "parley-test-"));
  const target = path.join(dir, "events.json");
  if (opts.events !== undefined) await writeFile(target, `${JSON.stringify(opts.events, null, 2)}\n`);
  else await copyFile(path.join(REPO_ROOT, "data", "events.json"), target);
  return dir;
}

/** Removes a directory made by makeDataDir. */
export async function removeDataDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
