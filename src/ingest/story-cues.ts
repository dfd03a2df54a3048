// What the shape of a story says about one contact, beyond its own sentences: which later
// sentences are about another contact, the first day of talks told by their last, the day a
// digest's headline gives, a live blog's later word that a contact set for today took place,
// the clock of a capital abroad, the place a page prints with its date and the city an agency
// files from, which place a contact naming no place. Pure, as the rest of src/ingest/;
// extract.ts's buildDraft asks these when it fills in a draft.
import type { Kind } from "../record/schema.ts";
import { dayGap, readDates, type FoundDate } from "./dates.ts";
import type { Context } from "./draft.ts";
import type { Person, PlaceEntry } from "./names.ts";
import { perObject, perPair } from "./memo.ts";
import { atAside } from "./other-contacts.ts";
import { openingEnd, strongestKind, type ReadSentence, type Tense } from "./reading.ts";
import { tokenize } from "./words.ts";
import { THEN } from "./participation-words.ts";
import { NEWS_DAYS, SEPARATELY } from "./events.ts";
import { ANOTHER, DENIED, NOT_PLANNED, ORDINALS, SUBJECT_PRONOUN, ZONE_CAPITALS, ZONE_PHRASES } from "./vocabulary.ts";

/** "the first round", "перша зустріч". */
const FIRST = ORDINALS[0][0];

/**
 * Which of the story's sentences are about another contact than the one its anchors name:
 * "Нагадаємо, 16 травня в Стамбулі пройшли переговори. Російську делегацію очолював …" goes
 * on, with no contact of its own, about the one recalled just before it; "ці консультації
 * відбудуться в неділю" beside anchors that say "в понеділок, 24 березня" is dated to another day.
 */
