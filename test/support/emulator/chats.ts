// The world the bot talks to: users, chats (private, groups, supergroups with topics,
// channels), who is a member, and every message as it currently stands. No wire protocol
// here: the method table (methods.ts) asks this model and answers with Telegram's refusals.
//
// Messages are never changed in place: an edit or a reaction replaces the stored Message
// object. So a Message handed out (to the bot, in `sent`, in an update) can be shared rather
// than copied, and still shows the message as it was then.

import type { MessageEntity } from "./telegram-html.ts";

export type ChatId = number | string;

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** What tests pass where a user is expected: at least an id. */
export type UserLike = { id: number } & Partial<Omit<TgUser, "id">>;

export interface TgChat {
  id: number;
  type: "private" | "group" | "supergroup" | "channel";
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
  is_forum?: boolean;
}

export interface InlineKeyboardButton {
  text: string;
  callback_data?: string;
  url?: string;
  [field: string]: unknown;
}

export interface InlineKeyboardMarkup {
  inline_keyboard: InlineKeyboardButton[][];
}

/** A Telegram `Message` object as the Bot API returns it (only the fields the emulator produces are typed). */
export interface TgMessage {
  message_id: number;
  date: number;
  chat: TgChat;
  from?: TgUser;
  sender_chat?: TgChat;
  text?: string;
  entities?: MessageEntity[];
  reply_markup?: InlineKeyboardMarkup;
  message_thread_id?: number;
  is_topic_message?: boolean;
  reply_to_message?: TgMessage;
  edit_date?: number;
  [field: string]: unknown;
}

export interface TgUpdate {
  update_id: number;
  [type: string]: unknown;
}

export interface TgCallbackQuery {
  id: string;
  from: TgUser;
  message: TgMessage;
  chat_instance: string;
  data?: string;
}

export type MemberStatus = "creator" | "administrator" | "member" | "left" | "kicked";

/** Identifies a message: a SentRecord, a ChatMessage, a TgMessage or `{chat_id, message_id}`. */
export type MessageRef = { message_id: number; chat_id?: number; chat?: { id: number } };

export interface UserState {
  user: TgUser;
  /** Has a private chat with the bot (pressed Start / sent a message). */
  started: boolean;
  blocked: boolean;
  deactivated: boolean;
}

export interface StoredMessage {
  chatId: number;
  fromBot: boolean;
  /** Current Telegram Message JSON (edits applied); replaced, never mutated, once stored. */
  msg: TgMessage;
  /** Bot messages: current text as sent by the bot (HTML source). */
  source?: string;
  deleted: boolean;
}

