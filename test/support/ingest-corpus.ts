// The labelled corpus for the extractor: our own articles under test/corpus/ingest/ (a JSON
// front matter between "---" lines, then the text) and the real articles in ../shared/seeds/,
// labelled in test/corpus/ingest/seeds.json and read from there (never copied; left out
// where that folder is absent); and saved web pages under test/corpus/ingest-pages/ (labelled in
// its labels.json), read as the CLI reads a file: bytes decoded by the page's charset, the
// article and its metadata taken from the page. Scores every field per language.
// Run directly to print the table: node --import tsx test/support/ingest-corpus.ts
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Understanding } from "../../src/ingest/draft.ts";
import { understand } from "../../src/ingest/extract.ts";
import { NameIndex, parseNames } from "../../src/ingest/names.ts";
import { readDocument, type PageArticle } from "../../src/ingest/page.ts";

const here = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = resolve(here, "../corpus/ingest");
export const PAGES_DIR = resolve(here, "../corpus/ingest-pages");
export const SEEDS_DIR = resolve(here, "../../../shared/seeds");
export const NAMES_FILE = resolve(here, "../../data/names.json");

export interface Labels {
  language: "ru" | "uk" | "en";
  published: string;
  relevant: boolean;
  main?: {
    kind: string;
    status: string;
    date: string | null;
    city: string | null;
    parties: string[];
    participants: string[];
    time?: string;
    timezone?: string;
    sequence?: number;
  };
  /** At least this many drafts (the main one and the others the text reports). */
  drafts?: number;
}

export interface CorpusArticle {
  name: string;
  text: string;
  labels: Labels;
  /** A saved page: the article as read from it, whose date and outlet are the page's own. */
  page?: PageArticle;
}

export function loadNames(): NameIndex {
  return new NameIndex(parseNames(JSON.parse(readFileSync(NAMES_FILE, "utf8")), NAMES_FILE));
}

/** The articles of one folder (our corpus by default, with the seeds beside it). */
export function loadCorpus(dir = CORPUS_DIR): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".txt")).sort()) {
    const raw = readFileSync(join(dir, f), "utf8");
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw);
    if (!m) throw new Error(`${f}: no front matter`);
    out.push({ name: f, labels: JSON.parse(m[1]) as Labels, text: m[2] });
  }
  if (dir === CORPUS_DIR && existsSync(SEEDS_DIR)) {
    const seeds = JSON.parse(readFileSync(join(CORPUS_DIR, "seeds.json"), "utf8")) as { articles: Record<string, Labels> };
    for (const [f, labels] of Object.entries(seeds.articles)) {
      const path = join(SEEDS_DIR, f);
      if (existsSync(path)) out.push({ name: `seeds/${f}`, labels, text: readFileSync(path, "utf8") });
    }
  }
  return out;
}

/** Saved pages (and a folder of them, --dir): labels.json names each page and its labels. */
export function loadPages(dir = PAGES_DIR): CorpusArticle[] {
  const labels = JSON.parse(readFileSync(join(dir, "labels.json"), "utf8")) as { articles: Record<string, Labels> };
  return Object.entries(labels.articles).map(([f, l]) => {
    const page = readDocument(readFileSync(join(dir, f)));
    return { name: f, labels: l, text: page.text, page };
  });
}

export const FIELDS = ["relevant", "kind", "status", "date", "city", "parties", "participants", "drafts", "published"] as const;
export type Field = (typeof FIELDS)[number];

export interface Outcome {
  article: CorpusArticle;
  result: Understanding;
  /** Field → right or wrong; fields without a label are absent. */
  right: Partial<Record<Field, boolean>>;
  /** CPU milliseconds spent understanding it. */
  ms: number;
}

const sorted = (xs: string[]) => [...xs].sort().join(",");

export function judge(article: CorpusArticle, result: Understanding, ms: number): Outcome {
  const l = article.labels;
  const right: Partial<Record<Field, boolean>> = { relevant: result.relevant === l.relevant };
  // A page's day comes from the page (its metadata in the outlet's zone), not from the labels.
  if (article.page) right.published = result.published === l.published;
  if (l.relevant && l.main) {
    const d = result.drafts[0];
    right.kind = d?.kind === l.main.kind;
    right.status = d?.status === l.main.status;
    right.date = (d?.date ?? null) === l.main.date;
    right.city = (d?.place.city ?? null) === l.main.city;
    right.parties = d !== undefined && sorted(d.parties) === sorted(l.main.parties);
    right.participants = d !== undefined && sorted(d.participants.map((p) => p.name)) === sorted(l.main.participants);
    if (l.drafts !== undefined) right.drafts = result.drafts.length >= l.drafts;
  }
  return { article, result, right, ms };
}

