// The core commands end to end: the real bot process (as `npm start` runs it) against the Bot
// API emulator, as users whose Telegram language is en, ru and uk. Assertions are on what a
// user sees: reply text, buttons, the command menus; the emulator refuses anything Telegram
// would (bad HTML, over 4096 characters, callback data over 64 bytes).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { ensureBuilt, makeDataDir, REPO_ROOT, startBot, type BotProcess } from "../support/bot-process.ts";
import * as conversation from "../support/conversation.ts";
import { recordWithUpcomingRound } from "../support/fixtures.ts";
import { startEmulator, type Emulator, type SentRecord } from "../support/emulator.ts";

// The shipped record plus one round scheduled just after the fixed "now", so /next has
// something dated to count down to.
const NOW = "2026-11-30T12:00:00Z";

const en = { id: 101, first_name: "Ann", language_code: "en" };
const ru = { id: 102, first_name: "Борис", language_code: "ru" };
const uk = { id: 103, first_name: "Оксана", language_code: "uk" };
const de = { id: 104, first_name: "Dora", language_code: "de" };

let emu: Emulator;
let bot: BotProcess;
let dataDir: string;

function ask(user: { id: number }, text: string): Promise<SentRecord> {
  return conversation.say(emu, user, text, { timeoutMs: 8000 });
}

function labels(msg: SentRecord): string[] {
  return emu.buttons(msg).map((b) => b.text);
}

before(async () => {
  emu = await startEmulator();
  for (const u of [en, ru, uk, de]) emu.addPrivateChat(u);
  dataDir = await makeDataDir({ events: recordWithUpcomingRound() });
  bot = await startBot({ emulator: emu, dataDir, env: { FAKE_NOW: NOW } });
});

after(async () => {
  await bot?.stop().catch(() => undefined);
  await emu?.close();
});

describe("welcome and help", () => {
  test("/start greets in the user's Telegram language with three buttons", async () => {
    const e = await ask(en, "/start");
    assert.match(e.plainText, /^Hello, Ann! I am Parley/);
    assert.deepEqual(labels(e), ["🗞 Latest", "📅 Coming up", "🔔 Subscribe"]);
    const r = await ask(ru, "/start");
    assert.match(r.plainText, /^Здравствуйте, Борис! Я Parley/);
    assert.deepEqual(labels(r), ["🗞 Последнее", "📅 Что предстоит", "🔔 Подписаться"]);
    const u = await ask(uk, "/start");
    assert.match(u.plainText, /^Вітаю, Оксана! Я Parley/);
    assert.deepEqual(labels(u), ["🗞 Останнє", "📅 Що попереду", "🔔 Підписатися"]);
    // A language Parley does not speak falls back to English.
    assert.match((await ask(de, "/start")).plainText, /^Hello, Dora!/);
    // A name is data: escaped, so the reply's HTML stays valid (the emulator would refuse it).
    const odd = { id: 105, first_name: "<Tom & Jerry>", language_code: "en" };
    emu.addPrivateChat(odd);
    assert.match((await ask(odd, "/start")).plainText, /^Hello, <Tom & Jerry>! I am Parley/);
  });

  test("/help lists every command, one line each", async () => {
    const h = await ask(en, "/help");
    for (const cmd of ["/latest", "/next", "/event", "/tracks", "/track", "/subscribe", "/lang", "/tz", "/help"]) assert.ok(h.plainText.includes(cmd), cmd);
    assert.match((await ask(uk, "/help")).plainText, /останні події/);
  });

  test("the command menu is registered in each language", async () => {
    // The menu is registered while the bot already polls: wait for its last call.
    await emu.waitFor((c) => c.method === "setMyCommands" && !c.params.scope && c.params.language_code === "uk", 10000);
    const byLang = (lang: string) => emu.commands({ type: "default" }, lang);
    assert.equal(byLang("").find((c) => c.command === "latest")?.description, "Latest developments: /latest [1-20]");
    assert.equal(byLang("en").find((c) => c.command === "next")?.description, "What is coming next");
    assert.equal(byLang("ru").find((c) => c.command === "next")?.description, "Что предстоит");
    assert.equal(byLang("uk").find((c) => c.command === "next")?.description, "Що попереду");
    assert.ok(byLang("ru").length >= 10);
  });
});

