// An editor's write on a large record, as the bot makes it: the same /update run by the
// writer on the main thread and in its worker thread (dist/writer-worker.js), side by side.
// What a reader feels is the longest time the main thread could not answer anyone, measured
// with a 1 ms ticker running during the write.
//
//   npx tsx bench/writes.ts [--entries N]
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { inProcessDeskWriter, openDeskWriter, type DeskWriter } from "../src/editorial/desk-writer.ts";
import { RecordWriter } from "../src/record-file/writer.ts";
import { makeDataDir, removeDataDir, REPO_ROOT } from "../test/support/bot-process.ts";
import { generateLog } from "./generate.ts";
import { argValue, median, type BenchResult } from "./harness.ts";

const WRITES = 3;

/** Runs `work` with a 1 ms ticker beside it; returns how long it took and the longest gap between ticks. */
async function stallDuring(work: () => Promise<unknown>): Promise<{ ms: number; stall: number }> {
  let last = performance.now();
  let stall = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 1);
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  clearInterval(ticker);
  stall = Math.max(stall, performance.now() - last);
  return { ms, stall };
}

async function measure(desk: DeskWriter, ids: string[]) {
  const runs = [];
  for (const id of ids) {
    runs.push(
      await stallDuring(async () => {
        const r = await desk.update(id, { kind: "postponed" }, { kind: "cli", name: "bench" });
        if (!r.ok) throw new Error(`the bench write was refused: ${JSON.stringify(r.problems)}`);
      }),
    );
  }
  await desk.close();
  return { ms: median(runs.map((r) => r.ms)), stall: median(runs.map((r) => r.stall)) };
}

export async function benchWrites(opts: { entries: number }): Promise<BenchResult[]> {
  execFileSync("npm", ["run", "build", "--silent"], { cwd: REPO_ROOT, stdio: "ignore" });
  const dir = await makeDataDir({ events: generateLog(opts.entries) });
  try {
    const file = join(dir, "events.json");
    const auditFile = join(dir, "audit.jsonl");
    const ids = (from: number) => Array.from({ length: WRITES }, (_, i) => `gen-${opts.entries - 1 - from - i}`);
    const main = await measure(inProcessDeskWriter(new RecordWriter({ file, auditFile })), ids(0));
    const worker = await measure(openDeskWriter({ file, auditFile, workerFile: join(REPO_ROOT, "dist", "writer-worker.js") }), ids(WRITES));
    return [
      { name: `/update on ${opts.entries} entries, writer on the main thread: write`, value: main.ms, unit: "ms" },
      { name: `  longest time the bot could answer no one`, value: main.stall, unit: "ms" },
      { name: `the same, writer in its worker thread (as the bot runs it): write`, value: worker.ms, unit: "ms" },
      { name: `  longest time the bot could answer no one`, value: worker.stall, unit: "ms" },
      { name: `stall with the worker / stall on the main thread`, value: worker.stall / main.stall, unit: "ratio" },
    ];
  } finally {
    await removeDataDir(dir);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printRows } = await import("./harness.ts");
  printRows("Editorial writes", await benchWrites({ entries: argValue("entries", 100_000) }));
}
