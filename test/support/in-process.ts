// Parley in the test's own process: the bot built by createBot, as main.ts builds it but with
// test parts — a fixed clock, a record from a small fixture, stores in a temporary directory,
// a fixed botInfo (no getMe) — and the Bot API emulator standing in for the network as the
// bot's `fetch`. Updates go straight to bot.handleUpdate; what comes back is every call the bot
// made, as the user sees it. A call Telegram would refuse (bad HTML, a button over 64 bytes,
// an edit of a message that is not there...) fails the test, as does an error a handler logs.
//
//   const parley = await startParley(t);
//   const [greeting] = await parley.say(ann, "/start");
//   assert.deepEqual(greeting.buttons, [["🗞 Latest", "📅 Coming up"], ["🔔 Subscribe"]]);
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestContext } from "node:test";
import { Api, type Bot } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { createBot } from "../../src/bot/create-bot.ts";
import type { BotDeps, ParleyContext } from "../../src/bot/context.ts";
import type { Logger } from "../../src/log.ts";
import { buildRecord } from "../../src/record/record.ts";
import { describeProblem, parseEventLog } from "../../src/record/validate.ts";
import { inProcessDeskWriter } from "../../src/editorial/desk-writer.ts";
import { RecordWriter } from "../../src/record-file/writer.ts";
import { RecordSource } from "../../src/record-file/source.ts";
import { createIngestion, type Ingestion } from "../../src/ingestion.ts";
import { createI18n } from "../../src/bot/reader.ts";
import type { FetchPage } from "../../src/feeds/fetch-page.ts";
import { FileChatPrefsStore } from "../../src/store/chats.ts";
import { FileSubscriptionStore } from "../../src/store/subscriptions.ts";
import { FileConversationStore } from "../../src/store/conversations.ts";
import { type CallRecord, Emulator, type TgMessage, type UserLike } from "./emulator.ts";
import { log } from "./fixtures.ts";
import { type InlineAnswer, isUpload } from "./emulator/media.ts";
import { buttonPress, groupMessage, type Group, inlineQuery, privateMessage } from "./updates.ts";

export interface ParleyOptions {
  /** Record entries (see fixtures.ts `entry`); default: none. */
  entries?: object[];
  tracks?: object[];
  /** The bot's clock, fixed: an ISO date-time. Default 2025-03-15T12:00:00Z. */
  now?: string;
  /** Editors (ADMIN_IDS). */
  adminIds?: number[];
  /** DEFAULT_TIMEZONE; default UTC. */
  defaultTimezone?: string;
  /**
   * The editorial desk and the drafts from the news, as main.ts wires them: the record in a file
   * of the state directory (the writer, the audit log and reloads on it), drafts.json beside it.
   * `log`: a whole record (tracks and entries) instead of `entries`/`tracks`.
   */
  desk?: { fetchPage?: FetchPage; log?: object };
  /** The state directory to use (a restart reopens the same one); default a new temporary one. */
  dir?: string;
}

/** One thing the bot did that a user sees: a message sent or edited, a button's answer. */
export interface Outgoing {
  /** sendMessage, editMessageText, answerCallbackQuery, ... */
  method: string;
  chatId?: number;
  /** The message sent or edited. */
  messageId?: number;
  /** What the user reads: the message text with markup applied, or a button's answer ("" if none). */
  text: string;
  /** The text as the bot wrote it (HTML source when parseMode is "HTML"). */
  source?: string;
  parseMode?: string;
  /** The inline keyboard's labels, row by row ([] when there is none). */
  buttons: string[][];
  /** answerCallbackQuery: shown as an alert the user must dismiss. */
  showAlert?: boolean;
  /** sendDocument, sendPhoto: the file as Telegram got it (`text` is its caption). */
  file?: { name: string; data: Buffer };
  /** answerInlineQuery: the results, and how Telegram may cache them. */
  inline?: InlineAnswer;
}

