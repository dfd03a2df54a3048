// A Telegram Bot API emulator for tests and benchmarks: the one import path they use.
//
// Telegram itself is unreachable from the test environment, so the bot talks to this instead:
// over HTTP for the real process (grammY's `client.apiRoot` = `emulator.apiRoot`), or as the
// `fetch` of a bot built in the test's own process (`createBot({ fetch: emulator.fetch })`).
// Either way every call goes through the same method table with Telegram's refusals.
//
// Its parts, one job each, under emulator/:
//   telegram-html.ts  the HTML parse mode checker (parseTelegramHtml)
//   chats.ts          the chat model: users, chats, members, messages as they stand
//   methods.ts        the Bot API method table and Telegram's refusals and limits
//   updates.ts        the update queue and getUpdates' long polling
//   wire.ts           errors and parameters as they travel
//   server.ts         the HTTP front
//   webhook.ts        webhook delivery: updates POSTed to the URL the bot set
// This file is the facade that drives them: tests act as users (`userSends`, `press`,
// `pushUpdate`) and assert on what the bot did (`calls`, `sent`, `messagesIn`, `waitForReply`,
// `commands`).

import { randomBytes } from "node:crypto";
import {
  type ChatId, type ChatState, Chats, type InlineKeyboardMarkup, type MemberStatus, type MessageRef, nowSeconds,
  type StoredMessage, type TgCallbackQuery, type TgChat, type TgMessage, type TgUpdate, type TgUser, type UserLike,
} from "./emulator/chats.ts";
import { BotApi, type CallbackAnswer, type EmulatorStats, type LimitsConfig, type SentRecord } from "./emulator/methods.ts";
import { HttpFront, type Reply, type Request } from "./emulator/server.ts";
import type { MessageEntity } from "./emulator/telegram-html.ts";
import { ABORTED, UpdateQueue } from "./emulator/updates.ts";
import { WebhookDelivery, type WebhookPost } from "./emulator/webhook.ts";
import type { Media } from "./emulator/media.ts";
import { type ApiErrorSpec, parseParams, TelegramError } from "./emulator/wire.ts";

export type {
  ChatId, InlineKeyboardButton, InlineKeyboardMarkup, MemberStatus, MessageRef, TgCallbackQuery, TgChat, TgMessage,
  TgUpdate, TgUser, UserLike,
} from "./emulator/chats.ts";
export type { CallbackAnswer, EmulatorStats, LimitsConfig, SentRecord } from "./emulator/methods.ts";
export type { WebhookPost } from "./emulator/webhook.ts";
export { HtmlParseError, type MessageEntity, parseTelegramHtml } from "./emulator/telegram-html.ts";
export { type ApiErrorSpec, TelegramError } from "./emulator/wire.ts";

export interface EmulatorOptions {
  /** Bot token; default a random well-formed one ("123456789:AAH…", 35-char secret). */
  token?: string;
  /** Delay every HTTP response by this many ms (e.g. 50 to simulate a real round trip). */
  latencyMs?: number;
  /** Flood limits; off by default. `true` = Telegram's published limits. */
  limits?: boolean | LimitsConfig;
  /** Bot username without "@"; default "parley_test_bot". */
  botUsername?: string;
  /** Bot first name; default "Parley". */
  botName?: string;
  /**
   * Group privacy mode (Telegram's default for bots: on). While on, a bot that is
   * not an admin only receives group messages that are commands, replies to the
   * bot, or mention it. Default true.
   */
  privacyMode?: boolean;
  /**
   * EMULATOR-STRICT HTML (default true): reject a bare "&" that does not start
   * &lt; &gt; &amp; &quot; or a numeric entity, and <a> without href. The real
   * server keeps such text literally; the Bot API docs require escaping.
   */
  strictHtml?: boolean;
}

/** One HTTP request the emulator received. `done`/`ok`/`result`/`error` are filled in when it is answered. */
export interface CallRecord {
  index: number;
  method: string;
  params: Record<string, any>;
  /** Date.now() when the request arrived. */
  at: number;
  done: boolean;
  ok?: boolean;
  result?: unknown;
  error_code?: number;
  error?: string;
  parameters?: ApiErrorSpec["parameters"];
}


/** A message as currently visible in a chat (edits applied, deleted ones gone). */
export interface ChatMessage {
  chat_id: number;
  message_id: number;
  fromBot: boolean;
  from?: TgUser;
  /** Plain text as the user sees it. */
  text: string;
  /** For bot messages: the current text as the bot sent it (HTML source if parse_mode was HTML). */
  html?: string;
  entities: MessageEntity[];
  reply_markup?: InlineKeyboardMarkup;
  message_thread_id?: number;
  reply_to_message_id?: number;
  date: number;
  edit_date?: number;
  reaction?: unknown[];
  /** The full Telegram Message object (current state). */
  message: TgMessage;
}

export interface ButtonInfo {
  text: string;
  callback_data?: string;
  url?: string;
  row: number;
  column: number;
}

