// The clauses of a sentence that tell another contact than the one it reports, and whose
// people are that contact's: a time clause put before the news ("Three days after Witkoff spent
// three hours with Putin in the Kremlin, Moscow confirmed that Putin will meet Trump"), and the
// contact a "first since" measures from ("the first meeting of sitting presidents since Putin met
// Joe Biden in Geneva", "первый саммит с июня 2021 года, когда Путин встречался с Байденом"),
// and a call or a summit whose people a list names ("в ходе разговора Путина и Трампа").
// Pure: a read sentence and a name in it, a yes or a no out.
import type { Kind } from "../record/schema.ts";
import type { ArticleLang } from "./language.ts";
import type { Mention } from "./names.ts";
import { AND, JOURNEY_WORD, PREPARERS, SIDE_OPENING } from "./participation-words.ts";
import { perObject } from "./memo.ts";
import { breakAfter, gapAfter } from "./places.ts";
import { personMentions, type ReadSentence } from "./reading.ts";
import { BACKGROUND, COMPARISON, kindOfNoun, PARTICIPATION, SPEECH, SUBJECT_PRONOUN } from "./vocabulary.ts";

/** Words that open a time clause before the news: "after", "после", "після", "following". */
const AFTER = /^(after|following|после|спустя|писля)$/u;
/** How far into the sentence the time clause may open: "Three days after", "Через неделю после". */
const OPENS_WITHIN = 4;

/** "since Putin met Biden", "с тех пор как Путин…", "відтоді як": the words before the clause's subject. */
const SINCE = /(?<![\p{L}])(since|с тех пор,? как|з тих пир,? як|видтоди,? як|видтоди)\s+$/u;
/** "the first since June 2021, when …", "впервые с 2021 года, когда …", "вперше з 2021 року, коли …". */
const SINCE_WHEN = /(?<![\p{L}])(since|с|со|з|из)\s[^,;:]{0,30}\d{4}[^,;:]{0,10},\s*$/u;
const WHEN = /^(when|когда|коли)$/u;
/** The comma inside "после того, как", "с тех пор, как", "з тих пір, як" does not close a clause. */
const CONJUNCTION_COMMA = /^(того|пор|пир)$/u;

/** Is the name inside a clause of the sentence that tells another contact than its news? */
export function inClauseOfAnother(s: ReadSentence, m: Mention): boolean {
  return inFrontedAfter(s, m) || inSinceClause(s, m) || inRelativeOfOther(s, m) || inAfterClause(s, m) || preparesOne(s, m);
}

/** Preparing, as a noun or a verb: "preparations", "подготовку", "підготовку", "готовить" (folded). */
const PREPARATION = /^(prepar\p{L}*|подготов\p{L}*|пидготов\p{L}*|пидготу\p{L}*|готовит\p{L}*|готуват\p{L}*|готуют\p{L}*|готовят)$/u;

/**
 * "Путин и Трамп договорились о встрече, подготовку начнут Лавров и Рубио", "…, підготовку
 * розпочнуть Лавров і Рубіо", "…; Lavrov and Rubio to begin preparations": a clause of preparing
 * that names no contact of its own gives those who prepare another, not this one's people.
 */
function preparesOne(s: ReadSentence, m: Mention): boolean {
  const from = clauseStart(s, m.first);
  const end = clauseEnd(s, m.first);
  if (preparersClause(s, from, end)) return true;
  if (from === 0 && end === s.tokens.length - 1) return false;
  const clause = s.tokens.slice(from, end + 1);
  const contact = clause.some((t) => (["en", "ru", "uk"] as const).some((lang) => kindOfNoun(t.text, lang) !== undefined));
  return !contact && clause.some((t) => PREPARATION.test(t.folded));
}

/** The folded text of the tokens from `from` to `end`. */
const clauseText = (s: ReadSentence, from: number, end: number) => s.folded.slice(s.tokens[from].start, s.tokens[end].start + s.tokens[end].folded.length);

