// The cron job. On every tick (DIGEST_CRON), never two at once:
// 1. re-read the record if the file changed; a broken edit keeps the last good record serving,
//    and the problem is logged and sent to the admins (once per broken version);
// 2. compare the record with what was announced (digest/changes.ts); render the changes once per
//    (language, set of changes a subscription's filters let through) and put one digest per
//    instant subscription into the outbox; only then record the changes as announced;
// 3. reminders due now (digest/reminders.ts), into the outbox, then recorded as sent;
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
import cron from "node-cron";
import type { I18n } from "@grammyjs/i18n";
import type { Bot } from "grammy";
import type { Config } from "./config.ts";
import type { Logger } from "./log.ts";
import type { ParleyContext } from "./bot/context.ts";
import { describeProblem } from "./record/validate.ts";
import type { EntryRef } from "./record/record.ts";
import type { RecordSource } from "./record-file/source.ts";
import type { Lang } from "./record/schema.ts";
import { chatLocale, moveChat, type ChatPrefsStore } from "./store/chats.ts";
import type { SubscriptionStore } from "./store/subscriptions.ts";
import type { Subscription } from "./store/subscription-types.ts";
import { AnnouncedStore } from "./store/announced.ts";
import type { Outbox, OutboxMessage } from "./delivery/outbox.ts";
import type { Refusal } from "./delivery/sender.ts";
import { escapeHtml } from "./present/html.ts";
import { formatDay, wallClock } from "./present/dates.ts";
import type { Translate } from "./present/translate.ts";
import { detectChanges, fingerprint, initialAnnounced, matchesFilters, mergeChanges, type RecordChange } from "./digest/changes.ts";
import { ReminderPlanner, reminderCandidates } from "./digest/reminders.ts";
import { renderDigest, renderReminder, type DigestMessage, type Words } from "./digest/render.ts";

/** What the job needs of the sender: a kick once messages are ready. */
export interface Wakeable {
  wake(): void;
}

export interface JobDeps {
  config: Config;
  log: Logger;
  clock: () => Date;
  source: RecordSource;
  bot: Bot<ParleyContext>;
  i18n: I18n<ParleyContext>;
  stateDir: string;
  prefs: ChatPrefsStore;
  subscriptions: SubscriptionStore;
  outbox: Outbox;
  sender: Wakeable;
}

export interface Jobs {
  /** Stops the schedule and waits for a tick in progress. */
  stop(): Promise<void>;
  /** Waits for the job's own state to be on disk. */
  flush(): Promise<void>;
  /** One tick now (tests, start-up); waits for a tick in progress first. */
  tick(): Promise<void>;
}

/** Old reminder keys are looked through this often, not every tick. */
const PRUNE_REMINDERS_MS = 10 * 60 * 1000;

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

/** A chat's clock reading: its day and hour now. */
interface LocalTime {
  day: string;
  yesterday: string;
  hour: number;
}

function inQuietHours(sub: Readonly<Subscription>, hour: number): boolean {
  const q = sub.quietHours;
  if (!q) return false;
  return q.from < q.to ? hour >= q.from && hour < q.to : hour >= q.from || hour < q.to;
}

function filterKey(sub: Readonly<Subscription>): string {
  const tracks = sub.tracks === "all" ? "*" : [...sub.tracks].sort().join(",");
  const kinds = sub.kinds === "all" ? "*" : [...sub.kinds].sort().join(",");
  return `${tracks}/${kinds}`;
}