export interface WaitForReplyOptions {
  /**
   * Only messages with `sent` index >= this (e.g. a saved `emulator.sent.length`).
   * Default: the `sent.length` at the last userSends/press/pushUpdate aimed at this chat.
   */
  after?: number;
  /** Only messages with a greater message_id (e.g. the id returned by userSends). */
  afterMessageId?: number;
  /** Default 5000. */
  timeoutMs?: number;
}

interface FaultRule {
  method: string; // lower-case
  chatId?: ChatId;
  remaining: number;
  kind: "fail" | "drop" | "hold";
  error?: ApiErrorSpec;
  rawBody?: string;
  /** kind "hold": told when the call arrives; the call waits for what it is told to do. */
  held?: (call: CallRecord) => Promise<"answer" | "drop">;
}

/** A call held unanswered (holdNext): the bot waits on it until the test answers or drops it. */
export interface HeldCall {
  /** Resolves with the call once it has arrived. */
  arrived: Promise<CallRecord>;
  /** Answer it as if never held. */
  answer(): void;
  /** Destroy it with no response (a network failure; for a client that is gone, nothing is sent). */
  drop(): void;
}

// ───────────────────────────── the emulator ─────────────────────────────

export class Emulator {
  readonly token: string;
  readonly botInfo: TgUser & Record<string, unknown>;
  /** Mutable at run time. */
  latencyMs: number;

  /** Every request, in arrival order. */
  readonly calls: CallRecord[] = [];
  /** Every message successfully delivered by sendMessage, in order. */
  readonly sent: SentRecord[];
  /** Every accepted answerCallbackQuery. */
  readonly answers: CallbackAnswer[];
  /** Files the bot sent (by file_id) and its answers to inline queries (emulator/media.ts). */
  readonly media: Media;
  readonly stats: EmulatorStats;

  private readonly model: Chats;
  private readonly updates = new UpdateQueue();
  private readonly api: BotApi;
  private readonly front: HttpFront;
  private readonly webhook = new WebhookDelivery(this.updates);
  private closed = false;
  private faults: FaultRule[] = [];
  private lastInputMark = new Map<number, number>();
  private waiters = new Set<() => void>();
  private nextQueryId = 4_000_000_000_000_000;

  constructor(opts: EmulatorOptions = {}) {
    this.token = opts.token ?? `123456789:AAH${randomBytes(24).toString("base64url").slice(0, 32)}`;
    const botId = Number(this.token.split(":")[0]);
    this.botInfo = {
      id: Number.isSafeInteger(botId) && botId > 0 ? botId : 123456789,
      is_bot: true,
      first_name: opts.botName ?? "Parley",
      username: opts.botUsername ?? "parley_test_bot",
      can_join_groups: true,
      can_read_all_group_messages: opts.privacyMode === false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    };
    this.latencyMs = opts.latencyMs ?? 0;
    this.model = new Chats(this.botInfo);
    this.model.privacyMode = opts.privacyMode ?? true;
    this.api = new BotApi(this.model, this.updates, this.botInfo, () => this.notify());
    this.api.strictHtml = opts.strictHtml ?? true;
    this.api.setLimits(opts.limits ?? false);
    ({ sent: this.sent, answers: this.answers, stats: this.stats, media: this.media } = this.api);
    this.front = new HttpFront((request) => this.handle(request), () => this.latencyMs);
  }


  /** Group privacy mode (see EmulatorOptions); mutable at run time. */
  get privacyMode(): boolean {
    return this.model.privacyMode;
  }
  set privacyMode(on: boolean) {
    this.model.privacyMode = on;
  }

  /** EMULATOR-STRICT HTML (see EmulatorOptions); mutable at run time. */
  get strictHtml(): boolean {
    return this.api.strictHtml;
  }
  set strictHtml(on: boolean) {
    this.api.strictHtml = on;
  }

  /** "http://127.0.0.1:PORT" — grammY's `client.apiRoot`. */
  get apiRoot(): string {
    return this.front.apiRoot;
  }

  /**
   * Where webhook posts go, standing for the reverse proxy in front of the bot: the origin
   * (e.g. "http://127.0.0.1:8080") that replaces the set webhook URL's; several: a load
   * balancer posting to each in turn; unset: none are made.
   */
  set webhookProxy(origin: string | readonly string[] | undefined) {
    this.webhook.proxy = origin;
    this.webhook.pump();
  }

  /** Every webhook post, in the order answered, with the bot's status. */
  get webhookPosts(): readonly WebhookPost[] {
    return this.webhook.posts;
  }

  /** Which origin each webhook post went to, in the order posted (several origins: round-robin). */
  get webhookTargets(): readonly { update_id: number; origin: string }[] {
    return this.webhook.targets;
  }

  /** The webhook the bot set (url, secret, max_connections); undefined while it polls. */
  get webhookInfo(): { url: string; secret?: string; maxConnections: number } | undefined {
    return this.updates.webhook;
  }

  /** True while a long-polling getUpdates is waiting. */
  get isPolling(): boolean {
    return this.updates.isPolling;
  }

  /** Turns flood limits on/off or changes them at run time. */
  setLimits(limits: boolean | LimitsConfig): void {
    this.api.setLimits(limits);
  }

