// Who may subscribe what. A private chat, a group, a forum topic or a channel (managed from an
// admin's private chat with `@channel`) each hold one subscription; in groups and channels only
// administrators may change it. Every refusal says what to do instead.
import { GrammyError } from "grammy";
import type { Chat } from "grammy/types";
import { escapeHtml, LIMITS, plainText, truncate } from "../../../present/html.ts";
import { langFromCode } from "../../../present/translate.ts";
import { subscriptionKey, type Subscription } from "../../../store/subscription-types.ts";
import type { ParleyContext } from "../../context.ts";
import { isAdminStatus, isChatAdmin, memberOf } from "../../permissions.ts";

/** The chat (or topic, or channel) whose subscription a command or a menu press is about. */
export interface Target {
  chatId: number;
  threadId?: number;
  chatType: Subscription["chatType"];
  key: string;
  /** A channel managed from a private chat: its @username or title, as HTML... */
  channelName?: string;
  /** ...and what to write after /settings to name it: the @username, else the id. */
  channelRef?: string;
}

type Where = "private" | "group" | "topic" | "channel";

function whereOf(target: Target): Where {
  if (target.chatType === "channel") return "channel";
  if (target.threadId) return "topic";
  return target.chatType === "private" ? "private" : "group";
}

/** Words about the target for the locale strings: where it is, and the channel's name. */
export function about(target: Target): Record<string, string> {
  return { where: whereOf(target), channel: target.channelName ?? "", ref: target.channelRef ?? "" };
}

export function targetOfChat(ctx: ParleyContext): Target | undefined {
  const chat = ctx.chat;
  if (!chat || chat.type === "channel") return undefined;
  // is_topic_message, not message_thread_id alone: in supergroups a reply thread has an id too.
  const threadId = chat.type === "supergroup" && ctx.msg?.is_topic_message ? ctx.msg.message_thread_id : undefined;
  return { chatId: chat.id, threadId, chatType: chat.type, key: subscriptionKey(chat.id, threadId) };
}

export interface ChannelNames {
  name: string;
  ref: string;
}

function channelTarget(chatId: number, channel: ChannelNames): Target {
  return { chatId, chatType: "channel", key: subscriptionKey(chatId), channelName: channel.name, channelRef: channel.ref };
}

export function channelNames(chat: Chat): ChannelNames {
  const username = "username" in chat && chat.username ? `@${chat.username}` : undefined;
  const title = "title" in chat && chat.title ? chat.title : undefined;
  return { name: escapeHtml(username ?? title ?? String(chat.id)), ref: escapeHtml(username ?? String(chat.id)) };
}

/** Channels' names by id, so a settings press needs no getChat to write the header. */
const remembered = new Map<number, ChannelNames>();

/** A channel named in a settings button: its names as last seen, else as getChat gives them. */
export async function channelById(ctx: ParleyContext, channelId: number): Promise<Target> {
  let names = remembered.get(channelId);
  if (!names) {
    const fallback = { name: String(channelId), ref: String(channelId) };
    names = await ctx.api.getChat(channelId).then(channelNames, () => fallback);
    remembered.set(channelId, names);
  }
  return channelTarget(channelId, names);
}

/** Button answers are plain text of at most 200 characters. */
export function plain(html: string): string {
  return truncate(plainText(html), LIMITS.callbackAnswer);
}

/** "@name", "t.me/name" or a numeric id (-100…): what getChat accepts. */
export function parseChannelRef(arg: string): string | number | undefined {
  const name = /^(?:(?:https?:\/\/)?(?:t\.me|telegram\.me)\/|@)?([A-Za-z][A-Za-z0-9_]{3,31})$/.exec(arg);
  if (name) return `@${name[1]}`;
  if (/^-100\d{5,13}$/.test(arg)) return Number(arg);
  return undefined;
}

/** May the sender change this chat's subscription? Private: yes; group: admins; channel: its admins. */
export async function mayManage(ctx: ParleyContext, target: Target): Promise<boolean> {
  if (target.chatType === "private") return true;
  if (target.chatType === "channel") return mayManageChannel(ctx, target.chatId);
  return isChatAdmin(ctx);
}

