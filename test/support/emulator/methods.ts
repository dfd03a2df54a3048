// The Bot API's method table: each method Parley calls, with the checks Telegram makes and the
// refusals it answers with (HTML parsing, message and button limits, flood limits, blocked
// users, kicked bots, migrated groups, "message is not modified", ...). Each such place is
// commented with the Telegram behaviour it follows. A few checks are deliberately *stricter*
// than the real server (marked "EMULATOR-STRICT"): they enforce what the Bot API documentation
// requires even where the server happens to be lenient, so that the bot does not depend on it.
//
// The table neither knows HTTP nor records calls: the facade (../emulator.ts) does, for the
// bot over HTTP and for a bot in the test's own process alike.

import { type ChatState, type Chats, type InlineKeyboardMarkup, type StoredMessage, type TgMessage, type TgUser, nowSeconds } from "./chats.ts";
import { Media } from "./media.ts";
import { HtmlParseError, type MessageEntity, parseTelegramHtml, trimFormatted } from "./telegram-html.ts";
import type { UpdateQueue } from "./updates.ts";
import { asBool, asInt, asJson, asString, badRequest, canonical, forbidden, TelegramError } from "./wire.ts";

export interface LimitsConfig {
  /** Messages per second across all chats (Telegram: ~30). */
  globalPerSecond?: number;
  /** Same, for calls with `allow_paid_broadcast: true` (Telegram: 1000). */
  paidPerSecond?: number;
  /** Messages per second into one private chat (Telegram: ~1). */
  perChatPerSecond?: number;
  /** Messages per minute into one group, supergroup or channel (Telegram: 20). */
  perGroupPerMinute?: number;
  /** The clock the windows are measured on (milliseconds); a test that counts refusals pins it. */
  clock?: () => number;
}

/** One message the bot successfully delivered (sendMessage). */
export interface SentRecord {
  /** Position in `emulator.sent`. */
  index: number;
  chat_id: number;
  message_id: number;
  /** The text as the bot sent it (with HTML markup, if any). */
  text: string;
  /** The text a user sees: entities stripped, entities decoded, trimmed. */
  plainText: string;
  entities: MessageEntity[];
  parse_mode?: string;
  reply_markup?: any;
  message_thread_id?: number;
  reply_to_message_id?: number;
  disable_notification?: boolean;
  allow_paid_broadcast?: boolean;
  /** Unix seconds, as in the Message. */
  date: number;
  /** Date.now() at delivery. */
  at: number;
  /** The Message object returned to the bot. */
  message: TgMessage;
}

export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
  at: number;
}

export interface EmulatorStats {
  /** Requests received. */
  calls: number;
  /** Messages delivered by sendMessage. */
  sent: number;
  /** 429 responses (flood limits and injected 429s). */
  tooMany: number;
  /** Error responses by description. */
  errors: Record<string, number>;
}

const MAX_TEXT_LENGTH = 4096; // UTF-16 code units, after entity parsing
const MAX_CALLBACK_ANSWER = 200;
const MAX_CALLBACK_DATA_BYTES = 64;

const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid";

const CHAT_ACTIONS = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
  "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
]);

/** Fields that give an inline keyboard button its type; exactly one must be present. */
const BUTTON_KINDS = [
  "url", "callback_data", "web_app", "login_url", "switch_inline_query",
  "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
];

const SCOPE_TYPES = new Set([
  "default", "all_private_chats", "all_group_chats", "all_chat_administrators",
  "chat", "chat_administrators", "chat_member",
]);

const DEFAULT_LIMITS: Required<LimitsConfig> = {
  clock: Date.now,
  globalPerSecond: 30,
  paidPerSecond: 1000,
  perChatPerSecond: 1,
  perGroupPerMinute: 20,
};

/** What a method may need beyond its parameters: to learn that the client stopped waiting. */
export interface MethodContext {
  onClientGone(abort: () => void): void;
}

type Handler = (params: Record<string, any>, ctx: MethodContext) => unknown;

export interface CommandSet {
  scope: any;
  language_code: string;
  commands: { command: string; description: string }[];
}

