// Whose contact a status cue speaks of, where a sentence names two: "The call came on the same day
// that a planned three-way meeting was put off", "Разговор состоялся в тот же день, когда встречу
// отложили", "Розмова відбулася того ж дня, коли зустріч відклали": the meeting was planned and
// moved, not the call.
import type { Kind } from "../record/schema.ts";
import type { ArticleLang } from "./language.ts";
import type { ReadSentence } from "./reading.ts";
import { kindOfNoun } from "./vocabulary.ts";
import { fold } from "./words.ts";

/** Words that open a clause of its own: "that", "when", "as", "когда", "коли", "после того как". */
const SUBORDINATOR = new Set(["that", "when", "as", "while", "after", "before", "since", "which", "where", "что", "когда", "пока", "где", "который", "которая", "которое", "которые", "що", "коли", "поки", "де", "який", "яка", "яке", "які"].map((w) => fold(w)));

/**
 * Is a cue (at its offset) in a clause that opens after this contact's word (at) and names a contact
 * of the other sort (in person where this one is a call, or the reverse)? That clause tells of that
 * contact: its cues are not this one's. The clause runs to the first comma or semicolon after the
 * other contact's noun. ("The summit, agreed on in a phone call, was put off": no clause word, and
 * the cue is the summit's.)
 */
export function cueOfAnotherClause(s: ReadSentence, at: number, cue: number, kind: Kind, lang: ArticleLang): boolean {
  if (cue <= at) return false;
  const opener = s.tokens.findIndex((t) => t.start > at && t.start < cue && SUBORDINATOR.has(t.folded));
  // ("The summit that they agreed on in a call was put off": a clause right after this contact's
  // word tells of this contact.)
  const own = s.tokens.findIndex((t) => t.start >= at);
  if (opener < 0 || opener - own <= 2) return false;
  const noun = s.tokens.findIndex((t, i) => {
    if (i <= opener) return false;
    const k = kindOfNoun(t.text, lang);
    return k !== undefined && k !== "other" && (k === "call") !== (kind === "call");
  });
  if (noun < 0 || /[,;]/u.test(s.text.slice(s.tokens[opener].start, s.tokens[noun].start))) return false;
  const end = s.text.slice(s.tokens[noun].start).search(/[,;]/u);
  return end < 0 || cue < s.tokens[noun].start + end;
}