export function aboutAnother(anchors: ReadSentence[], secondary: boolean, tense: Tense | undefined, ctx: Context): (x: ReadSentence) => boolean {
  const direction = tense === "future" ? "future" : tense === "held" ? "past" : undefined;
  // (The day of an opening phrase, "After a long phone call on Oct. 16,", is what came before;
  // so is one in an aside, "…, як і на першій зустрічі 23–24 січня, …".)
  // (Each answer is kept for the draft: buildDraft asks of every sentence several times, and a
  // sentence with no tense asks again of all those before it in its paragraph.)
  const daysOf = perObject((x: ReadSentence) => readDates(x.text, ctx.language, ctx.published, direction).dates.filter((d) => !d.statement && d.value.length === 10 && d.index > openingEnd(x) && !atAside(x, d.index)).map((d) => d.value));
  // (A subtitle may stand for the lead and give no day: "Technical talks at the Ritz-Carlton follow a
  // month of calls" over "… spent about 12 hours locked in talks … on Monday". The lead's paragraph
  // then dates the contact.)
  const leadDay = () => ctx.sentences.filter((x) => !x.headline && !anchors.includes(x)).slice(0, 2).filter((x) => x.kinds.size > 0 && !x.background && x.tense === tense).flatMap(daysOf)[0];
  const anchorDay = secondary ? undefined : (anchors.flatMap(daysOf)[0] ?? (tense === undefined ? undefined : leadDay()));
  // "Еще вчера в Кремле Путин разговаривал с Уиткоффом. С российской стороны во встрече
  // участвовали Ушаков и Дмитриев. А сегодня в Кремле раскрыли, к чему эта встреча привела":
  // beside a contact to come, one told done on a day of its own, and the sentences that go on
  // after it in its paragraph with no verb or day of their own, are that other contact's.
  const otherTold = perObject((x: ReadSentence): boolean => {
    if (anchors.includes(x) || tense === undefined) return false;
    if (((tense === "future" && x.tense === "held") || (tense === "held" && x.tense === "future")) && daysOf(x).length > 0) return true;
    const before = ctx.sentences[ctx.sentences.indexOf(x) - 1];
    return x.tense === undefined && before?.paragraph === x.paragraph && daysOf(x).length === 0 && otherTold(before);
  });
  const elsewhere = perObject((x: ReadSentence): boolean => {
    if (anchors.includes(x)) return false;
    const before = ctx.sentences[ctx.sentences.indexOf(x) - 1];
    if (x.kinds.size === 0 && before?.paragraph === x.paragraph && (before.background || apart(before))) return true;
    // ("Отдельно от трехстороннего формата в Абу-Даби заседала рабочая группа. С российской стороны ее
    // возглавил Дмитриев", "In a separate track, Dmitriev is expected to sit down with Witkoff",
    // "Driscoll will travel to Kyiv for talks, separately from the Moscow trip": a contact told apart
    // from this one, and what goes on about it.)
    if (apart(x)) return true;
    // ("The US delegation met Ukrainian negotiators on Sunday. Umerov led Kyiv's team on Sunday":
    // a sentence that names no contact, dated another day than this one, goes on with the other
    // contact the sentence before it told.)
    if (x.kinds.size === 0 && anchorDay && before?.paragraph === x.paragraph && daysOf(x).length > 0 && !daysOf(x).includes(anchorDay) && elsewhere(before)) return true;
    if (!secondary && otherTold(x)) return true;
    // (The answer the anchors stand in is this contact's, whatever its question went over: "В Канаде
    // открывается саммит … Ольга, что произошло? — … третий раунд … не состоится. Встреча должна
    // была пройти в Москве.")
    if (!secondary && !anchors.some((a) => a.paragraph === x.paragraph) && asksOfAnother(questionBefore(x, ctx.sentences), anchors, tense, ctx)) return true;
    // (Only a sentence that names a contact: "Про це у середу повідомив Умєров" dates the news.)
    const days = anchorDay && x.kinds.size > 0 ? daysOf(x) : [];
    if (days.length > 0 && !days.includes(anchorDay!)) return true;
    // "In February 2025, a U.S. delegation led by Rubio held the first talks … in Riyadh", "В
    // феврале 2025 года делегацию возглавлял Рубио", "У лютому 2025 року …": a sentence that opens
    // on a month before this contact's, away from the anchors' paragraph, tells an earlier one.
    if (!secondary && x.kinds.size > 0 && !anchors.some((a) => a.paragraph === x.paragraph) && opensOnEarlierMonth(x, anchorDay, ctx)) return true;
    // ("At the time, he said advisers led by Rubio would meet beforehand", "Тогда же …", "Тоді …":
    // a sentence that opens on the time the one before it gave goes on about what that one told.)
    if (before?.paragraph === x.paragraph && THEN.exec(x.folded)?.index === 0 && elsewhere(before)) return true;
    // (A contact to come with no day of its own: one dated before the story is an earlier one,
    // "— 23 ноября в Женеве делегации, которые возглавляли Рубио и Умеров, …"; so, for one called
    // off or moved, is a contact told done on a day before the story: "Trump had announced the
    // summit on Oct. 16 after a phone call with Putin that lasted two hours", "Трамп и Путин
    // поговорили по телефону 16 октября".)
    const notHeld = tense === "future" || ((tense === "cancelled" || tense === "postponed") && x.tense === "held");
    return !anchorDay && notHeld && !secondary && x.kinds.size > 0 && daysOf(x).some((d) => d < ctx.published);
  });
  return elsewhere;
}

/** Does the sentence tell a contact apart from another: "Separately,", "Параллельно", "separately from the talks", "окремо від"? */
const apart = (x: ReadSentence) => SEPARATELY.test(x.folded) || IN_PARALLEL.test(x.folded) || SEPARATELY_FROM.test(x.folded);

/** "Параллельно", "Паралельно", "In parallel," opening a sentence (folded). */
const IN_PARALLEL = /^(параллельно|паралельно|in parallel)(?![\p{L}])/u;

/** "separately from", "отдельно от", "окремо від" (folded). */
const SEPARATELY_FROM = /(?<![\p{L}])(separately from|отдельно от|окремо вид)(?![\p{L}])/u;

/** The words before a month that opens a sentence: "In", "В", "У", a quote or a dash. */
const BEFORE_OPENING_MONTH = /^[\s"«“„—–-]*((in|back in|в|во|у)\s+)?$/iu;

/** The beginnings of the months' names (folded), in English, Russian and Ukrainian. */
const MONTH_STEM = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|сич|лют|берез|квит|трав|черв|лип|серп|верес|жовт|листопад|груд)/u;

/**
 * Does the sentence open on a month before the contact's: before its day's month, or, with no
 * day, a month ended more than the days of news before the story?
 */
