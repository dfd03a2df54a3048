// Relative clauses ("…, who arrives in Davos on Wednesday,", "the ceasefire that Washington had
// proposed a week earlier", "перемирие, которое Киев предложил неделей ранее", "перемир'я, яке Київ
// запропонував тижнем раніше"): a clause that tells of its noun. One that names no contact, on a
// noun that is no contact, tells something else: its time ("a week earlier", "on Wednesday") is
// neither the contact's day nor a sign that the sentence recalls an earlier contact.
// Pure: a sentence's text and tokens in, spans out.
import type { Kind } from "../record/schema.ts";
import type { ArticleLang } from "./language.ts";
import type { Mention } from "./names.ts";
import { KIND_PHRASES, kindOfNoun } from "./vocabulary.ts";
import { fold, type Token } from "./words.ts";

/** Words that open a relative clause (folded): "who", "which", "который", "який" and their cases,
 * and "where" on a place ("у Давосі, де в понеділок стартує форум": the forum's day, not the contact's). */
const RELATIVE = /^(who|whom|whose|which|where|где|де|котор\p{L}*|який|яка|яке|яки|якого|якои|якому|якии|яким|якими|яких|яку)$/u;

/** English "that" is relative after a noun, not after a verb of saying or thinking ("said that …"). */
const THAT_AFTER_VERB = /^(said|says|say|told|tells|announced|confirmed|stated|noted|added|reported|wrote|believe|believes|believed|think|thinks|thought|hope|hopes|hoped|expect|expects|expected|agreed|agree|agrees|insisted|warned|argued|suggested|signaled|signalled|acknowledged|denied|claimed|showed|shows|means|meant|so|such|now|given|sure|clear|ensure|ensured|indicated|indicates|stressed|emphasized|learned|heard|knew|know|knows|realized)$/u;

/**
 * Verbs that tell a contact or what is done to it, whatever noun the clause hangs on ("who met
 * Rubio a day earlier", "which took place on Friday", "который длился пять часов", "яка відбулася
 * у п'ятницю"), and a journey to one ("who flies to Moscow on Thursday"): such a clause is the
 * contact's (folded). ("last" is "lasted", not "last month": "the spy chief who became head of
 * the office last month" tells his post.)
 */
const CONTACT_VERB = /(?<![\p{L}])(meet|met|talk|spoke|speak|call|phone|host|receiv|visit|took place|take place|held|hold|last(?!\s+(week|month|year|time|night|weekend|spring|summer|autumn|fall|winter|(mon|tues|wednes|thurs|fri|satur|sun)day)(?![\p{L}]))|began|begin|start|end|conclud|postpon|cancel|delay|went on|ran|run|continu|проход|проводил|проводив|продолж|продовж|встрет|встреч|зустр|поговор|разговар|розмовля|созвон|зидзвон|принял|принима|прийня|прийма|посет|видвида|состоя|прош(ел|ла|ли|ло)|пройд|пройш|длил|длит|видбу|тривал|трива|завершил|завершив|закончил|начал|почал|розпочал|отмен|скасов|перенес|отлож|видклад|видклал)/u;

/** A journey ("who arrives in Davos", "who heads to Moscow", "который прилетит в Вену", "який приїде до Відня"), not a post ("head of the office") (folded). */
const JOURNEY = /(?<![\p{L}])(fly|flies|flew|travel|arriv|head(s|ed|ing)?\s+(to|for|back|home)|прилет|прилит|прибы|прибу|прибув|полет|поед|приед|приид|поид|летит|летят|едет|издит|иде|иха)/u;

/** How many words before the relative word may name its noun ("Перший раунд тристоронніх переговорів України, США та Росії, який …"). */
const HEAD_REACH = 8;

export interface RelativeClause {
  /** Character offsets in the sentence: from the relative word to the clause's end (a comma, a dash, a semicolon or the end). */
  start: number;
  end: number;
  /** The token that opens it, and the tokens before it that may be its noun. */
  opens: number;
  /** The clause (or its noun) names a contact, by a noun or a verb, or a journey. */
  ofAContact: boolean;
  /** It names a journey and no contact ("who arrives in Davos on Wednesday"). */
  journeyOnly: boolean;
  /** The kinds of contact it names by a noun or a phrase, and whether its noun is a contact ("Встреча …, о которой договорились в ходе телефонного разговора"). */
  kinds: Set<Kind>;
  onAContact: boolean;
  /** The person whose clause it is ("President Donald Trump, who arrives in Davos …"), if its noun is one. */
  person?: Mention;
}

interface Told {
  text: string;
  tokens: Token[];
  mentions: Mention[];
}

/** The relative clauses of a sentence, in order. */
export function relativeClauses(told: Told, lang: ArticleLang): RelativeClause[] {
  // (A sentence is asked once for its background and again for each of its dates: its tokens keep the answer.)
  let found = KEPT.get(told.tokens);
  if (!found) KEPT.set(told.tokens, (found = findClauses(told, lang)));
  return found;
}

