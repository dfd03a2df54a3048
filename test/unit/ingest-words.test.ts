// Word forms, spellings and the names file: declension and spelling must not matter.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectLanguage } from "../../src/ingest/language.ts";
import { NameIndex, NamesFileError, parseNames } from "../../src/ingest/names.ts";
import { readStory, splitSentences } from "../../src/ingest/sentences.ts";
import { fold, tokenize } from "../../src/ingest/words.ts";
import { sayWordStartOnce } from "../../src/ingest/word-start.ts";
import { loadNames } from "../support/ingest-corpus.ts";

const names = loadNames();
const found = (text: string) =>
  names.find(tokenize(text)).map((m) => (m.named.type === "person" ? m.named.person.name.en : m.named.type === "place" ? m.named.place.name.en : m.named.country.code));

describe("names in any case and spelling", () => {
  it("finds a city in every case and both Cyrillic spellings", () => {
    for (const form of ["в Стамбуле", "из Стамбула", "у Стамбулі", "Стамбулом", "in Istanbul"]) assert.deepEqual(found(form), ["Istanbul"], form);
  });
  it("finds people whatever their case and spelling", () => {
    assert.deepEqual(found("с Дарчиевым"), ["Alexander Darchiev"]);
    assert.deepEqual(found("з Дарчієвим"), ["Alexander Darchiev"]);
    assert.deepEqual(found("Дарчієвым"), ["Alexander Darchiev"]);
    for (const w of ["Witkoff", "Уиткоффом", "Віткоффа", "Виткофф"]) assert.deepEqual(found(w), ["Steve Witkoff"], w);
    assert.deepEqual(found("Putin's envoy"), ["Vladimir Putin"]);
  });
  it("handles the locative consonant change (Петербург → у Петербурзі)", () => {
    assert.deepEqual(found("у Петербурзі"), ["St Petersburg"]);
  });
  it("does not take a common word for a name", () => {
    assert.deepEqual(found("us and them"), []);
    assert.deepEqual(found("Ван и его коллеги"), []);
    assert.deepEqual(found("Ван И прибыл"), ["Wang Yi"]);
    assert.deepEqual(found("U.S. officials"), ["US"]);
  });
  it("reads adjectives as countries", () => {
    assert.deepEqual(found("российско-американских"), ["RU", "US"]);
    assert.deepEqual(found("українська делегація"), ["UA"]);
  });
});

describe("the names file", () => {
  it("rejects a person whose side is not a country, naming the file and the person", () => {
    const bad = { countries: [{ code: "RU", name: { en: "Russia", ru: "Россия", uk: "Росія" }, forms: ["Russia"], prefixes: [] }], people: [{ id: "x", name: { en: "X", ru: "Х", uk: "Х" }, forms: ["X"], side: "ZZ", role: { en: "r", ru: "r", uk: "r" } }], places: [], tracks: [] };
    assert.throws(() => parseNames(bad, "n.json"), (e: unknown) => e instanceof NamesFileError && /n\.json, person "x": side ZZ/.test(e.message));
  });
  it("rejects a missing language", () => {
    assert.throws(() => parseNames({ countries: [{ code: "RU", name: { en: "Russia" }, forms: ["R"], prefixes: [] }], people: [], places: [], tracks: [] }), NamesFileError);
  });
  it("accepts the shipped file", () => {
    assert.ok(new NameIndex(names.names).names.people.length > 20);
  });
});

