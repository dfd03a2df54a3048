// One who reacts to the delegations is no member of them: "Зеленський у вечірньому зверненні
// подякував делегації", "Зеленский поблагодарил делегацию", "Zelensky thanked the delegation
// and the American partners". The word "delegation" after a verb of thanks, praise or blame is
// its object, not the post of the one named before it (participants.ts reads "delegation" near
// a name as a part taken).
import type { Mention } from "./names.ts";
import type { ReadSentence } from "./reading.ts";
import { B, E, PARTICIPATION, re } from "./vocabulary.ts";

/** Verbs of thanks, praise or blame: "thanked", "praised", "поблагодарил", "похвалил", "подякував", "розкритикував". */
const REACTS = re(`${B}(thank(ed|s)|prais(ed|es)|congratulat(ed|es)|commend(ed|s)|hail(ed|s)|criticiz(ed|es)|criticis(ed|es)|blam(ed|es)|поблагодарил\\p{L}*|благодарит|похвалил\\p{L}*|поздравил\\p{L}*|раскритиковал\\p{L}*|подякував|подякувала|подякували|дякує|похвалив|похвалила|привітав|привітала|розкритикував|розкритикувала)${E}`);

/**
 * Does the name stand before a verb of reacting, with no word of taking part between them
 * ("Зеленський … подякував делегації")? Then he reacts to the contact. ("Umerov, who led the
 * delegation, thanked the partners": one whose own words say he took part is not such a one.)
 */
export function reactsToIt(s: ReadSentence, m: Mention): boolean {
  const after = s.folded.slice(s.tokens[m.last].start + s.tokens[m.last].text.length);
  const verb = REACTS.exec(after);
  return verb !== null && !PARTICIPATION.test(after.slice(0, verb.index)) && !/[.;!?]/u.test(after.slice(0, verb.index));
}
