// A Telegram Bot API emulator for tests and benchmarks.
//
// Telegram itself is unreachable from the test environment, so the bot talks to
// this server instead (grammY's `client.apiRoot` = `emulator.apiRoot`). It speaks
// the Bot API wire protocol: `POST ${apiRoot}/bot${token}/${method}` with a JSON
// (or urlencoded / query-string) body, answered with `{ok:true,result}` or
// `{ok:false,error_code,description,parameters?}` and the matching HTTP status.
//
// Where it matters for the bot, it reproduces Telegram's behaviour and error
// texts: HTML entity parsing, message/button limits, long polling and the 409
// conflict, flood limits (429 + retry_after), blocked users, kicked bots,
// migrated groups, "message is not modified", ... Each such place is commented
// with the Telegram behaviour it follows. A few checks are deliberately
// *stricter* than the real server (marked "EMULATOR-STRICT"): they enforce what
// the Bot API documentation requires even where the server happens to be lenient,
// so that the bot does not depend on that leniency.
//
// Tests drive the bot as a user (`userSends`, `press`, `pushUpdate`) and assert on
// what the bot did (`calls`, `sent`, `messagesIn`, `waitForReply`, `commands`).

import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";

// ───────────────────────────── public types ─────────────────────────────

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

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
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

export interface ApiErrorSpec {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export type MemberStatus = "creator" | "administrator" | "member" | "left" | "kicked";

export interface LimitsConfig {
  /** Messages per second across all chats (Telegram: ~30). */
  globalPerSecond?: number;
  /** Same, for calls with `allow_paid_broadcast: true` (Telegram: 1000). */
  paidPerSecond?: number;
  /** Messages per second into one private chat (Telegram: ~1). */
  perChatPerSecond?: number;
  /** Messages per minute into one group, supergroup or channel (Telegram: 20). */
  perGroupPerMinute?: number;
}

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

/** Identifies a message: a SentRecord, a ChatMessage, a TgMessage or `{chat_id, message_id}`. */
export type MessageRef = { message_id: number; chat_id?: number; chat?: { id: number } };

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
  kind: "fail" | "drop";
  error?: ApiErrorSpec;
  rawBody?: string;
}

// ───────────────────────────── Telegram constants ─────────────────────────────

const MAX_TEXT_LENGTH = 4096; // UTF-16 code units, after entity parsing
const MAX_CALLBACK_ANSWER = 200;
const MAX_CALLBACK_DATA_BYTES = 64;

const CONFLICT_GET_UPDATES =
  "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
const CONFLICT_WEBHOOK =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid";

/** Update types delivered when allowed_updates is empty/unset (Telegram excludes these three). */
const NOT_DEFAULT_UPDATES = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

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
  globalPerSecond: 30,
  paidPerSecond: 1000,
  perChatPerSecond: 1,
  perGroupPerMinute: 20,
};

/** An error the Bot API returns as `{ok:false,...}`. */
export class TelegramError extends Error {
  constructor(
    readonly error_code: number,
    readonly description: string,
    readonly parameters?: ApiErrorSpec["parameters"],
  ) {
    super(description);
  }
}

const badRequest = (what: string) => new TelegramError(400, `Bad Request: ${what}`);
const forbidden = (what: string) => new TelegramError(403, `Forbidden: ${what}`);

// ───────────────────────────── HTML parse mode ─────────────────────────────

/** Thrown by parseTelegramHtml; `reason` already ends with "at byte offset N" where Telegram says so. */
export class HtmlParseError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const HTML_TAGS = new Set([
  "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
  "span", "tg-spoiler", "code", "pre", "blockquote", "tg-emoji",
]);

const TAG_ENTITY: Record<string, string> = {
  b: "bold", strong: "bold",
  i: "italic", em: "italic",
  u: "underline", ins: "underline",
  s: "strikethrough", strike: "strikethrough", del: "strikethrough",
  span: "spoiler", "tg-spoiler": "spoiler",
  code: "code", pre: "pre",
  a: "text_link", "tg-emoji": "custom_emoji", blockquote: "blockquote",
};

// Telegram's is_space(): the NUL byte counts too (it ends the C string).
const isHtmlSpace = (c: string | undefined) =>
  c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\v" || c === "\0";

/**
 * Decodes an HTML character reference at `pos` the way Telegram does: only
 * &lt; &gt; &amp; &quot; (case-sensitive) and numeric &#NN; / &#xHH; are
 * recognised, the trailing ";" is optional. Returns null if there is none.
 */
function decodeHtmlEntity(s: string, pos: number): { ch: string; end: number } | null {
  if (s[pos] !== "&") return null;
  let end = pos + 1;
  let code: number;
  if (s[end] === "#") {
    end++;
    let value = 0;
    if (s[end] === "x" || s[end] === "X") {
      end++;
      while (end < s.length && /[0-9a-fA-F]/.test(s[end]!)) {
        value = value * 16 + parseInt(s[end++]!, 16);
        if (value >= 0x10ffff) return null;
      }
    } else {
      while (end < s.length && /[0-9]/.test(s[end]!)) {
        value = value * 10 + Number(s[end++]);
        if (value >= 0x10ffff) return null;
      }
    }
    if (value === 0 || end - pos >= 10) return null;
    code = value;
  } else {
    while (end < s.length && /[A-Za-z]/.test(s[end]!)) end++;
    const name = s.slice(pos + 1, end);
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
    if (!(name in named)) return null;
    code = named[name]!.codePointAt(0)!;
  }
  if (s[end] === ";") end++;
  return { ch: String.fromCodePoint(code), end };
}

