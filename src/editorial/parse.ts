// What an editor types in the /add and /update conversations, turned into record values. Pure:
// no grammY, no clock ("today" comes in as YYYY-MM-DD in the editor's zone). A failure is a
// code the bot words in the editor's language, so one parser serves en, ru and uk answers.
import { LANGS, type Lang, type Localized, type Participant, type Source } from "../record/schema.ts";
import { isRealDate, parseZone } from "../record/validate.ts";

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ParseError; detail?: string };

export type ParseError =
  | "date-format"
  | "date-calendar"
  | "time-format"
  | "zone-unknown"
  | "text-no-letters"
  | "text-duplicate-lang"
  | "participant-format"
  | "participant-side"
  | "source-format"
  | "source-url"
  | "track-format"
  | "place-format";

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: ParseError, detail?: string): Parsed<T> => ({ ok: false, error, detail });

/** Normalised for matching words: lower case, "ё" as "е", single spaces. */
function fold(text: string): string {
  return text.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
}

const SKIP_WORDS = new Set(["skip", "no", "none", "-", "—", "–", "нет", "пропустить", "пропуск", "ні", "немає", "пропустити"]);

/** "skip", "нет", "пропустити", "-": the editor leaves an optional field out. */
export function isSkip(text: string): boolean {
  return SKIP_WORDS.has(fold(text).replace(/[.!]+$/, ""));
}

// ---- Dates ----------------------------------------------------------------------------------

/** Month names and their usual abbreviations, in the nominative and the genitive ("10 апреля"). */
const MONTH_WORDS: [number, string[]][] = [
  [1, ["january", "jan", "январь", "января", "янв", "січень", "січня", "січ"]],
  [2, ["february", "feb", "февраль", "февраля", "фев", "февр", "лютий", "лютого", "лют"]],
  [3, ["march", "mar", "март", "марта", "мар", "березень", "березня", "бер"]],
  [4, ["april", "apr", "апрель", "апреля", "апр", "квітень", "квітня", "квіт"]],
  [5, ["may", "май", "мая", "травень", "травня", "трав"]],
  [6, ["june", "jun", "июнь", "июня", "июн", "червень", "червня", "черв"]],
  [7, ["july", "jul", "июль", "июля", "июл", "липень", "липня", "лип"]],
  [8, ["august", "aug", "август", "августа", "авг", "серпень", "серпня", "серп"]],
  [9, ["september", "sep", "sept", "сентябрь", "сентября", "сен", "сент", "вересень", "вересня", "вер"]],
  [10, ["october", "oct", "октябрь", "октября", "окт", "жовтень", "жовтня", "жовт"]],
  [11, ["november", "nov", "ноябрь", "ноября", "ноя", "нояб", "листопад", "листопада", "лист"]],
  [12, ["december", "dec", "декабрь", "декабря", "дек", "грудень", "грудня", "груд"]],
];
const MONTHS = new Map<string, number>(MONTH_WORDS.flatMap(([m, words]) => words.map((w) => [w, m] as [string, number])));

const NOT_SET = new Set([
  "not set",
  "unknown",
  "tbd",
  "tba",
  "none",
  "-",
  "—",
  "не назначена",
  "не назначено",
  "не назначен",
  "неизвестно",
  "нет",
  "не призначено",
  "не призначена",
  "невідомо",
  "немає",
]);
const TODAY = new Set(["today", "сегодня", "сьогодні"]);
const TOMORROW = new Set(["tomorrow", "завтра"]);
const YESTERDAY = new Set(["yesterday", "вчера", "вчора"]);

const pad = (n: number) => String(n).padStart(2, "0");

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function fullDate(year: number, month: number, day: number): Parsed<string> {
  if (month < 1 || month > 12 || day < 1 || day > 31) return fail("date-calendar");
  const value = `${year}-${pad(month)}-${pad(day)}`;
  return isRealDate(value) ? ok(value) : fail("date-calendar");
}

/** A day and month without a year: their next occurrence from today (today included). */
function nextOccurrence(month: number, day: number, today: string): Parsed<string> {
  if (month < 1 || month > 12 || day < 1 || day > 31) return fail("date-calendar");
  const year = Number(today.slice(0, 4));
  // 29 February waits for the next leap year.
  for (let y = year; y <= year + 8; y++) {
    const value = `${y}-${pad(month)}-${pad(day)}`;
    if (isRealDate(value) && value >= today) return ok(value);
  }
  return fail("date-calendar");
}