describe("/latest", () => {
  test("five newest first with details buttons, then Older pages back by editing the message", async () => {
    const first = await ask(en, "/latest");
    assert.match(first.plainText, /^Latest developments · 1–5 of \d+/);
    // Newest first: the last call in the record (29 April 2026) leads; the scheduled test round is not "latest".
    assert.match(first.plainText.split("\n\n")[1], /^29 April 2026 · Call/);
    assert.ok(!first.plainText.includes("round 4"));
    const buttons = labels(first);
    assert.equal(buttons.filter((b) => b.startsWith("🔎")).length, 5);
    assert.ok(buttons.includes("⬅️ Older"));

    emu.press(en, first, "⬅️ Older");
    await emu.waitFor((c) => c.method === "editMessageText" && c.ok === true, 8000, { since: emu.calls.length - 1 });
    const edited = emu.messagesIn(en.id).find((m) => m.message_id === first.message_id)!;
    assert.match(edited.text, /^Latest developments · 6–10 of \d+/);
    assert.ok(emu.buttons(edited.message).some((b) => b.text === "⏮ Newest"));
  });

  test("a page whose message can no longer be edited (48 hours on) arrives as a new message", async () => {
    const first = await ask(uk, "/latest 3");
    emu.failNext("editMessageText", { error_code: 400, description: "Bad Request: message can't be edited" }, { chatId: uk.id });
    const before = emu.sent.length;
    emu.press(uk, first, "⬅️ Раніше");
    const page = await emu.waitForReply(uk.id, { after: before, timeoutMs: 8000 });
    assert.match(page.plainText, /^Останні події · 4–6 з \d+/);
  });

  test("a button pressed while the bot was down still works though Telegram refuses the late answer", async () => {
    const first = await ask(en, "/latest 2");
    emu.failNext("answerCallbackQuery", { error_code: 400, description: "Bad Request: query is too old and response timeout expired or query ID is invalid" }, { times: 1 });
    const since = emu.calls.length;
    emu.press(en, first, "⬅️ Older");
    await emu.waitFor((c) => c.method === "editMessageText" && c.ok === true, 8000, { since });
    const edited = emu.messagesIn(en.id).find((m) => m.message_id === first.message_id)!;
    assert.match(edited.text, /^Latest developments · 3–4 of \d+/);
  });

  test("the details button opens the whole entry", async () => {
    const list = await ask(ru, "/latest 20");
    assert.match(list.plainText, /^Последние события · 1–\d+ из \d+/);
    const detail = emu.buttons(list).find((b) => b.callback_data?.startsWith("ev:"))!;
    const before = emu.sent.length;
    emu.press(ru, list, detail.callback_data!);
    const opened = await emu.waitForReply(ru.id, { after: before, timeoutMs: 8000 });
    assert.match(opened.plainText, /Источники/);
    assert.match(opened.plainText, /Участники/);
  });

  test("wrong arguments name the problem and the right form", async () => {
    for (const arg of ["abc", "500", "0", "-3", "99999999999999999999"]) {
      const r = await ask(en, `/latest ${arg}`);
      assert.match(r.plainText, new RegExp(`“${arg}” is not a number I can use\\. .*/latest N with N from 1 to 20`), arg);
    }
    assert.match((await ask(ru, "/latest много")).plainText, /«много» — не подходящее число.*от 1 до 20/);
    assert.match((await ask(uk, "/latest <b>")).plainText, /«<b>» — не придатне число/);
  });
});