describe("language and story text", () => {
  it("tells the three languages apart", () => {
    assert.equal(detectLanguage("Переговори відбудуться у четвер у Стамбулі."), "uk");
    assert.equal(detectLanguage("Переговоры пройдут в четверг в Стамбуле."), "ru");
    assert.equal(detectLanguage("The talks will be held in Istanbul on Thursday."), "en");
  });
  it("splits sentences but not after abbreviations or initials", () => {
    assert.deepEqual(splitSentences("The U.S. Secretary of State met Mr. Lavrov. It lasted an hour."), ["The U.S. Secretary of State met Mr. Lavrov.", "It lasted an hour."]);
    assert.deepEqual(splitSentences("Встреча прошла в 2025 г. в Женеве. Стороны договорились."), ["Встреча прошла в 2025 г. в Женеве.", "Стороны договорились."]);
    assert.deepEqual(splitSentences("Глава МЗС Росії С. Лавров поговорив із держсекретарем США М. Рубіо. Розмова тривала годину."), ["Глава МЗС Росії С. Лавров поговорив із держсекретарем США М. Рубіо.", "Розмова тривала годину."]);
    assert.deepEqual(splitSentences("Глава МИД России С. Лавров поговорил с госсекретарем США М. Рубио. Разговор длился час."), ["Глава МИД России С. Лавров поговорил с госсекретарем США М. Рубио.", "Разговор длился час."]);
    assert.deepEqual(splitSentences("Russia's S. Lavrov spoke with U.S. Secretary of State M. Rubio. The call lasted an hour."), ["Russia's S. Lavrov spoke with U.S. Secretary of State M. Rubio.", "The call lasted an hour."]);
    assert.deepEqual(splitSentences("The Russian side will be led by Adm. Ivan Petrov and Lt. Gen. Oleg Smirnov. It arrives on Monday."), ["The Russian side will be led by Adm. Ivan Petrov and Lt. Gen. Oleg Smirnov.", "It arrives on Monday."]);
  });
  it("drops the dateline, repeated headlines and the page's lists", () => {
    const story = readStory("Russia, US to hold talks in Istanbul\nRussia, US to hold talks in Istanbul\n\nMOSCOW, April 8 (Reuters) - Delegations will meet.\n\nRead more:\nOil prices fall in Moscow trading");
    assert.equal(story.headline, "Russia, US to hold talks in Istanbul");
    assert.deepEqual(story.sentences.map((s) => s.text), ["Russia, US to hold talks in Istanbul", "Delegations will meet."]);
  });
});

describe("cue patterns read faster, matching as written", () => {
  const B = "(?<![\\p{L}])";
  const words = ["met", "held", "spoke", "talked", "hosted", "received", "discussed", "ended", "встретил", "провели", "обсудили", "завершил", "состоял", "прошли", "принял", "беседовал", "зустрився", "провели", "обговорили", "завершив", "видбулася", "прийняв", "розмовляв", "поговорили"];
  const written = `(?<!${B}(не|not) )(?:${words.map((w) => `${B}${w}`).join("|")}|в ходе переговоров)`;
  it("says the check before a long list of words once, and leaves a short list as written", () => {
    assert.ok(sayWordStartOnce(written).includes(`${B}(?:met|held|`));
    const short = `${B}cancel|${B}отмен|${B}скасов`;
    assert.equal(sayWordStartOnce(short), short);
  });
  it("matches the same words at the same places in each language", () => {
    const as = new RegExp(written, "u");
    const factored = new RegExp(sayWordStartOnce(written), "u");
    const sentences = ["Putin and Trump spoke by phone on Tuesday", "Lavrov did not meet Rubio; they had not met since", "Путин и Трамп провели переговоры в Анкоридже", "Стороны не провели встречу, но в ходе переговоров обсудили обмен", "Зеленський зустрівся з Віткоффом", "Умєров не зустрівся з Віткоффом", "Делегації провели переговори у Женеві"].map(fold);
    for (const s of sentences) assert.deepEqual(factored.exec(s), as.exec(s), s);
  });
  it("folds a sentence as it folded letter by letter", () => {
    assert.equal(fold("Зустріч Рубіо і Лаврова в Кремлі — п’ятниця, ЇЖАК, Ґрунт, Ёлка, Эр-Рияд, Бышкек, ʼп'ять"), "зустрич рубио и лаврова в кремли — пятниця, ижак, грунт, елка, ер-рияд, бишкек, пять");
  });
});
