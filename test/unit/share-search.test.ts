// Inline mode's search: what a user types after the bot's name, in any language, finds the
// entries they mean, newest first.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Entry } from "../../src/record/schema.ts";
import { parseEventLog } from "../../src/record/validate.ts";
import { queryTerms, SearchIndexBuilder, searchEntries, stem } from "../../src/share/search.ts";
import { entry, log, TRACKS } from "../support/fixtures.ts";

function entries(...list: object[]): Entry[] {
  const r = parseEventLog(JSON.stringify(log(list)), "test.json");
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.log.entries;
}

const RECORD = entries(
  entry({ id: "ist-1", date: "2025-02-27", place: { city: { en: "Istanbul", ru: "Стамбул", uk: "Стамбул" } } }),
  entry({ id: "ist-2", date: "2025-04-10", endDate: "2025-04-11", place: { city: { en: "Istanbul", ru: "Стамбул" } } }),
  entry({
    id: "riyadh",
    track: "leaders",
    kind: "meeting",
    date: "2025-02-18",
    title: { en: "Riyadh meeting", ru: "Встреча в Эр-Рияде", uk: "Зустріч в Ер-Ріяді" },
    place: { city: { en: "Riyadh", ru: "Эр-Рияд" } },
    participants: [{ name: { en: "Marco Rubio", ru: "Марко Рубио" }, side: "US" }],
  }),
  entry({ id: "later", date: null, title: { en: "A round in Geneva", ru: "Раунд в Женеве" } }),
);

function indexOf(list: Entry[]) {
  const b = new SearchIndexBuilder(TRACKS as never);
  // As the shell does: undated first, then dated oldest first, so newer ranks higher.
  const sorted = [...list.filter((e) => !e.date), ...list.filter((e) => e.date).sort((a, b) => (a.date! < b.date! ? -1 : 1))];
  for (const e of sorted) b.add(e);
  return b.finish();
}

const index = indexOf(RECORD);
const find = (q: string) => searchEntries(index, q, 10).ids;

test("a city finds its entries in any language and case, newest first", () => {
  assert.deepEqual(find("istanbul"), ["ist-2", "ist-1"]);
  assert.deepEqual(find("СТАМБУЛ"), ["ist-2", "ist-1"]);
  assert.deepEqual(find("Стамбуле"), ["ist-2", "ist-1"], "an inflected query finds the base form");
  assert.deepEqual(find("стамб"), ["ist-2", "ist-1"], "a prefix is enough");
  assert.deepEqual(find("Стамбулі"), ["ist-2", "ist-1"], "Ukrainian locative");
});

test("kinds in titles, participants and series names are found; several words narrow the search", () => {
  assert.deepEqual(find("раунд"), ["ist-2", "ist-1", "later"], "undated entries come last");
  assert.deepEqual(find("раунд женева"), ["later"]);
  assert.deepEqual(find("рубио"), ["riyadh"]);
  assert.deepEqual(find("Rubio riyadh"), ["riyadh"]);
  assert.deepEqual(find("лидеры"), ["riyadh"], "the series' title");
  assert.deepEqual(find("istanbul rubio"), []);
  assert.deepEqual(find("nothing-like-this"), []);
});

test("dates are found in ISO and day.month form, months by prefix, every day of a multi-day entry", () => {
  assert.deepEqual(find("2025-04-10"), ["ist-2"]);
  assert.deepEqual(find("2025-04-11"), ["ist-2"]);
  assert.deepEqual(find("11.04"), ["ist-2"]);
  assert.deepEqual(find("10.4.2025"), ["ist-2"]);
  assert.deepEqual(find("2025-02"), ["ist-1", "riyadh"]);
  assert.deepEqual(find("18.02 рияд"), ["riyadh"]);
});

test("an entry's id finds it (the Share button puts the id in the query)", () => {
  assert.deepEqual(find("ist-2"), ["ist-2"]);
  assert.deepEqual(find("эр-рияд"), ["riyadh"], "a hyphenated name as one word");
});

test("paging: limit, offset and whether there is more", () => {
  assert.deepEqual(searchEntries(index, "раунд", 2), { ids: ["ist-2", "ist-1"], more: true });
  assert.deepEqual(searchEntries(index, "раунд", 2, 2), { ids: ["later"], more: false });
});

test("query words are stemmed only when Cyrillic and long enough", () => {
  assert.equal(stem("стамбуле"), "стамбул");
  assert.equal(stem("переговорах"), "переговор");
  assert.equal(stem("раунд"), "раунд");
  assert.equal(stem("рим"), "рим");
  assert.equal(stem("istanbule"), "istanbule");
  assert.deepEqual(queryTerms("Переговоры 2025-04 1.4"), ["2025-04", "01.04", "переговор"]);
});

test("at 100,000 entries the newest matches come first and paging says there are more", () => {
  const b = new SearchIndexBuilder(TRACKS as never);
  const cities = ["Istanbul", "Geneva", "Riyadh", "Vienna", "Minsk"];
  const [template] = RECORD;
  for (let i = 0; i < 100_000; i++) {
    const day = new Date(Date.UTC(1990, 0, 1) + i * 3_600_000 * 7).toISOString().slice(0, 10);
    b.add({ ...template, id: `e${i}`, date: day, title: { en: `Round ${i} in ${cities[i % 5]}` }, place: { city: { en: cities[i % 5] } } });
  }
  const big = b.finish();
  const r = searchEntries(big, "vienna round", 5);
  assert.equal(r.ids.length, 5);
  assert.ok(r.more);
  assert.deepEqual(r.ids, ["e99998", "e99993", "e99988", "e99983", "e99978"]);
  assert.deepEqual(searchEntries(big, "riyadh 4242", 5).ids, ["e42427", "e42422", "e4242"], "a number is a word prefix too");
});
