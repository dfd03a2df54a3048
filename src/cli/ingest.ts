// `npm run ingest -- extract <file|url|->...`: what Parley understands of news reports; `poll`,
// `sources` and `explain` for the feeds (src/cli/ingest-feeds.ts).
// The shell around src/ingest/: it reads files, stdin and URLs, turns HTML pages into their
// article, loads the names and the record, and prints. Exit codes: 0 done, 1 an input (or the
// names file, the record, the sources file or the poll state) could not be read, 2 the command
// line itself is wrong.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Draft, Understanding } from "../ingest/draft.ts";
import { understand } from "../ingest/extract.ts";
import { NameIndex, NamesFileError, parseNames } from "../ingest/names.ts";
import { readDocument } from "../ingest/page.ts";
import type { Entry } from "../record/schema.ts";
import { describeProblem, parseEventLog } from "../record/validate.ts";
import { explainCommand, pollCommand, sourcesCommand, type FeedsArgs, type FeedsIo } from "./ingest-feeds.ts";
import { InputError, UsageError } from "./errors.ts";
import { runAsProgram } from "./program.ts";
import { config as loadDotenv } from "dotenv";
import { loadDatabaseConfig } from "../config.ts";

const USAGE = `usage: npm run ingest -- extract <file|url|->... [options]
       npm run ingest -- poll [--once] | sources | explain <item id>

  extract <input>...    what Parley understands of each article: relevant or not (and why),
                        then a draft entry per contact it reports, the main one first.
                        An input is a file, an http(s) URL, or - for stdin; HTML pages are
                        reduced to their article first.
  poll [--once]         read the feeds in $DATA_DIR/sources.json as the bot does and print
                        what Parley understands of each new item; --once polls every feed
                        once and exits, else it polls them as they come due until Ctrl-C.
                        Keeps its own state ($DATA_DIR/state/cli), apart from the bot's
  sources               each feed's last success, failures, next try and last error
  explain <item id>     what was fetched for an item and what became of it: relevant or
                        not and why, its drafts

options:
  --published D         the publication day (YYYY-MM-DD) in the outlet's zone, for relative
                        dates ("в четверг", "позавчора", "next Thursday"); default: the page's
                        metadata or date line, else today (UTC)
  --record FILE|none    match drafts against this record (default: $DATA_DIR/events.json,
                        DATA_DIR defaults to ./data); none matches against nothing
  --names FILE          the people, places and countries Parley knows (default: data/names.json)
  --json                one JSON array, one object per input
  --sources FILE        the feeds (default: $DATA_DIR/sources.json)
  --state DIR           the poll state (default: $DATA_DIR/state; for poll $DATA_DIR/state/cli)
  --help                this text`;

const OPTIONS = {
  published: { type: "string" },
  record: { type: "string" },
  names: { type: "string" },
  json: { type: "boolean" },
  once: { type: "boolean" },
  sources: { type: "string" },
  state: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const DEFAULT_NAMES = fileURLToPath(new URL("../../data/names.json", import.meta.url));
const FETCH_TIMEOUT_MS = 15_000;



interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  /** The day to read relative dates against when nothing else gives one. */
  today?: string;
  /** Instead of $DATA_DIR (tests). */
  dataDir?: string;
  fetch?: FeedsIo["fetch"];
  until?: FeedsIo["until"];
  /** Instead of process.env (tests): DATABASE_URL and its settings. */
  env?: NodeJS.ProcessEnv;
}

/** One input's result as --json prints it. */
export interface ExtractResult {
  input: string;
  relevant: boolean;
  reason: string;
  drafts: Draft[];
}

