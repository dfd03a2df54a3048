// What no route handled. In a private chat unknown commands and free text get a pointer to
// /help; in groups the bot stays quiet unless a command names it, so it never answers other
// people's conversation. A button whose action no longer exists is answered, so its spinner stops.
import type { ParleyContext } from "../context.ts";

export async function unhandledText(ctx: ParleyContext, text: string) {
  const isCommand = text.startsWith("/");
  const addressed = ctx.me.username ? text.split(/\s/)[0].toLowerCase().endsWith(`@${ctx.me.username.toLowerCase()}`) : false;
  if (ctx.chat?.type !== "private" && !(isCommand && addressed)) return;
  await ctx.reply(ctx.t(isCommand ? "unknown-command" : "free-text"));
}

/** A button from an old message whose action no longer exists: stop the spinner, say so. */
export async function expiredButton(ctx: ParleyContext) {
  await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
}
