// The contacts a story reports, before their fields are read: the main one (named by the
// headline and the lead, or, in digests, live blogs and interviews, by the first later sentence
// that reports a contact between the followed sides of its own), then each other contact the
// story tells of (an earlier round recalled, experts agreed to meet), each with its sentences.
// Pure, as the rest of src/ingest/; extract.ts turns each into a draft.
import type { Kind } from "../record/schema.ts";
import { dayGap, readDates } from "./dates.ts";
import { splitSentences } from "./sentences.ts";
import { fold } from "./words.ts";
import type { EventReading } from "./draft.ts";
import { findTrack } from "./fields.ts";
import type { ArticleLang } from "./language.ts";
import type { NameIndex } from "./names.ts";
import { isLocative } from "./places.ts";
// (Three-way talks are the record's RU–UA–US rounds.)
import { BY_PHONE, TRILATERAL } from "./vocabulary.ts";
import { MULTILATERAL } from "./topic-words.ts";
import { kindsOfAnotherTime } from "./reading.ts";
import { isAside } from "./asides.ts";
import { kindsOfAClauseOnAContact } from "./relative-clauses.ts";
import { strongestKind, type ReadSentence } from "./reading.ts";
import { ANOTHER, ANOTHER_CONTACT_BEFORE, CLAUSE, DENIED, KIND_PHRASES, EXPERTS, kindOfNoun, HYPOTHETICAL, NEW_CONTACT, NEXT_OF_SERIES, NOT_PLANNED, PREPARING, SEPARATE_CONTACT, STATUS_CUES } from "./vocabulary.ts";

/** A contact done up to this many days before the story is its news; one done earlier is recalled. */
export const NEWS_DAYS = 7;

/**
 * How many days from the story a contact told below another story's headline may be to be its
 * news. A contact the story's own headline names is news for a week (NEWS_DAYS); one a story on
 * another event gives further down is news only while fresh ("met on Tuesday" in Wednesday's
 * story, "вчора", "накануне"): one of the week before was that week's news, and here it is the
 * context of this one: "The U.S. envoy held talks with Putin on 24 April" under a deal signed on
 * the 30th; "Уиткофф провел переговоры с Путиным 24 апреля", "Віткофф провів переговори з Путіним
 * 24 квітня" under the same.
 */
export const BURIED_DAYS = 3;
/** "передувало", "предшествовала", "was preceded by" (folded). */
const PRECEDED = /(?<![\p{L}])(передувал|предшествовал|preceded)/u;

/** A sentence that opens on another matter: "Separately,", "In a separate development", "Отдельно", "Окремо", "Meanwhile", "Тем временем", "Тим часом". */
export const SEPARATELY = /^(separately|in a separate|meanwhile|отдельно|окремо|тем временем|тим часом)(?![\p{L}])/u;
/** "his own talks", "свои переговоры", "власні переговори": a contact of someone's own beside the story's (folded). */
const OWN_CONTACT = /(?<![\p{L}])((his|her|their) own (talks|meeting|meetings|consultations)|(свои|свою|собственн\p{L}*|власни|власну) (переговори|перемовини|встречу|зустрич|консультации))(?![\p{L}])/u;

/** The sides the record follows. */
export const FOLLOWED = ["RU", "US"];

