// A second view of the extractor: the record's own entries, each title and summary read as a
// short report in each language, scored against the entry's kind, city and parties. The texts
// are not news (no dates, encyclopaedic tone) and the record's conventions differ in places (a
// visit with talks is "meeting" there, delegations' talks "round" here), so this is a check to
// read, not a test to pass. Run: node --import tsx test/support/ingest-record-summaries.ts [-v]
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { understand } from "../../src/ingest/extract.ts";
import type { Entry } from "../../src/record/schema.ts";
import { loadNames } from "./ingest-corpus.ts";

const names = loadNames();
const file = resolve(import.meta.dirname, "../../data/events.json");
const log = JSON.parse(readFileSync(file, "utf8")) as { entries: Entry[] };
const stats = new Map<string, { right: number; total: number }>();
const count = (key: string, right: boolean) => {
  const s = stats.get(key) ?? { right: 0, total: 0 };
  s.total++;
  if (right) s.right++;
  stats.set(key, s);
};
const verbose = process.argv.includes("-v");
for (const e of log.entries) {
  for (const lang of ["en", "ru", "uk"] as const) {
    const title = e.title[lang];
    const summary = e.summary[lang];
    if (!title || !summary) continue;
    const published = e.date && e.date.length === 10 ? e.date : "2025-06-01";
    const r = understand({ text: `${title}\n\n${summary}`, published, language: lang }, names, { today: published });
    count(`${lang} relevant`, r.relevant);
    const d = r.drafts[0];
    if (!d) {
      if (verbose) console.log(`${lang} ${e.id}: dropped, ${r.reason}`);
      continue;
    }
    const city = e.place?.city?.en ?? null;
    const checks = { kind: d.kind === e.kind, city: d.place.city === city, parties: d.parties.join() === [...e.parties].sort().join() };
    for (const [k, ok] of Object.entries(checks)) count(`${lang} ${k}`, ok);
    if (verbose && Object.values(checks).some((ok) => !ok)) console.log(`${lang} ${e.id}: kind ${d.kind}/${e.kind}, city ${d.place.city}/${city}, parties ${d.parties}/${e.parties}`);
  }
}
for (const [k, s] of [...stats].sort()) console.log(`${k.padEnd(14)}${(s.right / s.total).toFixed(2)} ${s.right}/${s.total}`);
