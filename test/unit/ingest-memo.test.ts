import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { memoized } from "../../src/ingest/memo.ts";

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
