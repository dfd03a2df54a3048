// The extractor's rules for the day and the status of a contact told in batches 16 to 21's
// manners. One short case per language a rule covers.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readStory } from "../../src/ingest/sentences.ts";

describe("a date line with a word before its time", () => {
  it("is the page's date, not the lead", () => {
    const en = readStory("Putin to meet Witkoff\n\nMarch 4, 2026 at 9:15 AM GMT+1\n\nPutin will meet Witkoff in Moscow on Friday.");
    assert.equal(en.dateLine, "March 4, 2026 at 9:15 AM GMT+1");
    assert.equal(en.sentences[1].text, "Putin will meet Witkoff in Moscow on Friday.");
    const uk = readStory("Путін зустрінеться з Віткоффом\n\n4 березня 2026 о 10:15\n\nПутін у п'ятницю зустрінеться з Віткоффом.");
    assert.equal(uk.dateLine, "4 березня 2026 о 10:15");
    const ru = readStory("Путин встретится с Уиткоффом\n\n4 марта 2026 в 10:15\n\nПутин в пятницу встретится с Уиткоффом.");
    assert.equal(ru.dateLine, "4 марта 2026 в 10:15");
  });
});