const KEPT = new WeakMap<Token[], RelativeClause[]>();

function findClauses({ text, tokens, mentions }: Told, lang: ArticleLang): RelativeClause[] {
  const out: RelativeClause[] = [];
  for (const [i, t] of tokens.entries()) {
    if (i === 0) continue;
    const that = lang === "en" && t.folded === "that" && !THAT_AFTER_VERB.test(tokens[i - 1].folded) && /^\p{Ll}/u.test(tokens[i - 1].text);
    if (!that && !RELATIVE.test(t.folded)) continue;
    // (Russian and Ukrainian set it off by a comma, with a preposition that may open it: ", о которой", ", про яку".)
    const gap = text.slice(tokens[i - 1].start + tokens[i - 1].text.length, t.start);
    const afterPreposition = i >= 2 && /^\s+$/u.test(gap) && /,\s*$/u.test(text.slice(tokens[i - 2].start + tokens[i - 2].text.length, tokens[i - 1].start)) && tokens[i - 1].text.length <= 5;
    if (lang !== "en" && !/,/u.test(gap) && !afterPreposition) continue;
    const rest = text.slice(t.start);
    const stop = rest.slice(t.text.length).search(/[,;:—–(]|\s-\s/u);
    const end = stop < 0 ? text.length : t.start + t.text.length + stop;
    const inside = tokens.filter((x) => x.start >= t.start && x.start < end);
    const head = tokens.slice(Math.max(0, i - HEAD_REACH - (afterPreposition ? 1 : 0)), i);
    const clause = fold(text.slice(t.start, end));
    // (A visit, an arrival, is a journey: kind "other".)
    const kinds = new Set([...inside.flatMap((x) => kindOfNoun(x.text, lang) ?? []), ...KIND_PHRASES.filter(([, re]) => re.test(clause)).map(([k]) => k)]);
    const names = (list: Token[]) => list.some((x) => kindOfNoun(x.text, lang) !== undefined);
    const contact = [...kinds].some((k) => k !== "other") || CONTACT_VERB.test(clause);
    const journeyOnly = !contact && (kinds.has("other") || JOURNEY.test(clause));
    const onAContact = names(head);
    const ofAContact = contact || journeyOnly || onAContact;
    const person = mentions.find((m) => m.named.type === "person" && m.last === i - 1 && /,/u.test(gap));
    out.push({ start: afterPreposition ? tokens[i - 1].start : t.start, end, opens: i, ofAContact, journeyOnly, kinds, onAContact, person });
  }
  return out;
}

/** The sentence with each relative clause that tells of no contact blanked (spaces keep its offsets). */
export function withoutAsideClauses(told: Told, lang: ArticleLang): string {
  let out = told.text;
  for (const c of relativeClauses(told, lang)) if (!c.ofAContact) out = out.slice(0, c.start) + " ".repeat(c.end - c.start) + out.slice(c.end);
  return out;
}

/**
 * Does the offset stand in a clause that tells of something else: one on no contact, or the journey
 * of a person who has no part in it ("President Donald Trump, who arrives in Davos on Wednesday, …" in a
 * story on his envoys' trip to Moscow; "Лавров, который прилетит в Вену в среду, …" where Lavrov is no one's)?
 */
export function inAsideClause(told: Told, index: number, lang: ArticleLang, kind: Kind, takesPart: (m: Mention) => boolean): boolean {
  return relativeClauses(told, lang).some((c) => c.start <= index && index < c.end && (!c.ofAContact || (c.journeyOnly && c.person !== undefined && !takesPart(c.person)) || (c.onAContact && otherKindIn(c, kind))));
}

/** A call in a clause on a contact in person, or the reverse: "Встреча …, о которой договорились в ходе телефонного разговора 16 октября". */
function otherKindIn(c: RelativeClause, kind: Kind): boolean {
  return [...c.kinds].some((k) => k !== "other" && (k === "call") !== (kind === "call"));
}

/**
 * The kinds of contact a sentence names only in a clause on another contact ("Встреча президентов в
 * Будапеште, о которой они договорились в ходе телефонного разговора 16 октября, откладывается",
 * "Зустріч у Будапешті, про яку домовилися під час телефонної розмови, відкладається", "The Budapest
 * summit, which they agreed on in a phone call on Oct. 16, is on hold"): that contact is the occasion
 * of the one the sentence tells, not its kind.
 */
export function kindsOfAClauseOnAContact(told: Told, lang: ArticleLang): Set<Kind> {
  const clauses = relativeClauses(told, lang).filter((c) => c.onAContact);
  const outside = told.tokens.filter((t) => !clauses.some((c) => c.start <= t.start && t.start < c.end)).flatMap((t) => kindOfNoun(t.text, lang) ?? []);
  return new Set(clauses.flatMap((c) => [...c.kinds]).filter((k) => k !== "other" && !outside.includes(k)));
}
