// Why a story that names a contact between the followed sides in its headline or lead still
// reports none as its news: nothing is done to the contact, it is denied or said not to exist,
// or it is recalled from weeks before. Pure, as the rest of src/ingest/; extract.ts asks this of
// the main contact before keeping it.
import { dayGap, readDates } from "./dates.ts";
import { A_KIND, type Context, type Draft, type EventReading } from "./draft.ts";
import { FOLLOWED, NEWS_DAYS, ofABody } from "./events.ts";
import { follows } from "./news.ts";
import type { ReadSentence } from "./reading.ts";
import { THEN } from "./participation-words.ts";
import { DENIED, HYPOTHETICAL, NOT_PLANNED } from "./vocabulary.ts";
import { EXPECTED_CONTACT, MARKET, NOT_A_MATCH, SPORT, SWAP } from "./topic-words.ts";

// Patterns run over folded text (words.ts: і, ї → и; є, ё → е), so they are written folded.

/**
 * "no strategic stability talks with US", "никаких консультаций", "жодних переговорів": the
 * contact named only to say there is none. So with up to three words that say which talks, as
 * English stacks them before the noun and Russian and Ukrainian put adjectives there: "no formal
 * arms control negotiations", "никаких официальных российско-американских переговоров", "жодних
 * офіційних російсько-американських перемовин". (Not "no deal at the talks", "no date for the
 * summit", "нет сомнений, что переговоры": a word of place, purpose or doubt sets it apart.)
 */
const NONE = /(?<![\p{L}])(no|никаких|нет|жодних|немае)\s+((?!(in|at|on|from|after|with|of|for|to|by|the|a|an|that|в|на|о|об|по|с|у|з|про|для|после|писля|что|що|и|а|но|але)(?![\p{L}])|doubt|deal|progress|сомнен|сумнив)\p{L}+(-\p{L}+)*\s+){0,3}(talks|consultations|contacts?|dialogue|negotiations|meetings?|calls?|summit|переговор|консультаци|контакт|диалог|встреч|зустрич|перемовин|разговор|розмов|саммит|самит)/u;

/**
 * "neither a new summit nor a phone call on the horizon", "ни новой встречи, ни разговора не
 * предвидится", "ні нової зустрічі, ні розмови": a pair of contacts named only to say there is
 * neither (folded: "ні" is "ни"). Up to three words before the first noun, as with NONE.
 */
const NEITHER = /(?<![\p{L}])(neither|ни)\s+((a|an|any|the)\s+)?(\p{L}+(-\p{L}+)*\s+){0,3}?(talks|consultations|contacts?|dialogue|negotiations|meetings?|calls?|summit|переговор|консультаци|контакт|диалог|встреч|зустрич|перемовин|разговор|розмов|саммит|самит)[^.;:!?]{0,100}?((?<![\p{L}])nor|,\s*ни)(?![\p{L}])/u;

