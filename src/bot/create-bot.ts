// createBot: the bot's decisions, built from parts passed in (store, record, clock, logger,
// API root), so main.ts, the console and tests all run the same handlers. Mounted in one
// order: the per-chat queue, the reader, then inside the error boundary the dispatch of the
// route table (dispatch.ts), whose last routes catch what nothing else handled.
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import type { I18n } from "@grammyjs/i18n";
import { Bot, BotError, type MiddlewareFn } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { describeError } from "../log.ts";
import type { BotDeps, ParleyContext } from "./context.ts";
import { dispatch } from "./dispatch.ts";
import { deskMiddleware } from "./features/editorial/desk.ts";
import { createI18n, readerMiddleware } from "./reader.ts";
import { htmlReplies } from "./replies.ts";
import { telegramFetch } from "./transport.ts";
import { isDatabaseUnavailable } from "../db/availability.ts";

export interface CreateBotOptions {
  token: string;
  apiRoot?: string;
  /** Known bot identity: skips getMe (the console, tests). */
  botInfo?: UserFromGetMe;
  deps: BotDeps;
  i18n?: I18n<ParleyContext>;
  /** Stands in for the network (the console); conversations' own Api objects use it too. Default: transport.ts. */
  fetch?: typeof fetch;
  /** Runs first for every update, in both modes: the metrics' counter and timer (src/http/metrics.ts). */
  observe?: MiddlewareFn<ParleyContext>;
}

export function createBot(opts: CreateBotOptions): Bot<ParleyContext> {
  const { deps } = opts;
  const bot = new Bot<ParleyContext>(opts.token, {
    botInfo: opts.botInfo,
    client: { apiRoot: opts.apiRoot ?? "https://api.telegram.org", fetch: opts.fetch ?? telegramFetch },
  });
  bot.api.config.use(htmlReplies);
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
  const reader = readerMiddleware(deps, i18n);
  if (opts.observe) bot.use(opts.observe);
  // Under the runner, updates from one chat are handled in order (a language change before
  // the next command); different chats run concurrently.
  bot.use(sequentialize((ctx) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  // The runner asks for the next batch of updates only once every update of this batch has
  // run up to its first await. Yielding to the event loop here lets that getUpdates go out
  // first, so the next batch travels over the network while this one is being answered
  // instead of after it (with a real round trip, that is most of the time per batch).
  // (return, not await, next(): this layer then holds no frame while the update is handled.)
  bot.use(async (_ctx, next) => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return next();
  });
  bot.use(reader);
  // Conversations build their own contexts (and their own Api): they get the same reader and
  // the same HTML replies.
  const htmlInConversation: MiddlewareFn<ParleyContext> = (ctx, next) => {
    ctx.api.config.use(htmlReplies);
    return next();
  };
  const desk = deskMiddleware({ plugins: [reader, htmlInConversation], storage: deps.editorial?.conversations });
  bot.errorBoundary(replyWithApology, dispatch({ desk }));

  bot.catch((err: BotError<ParleyContext>) => {
    deps.log.error("update failed", { update: err.ctx.update.update_id, error: describeError(err.error) });
  });
  return bot;
}

/** Something broke inside a handler: log it and tell the user, in their language, once. */
async function replyWithApology(err: BotError<ParleyContext>) {
  const ctx = err.ctx;
  ctx.deps.log.error("handler failed", { update: ctx.update.update_id, error: describeError(err.error) });
  // A write that found the database away (several replicas, DATABASE_URL): nothing was stored,
  // and trying again later will work; say so rather than "something went wrong".
  const key = isDatabaseUnavailable(err.error) ? "error-database-down" : "error-generic";
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: key === "error-database-down" });
    else if (ctx.chat) await ctx.reply(ctx.t(key));
  } catch {
    // The apology itself failed (e.g. the user blocked the bot): nothing more to do.
  }
}