/** The main contact, then each other contact the story reports. */
export function findEvents(sentences: ReadSentence[], lang: ArticleLang, published: string, names: NameIndex): EventReading[] {
  const headline = sentences.find((s) => s.headline);
  const body = sentences.filter((s) => !s.headline);
  // Photo captions and bylines ("Энтони Блинкен") are not the lead.
  const lead = body.find((s) => s.tokens.length >= 5);
  let anchors = [headline, lead].filter((s): s is ReadSentence => s !== undefined && s.kinds.size > 0);
  // A round-up's headline lists the week's contacts without their people ("a long call, a
  // Beijing visit and a date for Riyadh") over a lead that names none: the news is the first
  // item that reports a contact between the followed sides.
  // (A headline with one side's visitor, "Уиткофф прилетел в Москву", is that visit's news.)
  // So does a review's headline and subtitle that name no one ("Анкоридж: что осталось после
  // саммита", "Встреча без сделки, но с «пониманием»"): the first sentence that tells the contact
  // with its sides is the news.
  if (anchors.length > 0 && anchors.every((a) => sidesOf(a).size === 0)) {
    const item = body.find((s) => !anchors.includes(s) && s !== lead && reportsContactOfItsOwn(s, lang, published, new Set()));
    if (item) anchors = [item];
  }
  if (anchors.length === 0) {
    // A story names its news in the headline or the lead. Where neither speaks of a contact,
    // one further down is mentioned in passing ("after the summit was put on hold"), unless
    // no headline was found, when the second sentence may still be the lead's.
    const reach = headline ? [] : body.slice(0, 2);
    // A digest, a live blog or a briefing's round-up gives the contact a sentence of its own
    // further down ("Meanwhile, Russian and U.S. diplomats will meet in Istanbul on Thursday"):
    // news, with both followed sides in it, not recalled, asked about or set beside another.
    const leadSides = lead ? sidesOf(lead) : new Set<string>();
    // ("Rubio and Lavrov spoke by phone on Monday to prepare the ground" before "On Wednesday,
    // Trump said he had called off the summit": a contact held to prepare another is that one's
    // groundwork; the story's news is what became of the other.)
    // ("Песков: планов по новым контактам Путина и Трампа пока нет", "No new contacts are planned,
    // the Kremlin said", "Пєсков: планів щодо контактів немає": a story that opens on the word that
    // no contact is planned, or on a denial, reports that word; the summit called off or the last
    // call told further down explains it. Only a contact to come, or one on a day near the story,
    // is news of its own there.)
    const denial = [headline, lead].some((s) => s !== undefined && (NOT_PLANNED.test(s.folded) || DENIED.test(s.folded)));
    const told = body.filter((s) => reportsContactOfItsOwn(s, lang, published, leadSides) && (!denial || s.tense === "future" || nearTheStory(s, lang, published)));
    const first = reach.find((s) => s.kinds.size > 0 && !s.background) ?? told.find((s) => !PREPARING.test(s.folded)) ?? told[0];
    if (!first) return [];
    anchors = [first];
  }
  // "… as US-brokered talks end in Abu Dhabi" over "Negotiators … will meet again in Geneva on
  // 17 February": a lead (or subtitle) that tells the next contact after a headline that tells
  // one done leaves the headline's the main one, and is a contact of its own.
  const next = anchors.length === 2 && anchors[0] === headline && headline.tense === "held" && anchors[1].tense === "future" && ANOTHER.test(anchors[1].folded) ? anchors[1] : undefined;
  if (next && headline) anchors = [headline];
  // ("От Анкориджа до Будапешта" over "Путин и Трамп договорились о новом саммите" with no stop, then
  // "Президенты … в четверг провели телефонный разговор"; "Trump and Putin agree on a new summit" over
  // "The two presidents spoke by phone on Thursday"; "Путін і Трамп домовилися про новий саміт" over
  // "Президенти … провели телефонну розмову": a standfirst that tells only what was agreed, under a
  // headline that names no contact, leaves it to the story's first sentence to tell the call it was agreed in.)
  const standfirst = lead !== undefined && anchors.length === 1 && anchors[0] === lead && (!headline || headline.kinds.size === 0) && lead.agreed && !lead.kinds.has("call") && !/[.!?…]["»”]?\s*$/u.test(lead.text);
  const agreedIn = standfirst ? body.slice(body.indexOf(lead) + 1, body.indexOf(lead) + 4).find((s) => s.tokens.length >= 5 && s.kinds.has("call") && s.tense === "held" && BY_PHONE.test(s.folded)) : undefined;
  if (agreedIn && lead) anchors = [lead, agreedIn];
  let kind = mainKind(anchors, lang);
  // "Talks on the work of the embassies" are a round of the consultations: a series whose
  // contacts are rounds makes its talks one, unless the headline names both sides' people.
  const seriesKind = names.names.tracks.find((t) => t.id === findTrack({ sentences, anchors, kind, secondary: true }, [], [], names)?.id)?.kind;
  if (kind === "meeting" && seriesKind === "round" && headlineSides(anchors) < 2) kind = "round";
  const events: EventReading[] = [{ sentences, anchors, kind, secondary: false }];
  if (next) events.push({ sentences: [next], anchors: [next], kind: strongestKind(next.kinds)!, secondary: true, standsAlone: true });
  const mainFuture = !anchors.some((a) => a.tense === "held" || a.tense === "cancelled");
  // A contact moved or called off has its old day in the story ("мала відбутися в неділю"): no other contact.
  const mainMoved = anchors.some((a) => a.tense === "postponed" || a.tense === "cancelled");
  for (const s of sentences) {
    if (anchors.includes(s) || s.kinds.size === 0 || ofABody(s) || nextIsThisOne(s, anchors, kind, lang, published)) continue;
    const own = new Set(s.kinds);
    // "After the call, the ministers agreed that experts will meet": the call is the main
    // one; what was agreed on is the meeting.
    // "Earlier they agreed on a meeting in a phone call on 16 October" recalls the call.
    if (own.size > 1 && own.has("call") && !s.background && (s.agreed || s.tense === "future")) own.delete("call");
    const k = strongestKind(own)!;
    const agreedLater = s.agreed && (s.tense === "future" || s.tense === undefined || EXPERTS.test(s.folded) || k !== kind);
    // An earlier contact is worth a draft only when the story dates it ("the previous round,
    // on 27 February"); "earlier he was recalled for consultations" is background, not news.
    // (The day a word was said, "Брюс напередодні зазначала, що …", dates no contact.)
    const earlier = s.background && s.tense !== "future" && readDates(s.text, lang, published, "past").dates.some((d) => !d.statement);
    // "Саммит, напомним, пройдет в пятницу, 15 августа" in a story on a call, "Наступну зустріч
    // призначили на 2 березня": a dated contact to come that is another kind, or called another,
    // is news of its own; so is "окрему зустріч" with its own people of both sides.
    const days = (tense: "past" | "future") => readDates(s.text, lang, published, tense).dates.filter((d) => !d.statement && d.value.length === 10);
    const plain = !HYPOTHETICAL.test(s.folded) && !NOT_PLANNED.test(s.folded);
    const another = ANOTHER.test(s.folded) || k !== kind;
    // (A day before the story, "Брюс накануне отмечала, что Вашингтон не будет ждать", is when it was said.)
    const upcoming = plain && !mainMoved && s.tense === "future" && another && (days("future").some((d) => d.value >= published) || (ANOTHER.test(s.folded) && FOLLOWED.every((p) => sidesOf(s).has(p))));
    // "Переговорам предшествовала ночная встреча … она началась в четверг": a contact done on a
    // day of its own in a story on one to come; in the week before the story, as news is (one
    // done weeks before, "the first round took place on 27 February", is background).
    const before = plain && s.tense === "held" && !s.agreed && mainFuture && days("past").some((d) => dayGap(d.value, published) >= 0 && dayGap(d.value, published) <= NEWS_DAYS);
    // "Putin would receive the two Americans in the Kremlin on Thursday, 22 January" in a story on
    // a meeting done: a contact to come on a day after the story's is another one, whatever it is called.
    const after = plain && s.tense === "future" && !s.agreed && !mainFuture && !mainMoved && days("future").some((d) => dayGap(published, d.value) > 0);
    // "Separately, Russian and US diplomats held a second round …", "Отдельно …", "Тим часом …": the
    // story turns to another contact of its own, done or to come.
    // (In the present, "Тим часом сьогодні в Маямі … зустрічаються", it is one of the story's days.)
    const separate = plain && (SEPARATELY.test(s.folded) || OWN_CONTACT.test(s.folded)) && (s.tense !== undefined || nearTheStory(s, lang, published));
    if (!agreedLater && !earlier && !upcoming && !before && !after && !separate && !(EXPERTS.test(s.folded) && s.tense === "future")) continue;
    events.push({ sentences: [s], anchors: [s], kind: k, secondary: true, standsAlone: EXPERTS.test(s.folded) || ANOTHER.test(s.folded) || separate, alongside: !agreedLater && !earlier && !separate && (upcoming || before || after) });
  }
  return events;
}

/** Does a sentence give a day (not a statement's) within BURIED_DAYS of the story? */
export function nearTheStory(s: ReadSentence, lang: ArticleLang, published: string): boolean {
  return readDates(s.text, lang, published, s.tense === "future" ? "future" : "past").dates.some((d) => !d.statement && Math.abs(dayGap(d.value, published)) <= BURIED_DAYS);
}

/**
 * Is a sentence on "the next" contact of a series the main one, still to come? A story on a round
 * to come calls it the series' next: "Российскую делегацию на переговорах в Женеве возглавит …"
 * over "Очередной раунд переговоров пройдет во вторник"; "The delegations will meet in Geneva" over
 * "The next round will take place on Tuesday"; "Делегації зустрінуться в Женеві" over "Наступний
 * раунд відбудеться у вівторок". It is another where the main contact is done (or called off),
 * where it is of another kind, where it is set apart ("Separately", "окремо", "снова"), or where
 * the main contact's own sentences give it another day.
 */
const DELEGATIONS_TALK = new Set<Kind>(["meeting", "round"]);

export function nextIsThisOne(s: ReadSentence, anchors: ReadSentence[], kind: Kind, lang: ArticleLang, published: string): boolean {
  // ("Зустріч … перенесено. … нова зустріч може відбутися в березні", "The meeting was postponed. A
  // new meeting could take place in March": the contact moved, told "new" on its new day.)
  if (s.tense === "future" && NEW_CONTACT.test(s.folded) && anchors.some((a) => a.tense === "postponed")) return true;
  if (s.tense !== "future" || !NEXT_OF_SERIES.test(s.folded) || SEPARATE_CONTACT.test(s.folded) || SEPARATELY.test(s.folded)) return false;
  if (!anchors.some((a) => a.tense === "future") || anchors.some((a) => a.tense !== undefined && a.tense !== "future")) return false;
  // ("переговоры" over "очередной раунд": talks of delegations and a round are one in-person kind.)
  const its = strongestKind(s.kinds);
  if (its !== kind && !(DELEGATIONS_TALK.has(kind) && DELEGATIONS_TALK.has(its!))) return false;
  const days = (x: ReadSentence) => readDates(x.text, lang, published, "future").dates.filter((d) => !d.statement).map((d) => d.value);
  const own = anchors.flatMap(days);
  const told = days(s);
  return own.length === 0 || told.length === 0 || told.some((d) => own.includes(d));
}

export function reportsContactOfItsOwn(s: ReadSentence, lang: ArticleLang, published: string, leadSides: Set<string>): boolean {
  // "Накануне вечером Путин и Трамп провели разговор" in a market report of the next day is
  // its news; any other earlier contact is recalled.
  // ("Moscow and Washington have agreed to hold a third round of talks this autumn": a contact
  // agreed on for later is announced; one agreed on in a contact done tells of that contact.)
  if (s.kinds.size === 0 || (s.background && !s.yesterday) || (s.agreed && s.tense !== "future") || s.tense === undefined || HYPOTHETICAL.test(s.folded) || NOT_PLANNED.test(s.folded)) return false;
  // A question asks about a contact; the answer reports it.
  if (/\?\s*["»”]?$/u.test(s.text)) return false;
  // "… Diriyah, where U.S. and Russian delegations held talks in February": a contact dated
  // well before the story is recalled, not reported. So is one called off or moved then: "In
  // late October, Trump said he had cancelled the summit", "В конце октября Трамп заявил, что
  // отменил встречу", "Наприкінці жовтня Трамп скасував зустріч" in a story of mid-November.
  if (s.tense === "held" || s.tense === "cancelled" || s.tense === "postponed") {
    // A month alone ("in February") in a sentence about a contact done is a month gone by, even
    // where the calendar would put the nearest February ahead.
    if (readDates(s.text, lang, published, "past").dates.some((d) => (d.value.length === 7 ? d.value !== published.slice(0, 7) : dayGap(d.value, published) > NEWS_DAYS))) return false;
  }
  if (ofABody(s)) return false;
  // ("Запровадженню санкцій передувало скасування саміту", "Санкциям предшествовала отмена саммита",
  // "The sanctions were preceded by the summit's cancellation": what came before another event is its time.)
  if (PRECEDED.test(s.folded)) return false;
  // "The move came a day after plans for a summit were put on hold": the contact is the time of another story.
  const at = s.tokens.findIndex((t) => KIND_WORD.test(t.folded));
  if (at >= 0 && s.tokens.slice(Math.max(0, at - 4), at).some((t) => ANOTHER_CONTACT_BEFORE.test(t.folded))) return false;
  // An answer in an interview ("We expect the next round in April") names no one: its sides
  // are those of the interview, as its lead introduces them.
  // ("Консультации пройдут в Женеве в сентябре": a place names no side.)
  // So does one side's word on it after a lead that named both ("Американская сторона
  // сообщила нам об отмене очередной встречи" under a question about Russian-US consultations).
  const own = sidesOf(s);
  // ("Moscow and Washington have agreed to hold a third round": a capital that is not where
  // something happens speaks for its country.)
  for (const m of s.mentions) if (m.named.type === "place" && m.named.place.capitalOf && !isLocative(s, m)) own.add(m.named.place.capitalOf);
  const sides = own.size === 0 || [...own].every((p) => leadSides.has(p)) ? new Set([...own, ...leadSides]) : own;
  // ("Кремль назвал состав российской делегации на трехсторонней встрече в Женеве": talks called
  // three-way, with one of their three sides named and no other country, are Russia's, Ukraine's
  // and the United States'.)
  if (TRILATERAL.test(s.folded) && sides.size > 0 && [...sides].every((p) => THE_THREE.includes(p))) for (const p of THE_THREE) sides.add(p);
  // ("Jared and I will be in Moscow": a trip names its host by where it goes.)
  if (strongestKind(s.kinds) === "other") for (const code of hostsOf(s)) sides.add(code);
  return FOLLOWED.every((p) => sides.has(p));
}

/** The sides of the three-way talks. */
const THE_THREE = ["RU", "UA", "US"];

/** The followed countries a sentence's places (after "in", "to", "в", "до") lie in. */
function hostsOf(s: ReadSentence): string[] {
  return s.mentions.flatMap((m) => {
    if (m.named.type === "person" || !isLocative(s, m)) return [];
    const code = m.named.type === "place" ? m.named.place.country : m.named.country.code;
    return FOLLOWED.includes(code) ? [code] : [];
  });
}

/** "a meeting of OPEC+ ministers", "ОПЕК+ на встрече": the contact a sentence names is a body's own. */
export function ofABody(s: ReadSentence): boolean {
  const at = s.tokens.findIndex((t) => KIND_WORD.test(t.folded));
  return at >= 0 && s.tokens.slice(Math.max(0, at - 3), at + 4).some((t) => MULTILATERAL.test(t.folded));
}

/** The sides a sentence names as actors: its people (not spokespeople or principals) and countries. */
export function sidesOf(s: ReadSentence): Set<string> {
  const sides = new Set<string>();
  for (const m of s.mentions) {
    if (m.named.type === "person" && !m.named.person.reports && !isAside(s, m)) sides.add(m.named.person.side);
    if (m.named.type === "country" && !isLocative(s, m)) sides.add(m.named.country.code);
  }
  return sides;
}

export { CLAUSE };

/** Words that name a contact (for where it stands in a sentence). */
const KIND_WORD = /^(meet|met|meeting|talks|call|summit|round|visit|plenary|session|пленарн|встреч|встрет|переговор|разговор|саммит|раунд|визит|заседан|зустр|перемовин|розмов|самит|засидан|дзвин|дзвон)/u;

/**
 * The kind of the main contact. The headline says it best: one kind there decides, except
 * that a generic one ("talks", "meeting", "visit") gives way to the lead's more specific word
 * ("spoke by phone", "the second round"), and a call beside a summit is the call
 * (a call discusses a summit; a summit is never held by phone). Without a headline kind the
 * lead's strongest word decides.
 */
export function mainKind(anchors: ReadSentence[], lang: ArticleLang): Kind {
  const headline = anchors.find((s) => s.headline);
  const lead = anchors.find((s) => !s.headline);
  // ("… agreed to meet Putin in Budapest, after a lengthy phone call", "после телефонного
  // разговора", "після розмови": a contact the lead names after "after" or "before" is the time
  // of its news, not its kind.)
  // (Nor is one it names in a clause on its contact: "Встреча …, о которой договорились в ходе телефонного разговора".)
  const another = lead ? new Set([...kindsOfAnotherTime(lead.tokens, lang), ...kindsOfAClauseOnAContact(lead, lang)]) : new Set<Kind>();
  const leadKinds = new Set([...(lead?.kinds ?? [])].filter((k) => !another.has(k)));
  const byPriority = (kinds: Set<Kind>) => (kinds.has("call") ? "call" : strongestKind(kinds));
  if (headline && headline.kinds.size > 0) {
    const own = byPriority(firstClauseKinds(headline, lang))!;
    // ("Що відомо про п'яту зустріч Віткоффа з Путіним і обіцяний саміт" over "Віткофф … провів у
    // Кремлі три години переговорів з Путіним": a summit added after "and" to the meeting named first
    // is another topic, where the lead tells the meeting alone.)
    if (own === "summit" && summitAddedAfterMeeting(headline, lang) && leadKinds.has("meeting") && !leadKinds.has("summit")) return "meeting";
    // Only a phone makes a talk a call ("розмова за участі Ушакова" in the Kremlin is not
    // one). A summit whose preparation the headline says was discussed is the topic of the
    // contact, not the contact ("Rubio and Lavrov discussed preparations for the summit").
    const byPhone = byPhoneLead(lead, leadKinds, lang);
    const topic = /(подготов|пидготов|prepar|обсуд|обговор|discuss)/u.test(headline.folded);
    // (So is a meeting whose preparation a call agreed on: "Путин и Трамп договорились о подготовке
    // встречи в Будапеште" over "Разговор президентов длился …".)
    if ((own === "summit" || (own === "meeting" && leadKinds.has("call"))) && topic) return byPriority(new Set([...leadKinds].filter((k) => k !== "summit"))) ?? "meeting";
    // ("Лавров рассказал Рубио о предложении провести второй раунд в Стамбуле" over "Это второй
    // телефонный разговор глав МИД": a contact proposed in a call is what the call was about.)
    if (byPhoneLead(lead, leadKinds, lang) && PROPOSED_CONTACT.test(headline.folded)) return "call";
    // ("Рубіо після розмови з Лавровим: …" over "Рубіо зустрівся з Лавровим у Куала-Лумпурі", "Rubio
    // after his talk with Lavrov" over "Rubio met Lavrov in Kuala Lumpur": a headline's conversation
    // with no phone in it is the meeting its lead tells.)
    if (own === "call" && !BY_PHONE.test(headline.folded) && !leadKinds.has("call") && leadKinds.has("meeting") && !BY_PHONE.test(lead!.folded)) return "meeting";
    if (own !== "meeting" && own !== "other") return own;
    // ("Rubio-Lavrov meeting put off" over "A call between the ministers on Monday failed", "Встречу
    // Лаврова и Рубио отложили" over "После телефонного разговора …": a meeting the headline tells
    // moved or called off is the news; the call the lead gives is why.)
    if (own === "meeting" && movedInFirstClause(headline, lang)) return "meeting";
    if (byPhone) return "call";
    // "Putin talks with Witkoff and Kushner … with the American delegation": a headline that
    // names both sides' people has said it was a meeting, whatever the lead calls the teams.
    if (leadKinds.has("round") && headlineSides(anchors) < 2) return "round";
    if (own === "other" && leadKinds.has("meeting")) return "meeting";
    return own;
  }
  // (A standfirst's agreement over the call it was agreed in: see findEvents.)
  const agreedIn = anchors.find((s) => s !== lead && !s.headline);
  if (lead?.agreed && agreedIn?.tense === "held" && agreedIn.kinds.has("call") && BY_PHONE.test(agreedIn.folded)) return "call";
  return byPriority(leadKinds) ?? "other";
}

/**
 * Does the lead tell a call by phone? Only a phone makes a talk a call ("розмова за участі Ушакова"
 * in the Kremlin is not one); in English "a call" is one by phone ("The first call between the
 * leaders this year came …" under "Trump and Putin Talk for an Hour").
 */
function movedInFirstClause(headline: ReadSentence, lang: ArticleLang): boolean {
  const clause = secondClauseAt(headline, lang);
  const first = (clause < 0 ? headline.tokens : headline.tokens.slice(0, clause)).map((t) => t.folded).join(" ");
  return STATUS_CUES.postponed.test(first) || STATUS_CUES.cancelled.test(first);
}

function byPhoneLead(lead: ReadSentence | undefined, leadKinds: Set<Kind>, lang: ArticleLang): boolean {
  if (!lead || !leadKinds.has("call")) return false;
  return /(телефон|phone|звонк|звонил|созвон|дзвин|дзвон)/u.test(lead.folded) || (lang === "en" && BY_PHONE.test(lead.folded));
}

/** A contact proposed, offered or put forward: "о предложении провести", "пропозицію провести", "proposal to hold", "offered to host". */
const PROPOSED_CONTACT = /(предлож|пропозиц|пропонув|propos|offer|инициатив)\p{L}*\s+(\p{L}+\s+){0,2}(провести|проведени|организова|организац|встретит|зустрит|hold|host|meet)/u;

/**
 * Where a headline's second clause starts (a token index, -1 for none): "… as Ukraine
 * negotiations move to Abu Dhabi", "пока …"; or, in English headline style, a second verb after a
 * comma ("Witkoff and Kushner meet Putin envoy in Davos, head to Moscow on Thursday"), in Russian and
 * Ukrainian a name and its verb after a comma ("…, Трамп заговорив про зустріч"); or a second
 * sentence ("Путін майже чотири години говорив з Віткоффом. Після цього Кремль погодився на
 * тристоронні переговори"), or what follows a semicolon ("Putin meets Trump envoys into the night;
 * Russia to join three-way talks in Abu Dhabi"). Its kind, day and place are that news's, not the
 * first clause's.
 */
export function secondClauseAt(s: ReadSentence, lang: ArticleLang): number {
  if (!s.headline) return -1;
  // (A headline of two sentences whose first names no contact, "Літак спецпосланця сів у
  // Внуково. Зустріч у Кремлі — ввечері", tells its news in the second.)
  const [first, second] = splitSentences(s.text);
  const secondAt = second !== undefined && KIND_PHRASES.some(([, re]) => re.test(fold(first))) ? s.text.indexOf(second, first.length) : Infinity;
  const gap = (i: number) => s.text.slice(s.tokens[i - 1].start + s.tokens[i - 1].text.length, s.tokens[i].start);
  // ("Зустріч Путіна з Віткоффом тривала чотири години: в Кремлі анонсували тристоронні переговори",
  // "Встреча длилась пять часов: Кремль объявил о переговорах", "Putin-Witkoff talks run five hours:
  // Kremlin announces three-way talks": after a colon, a first part that names a contact and tells
  // what became of it is followed by another piece of news. "Ушаков: …" names only its source.)
  const colonAt = /:\s/u.exec(s.text)?.index ?? -1;
  const beforeColon = colonAt > 0 ? fold(s.text.slice(0, colonAt)) : "";
  const toldBefore = colonAt > 0 && KIND_PHRASES.some(([, re]) => re.test(beforeColon)) && (["held", "future", "cancelled", "postponed"] as const).some((t) => STATUS_CUES[t].test(beforeColon));
  return s.tokens.findIndex((t, i) => i > 0 && (CLAUSE.test(t.folded) || t.start >= secondAt || (toldBefore && t.start > colonAt) || (lang === "en" && gap(i).includes(",") && /^\p{Ll}/u.test(t.text) && !AFTER_COMMA.test(t.folded)) || gap(i).includes(";") || (gap(i).includes(",") && (contactAfterComma(s, i, lang) || (lang !== "en" && nameThenVerb(s, i))))));
}

/**
 * Does a name and its verb open the words after a comma at i ("Віткофф говорив з Путіним, Трамп
 * заговорив про зустріч", "Уиткофф встретился с Путиным, Трамп заявил о встрече")? In Russian and
 * Ukrainian a verb in the past tense ends in -л, -ла, -ли, -в, one in the present in -т, -ть.
 * ("…, Кушнером и Грюнбаумом": a list of names goes on.)
 */
function nameThenVerb(s: ReadSentence, i: number): boolean {
  const name = s.mentions.find((m) => m.named.type === "person" && m.first === i);
  const next = name && s.tokens[name.last + 1];
  return next !== undefined && /^\p{Ll}/u.test(next.text) && PAST_OR_PRESENT.test(next.folded) && kindOfNoun(next.text, "ru") === undefined;
}

/** Finite verb endings (folded): "заявил", "заявила", "заявили", "заговорив", "говорит", "каже". */
const PAST_OR_PRESENT = /\p{L}{3,}(л|ла|ли|ло|лся|лась|лись|в|вся|ет|ит|ут|ют|ть|ать|ять)$/u;

/**
 * Does a contact of another kind than the first clause's open the words after a comma at i
 * ("Зустріч Рубіо і Лаврова відклали, саміт Трампа і Путіна під питанням", "Встречу министров
 * отложили, саммит под вопросом", "Rubio-Lavrov meeting off, Trump-Putin summit in doubt")? Its
 * noun stands first, or after the names it is of.
 */
function contactAfterComma(s: ReadSentence, i: number, lang: ArticleLang): boolean {
  const kindAt = (k: number) => kindOfNoun(s.tokens[k].text, lang);
  const before = s.tokens.slice(0, i).map((_, k) => kindAt(k)).filter((k) => k !== undefined);
  let k = i;
  while (k < s.tokens.length && s.mentions.some((m) => m.named.type === "person" && m.first <= k && k <= m.last)) k++;
  const after = k < s.tokens.length ? kindAt(k) : undefined;
  return before.length > 0 && after !== undefined && !before.includes(after);
}

/** Lower-case words after a comma in an English headline that go on with the first clause. */
const AFTER_COMMA = /^(and|or|but|not|then|who|which|where|when|whose|the|a|an|in|on|at|to|with|for|from|of|by|after|before|despite|over|amid)$/u;

/**
 * The kinds a headline names before a second clause ("Rubio-Lavrov meeting put off as
 * Trump-Putin summit plans falter": the meeting is the news, the summit its context).
 */
function firstClauseKinds(headline: ReadSentence, lang: ArticleLang): Set<Kind> {
  const clause = secondClauseAt(headline, lang);
  const before = clause < 0 ? headline.tokens : headline.tokens.slice(0, clause);
  const phrased = new Set(KIND_PHRASES.filter(([, re]) => re.test(before.map((t) => t.folded).join(" "))).map(([k]) => k));
  const kinds = clause < 0 || phrased.size === 0 ? headline.kinds : phrased;
  // ("Witkoff meets Dmitriev weeks after the Alaska summit": the summit is the time of this one.)
  const other = kindsOfAnotherTime(before, lang);
  const left = new Set([...kinds].filter((k) => !other.has(k)));
  return left.size > 0 ? left : kinds;
}

/** Does a headline name a meeting first and then, after "and", a summit ("the meeting … and the promised summit", "встреча … и обещанный саммит")? */
function summitAddedAfterMeeting(headline: ReadSentence, lang: ArticleLang): boolean {
  const kinds = headline.tokens.map((t) => kindOfNoun(t.text, lang));
  const meeting = kinds.indexOf("meeting");
  const summit = kinds.indexOf("summit");
  return meeting >= 0 && summit > meeting && headline.tokens.slice(meeting + 1, summit).some((t) => /^(and|и|та|й)$/u.test(t.folded));
}

/** How many sides the headline's people are on. */
function headlineSides(anchors: ReadSentence[]): number {
  const headline = anchors.find((s) => s.headline);
  return new Set(headline?.mentions.flatMap((m) => (m.named.type === "person" ? [m.named.person.side] : []))).size;
}
