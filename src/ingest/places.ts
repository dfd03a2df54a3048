// Where a sentence puts a contact: which of its places are the venue ("в Стамбуле", "visit
// Moscow", "полетять до Москви") and which are another event's, a proposal's, a statement's or a
// source's ("after the forum in Davos", "offered to host the talks in Budapest", "said at a press
// conference in New York", "источник в Белом доме"). Pure; reading.ts and buildDraft ask these.
import type { Kind } from "../record/schema.ts";
import type { ArticleLang } from "./language.ts";
import type { Mention, PlaceEntry } from "./names.ts";
import type { ReadSentence } from "./reading.ts";
import { ANOTHER_CONTACT_BEFORE, GOES, INSTITUTION_SAYS, KIND_PHRASES, LOCATIVE, PLACE_FILLER, PROPOSED, PUBLIC_EVENT, SINCE_CLAUSE, SINCE_OR_AFTER, SOURCE_IN, STATUS_CUES, SPEECH, STATEMENT_VENUE, TOWARD, VISITS, kindOfNoun } from "./vocabulary.ts";
import type { Token } from "./words.ts";

/**
 * "прилетел через неделю после отмены саммита в Будапеште", "after the summit in Budapest was
 * called off": a place after another kind of contact named after "after" or "before" is that
 * contact's.
 */
export function placeOfAnother(s: ReadSentence, m: Mention, kind: Kind, lang: ArticleLang): boolean {
  // ("two days after the latest round wrapped up in Geneva", "a day after Witkoff held talks with
  // Putin in Moscow": the clause after "after" tells its contact with a verb and its people, and
  // may run eight words to the place.)
  for (let i = m.first - 1; i >= Math.max(0, m.first - 9); i--) {
    // ("после того, как саммит в Будапеште отменили", "після того, як саміт у Будапешті відклали":
    // the comma of "после того, как" opens the clause of what came after, not another clause.)
    if (i < m.first - 1 && breakAfter(s, i) && !THAT_AFTER.test(s.text.slice(Math.max(0, s.tokens[i].start - 8), s.tokens[i + 1].start + 4).toLowerCase())) return false;
    // ("після форуму в Давосі у четвер вирушать до Москви": the phrase after "after" has its own
    // place, and a second one is the sentence's.)
    if (s.mentions.some((o) => o !== m && o.named.type === "place" && o.first === i)) return false;
    if (!ANOTHER_CONTACT_BEFORE.test(s.tokens[i].folded)) continue;
    // ("після форуму в Давосі вирушать до Москви", "after the forum in Davos": so is a place
    // after another kind of event; "during the forum in Davos" is where this one is. "Путин
    // примет Уиткоффа после переговоров в Майами": after "after", talks of any kind are another's.)
    const sequel = !DURING.test(s.tokens[i].folded);
    return s.tokens.slice(i + 1, m.first).some((t) => {
      const k = kindOfNoun(t.text, lang);
      return (k !== undefined && (k !== kind || sequel)) || (sequel && PUBLIC_EVENT.test(t.folded));
    });
  }
  return false;
}

/**
 * "On the sidelines of the forum, Witkoff met Dmitriev", "на полях форума", "у кулуарах
 * форуму": a contact on the sidelines of an event that gives no place of its own is where the
 * story puts that event ("arrived at the World Economic Forum in Davos"). The place and the
 * sentence that gives it, or undefined.
 */
export function placeOfTheSidelines(anchors: ReadSentence[], sentences: ReadSentence[]): { place: PlaceEntry; sentence: ReadSentence } | undefined {
  const event = anchors.flatMap((s) => s.tokens.flatMap((t, i) => (SIDELINES.test(t.folded) ? s.tokens.slice(i + 1, i + 4).filter((x) => PUBLIC_EVENT.test(x.folded)) : [])))[0];
  if (!event || anchors.some((s) => s.mentions.some((m) => m.named.type === "place" && m.named.place.kind !== "region" && isLocative(s, m)))) return undefined;
  const stem = event.folded.slice(0, 5);
  for (const s of sentences) {
    for (const [i, t] of s.tokens.entries()) {
      if (!t.folded.startsWith(stem)) continue;
      const m = s.mentions.find((x) => x.first > i && x.first <= i + 4 && x.named.type === "place" && x.named.place.kind === "city" && isLocative(s, x));
      if (m && m.named.type === "place") return { place: m.named.place, sentence: s };
    }
  }
  return undefined;
}

