// The digest job. A tick runs on every DIGEST_CRON, at once after a write by the bot (main.ts
// calls recordChanged()), and shortly after events.json is replaced or edited by anyone else (a
// watcher on its folder); never two at once, and however many of these come while a tick runs,
// one more tick follows it. Each tick:
// 1. re-read the record if the file changed; a broken edit keeps the last good record serving,
//    and the problem is logged and sent to the admins (once per broken version);
// 2. compare the record with what was announced (digest/changes.ts); one digest per instant
//    subscription into the outbox (planned by digest/plan.ts); only then record the changes as
//    announced;
// 3. reminders due now, into the outbox, then recorded as sent;
// 4. daily digests whose hour has come in the chat's zone (or passed while the bot was down);
// 5. wake the sender, which drains the outbox at Telegram's pace.
//
// Crash safety. Each step puts its messages into the outbox first and records its progress
// second, and message ids are derived from what is announced (the batch's changes and the
// announced state's generation; the reminder's key; the daily digest's range of changes), so a
// tick that is killed between the two writes and runs again after the restart enqueues the
// same ids, which the outbox skips. That relies on one more rule: messages enqueued by a tick
// reach the sender only through the wake() at its end. Until then they stay pending in the
// outbox (the sender only takes in new messages when woken), so after a kill none of them can
// have been sent and forgotten by the outbox's compaction; the re-run finds them all still
// there. Nothing else may wake the sender between a step's enqueue and its record.
// (Delivery stays at-least-once in one corner: if the record is edited again while the bot is
// down after such a kill, the re-run's batch differs, and the first batch's pending messages
// go out as well as the new ones.)
import { watch } from "node:fs";
import { basename, dirname } from "node:path";
import cron from "node-cron";
import type { I18n } from "@grammyjs/i18n";
import type { Bot } from "grammy";
import type { Config } from "./config.ts";
import type { Logger } from "./log.ts";
import type { ParleyContext } from "./bot/context.ts";
import { describeProblem } from "./record/validate.ts";
import type { EntryRef } from "./record/record.ts";
import type { LiveRecord } from "./record/live-record.ts";
import type { Lang } from "./record/schema.ts";
import { chatLocale, moveChat, type ChatPrefsStore } from "./store/chats.ts";
import type { SubscriptionStore } from "./store/subscriptions.ts";
import { type AnnouncedStore, FileAnnouncedStore } from "./store/announced.ts";
import type { Outbox, OutboxMessage } from "./delivery/outbox.ts";
import type { Refusal } from "./delivery/failures.ts";
import { escapeHtml } from "./present/html.ts";
import type { Translate } from "./present/translate.ts";
import { detectChanges, fingerprint, initialAnnounced } from "./digest/changes.ts";
import { localClock, planDailyDigests, planInstantDigests, planReminders, type Readers } from "./digest/plan.ts";
import type { Words } from "./digest/render.ts";

/** What the job needs of the sender: a kick once messages are ready. */
export interface Wakeable {
  wake(): void;
}

export interface JobDeps {
  config: Config;
  log: Logger;
  clock: () => Date;
  source: LiveRecord;
  bot: Bot<ParleyContext>;
  i18n: I18n<ParleyContext>;
  stateDir: string;
  /** What was announced; by default the file back end in stateDir. */
  announced?: AnnouncedStore;
  prefs: ChatPrefsStore;
  subscriptions: SubscriptionStore;
  outbox: Outbox;
  sender: Wakeable;
  /** Told of each tick's outcome and of refused reloads (the metrics, src/http/metrics.ts). */
  observe?: JobObserver;
}

export interface JobObserver {
  tick(ok: boolean): void;
  reloadRefused(): void;
}

export interface Jobs {
  /** Stops the schedule and waits for a tick in progress. */
  stop(): Promise<void>;
  /** Waits for the job's own state to be on disk. */
  flush(): Promise<void>;
  /** One tick now (tests, start-up); waits for a tick in progress first. */
  tick(): Promise<void>;
  /**
   * Says the record was just written (the bot's /add and /update): a tick starts at once, or
   * right after the one in progress. Never waits.
   */
  recordChanged(): void;
  /** What has been announced (the feeds and calendars read it). */
  announced: AnnouncedStore;
}

/** Old reminder keys are looked through this often, not every tick. */
const PRUNE_REMINDERS_MS = 10 * 60 * 1000;
/**
 * How long after the first sign of a change to events.json the watcher asks for a tick. An
 * editor saving in place writes in several steps, and a CLI replaces the file with a rename
 * that shows up as more than one event: waiting a little lets them land as one change, and is
 * still well within the couple of seconds a subscriber may wait.
 */
export const RECORD_SETTLE_MS = 150;

/**
 * What the sender does when a chat refuses us: a blocked bot or a vanished chat stops its
 * subscriptions (they resume with /subscribe); a group that became a supergroup takes its
 * subscriptions and preferences to the new id.
 */