/**
 * "Підготовкою займаються Рубіо та Віткофф, а з російського боку — Ушаков і Лавров", "Подготовкой
 * занимаются Рубио и Уиткофф, с российской стороны — Ушаков", "Preparations are led by Rubio, and on
 * the Russian side by Lavrov": a clause that says who prepares the contact (the contact named as
 * its object or not), and a clause a side's phrase opens with its verb left out after it, name
 * those who prepare, not those who sit in it.
 */
function preparersClause(s: ReadSentence, from: number, end: number): boolean {
  const own = clauseText(s, from, end);
  if (PREPARERS.test(own)) return true;
  // (The gapped clause is the side's phrase with its names, or the names after a side's phrase set off by a dash.)
  let start = from;
  if (!SIDE_OPENING.test(own)) {
    if (start === 0) return false;
    const side = clauseStart(s, start - 1);
    if (!SIDE_OPENING.test(clauseText(s, side, start - 1))) return false;
    start = side;
  }
  if (start === 0 || PARTICIPATION.test(own)) return false;
  const before = clauseStart(s, start - 1);
  return PREPARERS.test(clauseText(s, before, start - 1));
}

/** "after Trump", "после того, как Трамп", "після того, як Трамп": how a time clause opens on its subject (folded, the text before the subject). */
const AFTER_SUBJECT = /(?<![\p{L}])(after|before|после того,? как|перед тем,? как|писля того,? як|перед тим,? як)\s+((president|prime|minister|secretary|special|envoy|us|u\.s\.|russian|american|ukrainian|президент|президента|глава|госсекретар\p{L}*|держсекретар\p{L}*|спецпосланник|спецпосланець)\s+){0,3}$/u;

/**
 * "The meeting comes days after Trump lashed out at Vladimir Putin", "Встреча прошла через
 * несколько дней после того, как Трамп раскритиковал Путина", "після того, як Трамп розкритикував
 * Путіна": a time clause after the news that opens on a person of its own tells what he did
 * before; the others it names, to its end, are in that. (Not a journey to the contact: "the talks
 * began after Witkoff arrived with Driscoll" brings him to it.)
 */
function inAfterClause(s: ReadSentence, m: Mention): boolean {
  const people = personMentions(s);
  const from = clauseStart(s, m.first);
  const subject = people.find((p) => p.first >= from && p.last < m.first && p.named !== m.named && AFTER_SUBJECT.test(s.folded.slice(0, s.tokens[p.first].start)));
  if (!subject || subject.first <= OPENS_WITHIN) return false;
  return !JOURNEY_WORD.test(s.folded.slice(s.tokens[subject.last].start, s.tokens[m.first].start));
}

/** Words that open a time phrase on another contact: "after talks", "following the meeting", "после встречи", "перед переговорами", "після переговорів" (folded). */
const AROUND_OTHER = /^(after|following|before|since|после|перед|писля)$/u;
/** Relative words that open a clause on a contact: "talks that included", "at which", "в которых", "на которой", "где", "в яких", "де". */
const RELATIVE_ON_CONTACT = /^(that|which|where|котор\p{L}*|где|яки\p{L}*|яка|де)$/u;
/** A preposition before a relative word: "in which", "at which", "в которых", "на яких", "у якій". */
const BEFORE_RELATIVE = /^(in|at|during|в|во|на|у)$/u;
/** How far back from the name the relative word may stand, and from it the contact. */
const RELATIVE_REACH = 14;
const ANTECEDENT_REACH = 8;

/**
 * "It was their second meeting, after talks in Riyadh in February that also included Mike Waltz
 * and Steve Witkoff", "после переговоров в Эр-Рияде в феврале, в которых участвовали Уолтц и
 * Уиткофф", "після переговорів в Ер-Ріяді, в яких брали участь Волтц і Віткофф": the people of a
 * relative clause on a contact that "after" or "before" sets beside this one are that contact's.
 * Only a list's commas stand between the relative word and the name ("After talks that ended late,
 * Witkoff flew on" has its own clause after the comma).
 */
