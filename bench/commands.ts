// Command throughput: the real Parley process with a generated 100,000-entry log answering
// /latest and /next, against a bare grammY bot that answers a fixed text, on the same
// emulator in the same run. The figure is the ratio of updates handled a second.
//
//   npx tsx bench/commands.ts [--entries N] [--updates N]
import { pathToFileURL } from "node:url";
import { makeDataDir, removeDataDir, startBot } from "../test/support/bot-process.ts";
import { startEmulator } from "../test/support/emulator.ts";
import { generateLog, middleOf } from "./generate.ts";
import { argValue, drive, printRows, startBareBot, type BenchResult } from "./harness.ts";

const USERS = 300;
const FIRST_USER = 700_000;

export async function benchCommands(opts: { entries: number; updates: number }): Promise<BenchResult[]> {
  const emu = await startEmulator();
  for (let i = 0; i < USERS; i++) emu.addPrivateChat({ id: FIRST_USER + i, first_name: `U${i}`, language_code: ["en", "ru", "uk"][i % 3] });
  // Each user sends several commands: the updates, round robin over the users.
  const senders = (n: number) => Array.from({ length: n }, (_, i) => FIRST_USER + (i % USERS));
  const dir = await makeDataDir({ events: generateLog(opts.entries) });
  const env = { FAKE_NOW: middleOf(opts.entries), LOG_LEVEL: "warn" };
  try {
    // A first start validates the log and writes its index, as a deployed bot's first start would.
    await (await startBot({ emulator: emu, dataDir: dir, env, startTimeoutMs: 120_000 })).stop();

    const warm = Math.min(200, opts.updates);
    const bare = await startBareBot(emu);
    await drive(emu, senders(warm), ["/start"]);
    const bareRate = await drive(emu, senders(opts.updates), ["/latest", "/next"]);
    await bare.stop();
    const sized = await startBareBot(emu, "html");
    await drive(emu, senders(warm), ["/start"]);
    const sizedRate = await drive(emu, senders(opts.updates), ["/latest", "/next"]);
    await sized.stop();

    const parley = await startBot({ emulator: emu, dataDir: dir, env });
    await drive(emu, senders(warm), ["/latest", "/next"]);
    const parleyRate = await drive(emu, senders(opts.updates), ["/latest", "/next"]);
    await parley.stop();
    return [
      { name: `bare grammY bot, fixed reply`, value: bareRate, unit: "updates/s" },
      { name: `Parley /latest + /next, ${opts.entries} entries`, value: parleyRate, unit: "updates/s" },
      { name: `Parley / bare`, value: parleyRate / bareRate, unit: "ratio", target: "≥ 0.8" },
      { name: `bare grammY bot, fixed reply of Parley's size (HTML, 6 buttons)`, value: sizedRate, unit: "updates/s" },
      { name: `Parley / bare with a reply of Parley's size`, value: parleyRate / sizedRate, unit: "ratio" },
    ];
  } finally {
    await emu.close();
    await removeDataDir(dir);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  printRows("Commands", await benchCommands({ entries: argValue("entries", 100_000), updates: argValue("updates", 3000) }));
}
