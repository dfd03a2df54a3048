// The command menus, registered per language with setMyCommands so each user sees them in
// their own language (Telegram picks the list by the user's language_code; the one without a
// language code is the default). Both lists come from the route table.
import { GrammyError, type Api } from "grammy";
import { LANGS } from "../record/schema.ts";
import { commandsFor, type CommandRoute } from "./routes.ts";

/** What the menus need of i18n: a key in a language (the I18n object and ctx.i18n.fluent both have it). */
interface Translator {
  translate(lang: string, key: string): string;
}

function menu(i18n: Translator, lang: string, routes: readonly CommandRoute[]) {
  return routes.map((r) => ({ command: r.command, description: i18n.translate(lang, r.menu) }));
}

/** The public menu, in English by default and in each language. */
async function registerPublicMenu(api: Api, i18n: Translator): Promise<void> {
  const routes = commandsFor(false);
  await api.setMyCommands(menu(i18n, "en", routes));
  for (const lang of LANGS) await api.setMyCommands(menu(i18n, lang, routes), { language_code: lang });
}

/**
 * An editor's menu, in their private chat only: the public commands plus the editorial ones.
 * Telegram prefers a chat's own list over the default in every language, so it is registered
 * per language too.
 */
export async function registerEditorMenu(api: Api, i18n: Translator, chatId: number): Promise<void> {
  const routes = commandsFor(true);
  const scope = { type: "chat" as const, chat_id: chatId };
  await api.setMyCommands(menu(i18n, "en", routes), { scope });
  for (const lang of LANGS) await api.setMyCommands(menu(i18n, lang, routes), { scope, language_code: lang });
}

/** Telegram's answer for a user who has not opened a chat with the bot yet. */
function noChatYet(err: unknown): boolean {
  return err instanceof GrammyError && /chat not found|can't initiate conversation/.test(err.description);
}

/**
 * The public menu, and each editor's. An editor who has not yet opened a chat with the bot has
 * no chat to scope to: they get theirs when they first write (dispatch.ts). Any other failure
 * is reported after every menu has been tried.
 */
export async function registerCommands(api: Api, i18n: Translator, adminIds: readonly number[] = []): Promise<void> {
  await registerPublicMenu(api, i18n);
  let failure: unknown;
  for (const chatId of adminIds) {
    try {
      await registerEditorMenu(api, i18n, chatId);
    } catch (err) {
      if (!noChatYet(err)) failure ??= err;
    }
  }
  if (failure) throw failure;
}