/** The main contact's draft and the sentences that name it, as chooseNews gives them. */
export function whyNotNews(event: EventReading, main: Draft, ctx: Context): string | undefined {
  // "Trump says Putin is not interested in peace talks": talks are named, but nothing is
  // reported done to them (held, set, announced, moved, called off) and no day is given.
  // So does an analysis whose only word of what became of it is a supposition further down
  // ("навіть якщо саміт ніколи не відбудеться", "even if the summit never takes place").
  const supposed = main.date === null && statusSupposed(event, main, ctx);
  // Nor does one whose only word of what became of it is a sentence further down that recalls
  // weeks before ("Переговорный процесс зашел в тупик … В конце октября Трамп отменил встречу",
  // "Talks have stalled … In late October, Trump called off the summit", "Переговори зайшли в
  // глухий кут … Наприкінці жовтня Трамп скасував зустріч"): an analysis of talks stalled.
  const fromARecall = main.date === null && statusRecalled(event, main, ctx);
  // Nor does one that names talks only as what something could spoil ("нові санкції можуть
  // зірвати переговори", "sanctions could derail the talks") with no day of their own.
  const threatened = main.date === null && event.anchors.some((a) => THREATENS.test(a.folded));
  if ((main.guessed.includes("status") && main.date === null) || supposed || fromARecall || threatened) return `speaks of ${A_KIND[main.kind]} but reports none held, set, announced, moved or called off`;
  // "No call between Putin and Trump is planned": the contact is named to be denied.
  // "Kremlin denies report that a Putin-Trump meeting is being prepared", "Песков опроверг
  // сообщения о подготовке встречи": the headline or the lead denies the contact it names.
  const denied = (main.status === "announced" || main.status === "scheduled") && event.anchors.some((x) => NOT_PLANNED.test(x.folded) || DENIED.test(x.folded));
  if (denied) return `says no ${main.kind === "other" ? "visit" : main.kind} is planned`;
  // "Во вторник суд предъявил ему обвинения … Следующее заседание назначено на 3 февраля": a
  // session named in a paragraph about a court is the court's hearing.
  if (event.anchors.every((a) => SESSION.test(a.folded) && ctx.sentences.some((x) => x.paragraph === a.paragraph && COURT.test(x.folded)))) return "reports a court's hearing, not a contact";
  // (A contact between other sides is dropped for being theirs.)
  if (!follows(main.parties)) return undefined;
  // "Poll: most Russians back a Putin-Trump meeting", "Опрос: большинство россиян поддерживают
  // встречу Путина и Трампа", "Опитування: більшість українців не вірять у зустріч": where every
  // line of the headline and lead that names the contact names a poll too, the news is what people
  // think of it, not the contact.
  const naming = event.anchors.filter((a) => a.kinds.size > 0);
  if (!event.secondary && naming.length > 0 && naming.every((a) => POLL.test(a.folded))) return `reports a poll about ${A_KIND[main.kind]}, not a contact`;
  if (!event.secondary && aMarketStory(event, ctx)) return `a market story: ${A_KIND[main.kind]} is what traders expect, not a contact reported`;
  // "В четверг Путин, выступая на заседании клуба «Валдай», предостерег США", "виступаючи на засіданні
  // клубу «Валдай»", "speaking at a plenary session of the Valdai club": where every line of the
  // headline and lead that names a contact names a body's own session, the other side is only spoken of.
  if (!event.secondary && naming.length > 0 && naming.every((a) => SESSION.test(a.folded) && ofABody(a))) return `reports a session of a body, not a contact`;
  // "Opinion: Why a Putin-Trump summit would change nothing", "Мнение: …", "Колонка: …", "Думка:
  // …": a headline labelled a column argues about a contact; with no day for it, it reports none.
  const headline = ctx.sentences.find((x) => x.headline);
  if (!event.secondary && main.date === null && headline && COLUMN.test(headline.folded)) return `an opinion column on ${A_KIND[main.kind]}, not a report of one`;
  // "Russian and American students met in Moscow", "Российские и американские бизнесмены провели
  // встречу", "Школярі з Росії та США зустрілися": people of the two countries, named by no one
  // and no office, meet as themselves; their states hold no contact.
  if (!event.secondary && main.participants.length === 0 && naming.length > 0 && naming.every((a) => CIVILIANS.test(a.folded))) return `reports ${A_KIND[main.kind]} of private people, not of their states`;
  // "Ryabkov: no strategic stability talks with US": the first contact its sentence names is
  // named to say there is none.
  if (!event.secondary && event.anchors.some(saysNone)) return `names ${A_KIND[main.kind]} only to say there is none`;
  // "Ровно три месяца назад, 15 августа, Путин и Трамп встретились в Анкоридже": an analysis or
  // a follow-up opens on a contact done weeks before; that is what it recalls, not its news. So
  // is one read as to come but dated weeks before the story ("який наприкінці жовтня приїжджав
  // до США і зустрічався з Віткоффом у Маямі" in November): no contact to come has a day gone by.
  const moved = main.status === "cancelled" || main.status === "postponed";
  if (!moved && main.date && recalled(main.date, ctx.published)) return `recalls ${A_KIND[main.kind]} of ${main.date}, and reports no new one`;
  return undefined;
}

/**
 * Is it a sports story: does its headline (the lead, where it has none) speak of a match, a
 * tournament or a league and name no contact that is never a match? Its "встреча", "зустріч",
 * "meeting" is a game ("Российско-американская встреча: Андреева сыграет с американкой",
 * "Російсько-американська зустріч у фіналі турніру", "NHL cool to hockey 'meeting' with KHL"),
 * and a contact of the leaders it goes on to name (the call the idea of a match came from) is
 * its background. (Not "Putin and Trump discuss hockey matches in a call": a call is no game.)
 */
