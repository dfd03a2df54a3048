// PostgreSQL as the store (issue 11), each figure beside its baseline in the same run, against
// the Bot API emulator with the real bot processes:
//
//   a. /latest and /next on the record in PostgreSQL against the same record in the file, on
//      one emulator, alternate rounds, medians (the driving of bench/commands.ts).
//   b. A million subscribers in PostgreSQL: start-up, resident memory, the time to plan one
//      digest and enqueue it, /subscribe with one replica and with three behind a balancer.
//   c. A digest to 10,000 subscribers at 30/s through the shared outbox with three replicas.
//   d. Failover: the leader SIGKILLed during a broadcast, until its successor sends.
//
// Each part works in a schema of its own (DATABASE_SCHEMA), dropped at the end. Without a
// PostgreSQL server (PARLEY_TEST_DATABASE_URL, default the one on the project's machines) the
// item says why and is skipped.
//
//   npx tsx bench/postgres.ts [--quick]
import { createServer, request } from "node:http";
import { createServer as createNetServer } from "node:net";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { openDatabase, quoteIdent, type Db } from "../src/db/pool.ts";
import { migrate } from "../src/db/migrate.ts";
import { importRecord } from "../src/record-db/rows.ts";
import { PgRecordWriter } from "../src/record-db/writer.ts";
import { buildRecord } from "../src/record/record.ts";
import { parseEventLog } from "../src/record/validate.ts";
import { createI18n } from "../src/bot/reader.ts";
import { SPEED_LIMITS } from "../src/delivery/schedule.ts";
import { detectChanges, initialAnnounced } from "../src/digest/changes.ts";
import { localClock, planInstantDigests, type Readers } from "../src/digest/plan.ts";
import { chatLocale } from "../src/store/chats.ts";
import { newSubscription, type Subscription } from "../src/store/subscription-types.ts";
import { DbChatPrefsStore } from "../src/store-db/chats.ts";
import { DbOutbox } from "../src/store-db/outbox.ts";
import { DbSubscriptionStore, SUBSCRIPTIONS_TABLE } from "../src/store-db/subscriptions.ts";
import { StateSync } from "../src/store-db/sync.ts";
import { makeDataDir, removeDataDir, REPO_ROOT, startBot, type BotProcess } from "../test/support/bot-process.ts";
import { startEmulator, type Emulator } from "../test/support/emulator.ts";
import { TEST_DATABASE_URL, whyNoDatabase } from "../test/support/pg.ts";
import { generateLog, middleOf } from "./generate.ts";
import { argValue, drive, median, printRows, type BenchResult } from "./harness.ts";

export interface PostgresSizes {
  /** Entries of the record for /latest and /next (a). */
  entries: number;
  /** Updates per round (a) and /subscribe users per run (b). */
  updates: number;
  /** Subscribers in PostgreSQL (b). */
  subscribers: number;
  /** Subscribers of the digest at 30/s with three replicas (c). */
  digestSubscribers: number;
  /** Leader kills (d). */
  failovers: number;
}

export const FULL: PostgresSizes = { entries: 100_000, updates: 3000, subscribers: 1_000_000, digestSubscribers: 10_000, failovers: 10 };
export const QUICK: PostgresSizes = { entries: 20_000, updates: 1000, subscribers: 100_000, digestSubscribers: 1000, failovers: 3 };

export interface PostgresSection {
  title: string;
  rows: BenchResult[];
  /** Why the part was not measured, in plain words (then rows is empty). */
  skipped?: string;
}

const COMMANDS = ["/latest", "/next"];
const LANGS = ["en", "ru", "uk"];
const LATENCY_MS = 50;
const ROUNDS = 3;
const SECRET = "bench-webhook-secret-0123456789abcdef";
const ACTOR = { kind: "cli" as const, name: "bench" };

// ---------------------------------------------------------------------------------------------
// Schemas, records and subscribers

interface BenchSchema {
  name: string;
  db: Db;
  /** What the bot needs to work in this schema. */
  env: { DATABASE_URL: string; DATABASE_SCHEMA: string };
  drop(): Promise<void>;
}

