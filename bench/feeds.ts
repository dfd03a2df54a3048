// Polling 200 feeds must not delay anyone's answer by more than 50 ms. Measured on the real bot
// (node dist/main.js, its feeds and pages parsed in its worker thread) talking to the Bot API
// emulator: readers ask /latest all along while the bot polls 200 feeds of 30 items each from
// the local feed server (in its own process), and the same bot with INGEST_POLL=false answers
// as many readers for comparison. Printed: the reply latency each reader sees (p50, p99, max)
// both ways and the difference, and the bot's own event-loop delay over each phase (its
// Prometheus metrics on HTTP_PORT; prom-client resets its histogram at every scrape, so a
// scrape before and one after a phase give that phase's figure). Every fourth feed's first
// five items are teasers, so 250 article pages are fetched and read by Readability too, and
// every item goes through the real intake (drafts/intake.ts).
//
// Then, as before, the poller alone in this process with an intake that does nothing:
// perf_hooks' event-loop delay while it polls, parsing in this thread and in the worker.
//
//   npx tsx bench/feeds.ts [--feeds 200] [--readers 4]
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { createFetcher } from "../src/feeds/fetching/fetcher.ts";
import { inProcessFeedParsing, openFeedParsing, type FeedParsing } from "../src/feeds/parsing.ts";
import type { IncomingArticle } from "../src/ingest/incoming.ts";
import { startPoller } from "../src/feeds/poller.ts";
import { ensureBuilt, makeDataDir, removeDataDir, REPO_ROOT, startBot } from "../test/support/bot-process.ts";
import { startEmulator, type Emulator } from "../test/support/emulator.ts";
import { argValue, printRows, type BenchResult } from "./harness.ts";

const EDITOR = 9_900_001;
const FIRST_READER = 9_910_000;
/** A reader waits this long between a reply and the next question. */
const THINK_MS = 20;
/** The quiet bot is asked for this long (the polling one for as long as its poll lasts). */
const QUIET_MS = 15_000;

export async function benchFeeds(opts: { feeds: number; readers?: number }): Promise<BenchResult[]> {
  const { child, base } = await startFeedServerProcess(opts.feeds);
  try {
    const bot = await botFigures(base, { feeds: opts.feeds, readers: opts.readers ?? 4 });
    const inThread = await inProcessFigures(base, opts.feeds, inProcessFeedParsing);
    ensureBuilt();
    const parsing = openFeedParsing({ workerFile: join(REPO_ROOT, "dist", "parse-worker.js") });
    const inWorker = await inProcessFigures(base, opts.feeds, parsing);
    await parsing.close();
    return [
      ...bot,
      { name: `poller alone in this process, ${opts.feeds} feeds, parsing in this thread`, value: inThread.pollMs / 1000, unit: "s" },
      { name: "  event-loop delay p99", value: inThread.p99, unit: "ms" },
      { name: "  event-loop delay max", value: inThread.max, unit: "ms" },
      { name: `poller alone in this process, parsing in the worker thread`, value: inWorker.pollMs / 1000, unit: "s" },
      { name: "  event-loop delay p99", value: inWorker.p99, unit: "ms" },
      { name: "  event-loop delay max", value: inWorker.max, unit: "ms" },
      { name: "this process idle, event-loop delay p99", value: inWorker.idleP99, unit: "ms" },
      { name: "this process idle, event-loop delay max", value: inWorker.idleMax, unit: "ms" },
    ];
  } finally {
    child.kill("SIGTERM");
  }
}

async function startFeedServerProcess(feeds: number): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, "test/support/feed-server.ts"), String(feeds)], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"] });
  const orphan = () => child.kill("SIGKILL");
  process.once("exit", orphan);
  child.once("exit", () => process.off("exit", orphan));
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
    child.once("exit", (code) => reject(new Error(`the feed server exited (${code})`)));
  });
  return { child, base };
}