export async function startJobs(deps: JobDeps): Promise<Jobs> {
  const { config, log, source, bot, i18n, prefs, subscriptions, outbox, sender, clock } = deps;
  if (!cron.validate(config.digestCron)) throw new Error(`DIGEST_CRON "${config.digestCron}" is not a valid cron expression (e.g. "* * * * *" for every minute)`);
  const state = AnnouncedStore.open(deps.stateDir);
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

  /** Per tick: each zone's day and hour, computed once per zone rather than per chat. */
  const clockIn = (now: Date) => {
    const zones = new Map<string, LocalTime>();
    return (zone: string): LocalTime => {
      let lt = zones.get(zone);
      if (!lt) {
        const local = wallClock(now, zone);
        lt = { day: local.format("YYYY-MM-DD"), yesterday: local.subtract(1, "day").format("YYYY-MM-DD"), hour: local.hour() };
        zones.set(zone, lt);
      }
      return lt;
    };
  };

  const chatOf = (sub: Readonly<Subscription>) => {
    return chatLocale(prefs, sub.chatId, config.defaultTimezone);
  };

  const toOutbox = (sub: Readonly<Subscription>, idBase: string, rendered: DigestMessage[], quiet: boolean): OutboxMessage[] =>
    rendered.map((m, part) => ({
      id: `${idBase}|${sub.key}|${part}`,
      chatId: sub.chatId,
      ...(sub.threadId ? { threadId: sub.threadId } : {}),
      text: m.text,
      ...(m.replyMarkup ? { replyMarkup: m.replyMarkup } : {}),
      ...(quiet ? { disableNotification: true } : {}),
      subscriptionKey: sub.key,
    }));

  const reportBroken = async (lines: string[]) => {
    log.error("the event log has errors; still serving the last good version", { problems: lines });
    for (const admin of config.adminIds) {
      await bot.api
        .sendMessage(admin, `⚠️ <b>events.json</b>\n${lines.slice(0, 20).map((l) => escapeHtml(l)).join("\n")}`, { parse_mode: "HTML" })
        .catch((err) => log.warn("could not tell an admin about the broken record", { admin, error: String(err) }));
    }
  };

  /** Step 2: changes since the last announcement → instant digests → recorded as announced. */
  const announceChanges = async (now: Date, subs: readonly Readonly<Subscription>[], localTime: (zone: string) => LocalTime) => {
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
      const rendered = new Map<string, DigestMessage[]>();
      const messages: OutboxMessage[] = [];
      for (const sub of subs) {
        if (sub.delivery.mode !== "instant") continue;
        const picked: number[] = [];
        for (let i = 0; i < changes.length; i++) if (matchesFilters(changes[i], sub)) picked.push(i);
        if (!picked.length) continue;
        const { lang, zone } = chatOf(sub);
        const key = `${lang}|${picked.join(",")}`;
        let texts = rendered.get(key);
        if (!texts) {
          texts = renderDigest(
            picked.map((i) => changes[i]),
            record,
            wordsFor(lang),
          );
          rendered.set(key, texts);
        }
        messages.push(...toOutbox(sub, `c|${batch}`, texts, inQuietHours(sub, localTime(zone).hour)));
      }
      await enqueue(messages);
      log.info("changes announced", { changes: changes.map((c) => `${c.entryId}:${c.type}`), messages: messages.length, renders: rendered.size });
    }
    if (changes.length || Object.keys(updates).length) await state.commit(updates, changes, now);
    recorded();
    compared = current;
  };

  /** Step 3: reminders due now, per subscription. */
  const sendReminders = async (now: Date, subs: readonly Readonly<Subscription>[], localTime: (zone: string) => LocalTime) => {
    const withReminders = subs.filter((s) => s.reminders.enabled);
    if (!withReminders.length) return;
    // A loop, not Math.max(...list): spreading 100,000 subscriptions' hours overflows the stack.
    let maxHours = 24;
    for (const s of withReminders) for (const h of s.reminders.hoursBefore) if (h > maxHours) maxHours = h;
    const candidates = reminderCandidates(source.record, now, maxHours);
    if (!candidates.length) return;
    const planner = new ReminderPlanner(candidates, now);
    const rendered = new Map<string, DigestMessage | undefined>();
    const messages: OutboxMessage[] = [];
    const sent: { key: string; forgetAfter: number }[] = [];
    for (const sub of withReminders) {
      const { lang, zone } = chatOf(sub);
      for (const r of planner.due(sub.key, sub.reminders, zone, (k) => state.reminderSent(k))) {
        const key = `${r.entryId}|${lang}|${zone}`;
        if (!rendered.has(key)) rendered.set(key, renderReminder(r, source.record, { ...wordsFor(lang), zone, now }));
        const m = rendered.get(key);
        if (m) messages.push(...toOutbox(sub, `r|${r.key}`, [m], inQuietHours(sub, localTime(zone).hour)));
        const forgetAfter = r.startsAt + 2 * 24 * 60 * 60 * 1000;
        for (const k of [r.key, ...r.alsoCovers]) sent.push({ key: k, forgetAfter });
      }
    }
    await enqueue(messages);
    if (sent.length) {
      await state.markReminders(sent);
      log.info("reminders due", { messages: messages.length });
    }
    recorded();
  };

  /** Step 4: daily digests whose hour has come (or passed while the bot was down). */
  const sendDailyDigests = async (subs: readonly Readonly<Subscription>[], seqBefore: number, localTime: (zone: string) => LocalTime) => {
    const upTo = state.lastSeq;
    const dailyKeys = new Set<string>();
    const rendered = new Map<string, DigestMessage[]>();
    const messages: OutboxMessage[] = [];
    const done: [string, { cursor: number; lastDay: string }][] = [];
    let changed = false;
    for (const sub of subs) {
      if (sub.delivery.mode !== "daily") continue;
      const hour = sub.delivery.hour;
      dailyKeys.add(sub.key);
      const { lang, zone } = chatOf(sub);
      const local = localTime(zone);
      const st = state.daily(sub.key);
      if (!st) {
        // New to daily delivery: changes from this tick on are owed; today's hour counts as
        // done if it has passed (it would otherwise fire at once, like an instant digest).
        state.setDaily(sub.key, { cursor: seqBefore, lastDay: local.hour >= hour ? local.day : local.yesterday });
        changed = true;
        continue;
      }
      if (st.lastDay >= local.day || local.hour < hour) continue;
      const owed = mergeChanges(
        state
          .changesBetween(st.cursor, upTo)
          .map((l) => l.change)
          .filter((c) => matchesFilters(c, sub)),
      );
      if (owed.length) {
        const key = `${lang}|${local.day}|${st.cursor}|${filterKey(sub)}`;
        let texts = rendered.get(key);
        if (!texts) {
          const w = wordsFor(lang);
          texts = renderDigest(owed, source.record, w, { kind: "daily", day: formatDay(local.day, lang) });
          rendered.set(key, texts);
        }
        messages.push(...toOutbox(sub, `d|${st.cursor}-${upTo}`, texts, inQuietHours(sub, local.hour)));
      }
      done.push([sub.key, { cursor: upTo, lastDay: local.day }]);
    }
    await enqueue(messages);
    for (const [key, st] of done) state.setDaily(key, st);
    if (state.pruneDaily(dailyKeys)) changed = true;
    if (done.length || changed) await state.save();
    recorded();
    if (messages.length) log.info("daily digests", { messages: messages.length, renders: rendered.size });
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

  const tick = async () => {
    const now = clock();
    const result = await source.reload();
    if (result.kind === "invalid") await reportBroken(result.problems.map(describeProblem));
    else if (result.kind === "reloaded") log.info("record reloaded", { entries: result.entries, inWorker: result.inWorker });

    // A snapshot: subscriptions may change while the tick awaits its writes.
    const subs = Array.from(subscriptions.active());
    const localTime = clockIn(now);
    const seqBefore = state.lastSeq;
    const steps: [string, () => Promise<void>][] = [
      ["changes", () => announceChanges(now, subs, localTime)],
      ["reminders", () => sendReminders(now, subs, localTime)],
      ["daily digests", () => sendDailyDigests(subs, seqBefore, localTime)],
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
    if (failure) throw failure;
  };

  let running: Promise<void> | null = null;
  /** Starts a tick and marks it running; the returned promise rejects if the tick fails. */
  const runTick = (): Promise<void> => {
    const p = tick();
    running = p
      .catch(() => undefined)
      .finally(() => {
        running = null;
      });
    return p;
  };
  const runLogged = () =>
    runTick().catch((err) => log.error("tick failed", { error: err instanceof Error ? (err.stack ?? err.message) : String(err) }));

  // node-cron would start a second run while the first is still going; a slow tick is skipped.
  const task = cron.schedule(config.digestCron, () => {
    if (!running) void runLogged();
  });
  // Soon, not at the first cron minute: messages left in the outbox by a stop resume now. On the
  // next turn of the event loop, so that polling has started before the tick's work.
  const first = setTimeout(() => {
    if (!running) void runLogged();
  }, 0);

  return {
    tick: async () => {
      while (running) await running;
      await runTick();
    },
    stop: async () => {
      clearTimeout(first);
      await task.stop();
      while (running) await running;
    },
    flush: () => state.flush(),
  };
}
