// Where a name stands in its sentence's grammar: the one who speaks ("Zelensky said", "заявил
// Рябков", "according to him"), the one after "with", the one a relative clause goes on about.
// Split from reading.ts, which reads the sentence; participants.ts, speakers.ts, roles.ts and
// asides.ts ask these of each name they weigh.
import type { Mention } from "./names.ts";
import type { ReadSentence } from "./reading.ts";
import { perPair } from "./memo.ts";
import { breakAfter, gapAfter } from "./places.ts";
import { SPEECH } from "./vocabulary.ts";
import { fold, type Token } from "./words.ts";

/** Is the mention the subject or source of a statement ("Zelensky said", "заявил Рябков")? */
export const isSpeaker = perPair(speakerOf);

function speakerOf(s: ReadSentence, m: Mention): boolean {
  // "Ушаков: Путин и Трамп поговорили", "… — Zelensky": a headline's source.
  const last = s.tokens[m.last];
  const after = s.text.slice(last.start).replace(/^[\p{L}\p{M}'’ʼ.-]+/u, "");
  if (/^\s*:/.test(after)) return true;
  // "Как заявил советник Трампа по национальной безопасности Майк Уолтц, самолет …", "Як
  // повідомив …, ", "As … said,": an attribution that opens the sentence runs to its comma.
  const opener = AS_SAID.exec(s.folded);
  if (opener && [opener[2], opener[3]].some((w) => w !== undefined && SPEECH.test(w)) && !s.text.slice(0, s.tokens[m.last].start).includes(",")) return true;
  // "Trump says he will speak with Putin on Monday", "заявил, что встретится с Уиткоффом": the
  // one spoken with is not the one speaking; nor is a name inside another's "who took part
  // alongside …".
  if (objectOfWith(s, m) || insideRelativeClause(s, m)) return false;
  // "Ушаков об итогах разговора", "Zelensky on the talks": a headline's commentator.
  if (s.headline && /^(об|о|про|about|on)$/u.test(s.tokens[m.last + 1]?.folded ?? "")) return true;
  // "… may take place in March — Zelensky": the source after a dash at a headline's end.
  // (So in a line set as a headline below the page's own: "⚡️Путин и Трамп встретятся в
  // ближайшие дни — Ушаков", with no stop at its end.)
  if ((s.headline || !/[.!?…]["»”]?\s*$/u.test(s.text)) && m.last === s.tokens.length - 1 && /[—–-]\s*$/.test(s.text.slice(0, s.tokens[m.first].start))) return true;
  // Titles stand between a verb and a name: "заявив заступник глави МЗС РФ Сергій Рябков".
  // A pronoun, "that" or a verb of meeting between them starts another clause, whose object
  // the name is ("Trump says he will meet Putin"); another name after it is the speaker
  // ("will receive Witkoff, Peskov said").
  let from = Math.max(0, m.first - 6);
  // ("як заявив Ушаков, увійдуть міністр Сергій Лавров": a name between the verb and this one is
  // the speaker, and this one is what he said.)
  for (let i = m.first - 1; i >= from; i--) {
    if (CLAUSE_BREAK.test(s.tokens[i].folded) || s.mentions.some((o) => o !== m && o.named.type === "person" && o.last === i)) {
      from = i + 1;
      // ("Donald Trump says Steve Witkoff's talks with Putin produced progress": the verb right
      // after another's name is his, and this one is in what he said.)
      // (Not past a quote's end: "«… очолить Умєров», – сказав Зеленський".)
      const plain = /^\s+$/u.test(s.text.slice(s.tokens[i].start, s.tokens[from].start).replace(/^[\p{L}\p{M}'’ʼ.-]+/u, ""));
      if (from < m.first && plain && SPEECH.test(s.tokens[from].folded) && s.mentions.some((o) => o !== m && o.named.type === "person" && o.last === i)) from++;
      break;
    }
  }
  // "Зеленський під час спілкування з журналістами … повідомив", "Putin, speaking to reporters,
  // said", "Песков в интервью": one who speaks to the press where the name stands is its source.
  for (let i = m.last + 1; i <= Math.min(s.tokens.length - 1, m.last + 5); i++) {
    if (CLAUSE_BREAK.test(s.tokens[i].folded) || s.mentions.some((o) => o !== m && o.named.type === "person" && o.first === i)) break;
    if (TO_THE_PRESS.test(s.tokens[i].folded)) return true;
  }
  // ("Американську сторону, як зазначив Президент, представлятимуть … Віткофф", "как сообщил
  // Песков,", "as the president said,": an attribution set off by commas is its own subject's.)
  for (let k = m.first - 1; k >= from; k--) {
    if (!gapAfter(s, k).includes(",")) continue;
    let open = k;
    while (open > 0 && !gapAfter(s, open - 1).includes(",")) open--;
    if (open > 0 && /^(как|як|as)$/u.test(s.tokens[open].folded)) from = k + 1;
    break;
  }
  let to = Math.min(s.tokens.length - 1, m.last + 4);
  for (let i = m.last + 1; i <= to; i++) {
    // "Rubio hosts Ukraine's Sybiha, says Russia must …": a verb right after a comma is the
    // subject's, not the name's before the comma (an apposition, "Ryabkov, Russia's deputy
    // foreign minister, said", keeps its speaker).
    const commaVerb = i === m.last + 1 && /^[^\p{L}\d]*,\s*$/u.test(s.text.slice(s.tokens[m.last].start + s.tokens[m.last].text.length, s.tokens[i].start)) && SPEECH.test(s.tokens[i].folded);
    if (commaVerb || CLAUSE_BREAK.test(s.tokens[i].folded) || s.mentions.some((o) => o !== m && o.named.type === "person" && o.first === i) || saidByNext(s, m, i)) {
      to = i - 1;
      break;
    }
  }
  const window = s.tokens
    .slice(from, to + 1)
    .map((t) => t.folded)
    .join(" ")
    .replace(HIS_WORDS, " ");
  // "Дарчиев говорил, что следующая встреча пройдет в Москве", "Умєров казав, що": "talked"
  // is saying only with "that" after it ("говорил с Путиным" is a call).
  const thatAt = s.tokens[to + 1]?.start ?? s.folded.length;
  return SPEECH.test(window) || TALKED_THAT.test(s.folded.slice(s.tokens[m.last].start, thatAt + 4));
}

/** "Как заявил", "Як повідомив", "As Peskov said": a word of "as" and the verb a word or two on, opening a sentence (folded). */
const AS_SAID = /^(как|як|as)\s+(?:(\p{L}+)\s+)?(\p{L}+)/u;

/** "говорил, что", "казав, що": a verb of talking made one of saying by the "that" after it (folded). */
const TALKED_THAT = /(?<![\p{L}])(говорил|говорила|говорили|говорит|говорят|говорив|казав|казала|казали|каже|кажуть)\s*,\s*(что|що)(?![\p{L}])/u;

/**
 * "«Делегацію очолить Рустем Умєров», – сказав Зеленський", "Umerov will lead it," said Zelensky:
 * a verb of saying after a quote's end or a comma, with another person named right after it (through
 * his title), is that person's; the name before it is what he said.
 */
function saidByNext(s: ReadSentence, m: Mention, i: number): boolean {
  if (!SPEECH.test(s.tokens[i].folded)) return false;
  if (!/[»"”,—–]/u.test(s.text.slice(s.tokens[m.last].start, s.tokens[i].start).replace(/^[\p{L}\p{M}'’ʼ.-]+/u, ""))) return false;
  return s.mentions.some((o) => o !== m && o.named.type === "person" && o.first > i && o.first <= i + 4);
}

/** "по его словам", "за його словами", "according to him": the words of one named before, whose
 * pronoun makes no name beside it the speaker ("З американського боку, за його словами, участь
 * візьмуть Віткофф і Кушнер"). Folded: її is ии, їх is их. */
const HIS_WORDS = /(?<![\p{L}])(по (его|ее|их) словам|за (його|ии|их) словами|according to (him|her|them))(?![\p{L}])/gu;

/** Words that make the contact after them a journey's purpose: "для встречи", "for talks", "на переговоры". */
export const PURPOSE = /(?<![\p{L}])(для|for|на(?=\s+(переговоры|переговори|встречу|зустрич)))\s+(\p{L}+\s+)?$/u;

/** A journey's verb: "прилетел", "прибув", "arrived", "flew", "travels". ("Putin hosts envoys
 * for talks that run past midnight": the talks are no journey's purpose.) */
export const JOURNEY = /(?<![\p{L}])(arriv|fly|flies|flew|flown|travel|прилет|прибы|прибил|приехал|приед|вилет|прибув|прибуде|прилитае|прилетив|прилетит|вилетив|вируш|поихав|поедет|поиде)/u;

export const AFTER_IT = /(?<![\p{L}])(after|following|после|писля|по итогам|за пидсумками|по результатам|за результатами)\s+(["«»“”„'‘’]?\p{L}[\p{L}'’-]*["«»“”„'‘’]?\s+){0,3}$/u;

/** Words of speaking to the press (folded): "journalists", "reporters", "интервью", "брифинге", "speaking". */
const TO_THE_PRESS = /^(reporters|journalists|interview|speaking|press|briefing|журналист\p{L}*|интервью|интервю|брифинг\p{L}*|пресконференц\p{L}*|пресс|прес|виступая|виступаючи)$/u;

/** Words that open a clause of its own between a verb of saying and a name. */
const CLAUSE_BREAK = /^(he|she|they|it|that|will|would|to|он|она|они|что|чтобы|вин|вона|вони|що|щоб|meet|meets|met|meeting|speak|spoke|call|calls|called|host|hosts|hosted|receive|receives|received|встретится|встретиться|встретился|встречи|встречу|поговорит|поговорил|примет|принял|зустринеться|зустрився|зустрич|зустричи|поговорить|поговорив|прийме|прийняв)$/u;
const WITH = /^(with|between|alongside|с|со|между|з|из|зи|миж|вместе|разом)$/u;
const RELATIVE = /^(who|whom|котор\p{L}*|яки\p{L}*|яка|якого|якому)$/u;

/** "with Russian President Vladimir Putin", "с президентом России Владимиром Путиным": the name
 * is the object of "with", its title and other names between. */
export function objectOfWith(s: ReadSentence, m: Mention): boolean {
  for (let i = m.first - 1; i >= Math.max(0, m.first - 6); i--) {
    const t = s.tokens[i];
    if (WITH.test(t.folded)) return true;
    // "with Moscow and met … Putin", "between Israel and Hamas on … Trump's plan": another
    // name between is what "with" governs (a country in the title is not: "with Russian President").
    if (s.mentions.some((o) => o !== m && o.named.type !== "country" && o.first <= i && i <= o.last)) return false;
    if (breakAfter(s, i)) return false;
    if (SPEECH.test(t.folded)) return false;
  }
  return false;
}

/** The words of a relative clause right after a name ("Ushakov, who took part …,"), or undefined. */
export function relativeClauseAfter(s: ReadSentence, m: Mention): string | undefined {
  const next = s.tokens[m.last + 1];
  if (!next || !RELATIVE.test(next.folded)) return undefined;
  if (!/,/.test(s.text.slice(s.tokens[m.last].start, next.start))) return undefined;
  const rest = s.text.slice(next.start);
  return fold(rest.split(/[,;—–]/)[0]);
}

/** Is the name inside a relative clause about another name ("Ushakov, who took part alongside Dmitriev, told")? */
function insideRelativeClause(s: ReadSentence, m: Mention): boolean {
  for (let i = m.first - 1; i >= Math.max(0, m.first - 10); i--) {
    const t = s.tokens[i];
    if (breakAfter(s, i)) return false;
    if (RELATIVE.test(t.folded)) return /,\s*$/.test(s.text.slice(0, t.start));
  }
  return false;
}

/** Is a name written in the English possessive ("Putin's offer")? */
export function possessive(text: string, tokens: Token[], m: Mention): boolean {
  const last = tokens[m.last];
  return /^['’]s(?![\p{L}])/u.test(text.slice(last.start + last.text.length));
}