function opensOnEarlierMonth(x: ReadSentence, anchorDay: string | undefined, ctx: Context): boolean {
  // (The month's word stands among the first three: most sentences need no reading of dates.)
  if (!x.tokens.slice(0, 3).some((t) => MONTH_STEM.test(t.folded))) return false;
  const month = readDates(x.text, ctx.language, ctx.published, "past").dates.find((d) => !d.statement && d.value.length === 7 && BEFORE_OPENING_MONTH.test(x.text.slice(0, d.index)));
  if (!month) return false;
  if (anchorDay) return month.value < anchorDay.slice(0, 7);
  const [y, m] = month.value.split("-").map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return dayGap(next, ctx.published) > NEWS_DAYS;
}

/** The question an interview's answer replies to: the paragraph before it, when that ends in "?". */
export function questionBefore(s: ReadSentence, sentences: ReadSentence[]): ReadSentence[] {
  const before = sentences.filter((x) => x.paragraph === s.paragraph - 1 && !x.headline);
  return before.length > 0 && /\?\s*$/u.test(before[before.length - 1].text) ? before : [];
}

/**
 * "– Що дала перша зустріч в Абу-Дабі? – … З американського боку були Віткофф і Кушнер": an
 * interview's answer tells of the contact its question asks about. A question about one recalled
 * (told done, earlier or dated before the story, or the first where the story's news is the
 * next) sets its answer apart. (Where the news is a contact held, "Как прошли переговоры?" asks of it.)
 */
function asksOfAnother(question: ReadSentence[], anchors: ReadSentence[], tense: Tense | undefined, ctx: Context): boolean {
  const asked = question.filter((q) => q.kinds.size > 0);
  const next = anchors.some((a) => ANOTHER.test(a.folded));
  // (Where the news is a contact held, or told with no tense, a day of the week before the story
  // is its own: "во вторник переговоры шли почти пять часов. Чем объяснить такую продолжительность?")
  const recent = (day: string) => (tense === "held" || tense === undefined) && day.length === 10 && dayGap(day, ctx.published) <= NEWS_DAYS;
  const before = (q: ReadSentence) => readDates(q.text, ctx.language, ctx.published, "past").dates.some((d) => !d.statement && d.value < ctx.published.slice(0, d.value.length) && !recent(d.value));
  return asked.length > 0 && asked.every((q) => !ANOTHER.test(q.folded) && (q.background || (q.tense === "held" && tense !== "held") || before(q) || (next && FIRST.test(q.folded))));
}

/** The last day of a contact: "завершились", "ended", "wrapped up". */
const ENDED = /(?<![\p{L}])(ended|ends|concluded|wrapped up|finished|завершил|закончил|закинчил|завершив|закинчив|завершен|завершуют|завершились)/u;

/** "the first day of the talks", "первый день переговоров", "перший день зустрічей" (folded). */
const FIRST_DAY = /(?<![\p{L}])(first day|day one|перв(ий|ого|ом) (день|дня|дне)|перш(ий|ого|ому) (день|дня|дни))(?![\p{L}])/u;

/** The first day of a contact: "began", "почались", "розпочалися". */
const BEGAN = /(?<![\p{L}])(began|begun|started|opened|начал(ись|ась|ся|ось)|почал(ись|ась|ся|ось|ися|ася|ося)|почався|розпочал|розпочав|стартовал|стартував)/u;

/**
 * Talks over several days are dated from the first: "завершилися у ніч на понеділок", "ended
 * on Thursday" gives the last, and a later sentence may give the first ("Перша зустріч
 * відбулася в суботу", "which began on Wednesday"). Is this date a held contact's last day?
 * (`dates` are the sentence's own.)
 */