const SIDELINES = /^(sidelines|margins|полях|кулуарах)$/u;

/**
 * "Rubio met Lavrov on Thursday on the sidelines of a regional summit", "на полях саммита АСЕАН",
 * "на полях саміту АСЕАН": a summit named only as where two people met is the venue of this
 * contact, not another one. True where every summit the sentence names follows such a word.
 */
export function summitOnlyAsVenue(s: ReadSentence, lang: ArticleLang): boolean {
  const summits = s.tokens.map((t, i) => (kindOfNoun(t.text, lang) === "summit" ? i : -1)).filter((i) => i >= 0);
  return summits.length > 0 && summits.every((i) => s.tokens.slice(Math.max(0, i - 4), i).some((t) => SIDELINES.test(t.folded)));
}

/**
 * "встреча министров, которая должна была проложить дорогу к саммиту в Будапеште", "зустріч, що мала
 * підготувати саміт Трампа і Путіна в Будапешті", "a ministers' meeting to pave the way for the
 * summit in Budapest": a place right after a summit's noun (and the leaders it is of) is the
 * summit's, not the meeting's that prepares it.
 */
export function placeOfASummit(s: ReadSentence, m: Mention, lang: ArticleLang): boolean {
  for (let i = m.first - 2; i >= Math.max(0, m.first - 6); i--) {
    if (breakAfter(s, i)) return false;
    if (kindOfNoun(s.tokens[i].text, lang) === "summit") return true;
    const filler = PLACE_FILLER.test(s.tokens[i].folded) || AND_WITH.test(s.tokens[i].folded) || s.mentions.some((o) => o.named.type === "person" && o.first <= i && i <= o.last);
    if (!filler) return false;
  }
  return false;
}

/** Words that join a summit's leaders: "Трампа и Путина", "between Trump and Putin". */
const AND_WITH = /^(and|between|of|и|і|та|й|с|з|из|із|миж|между)$/u;

/** "после того, как", "перед тем, как", "після того, як", "перед тим, як": a time clause's opening, comma and all. */
const THAT_AFTER = /(того|тим|тем),\s*(как|як)/u;

/** "during", "while", "во время", "під час": what follows is the time of this contact. */
const DURING = /^(during|while|время|час|пока|поки)$/u;

/**
 * "Москва запропонувала провести зустріч у російській столиці, однак згоди немає", "offered to
 * host the talks in Budapest": a place one side proposes is not yet where the contact is.
 */
export function isProposedPlace(s: ReadSentence, m: Mention): boolean {
  for (let i = m.first - 1; i >= Math.max(0, m.first - 5); i--) {
    if (i < m.first - 1 && breakAfter(s, i)) return false;
    if (PROPOSED.test(s.tokens[i].folded)) return true;
  }
  return false;
}

/**
 * "the first contact since Trump said he had called off his meeting with Putin in Budapest", "после
 * того, как Трамп объявил, что отменяет встречу с Путиным в Будапеште": a place after a word of
 * calling off or moving, in a clause that tells from when, is the place of the contact called off.
 */
export function placeCalledOffSince(s: ReadSentence, m: Mention): boolean {
  const before = s.folded.slice(0, s.tokens[m.first].start);
  const opener = SINCE_OR_AFTER.exec(before);
  if (!opener) return false;
  const rest = before.slice(opener.index);
  return STATUS_CUES.cancelled.test(rest) || STATUS_CUES.postponed.test(rest);
}

/**
 * "their first talks since Trump returned to the White House", "з моменту повернення Трампа
 * до Білого дому": a place in a clause that tells from when time is counted is not a venue.
 */
