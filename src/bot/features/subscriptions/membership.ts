// The bot's own membership, and chats that change id: subscriptions follow what Telegram says.
import type { Filter } from "grammy";
import { moveChat } from "../../../store/chats.ts";
import type { ParleyContext } from "../../context.ts";
import { channelNames } from "./targets.ts";

/**
 * Blocked by a user, removed from a group, or no longer allowed to post in a channel: stop the
 * subscriptions there (the settings stay, for a later /subscribe).
 */
export async function membershipChanged(ctx: Filter<ParleyContext, "my_chat_member">) {
  const member = ctx.myChatMember.new_chat_member;
  const chat = ctx.chat;
  let reason: string | undefined;
  if (member.status === "kicked") reason = chat.type === "private" ? "blocked" : "kicked";
  else if (member.status === "left") reason = "left";
  else if (chat.type === "channel" && !(member.status === "administrator" && member.can_post_messages)) reason = "cannot post";
  if (!reason) return;
  const stopped = await ctx.deps.subscriptions.deactivateChat(chat.id, reason);
  if (!stopped.length) return;
  ctx.deps.log.info("subscriptions stopped", { chat: chat.id, reason, count: stopped.length });
  if (chat.type !== "channel") return;
  // Whoever subscribed the channel hears why its digests stopped, and how to resume them.
  const names = channelNames(chat);
  for (const sub of stopped) {
    await ctx.api
      .sendMessage(sub.createdBy, ctx.t("sub-channel-stopped", { channel: names.name, ref: names.ref }))
      .catch((err) => ctx.deps.log.warn("could not tell the subscriber", { chat: sub.createdBy, error: String(err) }));
  }
}

/**
 * A group upgraded to a supergroup gets a new id; Telegram says so in both chats, and either
 * message alone is enough to move its subscriptions and choices (moving twice is a no-op).
 */
export async function chatMigrated(ctx: Filter<ParleyContext, "message:migrate_to_chat_id" | "message:migrate_from_chat_id">) {
  const msg = ctx.msg;
  const [from, to] = msg.migrate_to_chat_id !== undefined ? [ctx.chat.id, msg.migrate_to_chat_id] : [msg.migrate_from_chat_id!, ctx.chat.id];
  const moved = await moveChat(ctx.deps, from, to);
  if (moved) ctx.deps.log.info("subscriptions moved to the supergroup", { from, to, moved });
}
