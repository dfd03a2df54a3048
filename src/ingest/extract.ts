// What Parley understands of one news report: whether it reports a contact between the
// parties the record follows, and if so a draft entry for each contact it reports, the main
// one first. Pure: text and names in, drafts out; the caller reads files and URLs.
//
// How a report is read. The headline and the lead (the first sentence of the story) name the
// main contact: its kind, status and people. Later sentences add what the lead leaves out
// (the date, the place, who led the delegations, the time), unless they speak of an earlier
// contact ("the previous round", "ранее") or of another one agreed on ("experts will meet"),
// which become drafts of their own.
import type { Entry, Kind, Status } from "../record/schema.ts";
import { readDates, readTime, type FoundDate } from "./dates.ts";
import { detectLanguage, type ArticleLang } from "./language.ts";
import { matchEntry } from "./match.ts";
import type { Mention, NameIndex, Person, PlaceEntry } from "./names.ts";
import { isAside, isLocative, isSpeaker, isStatementPlace, readSentence, strongestKind, tenseNear, type ReadSentence, type Tense } from "./reading.ts";
import { readStory } from "./sentences.ts";
import { ANOTHER, EXPERTS, NOT_PLANNED, ORDINALS, OUTCOME, PARTICIPATION, SEQUENCE } from "./vocabulary.ts";
import { fold } from "./words.ts";

export interface Article {
  text: string;
  /** Publication day (YYYY-MM-DD) in the outlet's zone; else the story's own date line is used. */
  published?: string;
  url?: string;
  outlet?: string;
  language?: ArticleLang;
}

export interface DraftPlace {
  city: string | null;
  country: string | null;
  venue: string | null;
}

export interface DraftParticipant {
  name: string;
  role: string | null;
  side: string;
}

/** A proposed entry (or change of one), in the record's terms; names in English spelling. */
export interface Draft {
  kind: Kind;
  status: Status;
  date: string | null;
  time: string | null;
  timezone: string | null;
  place: DraftPlace;
  parties: string[];
  participants: DraftParticipant[];
  track: string | null;
  sequence: number | null;
  title: string;
  summary: string;
  outcome: string | null;
  source: { outlet: string | null; url: string | null; published: string; language: ArticleLang };
  /** The id of the record entry this report is about, when there is one. */
  matches: string | null;
  /** For each field filled, the sentence it came from. */
  evidence: Record<string, string>;
  /** Fields filled by a rule rather than read in the text (a status from no verb, a zone from the city). */
  guessed: string[];
}

export interface Understanding {
  relevant: boolean;
  /** Why it was kept or dropped, in a few words. */
  reason: string;
  language: ArticleLang;
  published: string;
  drafts: Draft[];
}

export interface UnderstandOptions {
  /** The day to resolve relative dates against when neither the caller nor the text gives one. */
  today: string;
  /** Entries to match against; none means every draft is new. */
  entries?: readonly Entry[];
}

const FOLLOWED = ["RU", "US"];
const IN_PERSON = new Set<Kind>(["meeting", "round", "summit", "other"]);

interface EventReading {
  sentences: ReadSentence[];
  /** The sentences that name the contact (headline and lead, or the one sentence of a secondary). */
  anchors: ReadSentence[];
  kind: Kind;
  secondary: boolean;
  /** Speaks of experts or of a next contact: one of its own even without date or place. */
  standsAlone?: boolean;
}

