// One sentence as the extractor sees it: its words, the known names in it, the kinds of
// contact it speaks of, and how it speaks of them (done, to come, moved, called off).
import type { Kind } from "../record/schema.ts";
import type { ArticleLang } from "./language.ts";
import { SMALL_LETTER_SIDE, type Mention, type NameIndex } from "./names.ts";
import type { Sentence } from "./sentences.ts";
import { BACKGROUND, BY_PHONE, COMPARISON, KIND_PHRASES, RECEIVED, RECEIVED_PRONOUN, SINCE_OR_AFTER, STATUS_CUES, WILL_BE, kindOfNoun } from "./vocabulary.ts";
import { goesTo, isLocativeIn, statementPlaceIn } from "./places.ts";
import { memoized, perObject } from "./memo.ts";
import { cueOfAnotherClause } from "./cue-owners.ts";
import { inJourneyClause } from "./journey-days.ts";
import { withoutAsideClauses } from "./relative-clauses.ts";
import { AFTER_IT, JOURNEY, possessive, PURPOSE } from "./name-syntax.ts";
import { fold, tokenize, type Token } from "./words.ts";
// The days a sentence recalls (batches 6 and 7).
import { DAY_BEFORE, EARLIER_SOURCE, RECENT, withoutEveOf } from "./vocabulary.ts";
// (One who greets an arrival meets no one for talks.)
import { GREETED, WHAT_COMES_NEXT } from "./vocabulary.ts";


export type Tense = "cancelled" | "postponed" | "held" | "future";

export interface ReadSentence extends Sentence {
  folded: string;
  tokens: Token[];
  mentions: Mention[];
  /** Recalled only as "накануне", "the day before": in a story told the next day, its news. */
  yesterday: boolean;
  kinds: Set<Kind>;
  tense?: Tense;
  agreed: boolean;
  background: boolean;
  /** People named here by their post ("глави МЗС", "the envoy"), resolved over the whole story, and officials names.json does not know. */
  roles?: Mention[];
}

/** The people a sentence names, by name or by post, in the order they stand (asked of each sentence once). */
export const personMentions = perObject(peopleNamed);

function peopleNamed(s: ReadSentence): (Mention & { named: { type: "person" } })[] {
  return [...s.mentions, ...(s.roles ?? [])].filter((m): m is Mention & { named: { type: "person" } } => m.named.type === "person").sort((a, b) => a.first - b.first);
}

/** How many words after "received", "принял" the one received is named. */
const RECEIVED_REACH = 14;

const KIND_ORDER: Kind[] = ["summit", "call", "round", "meeting", "other"];

