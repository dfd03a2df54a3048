// `npm start`: reads the configuration, opens the record and the state, starts the bot with
// long polling (grammY runner, updates handled concurrently but in order per chat) and the
// cron job; SIGINT/SIGTERM stop it with every write finished.
import { run } from "@grammyjs/runner";
import { Api, GrammyError, HttpError } from "grammy";
import { join } from "node:path";
import { ConfigError, loadConfig, makeClock, type Config } from "./config.ts";
import { describeError, redact } from "./log.ts";
import { createBot } from "./bot/create-bot.ts";
import { createI18n } from "./bot/reader.ts";
import { registerCommands } from "./bot/commands.ts";
import { createLogger, type Logger } from "./log.ts";
import { RecordInvalidError, RecordSource } from "./record-file/source.ts";
import { ChatPrefsStore } from "./store/chats.ts";
import { ConversationStore } from "./store/conversations.ts";
import { describeProblem } from "./record/validate.ts";
import { openDeskWriter } from "./editorial/desk-writer.ts";
import { StoreCorruptError } from "./store/json-store.ts";
import { SubscriptionStore } from "./store/subscriptions.ts";
import { handleRefusal, startJobs, type Jobs } from "./jobs.ts";
import { Outbox } from "./delivery/outbox.ts";
import { Sender } from "./delivery/sender.ts";

async function main(config: Config, log: Logger) {
  const clock = makeClock(config.fakeNow);
  const stateDir = join(config.dataDir, "state");
  const source = RecordSource.load(join(config.dataDir, "events.json"), { indexFile: join(stateDir, "record-index.json") });
  const prefs = ChatPrefsStore.open(join(stateDir, "chats.json"));
  const subscriptions = SubscriptionStore.open(join(stateDir, "subscriptions.json"));
  log.info("record loaded", { entries: source.refs.length, tracks: source.tracks.length, subscriptions: subscriptions.size, ms: Math.round(process.uptime() * 1000) });

  const i18n = createI18n();
  // Editors' writes go through the writer (lock, validation, audit log) in a worker thread; the
  // record is reread right after each, and the digest job is told at once, so subscribers hear
  // of the change within a couple of seconds rather than at the next cron tick. Before the job
  // has started there is nothing to tell: its first tick finds the change anyway.
  const writer = openDeskWriter({ file: source.file, auditFile: join(stateDir, "audit.jsonl"), clock });
  const conversations = ConversationStore.open(join(stateDir, "conversations.json"));
  let jobs: Jobs | undefined = undefined;
  const reloadRecord = async () => {
    const result = await source.reload();
    if (result.kind === "invalid") log.warn("record not reloaded after a write", { problems: result.problems.map(describeProblem) });
    jobs?.recordChanged();
  };
  const editorial = { writer, reloadRecord, conversations };
  const deps = { record: () => source.record, prefs, subscriptions, clock, defaultTimezone: config.defaultTimezone, adminIds: config.adminIds, editorial, log };
  const bot = createBot({ token: config.token, apiRoot: config.apiRoot, deps, i18n });
  try {
    // Not bot.init(): its request goes through auto-retry, which retries network errors without
    // end, so a wrong TELEGRAM_API_ROOT would hang start-up in silence. Three tries, then say so.
    for (let attempt = 1; ; attempt++) {
      try {
        bot.botInfo = await new Api(config.token, { apiRoot: config.apiRoot }).getMe();
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
  // Long polling and a webhook exclude each other (getUpdates answers 409 while one is set):
  // remove a leftover webhook as grammY's bot.start() would; pending updates are kept.
  await bot.api.deleteWebhook();
  // The menu is not needed to answer: register it while the bot already polls.
  void registerCommands(bot.api, i18n, config.adminIds).catch((err) => log.warn("could not register the command menu", { error: describeError(err) }));

  // Answering needs only the record and the chat state: poll now, and open the digest job's
  // state (announced entries, outbox) while the first updates are being answered.
  let polling!: () => void;
  const firstPoll = new Promise<void>((resolve) => (polling = resolve));
  bot.api.config.use((prev, method, payload, signal) => {
    if (method === "getUpdates") polling();
    return prev(method, payload, signal);
  });
  const runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query", "my_chat_member", "channel_post"] } } });
  await firstPoll;
  const pollingMs = Math.round(process.uptime() * 1000);
  await new Promise((resolve) => setImmediate(resolve));

  // Digests, reminders and their delivery. The sender gets an Api of its own, without the
  // auto-retry plugin the bot's replies use: it paces itself and handles 429s (see sender.ts).
  const outbox = await Outbox.open(stateDir);
  const sender = new Sender({
    api: new Api(config.token, { apiRoot: config.apiRoot }),
    outbox,
    ratePerSecond: config.broadcastRate,
    paid: config.paidBroadcast,
    log,
    onRefusal: handleRefusal({ subscriptions, prefs, log }),
  });
  // The jobs wake the sender (never before their first tick): see the top of jobs.ts.
  const digestJob = await startJobs({ config, log, clock, source, bot, i18n, stateDir, prefs, subscriptions, outbox, sender });
  jobs = digestJob;

  log.info("Parley is running", { bot: bot.botInfo.username, apiRoot: new URL(config.apiRoot).host, writesOffThread: writer.offThread, pollingMs, ms: Math.round(process.uptime() * 1000) });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping", { signal });
    await digestJob.stop();
    await sender.stop();
    if (runner.isRunning()) await runner.stop();
    await writer.close();
    await outbox.close();
    await prefs.store.flush();
    await conversations.flush();
    await subscriptions.flush();
    await digestJob.flush();
    log.info("stopped cleanly");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  await runner.task();
}

let token = "";
try {
  const config = loadConfig();
  token = config.token;
  const log = createLogger({ level: config.logLevel, token });
  await main(config, log);
} catch (err) {
  if (err instanceof ConfigError || err instanceof RecordInvalidError || err instanceof StoreCorruptError) {
    console.error(redact(err.message, token));
  } else {
    console.error(redact(`Parley stopped on an unexpected error: ${describeError(err)}`, token));
  }
  process.exit(1);
}
