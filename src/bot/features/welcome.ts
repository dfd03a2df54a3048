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
  addTimelineButton(kb, ctx);
  // A name is user data like any other: escaped, or it could break the reply's HTML. "none"
  // selects the greeting without a name in the locale files.
  const name = ctx.from?.first_name ? escapeHtml(ctx.from.first_name) : "none";
  await ctx.reply(ctx.t("start-greeting", { name }), { reply_markup: kb });
}

/**
 * "🌐 Timeline" on a row of its own: the web timeline in the reader's language, as a Mini App
 * in a private chat. Telegram allows web_app buttons in private chats only (elsewhere the
 * message is refused), so groups and channels get the same page as a plain link. The page is
 * public and shows nothing per user, so it needs no initData (see src/http/pages.ts).
 */
export function addTimelineButton(kb: InlineKeyboard, ctx: ParleyContext): InlineKeyboard {
  const base = ctx.deps.timelineUrl;
  if (!base) return kb;
  const url = `${base}/?lang=${ctx.reader.lang}`;
  const label = ctx.t("web-timeline-button");
  if (kb.inline_keyboard.at(-1)?.length) kb.row();
  return ctx.chat?.type === "private" ? kb.webApp(label, url) : kb.url(label, url);
}
