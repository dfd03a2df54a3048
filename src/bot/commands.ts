// The command menu, registered per language with setMyCommands so each user sees it in their
// own language (Telegram picks the list by the user's language_code; the one without a
// language code is the default).
import type { Api } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import { LANGS } from "../record/schema.ts";
import type { ParleyContext } from "./context.ts";
import { EDITORIAL_COMMANDS } from "./features/editorial.ts";

export const PUBLIC_COMMANDS = ["latest", "next", "event", "tracks", "track", "subscribe", "unsubscribe", "settings", "lang", "tz", "help", "start"] as const;

export function commandList(i18n: I18n<ParleyContext>, lang: string, names: readonly string[] = PUBLIC_COMMANDS) {
  return names.map((command) => ({ command, description: i18n.t(lang, `cmd-${command}`) }));
}

/**
 * The public menu for everyone; for each admin, in their private chat only, the public commands
 * plus the editorial ones. Telegram prefers a chat's own list over the default in every
 * language, so the admin lists are registered per language too.
 */
export async function registerCommands(api: Api, i18n: I18n<ParleyContext>, adminIds: readonly number[] = []): Promise<void> {
  await api.setMyCommands(commandList(i18n, "en"));
  for (const lang of LANGS) await api.setMyCommands(commandList(i18n, lang), { language_code: lang });
  const editorMenu = [...PUBLIC_COMMANDS, ...EDITORIAL_COMMANDS];
  // An admin who has not yet opened a chat with the bot has no chat to scope to ("chat not
  // found"): the others still get their menu, and the first failure is reported after.
  let failure: unknown;
  for (const chat_id of adminIds) {
    const scope = { type: "chat" as const, chat_id };
    try {
      await api.setMyCommands(commandList(i18n, "en", editorMenu), { scope });
      for (const lang of LANGS) await api.setMyCommands(commandList(i18n, lang, editorMenu), { scope, language_code: lang });
    } catch (err) {
      failure ??= err;
    }
  }
  if (failure) throw failure;
}