// A page is read as the CLI reads it, where the day it runs is no help with the page's own.
const TODAY = new Date().toISOString().slice(0, 10);

export function runCorpus(articles = loadCorpus(), names = loadNames()): Outcome[] {
  return articles.map((a) => {
    // CPU time, not wall time: on a shared machine the wall clock measures the neighbours.
    const t0 = process.cpuUsage();
    const result = a.page
      ? understand({ text: a.page.text, published: a.page.published, outlet: a.page.outlet }, names, { today: TODAY })
      : understand({ text: a.text, published: a.labels.published }, names, { today: a.labels.published });
    const used = process.cpuUsage(t0);
    return judge(a, result, (used.user + used.system) / 1000);
  });
}

export interface Score {
  right: number;
  total: number;
}

/** Per language, per field: how many right of how many labelled. */
export function scoreTable(outcomes: Outcome[]): Map<string, Map<Field, Score>> {
  const table = new Map<string, Map<Field, Score>>();
  for (const o of outcomes) {
    for (const lang of [o.article.labels.language, "all"]) {
      const row = table.get(lang) ?? new Map<Field, Score>();
      for (const f of FIELDS) {
        const r = o.right[f];
        if (r === undefined) continue;
        const s = row.get(f) ?? { right: 0, total: 0 };
        s.total++;
        if (r) s.right++;
        row.set(f, s);
      }
      table.set(lang, row);
    }
  }
  return table;
}

export function formatTable(table: Map<string, Map<Field, Score>>): string {
  const lines = [["lang", ...FIELDS].map((c) => c.padEnd(13)).join("")];
  for (const lang of ["en", "ru", "uk", "all"]) {
    const row = table.get(lang);
    if (!row) continue;
    lines.push(
      [lang, ...FIELDS.map((f) => {
        const s = row.get(f);
        return s ? `${(s.right / s.total).toFixed(2)} ${s.right}/${s.total}` : "-";
      })].map((c) => c.padEnd(13)).join(""),
    );
  }
  return lines.join("\n");
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // --dir FOLDER scores another folder of labelled articles (a batch written to be unseen).
  const at = process.argv.indexOf("--dir");
  const dir = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : CORPUS_DIR;
  // --pages adds the saved pages; a folder with a labels.json is a folder of pages.
  const articles = existsSync(join(dir, "labels.json")) ? loadPages(dir) : [...loadCorpus(dir), ...(process.argv.includes("--pages") ? loadPages() : [])];
  const outcomes = runCorpus(articles);
  // Warm runs for the timing: the first article pays for loading chrono's parsers.
  const timed = runCorpus(articles);
  console.log(formatTable(scoreTable(outcomes)));
  // The two halves of "relevant" the issue sets apart: reports kept, other stories dropped.
  const kept = outcomes.filter((o) => o.article.labels.relevant);
  const other = outcomes.filter((o) => !o.article.labels.relevant);
  const share = (xs: Outcome[]) => `${xs.filter((o) => o.right.relevant).length}/${xs.length}`;
  console.log(`relevant kept ${share(kept)}, unrelated dropped ${share(other)}`);
  console.log(`median ${median(timed.map((o) => o.ms)).toFixed(2)} ms (CPU) per article, ${outcomes.length} articles`);
  if (process.argv.includes("--misses")) {
    for (const o of outcomes) {
      const wrong = Object.entries(o.right).filter(([, r]) => !r).map(([f]) => f);
      if (wrong.length === 0) continue;
      const d = o.result.drafts[0];
      console.log(`\n${o.article.name}: ${wrong.join(", ")}\n  expected ${JSON.stringify(o.article.labels.main ?? { relevant: o.article.labels.relevant })}`);
      console.log(`  got      ${JSON.stringify(d ? { kind: d.kind, status: d.status, date: d.date, city: d.place.city, parties: d.parties, participants: d.participants.map((p) => p.name), drafts: o.result.drafts.length } : { relevant: o.result.relevant, reason: o.result.reason })}`);
    }
  }
}
