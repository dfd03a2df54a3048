// Polling 200 feeds must not hold up the bot's answers: the event loop's delay (perf_hooks
// monitorEventLoopDelay) while this process polls 200 feeds of 30 items each from the local
// feed server (in its own process, so serving costs nothing here), beside the same process
// idle for as long. Every fourth feed's first five items are teasers, so 250 article pages are
// fetched and read by Readability too. The intake takes each article and does nothing: this
// measures the poller (fetching, charsets, parsing, page extraction, state writes), not the
// reading of the articles, which bench/ingest.ts times per article.
//
//   npx tsx bench/feeds.ts [--feeds 200]
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { createFetcher } from "../src/feeds/fetching/fetcher.ts";
import type { IncomingArticle } from "../src/ingest/incoming.ts";
import { startPoller } from "../src/feeds/poller.ts";
import { REPO_ROOT } from "../test/support/bot-process.ts";
import { argValue, printRows, type BenchResult } from "./harness.ts";

export async function benchFeeds(opts: { feeds: number }): Promise<BenchResult[]> {
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, "test/support/feed-server.ts"), String(opts.feeds)], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"] });
  const orphan = () => child.kill("SIGKILL");
  process.once("exit", orphan);
  const dir = await mkdtemp(join(tmpdir(), "parley-bench-feeds-"));
  try {
    const base = await new Promise<string>((resolve, reject) => {
      child.stdout.once("data", (d: Buffer) => resolve(d.toString().trim()));
      child.once("exit", (code) => reject(new Error(`the feed server exited (${code})`)));
    });
    const feeds = Array.from({ length: opts.feeds }, (_, n) => ({ id: `feed-${n}`, url: `${base}/bench/${n}.xml`, outlet: `Outlet ${n}`, language: "en", pollMinutes: 10 }));
    await writeFile(join(dir, "sources.json"), JSON.stringify({ feeds }));
    let articles = 0;
    const poller = await startPoller({
      sourcesFile: join(dir, "sources.json"),
      stateDir: join(dir, "state"),
      intake: { receive: async (_a: IncomingArticle) => (articles++, { relevant: false, reason: "bench", draftIds: [] }) },
      auto: false,
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
    await new Promise((r) => setTimeout(r, Math.min(pollMs, 20_000)));
    idle.disable();

    const ms = (h: ReturnType<typeof monitorEventLoopDelay>, q: "p99" | "max") => (q === "max" ? h.max : h.percentile(99)) / 1e6;
    return [
      { name: `poll of ${opts.feeds} feeds, ${articles} articles handed to the intake`, value: pollMs / 1000, unit: "s" },
      { name: "event-loop delay p99, idle", value: ms(idle, "p99"), unit: "ms" },
      { name: "event-loop delay p99, polling", value: ms(polling, "p99"), unit: "ms", target: "< 50" },
      { name: "  ratio polling / idle (p99)", value: ms(polling, "p99") / ms(idle, "p99"), unit: "x" },
      { name: "event-loop delay max, idle", value: ms(idle, "max"), unit: "ms" },
      { name: "event-loop delay max, polling", value: ms(polling, "max"), unit: "ms", target: "< 50" },
      { name: "  ratio polling / idle (max)", value: ms(polling, "max") / ms(idle, "max"), unit: "x" },
    ];
  } finally {
    child.kill("SIGTERM");
    process.off("exit", orphan);
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) printRows("Polling the feeds: the event loop's delay", await benchFeeds({ feeds: argValue("feeds", 200) }));