export function endsOn(s: ReadSentence, found: FoundDate, dates: FoundDate[], tense: Tense | undefined, ctx: Context): boolean {
  // "які відбулися вчора ввечері … і завершилися вже в ніч на середу": a date before the word of
  // ending, with another told with it further on, is the first day ("в среду завершился …, 17 и
  // 18 февраля" tells the end with the first).
  const later = dates.find((d) => d.index > found.index);
  const between = later ? s.folded.slice(found.index + found.text.length, later.index) : "";
  const end = ENDED.exec(between);
  if (end && between.length - (end.index + end[0].length) < end.index) return false;
  // "які почалися пізно ввечері у четвер, 22 січня, завершилися …": a date told with the start is the first.
  if (BEGAN.test(s.folded.slice(Math.max(0, found.index - 40), found.index))) return false;
  // "Перший день переговорів …, який тривав у п'ятницю, завершився", "The first day of the talks
  // ended on Friday": what ended is the first day, so the day told is the first.
  if (FIRST_DAY.test(s.folded)) return false;
  return tense === "held" && found.value.length === 10 && ENDED.test(ctx.language === "en" ? s.folded.slice(0, found.index) : s.folded);
}

/** May a later date replace the one found: the first day of talks a few days before their last? */
export function firstDayOf(later: string, found: string): boolean {
  return later < found && dayGap(later, found) <= 6;
}

/**
 * "Второй раунд …, который планировалось провести 1 февраля, перенесен. … делегации соберутся в
 * столице ОАЭ 4 и 5 февраля", "Раунд, який мав відбутися в неділю, перенесли. Делегації зустрінуться
 * в середу", "The round set for Sunday was postponed. The delegations will meet on Wednesday": a
 * contact moved from the day it was set for is on the later day a sentence of it told to come gives.
 * That day and its sentence, or undefined.
 */
export function newDayOf(fills: ReadSentence[], setFor: string, ctx: Context): { found: FoundDate; sentence: ReadSentence } | undefined {
  for (const s of fills) {
    if (s.tense !== "future" || s.background) continue;
    const found = readDates(s.text, ctx.language, ctx.published, "future").dates.find((d) => !d.statement && !d.another && d.value.length === 10 && d.value > setFor && d.value >= ctx.published);
    if (found) return { found, sentence: s };
  }
  return undefined;
}

/**
 * The day a story's shape gives a contact told done with no day of its own, and the line that
 * gives it. The Kremlin's readouts print the day and the place of what they record above the
 * text ("6 августа 2025 года, 17:40, Москва, Кремль") and then say "состоялась беседа" without a
 * day (a stamp with a day and a time alone, "28 мая 2025, 18:40", is when the page was
 * published, which dates nothing); a digest's headline names its day; a headline reports the
 * arrival the contact was told beside; the lead tells it "just" done.
 */
export function dayOfTheStory(anchors: ReadSentence[], ctx: Context): { value: string; evidence: string } | undefined {
  const line = ctx.story.dateLine;
  if (line && /\d,\s*(the\s+)?\p{Lu}\p{L}+/u.test(line)) {
    const printed = readDates(line, ctx.language, ctx.published, "past").dates.find((d) => d.value.length === 10 && d.value <= ctx.published);
    if (printed) return { value: printed.value, evidence: line };
  }
  const digest = digestDay(ctx);
  if (digest) return { value: digest.value, evidence: ctx.story.headline! };
  const arrival = dayOfTheArrival(anchors, ctx);
  if (arrival) return { value: ctx.published, evidence: arrival.text };
  // ("Ушаков щойно заявив, що Путін провів телефонну розмову з Трампом", "только что", "has just
  // spoken": told the moment it is known, a contact done is of the story's day.)
  const justNow = anchors.find((a) => !a.headline && a.tense === "held" && JUST_NOW.test(a.folded));
  return justNow ? { value: ctx.published, evidence: justNow.text } : undefined;
}

/** "щойно", "тільки-но", "только что", "has just", "just ended": a moment ago. */
const JUST_NOW = /(?<![\p{L}])(щойно|тильки-но|тільки-но|только что|(has|have|had) just|just (ended|finished|concluded|wrapped up|spoke|talked|met|held))(?![\p{L}])/u;

/**
 * "Війна в Україні: ситуація на фронті 6 серпня та головні події дня": a digest whose headline
 * names its day (that of publication or the one before) reports the contacts done that day.
 */
function digestDay(ctx: Context): FoundDate | undefined {
  if (!ctx.story.headline) return undefined;
  return readDates(ctx.story.headline, ctx.language, ctx.published, "past").dates.find((d) => d.value.length === 10 && /\d/.test(d.text) && d.value <= ctx.published && dayGap(d.value, ctx.published) <= 1);
}