  /** Serves the Bot API over HTTP (for a bot in another process); not needed for `fetch`. */
  listen(): Promise<void> {
    return this.front.listen();
  }

  /** Stops the server, drops all connections (pending long polls included). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.webhook.close();
    this.updates.abort();
    for (const w of [...this.waiters]) w(); // waiters see `closed` and reject
    await this.front.close();
  }

  /**
   * The Bot API as a `fetch` function, for a bot in this process:
   * `createBot({ token: emulator.token, fetch: emulator.fetch, ... })`. Calls are recorded and
   * answered exactly as over HTTP (faults included; a dropped call rejects like a network error).
   */
  readonly fetch = async (input: string | URL | globalThis.Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    const match = /\/bot([^/]*)\/([^/]*)$/.exec(url.pathname);
    if (!match) return Response.json({ ok: false, error_code: 404, description: "Not Found" }, { status: 404 });
    const headers = new Headers(init?.headers);
    // grammY sends uploads as a Node stream of multipart bytes.
    const body = typeof init?.body === "string" ? Buffer.from(init.body) : init?.body == null ? Buffer.alloc(0) : Buffer.from(await new Response(init.body as BodyInit).arrayBuffer());
    const reply = await this.handle({
      token: match[1]!,
      method: decodeURIComponent(match[2]!),
      params: () => parseParams(url, headers.get("content-type") ?? undefined, body),
      onClientGone: (abort) => init?.signal?.addEventListener("abort", abort, { once: true }),
    });
    if (reply.kind === "drop") throw new TypeError("fetch failed (connection dropped by emulator)");
    if (reply.kind === "gone") throw init?.signal?.reason ?? new DOMException("The operation was aborted.", "AbortError");
    return new Response(reply.body, { status: reply.status, headers: { "content-type": reply.contentType } });
  };

  // ───────────── test setup: users and chats ─────────────

  /** Registers a user without a private chat: the bot "can't initiate conversation" with them. */
  addUser(user: UserLike): TgUser {
    return this.model.ensureUser(user).user;
  }

  /** A user who has started the bot: sendMessage to their id works. */
  addPrivateChat(user: UserLike): TgUser {
    const state = this.model.ensureUser(user);
    state.started = true;
    this.model.privateChat(state.user.id);
    return state.user;
  }

  /**
   * A basic group or supergroup. `members` maps user ids to statuses; unknown
   * users are registered with a generated name. `bot` is the bot's own status
   * (default "member"; "administrator" lifts privacy mode). `is_forum` makes a
   * forum supergroup (see addTopic). `username` (with or without "@") makes it
   * addressable as "@name".
   */
  addGroup(group: {
    id: number;
    title: string;
    type?: "group" | "supergroup";
    members?: Record<number, MemberStatus>;
    bot?: MemberStatus;
    is_forum?: boolean;
    username?: string;
  }): TgChat {
    if (group.id >= 0) throw new Error(`addGroup: group ids are negative (got ${group.id})`);
    const type = group.type ?? "group";
    if (group.is_forum && type !== "supergroup") throw new Error("addGroup: only supergroups can be forums");
    const chat = this.model.newChat(group.id, type, {
      title: group.title,
      username: group.username?.replace(/^@/, ""),
      isForum: !!group.is_forum,
      botStatus: group.bot ?? "member",
    });
    for (const [id, status] of Object.entries(group.members ?? {})) {
      this.model.ensureUser({ id: Number(id) });
      chat.members.set(Number(id), status);
    }
    return this.model.chatJson(chat);
  }

  /**
   * A channel. `admins[0]` is the creator, the rest administrators. The bot is
   * an administrator if `botIsAdmin` (otherwise it is not a member at all, as
   * bots can only join channels as admins), allowed to post if `botCanPost`.
   */
  addChannel(channel: {
    id: number;
    title: string;
    username?: string;
    admins?: number[];
    botIsAdmin?: boolean;
    botCanPost?: boolean;
  }): TgChat {
    if (channel.id >= 0) throw new Error(`addChannel: channel ids are negative (got ${channel.id})`);
    const botIsAdmin = channel.botIsAdmin ?? true;
    const chat = this.model.newChat(channel.id, "channel", {
      title: channel.title,
      username: channel.username?.replace(/^@/, ""),
      isForum: false,
      botStatus: botIsAdmin ? "administrator" : "left",
      botCanPost: botIsAdmin && (channel.botCanPost ?? true),
    });
    (channel.admins ?? []).forEach((id, i) => {
      this.model.ensureUser({ id });
      chat.members.set(id, i === 0 ? "creator" : "administrator");
    });
    return this.model.chatJson(chat);
  }

  /** Deletes a forum topic: sending into it then fails with "message thread not found". */
  deleteTopic(chatId: ChatId, threadId: number): void {
    const chat = this.model.requireChat(chatId);
    if (!chat.topics.delete(threadId)) throw new Error(`deleteTopic: chat ${chat.id} has no topic ${threadId}`);
  }