export function understand(article: Article, names: NameIndex, options: UnderstandOptions): Understanding {
  const language = article.language ?? detectLanguage(article.text);
  const story = readStory(article.text);
  const published = article.published ?? publishedFromDateLine(story.dateLine, language) ?? options.today;
  const sentences = story.sentences.map((s) => readSentence(s, language, names));
  const base = { language, published };

  const withKind = sentences.filter((s) => s.kinds.size > 0);
  if (withKind.length === 0) return { ...base, relevant: false, reason: "no call, meeting, round or summit is reported", drafts: [] };

  const events = findEvents(sentences, language, published, names);
  if (events.length === 0) return { ...base, relevant: false, reason: "neither the headline nor the lead reports a contact; one is only mentioned in passing", drafts: [] };
  const [mainEvent, ...others] = events;
  const ctx: Context = { sentences, language, published, names, article, story };
  const main = buildDraft(mainEvent, ctx);
  const drafts: Draft[] = [];
  let dropped: string | undefined;
  // "Trump says Putin is not interested in peace talks": talks are named, but nothing is
  // reported done to them (held, set, announced, moved, called off) and no day is given.
  const nothingHappens = main.guessed.includes("status") && main.date === null;
  // "No call between Putin and Trump is planned": the contact is named to be denied.
  const denied = (main.status === "announced" || main.status === "scheduled") && mainEvent.anchors.some((x) => NOT_PLANNED.test(x.folded));
  if (nothingHappens) dropped = `speaks of ${A_KIND[main.kind]} but reports none held, set, announced, moved or called off`;
  else if (denied) dropped = `says no ${main.kind === "other" ? "visit" : main.kind} is planned`;
  else if (follows(main.parties)) drafts.push(main);
  else dropped = describeOther(main, names);
  for (const event of others) {
    let draft = buildDraft(event, ctx);
    // A sentence such as "experts will meet in Istanbul" names no sides: they are the main
    // contact's. One that names its own (Lavrov and Wang Yi) is judged on them.
    if (draft.parties.length < 2) {
      if (drafts.length === 0) continue;
      draft = { ...draft, parties: drafts[0].parties };
    }
    if (!follows(draft.parties)) continue;
    if (drafts.some((d) => sameContact(d, draft))) continue;
    // "The two leaders had agreed to meet" after "the summit is off": the same contact again,
    // unless it brings a date, a place or experts of its own.
    if (!draft.date && !draft.place.city && !event.standsAlone && drafts.length > 0 && IN_PERSON.has(draft.kind) && IN_PERSON.has(drafts[0].kind)) continue;
    drafts.push(draft);
  }
  if (drafts.length === 0) return { ...base, relevant: false, reason: dropped ?? "no contact between Russia and the United States is reported", drafts: [] };
  if (options.entries && options.entries.length > 0) {
    for (const d of drafts) d.matches = matchEntry(d, options.entries);
  }
  const first = drafts[0];
  return { ...base, relevant: true, reason: `${A_KIND[first.kind]} between ${first.parties.join(" and ")} (${first.status})`, drafts };
}

/** The kinds in the words of a reason. */
const A_KIND: Record<Kind, string> = { call: "a call", meeting: "a meeting", round: "a round", summit: "a summit", other: "a visit" };

function follows(parties: string[]): boolean {
  return FOLLOWED.every((p) => parties.includes(p));
}

function describeOther(d: Draft, names: NameIndex): string {
  const sides = d.parties.map((p) => names.country(p)?.name.en ?? p);
  if (sides.length === 0) return `${A_KIND[d.kind]} without a party Parley can name`;
  if (sides.length === 1) return `${A_KIND[d.kind]} of one side only (${sides[0]}), not a contact between the parties the record follows`;
  return `${A_KIND[d.kind]} between ${sides.join(" and ")}, not a contact between the parties the record follows`;
}

function sameContact(a: Draft, b: Draft): boolean {
  return a.kind === b.kind && a.date === b.date && a.place.city === b.place.city && a.status === b.status;
}