export function isSincePlace(s: ReadSentence, m: Mention): boolean {
  const clause = s.folded.slice(Math.max(0, s.tokens[m.first].start - 60), s.tokens[m.first].start);
  return SINCE_CLAUSE.test(clause.slice(Math.max(clause.lastIndexOf(","), 0)));
}

/**
 * "the Budapest summit", "the Istanbul talks", "Witkoff's Moscow visit": in English a place set
 * right before the noun of a contact, as its attribute, says where that contact is (not after
 * "after" or "before": "after the Alaska summit" is another's).
 */
export function placesItsContact(s: ReadSentence, m: Mention, lang: ArticleLang): boolean {
  const next = s.tokens[m.last + 1];
  if (lang !== "en" || !next || !/^\s+$/u.test(gapAfter(s, m.last)) || !(kindOfNoun(next.text, lang) !== undefined || VISIT_NOUN.test(next.folded))) return false;
  return !s.tokens.slice(Math.max(0, m.first - 3), m.first).some((t) => ANOTHER_CONTACT_BEFORE.test(t.folded));
}

const VISIT_NOUN = /^(visit|trip)$/u;

/**
 * "Лавров на полях Генассамблеи в Нью-Йорке обсудил это с Рубио, и договоренность достигнута:
 * раунд будет", "Rubio discussed it with Lavrov in New York and they agreed a round will be held":
 * for a contact to come, a place in a clause that tells a talk done and names no contact of this
 * kind is where that talk was.
 */
export function placeOfATalkDone(s: ReadSentence, m: Mention, kind: Kind, lang: ArticleLang): boolean {
  let first = m.first;
  while (first > 0 && !breakAfter(s, first - 1)) first--;
  let last = m.last;
  while (last + 1 < s.tokens.length && !breakAfter(s, last)) last++;
  const clause = s.tokens.slice(first, last + 1);
  return clause.some((t) => TALK_DONE.test(t.folded)) && !clause.some((t) => kindOfNoun(t.text, lang) === kind);
}

/** Verbs of a talk told done: "met", "discussed", "обсудил", "встретился", "обговорив", "зустрівся". */
const TALK_DONE = /^(met|discussed|spoke|talked|agreed|обсудил\p{L}*|обсуждал\p{L}*|встретил\p{L}*|встречал\p{L}*|поговорил\p{L}*|договорил\p{L}*|обговорил\p{L}*|обговорив|обговорювал\p{L}*|зустрил\p{L}*|зустрив\p{L}*|зустричал\p{L}*|поговорив|домовил\p{L}*)$/u;

/** The verb of going before "to", "в", "до" and the place (maybe through "the", "російської"), if one stands there. */
export function goesTo(tokens: Token[], m: Mention): Token | undefined {
  let i = m.first - 1;
  while (i > 0 && m.first - i <= 3 && PLACE_FILLER.test(tokens[i].folded)) i--;
  return i > 0 && TOWARD.has(tokens[i].folded) && GOES.test(tokens[i - 1].folded) ? tokens[i - 1] : undefined;
}

/** Is the mention introduced by "в", "у", "in", "at" (maybe through "the", "турецькому")? */
export function isLocative(s: ReadSentence, m: Mention): boolean {
  return !namesAnOutlet(s, m) && isLocativeIn(s.tokens, m);
}

export function isLocativeIn(tokens: Token[], m: Mention): boolean {
  for (let i = m.first - 1, skipped = 0; i >= 0 && skipped <= 3; i--, skipped++) {
    const f = tokens[i].folded;
    if (LOCATIVE.has(f)) return true;
    // "посетить Москву", "visit Moscow": the place a visit goes to is where it happens.
    if (VISITS.test(f)) return true;
    if (!PLACE_FILLER.test(f)) return false;
  }
  return false;
}