  /** Creates a forum topic in a forum supergroup; returns its message_thread_id. */
  addTopic(chatId: ChatId, name: string): number {
    const chat = this.model.requireChat(chatId);
    if (!chat.isForum) throw new Error(`addTopic: chat ${chat.id} is not a forum`);
    const msg = this.model.storeMessage(chat, { fromBot: false, fields: { forum_topic_created: { name, icon_color: 7322096 } } });
    chat.topics.set(msg.message_id, name);
    msg.message_thread_id = msg.message_id;
    msg.is_topic_message = true;
    return msg.message_id;
  }

  /** Sets a member's status in a group or channel. */
  setMember(chatId: ChatId, userId: number, status: MemberStatus): void {
    this.model.ensureUser({ id: userId });
    this.model.requireChat(chatId).members.set(userId, status);
  }

  /**
   * Sets the bot's own status in a group/supergroup/channel. With `notify`, a
   * my_chat_member update is queued as Telegram would send it.
   */
  setBotStatus(chatId: ChatId, status: MemberStatus, opts: { notify?: boolean; canPost?: boolean } = {}): void {
    const chat = this.model.requireChat(chatId);
    if (chat.type === "private") throw new Error("setBotStatus: use block()/unblock() for private chats");
    const old = chat.botStatus;
    chat.botStatus = status;
    if (chat.type === "channel") chat.botCanPost = status === "administrator" && (opts.canPost ?? true);
    if (opts.notify) this.pushMyChatMember(chat, old, status, this.model.someAdmin(chat));
  }

  /** The bot is removed (kicked) from a group/supergroup/channel: sends there get 403. */
  kick(chatId: ChatId, opts: { notify?: boolean } = {}): void {
    this.setBotStatus(chatId, "kicked", opts);
  }

  /** The user blocks the bot: sends to them get 403 "bot was blocked by the user". */
  block(userId: number, opts: { notify?: boolean } = {}): void {
    const state = this.model.requireUser(userId);
    state.blocked = true;
    if (opts.notify) this.pushMyChatMember(this.model.privateChat(userId), "member", "kicked", state.user);
  }

  unblock(userId: number, opts: { notify?: boolean } = {}): void {
    const state = this.model.requireUser(userId);
    state.blocked = false;
    if (opts.notify) this.pushMyChatMember(this.model.privateChat(userId), "kicked", "member", state.user);
  }

  /** The user deletes their account: sends to them get 403 "user is deactivated". */
  deactivate(userId: number): void {
    this.model.requireUser(userId).deactivated = true;
  }

  /**
   * Upgrades a basic group to a supergroup, as Telegram does when a group grows
   * or gets certain settings: the old id then answers 400 "group chat was
   * upgraded to a supergroup chat" with parameters.migrate_to_chat_id, and the
   * new supergroup (same title, members and bot status) exists. With `notify`,
   * the two service messages (migrate_to_chat_id / migrate_from_chat_id) are queued.
   */
  migrate(groupId: number, newSupergroupId: number, opts: { notify?: boolean } = {}): TgChat {
    const old = this.model.requireChat(groupId);
    if (old.type !== "group") throw new Error(`migrate: chat ${groupId} is a ${old.type}, not a basic group`);
    if (!String(newSupergroupId).startsWith("-100")) {
      throw new Error(`migrate: supergroup ids look like -100XXXXXXXXXX (got ${newSupergroupId})`);
    }
    const sg = this.model.newChat(newSupergroupId, "supergroup", {
      title: old.title,
      isForum: false,
      botStatus: old.botStatus,
    });
    for (const [id, status] of old.members) sg.members.set(id, status);
    old.migratedTo = newSupergroupId;
    if (opts.notify && (old.botStatus === "member" || old.botStatus === "administrator" || old.botStatus === "creator")) {
      const from = this.model.someAdmin(old);
      const m1 = this.model.storeMessage(old, { fromBot: false, from, fields: { migrate_to_chat_id: newSupergroupId } });
      this.pushUpdate({ message: m1 });
      const m2 = this.model.storeMessage(sg, { fromBot: false, from, fields: { migrate_from_chat_id: groupId } });
      this.pushUpdate({ message: m2 });
    }
    return this.model.chatJson(sg);
  }

  // ───────────── fault injection ─────────────

  /**
   * The next `times` (default 1) calls of `method` (optionally only those for
   * `chatId`) fail with `error`, e.g. {error_code: 502, description: "Bad Gateway"}.
   * `rawBody` replaces the JSON body (Telegram's front end sometimes answers
   * 5xx with an HTML page).
   */
  failNext(method: string, error: ApiErrorSpec, opts: { chatId?: ChatId; times?: number; rawBody?: string } = {}): void {
    this.faults.push({
      method: method.toLowerCase(), chatId: opts.chatId, remaining: opts.times ?? 1,
      kind: "fail", error, rawBody: opts.rawBody,
    });
  }

  /** The next matching call(s) get no response at all: the socket is destroyed (a network failure). */
  dropNext(method: string, opts: { chatId?: ChatId; times?: number } = {}): void {
    this.faults.push({ method: method.toLowerCase(), chatId: opts.chatId, remaining: opts.times ?? 1, kind: "drop" });
  }

