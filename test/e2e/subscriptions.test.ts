// /subscribe, /unsubscribe and /settings end to end: the real bot process (as `npm start` runs
// it) against the Bot API emulator. Each test acts as a user and asserts what the user sees
// (reply text, buttons, the menu after a press) and what is on disk in state/*.json.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as conversation from "../support/conversation.ts";
import { startEmulator, type Emulator, type UserLike } from "../support/emulator.ts";
import { makeDataDir, removeDataDir, startBot, type BotProcess } from "../support/bot-process.ts";
import { entry, TRACKS } from "../support/fixtures.ts";
import type { Subscription } from "../../src/store/subscription-types.ts";
import { readSubscriptionsFile } from "../../src/store/subscriptions-file.ts";

const THREE_TRACKS = [...TRACKS, { id: "foreign-ministers", title: { en: "Foreign ministers", ru: "Министры иностранных дел", uk: "Міністри закордонних справ" } }];
// Only past entries, and a clock at noon UTC: no reminder or daily digest can come between a
// command and the reply a test waits for.
const EVENTS = { tracks: THREE_TRACKS, entries: [entry({ id: "round-1" }), entry({ id: "call-1", track: "leaders", kind: "call", date: "2025-02-12" })] };
const ENV = { FAKE_NOW: "2025-06-02T12:00:00Z", LOG_LEVEL: "warn" };
// Generous: the suite may run beside others on a busy machine.
const WAIT_MS = 15_000;

const RU: UserLike = { id: 101, first_name: "Анна", language_code: "ru" };
const UK: UserLike = { id: 102, first_name: "Олена", language_code: "uk" };
const EN: UserLike = { id: 103, first_name: "Ann", language_code: "en" };
const ANONYMOUS_ADMIN = { id: 1087968824, is_bot: true, first_name: "Group", username: "GroupAnonymousBot" };

let emulator: Emulator;
let dataDir: string;
let bot: BotProcess;

function subscriptionsOnDisk(): Record<string, Subscription> {
  const file = join(dataDir, "state", "subscriptions.json");
  return readSubscriptionsFile(file);
}

function prefsOnDisk(): Record<string, { lang?: string; tz?: string }> {
  return JSON.parse(readFileSync(join(dataDir, "state", "chats.json"), "utf8")).chats;
}

/** Retries an assertion on state the bot writes without replying (service updates). */
async function eventually(check: () => void, timeoutMs = WAIT_MS) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** A user writes in a private chat; resolves with the bot's reply. */
function say(user: UserLike, text: string) {
  return conversation.say(emulator, user, text, { timeoutMs: WAIT_MS });
}

/** A user writes in a group (or a topic of it); resolves with the bot's reply there. */
function sayIn(chat: number, from: UserLike, text: string, threadId?: number) {
  return conversation.sayIn(emulator, chat, from, text, { threadId, timeoutMs: WAIT_MS });
}

/** The message as the user sees it now (after the bot's edits), with its buttons' labels. */
function current(chatId: number, messageId: number) {
  return conversation.current(emulator, chatId, messageId);
}

/** Presses a menu button and waits until the bot has re-drawn the menu. */
function press(user: UserLike, chatId: number, messageId: number, label: string) {
  return conversation.pressAndRedraw(emulator, user, chatId, messageId, label, { timeoutMs: WAIT_MS });
}

/** Presses a button that the bot only answers (a refusal): resolves with the answer's text. */
function pressRefused(user: UserLike, chatId: number, messageId: number, label: string) {
  return conversation.pressAnswered(emulator, user, chatId, messageId, label, { timeoutMs: WAIT_MS });
}

/** Telegram rejects callback_data over 64 bytes; the menu plugin adds its own bytes to ours. */
function assertCallbackDataFits() {
  for (const call of emulator.calls) {
    for (const row of call.params.reply_markup?.inline_keyboard ?? []) {
      for (const b of row) if (b.callback_data) assert.ok(Buffer.byteLength(b.callback_data) <= 64, `callback_data over 64 bytes: ${b.callback_data}`);
    }
  }
}

