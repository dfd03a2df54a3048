// Short cases for the extractor's unit tests: an article read as `npm run ingest -- extract`
// reads it with `--record none`, dated the day it was published, and its main draft's fields.
import assert from "node:assert/strict";
import { understand } from "../../src/ingest/extract.ts";
import { loadNames } from "./ingest-corpus.ts";

export const names = loadNames();

export const readArticle = (text: string, published: string) => understand({ text, published }, names, { today: published });

/** The main draft of a text that must be kept: kind, status, date, city and how many drafts. */
export function mainFields(text: string, published: string) {
  const r = readArticle(text, published);
  assert.ok(r.relevant, r.reason);
  const d = r.drafts[0];
  return { kind: d.kind, status: d.status, date: d.date, city: d.place.city, drafts: r.drafts.length };
}
