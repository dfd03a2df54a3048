// `npm run ingest -- poll [--once]`, `sources`, `explain <item id>`: the feeds from the command
// line. `poll` reads the feeds as the bot does, with a stand-in intake that prints what Parley
// understands of each new item; it keeps its own state ($DATA_DIR/state/cli by default), so a
// trial run never takes items away from the bot. `sources` and `explain` read the bot's state:
// PostgreSQL's when DATABASE_URL is set (what the leading replica polled), else $DATA_DIR/state;
// --state DIR reads that folder instead.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Understanding } from "../ingest/draft.ts";
import { understand } from "../ingest/extract.ts";
import type { FetcherOptions } from "../feeds/fetching/fetcher.ts";
import { createFetcher, parleyUserAgent } from "../feeds/fetching/fetcher.ts";
import type { IncomingArticle, Intake } from "../ingest/incoming.ts";
import type { NameIndex } from "../ingest/names.ts";
import { FilePollState, PollStateError, type PollState, type ProcessedItem } from "../feeds/poll-state.ts";
import { startPoller, type PollReport } from "../feeds/poller.ts";
import { describeSourcesProblem, parseSources, type Feed } from "../feeds/sources.ts";
import type { Entry } from "../record/schema.ts";
import type { DatabaseConfig } from "../config.ts";
import { openDatabase } from "../db/pool.ts";
import { redactDatabaseUrl } from "../log.ts";
import { DbPollState } from "../store-db/poll-state.ts";
import { InputError } from "./errors.ts";

export interface FeedsIo {
  out: (text: string) => void;
  err: (text: string) => void;
  dataDir: string;
  /** For tests: short timeouts, no pause between requests. */
  fetch?: Partial<FetcherOptions>;
  /** For tests: stop a polling loop (default: SIGINT/SIGTERM). */
  until?: Promise<void>;
  clock?: () => Date;
  /** DATABASE_URL's settings when it is set: `sources` and `explain` read the replicas' shared state. */
  database?: DatabaseConfig;
}

export interface FeedsArgs {
  once: boolean;
  sourcesFile?: string;
  stateDir?: string;
  /** What the stand-in intake reads against. */
  names: () => Promise<NameIndex>;
  entries: () => Promise<Entry[]>;
  describe: (label: string, u: Understanding) => string;
}

export async function pollCommand(args: FeedsArgs, io: FeedsIo): Promise<number> {
  const sourcesFile = args.sourcesFile ?? join(io.dataDir, "sources.json");
  await readFeeds(sourcesFile);
  const stateDir = args.stateDir ?? join(io.dataDir, "state", "cli");
  const names = await args.names();
  const entries = await args.entries();
  const clock = io.clock ?? (() => new Date());
  const intake: Intake = {
    async receive(article: IncomingArticle) {
      const u = understand({ text: article.text, published: article.published, outlet: article.outlet, url: article.url, language: article.language }, names, { today: article.published ?? clock().toISOString().slice(0, 10), entries });
      io.out(args.describe(article.id, u));
      return { relevant: u.relevant, reason: u.reason, draftIds: [] };
    },
  };
  let poller;
  try {
    poller = await startPoller({
      sourcesFile,
      stateDir,
      intake,
      clock,
      auto: !args.once,
      fetcher: createFetcher({ userAgent: parleyUserAgent(process.env.PUBLIC_URL || undefined), now: () => clock().getTime(), ...io.fetch }),
      onFeedDown: (down) => io.err(`${down.feedId} (${down.outlet}) has failed since ${down.failingSince}: ${down.lastError}\n`),
    });
  } catch (err) {
    if (err instanceof PollStateError) throw new InputError(err.message);
    throw err;
  }
  if (args.once) {
    const report = await poller.pollOnce({ all: true });
    await poller.stop();
    io.out(summary(report, stateDir));
    return 0;
  }
  io.err(`polling the feeds in ${sourcesFile} as they come due; Ctrl-C stops\n`);
  await (io.until ??
    new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    }));
  await poller.stop();
  return 0;
}

function summary(report: PollReport, stateDir: string): string {
  const lines = report.sourcesProblems?.map((p) => `sources: ${p}`) ?? [];
  for (const f of report.feeds) {
    if (f.result === "failed") lines.push(`${f.feedId}: failed: ${f.error}`);
    else if (f.result === "not-modified") lines.push(`${f.feedId}: not modified`);
    else lines.push(`${f.feedId}: ${f.items} items, ${f.offered} new${f.repeats ? `, ${f.repeats} repeats` : ""}${f.old ? `, ${f.old} too old` : ""}`);
  }
  lines.push(`state: ${stateDir} (npm run ingest -- sources --state ${stateDir})`);
  return `${lines.join("\n")}\n`;
}

