// Who may do what: is this user one of Parley's editors, is the sender an administrator of
// this chat (or of another one, a channel managed from a private chat). The one place that
// asks Telegram about membership.
import { GrammyError } from "grammy";
import type { ChatMember } from "grammy/types";
import type { ParleyContext } from "./context.ts";

/** The editors are the user ids in ADMIN_IDS. */
export function isEditor(ctx: ParleyContext): boolean {
  return ctx.from !== undefined && ctx.deps.adminIds.includes(ctx.from.id);
}

export function isAdminStatus(member: ChatMember | undefined): boolean {
  return member?.status === "creator" || member?.status === "administrator";
}

/** A member lookup that a Telegram refusal (bot not in the chat, user unknown) turns into undefined. */
export async function memberOf(ctx: ParleyContext, chatId: number, userId: number): Promise<ChatMember | undefined> {
  try {
    return await ctx.api.getChatMember(chatId, userId);
  } catch (err) {
    if (err instanceof GrammyError && (err.error_code === 400 || err.error_code === 403)) return undefined;
    throw err;
  }
}

/**
 * May the sender change this chat's choices? In a private chat, yes; in a group or a channel,
 * if they administer it (checked with getChatMember).
 */
export async function isChatAdmin(ctx: ParleyContext): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat) return false;
  if (chat.type === "private") return true;
  // Only administrators post in a channel; an administrator who posts anonymously writes as the
  // group itself (through @GroupAnonymousBot). A button press always names the presser.
  if (ctx.channelPost || ctx.message?.sender_chat?.id === chat.id) return true;
  if (!ctx.from) return false;
  return isAdminStatus(await memberOf(ctx, chat.id, ctx.from.id));
}
