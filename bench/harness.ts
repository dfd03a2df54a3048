// What the benchmarks share: pushing commands through the emulator and timing the replies,
// the bare grammY bot they are compared with, and printing.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../test/support/bot-process.ts";
import type { Emulator } from "../test/support/emulator.ts";

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

/** Sends one command from each user and resolves with replies a second, until the last reply. */
export async function drive(emu: Emulator, users: number[], commands: string[], timeoutMs = 180_000): Promise<number> {
  const before = emu.sent.length;
  const start = performance.now();
  users.forEach((id, i) => emu.userSends({ id }, commands[i % commands.length]));
  while (emu.sent.length - before < users.length) {
    await new Promise((r) => setTimeout(r, 5));
    if (performance.now() - start > timeoutMs) throw new Error(`only ${emu.sent.length - before} of ${users.length} replies after ${timeoutMs / 1000} s`);
  }
  return users.length / ((performance.now() - start) / 1000);
}

/**
 * The baseline: bench/bare-bot.ts polling the same emulator, replying a short fixed text, or
 * (given a file of Parley's captured replies) exactly what Parley replied; on grammY's default
 * HTTP client, or on Parley's.
 */
export async function startBareBot(emu: Emulator, repliesFile?: string, opts: { parleyTransport?: boolean } = {}): Promise<{ pid: number | undefined; stop(): Promise<void> }> {
  const since = emu.calls.length;
  const reply = {
    ...(repliesFile ? { BARE_REPLY: "same", BARE_REPLIES: repliesFile } : { BARE_REPLY: "text" }),
    ...(opts.parleyTransport ? { BARE_TRANSPORT: "parley" } : {}),
  };
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, "bench/bare-bot.ts")], {
    cwd: REPO_ROOT,
    env: { ...process.env, BOT_TOKEN: emu.token, TELEGRAM_API_ROOT: emu.apiRoot, ...reply },
    stdio: "ignore",
  });
  // A benchmark that fails half-way must not leave the bot polling on its own.
  const orphan = () => child.kill("SIGKILL");
  process.once("exit", orphan);
  child.once("exit", () => process.off("exit", orphan));
  await emu.waitForPolling({ sinceCall: since });
  return { pid: child.pid, stop: () => new Promise<void>((r) => (child.on("exit", () => r()), child.kill("SIGTERM"))) };
}

/** CPU time a process (all its threads) has used, in ms, from /proc (Linux); undefined elsewhere. */
export function processCpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // utime and stime, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The middle value (of an odd count; the upper middle of an even one). */
export function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
}

/** `--name N` from the command line, or the default. */
export function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

export function printRows(title: string, rows: BenchResult[]): void {
  console.log(`\n${title}`);
  for (const r of rows) {
    const value = r.unit === "ratio" || r.value < 1 ? r.value.toFixed(3) : r.value.toFixed(r.value < 10 ? 2 : 0);
    console.log(`  ${r.name.padEnd(60)} ${value.padStart(10)} ${r.unit.padEnd(9)}${r.target ? ` target ${r.target}` : ""}`);
  }
}
