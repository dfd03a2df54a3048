// A worker thread that reads and validates a changed record (seconds for 100,000 entries), so
// the bot's main thread keeps answering meanwhile. See RecordSource.reload.
import { parentPort, workerData } from "node:worker_threads";
import { readVersion } from "./source.ts";

const { file, indexFile, copyDir } = workerData as { file: string; indexFile?: string; copyDir: string };
parentPort!.postMessage(readVersion(file, indexFile, copyDir));