export const BOT_INFO: UserFromGetMe = {
  id: 123456789,
  is_bot: true,
  first_name: "Parley",
  username: "parley_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe;

export class InProcessParley {
  /** The Bot API as Telegram would answer: chats, messages, every call (see emulator.ts). */
  readonly telegram: Emulator;
  readonly bot: Bot<ParleyContext>;
  readonly deps: BotDeps;
  /** Errors the bot logged; any new one fails the update that caused it. */
  readonly errors: string[] = [];
  /** Things the bot logged as warnings (a copy it could not send...). */
  readonly warnings: string[] = [];
  readonly dir: string;
  /** With `desk`: the drafts' intake, store and desk, as main.ts gets them. */
  readonly ingestion?: Ingestion;
  /** With `desk`: the record file the writer writes. */
  readonly recordFile?: string;

  /** The bot's clock (every part of it reads this one Date). */
  readonly #now: Date;

  /** Moves the bot's clock to an ISO date-time. */
  setNow(iso: string): void {
    this.#now.setTime(Date.parse(iso));
  }

  constructor(opts: ParleyOptions = {}, telegram?: Emulator) {
    this.telegram = telegram ?? new Emulator({ token: "123456789:in-process-test-token", botUsername: BOT_INFO.username, botName: BOT_INFO.first_name });
    const text = JSON.stringify(opts.desk?.log ?? log(opts.entries ?? [], opts.tracks));
    const parsed = parseEventLog(text, "events.json");
    if (!parsed.ok) throw new Error(`the fixture is not a valid record:\n${parsed.problems.map(describeProblem).join("\n")}`);
    this.dir = opts.dir ?? mkdtempSync(join(tmpdir(), "parley-feature-"));
    const fixed = buildRecord(parsed.log);
    let record = () => fixed;
    const prefs = FileChatPrefsStore.open(join(this.dir, "chats.json"));
    const now = new Date(opts.now ?? "2025-03-15T12:00:00Z");
    this.#now = now;
    const quiet = () => undefined;
    const logger: Logger = { debug: quiet, info: quiet, warn: (msg, extra) => this.warnings.push(`${msg} ${JSON.stringify(extra)}`), error: (msg, extra) => this.errors.push(`${msg} ${JSON.stringify(extra)}`) };
    let editorial: BotDeps["editorial"];
    if (opts.desk) {
      // The record as main.ts has it: a file, reread after each write.
      const state = join(this.dir, "state");
      mkdirSync(state, { recursive: true });
      this.recordFile = join(this.dir, "events.json");
      if (!opts.dir) writeFileSync(this.recordFile, text);
      const source = RecordSource.load(this.recordFile);
      record = () => source.record;
      const writer = inProcessDeskWriter(new RecordWriter({ file: this.recordFile, auditFile: join(state, "audit.jsonl"), clock: () => now }));
      const reloadRecord = async () => void (await source.reload());
      editorial = { writer, reloadRecord, conversations: FileConversationStore.open(join(state, "conversations.json")) };
      const i18n = createI18n();
      this.ingestion = createIngestion({
        record,
        writer,
        reloadRecord,
        api: new Api(this.telegram.token, { fetch: this.telegram.fetch as typeof fetch }),
        adminIds: opts.adminIds ?? [],
        prefs,
        translate: (lang, key, vars) => i18n.t(lang, key, vars),
        defaultTimezone: opts.defaultTimezone ?? "UTC",
        stateDir: state,
        clock: () => now,
        log: logger,
        fetchPage: opts.desk.fetchPage,
      });
    }
    this.deps = {
      record: () => record(),
      editorial,
      drafts: this.ingestion?.deps,
      prefs,
      subscriptions: FileSubscriptionStore.open(join(this.dir, "subscriptions.json")),
      clock: () => now,
      defaultTimezone: opts.defaultTimezone ?? "UTC",
      adminIds: opts.adminIds ?? [],
      log: logger,
    };
    this.bot = createBot({ token: this.telegram.token, botInfo: BOT_INFO, deps: this.deps, fetch: this.telegram.fetch as typeof fetch });
  }

  /** Hands one update to the bot; resolves with what it showed the user meanwhile (its lookups, such as getChatMember, are left out). */
  async send(update: Update): Promise<Outgoing[]> {
    this.telegram.receive(update as never);
    const since = this.telegram.calls.length;
    const errors = this.errors.length;
    await this.bot.handleUpdate(update);
    const calls = this.telegram.calls.slice(since);
    const refused = calls.filter((c) => c.done && !c.ok);
    if (refused.length) {
      throw new Error(`Telegram refused the bot's call(s):\n${refused.map((c) => `  ${c.method}: ${c.error}\n    ${JSON.stringify(c.params)}`).join("\n")}`);
    }
    if (this.errors.length > errors) throw new Error(`the bot logged an error:\n${this.errors.slice(errors).join("\n")}`);
    return calls.filter((c) => SEEN.has(c.method)).map((c) => this.outgoing(c));
  }

  private outgoing(call: CallRecord): Outgoing {
    const out = outgoing(call);
    const p = call.params;
    const file = p.document ?? p.photo;
    if (file !== undefined) {
      const sent = isUpload(file) ? file : this.telegram.media.files.get(String(file));
      if (sent) out.file = { name: sent.filename, data: sent.data };
      out.text = String((call.result as { caption?: string } | undefined)?.caption ?? "");
    }
    if (call.method === "answerInlineQuery") out.inline = this.telegram.media.inlineAnswers.find((a) => a.inline_query_id === p.inline_query_id);
    return out;
  }

  /**
   * Something done outside an update (a feed item handed to the intake): resolves with its
   * result and what users saw meanwhile, with the same checks as send().
   */
  async during<T>(act: () => Promise<T>): Promise<{ result: T; seen: Outgoing[] }> {
    const since = this.telegram.calls.length;
    const errors = this.errors.length;
    const result = await act();
    const calls = this.telegram.calls.slice(since);
    const refused = calls.filter((c) => c.done && !c.ok);
    if (refused.length) throw new Error(`Telegram refused the bot's call(s):\n${refused.map((c) => `  ${c.method}: ${c.error}`).join("\n")}`);
    if (this.errors.length > errors) throw new Error(`the bot logged an error:\n${this.errors.slice(errors).join("\n")}`);
    return { result, seen: calls.filter((c) => SEEN.has(c.method)).map((c) => this.outgoing(c)) };
  }

  /** A user writes in their private chat with the bot. */
  say(from: UserLike, text: string): Promise<Outgoing[]> {
    return this.send(privateMessage(from, text));
  }

  /** A user types "@bot <query>" in some chat. */
  ask(from: UserLike, query: string, offset = ""): Promise<Outgoing[]> {
    return this.send(inlineQuery(from, query, offset));
  }

  /** A user writes in a group. */
  sayIn(group: Group, from: UserLike, text: string): Promise<Outgoing[]> {
    return this.send(groupMessage(group, from, text));
  }

  /** A user presses the button labelled `label` under a message the bot sent, as it stands now. */
  press(from: UserLike, on: Pick<Outgoing, "chatId" | "messageId">, label: string): Promise<Outgoing[]> {
    const ref = { chat_id: on.chatId!, message_id: on.messageId! };
    const button = this.telegram.buttons(ref).find((b) => b.text === label);
    if (!button?.callback_data) {
      const labels = this.telegram.buttons(ref).map((b) => JSON.stringify(b.text));
      throw new Error(`no button ${JSON.stringify(label)} under message ${ref.message_id}; there are: ${labels.join(", ") || "none"}`);
    }
    const message = this.telegram.messagesIn(ref.chat_id).find((m) => m.message_id === ref.message_id)!.message;
    return this.send(buttonPress(from, message, button.callback_data));
  }

  /** Removes the temporary state directory (pass `t` to startParley to have it done for you). */
  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Waits for every state write, leaving the state directory in place (a restart reopens it). */
  async stop(): Promise<void> {
    await Promise.all([this.deps.prefs.flush(), this.deps.subscriptions.flush(), this.ingestion?.flush(), this.deps.editorial?.conversations.flush()]);
  }
}

/**
 * A Parley for one test, closed when `t` ends; for a whole file, pass `undefined` in a `before`
 * hook and close it in an `after` hook.
 */
export async function startParley(t: Pick<TestContext, "after"> | undefined, opts: ParleyOptions = {}): Promise<InProcessParley> {
  const parley = new InProcessParley(opts);
  await parley.bot.init();
  t?.after(() => parley.close());
  return parley;
}

/** The calls whose effect a user sees. */
const SEEN = new Set(["sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage", "answerCallbackQuery", "setMessageReaction", "sendDocument", "sendPhoto", "answerInlineQuery"]);

function outgoing(call: CallRecord): Outgoing {
  const p = call.params;
  const out: Outgoing = { method: call.method, text: "", buttons: labels(p.reply_markup) };
  if (p.chat_id !== undefined) out.chatId = Number(p.chat_id);
  const result = call.result as TgMessage | undefined;
  if (result && typeof result === "object" && "message_id" in result) {
    out.messageId = result.message_id;
    out.text = result.text ?? "";
  } else if (p.text !== undefined) {
    out.text = String(p.text);
  }
  if (call.method !== "answerCallbackQuery" && p.text !== undefined) out.source = String(p.text);
  if (p.parse_mode !== undefined) out.parseMode = p.parse_mode;
  if (p.show_alert !== undefined) out.showAlert = Boolean(p.show_alert);
  return out;
}

function labels(markup: unknown): string[][] {
  const rows = (markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? [];
  return rows.map((row) => row.map((b) => b.text)).filter((row) => row.length > 0);
}
