// Inline query latency: the real Parley process with a generated log (read from the file on
// demand, as in production) answering "@bot <query>" through getUpdates on loopback. The first
// query waits for the search index to be built; the rest are answered from it.
//
//   npx tsx bench/inline.ts [--entries N] [--queries N]
import { pathToFileURL } from "node:url";
import { makeDataDir, removeDataDir, startBot } from "../test/support/bot-process.ts";
import { startEmulator, type Emulator } from "../test/support/emulator.ts";
import { generateLog, middleOf } from "./generate.ts";
import { argValue, median, printRows, type BenchResult } from "./harness.ts";

const QUERIES = ["контакт 4242", "generated", "envoy 42", "1995-06-01", "01.06", "контакт", "envoy", "12.03.2001"];

async function ask(emu: Emulator, id: string, query: string): Promise<number> {
  const since = emu.calls.length;
  const start = performance.now();
  emu.pushUpdate({ inline_query: { id, from: { id: 900_001, is_bot: false, first_name: "B", language_code: "ru" }, query, offset: "" } } as never);
  const call = await emu.waitFor((c) => c.method === "answerInlineQuery" && c.done === true, 120_000, { since });
  if (!call.ok) throw new Error(`answerInlineQuery refused: ${call.error}`);
  return performance.now() - start;
}

export async function benchInline({ entries, queries = 200 }: { entries: number; queries?: number }): Promise<BenchResult[]> {
  const emu = await startEmulator();
  const dataDir = await makeDataDir({ events: generateLog(entries) });
  const bot = await startBot({ emulator: emu, dataDir, env: { FAKE_NOW: middleOf(entries), LOG_LEVEL: "error" }, startTimeoutMs: 120_000 });
  try {
    const first = await ask(emu, "warm", QUERIES[0]);
    const times: number[] = [];
    for (let i = 0; i < queries; i++) times.push(await ask(emu, `q${i}`, QUERIES[i % QUERIES.length]));
    times.sort((a, b) => a - b);
    return [
      { name: `first query, as soon as the bot polls (its index of ${entries} entries being built)`, value: Math.round(first), unit: "ms" },
      { name: "query to answer, median", value: Number(median(times).toFixed(1)), unit: "ms" },
      { name: "query to answer, p99", value: Number(times[Math.min(times.length - 1, Math.floor(times.length * 0.99))].toFixed(1)), unit: "ms" },
    ];
  } finally {
    await bot.stop();
    await emu.close();
    await removeDataDir(dataDir);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printRows("Inline queries", await benchInline({ entries: argValue("entries", 100_000), queries: argValue("queries", 200) }));
}
