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