  /**
   * The next matching call is held unanswered until the test answers or drops it: a bot can be
   * killed while it waits on, say, the sendMessage of a draft.
   */
  holdNext(method: string, opts: { chatId?: ChatId } = {}): HeldCall {
    let arrived!: (call: CallRecord) => void;
    let decide!: (what: "answer" | "drop") => void;
    const decision = new Promise<"answer" | "drop">((r) => (decide = r));
    const held: HeldCall = { arrived: new Promise((r) => (arrived = r)), answer: () => decide("answer"), drop: () => decide("drop") };
    this.faults.push({
      method: method.toLowerCase(), chatId: opts.chatId, remaining: 1, kind: "hold",
      held: (call) => {
        arrived(call);
        return decision;
      },
    });
    return held;
  }

  // ───────────── driving the bot as a user ─────────────

  /**
   * Queues an update of any kind (my_chat_member, channel_post, …). update_id is
   * assigned if missing. Returns the queued update.
   */
  pushUpdate(raw: Omit<TgUpdate, "update_id"> & { update_id?: number }): TgUpdate {
    const update = this.updates.push(raw);
    const query = (update as { inline_query?: { id: string } }).inline_query;
    if (query) this.api.media.inlineQueries.set(query.id, { answered: false });
    const chatId = this.updateChatId(update);
    if (chatId !== undefined) this.lastInputMark.set(chatId, this.sent.length);
    this.notify();
    return update;
  }

  /**
   * A user sends a text message. `who` is a user (→ their private chat with the
   * bot, created if needed) or `{chat, from}` for a group/supergroup. A leading
   * "/command" or "/command@bot" gets a bot_command entity. Returns the Message.
   *
   * Telegram does not deliver everything: in groups the bot must be a member, and
   * with privacy mode on (default) a non-admin bot only gets commands, replies to
   * its own messages and @mentions. Undelivered messages are still stored (see
   * messagesIn) but not queued.
   */
  userSends(
    who: UserLike | { chat: ChatId | { id: number }; from: UserLike },
    text: string,
    opts: { threadId?: number; replyTo?: number | MessageRef } = {},
  ): TgMessage {
    const { chat, user } = this.model.resolveSender(who);
    let threadId = opts.threadId;
    if (threadId !== undefined && chat.isForum && !chat.topics.has(threadId)) chat.topics.set(threadId, `Topic ${threadId}`);
    const replyToId = typeof opts.replyTo === "number" ? opts.replyTo : opts.replyTo?.message_id;
    let replyTo: StoredMessage | undefined;
    if (replyToId !== undefined) {
      replyTo = chat.messages.get(replyToId);
      if (!replyTo || replyTo.deleted) throw new Error(`userSends: no message ${replyToId} in chat ${chat.id} to reply to`);
      if (threadId === undefined && replyTo.msg.message_thread_id !== undefined && chat.isForum) threadId = replyTo.msg.message_thread_id;
    }
    const fields: Record<string, unknown> = { text };
    const command = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?/.exec(text);
    if (command) fields.entities = [{ type: "bot_command", offset: 0, length: command[0].length }];
    if (replyTo) fields.reply_to_message = replyTo.msg;
    const msg = this.model.storeMessage(chat, { fromBot: false, from: user, fields, threadId });

    if (this.model.botReceives(chat, text, command, replyTo)) this.pushUpdate({ message: msg });
    return msg;
  }

  /**
   * An update built outside the emulator (test/support/updates.ts) that a test hands to a bot in
   * its own process: the emulator learns what Telegram would know from it — the user, the chat
   * (a private chat is started; an unknown group is created with the bot as a member), the
   * user's message, the callback query — so the bot's answers to it are checked as usual.
   * Built messages keep their ids; use ids the chat's own messages do not (the builders count
   * from 1,000,000).
   */
  receive(update: TgUpdate): void {
    const u = update as { message?: TgMessage; callback_query?: TgCallbackQuery; inline_query?: { id: string; from: TgUser } };
    if (u.message) {
      const msg = u.message;
      const from = msg.from ? this.model.ensureUser(msg.from).user : undefined;
      let chat: ChatState;
      if (msg.chat.type === "private") {
        chat = this.model.chats.get(this.model.startedUser(msg.chat.id).id)!;
      } else {
        chat =
          this.model.chats.get(msg.chat.id) ??
          this.model.newChat(msg.chat.id, msg.chat.type, {
            title: msg.chat.title, username: msg.chat.username, isForum: !!msg.chat.is_forum, botStatus: "member",
          });
        if (from && !chat.members.has(from.id)) chat.members.set(from.id, "member");
      }
      if (chat.messages.has(msg.message_id)) throw new Error(`receive: chat ${chat.id} already has a message ${msg.message_id}`);
      chat.messages.set(msg.message_id, { chatId: chat.id, fromBot: false, msg, deleted: false });
    }
    if (u.callback_query) {
      this.model.ensureUser(u.callback_query.from);
      this.api.callbackQueries.set(u.callback_query.id, { answered: false });
    }
    if (u.inline_query) {
      this.model.ensureUser(u.inline_query.from);
      this.api.media.inlineQueries.set(u.inline_query.id, { answered: false });
    }
    const chatId = this.updateChatId(update);
    if (chatId !== undefined) this.lastInputMark.set(chatId, this.sent.length);
  }

