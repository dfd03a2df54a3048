// The one date formatter: entry dates in the reader's language, "today" in the reader's
// zone, and the countdown shown by /next. dayjs plugins are imported with the .js suffix
// because this is ESM.
import dayjs from "dayjs";
import "dayjs/locale/ru.js";
import "dayjs/locale/uk.js";
import utc from "dayjs/plugin/utc.js";
import type { Entry, Lang } from "../record/schema.ts";

/** When an entry takes place: the fields dates are rendered from (an Entry or an EntryRef). */
export type When = Pick<Entry, "date" | "endDate" | "time" | "timezone">;
import type { Translate } from "./translate.ts";

dayjs.extend(utc);

// dayjs' timezone plugin builds a new Intl formatter on every call (~0.3 ms); /next needs a few
// per entry, which made it the slowest command. Zone arithmetic here uses one cached formatter
// per zone instead, and dayjs (in UTC mode, shifted to the wall clock) does the formatting.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

// Offsets change only at whole quarter-hours of UTC (every zone's offset and transition time
// is a multiple of 15 minutes), so one lookup per zone and quarter-hour is exact.
const QUARTER_HOUR = 900_000;
const offsets = new Map<string, number>();

/** The zone's offset from UTC at an instant, in milliseconds (e.g. +3 h for Europe/Moscow). */
export function offsetAt(zone: string, epochMs: number): number {
  const key = `${zone}|${Math.floor(epochMs / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    offset = computeOffset(zone, Math.floor(epochMs / QUARTER_HOUR) * QUARTER_HOUR);
    offsets.set(key, offset);
  }
  return offset;
}

function computeOffset(zone: string, epochMs: number): number {
  const p: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(epochMs))) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/** The wall clock in `zone` at an instant, as a dayjs value in UTC mode (for formatting only). */
export function wallClock(at: Date | number, zone: string) {
  const ms = typeof at === "number" ? at : at.getTime();
  return dayjs.utc(ms + offsetAt(zone, ms));
}

/** The instant at which the wall clock in `zone` shows `date` `time` ("2025-04-10", "10:00"). */
export function zonedInstant(date: string, time: string, zone: string): number {
  const guess = Date.parse(`${date}T${time}:00Z`);
  const first = guess - offsetAt(zone, guess);
  // Across a DST change the offset at the answer may differ from the one at the guess.
  return guess - offsetAt(zone, first);
}

/** The calendar day (YYYY-MM-DD) that `now` is in the given zone. */
export function todayIn(now: Date, zone: string): string {
  return localIso(now.getTime(), zone).slice(0, 10);
}

/** "YYYY-MM-DDTHH:MM" of the wall clock in `zone` at an instant (no dayjs: this is per request). */
function localIso(epochMs: number, zone: string): string {
  return new Date(epochMs + offsetAt(zone, epochMs)).toISOString().slice(0, 16);
}

/** "27 February 2025", "27 февраля 2025", "27 лютого 2025"; "February 2025" for a month-only date. */
// Every reply formats the same few hundred dates again: remember them.
const days = new Map<string, string>();

export function formatDay(date: string, lang: Lang): string {
  const key = `${date}|${lang}`;
  let text = days.get(key);
  if (text === undefined) {
    if (days.size > 20_000) days.clear();
    text = formatDayUncached(date, lang);
    days.set(key, text);
  }
  return text;
}

function formatDayUncached(date: string, lang: Lang): string {
  const d = dayjs(date.length === 7 ? `${date}-01` : date).locale(lang);
  if (date.length === 7) {
    // dayjs' ru/uk "MMMM" alone is nominative ("февраль"), which is right for a month on its own.
    return d.format("MMMM YYYY");
  }
  return d.format("D MMMM YYYY");
}

/** An entry's date span as words, with time and zone when known. */
export function formatEntryDate(e: When, lang: Lang, t: Translate, readerZone?: string): string {
  if (!e.date) return t("date-not-set");
  let text = formatDay(e.date, lang);
  if (e.endDate && e.endDate !== e.date) {
    const sameMonth = e.endDate.slice(0, 7) === e.date.slice(0, 7) && e.date.length === 10;
    text = sameMonth ? `${Number(e.date.slice(8))}–${formatDay(e.endDate, lang)}` : `${text} – ${formatDay(e.endDate, lang)}`;
  }
  if (e.time) {
    const zone = e.timezone ?? "UTC";
    text += `, ${e.time} (${zone})`;
    if (readerZone && readerZone !== zone) {
      const local = wallClock(zonedInstant(e.date, e.time, zone), readerZone);
      text += ` = ${local.format("D.MM HH:mm")} (${readerZone})`;
    }
  }
  return text;
}

/**
 * "today at 10:00", "tomorrow", "in 3 days", "in April 2026": how far an upcoming entry is,
 * counted in calendar days of the reader's zone (a meeting tomorrow is "tomorrow" even if it
 * is only 10 hours away).
 */
export function countdown(e: When, now: Date, readerZone: string, lang: Lang, t: Translate): string {
  if (!e.date) return t("date-not-set");
  if (e.date.length === 7) return t("countdown-month", { month: formatDay(e.date, lang) });
  const today = todayIn(now, readerZone);
  let day = e.date;
  let time: string | undefined;
  if (e.time) {
    const at = zonedInstant(e.date, e.time, e.timezone ?? "UTC");
    const local = localIso(at, readerZone);
    day = local.slice(0, 10);
    time = local.slice(11, 16);
    const minutes = Math.round((at - now.getTime()) / 60_000);
    if (minutes >= 0 && minutes < 60) return t("countdown-minutes", { minutes });
    if (minutes < 0 && minutes > -24 * 60) return t("countdown-started");
  }
  // Whole calendar days between two YYYY-MM-DD dates.
  const days = Math.round((Date.parse(day) - Date.parse(today)) / 86_400_000);
  if (days < 0) return t("countdown-past");
  if (days === 0) return time ? t("countdown-today-at", { time }) : t("countdown-today");
  if (days === 1) return time ? t("countdown-tomorrow-at", { time }) : t("countdown-tomorrow");
  return t("countdown-days", { days });
}

/** An instant (e.g. when an edit was made) as "10 April 2025, 14:05" in the reader's zone. */
export function formatMoment(at: Date | string, lang: Lang, zone: string): string {
  return wallClock(new Date(at), zone).locale(lang).format("D MMMM YYYY, HH:mm");
}
