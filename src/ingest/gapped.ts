// Sentences that leave out the verb of the one before them: "Українську делегацію очолював
// Умєров. Російську — начальник ГРУ Костюков.", "Российскую делегацию возглавит Костюков.
// Украинскую, по данным СМИ, — Умеров." News writing lists the sides this way, one sentence a
// side; the second names only the side and its people, and tells as much as the first.
import { GAPPED_SIDE } from "./participation-words.ts";
import type { ReadSentence } from "./reading.ts";

/**
 * Does the sentence name only a side and its people after a dash, going on in its paragraph from
 * one that says who takes part (`listsPeople`)?
 */
export function gapsASideList(s: ReadSentence, sentences: ReadSentence[], listsPeople: (x: ReadSentence) => boolean): boolean {
  if (!GAPPED_SIDE.test(s.folded)) return false;
  const before = sentences[sentences.indexOf(s) - 1];
  return before !== undefined && before.paragraph === s.paragraph && !before.headline && listsPeople(before);
}
