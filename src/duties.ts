// What one replica does only while it leads (src/db/leader.ts): the digest job with its sender,
// the feed poller (with the drafts no editor has a copy of yet), and long polling. Each duty starts when its replica is elected and stops, at once, when it is
// deposed; with the files there is one process, and it leads from start to stop.
import { run, type RunnerHandle } from "@grammyjs/runner";
import { Api, type Bot } from "grammy";
import { apiClient } from "./bot/transport.ts";
import type { ParleyContext } from "./bot/context.ts";
import type { LeadershipHandlers } from "./db/leader.ts";
import { Sender, type DeliveryStats } from "./delivery/sender.ts";
import { handleRefusal, startJobs, type JobDeps, type Jobs } from "./jobs.ts";
import { describeError, type Logger } from "./log.ts";
import type { Poller } from "./feeds/poller.ts";
import type { DeliveryState } from "./state.ts";

/** What the digest job takes (jobs.ts), less what the duty makes itself each time it is elected. */
export interface DigestDutyDeps extends Omit<JobDeps, "announced" | "outbox" | "sender"> {
  delivery: DeliveryState;
  /**
   * The outbox's claim lease, when claims can be left behind by a dead leader (PostgreSQL): one
   * more tick this long after the election finds them lapsed and sends them.
   */
  claimLeaseMs?: number;
}

export interface DigestDuty extends LeadershipHandlers {
  /** The running job while this replica leads. */
  readonly jobs: Jobs | undefined;
  /** Deliveries over every term this process led. */
  readonly totals: DeliveryStats;
}

/** The digest job and the sender: exactly one of each among the replicas. */
export function digestDuty(deps: DigestDutyDeps): DigestDuty {
  const { config, log, delivery } = deps;
  let jobs: Jobs | undefined;
  let sender: Sender | undefined;
  let lapsed: NodeJS.Timeout | undefined;
  const past: DeliveryStats = { sent: 0, retried429: 0, retriedOther: 0, refused: 0, failed: 0, migrated: 0, deferred: 0 };
  return {
    get jobs() {
      return jobs;
    },
    get totals() {
      if (!sender) return past;
      const now = sender.totals;
      return Object.fromEntries(Object.entries(past).map(([k, v]) => [k, v + now[k as keyof DeliveryStats]])) as unknown as DeliveryStats;
    },
    async onElected() {
      // The sender gets an Api of its own, without the auto-retry plugin the bot's replies use:
      // it paces itself and handles 429s (see sender.ts).
      sender = new Sender({
        api: new Api(config.token, apiClient(config.apiRoot)),
        outbox: delivery.outbox,
        ratePerSecond: config.broadcastRate,
        paid: config.paidBroadcast,
        log,
        onRefusal: handleRefusal({ subscriptions: deps.subscriptions, prefs: deps.prefs, log }),
      });
      // The jobs wake the sender (never before their first tick): see the top of jobs.ts.
      jobs = await startJobs({ ...deps, announced: delivery.announced, outbox: delivery.outbox, sender });
      // A leader that died holds its claims until their lease runs out; the first tick could not
      // take them. Through a tick, not sender.wake(): only a tick may wake the sender (jobs.ts).
      if (deps.claimLeaseMs !== undefined) lapsed = setTimeout(() => jobs?.recordChanged(), deps.claimLeaseMs + 250);
      log.info("leading: the digest job and the sender run here");
    },
    async onDeposed(reason) {
      clearTimeout(lapsed);
      const s = sender;
      const j = jobs;
      sender = undefined;
      jobs = undefined;
      // First, and synchronously: not one message more leaves this process.
      const senderStopped = s?.stop();
      log.warn("no longer leading: the digest job and the sender stopped here", { reason });
      await j?.stop().catch((err: unknown) => log.warn("the digest job did not stop cleanly", { error: describeError(err) }));
      await senderStopped;
      if (s) for (const k of Object.keys(past) as (keyof DeliveryStats)[]) past[k] += s.totals[k];
      // The next leader takes what this one had claimed at once, if the database still answers.
      await delivery.release().catch((err: unknown) => log.warn("could not let go of the outbox's claims; they lapse by themselves", { error: describeError(err) }));
    },
  };
}

/** Long polling: one poller among the replicas (a second getUpdates would be answered 409). */
export function pollingDuty(bot: Bot<ParleyContext>, allowedUpdates: readonly string[], log: Logger): LeadershipHandlers & { readonly runner: RunnerHandle | undefined } {
  let runner: RunnerHandle | undefined;
  return {
    get runner() {
      return runner;
    },
    onElected() {
      runner = run(bot, { runner: { fetch: { allowed_updates: [...allowedUpdates] as never } } });
      log.info("polling: this replica fetches the updates");
    },
    async onDeposed(reason) {
      const r = runner;
      runner = undefined;
      if (r?.isRunning()) await r.stop();
      log.warn("no longer polling", { reason });
    },
  };
}

/**
 * The feed poller: one among the replicas, or every outlet would be fetched, and every report
 * taken, once per replica. On election the drafts an editor has no copy of (the last leader
 * stopped while sending them) go out first, then the poller starts (src/main.ts startFeeds);
 * deposed, it stops at once, its requests withdrawn.
 */
export function feedsDuty(deps: { start(): Promise<Poller | undefined>; resume(): Promise<void>; log: Logger }): LeadershipHandlers & { readonly poller: Poller | undefined } {
  let poller: Poller | undefined;
  return {
    get poller() {
      return poller;
    },
    async onElected() {
      await deps.resume().catch((err: unknown) => deps.log.warn("could not send the pending drafts to the editors", { error: describeError(err) }));
      poller = await deps.start();
    },
    async onDeposed(reason) {
      const p = poller;
      poller = undefined;
      if (!p) return;
      await p.stop().catch((err: unknown) => deps.log.warn("the feed poller did not stop cleanly", { error: describeError(err) }));
      deps.log.warn("no longer polling the feeds", { reason });
    },
  };
}

/** Several duties held as one leadership: elected in order, deposed in reverse. */
export function together(...duties: LeadershipHandlers[]): LeadershipHandlers {
  return {
    async onElected() {
      for (const d of duties) await d.onElected();
    },
    async onDeposed(reason) {
      for (const d of [...duties].reverse()) await d.onDeposed(reason);
    },
  };
}