export class BotApi {
  /** Every message successfully delivered by sendMessage, in order. */
  readonly sent: SentRecord[] = [];
  /** Every accepted answerCallbackQuery. */
  readonly answers: CallbackAnswer[] = [];
  readonly stats: EmulatorStats = { calls: 0, sent: 0, tooMany: 0, errors: {} };
  /** EMULATOR-STRICT HTML (see EmulatorOptions.strictHtml). */
  strictHtml = true;

  /** Callback queries sent to the bot, by id: each may be answered once. */
  readonly callbackQueries = new Map<string, { answered: boolean }>();
  readonly commandSets = new Map<string, CommandSet>();
  readonly menuButtons = new Map<string, any>();
  private descriptions = new Map<string, string>();
  private limits: Required<LimitsConfig> | null = null;
  private globalWindow: number[] = [];
  private chatWindows = new Map<number, number[]>();

  constructor(
    private readonly model: Chats,
    private readonly updates: UpdateQueue,
    private readonly botInfo: TgUser & Record<string, unknown>,
    /** Called after every change a waiting test may be looking for. */
    private readonly onChange: () => void,
  ) {}

  /** Turns flood limits on/off or changes them at run time. */
  setLimits(limits: boolean | LimitsConfig): void {
    this.limits = limits === false ? null : { ...DEFAULT_LIMITS, ...(limits === true ? {} : limits) };
    this.globalWindow = [];
    this.chatWindows.clear();
  }

  /** The method's table entry; `name` is its canonical spelling. */
  method(requested: string): { name: string; handler: Handler } | undefined {
    return this.handlers.get(requested.toLowerCase());
  }

  // ───────────── Bot API: chat lookup and access ─────────────

  /** chat_id (number, numeric string or "@username") → chat, or 400 "chat not found". */
  private resolveChat(chatId: unknown): ChatState {
    if (chatId === undefined || chatId === null || chatId === "") throw badRequest("chat_id is empty");
    const key = this.model.chatKey(chatId);
    const chat = typeof key === "number" ? this.model.chats.get(key) : undefined;
    // A user who never started the bot has no chat with it yet.
    if (!chat || (chat.type === "private" && !this.model.users.get(chat.id)?.started)) {
      if (typeof key === "number" && this.model.users.has(key)) throw forbidden("bot can't initiate conversation with a user");
      throw badRequest("chat not found");
    }
    return chat;
  }

  /** Telegram's answers when the bot may not write into a chat. */
  private checkWriteAccess(chat: ChatState): void {
    this.checkMigrated(chat);
    if (chat.type === "private") {
      const u = this.model.users.get(chat.id)!;
      if (u.deactivated) throw forbidden("user is deactivated");
      if (u.blocked) throw forbidden("bot was blocked by the user");
      return;
    }
    this.checkMembership(chat);
    if (chat.type === "channel" && !chat.botCanPost) throw badRequest("need administrator rights in the channel chat");
  }

  private checkMigrated(chat: ChatState): void {
    if (chat.migratedTo !== undefined) {
      throw new TelegramError(400, "Bad Request: group chat was upgraded to a supergroup chat", {
        migrate_to_chat_id: chat.migratedTo,
      });
    }
  }

  private checkMembership(chat: ChatState): void {
    if (chat.type === "private") return;
    if (chat.botStatus === "kicked") throw forbidden(`bot was kicked from the ${chat.type} chat`);
    if (chat.botStatus === "left") throw forbidden(`bot is not a member of the ${chat.type} chat`);
    if (chat.type === "channel" && chat.botStatus === "member") throw forbidden("bot is not a member of the channel chat");
  }

  // ───────────── Bot API: rate limits ─────────────

