// Names in a sentence that are not its contact's people: someone's principal ("помощник Путина"),
// another event's ("ahead of Zelensky visit", "после того, как Трамп …", "підготовку зустрічі
// Трампа і Путіна"), the one briefed on another contact. Pure: a read sentence and a name in it.
import type { Mention } from "./names.ts";
import { AND, TITLE_WORD } from "./participation-words.ts";
import { perPair } from "./memo.ts";
import { breakAfter, gapAfter } from "./places.ts";
import { personMentions, type ReadSentence } from "./reading.ts";
import { objectOfWith } from "./name-syntax.ts";
import { holdsTitle } from "./roles.ts";
import { ANOTHER_CONTACT_BEFORE, ANOTHER_EVENT_BEFORE, NOT_A_PARTICIPANT_AFTER, NOT_A_PARTICIPANT_BEFORE, POSSESSED_TITLE } from "./vocabulary.ts";

/** "briefed X on his summit with", "informed … of the results of his meeting with", "проинформировал о встрече с". */
const BRIEFED_ON = new RegExp(`(briefed|informed|told|проинформировал|рассказал|поинформував|проинформував|розповив)\\s.*(on|about|of|о|об|про|щодо)\\s(\\p{L}+\\s){0,4}(summit|meeting|talks|call|conversation|саммит|встреч|переговор|разговор|самит|зустрич|розмов)\\p{L}*\\s(with|с|со|з|из|зи)(\\s\\p{L}+){0,4}$`, "u");

/** Is the name someone's principal or another event's ("помощник Путина", "ahead of Zelensky visit")? */
export const isAside = perPair(asideOf);

