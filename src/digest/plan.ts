// What to send to whom at one tick: the three planners behind the digest job (jobs.ts). Pure:
// the subscriptions, the record, what was announced and the clock reading come in as plain data
// and lookups; outbox messages and the progress to record once they are enqueued come out. The
// job does the I/O in the order that keeps a crash harmless (enqueue, then record, then wake).
//
// Message ids are derived from what is announced (the batch of changes, the reminder's key, the
// daily digest's range of changes), never from the clock, so a tick re-run after a kill plans
// the same ids and the outbox skips them.
import type { OutboxMessage } from "../delivery/outbox.ts";
import { formatDay, wallClock } from "../present/dates.ts";
import type { RecordView } from "../record/record.ts";
import type { Lang } from "../record/schema.ts";
import type { DailyState } from "../store/announced.ts";
import type { Subscription } from "../store/subscription-types.ts";
import { matchesFilters, mergeChanges, type RecordChange } from "./changes.ts";
import { ReminderPlanner, reminderCandidates } from "./reminders.ts";
import { renderDigest, renderReminder, type DigestMessage, type Words } from "./render.ts";

/** A chat's clock reading at this tick: its day and hour. */
export interface LocalTime {
  day: string;
  yesterday: string;
  hour: number;
}

/** What every planner needs to know of the readers at this tick. */
export interface Readers {
  /** Active subscriptions, a snapshot taken at the start of the tick. */
  subs: readonly Readonly<Subscription>[];
  /** The chat's language and zone (the one rule: chatLocale in store/chats.ts). */
  localeOf(sub: Readonly<Subscription>): { lang: Lang; zone: string };
  words(lang: Lang): Words;
  /** The zone's day and hour at this tick. */
  localTime(zone: string): LocalTime;
}

/** Each zone's day and hour at `now`, worked out once per zone rather than once per chat. */
export function localClock(now: Date): (zone: string) => LocalTime {
  const zones = new Map<string, LocalTime>();
  return (zone) => {
    let lt = zones.get(zone);
    if (!lt) {
      const local = wallClock(now, zone);
      lt = { day: local.format("YYYY-MM-DD"), yesterday: local.subtract(1, "day").format("YYYY-MM-DD"), hour: local.hour() };
      zones.set(zone, lt);
    }
    return lt;
  };
}

export function inQuietHours(sub: Readonly<Subscription>, hour: number): boolean {
  const q = sub.quietHours;
  if (!q) return false;
  return q.from < q.to ? hour >= q.from && hour < q.to : hour >= q.from || hour < q.to;
}

function filterKey(sub: Readonly<Subscription>): string {
  const tracks = sub.tracks === "all" ? "*" : [...sub.tracks].sort().join(",");
  const kinds = sub.kinds === "all" ? "*" : [...sub.kinds].sort().join(",");
  return `${tracks}/${kinds}`;
}

function toOutbox(sub: Readonly<Subscription>, idBase: string, rendered: readonly DigestMessage[], quiet: boolean): OutboxMessage[] {
  return rendered.map((m, part) => ({
    id: `${idBase}|${sub.key}|${part}`,
    chatId: sub.chatId,
    ...(sub.threadId ? { threadId: sub.threadId } : {}),
    text: m.text,
    ...(m.replyMarkup ? { replyMarkup: m.replyMarkup } : {}),
    ...(quiet ? { disableNotification: true } : {}),
    subscriptionKey: sub.key,
  }));
}

export interface Planned {
  messages: OutboxMessage[];
  /** Distinct texts rendered (the rest were shared between chats). */
  renders: number;
}

/**
 * One digest per instant subscription whose filters let any of `changes` through. `batch`
 * names the changes and the announced state they were found against.
 */
export function planInstantDigests(changes: readonly RecordChange[], batch: string, record: RecordView, readers: Readers): Planned {
  const rendered = new Map<string, DigestMessage[]>();
  const messages: OutboxMessage[] = [];
  if (!changes.length) return { messages, renders: 0 };
  for (const sub of readers.subs) {
    if (sub.delivery.mode !== "instant") continue;
    const picked: number[] = [];
    for (let i = 0; i < changes.length; i++) if (matchesFilters(changes[i], sub)) picked.push(i);
    if (!picked.length) continue;
    const { lang, zone } = readers.localeOf(sub);
    const key = `${lang}|${picked.join(",")}`;
    let texts = rendered.get(key);
    if (!texts) {
      texts = renderDigest(
        picked.map((i) => changes[i]),
        record,
        readers.words(lang),
      );
      rendered.set(key, texts);
    }
    messages.push(...toOutbox(sub, `c|${batch}`, texts, inQuietHours(sub, readers.localTime(zone).hour)));
  }
  return { messages, renders: rendered.size };
}

