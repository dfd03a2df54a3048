// Command throughput: the real Parley process with a generated 100,000-entry log answering
// /latest and /next, against a bare grammY bot that answers a fixed text, on the same
// emulator in the same run. The figure is the ratio of updates handled a second.
//
//   npx tsx bench/commands.ts [--entries N] [--updates N]
import { spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { makeDataDir, removeDataDir, REPO_ROOT, startBot } from "../test/support/bot-process.ts";
import { startEmulator, type Emulator } from "../test/support/emulator.ts";
import type { BenchResult } from "./delivery.ts";
import { generateLog, middleOf } from "./generate.ts";

const USERS = 300;

/** Pushes `updates` commands and resolves with updates handled a second (until the last reply). */
async function drive(emu: Emulator, updates: number, commands: string[]): Promise<number> {
  const before = emu.sent.length;
  const start = performance.now();
  for (let i = 0; i < updates; i++) emu.userSends({ id: 700_000 + (i % USERS) }, commands[i % commands.length]);
  while (emu.sent.length - before < updates) {
    await new Promise((r) => setTimeout(r, 5));
    if (performance.now() - start > 120_000) throw new Error(`only ${emu.sent.length - before} of ${updates} replies after 120 s`);
  }
  return updates / ((performance.now() - start) / 1000);
}

async function startBare(emu: Emulator) {
  const since = emu.calls.length;
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, "bench/bare-bot.ts")], {
    cwd: REPO_ROOT,
    env: { ...process.env, BOT_TOKEN: emu.token, TELEGRAM_API_ROOT: emu.apiRoot },
    stdio: "ignore",
  });
  await emu.waitForPolling({ sinceCall: since });
  return { stop: () => new Promise<void>((r) => (child.on("exit", () => r()), child.kill("SIGTERM"))) };
}

export async function benchCommands(opts: { entries: number; updates: number }): Promise<BenchResult[]> {
  const emu = await startEmulator();
  for (let i = 0; i < USERS; i++) emu.addPrivateChat({ id: 700_000 + i, first_name: `U${i}`, language_code: ["en", "ru", "uk"][i % 3] });
  const dir = await makeDataDir({ events: generateLog(opts.entries) });
  const env = { FAKE_NOW: middleOf(opts.entries), LOG_LEVEL: "warn" };
  try {
    // A first start validates the log and writes its index, as a deployed bot's first start would.
    await (await startBot({ emulator: emu, dataDir: dir, env, startTimeoutMs: 120_000 })).stop();

    const warm = Math.min(200, opts.updates);
    const bare = await startBare(emu);
    await drive(emu, warm, ["/start"]);
    const bareRate = await drive(emu, opts.updates, ["/latest", "/next"]);
    await bare.stop();

    const parley = await startBot({ emulator: emu, dataDir: dir, env });
    await drive(emu, warm, ["/latest", "/next"]);
    const parleyRate = await drive(emu, opts.updates, ["/latest", "/next"]);
    await parley.stop();
    return [
      { name: `bare grammY bot, fixed reply`, value: bareRate, unit: "updates/s" },
      { name: `Parley /latest + /next, ${opts.entries} entries`, value: parleyRate, unit: "updates/s" },
      { name: `Parley / bare`, value: parleyRate / bareRate, unit: "ratio", target: "≥ 0.8" },
    ];
  } finally {
    await emu.close();
    await removeDataDir(dir);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, d: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : d;
  };
  const rows = await benchCommands({ entries: arg("entries", 100_000), updates: arg("updates", 3000) });
  for (const r of rows) console.log(`${r.name.padEnd(48)} ${r.value.toFixed(2).padStart(10)} ${r.unit}${r.target ? `  (target ${r.target})` : ""}`);
}
