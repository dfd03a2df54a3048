import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { memoized, perObject, perPair } from "../../src/ingest/memo.ts";

describe("answers kept while reading articles", () => {
  it("asks once per key, keeps at most its limit (oldest dropped first), and freezes what it keeps", () => {
    const asked: string[] = [];
    const lengthOf = memoized(
      (word: string) => {
        asked.push(word);
        return { word, letters: [...word] };
      },
      (word) => word,
      2,
    );
    const first = lengthOf("саміт");
    assert.equal(lengthOf("саміт"), first);
    lengthOf("talks");
    lengthOf("встреча"); // the third: "саміт" is dropped
    lengthOf("саміт");
    assert.deepEqual(asked, ["саміт", "talks", "встреча", "саміт"]);
    assert.throws(() => (first.letters as string[]).push("!"), TypeError);
  });
});

describe("answers kept with the sentence they are about", () => {
  it("asks once per object (and per object and second argument), and freezes a kept list", () => {
    const asked: string[] = [];
    const wordsOf = perObject((s: { text: string }) => {
      asked.push(s.text);
      return s.text.split(" ");
    });
    const lead = { text: "Путин примет Уиткоффа" };
    const same = { text: "Путин примет Уиткоффа" };
    assert.equal(wordsOf(lead), wordsOf(lead));
    wordsOf(same); // another sentence, though it reads the same
    assert.deepEqual(asked, ["Путин примет Уиткоффа", "Путин примет Уиткоффа"]);
    assert.throws(() => wordsOf(lead).push("!"), TypeError);
    const pairs: string[] = [];
    const at = perPair((s: { text: string }, word: string) => {
      pairs.push(word);
      return s.text.indexOf(word);
    });
    assert.equal(at(lead, "примет"), 6);
    assert.equal(at(lead, "примет"), 6);
    assert.equal(at(lead, "Путин"), 0);
    assert.deepEqual(pairs, ["примет", "Путин"]);
  });
});
