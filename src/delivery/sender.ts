// The sender: drains the outbox into Telegram as fast as the limits allow, and no faster.
//
// Telegram's round trip is 50 ms or more, so one request at a time could not even reach the
// free broadcast limit (SPEED_LIMITS in schedule.ts):
// many requests are in flight at once (a pool), while the schedule (schedule.ts) decides when
// each may leave. Each message is marked done in the journal right after Telegram answers, so
// a kill loses nothing and repeats at most the requests that were in flight.
//
// 429s are handled here, not by @grammyjs/auto-retry, and the Api given to the sender must not
// have that plugin installed (main.ts: a separate `new Api(token, { apiRoot })`, while the
// bot's own api keeps it for interactive replies). The plugin sleeps inside the request: the
// pace scheduler would not know that Telegram asked us to slow down, would keep firing other
// chats at full speed, and its slot would stay taken for the whole retry_after; a stop() could
// not cut that sleep short either. Here a 429 puts the message back at the head of its chat's
// lane, that chat waits retry_after, and the overall pace slows down for a while.
import { type Api, GrammyError, HttpError } from "grammy";
import { redact } from "../log.ts";
import type { Logger } from "../log.ts";
import { backoffMs, judgeFailure, MAX_BACKOFF_MS, MAX_TRANSIENT_ATTEMPTS, type Refusal } from "./failures.ts";
import type { Outbox } from "./outbox.ts";
import { broadcastLimit, type Delivery, DeliverySchedule, SPEED_LIMITS } from "./schedule.ts";

export interface DeliveryStats {
  /** Messages Telegram accepted. */
  sent: number;
  /** 429 answers (each one a retry of the same message after retry_after). */
  retried429: number;
  /** Retries after a network error, a timeout or a 5xx. */
  retriedOther: number;
  /** Messages dropped because their chat refused us (blocked, kicked, not found, topic deleted). */
  refused: number;
  /** Messages Telegram rejected for good (e.g. bad HTML), journaled as failed. */
  failed: number;
  /** Chats that turned out to be migrated to a supergroup; their messages were re-sent there. */
  migrated: number;
  /** Messages left pending for the next run because their chat kept failing. */
  deferred: number;
}

export interface SenderOptions {
  /** An Api without @grammyjs/auto-retry (see the top of this file). */
  api: Api;
  outbox: Outbox;
  /** Overall messages a second (BROADCAST_RATE); by default Telegram's limit (broadcastLimit). */
  ratePerSecond?: number;
  /** Paid broadcast (PAID_BROADCAST): every message carries allow_paid_broadcast, for the higher limit. */
  paid?: boolean;
  log: Logger;
  /** Told when a chat refuses us; awaited before the chat's messages are journaled. */
  onRefusal: (refusal: Refusal) => void | Promise<void>;
  /** Requests in flight at most; by default enough for the rate at a 250 ms round trip. */
  concurrency?: number;
}

/** A request that has not been answered in this long is abandoned and retried (it may arrive twice). */
const REQUEST_TIMEOUT_MS = 30_000;
/** Passing failures in a row, over all chats, after which the whole sender backs off: Telegram or the network is down. */
const OUTAGE_STREAK = 3;
/** The round trip the default concurrency is sized for, and the most requests we keep open. */
const ROUND_TRIP_BUDGET_S = 0.25;
const MAX_CONCURRENCY = 250;

/** Monotonic milliseconds: a wall clock set back would otherwise hold every chat for as long. */
const clock = () => performance.now();

const emptyStats = (): DeliveryStats => ({ sent: 0, retried429: 0, retriedOther: 0, refused: 0, failed: 0, migrated: 0, deferred: 0 });

export class Sender {
  readonly #api: Api;
  readonly #outbox: Outbox;
  readonly #log: Logger;
  readonly #onRefusal: SenderOptions["onRefusal"];
  readonly #paid: boolean;
  readonly concurrency: number;
  readonly ratePerSecond: number;
  readonly #schedule: DeliverySchedule;
  /** Totals over every run since the sender was made. */
  readonly totals: DeliveryStats = emptyStats();