function monthOnly(year: number, month: number): Parsed<string> {
  return month >= 1 && month <= 12 ? ok(`${year}-${pad(month)}`) : fail("date-calendar");
}

/**
 * An entry's date: `2025-04-10`, `2025-04` (month only), `10.04.2025`, `10.04`, `10 апреля`,
 * `10 квітня 2025`, `April 10`, `10 April 2025`, `April 2025`, `today`, `tomorrow`/`завтра`,
 * or `not set`/`не назначена`/`не призначено` (null). A missing year means the next time that
 * day comes, counted from `today` (YYYY-MM-DD in the editor's zone).
 */
export function parseDate(input: string, today: string): Parsed<string | null> {
  let text = fold(input)
    .replace(/,/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (NOT_SET.has(text)) return ok(null);
  if (TODAY.has(text)) return ok(today);
  if (TOMORROW.has(text)) return ok(addDays(today, 1));
  if (YESTERDAY.has(text)) return ok(addDays(today, -1));
  // "10 апреля 2025 г.", "10 квітня 2025 року", "2025 года": the word for "year" adds nothing.
  text = text.replace(/(\d{4})\s*(г\.?|года|год|р\.?|року|рік)$/u, "$1").replace(/\.$/, "").trim();

  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return fullDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m) return monthOnly(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{4}))?$/.exec(text);
  if (m) return m[3] ? fullDate(Number(m[3]), Number(m[2]), Number(m[1])) : nextOccurrence(Number(m[2]), Number(m[1]), today);

  // "10 апреля [2025]"
  m = /^(\d{1,2}) (\p{L}+)\.?(?: (\d{4}))?$/u.exec(text);
  if (m && MONTHS.has(m[2])) {
    const month = MONTHS.get(m[2])!;
    return m[3] ? fullDate(Number(m[3]), month, Number(m[1])) : nextOccurrence(month, Number(m[1]), today);
  }
  // "April 10 [2025]"
  m = /^(\p{L}+)\.? (\d{1,2})(?: (\d{4}))?$/u.exec(text);
  if (m && MONTHS.has(m[1])) {
    const month = MONTHS.get(m[1])!;
    return m[3] ? fullDate(Number(m[3]), month, Number(m[2])) : nextOccurrence(month, Number(m[2]), today);
  }
  // "April 2025", "апрель 2025"
  m = /^(\p{L}+)\.? (\d{4})$/u.exec(text);
  if (m && MONTHS.has(m[1])) return monthOnly(Number(m[2]), MONTHS.get(m[1])!);
  return fail("date-format");
}

// ---- Time and zone --------------------------------------------------------------------------

export interface TimeAndZone {
  time?: string;
  timezone?: string;
}

/**
 * `10:00 Europe/Istanbul`, `9:30 MSK`, `10:00` (in `defaultZone`), `Europe/Istanbul` (zone
 * only), or skip (an empty result).
 */
export function parseTimeAndZone(input: string, defaultZone: string): Parsed<TimeAndZone> {
  if (isSkip(input)) return ok({});
  const m = /^(?:(\d{1,2})[:.](\d{2}))?\s*(.*)$/u.exec(input.trim())!;
  const [, hh, mm, rest] = m;
  let time: string | undefined;
  if (hh !== undefined) {
    const h = Number(hh);
    const min = Number(mm);
    if (h > 23 || min > 59) return fail("time-format");
    time = `${pad(h)}:${pad(min)}`;
  }
  if (!rest.trim()) return time ? ok({ time, timezone: defaultZone }) : fail("time-format");
  const timezone = parseZone(rest);
  if (!timezone) return hh === undefined && /\d/.test(rest) ? fail("time-format") : fail("zone-unknown", rest.trim().slice(0, 40));
  return ok(time ? { time, timezone } : { timezone });
}

// ---- Languages and localized text -----------------------------------------------------------

/**
 * The language a piece of text is written in: Latin letters → en; Cyrillic with і ї є ґ → uk,
 * with ы э ъ ё → ru. Cyrillic with only the letters both share ("Стамбул, Туреччина") is
 * `prefer` when that is ru or uk (the editor's own language), else ru. Undefined without letters.
 */