/** The real bot: readers' reply latency and its event-loop delay, polling and not. */
async function botFigures(base: string, opts: { feeds: number; readers: number }): Promise<BenchResult[]> {
  const emu = await startEmulator();
  try {
    const quiet = await botPhase(emu, base, { ...opts, poll: false });
    const polling = await botPhase(emu, base, { ...opts, poll: true });
    const rows = (label: string, p: PhaseResult): BenchResult[] => [
      { name: `${label}: ${p.latencies.length} replies to /latest, p50`, value: pct(p.latencies, 50), unit: "ms" },
      { name: `${label}: reply p99`, value: pct(p.latencies, 99), unit: "ms" },
      { name: `${label}: reply max`, value: Math.max(...p.latencies), unit: "ms" },
      { name: `${label}: bot's event-loop delay p99 (its /metrics)`, value: p.lag.p99, unit: "ms" },
      { name: `${label}: bot's event-loop delay max (its /metrics)`, value: p.lag.max, unit: "ms" },
    ];
    return [
      ...rows("bot, no feeds", quiet),
      { name: `bot polling ${opts.feeds} feeds (${polling.items} items decided in ${(polling.ms / 1000).toFixed(1)} s)`, value: polling.ms / 1000, unit: "s" },
      ...rows("bot, polling", polling),
      { name: "reply delay added by polling, p50", value: pct(polling.latencies, 50) - pct(quiet.latencies, 50), unit: "ms", target: "< 50" },
      { name: "reply delay added by polling, p99", value: pct(polling.latencies, 99) - pct(quiet.latencies, 99), unit: "ms", target: "< 50" },
      { name: "reply delay added by polling, max", value: Math.max(...polling.latencies) - Math.max(...quiet.latencies), unit: "ms", target: "< 50" },
      { name: "bot's event-loop delay added by polling, max", value: polling.lag.max - quiet.lag.max, unit: "ms", target: "< 50" },
    ];
  } finally {
    await emu.close();
  }
}

interface PhaseResult {
  latencies: number[];
  lag: { p99: number; max: number };
  ms: number;
  items: number;
}

async function botPhase(emu: Emulator, base: string, opts: { feeds: number; readers: number; poll: boolean }): Promise<PhaseResult> {
  const dataDir = await makeDataDir();
  const port = await freePort();
  if (opts.poll) {
    const feeds = Array.from({ length: opts.feeds }, (_, n) => ({ id: `feed-${n}`, url: `${base}/bench/${n}.xml`, outlet: `Outlet ${n}`, language: "en", pollMinutes: 60 }));
    await writeFile(join(dataDir, "sources.json"), JSON.stringify({ feeds }));
  }
  const bot = await startBot({
    emulator: emu,
    dataDir,
    env: { ADMIN_IDS: String(EDITOR), HTTP_PORT: String(port), INGEST_POLL: String(opts.poll), FEED_HOST_INTERVAL_MS: "0", DIGEST_CRON: "0 0 1 1 *", LOG_LEVEL: "warn" },
    startTimeoutMs: 60_000,
  });
  try {
    const readers = Array.from({ length: opts.readers }, (_, i) => FIRST_READER + i);
    // Warm up (first replies load the locales and the record's pages), then reset the bot's lag histogram.
    for (const id of readers) await ask(emu, id);
    await scrapeLag(port);
    const started = performance.now();
    let done = false;
    const latencies: number[] = [];
    const asking = readers.map(async (id) => {
      while (!done) {
        latencies.push(await ask(emu, id));
        await new Promise((r) => setTimeout(r, THINK_MS));
      }
    });
    let items = 0;
    if (opts.poll) {
      // Done when every feed has been polled once (feeds.json: one atomic replace a feed).
      for (;;) {
        await new Promise((r) => setTimeout(r, 250));
        const polled = polledFeeds(join(dataDir, "state", "feeds.json"));
        if (polled >= opts.feeds) break;
        if (performance.now() - started > 600_000) throw new Error(`only ${polled} of ${opts.feeds} feeds polled after 10 minutes`);
      }
      items = readFileSync(join(dataDir, "state", "feed-items.jsonl"), "utf8").split("\n").filter(Boolean).length;
    } else {
      await new Promise((r) => setTimeout(r, QUIET_MS));
    }
    done = true;
    await Promise.all(asking);
    const ms = performance.now() - started;
    const lag = await scrapeLag(port);
    return { latencies, lag, ms, items };
  } finally {
    await bot.stop();
    await removeDataDir(dataDir);
  }
}