export function aSportsStory(sentences: ReadSentence[]): boolean {
  const headline = sentences.find((s) => s.headline);
  const lead = sentences.find((s) => !s.headline && s.tokens.length >= 5);
  const top = headline ?? lead;
  if (top === undefined || NOT_A_MATCH.test(top.folded)) return false;
  if (SPORT.test(top.folded)) return true;
  // ("Россия — США в Абу-Даби. Медведев и Фриц проведут встречу в пятницу", "Russia v USA in Dubai:
  // Rublev and Shelton meet on Saturday": a headline that names only a "meeting" leaves it to the
  // lead to say it is a game, "сыграет … в рамках турнира", "will play … at an exhibition event".
  // Not where it names officials of both followed sides: "Putin and Trump to meet in Budapest" over
  // "… and may attend a hockey match" is their summit.)
  const officials = new Set(top.mentions.flatMap((m) => (m.named.type === "person" && !m.named.person.reports ? [m.named.person.side] : [])));
  return top === headline && top.kinds.size > 0 && lead !== undefined && SPORT.test(lead.folded) && !NOT_A_MATCH.test(lead.folded) && !FOLLOWED.every((p) => officials.has(p));
}

/**
 * Is it a story of an exchange of prisoners or of the dead, whose headline and lead name no other
 * contact ("Russia and Ukraine swap 185 prisoners each", "Россия и Украина провели обмен пленными",
 * "Україна повернула тіла 1000 загиблих")? The talks that agreed it, its mediators and what the
 * leaders said that day are its background, however fresh.
 */
export function aSwapStory(sentences: ReadSentence[]): boolean {
  const headline = sentences.find((s) => s.headline);
  const lead = sentences.find((s) => !s.headline && s.tokens.length >= 5);
  const top = headline ?? lead;
  // (A lead that tells the exchange itself may misread a word of it as a contact: "handed over the
  // bodies … and received 24 in return".)
  return top !== undefined && SWAP.test(top.folded) && top.kinds.size === 0 && (lead === undefined || lead.kinds.size === 0 || SWAP.test(lead.folded));
}

/**
 * Does the story report a market ("Rouble firms as call hopes lift sentiment", "Рубль укрепился
 * на фоне ожиданий разговора Путина и Трампа", "Рубль зміцнився на тлі очікувань розмови") whose
 * headline and lead name the contact only as what traders hope for or expect? (A market report of
 * a call held the evening before reports the call.)
 */
function aMarketStory(event: EventReading, ctx: Context): boolean {
  const naming = event.anchors.filter((a) => a.kinds.size > 0);
  const top = ctx.sentences.filter((s) => s.headline || s === ctx.sentences.find((x) => !x.headline && x.tokens.length >= 5));
  return naming.length > 0 && top.some((s) => MARKET.test(s.folded)) && naming.every((a) => EXPECTED_CONTACT.test(a.folded));
}

/**
 * Does the sentence go on with the recall of the one before it ("Последний разговор состоялся 16
 * октября. Тогда президенты договорились о саммите …", "The last call was on 16 October. At the
 * time the presidents agreed on a summit …", "Остання розмова відбулася 16 жовтня. Тоді …")? What
 * it tells of (an agreement, a summit called off later) is recalled with it.
 */
export function thenOfARecall(s: ReadSentence, ctx: Context): boolean {
  const before = ctx.sentences[ctx.sentences.indexOf(s) - 1];
  // ("Тогда", "Тоді", "Then", "At the time" opening it: its time is the one the sentence before gave.)
  if (before === undefined || THEN.exec(s.folded)?.index !== 0) return false;
  // (The one before recalls when it says so, "последний раз", or tells a contact done weeks before.)
  return before.background || (before.tense === "held" && readDates(before.text, ctx.language, ctx.published, "past").dates.some((d) => !d.statement && recalled(d.value, ctx.published)));
}

/** Does the sentence date what it tells weeks before the story ("В октябре …" in mid-November), not only when it was said? */
export function datedWeeksBefore(s: ReadSentence, ctx: Context): boolean {
  return readDates(s.text, ctx.language, ctx.published, "past").dates.some((d) => !d.statement && recalled(d.value, ctx.published));
}

/** "poll", "survey", "опрос", "соцопрос", "опитування", "respondents", "социологи": an opinion poll (folded). */
const POLL = /(?<![\p{L}])(polls?|polled|pollsters?|surveys?|respondents|опрос|опроса|опросе|опросу|опросов|соцопрос\p{L}*|опитуванн\p{L}*|респондент\p{L}*|социолог\p{L}*)(?![\p{L}])/u;

