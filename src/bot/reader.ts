// Who reads a reply: the Fluent bundles (loaded once), the chat's language and time zone, and
// today in that zone. Set on each update's context once, before any handler runs.
import { I18n } from "@grammyjs/i18n";
import type { MiddlewareFn } from "grammy";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { todayIn } from "../present/dates.ts";
import type { Lang } from "../record/schema.ts";
import { chatLocale } from "../store/chats.ts";
import type { BotDeps, ParleyContext } from "./context.ts";

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

/** Today's date in the reader's zone: what "latest" and "next" are measured from. */
export function readerToday(ctx: ParleyContext): string {
  return todayIn(ctx.reader.now, ctx.reader.zone);
}

/**
 * Gives the context its deps, t() and reader. The i18n plugin's middleware is run to its end
 * here, with nothing after it, rather than chained: it only installs ctx.t and ctx.i18n, and a
 * chained layer would stay suspended for the whole of every update (see dispatch.ts).
 */
export function readerMiddleware(deps: BotDeps, i18n: I18n<ParleyContext>): MiddlewareFn<ParleyContext> {
  const localize = i18n.middleware();
  const done = () => Promise.resolve();
  return async (ctx, next) => {
    ctx.deps = deps;
    await localize(ctx, done);
    const { lang, zone } = chatLocale(deps.prefs, ctx.chat?.id ?? ctx.from?.id, deps.defaultTimezone, ctx.from?.language_code);
    ctx.reader = { lang, zone, now: deps.clock(), t: ctx.t };
    return next();
  };
}