/**
 * Parses text in Telegram's HTML parse mode into plain text + entities
 * (offsets/lengths in UTF-16 code units, as the Bot API reports them).
 *
 * Follows the server's parser (tdlib `parse_html`): supported tags only, tag
 * names case-insensitive, attributes quoted or bare, `</>` closes the innermost
 * tag, entities may nest but not overlap. Error reasons mirror Telegram's and
 * carry the UTF-8 byte offset of the offending "<" or "&".
 */
export function parseTelegramHtml(
  input: string,
  opts: { strict?: boolean } = {},
): { text: string; entities: MessageEntity[] } {
  const strict = opts.strict ?? true;
  const n = input.length;
  const byteAt = (i: number) => Buffer.byteLength(input.slice(0, i), "utf8");
  const fail = (reason: string): never => {
    throw new HtmlParseError(reason);
  };

  let out = "";
  const entities: (MessageEntity & { order: number })[] = [];
  const open: { tag: string; arg: string; start: number; hasHref: boolean }[] = [];
  let order = 0;

  for (let i = 0; i < n; i++) {
    const c = input[i]!;
    if (c === "&") {
      const decoded = decodeHtmlEntity(input, i);
      if (decoded) {
        out += decoded.ch;
        i = decoded.end - 1;
        continue;
      }
      // Telegram keeps an unrecognised "&..." literally. EMULATOR-STRICT: the docs
      // say every "&" that is not part of an entity must be written as &amp;.
      if (strict) fail(`Unescaped "&" or unsupported HTML entity at byte offset ${byteAt(i)}`);
      out += c;
      continue;
    }
    if (c !== "<") {
      out += c;
      continue;
    }

    const begin = i++;
    if (input[i] !== "/") {
      // ── start tag: name runs to the first space or ">" ──
      while (i < n && !isHtmlSpace(input[i]) && input[i] !== ">") i++;
      if (i >= n) fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
      const tag = input.slice(begin + 1, i).toLowerCase();
      if (!HTML_TAGS.has(tag)) fail(`Unsupported start tag "${tag}" at byte offset ${byteAt(begin)}`);

      let arg = "";
      let hasHref = false;
      while (input[i] !== ">") {
        while (i < n && isHtmlSpace(input[i])) i++;
        if (i >= n) fail(`Unclosed start tag "${tag}" at byte offset ${byteAt(begin)}`);
        if (input[i] === ">") break;
        const nameStart = i;
        while (i < n && !isHtmlSpace(input[i]) && input[i] !== "=" && input[i] !== ">") i++;
        const attr = input.slice(nameStart, i).toLowerCase();
        if (!attr) fail(`Empty attribute name in the tag "${tag}" at byte offset ${byteAt(begin)}`);
        while (i < n && isHtmlSpace(input[i])) i++;
        if (i >= n) fail(`Unclosed start tag "${tag}" at byte offset ${byteAt(begin)}`);
        if (input[i] !== "=") {
          // The only value-less attribute Telegram understands: <blockquote expandable>.
          if (tag === "blockquote" && attr === "expandable") {
            arg = "expandable";
            continue;
          }
          fail(`Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${byteAt(begin)}`);
        }
        i++;
        while (i < n && isHtmlSpace(input[i])) i++;
        if (i >= n) fail(`Unclosed start tag "${tag}" at byte offset ${byteAt(begin)}`);
        let value = "";
        if (input[i] !== '"' && input[i] !== "'") {
          // An unquoted name token: letters, digits, "." and "-" (case-insensitive).
          const tokenStart = i;
          while (i < n && /[A-Za-z0-9.\-]/.test(input[i]!)) i++;
          value = input.slice(tokenStart, i).toLowerCase();
          if (i < n && !isHtmlSpace(input[i]) && input[i] !== ">") {
            fail(`Unexpected end of name token at byte offset ${byteAt(tokenStart)}`);
          }
        } else {
          const quote = input[i++];
          while (i < n && input[i] !== quote) {
            const decoded = input[i] === "&" ? decodeHtmlEntity(input, i) : null;
            if (decoded) {
              value += decoded.ch;
              i = decoded.end;
            } else {
              value += input[i++];
            }
          }
          if (input[i] === quote) i++;
        }
        if (i >= n) fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
        if (tag === "a" && attr === "href") {
          arg = value;
          hasHref = true;
        } else if (tag === "code" && attr === "class" && value.startsWith("language-")) {
          arg = value.slice("language-".length);
        } else if (tag === "span" && attr === "class" && value.startsWith("tg-")) {
          arg = value.slice(3);
        } else if (tag === "tg-emoji" && attr === "emoji-id") {
          arg = value;
        } else if (tag === "blockquote" && attr === "expandable") {
          arg = "expandable";
        }
      }
      if (tag === "span" && arg !== "spoiler") {
        fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteAt(begin)}`);
      }
      if (tag === "tg-emoji" && !/^\d+$/.test(arg)) {
        fail(`Tag "tg-emoji" must have attribute "emoji-id" with a custom emoji identifier at byte offset ${byteAt(begin)}`);
      }
      // Telegram turns <a> without href into a link to its own text. EMULATOR-STRICT: href required.
      if (strict && tag === "a" && !hasHref) fail(`Tag "a" must have attribute "href" at byte offset ${byteAt(begin)}`);
      open.push({ tag, arg, start: out.length, hasHref });
    } else {
      // ── end tag ──
      if (open.length === 0) fail(`Unexpected end tag at byte offset ${byteAt(begin)}`);
      i++;
      const nameStart = i;
      while (i < n && !isHtmlSpace(input[i]) && input[i] !== ">") i++;
      const endName = input.slice(nameStart, i).toLowerCase();
      while (i < n && isHtmlSpace(input[i])) i++;
      if (input[i] !== ">") fail(`Unclosed end tag at byte offset ${byteAt(begin)}`);
      const top = open.pop()!;
      if (endName !== "" && endName !== top.tag) {
        fail(`Unmatched end tag at byte offset ${byteAt(begin)}, expected "</${top.tag}>", found "</${endName}>"`);
      }
      const length = out.length - top.start;
      if (length === 0) continue; // empty entities are dropped
      const entity: MessageEntity & { order: number } = {
        type: TAG_ENTITY[top.tag]!,
        offset: top.start,
        length,
        order: order++,
      };
      if (top.tag === "a") entity.url = top.hasHref ? top.arg : out.slice(top.start);
      if (top.tag === "tg-emoji") entity.custom_emoji_id = top.arg;
      if (top.tag === "blockquote" && top.arg === "expandable") entity.type = "expandable_blockquote";
      if (top.tag === "code" && top.arg) entity.language = top.arg; // folded into an enclosing <pre> below
      if (top.tag === "pre") {
        // <pre><code class="language-x">…</code></pre> is a pre block with a language.
        const inner = entities.findIndex(
          (e) => e.type === "code" && e.offset === entity.offset && e.length === entity.length,
        );
        if (inner >= 0) {
          const code = entities.splice(inner, 1)[0]!;
          if (code.language) entity.language = code.language;
        }
      }
      entities.push(entity);
    }
  }
  if (open.length > 0) fail(`Can't find end tag corresponding to start tag "${open[open.length - 1]!.tag}"`);

  const result = entities
    .sort((a, b) => a.offset - b.offset || b.length - a.length || a.order - b.order)
    .map(({ order: _order, ...e }) => {
      if (e.type === "code") delete e.language; // a language only survives on pre
      return e;
    });
  return { text: out, entities: result };
}

/** Telegram strips leading/trailing whitespace of message text; entities are clipped to match. */
function trimFormatted(text: string, entities: MessageEntity[]): { text: string; entities: MessageEntity[] } {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const end = lead + trimmed.length;
  const clipped = entities
    .map((e) => {
      const s = Math.max(e.offset, lead);
      const t = Math.min(e.offset + e.length, end);
      return { ...e, offset: s - lead, length: t - s };
    })
    .filter((e) => e.length > 0);
  return { text: trimmed, entities: clipped };
}

// ───────────────────────────── small helpers ─────────────────────────────

/** JSON with sorted keys and without null/undefined, for "is this the same content" comparisons. */
function canonical(value: unknown): string {
  const norm = (v: any): any => {
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === "object") {
      const o: Record<string, any> = {};
      for (const k of Object.keys(v).sort()) if (v[k] !== undefined && v[k] !== null) o[k] = norm(v[k]);
      return o;
    }
    return v;
  };
  return JSON.stringify(norm(value) ?? null);
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/** Parameters may arrive as JSON values or (query string / urlencoded) strings. */
function asInt(v: unknown, name: string): number | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isInteger(n)) throw badRequest(`invalid ${name} specified`);
  return n;
}
function asBool(v: unknown): boolean {
  return v === true || v === "true" || v === 1 || v === "1";
}
function asString(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === "string" ? v : String(v);
}
function asJson(v: unknown, errorText: string): any {
  if (typeof v !== "string") return v;
  if (v === "") return undefined;
  try {
    return JSON.parse(v);
  } catch {
    throw badRequest(errorText);
  }
}

