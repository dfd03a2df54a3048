// People data/names.json does not know yet, named the way the press introduces an official:
// a post with its country, then a given name and a surname ("Russian Deputy Foreign Minister
// Sergei Vershinin", "заместитель министра иностранных дел России Сергей Вершинин",
// "заступник міністра закордонних справ України Сергій Кислиця"). Only officials of the sides
// the record follows (in Russian and Ukrainian not the Americans, whose names in Cyrillic do not
// spell back into English), and in Russian and Ukrainian only a name in the nominative case of a man's
// name (a consonant or -й at the end of both words): "Сергея Вершинина" could be his genitive or
// a woman's name, and a wrong spelling is worse than none. The English spelling of a Cyrillic
// name is a transliteration, so such a person is marked as read by rule.
import type { ArticleLang } from "./language.ts";
import type { Mention, NameIndex, Person } from "./names.ts";
import type { ReadSentence } from "./reading.ts";
import { LOCATIVE } from "./vocabulary.ts";

/** Words of an official's post (folded): what may stand before his name. */
const POST_WORD = /^(minister|deputy|ambassador|envoy|secretary|adviser|advisor|aide|senator|general|admiral|director|chief|head|negotiator|министр\p{L}*|замминистра|заместител\p{L}*|посол|посла|посланник\p{L}*|спецпосланник\p{L}*|советник\p{L}*|помощник\p{L}*|сенатор\p{L}*|генерал\p{L}*|адмирал\p{L}*|директор\p{L}*|руководител\p{L}*|начальник\p{L}*|секретар\p{L}*|глава|главой|заступник\p{L}*|посланец\p{L}*|посланц\p{L}*|радник\p{L}*|помичник\p{L}*|керивник\p{L}*|голова|головою)$/u;

/** The id a person found this way carries: not one of names.json's. */
const STRANGER = "unknown-";
export const isStranger = (p: Person) => p.id.startsWith(STRANGER);

/** The last words of a post's name that may stand before the holder's ("Secretary of State", "Minister of Defense"). */
const POST_TAIL = /^(state|defense|defence|affairs|security|intelligence|staff|treasury|commerce|justice|energy|finance|council|office)$/u;
/** Words that end an institution's name, never a man's. */
const INSTITUTION = /^(fund|bank|council|service|agency|committee|ministry|department|office|house|forces|army|navy|group|company|corporation|university|institute|center|centre|union|party|federation|republic|forum|foundation|commission)$/u;

/** "and", "or" (folded: і is и). */
const AND = /^(and|or|и|или|та|й|або|чи)$/u;

/** How far before the name the post and its country may stand: "заместитель министра иностранных дел России". */
const REACH = 6;