/** The main contact, then each other contact the story reports. */
function findEvents(sentences: ReadSentence[], lang: ArticleLang, published: string, names: NameIndex): EventReading[] {
  const headline = sentences.find((s) => s.headline);
  const body = sentences.filter((s) => !s.headline);
  // Photo captions and bylines ("Энтони Блинкен") are not the lead.
  const lead = body.find((s) => s.tokens.length >= 5);
  let anchors = [headline, lead].filter((s): s is ReadSentence => s !== undefined && s.kinds.size > 0);
  if (anchors.length === 0) {
    // A story names its news in the headline or the lead. Where neither speaks of a contact,
    // one further down is mentioned in passing ("after the summit was put on hold"), unless
    // no headline was found, when the second sentence may still be the lead's.
    const reach = headline ? [] : body.slice(0, 2);
    const first = reach.find((s) => s.kinds.size > 0 && !s.background);
    if (!first) return [];
    anchors = [first];
  }
  let kind = mainKind(anchors);
  // "Talks on the work of the embassies" are a round of the consultations: a series whose
  // contacts are rounds makes its talks one, unless the headline names both sides' people.
  const seriesKind = names.names.tracks.find((t) => t.id === findTrack({ sentences, anchors, kind, secondary: true }, [], [], names)?.id)?.kind;
  if (kind === "meeting" && seriesKind === "round" && headlineSides(anchors) < 2) kind = "round";
  const events: EventReading[] = [{ sentences, anchors, kind, secondary: false }];
  for (const s of sentences) {
    if (anchors.includes(s) || s.kinds.size === 0) continue;
    const own = new Set(s.kinds);
    // "After the call, the ministers agreed that experts will meet": the call is the main
    // one; what was agreed on is the meeting.
    // "Earlier they agreed on a meeting in a phone call on 16 October" recalls the call.
    if (own.size > 1 && own.has("call") && !s.background && (s.agreed || s.tense === "future")) own.delete("call");
    const k = strongestKind(own)!;
    const agreedLater = s.agreed && (s.tense === "future" || s.tense === undefined || EXPERTS.test(s.folded) || k !== kind);
    // An earlier contact is worth a draft only when the story dates it ("the previous round,
    // on 27 February"); "earlier he was recalled for consultations" is background, not news.
    const earlier = s.background && s.tense !== "future" && readDates(s.text, lang, published, "past").dates.length > 0;
    if (!agreedLater && !earlier && !(EXPERTS.test(s.folded) && s.tense === "future")) continue;
    events.push({ sentences: [s], anchors: [s], kind: k, secondary: true, standsAlone: EXPERTS.test(s.folded) || ANOTHER.test(s.folded) });
  }
  return events;
}

/**
 * The kind of the main contact. The headline says it best: one kind there decides, except
 * that a generic one ("talks", "meeting", "visit") gives way to the lead's more specific word
 * ("spoke by phone", "the second round"), and a call beside a summit is the call
 * (a call discusses a summit; a summit is never held by phone). Without a headline kind the
 * lead's strongest word decides.
 */
function mainKind(anchors: ReadSentence[]): Kind {
  const headline = anchors.find((s) => s.headline);
  const lead = anchors.find((s) => !s.headline);
  const leadKinds = lead?.kinds ?? new Set<Kind>();
  const byPriority = (kinds: Set<Kind>) => (kinds.has("call") ? "call" : strongestKind(kinds));
  if (headline && headline.kinds.size > 0) {
    const own = byPriority(headline.kinds)!;
    // Only a phone makes a talk a call ("розмова за участі Ушакова" in the Kremlin is not
    // one). A summit whose preparation the headline says was discussed is the topic of the
    // contact, not the contact ("Rubio and Lavrov discussed preparations for the summit").
    const byPhone = leadKinds.has("call") && /(телефон|phone|звонк|звонил|созвон|дзвин|дзвон)/u.test(lead!.folded);
    const topic = /(подготов|пидготов|prepar|обсуд|обговор|discuss)/u.test(headline.folded);
    if (own === "summit" && topic) return byPriority(new Set([...leadKinds].filter((k) => k !== "summit"))) ?? "meeting";
    if (own !== "meeting" && own !== "other") return own;
    if (byPhone) return "call";
    // "Putin talks with Witkoff and Kushner … with the American delegation": a headline that
    // names both sides' people has said it was a meeting, whatever the lead calls the teams.
    if (leadKinds.has("round") && headlineSides(anchors) < 2) return "round";
    if (own === "other" && leadKinds.has("meeting")) return "meeting";
    return own;
  }
  return byPriority(leadKinds) ?? "other";
}

/** How many sides the headline's people are on. */
function headlineSides(anchors: ReadSentence[]): number {
  const headline = anchors.find((s) => s.headline);
  return new Set(headline?.mentions.flatMap((m) => (m.named.type === "person" ? [m.named.person.side] : []))).size;
}

interface Context {
  sentences: ReadSentence[];
  language: ArticleLang;
  published: string;
  names: NameIndex;
  article: Article;
  story: { headline?: string };
}