  /** A post in a channel (the bot receives channel_post updates while it is an admin there). */
  channelPost(channelId: ChatId, text: string): TgMessage {
    const chat = this.model.requireChat(channelId);
    if (chat.type !== "channel") throw new Error(`channelPost: chat ${chat.id} is not a channel`);
    const msg = this.model.storeMessage(chat, { fromBot: false, fields: { text, sender_chat: this.model.chatJson(chat) } });
    if (chat.botStatus === "administrator") this.pushUpdate({ channel_post: msg });
    return msg;
  }

  /**
   * The user presses an inline button on a bot message, found by exact text or
   * callback_data on the message's *current* keyboard. Queues a callback_query
   * update and returns the CallbackQuery. Throws (listing the buttons) if none matches.
   */
  press(user: UserLike, message: MessageRef, buttonTextOrData: string): TgCallbackQuery {
    const stored = this.model.findStored(message);
    if (!stored || stored.deleted) throw new Error(`press: message ${message.message_id} no longer exists`);
    const buttons = this.buttons(message);
    const button =
      buttons.find((b) => b.text === buttonTextOrData) ?? buttons.find((b) => b.callback_data === buttonTextOrData);
    if (!button) {
      const list = buttons.map((b) => `${JSON.stringify(b.text)} (${b.callback_data !== undefined ? `data ${JSON.stringify(b.callback_data)}` : b.url ? `url ${b.url}` : "other"})`);
      throw new Error(`press: no button ${JSON.stringify(buttonTextOrData)} on message ${stored.msg.message_id} in chat ${stored.chatId}; buttons: ${list.join(", ") || "(none)"}`);
    }
    if (button.callback_data === undefined) {
      throw new Error(`press: button ${JSON.stringify(button.text)} is not a callback button (pressing it sends the bot nothing)`);
    }
    const from = this.model.ensureUser(user).user;
    const query: TgCallbackQuery = {
      id: String(this.nextQueryId++),
      from,
      message: stored.msg,
      chat_instance: String(BigInt(stored.chatId) * 7919n + 1234567n),
      data: button.callback_data,
    };
    this.api.callbackQueries.set(query.id, { answered: false });
    this.pushUpdate({ callback_query: query });
    return query;
  }

  /** Flat list of the inline buttons on a message (its current state if the emulator knows it). */
  buttons(message: MessageRef | { reply_markup?: any }): ButtonInfo[] {
    const stored = "message_id" in message ? this.model.findStored(message as MessageRef) : undefined;
    const markup = stored ? stored.msg.reply_markup : (message as { reply_markup?: any }).reply_markup;
    const rows: any[][] = markup?.inline_keyboard ?? [];
    return rows.flatMap((row, r) =>
      row.map((b, c) => {
        const info: ButtonInfo = { text: b.text, row: r, column: c };
        if (b.callback_data !== undefined) info.callback_data = b.callback_data;
        if (b.url !== undefined) info.url = b.url;
        return info;
      }),
    );
  }

  // ───────────── assertions ─────────────

  /** The chat's messages as a user sees them now: edits applied, deleted ones gone. */
  messagesIn(chatId: ChatId): ChatMessage[] {
    const chat = this.model.requireChat(chatId);
    return [...chat.messages.values()]
      .filter((m) => !m.deleted && (m.msg.text !== undefined))
      .map((m) => ({
        chat_id: chat.id,
        message_id: m.msg.message_id,
        fromBot: m.fromBot,
        from: m.msg.from,
        text: m.msg.text ?? "",
        html: m.source,
        entities: m.msg.entities ?? [],
        reply_markup: m.msg.reply_markup,
        message_thread_id: m.msg.message_thread_id,
        reply_to_message_id: m.msg.reply_to_message?.message_id,
        date: m.msg.date,
        edit_date: m.msg.edit_date,
        reaction: m.msg.reaction as unknown[] | undefined,
        message: m.msg,
      }));
  }

  /** Messages delivered to a chat, in order (as sent; use messagesIn for the current state). */
  sentTo(chatId: ChatId): SentRecord[] {
    const id = this.model.chatKey(chatId);
    return this.sent.filter((s) => s.chat_id === id);
  }

  /** Commands stored for a scope (default {type:"default"}) and language ("" = all languages). */
  commands(scope: object = { type: "default" }, languageCode = ""): { command: string; description: string }[] {
    const key = this.api.commandKey(this.api.normalizeScope(scope, false), languageCode);
    return clone(this.api.commandSets.get(key)?.commands ?? []);
  }

  /** Every stored command list, for debugging. */
  allCommandSets(): { scope: any; language_code: string; commands: { command: string; description: string }[] }[] {
    return clone([...this.api.commandSets.values()]);
  }

