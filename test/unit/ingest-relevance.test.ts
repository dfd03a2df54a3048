// Relevance rules from batches 32–34 and pages p35 (issue #9): reports kept, unrelated stories
// dropped. One short case per language a rule covers, written for the rule, not copied.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readDates } from "../../src/ingest/dates.ts";
import { readArticle as read } from "../support/ingest-cases.ts";

const days = (s: string, lang: "ru" | "uk" | "en", published: string) => readDates(s, lang, published, "past").dates.filter((d) => !d.another).map((d) => d.value);

describe("the day of an earlier conversation that times the one reported", () => {
  it("reads 'after a conversation on 9 March' as that conversation's day", () => {
    assert.deepEqual(days("It was their second call this year, after a conversation on 9 March.", "en", "2026-04-29"), []);
    assert.deepEqual(days("Это второй их разговор в этом году, после разговора 9 марта.", "ru", "2026-04-29"), []);
    assert.deepEqual(days("Це друга їхня розмова цього року, після розмови 9 березня.", "uk", "2026-04-29"), []);
  });
  it("keeps a call held today that recalls the one before it", () => {
    const text = "Putin and Trump hold phone call\n\nVladimir Putin and Donald Trump have held a phone conversation, the Kremlin said.\n\nIt is the second call between them this year, after a conversation on 9 March.";
    assert.equal(read(text, "2026-04-29").relevant, true);
  });
});
