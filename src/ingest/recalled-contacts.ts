// Which of a story's sentences recall a contact done long before the one it reports, for the
// people of the main contact: "Первым контактом стали переговоры в Эр-Рияде 18 февраля: Лавров и
// Ушаков …", "Далі були два раунди у Стамбулі (27 лютого та 10 квітня) …", "They emerged from the
// meeting in Riyadh on Feb. 18, 2025, where Rubio … met Lavrov" in the story of a summit called
// off or a round to come: a contact told done on days weeks before the story is not the one
// reported, and the sentences that go on after it in its paragraph, with no day of their own,
// still tell it ("Putin, accompanied by Lavrov and Ushakov, met Trump …" after "took place in
// Anchorage on Aug. 15, 2025"). Pure; extract.ts asks it before it reads the participants.
import { readDates } from "./dates.ts";
import type { Context } from "./draft.ts";
import { perObject } from "./memo.ts";
import type { ReadSentence, Tense } from "./reading.ts";
import { datedLongBefore } from "./story-cues.ts";

/**
 * The test of a sentence recalling an earlier contact, for a main contact not told done (to
 * come, moved or called off): its own days tell it apart. (A contact done may be told with days
 * of its own weeks before the story, as an analysis of a year's talks does.)
 */
export function recalledEarlier(anchors: ReadSentence[], tense: Tense | undefined, ctx: Context): (x: ReadSentence) => boolean {
  if (tense === "held" || tense === undefined) return () => false;
  const dated = (x: ReadSentence) => readDates(x.text, ctx.language, ctx.published, "past").dates.some((d) => !d.statement);
  const recalled = perObject((x: ReadSentence): boolean => {
    if (anchors.includes(x) || x.headline) return false;
    if (x.kinds.size > 0 && datedLongBefore(x, ctx)) return true;
    const at = ctx.sentences.indexOf(x);
    const before = ctx.sentences[at - 1];
    return before !== undefined && before.paragraph === x.paragraph && (x.tense === "held" || x.tense === undefined) && !dated(x) && recalled(before);
  });
  return recalled;
}
