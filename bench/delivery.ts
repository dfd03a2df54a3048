// Delivery benchmark: one digest to N subscribers through the real outbox and sender, against
// the Bot API emulator on loopback with a 50 ms round trip and Telegram's flood limits on.
// Measured from what the emulator actually received (its `sent` records): the pace achieved
// against the configured limit, the 429s it answered, messages lost and messages doubled.
// Once at the free 30/s, once as a paid broadcast at 1000/s.
//
// The sender runs in its own process (test/support/delivery-child.ts), as the bot would: the
// emulator's work then does not slow the sender's timers, and the other way round.
//
//   npx tsx bench/delivery.ts [--subscribers N]      (10,000 takes ~6 minutes at 30/s)
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type OutboxMessage, FileOutbox } from "../src/delivery/outbox.ts";
import { SPEED_LIMITS } from "../src/delivery/schedule.ts";
import { type Emulator, startEmulator } from "../test/support/emulator.ts";
import type { BenchResult } from "./harness.ts";

export type { BenchResult } from "./harness.ts";

const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));
const CHILD = fileURLToPath(new URL("../test/support/delivery-child.ts", import.meta.url));
const FIRST_USER_ID = 500_000_000;
const LATENCY_MS = 50;

/** A digest of a realistic size (~1.5 KB of HTML), the same for every subscriber. */
const DIGEST = [
  "<b>What changed in the talks</b>",
  ...Array.from(
    { length: 8 },
    (_, i) =>
      `• <b>Round ${i + 1}</b>, Istanbul: delegations met on embassy operations; the next round is expected within weeks. ` +
      `<a href="https://example.org/source/${i + 1}">Source</a>`,
  ),
].join("\n\n");

export async function benchDelivery(opts: { subscribers: number }): Promise<BenchResult[]> {
  const n = opts.subscribers;
  const free = await deliverOnce(n, SPEED_LIMITS.broadcastPerSecond, false);
  const paid = await deliverOnce(n, SPEED_LIMITS.paidBroadcastPerSecond, true);
  return [
    ...describe(`digest to ${n} at ${SPEED_LIMITS.broadcastPerSecond}/s`, free, "≥ 0.95"),
    ...describe(`digest to ${n}, paid broadcast at ${SPEED_LIMITS.paidBroadcastPerSecond}/s`, paid, "≥ 0.9"),
  ];
}

interface RunFigures {
  limit: number;
  perSecond: number;
  seconds: number;
  tooMany: number;
  lost: number;
  duplicates: number;
}

function describe(name: string, r: RunFigures, rateTarget: string): BenchResult[] {
  return [
    { name: `${name}: achieved / limit`, value: round(r.perSecond / r.limit, 3), unit: "ratio", target: rateTarget },
    { name: `${name}: messages a second`, value: round(r.perSecond, 1), unit: "msg/s" },
    { name: `${name}: time to deliver`, value: round(r.seconds, 1), unit: "s" },
    { name: `${name}: 429 answers`, value: r.tooMany, unit: "count" },
    { name: `${name}: lost`, value: r.lost, unit: "messages", target: "0" },
    { name: `${name}: duplicates`, value: r.duplicates, unit: "messages", target: "0" },
  ];
}

async function deliverOnce(subscribers: number, rate: number, paid: boolean): Promise<RunFigures> {
  const emulator = await startEmulator({ latencyMs: LATENCY_MS, limits: true });
  const stateDir = mkdtempSync(join(tmpdir(), "parley-bench-delivery-"));
  try {
    const messages: OutboxMessage[] = [];
    for (let i = 0; i < subscribers; i++) {
      const id = FIRST_USER_ID + i;
      emulator.addPrivateChat({ id, first_name: `Reader ${i}` });
      messages.push({ id: `bench|${id}|1`, chatId: id, text: DIGEST, subscriptionKey: `private:${id}` });
    }
    const outbox = await FileOutbox.open(stateDir);
    await outbox.enqueue(messages);
    await outbox.close();

    await runChild({ stateDir, apiRoot: emulator.apiRoot, token: emulator.token, rate, paid });
    return figures(emulator, subscribers, rate);
  } finally {
    await emulator.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

function figures(emulator: Emulator, subscribers: number, limit: number): RunFigures {
  const perChat = new Map<number, number>();
  for (const s of emulator.sent) perChat.set(s.chat_id, (perChat.get(s.chat_id) ?? 0) + 1);
  let duplicates = 0;
  for (const count of perChat.values()) duplicates += count - 1;
  const sent = emulator.sent;
  const seconds = sent.length > 1 ? (sent[sent.length - 1]!.at - sent[0]!.at) / 1000 : 0;
  return {
    limit,
    // n messages span n - 1 intervals.
    perSecond: seconds > 0 ? (sent.length - 1) / seconds : 0,
    seconds,
    tooMany: emulator.stats.tooMany,
    lost: subscribers - perChat.size,
    duplicates,
  };
}

function runChild(options: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, JSON.stringify(options)], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`delivery child exited with ${code}: ${out}`))));
  });
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf("--subscribers");
  const subscribers = i > 0 ? Number(process.argv[i + 1]) : 10_000;
  if (!Number.isInteger(subscribers) || subscribers < 2) {
    console.error("usage: npx tsx bench/delivery.ts [--subscribers N]   (N ≥ 2, default 10000)");
    process.exit(2);
  }
  const results = await benchDelivery({ subscribers });
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) {
    console.log(`${r.name.padEnd(width)}  ${String(r.value).padStart(9)} ${r.unit.padEnd(8)} ${r.target ? `target ${r.target}` : ""}`);
  }
}
