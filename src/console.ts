// `npm run console`: the same bot and handlers in the terminal, with no token and no network.
// An API transformer answers the bot's calls locally (this is the one place where Telegram is
// stood in for outside tests), prints each reply as text and numbers its buttons; typing a
// number presses that button, anything else is sent as a message.
import { createInterface } from "node:readline";
import { join } from "node:path";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import type { Message, Update, InlineKeyboardButton } from "grammy/types";
import { loadConfig, makeClock } from "./config.ts";
import { createBot } from "./bot/create-bot.ts";
import { createI18n } from "./bot/reader.ts";
import { plainText } from "./present/html.ts";
import { createLogger } from "./log.ts";
import { RecordSource } from "./record-file/source.ts";
import { FileChatPrefsStore } from "./store/chats.ts";
import { FileConversationStore } from "./store/conversations.ts";
import { openDeskWriter } from "./editorial/desk-writer.ts";
import { FileSubscriptionStore } from "./store/subscriptions.ts";

const FAKE_TOKEN = "100000:console-mode-no-token-needed-00000000";
const env = { ...process.env, BOT_TOKEN: FAKE_TOKEN };
const config = loadConfig(env);
const log = createLogger({ level: "warn" });
const source = RecordSource.load(join(config.dataDir, "events.json"));
// The console keeps its chat choices apart from the real bot's state.
const stateDir = mkdtempSync(join(tmpdir(), "parley-console-"));
const prefs = FileChatPrefsStore.open(join(stateDir, "chats.json"));
const subscriptions = FileSubscriptionStore.open(join(stateDir, "subscriptions.json"));
// The console's user is an editor: /add and /update write to DATA_DIR's record through the
// writer, as the bot does (same lock, same audit log), so a running bot sees the change.
const editorial = {
  writer: openDeskWriter({ file: source.file, auditFile: join(config.dataDir, "state", "audit.jsonl"), clock: makeClock(config.fakeNow) }),
  reloadRecord: async () => void (await source.reload()),
  conversations: FileConversationStore.open(join(stateDir, "conversations.json")),
};

const user = { id: 1000, is_bot: false, first_name: "You", language_code: process.env.CONSOLE_LANG ?? process.env.LANG?.slice(0, 2) ?? "en" };
const chat = { id: 1000, type: "private" as const, first_name: "You" };
const botInfo = {
  id: 1,
  is_bot: true as const,
  first_name: "Parley",
  username: "parley_console_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

let messageId = 0;
let updateId = 0;
const messages = new Map<number, Message>();
let buttons: { text: string; data: string; messageId: number }[] = [];

/** Links keep their address in the terminal; the rest is what a reader sees. */
function htmlToText(html: string): string {
  return plainText(html.replace(/<a href="([^"]*)">([^<]*)<\/a>/g, "$2 ($1)"));
}

function show(text: string, markup?: { inline_keyboard?: InlineKeyboardButton[][] }) {
  console.log(`\n${htmlToText(text)}`);
  const list = (markup?.inline_keyboard ?? []).flat();
  if (list.length) {
    buttons = list.filter((b): b is InlineKeyboardButton.CallbackButton => "callback_data" in b).map((b) => ({ text: b.text, data: b.callback_data, messageId }));
    buttons.forEach((b, i) => console.log(`  [${i + 1}] ${b.text}`));
  }
}

const bot = createBot({
  token: FAKE_TOKEN,
  botInfo,
  deps: { record: () => source.record, prefs, subscriptions, clock: makeClock(config.fakeNow), defaultTimezone: config.defaultTimezone, adminIds: [user.id], editorial, log },
  i18n: createI18n(),
  fetch: localFetch,
});

/** The Bot API's answer to one call, made up here. */
function answer(method: string, p: Record<string, unknown>): unknown {
  if (method === "sendMessage" || method === "editMessageText") {
    const id = method === "sendMessage" ? ++messageId : (p.message_id as number);
    const msg = { message_id: id, date: Math.floor(Date.now() / 1000), chat, text: String(p.text) } as Message;
    messages.set(id, msg);
    show(String(p.text), p.reply_markup as never);
    return msg;
  }
  if (method === "answerCallbackQuery") {
    if (p.text) console.log(`  (${String(p.text)})`);
    return true;
  }
  if (method === "getChatMember") return { status: "creator", user };
  return true;
}

// A fetch rather than an API transformer: the /add and /update conversations build Api objects
// of their own, which share the bot's client options but not its transformers.
async function localFetch(url: string | URL | Request, init?: RequestInit): Promise<Response> {
  const method = String(url).split("/").pop() ?? "";
  const payload = typeof init?.body === "string" && init.body ? (JSON.parse(init.body) as Record<string, unknown>) : {};
  return Response.json({ ok: true, result: answer(method, payload) });
}

function send(text: string) {
  const entities = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(/\s/)[0].length }] : undefined;
  const message = { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat, from: user, text, entities } as Message;
  return bot.handleUpdate({ update_id: ++updateId, message } as Update);
}

function press(n: number) {
  const b = buttons[n - 1];
  if (!b) return console.log(`There is no button ${n}.`);
  const message = messages.get(b.messageId) ?? ({ message_id: b.messageId, date: 0, chat } as Message);
  return bot.handleUpdate({
    update_id: ++updateId,
    callback_query: { id: String(updateId), from: user, chat_instance: "console", data: b.data, message },
  } as Update);
}

console.log("Parley console: type a command (/start, /latest, /next, /help), or a button's number. Ctrl+D quits.");
const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: "> " });
rl.prompt();
let queue = Promise.resolve();
rl.on("line", (line) => {
  const text = line.trim();
  queue = queue.then(async () => {
    if (/^\d+$/.test(text)) await press(Number(text));
    else if (text) await send(text);
    rl.prompt();
  });
});
rl.on("close", () => {
  void queue.then(() => Promise.all([prefs.flush(), subscriptions.flush()])).then(() => process.exit(0));
});