function inRelativeOfOther(s: ReadSentence, m: Mention): boolean {
  const people = personMentions(s);
  for (let r = m.first - 1; r >= Math.max(1, m.first - RELATIVE_REACH); r--) {
    const gap = gapAfter(s, r);
    if (/[.;:!?—–()]/u.test(gap) || (gap.includes(",") && !people.some((p) => p.last === r))) return false;
    if (!RELATIVE_ON_CONTACT.test(s.tokens[r].folded)) continue;
    const a = BEFORE_RELATIVE.test(s.tokens[r - 1].folded) ? r - 2 : r - 1;
    for (let k = a; k >= Math.max(1, a - ANTECEDENT_REACH); k--) {
      if (k < a && breakAfter(s, k)) return false;
      const contact = (["en", "ru", "uk"] as const).some((lang) => kindOfNoun(s.tokens[k].text, lang) !== undefined);
      // ("after the talks", "after the February talks", "после переговоров": a word or two between.)
      if (contact && s.tokens.slice(Math.max(0, k - 3), k).some((t) => AROUND_OTHER.test(t.folded))) return true;
    }
    return false;
  }
  return false;
}

/** Does a clause end after the token at k: a comma, a stop or a dash (not the comma of "после того, как")? */
function closes(s: ReadSentence, k: number): boolean {
  const gap = gapAfter(s, k);
  return /[,;:.!?—–]/u.test(gap) && !(CONJUNCTION_COMMA.test(s.tokens[k].folded) && /^,\s*$/u.test(gap));
}

/** The index of the token a clause opened at `from` ends on: the last before a comma, a stop or a dash. */
function clauseEnd(s: ReadSentence, from: number): number {
  for (let k = from; k + 1 < s.tokens.length; k++) {
    if (closes(s, k)) return k;
  }
  return s.tokens.length - 1;
}

/**
 * "Three days after U.S. special envoy Steve Witkoff spent some three hours with President
 * Vladimir Putin, Moscow confirmed that Putin will meet Trump": a time clause that opens the
 * sentence and names people of both sides tells a contact of its own, before the news; its
 * people are that contact's (unless the news names them too). One side alone in it ("After
 * Witkoff landed in Moscow, Putin received him") may be this contact's.
 */
function inFrontedAfter(s: ReadSentence, m: Mention): boolean {
  if (s.headline) return false;
  const open = s.tokens.findIndex((t, i) => i <= OPENS_WITHIN && AFTER.test(t.folded));
  if (open < 0 || s.text.slice(0, s.tokens[open].start).includes(",")) return false;
  const end = clauseEnd(s, open);
  if (end >= s.tokens.length - 1 || m.first <= open || m.last > end) return false;
  const people = personMentions(s);
  const inClause = people.filter((p) => p.first > open && p.last <= end);
  const inNews = people.filter((p) => p.first > end);
  if (new Set(inClause.map((p) => p.named.person.side)).size < 2 || inNews.length === 0) return false;
  return !inNews.some((p) => p.named.person === (m.named.type === "person" ? m.named.person : undefined));
}

/** The index of the first token of the clause the token at `at` stands in. */
function clauseStart(s: ReadSentence, at: number): number {
  for (let k = at - 1; k >= 0; k--) {
    if (closes(s, k)) return k + 1;
  }
  return 0;
}

/**
 * "since Putin met Joe Biden in Geneva in June 2021", "с июня 2021 года, когда Путин встречался
 * с Джо Байденом": the contact a "first since" is measured from, and its people. The clause
 * opens on a subject of its own ("since Putin", "since he"), not on a day ("since Tuesday").
 */
function inSinceClause(s: ReadSentence, m: Mention): boolean {
  const from = clauseStart(s, m.first);
  const subjects = new Set(personMentions(s).map((p) => p.first));
  const opensOnSubject = (j: number) => subjects.has(j) || SUBJECT_PRONOUN.test(s.tokens[j].folded);
  for (let j = from; j <= m.first; j++) if (opensOnSubject(j) && SINCE.test(s.folded.slice(0, s.tokens[j].start))) return true;
  return from > 0 && WHEN.test(s.tokens[from].folded) && from + 1 <= m.first && opensOnSubject(from + 1) && SINCE_WHEN.test(s.folded.slice(0, s.tokens[from].start));
}

/**
 * "Договоренность была достигнута в ходе телефонного разговора Путина и Трампа", "agreed
 * during a call between Putin and Trump", "готує саміт Трампа і Путіна": names right after a
 * call or a summit (whose they are, or "between", "with"), where this contact is neither, are
 * that contact's people.
 */
