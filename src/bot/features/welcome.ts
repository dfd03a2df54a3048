// /start and /help, and the buttons the greeting offers.
import { Composer, InlineKeyboard } from "grammy";
import { escapeHtml } from "../../present/html.ts";
import type { ParleyContext } from "../context.ts";
import { showLatest, showNext, LATEST_DEFAULT } from "./browse.ts";

export const welcome = new Composer<ParleyContext>();

welcome.command("start", async (ctx) => {
  const kb = new InlineKeyboard()
    .text(`🗞 ${ctx.t("btn-latest")}`, "go:latest")
    .text(`📅 ${ctx.t("btn-next")}`, "go:next")
    .row()
    .text(`🔔 ${ctx.t("btn-subscribe")}`, "go:subscribe");
  // A name is user data like any other: escaped, or it could break the reply's HTML. "none"
  // selects the greeting without a name in the locale files.
  const name = ctx.from?.first_name ? escapeHtml(ctx.from.first_name) : "none";
  await ctx.reply(ctx.t("start-greeting", { name }), { parse_mode: "HTML", reply_markup: kb });
});

welcome.command("help", (ctx) => ctx.reply(ctx.t("help"), { parse_mode: "HTML" }));

welcome.callbackQuery("go:latest", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showLatest(ctx, 0, LATEST_DEFAULT);
});

welcome.callbackQuery("go:next", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showNext(ctx);
});