// ───────────────────────────── state ─────────────────────────────

interface UserState {
  user: TgUser;
  /** Has a private chat with the bot (pressed Start / sent a message). */
  started: boolean;
  blocked: boolean;
  deactivated: boolean;
}

interface StoredMessage {
  chatId: number;
  fromBot: boolean;
  /** Current Telegram Message JSON (edits applied). */
  msg: TgMessage;
  /** Bot messages: current text as sent by the bot (HTML source). */
  source?: string;
  deleted: boolean;
}

interface ChatState {
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

interface PendingPoll {
  limit: number;
  timer: NodeJS.Timeout;
  finish: (result: TgUpdate[] | TelegramError | typeof ABORTED) => void;
}

const ABORTED = Symbol("aborted");

type Handler = (params: Record<string, any>, ctx: { res: http.ServerResponse }) => unknown;

// ───────────────────────────── the emulator ─────────────────────────────

export class Emulator {
  readonly token: string;
  readonly botInfo: TgUser & Record<string, unknown>;
  /** Mutable at run time. */
  latencyMs: number;
  privacyMode: boolean;
  strictHtml: boolean;

  /** Every request, in arrival order. */
  readonly calls: CallRecord[] = [];
  /** Every message successfully delivered by sendMessage, in order. */
  readonly sent: SentRecord[] = [];
  /** Every accepted answerCallbackQuery. */
  readonly answers: CallbackAnswer[] = [];
  readonly stats: EmulatorStats = { calls: 0, sent: 0, tooMany: 0, errors: {} };

  private server!: http.Server;
  private port = 0;
  private closed = false;
  private limits: Required<LimitsConfig> | null = null;

  private users = new Map<number, UserState>();
  private chats = new Map<number, ChatState>();
  private queue: TgUpdate[] = [];
  private nextUpdateId = 700_000_001;
  private allowedUpdates: Set<string> | null = null;
  private pendingPoll: PendingPoll | null = null;
  private wakeScheduled = false;
  private webhookUrl = "";
  private callbackQueries = new Map<string, { answered: boolean }>();
  private commandSets = new Map<string, { scope: any; language_code: string; commands: { command: string; description: string }[] }>();
  private menuButtons = new Map<string, any>();
  private descriptions = new Map<string, string>();
  private faults: FaultRule[] = [];
  private globalWindow: number[] = [];
  private chatWindows = new Map<number, number[]>();
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
    this.privacyMode = opts.privacyMode ?? true;
    this.strictHtml = opts.strictHtml ?? true;
    this.setLimits(opts.limits ?? false);
  }