export function handleRefusal(deps: { subscriptions: SubscriptionStore; prefs: ChatPrefsStore; log: Logger }) {
  return async (refusal: Refusal): Promise<void> => {
    const chatId = Number(refusal.message.chatId);
    if (refusal.kind === "migrated") {
      const moved = await moveChat(deps, chatId, refusal.newChatId);
      deps.log.info("group became a supergroup; its subscriptions moved", { from: chatId, to: refusal.newChatId, moved });
      return;
    }
    if (refusal.kind === "topic-gone") {
      const stopped = await deps.subscriptions.deactivate(refusal.message.subscriptionKey, "topic deleted");
      deps.log.info("forum topic deleted; its subscription stopped", { chat: chatId, subscription: refusal.message.subscriptionKey, stopped });
      return;
    }
    const stopped = await deps.subscriptions.deactivateChat(chatId, refusal.kind);
    deps.log.info("chat refused delivery; its subscriptions stopped", { chat: chatId, reason: refusal.kind, stopped: stopped.length });
  };
}


/**
 * Runs ticks one at a time. A request while a tick runs is remembered, not queued: however
 * many arrive, one more tick follows the running one, and it sees every change made before it
 * started. That is what lets a burst of writes cost one extra tick rather than one each.
 */
export class TickRunner {
  readonly #tick: () => Promise<void>;
  readonly #onError: (err: unknown) => void;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;

  constructor(tick: () => Promise<void>, onError: (err: unknown) => void) {
    this.#tick = tick;
    this.#onError = onError;
  }

  /** A tick as soon as possible; failures go to onError. */
  request(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#start().catch(this.#onError);
  }