  /** The menu button set for a private chat (or the default one). */
  menuButton(chatId?: number): any {
    return clone(this.api.menuButtons.get(chatId === undefined ? "default" : String(chatId)) ?? { type: "default" });
  }

  /** Updates queued and not yet confirmed by the bot. */
  pendingUpdates(): TgUpdate[] {
    return clone(this.updates.queue);
  }

  /** Clears calls, sent, answers and stats (chats and messages stay). */
  resetLog(): void {
    this.calls.length = 0;
    this.sent.length = 0;
    this.answers.length = 0;
    this.lastInputMark.clear();
    Object.assign(this.stats, { calls: 0, sent: 0, tooMany: 0, errors: {} });
  }

  /**
   * Resolves with the next bot message(s) delivered to `chatId`. Without `after`,
   * "next" means after the last userSends/press/pushUpdate into that chat, so
   * `userSends(...)` followed by `await waitForReply(...)` cannot miss a fast reply.
   */
  waitForReply(chatId: ChatId, opts?: WaitForReplyOptions & { count?: undefined }): Promise<SentRecord>;
  waitForReply(chatId: ChatId, opts: WaitForReplyOptions & { count: number }): Promise<SentRecord[]>;
  waitForReply(chatId: ChatId, opts: WaitForReplyOptions & { count?: number } = {}): Promise<SentRecord | SentRecord[]> {
    const id = this.model.chatKey(chatId);
    const after = opts.after ?? this.lastInputMark.get(typeof id === "number" ? id : NaN) ?? 0;
    const count = opts.count ?? 1;
    const found: SentRecord[] = [];
    let scanned = after; // `sent` only grows, so each record is looked at once
    return this.waitUntil(
      () => {
        for (; scanned < this.sent.length && found.length < count; scanned++) {
          const s = this.sent[scanned]!;
          if (s.chat_id === id && (opts.afterMessageId === undefined || s.message_id > opts.afterMessageId)) found.push(s);
        }
        if (found.length < count) return undefined;
        return opts.count === undefined ? found[0] : found;
      },
      opts.timeoutMs ?? 5000,
      () => `waitForReply(${chatId}): expected ${count} message(s) after sent index ${after}, got ${this.sent.slice(after).filter((s) => s.chat_id === id).length}`,
    );
  }

  /**
   * Resolves with the first answered call (earlier ones included; pass `since`
   * = a saved `calls.length` to only look at newer ones) matching `predicate`.
   */
  waitFor(predicate: (call: CallRecord) => boolean, timeoutMs = 5000, opts: { since?: number } = {}): Promise<CallRecord> {
    // Calls complete out of order (long polls), so unfinished ones are re-checked later.
    let scanned = opts.since ?? 0;
    const unfinished = new Set<CallRecord>();
    return this.waitUntil(
      () => {
        for (const c of unfinished) {
          if (!c.done) continue;
          unfinished.delete(c);
          if (predicate(c)) return c;
        }
        for (; scanned < this.calls.length; scanned++) {
          const c = this.calls[scanned]!;
          if (!c.done) unfinished.add(c);
          else if (predicate(c)) return (scanned++, c);
        }
        return undefined;
      },
      timeoutMs,
      () => "waitFor: no matching call",
    );
  }

  /** Resolves once the bot has sent a getUpdates request (it is up and polling). */
  waitForPolling(opts: { timeoutMs?: number; sinceCall?: number } = {}): Promise<CallRecord> {
    let scanned = opts.sinceCall ?? 0;
    return this.waitUntil(
      () => {
        for (; scanned < this.calls.length; scanned++) {
          if (this.calls[scanned]!.method === "getUpdates") return this.calls[scanned];
        }
        return undefined;
      },
      opts.timeoutMs ?? 20_000,
      () => "waitForPolling: the bot has not called getUpdates",
    );
  }

  /** Resolves with the first successful setWebhook since `sinceCall` (a bot up in webhook mode). */
  waitForWebhook(opts: { timeoutMs?: number; sinceCall?: number } = {}): Promise<CallRecord> {
    let scanned = opts.sinceCall ?? 0;
    return this.waitUntil(
      () => {
        for (; scanned < this.calls.length; scanned++) {
          const c = this.calls[scanned]!;
          if (c.method === "setWebhook" && c.done && c.ok) return c;
          if (!c.done) break;
        }
        return undefined;
      },
      opts.timeoutMs ?? 20_000,
      () => "waitForWebhook: the bot has not called setWebhook",
    );
  }

  /** A short human-readable log of the last calls, for failure messages. */
  describeRecentCalls(n = 15): string {
    // Empty long-poll answers are noise here.
    const idle = (c: CallRecord) => c.method === "getUpdates" && c.ok && Array.isArray(c.result) && c.result.length === 0;
    const lines = this.calls.filter((c) => !idle(c)).slice(-n).map((c) => {
      const chat = c.params.chat_id !== undefined ? ` chat_id=${c.params.chat_id}` : "";
      const status = !c.done ? "pending" : c.ok ? "ok" : `${c.error_code} ${c.error}`;
      return `  #${c.index} ${c.method}${chat} → ${status}`;
    });
    return `last ${lines.length} of ${this.calls.length} calls (idle getUpdates omitted):\n${lines.join("\n") || "  (none)"}`;
  }