export function ofCallOrSummit(s: ReadSentence, m: Mention, kind: Kind, lang: ArticleLang): boolean {
  if (kind === "call" || kind === "summit") return false;
  const all = personMentions(s);
  let j = m.first;
  // Back to the list's first name: "Путина и Трампа", "Putin, Trump".
  for (;;) {
    const comma = all.find((o) => o.last === j - 1 && /^\s*,\s*$/u.test(gapAfter(s, o.last)));
    const and = all.find((o) => o.last === j - 2 && AND.test(s.tokens[j - 1].folded) && /^\s+$/u.test(gapAfter(s, o.last)));
    const previous = comma ?? and;
    if (!previous) break;
    j = previous.first;
  }
  if (j > 0 && BETWEEN.test(s.tokens[j - 1].folded)) j--;
  if (j === 0 || /[,;:.!?—–()]/u.test(gapAfter(s, j - 1))) return false;
  const other = kindOfNoun(s.tokens[j - 1].text, lang) ?? (lang === "en" && /^calls?$/u.test(s.tokens[j - 1].folded) ? "call" : undefined);
  return other === "call" || other === "summit";
}

/** "between", "with": what may stand between a contact and its people. */
const BETWEEN = /^(between|with|между|миж|с|со|з|зи|из)$/u;

/** Words that open a relative clause after a comma: "…, who led the previous rounds, …". */
const RELATIVE_WORD = /^(who|whom|which|котор\p{L}*|яки\p{L}*|яка|якого|якому|яку|якою)$/u;
/** A past active participle ("возглавлявший", "руководившего", "участвовавшая"), and "having" ("having led"). */
const PAST_PARTICIPLE = /^(\p{L}{2,}вш(ий|ая|ее|ие|его|ей|ему|им|ими|их|ую|ем|ею)|having)$/u;
/** "що", "что" used for "який", "который" after a name. */
const RELATIVE_THAT = /^(що|что)$/u;
/** Relative words that may follow a name with no comma in English: "Kostyukov that attended", "Umerov who led". */
const RELATIVE_AFTER_NAME = /^(who|that)$/u;
/** A sentence in Latin letters is English (the extractor reads en, ru and uk). */
const lang = (s: ReadSentence) => (/\p{Script=Cyrillic}/u.test(s.text) ? "cyrillic" : "en");

/** Words that open an attribution after a comma: "…, как ранее заявил Зеленский, …", "…, as Peskov said earlier, …". */
const AS_WORD = /^(как|як|as)$/u;
/** The word after "as" that makes it a comparison: "как и", "як і", "as at", "as in", "as with" (folded). */
const COMPARED_AT = /^(и|at|in|with|during)$/u;

/**
 * The asides between commas, as spans of tokens: relative clauses ("Witkoff and Kushner, who
 * have represented the US at all three previous rounds", "Умеров, который возглавлял делегацию
 * на прошлых раундах,"), comparisons ("як і на першій зустрічі") and attributions ("Украинскую делегацию, как ранее заявил Зеленский,
 * вновь возглавит Умеров"). What such an aside recalls is a person's record or when a thing was
 * said, not what the sentence tells of the contact.
 */
const asides = perObject(asidesOf);