function buildDraft(event: EventReading, ctx: Context): Draft {
  const evidence: Record<string, string> = {};
  const guessed: string[] = [];
  const { anchors, kind } = event;
  // The sentences that may fill in the main contact: the anchors, then those of the story that
  // mention a contact and are not about an earlier or another one.
  const support = event.secondary
    ? anchors
    : [
        ...anchors,
        // A call is never "the talks" or "a round": for a call only sentences about a call.
        ...ctx.sentences.filter((s) => !anchors.includes(s) && !s.background && !s.agreed && s.kinds.size > 0 && !s.headline && (kind !== "call" || s.kinds.has("call"))),
      ];
  const detail = event.secondary ? anchors : [...anchors, ...ctx.sentences.filter((s) => !anchors.includes(s) && !s.background && !s.headline)];
  evidence.kind = anchors[0].text;

  // Status: what the anchors say was done to the contact; failing that, the other sentences.
  let tense: Tense | undefined;
  const near = (x: ReadSentence) => (event.secondary ? x.tense : tenseNear(x, kind, ctx.language));
  const decisive = (list: ReadSentence[]) => list.find((x) => near(x) === "cancelled" || near(x) === "postponed");
  const any = (list: ReadSentence[]) => list.find((x) => near(x) !== undefined);
  // The lead tells what happened even when it names the contact only as "the presidents
  // spoke for an hour".
  const leadSentence = event.secondary ? undefined : ctx.sentences.find((x) => !x.headline && x.tokens.length >= 5);
  const leadList = leadSentence && !anchors.includes(leadSentence) ? [leadSentence] : [];
  const tenseFrom: ReadSentence | undefined = decisive(anchors) ?? any(anchors) ?? any(leadList) ?? (event.secondary ? undefined : decisive(support) ?? any(support));
  tense = tenseFrom ? near(tenseFrom) : undefined;
  if (event.secondary && anchors[0].agreed && tense !== "cancelled" && tense !== "postponed" && !anchors[0].background) tense = "future";

  // People first: a later sentence that names only other people, or speaks of a contact done
  // where this one is to come (or the reverse), is about another contact.
  const conflictsWithMain = (x: ReadSentence) => !anchors.includes(x) && ((tense === "held" && x.tense === "future") || (tense === "future" && x.tense === "held"));
  const participants = findParticipants(event, detail.filter((x) => !conflictsWithMain(x)));
  const mainPeople = new Set(participants.people);
  const conflicting = (a: Tense | undefined, b: Tense | undefined) => (a === "held" && b === "future") || (a === "future" && b === "held");
  const fills = support.filter((s) => {
    if (anchors.includes(s) && s.headline) return true;
    const persons = s.mentions.filter((m) => m.named.type === "person").map((m) => (m.named as { person: Person }).person);
    if (persons.length > 0 && mainPeople.size > 0 && !persons.some((p) => mainPeople.has(p))) return false;
    if (!anchors.includes(s) && conflicting(tense, s.tense)) return false;
    // A summit or a call is never another name for this meeting: that sentence is another contact.
    const own = strongestKind(s.kinds);
    if (!anchors.includes(s) && own !== kind && (own === "summit" || own === "call")) return false;
    // Nor is a round or a meeting another name for a call.
    if (!anchors.includes(s) && kind === "call" && !s.kinds.has("call")) return false;
    return true;
  });

  // Date.
  let date: string | null = null;
  let dateFound: FoundDate | undefined;
  let vague: string | undefined;
  let statementDate: { found: FoundDate; sentence: ReadSentence } | undefined;
  for (const s of fills) {
    const direction = tense === "future" || (tense === "postponed" && !s.background) ? "future" : tense === "held" || s.background ? "past" : undefined;
    const reading = readDates(s.text, ctx.language, ctx.published, direction);
    vague ??= reading.vague;
    const said = reading.dates.find((d) => d.statement);
    if (said && !statementDate) statementDate = { found: said, sentence: s };
    const dates = reading.dates.filter((d) => !d.statement);
    if (dates.length === 0) continue;
    const pick = tense === "postponed" ? (dates.find((d) => d.movedTo) ?? dates[dates.length - 1]) : dates[0];
    // The first date a sentence gives is its contact's: a range ("23–24 января") starts with
    // it, and a later one is usually another event's ("after the call on the 12th").
    dateFound = pick;
    date = pick.value;
    evidence.date = s.text;
    break;
  }
  // "Trump said Wednesday he had a call with Putin": for a contact that is over and dated no
  // other way, the day it was reported is the best reading, and marked as a guess.
  if (date === null && !vague && tense === "held" && statementDate) {
    date = statementDate.found.value;
    evidence.date = statementDate.sentence.text;
    guessed.push("date");
  }
  if (date === null && vague) evidence.date = support.find((s) => s.text.includes(vague!))?.text ?? anchors[0].text;
  // A postponement without a new date says nothing of the day.
  if (tense === "postponed" && dateFound && !dateFound.movedTo && !/\d/.test(dateFound.text)) date = null;

  // "Following up on the presidents' call of 12 February, the ministers agreed …": an agreed
  // sentence that dates its contact before publication recalls one that happened.
  if (event.secondary && tense === "future" && anchors[0].agreed && date && date.length === 10 && date < ctx.published) tense = "held";

  let status: Status;
  if (tense === "cancelled" || tense === "postponed" || tense === "held") status = tense;
  else if (tense === "future") status = date && date.length === 10 ? "scheduled" : "announced";
  else {
    status = date && date <= ctx.published ? "held" : "announced";
    guessed.push("status");
  }
  if (tenseFrom) evidence.status = tenseFrom.text;

  // Place: a city (or venue) introduced by "in"/"в"/"у" in the sentences about the contact.
  let city: PlaceEntry | undefined;
  let venue: PlaceEntry | undefined;
  let region: PlaceEntry | undefined;
  if (kind !== "call") {
    for (const s of fills) {
      for (const m of s.mentions) {
        if (m.named.type !== "place" || !isLocative(s, m) || isStatementPlace(s, m)) continue;
        const p = m.named.place;
        if (p.kind === "venue") {
          venue ??= p;
          evidence.venue ??= s.text;
          if (!city && p.city) {
            city = ctx.names.placeByEnglishName(p.city);
            evidence.city = s.text;
          }
        } else if (p.kind === "region") {
          region ??= p;
        } else if (!city) {
          city = p;
          evidence.city = s.text;
        }
      }
      if (city) break;
    }
  }
  const countryCode = city?.country ?? venue?.country ?? region?.country;
  const country = countryCode ? (ctx.names.country(countryCode)?.name.en ?? null) : null;
  if (country && !city && region) evidence.country = support.find((s) => s.mentions.some((m) => m.named.type === "place" && m.named.place === region))?.text ?? "";

  if (participants.people.length > 0) evidence.participants = participants.evidence.join(" … ");

  const parties = findParties(event, participants.people, support, city ?? venue, ctx);
  if (parties.guessed) guessed.push("parties");
  const partyList = parties.codes;
  evidence.parties = anchors.map((s) => s.text).join(" … ");

  // Time and zone.
  let time: string | null = null;
  let timezone: string | null = null;
  if (date && date.length === 10) {
    for (const s of detail) {
      const t = readTime(s.text);
      if (!t) continue;
      time = t.time;
      evidence.time = s.text;
      if (t.zone === "local" || t.zone === undefined) {
        timezone = city?.zone ?? venue?.zone ?? null;
        if (t.zone === undefined) guessed.push("timezone");
      } else timezone = t.zone;
      if (timezone) evidence.timezone = s.text;
      break;
    }
  }

  // Number in the series.
  let sequence: number | null = null;
  for (const s of [...anchors, ...(event.secondary ? [] : support)]) {
    const m = SEQUENCE.exec(s.folded);
    if (!m) continue;
    if (m[5]) sequence = Number(m[5]);
    else for (const [re, n] of ORDINALS) if (re.test(m[1])) {
      sequence = n;
      break;
    }
    if (sequence !== null) {
      evidence.sequence = s.text;
      break;
    }
  }

  const track = findTrack(event, fills, participants.people, ctx.names);
  if (track) evidence.track = track.evidence;

  let outcome: string | null = null;
  if (status === "held" && !event.secondary) {
    const s = detail.find((x) => OUTCOME.test(x.folded) && !x.background);
    if (s) {
      outcome = s.text;
      evidence.outcome = s.text;
    }
  }

  const lead = ctx.sentences.find((s) => !s.headline);
  const title = event.secondary ? anchors[0].text : (ctx.story.headline ?? lead?.text ?? anchors[0].text);
  const summary = event.secondary ? anchors[0].text : (lead?.text ?? anchors[0].text);
  if (city) evidence.city ??= anchors[0].text;

  // Two heads of state from different sides meeting in person is a summit, whatever the
  // headline calls it ("Trump announced the date of his meeting with Putin").
  const leaders = new Set(participants.people.filter((p) => p.leader).map((p) => p.side));
  const finalKind: Kind = kind === "meeting" && leaders.size >= 2 ? "summit" : kind;
  if (finalKind !== kind) evidence.kind = evidence.participants ?? evidence.kind;

  return {
    kind: finalKind,
    status,
    date,
    time,
    timezone,
    place: { city: city?.name.en ?? null, country, venue: venue?.name.en ?? null },
    parties: partyList,
    participants: participants.people.map((p) => ({ name: p.name.en, role: p.role.en, side: p.side })),
    track: track?.id ?? null,
    sequence,
    title,
    summary,
    outcome,
    source: { outlet: ctx.article.outlet ?? null, url: ctx.article.url ?? null, published: ctx.published, language: ctx.language },
    matches: null,
    evidence,
    guessed,
  };
}

