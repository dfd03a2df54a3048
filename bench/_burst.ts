import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FileSubscriptionStore } from "../src/store/subscriptions.ts";
import { newSubscription } from "../src/store/subscription-types.ts";
import { makeDataDir, startBot } from "../test/support/bot-process.ts";
import { startEmulator } from "../test/support/emulator.ts";
import { generateLog, middleOf } from "./generate.ts";
import { drive } from "./harness.ts";
const emu = await startEmulator();
const users = Array.from({ length: 2000 }, (_, i) => 900000000 + i);
for (const id of users) emu.addPrivateChat({ id, first_name: `U${id}`, language_code: "en" });
const dir = await makeDataDir({ events: generateLog(100000) });
mkdirSync(join(dir, "state"), { recursive: true });
{ const store = FileSubscriptionStore.open(join(dir, "state", "subscriptions.json"));
  for (let i = 0; i < 100000; i++) { const chatId = 800000000 + i; store.store.data.subscriptions[String(chatId)] = newSubscription({ chatId, chatType: "private", createdBy: chatId }, new Date()); }
  await store.store.save(); }
const port = 18000 + Math.floor(Math.random() * 1000);
const first = await startBot({ emulator: emu, dataDir: dir, env: { FAKE_NOW: middleOf(100000), LOG_LEVEL: "warn" }, startTimeoutMs: 180000 });
await first.stop();
if (process.env.SECOND_GC) process.env.GC_AFTER_START = "1";
if (process.env.SECOND_SINK) process.env.SINK = process.env.SECOND_SINK;
if (process.env.SECOND_HGP) process.env.HGP = process.env.SECOND_HGP;
const bot = await startBot({ emulator: emu, dataDir: dir, env: { FAKE_NOW: middleOf(100000), LOG_LEVEL: "warn", NODE_OPTIONS: "--heapsnapshot-signal=SIGUSR2", HTTP_PORT: String(port), PUBLIC_URL: "http://127.0.0.1" }, startTimeoutMs: 180000 });
await new Promise((r) => setTimeout(r, 3000));
const rss = () => Number(readFileSync(`/proc/${bot.pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)![1]) / 1024;
async function m() {
  const t = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const g = (n: string) => Number(t.match(new RegExp(`^${n} (\\S+)`, "m"))?.[1] ?? NaN) / 1e6;
  const spaces = [...t.matchAll(/parley_nodejs_heap_space_size_used_bytes\{space="(\w+)"\} (\S+)/g)].map(([, s, v]) => `${s.replace("_space", "")}=${(Number(v) / 1e6).toFixed(0)}`).join(" ");
  return `rss ${rss().toFixed(0)} heapUsed ${g("parley_nodejs_heap_size_used_bytes").toFixed(0)} heapTotal ${g("parley_nodejs_heap_size_total_bytes").toFixed(0)} ext ${g("parley_nodejs_external_memory_bytes").toFixed(0)} | ${spaces}`;
}
console.log("start", await m());
if (process.env.SNAP) { process.kill(bot.pid!, "SIGUSR2"); await new Promise((r) => setTimeout(r, 90000)); console.log("snap done"); await bot.stop(); await emu.close(); process.exit(0); }
import { writeFileSync } from "node:fs";
writeFileSync(`/proc/${bot.pid}/clear_refs`, "5");
let done = false;
const sampler = (async () => { while (!done) { await m(); await new Promise((r) => setTimeout(r, 100)); } })();
await drive(emu, users, ["/subscribe"]);
await drive(emu, users, ["/unsubscribe"]);
done = true; await sampler;
console.log("end", await m(), "peak", readFileSync(`/proc/${bot.pid}/status`, "utf8").match(/VmHWM:\s+(\d+)/)![1]);
await bot.stop(); await emu.close(); process.exit(0);