  /**
   * Telegram's flood limits as sliding windows: ~30 messages/s overall (1000/s
   * with allow_paid_broadcast), ~1/s per private chat, 20/min per group or
   * channel. Over a limit → 429 "Too Many Requests: retry after N" with
   * parameters.retry_after = whole seconds until a slot frees (at least 1).
   */
  private checkRateLimit(chat: ChatState, paid: boolean): void {
    const limits = this.limits;
    if (!limits) return;
    const now = limits.clock();
    const waits: number[] = [];
    const check = (window: number[], spanMs: number, max: number) => {
      while (window.length && window[0]! <= now - spanMs) window.shift();
      // The slot frees when the entry that keeps the window full expires.
      if (window.length >= max) waits.push(window[window.length - max]! + spanMs - now);
    };
    check(this.globalWindow, 1000, paid ? limits.paidPerSecond : limits.globalPerSecond);
    let chatWindow = this.chatWindows.get(chat.id);
    if (!chatWindow) this.chatWindows.set(chat.id, (chatWindow = []));
    if (chat.type === "private") check(chatWindow, 1000, limits.perChatPerSecond);
    else check(chatWindow, 60_000, limits.perGroupPerMinute);
    if (waits.length) {
      const retryAfter = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
      throw new TelegramError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    this.globalWindow.push(now);
    chatWindow.push(now);
  }

  // ───────────── Bot API: validation ─────────────

  /** text + parse_mode → what the user will see, with Telegram's errors. */
  private formatText(text: unknown, parseMode: unknown, entities: unknown): { plain: string; entities: MessageEntity[] } {
    const raw = asString(text);
    if (raw === undefined) throw badRequest("message text is empty");
    const mode = (asString(parseMode) ?? "").toLowerCase();
    let parsed: { text: string; entities: MessageEntity[] };
    if (mode === "html") {
      try {
        parsed = parseTelegramHtml(raw, { strict: this.strictHtml });
      } catch (err) {
        if (err instanceof HtmlParseError) throw badRequest(`can't parse entities: ${err.reason}`);
        throw err;
      }
    } else if (mode === "" || mode === "markdownv2" || mode === "markdown") {
      // Markdown modes are accepted but not parsed: the text is taken literally.
      const given = asJson(entities, "can't parse entities JSON object");
      parsed = { text: raw, entities: mode === "" && Array.isArray(given) ? given : [] };
    } else {
      throw badRequest("unsupported parse_mode");
    }
    const trimmed = trimFormatted(parsed.text, parsed.entities);
    if (trimmed.text.length === 0) throw badRequest("message text is empty");
    // 4096 is counted in UTF-16 code units (JS string length) after entity parsing.
    if (trimmed.text.length > MAX_TEXT_LENGTH) throw badRequest("message is too long");
    return { plain: trimmed.text, entities: trimmed.entities };
  }

  /** Validates reply_markup (object or JSON string); returns the parsed markup. */
  private parseReplyMarkup(value: unknown): any {
    const markup = asJson(value, "can't parse reply keyboard markup JSON object");
    if (markup === undefined || markup === null) return undefined;
    if (typeof markup !== "object" || Array.isArray(markup)) throw badRequest("can't parse reply keyboard markup JSON object");
    if ("inline_keyboard" in markup) {
      const rows = markup.inline_keyboard;
      const arrays = 'field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays';
      if (!Array.isArray(rows)) throw badRequest(arrays);
      for (const row of rows) {
        if (!Array.isArray(row)) throw badRequest(arrays);
        for (const button of row) this.checkInlineButton(button);
      }
      return markup;
    }
    if ("keyboard" in markup) {
      const rows = markup.keyboard;
      if (!Array.isArray(rows) || rows.some((r: unknown) => !Array.isArray(r))) {
        throw badRequest('field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays');
      }
      for (const row of rows) {
        for (const b of row) {
          const text = typeof b === "string" ? b : b?.text;
          if (typeof text !== "string") throw badRequest("can't parse keyboard button: Field \"text\" must be of type String");
        }
      }
      return markup;
    }
    if ("remove_keyboard" in markup || "force_reply" in markup) return markup;
    throw badRequest("can't parse reply keyboard markup JSON object");
  }

  private checkInlineButton(button: any): void {
    const prefix = "can't parse inline keyboard button: ";
    if (!button || typeof button !== "object" || Array.isArray(button)) {
      throw badRequest(prefix + "InlineKeyboardButton must be an Object");
    }
    if (typeof button.text !== "string") throw badRequest(prefix + 'Field "text" must be of type String');
    if (button.text.trim() === "") throw badRequest("BUTTON_TEXT_EMPTY");
    const kinds = BUTTON_KINDS.filter((k) => button[k] !== undefined && button[k] !== null);
    if (kinds.length === 0) throw badRequest(prefix + "Text buttons are unallowed in the inline keyboard");
    // EMULATOR-STRICT: the docs say exactly one optional field; the server silently picks one.
    if (kinds.length > 1) {
      throw badRequest(prefix + `exactly one of the optional fields must be used, got ${kinds.join(", ")}`);
    }
    if (button.callback_data !== undefined) {
      if (typeof button.callback_data !== "string") throw badRequest(prefix + 'Field "callback_data" must be of type String');
      // 1–64 *bytes* of UTF-8: 32 Cyrillic letters already fill it.
      const bytes = Buffer.byteLength(button.callback_data, "utf8");
      if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest("BUTTON_DATA_INVALID");
    }
    if (button.url !== undefined) {
      if (typeof button.url !== "string") throw badRequest(prefix + 'Field "url" must be of type String');
      if (!/^(https?|tg):\/\/[^\s]+$/i.test(button.url)) throw badRequest("BUTTON_URL_INVALID");
    }
  }

  /** Only inline keyboards are attached to (and returned with) a message; empty = none. */
  private inlineOf(markup: any): InlineKeyboardMarkup | undefined {
    const rows = markup?.inline_keyboard;
    if (!Array.isArray(rows) || rows.every((r: unknown[]) => r.length === 0)) return undefined;
    return { inline_keyboard: rows };
  }

  private messageId(value: unknown): number {
    const id = asInt(value, "message_id");
    if (id === undefined) throw badRequest("message identifier is not specified");
    return id;
  }

  normalizeScope(value: unknown, resolve: boolean): any {
    const scope = asJson(value, "can't parse BotCommandScope JSON object") ?? { type: "default" };
    if (typeof scope !== "object" || !SCOPE_TYPES.has(scope.type)) throw badRequest("unsupported bot command scope type");
    const out: Record<string, unknown> = { type: scope.type };
    if (["chat", "chat_administrators", "chat_member"].includes(scope.type)) {
      out.chat_id = resolve ? this.resolveChat(scope.chat_id).id : this.model.chatKey(scope.chat_id);
    }
    if (scope.type === "chat_member") out.user_id = asInt(scope.user_id, "user_id");
    return out;
  }

  commandKey(scope: unknown, languageCode: string): string {
    return `${canonical(scope)}|${languageCode}`;
  }

  private languageCode(value: unknown): string {
    const lang = asString(value) ?? "";
    if (lang !== "" && !/^[a-z]{2}$/.test(lang)) throw badRequest("invalid language code specified");
    return lang;
  }

  // ───────────── Bot API: methods ─────────────

  /** Uploads (sendDocument, sendPhoto) and inline mode (answerInlineQuery): see media.ts. */
  readonly media = new Media({
    resolveChat: (id) => this.resolveChat(id),
    checkWriteAccess: (chat) => this.checkWriteAccess(chat),
    inlineMarkup: (value) => this.inlineOf(this.parseReplyMarkup(value)),
    formatText: (text, parseMode) => this.formatText(text, parseMode, undefined),
    storeMessage: (chat, fields) => this.model.storeMessage(chat, { fromBot: true, fields }),
    onChange: () => this.onChange(),
  });

  /** The method table, by lower-cased name (method names are case-insensitive in the Bot API). */
  private readonly handlers = new Map<string, { name: string; handler: Handler }>(
    Object.entries({
      getMe: () => this.botInfo,
      logOut: () => true,
      close: () => true,

      setWebhook: (p) => this.updates.setWebhook(p),
      deleteWebhook: (p) => this.updates.deleteWebhook(p),
      getWebhookInfo: () => this.updates.webhookInfo(),
      getUpdates: (p, ctx) => this.updates.getUpdates(p, ctx.onClientGone),

      sendMessage: (p) => this.sendMessage(p),
      ...this.media.methods,
      editMessageText: (p) => this.editMessage(p, true),
      editMessageReplyMarkup: (p) => this.editMessage(p, false),
      deleteMessage: (p) => {
        const chat = this.resolveChat(p.chat_id);
        this.checkMigrated(chat);
        const stored = chat.messages.get(this.messageId(p.message_id));
        if (!stored || stored.deleted) throw badRequest("message to delete not found");
        // Bots may delete anything in private chats, but others' messages in groups only as admins.
        if (!stored.fromBot && chat.type !== "private" && chat.botStatus !== "administrator" && chat.botStatus !== "creator") {
          throw badRequest("message can't be deleted");
        }
        stored.deleted = true;
        return true;
      },
      setMessageReaction: (p) => {
        const chat = this.resolveChat(p.chat_id);
        this.checkMigrated(chat);
        this.checkMembership(chat);
        const stored = chat.messages.get(this.messageId(p.message_id));
        if (!stored || stored.deleted) throw badRequest("message to react not found");
        const reaction = asJson(p.reaction, "can't parse reaction types JSON object") ?? [];
        if (!Array.isArray(reaction)) throw badRequest("can't parse reaction types JSON object");
        this.model.replaceMessage(stored, (msg) => (msg.reaction = reaction));
        return true;
      },
      answerCallbackQuery: (p) => {
        const id = asString(p.callback_query_id) ?? "";
        const text = asString(p.text);
        if (text !== undefined && text.length > MAX_CALLBACK_ANSWER) throw badRequest("MESSAGE_TOO_LONG");
        const query = this.callbackQueries.get(id);
        // Each query can be answered once; unknown ids look the same as expired ones.
        if (!query || query.answered) throw new TelegramError(400, QUERY_TOO_OLD);
        query.answered = true;
        const answer: CallbackAnswer = { callback_query_id: id, at: Date.now() };
        if (text !== undefined) answer.text = text;
        if (p.show_alert !== undefined) answer.show_alert = asBool(p.show_alert);
        if (p.url !== undefined) answer.url = asString(p.url);
        if (p.cache_time !== undefined) answer.cache_time = asInt(p.cache_time, "cache_time");
        this.answers.push(answer);
        return true;
      },
      sendChatAction: (p) => {
        const chat = this.resolveChat(p.chat_id);
        const action = asString(p.action) ?? "";
        if (!CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request");
        this.checkWriteAccess(chat);
        return true;
      },

      setMyCommands: (p) => {
        const commands = asJson(p.commands, "can't parse commands JSON object");
        if (!Array.isArray(commands)) throw badRequest('field "commands" must be an Array');
        if (commands.length > 100) throw badRequest("BOT_COMMANDS_TOO_MUCH");
        const clean = commands.map((c: any) => {
          const command = typeof c?.command === "string" ? c.command : "";
          const description = typeof c?.description === "string" ? c.description : "";
          // 1–32 characters: lowercase English letters, digits and underscores.
          if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest("BOT_COMMAND_INVALID");
          if (description.trim().length === 0 || description.length > 256) {
            throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
          }
          return { command, description };
        });
        const scope = this.normalizeScope(p.scope, true);
        const lang = this.languageCode(p.language_code);
        const key = this.commandKey(scope, lang);
        if (clean.length === 0) this.commandSets.delete(key); // an empty list is the same as deleting
        else this.commandSets.set(key, { scope, language_code: lang, commands: clean });
        return true;
      },
      getMyCommands: (p) => {
        const key = this.commandKey(this.normalizeScope(p.scope, true), this.languageCode(p.language_code));
        return clone(this.commandSets.get(key)?.commands ?? []);
      },
      deleteMyCommands: (p) => {
        this.commandSets.delete(this.commandKey(this.normalizeScope(p.scope, true), this.languageCode(p.language_code)));
        return true;
      },

      setChatMenuButton: (p) => {
        let key = "default";
        if (p.chat_id !== undefined && p.chat_id !== "") {
          const chat = this.resolveChat(p.chat_id);
          if (chat.type !== "private") throw badRequest("chat is not a private chat"); // menu buttons are per private chat
          key = String(chat.id);
        }
        const button = asJson(p.menu_button, "can't parse menu button JSON object") ?? { type: "default" };
        if (!["default", "commands", "web_app"].includes(button?.type)) throw badRequest("unsupported menu button type");
        this.menuButtons.set(key, clone(button));
        return true;
      },
      getChatMenuButton: (p) => {
        const key = p.chat_id !== undefined && p.chat_id !== "" ? String(this.resolveChat(p.chat_id).id) : "default";
        return clone(this.menuButtons.get(key) ?? this.menuButtons.get("default") ?? { type: "default" });
      },
      setMyDescription: (p) => this.setDescription("description", p),
      getMyDescription: (p) => ({ description: this.descriptions.get(`description|${this.languageCode(p.language_code)}`) ?? "" }),
      setMyShortDescription: (p) => this.setDescription("short_description", p),
      getMyShortDescription: (p) => ({
        short_description: this.descriptions.get(`short_description|${this.languageCode(p.language_code)}`) ?? "",
      }),
      setMyName: (p) => this.setDescription("name", p),
      getMyName: (p) => ({ name: this.descriptions.get(`name|${this.languageCode(p.language_code)}`) ?? this.botInfo.first_name }),

      getChat: (p) => {
        const chat = this.resolveChat(p.chat_id);
        this.checkMigrated(chat);
        this.checkMembership(chat);
        const info: Record<string, unknown> = { ...this.model.chatJson(chat), accent_color_id: 0, max_reaction_count: 11 };
        if (chat.type !== "private" && chat.type !== "channel") {
          info.permissions = { can_send_messages: true, can_send_polls: true, can_invite_users: true };
        }
        return info;
      },
      getChatMember: (p) => {
        const chat = this.resolveChat(p.chat_id);
        this.checkMigrated(chat);
        this.checkMembership(chat);
        const userId = asInt(p.user_id, "user_id");
        if (userId === undefined) throw badRequest("user_id is empty"); // grammY always sends it
        if (userId === this.botInfo.id) {
          return this.model.memberJson(chat, this.model.botUser, chat.type === "private" ? "member" : chat.botStatus);
        }
        const user = this.model.users.get(userId);
        if (!user) throw badRequest("user not found");
        if (chat.type === "private") return this.model.memberJson(chat, user.user, chat.id === userId ? "member" : "left");
        return this.model.memberJson(chat, user.user, chat.members.get(userId) ?? "left");
      },
      getChatAdministrators: (p) => {
        const chat = this.resolveChat(p.chat_id);
        this.checkMigrated(chat);
        if (chat.type === "private") throw badRequest("there are no administrators in the private chat");
        this.checkMembership(chat);
        const admins = [...chat.members]
          .filter(([, s]) => s === "creator" || s === "administrator")
          .map(([id, s]) => this.model.memberJson(chat, this.model.users.get(id)!.user, s));
        if (chat.botStatus === "administrator") admins.push(this.model.memberJson(chat, this.model.botUser, "administrator"));
        return admins;
      },
      getChatMemberCount: (p) => {
        const chat = this.resolveChat(p.chat_id);
        this.checkMigrated(chat);
        this.checkMembership(chat);
        if (chat.type === "private") return 2;
        const inChat = [...chat.members.values()].filter((s) => s !== "left" && s !== "kicked").length;
        return inChat + (["member", "administrator"].includes(chat.botStatus) ? 1 : 0);
      },
    } satisfies Record<string, Handler>).map(([name, handler]) => [name.toLowerCase(), { name, handler }]),
  );

  private setDescription(kind: string, p: Record<string, any>): true {
    const value = asString(p[kind]) ?? "";
    const max = kind === "description" ? 512 : kind === "short_description" ? 120 : 64;
    if (value.length > max) throw badRequest(`${kind === "name" ? "name" : "description"} is too long`);
    this.descriptions.set(`${kind}|${this.languageCode(p.language_code)}`, value);
    return true;
  }

  private sendMessage(p: Record<string, any>): TgMessage {
    const chat = this.resolveChat(p.chat_id);
    const { plain, entities } = this.formatText(p.text, p.parse_mode, p.entities);
    const markup = this.parseReplyMarkup(p.reply_markup);
    this.checkWriteAccess(chat);

    let threadId = asInt(p.message_thread_id, "message_thread_id");
    const replyParams = asJson(p.reply_parameters, "can't parse reply parameters JSON object");
    const replyToId = asInt(replyParams?.message_id ?? p.reply_to_message_id, "reply_to_message_id");
    let replyTo: StoredMessage | undefined;
    if (replyToId !== undefined) {
      const replyChat = replyParams?.chat_id !== undefined ? this.resolveChat(replyParams.chat_id) : chat;
      replyTo = replyChat.messages.get(replyToId);
      if (!replyTo || replyTo.deleted) {
        replyTo = undefined;
        if (!asBool(replyParams?.allow_sending_without_reply ?? p.allow_sending_without_reply)) {
          throw badRequest("message to be replied not found");
        }
      }
      // A reply in a forum goes into the replied message's topic.
      if (threadId === undefined && chat.isForum && replyTo?.msg.message_thread_id !== undefined) {
        threadId = replyTo.msg.message_thread_id;
      }
    }
    if (threadId !== undefined && chat.isForum && !chat.topics.has(threadId)) throw badRequest("message thread not found");

    const paid = asBool(p.allow_paid_broadcast);
    this.checkRateLimit(chat, paid);

    const fields: Record<string, unknown> = { text: plain };
    if (entities.length) fields.entities = entities;
    const inline = this.inlineOf(markup);
    if (inline) fields.reply_markup = inline;
    if (replyTo) fields.reply_to_message = replyTo.msg;
    const msg = this.model.storeMessage(chat, { fromBot: true, fields, threadId, source: String(p.text) });

    const record: SentRecord = {
      index: this.sent.length,
      chat_id: chat.id,
      message_id: msg.message_id,
      text: String(p.text),
      plainText: plain,
      entities,
      date: msg.date,
      at: Date.now(),
      message: msg,
    };
    if (p.parse_mode !== undefined) record.parse_mode = asString(p.parse_mode);
    if (markup !== undefined) record.reply_markup = markup;
    if (threadId !== undefined) record.message_thread_id = threadId;
    if (replyTo) record.reply_to_message_id = replyTo.msg.message_id;
    if (p.disable_notification !== undefined) record.disable_notification = asBool(p.disable_notification);
    if (p.allow_paid_broadcast !== undefined) record.allow_paid_broadcast = paid;
    this.sent.push(record);
    this.stats.sent++;
    this.onChange();
    return msg;
  }

  /** editMessageText (withText) / editMessageReplyMarkup. */
  private editMessage(p: Record<string, any>, withText: boolean): TgMessage {
    if (p.inline_message_id !== undefined && p.chat_id === undefined) {
      throw badRequest("MESSAGE_ID_INVALID"); // inline messages are not emulated
    }
    const chat = this.resolveChat(p.chat_id);
    this.checkMigrated(chat);
    const stored = chat.messages.get(this.messageId(p.message_id));
    if (!stored || stored.deleted) throw badRequest("message to edit not found");
    if (!stored.fromBot) throw badRequest("message can't be edited");
    const formatted = withText ? this.formatText(p.text, p.parse_mode, p.entities) : undefined;
    if (withText && stored.msg.text === undefined) throw badRequest("there is no text in the message to edit");
    const markup = this.parseReplyMarkup(p.reply_markup);
    if (markup !== undefined && !("inline_keyboard" in markup)) throw badRequest("inline keyboard expected");
    this.checkWriteAccess(chat);

    // An edit without reply_markup removes the inline keyboard (a common surprise).
    const inline = this.inlineOf(markup);
    const sameText =
      !formatted ||
      (formatted.plain === stored.msg.text && canonical(formatted.entities) === canonical(stored.msg.entities ?? []));
    if (sameText && canonical(inline) === canonical(stored.msg.reply_markup)) throw new TelegramError(400, NOT_MODIFIED);

    if (formatted) stored.source = String(p.text);
    return this.model.replaceMessage(stored, (msg) => {
      if (formatted) {
        msg.text = formatted.plain;
        if (formatted.entities.length) msg.entities = formatted.entities;
        else delete msg.entities;
      }
      if (inline) msg.reply_markup = inline;
      else delete msg.reply_markup;
      msg.edit_date = nowSeconds();
    });
  }
}

const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