/** One /latest from a reader: the time until the bot's reply reached the emulator, ms. */
async function ask(emu: Emulator, id: number): Promise<number> {
  const t = performance.now();
  emu.userSends({ id, first_name: "Reader", language_code: "en" }, "/latest");
  await emu.waitForReply(id, { timeoutMs: 60_000 });
  return performance.now() - t;
}

function polledFeeds(file: string): number {
  try {
    return Object.values(JSON.parse(readFileSync(file, "utf8")) as Record<string, { lastAttempt?: string }>).filter((f) => f.lastAttempt).length;
  } catch {
    return 0; // not written yet
  }
}

/** The bot's event-loop delay since the last scrape (prom-client resets its histogram when scraped), ms. */
async function scrapeLag(port: number): Promise<{ p99: number; max: number }> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const value = (name: string) => {
    const m = new RegExp(`^${name} ([0-9.eE+-]+)`, "m").exec(text);
    if (!m) throw new Error(`no ${name} in the bot's /metrics`);
    return Number(m[1]) * 1000;
  };
  return { p99: value("parley_nodejs_eventloop_lag_p99_seconds"), max: value("parley_nodejs_eventloop_lag_max_seconds") };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

/** The poller alone in this process (an intake that does nothing), and this process idle as long. */
async function inProcessFigures(base: string, feeds: number, parsing: FeedParsing) {
  const dir = await mkdtemp(join(tmpdir(), "parley-bench-feeds-"));
  try {
    const list = Array.from({ length: feeds }, (_, n) => ({ id: `feed-${n}`, url: `${base}/bench/${n}.xml`, outlet: `Outlet ${n}`, language: "en", pollMinutes: 10 }));
    await writeFile(join(dir, "sources.json"), JSON.stringify({ feeds: list }));
    const poller = await startPoller({
      sourcesFile: join(dir, "sources.json"),
      stateDir: join(dir, "state"),
      intake: { receive: async (_a: IncomingArticle) => ({ relevant: false, reason: "bench", draftIds: [] }) },
      auto: false,
      parsing,
      // One host (127.0.0.1) serves every feed here; outlets are many hosts, so no pause between requests.
      fetcher: createFetcher({ userAgent: "ParleyBot/bench", hostIntervalMs: 0 }),
    });
    const polling = monitorEventLoopDelay({ resolution: 1 });
    const started = performance.now();
    polling.enable();
    const report = await poller.pollOnce({ all: true });
    polling.disable();
    const pollMs = performance.now() - started;
    await poller.stop();
    const failed = report.feeds.filter((f) => f.result === "failed");
    if (failed.length) throw new Error(`${failed.length} feeds failed, e.g. ${failed[0].error}`);

    const idle = monitorEventLoopDelay({ resolution: 1 });
    idle.enable();
    await new Promise((r) => setTimeout(r, Math.min(pollMs, 10_000)));
    idle.disable();
    return { pollMs, p99: polling.percentile(99) / 1e6, max: polling.max / 1e6, idleP99: idle.percentile(99) / 1e6, idleMax: idle.max / 1e6 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  printRows("Polling the feeds: readers' answers and the event loop's delay", await benchFeeds({ feeds: argValue("feeds", 200), readers: argValue("readers", 4) }));
}
