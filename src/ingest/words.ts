// Words as the extractor compares them. Russian and Ukrainian inflect names and nouns
// (Стамбул, Стамбуле, Стамбулі; Дарчиев, Дарчиевым, Дарчієвим), so a name or a cue is
// compared on a folded form and a stem, never on the surface form.
import snowball from "snowball-stemmers";
import type { ArticleLang } from "./language.ts";
import { memoized } from "./memo.ts";

export interface Token {
  /** As written, with its case (a capital tells a name from a common word). */
  text: string;
  /** Lower case, with the letters the two Cyrillic spellings differ in folded together. */
  folded: string;
  /** Character offset in the sentence. */
  start: number;
}

// Ukrainian і/ї/є/ґ and Russian ы/э/ё spell the same names differently (Дарчієв/Дарчиев,
// Рубіо/Рубио); folding them lets one stored form match both spellings and both cases.
const FOLD: Record<string, string> = { ё: "е", і: "и", ї: "и", є: "е", ґ: "г", ы: "и", э: "е", "’": "", "'": "", ʼ: "" };

const TO_FOLD = new RegExp(`[${Object.keys(FOLD).join("")}]`, "gu");

// (One replace over the string, not a string grown letter by letter: a sentence is folded often.)
export function fold(word: string): string {
  return word.toLowerCase().replace(TO_FOLD, (ch) => FOLD[ch]);
}

// A word: letters (Latin or Cyrillic) with inner apostrophes (п'ять, Мар'яна) and dotted
// abbreviations (U.S.); hyphens split (российско-американских, Абу-Даби) because each half
// inflects on its own. An initial glued to a surname ("М.Рубио", "С.В.Лаврова", the style of
// official Russian releases) is no abbreviation: a capital followed by small letters starts a word.
const WORD_RE = /\p{L}[\p{L}\p{M}’'ʼ]*(?:\.\p{Lu}(?!\p{Ll})\.?)*|\d+/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    let raw = m[0];
    // English possessive: Putin's, Moscow's.
    if (/['’]s$/.test(raw) && /^[A-Za-z]/.test(raw)) raw = raw.slice(0, -2);
    raw = raw.replace(/['’ʼ]+$/, "");
    const dotted = raw.includes(".") ? raw.replace(/\./g, "") : raw;
    tokens.push({ text: dotted, folded: fold(dotted), start: m.index ?? 0 });
  }
  return tokens;
}

// Inflectional endings after folding (ы→и, і→и, є→е): what Russian and Ukrainian add to a
// name's stem in any case or number. Used only for names, whose stems are long enough that
// three letters of ending do not turn one name into another.
const ENDING_RE = /^[аеиоуюяьймхвгш]{0,3}$/;

/** The stem under which a name is stored: its folded form less a final vowel or soft sign. */
export function nameStem(folded: string): string {
  if (/[a-z]$/.test(folded)) return folded;
  const stem = folded.replace(/[аеиоуюяьй]$/, "");
  return stem.length >= 3 ? stem : folded;
}

/** Does a token spell this name stem in some case? Latin names only take no ending. */
export function isFormOf(token: Token, stem: string): boolean {
  if (!token.folded.startsWith(stem)) return false;
  const rest = token.folded.slice(stem.length);
  if (rest === "") return true;
  if (/[a-z]$/.test(stem)) return false;
  return ENDING_RE.test(rest);
}

// Before the locative -і/-е Ukrainian and Russian soften г, к, х to з, ц, с
// (Петербург → у Петербурзі, Гамбург → в Гамбурзі).
const SOFTENED: Record<string, string> = { г: "з", к: "ц", х: "с" };

/** isFormOf, allowing the consonant change of the locative case. */
export function isNameForm(token: Token, stem: string): boolean {
  if (isFormOf(token, stem)) return true;
  const soft = SOFTENED[stem.slice(-1)];
  return soft !== undefined && token.folded === `${stem.slice(0, -1)}${soft}и`;
}

const russian = snowball.newStemmer("russian");
const english = snowball.newStemmer("english");

/** The Snowball stem of a Russian or English word, for cue matching (Ukrainian has none). */
export const wordStem = memoized(stemOnce, (word, lang) => `${lang} ${word}`, 16384);

function stemOnce(word: string, lang: Exclude<ArticleLang, "uk">): string {
  const lower = word.toLowerCase().replace(/['’ʼ]/g, "");
  return lang === "en" ? english.stem(lower) : russian.stem(lower.replace(/ё/g, "е"));
}
