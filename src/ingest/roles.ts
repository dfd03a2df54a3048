// People named by their post instead of their name: "the two presidents", "глави МЗС США і
// Росії", "американський спецпосланник", "зять президента США", "Kremlin aide". A story names
// such a person once (in a quote, a reminder, an update) and then by his post; the post is
// resolved to the one person the story names who holds it on that side, or, where the story
// names none, to the one person data/names.json knows held it on that side that day.
// Pure: sentences and names in, the people each post stands for out.
import type { ArticleLang } from "./language.ts";
import type { Mention, NameIndex, Person } from "./names.ts";
import type { ReadSentence } from "./reading.ts";
import { isSpeaker } from "./name-syntax.ts";
import { findStrangers } from "./strangers.ts";
import { pronounsResolved } from "./pronouns.ts";
import { LOCATIVE, NOT_A_PARTICIPANT_BEFORE } from "./vocabulary.ts";

/**
 * The posts, as the words that name them run over a sentence's folded words joined by spaces
 * (і → и, ы → и, є → е: "президенти" is both the Russian and the Ukrainian plural). `one` names
 * one holder, `many` several (one per side); a `unique` post has one holder per country at a
 * time, whom names.json may know by his term ("since", "until").
 * People carry the ids of the posts they hold in names.json ("titles").
 */
export const TITLES: Record<string, { one: RegExp; many: RegExp; unique?: boolean }> = {
  president: {
    unique: true,
    one: /^(президент\p{L}*|president|лидер\p{L}*|leader|глав\p{L}* (государства|держави)|head of state|(глав|очильник|хозяин|господар)\p{L}* (белого дома|билого дому|кремл\p{L}*))$/u,
    many: /^((президент|лидер)(и|ов|ив|ам|ами|ах)|presidents|leaders|глав\p{L}* (двух |двох |обоих |обох )?(государств|держав)|heads of state)$/u,
  },
  "foreign-minister": {
    unique: true,
    one: /^(министр\p{L}* (иностранних дел|закордонних справ)|(глав|очильник|керивник)\p{L}* (мид|мзс|госдеп\p{L}*|держдеп\p{L}*|госдепартамент\p{L}*|держдепартамент\p{L}*)|foreign minister|secretary of state|top diplomat|госсекретар\p{L}*|держсекретар\p{L}*|(государствен|державн)\p{L}* секретар\p{L}*)$/u,
    many: /^(министр(и|ов|ив|ам|ами|ах) (иностранних дел|закордонних справ)|глав(и|ам|ами|ах) (мид|мзс|внешнеполитических ведомств|зовнишньополитичних видомств)|foreign ministers|top diplomats)$/u,
  },
  envoy: {
    one: /^((спец)?(посланник|посланц|посланец|посланець)\p{L}*|спецпредставител\p{L}*|спецпредставник\p{L}*|(special )?envoy)$/u,
    many: /^((спец)?(посланник|посланц)(и|ов|ив|ам|ами|ах)|(special )?envoys)$/u,
  },
  aide: { one: /^(помощник\p{L}*|помичник\p{L}*|aide)$/u, many: /^((помощник|помичник)(и|ов|ив|ам|ами|ах)|aides)$/u },
  "son-in-law": { one: /^(зят\p{L}*|son in law)$/u, many: /^(?!)$/u },
  "rdif-head": {
    one: /^((глав|гендиректор|керивник|очильник)\p{L}* (рфпи|российского фонда прямих инвестиций|российського фонду прямих инвестиций)|(head|chief) of (the )?(rdif|russian direct investment fund))$/u,
    many: /^(?!)$/u,
  },
};

/**
 * The sentences with the people they name other than by a name names.json knows: by post
 * ("глави МЗС"), or officials it does not know yet (strangers.ts).
 */
