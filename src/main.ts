// `npm start`: reads the configuration, opens the record and the state, starts the bot with
// long polling (grammY runner, updates handled concurrently but in order per chat) and the
// cron job; SIGINT/SIGTERM stop it with every write finished.
import { Api, GrammyError, HttpError } from "grammy";
import { apiClient } from "./bot/transport.ts";
import { join } from "node:path";
import { ConfigError, loadConfig, makeClock, type Config } from "./config.ts";
import { describeError, redact } from "./log.ts";
import { createBot } from "./bot/create-bot.ts";
import { createI18n } from "./bot/reader.ts";
import { registerCommands } from "./bot/commands.ts";
import { createLogger, databaseSecrets, redactDatabaseUrl, type Logger } from "./log.ts";
import { RecordInvalidError, RecordSource } from "./record-file/source.ts";
import type { LiveRecord } from "./record/live-record.ts";
import { openDatabase, type Db } from "./db/pool.ts";
import { migrate } from "./db/migrate.ts";
import { PgRecordSource } from "./record-db/source.ts";
import { PgRecordWriter, pgDeskWriter } from "./record-db/writer.ts";
import { describeProblem } from "./record/validate.ts";
import { openDeskWriter } from "./editorial/desk-writer.ts";
import { StoreCorruptError } from "./store/json-store.ts";
import { sequenceOf } from "./calendar/sequence.ts";
import { Metrics } from "./http/metrics.ts";
import { Readiness } from "./http/health.ts";
import { createHttpApp, startHttpServer, type RunningHttpServer } from "./http/server.ts";
import type { Entry, Lang } from "./record/schema.ts";
import { createIngestion, type Ingestion } from "./ingestion.ts";
import { startPoller, type Poller } from "./feeds/poller.ts";
import type { PollState } from "./feeds/poll-state.ts";
import { createFetcher, parleyUserAgent, type Fetcher } from "./feeds/fetching/fetcher.ts";
import { pageFetcher } from "./feeds/fetch-page.ts";
import { openFeedParsing, type FeedParsing } from "./feeds/parsing.ts";
import { existsSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { autoRetry } from "@grammyjs/auto-retry";
import { openState, type DeliveryState } from "./state.ts";
import { DbAvailability } from "./db/availability.ts";
import { holdLeadership, soleLeadership, type Leadership } from "./db/leader.ts";
import { digestDuty, feedsDuty, pollingDuty, together, type DigestDuty } from "./duties.ts";

// The bot holds the record and every subscriber in memory (over 100 MB for 100,000 of each)
// and sees bursts of short-lived garbage: thousands of updates in hand at once, many promoted
// before their reply is sent. V8 lets the old generation grow far past the live set before it
// collects again (to 370 MB and more in npm run bench's burst); held to 20 % above the live set,
// the peak stays under 300 MB. The price, measured the same way: about 15-20 % more CPU per
// update, in major collections that come more often.
setFlagsFromString("--heap-growing-percent=20");

/**
 * The outbox's claim lease with PostgreSQL: a successor takes a dead leader's claimed messages
 * after this. With the leader lock retried every 2 s, a broadcast resumes within about 6 s of
 * its leader's death (the issue asks for 10).
 */
const OUTBOX_LEASE_MS = 4000;

async function main(config: Config, log: Logger) {
  const clock = makeClock(config.fakeNow);
  const stateDir = join(config.dataDir, "state");
  // DATABASE_URL set: the record is PostgreSQL's, shared by every replica; unset: the file.
  let db: Db | undefined;
  /** The database as the stores and the writer use it: failing at once while it is away (src/db/availability.ts). */
  let guarded: Db | undefined;
  let availability: DbAvailability | undefined;
  let source: LiveRecord;
  if (config.database) {
    const { url, poolSize, statementTimeoutMs, schema } = config.database;
    try {
      db = await openDatabase(url, { poolSize, statementTimeoutMs, schema, applicationName: `parley ${config.database.replicaId}` });
    } catch (err) {
      throw new Error(`cannot reach the database at ${redactDatabaseUrl(url)} (DATABASE_URL): ${(err as Error).message}`, { cause: err });
    }
    const applied = await migrate(db);
    log.info("database ready", { database: redactDatabaseUrl(url), migrationsApplied: applied.map((m) => m.version) });
    const pgSource = await PgRecordSource.load(db, { onError: (err) => log.warn("record: the database is not answering; serving the last version loaded", { error: err.message }) });
    pgSource.onChange(() => log.info("record reloaded", { version: pgSource.version, entries: pgSource.refs.length }));
    source = pgSource;
    availability = new DbAvailability(db, {
      onChange: (up, err) =>
        up ? log.info("the database answers again; writes and delivery resume") : log.error("the database is unreachable: answering from memory, refusing writes, not delivering", { error: describeError(err) }),
    });
    guarded = availability.guard(db);
  } else {
    source = RecordSource.load(join(config.dataDir, "events.json"), { indexFile: join(stateDir, "record-index.json") });
  }
  // The chats' state: the files, or PostgreSQL's tables shared by every replica (src/state.ts).
  const state = await openState({ stateDir, log, db: guarded && { db: guarded, replicaId: config.database!.replicaId, outboxLeaseMs: OUTBOX_LEASE_MS } });
  const { prefs, subscriptions, conversations } = state;
  log.info("record loaded", { entries: source.refs.length, tracks: source.tracks.length, subscriptions: subscriptions.size, ms: Math.round(process.uptime() * 1000) });

  const i18n = createI18n();
  // Editors' writes go through the writer (lock, validation, audit log) in a worker thread; the
  // record is reread right after each, and the digest job is told at once, so subscribers hear
  // of the change within a couple of seconds rather than at the next cron tick. Before the job
  // has started there is nothing to tell: its first tick finds the change anyway.
  const writer = db ? pgDeskWriter(new PgRecordWriter(guarded!, { clock })) : openDeskWriter({ file: source.file!, auditFile: join(stateDir, "audit.jsonl"), clock });
  // Set once the delivery state is open (below), after the bot is answering.
  const later: { digest?: DigestDuty; delivery?: DeliveryState } = {};
  const reloadRecord = async () => {
    const result = await source.reload();
    if (result.kind === "invalid") log.warn("record not reloaded after a write", { problems: result.problems.map(describeProblem) });
    later.digest?.jobs?.recordChanged();
  };
  const editorial = { writer, reloadRecord, conversations };
  // News in, drafts out: reports (from the feed poller and from editors' messages) become drafts
  // that every editor sees and decides. Its Api is its own, like the sender's: a draft sent to
  // the editors does not queue behind the bot's replies. Without a usable names file the bot
  // runs without drafts, and says why.
  let ingestion: Ingestion | undefined;
  // One fetcher for the feeds and the links editors send: one request at a time per host, and
  // the pause between two, hold across both.
  const fetcher = createFetcher({ userAgent: parleyUserAgent(config.publicUrl), timeoutMs: config.ingest.timeoutMs, hostIntervalMs: config.ingest.hostIntervalMs });
  // And one worker thread (started on first use) where their feeds and pages are parsed and the
  // reports read, so the answers do not wait for a big feed, a Readability pass or a long report
  // (feeds/parsing.ts).
  const parsing = openFeedParsing();
  try {
    const draftsApi = new Api(config.token, apiClient(config.apiRoot));
    draftsApi.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
    ingestion = createIngestion({
      record: () => source.record,
      writer,
      reloadRecord,
      api: draftsApi,
      adminIds: config.adminIds,
      prefs,
      translate: (lang, key, vars) => i18n.t(lang, key, vars),
      defaultTimezone: config.defaultTimezone,
      stateDir,
      store: state.shared?.drafts,
      clock,
      log,
      fetchPage: pageFetcher(fetcher, parsing),
      parsing,
    });
  } catch (err) {
    if (err instanceof StoreCorruptError) throw err;
    log.error("drafts from the news are off: the names file could not be read", { error: describeError(err) });
  }
  // Telegram opens Mini Apps only from https: the "🌐 Timeline" button needs PUBLIC_URL to be one.
  const timelineUrl = config.http?.publicUrl.startsWith("https://") ? config.http.publicUrl : undefined;
  const deps = { record: () => source.record, prefs, subscriptions, clock, defaultTimezone: config.defaultTimezone, adminIds: config.adminIds, editorial, drafts: ingestion?.deps, log, timelineUrl, publicUrl: config.publicUrl,
    calendarSequence: (e: Entry) => sequenceOf(e, source.record, later.delivery?.announced) };
  const metrics = new Metrics();
  const bot = createBot({ token: config.token, apiRoot: config.apiRoot, deps, i18n, observe: metrics.updateMiddleware() });
  // Readiness: any answer from the Bot API (getUpdates every 30 s at most while polling) is fresh enough.
  const probeApi = new Api(config.token, apiClient(config.apiRoot, { timeoutSeconds: 5 }));
  const readiness = new Readiness({
    recordLoaded: () => source.refs.length >= 0,
    storesOpen: () => later.delivery !== undefined,
    databaseReachable: availability && (() => availability.up),
    probeBotApi: () => probeApi.getMe().then(() => true),
  });
  bot.api.config.use(async (prev, method, payload, signal) => {
    const response = await prev(method, payload, signal);
    if (response.ok) readiness.botApiAnswered();
    return response;
  });
  try {
    // Not bot.init(): its request goes through auto-retry, which retries network errors without
    // end, so a wrong TELEGRAM_API_ROOT would hang start-up in silence. Three tries, then say so.
    for (let attempt = 1; ; attempt++) {
      try {
        bot.botInfo = await new Api(config.token, apiClient(config.apiRoot)).getMe();
        break;
      } catch (err) {
        if (!(err instanceof HttpError) || attempt === 3) throw err;
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      }
    }
  } catch (err) {
    if (err instanceof GrammyError && err.error_code === 401) {
      throw new ConfigError("Telegram rejected BOT_TOKEN (401 Unauthorized): copy the token again from @BotFather.");
    }
    if (err instanceof HttpError) {
      throw new ConfigError(`Cannot reach the Bot API at ${new URL(config.apiRoot).origin} (${describeError(err)}): check TELEGRAM_API_ROOT and the network.`);
    }
    throw err;
  }
  // The HTTP server (health, metrics, calendars, feeds, API, pages, and in webhook mode the
  // webhook itself): listening before setWebhook, so that Telegram's first post finds it.
  let http: RunningHttpServer | undefined;
  if (config.http) {
    const httpDeps = {
      record: () => source.record,
      clock,
      publicUrl: config.http.publicUrl,
      defaultTimezone: config.defaultTimezone,
      t: (lang: Lang) => (key: string, vars?: Record<string, string | number>) => i18n.t(lang, key, vars),
      announced: () => later.delivery?.announced,
      metrics,
      readiness,
      log,
    };
    const webhook = config.webhook && { path: config.webhook.path, secret: config.webhook.secret, bot };
    const app = createHttpApp(httpDeps, { rateLimit: config.http.rateLimit, trustProxy: config.http.trustProxy, webhook });
    http = await startHttpServer(app, config.http.port, config.http.host);
    log.info("HTTP server listening", { port: http.port, publicUrl: config.http.publicUrl, webhook: Boolean(webhook) });
  }
  const allowedUpdates = ["message", "callback_query", "my_chat_member", "channel_post", "inline_query"] as const;
  if (config.webhook) {
    await bot.api.setWebhook(config.webhook.url, {
      secret_token: config.webhook.secret,
      allowed_updates: [...allowedUpdates],
      max_connections: config.webhook.maxConnections,
    });
  } else {
    // Long polling and a webhook exclude each other (getUpdates answers 409 while one is set):
    // remove a leftover webhook as grammY's bot.start() would; pending updates are kept.
    await bot.api.deleteWebhook();
  }
  // The menu is not needed to answer: register it while the bot already polls.
  void registerCommands(bot.api, i18n, config.adminIds).catch((err) => log.warn("could not register the command menu", { error: describeError(err) }));

  // Answering needs only the record and the chat state: poll now, and open the digest job's
  // state (announced entries, outbox) while the first updates are being answered. With
  // PostgreSQL, one replica polls at a time (a second getUpdates would be refused); the others
  // stand by and take over (src/db/leader.ts).
  const polling = config.webhook ? undefined : pollingDuty(bot, allowedUpdates, log);
  let pollingLeadership: Leadership | undefined;
  if (polling && db) {
    pollingLeadership = holdLeadership(db, "polling", { ...polling, onError: (err) => log.warn("polling: cannot reach the database to take the lead", { error: describeError(err) }) });
  } else if (polling) {
    let firstPoll!: () => void;
    const polled = new Promise<void>((resolve) => (firstPoll = resolve));
    bot.api.config.use((prev, method, payload, signal) => {
      if (method === "getUpdates") firstPoll();
      return prev(method, payload, signal);
    });
    pollingLeadership = await soleLeadership(polling);
    await polled;
  }
  const pollingMs = Math.round(process.uptime() * 1000);
  await new Promise((resolve) => setImmediate(resolve));

  // Digests, reminders and their delivery: exactly one replica runs them (the leader).
  const delivery = (later.delivery = await state.delivery());
  const outbox = delivery.outbox;
  const digest = (later.digest = digestDuty({ config, log, clock, source, bot, i18n, stateDir, prefs, subscriptions, delivery, observe: metrics.jobs, claimLeaseMs: db ? OUTBOX_LEASE_MS : undefined }));
  // The feeds are polled by the leader too, and only by it: one poller among the replicas. On
  // election, before the feeds are polled: a draft the last run decided on but did not get to
  // every editor.
  const openPollState = state.shared?.openPollState;
  const feeds = ingestion && feedsDuty({ start: () => startFeeds(config, ingestion, { fetcher, parsing, clock, log, stateDir, openPollState }), resume: () => ingestion.resume(), log });
  const duties = feeds ? together(digest, feeds) : digest;
  const leadership = db
    ? holdLeadership(db, "digest", { onElected: duties.onElected, onDeposed: duties.onDeposed, onError: (err) => log.warn("digest: cannot reach the database to take the lead", { error: describeError(err) }) })
    : await soleLeadership(duties);
  Object.assign(metrics.sources, {
    outboxDepth: () => outbox.pendingCount,
    sends: () => digest.totals,
    recordEntries: () => source.refs.length,
    changesAnnounced: () => delivery.announced.lastSeq,
  });

  log.info("Parley is running", { bot: bot.botInfo.username, apiRoot: new URL(config.apiRoot).host, writesOffThread: writer.offThread, pollingMs, ms: Math.round(process.uptime() * 1000), replica: config.database?.replicaId });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping", { signal });
    // No new updates (the webhook closes with the server), and those being handled finish.
    await http?.close();
    await pollingLeadership?.stop();
    await metrics.idle();
    await leadership.stop();
    await writer.close();
    await parsing.close();
    await ingestion?.flush();
    await state.close();
    if (db) {
      availability?.stop();
      await source.close();
      await db.close();
    }
    log.info("stopped cleanly");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  // With the files, main() lasts as long as the polling; otherwise the server and the
  // leadership's timers keep the process alive until a signal.
  if (!db) await polling?.runner?.task();
}

/**
 * The feed poller: news from the outlets of sources.json into the drafts. Off without the file
 * (a data folder of one's own starts without feeds), without editors (nobody would see a draft)
 * or with INGEST_POLL=false.
 */
async function startFeeds(
  config: Config,
  ingestion: Ingestion,
  { fetcher, parsing, clock, log, stateDir, openPollState }: { fetcher: Fetcher; parsing: FeedParsing; clock: () => Date; log: Logger; stateDir: string; openPollState?: () => Promise<PollState> },
): Promise<Poller | undefined> {
  const why = !config.ingest.poll ? "INGEST_POLL=false" : !existsSync(config.ingest.sourcesFile) ? `no ${config.ingest.sourcesFile}` : config.adminIds.length === 0 ? "no editors in ADMIN_IDS to send drafts to" : undefined;
  if (why) {
    log.info("feeds are not polled", { why });
    return undefined;
  }
  return startPoller({ sourcesFile: config.ingest.sourcesFile, stateDir, openState: openPollState, intake: ingestion.intake, onFeedDown: ingestion.notifyFeedDown, fetcher, parsing, clock, log });
}

let token = "";
try {
  const config = loadConfig();
  token = config.token;
  const log = createLogger({ level: config.logLevel, token, secrets: config.database ? databaseSecrets(config.database.url) : [] });
  await main(config, log);
} catch (err) {
  if (err instanceof ConfigError || err instanceof RecordInvalidError || err instanceof StoreCorruptError) {
    console.error(redact(err.message, token));
  } else {
    console.error(redact(`Parley stopped on an unexpected error: ${describeError(err)}`, token));
  }
  process.exit(1);
}