  // ───────────── one call, over HTTP or in process ─────────────

  /** Records a call, applies injected faults, runs the method and words the answer as Telegram does. */
  private async handle(request: Request): Promise<Reply> {
    if (request.token !== this.token) return json(401, { ok: false, error_code: 401, description: "Unauthorized" });
    // Method names are case-insensitive in the Bot API.
    const entry = this.api.method(request.method);
    const call: CallRecord = {
      index: this.calls.length,
      method: entry?.name ?? request.method,
      params: {},
      at: Date.now(),
      done: false,
    };
    this.calls.push(call);
    this.stats.calls++;

    try {
      call.params = request.params();
    } catch {
      this.notify();
      return this.answer(call, new TelegramError(400, "Bad Request: can't parse JSON object"));
    }
    this.notify();

    const fault = this.takeFault(call);
    const dropped = fault?.kind === "drop" || (fault?.kind === "hold" && (await fault.held!(call)) === "drop");
    if (dropped) {
      Object.assign(call, { done: true, ok: false, error: "(connection dropped by emulator)" });
      this.notify();
      return { kind: "drop" };
    }
    if (fault?.kind === "fail") {
      const e = fault.error!;
      return this.answer(call, new TelegramError(e.error_code, e.description, e.parameters), fault.rawBody);
    }
    if (!entry) return this.answer(call, new TelegramError(404, "Not Found: method not found"));

    let outcome: unknown;
    try {
      outcome = await entry.handler(call.params, { onClientGone: request.onClientGone });
    } catch (err) {
      if (!(err instanceof TelegramError)) throw err;
      outcome = err;
    }
    if (outcome === ABORTED) {
      // The client went away (e.g. grammY aborted its long poll on bot.stop()).
      Object.assign(call, { done: true, ok: false, error: "(client disconnected)" });
      this.notify();
      return { kind: "gone" };
    }
    return this.answer(call, outcome);
  }

  /** Records the result or TelegramError of a call and words the response. */
  private answer(call: CallRecord, outcome: unknown, rawBody?: string): Reply {
    call.done = true;
    if (outcome instanceof TelegramError) {
      call.ok = false;
      call.error_code = outcome.error_code;
      call.error = outcome.description;
      call.parameters = outcome.parameters;
      this.stats.errors[outcome.description] = (this.stats.errors[outcome.description] ?? 0) + 1;
      if (outcome.error_code === 429) this.stats.tooMany++;
      const body: Record<string, unknown> = { ok: false, error_code: outcome.error_code, description: outcome.description };
      if (outcome.parameters) body.parameters = outcome.parameters;
      this.notify();
      if (rawBody !== undefined) return { kind: "answer", status: outcome.error_code, body: rawBody, contentType: "text/html" };
      return json(outcome.error_code, body);
    }
    call.ok = true;
    call.result = outcome;
    this.notify();
    return json(200, { ok: true, result: outcome });
  }

  private takeFault(call: CallRecord): FaultRule | undefined {
    const method = call.method.toLowerCase();
    const rule = this.faults.find(
      (f) => f.method === method && (f.chatId === undefined || this.model.chatKey(f.chatId) === this.model.chatKey(call.params.chat_id)),
    );
    if (!rule) return undefined;
    if (--rule.remaining <= 0) this.faults.splice(this.faults.indexOf(rule), 1);
    return rule;
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private waitUntil<T>(check: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const first = check();
      if (first !== undefined) return resolve(first);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter = () => {
        if (this.closed) {
          done();
          return reject(new Error(`${describe()} (emulator closed)`));
        }
        const value = check();
        if (value !== undefined) {
          done();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${describe()} (timed out after ${timeoutMs} ms)\n${this.describeRecentCalls()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  // ───────────── updates about the bot's own membership ─────────────

  private pushMyChatMember(chat: ChatState, oldStatus: MemberStatus, newStatus: MemberStatus, from: TgUser): void {
    this.pushUpdate({
      my_chat_member: {
        chat: this.model.chatJson(chat),
        from,
        date: nowSeconds(),
        old_chat_member: this.model.memberJson(chat, this.model.botUser, oldStatus),
        new_chat_member: this.model.memberJson(chat, this.model.botUser, newStatus),
      },
    });
  }

  private updateChatId(update: TgUpdate): number | undefined {
    const u = update as any;
    return (
      u.message?.chat?.id ?? u.edited_message?.chat?.id ?? u.channel_post?.chat?.id ??
      u.callback_query?.message?.chat?.id ?? u.my_chat_member?.chat?.id ?? u.chat_member?.chat?.id
    );
  }
}

function json(status: number, body: unknown): Reply {
  return { kind: "answer", status, body: JSON.stringify(body), contentType: "application/json" };
}

const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/** Starts an emulator on 127.0.0.1 with a free port. */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = new Emulator(opts);
  await emulator.listen();
  return emulator;
}