export async function main(argv: string[], io: Io): Promise<number> {
  let values: { [k: string]: string | boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  try {
    const [command, ...inputs] = positionals;
    if (command === "poll" || command === "sources" || command === "explain") return await feeds(command, inputs, values, io);
    if (command !== "extract") throw new UsageError(command ? `unknown command "${command}"` : "no command given");
    if (inputs.length === 0) throw new UsageError(`"extract" needs at least one file, URL or -`);
    const published = values.published as string | undefined;
    if (published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(published)) throw new UsageError(`--published must be YYYY-MM-DD, not "${published}"`);
    if (inputs.filter((i) => i === "-").length > 1) throw new UsageError(`stdin (-) can be read once`);

    const names = await loadNames((values.names as string | undefined) ?? DEFAULT_NAMES);
    const entries = await loadEntries((values.record as string | undefined) ?? join(process.env.DATA_DIR || "./data", "events.json"));
    const today = io.today ?? new Date().toISOString().slice(0, 10);

    const results: ExtractResult[] = [];
    let failed = false;
    for (const input of inputs) {
      let body: { text: string; published?: string; outlet?: string; url?: string };
      try {
        body = await readInput(input, io);
      } catch (err) {
        io.err(`${input}: ${(err as Error).message}\n`);
        failed = true;
        continue;
      }
      const u = understand({ text: body.text, published: published ?? body.published, outlet: body.outlet, url: body.url }, names, { today, entries });
      results.push({ input, relevant: u.relevant, reason: u.reason, drafts: u.drafts });
      if (!values.json) io.out(describe(input, u));
    }
    if (values.json) io.out(`${JSON.stringify(results, null, 2)}\n`);
    return failed ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof InputError || err instanceof NamesFileError) {
      io.err(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

async function feeds(command: "poll" | "sources" | "explain", inputs: string[], values: { [k: string]: string | boolean | undefined }, io: Io): Promise<number> {
  const dataDir = io.dataDir ?? (process.env.DATA_DIR || "./data");
  const args: FeedsArgs = {
    once: values.once === true,
    sourcesFile: values.sources as string | undefined,
    stateDir: values.state as string | undefined,
    names: () => loadNames((values.names as string | undefined) ?? DEFAULT_NAMES),
    entries: () => loadEntries((values.record as string | undefined) ?? join(dataDir, "events.json")),
    describe,
  };
  // `sources` and `explain` read PostgreSQL's state when DATABASE_URL is set and no --state is given.
  let database;
  try {
    database = command === "poll" || values.state ? undefined : loadDatabaseConfig(io.env ?? process.env);
  } catch (err) {
    throw new InputError((err as Error).message);
  }
  const feedsIo: FeedsIo = { out: io.out, err: io.err, dataDir, fetch: io.fetch, until: io.until, database };
  if (values.once && command !== "poll") throw new UsageError(`--once belongs to poll`);
  if (command === "explain") {
    if (inputs.length !== 1) throw new UsageError(`"explain" takes one item id, such as tass-ru:https://tass.ru/politika/123`);
    return explainCommand(inputs[0], args, feedsIo);
  }
  if (inputs.length) throw new UsageError(`"${command}" takes no inputs`);
  return command === "poll" ? pollCommand(args, feedsIo) : sourcesCommand(args, feedsIo);
}

async function loadNames(file: string): Promise<NameIndex> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new InputError(`${file}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${file}: not valid JSON: ${(err as Error).message}`);
  }
  return new NameIndex(parseNames(json, file));
}

async function loadEntries(file: string): Promise<Entry[]> {
  if (file === "none") return [];
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? `${file}: no such file; pass --record FILE, --record none, or set DATA_DIR` : `${file}: ${(err as Error).message}`);
  }
  const result = parseEventLog(text, file);
  if (!result.ok) throw new InputError(result.problems.map(describeProblem).join("\n"));
  return result.log.entries;
}

async function readInput(input: string, io: Io): Promise<{ text: string; published?: string; outlet?: string; url?: string }> {
  // Bytes, not text: a saved page says its own charset (windows-1251, KOI8-R), as a server does
  // in its Content-Type header, and is decoded by it.
  let raw: Uint8Array;
  let contentType: string | null = null;
  let url: string | undefined;
  let outlet: string | undefined;
  if (input === "-") raw = await readAll(io.stdin);
  else if (/^https?:\/\//i.test(input)) {
    url = input;
    outlet = new URL(input).hostname.replace(/^www\./, "");
    let response: Response;
    try {
      response = await fetch(input, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: "follow" });
    } catch (err) {
      throw new Error((err as Error).name === "TimeoutError" ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : (err as Error).message, { cause: err });
    }
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    contentType = response.headers.get("content-type");
    raw = new Uint8Array(await response.arrayBuffer());
  } else {
    try {
      raw = await readFile(input);
    } catch (err) {
      throw new Error((err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message, { cause: err });
    }
  }
  if (raw.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) throw new Error("empty");
  const page = readDocument(raw, contentType);
  if (page.text.trim() === "") throw new Error("no article text found in the page");
  return { text: page.text, published: page.published, outlet: page.outlet ?? outlet, url };
}

function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  return new Promise((resolveBytes, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer | string) => chunks.push(typeof c === "string" ? Buffer.from(c) : c));
    stream.on("end", () => resolveBytes(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

function describe(input: string, u: Understanding): string {
  const lines = [`${input}: ${u.relevant ? "relevant" : "dropped"} — ${u.reason} [${u.language}, published ${u.published}]`];
  u.drafts.forEach((d, i) => {
    lines.push(`  ${i === 0 ? "main" : `also ${i}`}: ${d.kind}, ${d.status}${d.matches ? `, changes ${d.matches}` : ", new"}`);
    const field = (name: string, value: string | null) => {
      if (value === null || value === "") return;
      const guess = d.guessed.includes(name) ? " (guess)" : "";
      lines.push(`    ${name.padEnd(13)}${value}${guess}`);
    };
    field("date", d.date);
    field("time", d.time && `${d.time}${d.timezone ? ` ${d.timezone}` : ""}`);
    field("place", [d.place.venue, d.place.city, d.place.country].filter(Boolean).join(", "));
    field("parties", d.parties.join(", "));
    field("participants", d.participants.map((p) => `${p.name} (${p.side}${p.role ? `, ${p.role}` : ""})`).join("; "));
    field("track", d.track && `${d.track}${d.sequence ? `, #${d.sequence}` : ""}`);
    field("title", d.title);
    field("outcome", d.outcome);
    for (const [f, s] of Object.entries(d.evidence)) lines.push(`      ${f}: “${s.length > 140 ? `${s.slice(0, 137)}…` : s}”`);
  });
  return `${lines.join("\n")}\n`;
}

// .env as the bot reads it: with DATABASE_URL there, `sources` and `explain` read the database.
await runAsProgram(import.meta.url, (argv, io) => {
  loadDotenv({ quiet: true });
  return main(argv, io);
});