  /** A tick of its own, after any in progress; rejects if it fails. */
  async now(): Promise<void> {
    while (this.#running) await this.#running;
    await this.#start();
  }

  /** Runs no more ticks and waits for the one in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#again = false;
    while (this.#running) await this.#running;
  }

  #start(): Promise<void> {
    const p = this.#tick();
    this.#running = p
      .catch(() => undefined)
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.request();
        }
      });
    return p;
  }
}

/**
 * Watches the folder of the record, not the file: the writers (the bot's and `npm run events`,
 * in another process) replace events.json by rename, and a watch on the file itself would
 * follow the old inode and hear nothing after the first write. Calls `changed` once,
 * RECORD_SETTLE_MS after the first event of a burst (from the first, not the last: a stream of
 * writes must not hold the announcement back). Where the folder cannot be watched the cron
 * tick still finds every change, later.
 */
export function watchRecord(file: string, changed: () => void, log: Logger): { close(): void } {
  const name = basename(file);
  let timer: NodeJS.Timeout | undefined;
  const settle = () => {
    timer = undefined;
    changed();
  };
  let watcher;
  try {
    watcher = watch(dirname(file), { persistent: false }, (_event, filename) => {
      // No name is given on some platforms: it may be ours.
      if (filename && filename !== name) return;
      timer ??= setTimeout(settle, RECORD_SETTLE_MS);
    });
  } catch (err) {
    log.warn("cannot watch the record's folder; changes are noticed at the next cron tick", { folder: dirname(file), error: String(err) });
    return { close() {} };
  }
  watcher.on("error", (err) => {
    log.warn("stopped watching the record's folder; changes are noticed at the next cron tick", { folder: dirname(file), error: String(err) });
    watcher.close();
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}

export async function startJobs(deps: JobDeps): Promise<Jobs> {
  const { config, log, source, bot, i18n, prefs, subscriptions, outbox, sender, clock } = deps;
  if (!cron.validate(config.digestCron)) throw new Error(`DIGEST_CRON "${config.digestCron}" is not a valid cron expression (e.g. "* * * * *" for every minute)`);
  const state = deps.announced ?? FileAnnouncedStore.open(deps.stateDir);
  /** The log last compared with the announced state: an unchanged record is not compared again. */
  let compared: readonly EntryRef[] | null = null;
  let prunedRemindersAt = 0;

  const words = new Map<Lang, Words>();
  const wordsFor = (lang: Lang): Words => {
    let w = words.get(lang);
    if (!w) {
      const t: Translate = (key, vars) => i18n.t(lang, key, vars);
      w = { lang, t };
      words.set(lang, w);
    }
    return w;
  };

  const reportBroken = async (lines: string[]) => {
    log.error("the event log has errors; still serving the last good version", { problems: lines });
    for (const admin of config.adminIds) {
      await bot.api
        .sendMessage(admin, `⚠️ <b>events.json</b>\n${lines.slice(0, 20).map((l) => escapeHtml(l)).join("\n")}`)
        .catch((err) => log.warn("could not tell an admin about the broken record", { admin, error: String(err) }));
    }
  };

  /**
   * True from a step's enqueue until it has recorded its progress. While true the sender must
   * not be woken (see the top of this file), and no further step runs.
   */
  let halfDone = false;
  async function enqueue(messages: OutboxMessage[]) {
    if (!messages.length) return;
    halfDone = true;
    await outbox.enqueue(messages);
  }
  function recorded() {
    halfDone = false;
  }

  /** Step 2: changes since the last announcement → instant digests → recorded as announced. */
  const announceChanges = async (now: Date, readers: Readers) => {
    // Taken together: the editorial commands reload the source between our awaits.
    const current = source.refs;
    const record = source.record;
    if (!state.initialized) {
      // A fresh install (or a lost announced.json): what is in the record now is old news.
      await state.initialize(initialAnnounced(current, record.entry), now);
      compared = current;
      log.info("first run: the record as it stands counts as announced", { entries: current.length });
      return;
    }
    if (current === compared) return;
    const { changes, updates, removed } = detectChanges(state.entries, current, record.entry);
    if (removed.length) log.info("entries left the record; not announced", { ids: removed.slice(0, 20), count: removed.length });
    if (changes.length) {
      const batch = `${state.generation}-${fingerprint(changes.map((c) => c.key))}`;
      const { messages, renders } = planInstantDigests(changes, batch, record, readers);
      await enqueue(messages);
      log.info("changes announced", { changes: changes.map((c) => `${c.entryId}:${c.type}`), messages: messages.length, renders });
    }
    if (changes.length || Object.keys(updates).length) await state.commit(updates, changes, now);
    recorded();
    compared = current;
  };

  /** Step 3: reminders due now, per subscription. */
  const sendReminders = async (now: Date, readers: Readers) => {
    const { messages, sent } = planReminders(source.record, now, readers, (key) => state.reminderSent(key));
    await enqueue(messages);
    if (sent.length) {
      await state.markReminders(sent);
      log.info("reminders due", { messages: messages.length });
    }
    recorded();
  };

  /** Step 4: daily digests whose hour has come (or passed while the bot was down). */
  const sendDailyDigests = async (readers: Readers, seqBefore: number) => {
    const upTo = state.lastSeq;
    const { messages, renders, progress, dailyKeys } = planDailyDigests(source.record, readers, {
      seqBefore,
      upTo,
      progress: (key) => state.daily(key),
      changesSince: (cursor) => state.changesBetween(cursor, upTo).map((l) => l.change),
    });
    await enqueue(messages);
    for (const [key, st] of progress) state.setDaily(key, st);
    const pruned = state.pruneDaily(dailyKeys);
    if (progress.length || pruned) await state.save();
    recorded();
    if (messages.length) log.info("daily digests", { messages: messages.length, renders });
  };

  const tick = async () => {
    const now = clock();
    const result = await source.reload();
    if (result.kind === "invalid") deps.observe?.reloadRefused();
    if (result.kind === "invalid") await reportBroken(result.problems.map(describeProblem));
    else if (result.kind === "reloaded") log.info("record reloaded", { entries: result.entries, inWorker: result.inWorker });

    const readers: Readers = {
      // A snapshot: subscriptions may change while the tick awaits its writes.
      subs: Array.from(subscriptions.active()),
      localeOf: (sub) => chatLocale(prefs, sub.chatId, config.defaultTimezone),
      words: wordsFor,
      localTime: localClock(now),
    };
    const seqBefore = state.lastSeq;
    const steps: [string, () => Promise<void>][] = [
      ["changes", () => announceChanges(now, readers)],
      ["reminders", () => sendReminders(now, readers)],
      ["daily digests", () => sendDailyDigests(readers, seqBefore)],
      [
        "pruning reminders",
        async () => {
          if (now.getTime() - prunedRemindersAt < PRUNE_REMINDERS_MS) return;
          prunedRemindersAt = now.getTime();
          await state.pruneReminders(now);
        },
      ],
    ];
    // One step failing (a bug, a full disk) does not hold back the others, unless it failed
    // between its enqueue and its record: then nothing more happens until the next tick
    // retries it (its messages are still pending, so the retry adds nothing twice).
    let failure: unknown;
    for (const [name, step] of steps) {
      try {
        await step();
      } catch (err) {
        failure ??= err;
        log.error(`digest job: ${name} failed`, { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
        if (halfDone) break;
      }
    }
    // Only now may the sender see this tick's messages (see the top of this file).
    if (!halfDone) sender.wake();
    halfDone = false;
    deps.observe?.tick(!failure);
    if (failure) throw failure;
  };

  const ticks = new TickRunner(tick, (err) => log.error("tick failed", { error: err instanceof Error ? (err.stack ?? err.message) : String(err) }));
  // A cron tick that comes while a tick runs becomes the one tick that follows it.
  const task = cron.schedule(config.digestCron, () => ticks.request());
  // The file is watched for edits by hand; the record in PostgreSQL tells of other replicas' writes.
  const watcher = source.file ? watchRecord(source.file, () => ticks.request(), log) : { close: source.onChange?.(() => ticks.request()) ?? (() => {}) };
  // Soon, not at the first cron minute: messages left in the outbox by a stop resume now. On the
  // next turn of the event loop, so that polling has started before the tick's work.
  const first = setTimeout(() => ticks.request(), 0);

  return {
    tick: () => ticks.now(),
    recordChanged: () => ticks.request(),
    stop: async () => {
      clearTimeout(first);
      watcher.close();
      await task.stop();
      await ticks.stop();
    },
    flush: () => state.flush(),
    announced: state,
  };
}
