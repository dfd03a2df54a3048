// Where a contact was held: a city (or venue) introduced by "in"/"в"/"у" in the sentences about
// it, the sidelines of a gathering, the agency's dateline, a capital's clock, a Kremlin page's
// printed place. Split from extract.ts, whose draft asks it once per contact.
import type { Kind } from "../record/schema.ts";
import type { EventReading, Context } from "./draft.ts";
import type { PlaceEntry } from "./names.ts";
import type { ReadSentence, Tense } from "./reading.ts";
import { secondClauseAt } from "./events.ts";
import { isLocative, isProposedPlace, isSincePlace, isStatementPlace, placeCalledOffSince, placeOfAnother, placeOfASummit, placeOfATalkDone, placeOfTheSidelines, placesItsContact } from "./places.ts";
import { cityFiledFrom, clockCity, printedPlace } from "./story-cues.ts";
import { KIND_PHRASES } from "./vocabulary.ts";

/** Contacts held in person, which have a place. */
export const IN_PERSON = new Set<Kind>(["meeting", "round", "summit", "other"]);

export interface FoundPlace {
  city?: PlaceEntry;
  venue?: PlaceEntry;
  region?: PlaceEntry;
  abroad?: { code: string; sentence: ReadSentence };
}

/** The contact's place (`leadersMeet`: a meeting of the two leaders, whose summit's place is its own), with the sentence behind each part in `evidence` and a guess named in `guessed`. */
export function findPlace(event: EventReading, fills: ReadSentence[], elsewhere: (x: ReadSentence) => boolean, leadersMeet: boolean, tense: Tense | undefined, ctx: Context, evidence: Record<string, string>, guessed: string[]): FoundPlace {
  const { anchors, kind } = event;
  // Place: a city (or venue) introduced by "in"/"в"/"у" in the sentences about the contact.
  let city: PlaceEntry | undefined;
  let venue: PlaceEntry | undefined;
  let region: PlaceEntry | undefined;
  // ("Rubio meets Lavrov in Malaysia", "Рубио встретился с Лавровым в Малайзии": a country abroad
  // the headline or the lead places the contact in bounds the city a later sentence may give, as a
  // region does; "… since February, when they led delegations at talks in Riyadh" is another's.)
  let abroad: { code: string; sentence: ReadSentence } | undefined;
  const sidelines = kind === "call" ? undefined : placeOfTheSidelines(anchors, ctx.sentences);
  if (sidelines) {
    city = sidelines.place;
    evidence.city = sidelines.sentence.text;
  } else if (kind !== "call") {
    const othersCities = secondClauseCities(anchors, ctx);
    for (const s of fills.filter((x) => !elsewhere(x))) {
      let regionAt: number | undefined;
      // "Putin hosts Trump envoys … as Ukraine negotiations move to Abu Dhabi": a headline's
      // second clause is another piece of news, and its place is that news's.
      const clause = secondClauseAt(s, ctx.language);
      for (const m of s.mentions) {
        if (clause >= 0 && m.first > clause) break;
        if (m.named.type === "country" && !abroad && !region && anchors.includes(s) && !m.named.country.followed && isLocative(s, m)) abroad = { code: m.named.country.code, sentence: s };
        if (m.named.type !== "place" || !(isLocative(s, m) || placesItsContact(s, m, ctx.language)) || isStatementPlace(s, m) || isProposedPlace(s, m) || isSincePlace(s, m) || placeOfAnother(s, m, kind, ctx.language) || (kind !== "summit" && !leadersMeet && placeOfASummit(s, m, ctx.language)) || (tense === "future" && placeOfATalkDone(s, m, kind, ctx.language)) || ((tense === "held" || tense === "future") && placeCalledOffSince(s, m))) continue;
        const p = m.named.place;
        if (othersCities.has(p) && !anchors.includes(s)) continue;
        // "will meet Putin in Alaska on Aug. 15, … since Trump returned to the White House": the
        // first place a sentence gives is its contact's; after a region only a place in it
        // (Anchorage in Alaska) says more.
        // "на Аляске, в Анкоридже": a city right after its region says where in it.
        if (region && (p.country !== region.country || (regionAt !== undefined && m.first - regionAt > 3))) break;
        if (abroad && abroad.sentence !== s && p.country !== abroad.code) break;
        if (p.kind === "venue") {
          venue ??= p;
          evidence.venue ??= s.text;
          if (!city && p.city) {
            city = ctx.names.placeByEnglishName(p.city);
            evidence.city = s.text;
          }
        } else if (p.kind === "region") {
          if (region && region !== p) break;
          region = p;
          regionAt = m.last;
        } else if (!city) {
          city = p;
          evidence.city = s.text;
        }
      }
      if (city) break;
    }
  }
  // The agency's dateline names the city in the region or the country abroad the story gives.
  const filed = kind !== "call" && !city && !venue ? cityFiledFrom(ctx, region, abroad?.code) : undefined;
  if (filed) {
    city = filed;
    evidence.city = ctx.story.filedAt!;
  }
  // "Thursday evening Moscow time": a capital's clock places a contact that names no place (a guess).
  const clock = IN_PERSON.has(kind) && !city && !venue && !region ? clockCity(fills.filter((x) => !elsewhere(x)), ctx) : undefined;
  if (clock) {
    city = clock.city;
    evidence.city = clock.sentence.text;
    guessed.push("city");
  }
  // A Kremlin page prints where it records with its date ("23 января 2026 года, 01:40 / Москва,
  // Кремль"): that places a contact reported done with no place of its own (a guess).
  const printedAt = IN_PERSON.has(kind) && !city && !venue && !region && tense === "held" && !event.secondary ? printedPlace(ctx) : undefined;
  if (printedAt) {
    city = printedAt;
    evidence.city = ctx.story.placeLine ?? ctx.story.dateLine!;
    guessed.push("city");
  }
  return { city, venue, region, abroad };
}

/**
 * "Rubio-Lavrov meeting shelved as Budapest summit plans wobble", "Встречу Лаврова и Рубио
 * отложили, саммит в Будапеште под вопросом": a city the headline's second clause gives, and its
 * first clause does not, is the other news's; "the Budapest meeting" further on is that contact.
 */
function secondClauseCities(anchors: ReadSentence[], ctx: Context): Set<PlaceEntry> {
  const headline = anchors.find((a) => a.headline);
  const clause = headline ? secondClauseAt(headline, ctx.language) : -1;
  if (!headline || clause < 0) return new Set();
  // (Only where the first clause tells a contact of its own: "Ukraine and Russia agree a swap as
  // talks end in Abu Dhabi" gives the talks' city.)
  const firstClause = headline.tokens.slice(0, clause).map((t) => t.folded).join(" ");
  if (!KIND_PHRASES.some(([, re]) => re.test(firstClause))) return new Set();
  const places = (after: boolean) => headline.mentions.flatMap((m) => (m.named.type === "place" && m.first > clause === after ? [m.named.place] : []));
  const first = new Set(places(false));
  return new Set(places(true).filter((p) => !first.has(p)));
}
