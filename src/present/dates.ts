// The one date formatter: entry dates in the reader's language, "today" in the reader's
// zone, and the countdown shown by /next. dayjs plugins are imported with the .js suffix
// because this is ESM.
import dayjs from "dayjs";
import "dayjs/locale/ru.js";
import "dayjs/locale/uk.js";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import type { Entry, Lang } from "../record/schema.ts";
import type { Translate } from "./translate.ts";

dayjs.extend(utc);
dayjs.extend(timezone);

/** The calendar day (YYYY-MM-DD) that `now` is in the given zone. */
export function todayIn(now: Date, zone: string): string {
  return dayjs(now).tz(zone).format("YYYY-MM-DD");
}

/** "27 February 2025", "27 февраля 2025", "27 лютого 2025"; "February 2025" for a month-only date. */
export function formatDay(date: string, lang: Lang): string {
  const d = dayjs(date.length === 7 ? `${date}-01` : date).locale(lang);
  if (date.length === 7) {
    // dayjs' ru/uk "MMMM" alone is nominative ("февраль"), which is right for a month on its own.
    return d.format("MMMM YYYY");
  }
  return d.format("D MMMM YYYY");
}

/** An entry's date span as words, with time and zone when known. */
export function formatEntryDate(e: Entry, lang: Lang, t: Translate, readerZone?: string): string {
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
      const local = dayjs.tz(`${e.date} ${e.time}`, zone).tz(readerZone);
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
export function countdown(e: Entry, now: Date, readerZone: string, lang: Lang, t: Translate): string {
  if (!e.date) return t("date-not-set");
  if (e.date.length === 7) return t("countdown-month", { month: formatDay(e.date, lang) });
  const today = dayjs(now).tz(readerZone).startOf("day");
  let day = dayjs.tz(e.date, readerZone).startOf("day");
  let time: string | undefined;
  if (e.time) {
    const at = dayjs.tz(`${e.date} ${e.time}`, e.timezone ?? "UTC").tz(readerZone);
    day = at.startOf("day");
    time = at.format("HH:mm");
    const minutes = at.diff(dayjs(now), "minute");
    if (minutes >= 0 && minutes < 60) return t("countdown-minutes", { minutes });
    if (minutes < 0 && minutes > -24 * 60) return t("countdown-started");
  }
  const days = Math.round(day.diff(today, "day", true));
  if (days < 0) return t("countdown-past");
  if (days === 0) return time ? t("countdown-today-at", { time }) : t("countdown-today");
  if (days === 1) return time ? t("countdown-tomorrow-at", { time }) : t("countdown-tomorrow");
  return t("countdown-days", { days });
}