/**
 * "Зеленський прибув до Мар-а-Лаго … Ще до приїзду українського президента Трамп поговорив з
 * Путіним", "Shortly before his arrival, Trump spoke with Putin": a contact told done just
 * before or after the arrival the headline reports done, with no day of its own, was that day
 * (the story's, where the headline gives none). The headline, or undefined.
 */
function dayOfTheArrival(anchors: ReadSentence[], ctx: Context): ReadSentence | undefined {
  const headline = ctx.sentences.find((x) => x.headline);
  // (Headlines tell it in the present: "Zelensky arrives at Mar-a-Lago".)
  if (!headline || (headline.tense !== "held" && headline.tense !== undefined) || !ARRIVES.test(headline.folded)) return undefined;
  if (readDates(headline.text, ctx.language, ctx.published, "past").dates.length > 0) return undefined;
  return anchors.some((a) => !a.headline && a.tense === "held" && BY_THE_ARRIVAL.test(a.folded)) ? headline : undefined;
}

/** "прибув", "прилетел", "arrives", "lands": an arrival told. */
const ARRIVES = /(?<![\p{L}])(arriv|lands(?![\p{L}])|landed|прибу|прибы|прибил|прилет|прилит|приихав|приехал)/u;

/** "до приїзду", "перед прилетом", "before his arrival", "after the visitor landed": told by another's arrival. */
const BY_THE_ARRIVAL = /(?<![\p{L}])(до|перед|писля|после|before|after|ahead of)\s+(\p{L}+\s+){0,2}(приизд\p{L}*|прибутт\p{L}*|прилит\p{L}*|приезд\p{L}*|прилет\p{L}*|прибыти\p{L}*|arrival|arriving|landing)(?![\p{L}])/u;

/**
 * A live blog or an updated story tells today's contact to come, then that it began or ended
 * ("11:58 … Путин сегодня проведет встречу с Уиткоффом" … "14:10 Встреча началась"): the
 * sentence with the latest word, that it was held (none after a denial, none dated otherwise,
 * none with other people or called another).
 */
export function toldDone(anchors: ReadSentence[], support: ReadSentence[], kind: Kind, people: Set<Person>, ctx: Context): ReadSentence | undefined {
  if (anchors.some((x) => DENIED.test(x.folded) || NOT_PLANNED.test(x.folded))) return undefined;
  const last = Math.max(...anchors.map((a) => ctx.sentences.indexOf(a)));
  return support.find((x) => {
    if (ctx.sentences.indexOf(x) <= last || x.tense !== "held" || x.background || ANOTHER.test(x.folded) || strongestKind(x.kinds) !== kind) return false;
    const persons = x.mentions.flatMap((m) => (m.named.type === "person" && !m.named.person.reports ? [m.named.person] : []));
    if (persons.some((p) => !people.has(p))) return false;
    const when = readDates(x.text, ctx.language, ctx.published, "past");
    return !when.vague && when.dates.every((d) => d.value === ctx.published);
  });
}

/**
 * "on Thursday evening Moscow time" in an English report: the clock of a capital abroad, named
 * for an in-person contact that names no place, is the clock where it is held. The sentence and
 * the city, or undefined.
 */
export function clockCity(sentences: ReadSentence[], ctx: Context): { sentence: ReadSentence; city: PlaceEntry } | undefined {
  for (const s of sentences) {
    const clock = ZONE_CAPITALS.find((c) => !c.home.includes(ctx.language) && ZONE_PHRASES.some(([re, z]) => z === c.zone && re.test(s.folded)));
    const city = clock && ctx.names.placeByEnglishName(clock.city);
    if (city) return { sentence: s, city };
  }
  return undefined;
}

/** The city a page prints after its time ("…, 17:40, Москва, Кремль") or under it, if any. */
export function printedPlace(ctx: Context): PlaceEntry | undefined {
  const line = ctx.story.dateLine;
  const after = ctx.story.placeLine ?? (line ? /\d{1,2}:\d{2},\s*(\p{Lu}.*)$/u.exec(line)?.[1] : undefined);
  if (!after) return undefined;
  for (const m of ctx.names.find(tokenize(after))) {
    if (m.named.type !== "place") continue;
    const p = m.named.place;
    if (p.kind === "city") return p;
    if (p.kind === "venue" && p.city) return ctx.names.placeByEnglishName(p.city);
  }
  return undefined;
}