function asideOf(s: ReadSentence, m: Mention): boolean {
  // In Russian and Ukrainian the principal follows the title in the genitive ("помощник Путина
  // Юрий Ушаков"); the person himself follows the title's own complement ("помощник президента
  // Юрий Ушаков"), and in English the title stands before its holder ("envoy Steve Witkoff").
  // So only a name right after the title is the principal.
  // "спецпосланник Стив Уиткофф" is the envoy himself: the title is his own.
  const before = m.first > 0 ? s.tokens[m.first - 1].folded : "";
  // ("державний секретар Марко Рубіо", "государственный секретарь": a title of two words is his too.)
  const title = m.first > 1 ? `${s.tokens[m.first - 2].folded} ${before}` : before;
  if (NOT_A_PARTICIPANT_BEFORE.test(before) && !(m.named.type === "person" && (holdsTitle(m.named.person, before) || holdsTitle(m.named.person, title) || holderInFull(s, m)))) return true;
  if (principalBetween(s, m)) return true;
  for (let i = m.first - 1; i >= Math.max(0, m.first - 2); i--) {
    if (ANOTHER_EVENT_BEFORE.test(s.tokens[i].folded)) return true;
    // Only words of the person's own title may stand between ("посланника президента США Трампа",
    // "two days before President Trump's deadline", where English capitalises the title).
    if (/^\p{Lu}/u.test(s.tokens[i].text) && !TITLE_WORD.test(s.tokens[i].folded)) break;
  }
  if (afterThatBefore(s, m) || nextWith(s, m)) return true;
  const next = s.tokens[m.last + 1];
  if (next !== undefined && NOT_A_PARTICIPANT_AFTER.test(next.folded)) return true;
  // "Jared Kushner, Trump's son-in-law", "Putin's foreign policy adviser Yuri Ushakov": a
  // possessive before a title names whose man he is; "Putin's meeting" stays Putin's.
  if (next !== undefined && /^[\p{L}\p{M}]+['’]s\b/u.test(s.text.slice(s.tokens[m.last].start)) && POSSESSED_TITLE.test(next.folded)) return true;
  // "Putin briefed Xi on his summit with Trump", "проинформировал … о результатах встречи с
  // Зеленским": the one briefed is told of another contact, with its own people.
  if (objectOfWith(s, m)) {
    const at = s.tokens.slice(Math.max(0, m.first - 14), m.first).map((t) => t.folded).join(" ");
    if (BRIEFED_ON.test(at)) return true;
  }
  // "days after meeting U.S. Secretary of State Marco Rubio": a contact word follows "after".
  // "came a day after Witkoff and Kushner hosted a Ukrainian delegation led by Umerov": the
  // clause runs to the next comma.
  for (let i = m.first - 1; i >= Math.max(0, m.first - 12); i--) {
    if (i < m.first - 1 && breakAfter(s, i)) break;
    const ahead = spanBefore(s, i);
    if (!ANOTHER_CONTACT_BEFORE.test(s.tokens[i].folded) && !ahead) continue;
    // "під час зустрічі", "во время встречи" (during); not "про час зустрічі" (its time).
    if (/^(время|час)$/u.test(s.tokens[i].folded) && !/^(во|в|пид|у)$/u.test(s.tokens[i - 1]?.folded ?? "")) continue;
    // Far from the name only "after"/"before" open another contact; "during a two-hour phone
    // call with Trump" is this one.
    if (i < m.first - 7 && !ahead && !/^(after|before|ahead|после|перед|писля)$/u.test(s.tokens[i].folded)) continue;
    const between = s.tokens.slice(i + 1, m.first).map((t) => t.folded).join(" ");
    if (/(meet|talk|call|visit|host|receiv|summit|саммит|самит|встреч|переговор|разговор|визит|звонк|прием|принима|зустрич|розмов|визит|дзвинк|прийма|прийом)/u.test(between) && !pastWithWhom(s, i, m)) return true;
  }
  // "ahead of Trump-Putin summit", "перед встречей Трампа и Путина", "підготовку зустрічі Трампа
  // і Путіна": a name joined to the one before it by a hyphen or "and" is of the same contact.
  const joined = joinedBefore(s, m);
  return joined !== undefined && isAside(s, joined);
}

/**
 * "проведе розмову з Путіним, а потім — із Зеленським", "поговорит с Путиным, а затем с
 * Зеленским", "will speak with Putin and then with Zelensky": a second "with" after "then"
 * names the one of the next contact, not this one's.
 */
function nextWith(s: ReadSentence, m: Mention): boolean {
  const before = personMentions(s).filter((p) => p.last < m.first).pop();
  if (!before || !objectOfWith(s, before)) return false;
  return THEN_WITH.test(s.folded.slice(s.tokens[before.last].start + s.tokens[before.last].text.length, s.tokens[m.first].start));
}
/** "…, а потім — із", "и затем с", "and then with", "then with" (folded; maybe through a title). */
const THEN_WITH = /^(?:[^.;!?]{0,30}?[\s,])?[\s,]*(?:(?:а|и|і|й|та|and)\s+)?(?:потим|затем|потом|then|after that|писля цього|после этого)\s*[—–-]?\s*(?:з|зи|из|с|со|with)\s+(?:\p{L}+\s+){0,3}$/u;

/**
 * "старшого радника Джоша Грюнбаума", "советник Джош Грюнбаум", "adviser Josh Gruenbaum": one
 * named in full right after a post, no other name after him, holds it; a principal is a leader
 * ("радник Путіна") or named by his surname alone ("команда Віткоффа").
 */
function holderInFull(s: ReadSentence, m: Mention): boolean {
  if (m.named.type !== "person" || m.named.person.leader || m.last === m.first || !/^\s+$/u.test(gapAfter(s, m.first - 1))) return false;
  if (!HELD_POST.test(s.tokens[m.first - 1].folded)) return false;
  return !(m.last + 1 < s.tokens.length && /^\s+$/u.test(gapAfter(s, m.last)) && personMentions(s).some((o) => o.first === m.last + 1));
}
/** Posts a person holds (not "команда", "звонок", "дедлайн", "зять": whose those are, the name says). */
const HELD_POST = /^(посланник|посланц|посланец|посланець|спецпосланник|спецпосланц|спецпосланец|спецпосланець|спецпредставител|спецпредставник|представител|представник|помощник|помичник|советник|радник|секретар|речник)\p{L}*$/u;

/**
 * Does the name stand past the one the contact after `from` was with ("після розмови з нами пан
 * Віткофф поїде", "после встречи с Путиным Уиткофф вылетел", "after talks with them, Witkoff
 * flew")? Then it opens the sentence's own clause, comma or not. (Not one joined to him: "после
 * встречи с Путиным и Уиткоффом".)
 */
function pastWithWhom(s: ReadSentence, from: number, m: Mention): boolean {
  const w = s.tokens.findIndex((t, k) => k > from && k < m.first && WITH.test(t.folded));
  if (w < 0) return false;
  // (A pronoun in lower case: "with us", not "with U.S. envoy Witkoff".)
  const object = OBJECT_PRONOUN.test(s.tokens[w + 1].folded) && /^\p{Ll}/u.test(s.tokens[w + 1].text) ? w + 1 : personMentions(s).find((p) => p.first > w && p.first <= w + 3 && p.last < m.first && p.named !== m.named && (m.named.type !== "person" || p.named.person !== m.named.person))?.last;
  if (object === undefined || object >= m.first) return false;
  return s.tokens.slice(object + 1, m.first).every((t) => !AND.test(t.folded) && !WITH.test(t.folded));
}

/**
 * "спецпосланцем президента Трампа Стівом Віткоффом", "посланника президента США Трампа Стива
 * Уиткоффа", "помощник президента России Путина Юрий Ушаков": a principal in the genitive stands
 * between a title and its holder, with his own post's words before him; the holder's name
 * follows straight on. (Not "помощник президента Юрий Ушаков": no name follows, he is the holder.)
 */
function principalBetween(s: ReadSentence, m: Mention): boolean {
  if (m.named.type !== "person") return false;
  const self = m.named.person;
  const holderAfter = m.last + 1 < s.tokens.length && /^\s+$/u.test(gapAfter(s, m.last)) && s.mentions.some((o) => o.first === m.last + 1 && o.named.type === "person" && o.named.person !== self);
  for (let i = m.first - 1; i >= Math.max(0, m.first - 4); i--) {
    const t = s.tokens[i];
    // ("Віткоффа, посланця президента Трампа,", "Уиткоффа, посланника президента Трампа": with no
    // holder after him, a leader in the genitive after "президента" is still the principal.)
    if (NOT_A_PARTICIPANT_BEFORE.test(t.folded)) return i < m.first - 1 && (holderAfter || (self.leader === true && GENITIVE_NAME.test(s.tokens[m.last].folded)));
    if (!/^\s+$/u.test(gapAfter(s, i)) || !(GENITIVE_POST.test(t.folded) || COUNTRY_SHORT.test(t.text))) return false;
  }
  return false;
}
/** A post's words in the genitive, before its holder's name ("президента", "американського лідера"). */
const GENITIVE_POST = /^(президента|лидера|американского|американського|российского|росийського|россии|росии)$/u;
/** A surname in the genitive: "Трампа", "Путина", "Путіна" (folded). */
const GENITIVE_NAME = /\p{Script=Cyrillic}+[ая]$/u;
/** A country's short name in a post ("США", "РФ"). */
const COUNTRY_SHORT = /^(США|РФ)$/u;

/**
 * "за день до запланованої зустрічі з Зеленським", "за два дня до встречи с Зеленским": "до"
 * after "за" and a span of time means "before" (alone, "до" is only "to"). Is token i such a "до"?
 */
function spanBefore(s: ReadSentence, i: number): boolean {
  if (s.tokens[i].folded !== "до") return false;
  const back = s.tokens.slice(Math.max(0, i - 3), i).map((t) => t.folded);
  return back.includes("за") && back.some((w) => SPAN.test(w));
}
/** Spans of time (folded): "день", "дня", "днів", "неделю", "тиждень", "часа", "годину", "місяць". */
const SPAN = /^(день|дня|дни|дней|днив|неделю|недели|недель|тиждень|тижни|тижнив|час|часа|часов|годину|години|годин|месяц|месяца|мисяць|мисяци|сутки|добу)$/u;

/** "with": what joins a contact to the one it is with (folded). */
const WITH = /^(with|с|со|з|зи|из)$/u;
/** The pronouns a "with" may take: "з нами", "с ним", "with them". */
const OBJECT_PRONOUN = /^(нами|ним|ней|нею|ними|нему|мной|мною|вами|us|him|her|them|me)$/u;

/**
 * "после того, как президент Дональд Трамп выразил недовольство", "після того, як Трамп заявив":
 * the name opens a time clause of its own (English "after President Trump …" is "after" above).
 */
function afterThatBefore(s: ReadSentence, m: Mention): boolean {
  let i = m.first - 1;
  while (i >= 0 && m.first - i <= 2 && /^\p{Ll}/u.test(s.tokens[i].text) && !/^(как|як)$/u.test(s.tokens[i].folded)) i--;
  return i >= 2 && /^(как|як)$/u.test(s.tokens[i].folded) && s.tokens[i - 1].folded === "того" && /^(после|писля)$/u.test(s.tokens[i - 2].folded);
}

/** The person named right before this one and joined to it ("Trump-Putin", "Трампа и Путина"), if any. */
function joinedBefore(s: ReadSentence, m: Mention): Mention | undefined {
  return personMentions(s).find((p) => {
    if (p.last === m.first - 1) return /^-$/u.test(s.text.slice(s.tokens[p.last].start, s.tokens[m.first].start).replace(/^[\p{L}\p{M}'’ʼ]+/u, ""));
    return p.last === m.first - 2 && AND.test(s.tokens[p.last + 1].folded) && /^\s+$/u.test(gapAfter(s, p.last));
  });
}
