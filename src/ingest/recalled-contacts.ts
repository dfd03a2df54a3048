// Which of a story's sentences recall a contact done long before the one it reports, for the
// people of the main contact: "Первым контактом стали переговоры в Эр-Рияде 18 февраля: Лавров и
// Ушаков …", "Далі були два раунди у Стамбулі (27 лютого та 10 квітня) …", "They emerged from the
// meeting in Riyadh on Feb. 18, 2025, where Rubio … met Lavrov" in the story of a summit called
// off or a round to come (or one done in the story's week): a contact told on days weeks before the story is not the one
// reported, and the sentences that go on after it in its paragraph, with no day of their own,
// still tell it ("Putin, accompanied by Lavrov and Ushakov, met Trump …" after "took place in
// Anchorage on Aug. 15, 2025"). Pure; extract.ts asks it before it reads the participants.
import { dayGap, readDates } from "./dates.ts";
import { NEWS_DAYS } from "./events.ts";
import type { Context } from "./draft.ts";
import { perObject } from "./memo.ts";
import { atAside } from "./other-contacts.ts";
import type { ReadSentence, Tense } from "./reading.ts";
import { datedLongBefore, toldDays } from "./story-cues.ts";

/**
 * The test of a sentence recalling an earlier contact, for a main contact to come, moved or
 * called off, or done in the story's days: its own days tell it apart. (A contact done that its
 * anchors date no day of the story's week may be told with days weeks before, as an analysis of a
 * year's talks does.)
 */
export function recalledEarlier(anchors: ReadSentence[], tense: Tense | undefined, ctx: Context): (x: ReadSentence) => boolean {
  const daysOf = (x: ReadSentence) => toldDays(x, ctx).map((d) => d.value);
  if (tense === undefined) return () => false;
  // (A contact done counts so only when its anchors date it in the story's days and nowhere weeks
  // before: "Віткофф і Кушнер у четвер провели з Путіним чотири години … Тиждень тому, 18 червня,
  // у Стамбулі відбувся раунд консультацій. Делегації очолювали Дарчієв і Коултер.")
  if (tense === "held" && !(anchors.some((a) => daysOf(a).some((d) => d.length === 10 && dayGap(d, ctx.published) >= 0 && dayGap(d, ctx.published) <= NEWS_DAYS)) && !anchors.some((a) => datedLongBefore(a, ctx)))) return () => false;
  const dated = (x: ReadSentence) => daysOf(x).length > 0;
  const asideDated = (x: ReadSentence) => readDates(x.text, ctx.language, ctx.published, "past").dates.some((d) => !d.statement && atAside(x, d.index));
  const recalled = perObject((x: ReadSentence): boolean => {
    if (anchors.includes(x) || x.headline) return false;
    // (Not by days in an aside: "Російську делегацію, як і на перших двох зустрічах у січні та
    // лютому, очолював Костюков" compares this contact with those.)
    if (x.kinds.size > 0 && datedLongBefore(x, ctx) && !asideDated(x)) return true;
    const at = ctx.sentences.indexOf(x);
    const before = ctx.sentences[at - 1];
    return before !== undefined && before.paragraph === x.paragraph && (x.tense === "held" || x.tense === undefined) && recalled(before) && !dated(x);
  });
  return recalled;
}