async function mayManageChannel(ctx: ParleyContext, channelId: number): Promise<boolean> {
  if (!ctx.from) return false;
  const member = await memberOf(ctx, channelId, ctx.from.id);
  if (member) return isAdminStatus(member);
  // Telegram shows a channel's members only to its admin bots: once the bot has been removed,
  // whoever subscribed the channel may still stop it or change it.
  return ctx.deps.subscriptions.get(subscriptionKey(channelId))?.createdBy === ctx.from.id;
}

type ChannelCheck = { ok: true; target: Target } | { ok: false; reply: string };

/**
 * Looks a channel up for /subscribe, /unsubscribe or /settings from a private chat. Subscribing
 * also needs the bot to be an administrator allowed to post; every refusal says what to do.
 */
export async function checkChannel(ctx: ParleyContext, arg: string, purpose: "subscribe" | "manage"): Promise<ChannelCheck> {
  const ref = parseChannelRef(arg);
  const shown = escapeHtml(truncate(arg, 40));
  if (ref === undefined) return { ok: false, reply: ctx.t("sub-channel-bad-arg", { arg: shown }) };
  let chat: Chat;
  try {
    chat = await ctx.api.getChat(ref);
  } catch (err) {
    if (!(err instanceof GrammyError) || (err.error_code !== 400 && err.error_code !== 403)) throw err;
    // Once the bot is out of a channel, the one who subscribed it can still manage it by id.
    if (purpose === "manage" && typeof ref === "number" && (await mayManageChannel(ctx, ref))) {
      return { ok: true, target: channelTarget(ref, { name: shown, ref: shown }) };
    }
    const key = err.error_code === 403 ? "sub-channel-bot-not-admin" : "sub-channel-not-found";
    return { ok: false, reply: ctx.t(key, { channel: shown, ref: shown }) };
  }
  const names = channelNames(chat);
  const vars = { channel: names.name, ref: names.ref };
  if (chat.type !== "channel") return { ok: false, reply: ctx.t("sub-channel-not-channel", { ...vars, type: chat.type === "private" ? "private" : "group" }) };
  if (purpose === "subscribe") {
    const me = await memberOf(ctx, chat.id, ctx.me.id);
    if (me?.status !== "administrator") return { ok: false, reply: ctx.t("sub-channel-bot-not-admin", vars) };
    if (!me.can_post_messages) return { ok: false, reply: ctx.t("sub-channel-bot-cannot-post", vars) };
    const user = ctx.from ? await memberOf(ctx, chat.id, ctx.from.id) : undefined;
    if (!isAdminStatus(user)) return { ok: false, reply: ctx.t("sub-channel-user-not-admin", vars) };
  } else if (!(await mayManageChannel(ctx, chat.id))) {
    return { ok: false, reply: ctx.t("sub-channel-user-not-admin", vars) };
  }
  remembered.set(chat.id, names);
  return { ok: true, target: channelTarget(chat.id, names) };
}

/** Why the sender may not change this subscription, in the sender's own language. */
export function refusal(ctx: ParleyContext, target: Target): string {
  if (target.chatType === "channel") return ctx.t("sub-channel-user-not-admin", about(target));
  // A group's stored language is its admins' choice; a member who was refused may not read it.
  const own = langFromCode(ctx.from?.language_code);
  return own ? ctx.i18n.fluent.translate(own, "sub-admins-only") : ctx.t("sub-admins-only");
}

/**
 * The chat a command came from (if the sender may manage it), or the channel its argument
 * names; undefined after telling the sender why not.
 */
export async function commandTarget(ctx: ParleyContext, arg: string, purpose: "subscribe" | "manage", checkAdmin = true): Promise<Target | undefined> {
  if (arg) {
    if (ctx.chat?.type !== "private") {
      await ctx.reply(ctx.t("sub-channel-from-private"));
      return undefined;
    }
    const check = await checkChannel(ctx, arg, purpose);
    if (!check.ok) {
      await ctx.reply(check.reply);
      return undefined;
    }
    return check.target;
  }
  const target = targetOfChat(ctx);
  if (target && checkAdmin && !(await mayManage(ctx, target))) {
    await ctx.reply(refusal(ctx, target));
    return undefined;
  }
  return target;
}
