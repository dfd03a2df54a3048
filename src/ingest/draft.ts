// A draft entry as Parley reads it from a report, with the evidence for each field, and what the
// reader of one article works with on the way there.
import type { Entry, Kind, Status } from "../record/schema.ts";
import type { ArticleLang } from "./language.ts";
import type { NameIndex } from "./names.ts";
import type { ReadSentence } from "./reading.ts";

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

/** One contact an article reports, as found: the sentences about it and what kind it is. */
export interface EventReading {
  sentences: ReadSentence[];
  /** The sentences that name the contact (headline and lead, or the one sentence of a secondary). */
  anchors: ReadSentence[];
  kind: Kind;
  secondary: boolean;
  /** Speaks of experts or of a next contact: one of its own even without date or place. */
  standsAlone?: boolean;
  /** Told only beside the main contact (a dated one to come or one done): no news when the main one is dropped. */
  alongside?: boolean;
}

/** The article being read, as every step of reading it sees it. */
export interface Context {
  sentences: ReadSentence[];
  language: ArticleLang;
  published: string;
  names: NameIndex;
  article: Article;
  story: { headline?: string; dateLine?: string; placeLine?: string; filedAt?: string };
}

/** The kinds in the words of a reason. */
export const A_KIND: Record<Kind, string> = { call: "a call", meeting: "a meeting", round: "a round", summit: "a summit", other: "a visit" };

/** Why a contact between other sides than the followed ones is dropped, in words. */
export function describeOther(d: Draft, names: NameIndex): string {
  const sides = d.parties.map((p) => names.country(p)?.name.en ?? p);
  if (sides.length === 0) return `${A_KIND[d.kind]} without a party Parley can name`;
  if (sides.length === 1) return `${A_KIND[d.kind]} of one side only (${sides[0]}), not a contact between the parties the record follows`;
  return `${A_KIND[d.kind]} between ${sides.join(" and ")}, not a contact between the parties the record follows`;
}

/** Two drafts of one contact: the same kind, day, city and status. */
export function sameContact(a: Draft, b: Draft): boolean {
  return a.kind === b.kind && a.date === b.date && a.place.city === b.place.city && a.status === b.status;
}
