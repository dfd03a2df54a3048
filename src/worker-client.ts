// One worker thread answering numbered requests, as the editors' writer (editorial/
// desk-writer.ts) and the feeds' parsing (feeds/parsing.ts) use theirs: started on the first
// call and again after a crash, never holding the process open. A crash fails the calls in hand
// (the next call starts a new worker); errors travel as plain data and the caller revives them.
import { Worker } from "node:worker_threads";

/** An error as a worker sends it back. */
export type SentError = { name: string; message: string };
export type WorkerResponse<E extends SentError = SentError> = { seq: number; ok: true; value: unknown } | { seq: number; ok: false; error: E };

export interface WorkerClientOptions<E extends SentError> {
  file: string;
  workerData?: unknown;
  /** The error a call in hand fails with when the worker stops. */
  stopped(reason: string): Error;
  revive(error: E): Error;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export class WorkerClient<E extends SentError = SentError> {
  #worker: Worker | undefined;
  #seq = 0;
  readonly #pending = new Map<number, Pending>();

  constructor(private readonly opts: WorkerClientOptions<E>) {}

  /** Posts the request with a number of its own; resolves with the worker's answer to it. */
  call<T>(request: object): Promise<T> {
    const seq = ++this.#seq;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(seq, { resolve: resolve as (v: unknown) => void, reject });
      this.#spawn().postMessage({ ...request, seq });
    });
  }

  /** Fails what is still in hand and stops the worker. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#failAll(this.opts.stopped("closed"));
    await worker?.terminate();
  }

  #spawn(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.opts.file, { workerData: this.opts.workerData });
    worker.unref();
    worker.on("message", (res: WorkerResponse<E>) => {
      const p = this.#pending.get(res.seq);
      if (!p) return;
      this.#pending.delete(res.seq);
      if (res.ok) p.resolve(res.value);
      else p.reject(this.opts.revive(res.error));
    });
    // Only the current worker's end fails the calls in hand: those belong to it.
    const fail = (err: Error) => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.#failAll(this.opts.stopped(err.message));
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`exit code ${code}`)));
    this.#worker = worker;
    return worker;
  }

  #failAll(err: Error): void {
    for (const p of this.#pending.values()) p.reject(err);
    this.#pending.clear();
  }
}
