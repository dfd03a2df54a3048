// The fields of a draft that take the most reading: which parties took part and which series
// (track) the contact belongs to. Who took part is participants.ts.
import type { Context, EventReading } from "./draft.ts";
import type { NameIndex, Person, PlaceEntry } from "./names.ts";
import { isLocative, type ReadSentence } from "./reading.ts";
import { TRILATERAL } from "./vocabulary.ts";
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
  const trilateral = anchors.some((s) => TRILATERAL.test(s.folded) || listsTheThreeSides(s));
  // "Witkoff met Dmitriev on the sidelines of the trilateral talks": a bilateral contact whose
  // people are all Russian and American is not made trilateral by its setting.
  const bilateralPeople = people.some((p) => p.side === "RU") && people.some((p) => p.side === "US") && !people.some((p) => p.side === "UA");
  if (trilateral && parties.has("RU") && parties.has("US") && !bilateralPeople) parties.add("UA");
  // "Третій раунд тристоронніх переговорів делегацій України, США та Росії … Склад російської
  // делегації поки невідомий": the three sides named, only two sides' people known yet.
  const three = ["RU", "UA", "US"];
  if (trilateral && !bilateralPeople && three.every((c) => countriesNamed.has(c)) && [...parties].every((p) => three.includes(p))) for (const c of three) parties.add(c);
  // The counterpart of a followed party is followed or foreign; a Ukrainian talking about a
  // bilateral RU–US contact does not make it trilateral.
  if (!trilateral && parties.has("UA") && parties.has("RU") && parties.has("US") && !people.some((p) => p.side === "UA")) parties.delete("UA");
  return { codes: [...parties].sort(), guessed: guessedSides };
}

/** Words that may join the countries of one list: "России, США и Украины", "Russia-Ukraine-US", "Russia, Ukraine and the United States". */
const LIST_JOINER = /^(и|й|та|and|the|&)$/u;

/**
 * "Переговоры России, США и Украины", "Russia-Ukraine-US talks": the three followed countries
 * named as one list are the sides of a trilateral contact, whichever of their people the story
 * names. (Not "US, Ukraine meet ahead of talks with Russia": Russia stands apart.)
 */
function listsTheThreeSides(s: ReadSentence): boolean {
  const countries = s.mentions.filter((m) => m.named.type === "country" && m.named.country.followed && !isLocative(s, m));
  for (let i = 0; i + 2 < countries.length; i++) {
    const run = countries.slice(i, i + 3);
    const codes = new Set(run.map((m) => (m.named.type === "country" ? m.named.country.code : "")));
    if (codes.size < 3) continue;
    const joined = run.every((m, k) => k === 0 || s.tokens.slice(run[k - 1].last + 1, m.first).every((t) => LIST_JOINER.test(t.folded)));
    if (joined) return true;
  }
  return false;
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