export function readSentence(s: Sentence, lang: ArticleLang, names: NameIndex): ReadSentence {
  const tokens = tokenize(s.text);
  const folded = fold(s.text);
  const kinds = new Set<Kind>();
  for (const [at, t] of tokens.entries()) {
    // A capitalised word inside a sentence is a name (Beseda, Round Rock), not a contact noun.
    // The first word is capitalised anyway, also after an interview's dash or a quote ("— Консультации пройдут …").
    // So is the first after a speaker's or a section's label ("Ю.Ушаков: Разговор, который …").
    // (Asked only of a capitalised word inside the sentence, the only one it may let through.)
    const afterLabel = () => at > 0 && /:\s*["«“„]?$/u.test(s.text.slice(tokens[at - 1].start + tokens[at - 1].text.length, t.start));
    if (/^\p{Lu}/u.test(t.text) && t !== tokens[0] && !s.headline && !afterLabel()) continue;
    const k = kindOfNoun(t.text, lang);
    if (k) kinds.add(k);
  }
  for (const [kind, pattern] of KIND_PHRASES) if (pattern.test(folded)) kinds.add(kind);
  const mentions = names.find(tokens, SMALL_LETTER_SIDE[lang]);
  // "разговор в Кремле длился три часа": a conversation held somewhere is a meeting; only a
  // phone or a screen makes it a call.
  if (kinds.has("call") && !BY_PHONE.test(folded)) {
    // ("у Кремлі оприлюднили деталі розмови": the Kremlin speaks of it; it was not held there.)
    // ("Ушаков подтвердил разговор с Уолтцем и назвал дату консультаций в Эр-Рияде", "розмову … і
    // дату консультацій в Ер-Ріяді": a place right after another contact's noun is that contact's.)
    const nouns = (m: Mention) => tokens.slice(0, m.first).flatMap((t) => kindOfNoun(t.text, lang) ?? []);
    const ofAnother = (m: Mention) => nouns(m).includes("call") && nouns(m).at(-1) !== "call";
    const placed = mentions.some((m) => m.named.type === "place" && m.named.place.kind !== "region" && isLocativeIn(tokens, m) && !statementPlaceIn(s.text, tokens, m) && !ofAnother(m));
    if (placed) {
      kinds.delete("call");
      kinds.add("meeting");
    }
  }
  // "to call Putin", "called Russian President Vladimir Putin": the verb, with the one called.
  for (const [i, t] of tokens.entries()) {
    if (!/^(call|calls|called|calling|phone|phoned|phones|phoning)$/u.test(t.folded)) continue;
    const after = mentions.find((m) => m.first > i && m.first <= i + 4);
    if (after?.named.type === "person" && tokens.slice(i + 1, after.first).every((x) => /^\p{Lu}/u.test(x.text))) kinds.add("call");
  }
  // "Карелину встретил в аэропорту директор ЦРУ", "met her at the airport": a greeting, no meeting
  // (unless a meeting is named by its noun).
  if (kinds.has("meeting") && GREETED.test(folded) && !tokens.some((t) => kindOfNoun(t.text, lang) === "meeting")) kinds.delete("meeting");
  // "Witkoff and Kushner will be in Moscow next week", "Уиткофф полетит в Москву": a trip to a place.
  const trip = mentions.map((m) => (m.named.type === "person" ? undefined : goesTo(tokens, m))).find((t) => t !== undefined);
  if (trip) kinds.add("other");
  const received = RECEIVED.exec(folded);
  // The one received follows the verb closely ("принял в Кремле спецпосланника президента США
  // Стива Уиткоффа"); one named in the possessive owns what was received, and one named far
  // after it tells of it ("Russia has received no response to Putin's offer, … Ryabkov said").
  const receivedAt = received ? tokens.findIndex((t) => t.start >= (received.index ?? 0)) : -1;
  if (received && mentions.some((m) => m.named.type === "person" && m.first > receivedAt && m.first - receivedAt <= RECEIVED_REACH && !possessive(s.text, tokens, m))) kinds.add("meeting");
  // "Putin will receive him": the one received was named before; the host is named here.
  if (RECEIVED_PRONOUN.test(folded) && mentions.some((m) => m.named.type === "person")) kinds.add("meeting");
  const read: ReadSentence = {
    ...s,
    folded,
    tokens,
    mentions,
    yesterday: false,
    kinds,
    tense: tenseOf(folded) ?? (trip && WILL_BE.test(trip.folded) ? "future" : undefined),
    agreed: agreesOnAContact(folded, tokens, lang),
    // "як і минулого разу", "as last time", "як і під час попередніх раундів": a comparison,
    // not an earlier contact recalled. (Nor is a time in a clause on something else: "the
    // ceasefire that Kyiv had proposed a week earlier", "перемирие, которое Киев предложил неделей ранее".)
    background: BACKGROUND.test(fold(withoutAsideClauses({ text: s.text, tokens, mentions }, lang)).replace(COMPARISON, "")),
  };
  // "earlier this week", "накануне саммита": the time of this contact, the eve of another, no
  // earlier contact; "накануне вечером" alone recalls the day before, a next-day story's news.
  if (read.background) {
    // ("З американської сторони, як раніше заявляв Держдеп, у зустрічі візьмуть участь …": the
    // source of what is told of a contact to come, said earlier, recalls no contact.)
    const source = read.tense === "future" ? EARLIER_SOURCE : /(?!)/u;
    const recalled = fold(withoutEveOf(withoutAsideClauses({ text: s.text, tokens, mentions }, lang))).replace(RECENT, "").replace(source, "");
    read.background = BACKGROUND.test(recalled);
    read.yesterday = read.background && !BACKGROUND.test(recalled.replace(DAY_BEFORE, ""));
  }
  return read;
}

/** "після того, як", "после того как", "since", "after" opening a clause with a verb of its own (folded). */
const BEFORE_CLAUSE = /(?<![\p{L}])(писля того,? як|после того,? как|с тех пор,? как|з тих пир,? як|since|after)(?![\p{L}])/gu;

/**
 * The span of a clause of what came before ("після того, як саміт відклали", "after the summit was
 * called off") that stands apart from the contact's word at `at`, if any: [from, to) in the folded sentence.
 */
function clauseOfBefore(folded: string, at: number): [number, number] | undefined {
  for (const m of folded.matchAll(BEFORE_CLAUSE)) {
    const from = m.index ?? 0;
    const stop = folded.slice(from + m[0].length).search(/[,;:—–]/u);
    const to = stop < 0 ? folded.length : from + m[0].length + stop;
    if (at < from || at >= to) return [from, to];
  }
  return undefined;
}

/**
 * Does the sentence agree on a contact ("договорились о встрече", "agreed that experts will
 * meet", "домовилися провести переговори")? What is agreed follows the verb: "стороны
 * договорились об обмене военнопленными", "agreed on a prisoner swap" agree on no contact.
 */
function agreesOnAContact(folded: string, tokens: Token[], lang: ArticleLang): boolean {
  const cue = STATUS_CUES.agreed.exec(folded);
  if (!cue) return false;
  // ("agreed during a phone call with Trump to a 30-day halt", "договорился в ходе разговора с
  // Трампом о паузе", "погодився під час розмови з Трампом на паузу": the contact in which it was
  // agreed is its occasion, not what was agreed.)
  const occasion = OCCASION.exec(folded.slice(cue.index, cue.index + 60));
  const from = occasion ? cue.index + occasion.index + occasion[0].length : cue.index;
  const after = folded.slice(from);
  if (KIND_PHRASES.some(([, re]) => re.test(after)) || MEETING_VERB_AFTER.test(after)) return true;
  return tokens.some((t) => t.start >= from && kindOfNoun(t.text, lang) !== undefined);
}

/** "during a phone call", "в ходе телефонного разговора", "під час розмови" right after the verb of agreeing (folded). */
const OCCASION = /^\p{L}+\s+(during|in|at|over|в ходе|во время|пид час|у ходи|в ходи)\s+(\p{L}+\s+){0,2}(call|conversation|phone call|talks|meeting|разговор|беседи|переговор|встреч|розмов|бесид|перемовин|зустрич)\p{L}*/u;

/** Verbs of meeting or speaking that name no contact by a noun: "зустрітися", "созвониться". */
const MEETING_VERB_AFTER = /(?<![\p{L}])(зустрит|зустрин|встрет|созвон|зидзвон|поговор|meet|speak|talk)/u;

function tenseOf(folded: string): Tense | undefined {
  if (STATUS_CUES.cancelled.test(folded)) return "cancelled";
  if (STATUS_CUES.postponed.test(folded)) return "postponed";
  const held = STATUS_CUES.held.exec(folded);
  const future = STATUS_CUES.future.exec(folded);
  if (held && future) return future.index < held.index ? "future" : "held";
  if (held) return "held";
  if (future) return "future";
  return undefined;
}

const GLOBAL_CUES: [Tense, RegExp][] = (["cancelled", "postponed", "held", "future"] as const).map((t) => [t, new RegExp(STATUS_CUES[t].source, "gu")]);

interface Cue {
  tense: Tense;
  index: number;
  text: string;
}

/** Every status cue of a folded sentence, in GLOBAL_CUES' order (each contact in it asks). */
const cuesOf = memoized(
  (folded: string): Cue[] => GLOBAL_CUES.flatMap(([tense, pattern]) => [...folded.matchAll(pattern)].map((m) => ({ tense, index: m.index ?? 0, text: m[0] }))),
  (folded) => folded,
);

/**
 * What the sentence says was done to a contact of this kind, read from the cue nearest to the
 * word that names it: in "agreed to meet in Budapest after a phone call that lasted two hours"
 * the call lasted (held) and the meeting is to come.
 */
export function tenseNear(s: ReadSentence, kind: Kind, lang: ArticleLang): Tense | undefined {
  const at = kindPosition(s, kind, lang);
  // ("Путин и Трамп договорились о подготовке встречи" read for their call: a sentence that names
  // only a contact of the other sort, in person or by phone, tells that one's tense.)
  if (at === undefined) return s.kinds.size > 0 && [...s.kinds].every((k) => (k === "call") !== (kind === "call")) ? undefined : s.tense;
  // "agreed to meet after a lengthy phone call", "по итогам разговора": what came after a call
  // says the call itself is done.
  if (kind === "call" && AFTER_IT.test(s.folded.slice(Math.max(0, at - 40), at))) return "held";
  // "прилетел в США для встречи с Уиткоффом", "arrived for talks with Putin", "прибув на
  // переговори": a contact that is the purpose of a journey is still to come, whatever the
  // journey's verb says (unless it is called off or moved).
  if (PURPOSE.test(s.folded.slice(Math.max(0, at - 24), at)) && JOURNEY.test(s.folded.slice(0, at)) && !STATUS_CUES.cancelled.test(s.folded) && !STATUS_CUES.postponed.test(s.folded)) return "future";
  let best: { tense: Tense; distance: number } | undefined;
  const since = SINCE_OR_AFTER.exec(s.folded)?.index;
  // A headline that lists several contacts ("розмова Лаврова і Рубіо, скасований саміт і
  // санкції") says what was done to each in its own part: only the cues of this contact's part
  // count. (In a story's sentence the commas set off clauses of one contact instead.)
  const [from, to] = s.headline && s.kinds.size > 1 ? listItemAround(s.folded, at) : [0, s.folded.length];
  // ("Це перший візит … після того, як саміт … відклали", "the first visit since the summit was put
  // off": a clause of what came before tells that event's tense, not this contact's.)
  const before = clauseOfBefore(s.folded, at);
  for (const { tense, index, text } of cuesOf(s.folded)) {
    if (index < from || index >= to) continue;
    if (before && index >= before[0] && index < before[1]) continue;
    // "Next round … delayed to March 5": "next round" says which contact, not what is done to
    // it; a cue that contains the contact's own word gives way to any other.
    const own = tense === "future" && index <= at && at < index + text.length;
    // ("talks with Trump in Alaska 'very useful,' Kremlin aide sees no date for next meeting":
    // elsewhere in the sentence "next meeting" is another contact, and no cue for this one.)
    if (tense === "future" && !own && /^next /u.test(text)) continue;
    if (tense === "future" && WHAT_COMES_NEXT.test(s.folded.slice(index + text.length))) continue;
    // "agree to meet … after a call": the verb of meeting tells the meeting's tense, not the call's.
    if (kind === "call" && /(meet|met|встрет|встреч|зустр)/u.test(text)) continue;
    // "прилетел … через неделю после отмены саммита": a cue with another kind of contact right
    // after it ("отмены саммита", "cancellation of the summit") is that contact's.
    if ((tense === "cancelled" || tense === "postponed") && namesOtherKind(s, index + text.length, kind, lang)) continue;
    // ("прилетел в пятницу и в субботу встретится": the journey's clause tells the journey's tense.)
    if (cueOfAnotherClause(s, at, index, kind, lang) || (kind !== "other" && inJourneyClause(s, index))) continue;
    // ("Поїздка стала першим контактом після того, як саміт у Будапешті відклали", "the first visit
    // since the summit was called off": a cue in a clause of from when, after this contact's word, is
    // the other contact's.)
    if ((tense === "cancelled" || tense === "postponed") && since !== undefined && at < since && since < index) continue;
    const distance = Math.abs(index - at);
    // Calling off and moving decide wherever they stand in a sentence about one contact.
    const weight = (tense === "cancelled" || tense === "postponed" ? distance / 4 : distance) + (own ? 1000 : 0);
    if (!best || weight < best.distance) best = { tense, distance: weight };
  }
  return best?.tense;
}

/**
 * Does a contact noun of another kind than this one follow within two words of a position?
 * (Not past a comma: "Зустріч відклали, саміт під питанням" moved the meeting.)
 */
function namesOtherKind(s: ReadSentence, from: number, kind: Kind, lang: ArticleLang): boolean {
  const rest = s.folded.slice(from).replace(/^\p{L}*/u, "");
  const words = rest.match(/^[^\p{L},;:.!?—–]*(\p{L}+)([^\p{L},;:.!?—–]+(\p{L}+))?/u);
  if (!words) return false;
  return [words[1], words[3]].some((w) => {
    if (!w) return false;
    const k = kindOfNoun(w, lang);
    return k !== undefined && k !== kind && k !== "other";
  });
}

/** The part of a listing line (between commas, semicolons or a colon) around a position. */
function listItemAround(text: string, at: number): [number, number] {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(":")) + 1;
  const rest = text.slice(at).search(/[,;:]/);
  return [start, rest < 0 ? text.length : at + rest];
}

