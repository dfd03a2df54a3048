// The HTTP server at 100,000 entries: webhook mode against long polling (the same Parley, the
// same replies, updates a second, as a ratio), then the public routes under load from
// autocannon over loopback: requests a second and p99 latency for /calendar.ics (a full
// download, and the 304 a polling calendar app mostly gets), /api/entries (the first page and
// one deep in the record) and the web timeline.
//
//   npx tsx bench/http.ts [--entries N] [--updates N] [--seconds N]
import autocannon from "autocannon";
import { createServer } from "node:net";
import { pathToFileURL } from "node:url";
import { makeDataDir, removeDataDir, startBot } from "../test/support/bot-process.ts";
import { startEmulator, type Emulator } from "../test/support/emulator.ts";
import { generateLog, middleOf } from "./generate.ts";
import { argValue, drive, median, printRows, type BenchResult } from "./harness.ts";

const COMMANDS = ["/latest", "/next"];
const LANGS = ["en", "ru", "uk"];
const SECRET = "bench-webhook-secret-0123456789abcdef";
const ROUNDS = 3;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

let nextUser = 900_000;
function readers(emu: Emulator, n: number): number[] {
  const ids = Array.from({ length: n }, () => nextUser++);
  for (const id of ids) emu.addPrivateChat({ id, first_name: `U${id}`, language_code: LANGS[id % LANGS.length] });
  return ids;
}

/** Updates a second in each mode, alternating ROUNDS times; the medians. No round trip: CPU-bound. */
async function modes(dir: string, entries: number, updates: number): Promise<{ webhook: number; polling: number }> {
  const emu = await startEmulator();
  const rates = { webhook: [] as number[], polling: [] as number[] };
  const env = { FAKE_NOW: middleOf(entries), LOG_LEVEL: "warn" };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of ["webhook", "polling"] as const) {
        const port = await freePort();
        const bot =
          mode === "webhook"
            ? await startBot({ emulator: emu, dataDir: dir, mode, env: { ...env, HTTP_PORT: String(port), HTTP_HOST: "127.0.0.1", WEBHOOK_URL: "https://bench.example.org/hook", WEBHOOK_SECRET: SECRET } })
            : await startBot({ emulator: emu, dataDir: dir, env });
        emu.webhookProxy = mode === "webhook" ? `http://127.0.0.1:${port}` : undefined;
        await drive(emu, readers(emu, Math.min(300, updates)), COMMANDS);
        rates[mode].push(await drive(emu, readers(emu, updates), COMMANDS));
        await bot.stop();
      }
    }
  } finally {
    await emu.close();
  }
  return { webhook: median(rates.webhook), polling: median(rates.polling) };
}

async function load(url: string, seconds: number, headers: Record<string, string> = {}): Promise<{ rps: number; p99: number; errors: number }> {
  const r = await autocannon({ url, connections: 10, duration: seconds, headers });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors };
}

export async function benchHttp(opts: { entries: number; updates: number; seconds: number }): Promise<BenchResult[]> {
  const dir = await makeDataDir({ events: generateLog(opts.entries) });
  const rows: BenchResult[] = [];
  try {
    // A first start validates the log and writes its index, as a deployed bot's first start would.
    const setup = await startEmulator();
    // Its digest job's first look takes the record as announced; stopped before that is done, it would wait for it.
    const first = await startBot({ emulator: setup, dataDir: dir, env: { LOG_LEVEL: "info" }, startTimeoutMs: 120_000 });
    await first.waitForOutput(/first run: the record as it stands counts as announced/, 120_000);
    await first.stop();
    await setup.close();

    const m = await modes(dir, opts.entries, opts.updates);
    rows.push(
      { name: `webhook mode, /latest + /next, ${opts.entries} entries (no round trip)`, value: m.webhook, unit: "updates/s" },
      { name: `long polling, the same`, value: m.polling, unit: "updates/s" },
      { name: `webhook / long polling`, value: m.webhook / m.polling, unit: "ratio" },
    );

    const emu = await startEmulator();
    const port = await freePort();
    const bot = await startBot({ emulator: emu, dataDir: dir, env: { FAKE_NOW: middleOf(opts.entries), LOG_LEVEL: "warn", HTTP_PORT: String(port), HTTP_HOST: "127.0.0.1", HTTP_RATE_LIMIT: "0" } });
    try {
      const base = `http://127.0.0.1:${port}`;
      const t0 = performance.now();
      const calendar = await fetch(`${base}/calendar.ics`);
      const size = (await calendar.arrayBuffer()).byteLength;
      rows.push({ name: `/calendar.ics first render (${Math.round(size / 1e6)} MB, ${opts.entries} entries)`, value: performance.now() - t0, unit: "ms" });
      const etag = calendar.headers.get("etag")!;
      const targets: [string, string, Record<string, string>?][] = [
        ["/calendar.ics, full download", "/calendar.ics"],
        ["/calendar.ics, revalidated (304)", "/calendar.ics", { "If-None-Match": etag }],
        ["/api/entries, first page of 50", "/api/entries"],
        ["/api/entries, a page deep in the record (from=2010-06-01)", "/api/entries?from=2010-06-01"],
        ["/api/entries?track=leaders&status=held", "/api/entries?track=leaders&status=held"],
        ["/ (the web timeline)", "/"],
      ];
      for (const [name, path, headers] of targets) {
        const r = await load(`${base}${path}`, opts.seconds, headers);
        rows.push({ name: `${name}: requests`, value: r.rps, unit: "req/s" });
        rows.push({ name: `${name}: p99 latency`, value: r.p99, unit: "ms" });
      }
    } finally {
      await bot.stop();
      await emu.close();
    }
  } finally {
    await removeDataDir(dir);
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  printRows("HTTP", await benchHttp({ entries: argValue("entries", 100_000), updates: argValue("updates", 2000), seconds: argValue("seconds", 5) }));
}
