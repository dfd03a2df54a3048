// Which record entry a draft is about. A report of a known contact should change that entry
// ("the second round will take place on 10 April" dates the announced round 2; "the talks
// lasted six hours" marks the scheduled round held), not add a second one.
import type { Entry } from "../record/schema.ts";
import { dayGap } from "./dates.ts";
import type { Draft } from "./draft.ts";

const daysApart = (a: string, b: string) => Math.abs(dayGap(a, b));

/** Kinds the press uses for one another: a round is also "a meeting of delegations". */
function kindsAgree(a: Entry["kind"], b: Draft["kind"]): boolean {
  if (a === b) return true;
  const inPerson = new Set(["meeting", "round", "summit", "other"]);
  return inPerson.has(a) && inPerson.has(b);
}

/** How well the draft fits the entry; 0 when it cannot be the same contact. */
export function matchScore(draft: Draft, entry: Entry): number {
  if (!kindsAgree(entry.kind, draft.kind)) return 0;
  if (!draft.parties.every((p) => entry.parties.includes(p)) || !entry.parties.every((p) => draft.parties.includes(p))) return 0;
  let score = entry.kind === draft.kind ? 2 : 0;
  const sameTrack = draft.track !== null && draft.track === entry.track;
  if (sameTrack) score += 2;
  if (draft.sequence !== null && entry.sequence !== undefined) {
    if (!sameTrack) return 0;
    if (draft.sequence !== entry.sequence) return 0;
    score += 6;
  }
  const open = entry.status !== "held" && entry.status !== "cancelled";
  if (draft.date && entry.date) {
    const d = draft.date;
    const e = entry.date;
    if (d.length === 10 && e.length === 10) {
      // A day's difference is a date given in Moscow time against one in Washington time.
      if (daysApart(d, e) <= 1) score += 6;
      else if (!(open || draft.status === "postponed")) return 0;
      else if (Math.abs(daysApart(d, e)) > 62) return 0;
    } else if (d.slice(0, 7) === e.slice(0, 7)) score += 3;
    else if (!open) return 0;
  } else if (!draft.date) {
    // Without a date an open entry (announced, scheduled, postponed) can be meant, or a
    // contact held in the week before the report by the same people ("Lavrov and Rubio held a
    // call", in a translation printed the next day).
    if (!open) {
      const e = entry.date;
      const recent = draft.status === "held" && e !== null && e.length === 10 && e <= draft.source.published && daysApart(e, draft.source.published) <= 7;
      const names = new Set((entry.participants ?? []).map((p) => p.name.en));
      if (!recent || draft.participants.filter((p) => names.has(p.name)).length < 2) return 0;
      score += 3;
    }
  } else if (!open) return 0;
  const city = draft.place.city;
  if (city && entry.place?.city?.en) score += entry.place.city.en === city ? 2 : -3;
  const names = new Set((entry.participants ?? []).map((p) => p.name.en));
  for (const p of draft.participants) if (names.has(p.name)) score += 1;
  return score;
}

/** The entry the draft is about, or null: the best fit that is better than a guess. */
export function matchEntry(draft: Draft, entries: readonly Entry[]): string | null {
  let best: { id: string; score: number } | undefined;
  for (const e of entries) {
    const score = matchScore(draft, e);
    if (score >= 6 && (!best || score > best.score)) best = { id: e.id, score };
  }
  return best?.id ?? null;
}
