// The lists a sentence names people in: those joined to one by "and" or a comma ("with Witkoff
// and Jared Kushner", "Уиткоффа, зятя Трампа Кушнера и Грюнбаума"). participants.ts reads who
// else takes part through them. Pure: a read sentence and a name in it.
import { AND } from "./participation-words.ts";
import { gapAfter } from "./places.ts";
import { personMentions, type ReadSentence } from "./reading.ts";

type PersonMention = ReturnType<typeof personMentions>[number];

/**
 * The names joined to one by "and", maybe through a title ("with Witkoff and Jared Kushner",
 * "зі Стівом Віткоффом і зятем Трампа Джаредом Кушнером", "с Уиткоффом и Кушнером"), or by a
 * bare comma ("with Witkoff, Kushner and Rubio"). A principal's name before another's
 * ("зятем Трампа Джаредом Кушнером") is the title's, not one more.
 */
export function joinedTo(s: ReadSentence, m: PersonMention): PersonMention[] {
  const all = personMentions(s);
  const out: PersonMention[] = [];
  let at: PersonMention | undefined = m;
  while (at && at.last + 1 < s.tokens.length) {
    const end: number = at.last;
    const gap = gapAfter(s, end);
    const and = /^\s+$/u.test(gap) && AND.test(s.tokens[end + 1].folded);
    if (!and && !/^\s*,\s*$/u.test(gap)) break;
    const from = and ? end + 2 : end + 1;
    // (No stop between: "and, separately, Rubio" is not the list's.)
    const unbroken = (n: PersonMention) => {
      for (let k = end + 1; and && k < n.first; k++) if (/[,;:.!?—–()]/u.test(gapAfter(s, k))) return false;
      return true;
    };
    // (After a bare comma, a title in small letters may stand before the name, "Уиткоффа, зятя
    // Трампа Кушнера и …", where the list goes on by "and" after it; not an apposition, "Witkoff,
    // an envoy of President Trump, said".)
    const titled = (n: PersonMention) => {
      if (and || n.first === from) return true;
      for (let k = from; k < n.first; k++) if (!/^\p{Ll}/u.test(s.tokens[k].text) && !all.some((o) => o.first <= k && k <= o.last)) return false;
      return n.last + 2 < s.tokens.length && /^\s+$/u.test(gapAfter(s, n.last)) && AND.test(s.tokens[n.last + 1].folded);
    };
    at = all.find((n) => n.first >= from && n.first <= from + (and ? 5 : 4) && !all.some((o) => o.first === n.last + 1) && unbroken(n) && titled(n));
    if (at) out.push(at);
  }
  return out;
}

/** A side named before a colon: "американской стороны:", "американської сторони:", "the American side:", "the U.S. delegation:" (folded, the text up to the colon). */
const SIDE_BEFORE_COLON = /(?<![\p{L}])(росси|роси|американ|украин|russian|american|ukrainian|us|u\.s\.)\p{L}*\s+(стороны|сторони|side|delegation|team|делегации|команды|команди)\s*:\s*$/u;
/** The side a word of the list's side stands for. */
const SIDE_OF = (word: string) => (/^(росси|роси|russian)/u.test(word) ? "RU" : /^(украин|ukrainian)/u.test(word) ? "UA" : "US");
/** How many words (a title) may stand between the colon and the first name. */
const AFTER_COLON = 4;

/**
 * "Причина — в графике американской стороны: спецпосланник Стив Уиткофф и Джаред Кушнер заняты",
 * "у графіку американської сторони: Віткофф і Кушнер", "down to the American side: envoy Steve
 * Witkoff and Jared Kushner are tied up": a side named before a colon, and its people listed right
 * after it. The names of that side the list gives, or none.
 */
export function sideColonList(s: ReadSentence): PersonMention[] {
  const colon = s.tokens.findIndex((_, k) => k + 1 < s.tokens.length && gapAfter(s, k).includes(":") && SIDE_BEFORE_COLON.test(s.folded.slice(0, s.tokens[k + 1].start)));
  if (colon < 0) return [];
  const side = SIDE_OF(SIDE_BEFORE_COLON.exec(s.folded.slice(0, s.tokens[colon + 1].start))![1]);
  const first = personMentions(s).find((p) => p.first > colon && p.first <= colon + 1 + AFTER_COLON);
  if (!first || first.named.person.side !== side) return [];
  return [first, ...joinedTo(s, first)].filter((p) => p.named.person.side === side);
}