export interface ChatState {
  id: number;
  type: TgChat["type"];
  title?: string;
  username?: string; // without "@"
  isForum: boolean;
  /** Group/supergroup/channel members (user id → status). */
  members: Map<number, MemberStatus>;
  /** The bot's own status in a group/supergroup/channel. */
  botStatus: MemberStatus;
  botCanPost: boolean;
  migratedTo?: number;
  topics: Map<number, string>;
  messages: Map<number, StoredMessage>;
  nextMessageId: number;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export class Chats {
  readonly users = new Map<number, UserState>();
  readonly chats = new Map<number, ChatState>();
  /** Group privacy mode (see EmulatorOptions.privacyMode). */
  privacyMode = true;

  constructor(private readonly bot: TgUser) {}

  /** The bot as the `from` of its messages. */
  get botUser(): TgUser {
    const { id, is_bot, first_name, username } = this.bot;
    return { id, is_bot, first_name, username };
  }

  ensureUser(user: UserLike): UserState {
    let state = this.users.get(user.id);
    if (!state) {
      state = {
        user: { id: user.id, is_bot: false, first_name: user.first_name ?? `User${user.id}` },
        started: false,
        blocked: false,
        deactivated: false,
      };
      this.users.set(user.id, state);
    }
    // Later calls may add details (name, username, language).
    for (const k of ["first_name", "last_name", "username", "language_code", "is_bot"] as const) {
      if (user[k] !== undefined) (state.user as any)[k] = user[k];
    }
    return state;
  }

  requireUser(userId: number): UserState {
    const state = this.users.get(userId);
    if (!state) throw new Error(`unknown user ${userId} (addPrivateChat/addUser first)`);
    return state;
  }

  newChat(
    id: number,
    type: TgChat["type"],
    o: { title?: string; username?: string; isForum: boolean; botStatus: MemberStatus; botCanPost?: boolean },
  ): ChatState {
    if (this.chats.has(id)) throw new Error(`chat ${id} already exists`);
    const chat: ChatState = {
      id, type, title: o.title, username: o.username, isForum: o.isForum,
      members: new Map(), botStatus: o.botStatus, botCanPost: o.botCanPost ?? false,
      // In a forum, thread id 1 is the General topic; created topics get later ids.
      topics: new Map(), messages: new Map(), nextMessageId: o.isForum ? 2 : 1,
    };
    this.chats.set(id, chat);
    return chat;
  }

  /** The private chat with a user (the chat id equals the user id). */
  privateChat(userId: number): ChatState {
    return this.chats.get(userId) ?? this.newChat(userId, "private", { isForum: false, botStatus: "member" });
  }

  requireChat(chatId: ChatId): ChatState {
    const key = this.chatKey(chatId);
    const chat = typeof key === "number" ? this.chats.get(key) : undefined;
    if (!chat) throw new Error(`unknown chat ${chatId}`);
    return chat;
  }

  /** A chat id or "@username" → numeric id if known (else the lower-cased string / NaN). */
  chatKey(chatId: unknown): number | string {
    if (typeof chatId === "number") return chatId;
    if (typeof chatId === "string") {
      if (/^-?\d+$/.test(chatId)) return Number(chatId);
      if (chatId.startsWith("@")) {
        const name = chatId.slice(1).toLowerCase();
        for (const c of this.chats.values()) if (c.type !== "private" && c.username?.toLowerCase() === name) return c.id;
        return chatId.toLowerCase();
      }
    }
    return String(chatId);
  }

  chatJson(chat: ChatState): TgChat {
    if (chat.type === "private") {
      const u = this.users.get(chat.id)!.user;
      const j: TgChat = { id: chat.id, type: "private", first_name: u.first_name };
      if (u.last_name) j.last_name = u.last_name;
      if (u.username) j.username = u.username;
      return j;
    }
    const j: TgChat = { id: chat.id, type: chat.type, title: chat.title };
    if (chat.username) j.username = chat.username;
    if (chat.isForum) j.is_forum = true;
    return j;
  }

  /**
   * Adds a message to a chat and returns it. `fields` are the message's content (text,
   * entities, service fields); the caller may still complete the returned object before it
   * hands it out, after that it must only be replaced (see `replaceMessage`).
   */
  storeMessage(
    chat: ChatState,
    o: { fromBot: boolean; from?: TgUser; fields: Record<string, unknown>; threadId?: number; source?: string },
  ): TgMessage {
    const msg: TgMessage = { message_id: chat.nextMessageId++, date: nowSeconds(), chat: this.chatJson(chat) };
    if (chat.type === "channel") msg.sender_chat = this.chatJson(chat);
    else if (o.fromBot) msg.from = this.botUser;
    else if (o.from) msg.from = { ...o.from };
    if (o.threadId !== undefined) {
      msg.message_thread_id = o.threadId;
      if (chat.isForum) msg.is_topic_message = true;
    }
    Object.assign(msg, o.fields);
    // Key order like Telegram's (message_id, from, chat, date, ...) is irrelevant to JSON consumers.
    chat.messages.set(msg.message_id, { chatId: chat.id, fromBot: o.fromBot, msg, source: o.source, deleted: false });
    return msg;
  }

  /** A changed message: a new object, so copies handed out earlier keep showing the old state. */
  replaceMessage(stored: StoredMessage, change: (msg: TgMessage) => void): TgMessage {
    const msg = { ...stored.msg };
    change(msg);
    stored.msg = msg;
    return msg;
  }

  findStored(ref: MessageRef): StoredMessage | undefined {
    const chatId = ref.chat_id ?? ref.chat?.id;
    if (chatId === undefined) return undefined;
    return this.chats.get(chatId)?.messages.get(ref.message_id);
  }

  resolveSender(who: UserLike | { chat: ChatId | { id: number }; from: UserLike }): { chat: ChatState; user: TgUser } {
    if ("chat" in who && who.chat !== undefined) {
      const g = who as { chat: ChatId | { id: number }; from: UserLike };
      const chat = this.requireChat(typeof g.chat === "object" ? g.chat.id : g.chat);
      const user = this.ensureUser(g.from).user;
      if (chat.type === "private") {
        if (chat.id !== user.id) throw new Error(`userSends: user ${user.id} cannot write in the private chat ${chat.id}`);
        return { chat, user: this.startedUser(user.id) };
      }
      if (chat.type === "channel") throw new Error("userSends: use channelPost() for channels");
      if (chat.migratedTo !== undefined) throw new Error(`userSends: group ${chat.id} was migrated to ${chat.migratedTo}`);
      const status = chat.members.get(user.id);
      if (status === "left" || status === "kicked") throw new Error(`userSends: user ${user.id} is ${status} in chat ${chat.id}`);
      if (status === undefined) chat.members.set(user.id, "member");
      return { chat, user };
    }
    const user = this.ensureUser(who as UserLike).user;
    return { chat: this.chats.get(this.startedUser(user.id).id)!, user };
  }

  /** A user writing to the bot in private: that starts the chat. */
  startedUser(userId: number): TgUser {
    const state = this.requireUser(userId);
    if (state.blocked) throw new Error(`userSends: user ${userId} has blocked the bot (call unblock() first)`);
    if (state.deactivated) throw new Error(`userSends: user ${userId} is deactivated`);
    state.started = true;
    this.privateChat(userId);
    return state.user;
  }

  /** Does Telegram deliver this user message to the bot? (membership + group privacy mode) */
  botReceives(chat: ChatState, text: string, command: RegExpExecArray | null, replyTo?: StoredMessage): boolean {
    if (chat.type === "private") return true;
    if (!["member", "administrator", "creator"].includes(chat.botStatus)) return false;
    const username = String(this.bot.username).toLowerCase();
    if (command?.[1] && command[1].slice(1).toLowerCase() !== username) return false; // a command for another bot
    if (!this.privacyMode || chat.botStatus === "administrator" || chat.botStatus === "creator") return true;
    return !!command || (replyTo?.fromBot ?? false) || text.toLowerCase().includes(`@${username}`);
  }

  someAdmin(chat: ChatState): TgUser {
    for (const [id, status] of chat.members) if (status === "creator") return this.users.get(id)!.user;
    for (const [id, status] of chat.members) if (status === "administrator") return this.users.get(id)!.user;
    return this.ensureUser({ id: 777000, first_name: "Telegram" }).user;
  }

  memberJson(chat: ChatState, user: TgUser, status: MemberStatus): Record<string, unknown> {
    switch (status) {
      case "creator":
        return { status, user, is_anonymous: false };
      case "administrator": {
        const isBot = user.id === this.bot.id;
        const rights: Record<string, unknown> = {
          status, user, can_be_edited: false, is_anonymous: false, can_manage_chat: true,
          can_delete_messages: true, can_manage_video_chats: true, can_restrict_members: true,
          can_promote_members: false, can_change_info: true, can_invite_users: true,
          can_post_stories: false, can_edit_stories: false, can_delete_stories: false,
        };
        if (chat.type === "channel") {
          const canPost = isBot ? chat.botCanPost : true;
          rights.can_post_messages = canPost;
          rights.can_edit_messages = canPost;
        } else {
          rights.can_pin_messages = true;
          if (chat.type === "supergroup") rights.can_manage_topics = chat.isForum;
        }
        return rights;
      }
      case "kicked":
        return { status, user, until_date: 0 };
      default:
        return { status, user };
    }
  }
}