describe("/next", () => {
  test("dated entries with a countdown in the chat's zone, then those announced without a date", async () => {
    const n = await ask(en, "/next");
    const text = n.plainText;
    assert.match(text, /^Coming up/);
    assert.match(text, /Embassy talks, round 4 <test>/);
    // 10:00 in Istanbul is 07:00 UTC, the chat's default zone.
    assert.match(text, /⏳ tomorrow at 07:00/);
    assert.match(text, /Announced, date not yet set[\s\S]*round 3/);
    assert.ok(text.indexOf("round 4") < text.indexOf("Announced, date not yet set"));
  });

  test("/tz changes the countdown; a wrong zone is refused with examples", async () => {
    assert.match((await ask(uk, "/tz Mars/Olympus")).plainText, /«Mars\/Olympus» — невідомий мені часовий пояс.*Europe\/Kyiv/);
    assert.match((await ask(uk, "/tz Europe/Istanbul")).plainText, /Часовий пояс: Europe\/Istanbul/);
    assert.match((await ask(uk, "/next")).plainText, /завтра о 10:00/);
    assert.match((await ask(uk, "/tz")).plainText, /Europe\/Istanbul/);
    // Kyiv stays Kyiv (Node's time-zone data would call it Kiev).
    assert.match((await ask(en, "/tz europe/kyiv")).plainText, /Time zone set to Europe\/Kyiv \(/);
    // The same zone parser as /add: common spellings and abbreviations too.
    assert.match((await ask(en, "/tz MSK")).plainText, /Time zone set to Europe\/Moscow \(/);
    assert.match((await ask(en, "/tz UTC")).plainText, /Time zone set to UTC \(/);
  });
});

describe("/event, /tracks, /track", () => {
  test("/event shows the whole entry with sources and its neighbours in the track", async () => {
    const r = await ask(en, "/event embassy-round-1");
    const t = r.plainText;
    assert.match(t, /Embassy operations · round 1/);
    assert.match(t, /27 February 2025/);
    assert.match(t, /Sonata Coulter/);
    assert.match(t, /Alexander Darchiev/);
    assert.match(t, /6 h 30 min/);
    assert.match(t, /Arnavutköy/);
    assert.match(t, /→ After: .*round 2/);
    assert.ok(r.text.includes('<a href="https://meduza.io/'), "sources link to the article");
    const next = emu.buttons(r).find((b) => b.callback_data === "ev:embassy-round-2");
    assert.ok(next, "a button to round 2");
  });

  test("/event errors: unknown id, no id", async () => {
    assert.match((await ask(en, "/event no-such-id")).plainText, /There is no entry with the id no-such-id/);
    assert.match((await ask(ru, "/event")).plainText, /Укажите id записи после команды, например \/event embassy-round-1/);
    assert.match((await ask(en, "/event <script>&")).plainText, /There is no entry with the id <script>&/);
  });

  test("/tracks lists each series with last and next; /track shows one in full", async () => {
    const all = await ask(en, "/tracks");
    for (const id of ["embassy-operations", "leaders", "foreign-ministers", "envoys", "ukraine-settlement", "strategic-stability"]) {
      assert.ok(all.plainText.includes(`(${id})`), id);
    }
    assert.match(all.plainText, /Embassy operations \(embassy-operations\)[^\n]*\nLast: [^\n]+\nNext: Embassy talks, round 4 <test> \(tomorrow at 07:00\)/);
    const one = await ask(en, "/track embassy-operations");
    assert.match(one.plainText, /History · 1–\d+ of \d+/);
    assert.match(one.plainText, /round 1/i);
    assert.match((await ask(en, "/track nope")).plainText, /There is no series nope\. Series: embassy-operations, leaders/);
  });
});

describe("language, fallbacks, robustness", () => {
  test("/lang switches the chat's language and it survives a restart", async () => {
    const pick = await ask(de, "/lang");
    assert.deepEqual(labels(pick), ["English", "Русский", "Українська"]);
    assert.match((await ask(de, "/lang uk")).plainText, /^Мова: Українська/);
    assert.match((await ask(de, "/help")).plainText, /^Команди/);
    assert.match((await ask(de, "/lang xx")).plainText, /Мови «xx» я не знаю/);

    assert.equal(await bot.stop(), 0);
    assert.match(bot.output(), /stopped cleanly/);
    const stored = JSON.parse(readFileSync(join(dataDir, "state", "chats.json"), "utf8"));
    assert.equal(stored.chats[String(de.id)].lang, "uk");
    bot = await startBot({ emulator: emu, dataDir, env: { FAKE_NOW: NOW } });
    assert.match((await ask(de, "/help")).plainText, /^Команди/);
  });

  test("unknown commands and free text get a pointer to /help", async () => {
    assert.match((await ask(en, "/frobnicate")).plainText, /I don't know that command\. \/help lists/);
    assert.match((await ask(ru, "что нового?")).plainText, /Я отвечаю на команды/);
    assert.match((await ask(uk, "привіт")).plainText, /Я відповідаю на команди/);
  });

  test("nothing a user sends stops the bot answering others", async () => {
    const junk = ["/latest " + "9".repeat(3000), "/event " + "x".repeat(4000), "/track <b><i>", "/tz ../../etc/passwd", "🙂".repeat(1000)];
    for (const text of junk) emu.userSends(en, text);
    const replies = await emu.waitForReply(en.id, { count: junk.length, timeoutMs: 10000 });
    assert.equal(replies.length, junk.length);
    assert.match((await ask(ru, "/latest 1")).plainText, /1–1 из/);
    assert.equal(bot.child.exitCode, null);
  });

  test("the token never appears in the bot's output", () => {
    assert.ok(!bot.output().includes(emu.token));
  });
});

describe("start-up", () => {
  function run(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
    return new Promise((resolve) => {
      ensureBuilt();
      const child = spawn(process.execPath, ["dist/main.js"], {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? "/tmp", ...env },
      });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("exit", (code) => resolve({ code, out }));
    });
  }

  test("a missing or malformed token stops start-up, says where to get one, and is never printed", async () => {
    const missing = await run({ DATA_DIR: dataDir });
    assert.equal(missing.code, 1);
    assert.match(missing.out, /BOT_TOKEN is missing: create a bot with @BotFather/);
    const bad = await run({ DATA_DIR: dataDir, BOT_TOKEN: "12345:short-secret-token" });
    assert.equal(bad.code, 1);
    assert.match(bad.out, /BOT_TOKEN does not look like a bot token/);
    assert.ok(!bad.out.includes("short-secret-token"));
  });

  test("an unreachable Bot API stops start-up naming TELEGRAM_API_ROOT, and a refused token says so", async () => {
    const down = await run({ DATA_DIR: dataDir, BOT_TOKEN: emu.token, TELEGRAM_API_ROOT: "http://127.0.0.1:9" });
    assert.equal(down.code, 1);
    assert.match(down.out, /Cannot reach the Bot API at http:\/\/127\.0\.0\.1:9 .*check TELEGRAM_API_ROOT/);
    const refused = await run({ DATA_DIR: dataDir, BOT_TOKEN: "123456:" + "x".repeat(35), TELEGRAM_API_ROOT: emu.apiRoot });
    assert.equal(refused.code, 1);
    assert.match(refused.out, /Telegram rejected BOT_TOKEN \(401 Unauthorized\)/);
    assert.ok(!refused.out.includes("x".repeat(35)));
  });

  test("a corrupt state file is moved aside, never overwritten, and start-up stops saying so", async () => {
    const dir = await makeDataDir({ events: recordWithUpcomingRound() });
    mkdirSync(join(dir, "state"), { recursive: true });
    writeFileSync(join(dir, "state", "subscriptions.json"), '{"subscriptions": {"1": {"chatId": 1,');
    const r = await run({ DATA_DIR: dir, BOT_TOKEN: emu.token, TELEGRAM_API_ROOT: emu.apiRoot });
    assert.equal(r.code, 1);
    assert.match(r.out, /The state file .*subscriptions\.json is not valid JSON .* It was moved aside to .*subscriptions\.json\.corrupt-.* nothing was overwritten/);
    const aside = readdirSync(join(dir, "state")).filter((f) => f.startsWith("subscriptions.json.corrupt-"));
    assert.equal(aside.length, 1);
    assert.equal(readFileSync(join(dir, "state", aside[0]), "utf8"), '{"subscriptions": {"1": {"chatId": 1,');
    assert.ok(!existsSync(join(dir, "state", "subscriptions.json")));
  });

  test("an invalid record stops start-up naming the file, the entry and the field", async () => {
    const dir = await makeDataDir({ events: recordWithUpcomingRound() });
    const file = join(dir, "events.json");
    const data = JSON.parse(readFileSync(file, "utf8"));
    data.entries.find((e: { id: string }) => e.id === "embassy-round-2").date = "2025-02-30";
    writeFileSync(file, JSON.stringify(data));
    const r = await run({ DATA_DIR: dir, BOT_TOKEN: emu.token, TELEGRAM_API_ROOT: emu.apiRoot });
    assert.equal(r.code, 1);
    assert.match(r.out, /events\.json, entry "embassy-round-2", field "date": 2025-02-30 is not a real calendar date/);
  });
});
