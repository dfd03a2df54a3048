// The fields of a draft that take the most reading: which parties took part, who the
// participants were, and which series (track) the contact belongs to.
import type { Context, EventReading } from "./draft.ts";
import type { Mention, NameIndex, Person, PlaceEntry } from "./names.ts";
import { isAside, isLocative, isSpeaker, personMentions, relativeClauseAfter, type ReadSentence } from "./reading.ts";
import { PARTICIPATION } from "./vocabulary.ts";
import { fold } from "./words.ts";

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
export function findParticipants(event: EventReading, detail: ReadSentence[]): { people: Person[]; evidence: string[] } {
  const people: Person[] = [];
  const evidence: string[] = [];
  const byPost = new Set<Person>();
  const add = (p: Person, s: ReadSentence) => {
    if (p.reports || people.includes(p)) return;
    people.push(p);
    if (!evidence.includes(s.text)) evidence.push(s.text);
  };
  // A post stands for its holder only on a side no name stands for: "a meeting between Rubio
  // and Lavrov … casting doubt on a summit between the two countries' presidents".
  const mentioned = (s: ReadSentence) => {
    const all = personMentions(s);
    const named = new Set([...all.filter((m) => !m.byPost && !isAside(s, m)).map((m) => m.named.person.side), ...people.filter((p) => !byPost.has(p)).map((p) => p.side)]);
    const out = all.filter((m) => !m.byPost || !named.has(m.named.person.side));
    for (const m of out) if (m.byPost && !people.includes(m.named.person)) byPost.add(m.named.person);
    return out;
  };
  const speakers: { person: Person; s: ReadSentence }[] = [];
  for (const s of event.anchors) {
    // A headline that names both sides has named the principals; a lead that names none of
    // them recalls another contact ("after the presidents' call on 12 February").
    const persons = mentioned(s);
    const named = persons.map((m) => m.named.person);
    // A call has its two principals; others in its lead are in another contact ("while Trump
    // was meeting Zelensky").
    if (!s.headline && new Set(people.map((p) => p.side)).size >= 2 && (event.kind === "call" || !named.some((p) => people.includes(p)))) break;
    for (const m of persons) {
      if (isAside(s, m)) continue;
      if (isSpeaker(s, m)) speakers.push({ person: m.named.person, s });
      else add(m.named.person, s);
    }
  }
  // A speaker counts when the others taking part are all on one side and he is on the other.
  const addSpeakers = () => {
    const sides = new Set(people.map((p) => p.side));
    for (const { person, s } of speakers) {
      if (people.includes(person) || person.reports) continue;
      if (people.length > 0 && sides.size === 1 && !sides.has(person.side)) add(person, s);
    }
  };
  // A call has its two principals: once the headline and lead give both, a later sentence's
  // people ("he would then speak with Zelensky") are on another call.
  if (event.kind === "call") addSpeakers();
  const complete = event.kind === "call" && new Set(people.map((p) => p.side)).size >= 2;
  for (const s of complete ? [] : detail) {
    if (event.anchors.includes(s) || !PARTICIPATION.test(s.folded)) continue;
    // "I will again lead the Russian delegation", "Українську делегацію очолюватиму я": the one
    // quoted took part.
    if (FIRST_PERSON.test(s.text) && personMentions(s).length === 0) {
      const quoted = quotedPerson(s, event.sentences);
      if (quoted) add(quoted, s);
    }
    for (const m of mentioned(s)) {
      if (isAside(s, m)) continue;
      // "— сказал Ушаков, который … участвовал во встрече": the speaker took part himself.
      const clause = relativeClauseAfter(s, m);
      // "«… очолюватиму я», – написав Умєров": so does one quoting himself taking part.
      if (!isSpeaker(s, m) || (clause !== undefined && PARTICIPATION.test(clause)) || FIRST_PERSON.test(s.text)) add(m.named.person, s);
    }
  }
  // Neither headline nor lead names anyone ("US and Russian officials met"): the first later
  // sentence about this contact that names people says who they were.
  if (people.length === 0) {
    const s = detail.find((x) => !event.anchors.includes(x) && x.kinds.size > 0 && personMentions(x).some((m) => !isSpeaker(x, m)));
    if (s) for (const m of mentioned(s)) if (!isSpeaker(s, m) && !isAside(s, m)) add(m.named.person, s);
  }
  addSpeakers();
  return { people, evidence };
}

const FIRST_PERSON = /(?<![\p{L}])(I|я|Я)(?![\p{L}'’])/u;
/** An interview's answer: "A:", "Ответ:", "— " at the start of its paragraph. */
const ANSWER = /^(A|О|Ответ|Відповідь)\s*[:.]/u;

/** Who says a sentence in the first person: a speaker named in its paragraph, or, in an
 * interview's answer, the one the story's lead introduces. */
function quotedPerson(s: ReadSentence, sentences: ReadSentence[]): Person | undefined {
  for (const x of sentences) {
    if (x.paragraph !== s.paragraph) continue;
    const m = x.mentions.find((n) => n.named.type === "person" && !n.named.person.reports && isSpeaker(x, n));
    if (m && m.named.type === "person") return m.named.person;
  }
  const first = sentences.find((x) => x.paragraph === s.paragraph);
  if (!first || !ANSWER.test(first.text)) return undefined;
  const lead = sentences.find((x) => !x.headline && x.tokens.length >= 5);
  const m = lead?.mentions.find((n) => n.named.type === "person" && !n.named.person.reports);
  return m && m.named.type === "person" ? m.named.person : undefined;
}

/**
 * The series: a topic the headline or lead names ("embassies", "trilateral"), else the people
 * (Putin and Trump: leaders), else a topic named further down. The lead's topic beats the
 * people; a passing mention of "irritants" in the fourth sentence does not.
 */
export function findTrack(event: EventReading, detail: ReadSentence[], people: Person[], names: NameIndex): { id: string; evidence: string } | undefined {
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