/**
 * "who spoke to Kyiv Post", "told The Moscow Times", "at Moscow State University": in English a
 * place followed straight on by a capitalised word (not a day or a month) is part of a name of
 * its own, an outlet's or a school's, and places nothing. (Russian and Ukrainian put such names
 * in quotes and let a capitalised subject follow a place: "В Москве Путин …".)
 */
function namesAnOutlet(s: ReadSentence, m: Mention): boolean {
  const place = s.tokens[m.last];
  const next = s.tokens[m.last + 1];
  if (!next || !/^[A-Z][a-z]/.test(next.text) || !/^[A-Za-z]/.test(place.text) || CALENDAR_WORD.test(next.folded)) return false;
  // ("Kremlin Envoy Meets Trump Team in Miami Ahead of New Ukraine Talks": a headline in title
  // case capitalises every word, and only an outlet's or a school's own word says a name goes on.)
  if (s.headline && titleCase(s) && !NAME_GOES_ON.test(next.folded)) return false;
  return s.text.slice(place.start + place.text.length, next.start) === " ";
}

/** Words that go on a place's name as an outlet's, a paper's or a school's ("Kyiv Post", "Moscow Times", "Moscow State University"). */
const NAME_GOES_ON = /^(post|times|independent|news|herald|journal|tribune|telegraph|state|university|institute|school|city|region|oblast)$/u;

/** Is a line in title case: its words of four letters or more all capitalised ("Envoy Meets Trump Team in Miami Ahead of Talks")? */
function titleCase(s: ReadSentence): boolean {
  const long = s.tokens.filter((t) => /^[A-Za-z]{4,}$/.test(t.text));
  return long.length >= 4 && long.every((t) => /^[A-Z]/.test(t.text));
}

const CALENDAR_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|time)$/u;

/** Is there a comma, a stop or a dash between the token at i and the next (U.S. keeps its dots)? */
export function breakAfter(s: ReadSentence, i: number): boolean {
  return /[,;:.!?—–]/.test(gapAfter(s, i));
}