/**
 * "ANCHORAGE, Alaska, Aug 15 (Reuters) - … wrapped up talks at a military base in Alaska",
 * "KUALA LUMPUR, Malaysia (AP) — Rubio met Lavrov …" under "Rubio meets Lavrov in Malaysia": a
 * contact the story places only in a region or a country abroad is in the city the agency filed
 * from, when that city lies there and the dateline names the region or the country with it (a
 * city of a country abroad needs no more: "RIYADH, Feb 18 (Reuters)" under "talks in Saudi Arabia").
 */
export function cityFiledFrom(ctx: Context, region: PlaceEntry | undefined, country: string | undefined): PlaceEntry | undefined {
  if (!ctx.story.filedAt || (!region && !country)) return undefined;
  const mentions = ctx.names.find(tokenize(ctx.story.filedAt));
  const city = mentions.flatMap((m) => (m.named.type === "place" && m.named.place.kind === "city" ? [m.named.place] : []))[0];
  if (!city) return undefined;
  const named = (code: string) => mentions.some((m) => m.named.type === "country" && m.named.country.code === code);
  if (region) return city.country === region.country && mentions.some((m) => m.named.type === "place" && m.named.place === region) ? city : undefined;
  return city.country === country && (named(country!) || !ctx.names.country(country!)?.followed) ? city : undefined;
}

/**
 * Does a sentence give days or months, all of them before the story (and none a statement's)? A
 * long story on a contact to come goes over what came before ("Трехсторонний формат был запущен в
 * январе", "The three-way format was launched in January", "Тристоронній формат запустили в
 * січні"): a month gone by is no month of the contact to come.
 */
export function toldBefore(s: ReadSentence, ctx: Context): boolean {
  const dates = readDates(s.text, ctx.language, ctx.published, "future").dates.filter((d) => !d.statement);
  return dates.length > 0 && dates.every((d) => (d.value.length === 10 ? dayGap(d.value, ctx.published) > 1 : d.value < ctx.published.slice(0, 7)));
}

/**
 * "In April he became the most senior Russian official to visit Washington, holding talks with
 * Witkoff", "На початку квітня він відвідав Вашингтон", "В апреле он побывал в Вашингтоне": a
 * sentence not told to come whose every day is weeks before the story (a month alone other than the
 * story's is one gone by, whatever the calendar's nearest) tells an earlier contact.
 */
// (Kept per sentence and article: every candidate contact asks it of most sentences, and a
// look-up by the sentence beats building readDates' key from its whole text each time.)
export const datedLongBefore = perPair((s: ReadSentence, ctx: Context): boolean => {
  if (s.tense === "future") return false;
  const dates = toldDays(s, ctx);
  return dates.length > 0 && dates.every((d) => (d.value.length === 7 ? d.value !== ctx.published.slice(0, 7) : d.value.length === 10 && dayGap(d.value, ctx.published) > NEWS_DAYS));
});

/**
 * The sentence a contact's own sentence goes on from, when it opens on "он", "він", "he": "В
 * субботу в Майами провел переговоры Дмитриев. Он встретился с Уиткоффом …", "У суботу до Маямі
 * прилетів Дмитрієв. Він зустрівся з Віткоффом …", "Dmitriev flew to Miami on Saturday. He met
 * Witkoff …". The pronoun's sentence tells the same contact, so a day the one before gives is its
 * day, before any told further on. (Only one about a contact, not recalled.)
 */
export function continuedFrom(s: ReadSentence, ctx: Context): ReadSentence | undefined {
  if (s.tokens.length === 0 || !SUBJECT_PRONOUN.test(s.tokens[0].folded)) return undefined;
  const before = ctx.sentences[ctx.sentences.indexOf(s) - 1];
  if (!before || before.headline || before.background || before.kinds.size === 0) return undefined;
  return before;
}

/** The days a sentence tells, read as gone by, less those of a statement ("said on Friday"). */
export const toldDays = perPair((s: ReadSentence, ctx: Context): FoundDate[] => readDates(s.text, ctx.language, ctx.published, "past").dates.filter((d) => !d.statement));