export function withPeopleUnnamed(sentences: ReadSentence[], names: NameIndex, published: string, lang: ArticleLang): ReadSentence[] {
  const titled = resolveTitles(sentences, names, published);
  const strangers = findStrangers(sentences, names, lang);
  const pronouns = pronounsResolved(sentences);
  return sentences.map((s) => (titled.has(s) || strangers.has(s) || pronouns.has(s) ? { ...s, roles: [...(titled.get(s) ?? []), ...(strangers.get(s) ?? []), ...(pronouns.get(s) ?? [])] } : s));
}

/** Posts only one country has: the Secretary of State is American. */
const ONLY_SIDE: [RegExp, string][] = [[/^(госсекретар|держсекретар|secretary of state)/u, "US"]];

/** Words after which a post is whose office it is ("Офіс президента"), or another post ("Deputy Secretary of State", "заместитель госсекретаря", "former president"). */
const PRINCIPAL_BEFORE = /^(deputy|assistant|under|vice|former|ex|заместител\p{L}*|заступни\p{L}*|замести\p{L}*|бывш\p{L}*|колишн\p{L}*|экс|офис\p{L}*|аппарат\p{L}*|апарат\p{L}*|канцеляр\p{L}*|пресс|прес|служб\p{L}*|команд\p{L}*|окружени\p{L}*|оточенн\p{L}*|указ\p{L}*)$/u;

/** After a plural post: whose they are, when not the two sides' ("ряда европейских стран", "of several countries"). */
const OTHERS_AFTER = /^(ряда|ряду|нескольких|килькох|многих|багатьох|других|инших|европейск|европейськ|западн|захидн|арабск|арабськ|стран|краин|of (other|several|many|european|western|arab|the g7|the g20|g7|g20|nato|the eu))/u;

/** The longest run of words a post's name takes ("министр иностранных дел", "heads of state"). */
const LONGEST = 6;

/** Does this person hold a post one of whose words is this one ("спецпосланник Стив Уиткофф")? */
export function holdsTitle(person: Person, folded: string): boolean {
  return (person.titles ?? []).some((t) => TITLES[t]?.one.test(folded) || TITLES[t]?.many.test(folded));
}

/** Is the day within the person's term (when names.json gives one)? */
function inOffice(p: Person, day: string): boolean {
  return (!p.since || p.since <= day) && (!p.until || day < p.until);
}

/**
 * For each sentence, the people its posts stand for, as mentions over the post's words: only a
 * post used alone (not "president Vladimir Putin", not "Putin's aide" as Putin, not "помощник
 * президента" as the president), resolved only where one person fits each side it names.
 */
export function resolveTitles(sentences: ReadSentence[], names: NameIndex, published: string): Map<ReadSentence, Mention[]> {
  const named = new Set<Person>();
  for (const s of sentences) for (const m of s.mentions) if (m.named.type === "person") named.add(m.named.person);
  const out = new Map<ReadSentence, Mention[]>();
  for (const s of sentences) {
    const found: Mention[] = [];
    const words = s.tokens.map((t) => t.folded);
    for (let i = 0; i < words.length; i++) {
      // A word inside a known name ("Президент" of a place, "Leader" of a party) is no post.
      if (s.mentions.some((m) => m.first <= i && i <= m.last)) continue;
      const post = postAt(words, i);
      if (!post) continue;
      const span = { first: i, last: i + post.length - 1 };
      i = span.last;
      if (isPrincipal(s, words, span)) continue;
      const whose = sidesOfPost(s, words, span);
      if (!whose) continue;
      // "Ушаков уточнил, что Уиткоффа «естественно, примет президент»": a post of no country in
      // the words of one side's official is his side's.
      const speaker = whose.size === 0 && !post.many ? s.mentions.find((m) => m.named.type === "person" && m.last < span.first && isSpeaker(s, m)) : undefined;
      if (speaker?.named.type === "person") whose.add(speaker.named.person.side);
      // "Лидерами роста стали бумаги …": a plural post of no country counts in a sentence about
      // a contact; "лидеры ряда европейских стран", "leaders of several countries" are others.
      if (whose.size === 0 && post.many && ((s.kinds.size === 0 && s.tense === undefined) || OTHERS_AFTER.test(words.slice(span.last + 1, span.last + 3).join(" ")))) continue;
      for (const person of holders(post.title, post.many, whose, named, names, published)) found.push({ named: { type: "person", person }, ...span, byPost: true });
    }
    if (found.length > 0) out.set(s, found);
  }
  return out;
}