/** A migrated schema of its own; drop() closes the connections and drops it. */
async function benchSchema(part: string): Promise<BenchSchema> {
  const name = `bench_${part}_${process.pid}`;
  // Bulk loads of a million rows run longer than a bot's request may.
  const db = await openDatabase(TEST_DATABASE_URL, { schema: name, poolSize: 4, statementTimeoutMs: 600_000, applicationName: "parley bench" });
  await migrate(db);
  return {
    name,
    db,
    env: { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: name },
    async drop() {
      await db.close().catch(() => {});
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(name)} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The generated record into the schema, through the import `npm run events -- import` uses. */
async function importLog(db: Db, log: object): Promise<void> {
  const result = await importRecord(db, `${JSON.stringify(log, null, 2)}\n`, { file: "bench", actor: ACTOR });
  if (!result.ok) throw new Error(`the generated record was refused: ${JSON.stringify(result.problems.slice(0, 3))}`);
}

/**
 * An editor's new entry on the track "leaders", dated the bench's "now", written as the bot's
 * own editors write (PgRecordWriter: validation, audit, NOTIFY to every replica).
 */
async function publish(db: Db, entries: number, n: number): Promise<void> {
  const date = middleOf(entries).slice(0, 10);
  const entry = {
    id: `bench-news-${n}`,
    track: "leaders",
    kind: "meeting",
    status: "held",
    date,
    parties: ["RU", "US"],
    participants: [{ name: { en: "Envoy" }, side: "US" }],
    title: { en: `News ${n}`, ru: `Новость ${n}`, uk: `Новина ${n}` },
    summary: { en: `A new meeting, number ${n}.` },
    sources: [{ outlet: "Bench", url: `https://example.org/news/${n}`, language: "en" }],
  };
  const result = await new PgRecordWriter(db, { clock: () => new Date(middleOf(entries)) }).add(entry, ACTOR);
  if (!result.ok) throw new Error(`the bench's entry was refused: ${JSON.stringify(result)}`);
}

const CREATED = new Date("2026-01-01T00:00:00Z");

/**
 * A mix of what subscribers choose: most take everything at once; some follow one track, some
 * one kind, some a daily digest, some quiet hours. Every tenth chat a language of its own is
 * not stored (chat_prefs stays empty): the digest is planned in the default language.
 */
function subscriberOf(chatId: number, i: number): Subscription {
  const sub = newSubscription({ chatId, chatType: "private", createdBy: chatId }, CREATED);
  if (i % 10 === 1) sub.tracks = ["leaders"];
  if (i % 10 === 2) sub.kinds = ["meeting"];
  if (i % 20 === 3) sub.delivery = { mode: "daily", hour: 8 };
  if (i % 20 === 4) sub.quietHours = { from: 22, to: 7 };
  return sub;
}

/**
 * `count` subscriptions into the table, in the rows DbSubscriptionStore writes (its toRow),
 * 50,000 a statement through unnest: one round trip per chunk, not per row.
 */
async function loadSubscribers(db: Db, first: number, count: number, mix = true): Promise<void> {
  const spec = SUBSCRIPTIONS_TABLE;
  const columns = spec.columns;
  const CHUNK = 50_000;
  for (let from = 0; from < count; from += CHUNK) {
    const keys: string[] = [];
    const values: unknown[][] = columns.map(() => []);
    for (let i = from; i < Math.min(count, from + CHUNK); i++) {
      const sub = mix ? subscriberOf(first + i, i) : newSubscription({ chatId: first + i, chatType: "private", createdBy: first + i }, CREATED);
      const row = spec.toRow(sub.key, sub);
      keys.push(sub.key);
      columns.forEach(([column, type], c) => {
        const v = row[column];
        // unnest flattens arrays of arrays: a text[] column travels as its literal and is cast back.
        values[c].push(type.endsWith("[]") ? (v === null ? null : `{${(v as string[]).map((s) => `"${s}"`).join(",")}}`) : type === "jsonb" && v !== null ? JSON.stringify(v) : v);
      });
    }
    const params = [keys, ...values];
    const casts = columns.map(([, type]) => (type.endsWith("[]") ? "text[]" : `${type}[]`));
    const selects = columns.map(([column, type]) => (type.endsWith("[]") ? `${column}::${type}` : column));
    await db.query(
      `INSERT INTO ${spec.table} (${spec.key}, ${columns.map(([c]) => c).join(", ")})
       SELECT ${spec.key}, ${selects.join(", ")} FROM unnest($1::text[], ${casts.map((t, i) => `$${i + 2}::${t}`).join(", ")})
         AS r(${spec.key}, ${columns.map(([c]) => c).join(", ")})`,
      params,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Processes

let nextUser = 600_000_000;
/** Readers of their own, one command each; their language rotates with their id. */
function readers(emu: Emulator, n: number): number[] {
  const ids = Array.from({ length: n }, () => nextUser++);
  for (const id of ids) emu.addPrivateChat({ id, first_name: `U${id}`, language_code: LANGS[id % LANGS.length] });
  return ids;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * The load balancer in front of the replicas: each webhook post to the next replica in turn (as
 * nginx's round robin), and to the next one again when a replica does not answer (proxy_next_upstream).
 */
async function roundRobin(ports: () => number[]): Promise<{ origin: string; close(): Promise<void> }> {
  let turn = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const tryNext = (left: number) => {
        const live = ports();
        const port = live[turn++ % live.length];
        const out = request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        out.on("error", () => (left > 1 ? tryNext(left - 1) : (res.writeHead(502), res.end())));
        out.end(body);
      };
      tryNext(ports().length);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

/** A replica in webhook mode: its own HTTP port, the one webhook URL of the installation. */
async function startReplica(emu: Emulator, dataDir: string, env: Record<string, string>, startTimeoutMs = 120_000): Promise<{ bot: BotProcess; port: number }> {
  const port = await freePort();
  const bot = await startBot({
    emulator: emu,
    dataDir,
    mode: "webhook",
    startTimeoutMs,
    env: { ...env, HTTP_PORT: String(port), HTTP_HOST: "127.0.0.1", WEBHOOK_URL: "https://bench.example.org/hook", WEBHOOK_SECRET: SECRET },
  });
  return { bot, port };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
}

/** Whether the bot keeps its state stores in PostgreSQL when DATABASE_URL is set (src/state.ts, issue 11's wiring). */
function stateInPostgres(): boolean {
  const file = join(REPO_ROOT, "src/state.ts");
  return existsSync(file) && /openDbState/.test(readFileSync(file, "utf8"));
}

// ---------------------------------------------------------------------------------------------
// a. /latest and /next: the record in PostgreSQL against the record in the file

type Backend = "file" | "postgres";

async function commandsOnBoth(sizes: PostgresSizes): Promise<PostgresSection> {
  const title = `a. /latest and /next with ${sizes.entries} entries: the record in PostgreSQL against the file (alternate rounds, medians)`;
  const log = generateLog(sizes.entries);
  const fileDir = await makeDataDir({ events: log });
  // The PostgreSQL replica's own data directory: nothing of the file back end's is shared.
  const pgDir = await makeDataDir({ events: { tracks: [], entries: [] } });
  const schema = await benchSchema("commands");
  try {
    const t0 = performance.now();
    await importLog(schema.db, log);
    const importMs = performance.now() - t0;
    const env = { FAKE_NOW: middleOf(sizes.entries), LOG_LEVEL: "warn" };
    const envOf = (b: Backend) => (b === "file" ? env : { ...env, ...schema.env });
    const dirOf = (b: Backend) => (b === "file" ? fileDir : pgDir);
    // First starts: the file's index is written, and each back end's digest job takes the record
    // as announced, as a deployed bot's first start would.
    {
      const setup = await startEmulator();
      for (const b of ["file", "postgres"] as const) {
        const bot = await startBot({ emulator: setup, dataDir: dirOf(b), env: { ...envOf(b), LOG_LEVEL: "info" }, startTimeoutMs: 180_000 });
        await bot.waitForOutput(/first run: the record as it stands counts as announced/, 180_000);
        await bot.stop();
      }
      await setup.close();
    }
    const race = async (latencyMs: number, limits: boolean) => {
      const emu = await startEmulator({ latencyMs, limits: limits && { globalPerSecond: Number.POSITIVE_INFINITY } });
      const rates: Record<Backend, number[]> = { file: [], postgres: [] };
      const replies: Record<Backend, Map<string, string>> = { file: new Map(), postgres: new Map() };
      try {
        for (let round = 0; round < ROUNDS; round++) {
          for (const b of ["file", "postgres"] as const) {
            const bot = await startBot({ emulator: emu, dataDir: dirOf(b), env: envOf(b) });
            if (round === 0) {
              // What each back end answers, each command in each language: the same, or the ratio compares different work.
              const sample = readers(emu, LANGS.length * COMMANDS.length);
              await drive(emu, sample, COMMANDS);
              sample.forEach((id, i) => replies[b].set(`${LANGS[id % LANGS.length]}|${COMMANDS[i % COMMANDS.length]}`, emu.sentTo(id)[0]?.text ?? ""));
            }
            await drive(emu, readers(emu, Math.min(300, sizes.updates)), COMMANDS);
            rates[b].push(await drive(emu, readers(emu, sizes.updates), COMMANDS));
            await bot.stop();
          }
        }
      } finally {
        await emu.close();
      }
      const differing = [...replies.file].filter(([key, text]) => !text || text !== replies.postgres.get(key)).length;
      return { file: median(rates.file), postgres: median(rates.postgres), differing };
    };
    const real = await race(LATENCY_MS, true);
    const cpu = await race(0, false);
    return {
      title,
      rows: [
        { name: `import of the ${sizes.entries}-entry record into PostgreSQL`, value: importMs / 1000, unit: "s" },
        { name: `PostgreSQL back end (${LATENCY_MS} ms round trip, limits)`, value: real.postgres, unit: "updates/s" },
        { name: `file back end (same)`, value: real.file, unit: "updates/s" },
        { name: `PostgreSQL / file`, value: real.postgres / real.file, unit: "ratio", target: "≥ 0.8" },
        { name: `no round trip, CPU-bound: PostgreSQL back end`, value: cpu.postgres, unit: "updates/s" },
        { name: `no round trip: file back end`, value: cpu.file, unit: "updates/s" },
        { name: `no round trip: PostgreSQL / file`, value: cpu.postgres / cpu.file, unit: "ratio", target: "≥ 0.8" },
        { name: `replies differing between the back ends (of ${2 * LANGS.length * COMMANDS.length})`, value: real.differing + cpu.differing, unit: "", target: "0" },
      ],
    };
  } finally {
    await schema.drop();
    await removeDataDir(fileDir);
    await removeDataDir(pgDir);
  }
}

// ---------------------------------------------------------------------------------------------
// b. A million subscribers

const FIRST_SUBSCRIBER = 300_000_000;

/**
 * The digest job's planning for one change, in-process on the real stores: every subscription
 * read by DbSubscriptionStore (as a replica does at start), the one change matched against
 * each subscriber's filters and rendered (planInstantDigests, as the job's tick), and the
 * messages enqueued in the shared outbox (DbOutbox.enqueue). The bot's own tick does exactly
 * these calls; here each is timed on its own.
 */
async function planOneDigest(db: Db, log: ReturnType<typeof generateLog>): Promise<{ loadMs: number; planMs: number; enqueueMs: number; messages: number; active: number }> {
  const parsed = parseEventLog(JSON.stringify(log), "generated");
  if (!parsed.ok) throw new Error("generated log is invalid");
  const record = buildRecord(parsed.log);
  const refs = [...record.chrono];
  // The change: an entry of the track "leaders" the subscribers have not been told of yet.
  const fresh = [...refs].reverse().find((r) => record.entry(r).track === "leaders")!;
  const announced = initialAnnounced(
    refs.filter((r) => r !== fresh),
    record.entry,
  );
  const { changes } = detectChanges(announced, refs, record.entry);
  if (changes.length !== 1) throw new Error(`expected one change, found ${changes.length}`);

  const sync = await StateSync.start(db);
  try {
    let t = performance.now();
    const subscriptions = await DbSubscriptionStore.open(db, sync);
    const prefs = await DbChatPrefsStore.open(db, sync);
    const loadMs = performance.now() - t;
    const i18n = createI18n();
    const now = new Date(middleOf(log.entries.length));
    t = performance.now();
    const readers: Readers = {
      subs: Array.from(subscriptions.active()),
      localeOf: (sub) => chatLocale(prefs, sub.chatId, "UTC"),
      words: (lang) => ({ lang, t: (key, vars) => i18n.t(lang, key, vars) }),
      localTime: localClock(now),
    };
    const { messages } = planInstantDigests(changes, "bench", record, readers);
    const planMs = performance.now() - t;
    const outbox = await DbOutbox.open(db);
    t = performance.now();
    await outbox.enqueue(messages);
    const enqueueMs = performance.now() - t;
    await outbox.close();
    return { loadMs, planMs, enqueueMs, messages: messages.length, active: readers.subs.length };
  } finally {
    await sync.close();
    // Nobody is to receive it: the bots started next would send it.
    await db.query("DELETE FROM outbox");
    await db.query("DELETE FROM outbox_texts");
  }
}

async function millionSubscribers(sizes: PostgresSizes): Promise<PostgresSection> {
  const n = sizes.subscribers;
  const title = `b. ${n} subscribers in PostgreSQL (a ${sizes.entries}-entry record): start-up, memory, planning a digest, /subscribe with one and three replicas`;
  const schema = await benchSchema("subscribers");
  const log = generateLog(sizes.entries);
  const dir = await makeDataDir({ events: { tracks: [], entries: [] } });
  const rows: BenchResult[] = [];
  try {
    await importLog(schema.db, log);
    let t = performance.now();
    await loadSubscribers(schema.db, FIRST_SUBSCRIBER, n);
    rows.push({ name: `bulk load of ${n} subscriptions (unnest, 50,000 a statement)`, value: n / ((performance.now() - t) / 1000), unit: "rows/s" });

    const plan = await planOneDigest(schema.db, log);
    rows.push(
      { name: `in-process: read every subscription (DbSubscriptionStore.open)`, value: plan.loadMs / 1000, unit: "s" },
      { name: `in-process: match ${plan.active} active to one change, render (planInstantDigests)`, value: plan.planMs / 1000, unit: "s" },
      { name: `in-process: enqueue the ${plan.messages} messages (DbOutbox.enqueue)`, value: plan.enqueueMs / 1000, unit: "s" },
      { name: `in-process: plan one digest, matched + enqueued`, value: (plan.planMs + plan.enqueueMs) / 1000, unit: "s" },
    );

    if (!stateInPostgres()) {
      return { title, rows, skipped: "start-up, memory and /subscribe with the subscribers in PostgreSQL need the bot to open its state there (src/state.ts): not wired on this branch yet" };
    }
    const emu = await startEmulator();
    const env = { ...schema.env, FAKE_NOW: middleOf(sizes.entries), LOG_LEVEL: "info" };
    // A part that fails says so, and the parts after it are still measured.
    const notes: string[] = [];
    const phase = async (name: string, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (err) {
        notes.push(`${name}: ${(err as Error).message.split("\n")[0]}`);
      }
    };
    try {
      // The first start takes the record as announced; later ones find it so.
      const first = await startBot({ emulator: emu, dataDir: dir, env, startTimeoutMs: 300_000 });
      await first.waitForOutput(/first run: the record as it stands counts as announced/, 300_000);
      await first.stop();
      await phase("start-up", async () => {
        const starts: number[] = [];
        let bot!: BotProcess;
        for (let i = 0; i < 3; i++) {
          if (i) await bot.stop();
          (globalThis as { gc?: () => void }).gc?.();
          t = performance.now();
          bot = await startBot({ emulator: emu, dataDir: dir, env, startTimeoutMs: 300_000 });
          starts.push(performance.now() - t);
        }
        await bot.waitForOutput(/leading: the digest job/, 300_000);
        await new Promise((r) => setTimeout(r, 2000));
        const rss = rssMb(bot.pid!);
        rows.push(
          { name: `start-up, spawn → first getUpdates (median of 3)`, value: median(starts) / 1000, unit: "s" },
          { name: `resident memory after start-up (VmRSS)`, value: rss, unit: "MB" },
        );
        // The same planning done by the bot itself: an editor's entry written, heard by the
        // leader (NOTIFY), the record reloaded, every subscriber matched, the messages enqueued;
        // timed until the bot logs that they are in the outbox (or that the step failed).
        t = performance.now();
        await publish(schema.db, sizes.entries, 1);
        let tick = await digestTick(bot);
        const publishMs = performance.now() - t;
        if (tick.ok) {
          rows.push({ name: `the bot: entry written → ${tick.messages} digests in the outbox`, value: publishMs / 1000, unit: "s" });
        } else {
          // Measured again with room: how long the bot's planning takes when it is let finish.
          notes.push(
            `the bot's digest to ${plan.messages} did not reach the outbox with DATABASE_STATEMENT_TIMEOUT_MS at its default (5 s): ` +
              `"${tick.error}" after ${(publishMs / 1000).toFixed(1)} s; the digest job retries it every tick and never sends. Measured again with DATABASE_STATEMENT_TIMEOUT_MS=600000`,
          );
          // Killed, not stopped: its tick, retried, holds the event loop for seconds at a time.
          // The step is one transaction, so nothing of it stays behind.
          bot.kill();
          await bot.exited;
          bot = await startBot({ emulator: emu, dataDir: dir, env: { ...env, DATABASE_STATEMENT_TIMEOUT_MS: "600000" }, startTimeoutMs: 300_000 });
          tick = await digestTick(bot);
          if (!tick.ok) throw new Error(`the bot's digest failed again with a 600 s statement timeout: ${tick.error}`);
          rows.push({ name: `the bot (600 s statement timeout): tick start → ${tick.messages} in the outbox`, value: tick.ms / 1000, unit: "s" });
        }
        rows.push({ name: `resident memory after planning the digest (VmRSS)`, value: rssMb(bot.pid!), unit: "MB" });
        await bot.stop().catch(async () => {
          bot.kill();
          await bot.exited;
        });
        const { rows: inOutbox } = await schema.db.query<{ n: number }>("SELECT count(*)::float8 AS n FROM outbox");
        rows.push({ name: `messages in the outbox afterwards (planned in-process: ${plan.messages})`, value: inOutbox[0].n, unit: "" });
      });
      // Nobody is to receive it (these chats are not the emulator's): the bots started next would send it.
      await schema.db.query("DELETE FROM outbox");
      await phase("/subscribe", async () => {
        const one = await subscribeThrough(emu, dir, env, 1, sizes.updates, schema.db);
        const three = await subscribeThrough(emu, dir, env, 3, sizes.updates, schema.db);
        rows.push(
          { name: `/subscribe, one replica (webhook)`, value: one.rate, unit: "updates/s" },
          { name: `/subscribe, three replicas behind a round-robin balancer`, value: three.rate, unit: "updates/s" },
          { name: `three replicas / one`, value: three.rate / one.rate, unit: "ratio" },
          { name: `/subscribe answered but not in PostgreSQL, one replica`, value: one.lost, unit: "", target: "0" },
          { name: `/subscribe answered but not in PostgreSQL, three replicas`, value: three.lost, unit: "", target: "0" },
        );
        for (const [who, r] of [["one replica", one], ["three replicas", three]] as const) {
          if (r.lost) notes.push(`/subscribe through ${who}: ${r.lost} answered but not stored; the replicas said: ${r.complaints}`);
        }
      });
    } finally {
      await emu.close();
    }
    return { title, rows, ...(notes.length ? { skipped: notes.join("\n  skipped: ") } : {}) };
  } finally {
    await schema.drop();
    await removeDataDir(dir);
  }
}

/**
 * The bot's tick after a change: the messages it logs as enqueued, or the error it logs for the
 * step; `ms` from the tick's start (the bot's "leading" or "record reloaded" line) to that line,
 * by the bot's own clock.
 */
async function digestTick(bot: BotProcess): Promise<{ ok: true; messages: number; ms: number } | { ok: false; error: string }> {
  const out = await bot.waitForOutput(/changes announced.*"messages":\d+|digest job: changes failed/, 600_000);
  const at = (line: RegExpMatchArray | null | undefined) => (line ? Date.parse(line[1]) : NaN);
  const lines = out.split("\n");
  const done = lines.findIndex((l) => /changes announced.*"messages":\d+/.test(l));
  if (done < 0) return { ok: false, error: out.match(/digest job: changes failed \{"error":"(?:error: )?([^\\"]*)/)?.[1] ?? "the step failed" };
  const began = lines.slice(0, done).reverse().find((l) => /leading: the digest job|record reloaded/.test(l));
  return { ok: true, messages: Number(lines[done].match(/"messages":(\d+)/)![1]), ms: at(lines[done].match(/^(\S+)/)) - at(began?.match(/^(\S+)/)) };
}

/** `users` new readers send /subscribe through `replicas` replicas in webhook mode; their rate, and how many are not stored. */
async function subscribeThrough(emu: Emulator, dir: string, env: Record<string, string>, replicas: number, users: number, db: Db): Promise<{ rate: number; lost: number; complaints: string }> {
  const running: { bot: BotProcess; port: number }[] = [];
  const balancer = await roundRobin(() => running.map((r) => r.port));
  try {
    for (let i = 0; i < replicas; i++) running.push(await startReplica(emu, dir, { ...env, LOG_LEVEL: "warn" }, 300_000));
    emu.webhookProxy = balancer.origin;
    await drive(emu, readers(emu, Math.min(300, users)), ["/subscribe"]);
    const ids = readers(emu, users);
    const rate = await drive(emu, ids, ["/subscribe"]);
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::float8 AS n FROM subscriptions WHERE chat_id = ANY($1::bigint[]) AND active", [ids]);
    const said = running.flatMap((r) => r.bot.output().split("\n").filter((l) => / (WARN|ERROR) /.test(l)));
    return { rate, lost: users - rows[0].n, complaints: said.slice(-6).join(" | ").slice(0, 2000) || "nothing" };
  } finally {
    emu.webhookProxy = undefined;
    for (const r of running) await r.bot.stop();
    await balancer.close();
  }
}

// ---------------------------------------------------------------------------------------------
// c and d. Three replicas, one leader, the shared outbox

const FIRST_READER = 400_000_000;
const SMALL_RECORD = 200;

interface Cluster {
  emu: Emulator;
  schema: BenchSchema;
  replicas: { bot: BotProcess; port: number }[];
  /** The replica that says it leads (the digest job and the sender run there). */
  leader(): { bot: BotProcess; port: number } | undefined;
  addReplica(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `subscribers` chats of the emulator subscribed in PostgreSQL, a small record, and three
 * replicas in webhook mode behind the balancer. The emulator answers as Telegram would (50 ms
 * round trip, flood limits enforced per bot, not per process).
 */
async function cluster(part: string, subscribers: number): Promise<Cluster> {
  const emu = await startEmulator({ latencyMs: LATENCY_MS, limits: true });
  const schema = await benchSchema(part);
  const dir = await makeDataDir({ events: { tracks: [], entries: [] } });
  const replicas: { bot: BotProcess; port: number }[] = [];
  const balancer = await roundRobin(() => replicas.map((r) => r.port));
  let n = 0;
  const env = { ...schema.env, FAKE_NOW: middleOf(SMALL_RECORD), LOG_LEVEL: "info" };
  const addReplica = async () => {
    replicas.push(await startReplica(emu, dir, { ...env, REPLICA_ID: `bench-${part}-${++n}` }));
  };
  try {
    await importLog(schema.db, generateLog(SMALL_RECORD));
    for (let i = 0; i < subscribers; i++) emu.addPrivateChat({ id: FIRST_READER + i, first_name: `Reader ${i}` });
    await loadSubscribers(schema.db, FIRST_READER, subscribers, false);
    await addReplica();
    await replicas[0].bot.waitForOutput(/first run: the record as it stands counts as announced/, 120_000);
    await addReplica();
    await addReplica();
    emu.webhookProxy = balancer.origin;
  } catch (err) {
    for (const r of replicas) r.bot.kill();
    await balancer.close();
    await emu.close();
    await schema.drop();
    throw err;
  }
  const leads = (r: { bot: BotProcess }) => {
    const out = r.bot.output();
    return out.lastIndexOf("leading: the digest job") > out.lastIndexOf("no longer leading");
  };
  return {
    emu,
    schema,
    replicas,
    leader: () => replicas.find(leads),
    addReplica,
    async close() {
      emu.webhookProxy = undefined;
      for (const r of replicas) await r.bot.stop().catch(() => r.bot.kill());
      await balancer.close();
      await emu.close();
      await schema.drop();
      await removeDataDir(dir);
    },
  };
}

/** Per chat of the readers: how many messages each got, from the emulator's record of what was sent. */
function deliveries(emu: Emulator, subscribers: number): { lost: number; duplicates: number; chats: number } {
  const perChat = new Map<number, number>();
  for (const s of emu.sent) if (s.chat_id >= FIRST_READER && s.chat_id < FIRST_READER + subscribers) perChat.set(s.chat_id, (perChat.get(s.chat_id) ?? 0) + 1);
  let duplicates = 0;
  for (const count of perChat.values()) duplicates += count - 1;
  return { lost: subscribers - perChat.size, duplicates, chats: perChat.size };
}

async function waitUntil(what: string, done: () => boolean, timeoutMs: number): Promise<void> {
  const start = performance.now();
  while (!done()) {
    if (performance.now() - start > timeoutMs) throw new Error(`${what}: not within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The outbox's rows by outcome and claim, for a note when a broadcast stops short. */
async function outboxState(db: Db): Promise<string> {
  const { rows } = await db.query<{ state: string; n: number }>(
    "SELECT coalesce(outcome, CASE WHEN claimed_by IS NULL THEN 'pending' ELSE 'claimed by ' || claimed_by END) AS state, count(*)::float8 AS n FROM outbox GROUP BY 1",
  );
  return rows.map((r) => `${r.n} ${r.state}`).join(", ") || "empty";
}

/** The replicas' warnings and errors, the last few. */
function complaints(c: Cluster): string {
  const lines = c.replicas.flatMap((r) => r.bot.output().split("\n").filter((l) => / (WARN|ERROR) /.test(l)));
  return lines.slice(-8).join(" | ").slice(0, 3000) || "nothing";
}

async function digestThroughThree(sizes: PostgresSizes): Promise<PostgresSection> {
  const n = sizes.digestSubscribers;
  const limit = SPEED_LIMITS.broadcastPerSecond;
  const title = `c. A digest to ${n} subscribers at ${limit}/s through the shared outbox, three replicas (${LATENCY_MS} ms round trip, Telegram's limits)`;
  const c = await cluster("digest", n);
  try {
    const before = c.emu.sent.length;
    await publish(c.schema.db, SMALL_RECORD, 1);
    // Until every chat has its digest, or nothing has been sent for a minute (then the figures
    // say what was lost, and the note what the outbox and the replicas said).
    let stalled: string | undefined;
    await waitUntil(
      "every subscriber's digest",
      () => deliveries(c.emu, n).chats === n || (c.emu.sent.length > before && Date.now() - c.emu.sent[c.emu.sent.length - 1].at > 60_000),
      (n / limit) * 1500 + 60_000,
    ).catch((err: Error) => (stalled = err.message));
    if (deliveries(c.emu, n).chats < n) stalled ??= "nothing sent for a minute";
    // Late duplicates, if any, have time to arrive.
    await new Promise((r) => setTimeout(r, 3000));
    const sent = c.emu.sent.slice(before);
    const seconds = (sent[sent.length - 1].at - sent[0].at) / 1000;
    const d = deliveries(c.emu, n);
    const { rows } = await c.schema.db.query<{ n: number }>("SELECT count(*)::float8 AS n FROM outbox WHERE done_at IS NULL");
    const senders = c.replicas.filter((r) => /leading: the digest job/.test(r.bot.output())).length;
    return {
      title,
      rows: [
        { name: `achieved / limit`, value: (sent.length - 1) / seconds / limit, unit: "ratio", target: "≥ 0.95" },
        { name: `messages a second`, value: (sent.length - 1) / seconds, unit: "msg/s" },
        { name: `time to deliver`, value: seconds, unit: "s" },
        { name: `429 answers (${((c.emu.stats.tooMany / n) * 100).toFixed(1)}% of the messages)`, value: c.emu.stats.tooMany, unit: "count", target: `≤ ${Math.floor(n * 0.05)} (5%)` },
        { name: `lost`, value: d.lost, unit: "messages", target: "0" },
        { name: `duplicates`, value: d.duplicates, unit: "messages", target: "0" },
        { name: `left in the outbox`, value: rows[0].n, unit: "messages", target: "0" },
        { name: `replicas that led the broadcast`, value: senders, unit: "", target: "1" },
      ],
      ...(stalled ? { skipped: `the broadcast stopped short: ${stalled}; the outbox: ${await outboxState(c.schema.db)}; the replicas said: ${complaints(c)}` } : {}),
    };
  } finally {
    await c.close();
  }
}

async function failover(sizes: PostgresSizes): Promise<PostgresSection> {
  const runs = sizes.failovers;
  // Each run lets the new leader send a little, kills it, and waits for the next: the broadcast
  // must outlast every run (30 a second, ~10 s a failover and a replica's start), then finish.
  const n = 150 * runs + 300;
  const title = `d. Failover: the leader SIGKILLed during a broadcast to ${n}, until its successor sends (three replicas, ${runs} runs)`;
  const c = await cluster("failover", n);
  const gaps: number[] = [];
  try {
    await publish(c.schema.db, SMALL_RECORD, 1);
    for (let run = 0; run < runs; run++) {
      // The leader is sending: a few of its messages arrive.
      const seen = c.emu.sent.length;
      await waitUntil("the broadcast going on", () => c.emu.sent.length >= seen + 10, 60_000);
      const leader = c.leader();
      if (!leader) throw new Error("no replica says it leads");
      const killedAt = Date.now();
      leader.bot.kill();
      await leader.bot.exited;
      // Whatever the dead process had sent has arrived by now; what comes next is its successor's.
      const after = c.emu.sent.length;
      await waitUntil("a successor's first message", () => c.emu.sent.length > after, 60_000);
      gaps.push(c.emu.sent[after].at - killedAt);
      c.replicas.splice(c.replicas.indexOf(leader), 1);
      await c.addReplica();
    }
    await waitUntil("every subscriber's digest", () => deliveries(c.emu, n).chats === n, (n / SPEED_LIMITS.broadcastPerSecond) * 2000 + 60_000);
    await new Promise((r) => setTimeout(r, 3000));
    const d = deliveries(c.emu, n);
    return {
      title,
      rows: [
        { name: `SIGKILL → the successor's first message (median of ${runs})`, value: median(gaps) / 1000, unit: "s", target: "< 10" },
        { name: `the longest of the ${runs}`, value: Math.max(...gaps) / 1000, unit: "s" },
        { name: `the shortest`, value: Math.min(...gaps) / 1000, unit: "s" },
        { name: `lost, once the broadcast finished`, value: d.lost, unit: "messages", target: "0" },
        { name: `duplicates (messages in flight at a kill)`, value: d.duplicates, unit: "messages" },
      ],
    };
  } finally {
    await c.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The item

export async function benchPostgres(sizes: PostgresSizes, parts = ["a", "b", "c", "d"], done?: (section: PostgresSection) => void): Promise<PostgresSection[]> {
  const why = await whyNoDatabase();
  if (why) {
    const skipped = { title: "a–d. not measured", rows: [], skipped: `no PostgreSQL server: ${why} (set PARLEY_TEST_DATABASE_URL)` };
    done?.(skipped);
    return [skipped];
  }
  const sections: PostgresSection[] = [];
  const measures: [string, (sizes: PostgresSizes) => Promise<PostgresSection>][] = [
    ["a", commandsOnBoth],
    ["b", millionSubscribers],
    ["c", digestThroughThree],
    ["d", failover],
  ];
  for (const [part, measure] of measures) {
    if (!parts.includes(part)) continue;
    sections.push(await measure(sizes));
    done?.(sections[sections.length - 1]);
  }
  return sections;
}

export function printSections(heading: string, sections: PostgresSection[]): void {
  console.log(`\n${heading}`);
  sections.forEach(printSection);
}

function printSection(s: PostgresSection): void {
  if (s.rows.length) printRows(`  ${s.title}`, s.rows);
  else console.log(`\n  ${s.title}`);
  if (s.skipped) console.log(`  skipped: ${s.skipped}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes("--quick");
  const base = quick ? QUICK : FULL;
  // Any size can be set on its own, e.g. --subscribers 200000; --parts b,c runs only those.
  const sizes = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, argValue(k === "digestSubscribers" ? "digest-subscribers" : k, v)])) as unknown as PostgresSizes;
  const parts = process.argv.includes("--parts") ? process.argv[process.argv.indexOf("--parts") + 1].split(",") : undefined;
  // Each part printed as soon as it is measured (the full run takes a while).
  console.log(`PostgreSQL${quick ? " (quick)" : ""}: ${new Date().toISOString()}`);
  await benchPostgres(sizes, parts, printSection);
  process.exit(0);
}
