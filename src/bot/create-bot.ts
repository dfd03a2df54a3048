// createBot: the bot's decisions, built from parts passed in (store, record, clock, logger,
// API root), so main.ts, the console and tests all run the same handlers. Mounted in one
// order: error boundary, i18n and reader, features, the catch-all last.
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { I18n } from "@grammyjs/i18n";
import { Bot, BotError, Composer, type MiddlewareFn } from "grammy";
import { describeError } from "../log.ts";
import type { UserFromGetMe } from "grammy/types";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { todayIn } from "../present/dates.ts";
import { chatLocale } from "../store/chats.ts";
import type { Lang } from "../record/schema.ts";
import type { BotDeps, ParleyContext } from "./context.ts";
import { browse } from "./features/browse.ts";
import { editorial } from "./features/editorial.ts";
import { fallback } from "./features/fallback.ts";
import { preferences } from "./features/preferences.ts";
import { subscriptions } from "./features/subscriptions.ts";
import { welcome } from "./features/welcome.ts";

/**
 * The Fluent files, at the package's top level: two folders up from this source file, one up
 * from the bundle `npm run build` writes to dist/main.js.
 */
export const LOCALES_DIR = [new URL("../../locales", import.meta.url), new URL("../locales", import.meta.url)]
  .map((url) => fileURLToPath(url))
  .find((dir) => existsSync(join(dir, "en.ftl")))!;

export function createI18n(): I18n<ParleyContext> {
  const i18n = new I18n<ParleyContext>({
    defaultLocale: "en",
    // useIsolating: false keeps Fluent from wrapping variables in Unicode isolation marks,
    // which would otherwise land inside our HTML and in the text users copy.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => chatLang(ctx),
  });
  i18n.loadLocalesDirSync(LOCALES_DIR);
  memoizeBundleMatching(i18n);
  return i18n;
}

/**
 * The i18n plugin negotiates locales (parsing BCP 47 tags) on every single t() call, which made
 * it the largest cost of a /next reply. Our bundles are loaded once and never change, so the
 * match for a given locale list can be remembered.
 */
function memoizeBundleMatching(i18n: I18n<ParleyContext>) {
  const fluent = i18n.fluent as unknown as { matchBundles?: (locales: string[]) => unknown[] };
  const original = fluent.matchBundles?.bind(fluent);
  if (!original) return;
  const memo = new Map<string, unknown[]>();
  fluent.matchBundles = (locales) => {
    const key = locales.join(",");
    let bundles = memo.get(key);
    if (!bundles) memo.set(key, (bundles = original(locales)));
    return bundles;
  };
}

/** The chat's chosen language, else the user's Telegram language, else English. */
export function chatLang(ctx: ParleyContext): Lang {
  return chatLocale(ctx.deps.prefs, ctx.chat?.id ?? ctx.from?.id, ctx.deps.defaultTimezone, ctx.from?.language_code).lang;
}

export interface CreateBotOptions {
  token: string;
  apiRoot?: string;
  /** Known bot identity: skips getMe (the console, tests). */
  botInfo?: UserFromGetMe;
  deps: BotDeps;
  i18n?: I18n<ParleyContext>;
  /** Stands in for the network (the console); conversations' own Api objects use it too. */
  fetch?: typeof fetch;
}

export function createBot(opts: CreateBotOptions): Bot<ParleyContext> {
  const { deps } = opts;
  const bot = new Bot<ParleyContext>(opts.token, {
    botInfo: opts.botInfo,
    client: { apiRoot: opts.apiRoot ?? "https://api.telegram.org", fetch: opts.fetch },
  });
  // 429 (wait retry_after) and 5xx/network errors (back off) are retried by grammY's plugin;
  // an interactive reply is not worth more than a minute's wait.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  // A button pressed while the bot was down arrives after restart with a query id Telegram no
  // longer accepts. The answer only stops the button's spinner; the action must still happen.
  bot.api.config.use(async (prev, method, payload, signal) => {
    const response = await prev(method, payload, signal);
    if (method === "answerCallbackQuery" && !response.ok && response.description.includes("query is too old")) {
      return { ok: true, result: true } as unknown as Awaited<ReturnType<typeof prev>>;
    }
    return response;
  });

  const i18n = opts.i18n ?? createI18n();
  // Under the runner, updates from one chat are handled in order (a language change before
  // the next command); different chats run concurrently.
  bot.use(sequentialize((ctx) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  // The runner asks for the next batch of updates only once every update of this batch has
  // run up to its first await. Yielding to the event loop here lets that getUpdates go out
  // first, so the next batch travels over the network while this one is being answered
  // instead of after it (with a real round trip, that is most of the time per batch).
  bot.use(async (_ctx, next) => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await next();
  });
  const withDeps: MiddlewareFn<ParleyContext> = (ctx, next) => {
    ctx.deps = deps;
    return next();
  };
  const withReader: MiddlewareFn<ParleyContext> = async (ctx, next) => {
    const { zone } = chatLocale(deps.prefs, ctx.chat?.id ?? ctx.from?.id, deps.defaultTimezone);
    const lang = (await ctx.i18n.getLocale()) as Lang;
    ctx.reader = { lang, zone, now: deps.clock(), t: ctx.t };
    return next();
  };
  bot.use(withDeps, i18n, withReader);

  const features = new Composer<ParleyContext>();
  // The editorial desk first: mid-conversation, an editor's messages are answers to its
  // questions, not commands for the other features. Its conversations build their own
  // contexts, so they get the same deps, i18n and reader.
  features.use(editorial({ plugins: [withDeps, i18n, withReader], storage: deps.editorial?.conversations }));
  features.use(welcome, browse, preferences, subscriptions);
  bot.errorBoundary(replyWithApology, features);
  bot.use(fallback);

  bot.catch((err: BotError<ParleyContext>) => {
    deps.log.error("update failed", { update: err.ctx.update.update_id, error: describeError(err.error) });
  });
  return bot;
}

/** Something broke inside a handler: log it and tell the user, in their language, once. */
async function replyWithApology(err: BotError<ParleyContext>) {
  const ctx = err.ctx;
  ctx.deps.log.error("handler failed", { update: ctx.update.update_id, error: describeError(err.error) });
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("error-generic") });
    else if (ctx.chat) await ctx.reply(ctx.t("error-generic"));
  } catch {
    // The apology itself failed (e.g. the user blocked the bot): nothing more to do.
  }
}

/** Today's date in the reader's zone: what "latest" and "next" are measured from. */
export function readerToday(ctx: ParleyContext): string {
  return todayIn(ctx.reader.now, ctx.reader.zone);
}
