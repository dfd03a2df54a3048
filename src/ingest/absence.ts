// Names a sentence gives as not there: the ones whose presence it denies ("Dmitriev was not at
// the table", "Зеленского на встрече не было", "за столом так і не опинилися Бєлоусов і
// Силуанов", "without Zelensky") and the authors of a deed the contact is set against ("a
// deadline set by Trump", "дедлайна, установленного Трампом"). Long stories name many people
// around a contact; these are named beside it and took no part. participants.ts asks it of each
// name it weighs. The words are in participation-words.ts.
import type { Mention } from "./names.ts";
import { perPair } from "./memo.ts";
import { asideSpans, inAside } from "./other-contacts.ts";
import { ABSENT_AFTER, ABSENT_BEFORE, AUTHOR_OF, WITHOUT } from "./participation-words.ts";
import { gapAfter } from "./places.ts";
import { personMentions, type ReadSentence } from "./reading.ts";

/** Is the name one the sentence says is not there, or the author of another deed? (Kept per sentence and name: a name is weighed many times over.) */
export const notThere = perPair((s: ReadSentence, m: Mention): boolean => m.named.type === "person" && notThereOnce(s, m));

/** Words without which no presence is denied ("not", "не", "без", "absent", "stayed away"; folded, "isn't" as "isnt"). */
const DENIAL_CUE = /(?<![\p{L}])(не|нет|немае|нема|not|never|absent|without|без|stayed|skipped|sat out|missing|отсутств\p{L}*|видсутн\p{L}*)(?![\p{L}])|\p{L}nt(?![\p{L}])/u;

/** Words without which no author is named ("by", a participle's "-нн-", "-ен-", "-ут"). */
const AUTHOR_CUE = /(?<![\p{L}])by(?![\p{L}])|\p{L}(нн|ен|ут)\p{L}*\s+\p{L}/u;

function notThereOnce(s: ReadSentence, m: Mention): boolean {
  // (Cheap first: most sentences have neither a participle's author nor a denial.)
  const denial = DENIAL_CUE.test(s.folded);
  if (!denial && !AUTHOR_CUE.test(s.folded)) return false;
  const before = s.folded.slice(0, s.tokens[m.first].start);
  if (AUTHOR_OF.test(before)) return !inAside(s, m);
  if (!denial || inAside(s, m)) return false;
  const [first, last] = listRun(s, m);
  if (WITHOUT.test(s.folded.slice(0, s.tokens[first.first].start))) return true;
  return deniedAfter(s, last) || deniedBefore(s, first);
}

/** Text between two tokens' words (the gap after token i up to token j). */
const between = (s: ReadSentence, i: number, j: number) => s.text.slice(s.tokens[i].start + s.tokens[i].text.length, s.tokens[j].start);

/** Words that open a clause of their own, not a title: a relative word, a verb of saying ("who", "який", "said"). */
const CLAUSE_WORD = /^(who|whom|which|that|said|says|told|met|meets|котор\p{L}*|яки\p{L}*|яка|якого|що|что|сказал\p{L}*|сказав|заявил\p{L}*|заявив|встретил\p{L}*|зустрив\p{L}*)$/u;

/** Words that open a clause joined to the one before ("but", "но", "але", "while"). */
const CONJUNCTION = /^(but|and|while|whereas|though|although|yet|а|но|и|однако|хотя|тогда|але|и|та|однак|хоча|тоди|проте)$/u;

/** Are two names of one list: a comma or "and" between, and at most the second one's title ("Belousov, Finance Minister Anton Siluanov")? */
function joined(s: ReadSentence, a: Mention, b: Mention): boolean {
  const gap = between(s, a.last, b.first);
  if (!/^\s*(,\s*|\s+(and|or|и|і|та|й)\s+)([\p{L}\p{M}.'’-]+\s+){0,5}$/u.test(gap) || /[;:.!?—–()«»"]/u.test(gap.replace(/\.\s/u, " ").replace(/^(\s*\p{Lu}\.)+/u, ""))) return false;
  for (let k = a.last + 1; k < b.first; k++) if (CLAUSE_WORD.test(s.tokens[k].folded)) return false;
  return true;
}

/** The first and the last name of the list the name stands in ("Belousov, Siluanov and Dmitriev"). */
function listRun(s: ReadSentence, m: Mention): [Mention, Mention] {
  const spans = asideSpans(s);
  const all = personMentions(s).filter((o) => !spans.some(([a, b]) => a <= o.first && o.last <= b));
  let at = all.findIndex((o) => o.first === m.first);
  if (at < 0) return [m, m];
  let from = at;
  while (from > 0 && joined(s, all[from - 1], all[from])) from--;
  while (at + 1 < all.length && joined(s, all[at], all[at + 1])) at++;
  return [all[from], all[at]];
}

/**
 * Does the name's own predicate deny his presence: right after it, or after the appositions set
 * off by commas after it ("Kirill Dmitriev, head of the fund, was not at the table")? Relative
 * clauses are asides and are passed over; another name on the way ("Ushakov said Dmitriev was
 * not …") makes the predicate that one's.
 */
function deniedAfter(s: ReadSentence, last: Mention): boolean {
  const people = personMentions(s);
  const spans = asideSpans(s);
  const aside = s.tokens.map((_, j) => j > last.last && spans.some(([a, b]) => a <= j && j <= b));
  let k = last.last + 1;
  if (k < s.tokens.length && /,/u.test(gapAfter(s, last.last)) && CONJUNCTION.test(s.tokens[k].folded)) return false;
  while (k < s.tokens.length) {
    // (The predicate is read from here: this word on, less the asides.)
    const words: string[] = [];
    for (let j = k; j < s.tokens.length && words.length < 12; j++) {
      if (aside[j]) continue;
      if (people.some((o) => o.first === j)) break;
      words.push(s.tokens[j].folded);
      if (j + 1 < s.tokens.length && /[,;:.!?—–()]/u.test(gapAfter(s, j))) break;
    }
    if (ABSENT_AFTER.test(words.join(" "))) return true;
    // On to the next comma of the same clause (an apposition ends there); not past a stop.
    let next = k;
    while (next < s.tokens.length - 1 && !/[,;:.!?—–()]/u.test(gapAfter(s, next))) next++;
    if (next >= s.tokens.length - 1 || !/^[^;:.!?—–()]*,[^;:.!?—–()]*$/u.test(gapAfter(s, next))) return false;
    if (people.some((o) => o.first > k && o.first <= next)) return false;
    k = next + 1;
    // ("Lavrov flew in, but Belousov …", "…, але за столом не опинилися": a clause of its own.)
    if (k < s.tokens.length && CONJUNCTION.test(s.tokens[k].folded)) return false;
  }
  return false;
}

/** Does the clause before the name (or the list it heads) deny presence ("так и не оказались министр обороны Белоусов, …")? */
function deniedBefore(s: ReadSentence, first: Mention): boolean {
  const before = s.folded.slice(0, s.tokens[first.first].start);
  const clause = before.split(/[;:.!?—–()]|,\s+(?=(а|но|але|однак|but|while|and)\s)/u).pop() ?? "";
  let found: RegExpExecArray | null = null;
  const re = new RegExp(ABSENT_BEFORE.source, "gu");
  for (let x = re.exec(clause); x; x = re.exec(clause)) found = x;
  if (!found) return false;
  // (Only the post of the first one may stand between: "так и не оказались министр обороны Андрей Белоусов".)
  const tail = clause.slice(found.index + found[0].length);
  return !/,/u.test(tail) && tail.trim().split(/\s+/u).filter(Boolean).length <= 5;
}