/** "Opinion:", "Op-ed |", "Мнение:", "Колонка:", "Думка:", "Погляд —": a headline's label for a column (folded). */
const COLUMN = /^(opinion|op-ed|commentary|column|мнение|колонка|комментарий|думка|погляд|блог|blog)\s*[:|—–-]/u;

/** People who are no state's: students, business people, scientists, athletes, artists and the like (folded stems). */
const CIVIL = `(students?|schoolchildren|pupils|scientists|scholars|academics|businessmen|businesspeople|business leaders|business|entrepreneurs|companies|athletes|artists|musicians|journalists|veterans|astronauts|cosmonauts|clergy|priests|activists|volunteers|tourists|children|teenagers|bloggers|студент\\p{L}*|школьник\\p{L}*|школяр\\p{L}*|учени(е|х)|науковц\\p{L}*|бизнес\\p{L}*|предпринимател\\p{L}*|пидприемц\\p{L}*|компани\\p{L}*|спортсмен\\p{L}*|артист\\p{L}*|музикант\\p{L}*|музыкант\\p{L}*|журналист\\p{L}*|ветеран\\p{L}*|астронавт\\p{L}*|космонавт\\p{L}*|священ\\p{L}*|активист\\p{L}*|волонтер\\p{L}*|турист\\p{L}*|дети|детей|дити|дитей|подростк\\p{L}*|пидлитк\\p{L}*|блогер\\p{L}*)`;

/** "Russian and American students", "российские и американские бизнесмены", "школярі з Росії та США": the two countries' people as such (folded). */
const CIVILIANS = new RegExp(`(?<![\\p{L}])((russian|american|us|u\\.s\\.|российск\\p{L}*|американск\\p{L}*|российськ\\p{L}*|американськ\\p{L}*)\\s+(\\p{L}+\\s+)?${CIVIL}|${CIVIL}\\s+(from|из|з|из|зи)\\s+(russia|the united states|the us|the u\\.s\\.|america|россии|росии|сша|америки))(?![\\p{L}])`, "u");