  /** "http://127.0.0.1:PORT" — grammY's `client.apiRoot`. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** True while a long-polling getUpdates is waiting. */
  get isPolling(): boolean {
    return this.pendingPoll !== null;
  }

  /** Turns flood limits on/off or changes them at run time. */
  setLimits(limits: boolean | LimitsConfig): void {
    this.limits = limits === false ? null : { ...DEFAULT_LIMITS, ...(limits === true ? {} : limits) };
    this.globalWindow = [];
    this.chatWindows.clear();
  }

  async listen(): Promise<void> {
    this.server = http.createServer((req, res) => {
      this.onRequest(req, res).catch((err) => {
        // A bug in the emulator itself: make it loud, but answer like Telegram's 500.
        console.error("[emulator] internal error:", err);
        if (!res.headersSent) this.writeJson(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
      });
    });
    // Clients (grammY uses keep-alive) must not race the server closing idle sockets.
    this.server.keepAliveTimeout = 120_000;
    this.server.headersTimeout = 121_000;
    this.server.requestTimeout = 0; // long polls
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    // A forgotten close() should not keep the test process alive on its own.
    this.server.unref();
  }

  /** Stops the server, drops all connections (pending long polls included). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.pendingPoll) this.pendingPoll.finish(ABORTED);
    for (const w of [...this.waiters]) w(); // waiters see `closed` and reject
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ───────────── test setup: users and chats ─────────────

  /** Registers a user without a private chat: the bot "can't initiate conversation" with them. */
  addUser(user: UserLike): TgUser {
    return this.ensureUser(user).user;
  }

  /** A user who has started the bot: sendMessage to their id works. */
  addPrivateChat(user: UserLike): TgUser {
    const state = this.ensureUser(user);
    state.started = true;
    this.privateChat(state.user.id);
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
    const chat = this.newChat(group.id, type, {
      title: group.title,
      username: group.username?.replace(/^@/, ""),
      isForum: !!group.is_forum,
      botStatus: group.bot ?? "member",
    });
    for (const [id, status] of Object.entries(group.members ?? {})) {
      this.ensureUser({ id: Number(id) });
      chat.members.set(Number(id), status);
    }
    return this.chatJson(chat);
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
    const chat = this.newChat(channel.id, "channel", {
      title: channel.title,
      username: channel.username?.replace(/^@/, ""),
      isForum: false,
      botStatus: botIsAdmin ? "administrator" : "left",
      botCanPost: botIsAdmin && (channel.botCanPost ?? true),
    });
    (channel.admins ?? []).forEach((id, i) => {
      this.ensureUser({ id });
      chat.members.set(id, i === 0 ? "creator" : "administrator");
    });
    return this.chatJson(chat);
  }

  /** Deletes a forum topic: sending into it then fails with "message thread not found". */
  deleteTopic(chatId: ChatId, threadId: number): void {
    const chat = this.requireChat(chatId);
    if (!chat.topics.delete(threadId)) throw new Error(`deleteTopic: chat ${chat.id} has no topic ${threadId}`);
  }

  /** Creates a forum topic in a forum supergroup; returns its message_thread_id. */
  addTopic(chatId: ChatId, name: string): number {
    const chat = this.requireChat(chatId);
    if (!chat.isForum) throw new Error(`addTopic: chat ${chat.id} is not a forum`);
    const msg = this.storeMessage(chat, { fromBot: false, fields: { forum_topic_created: { name, icon_color: 7322096 } } });
    chat.topics.set(msg.message_id, name);
    msg.message_thread_id = msg.message_id;
    msg.is_topic_message = true;
    return msg.message_id;
  }

  /** Sets a member's status in a group or channel. */
  setMember(chatId: ChatId, userId: number, status: MemberStatus): void {
    this.ensureUser({ id: userId });
    this.requireChat(chatId).members.set(userId, status);
  }

  /**
   * Sets the bot's own status in a group/supergroup/channel. With `notify`, a
   * my_chat_member update is queued as Telegram would send it.
   */
  setBotStatus(chatId: ChatId, status: MemberStatus, opts: { notify?: boolean; canPost?: boolean } = {}): void {
    const chat = this.requireChat(chatId);
    if (chat.type === "private") throw new Error("setBotStatus: use block()/unblock() for private chats");
    const old = chat.botStatus;
    chat.botStatus = status;
    if (chat.type === "channel") chat.botCanPost = status === "administrator" && (opts.canPost ?? true);
    if (opts.notify) this.pushMyChatMember(chat, old, status, this.someAdmin(chat));
  }

  /** The bot is removed (kicked) from a group/supergroup/channel: sends there get 403. */
  kick(chatId: ChatId, opts: { notify?: boolean } = {}): void {
    this.setBotStatus(chatId, "kicked", opts);
  }

  /** The user blocks the bot: sends to them get 403 "bot was blocked by the user". */
  block(userId: number, opts: { notify?: boolean } = {}): void {
    const state = this.requireUser(userId);
    state.blocked = true;
    if (opts.notify) this.pushMyChatMember(this.privateChat(userId), "member", "kicked", state.user);
  }

  unblock(userId: number, opts: { notify?: boolean } = {}): void {
    const state = this.requireUser(userId);
    state.blocked = false;
    if (opts.notify) this.pushMyChatMember(this.privateChat(userId), "kicked", "member", state.user);
  }

  /** The user deletes their account: sends to them get 403 "user is deactivated". */
  deactivate(userId: number): void {
    this.requireUser(userId).deactivated = true;
  }

  /**
   * Upgrades a basic group to a supergroup, as Telegram does when a group grows
   * or gets certain settings: the old id then answers 400 "group chat was
   * upgraded to a supergroup chat" with parameters.migrate_to_chat_id, and the
   * new supergroup (same title, members and bot status) exists. With `notify`,
   * the two service messages (migrate_to_chat_id / migrate_from_chat_id) are queued.
   */
  migrate(groupId: number, newSupergroupId: number, opts: { notify?: boolean } = {}): TgChat {
    const old = this.requireChat(groupId);
    if (old.type !== "group") throw new Error(`migrate: chat ${groupId} is a ${old.type}, not a basic group`);
    if (!String(newSupergroupId).startsWith("-100")) {
      throw new Error(`migrate: supergroup ids look like -100XXXXXXXXXX (got ${newSupergroupId})`);
    }
    const sg = this.newChat(newSupergroupId, "supergroup", {
      title: old.title,
      isForum: false,
      botStatus: old.botStatus,
    });
    for (const [id, status] of old.members) sg.members.set(id, status);
    old.migratedTo = newSupergroupId;
    if (opts.notify && (old.botStatus === "member" || old.botStatus === "administrator" || old.botStatus === "creator")) {
      const from = this.someAdmin(old);
      const m1 = this.storeMessage(old, { fromBot: false, from, fields: { migrate_to_chat_id: newSupergroupId } });
      this.pushUpdate({ message: m1 });
      const m2 = this.storeMessage(sg, { fromBot: false, from, fields: { migrate_from_chat_id: groupId } });
      this.pushUpdate({ message: m2 });
    }
    return this.chatJson(sg);
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

  // ───────────── driving the bot as a user ─────────────

  /**
   * Queues an update of any kind (my_chat_member, channel_post, …). update_id is
   * assigned if missing. Returns the queued update.
   */
  pushUpdate(raw: Omit<TgUpdate, "update_id"> & { update_id?: number }): TgUpdate {
    const update = { ...raw, update_id: raw.update_id ?? this.nextUpdateId++ } as TgUpdate;
    if (update.update_id >= this.nextUpdateId) this.nextUpdateId = update.update_id + 1;
    this.queue.push(update);
    const chatId = this.updateChatId(update);
    if (chatId !== undefined) this.lastInputMark.set(chatId, this.sent.length);
    this.scheduleWake();
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
    const { chat, user } = this.resolveSender(who);
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
    if (replyTo) fields.reply_to_message = clone(replyTo.msg);
    const msg = this.storeMessage(chat, { fromBot: false, from: user, fields, threadId });

    if (this.botReceives(chat, text, command, replyTo)) this.pushUpdate({ message: clone(msg) });
    return clone(msg);
  }

  /** A post in a channel (the bot receives channel_post updates while it is an admin there). */
  channelPost(channelId: ChatId, text: string): TgMessage {
    const chat = this.requireChat(channelId);
    if (chat.type !== "channel") throw new Error(`channelPost: chat ${chat.id} is not a channel`);
    const msg = this.storeMessage(chat, { fromBot: false, fields: { text, sender_chat: this.chatJson(chat) } });
    if (chat.botStatus === "administrator") this.pushUpdate({ channel_post: clone(msg) });
    return clone(msg);
  }

  /**
   * The user presses an inline button on a bot message, found by exact text or
   * callback_data on the message's *current* keyboard. Queues a callback_query
   * update and returns the CallbackQuery. Throws (listing the buttons) if none matches.
   */
  press(user: UserLike, message: MessageRef, buttonTextOrData: string): TgCallbackQuery {
    const stored = this.findStored(message);
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
    const from = this.ensureUser(user).user;
    const query: TgCallbackQuery = {
      id: String(this.nextQueryId++),
      from,
      message: clone(stored.msg),
      chat_instance: String(BigInt(stored.chatId) * 7919n + 1234567n),
      data: button.callback_data,
    };
    this.callbackQueries.set(query.id, { answered: false });
    this.pushUpdate({ callback_query: query });
    return clone(query);
  }

  /** Flat list of the inline buttons on a message (its current state if the emulator knows it). */
  buttons(message: MessageRef | { reply_markup?: any }): ButtonInfo[] {
    const stored = "message_id" in message ? this.findStored(message as MessageRef) : undefined;
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
    const chat = this.requireChat(chatId);
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
        message: clone(m.msg),
      }));
  }

  /** Messages delivered to a chat, in order (as sent; use messagesIn for the current state). */
  sentTo(chatId: ChatId): SentRecord[] {
    const id = this.chatKey(chatId);
    return this.sent.filter((s) => s.chat_id === id);
  }

  /** Commands stored for a scope (default {type:"default"}) and language ("" = all languages). */
  commands(scope: object = { type: "default" }, languageCode = ""): { command: string; description: string }[] {
    const key = this.commandKey(this.normalizeScope(scope, false), languageCode);
    return clone(this.commandSets.get(key)?.commands ?? []);
  }

  /** Every stored command list, for debugging. */
  allCommandSets(): { scope: any; language_code: string; commands: { command: string; description: string }[] }[] {
    return clone([...this.commandSets.values()]);
  }

  /** The menu button set for a private chat (or the default one). */
  menuButton(chatId?: number): any {
    return clone(this.menuButtons.get(chatId === undefined ? "default" : String(chatId)) ?? { type: "default" });
  }

  /** Updates queued and not yet confirmed by the bot. */
  pendingUpdates(): TgUpdate[] {
    return clone(this.queue);
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
    const id = this.chatKey(chatId);
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

  // ───────────── HTTP plumbing ─────────────

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = /^\/bot([^/]*)\/([^/]*)$/.exec(url.pathname);
    if (!match) return this.writeJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const body = await readBody(req);
    if (match[1] !== this.token) {
      return this.writeJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    // Method names are case-insensitive in the Bot API.
    const requested = decodeURIComponent(match[2]!);
    const entry = this.handlers.get(requested.toLowerCase());
    const call: CallRecord = {
      index: this.calls.length,
      method: entry?.name ?? requested,
      params: {},
      at: Date.now(),
      done: false,
    };
    this.calls.push(call);
    this.stats.calls++;

    try {
      call.params = parseParams(url, req.headers["content-type"], body);
    } catch {
      this.notify();
      return this.answer(call, res, new TelegramError(400, "Bad Request: can't parse JSON object"));
    }
    this.notify();

    const fault = this.takeFault(call);
    if (fault?.kind === "drop") {
      Object.assign(call, { done: true, ok: false, error: "(connection dropped by emulator)" });
      this.notify();
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "fail") {
      const e = fault.error!;
      return this.answer(call, res, new TelegramError(e.error_code, e.description, e.parameters), fault.rawBody);
    }
    if (!entry) return this.answer(call, res, new TelegramError(404, "Not Found: method not found"));

    let outcome: unknown;
    try {
      outcome = await entry.handler(call.params, { res });
    } catch (err) {
      if (!(err instanceof TelegramError)) throw err;
      outcome = err;
    }
    if (outcome === ABORTED) {
      // The client went away (e.g. grammY aborted its long poll on bot.stop()).
      Object.assign(call, { done: true, ok: false, error: "(client disconnected)" });
      this.notify();
      return;
    }
    this.answer(call, res, outcome);
  }

  /** Sends a result or TelegramError, records it, and applies the simulated latency. */
  private answer(call: CallRecord, res: http.ServerResponse, outcome: unknown, rawBody?: string): void {
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
      if (rawBody !== undefined) this.write(res, outcome.error_code, rawBody, "text/html");
      else this.writeJson(res, outcome.error_code, body);
    } else {
      call.ok = true;
      call.result = outcome;
      this.notify();
      this.writeJson(res, 200, { ok: true, result: outcome });
    }
  }

  private writeJson(res: http.ServerResponse, status: number, body: unknown): void {
    this.write(res, status, JSON.stringify(body), "application/json");
  }

  private write(res: http.ServerResponse, status: number, body: string, type: string): void {
    const send = () => {
      if (res.destroyed || res.writableEnded) return;
      res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
      res.end(body);
    };
    if (this.latencyMs > 0) setTimeout(send, this.latencyMs);
    else send();
  }

  private takeFault(call: CallRecord): FaultRule | undefined {
    const method = call.method.toLowerCase();
    const rule = this.faults.find(
      (f) => f.method === method && (f.chatId === undefined || this.chatKey(f.chatId) === this.chatKey(call.params.chat_id)),
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

  // ───────────── state helpers ─────────────

  private ensureUser(user: UserLike): UserState {
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

  private requireUser(userId: number): UserState {
    const state = this.users.get(userId);
    if (!state) throw new Error(`unknown user ${userId} (addPrivateChat/addUser first)`);
    return state;
  }

  private newChat(
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
  private privateChat(userId: number): ChatState {
    return this.chats.get(userId) ?? this.newChat(userId, "private", { isForum: false, botStatus: "member" });
  }

  private requireChat(chatId: ChatId): ChatState {
    const key = this.chatKey(chatId);
    const chat = typeof key === "number" ? this.chats.get(key) : undefined;
    if (!chat) throw new Error(`unknown chat ${chatId}`);
    return chat;
  }

  /** A chat id or "@username" → numeric id if known (else the lower-cased string / NaN). */
  private chatKey(chatId: unknown): number | string {
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

  private chatJson(chat: ChatState): TgChat {
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

  private get botUser(): TgUser {
    const { id, is_bot, first_name, username } = this.botInfo;
    return { id, is_bot, first_name, username };
  }

  private storeMessage(
    chat: ChatState,
    o: { fromBot: boolean; from?: TgUser; fields: Record<string, unknown>; threadId?: number; source?: string },
  ): TgMessage {
    const msg: TgMessage = { message_id: chat.nextMessageId++, date: nowSeconds(), chat: this.chatJson(chat) };
    if (chat.type === "channel") msg.sender_chat = this.chatJson(chat);
    else if (o.fromBot) msg.from = this.botUser;
    else if (o.from) msg.from = clone(o.from);
    if (o.threadId !== undefined) {
      msg.message_thread_id = o.threadId;
      if (chat.isForum) msg.is_topic_message = true;
    }
    Object.assign(msg, o.fields);
    // Key order like Telegram's (message_id, from, chat, date, ...) is irrelevant to JSON consumers.
    chat.messages.set(msg.message_id, { chatId: chat.id, fromBot: o.fromBot, msg, source: o.source, deleted: false });
    return msg;
  }

  private findStored(ref: MessageRef): StoredMessage | undefined {
    const chatId = ref.chat_id ?? ref.chat?.id;
    if (chatId === undefined) return undefined;
    return this.chats.get(chatId)?.messages.get(ref.message_id);
  }

  private resolveSender(who: UserLike | { chat: ChatId | { id: number }; from: UserLike }): { chat: ChatState; user: TgUser } {
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
  private startedUser(userId: number): TgUser {
    const state = this.requireUser(userId);
    if (state.blocked) throw new Error(`userSends: user ${userId} has blocked the bot (call unblock() first)`);
    if (state.deactivated) throw new Error(`userSends: user ${userId} is deactivated`);
    state.started = true;
    this.privateChat(userId);
    return state.user;
  }

  /** Does Telegram deliver this user message to the bot? (membership + group privacy mode) */
  private botReceives(chat: ChatState, text: string, command: RegExpExecArray | null, replyTo?: StoredMessage): boolean {
    if (chat.type === "private") return true;
    if (!["member", "administrator", "creator"].includes(chat.botStatus)) return false;
    const username = String(this.botInfo.username).toLowerCase();
    if (command?.[1] && command[1].slice(1).toLowerCase() !== username) return false; // a command for another bot
    if (!this.privacyMode || chat.botStatus === "administrator" || chat.botStatus === "creator") return true;
    return !!command || (replyTo?.fromBot ?? false) || text.toLowerCase().includes(`@${username}`);
  }

  private someAdmin(chat: ChatState): TgUser {
    for (const [id, status] of chat.members) if (status === "creator") return this.users.get(id)!.user;
    for (const [id, status] of chat.members) if (status === "administrator") return this.users.get(id)!.user;
    return this.ensureUser({ id: 777000, first_name: "Telegram" }).user;
  }

  private pushMyChatMember(chat: ChatState, oldStatus: MemberStatus, newStatus: MemberStatus, from: TgUser): void {
    this.pushUpdate({
      my_chat_member: {
        chat: this.chatJson(chat),
        from,
        date: nowSeconds(),
        old_chat_member: this.memberJson(chat, this.botUser, oldStatus),
        new_chat_member: this.memberJson(chat, this.botUser, newStatus),
      },
    });
  }

  private memberJson(chat: ChatState, user: TgUser, status: MemberStatus): Record<string, unknown> {
    switch (status) {
      case "creator":
        return { status, user, is_anonymous: false };
      case "administrator": {
        const isBot = user.id === this.botInfo.id;
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

  private updateChatId(update: TgUpdate): number | undefined {
    const u = update as any;
    return (
      u.message?.chat?.id ?? u.edited_message?.chat?.id ?? u.channel_post?.chat?.id ??
      u.callback_query?.message?.chat?.id ?? u.my_chat_member?.chat?.id ?? u.chat_member?.chat?.id
    );
  }

  // ───────────── Bot API: chat lookup and access ─────────────

  /** chat_id (number, numeric string or "@username") → chat, or 400 "chat not found". */
  private resolveChat(chatId: unknown): ChatState {
    if (chatId === undefined || chatId === null || chatId === "") throw badRequest("chat_id is empty");
    const key = this.chatKey(chatId);
    const chat = typeof key === "number" ? this.chats.get(key) : undefined;
    // A user who never started the bot has no chat with it yet.
    if (!chat || (chat.type === "private" && !this.users.get(chat.id)?.started)) {
      if (typeof key === "number" && this.users.has(key)) throw forbidden("bot can't initiate conversation with a user");
      throw badRequest("chat not found");
    }
    return chat;
  }

  /** Telegram's answers when the bot may not write into a chat. */
  private checkWriteAccess(chat: ChatState): void {
    this.checkMigrated(chat);
    if (chat.type === "private") {
      const u = this.users.get(chat.id)!;
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
    const now = Date.now();
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
    return clone({ inline_keyboard: rows });
  }

  private messageId(value: unknown): number {
    const id = asInt(value, "message_id");
    if (id === undefined) throw badRequest("message identifier is not specified");
    return id;
  }

  private normalizeScope(value: unknown, resolve: boolean): any {
    const scope = asJson(value, "can't parse BotCommandScope JSON object") ?? { type: "default" };
    if (typeof scope !== "object" || !SCOPE_TYPES.has(scope.type)) throw badRequest("unsupported bot command scope type");
    const out: Record<string, unknown> = { type: scope.type };
    if (["chat", "chat_administrators", "chat_member"].includes(scope.type)) {
      out.chat_id = resolve ? this.resolveChat(scope.chat_id).id : this.chatKey(scope.chat_id);
    }
    if (scope.type === "chat_member") out.user_id = asInt(scope.user_id, "user_id");
    return out;
  }

  private commandKey(scope: unknown, languageCode: string): string {
    return `${canonical(scope)}|${languageCode}`;
  }

  private languageCode(value: unknown): string {
    const lang = asString(value) ?? "";
    if (lang !== "" && !/^[a-z]{2}$/.test(lang)) throw badRequest("invalid language code specified");
    return lang;
  }

  // ───────────── Bot API: methods ─────────────

  private readonly handlers = new Map<string, { name: string; handler: Handler }>(
    Object.entries({
      getMe: () => this.botInfo,
      logOut: () => true,
      close: () => true,

      setWebhook: (p) => {
        this.webhookUrl = asString(p.url) ?? "";
        if (asBool(p.drop_pending_updates)) this.queue = [];
        return true;
      },
      deleteWebhook: (p) => {
        this.webhookUrl = "";
        if (asBool(p.drop_pending_updates)) this.queue = [];
        return true;
      },
      getWebhookInfo: () => {
        const info: Record<string, unknown> = {
          url: this.webhookUrl, has_custom_certificate: false, pending_update_count: this.queue.length,
        };
        if (this.allowedUpdates) info.allowed_updates = [...this.allowedUpdates];
        return info;
      },

      getUpdates: (p, ctx) => this.getUpdates(p, ctx.res),

      sendMessage: (p) => this.sendMessage(p),
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
        stored.msg.reaction = clone(reaction);
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
        const info: Record<string, unknown> = { ...this.chatJson(chat), accent_color_id: 0, max_reaction_count: 11 };
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
          return this.memberJson(chat, this.botUser, chat.type === "private" ? "member" : chat.botStatus);
        }
        const user = this.users.get(userId);
        if (!user) throw badRequest("user not found");
        if (chat.type === "private") return this.memberJson(chat, user.user, chat.id === userId ? "member" : "left");
        return this.memberJson(chat, user.user, chat.members.get(userId) ?? "left");
      },
      getChatAdministrators: (p) => {
        const chat = this.resolveChat(p.chat_id);
        this.checkMigrated(chat);
        if (chat.type === "private") throw badRequest("there are no administrators in the private chat");
        this.checkMembership(chat);
        const admins = [...chat.members]
          .filter(([, s]) => s === "creator" || s === "administrator")
          .map(([id, s]) => this.memberJson(chat, this.users.get(id)!.user, s));
        if (chat.botStatus === "administrator") admins.push(this.memberJson(chat, this.botUser, "administrator"));
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

  /**
   * getUpdates: `offset` confirms (forgets) every update with a smaller id
   * (negative: keep only the last |offset|), `limit` 1–100, `timeout` seconds of
   * long polling — answered as soon as an update arrives. `allowed_updates` is
   * remembered for later calls. A new waiting request terminates a pending one
   * with 409 (the *older* request gets the 409, as on Telegram's server).
   */
  private getUpdates(p: Record<string, any>, res: http.ServerResponse): TgUpdate[] | Promise<unknown> {
    if (this.webhookUrl) throw new TelegramError(409, CONFLICT_WEBHOOK);
    const offset = asInt(p.offset, "offset") ?? 0;
    let limit = asInt(p.limit, "limit") ?? 100;
    if (limit < 1 || limit > 100) limit = 100;
    const timeout = Math.max(0, asInt(p.timeout, "timeout") ?? 0);
    const allowed = asJson(p.allowed_updates, "can't parse allowed_updates JSON object");
    if (Array.isArray(allowed)) this.allowedUpdates = allowed.length ? new Set(allowed.map(String)) : null;

    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    else if (offset < 0) this.queue = this.queue.slice(offset);

    const ready = this.takeUpdates(limit);
    if (ready.length > 0 || timeout === 0) return ready;

    if (this.pendingPoll) this.pendingPoll.finish(new TelegramError(409, CONFLICT_GET_UPDATES));
    return new Promise((resolve) => {
      const poll: PendingPoll = {
        limit,
        timer: setTimeout(() => poll.finish([]), timeout * 1000),
        finish: (result) => {
          clearTimeout(poll.timer);
          if (this.pendingPoll === poll) this.pendingPoll = null;
          resolve(result);
        },
      };
      this.pendingPoll = poll;
      res.on("close", () => {
        if (!res.writableEnded && this.pendingPoll === poll) poll.finish(ABORTED);
      });
    });
  }

  /** Unconfirmed updates the bot asked for (updates of types it does not want are dropped). */
  private takeUpdates(limit: number): TgUpdate[] {
    const wanted = (u: TgUpdate) => {
      const type = Object.keys(u).find((k) => k !== "update_id") ?? "";
      return this.allowedUpdates ? this.allowedUpdates.has(type) : !NOT_DEFAULT_UPDATES.has(type);
    };
    this.queue = this.queue.filter(wanted);
    return clone(this.queue.slice(0, limit));
  }

  /** Answers a waiting long poll; batched so that several pushes in one tick arrive together. */
  private scheduleWake(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      const poll = this.pendingPoll;
      if (!poll) return;
      const ready = this.takeUpdates(poll.limit);
      if (ready.length) poll.finish(ready);
    });
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
    if (replyTo) fields.reply_to_message = clone(replyTo.msg);
    const msg = this.storeMessage(chat, { fromBot: true, fields, threadId, source: String(p.text) });

    const record: SentRecord = {
      index: this.sent.length,
      chat_id: chat.id,
      message_id: msg.message_id,
      text: String(p.text),
      plainText: plain,
      entities: clone(entities),
      date: msg.date,
      at: Date.now(),
      message: clone(msg),
    };
    if (p.parse_mode !== undefined) record.parse_mode = asString(p.parse_mode);
    if (markup !== undefined) record.reply_markup = clone(markup);
    if (threadId !== undefined) record.message_thread_id = threadId;
    if (replyTo) record.reply_to_message_id = replyTo.msg.message_id;
    if (p.disable_notification !== undefined) record.disable_notification = asBool(p.disable_notification);
    if (p.allow_paid_broadcast !== undefined) record.allow_paid_broadcast = paid;
    this.sent.push(record);
    this.stats.sent++;
    this.notify();
    return clone(msg);
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

    if (formatted) {
      stored.msg.text = formatted.plain;
      if (formatted.entities.length) stored.msg.entities = formatted.entities;
      else delete stored.msg.entities;
      stored.source = String(p.text);
    }
    if (inline) stored.msg.reply_markup = inline;
    else delete stored.msg.reply_markup;
    stored.msg.edit_date = nowSeconds();
    return clone(stored.msg);
  }
}

// ───────────────────────────── request parsing ─────────────────────────────

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Query string + JSON or urlencoded body → params (later sources win). */
function parseParams(url: URL, contentType: string | undefined, body: string): Record<string, any> {
  const params: Record<string, any> = Object.fromEntries(url.searchParams);
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (body.trim() === "") return params;
  if (type === "application/json" || (type === "" && /^\s*\{/.test(body))) {
    const parsed = JSON.parse(body);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    return Object.assign(params, parsed);
  }
  if (type === "application/x-www-form-urlencoded") return Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
  // multipart/form-data is only needed for file uploads, which Parley does not do.
  throw new Error(`unsupported content type ${type}`);
}

/** Starts an emulator on 127.0.0.1 with a free port. */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = new Emulator(opts);
  await emulator.listen();
  return emulator;
}
