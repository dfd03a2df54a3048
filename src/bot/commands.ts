// The command menu, registered per language with setMyCommands so each user sees it in their
// own language (Telegram picks the list by the user's language_code; the one without a
// language code is the default).
import type { Api } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import { LANGS } from "../record/schema.ts";
import type { ParleyContext } from "./context.ts";

export const PUBLIC_COMMANDS = ["latest", "next", "event", "tracks", "track", "subscribe", "unsubscribe", "settings", "lang", "tz", "help", "start"] as const;

export function commandList(i18n: I18n<ParleyContext>, lang: string, names: readonly string[] = PUBLIC_COMMANDS) {
  return names.map((command) => ({ command, description: i18n.t(lang, `cmd-${command}`) }));
}

export async function registerCommands(api: Api, i18n: I18n<ParleyContext>): Promise<void> {
  await api.setMyCommands(commandList(i18n, "en"));
  for (const lang of LANGS) await api.setMyCommands(commandList(i18n, lang), { language_code: lang });
}
