// Command throughput: the real Parley process with a generated 100,000-entry log answering
// /latest and /next, against a bare grammY bot that answers a fixed text, on the same
// emulator in the same run. The figure is the ratio of updates handled a second.
//
//   npx tsx bench/commands.ts [--entries N] [--updates N]
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Update, UserFromGetMe } from "grammy/types";
import { createBot, createI18n } from "../src/bot/create-bot.ts";
import { createLogger } from "../src/log.ts";
import { buildRecord } from "../src/record/record.ts";
import { parseEventLog } from "../src/record/validate.ts";
import { ChatPrefsStore } from "../src/store/chats.ts";
import { SubscriptionStore } from "../src/store/subscriptions.ts";
import { makeDataDir, removeDataDir, startBot } from "../test/support/bot-process.ts";
import { startEmulator } from "../test/support/emulator.ts";
import { generateLog, middleOf } from "./generate.ts";
import { argValue, drive, printRows, startBareBot, type BenchResult } from "./harness.ts";

const USERS = 300;
const FIRST_USER = 700_000;

/**
 * Parley's own work per update, without HTTP: the same bot, its API answered in-process, fed
 * updates through handleUpdate. What the end-to-end figure spends beyond this is the cost of
 * sending the answer (payload, HTTP, the emulator).
 */
async function handlerCost(entries: number, command: string, updates = 3000): Promise<number> {
  const parsed = parseEventLog(JSON.stringify(generateLog(entries)), "generated");
  if (!parsed.ok) throw new Error("generated log is invalid");
  const record = buildRecord(parsed.log);
  const dir = mkdtempSync(join(tmpdir(), "parley-bench-"));
  const botInfo = { id: 1, is_bot: true, first_name: "Parley", username: "parley_bench_bot" } as UserFromGetMe;
  const bot = createBot({
    token: "100000:bench-token-not-used-00000000000000000",
    botInfo,
    deps: {
      record: () => record,
      prefs: ChatPrefsStore.open(join(dir, "chats.json")),
      subscriptions: SubscriptionStore.open(join(dir, "subscriptions.json")),
      clock: () => new Date(middleOf(entries)),
      defaultTimezone: "UTC",
      adminIds: [],
      log: createLogger({ level: "error" }),
    },
    i18n: createI18n(),
  });
  bot.api.config.use(async () => ({ ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: "private" } } }) as never);
  const update = (i: number): Update =>
    ({
      update_id: i,
      message: {
        message_id: i,
        date: 0,
        chat: { id: FIRST_USER + (i % USERS), type: "private", first_name: "U" },
        from: { id: FIRST_USER + (i % USERS), is_bot: false, first_name: "U", language_code: "en" },
        text: command,
        entities: [{ type: "bot_command", offset: 0, length: command.length }],
      },
    }) as Update;
  for (let i = 0; i < 300; i++) await bot.handleUpdate(update(i));
  const start = performance.now();
  for (let i = 0; i < updates; i++) await bot.handleUpdate(update(i));
  return (performance.now() - start) / updates;
}

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
      { name: `Parley's own work per /latest (in-process, API stubbed)`, value: await handlerCost(opts.entries, "/latest"), unit: "ms" },
      { name: `Parley's own work per /next (in-process, API stubbed)`, value: await handlerCost(opts.entries, "/next"), unit: "ms" },
    ];
  } finally {
    await emu.close();
    await removeDataDir(dir);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  printRows("Commands", await benchCommands({ entries: argValue("entries", 100_000), updates: argValue("updates", 3000) }));
}