interface Span {
  first: number;
  last: number;
}

/**
 * "помощник президента", "спецпосланник американского лидера": a post after a post is the
 * first one's principal; "the president's son-in-law" likewise; "the summit of the two
 * presidents", "adviser to the president": whose, not who.
 */
function isPrincipal(s: ReadSentence, words: string[], { first, last }: Span): boolean {
  let k = first - 1;
  while (k >= 0 && (/^(the|two|both)$/u.test(words[k]) || s.mentions.some((m) => m.named.type === "country" && m.first <= k && k <= m.last))) k--;
  const before = words[k] ?? "";
  if (before === "of" || before === "to" || NOT_A_PARTICIPANT_BEFORE.test(before) || PRINCIPAL_BEFORE.test(before)) return true;
  return Object.values(TITLES).some((t) => t.one.test(before)) || /^[\p{L}\p{M}]+['’]s\b/u.test(s.text.slice(s.tokens[last].start));
}

/**
 * The sides a post names: the countries right before it ("американський спецпосланник", "the
 * Russian leader"), in its words ("глава Белого дома", "очільник Держдепу") and right after it,
 * joined by "and" or "of" ("президенты России и США", "President of the United States"), or the
 * one whose man he is ("спецпосланник Трампа", "Putin's aide"). Undefined where the holder is
 * named beside it ("спецпосланник президента США Стив Уиткофф", "Kirill Dmitriev, the head of
 * the Russian Direct Investment Fund"): the name says it.
 */
function sidesOfPost(s: ReadSentence, words: string[], { first, last }: Span): Set<string> | undefined {
  const phrase = words.slice(first, last + 1).join(" ");
  const sides = new Set<string>();
  for (const [re, side] of ONLY_SIDE) if (re.test(phrase)) sides.add(side);
  // The country a mention at a word stands for as an actor: "США", "российский", "Кремля"
  // (not "в США": a place).
  const sideAt = (j: number) => {
    const m = s.mentions.find((x) => x.first === j);
    if (!m || LOCATIVE.has(words[j - 1] ?? "")) return undefined;
    if (m.named.type === "country") return { code: m.named.country.code, last: m.last };
    const seat = m.named.type === "place" ? (m.named.place.capitalOf ?? (m.named.place.kind === "venue" ? m.named.place.country : undefined)) : undefined;
    return seat ? { code: seat, last: m.last } : undefined;
  };
  for (let j = first - 1; j >= Math.max(0, first - 3); j--) {
    const at = s.mentions.find((m) => m.last === j);
    const side = at ? sideAt(at.first) : undefined;
    if (!at || !side) break;
    sides.add(side.code);
    j = at.first;
  }
  for (let j = first; j <= last; j++) {
    const side = sideAt(j);
    if (side) sides.add(side.code);
  }
  for (let j = last + 1; j < words.length; j++) {
    const side = sideAt(j);
    if (side) {
      sides.add(side.code);
      j = side.last;
    } else if (!/^(и|й|та|and|of|the|&)$/u.test(words[j])) break;
  }
  for (const m of s.mentions) {
    if (m.named.type !== "person") continue;
    const gap = s.text.slice(s.tokens[Math.min(m.last, last)].start, s.tokens[Math.max(m.first, first)].start);
    if (m.first > last && m.first <= last + 4 && !betweenBreak(s, m, first, last)) {
      if (holdsTitle(m.named.person, words[first]) || holdsTitle(m.named.person, phrase)) return undefined;
      if (m.first === last + 1) sides.add(m.named.person.side);
    }
    if (m.last < first && first - m.last <= 2 && /,/.test(gap) && holdsTitle(m.named.person, phrase)) return undefined;
    if (m.last === first - 1 && /['’]s$/u.test(gap.trim())) sides.add(m.named.person.side);
  }
  return sides;
}

/** The first words of the posts' names: only where one stands is a post looked for. */
const HEAD = /^(президент|лидер|president|leader|глав|head|очильник|хозяин|господар|министр|foreign|secretary|top|госсекретар|держсекретар|керивник|спецпосланн|спецпосланц|спецпосланец|посланн|посланц|посланец|спецпредстав|special|envoy|помощник|помичник|aide|зят|son|гендиректор|chief)/u;

/** The post whose words start at word i, the longest first. */
function postAt(words: string[], i: number): { title: string; many: boolean; length: number } | undefined {
  if (!HEAD.test(words[i])) return undefined;
  for (let n = Math.min(LONGEST, words.length - i); n >= 1; n--) {
    const phrase = words.slice(i, i + n).join(" ");
    for (const [title, t] of Object.entries(TITLES)) {
      if (t.many.test(phrase)) return { title, many: true, length: n };
      if (t.one.test(phrase)) return { title, many: false, length: n };
    }
  }
  return undefined;
}

/** A comma, a stop or a dash between the post and the name: "… the envoy. Witkoff said". */
function betweenBreak(s: ReadSentence, m: Mention, first: number, last: number): boolean {
  const [a, b] = m.first > last ? [s.tokens[last], s.tokens[m.first]] : [s.tokens[m.last], s.tokens[first]];
  const gap = s.text.slice(a.start + a.text.length, b.start);
  return /[.;:!?—–]|,\s*(а|але|но|but|and|и|і|й)\s/u.test(gap);
}

/**
 * The holders of a post: on each side named, the one the story names, else the one in office
 * that day; with no side named, the one the story names (or one per side for "the two
 * presidents", when the story names exactly two on different sides).
 */
function holders(title: string, many: boolean, sides: Set<string>, named: Set<Person>, names: NameIndex, day: string): Person[] {
  const unique = TITLES[title].unique === true;
  const holding = names.names.people.filter((p) => p.titles?.includes(title));
  // One post named alone is his whose first post it is: "the envoy" beside Witkoff and Kushner
  // is Witkoff, though "the envoys" are both.
  // ("встреча президентов" in a story that also recalls Biden at Geneva in 2021: the presidents
  // of a post one holds at a time are those in office on the story's day.)
  const all = holding.filter((p) => named.has(p) && (!unique || inOffice(p, day)));
  const first = all.filter((p) => p.titles?.[0] === title);
  const inStory = many || first.length === 0 ? all : first;
  if (sides.size === 0) {
    // "the president" of no country is anyone's; "the envoy" in a story naming one envoy is he.
    if (unique && !many) return [];
    const bySide = new Map<string, Person[]>();
    for (const p of inStory) bySide.set(p.side, [...(bySide.get(p.side) ?? []), p]);
    if ([...bySide.values()].some((ps) => ps.length > 1)) return [];
    if (many) return bySide.size === 2 ? inStory : [];
    return inStory.length === 1 ? inStory : [];
  }
  // "президенты России и США": one per side; "американський спецпосланник": the one side.
  if (!many && sides.size > 1) return [];
  const out: Person[] = [];
  for (const side of sides) {
    const told = inStory.filter((p) => p.side === side);
    // "U.S. envoys": all the story names on that side.
    if (many && sides.size === 1 && !unique) return told;
    const serving = told.length > 0 || !unique ? told : holding.filter((p) => p.side === side && inOffice(p, day));
    if (serving.length !== 1) return [];
    out.push(serving[0]);
  }
  return out;
}