describe("subscriptions", () => {
  before(async () => {
    emulator = await startEmulator();
    dataDir = await makeDataDir({ events: EVENTS });
    bot = await startBot({ emulator, dataDir, env: ENV });
  });

  after(async () => {
    await bot?.stop();
    await emulator?.close();
    if (dataDir) await removeDataDir(dataDir);
  });

  test("a private chat subscribes in Russian, Ukrainian and English; the file holds the defaults", async () => {
    const ru = await say(RU, "/subscribe");
    assert.match(ru.plainText, /^🔔 Вы подписаны\. Я пришлю сводку/);
    assert.match(ru.plainText, /\/settings/);
    const uk = await say(UK, "/subscribe");
    assert.match(uk.plainText, /^🔔 Ви підписані\. Я надішлю зведення/);
    const en = await say(EN, "/subscribe");
    assert.match(en.plainText, /^🔔 You are subscribed\. I will send you a digest/);
    assert.equal(en.parse_mode, "HTML");

    const subs = subscriptionsOnDisk();
    const { createdAt, ...rest } = subs["101"];
    // The bot's clock starts at FAKE_NOW and runs on.
    assert.match(createdAt, /^2025-06-02T12:0\d:/);
    assert.deepEqual(rest, {
      key: "101",
      chatId: 101,
      chatType: "private",
      active: true,
      createdBy: 101,
      tracks: "all",
      kinds: "all",
      delivery: { mode: "instant" },
      reminders: { enabled: true, hoursBefore: [24, 1], dayBeforeHour: 9 },
    });
    assert.equal(subs["102"].active, true);
    assert.equal(subs["103"].active, true);
    // Digests go out in the language the subscriber reads.
    assert.equal(prefsOnDisk()["101"].lang, "ru");
    assert.equal(prefsOnDisk()["102"].lang, "uk");

    const again = await say(RU, "/subscribe");
    assert.match(again.plainText, /^Вы уже подписаны\. .*\/settings/);
  });

  test("the greeting's Subscribe button subscribes too", async () => {
    const user = { id: 104, first_name: "Bob", language_code: "en" };
    const greeting = await say(user, "/start");
    emulator.press(user, greeting, "🔔 Subscribe");
    const reply = await emulator.waitForReply(user.id, { timeoutMs: WAIT_MS });
    assert.match(reply.plainText, /^🔔 You are subscribed/);
    assert.equal(subscriptionsOnDisk()["104"].active, true);
  });

  test("/unsubscribe stops it; a second /unsubscribe says it is not subscribed; /subscribe resumes", async () => {
    const stopped = await say(UK, "/unsubscribe");
    assert.match(stopped.plainText, /^🔕 Ви відписалися/);
    assert.equal(subscriptionsOnDisk()["102"].active, false);
    assert.equal(subscriptionsOnDisk()["102"].inactiveReason, "unsubscribed");
    const notSubscribed = await say(UK, "/unsubscribe");
    assert.match(notSubscribed.plainText, /^Ви не підписані/);
    const resumed = await say(UK, "/subscribe");
    assert.match(resumed.plainText, /^🔔 Ви знову підписані/);
    assert.equal(subscriptionsOnDisk()["102"].active, true);
  });

  test("in a group only administrators subscribe; a member is refused in their own language", async () => {
    const admin = { id: 110, first_name: "Admin", language_code: "en" };
    const member = { id: 111, first_name: "Иван", language_code: "ru" };
    emulator.addGroup({ id: -200, title: "Watchers", members: { 110: "creator", 111: "member" } });

    const refused = await sayIn(-200, member, "/subscribe");
    assert.match(refused.plainText, /^Извините, подписать или отписать этот чат/);
    assert.equal(subscriptionsOnDisk()["-200"], undefined);

    const ok = await sayIn(-200, admin, "/subscribe");
    assert.match(ok.plainText, /^🔔 This group is subscribed/);
    assert.equal(subscriptionsOnDisk()["-200"].chatType, "group");
    assert.equal(subscriptionsOnDisk()["-200"].createdBy, 110);

    // The group now reads English (its subscriber's choice), but the refusal is in the member's.
    const stop = await sayIn(-200, member, "/unsubscribe");
    assert.match(stop.plainText, /^Извините/);
    assert.equal(subscriptionsOnDisk()["-200"].active, true);
  });

  test("an anonymous administrator (posting as the group) may subscribe it", async () => {
    const group = emulator.addGroup({ id: -201, title: "Anonymous admins", members: { 112: "creator" } });
    emulator.pushUpdate({
      message: {
        message_id: 50,
        date: Math.floor(Date.now() / 1000),
        chat: group,
        from: ANONYMOUS_ADMIN,
        sender_chat: group,
        text: "/subscribe",
        entities: [{ type: "bot_command", offset: 0, length: 10 }],
      },
    });
    const reply = await emulator.waitForReply(-201, { timeoutMs: WAIT_MS });
    assert.match(reply.plainText, /^🔔 This group is subscribed/);
    assert.equal(subscriptionsOnDisk()["-201"].active, true);
  });

  test("from a forum topic, the topic is subscribed and the answer stays in it", async () => {
    const admin = { id: 120, first_name: "Mod", language_code: "en" };
    emulator.addGroup({ id: -1003000000001, title: "Forum", type: "supergroup", is_forum: true, members: { 120: "administrator" } });
    const topic = emulator.addTopic(-1003000000001, "Diplomacy");
    const reply = await sayIn(-1003000000001, admin, "/subscribe", topic);
    assert.match(reply.plainText, /^🔔 This topic is subscribed/);
    assert.equal(reply.message_thread_id, topic);
    const sub = subscriptionsOnDisk()[`-1003000000001:${topic}`];
    assert.equal(sub.threadId, topic);
    assert.equal(sub.chatType, "supergroup");
    assert.equal(subscriptionsOnDisk()["-1003000000001"], undefined);

    const settings = await sayIn(-1003000000001, admin, "/settings", topic);
    assert.equal(settings.message_thread_id, topic);
    assert.match(settings.plainText, /Digest settings · this topic/);
  });

  test("a channel: refused while the bot may not post, accepted after; its settings from the admin's private chat", async () => {
    const admin = { id: 130, first_name: "Редактор", language_code: "ru" };
    const stranger = { id: 131, first_name: "Someone", language_code: "en" };
    emulator.addPrivateChat(admin);
    emulator.addPrivateChat(stranger);
    emulator.addChannel({ id: -1004000000001, title: "Parley News", username: "parley_news", admins: [130], botIsAdmin: true, botCanPost: false });
    emulator.addChannel({ id: -1004000000002, title: "Elsewhere", username: "elsewhere_news", admins: [130], botIsAdmin: false });
    await say(admin, "/tz Europe/Moscow");

    const notAdmin = await say(admin, "/subscribe @elsewhere_news");
    assert.match(notAdmin.plainText, /Добавьте меня в @elsewhere_news администратором с правом публиковать сообщения и снова отправьте \/subscribe @elsewhere_news/);
    const cannotPost = await say(admin, "/subscribe @parley_news");
    assert.match(cannotPost.plainText, /^Я администратор канала @parley_news, но публиковать там не могу\. Дайте мне право публиковать сообщения/);
    const unknown = await say(admin, "/subscribe @no_such_channel");
    assert.match(unknown.plainText, /^Не могу найти канал @no_such_channel/);
    const badArg = await say(admin, "/subscribe <b>");
    assert.match(badArg.plainText, /^«<b>» — не похоже на канал/);
    assert.equal(subscriptionsOnDisk()["-1004000000001"], undefined);

    emulator.setBotStatus(-1004000000001, "administrator", { canPost: true });
    const byStranger = await say(stranger, "/subscribe @parley_news");
    assert.match(byStranger.plainText, /^Only administrators of @parley_news can subscribe it/);
    const ok = await say(admin, "/subscribe @parley_news");
    assert.match(ok.plainText, /^🔔 Канал @parley_news подписан/);
    assert.match(ok.plainText, /\/settings @parley_news/);
    const sub = subscriptionsOnDisk()["-1004000000001"];
    assert.equal(sub.chatType, "channel");
    assert.equal(sub.createdBy, 130);
    // The channel reads in its admin's language and zone.
    assert.deepEqual(prefsOnDisk()["-1004000000001"], { lang: "ru", tz: "Europe/Moscow" });

    const menu = await say(admin, "/settings @parley_news");
    assert.match(menu.plainText, /^⚙️ Настройки сводок · @parley_news/);
    await press(admin, admin.id, menu.message_id, "⏱ Доставка: Сразу");
    let view = await press(admin, admin.id, menu.message_id, "▫️ Ежедневно в …");
    assert.match(view.text, /часовой пояс Europe\/Moscow/i);
    view = await press(admin, admin.id, menu.message_id, "19:00");
    assert.match(view.text, /Доставка: раз в день в 19:00 \(Europe\/Moscow\)/);
    assert.deepEqual(subscriptionsOnDisk()["-1004000000001"].delivery, { mode: "daily", hour: 19 });

    const strangerSettings = await say(stranger, "/settings @parley_news");
    assert.match(strangerSettings.plainText, /^Only administrators of @parley_news/);

    const stopped = await say(admin, "/unsubscribe @parley_news");
    assert.match(stopped.plainText, /^🔕 Канал @parley_news отписан/);
    assert.equal(subscriptionsOnDisk()["-1004000000001"].active, false);

    // Subscribed again, then the bot is removed from the channel: the admin hears how to resume.
    const resumed = await say(admin, "/subscribe @parley_news");
    assert.match(resumed.plainText, /^🔔 Канал @parley_news снова подписан, с прежними настройками/);
    const after = emulator.sent.length;
    emulator.kick(-1004000000001, { notify: true });
    const told = await emulator.waitForReply(admin.id, { after, timeoutMs: WAIT_MS });
    assert.match(told.plainText, /^🔕 Меня удалили из канала @parley_news .* отправьте \/subscribe @parley_news\.$/);
    assert.equal(subscriptionsOnDisk()["-1004000000001"].inactiveReason, "kicked");
  });

  test("/settings: a menu that toggles a series and sets a daily digest at 08:00, saved at each press", async () => {
    const menu = await say(EN, "/settings");
    assert.match(menu.plainText, /^⚙️ Digest settings · this chat\n\nSeries: all\nKinds: all\nDelivery: as soon as the record changes\nQuiet hours: off\nReminders: 24 h and 1 h before the start; for entries without a time, at 09:00 the day before$/);
    assert.deepEqual(current(EN.id, menu.message_id).buttons, [
      "🧵 Series: all",
      "🗂 Kinds: all",
      "⏱ Delivery: Instant",
      "🌙 Quiet hours: off",
      "⏰ Reminders: on",
      "🔕 Unsubscribe",
    ]);

    let view = await press(EN, EN.id, menu.message_id, "🧵 Series: all");
    assert.deepEqual(view.buttons, ["✅ All series", "✅ Embassy operations", "✅ Leaders", "✅ Foreign ministers", "‹ Back"]);
    assert.match(view.text, /Tap a series to include it or leave it out\.$/);
    view = await press(EN, EN.id, menu.message_id, "✅ Leaders");
    assert.deepEqual(view.buttons, ["▫️ All series", "✅ Embassy operations", "▫️ Leaders", "✅ Foreign ministers", "‹ Back"]);
    assert.match(view.text, /Series: Embassy operations, Foreign ministers\n/);
    assert.deepEqual(subscriptionsOnDisk()["103"].tracks, ["embassy-operations", "foreign-ministers"]);

    view = await press(EN, EN.id, menu.message_id, "‹ Back");
    assert.equal(view.buttons[0], "🧵 Series: 2/3");
    view = await press(EN, EN.id, menu.message_id, "⏱ Delivery: Instant");
    assert.deepEqual(view.buttons, ["✅ Instant", "▫️ Daily at …", "‹ Back"]);
    view = await press(EN, EN.id, menu.message_id, "▫️ Daily at …");
    assert.match(view.text, /At what hour should the daily digest come\? Time zone UTC/);
    assert.equal(view.buttons.length, 25);
    view = await press(EN, EN.id, menu.message_id, "08:00");
    assert.match(view.text, /Delivery: once a day at 08:00 \(UTC\)/);
    assert.equal(view.buttons[2], "⏱ Delivery: 08:00");
    assert.deepEqual(subscriptionsOnDisk()["103"].delivery, { mode: "daily", hour: 8 });

    await press(EN, EN.id, menu.message_id, "🌙 Quiet hours: off");
    view = await press(EN, EN.id, menu.message_id, "▫️ 22:00–08:00");
    assert.match(view.text, /Quiet hours: 22:00–08:00 \(UTC\)/);
    assert.deepEqual(subscriptionsOnDisk()["103"].quietHours, { from: 22, to: 8 });

    await press(EN, EN.id, menu.message_id, "‹ Back");
    await press(EN, EN.id, menu.message_id, "⏰ Reminders: on");
    view = await press(EN, EN.id, menu.message_id, "✅ 24 h before");
    assert.match(view.text, /Reminders: 1 h before the start/);
    assert.deepEqual(subscriptionsOnDisk()["103"].reminders.hoursBefore, [1]);
    assertCallbackDataFits();
  });

  test("/settings in a group: anyone may look, only admins may press", async () => {
    const member = { id: 111, first_name: "Иван", language_code: "ru" };
    const menu = await sayIn(-200, member, "/settings");
    assert.match(menu.plainText, /^⚙️ Digest settings · this group/);
    const answer = await pressRefused(member, -200, menu.message_id, "🔕 Unsubscribe");
    assert.equal(answer.show_alert, true);
    assert.match(answer.text ?? "", /^Извините/);
    assert.equal(subscriptionsOnDisk()["-200"].active, true);
  });

  test("an unsubscribed chat's /settings offers a Subscribe button", async () => {
    const user = { id: 105, first_name: "Eve", language_code: "en" };
    const menu = await say(user, "/settings");
    assert.match(menu.plainText, /You are not subscribed to digests\./);
    assert.deepEqual(current(user.id, menu.message_id).buttons, ["🔔 Subscribe"]);
    const view = await press(user, user.id, menu.message_id, "🔔 Subscribe");
    assert.match(view.text, /Series: all/);
    assert.equal(subscriptionsOnDisk()["105"].active, true);
  });

  test("blocked by a user, removed from a group, a group migrated: the file follows", async () => {
    const user = { id: 106, first_name: "Max", language_code: "en" };
    await say(user, "/subscribe");
    emulator.block(user.id, { notify: true });
    await eventually(() => assert.equal(subscriptionsOnDisk()["106"].inactiveReason, "blocked"));

    emulator.addGroup({ id: -202, title: "Kicked", members: { 113: "creator" } });
    await sayIn(-202, { id: 113, first_name: "Kim" }, "/subscribe");
    emulator.kick(-202, { notify: true });
    await eventually(() => assert.equal(subscriptionsOnDisk()["-202"].inactiveReason, "kicked"));

    emulator.addGroup({ id: -203, title: "Growing", members: { 114: "creator" } });
    await sayIn(-203, { id: 114, first_name: "Lee" }, "/subscribe");
    emulator.migrate(-203, -1005000000003, { notify: true });
    await eventually(() => {
      const subs = subscriptionsOnDisk();
      assert.equal(subs["-203"], undefined);
      assert.equal(subs["-1005000000003"].chatType, "supergroup");
      assert.equal(subs["-1005000000003"].active, true);
      // The choices are written after the subscriptions: wait for them too.
      assert.equal(prefsOnDisk()["-1005000000003"]?.lang, "en");
    });
  });

  test("after a restart the subscriptions and their settings are still there", async () => {
    assert.equal(await bot.stop(), 0);
    bot = await startBot({ emulator, dataDir, env: ENV });
    const again = await say(EN, "/subscribe");
    assert.match(again.plainText, /^You are already subscribed/);
    const menu = await say(EN, "/settings");
    assert.match(menu.plainText, /Series: Embassy operations, Foreign ministers\n/);
    assert.match(menu.plainText, /Delivery: once a day at 08:00 \(UTC\)/);
    const subs = subscriptionsOnDisk();
    assert.equal(subs["101"].active, true);
    assert.equal(Object.values(subs).find((s) => s.chatId === -1003000000001)?.active, true);
  });
});
