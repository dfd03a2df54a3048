// A day of the month told without its month: "on the 14th", "14-го числа", "14-го". News writes it
// for a day near the story: for a contact to come, the next such day on or after publication; for
// one done, the last on or before it.
import type { FoundDate } from "./dates.ts";
import type { ArticleLang } from "./language.ts";

/** "on the 14th", "by the 3rd" (not "the 14th round", "the 20th century"): the day, then a pause or a linking word. */
const EN_DAY = /(?<![\p{L}])(on|by|until|from) the (\d{1,2})(st|nd|rd|th)(?=\s*([.,;:!?)—–]|$|(in|at|and|or|when|for|to|with|after|before)(?![\p{L}])))/giu;

/** "14-го числа", "на 14-е число", "14-го." (not "14-го раунда"): the day with "числа", or ending a clause. */
const RU_UK_DAY = /(?<![\p{L}\d])(\d{1,2})-(го|е)(\s+(числа|число)(?![\p{L}])|(?=\s*([.,;:!?)—–]|$)))/giu;

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The month (year, month) that a day without one falls in, told from publication. */
function monthFor(published: string, day: number, tense: "past" | "future" | undefined): [number, number] {
  const [y, m, d] = published.split("-").map(Number);
  const next: [number, number] = m === 12 ? [y + 1, 1] : [y, m + 1];
  const previous: [number, number] = m === 1 ? [y - 1, 12] : [y, m - 1];
  if (tense === "future") return day >= d ? [y, m] : next;
  if (tense === "past") return day <= d ? [y, m] : previous;
  return Math.abs(day - d) <= 15 ? [y, m] : day > d ? previous : next;
}

/** The days of the month a sentence names without their month. */
export function daysOfTheMonth(sentence: string, lang: ArticleLang, published: string, tense: "past" | "future" | undefined): FoundDate[] {
  const pattern = lang === "en" ? EN_DAY : RU_UK_DAY;
  const found: FoundDate[] = [];
  for (const m of sentence.matchAll(pattern)) {
    const day = Number(lang === "en" ? m[2] : m[1]);
    if (day < 1 || day > 31) continue;
    const [y, month] = monthFor(published, day, tense);
    const text = m[0].trim();
    const index = (m.index ?? 0) + (lang === "en" ? m[0].indexOf(m[2]) : 0);
    found.push({ value: iso(y, month, day), text, index, movedTo: false });
  }
  return found;
}
