// Small builders for the updates Telegram sends a bot, so a test states only what it is about:
// who writes, where, what; or which button of which message is pressed.
import type { Update } from "grammy/types";
import type { TgChat, TgMessage, TgUser, UserLike } from "./emulator.ts";

// Far above the ids the emulator gives the bot's own messages, so the two never meet in a chat.
let nextMessageId = 1_000_000;
let nextUpdateId = 1;
let nextQueryId = 1;

const now = () => Math.floor(Date.now() / 1000);

export function user(over: UserLike): TgUser {
  return { is_bot: false, first_name: `User${over.id}`, ...over };
}

export interface Group {
  id: number;
  title: string;
  type?: "group" | "supergroup";
}

/** A text message; a leading /command (with or without @bot) carries its bot_command entity. */
function textMessage(chat: TgChat, from: TgUser, text: string): TgMessage {
  const msg: TgMessage = { message_id: nextMessageId++, date: now(), chat, from, text };
  const command = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?/.exec(text);
  if (command) msg.entities = [{ type: "bot_command", offset: 0, length: command[0].length }];
  return msg;
}

/** A user writes to the bot in their private chat (`language_code` is what Telegram reports of their app). */
export function privateMessage(from: UserLike, text: string): Update {
  const sender = user(from);
  const chat: TgChat = { id: sender.id, type: "private", first_name: sender.first_name };
  if (sender.username) chat.username = sender.username;
  return { update_id: nextUpdateId++, message: textMessage(chat, sender, text) } as unknown as Update;
}

/** A user writes in a group or supergroup. */
export function groupMessage(group: Group, from: UserLike, text: string): Update {
  const chat: TgChat = { id: group.id, type: group.type ?? "group", title: group.title };
  return { update_id: nextUpdateId++, message: textMessage(chat, user(from), text) } as unknown as Update;
}

/** A user presses the button with `data` under `message` (as it stands when pressed). */
export function buttonPress(from: UserLike, message: TgMessage, data: string): Update {
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: `q${nextQueryId++}`,
      from: user(from),
      message,
      chat_instance: String(message.chat.id),
      data,
    },
  } as unknown as Update;
}

/** A user types "@bot <query>" in any chat (`offset`: the next page Telegram asks for). */
export function inlineQuery(from: UserLike, query: string, offset = ""): Update {
  return {
    update_id: nextUpdateId++,
    inline_query: { id: `iq${nextQueryId++}`, from: user(from), query, offset, chat_type: "sender" },
  } as unknown as Update;
}

/** A post of a public channel, forwarded by a user to the bot in their private chat. */
export function forwardedPost(from: UserLike, channel: { id: number; title: string; username?: string }, text: string, post: { id: number; date: string }): Update {
  const sender = user(from);
  const chat: TgChat = { id: sender.id, type: "private", first_name: sender.first_name };
  const msg = textMessage(chat, sender, text) as TgMessage & { forward_origin: unknown };
  msg.forward_origin = { type: "channel", chat: { id: channel.id, type: "channel", title: channel.title, ...(channel.username ? { username: channel.username } : {}) }, message_id: post.id, date: Math.floor(Date.parse(post.date) / 1000) };
  return { update_id: nextUpdateId++, message: msg } as unknown as Update;
}
