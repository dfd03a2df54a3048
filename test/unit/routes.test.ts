// The route table and the button codecs, in-process: every button reads back what it wrote and
// nothing else, every command is described in every language within Telegram's rules, and a
// reply reaches the user through few middleware layers.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { Update, UserFromGetMe } from "grammy/types";
import { createBot } from "../../src/bot/create-bot.ts";
import { createI18n } from "../../src/bot/reader.ts";
import { BUTTONS, COMMANDS } from "../../src/bot/routes.ts";
import { createLogger } from "../../src/log.ts";
import { buttonKind, deskAnswer, eventButton, langButton, latestPage, nextPage, shortcutButton, trackPage } from "../../src/present/callbacks.ts";
import { buildRecord } from "../../src/record/record.ts";
import { LANGS } from "../../src/record/schema.ts";
import { parseEventLog } from "../../src/record/validate.ts";
import { FileChatPrefsStore } from "../../src/store/chats.ts";
import { FileSubscriptionStore } from "../../src/store/subscriptions.ts";
import { entry, log } from "../support/fixtures.ts";

test("each kind of button reads back what it wrote, and not another kind's data", () => {
  const codecs = [
    [eventButton, "embassy-round-2"],
    [latestPage, { offset: 15, limit: 5 }],
    [nextPage, 10],
    [trackPage, { track: "embassy-operations", offset: 8 }],
    [shortcutButton, "subscribe"],
    [langButton, "uk"],
    [deskAnswer, { scope: "tr", choice: "embassy-operations" }],
  ] as const;
  for (const [codec, value] of codecs) {
    const data = (codec.pack as (v: unknown) => string)(value);
    assert.deepEqual(codec.parse(data), value, data);
    assert.equal(buttonKind(data), codec.kind);
    for (const [other] of codecs) if (other !== codec) assert.equal(other.parse(data), undefined, `${other.kind} reads ${data}`);
  }
  // Messages sent before /next had pages carry a bare "nx": the first page.
  assert.equal(nextPage.parse("nx"), 0);
  // Data of a shape no codec writes is not read as something else.
  assert.equal(eventButton.parse("ev:Not An Id"), undefined);
  assert.equal(latestPage.parse("lt:5"), undefined);
  assert.equal(langButton.parse("lang:de"), undefined);
  // Too long for Telegram: refused when the button is built, counted in bytes.
  assert.throws(() => trackPage.pack({ track: "я".repeat(30), offset: 0 }), /64 bytes/);
  // The settings menu's own data routes on its menu id.
  assert.equal(buttonKind("s-qf/0/1/-1001/f3x9"), "s-qf");
});

test("the table has one route per command and per kind of button", () => {
  const commands = COMMANDS.map((r) => r.command);
  assert.equal(new Set(commands).size, commands.length);
  const kinds = BUTTONS.map((r) => r.kind);
  assert.equal(new Set(kinds).size, kinds.length);
  // The desk's buttons belong to its conversations, never to the table.
  assert.ok(!kinds.includes(deskAnswer.kind));
});

test("every command is described in every language, within Telegram's rules for a menu", () => {
  const i18n = createI18n();
  for (const route of COMMANDS) {
    assert.match(route.command, /^[a-z0-9_]{1,32}$/);
    for (const lang of LANGS) {
      for (const key of [route.menu, route.help]) {
        const text = i18n.translate(lang, key);
        assert.ok(text && text !== key && !text.includes(key), `${key} in ${lang}`);
      }
      assert.ok(i18n.translate(lang, route.menu).length <= 256);
    }
  }
});

test("a /latest reply is sent through few middleware layers, each held while the update is in flight", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "parley-routes-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const parsed = parseEventLog(JSON.stringify(log([entry({ id: "r1" }), entry({ id: "r2", date: "2025-03-01" })])), "test");
  assert.ok(parsed.ok);
  const record = buildRecord(parsed.log);
  const bot = createBot({
    token: "100000:test-token-not-used-000000000000000000",
    botInfo: { id: 1, is_bot: true, first_name: "Parley", username: "parley_test_bot" } as UserFromGetMe,
    deps: {
      record: () => record,
      prefs: FileChatPrefsStore.open(join(dir, "chats.json")),
      subscriptions: FileSubscriptionStore.open(join(dir, "subscriptions.json")),
      clock: () => new Date("2025-04-01T12:00:00Z"),
      defaultTimezone: "UTC",
      adminIds: [],
      log: createLogger({ level: "error" }),
    },
    i18n: createI18n(),
  });
  // Each middleware layer an update has passed waits, suspended, for the reply: the async
  // frames on the stack when the reply goes out. A layer per command and per button (as
  // before the route table: 57 frames here) swells memory when hundreds of updates are in flight.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Infinity;
  t.after(() => void (Error.stackTraceLimit = limit));
  const sent: { text: string; frames: number }[] = [];
  bot.api.config.use(async (_prev, method, payload) => {
    if (method === "sendMessage") sent.push({ text: (payload as { text: string }).text, frames: new Error().stack!.split("\n").filter((l) => l.includes("at async")).length });
    return { ok: true, result: { message_id: 1, date: 0, chat: { id: 5, type: "private" } } } as never;
  });
  const chat = { id: 5, type: "private" as const, first_name: "U" };
  const from = { id: 5, is_bot: false, first_name: "U", language_code: "en" };
  await bot.handleUpdate({ update_id: 1, message: { message_id: 1, date: 0, chat, from, text: "/latest", entities: [{ type: "bot_command", offset: 0, length: 7 }] } } as Update);
  assert.equal(sent.length, 1);
  assert.match(sent[0].text, /^<b>Latest developments<\/b>/);
  assert.ok(sent[0].frames <= 30, `${sent[0].frames} async frames at the reply`);
});