/** Where the sentence first names a contact of this kind, by a phrase or by a noun ("the next round of three-way talks": at "round"). */
function kindPosition(s: ReadSentence, kind: Kind, lang: ArticleLang): number | undefined {
  const phrase = KIND_PHRASES.find(([k]) => k === kind)?.[1].exec(s.folded)?.index;
  const noun = s.tokens.find((tok) => kindOfNoun(tok.text, lang) === kind || (kind === "call" && tok.folded === "call"))?.start;
  return phrase === undefined ? noun : noun === undefined ? phrase : Math.min(phrase, noun);
}

/** The strongest kind among those given: a summit is also a meeting, a call may be "talks". */
export function strongestKind(kinds: Iterable<Kind>): Kind | undefined {
  const set = new Set(kinds);
  return KIND_ORDER.find((k) => set.has(k));
}

/**
 * The kinds a sentence names outside an opening phrase of another time ("After a long phone call with
 * Putin on Oct. 16, Trump had said he would meet him in Budapest": the call is when, the meeting
 * what; "После разговора с Путиным …", "Після розмови …"). All its kinds when it opens otherwise.
 * Up to `until`, where the words on a contact it prepares begin ("… to prepare for a summit").
 */
export function kindsBeyondOpening(s: ReadSentence, lang: ArticleLang, until = Infinity): Set<Kind> {
  const comma = openingEnd(s);
  if (comma < 0 && until === Infinity) return s.kinds;
  const rest = s.tokens.filter((t) => t.start > comma && t.start < until);
  const folded = rest.map((t) => t.folded).join(" ");
  const kinds = new Set<Kind>(rest.flatMap((t) => kindOfNoun(t.text, lang) ?? []));
  for (const [kind, pattern] of KIND_PHRASES) if (pattern.test(folded)) kinds.add(kind);
  return kinds.size > 0 ? kinds : s.kinds;
}

