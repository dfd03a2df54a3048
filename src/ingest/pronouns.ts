// A contact's sentence that names one of its people only as "он", "він", "he": "Дмитриев
// находится в США с визитом. В субботу в Майами он провел переговоры с Уиткоффом", "Dmitriev is
// in the US on a visit. On Saturday in Miami he held talks with Witkoff". The pronoun stands for
// the one person the sentence before names, and he takes part as if named. Pure: sentences in,
// the pronouns each stands for out (as mentions named by no name, as roles.ts gives posts).
import type { Mention } from "./names.ts";
import type { ReadSentence } from "./reading.ts";
import { SUBJECT_PRONOUN } from "./vocabulary.ts";

/** "he", "он", "він" (folded): one man, whom the sentence before names. */
const HE = /^(he|он|вин)$/u;

/** How many words after "he" the contact it does is told: "он провел переговоры", "he held talks". */
const REACH = 3;

/** Words of a contact done or to come, as nouns and verbs (folded beginnings). */
const CONTACT = /^(meet|met|talk|spoke|speak|call|встрет|встреч|переговор|разговар|поговор|созвон|зустр|перемовин|переговори|розмовл|поговори)/u;

/** The sentences about a contact whose "he" stands for the one person the sentence before names. */
export function pronounsResolved(sentences: ReadSentence[]): Map<ReadSentence, Mention[]> {
  const out = new Map<ReadSentence, Mention[]>();
  for (const [i, s] of sentences.entries()) {
    const before = sentences[i - 1];
    if (s.headline || s.kinds.size === 0 || before === undefined || before.headline) continue;
    const at = s.tokens.findIndex((t) => HE.test(t.folded) && SUBJECT_PRONOUN.test(t.folded));
    // (Not a quote's "he", nor one after a name of the sentence's own, whom it may stand for.)
    if (at < 0 || /["«“„]/u.test(s.text.slice(0, s.tokens[at].start)) || s.mentions.some((m) => m.named.type === "person" && m.first < at)) continue;
    const people = new Set(before.mentions.flatMap((m) => (m.named.type === "person" ? [m.named.person] : [])));
    if (people.size !== 1) continue;
    const [person] = people;
    if (person.reports || s.mentions.some((m) => m.named.type === "person" && m.named.person === person)) continue;
    // He is the one who meets, and the one he meets is named: "он провел переговоры с Уиткоффом",
    // "he met Witkoff" (not "He declined to name the firms he had met").
    if (!s.tokens.slice(at + 1, at + 1 + REACH).some((t) => CONTACT.test(t.folded)) || !s.mentions.some((m) => m.named.type === "person" && m.named.person.side !== person.side)) continue;
    out.set(s, [{ named: { type: "person", person }, first: at, last: at, byPost: true }]);
  }
  return out;
}
