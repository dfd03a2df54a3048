// The new day of a contact moved, where the sentence gives the old day, the move, then the new days:
// "…, который должен был пройти в воскресенье, 1 февраля, перенесен на следующую неделю: делегации
// встретятся в среду, 4 февраля, и, возможно, продолжат работу в четверг" — on Wednesday, the first
// of the days after the move (talks over several days are dated from their first).
import type { FoundDate } from "./dates.ts";
import type { ReadSentence } from "./reading.ts";
import { STATUS_CUES } from "./vocabulary.ts";

/** The first date after the sentence's word that the contact was moved, if any. */
export function firstDayAfterTheMove(s: ReadSentence, dates: FoundDate[]): FoundDate | undefined {
  const cue = STATUS_CUES.postponed.exec(s.folded);
  if (!cue) return undefined;
  return dates.find((d) => d.index > cue.index && !d.setFor);
}