/**
 * The sides of a contact: those of the people taking part; where they show one side or none,
 * the countries the anchors name as actors (not as places: "talks in Ukraine" is no party),
 * the host of a visit, the sides named further on, or the sides a series always has.
 */
function findParties(event: EventReading, people: Person[], support: ReadSentence[], place: PlaceEntry | undefined, ctx: Context): { codes: string[]; guessed: boolean } {
  const { anchors } = event;
  let guessedSides = false;
  const parties = new Set(people.map((p) => p.side));
  const countriesNamed = new Set<string>();
  for (const s of anchors) {
    for (const m of s.mentions) {
      // "у турецькому Стамбулі", "talks in Ukraine": a place, not a side.
      const next = s.mentions.find((n) => n.first === m.last + 1);
      if (m.named.type === "country" && !isLocative(s, m) && next?.named.type !== "place") countriesNamed.add(m.named.country.code);
      if (m.named.type === "place" && !isLocative(s, m)) {
        const metonym = m.named.place.capitalOf ?? (m.named.place.kind === "venue" ? m.named.place.country : undefined);
        if (metonym) countriesNamed.add(metonym);
      }
    }
  }
  if (parties.size < 2) for (const c of countriesNamed) parties.add(c);
  // Countries named beside the two followed ones ("postponed over US–Israeli strikes on Iran")
  // are the story's context, not sides of the contact.
  if (people.length === 0 && parties.has("RU") && parties.has("US")) {
    for (const c of [...parties]) if (!ctx.names.country(c)?.followed) parties.delete(c);
  }
  // "Witkoff arrived in Moscow", "Dmitriev's visit to Washington": the host is the other side.
  const hostCountry = place?.country;
  if (parties.size === 1 && hostCountry && ctx.names.country(hostCountry)?.followed && !parties.has(hostCountry)) parties.add(hostCountry);
  if (people.length === 0 && parties.size < 2) {
    // "Russian and U.S. delegations will hold …", "Darchiev said the round would be in Moscow":
    // the sides are named only further on, as countries or as people who speak of it.
    for (const s of support.slice(0, 4)) {
      for (const m of s.mentions) {
        if (m.named.type === "country" && m.named.country.followed && !isLocative(s, m)) parties.add(m.named.country.code);
        if (m.named.type === "person" && ctx.names.country(m.named.person.side)?.followed) parties.add(m.named.person.side);
      }
    }
  }
  // "Strategic stability dialogue: second plenary announced; the report names Ryabkov": a
  // series that is always between the same sides names the other one by itself.
  const anchorTrack = findTrack({ ...event, secondary: true }, [], [], ctx.names);
  const trackParties = anchorTrack ? ctx.names.names.tracks.find((t) => t.id === anchorTrack.id)?.parties : undefined;
  if (trackParties && parties.size < 2 && [...parties].every((p) => trackParties.includes(p))) {
    for (const p of trackParties) parties.add(p);
    guessedSides = true;
  }
  const trilateral = anchors.some((s) => /трехсторонн|тристоронн|trilateral/u.test(s.folded));
  // "Witkoff met Dmitriev on the sidelines of the trilateral talks": a bilateral contact whose
  // people are all Russian and American is not made trilateral by its setting.
  const bilateralPeople = people.some((p) => p.side === "RU") && people.some((p) => p.side === "US") && !people.some((p) => p.side === "UA");
  if (trilateral && parties.has("RU") && parties.has("US") && !bilateralPeople) parties.add("UA");
  // The counterpart of a followed party is followed or foreign; a Ukrainian talking about a
  // bilateral RU–US contact does not make it trilateral.
  if (!trilateral && parties.has("UA") && parties.has("RU") && parties.has("US") && !people.some((p) => p.side === "UA")) parties.delete("UA");
  return { codes: [...parties].sort(), guessed: guessedSides };
}

