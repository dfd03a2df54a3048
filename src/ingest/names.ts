// The people, places and countries Parley knows (data/names.json): their names in three
// languages, the spellings and word forms the press uses, roles and sides. Kept apart from the
// record because it is knowledge about the world, edited by hand as new people appear.
// Pure: the caller reads the file; this module validates it and finds the names in text.
import { z } from "zod";
import { TITLES } from "./roles.ts";
import { fold, isNameForm, nameStem, tokenize, type Token } from "./words.ts";

const text = z.string().trim().min(1);
const InLanguages = z.object({ en: text, ru: text, uk: text }).strict();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day, YYYY-MM-DD");
const code = z.string().regex(/^[A-Z]{2}$/, "must be a two-letter country code");

const Country = z
  .object({
    code,
    /** One of the parties the record follows (RU, US, UA); the others only tell other stories apart. */
    followed: z.boolean().optional(),
    name: InLanguages,
    /** Names as written, in any language and any case: matched in every grammatical case. */
    forms: z.array(text).min(1),
    /** Beginnings of adjectives ("российск", "american"): matched with any ending. */
    prefixes: z.array(text),
  })
  .strict();

const Person = z
  .object({
    id: z.string().regex(/^[a-z][a-z-]*$/),
    name: InLanguages,
    forms: z.array(text).min(1),
    side: code,
    role: InLanguages,
    /** A head of state or government: a meeting of two from different sides is a summit. */
    leader: z.boolean().optional(),
    /** A foreign minister: talks he leads are a meeting, not a working round of the delegations. */
    minister: z.boolean().optional(),
    /** A spokesperson: reports on contacts, never counted as taking part. */
    reports: z.boolean().optional(),
    /** The posts a story may name him by instead of his name (ids of roles.ts TITLES); the
     * first is the one he is named by alone, the others only with others ("the envoys"). */
    titles: z.array(text).optional(),
    /** His term in the post, where another held it before or after (YYYY-MM-DD; until: the first day out). */
    since: day.optional(),
    until: day.optional(),
  })
  .strict();

const PlaceEntry = z
  .object({
    name: InLanguages,
    forms: z.array(text).min(1),
    country: code,
    zone: text,
    kind: z.enum(["city", "region", "venue"]),
    /** The country this city is the capital of: "Moscow said" speaks for Russia. */
    capitalOf: code.optional(),
    /** The capital of its country, where that country is no side a city speaks for ("the
     * Hungarian capital" names Budapest, but "Budapest said" is no side of a contact). */
    capital: z.boolean().optional(),
    /** For a venue: the English name of its city (one of the places). */
    city: text.optional(),
  })
  .strict();

const TrackRule = z
  .object({
    id: text,
    /** Folded word beginnings that put a report in this track ("посольств", "embass"). */
    cues: z.array(text).optional(),
    /** People whose contact belongs to this track. */
    people: z.array(text).optional(),
    /** The kind its talks are: "talks on the embassies" are a round of the consultations. */
    kind: z.enum(["call", "meeting", "round", "summit", "other"]).optional(),
    /** The sides every contact of the series has: what a report naming one side implies. */
    parties: z.array(code).optional(),
    /** The people must be on both sides (Putin and Trump, not Putin alone). */
    needsBothSides: z.boolean().optional(),
  })
  .strict();

export const NamesFile = z
  .object({
    countries: z.array(Country),
    people: z.array(Person),
    places: z.array(PlaceEntry),
    tracks: z.array(TrackRule),
  })
  .strict();
export type NamesFile = z.infer<typeof NamesFile>;
export type Country = z.infer<typeof Country>;
export type Person = z.infer<typeof Person>;
export type PlaceEntry = z.infer<typeof PlaceEntry>;
export type TrackRule = z.infer<typeof TrackRule>;

export class NamesFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "NamesFileError";
  }
}

/** Validates the parsed names file, including the references between its parts. */
export function parseNames(json: unknown, file = "names.json"): NamesFile {
  const result = NamesFile.safeParse(json);
  if (!result.success) {
    throw new NamesFileError(result.error.issues.map((i) => `${file}, ${i.path.join(".") || "top"}: ${i.message}`));
  }
  const names = result.data;
  const problems: string[] = [];
  const codes = new Set(names.countries.map((c) => c.code));
  const ids = new Set<string>();
  for (const p of names.people) {
    if (ids.has(p.id)) problems.push(`${file}, person "${p.id}": id used twice`);
    ids.add(p.id);
    if (!codes.has(p.side)) problems.push(`${file}, person "${p.id}": side ${p.side} is not one of the countries`);
    for (const t of p.titles ?? []) if (!(t in TITLES)) problems.push(`${file}, person "${p.id}": title "${t}" is not one of ${Object.keys(TITLES).join(", ")}`);
  }
  const cities = new Set(names.places.map((p) => p.name.en));
  for (const p of names.places) {
    if (!codes.has(p.country)) problems.push(`${file}, place "${p.name.en}": country ${p.country} is not one of the countries`);
    if (p.city !== undefined && !cities.has(p.city)) {
      problems.push(`${file}, place "${p.name.en}": city ${p.city} is not one of the places`);
    }
  }
  for (const t of names.tracks) {
    for (const id of t.people ?? []) if (!ids.has(id)) problems.push(`${file}, track "${t.id}": person "${id}" is not one of the people`);
  }
  if (problems.length > 0) throw new NamesFileError(problems);
  return names;
}

