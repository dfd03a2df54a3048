// Who speaks in a sentence, and so, unless a clause says otherwise, only speaks of the contact:
// the one a verb of saying has for its subject, the one a quote is put in the mouth of, the one
// who says "I" in an interview's answer. participants.ts asks it of every name it weighs.
import type { Mention, Person } from "./names.ts";
import { perPair } from "./memo.ts";
import { gapAfter } from "./places.ts";
import type { ReadSentence } from "./reading.ts";
import { isSpeaker } from "./name-syntax.ts";
import { questionBefore } from "./story-cues.ts";
import { SPEECH } from "./vocabulary.ts";

/**
 * Does the one named speak of the contact? Not where the verb of saying has a subject of its
 * own after a comma: "Rubio will be joined by Waltz and Witkoff, the State Department said",
 * "…, according to the Kremlin".
 * (An apposition ends on a comma of its own: "Witkoff, the envoy, said" is the envoy speaking.)
 */
export const speaks = perPair(speaksOf);

function speaksOf(s: ReadSentence, m: Mention): boolean {
  if (!isSpeaker(s, m)) return false;
  // "The Russians say their side is headed by Alexander Darchiev": the one a passive's "by"
  // names leads; the saying is another's.
  if (LED_BY.test(s.folded.slice(0, s.tokens[m.first].start))) return false;
  // "«Українську делегацію знову очолить Рустем Умєров», – сказав президент", "'… led by
  // Witkoff,' Trump said": a name inside the quote that closes before the verb is what was said.
  if (m.last + 1 < s.tokens.length && /^[^\p{L}\d]*["»”“'’][^\p{L}\d]*$/u.test(gapAfter(s, m.last))) return false;
  if (m.last + 1 >= s.tokens.length || !/^\s*,\s*$/u.test(gapAfter(s, m.last))) return true;
  for (let k = m.last + 1; k < Math.min(s.tokens.length, m.last + 6); k++) {
    if (SPEECH.test(s.tokens[k].folded)) return k === m.last + 1 && s.tokens[k].folded !== "according";
    if (k + 1 < s.tokens.length && /[,;:.!?—–()]/u.test(gapAfter(s, k))) return true;
  }
  return true;
}

/**
 * Does the name's title, right before it or set off after it, call him the head of a delegation
 * ("голова української делегації Рустем Умєров", "глава российской делегации Владимир Мединский",
 * "Rustem Umerov, head of the Ukrainian delegation")?
 */
export function titledHead(s: ReadSentence, m: Mention): boolean {
  const before = s.folded.slice(Math.max(0, s.tokens[Math.max(0, m.first - 6)].start), s.tokens[m.first].start);
  const after = m.last + 1 < s.tokens.length ? s.folded.slice(s.tokens[m.last].start + s.tokens[m.last].text.length) : "";
  return HEAD_BEFORE.test(before) || HEAD_AFTER.test(after);
}
const HEAD_WORD = "(голов\\p{L}*|глав\\p{L}*|керивник\\p{L}*|руководител\\p{L}*|head|chief|leader)";
const DELEGATION = "(\\p{L}+\\s+)?(делегаци\\p{L}*|delegation)";
const HEAD_BEFORE = new RegExp(`(?<![\\p{L}])${HEAD_WORD}\\s+(of\\s+)?(the\\s+)?${DELEGATION}\\s+$`, "u");
const HEAD_AFTER = new RegExp(`^\\s*,\\s*(the\\s+)?${HEAD_WORD}\\s+(of\\s+)?(the\\s+)?${DELEGATION}(?![\\p{L}])`, "u");

/** "led by", "headed by", "represented by" right before a name, maybe through its title (folded). */
const LED_BY = /(?<![\p{L}])(led|headed|represented|accompanied|joined|chaired) by\s+(\p{L}+\.?\s+){0,3}$/u;

export const FIRST_PERSON = /(?<![\p{L}])(I|я|Я)(?![\p{L}'’])/u;
/** The speaker joined with someone named: "Jared and I", "я и Дмитриев", "мы с Кушнером", "ми з
 * Віткоффом", and as reported, "said he and Kushner would", "заявил, что он и Кушнер". */
export const WITH_ME = /(?<![\p{L}])((and|и|і|та|й)\s+(I|я)(?![\p{L}'’])|(I|я|Я|he|she|он|она|він|вона)\s+(and|и|і|та|й)\s+\p{Lu}|(мы|ми|Мы|Ми)\s+(с|со|з|із|зі)\s+\p{Lu})/u;
/** An interview's answer: "A:", "Ответ:", "— " at the start of its paragraph. */
const ANSWER = /^(A|О|Ответ|Відповідь)\s*[:.]/u;

/** Who says a sentence in the first person: a speaker named in its paragraph, or, in an
 * interview's answer (marked "A:", "Ответ:", or the paragraph after a question), the one the
 * story's lead introduces. */
export function quotedPerson(s: ReadSentence, sentences: ReadSentence[]): Person | undefined {
  for (const x of sentences) {
    if (x.paragraph !== s.paragraph) continue;
    const m = x.mentions.find((n) => n.named.type === "person" && !n.named.person.reports && speaks(x, n));
    if (m && m.named.type === "person") return m.named.person;
  }
  // "Ушаков — о визите Уиткоффа: …", "Ushakov on the visit": a story whose headline names its
  // source gives his words.
  const headline = sentences.find((x) => x.headline);
  const source = headline?.mentions.find((n) => n.named.type === "person" && !n.named.person.reports && isSpeaker(headline, n));
  if (source && source.named.type === "person") return source.named.person;
  const first = sentences.find((x) => x.paragraph === s.paragraph);
  if (!first || !(ANSWER.test(first.text) || questionBefore(first, sentences).length > 0)) return undefined;
  const lead = sentences.find((x) => !x.headline && x.tokens.length >= 5);
  const m = lead?.mentions.find((n) => n.named.type === "person" && !n.named.person.reports);
  return m && m.named.type === "person" ? m.named.person : undefined;
}