const RU_LATIN: Record<string, string> = { а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya" };
// Ukraine's official romanization (2010): г → h, и → y, і → i, ї/є/ю/я and й as in its table.
const UK_LATIN: Record<string, string> = { ...RU_LATIN, г: "h", ґ: "g", и: "y", і: "i", ї: "i", є: "ie", й: "i", ю: "iu", я: "ia", "'": "", "’": "", ʼ: "" };
const UK_FIRST: Record<string, string> = { є: "ye", ї: "yi", й: "y", ю: "yu", я: "ya" };

/** The name in Latin letters, each word capitalised. */
export function romanize(name: string, lang: ArticleLang): string {
  if (lang === "en") return name;
  return name
    .split(" ")
    .map((w) => {
      const lower = w.toLowerCase();
      let out = "";
      for (const [i, ch] of [...lower].entries()) out += (lang === "uk" && i === 0 ? UK_FIRST[ch] : undefined) ?? (lang === "uk" ? UK_LATIN : RU_LATIN)[ch] ?? ch;
      return out.charAt(0).toUpperCase() + out.slice(1);
    })
    .join(" ");
}

/** A man's name in the nominative: both words end in a consonant, -й or -о (Дмитро, Шевченко), not in an instrumental ending. */
function nominative(given: string, surname: string): boolean {
  const word = (w: string) => /[бвгґджзйклмнпрстфхцчшщо]$/u.test(w) && !/(ым|им|ом|ем)$/u.test(w);
  return word(given.toLowerCase()) && word(surname.toLowerCase());
}

/**
 * For each sentence, the officials it introduces whom names.json does not know: a post with a
 * followed country in its words, right before a given name and a surname.
 */
export function findStrangers(sentences: ReadSentence[], names: NameIndex, lang: ArticleLang): Map<ReadSentence, Mention[]> {
  const out = new Map<ReadSentence, Mention[]>();
  const known = new Map<string, Person>();
  for (const s of sentences) {
    const found: Mention[] = [];
    const taken = (i: number) => s.mentions.some((m) => m.first <= i && i <= m.last);
    for (let i = 1; i + 1 < s.tokens.length; i++) {
      const [given, surname] = [s.tokens[i], s.tokens[i + 1]];
      // Exactly two capitalised words, neither of them a post's ("Deputy Foreign Minister Sergei …").
      const next = s.tokens[i + 2];
      if (taken(i) || taken(i + 1) || !isName(given.text) || !isName(surname.text) || (next && /^\p{Lu}/u.test(next.text))) continue;
      // ("secretary of Ukraine's National Security and Defense Council": a post's last word is no surname.)
      if (POST_WORD.test(given.folded) || POST_WORD.test(surname.folded) || INSTITUTION.test(surname.folded) || POST_TAIL.test(surname.folded)) continue;
      // Inside a run of capitals ("Russian Direct Investment Fund") is an institution's name;
      // only a post's own words stand right before a name ("Secretary of State John Smith").
      const before = s.tokens[i - 1];
      if (/^\p{Lu}/u.test(before.text) && !POST_WORD.test(before.folded) && !POST_TAIL.test(before.folded) && !taken(i - 1)) continue;
      // "secretary of state for Russia and Central Europe", "по России и Центральной Азии": a
      // pair joined by "and" to a country or a place is one more place, not a man.
      const joined = s.mentions.find((m) => m.named.type !== "person" && m.last === i - 2);
      if (joined && AND.test(before.folded)) continue;
      if (lang !== "en" && !nominative(given.text, surname.text)) continue;
      // The post runs up to the name, with no comma or stop between ("…, Kirill Dmitriev" is an apposition).
      let from = Math.max(0, i - REACH);
      for (let k = i - 1; k >= from; k--) {
        if (/[,;:.!?—–()«»"]/u.test(s.text.slice(end(s, k), s.tokens[k + 1].start))) {
          from = k + 1;
          break;
        }
      }
      if (/[,;:.!?—–()]/u.test(s.text.slice(end(s, i), surname.start))) continue;
      const post = s.tokens.slice(from, i).findIndex((t) => POST_WORD.test(t.folded));
      if (post < 0) continue;
      // The post's country: a followed one named in it (not "посол США в России": the place).
      const country = s.mentions.find((m) => m.named.type === "country" && m.first >= from && m.last < i && !LOCATIVE.has(s.tokens[m.first - 1]?.folded ?? "") && m.named.country.followed);
      if (!country || country.named.type !== "country") continue;
      // An American's name in Cyrillic ("Джон Смит") does not spell back into English.
      if (lang !== "en" && country.named.country.code === "US") continue;
      const name = `${given.text} ${surname.text}`;
      const english = romanize(name, lang);
      const side = country.named.country.code;
      const key = `${side}:${english}`;
      const role = s.tokens.slice(from + post, i).map((t) => t.text).join(" ");
      const person: Person = known.get(key) ?? { id: `${STRANGER}${english.toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "")}`, name: { en: english, ru: name, uk: name }, forms: [name], side, role: { en: role, ru: role, uk: role } };
      known.set(key, person);
      found.push({ named: { type: "person", person }, first: i, last: i + 1 });
      i++;
    }
    if (found.length > 0) out.set(s, found);
  }
  return out;
}

/** Where the token at i ends in the text: after "U.S." with its dots. */
function end(s: ReadSentence, i: number): number {
  const t = s.tokens[i];
  return t.start + (/^\p{L}[\p{L}\p{M}'’ʼ]*(?:\.\p{Lu}\.?)*|^\d+/u.exec(s.text.slice(t.start))?.[0].length ?? t.text.length);
}

/** A capitalised word of letters, not an acronym ("ГРУ", "NATO") nor a one-letter initial. */
function isName(w: string): boolean {
  return /^\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}+)?$/u.test(w);
}