/**
 * Who took part: the people the anchors name (less those who only speak of it, unless the
 * speaker is the other side of the contact: "Trump says he will speak with Putin"), and
 * anyone a later sentence says led a delegation or took part. Spokespeople never count.
 */
function findParticipants(event: EventReading, detail: ReadSentence[]): { people: Person[]; evidence: string[] } {
  const people: Person[] = [];
  const evidence: string[] = [];
  const add = (p: Person, s: ReadSentence) => {
    if (p.reports || people.includes(p)) return;
    people.push(p);
    if (!evidence.includes(s.text)) evidence.push(s.text);
  };
  const speakers: { person: Person; s: ReadSentence }[] = [];
  for (const s of event.anchors) {
    // A headline that names both sides has named the principals; a lead that names none of
    // them recalls another contact ("after the presidents' call on 12 February").
    const named = s.mentions.flatMap((m) => (m.named.type === "person" ? [m.named.person] : []));
    // A call has its two principals; others in its lead are in another contact ("while Trump
    // was meeting Zelensky").
    if (!s.headline && new Set(people.map((p) => p.side)).size >= 2 && (event.kind === "call" || !named.some((p) => people.includes(p)))) break;
    const persons = s.mentions.filter((m): m is Mention & { named: { type: "person" } } => m.named.type === "person");
    for (const m of persons) {
      if (isAside(s, m)) continue;
      if (isSpeaker(s, m)) speakers.push({ person: m.named.person, s });
      else add(m.named.person, s);
    }
  }
  for (const s of detail) {
    if (event.anchors.includes(s) || !PARTICIPATION.test(s.folded)) continue;
    for (const m of s.mentions) if (m.named.type === "person" && !isSpeaker(s, m) && !isAside(s, m)) add(m.named.person, s);
  }
  // Neither headline nor lead names anyone ("US and Russian officials met"): the first later
  // sentence about this contact that names people says who they were.
  if (people.length === 0) {
    const s = detail.find((x) => !event.anchors.includes(x) && x.kinds.size > 0 && x.mentions.some((m) => m.named.type === "person" && !isSpeaker(x, m)));
    if (s) for (const m of s.mentions) if (m.named.type === "person" && !isSpeaker(s, m) && !isAside(s, m)) add(m.named.person, s);
  }
  // A speaker counts when the others taking part are all on one side and he is on the other.
  const sides = new Set(people.map((p) => p.side));
  for (const { person, s } of speakers) {
    if (people.includes(person) || person.reports) continue;
    if (people.length > 0 && sides.size === 1 && !sides.has(person.side)) add(person, s);
  }
  return { people, evidence };
}

