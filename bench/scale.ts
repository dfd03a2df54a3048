// Scale: the real Parley process with 100,000 subscribers and a 100,000-entry log. Start-up
// time (spawn to the first getUpdates), resident memory, and /subscribe + /unsubscribe
// throughput against the bare grammY bot's fixed reply on the same emulator.
//
//   npx tsx bench/scale.ts [--subscribers N] [--entries N] [--updates N]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { newSubscription, type Subscription } from "../src/store/subscription-types.ts";
import { FileSubscriptionStore } from "../src/store/subscriptions.ts";
import { readSubscriptionsFile } from "../src/store/subscriptions-file.ts";
import { makeDataDir, removeDataDir, startBot } from "../test/support/bot-process.ts";
import { startEmulator } from "../test/support/emulator.ts";
import { generateLog, middleOf } from "./generate.ts";
import { argValue, drive, median, printRows, startBareBot, type BenchResult } from "./harness.ts";

const FIRST_SUBSCRIBER = 800_000_000;
const FIRST_USER = 900_000_000;
const CREATED = new Date("2026-01-01T00:00:00Z");

function subscriptionsFile(count: number) {
  const subscriptions: Record<string, Subscription> = {};
  for (let i = 0; i < count; i++) {
    const chatId = FIRST_SUBSCRIBER + i;
    subscriptions[String(chatId)] = newSubscription({ chatId, chatType: "private", createdBy: chatId }, CREATED);
  }
  return { subscriptions };
}

function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

export async function benchScale(opts: { subscribers: number; entries: number; updates: number }): Promise<BenchResult[]> {
  const emu = await startEmulator();
  const users = Array.from({ length: opts.updates }, (_, i) => FIRST_USER + i);
  for (const id of users) emu.addPrivateChat({ id, first_name: `U${id}`, language_code: "en" });
  const dir = await makeDataDir({ events: generateLog(opts.entries) });
  mkdirSync(join(dir, "state"), { recursive: true });
  // Written through the store, in the compact form the bot itself writes.
  {
    const store = FileSubscriptionStore.open(join(dir, "state", "subscriptions.json"));
    Object.assign(store.store.data.subscriptions, subscriptionsFile(opts.subscribers).subscriptions);
    await store.store.save();
  }
  const env = { FAKE_NOW: middleOf(opts.entries), LOG_LEVEL: "warn" };
  try {
    // First start: no index yet, the whole log is validated (a deployed bot's first start).
    let t0 = performance.now();
    const cold = await startBot({ emulator: emu, dataDir: dir, env, startTimeoutMs: 180_000 });
    const coldMs = performance.now() - t0;
    await cold.stop();
    // Every later start finds the index of the unchanged log. Three starts, the median: seen
    // from outside (spawn to the first getUpdates at the emulator, which shares this process
    // with the generated data and its garbage) and as the bot reports it (process uptime when
    // its first getUpdates goes out); then until the digest job's state is loaded as well, which
    // happens while the first updates are already being answered.
    const outside: number[] = [];
    const inside: number[] = [];
    const running: number[] = [];
    let bot!: Awaited<ReturnType<typeof startBot>>;
    for (let i = 0; i < 3; i++) {
      if (i) await bot.stop();
      // The emulator stands in for Telegram's servers: its own garbage (the generated data
      // above) must not pause it while the bot starts. npm run bench runs with --expose-gc.
      (globalThis as { gc?: () => void }).gc?.();
      t0 = performance.now();
      bot = await startBot({ emulator: emu, dataDir: dir, env: { ...env, LOG_LEVEL: "info" }, startTimeoutMs: 180_000 });
      outside.push(performance.now() - t0);
      await bot.waitForOutput(/Parley is running/, 10_000);
      inside.push(Number(bot.output().match(/Parley is running .*"pollingMs":(\d+)/)?.[1]));
      running.push(Number(bot.output().match(/Parley is running .*"ms":(\d+)/)?.[1]));
    }
    // Memory once the digest job's state is loaded too (it loads just after polling starts).
    await bot.waitForOutput(/first run|record loaded/, 10_000);
    await new Promise((r) => setTimeout(r, 2000));
    const afterStart = rssMb(bot.pid!);
    // VmHWM is the high point since the process began, start-up included: reset it (Linux
    // clear_refs 5), so the peak below is the burst's own.
    const peakReset = resetPeak(bot.pid!);
    const subscribeRate = await drive(emu, users, ["/subscribe"]);
    const unsubscribeRate = await drive(emu, users, ["/unsubscribe"]);
    const afterWork = rssMb(bot.pid!);
    const stored = readSubscriptionsFile(join(dir, "state", "subscriptions.json"));
    const lost = users.filter((id) => stored[String(id)]?.active !== false).length;
    await bot.stop();

    const bare = await startBareBot(emu);
    const bareRate = await drive(emu, users, ["/subscribe"]);
    await bare.stop();

    return [
      { name: `start-up, first (validates ${opts.entries} entries)`, value: coldMs / 1000, unit: "s" },
      { name: `start-up to polling, spawn → first getUpdates (median of 3)`, value: median(outside) / 1000, unit: "s", target: "< 1" },
      { name: `start-up to polling, as the bot reports it (median of 3)`, value: median(inside) / 1000, unit: "s", target: "< 1" },
      { name: `start-up until the digest job is loaded too (median of 3)`, value: median(running) / 1000, unit: "s" },
      { name: `resident memory after start-up and the first digest tick`, value: afterStart.rss, unit: "MB", target: "< 300" },
      { name: `resident memory peak during start-up and the first tick`, value: afterStart.peak, unit: "MB" },
      // The high point while every user's /subscribe and then /unsubscribe arrive at once,
      // hundreds in hand (the peak was reset after start-up, see resetPeak).
      {
        name: `resident memory peak, ${opts.updates} /subscribe + /unsubscribe at once${peakReset ? "" : " (since start-up: clear_refs refused)"}`,
        value: afterWork.peak,
        unit: "MB",
        target: "< 300",
      },
      { name: `/subscribe`, value: subscribeRate, unit: "updates/s" },
      { name: `/unsubscribe`, value: unsubscribeRate, unit: "updates/s" },
      { name: `bare grammY bot, fixed reply`, value: bareRate, unit: "updates/s" },
      { name: `/subscribe / bare`, value: subscribeRate / bareRate, unit: "ratio" },
      { name: `subscriptions lost on disk`, value: lost, unit: "", target: "0" },
    ];
  } finally {
    await emu.close();
    await removeDataDir(dir);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  printRows("Scale", await benchScale({ subscribers: argValue("subscribers", 100_000), entries: argValue("entries", 100_000), updates: argValue("updates", 2000) }));
}