export function detectLang(text: string, prefer?: Lang): Lang | undefined {
  const latin = (text.match(/[a-z]/gi) ?? []).length;
  const cyrillic = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  if (latin === 0 && cyrillic === 0) return undefined;
  if (latin > cyrillic) return "en";
  const uk = (text.match(/[іїєґ]/giu) ?? []).length;
  const ru = (text.match(/[ыэъё]/giu) ?? []).length;
  if (uk !== ru) return uk > ru ? "uk" : "ru";
  return prefer === "uk" ? "uk" : "ru";
}

const LANG_PREFIX = /^(en|ru|uk|ua)\s*:\s*/i;

/**
 * Text in one language or several: one version as it is (its language detected), or each
 * version on its own line(s) starting with `en:`, `ru:` or `uk:`.
 */
export function parseLocalized(input: string, prefer?: Lang): Parsed<Localized> {
  const text = input.trim();
  if (!LANG_PREFIX.test(text)) {
    const lang = detectLang(text, prefer);
    return lang ? ok({ [lang]: text }) : fail("text-no-letters");
  }
  const out: Localized = {};
  let current: Lang | undefined;
  const parts: { lang: Lang; lines: string[] }[] = [];
  for (const line of text.split("\n")) {
    const m = LANG_PREFIX.exec(line);
    if (m) {
      const code = m[1].toLowerCase();
      current = code === "ua" ? "uk" : (code as Lang);
      parts.push({ lang: current, lines: [line.slice(m[0].length)] });
    } else parts.at(-1)!.lines.push(line);
  }
  for (const { lang, lines } of parts) {
    const value = lines.join("\n").trim();
    if (!value) continue;
    if (out[lang]) return fail("text-duplicate-lang", lang);
    out[lang] = value;
  }
  if (!LANGS.some((l) => out[l])) return fail("text-no-letters");
  if (!LANGS.some((l) => out[l] && detectLang(out[l]!))) return fail("text-no-letters");
  return ok(out);
}

// ---- Place ----------------------------------------------------------------------------------

/** "City, Country" (or just a city), in the language it is written in. */
export function parsePlace(input: string, prefer?: Lang): Parsed<{ city?: Localized; country?: Localized }> {
  const parts = input.split(",").map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0 || parts.length > 2) return fail("place-format");
  const lang = detectLang(input, prefer);
  if (!lang) return fail("text-no-letters");
  const [city, country] = parts;
  return ok(country ? { city: { [lang]: city }, country: { [lang]: country } } : { city: { [lang]: city } });
}

// ---- Participants ---------------------------------------------------------------------------

const SIDES: { [word: string]: string } = {
  us: "US",
  usa: "US",
  "u.s.": "US",
  america: "US",
  сша: "US",
  ru: "RU",
  russia: "RU",
  рф: "RU",
  россия: "RU",
  росія: "RU",
  ua: "UA",
  ukraine: "UA",
  украина: "UA",
  україна: "UA",
  mediator: "mediator",
  посредник: "mediator",
  посередник: "mediator",
};

/** A side as a party code: US, RU, UA, mediator, or any other two- or three-letter code. */
export function parseSide(input: string): string | undefined {
  const word = fold(input);
  if (SIDES[word]) return SIDES[word];
  return /^[a-z]{2,3}$/.test(word) ? word.toUpperCase() : undefined;
}

/** Lines of `name | role | side` (or `name | side`); the role is optional. */
export function parseParticipants(input: string, prefer?: Lang): Parsed<Participant[]> {
  const out: Participant[] = [];
  for (const raw of input.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 2 || cells.length > 3 || !cells[0]) return fail("participant-format", line.slice(0, 80));
    const side = parseSide(cells.at(-1)!);
    if (!side) return fail("participant-side", cells.at(-1)!.slice(0, 40));
    // Name and role together: a name alone ("Марко Рубіо") often has no telling letters.
    const lang = detectLang(cells[0], detectLang(cells.slice(0, -1).join(" "), prefer));
    if (!lang) return fail("participant-format", line.slice(0, 80));
    const role = cells.length === 3 && cells[1] ? cells[1] : undefined;
    out.push({ name: { [lang]: cells[0] }, ...(role ? { role: { [detectLang(role, lang) ?? lang]: role } } : {}), side });
  }
  return out.length ? ok(out) : fail("participant-format", "");
}

// ---- Sources --------------------------------------------------------------------------------

