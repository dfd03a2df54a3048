// Dates and times in a sentence, resolved against the publication date. chrono-node finds the
// expressions (it has ru and uk parsers); what a news report means by them is decided here:
// a bare weekday points back for a contact that happened and forward for one that will; a
// date without a year is the one nearest publication; "next week" gives no day at all; a
// month alone stays a month (YYYY-MM).
import * as chrono from "chrono-node";
import type { Kind } from "../record/schema.ts";
import type { ArticleLang } from "./language.ts";
import { memoized } from "./memo.ts";
import { daysOfTheMonth } from "./month-days.ts";
import { fold, tokenize } from "./words.ts";
import { kindOfNoun, KIND_PHRASES, RELATIVE_DAYS, SINCE, SPEECH, THIS_EVENING, VAGUE, withoutEveOf, ZONE_PHRASES } from "./vocabulary.ts";

export interface FoundDate {
  /** YYYY-MM-DD or YYYY-MM. */
  value: string;
  /** As written. */
  text: string;
  /** Offset in the sentence. */
  index: number;
  /** The expression follows "перенесен на", "postponed to": the new date of a moved contact. */
  movedTo: boolean;
  /** "said on Tuesday": the day of a statement, the contact's only when nothing else is said. */
  statement?: boolean;
  /** The expression follows "яка мала відбутися", "was scheduled for": the day a contact was set for. */
  setFor?: boolean;
  /** "Friday's summit", "Tuesday's phone call": the day qualifies a contact of this kind. */
  of?: Kind;
  /** "the meeting … after the summit in Alaska on 15 August": the day of another contact, which times the one the sentence names. */
  another?: boolean;
}

export interface DateReading {
  dates: FoundDate[];
  /** A vague time ("next week", "в ближайшие недели") was given instead of a date. */
  vague?: string;
}

const PARSERS: Record<ArticleLang, chrono.Chrono> = { ru: chrono.ru.casual, uk: chrono.uk.casual, en: chrono.en.casual };

const DAY_MS = 86_400_000;

