// /subscribe and /unsubscribe, and the greeting's Subscribe button: who gets digests.
import type { ParleyContext } from "../../context.ts";
import { about, commandTarget, mayManage, plain, refusal, targetOfChat, type Target } from "./targets.ts";

/** Subscribes the target; the answer to give, in words. */
export async function subscribe(ctx: ParleyContext, target: Target): Promise<string> {
  const { subscriptions, prefs, clock } = ctx.deps;
  const { outcome } = await subscriptions.subscribe(
    { chatId: target.chatId, threadId: target.threadId, chatType: target.chatType, createdBy: ctx.from?.id ?? 0 },
    clock(),
  );
  // The digest job writes in the chat's stored language and zone: start from the subscriber's.
  // A channel has no language of its own to go by, so it takes the admin's zone as well.
  const stored = prefs.get(target.chatId);
  const defaults = {
    ...(stored.lang ? {} : { lang: ctx.reader.lang }),
    ...(target.chatType === "channel" && !stored.tz ? { tz: ctx.reader.zone } : {}),
  };
  if (Object.keys(defaults).length) await prefs.set(target.chatId, defaults);
  ctx.deps.log.info("subscription", { key: target.key, outcome });
  const key = outcome === "created" ? "sub-created" : outcome === "reactivated" ? "sub-reactivated" : "sub-already";
  return ctx.t(key, about(target));
}

/** /subscribe [@channel] */
export async function subscribeCommand(ctx: ParleyContext, arg: string) {
  const target = await commandTarget(ctx, arg, "subscribe");
  if (target) await ctx.reply(await subscribe(ctx, target));
}

/** /unsubscribe [@channel] */
export async function unsubscribeCommand(ctx: ParleyContext, arg: string) {
  const target = await commandTarget(ctx, arg, "manage");
  if (!target) return;
  const stopped = await ctx.deps.subscriptions.unsubscribe(target.chatId, target.threadId);
  await ctx.reply(ctx.t(stopped ? "sub-stopped" : "sub-not-subscribed", about(target)));
}

/** The /start greeting's Subscribe button: this chat, as /subscribe would. */
export async function subscribeButton(ctx: ParleyContext) {
  const target = targetOfChat(ctx);
  if (!target) return void (await ctx.answerCallbackQuery());
  if (!(await mayManage(ctx, target))) {
    return void (await ctx.answerCallbackQuery({ text: plain(refusal(ctx, target)), show_alert: true }));
  }
  await ctx.answerCallbackQuery();
  await ctx.reply(await subscribe(ctx, target));
}
