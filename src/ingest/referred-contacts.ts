// A contact named by a word that points back to the sentence before: "the next of those meetings",
// "следующая из этих встреч", "наступна з цих зустрічей". Its sides are the ones that sentence
// gives the contacts it names ("the trilateral negotiations among Russia, Ukraine and the United
// States, which have met three times").
import type { Context } from "./draft.ts";
import type { ArticleLang } from "./language.ts";
import { isLocative } from "./places.ts";
import type { ReadSentence } from "./reading.ts";
import { kindOfNoun, TRILATERAL } from "./vocabulary.ts";

/** "of those", "of these", "из этих", "из них", "з цих", "із них" (folded: "етих", "из цих"). */
const POINTS_BACK = new RegExp(`(?<![\\p{L}])(of (those|these|them)|из (етих|тех|них|таких)|з (цих|тих|них|таких)|из (цих|тих))(?![\\p{L}])`, "u");

/** How far after a contact's noun its sides are named ("negotiations among Russia, Ukraine and the United States"), and before it ("Russian-US talks"). */
const AFTER_NOUN = 8;
const BEFORE_NOUN = 3;

/** The sides of the contacts the sentence before names, where this one points back to them. */
export function sidesReferredTo(s: ReadSentence, ctx: Context): string[] {
  if (!POINTS_BACK.test(s.folded)) return [];
  const before = ctx.sentences[ctx.sentences.indexOf(s) - 1];
  if (!before || before.headline) return [];
  if (TRILATERAL.test(before.folded)) return ["RU", "UA", "US"];
  const nouns = before.tokens.flatMap((t, i) => (kindOfNoun(t.text, ctx.language as ArticleLang) !== undefined ? [i] : []));
  const sides = new Set<string>();
  for (const m of before.mentions) {
    if (m.named.type !== "country" || isLocative(before, m)) continue;
    if (nouns.some((i) => (m.first > i && m.first - i <= AFTER_NOUN) || (m.last < i && i - m.last <= BEFORE_NOUN))) sides.add(m.named.country.code);
  }
  return sides.size >= 2 ? [...sides] : [];
}