function iso(y: number, m: number, d?: number): string {
  const mm = String(m).padStart(2, "0");
  return d === undefined ? `${y}-${mm}` : `${y}-${mm}-${String(d).padStart(2, "0")}`;
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** Days from one YYYY-MM-DD to another (a month, YYYY-MM, is never a few days off a day). */
export function dayGap(from: string, to: string): number {
  if (from.length !== 10 || to.length !== 10) return Infinity;
  return dayNumber(to) - dayNumber(from);
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The year of a date written without one: the latest on or before publication for a contact
 * that happened, the first on or after it for one to come (a few days' slack either way for
 * reports written across midnight or a weekend), the nearest when the tense is unknown.
 */
function yearFor(published: string, month: number, day: number, direction: "past" | "future" | undefined): number {
  const y = Number(published.slice(0, 4));
  const p = dayNumber(published);
  const gaps = [y - 1, y, y + 1].map((cand) => ({ cand, gap: dayNumber(iso(cand, month, Math.min(day, 28))) - p }));
  // A tense can be misread; a year's jump never is what a news report means, so a reading
  // more than half a year off gives way to the nearest date.
  const nearest = [...gaps].sort((a, b) => Math.abs(a.gap) - Math.abs(b.gap))[0];
  if (direction === "past") {
    const past = gaps.filter((g) => g.gap <= 3).sort((a, b) => b.gap - a.gap)[0];
    return past.gap < -200 && Math.abs(nearest.gap) <= 60 ? nearest.cand : past.cand;
  }
  if (direction === "future") {
    const next = gaps.filter((g) => g.gap >= -3).sort((a, b) => a.gap - b.gap)[0];
    return next.gap > 200 && Math.abs(nearest.gap) <= 60 ? nearest.cand : next.cand;
  }
  return gaps.sort((a, b) => Math.abs(a.gap) - Math.abs(b.gap))[0].cand;
}

/** "ввечері", "утром": a part of the day, which chrono's ru and uk parsers misread before a date. */
const PART_OF_DAY = /(?<![\p{L}])(утром|днем|днём|вечером|ввечері|увечері|вранці|уранці|зранку|вдень)(?![\p{L}])/giu;

const NEXT_WORD = /(next|следующ|наступн)/iu;
const LAST_WORD = /(last|past|минул|прошл|минувш)/iu;
// "яка мала відбутися в середу у Стамбулі", "которая должна была пройти в четверг", "that had been
// scheduled for Thursday", "запланированную на пятницу": the day it was set for, a few words on.
// (So with the verb of meeting: "посли мали зустрітися в середу", "должны были встретиться", "were to meet".)
const SET_FOR = /(?<![\p{L}])((was|were|had been)\s+(supposed|due|set|scheduled|planned|slated|expected)|(scheduled|planned|set|slated|due)\s+(for|on)|(was|were)\s+to\s+(meet|be held|take place|begin|start)|мал[аио]?\s+(відбутися|пройти|розпочатися|початися|статися|зустрітися|зустрітись|провести)|мав\s+(відбутися|пройти|розпочатися|початися|статися|зустрітися|зустрітись|провести)|должн\p{L}*\s+(был\p{L}*\s+)?(состояться|пройти|начаться|встретиться|провести)|(запланирован|запланован|намечен|назначен|призначен)\p{L}*\s+на|(планировал|планувал|планував)\p{L}*\s+(провести|пройти))(\s+[\p{L}'’-]+){0,5}\s*$/iu;
// ("Sunday's meeting will now take place Wednesday", "теперь пройдут в среду", "тепер відбудуться у
// середу": what a contact moved will now do is on its new day.)
const MOVED_TO = /((перенесен\p{L}*|перенесли|перенесено|перенесуть|перенесут|переноситься|переносится|відкладено|отложен\p{L}*|сдвинут\p{L}*|сдвинули|зсунули|зсунуто|пересунули|посунули|postponed|moved|pushed back|pushed|shifted|bumped|rescheduled|delayed)\s+(\p{L}+\s+){0,3}?(на|to|until|till|до)|(will\s+)?now\s+(take place|be held|happen|start|begin)(\s+on)?|теперь\s+(пройд|состо|начн)\p{L}*(\s+(в|во))?|тепер\s+(відбуд|пройд|розпочн|почн)\p{L}*(\s+(у|в))?)\s*$/iu;

// ("нова зустріч може відбутися в другій половині березня", "новая встреча может пройти в конце
// марта", "a new round could take place in late March", "новая дата — 20 марта": the contact a move
// calls "new" is on the day its clause gives.)
const NEW_ONE = /(?<![\p{L}])(new|нов\p{L}*)\s+(meeting|round|talks|summit|date|зустріч|встреч|раунд|переговор|перемовин|саміт|саммит|дат|термін|срок)\p{L}*(\s+[\p{L}'’-]+|\s*[—–:]){0,8}\s*$/iu;

/**
 * Every date expression in a sentence. `tense` says which way a bare weekday or a date
 * without a year points (undefined: nearest).
 * `published` is the publication day (YYYY-MM-DD) in the outlet's zone.
 */
/** What readDatesOnce reads of a chrono result: where it stands, and its start's components. */
interface ChronoFound {
  text: string;
  index: number;
  start: { isCertain(component: ChronoComponent): boolean; get(component: ChronoComponent): number | null };
}

type ChronoComponent = "day" | "weekday" | "month" | "year";

/**
 * chrono's expressions in a sentence, the same whichever way its days are then read: a sentence
 * is read for a contact done, one to come and one of no tense, and chrono, the slowest step, runs
 * once for the three. Kept as plain values (memoized freezes what it keeps, and chrono's own
 * results share its parser's state); a few hundred are more than one article's sentences.
 */
const chronoParse = memoized(
  (plain: string, lang: ArticleLang, published: string): ChronoFound[] => {
    const ref = { instant: new Date(`${published}T12:00:00Z`), timezone: 0 };
    return PARSERS[lang].parse(plain, ref).map((r) => {
      const components: ChronoComponent[] = ["day", "weekday", "month", "year"];
      const certain = new Set(components.filter((c) => r.start.isCertain(c)));
      const values = new Map(components.map((c) => [c, r.start.get(c)]));
      return { text: r.text, index: r.index, start: { isCertain: (c: ChronoComponent) => certain.has(c), get: (c: ChronoComponent) => values.get(c) ?? null } };
    });
  },
  (plain, lang, published) => `${lang} ${published} ${plain}`,
  512,
);

export const readDates = memoized(readDatesOnce, (sentence, lang, published, tense) => `${lang} ${published} ${tense} ${sentence}`);

function readDatesOnce(sentence: string, lang: ArticleLang, published: string, tense: "past" | "future" | undefined): DateReading {
  const future = tense === "future";
  const folded = fold(sentence);
  const reading: DateReading = { dates: [] };
  const vague = VAGUE.exec(folded);
  if (vague) reading.vague = sentence.slice(vague.index, vague.index + vague[0].length);

  // "накануне саммита" is the eve of another event, no day of its own.
  const relative = fold(withoutEveOf(sentence));
  for (const [pattern, days] of RELATIVE_DAYS) {
    const m = pattern.exec(relative);
    if (!m) continue;
    // ("А сегодня в Кремле раскрыли, к чему …", "Вчора в Білому домі повідомили": the day the
    // clause's verb of saying opens is when it was said.)
    const found: FoundDate = { value: fromDayNumber(dayNumber(published) + days), text: sentence.substr(m.index, m[0].length), index: m.index, movedTo: false };
    if (lang !== "en" && opensSaying(fold(sentence.slice(m.index + m[0].length, m.index + m[0].length + 40)))) found.statement = true;
    reading.dates.push(found);
  }

  const [saidFrom, saidTo] = statementSpan(sentence, folded);
  // chrono's Ukrainian knows the apostrophe only as "'": п’ятниця and пʼятниця are the same
  // word (one character for one, so offsets stay the sentence's).
  // Its ru and uk parsers also take a part of the day before a date ("ввечері у четвер, 22
  // січня", "утром в четверг") for the whole and lose the day: the word is blanked (spaces
  // of its length keep the offsets).
  const plain = sentence.replace(/[’ʼ`]/g, "'").replace(PART_OF_DAY, (w) => " ".repeat(w.length));
  for (const r of chronoParse(plain, lang, published)) {
    const text = r.text.trim();
    const index = r.index + (r.text.length - r.text.trimStart().length);
    if (VAGUE.test(fold(text))) continue;
    // "for three hours", "через час": a duration, not a day (nor is "the second after", chrono's second).
    if (/(hour|minute|second|час|годин|хвилин|минут|секунд)/iu.test(text)) continue;
    // "later in the day", "earlier in the day": a time of the day already told (chrono's English
    // reads "in the day" as tomorrow); "позже в тот же день", "пізніше того ж дня" it leaves alone.
    if (/^in the day$/iu.test(text)) continue;
    // "off for now", "пока", "наразі": the moment of speaking, not a day of the contact.
    if (/^(now|for now|right now|сейчас|пока|зараз|наразі|поки)$/iu.test(text)) continue;
    // "a day before he hosts Zelensky", "two days after the call", "Three months after Alaska":
    // counted from another event.
    if (/^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(day|days|week|weeks|month|months|year|years)\s+(before|after|earlier|later)$/iu.test(text)) continue;
    // "через два дня после введения санкций", "за тиждень до саміту": counted from another event.
    if (/^(через|спустя|за)\s/iu.test(text) && /^\s*(после|після|перед|до|после того)(?![\p{L}])/iu.test(sentence.slice(index + text.length))) continue;
    // "over the weekend", chrono's Saturday: a weekend is two days, and names neither.
    if (/weekend/iu.test(text)) continue;
    // "в течение двух недель", "within two weeks", "через тиждень": a span of weeks names no day.
    if (/(week|недел|тиждень|тижн|тижд)/iu.test(text) && !r.start.isCertain("weekday")) continue;
    // chrono reads "Май" in "Майами" as May; it also stops short of a case ending ("в
    // листопад|і"). A date starts at a word and ends at most two letters before the word does.
    if (/\p{L}/u.test(sentence.charAt(index - 1)) || /^\p{L}{3}/u.test(sentence.slice(index + text.length))) continue;
    // ("Майк Уолц", "Майкл Энтон": a capital month with letters glued on is a given name, not May.)
    if (/^\p{Lu}\p{Ll}*$/u.test(text) && /^\p{L}/u.test(sentence.slice(index + text.length)) && r.start.isCertain("month") && !r.start.isCertain("day")) continue;
    // "sat down with", "may meet", "march on": English writes its days and months with a
    // capital; one lower-case word is a verb.
    if (lang === "en" && /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|march|apr|may|jun|june|jul|july|aug|sep|sept|oct|nov|dec)$/u.test(text)) continue;
    // "used his Saturday press conference", "in Sunday's election": a weekday that qualifies
    // another event's noun dates that event ("Sunday's talks" are still a contact's).
    // ("Friday's summit", "the Friday summit" in a story on a call: the day is that contact's,
    // of its kind, which may be another than the one reported.)
    let of: Kind | undefined;
    if (lang === "en" && r.start.isCertain("weekday") && !r.start.isCertain("day")) {
      const after = sentence.slice(index + text.length, index + text.length + 30);
      const qualifies = /^['’]s\s/u.test(after) || /(?<![\p{L}])(his|her|their|its|our|my)\s+$/iu.test(sentence.slice(Math.max(0, index - 8), index));
      const words = /^(?:['’]s)?((?:\s+[\p{L}-]+){1,3})/u.exec(after)?.[1] ?? "";
      const noun = qualifies ? words : (/^\s+[\p{L}-]+/u.exec(words)?.[0] ?? "");
      of = KIND_PHRASES.find(([, k]) => k.test(fold(`${text}${qualifies ? "'s" : ""}${noun}`)))?.[0];
      if (qualifies && !of) continue;
    }
    // "the first since Dmitriev's trip to Florida in March": the day a span is counted from.
    if (SINCE.test(fold(sentence.slice(Math.max(0, index - 80), index)))) continue;
    // A bare hour ("в 10:00") is a time, not a date.
    // "said on Tuesday": the date of the statement, not of the contact; it points back.
    const before = fold(sentence.slice(Math.max(0, index - 45), index));
    // "По словам Пескова, в среду …", "according to Ushakov, on Tuesday …": the source named
    // ahead of what is reported; the day that follows is the reported one's.
    const said = before.replace(/(по (его |ее )?словам|за (його |ии )?словами|according to)[^,]*,?/gu, "");
    // "подтвердили, что Путин в среду примет …", "said that on Friday …": a day after "that"
    // is inside what was said.
    // "Speaking at the White House on Wednesday, Trump said …": the day he spoke.
    const speech = SPEECH.exec(said) ?? SPEAKING_FRAME.exec(said);
    // (So is one in a clause of where after it: "сказав у Відні, де зустрівся з міністром у
    // понеділок", "said in Vienna, where he met the minister on Monday".)
    const reported = speech !== null && /(?<![\p{L}])(что|що|that|где|де|where)(?![\p{L}])/u.test(said.slice(speech.index + speech[0].length));
    // "сказал журналистам в Белом доме в среду, 22 октября": a weekday with its date, right
    // after the verb with no contact named between, is the statement's day too.
    const between = speech ? said.slice(speech.index + speech[0].length) : "";
    // "уже 21 октября в Белом доме сообщили, что …": a date that opens the clause of a verb of
    // saying, with no comma or contact between them, is when it was said.
    // (In the impersonal plural of ru and uk, "сообщили", "повідомили": an institution's word.)
    // (chrono's English match may take the comma after the day: "on Saturday,".)
    const end = index + text.replace(/[\s,]+$/u, "").length;
    const next = fold(sentence.slice(end, end + 40));
    // ("О саммите в Будапеште Трамп объявил 16 октября", "announced on 16 October": a date
    // straight after the verb of saying is the day it was said.)
    const rightAfter = speech !== null && !reported && /^\s*(on|в|во|у)?\s*$/u.test(between);
    // (English sets a day that opens the sentence off by a comma: "On Saturday, Lavrov said …".)
    const opening = lang === "en" && /^\s*(on\s+)?$/iu.test(sentence.slice(0, index)) ? next.replace(/^\s*,/u, "") : next;
    const statement = AIRED.test(before) || (saidFrom <= index && index < saidTo) || (speech !== null && !reported && r.start.isCertain("weekday") && (!/\d/.test(text) || !KIND_PHRASES.some(([, k]) => k.test(between)))) || rightAfter || opensSaying(opening);
    if (/^\d{1,2}[:.]\d{2}$/.test(text)) continue;
    let value: string;
    if (r.start.isCertain("day")) {
      const month = r.start.get("month") ?? 1;
      let day = r.start.get("day") ?? 1;
      // "2 и 3 апреля", "23–24 січня", "April 2 and 3" read as the last day: a contact over
      // several days starts on the first.
      const span = /(?<![\d.])(\d{1,2})\s*(и|і|та|and|[-–—])\s*$/u.exec(sentence.slice(Math.max(0, index - 8), index));
      if (span && Number(span[1]) < day) day = Number(span[1]);
      const year = r.start.isCertain("year") ? (r.start.get("year") ?? 0) : yearFor(published, month, day, tense);
      value = iso(year, month, day);
    } else if (r.start.isCertain("weekday")) {
      const weekday = r.start.get("weekday") ?? 0;
      const pub = dayNumber(published);
      const pubWeekday = new Date(pub * DAY_MS).getUTCDay();
      let offset: number;
      // chrono leaves "минувшую", "прошлый" outside the match; they stand just before it.
      const withBefore = sentence.slice(Math.max(0, index - 12), index) + text;
      if (LAST_WORD.test(withBefore)) {
        // "last Friday" said on a Friday is a week ago.
        offset = -((pubWeekday - weekday + 7) % 7 || 7);
      } else if (NEXT_WORD.test(withBefore)) {
        // "next Thursday" said on a Tuesday is the Thursday of the coming week (chrono reads it
        // so too); said on a Friday it is six days on.
        offset = (weekday - pubWeekday + 7) % 7 || 7;
        if (weekday > pubWeekday) offset += 7;
      } else if (future && !statement) {
        // "will hold a call on Monday" in Monday's news is today's; next week's would be "next Monday".
        offset = (weekday - pubWeekday + 7) % 7;
      } else {
        offset = -((pubWeekday - weekday + 7) % 7);
      }
      value = fromDayNumber(pub + offset);
    } else if (r.start.isCertain("month")) {
      const month = r.start.get("month") ?? 1;
      const year = r.start.isCertain("year") ? (r.start.get("year") ?? 0) : yearFor(published, month, 15, tense === "past" ? undefined : tense);
      value = iso(year, month);
    } else {
      continue;
    }
    const movedTo = MOVED_TO.test(sentence.slice(Math.max(0, index - 40), index)) || NEW_ONE.test(sentence.slice(Math.max(0, index - 90), index));
    const found: FoundDate = statement ? { value, text, index, movedTo, statement } : { value, text, index, movedTo };
    if (of) found.of = of;
    if (timesAnother(sentence, index, index + text.replace(/[\s,]+$/u, "").length, lang)) found.another = true;
    if (!movedTo && SET_FOR.test(sentence.slice(Math.max(0, index - 60), index))) found.setFor = true;
    reading.dates.push(found);
  }
  // (A contact done "пізно ввечері", told the next morning, was the evening before.)
  if (reading.dates.length === 0 && future) {
    const evening = THIS_EVENING.exec(folded);
    if (evening) reading.dates.push({ value: published, text: evening[0], index: evening.index, movedTo: false });
  }
  // ("on the 14th", "14-го числа": a day whose month is the story's, or the next or last.)
  for (const d of daysOfTheMonth(sentence, lang, published, tense)) if (!reading.dates.some((x) => Math.abs(x.index - d.index) < 6)) reading.dates.push(d);
  reading.dates.sort((a, b) => a.index - b.index);
  return reading;
}

export interface FoundTime {
  time: string;
  /** An IANA zone, "local" (the place's own), or undefined when the text names none. */
  zone?: string;
  text: string;
}

const TIME_RE = /(?<![\d:.])([01]?\d|2[0-3])(?:[:.]([0-5]\d)(?![\d])|(?=\s*[ap]\.?m\.?(?![\p{L}])))/iu;
const MERIDIEM = /^\s*([ap])\.?m\.?(?![\p{L}])/iu;

/** "в 10:00 по московскому времени", "15:00 за київським часом", "at 10:00 local time". */
export function readTime(sentence: string): FoundTime | undefined {
  const m = TIME_RE.exec(sentence);
  if (!m) return undefined;
  // A score or a date (10.04) is not a time: require a time word before or a zone after.
  const around = fold(sentence.slice(Math.max(0, (m.index ?? 0) - 12), (m.index ?? 0) + m[0].length + 40));
  const after = fold(sentence.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 40));
  const timeWord = /(?<![\p{L}])(в|во|о|об|at|by|с|з|начал|start|begin|почина|розпоч)\s*$/u.test(fold(sentence.slice(Math.max(0, (m.index ?? 0) - 12), m.index ?? 0)));
  let zone: string | undefined;
  for (const [pattern, z] of ZONE_PHRASES) {
    if (pattern.test(after)) {
      zone = z;
      break;
    }
  }
  // "10 a.m.", "3:30 p.m.": English twelve-hour times.
  const meridiem = MERIDIEM.exec(sentence.slice((m.index ?? 0) + m[0].length));
  let hour = Number(m[1]);
  if (meridiem) {
    if (hour > 12) return undefined;
    if (meridiem[1].toLowerCase() === "p" && hour < 12) hour += 12;
    if (meridiem[1].toLowerCase() === "a" && hour === 12) hour = 0;
  }
  if (!zone && !timeWord && !meridiem && !/(час|time|годин)/u.test(around)) return undefined;
  const time = `${String(hour).padStart(2, "0")}:${m[2] ?? "00"}`;
  return { time, zone, text: m[0] };
}

/**
 * Does the text after a date go on, with no comma or contact between, to a verb of saying ("в
 * Белом доме сообщили, что …"; in the impersonal plural of ru and uk, an institution's word; or
 * "Білий дім повідомив, що …", in the singular after the one who said it)?
 */
function opensSaying(next: string): boolean {
  // ("Путин сегодня, отвечая на вопросы журналистов, сказал …", "Trump on Monday, speaking to
  // reporters, said …": a participle of speaking after the date frames the statement.)
  if (/^\s*,?\s*(speaking|answering|отвечая|виступая|комментируя|видповидаючи|виступаючи|коментуючи)(?![\p{L}])/u.test(next)) return true;
  const saidNext = SAID_NEXT.exec(next);
  return saidNext !== null && !/[,;:—–]/u.test(next.slice(0, saidNext.index)) && !KIND_PHRASES.some(([, k]) => k.test(next.slice(0, saidNext.index)));
}

/**
 * "in an interview aired on Saturday", "в интервью, вышедшем в субботу", "в інтерв'ю, що вийшло в
 * суботу": the day an interview came out, not that of any contact it recalls (folded, the text
 * before the day).
 */
const AIRED = /(?<![\p{L}])(interview|интервью|интерв\S?ю)[^.;]{0,40}(aired|broadcast|published|released|вишедш\p{L}*|опубликованн\p{L}*|вийшло|вийшл\p{L}*|опубликован\p{L}*|оприлюднен\p{L}*)\s*(on|в|во|у)?\s*$/u;

// ("В субботу Лавров сказал, что …", "У п'ятницю Умєров зазначив …", "On Saturday Lavrov said …".)
// (Also in the imperfective: "накануне отмечала, что …", "напередодні зазначала, що …".)
const SAID_NEXT = /(?<![\p{L}])(отмечал[аи]?|заявлял[аи]?|сообщал[аи]?|зазначал[аи]?|зазначав|заявляв|заявлял[аи]|повидомляв|повидомлял[аи]|сообщил[аи]?|заявил[аи]?|объявил[аи]?|подтвердил[аи]?|раскрил[аи]?|сказал[аи]?|отметил[аи]?|рассказал[аи]?|написал[аи]?|повидомил[аи]|повидомив|заявив|оголосил[аи]|оголосив|пидтвердил[аи]|пидтвердив|розкрил[аи]|розкрив|сказав|зазначив|зазначил[аи]|розповив|розповил[аи]|написав|said|says|told|announced|confirmed|stated|wrote|noted)(?![\p{L}])/u;

/**
 * Where the words that say only who told the story's news, where and when, stand (from, to; Infinity
 * for none): a day there is the statement's.
 * - "Про це він сказав журналістам … в середу, 22 жовтня", "Об этом Песков сообщил в четверг", "He
 *   made the remarks at a news conference on Thursday": a sentence that opens on what was said, up
 *   to its first comma (after it, ", де зустрівся з Трампом у понеділок", another clause may date a
 *   contact).
 * - "…", – сказав Зеленський під час спілкування з журналістами у понеділок', '…", - сказал Путин на
 *   пресс-конференции по итогам визита в четверг', '…," Putin told reporters in Bishkek on
 *   Thursday': the attribution after a quote, unless it goes on to what was said ("…, добавив, что
 *   встреча пройдет в четверг").
 */
function statementSpan(sentence: string, folded: string): [number, number] {
  const about = ABOUT_IT.exec(folded);
  if (about) {
    const comma = folded.slice(about[0].length).search(/[,;:—–]/u);
    const end = comma < 0 ? folded.length : about[0].length + comma;
    // (Its first clause only, and in Russian and Ukrainian only where a verb of saying is in it.)
    if (about[2] === undefined || SPEECH.test(folded.slice(0, end))) return [0, end];
  }
  const tail = QUOTE_ATTRIBUTION.exec(sentence);
  if (tail && SPEECH.test(fold(tail[1])) && !/(?<![\p{L}])(что|що|that|чтобы|щоб)(?![\p{L}])/u.test(fold(sentence.slice(tail.index)))) return [tail.index, sentence.length];
  return [Infinity, Infinity];
}

/**
 * Is the day at `index` that of a contact after "after", "before" ("після саміту на Алясці 15
 * серпня", "после встречи в Анкоридже 15 августа", "after the Alaska summit on Aug. 15"), in a
 * sentence that names a contact before it ("Зустріч у Будапешті мала стати другою після …")? That
 * one is timed by the other, whose day it is. (With no contact named before, "Putin flew home after
 * the summit in Anchorage on Aug. 15" dates the summit itself.)
 */
function timesAnother(sentence: string, index: number, end: number, lang: ArticleLang): boolean {
  const from = Math.max(0, index - 60);
  const head = fold(sentence.slice(from, index));
  // (The day may also stand inside the phrase, before its noun: "after their Feb. 12 call",
  // "после состоявшегося 12 февраля разговора", "після їхньої 12 лютого розмови".)
  const after = AFTER_A_CONTACT.exec(head) ?? (DAY_THEN_CONTACT.test(fold(sentence.slice(end, end + 40))) ? AFTER_THE.exec(head) : null);
  if (!after) return false;
  const before = sentence.slice(0, from + after.index);
  return tokenize(before).some((t) => kindOfNoun(t.text, lang) !== undefined) || KIND_PHRASES.some(([, k]) => k.test(fold(before)));
}

/** "після саміту на Алясці ", "после встречи в Анкоридже ", "after the Alaska summit on ": up to a day in the same clause (folded). */
const AFTER_A_CONTACT = /(?<![\p{L}])(после|писля|перед|after|following|before|ahead of)\s+(\p{L}+\s+){0,2}?(саммит|самит|встреч|зустрич|переговор|перемовин|разговор|розмов|звонк|дзвинк|раунд|консультац|визит|summit|meeting|talks|call|conversation|round|visit)\p{L}*[^,;:—–.!?]{0,40}$/u;

/** "after their ", "после состоявшегося ", "після ": "after" and at most two words, up to a day (folded). */
const AFTER_THE = /(?<![\p{L}])(после|писля|перед|after|following|before|ahead of)(\s+\p{L}+){0,2}\s+(on\s+|в\s+|у\s+)?$/u;

/** (After a day) " call", "'s meeting", " разговора", " телефонної розмови": at most one word, then a contact's noun (folded). */
const DAY_THEN_CONTACT = /^(['’]s)?\s+(\p{L}+\s+)?(саммит|самит|встреч|зустрич|переговор|перемовин|разговор|розмов|звонк|дзвинк|раунд|консультац|визит|summit|meeting|talks|call|conversation|round|visit)\p{L}*(?![\p{L}])/u;

/** "Про це", "Об этом", "О том", "He made the remarks", "The comments came": a sentence about what was said (folded). */
const ABOUT_IT = /^((про це|про те|об этом|о том)(?![\p{L}])|(he|she|they|\p{L}+( \p{L}+)?) (made|gave) (the|these|those|his|her|their) (remarks|comments)(?![\p{L}])|(the|his|her|their) (remarks|comments|statement) came(?![\p{L}]))/u;

/** The end of a quote, a comma or a dash, up to four words and the verb (its last word): '", - сказал', '," Putin told', '», – сказав'. */
const QUOTE_ATTRIBUTION = /(?:,\s*["»”]|["»”]\s*,?\s*[—–-]|["»”]\s*,)\s*((?:[\p{L}][\p{L}.'’-]*\s+){0,4}[\p{L}]+)/u;

/** "Speaking at …", "выступая в …", "виступаючи на …": a participle that sets the scene of a statement. */
const SPEAKING_FRAME = /(?<![\p{L}])(speaking|виступая|виступаючи) (at|to|in|from|on|before|в|во|на|перед|у)(?![\p{L}])/u;

/** The day a story's printed date line gives ("11 апреля 2025, 09:15"), with its year. */
export function publishedFromDateLine(line: string | undefined, language: ArticleLang): string | undefined {
  if (!line) return undefined;
  const found = readDates(line, language, "2000-01-01", undefined).dates.find((d) => d.value.length === 10 && /\d{4}/.test(line));
  return found?.value;
}
