// Reminders before an entry: which are due for one subscription at one moment. Pure: the
// record, the clock reading and the subscription's settings come in; the caller keeps the keys
// of reminders already sent and enqueues the messages.
//
// - An entry with a time: N hours before it (the subscription's hoursBefore, default 24 and 1).
// - An entry with a date only: at dayBeforeHour (default 9:00) on the day before, in the chat's
//   zone (the day of a date-only entry is a calendar day wherever the reader is).
// - Only entries that are "scheduled" now, with a full date in the future: an entry postponed
//   or cancelled since gets none, and a month-only date ("2026-05") is too vague to remind of.
// - A reminder's key names the subscription, the entry, the offset and the moment reminded of,
//   so it is sent once, and a moved date or time produces new reminders.
// - A reminder missed by a short outage is still sent up to CATCH_UP_MS late (and only before
//   the entry starts); older ones are skipped, since "in 24 hours" said 20 hours late misleads.
import dayjs from "dayjs";
import utc from "dayjs/plugin/utc.js";
import type { EntryRef, RecordView } from "../record/record.ts";
import { zonedInstant } from "../present/dates.ts";

dayjs.extend(utc);

export const CATCH_UP_MS = 2 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export interface ReminderSettings {
  enabled: boolean;
  hoursBefore: readonly number[];
  dayBeforeHour: number;
}

/** An entry reminders may be due for: scheduled, with a full date, soon. */
export interface ReminderCandidate {
  entry: EntryRef;
  /** The moment reminded of, as it stands in the record ("2026-04-10T10:00@Europe/Istanbul", "2026-04-10"). */
  moment: string;
  /** Start instant (ms) of an entry with a time; date-only entries start at midnight in each reader's zone. */
  startsAt?: number;
}

export interface Reminder {
  /** `${subKey}|${entryId}|${offset}|${moment}`: what is kept once sent. */
  key: string;
  entryId: string;
  /** "24h", "1h", ... or "day-before". */
  offset: string;
  dueAt: number;
  startsAt: number;
  /** Keys of other reminders for the same entry due at the same time (e.g. 24 h after a long outage is also 1 h): sent as this one. */
  alsoCovers: string[];
}

/**
 * Scheduled entries with a full date whose reminders can fall between now − CATCH_UP_MS and now,
 * for reminders at most `maxHoursBefore` hours ahead. Binary search into the record's dated
 * entries, then a short walk forward: never the whole log.
 */
export function reminderCandidates(record: RecordView, now: Date, maxHoursBefore = 24): ReminderCandidate[] {
  const from = dayjs.utc(now).subtract(2, "day").format("YYYY-MM-DD");
  const to = dayjs.utc(now).add(Math.ceil(maxHoursBefore / 24) + 2, "day").format("YYYY-MM-DD");
  const chrono = record.chrono;
  let lo = 0;
  let hi = chrono.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (chrono[mid].date! < from) lo = mid + 1;
    else hi = mid;
  }
  const out: ReminderCandidate[] = [];
  for (let i = lo; i < chrono.length && chrono[i].date! <= to; i++) {
    const e = chrono[i];
    if (e.status !== "scheduled" || e.date!.length !== 10) continue;
    if (e.time) {
      const zone = e.timezone ?? "UTC";
      out.push({ entry: e, moment: `${e.date}T${e.time}@${zone}`, startsAt: zonedInstant(e.date!, e.time, zone) });
    } else out.push({ entry: e, moment: e.date! });
  }
  return out;
}

/**
 * Works out reminders for many subscriptions at one moment. Zone arithmetic is memoised per
 * (date, zone, hour): 100,000 subscriptions share a handful of zones.
 */
export class ReminderPlanner {
  readonly #now: number;
  readonly #memo = new Map<string, number>();

  constructor(
    readonly candidates: readonly ReminderCandidate[],
    now: Date,
  ) {
    this.#now = now.getTime();
  }

  /** Midnight starting `date` in `zone`, and `hour`:00 on the day before, as instants. */
  #dayBounds(date: string, zone: string, hour: number): [number, number] {
    const k = `${date}|${zone}|${hour}`;
    let start = this.#memo.get(`${k}|s`);
    let due = this.#memo.get(`${k}|d`);
    if (start === undefined || due === undefined) {
      start = zonedInstant(date, "00:00", zone);
      const dayBefore = dayjs.utc(date).subtract(1, "day").format("YYYY-MM-DD");
      due = zonedInstant(dayBefore, `${String(hour).padStart(2, "0")}:00`, zone);
      this.#memo.set(`${k}|s`, start);
      this.#memo.set(`${k}|d`, due);
    }
    return [start, due];
  }

  /** Reminders due now for one subscription; `isSent` answers from the kept keys. */
  due(subKey: string, settings: ReminderSettings, zone: string, isSent: (key: string) => boolean): Reminder[] {
    if (!settings.enabled || this.candidates.length === 0) return [];
    const now = this.#now;
    const out: Reminder[] = [];
    for (const c of this.candidates) {
      const e = c.entry;
      const slots: { offset: string; dueAt: number; startsAt: number }[] = [];
      if (c.startsAt !== undefined) {
        for (const h of settings.hoursBefore) slots.push({ offset: `${h}h`, dueAt: c.startsAt - h * HOUR_MS, startsAt: c.startsAt });
      } else {
        const [startsAt, dueAt] = this.#dayBounds(e.date!, zone, settings.dayBeforeHour);
        slots.push({ offset: "day-before", dueAt, startsAt });
      }
      let chosen: Reminder | undefined;
      const covered: string[] = [];
      for (const s of slots) {
        if (!(s.dueAt <= now && now < s.startsAt && now - s.dueAt < CATCH_UP_MS)) continue;
        const key = `${subKey}|${e.id}|${s.offset}|${c.moment}`;
        if (isSent(key)) continue;
        const r: Reminder = { key, entryId: e.id, offset: s.offset, dueAt: s.dueAt, startsAt: s.startsAt, alsoCovers: [] };
        // Of several due at once, the latest-due (nearest the start) says the right thing.
        if (!chosen || r.dueAt > chosen.dueAt) {
          if (chosen) covered.push(chosen.key);
          chosen = r;
        } else covered.push(key);
      }
      if (chosen) out.push({ ...chosen, alsoCovers: covered });
    }
    return out;
  }
}