function asidesOf(s: ReadSentence): [number, number][] {
  const out: [number, number][] = [];
  const people = personMentions(s);
  for (let k = 1; k < s.tokens.length; k++) {
    // ("the same group led by Adm. Igor Kostyukov that attended the first round", "Umerov who
    // led the last two rounds": in English a relative clause may follow a name with no comma.)
    const afterName = lang(s) === "en" && /^\s+$/u.test(gapAfter(s, k - 1)) && RELATIVE_AFTER_NAME.test(s.tokens[k].folded) && people.some((p) => p.last === k - 1);
    if (!/,\s*$/u.test(gapAfter(s, k - 1)) && !afterName) continue;
    const end = clauseEnd(s, k);
    const attribution = AS_WORD.test(s.tokens[k].folded) && s.tokens.slice(k + 1, Math.min(end + 1, k + 4)).some((t) => SPEECH.test(t.folded));
    // (And comparisons: "Українську команду, як і на першій зустрічі 23–24 січня, очолить Умєров",
    // "as at the first round,".)
    const comparison = AS_WORD.test(s.tokens[k].folded) && COMPARED_AT.test(s.tokens[k + 1]?.folded ?? "");
    // (And a participle's phrase, Russian's relative clause without "который": "адмирал Игорь
    // Костюков, возглавлявший российскую группу на двух предыдущих раундах", "Kostyukov, having
    // led the previous rounds"; and Ukrainian "що" for "який" after a name: "Костюков, що
    // очолював групу на попередніх раундах".)
    const participle = PAST_PARTICIPLE.test(s.tokens[k].folded) || (RELATIVE_THAT.test(s.tokens[k].folded) && people.some((p) => p.last === k - 1));
    if (!RELATIVE_WORD.test(s.tokens[k].folded) && !afterName && !participle && !attribution && !comparison) continue;
    out.push([k, end]);
    k = end;
  }
  return out;
}

/** Does the text at this index stand in an aside ("…, як і на першій зустрічі 23–24 січня, …")? */
export function atAside(s: ReadSentence, index: number): boolean {
  return asides(s).some(([first, last]) => s.tokens[first].start <= index && index <= s.tokens[last].start);
}

/** The sentence's folded words less its asides. */
export function withoutAsides(s: ReadSentence): string {
  let out = "";
  let from = 0;
  for (const [first, last] of asides(s)) {
    out += s.folded.slice(from, s.tokens[first].start);
    from = last + 1 < s.tokens.length ? s.tokens[last + 1].start : s.folded.length;
  }
  return out + s.folded.slice(from);
}

/** The asides' spans of tokens, first and last (see asides). */
export const asideSpans = (s: ReadSentence): [number, number][] => asides(s);

/** Does the name stand in an aside ("Witkoff, who met Putin in August, …")? */
export function inAside(s: ReadSentence, m: Mention): boolean {
  return asides(s).some(([first, last]) => first <= m.first && m.last <= last);
}

/** Does the sentence recall an earlier contact only in an aside ("…, who have represented the US at all three previous rounds")? */
export function recallsOnlyInAside(s: ReadSentence): boolean {
  return s.background && !BACKGROUND.test(withoutAsides(s).replace(COMPARISON, ""));
}

/**
 * A delegation told as done: "российскую делегацию тогда возглавил Костюков", "the Russian
 * delegation was headed by Medinsky", "очолював Умєров", "attended", "took part", and one sent
 * ("Russia sent a more senior team led by Medinsky", "Москва направила делегацию во главе с
 * Мединским", "Київ надіслав делегацію"). In a story of a contact still to come, moved or
 * called off, that is an earlier contact's.
 */
const TOLD_DONE = /(?<![\p{L}])((was|were) (led|headed|represented|attended)|sent (a|an|its|the|his|her|their) (\p{L}+ ){0,3}(delegation|team)|(направил|направила|направили|отправил|отправила|отправили|надислав|надислала|надислали|видправив|видправила|видправили|направив|направила|направили) (\p{L}+ ){0,2}(делегац|команд)\p{L}*|(led|headed) (the|a|its|his|her|their) (\p{L}+ ){0,2}(delegation|team|side|talks)|attended|took part|participated|возглавил\p{L}*|возглавлял\p{L}*|участвовал\p{L}*|(принимал|принял)\p{L}* участие|входил\p{L}*|вошл\p{L}*|вошел|подключил\p{L}*|представлял\p{L}*|присутствовал\p{L}*|очолив|очолила|очолили|очолював\p{L}*|(брав|брала|брали|взяв|взяла|взяли) участь|увийшл\p{L}*|увийшов|входив|входила|входили|представляв\p{L}*|представлял\p{L}*|приеднав\p{L}*|приеднал\p{L}*)(?![\p{L}])/u;

/** Does the sentence tell a delegation or a presence as done (outside its asides)? */
export function toldTakingPart(s: ReadSentence): boolean {
  return TOLD_DONE.test(withoutAsides(s));
}
