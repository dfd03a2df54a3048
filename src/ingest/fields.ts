// The fields of a draft that take the most reading: which parties took part and which series
// (track) the contact belongs to. Who took part is participants.ts.
import type { Context, EventReading } from "./draft.ts";
import type { Mention, NameIndex, Person, PlaceEntry } from "./names.ts";
import { FOLLOWED } from "./events.ts";
import { isLocative } from "./places.ts";
import { perObject } from "./memo.ts";
import type { ReadSentence } from "./reading.ts";
import { BROKERED, DELEGATION_LED, DELEGATION_NOUN, TRILATERAL } from "./vocabulary.ts";
import { fold } from "./words.ts";
import { sidesReferredTo } from "./referred-contacts.ts";

export function findParties(event: EventReading, people: Person[], support: ReadSentence[], place: PlaceEntry | undefined, ctx: Context): { codes: string[]; guessed: boolean } {
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
  // ("the next of those meetings": the sides of the talks the sentence before names.)
  const referred = event.secondary ? sidesReferredTo(anchors[0], ctx) : [];
  for (const c of referred) parties.add(c);
  // "Lavrov and his Indian counterpart held talks, days before an additional U.S. tariff on
  // Indian goods": with the people of one followed side only, a country the record does not
  // follow is the other side, and the other followed country the story's context.
  const peopleSides = new Set(people.map((p) => p.side));
  const [ownSide] = peopleSides;
  const foreign = [...parties].some((c) => !ctx.names.country(c)?.followed);
  if (peopleSides.size === 1 && FOLLOWED.includes(ownSide) && foreign) for (const c of FOLLOWED) if (c !== ownSide) parties.delete(c);
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
  // An interview's answer ("We expect the next round in April") names no one: the sides are
  // those the story's lead introduces (the ambassador, "Russian-American relations").
  if (parties.size < 2 && !event.secondary && anchors.every((s) => s.mentions.length === 0)) {
    const lead = ctx.sentences.find((s) => !s.headline && s.tokens.length >= 5);
    for (const m of lead?.mentions ?? []) {
      if (m.named.type === "country" && m.named.country.followed && !isLocative(lead!, m)) parties.add(m.named.country.code);
      if (m.named.type === "person" && !m.named.person.reports && ctx.names.country(m.named.person.side)?.followed) parties.add(m.named.person.side);
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
  const trilateral = referred.length === 3 || anchors.some((s) => TRILATERAL.test(s.folded) || listsTheThree(s) || brokeredByTheThird(s));
  // "Witkoff met Dmitriev on the sidelines of the trilateral talks": a bilateral contact whose
  // people are all Russian and American is not made trilateral by its setting.
  const bilateralPeople = people.some((p) => p.side === "RU") && people.some((p) => p.side === "US") && !people.some((p) => p.side === "UA");
  if (trilateral && parties.has("RU") && parties.has("US") && !bilateralPeople) parties.add("UA");
  // "Третій раунд тристоронніх переговорів делегацій України, США та Росії … Склад російської
  // делегації поки невідомий": the three sides named, only two sides' people known yet.
  const three = ["RU", "UA", "US"];
  // ("Кремль назвал состав российской делегации на трехсторонней встрече": so are talks called
  // three-way where one side alone is named yet.)
  if (trilateral && !bilateralPeople && parties.size > 0 && [...parties].every((p) => three.includes(p))) for (const c of three) parties.add(c);
  // The counterpart of a followed party is followed or foreign; a Ukrainian talking about a
  // bilateral RU–US contact does not make it trilateral.
  if (!trilateral && parties.has("UA") && parties.has("RU") && parties.has("US") && !people.some((p) => p.side === "UA")) parties.delete("UA");
  return { codes: [...parties].sort(), guessed: guessedSides };
}

/**
 * "US-brokered talks between Ukraine and Russia", "переговоры Москвы и Киева при посредничестве
 * США": the broker and the two sides it brings together, the three named, are at one table.
 */
function brokeredByTheThird(s: ReadSentence): boolean {
  if (!BROKERED.test(s.folded)) return false;
  const named = new Set<string>();
  for (const m of s.mentions) {
    if (m.named.type === "country" && !isLocative(s, m)) named.add(m.named.country.code);
    if (m.named.type === "place" && m.named.place.capitalOf && !isLocative(s, m)) named.add(m.named.place.capitalOf);
  }
  return ["RU", "UA", "US"].every((c) => named.has(c));
}

/**
 * "talks between Ukraine, Russia and the United States", "Ukraine-Russia-US talks", "делегацій
 * України, США та Росії": the three sides named together, one list, are at one table.
 */
function listsTheThree(s: ReadSentence): boolean {
  let run = new Set<string>();
  let last: Mention | undefined;
  for (const m of s.mentions) {
    if (m.named.type !== "country" || isLocative(s, m)) continue;
    const end = last ? s.tokens[last.last].start + s.tokens[last.last].text.length : 0;
    const gap = last ? s.text.slice(end, s.tokens[m.first].start) : "";
    if (!last || !/^[\s,–—-]*((and|the|и|і|та|й)\s+)*$/iu.test(gap)) run = new Set();
    run.add(m.named.country.code);
    if (["RU", "UA", "US"].every((c) => run.has(c))) return true;
    last = m;
  }
  return false;
}

/**
 * The series: a topic the headline or lead names ("embassies", "trilateral"), else the people
 * (Putin and Trump: leaders), else a topic named further down. The lead's topic beats the
 * people; a passing mention of "irritants" in the fourth sentence does not.
 */
/** A track's cues folded as the text is (once per names file, not per sentence asked). */
const foldedCues = perObject((cues: string[]) => cues.map(fold));

export function findTrack(event: EventReading, detail: ReadSentence[], people: Person[], names: NameIndex): { id: string; evidence: string } | undefined {
  const byCue = (sentences: ReadSentence[]) => {
    for (const rule of names.names.tracks) {
      if (!rule.cues) continue;
      const cues = foldedCues(rule.cues);
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

/**
 * The sides a sentence tells sent as delegations, each with who leads it ("The Russian delegation
 * was led by Karasin … The U.S. side was represented by Peek", "Российскую делегацию возглавил
 * …", "Делегацію США очолив …"): a country's word right before or after the delegation's noun.
 */
export function sidesAsDelegations(s: ReadSentence): Set<string> {
  const sides = new Set<string>();
  for (const m of s.mentions) {
    if (m.named.type !== "country" || isLocative(s, m)) continue;
    const noun = [m.last + 1, m.first - 1].find((i) => s.tokens[i] !== undefined && DELEGATION_NOUN.test(s.tokens[i].folded));
    if (noun === undefined) continue;
    // Who leads it is told right beside it ("was led by", "возглавил", "яку очолював"), not of
    // another side in the sentence ("Російська делегація на чолі з … з американською командою").
    const around = s.tokens.slice(Math.max(0, Math.min(noun, m.first) - 2), Math.max(noun, m.last) + 4).map((t) => t.folded).join(" ");
    if (DELEGATION_LED.test(around)) sides.add(m.named.country.code);
  }
  return sides;
}
