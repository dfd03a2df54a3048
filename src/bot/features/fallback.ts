// Last in the chain: what no feature handled. In a private chat unknown commands and free text
// get a pointer to /help; in groups the bot stays quiet unless a command names it, so it never
// answers other people's conversation.
import { Composer } from "grammy";
import type { ParleyContext } from "../context.ts";

export const fallback = new Composer<ParleyContext>();

fallback.on("message:text", async (ctx) => {
  const text = ctx.msg.text;
  const isCommand = text.startsWith("/");
  const addressed = ctx.me.username ? text.split(/\s/)[0].toLowerCase().endsWith(`@${ctx.me.username.toLowerCase()}`) : false;
  if (ctx.chat.type !== "private" && !(isCommand && addressed)) return;
  const key = isCommand ? "unknown-command" : "free-text";
  await ctx.reply(ctx.t(key), { parse_mode: "HTML" });
});

// A button from an old message whose action no longer exists: stop the spinner, say so.
fallback.on("callback_query:data", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("button-expired") }));
