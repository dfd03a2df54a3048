// An article's text as the extractor reads it: the headline, then the story's sentences in
// order, without the page around it (menus, "read also" lists, subscription pleas) and without
// the agency dateline ("MOSCOW, April 8 (Reuters) -"), whose city and date are the newsroom's,
// not the event's (kept apart: where the story gives only a region or a country abroad, the
// newsroom's city there is the event's).
export interface Sentence {
  text: string;
  /** 0 for the headline (when the text has one), then 1, 2, … in reading order. */
  index: number;
  headline: boolean;
  paragraph: number;
}

export interface StoryText {
  sentences: Sentence[];
  headline?: string;
  /** A date line printed with the story ("11 апреля 2025, 09:15", "April 26, 2025"), as written. */
  dateLine?: string;
  /** A place printed alone under the date line ("Москва, Кремль"), as written. */
  placeLine?: string;
  /** The agency dateline the lead opens with ("ANCHORAGE, Alaska, Aug 15 (Reuters) -"), as written:
   * where the story was filed, which is no sentence of it. */
  filedAt?: string;
}

// A photo's caption under the headline, known by the credit that ends it: "Сергій Лавров в ООН
// (Фото: REUTERS/…)", "… speaks to reporters. Photo by Contributor/Getty Images", "… shake hands
// on Friday. Andrew Caballero-Reynolds/AFP/Getty Images": no lead.
const CAPTION = /(\(([Фф]ото|[Pp]hoto|[Ff]oto)\s*:[^)]*\)|([Фф]ото|[Pp]hoto)(\s*:|\s+by)\s*[^.!?]*|[.!?]\s+\p{Lu}[\p{L} .'’-]*(\/\p{Lu}[\p{L} .'’-]*)+)\s*$/u;

// A site's cookie notice ("Мы используем файлы cookie. Продолжая …", "This site uses cookies. Accept").
const COOKIE_NOTICE = /(?<![\p{L}])cookies?(?![\p{L}])/iu;

// Lines that are page furniture, never story.
const CHROME_LINE = /^(перейти к основному контенту|skip to (main )?content|\d+\s*(мин|min|хв)\.?\s*(чтения|read|читання)|политика\s*,?|політика\s*,?|теги|tags|прямой эфир|добавить комментарий|комментарий \(\d+\)|\d+|реклама|advertisement|ad|share|поделиться|поділитися.*|фото:.*|photo:.*)$/i;

// Where the story ends and the page's lists begin.
// (A Kremlin page closes its story with "Тематика", "Регионы", "Персоны" and "Ссылки по теме":
// the links there are dated titles of other stories.)
const STORY_END = /^(ссылки по теме|посилання на тему|related links|тематика$|персоны$|персони$|читайте также|читайте також|ще на цю тему|read more|related|see also|подписывайтесь|підписуйтесь|источник:|джерело:|source:|теги|лента новостей|стрічка новин|предыдущая новость|next story|также по теме|more on this|trending|most read|most popular|more from|самое читаемое|популярное|популярне|новости партнеров|новини партнерів)/i;

// "Джерело: УП", "Источник: ТАСС": who reports it.
const SOURCE_LABEL = /^(источник|джерело|source)\s*:/iu;
// The sections of a Ukrainska Pravda story: "Деталі:", "Пряма мова:", "Що передувало:".
const SECTION_LABEL = /^(деталі|подробиці|подробности|details|пряма мова|прямая речь|що передувало|что предшествовало|передісторія|предыстория|контекст|context|background)\s*:/iu;

