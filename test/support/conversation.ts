// The end-to-end tests' side of a conversation with the bot running as its own process: a user
// writes or presses a button through the emulator, and the test waits for what the bot does
// in answer — new messages, a message redrawn in place, or only an answer to the button.
// Waiting is on the emulator's own events (never on a clock), with a generous time-out that
// only turns a hung bot into a failure message listing the last calls.
import type { ButtonInfo, CallbackAnswer, Emulator, MessageRef, SentRecord, UserLike } from "./emulator.ts";

/** Time-out for one answer: the real process shares two cores with other test runs. */
export const REPLY_TIMEOUT_MS = 10_000;

export interface WaitOptions {
  timeoutMs?: number;
}

/** A user writes to the bot in their private chat; resolves with its next message (or the next `count`). */
export function say(emu: Emulator, user: UserLike, text: string, opts?: WaitOptions & { count?: undefined }): Promise<SentRecord>;
export function say(emu: Emulator, user: UserLike, text: string, opts: WaitOptions & { count: number }): Promise<SentRecord[]>;
export function say(emu: Emulator, user: UserLike, text: string, opts: WaitOptions & { count?: number } = {}): Promise<SentRecord | SentRecord[]> {
  emu.userSends(user, text);
  return wait(emu, user.id, opts);
}

/** A user writes in a group (or a topic of a forum); resolves with the bot's next message there. */
export function sayIn(emu: Emulator, chat: number, from: UserLike, text: string, opts: WaitOptions & { threadId?: number } = {}): Promise<SentRecord> {
  emu.userSends({ chat, from }, text, { threadId: opts.threadId });
  return emu.waitForReply(chat, { timeoutMs: opts.timeoutMs ?? REPLY_TIMEOUT_MS });
}

/**
 * A user presses a button (by its label or callback data) under a bot message; resolves with
 * the bot's next new message in that chat (or the next `count`).
 */
export function press(emu: Emulator, user: UserLike, message: MessageRef, button: string, opts?: WaitOptions & { count?: undefined }): Promise<SentRecord>;
export function press(emu: Emulator, user: UserLike, message: MessageRef, button: string, opts: WaitOptions & { count: number }): Promise<SentRecord[]>;
export function press(emu: Emulator, user: UserLike, message: MessageRef, button: string, opts: WaitOptions & { count?: number } = {}): Promise<SentRecord | SentRecord[]> {
  const query = emu.press(user, message, button);
  return wait(emu, query.message.chat.id, opts);
}

/** Whatever `act` does (a message, a press, a signal), resolves with the bot's next message to `chatId`. */
export function exchange(emu: Emulator, chatId: number, act: () => void, opts: WaitOptions = {}): Promise<SentRecord> {
  const after = emu.sent.length;
  act();
  return emu.waitForReply(chatId, { after, timeoutMs: opts.timeoutMs ?? REPLY_TIMEOUT_MS });
}

/** The message as the user sees it now (after the bot's edits), with its buttons' labels. */
export function current(emu: Emulator, chatId: number, messageId: number): { text: string; buttons: string[] } {
  const msg = emu.messagesIn(chatId).find((m) => m.message_id === messageId);
  if (!msg) throw new Error(`message ${messageId} is gone from chat ${chatId}`);
  return { text: msg.text, buttons: emu.buttons({ chat_id: chatId, message_id: messageId }).map((b: ButtonInfo) => b.text) };
}

/** A user presses a button that redraws its own message (a menu); resolves with the message as redrawn. */
export async function pressAndRedraw(emu: Emulator, user: UserLike, chatId: number, messageId: number, button: string, opts: WaitOptions = {}) {
  const since = emu.calls.length;
  emu.press(user, { chat_id: chatId, message_id: messageId }, button);
  await emu.waitFor((c) => c.method === "editMessageText" && c.params.message_id === messageId, opts.timeoutMs ?? REPLY_TIMEOUT_MS, { since });
  return current(emu, chatId, messageId);
}

/** A user presses a button that the bot only answers (e.g. a refusal); resolves with that answer. */
export async function pressAnswered(emu: Emulator, user: UserLike, chatId: number, messageId: number, button: string, opts: WaitOptions = {}): Promise<CallbackAnswer> {
  const since = emu.calls.length;
  const query = emu.press(user, { chat_id: chatId, message_id: messageId }, button);
  await emu.waitFor(
    (c) => c.method === "answerCallbackQuery" && c.ok === true && c.params.callback_query_id === query.id,
    opts.timeoutMs ?? REPLY_TIMEOUT_MS,
    { since },
  );
  return emu.answers.find((a) => a.callback_query_id === query.id)!;
}

function wait(emu: Emulator, chatId: number, opts: WaitOptions & { count?: number }): Promise<SentRecord | SentRecord[]> {
  const timeoutMs = opts.timeoutMs ?? REPLY_TIMEOUT_MS;
  return opts.count === undefined ? emu.waitForReply(chatId, { timeoutMs }) : emu.waitForReply(chatId, { count: opts.count, timeoutMs });
}