/**
 * Ukrainian outlets write the names of Russia, its capital, its institutions and its officials
 * with a small letter ("росія", "у москві", "в кремлі", "пєсков") as a matter of style: in
 * Ukrainian those names are names in either case.
 */
export const SMALL_LETTER_SIDE: Partial<Record<"ru" | "uk" | "en", string>> = { uk: "RU" };

/** The country a known name belongs to: a person's side, a place's country, the country itself. */
function sideOfNamed(named: Named): string {
  return named.type === "person" ? named.person.side : named.type === "place" ? named.place.country : named.country.code;
}

export type Named = { type: "person"; person: Person } | { type: "place"; place: PlaceEntry } | { type: "country"; country: Country };

/** A known name found in a sentence: which one, and the tokens it spans. */
export interface Mention {
  named: Named;
  first: number;
  last: number;
  /** Named by his post, not his name ("the envoy"): see roles.ts. */
  byPost?: boolean;
}

interface FormWord {
  /** The folded stem, or the whole folded word when `exact`. */
  stem: string;
  /** Short words and acronyms (US, РФ, the И of Ван И) must match whole. */
  exact: boolean;
  /** Written in capitals (US, UAE): only the capitalised token matches, never "us". */
  upper: boolean;
}

interface Form {
  /** The form's words, matched token by token. */
  stems: FormWord[];
  /** Whether the first token must be capitalised (names, not adjectives). */
  capital: boolean;
  named: Named;
}

/** Finds the names Parley knows in tokenized sentences, in any case and either spelling. */
export class NameIndex {
  /**
   * Forms by their first word's first two letters, which every form of that word begins with
   * (the stem, or all of a word of two letters; the softened locative changes only the stem's last).
   */
  private readonly byBeginning = new Map<string, Form[]>();
  private readonly prefixes: { prefix: string; named: Named }[] = [];
  /** The prefixes by their first letter, each list in the prefixes' order. */
  private readonly prefixesByFirst = new Map<string, { prefix: string; named: Named }[]>();
  /** byBeginning's lists as `candidates` joins them, by a word's first two letters (or its one). */
  private readonly byKey = new Map<string, Form[]>();
  /** Each person's given names (the words of his name before the last), as name stems. */
  private readonly givenNames = new Map<Person, string[]>();

  constructor(readonly names: NamesFile) {
    for (const person of names.people) {
      for (const f of person.forms) this.addForm(f, { type: "person", person });
      const given = [person.name.en, person.name.ru, person.name.uk].flatMap((n) => tokenize(n).slice(0, -1).filter((t) => /^\p{Lu}/u.test(t.text)));
      this.givenNames.set(person, [...new Set(given.map((t) => nameStem(t.folded)))]);
    }
    for (const place of names.places) for (const f of place.forms) this.addForm(f, { type: "place", place });
    for (const country of names.countries) {
      for (const f of country.forms) this.addForm(f, { type: "country", country });
      for (const p of country.prefixes) this.prefixes.push({ prefix: fold(p), named: { type: "country", country } });
    }
    for (const p of this.prefixes) {
      const list = this.prefixesByFirst.get(p.prefix.charAt(0)) ?? [];
      list.push(p);
      this.prefixesByFirst.set(p.prefix.charAt(0), list);
    }
  }

  private addForm(form: string, named: Named): void {
    const words = tokenize(form);
    if (words.length === 0) return;
    // Short words (US, РФ, Ван И) and acronyms are matched exactly; longer ones by stem.
    const stems = words.map((w): FormWord => {
      const upper = w.text.length > 1 && w.text === w.text.toUpperCase();
      const exact = w.folded.length <= 3 || upper;
      return { stem: exact ? w.folded : nameStem(w.folded), exact, upper };
    });
    const entry: Form = { stems, capital: /^\p{Lu}/u.test(form), named };
    const key = stems[0].stem.slice(0, 2);
    const list = this.byBeginning.get(key) ?? [];
    list.push(entry);
    this.byBeginning.set(key, list);
  }