const WEEKDAY_LABEL = /^(понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|понеділок|вівторок|середа|четвер|п['’]ятниця|субота|неділя|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*[.:—–-]?$/iu;

// A "read also" or "source" label with the headline or the source after it on the same line.
// A source may be as short as the outlet's initials ("Джерело: УП", "Source: AP").
const INLINE_POINTER = /^((читайте также|читайте також|read more|read also|see also|также по теме)\s*[:.\-–—]\s*\S.{8,}|(источник|джерело|source)\s*:\s*\S.*)/iu;

// A ministry's or the Kremlin's page prints the day with "года"/"року" and the place after the
// time: "16 октября 2025 года, 20:15", "December 29, 2025, 16:30, The Kremlin, Moscow".
// ("Пʼятниця, 23 січня 2026, 08:14", "Sun October 26, 2025": the weekday may open it;
// "Published on 21/01/2026 - 13:15 GMT+1": a dash may set the time off; "February 13, 2026 at
// 11:42 AM GMT+1", "13 лютого 2026 о 12:42": so may "at", "о", "в".)
const DATE_ONLY_LINE = /^(by [^|]+\|\s*)?((published|updated|опубликовано|обновлено|опубліковано|оновлено)(\s+on)?:?\s*)?((понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|понеділок|вівторок|середа|четвер|п['’ʼ]?ятниця|субота|неділя|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+)?((\d{1,2}[./]\d{1,2}[./]\d{4})|(\d{1,2}\s+\p{L}+\s+\d{4}(\s*(года|року|г\.|р\.))?)|(\p{L}+\.?\s+\d{1,2},?\s+\d{4}))((,|\s+[-–—]|\s+at|\s+о|\s+в)?\s*\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?(\s*(gmt|utc|msk|et|edt|est|bst|cet|eet)([+-]\d{1,2})?)?)?(,\s*(the\s+)?\p{Lu}[\p{L}-]*(\s+\p{Lu}[\p{L}-]*)?){0,3}$/iu;

// "Москва, Кремль", "Moscow, The Kremlin", "Ново-Огарёво": a place alone under a date line.
const PLACE_LINE = /^\p{Lu}[\p{L}-]+(,\s*(the\s+)?\p{Lu}[\p{L}-]+){0,2}$/iu;

// An update stamp on a line of its own: "Updated Aug. 6, 2025 4:18 pm ET", "Jan. 22, 2026 —
// Updated: 8:35 p.m.", "Оновлено о 14:25", "Обновлено 24 окт, 21:37". It tells when the page
// changed, never the story (a date line above it, if any, is the publication's).
const UPDATE_WORD = /(updated|обновлено|оновлено|обновляется|оновлюється|последнее обновление|останнє оновлення)(?![\p{L}])/iu;
const UPDATE_STAMP = new RegExp(`^[^!?]{0,40}?${UPDATE_WORD.source}`, "iu");
const isUpdateStamp = (line: string) => UPDATE_STAMP.test(line) && /\d/.test(line) && line.length <= 60 && line.split(" ").length <= 10;

// "MOSCOW, April 8 (Reuters) - ", "UNITED NATIONS, Sept 18 (TASS) — ", "КИЇВ, 5 березня (AP) — ",
// "МОСКВА, 8 апреля. /ТАСС/. ", "WASHINGTON (Bloomberg) -- ".
// ("PALM BEACH, Fla., Dec 29 (Reuters) - ": a US state's abbreviation after the city; "MOSCOW,
// Aug. 16 (Xinhua) -- ": a month's abbreviation with its stop; "WASHINGTON/MOSCOW, Oct 17
// (Reuters) - ", "ВАШИНГТОН/МОСКВА, 17 октября. /ТАСС/. ": a story filed from two newsrooms.)
const DATELINE = /^[\p{Lu}][\p{Lu}.\s/-]{2,30}(,\s*\p{Lu}\p{Ll}{1,4}\.)?(,\s*(\p{Lu}\p{Ll}{2,4}\.\s*\d{1,2}|[^.()/—–-]{1,25}?))?(\.?\s*\([^)]{1,30}\)|\.\s*\/[^/]{1,20}\/\.?)\s*(—|–|--|-)?\s*/u;
// AFP and dpa print the city in ordinary case: "Washington (AFP) – ", "Kyiv (dpa) - ".
const TITLE_DATELINE = /^\p{Lu}\p{Ll}+([\s-]\p{Lu}\p{Ll}+)?(,\s*[^.()/—–-]{1,25}?)?\s*\((AFP|dpa|DPA|AP|Reuters|Bloomberg|ANSA|EFE|Xinhua|Anadolu)\)\s*(—|–|--|-)\s*/u;
// Without the agency: "ABU DHABI, Feb 5 - ", "MOSCOW - ", "КИЕВ, 3 дек — ".
const BARE_DATELINE = /^[\p{Lu}][\p{Lu}.'’\s/-]{2,40}?(,\s*[^.()/—–-]{1,25}?)?\s+(—|–|--|-)\s+(?=[\p{Lu}«"„“])/u;

// Abbreviations after which a full stop does not end a sentence.
const NO_BREAK_BEFORE = /(\b(г|гг|т|е|ст|им|ул|д|см|mr|mrs|ms|dr|st|jan|feb|mar|apr|aug|sept|sep|oct|nov|dec|gen|adm|lt|col|maj|capt|cmdr|sgt|amb|gov|sen|rep|u\.s|u\.n|no|vs|etc|e\.g|i\.e)|\b\p{Lu})\.$/iu;
// A capital alone before a stop is an initial, in either alphabet: "держсекретар США М. Рубіо",
// "глава МИД России С. Лавров", "M. Rubio". (\b knows no Cyrillic letters, so the pattern above
// misses a Cyrillic initial after a space.)
const INITIAL = /(?<![\p{L}\p{M}\d])\p{Lu}\.$/u;

export function readStory(text: string): StoryText {
  const raw = text.replace(/\r\n?/g, "\n").split("\n");
  const lines = raw.map((l) => l.replace(/\s+/g, " ").trim());
  const sentences: Sentence[] = [];
  let headline: string | undefined;
  let dateLine: string | undefined;
  let placeLine: string | undefined;
  let filedAt: string | undefined;
  let paragraph = 0;
  let index = 1;
  const seen = new Set<string>();
  // The lines read as the page's stamp (a masthead may stand over one).
  const stamps = new Set<string>();
  for (const [at, line] of lines.entries()) {
    if (line === "" || CHROME_LINE.test(line) || isSpacedMenu(raw[at]) || (COOKIE_NOTICE.test(line) && line.length <= 250)) continue;
    // (A page that opens on its photo may give the news only in the caption: that is its headline.)
    if (headline !== undefined && CAPTION.test(line)) continue;
    if (STORY_END.test(line)) {
      // "Читайте також: Умєров і Дрісколл провели переговори" between two paragraphs points to
      // another story and the story goes on; "Джерело: помічник Путіна …" under the lead (the
      // Ukrainska Pravda manner) names the source, and so does "Джерело: УП" before the story's
      // next section ("Деталі: …"). A label on its own line opens the page's lists, where the
      // story has ended.
      if (INLINE_POINTER.test(line)) continue;
      if (SOURCE_LABEL.test(line) && SECTION_LABEL.test(lines.slice(at + 1).find((l) => l !== "") ?? "")) continue;
      if (sentences.length > 0) break;
      continue;
    }
    if (DATE_ONLY_LINE.test(line)) {
      dateLine ??= line.replace(/^by [^|]+\|\s*/i, "");
      stamps.add(line);
      continue;
    }
    const signed = stampAfterByline(line) ?? stampAfterOutlet(line);
    if (signed) {
      dateLine ??= signed;
      stamps.add(line);
      continue;
    }
    const dotted = dateAmongLabels(line);
    if (dotted) {
      dateLine ??= dotted;
      stamps.add(line);
      continue;
    }
    // The Kremlin may print the place on a line of its own under the date ("Москва, Кремль").
    // (Printed apart, it places the page; the day above it is still the page's stamp.)
    if (dateLine !== undefined && placeLine === undefined && lines.slice(0, at).filter((l) => l !== "").pop() === dateLine && PLACE_LINE.test(line)) {
      placeLine = line;
      continue;
    }
    // (Above the headline only one that gives a time: "16 ОКТ, 21:47 Обновлено 16 ОКТ, 22:31",
    // "Политика, 09 мар, 17:36 (обновлено 21:48)".)
    if ((headline !== undefined || /\d:\d\d/u.test(line)) && isUpdateStamp(line)) {
      // "Jan. 22, 2026 — Updated: 8:35 p.m.": the day before the stamp is the publication's.
      const published = line.slice(0, line.search(UPDATE_WORD)).replace(/[\s—–|,:-]+$/u, "");
      if (published && DATE_ONLY_LINE.test(published)) dateLine ??= published;
      continue;
    }
    // Pages repeat the headline (title tag, h1, social card); the story reads it once.
    if (seen.has(line)) continue;
    seen.add(line);
    // Lists of other news: "- 03.05.2025 …", "08:30, 20 декабря 2025".
    if (/^[-•–]\s*\d{1,2}[.:]\d{2}/.test(line) || /^\d{1,2}:\d{2},/.test(line)) continue;
    if (isNavigation(line) || isMenuItem(line)) continue;
    // Labels in capitals under the headline ("READOUT", "OFFICE OF THE SPOKESPERSON") and a
    // line that only introduces what follows ("The following is attributable to …:") are not
    // the story's lead.
    if (headline !== undefined && !/\p{Ll}/u.test(line)) continue;
    if (headline !== undefined && /:$/.test(line) && splitSentences(line).length === 1) continue;
    // ("Новая газета Европа" / "Политика · 5 марта 2026" / "Война в Иране отодвинула переговоры …": a
    // name of three words or fewer over the page's date line, with a headline under it, is the outlet's.)
    const above = lines.slice(0, at).filter((l) => l !== "").slice(-2);
    if (headline !== undefined && sentences.length === 1 && above[0] === headline && stamps.has(above[1]) && headline.split(" ").length <= 3 && !/\d/.test(headline) && isHeadline(line)) {
      headline = line;
      sentences[0] = { ...sentences[0], text: line };
      continue;
    }
    if (headline === undefined && sentences.length === 0 && isHeadline(line)) {
      headline = line;
      sentences.push({ text: line, index: 0, headline: true, paragraph: paragraph++ });
      continue;
    }
    const body = line.replace(DATELINE, "").replace(TITLE_DATELINE, "").replace(BARE_DATELINE, "");
    if (body !== line && sentences.every((x) => x.headline)) filedAt ??= line.slice(0, line.length - body.length).trim();
    const parts = splitSentences(body);
    // A round-up dates its items by a label ("Понеділок. Рубіо і Лавров провели …",
    // "Tuesday: …"): the label is the first sentence's day, not a sentence of its own.
    if (parts.length > 1 && WEEKDAY_LABEL.test(parts[0])) parts.splice(0, 2, `${parts[0]} ${parts[1]}`);
    for (const s of parts) sentences.push({ text: s, index: index++, headline: false, paragraph });
    paragraph++;
  }
  return { sentences, headline, dateLine, placeLine, filedAt };
}

/**
 * "Вести · 7 декабря 2025, 22:14", "30 апреля 2026, 12:17 · Политика", "Радио «Вести ФМ» · 16
 * февраля 2026": a date line set off by a middle dot from the outlet's or the section's name. The
 * date, or undefined.
 */
function dateAmongLabels(line: string): string | undefined {
  const parts = line.split(/\s+·\s+/u);
  const date = parts.length > 1 ? parts.find((p) => DATE_ONLY_LINE.test(p)) : undefined;
  return date && parts.every((p) => p === date || p.split(" ").length <= 4) ? date : undefined;
}

/**
 * "by Iryna Tkach  March 11, 2026 11:48 PM  2 min read", "Автор: Олена Коваль 12.03.2026, 10:15":
 * a byline run together with the page's stamp (and its reading time). The stamp, or undefined.
 */
function stampAfterByline(line: string): string | undefined {
  const rest = line.replace(READING_TIME, "");
  const m = /^(by|автор:?)\s+/iu.exec(rest);
  if (!m) return undefined;
  // The author's name is one to three capitalised words; the stamp is what is left after them.
  const words = rest.slice(m[0].length).split(/\s+/u);
  for (let n = 1; n <= 3 && n < words.length; n++) {
    if (!/^\p{Lu}/u.test(words[n - 1])) return undefined;
    const stamp = words.slice(n).join(" ");
    if (DATE_ONLY_LINE.test(stamp)) return stamp;
  }
  return undefined;
}

/**
 * "РБК, 17 октября 2025 года", "Коммерсантъ, 16.02.2026, 19:12", "Reuters, March 3, 2026": the
 * outlet's name and the page's stamp on a line of their own, under the headline. The stamp, or
 * undefined. (It is no lead: the story begins on the next line.)
 */
function stampAfterOutlet(line: string): string | undefined {
  const m = /^(\p{Lu}[\p{L}\d.'’&-]*(\s+\p{L}[\p{L}\d.'’&-]*){0,2}),\s+/u.exec(line);
  if (!m) return undefined;
  const stamp = line.slice(m[0].length);
  return DATE_ONLY_LINE.test(stamp) ? stamp : undefined;
}

// "2 min read", "3 мин чтения", "4 хв читання", "Время чтения: 2 мин": how long the story takes to read.
const READING_TIME = /\s*(\d+\s*(min|minute|minutes|мин|хв)\.?\s*(read|чтения|читання)|(время чтения|час читання|reading time):?\s*\d+\s*(min|minutes|мин|хв)\.?)\s*$/iu;

// A site's menu copied as one line, its items set apart by runs of spaces ("Новини  Війна
// Політика  Світ  Бізнес", "Share  Facebook  X  Email"): a few items of one to three words each,
// which no headline (however it capitalises its words) is.
function isSpacedMenu(line: string): boolean {
  const items = line.trim().split(/\s{2,}|\t/u);
  return items.length >= 3 && items.every((i) => i.split(" ").length <= 3 && !/[.!?…»"]$/u.test(i));
}

// Menu items and buttons ("Главная", "Поделиться", "Ukraine war"): a line of one or two words,
// or three with at most one capital, and no full stop. "Путин принял Уиткоффа" is a headline.
function isMenuItem(line: string): boolean {
  const words = line.split(" ");
  if (words.length > 3 || /[.!?…»"]$/.test(line)) return false;
  // "Putin–Trump phone call": the dash joins two names.
  return words.length < 3 || line.split(/[\s–—-]+/).filter((w) => /^\p{Lu}/u.test(w)).length < 2;
}

function isHeadline(line: string): boolean {
  const words = line.split(" ").length;
  // A headline has no full stop, though it may end in an abbreviation ("… talks with U.S.").
  return words >= 3 && line.length <= 200 && (!/[.]$/.test(line) || /(^|[\s(])(\p{Lu}\.){2,}$/u.test(line)) && !isNavigation(line);
}

// Breadcrumbs and bylines: "World | Europe | Ukraine war", "Головна › Світ", "By Staff Writer".
// (A site's menu may be set off by middle dots or bullets: "Новости · Стенограммы · Поездки".)
function isNavigation(line: string): boolean {
  // ("Opinion | Trump's Russia diplomacy is all meetings and no map", "Думка | …": a column's
  // label before its headline, a sentence of four words or more, is no breadcrumb.)
  if (COLUMN_LABEL.test(line)) return false;
  return (line.match(/\s[|›»>/]\s/g) ?? []).length >= 1 || (line.match(/\s[·•]\s/g) ?? []).length >= 2 || /^(by|автор|автор:)\s+\p{Lu}[\p{L} .]*$/iu.test(line) || BYLINE.test(line);
}

// A column's label and its headline on one line: "Opinion | …", "Мнение | …", "Думка | …".
const COLUMN_LABEL = /^(opinion|op-ed|commentary|column|analysis|мнение|колонка|комментарий|думка|погляд)\s+\|\s+[^|]*(\s\S+){3,}$/iu;

// "By Rachel Morgan and Dmitri Lvov, CNN", "Автор: Олена Коваль, УНІАН": the authors and their
// outlet. Names are capitalised and no full stop ends the line ("By Friday, the talks had
// ended." is a sentence).
const BYLINE = /^([Bb]y|[Аа]втор(и|ы)?:?)\s+\p{Lu}[\p{L}'’.-]*(\s+(and|with|и|і|та|з|с|\p{Lu}[\p{L}'’.-]*))*,\s*\p{Lu}[\p{L}'’ -]{0,30}$/u;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  // A break is a full stop, ! or ? (maybe closing a quote) followed by a space and a capital,
  // a digit or an opening quote or dash.
  const re = /([.!?…]+[»"”)]*)\s+(?=[«"„“(\p{Lu}\d—–-])/gu;
  for (const m of text.matchAll(re)) {
    const end = (m.index ?? 0) + m[1].length;
    const candidate = text.slice(start, end);
    if (NO_BREAK_BEFORE.test(candidate) || INITIAL.test(candidate) || inShortQuote(text, end)) continue;
    out.push(candidate.trim());
    start = end;
  }
  const tail = text.slice(start).trim();
  if (tail) out.push(tail);
  return out.filter((s) => s.length > 0);
}

/** How long a name in guillemets may be: a programme's or a forum's, not a quoted speech. */
const SHORT_QUOTE = 40;

/**
 * Does a position stand inside a short name in guillemets ("для программы «Москва. Кремль.
 * Путин» рассказал", "на форуме «Россия. Африка»"): a title whose stops end no sentence.
 */
function inShortQuote(text: string, at: number): boolean {
  const open = text.lastIndexOf("«", at);
  if (open < 0 || text.lastIndexOf("»", at) > open) return false;
  const close = text.indexOf("»", at);
  return close > 0 && close - open <= SHORT_QUOTE;
}
