// Reading the news: per-field accuracy of the extractor per language over the labelled corpus
// (test/corpus/ingest, our own agency-style articles, plus ../shared/seeds where present, and
// the saved pages of test/corpus/ingest-pages, whose page-to-text step is outside the timing), and
// its CPU time per article. The corpus shaped the rules, so these are not figures for unseen
// articles; they keep the extractor from getting worse.
//
//   npx tsx bench/ingest.ts
import { pathToFileURL } from "node:url";
import { FIELDS, loadCorpus, loadPages, median, runCorpus, scoreTable } from "../test/support/ingest-corpus.ts";
import { tokenize } from "../src/ingest/words.ts";
import { printRows, type BenchResult } from "./harness.ts";

/** Words from which a story is long (the long stories run 550 to 1000). */
const LONG_STORY = 500;

export function benchIngest(): BenchResult[] {
  // The articles as text, and the saved pages read as the CLI reads them.
  const articles = [...loadCorpus(), ...loadPages()];
  const outcomes = runCorpus(articles);
  // A second pass for the timing: the first pays for loading chrono's parsers.
  const timed = runCorpus(articles);
  const rows: BenchResult[] = [];
  for (const [lang, row] of scoreTable(outcomes)) {
    for (const field of FIELDS) {
      const s = row.get(field);
      if (s) rows.push({ name: `${lang}: ${field} (${s.right} of ${s.total})`, value: s.right / s.total, unit: "ratio", target: field === "drafts" ? undefined : "≥ 0.9" });
    }
  }
  rows.push({ name: `median CPU time per article (${outcomes.length} articles)`, value: median(timed.map((o) => o.ms)), unit: "ms", target: "< 20" });
  // Long stories (reconstructions, many people) ask the most of every sentence: their own row,
  // so that what grows faster than the text shows here first.
  const long = timed.filter((o) => tokenize(o.article.text).length >= LONG_STORY);
  rows.push({ name: `median CPU time per long story (${long.length} of ${LONG_STORY} words or more)`, value: median(long.map((o) => o.ms)), unit: "ms", target: "< 12" });
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) printRows("Reading the news", benchIngest());