  #stats: DeliveryStats = emptyStats();
  #draining: Promise<DeliveryStats> | null = null;
  #stopping = false;
  #fatal: unknown = null;
  /** Ids handed to the schedule in this run. */
  #seen = new Set<string>();
  /** The claims asked for by run() and wake(), one after another. */
  #filling: Promise<void> = Promise.resolve();
  #inFlight = new Set<Promise<void>>();
  #kick: (() => void) | null = null;
  /** When the sleeping loop means to look again (0 while it is awake). */
  #wakeAt = 0;
  #outageStreak = 0;

  constructor(opts: SenderOptions) {
    this.#api = opts.api;
    this.#outbox = opts.outbox;
    this.#log = opts.log;
    this.#onRefusal = opts.onRefusal;
    this.#paid = opts.paid ?? false;
    const ceiling = broadcastLimit(this.#paid);
    let rate = opts.ratePerSecond ?? ceiling;
    if (this.#paid && rate > ceiling) {
      this.#log.warn("delivery rate above Telegram's paid broadcast limit; using the limit", { asked: rate, limit: ceiling });
      rate = ceiling;
    } else if (!this.#paid && rate > ceiling) {
      this.#log.warn("delivery rate above Telegram's free broadcast limit: expect 429s unless PAID_BROADCAST is on", { rate, limit: ceiling });
    } else if (this.#paid && rate <= SPEED_LIMITS.broadcastPerSecond) {
      this.#log.warn("paid broadcast is on, but the delivery rate is within the free limit: it costs Stars and gains nothing", {
        rate,
        hint: `raise BROADCAST_RATE (up to ${ceiling})`,
      });
    }
    this.ratePerSecond = rate;
    this.concurrency = opts.concurrency ?? Math.min(MAX_CONCURRENCY, Math.max(4, Math.ceil(rate * ROUND_TRIP_BUDGET_S)));
    this.#schedule = new DeliverySchedule(rate);
  }

  /** Requests to Telegram in flight right now. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  get running(): boolean {
    return this.#draining !== null;
  }

  /**
   * Sends everything pending and resolves with this run's figures once the outbox is drained
   * (or stop() was called). Never two runs at once: while one runs, this picks up newly
   * enqueued messages into it and returns the same promise. Rejects only when Telegram refuses
   * the bot itself (401/404: bad token or API root); everything stays pending then.
   *
   * The sender takes in exactly the messages pending when run() or wake() is called, never
   * others on its own: a job may enqueue, record its progress, and only then wake the sender,
   * relying on nothing of it being sent in between (see jobs.ts).
   */
  run(): Promise<DeliveryStats> {
    if (this.#stopping) return Promise.resolve(emptyStats());
    if (this.#draining) {
      this.#refill();
      return this.#draining;
    }
    this.#stats = emptyStats();
    this.#fatal = null;
    this.#schedule.restart(clock());
    this.#seen = new Set();
    this.#refill();
    const drain = this.#drain();
    this.#draining = drain;
    return drain;
  }

  /** Kick after enqueue: starts a run, or feeds the running one. Failures are logged. */
  wake(): void {
    this.run().catch((err: unknown) => this.#log.error("delivery run stopped", { error: this.#describe(err) }));
  }

  /** Graceful shutdown: sends nothing new, waits for requests in flight; the rest stays pending. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#kick?.();
    await this.#draining?.catch(() => undefined);
  }

  async #drain(): Promise<DeliveryStats> {
    // Let run() record this promise before anything can finish it.
    await null;
    const started = clock();
    try {
      do {
        await this.#filled();
        await this.#pump();
        if (this.#fatal) throw this.#fatal;
        if (!this.#stopping) await this.#outbox.compact();
        // A wake during the compaction may have brought more.
        await this.#filled();
      } while (this.#schedule.queued > 0 && !this.#stopping);
      const seconds = (clock() - started) / 1000;
      if (this.#stats.sent + this.#stats.refused + this.#stats.failed + this.#stats.deferred > 0) {
        this.#log.info("delivery run finished", { ...this.#stats, seconds: Math.round(seconds * 10) / 10, pending: this.#outbox.pendingCount });
      }
      return this.#stats;
    } finally {
      this.#draining = null;
    }
  }

  /**
   * Claims the messages pending right now, and takes those not yet taken in this run into the
   * schedule. Claims run one after another, each started by a run() or wake(); a failed claim
   * (the database is away) is the run's failure, and what it did not take stays pending.
   */
  #refill(): void {
    // Asked for now, not after the claims before it: what is enqueued after this call is not ours to take.
    const claim = this.#outbox.claim();
    const fill = async () => {
      const claimed = await claim;
      const now = clock();
      for (const m of claimed) {
        if (this.#seen.has(m.id)) continue;
        this.#seen.add(m.id);
        this.#schedule.add(m, now);
      }
      this.#kick?.();
    };
    this.#filling = this.#filling.then(fill).catch((err: unknown) => {
      this.#fatal ??= err;
      this.#kick?.();
    });
  }

  /** Waits for the claims asked for so far. */
  async #filled(): Promise<void> {
    let filling;
    do {
      filling = this.#filling;
      await filling;
    } while (filling !== this.#filling);
  }

  /** Sends until nothing is left that this run can send, then waits for requests in flight. */
  async #pump(): Promise<void> {
    const schedule = this.#schedule;
    while (!this.#stopping && !this.#fatal) {
      let now = clock();
      while (this.#inFlight.size < this.concurrency) {
        const d = schedule.take(now);
        if (!d) break;
        this.#launch(d);
      }
      if (schedule.queued === 0 && this.#inFlight.size === 0) return;
      now = clock();
      // Infinity: only an answer from Telegram (or a wake) can change anything; it kicks us.
      this.#wakeAt = this.#inFlight.size < this.concurrency ? schedule.nextAt(now) : Infinity;
      await this.#sleep(this.#wakeAt === Infinity ? 60_000 : Math.max(0, this.#wakeAt - now));
      this.#wakeAt = 0;
    }
    await Promise.all(this.#inFlight);
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#kick = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#kick = done;
    });
  }

  #launch(d: Delivery): void {
    const p = this.#deliver(d)
      .catch((err: unknown) => {
        // Not Telegram's answer but our own failure (the journal could not be written: disk
        // full?). Going on could not record what was sent; stop, and keep the rest pending.
        this.#fatal ??= err;
        this.#log.error("delivery failed inside the sender; stopping", { id: d.message.id, error: this.#describe(err) });
      })
      .finally(() => {
        this.#inFlight.delete(p);
        // Wake the loop only if this answer lets something go sooner than it planned (a freed
        // slot, a sooner retry) or ends the run: at the paid rate waking on every answer would double
        // the loop's work for nothing.
        const now = clock();
        if (this.#fatal || this.#inFlight.size === 0 || this.#schedule.nextAt(now) < this.#wakeAt) this.#kick?.();
      });
    this.#inFlight.add(p);
  }

  async #deliver(d: Delivery): Promise<void> {
    const m = d.message;
    // Our own timeout rather than AbortSignal.timeout(): that one stays alive until it fires,
    // and at the paid rate tens of thousands of them would pile up for the garbage collector.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
    try {
      await this.#api.sendMessage(
        d.chatId,
        m.text,
        {
          parse_mode: "HTML",
          message_thread_id: m.threadId,
          reply_markup: m.replyMarkup,
          disable_notification: m.disableNotification,
          allow_paid_broadcast: this.#paid || undefined,
        },
        // grammY's Node build types signals with the abort-controller shim; Node's own works at run time.
        abort.signal as unknown as Parameters<Api["sendMessage"]>[3],
      );
    } catch (err) {
      await this.#failed(d, err);
      return;
    } finally {
      clearTimeout(timer);
    }
    // Journal first: from here on a kill must not send it again.
    await this.#outbox.markDone(m.id, "sent", d.chatId === m.chatId ? undefined : d.chatId);
    this.#schedule.finish(d, clock());
    this.#outageStreak = 0;
    this.#count("sent");
  }

  async #failed(d: Delivery, err: unknown): Promise<void> {
    const m = d.message;
    const verdict = judgeFailure(err);
    const description = this.#describe(err);
    const where = { id: m.id, chat: d.chatId, subscription: m.subscriptionKey };
    const schedule = this.#schedule;
    switch (verdict.kind) {
      case "rate-limited":
        this.#count("retried429");
        this.#log.warn("Telegram asked to slow down (429); retrying after retry_after", { ...where, retryAfterMs: verdict.retryAfterMs });
        schedule.rateLimited(d, clock(), verdict.retryAfterMs);
        return;
      case "transient": {
        d.failures++;
        this.#outageStreak++;
        if (this.#outageStreak >= OUTAGE_STREAK) this.#schedule.pace.pause(clock() + backoffMs(this.#outageStreak - OUTAGE_STREAK + 1));
        if (d.failures >= MAX_TRANSIENT_ATTEMPTS) {
          const held = schedule.park(d, clock());
          this.#count("deferred", held);
          this.#log.error("could not deliver after repeated failures; the chat's messages stay pending for the next run", {
            ...where,
            attempts: d.failures,
            held,
            error: description,
          });
          return;
        }
        this.#count("retriedOther");
        const delay = backoffMs(d.failures);
        this.#log.warn("delivery failed for a passing reason; retrying", { ...where, attempt: d.failures, retryInMs: delay, error: description });
        schedule.retry(d, clock(), delay);
        return;
      }
      case "migrated":
        this.#count("migrated");
        this.#log.info("group became a supergroup; sending there", { ...where, newChatId: verdict.newChatId });
        await this.#tell({ kind: "migrated", message: m, newChatId: verdict.newChatId, description });
        schedule.moveChat(d, verdict.newChatId, clock());
        return;
      case "blocked":
      case "not-found": {
        await this.#tell({ kind: verdict.kind, message: m, description });
        // Told first, journaled after: a kill in between only asks Telegram (and onRefusal) again.
        const dropped = schedule.dropChat(d, clock());
        await Promise.all(dropped.map((x) => this.#outbox.markDone(x.message.id, "refused")));
        this.#count("refused", dropped.length);
        this.#log.info("chat refused delivery; its messages were dropped", { ...where, reason: verdict.kind, dropped: dropped.length, error: description });
        return;
      }
      case "topic-gone":
        // Only this topic's subscription stops; the chat's other topics keep getting theirs.
        await this.#tell({ kind: "topic-gone", message: m, description });
        await this.#outbox.markDone(m.id, "refused");
        schedule.finish(d, clock());
        this.#count("refused");
        this.#log.info("forum topic is gone; its message was dropped", { ...where, thread: m.threadId, error: description });
        return;
      case "failed":
        await this.#outbox.markDone(m.id, "failed");
        schedule.finish(d, clock());
        this.#count("failed");
        this.#log.error("Telegram rejected a message; it will not be retried", { ...where, error: description });
        return;
      case "fatal":
        this.#fatal ??= new Error(`Telegram refused the bot itself (${description}); delivery stopped, messages stay pending`);
        schedule.retry(d, clock(), MAX_BACKOFF_MS);
        this.#log.error("Telegram refused the bot itself (token or API root wrong?); delivery stopped", { ...where, error: description });
        return;
    }
  }

  async #tell(refusal: Refusal): Promise<void> {
    try {
      await this.#onRefusal(refusal);
    } catch (err) {
      this.#log.error("handling a refused chat failed", { id: refusal.message.id, kind: refusal.kind, error: this.#describe(err) });
    }
  }

  #count(key: keyof DeliveryStats, n = 1): void {
    this.#stats[key] += n;
    this.totals[key] += n;
  }

  /** A one-line description without the token (grammY puts request URLs into some errors). */
  #describe(err: unknown): string {
    let text: string;
    if (err instanceof GrammyError) text = `${err.error_code} ${err.description}`;
    else if (err instanceof HttpError) text = `network error: ${String(err.error)}`;
    else text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return redact(text, this.#api.token);
  }
}