/** What stands between the token at i and the next: spaces and punctuation (U.S. keeps its dots). */
export function gapAfter(s: ReadSentence, i: number): string {
  return s.text.slice(s.tokens[i].start, s.tokens[i + 1].start).replace(/^[\p{L}\p{M}\d.'’ʼ-]*[\p{L}\p{M}\d]\.?/u, "");
}

/** Impersonal plurals of judging and deciding (folded): "сочли", "решили", "пришли" (к выводу), "вирішили", "вважають", "дійшли" (висновку). */
const JUDGED = /^(сочли|посчитали|считают|решили|пришли|вирішили|вважають|вважали|дийшли)$/u;

/** "that", "что", "що": what follows is what was said. */
const THAT = /^(that|что|що)$/u;
/** Verbs of making known that SPEECH, made for "said", leaves out: "to announce", "объявить", "оголосити". */
const ANNOUNCE = /^(announc|объяв|оголос|заяв|сообщ|повидом)/u;

/** Is the place where a statement was made ("said at a press conference in New York")? */
export function isStatementPlace(s: ReadSentence, m: Mention): boolean {
  return statementPlaceIn(s.text, s.tokens, m);
}

export function statementPlaceIn(text: string, tokens: Token[], m: Mention): boolean {
  for (let i = m.first - 1; i >= Math.max(0, m.first - 4); i--) if (STATEMENT_VENUE.test(tokens[i].folded)) return true;
  // "Over in New York, Lavrov used his press conference to announce that Moscow and Washington
  // have agreed to hold a round", "В Бишкеке Путин заявил, что …": where the contact is told only
  // in what was said, a place before the words of saying is the speaker's.
  // ("In Washington, Trump had told reporters there was a good chance he would meet Putin": in
  // English "that" may be left out, and the words said follow the verb's object.)
  const told = tokens.findIndex((t, i) => i > m.last && i <= m.last + 5 && /^(told|said|says|tells)$/u.test(t.folded));
  const that = told > 0 && !tokens.slice(m.last + 1, told).some((t) => kindOfNoun(t.text, "en") !== undefined) ? told + 1 : tokens.findIndex((t, i) => i > m.last && THAT.test(t.folded) && tokens.slice(Math.max(m.last + 1, i - 6), i).some((x) => SPEECH.test(x.folded) || ANNOUNCE.test(x.folded)));
  if (that > 0) {
    const before = tokens.slice(0, that).map((t) => t.folded).join(" ");
    const after = tokens.slice(that).map((t) => t.folded).join(" ");
    if (!KIND_PHRASES.some(([, k]) => k.test(before)) && KIND_PHRASES.some(([, k]) => k.test(after))) return true;
  }
  // "сообщил источник в Белом доме", "источники CNN в Белом доме": the one who told it sits there.
  let at = m.first - 1;
  while (at > 0 && PLACE_FILLER.test(tokens[at].folded)) at--;
  if (at > 0 && LOCATIVE.has(tokens[at].folded)) {
    const source = /^\p{Lu}/u.test(tokens[at - 1].text) && at > 1 ? at - 2 : at - 1;
    if (SOURCE_IN.test(tokens[source].folded)) return true;
    // ("…, заявили в Кремле", "…, повідомили у Кремлі": the impersonal plural before it, too.)
    if (INSTITUTION_SAYS.test(tokens[at - 1].folded)) return true;
  }
  // "у Кремлі підтвердили", "в Белом доме заявили": the institution speaking, not a venue.
  // Only the verb right after it, with no comma between ("… в Женеве, сообщили в Кремле" is a venue).
  const next = tokens[m.last + 1];
  if (!next || /[,;:—–]/.test(text.slice(tokens[m.last].start, next.start))) return false;
  if (SPEECH.test(next.folded) && !/^(said|says|say|told|announced|stated|added)$/u.test(next.folded)) return true;
  // "в Вашингтоне сочли, что …", "у Вашингтоні вирішили", "в Москве пришли к выводу": a side's
  // capital that judges speaks for its government; it is no venue.
  const capital = m.named.type === "place" && m.named.place.capitalOf !== undefined;
  if (capital && JUDGED.test(next.folded)) return true;
  // "В Кремле визит Дмитриева пока не комментировали", "у Кремлі оприлюднили деталі": the
  // impersonal plural further on in the clause speaks for it.
  // (Far on, past the day: "У Білому домі та Держдепі станом на вечір п’ятниці візит не коментували";
  // past the request: "в посольстве США в Москве на запрос РБК о сроках консультаций … не ответили".)
  for (let i = m.last + 1; i < Math.min(tokens.length, m.last + 14); i++) {
    if (i > m.last + 1 && /[,;:—–.!?]/.test(text.slice(tokens[i - 1].start + tokens[i - 1].text.length, tokens[i].start))) return false;
    if (INSTITUTION_SAYS.test(tokens[i].folded)) return true;
  }
  return false;
}

/** After a place, maybe through its day: ", where", ", где", ", де" (folded, the text after the place). */
const WHERE_AFTER = /^(?:\s+[\p{L}\d]+){0,3}\s*,\s*(?:where|где|де)(?![\p{L}])/u;

/**
 * Does the sentence put a contact done at this place by a place it opens on or one a "where"
 * follows: "In Anchorage, the two leaders met …", "В Анкоридже лидеры беседовали …", "Потом была
 * встреча в Эр-Рияде 18 февраля, где Лавров и Ушаков разговаривали с Рубио", "11 березня в Джидді,
 * де делегацію приймали Рубіо та Волтц", "talks in Riyadh on February 18, where Rubio met Lavrov"?
 * Where it is not this contact's place, the people of the sentence are that contact's.
 */
export function hostsTheSentence(s: ReadSentence, m: Mention): boolean {
  if (m.named.type !== "place" || !isLocative(s, m)) return false;
  const after = s.folded.slice(s.tokens[m.last].start + s.tokens[m.last].folded.length);
  return WHERE_AFTER.test(after) || (m.first <= 1 && s.tense !== "future");
}
