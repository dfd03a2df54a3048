// /start: the greeting, with buttons for what most people come for (routed in routes.ts).
import { InlineKeyboard } from "grammy";
import { shortcutButton } from "../../present/callbacks.ts";
import { escapeHtml } from "../../present/html.ts";
import type { ParleyContext } from "../context.ts";

export async function startCommand(ctx: ParleyContext) {
  const kb = new InlineKeyboard()
    .text(`🗞 ${ctx.t("btn-latest")}`, shortcutButton.pack("latest"))
    .text(`📅 ${ctx.t("btn-next")}`, shortcutButton.pack("next"))
    .row()
    .text(`🔔 ${ctx.t("btn-subscribe")}`, shortcutButton.pack("subscribe"));
  // A name is user data like any other: escaped, or it could break the reply's HTML. "none"
  // selects the greeting without a name in the locale files.
  const name = ctx.from?.first_name ? escapeHtml(ctx.from.first_name) : "none";
  await ctx.reply(ctx.t("start-greeting", { name }), { reply_markup: kb });
}