/** "derail the talks", "сорвать переговоры", "зірвати переговори": a contact named as what could be spoiled. */
const THREATENS = /(?<![\p{L}])(derail|jeopardi[sz]e|torpedo|undermine|сорвать|сорвут|сорвет|зирвати|зирвуть|зирве|пидирвати|подорвать)(?![\p{L}])[\s"«»“”„']+(the\s+|these\s+|эти\s+|ци\s+)?(\p{L}+\s+)?(talks|negotiations|meeting|summit|переговор|встреч|саммит|перемовин|зустрич|самит)/u;

/** "заседание", "засідання", "session", "plenary": a session, of delegations, of a court or of a body. */
const SESSION = /(?<![\p{L}])(заседан|засидан|session|plenary|пленарн)/u;

/** "суд", "court", "судья", "суддя", "присяжные": a court. */
const COURT = /(?<![\p{L}])(суд|суда|суде|суди|суду|судом|court|judge|судья|судьи|суддя|присяжн)(?![\p{L}])/u;

/** Between words of a cue: spaces, and the quotes a phrase may be cited in. */
const GAP = `[\\s"«»“”„'’]+`;

/** A word within a cue: letters, joined by hyphens ("российско-американского", "US-Russian"). */
const WORD = `\\p{L}+(-\\p{L}+)*`;

/** Between the words that lead from a cue to the contact: also a dash or a comma. */
const LINK = `[\\s"«»“”„'’,—–]+`;

/**
 * "briefed India on the outcome of the summit", "проинформировал о результатах переговоров",
 * "поділився оцінками своєї зустрічі з Трампом": a contact told of in another one, as its topic.
 * So is one whose outcome or prospects two others discussed or traded views on: "discussed the
 * outcome of the talks in Riyadh", "обменялись оценками … и обсудили итоги переговоров",
 * "обговорили підсумки переговорів у Ер-Ріяді".
 * (Not "told reporters about the call": speaking of a contact to the press is reporting it.)
 */
const BRIEFED_ON = new RegExp(`(?<![\\p{L}])(briefed|informed|поинформував|проинформував|проинформировал\\p{L}*|(shared|exchanged|поделил\\p{L}*|подилив\\p{L}*|обменял\\p{L}*|обминял\\p{L}*)${GAP}(\\p{L}+${GAP})?(assessments?|impressions?|views|оценк\\p{L}*|впечатлени\\p{L}*|мнени\\p{L}*|оцинк\\p{L}*|вражен\\p{L}*|думк\\p{L}*)|(discussed|обсудил\\p{L}*|обсуждал\\p{L}*|обговорил\\p{L}*|обговорив|обговорювал\\p{L}*)${GAP}(the${GAP})?(outcomes?|results?|prospects|итог\\p{L}*|результат\\p{L}*|перспектив\\p{L}*|пидсумк\\p{L}*))${LINK}(${WORD}${LINK}){0,6}?(summit|meeting|talks|call|conversation|dialogue|саммит|встреч|переговор|разговор|диалог|самит|зустрич|розмов|перемовин)`, "u");

/** Is the sentence's contact the topic another one was told of ("briefed Xi on his summit with Trump")? */
export function briefedOn(s: ReadSentence): boolean {
  const cue = BRIEFED_ON.exec(s.folded);
  if (!cue) return false;
  const first = KIND_WORD.exec(s.folded);
  return first !== null && first.index >= cue.index;
}

/** "if", "even if", "якщо", "если": a supposition, as HYPOTHETICAL's hopes and questions are. */
const SUPPOSED = /(?<![\p{L}])(if|якщо|если|навить коли)(?![\p{L}])/u;

/** Is the status read from a sentence below the headline and the lead that only supposes? */
function statusSupposed(event: EventReading, main: Draft, ctx: Context): boolean {
  const from = ctx.sentences.find((s) => s.text === main.evidence.status);
  return from !== undefined && !event.anchors.includes(from) && (SUPPOSED.test(from.folded) || HYPOTHETICAL.test(from.folded));
}

/**
 * Is the status read from a sentence below the headline and the lead that dates itself weeks before
 * the story? Or that goes on in a paragraph that opens so: "28 февраля начались удары по Ирану.
 * Запланированный на начало марта раунд был отложен" in a story of 20 March, "On 28 February the
 * strikes began. The round set for early March was postponed", "28 лютого почалися удари. Раунд,
 * запланований на початок березня, відклали" tell the weeks before the story in order.
 */
function statusRecalled(event: EventReading, main: Draft, ctx: Context): boolean {
  const from = ctx.sentences.find((s) => s.text === main.evidence.status);
  if (from === undefined || event.anchors.includes(from)) return false;
  const told = ctx.sentences.filter((s) => s === from || (!s.headline && s.paragraph === from.paragraph && s.index < from.index && !event.anchors.includes(s)));
  return told.some((s) => readDates(s.text, ctx.language, ctx.published, "past").dates.some((d) => !(s !== from && d.statement) && recalled(d.value, ctx.published)));
}

/** Does the sentence's first contact stand in "no … talks", "никаких переговоров", "neither … nor"? */
function saysNone(s: ReadSentence): boolean {
  // ("Three months after the Alaska summit, there is neither …", "Спустя три месяца после саммита
  // никаких контактов …": a contact that times the sentence is not the one it speaks of.)
  const folded = s.folded.replace(AFTER_A_CONTACT, (w) => " ".repeat(w.length));
  const none = NONE.exec(folded) ?? NEITHER.exec(folded);
  if (!none) return false;
  const first = KIND_WORD.exec(folded);
  return first !== null && first.index >= none.index && first.index < none.index + none[0].length;
}

/** "after the Alaska summit", "после саммита", "після зустрічі", "since their call": a contact that times another (folded). */
const AFTER_A_CONTACT = /(?<![\p{L}])(after|since|following|после|спустя|писля|с момента|з моменту)\s+(\p{L}+[\s-]+){0,3}?(talks|contacts?|meetings?|calls?|summit|round|переговор|контакт|встреч|зустрич|перемовин|разговор|розмов|саммит|самит|раунд)\p{L}*/gu;

/** The first word of a sentence that names a contact. */
const KIND_WORD = /(?<![\p{L}])(talks|consultations|contacts?|dialogue|negotiations|meet|meetings?|calls?|summit|round|переговор|консультаци|контакт|диалог|встреч|встрет|зустрич|перемовин|разговор|розмов|саммит|самит|раунд)/u;

/** Was a contact done on this day (or in this month) more than NEWS_DAYS before the story? */
export function recalled(date: string, published: string): boolean {
  if (date.length === 10) return dayGap(date, published) > NEWS_DAYS;
  // A month alone: recalled when the whole month was over NEWS_DAYS before the story.
  if (date.length !== 7 || date >= published.slice(0, 7)) return false;
  const [y, m] = date.split("-").map(Number);
  const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return dayGap(lastDay, published) > NEWS_DAYS;
}