  /**
   * Every known name in the tokens, longest match first at each position; no overlaps. Names of
   * `smallSide` (a country's code) match written with a small letter too.
   */
  find(tokens: Token[], smallSide?: string): Mention[] {
    const out: Mention[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      let best: { form: Form; length: number } | undefined;
      const capitalised = /^\p{Lu}/u.test(t.text);
      const candidates = this.candidates(t.folded);
      for (const form of candidates) {
        if (form.capital && !capitalised && (smallSide === undefined || sideOfNamed(form.named) !== smallSide)) continue;
        if (i + form.stems.length > tokens.length) continue;
        let ok = true;
        for (let k = 0; k < form.stems.length && ok; k++) ok = stemMatches(tokens[i + k], form.stems[k]);
        if (ok && (!best || form.stems.length > best.length)) best = { form, length: form.stems.length };
      }
      if (best) {
        // "зять Дональда Трампа", "помощник Владимира Путина": the given name before the
        // surname is part of the mention, so that the title before it is next to it.
        let first = i;
        const given = best.form.named.type === "person" ? (this.givenNames.get(best.form.named.person) ?? []) : [];
        const floor = out.length > 0 ? out[out.length - 1].last + 1 : 0;
        while (first > floor && i - first < 2 && /^\p{Lu}/u.test(tokens[first - 1].text) && given.some((g) => isNameForm(tokens[first - 1], g))) first--;
        out.push({ named: best.form.named, first, last: i + best.length - 1 });
        i += best.length - 1;
        continue;
      }
      for (const p of this.prefixesOf(t.folded)) {
        if (t.folded.startsWith(p.prefix)) {
          out.push({ named: p.named, first: i, last: i });
          break;
        }
      }
    }
    return withCapitals(tokens, out, this.names.places);
  }

  /** The prefixes a folded word may begin with, in their order: those of its first letter (all, were one empty). */
  private prefixesOf(folded: string): { prefix: string; named: Named }[] {
    return this.prefixesByFirst.has("") ? this.prefixes : (this.prefixesByFirst.get(folded.charAt(0)) ?? []);
  }

  /** The forms a folded word may begin: those of its first two letters, then of its first. */
  private candidates(folded: string): Form[] {
    const key = folded.length > 1 ? folded.slice(0, 2) : folded;
    let list = this.byKey.get(key);
    if (!list) {
      list = folded.length > 1 ? [...(this.byBeginning.get(key) ?? []), ...(this.byBeginning.get(folded.slice(0, 1)) ?? [])] : (this.byBeginning.get(folded) ?? []);
      this.byKey.set(key, list);
    }
    return list;
  }

  person(id: string): Person | undefined {
    return this.names.people.find((p) => p.id === id);
  }

  placeByEnglishName(name: string): PlaceEntry | undefined {
    return this.names.places.find((p) => p.name.en === name);
  }

  country(code: string): Country | undefined {
    return this.names.countries.find((c) => c.code === code);
  }
}

function stemMatches(token: Token, word: FormWord): boolean {
  if (!word.exact) return isNameForm(token, word.stem);
  if (token.folded !== word.stem) return false;
  if (word.upper) return token.text === token.text.toUpperCase();
  return /^\p{Lu}/u.test(token.text);
}

// "the Hungarian capital", "в венгерской столице", "в угорській столиці", "the capital of
// Hungary", "столица Венгрии": a country's capital named by its country is that city.
const CAPITAL_WORD = /^(capital|столиц)/u;

function withCapitals(tokens: Token[], mentions: Mention[], places: PlaceEntry[]): Mention[] {
  const capitalOf = (code: string) => places.find((p) => p.kind === "city" && (p.capitalOf === code || (p.capital && p.country === code)));
  const out: Mention[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.named.type !== "country") {
      out.push(m);
      continue;
    }
    const city = capitalOf(m.named.country.code);
    const after = tokens[m.last + 1];
    // "the capital of Hungary": the word and "of" (or nothing, in ru and uk) before the country.
    const before = [m.first - 1, m.first - 2].find((j) => j >= 0 && CAPITAL_WORD.test(tokens[j].folded) && (j === m.first - 1 || tokens[m.first - 1].folded === "of"));
    const claimed = out.length > 0 ? out[out.length - 1].last : -1;
    if (city && after && CAPITAL_WORD.test(after.folded)) {
      out.push({ named: { type: "place", place: city }, first: m.first, last: m.last + 1 });
    } else if (city && before !== undefined && before > claimed) {
      out.push({ named: { type: "place", place: city }, first: before, last: m.last });
    } else out.push(m);
  }
  return out;
}