export async function sourcesCommand(args: FeedsArgs, io: FeedsIo): Promise<number> {
  const feeds = await readFeeds(args.sourcesFile ?? join(io.dataDir, "sources.json"));
  const { state } = await openState(args, io);
  // The error last: it is the long one.
  const rows = [["feed", "outlet", "last success", "failures", "next try", "last error"]];
  for (const f of feeds) {
    const s = state.feed(f.id);
    const error = s.lastError && s.failures > 0 ? `${short(s.lastErrorAt)} ${s.lastError}` : "-";
    rows.push([f.id + (f.enabled ? "" : " (off)"), f.outlet, short(s.lastSuccess) ?? "never", String(s.failures), f.enabled ? (short(s.nextTry) ?? "now") : "-", error]);
  }
  io.out(table(rows));
  return 0;
}

export async function explainCommand(id: string, args: FeedsArgs, io: FeedsIo): Promise<number> {
  const { state, where } = await openState(args, io);
  const item = state.item(id);
  if (!item) throw new InputError(`no item "${id}" in ${where}; item ids are "<feed id>:<guid or link>", as the poll prints them`);
  io.out(explain(item, state));
  return 0;
}

function explain(item: ProcessedItem, state: PollState): string {
  const lines = [`${item.id}`, `  feed       ${item.feedId} (${item.outlet})`];
  if (item.title) lines.push(`  title      ${item.title}`);
  if (item.link) lines.push(`  link       ${item.link}`);
  if (item.published) lines.push(`  published  ${item.published}`);
  lines.push(`  processed  ${item.at}`);
  const o = item.outcome;
  if ("duplicateOf" in o) {
    const first = state.item(o.duplicateOf);
    lines.push(`  outcome    a repeat of ${o.duplicateOf} (same ${o.by === "link" ? "link" : "words from the same outlet"}); not offered again`);
    if (first && !("duplicateOf" in first.outcome)) lines.push(`             that one: ${first.outcome.relevant ? "relevant" : "dropped"} — ${first.outcome.reason}`);
    return `${lines.join("\n")}\n`;
  }
  const text = item.text.from === "page" ? `the article page (${item.text.chars} characters; the feed gave a teaser)` : `the feed (${item.text.chars} characters)`;
  lines.push(`  text from  ${text}${item.text.pageError ? `; the page could not be had: ${item.text.pageError}` : ""}`);
  lines.push(`  outcome    ${o.relevant ? "relevant" : "dropped"} — ${o.reason}${o.duplicate ? " (the intake had it already)" : ""}`);
  lines.push(`  drafts     ${o.draftIds.length ? o.draftIds.join(", ") : "none"}`);
  return `${lines.join("\n")}\n`;
}

async function readFeeds(file: string): Promise<Feed[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new InputError(`${file}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file; pass --sources FILE or set DATA_DIR" : (err as Error).message}`);
  }
  const parsed = parseSources(text, file);
  if (!parsed.ok) throw new InputError(parsed.problems.map(describeSourcesProblem).join("\n"));
  return parsed.feeds;
}

/** The bot's poll state, read once (and the database let go of at once); `where` names it for messages. */
async function openState(args: FeedsArgs, io: FeedsIo): Promise<{ state: PollState; where: string }> {
  const db = !args.stateDir && io.database;
  if (db) {
    const where = redactDatabaseUrl(db.url);
    let opened;
    try {
      opened = await openDatabase(db.url, { poolSize: 1, statementTimeoutMs: db.statementTimeoutMs, schema: db.schema, applicationName: "parley ingest" });
    } catch (err) {
      throw new InputError(`cannot reach the database at ${where} (DATABASE_URL): ${(err as Error).message}`);
    }
    try {
      return { state: await DbPollState.open(opened), where: `the database at ${where}` };
    } catch (err) {
      throw new InputError(`the database at ${where} has no feed state (${(err as Error).message}); run npm run db -- migrate, or start the bot once`);
    } finally {
      await opened.close();
    }
  }
  const dir = args.stateDir ?? join(io.dataDir, "state");
  try {
    return { state: await FilePollState.open(dir), where: dir };
  } catch (err) {
    if (err instanceof PollStateError) throw new InputError(err.message);
    throw err;
  }
}

/** "2025-04-08 10:05Z": to the minute, in UTC, as the state keeps it. */
function short(iso: string | undefined): string | undefined {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z` : undefined;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  // The last column (and a long error) is not padded: lines end where their text does.
  return `${rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell + " ".repeat(widths[c] - [...cell].length))).join("  ")).join("\n")}\n`;
}
