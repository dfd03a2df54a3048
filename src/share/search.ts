// Finding entries by what people type after the bot's name in any chat ("istanbul", "стамбул",
// "раунд", "2025-04-10", "10.04"): a word index over titles, places, participants and series
// names in all three languages, built once per record version. Pure: the shell feeds it entries
// (it may yield between them) and asks it queries.
//
// Matching is by lower-cased word prefix, which makes it tolerant of case and of most Russian
// and Ukrainian declension ("стамбул" finds "Стамбуле"); a query word that itself carries an
// inflected ending is trimmed to its stem first ("стамбуле" finds "Стамбул").
import type { Entry, Localized, Track } from "../record/schema.ts";

export interface SearchIndex {
  /** Every distinct indexed word, sorted (code-unit order), for prefix ranges by binary search. */
  words: string[];
  /** For words[i], the ranks of the entries that contain it. */
  postings: Int32Array[];
  /** Entry ids by rank. */
  ids: string[];
}

/** Collects entries; `finish()` turns them into the index. */
export class SearchIndexBuilder {
  private readonly byWord = new Map<string, number[]>();
  private readonly ids: string[] = [];
  private readonly trackWords = new Map<string, string[]>();

  constructor(tracks: readonly Track[]) {
    for (const t of tracks) this.trackWords.set(t.id, [t.title.en, t.title.ru, t.title.uk].flatMap((v) => (v ? splitWords(v) : [])));
  }

  /**
   * Adds an entry; entries added later rank higher (the shell adds undated ones first, then the
   * dated ones oldest first, so that results come newest first and undated last).
   */
  add(e: Entry): void {
    const rank = this.ids.length;
    this.ids.push(e.id);
    this.word(e.id, rank);
    this.text(e.title, rank);
    for (const w of this.trackWords.get(e.track) ?? []) this.word(w, rank);
    if (e.place) {
      this.text(e.place.city, rank);
      this.text(e.place.country, rank);
      this.text(e.place.venue, rank);
    }
    for (const p of e.participants) this.text(p.name, rank);
    for (const d of dateWords(e)) this.word(d, rank);
  }

  private text(text: Localized | undefined, rank: number): void {
    if (!text) return;
    for (const v of [text.en, text.ru, text.uk]) if (v) for (const w of splitWords(v)) this.word(w, rank);
  }

  /** Ranks only grow, so a word met twice in one entry is the last one in its list. */
  private word(w: string, rank: number): void {
    const list = this.byWord.get(w);
    if (!list) this.byWord.set(w, [rank]);
    else if (list[list.length - 1] !== rank) list.push(rank);
  }

  finish(): SearchIndex {
    const words = [...this.byWord.keys()].sort();
    return { words, postings: words.map((w) => Int32Array.from(this.byWord.get(w)!)), ids: this.ids };
  }
}

/** Lower case, ё as е (Russian text is written both ways), for indexing and queries alike. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/ё/g, "е");
}

// A hyphenated word ("Эр-Рияд", an entry id such as "istanbul-round-2") is one word in a query,
// and in the index both the whole and its parts (so "рияд" finds it too).
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

function splitWords(text: string): string[] {
  const out: string[] = [];
  for (const w of normalize(text).match(WORD) ?? []) {
    out.push(w);
    if (w.includes("-")) out.push(...w.split("-"));
  }
  return out;
}

/** Longest multi-day span whose every day is indexed (longer ones are found by their first day). */
const MAX_INDEXED_DAYS = 14;

/** The entry's days as "2025-04-10" and "10.04.2025" (so "2025-04", "10.04" and "10.04.2025" find it by prefix). */
function dateWords(e: Entry): string[] {
  if (!e.date) return [];
  if (e.date.length === 7) return [e.date];
  const out: string[] = [];
  const first = Date.parse(`${e.date}T00:00:00Z`);
  const last = e.endDate && e.endDate.length === 10 ? Date.parse(`${e.endDate}T00:00:00Z`) : first;
  for (let t = first, n = 0; t <= last && n < MAX_INDEXED_DAYS; t += 86_400_000, n++) {
    const iso = new Date(t).toISOString().slice(0, 10);
    out.push(iso, `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`);
  }
  return out;
}

// Case endings of Russian and Ukrainian nouns and adjectives, longest first: a query word is
// trimmed by one of them (keeping a stem of four letters or more) before prefix matching.
const ENDINGS = ["ами", "ями", "ах", "ях", "ам", "ям", "ом", "ем", "ой", "ей", "ою", "ею", "ов", "ев", "ий", "ый", "ія", "ие", "ые", "і", "ї", "а", "я", "у", "ю", "е", "и", "ы", "о"];

export function stem(word: string): string {
  if (!/^[\p{Script=Cyrillic}-]+$/u.test(word)) return word;
  for (const end of ENDINGS) if (word.endsWith(end) && word.length - end.length >= 4) return word.slice(0, -end.length);
  return word;
}

/** The query as index terms: dates in either spelling, then words (stemmed). */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  let rest = normalize(query);
  rest = rest.replace(/\b(\d{4})-(\d{2})(?:-(\d{2}))?\b/g, (whole) => {
    terms.push(whole);
    return " ";
  });
  rest = rest.replace(/\b(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?\b/g, (_whole, d: string, m: string, y?: string) => {
    terms.push(`${d.padStart(2, "0")}.${m.padStart(2, "0")}${y ? `.${y}` : ""}`);
    return " ";
  });
  for (const w of rest.match(WORD) ?? []) terms.push(stem(w));
  return terms;
}

/** First index in the sorted `words` not less than `key`. */
function lowerBound(words: string[], key: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The ids of the entries matching every term of the query (each term as a word prefix), newest
 * first, at most `limit`, from `offset`; `more` says whether there are others after them.
 */
export function searchEntries(index: SearchIndex, query: string, limit: number, offset = 0): { ids: string[]; more: boolean } {
  const terms = queryTerms(query);
  if (terms.length === 0) return { ids: [], more: false };
  // One byte per entry and term: a term's matches are the union of its words' postings, the
  // query's the intersection of its terms'. At 100,000 entries a query takes a few milliseconds.
  const n = index.ids.length;
  let hits: Uint8Array | undefined;
  for (const term of terms) {
    const mine = new Uint8Array(n);
    let any = false;
    for (let i = lowerBound(index.words, term); i < index.words.length && index.words[i].startsWith(term); i++) {
      for (const rank of index.postings[i]) if (!hits || hits[rank]) mine[rank] = 1;
      any = true;
    }
    if (!any) return { ids: [], more: false };
    hits = mine;
  }
  const ids: string[] = [];
  let skipped = 0;
  for (let rank = n - 1; rank >= 0; rank--) {
    if (!hits![rank]) continue;
    if (skipped < offset) skipped++;
    else if (ids.length < limit) ids.push(index.ids[rank]);
    else return { ids, more: true };
  }
  return { ids, more: false };
}
