// The day of a journey told beside the day of the contact it is for: "Dmitriev arrived in the United
// States on Friday and is scheduled to meet Witkoff on Saturday", "Дмитриев прилетел в США в пятницу
// и в субботу встретится с Уиткоффом", "Дмитрієв прилетів до США в п'ятницю і в суботу зустрінеться
// з Віткоффом": the contact is on Saturday; Friday is the arrival's.
import type { FoundDate } from "./dates.ts";
import type { ReadSentence } from "./reading.ts";
import { KIND_PHRASES } from "./vocabulary.ts";

/** Where a clause ends (folded): a comma, a semicolon, a dash, or "and", "but", "и", "і", "та", "а", "но", "але". */
const CLAUSE_BREAK = /[,;—–]|(?<![\p{L}])(and|but|и|й|та|а|но|але)(?![\p{L}])/gu;

/** Verbs of a journey (folded): "arrived", "landed", "flew", "прилетел", "прибыл", "прилетів", "прибув". */
const JOURNEY = /(?<![\p{L}])(arriv\p{L}*|land(s|ed|ing)?|fly|flies|flew|flown|travel\p{L}*|прилет\p{L}*|прилит\p{L}*|прибы\p{L}*|прибил\p{L}*|прибув|прибула|прибули|приехал\p{L}*|приихав|приихала|приихали|вылетел\p{L}*|вилетив|вилетила|вилетили)(?![\p{L}])/u;

/** Words that name a contact or its verb (folded): a clause with one is the contact's, not the journey's. */
const CONTACT_WORD = /(?<![\p{L}])(meet\p{L}*|met|talk\p{L}*|summit|round|call|встреч\p{L}*|встрет\p{L}*|переговор\p{L}*|саммит\p{L}*|раунд\p{L}*|разговор\p{L}*|зустр\p{L}*|перемовин\p{L}*|самит\p{L}*|розмов\p{L}*)(?![\p{L}])/u;

/** The clause around a position of a folded sentence. */
function clauseAround(folded: string, at: number): string {
  const breaks = [0, ...[...folded.matchAll(CLAUSE_BREAK)].map((m) => m.index ?? 0), folded.length];
  return folded.slice(Math.max(...breaks.filter((b) => b <= at)), Math.min(...breaks.filter((b) => b > at)));
}

/** Does the clause around a position tell only a journey (no contact named in it)? */
export function inJourneyClause(s: ReadSentence, at: number): boolean {
  const clause = clauseAround(s.folded, at);
  return JOURNEY.test(clause) && !CONTACT_WORD.test(clause) && !KIND_PHRASES.some(([kind, re]) => kind !== "other" && re.test(clause));
}

/**
 * The dates of a sentence less those that stand in a clause telling only a journey, where another
 * date stands in a clause of its own. ("Witkoff arrived on Monday for talks that ran into Tuesday"
 * names the talks in the journey's clause: both days stay.)
 */
export function withoutJourneyDays(s: ReadSentence, dates: FoundDate[]): FoundDate[] {
  if (dates.length < 2 || !JOURNEY.test(s.folded)) return dates;
  const kept = dates.filter((d) => !inJourneyClause(s, d.index));
  return kept.length > 0 ? kept : dates;
}