/**
 * The kinds of contact that tokens name only a few words after "after" or "before" ("Witkoff meets
 * Dmitriev weeks after the Alaska summit", "Путин примет Уиткоффа после переговоров в Майами",
 * "після розмови з Трампом"): another contact, the time of the one reported.
 */
export function kindsOfAnotherTime(tokens: Token[], lang: ArticleLang): Set<Kind> {
  // ("after a lengthy phone call", "после телефонного разговора", "після телефонної розмови": a
  // call may be named by a phrase, whose last word stands up to four words on.)
  const timeOf = tokens.filter((_, i) => tokens.slice(Math.max(0, i - 4), i).some((x) => SEQUEL.test(x.folded)));
  const own = tokens.filter((t) => !timeOf.includes(t));
  const kindsIn = (list: Token[]) => {
    const folded = list.map((t) => t.folded).join(" ");
    return new Set([...KIND_PHRASES.filter(([, re]) => re.test(folded)).map(([k]) => k), ...list.flatMap((t) => kindOfNoun(t.text, lang) ?? [])]);
  };
  const ownKinds = kindsIn(own);
  // ("after a phone call that lasted more than two hours", "после разговора, который длился два
  // часа": a contact told by a clause of its own is an event the sentence reports, not a time.)
  const toldOfItsOwn = (i: number) => tokens.slice(i + 2, i + 7).some((t, k) => THAT_CLAUSE.test(t.folded) && kindsIn(tokens.slice(i + k, i + k + 2)).size > 0);
  const phrased = tokens.flatMap((t, i) => (SEQUEL.test(t.folded) && !toldOfItsOwn(i) ? [...kindsIn(tokens.slice(i + 1, i + 5))] : []));
  return new Set([...phrased].filter((k) => !ownKinds.has(k)));
}

/** Words that open a clause about the noun before them: "that", "which", "который", "який". */
const THAT_CLAUSE = /^(that|which|котор\p{L}*|яки\p{L}*|яка|яке|якого|якому)$/u;

/** "after", "before", "ahead of", "после", "перед", "після", "напередодні": another time follows. */
const SEQUEL = /^(after|following|before|ahead|после|перед|писля|накануне|напередодни)$/u;

/**
 * Where an opening phrase of what came before or after ends ("After a long phone call with Putin
 * on Oct. 16,", "Після розмови з Трампом у понеділок,"): the offset of its comma, or -1. ("During
 * the talks on Monday," is this contact's own time.)
 */
export function openingEnd(s: ReadSentence): number {
  return s.tokens.length > 0 && SEQUEL.test(s.tokens[0].folded) ? s.text.indexOf(",") : -1;
}