/**
 * The series: a topic the headline or lead names ("embassies", "trilateral"), else the people
 * (Putin and Trump: leaders), else a topic named further down. The lead's topic beats the
 * people; a passing mention of "irritants" in the fourth sentence does not.
 */
function findTrack(event: EventReading, detail: ReadSentence[], people: Person[], names: NameIndex): { id: string; evidence: string } | undefined {
  const byCue = (sentences: ReadSentence[]) => {
    for (const rule of names.names.tracks) {
      if (!rule.cues) continue;
      const cues = rule.cues.map(fold);
      const s = sentences.find((x) => cues.some((c) => x.folded.includes(c)));
      if (s) return { id: rule.id, evidence: s.text };
    }
    return undefined;
  };
  const byPeople = () => {
    for (const rule of names.names.tracks) {
      if (!rule.people) continue;
      const who = people.filter((p) => rule.people!.includes(p.id));
      const sides = new Set(who.map((p) => p.side));
      if (who.length > 0 && (!rule.needsBothSides || sides.size >= 2)) return { id: rule.id, evidence: event.anchors[0].text };
    }
    return undefined;
  };
  return byCue(event.anchors) ?? byPeople() ?? (event.secondary ? undefined : byCue(detail));
}

function publishedFromDateLine(line: string | undefined, language: ArticleLang): string | undefined {
  if (!line) return undefined;
  const found = readDates(line, language, "2000-01-01", undefined).dates.find((d) => d.value.length === 10 && /\d{4}/.test(line));
  return found?.value;
}