export interface PlannedReminders extends Planned {
  /** Reminder keys to keep as sent once the messages are enqueued, and until when. */
  sent: { key: string; forgetAfter: number }[];
}

/** A sent reminder's key is kept this long after its entry starts: by then it can no longer be due. */
const KEEP_SENT_AFTER_START_MS = 2 * 24 * 60 * 60 * 1000;

/** Reminders due at `now` for every subscription that wants them. */
export function planReminders(record: RecordView, now: Date, readers: Readers, isSent: (key: string) => boolean): PlannedReminders {
  const none: PlannedReminders = { messages: [], renders: 0, sent: [] };
  const withReminders = readers.subs.filter((s) => s.reminders.enabled);
  if (!withReminders.length) return none;
  // A loop, not Math.max(...list): spreading 100,000 subscriptions' hours overflows the stack.
  let maxHours = 24;
  for (const s of withReminders) for (const h of s.reminders.hoursBefore) if (h > maxHours) maxHours = h;
  const candidates = reminderCandidates(record, now, maxHours);
  if (!candidates.length) return none;
  const planner = new ReminderPlanner(candidates, now);
  const rendered = new Map<string, DigestMessage | undefined>();
  const messages: OutboxMessage[] = [];
  const sent: PlannedReminders["sent"] = [];
  for (const sub of withReminders) {
    const { lang, zone } = readers.localeOf(sub);
    for (const r of planner.due(sub.key, sub.reminders, zone, isSent)) {
      const key = `${r.entryId}|${lang}|${zone}`;
      if (!rendered.has(key)) rendered.set(key, renderReminder(r, record, { ...readers.words(lang), zone, now }));
      const m = rendered.get(key);
      if (m) messages.push(...toOutbox(sub, `r|${r.key}`, [m], inQuietHours(sub, readers.localTime(zone).hour)));
      const forgetAfter = r.startsAt + KEEP_SENT_AFTER_START_MS;
      for (const k of [r.key, ...r.alsoCovers]) sent.push({ key: k, forgetAfter });
    }
  }
  return { messages, renders: rendered.size, sent };
}

export interface PlannedDailyDigests extends Planned {
  /** Each daily subscription's progress to record once the messages are enqueued (new ones included). */
  progress: [key: string, progress: DailyState][];
  /** Every daily subscription's key: the progress of any other can be forgotten. */
  dailyKeys: Set<string>;
}

export interface DailyLedger {
  /** The announced changes' sequence number before this tick announced anything, and now. */
  seqBefore: number;
  upTo: number;
  progress(key: string): DailyState | undefined;
  /** Changes announced after `cursor`, up to `upTo`, in order. */
  changesSince(cursor: number): readonly RecordChange[];
}

/** Daily digests whose hour has come in the chat's zone (or passed while the bot was down). */
export function planDailyDigests(record: RecordView, readers: Readers, ledger: DailyLedger): PlannedDailyDigests {
  const dailyKeys = new Set<string>();
  const rendered = new Map<string, DigestMessage[]>();
  const messages: OutboxMessage[] = [];
  const progress: PlannedDailyDigests["progress"] = [];
  const { upTo } = ledger;
  for (const sub of readers.subs) {
    if (sub.delivery.mode !== "daily") continue;
    const hour = sub.delivery.hour;
    dailyKeys.add(sub.key);
    const { lang, zone } = readers.localeOf(sub);
    const local = readers.localTime(zone);
    const st = ledger.progress(sub.key);
    if (!st) {
      // New to daily delivery: changes from this tick on are owed; today's hour counts as
      // done if it has passed (it would otherwise fire at once, like an instant digest).
      progress.push([sub.key, { cursor: ledger.seqBefore, lastDay: local.hour >= hour ? local.day : local.yesterday }]);
      continue;
    }
    if (st.lastDay >= local.day || local.hour < hour) continue;
    const owed = mergeChanges(ledger.changesSince(st.cursor).filter((c) => matchesFilters(c, sub)));
    if (owed.length) {
      const key = `${lang}|${local.day}|${st.cursor}|${filterKey(sub)}`;
      let texts = rendered.get(key);
      if (!texts) {
        texts = renderDigest(owed, record, readers.words(lang), { kind: "daily", day: formatDay(local.day, lang) });
        rendered.set(key, texts);
      }
      messages.push(...toOutbox(sub, `d|${st.cursor}-${upTo}`, texts, inQuietHours(sub, local.hour)));
    }
    progress.push([sub.key, { cursor: upTo, lastDay: local.day }]);
  }
  return { messages, renders: rendered.size, progress, dailyKeys };
}
