// Where a sentence puts a contact: the places the headline and the lead give this one, and
// whether a sentence's contact is in another city, another region, at a public event abroad or
// at the end of a journey on from here (its people are then that contact's, not this one's).
import type { ArticleLang } from "./language.ts";
import type { Mention, PlaceEntry } from "./names.ts";
import { inAside } from "./other-contacts.ts";
import { JOURNEY_WORD } from "./participation-words.ts";
import { perPair } from "./memo.ts";
import { hostsTheSentence, isLocative, placesItsContact } from "./places.ts";
import type { ReadSentence } from "./reading.ts";
import { PUBLIC_EVENT, TOWARD } from "./vocabulary.ts";

/**
 * Is the name after a journey that goes on from where the sentence put a contact ("met
 * Dmitriev in Davos on Tuesday, and will fly to Moscow for talks with Putin", "встретились в
 * Давосе и вылетят в Москву на переговоры с Путиным")? Then he is the host of that journey's
 * contact, another one. (Not "arrived in Wonsan for talks with Choe, days after meeting Rubio
 * in Kuala Lumpur": the place after is the aside's.)
 */
export const journeyElsewhere = perPair(journeyOnFrom);

function journeyOnFrom(s: ReadSentence, m: Mention): boolean {
  const before = s.folded.slice(0, s.tokens[m.first].start);
  const journeys = [...before.matchAll(new RegExp(JOURNEY_WORD.source, "gu"))];
  const journey = journeys[journeys.length - 1];
  if (!journey || /[.;:!?]/u.test(s.text.slice(journey.index, s.tokens[m.first].start))) return false;
  const places = s.mentions.filter((x) => x.named.type === "place" && x.last < m.first);
  const at = places.filter((x) => s.tokens[x.last].start < journey.index && isLocative(s, x));
  // (The journey's end stands right after its verb: "fly to Moscow", "вылетят в Москву".)
  const verb = s.tokens.findIndex((t) => t.start >= journey.index);
  const to = places.find((x) => x.first > verb && x.first <= verb + 3 && /^(to|in|into|в|во|у|до|на)$/u.test(s.tokens[x.first - 1].folded));
  return at.length > 0 && to !== undefined && !at.some((y) => y.named === to.named);
}

/**
 * Does the sentence name a contact by another city than those the headline and the lead put this
 * one in ("the Abu Dhabi talks" beside "meets … in Miami")? A venue counts as its city.
 */
export function placedElsewhere(s: ReadSentence, venues: Set<PlaceEntry>, lang: ArticleLang): boolean {
  if (venues.size === 0) return false;
  const here = new Set([...venues].map(cityOf));
  // ("Паралельно в Римі стартувала конференція, на якій присутній Келлог" beside "у Куала-Лумпурі",
  // "Meanwhile in Rome, Kellogg attended a conference", "В Риме открылась конференция, в которой
  // участвует Келлог": one present at a public event in a city of another country is at that event.)
  const countries = new Set([...venues].map((p) => p.country));
  // (Not a press conference: "…, Zelensky said during a press conference in Kyiv".)
  const event = s.tokens.some((t, i) => PUBLIC_EVENT.test(t.folded) && !/^(press|news|пресс|прес)$/u.test(s.tokens[i - 1]?.folded ?? ""));
  const abroad = (m: Mention) => event && m.named.type === "place" && m.named.place.kind === "city" && !countries.has(m.named.place.country) && isLocative(s, m);
  // ("доручив Віткоффу поїхати до Москви на зустріч з Путіним" beside talks in Abu Dhabi, "will
  // fly to Moscow to meet Putin": a journey to another city is for a contact there.)
  const journeyTo = (m: Mention) => m.named.type === "place" && m.named.place.kind === "city" && m.first >= 2 && TOWARD.has(s.tokens[m.first - 1].folded) && JOURNEY_WORD.test(s.tokens[m.first - 2].folded);
  // ("In Alaska, Trump and Putin talked …, accompanied by Rubio" in a story on a Budapest summit,
  // "На Аляске", "На Алясці": a region that holds none of this contact's places is elsewhere too;
  // one that holds them, "in Alaska" beside "in Anchorage", is here.)
  const away = (p: PlaceEntry) => (p.kind === "region" ? ![...venues].some((v) => inRegion(v, p)) : !here.has(cityOf(p)) && ![...venues].some((v) => v.kind === "region" && inRegion(p, v)));
  return s.mentions.some((m) => m.named.type === "place" && (placesItsContact(s, m, lang) || abroad(m) || hostsTheSentence(s, m) || journeyTo(m)) && !inAside(s, m) && away(m.named.place));
}

/** A place's city (a venue's, or the city itself). */
export const cityOf = (p: PlaceEntry) => p.city ?? p.name.en;

/** Does the place lie in the region: its country and its clock (names.json gives no more)? */
const inRegion = (p: PlaceEntry, region: PlaceEntry) => p.country === region.country && p.zone === region.zone;

/** The places the headline and the lead put the contact in ("в Абу-Даби", "in Riyadh"). */
export function anchorVenues(anchors: ReadSentence[]): Set<PlaceEntry> {
  return new Set(anchors.flatMap((s) => s.mentions.flatMap((m) => (m.named.type === "place" && isLocative(s, m) ? [m.named.place] : []))));
}