const URL_RE = /(https?:\/\/\S+)/i;
/** "kremlin.ru/events/123" typed without https://. */
const BARE_DOMAIN_RE = /(?:^|\s)((?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/\S*)?)(?=\s|$)/i;
const LANG_TAG = /[[(]\s*(en|ru|uk|ua)\s*[\])]/i;

function languageOfHost(host: string): Lang | undefined {
  if (/\.(ru|su|рф|by)$/.test(host)) return "ru";
  if (/\.ua$/.test(host)) return "uk";
  return undefined;
}

/**
 * One source a line: a URL (with or without https://) and/or an outlet's name, in any order
 * (`Reuters https://…`), with an optional language tag `[ru]`. Without the tag the language is guessed from the site's
 * domain (.ru, .ua), then from the outlet's name, else `fallback`.
 */
export function parseSources(input: string, fallback: Lang): Parsed<Source[]> {
  const out: Source[] = [];
  for (const raw of input.split("\n")) {
    let line = raw.trim();
    if (!line) continue;
    let language: Lang | undefined;
    const tag = LANG_TAG.exec(line);
    if (tag) {
      language = tag[1].toLowerCase() === "ua" ? "uk" : (tag[1].toLowerCase() as Lang);
      line = line.replace(tag[0], " ");
    }
    let url: string | undefined;
    let host: string | undefined;
    const u = URL_RE.exec(line) ?? BARE_DOMAIN_RE.exec(line);
    if (u) {
      try {
        const parsed = new URL(/^https?:/i.test(u[1]) ? u[1] : `https://${u[1]}`);
        if (!parsed.hostname.includes(".")) return fail("source-url", u[1].slice(0, 80));
        url = parsed.href;
        host = parsed.hostname.replace(/^www\./, "");
      } catch {
        return fail("source-url", u[1].slice(0, 80));
      }
      line = line.replace(u[1], " ");
    } else if (/\bhttps?:|www\./i.test(line)) return fail("source-url", line.slice(0, 80));
    const outlet = line.replace(/^[\s|—–,:-]+|[\s|—–,:-]+$/g, "").replace(/\s+/g, " ");
    if (!outlet && !host) return fail("source-format", raw.trim().slice(0, 80));
    language ??= (host && languageOfHost(host)) || (outlet ? detectLang(outlet, fallback) : undefined) || fallback;
    out.push({ outlet: outlet || host!, ...(url ? { url } : {}), language });
  }
  return out.length ? ok(out) : fail("source-format", "");
}

// ---- A new track ----------------------------------------------------------------------------

/** `arms-control Arms control talks`: a new track's id (a slug) and its title. */
export function parseNewTrack(input: string, prefer?: Lang): Parsed<{ id: string; title: Localized }> {
  const m = /^([a-z0-9][a-z0-9-]{0,31})\s+(.+)$/su.exec(input.trim());
  if (!m) return fail("track-format");
  const title = parseLocalized(m[2], prefer);
  if (!title.ok) return title;
  return ok({ id: m[1], title: title.value });
}

// ---- Ids ------------------------------------------------------------------------------------

const TRANSLIT: { [letter: string]: string } = {
  а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", е: "e", ё: "e", є: "ye", ж: "zh", з: "z", и: "i",
  і: "i", ї: "yi", й: "y", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t",
  у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e",
  ю: "yu", я: "ya",
};

/** Lower-case Latin words joined by "-": "Встреча в Эр-Рияде" → "vstrecha-v-er-riyade". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/\p{Script=Cyrillic}/gu, (c) => TRANSLIT[c] ?? "")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const ID_MAX = 48;

/**
 * An entry id from its title (English if there is one, else transliterated) and its date,
 * e.g. "witkoff-putin-meeting-2025-04-10", made unique against `taken` with -2, -3, ….
 */
export function entryId(title: Localized, date: string | null, taken: (id: string) => boolean): string {
  const words = slugify(title.en ?? title.ru ?? title.uk ?? "") || "entry";
  const suffix = date ? `-${date}` : "";
  for (let n = 1; ; n++) {
    const extra = n === 1 ? "" : `-${n}`;
    const room = ID_MAX - suffix.length - extra.length;
    const base = words.length > room ? words.slice(0, room).replace(/-[^-]*$/, "") || words.slice(0, room) : words;
    const id = `${base.replace(/-+$/, "")}${suffix}${extra}`;
    if (!taken(id)) return id;
  }
}
