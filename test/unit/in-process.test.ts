// Tests of the in-process test layer itself: the emulator as a bot's `fetch` (no HTTP), updates
// built outside it, and the promise the feature tests rely on — a call Telegram would refuse
// fails the test instead of passing unnoticed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Bot, GrammyError, HttpError } from "grammy";
import { Emulator } from "../support/emulator.ts";
import { BOT_INFO, startParley } from "../support/in-process.ts";
import { buttonPress, privateMessage } from "../support/updates.ts";

const ann = { id: 901, first_name: "Ann", language_code: "en" };

function bareBot(emu: Emulator) {
  return new Bot(emu.token, { botInfo: BOT_INFO, client: { fetch: emu.fetch as typeof fetch } });
}

test("emulator.fetch answers a bot in this process as the HTTP server would, and records the calls", async () => {
  const emu = new Emulator();
  emu.addPrivateChat(ann);
  const bot = bareBot(emu);
  const sent = await bot.api.sendMessage(ann.id, "<b>Talks</b> &amp; news", { parse_mode: "HTML" });
  assert.equal(sent.text, "Talks & news");
  assert.deepEqual(sent.entities, [{ type: "bold", offset: 0, length: 5 }]);
  assert.equal(emu.sent.length, 1);
  assert.equal(emu.sent[0]!.plainText, "Talks & news");
  assert.deepEqual(emu.calls.map((c) => [c.method, c.ok]), [["sendMessage", true]]);
});

test("emulator.fetch: Telegram's refusals arrive as GrammyError, a dropped connection as HttpError", async () => {
  const emu = new Emulator();
  emu.addPrivateChat(ann);
  const bot = bareBot(emu);
  await assert.rejects(bot.api.sendMessage(ann.id, "<b>unclosed", { parse_mode: "HTML" }), (err) => {
    assert.ok(err instanceof GrammyError);
    assert.equal(err.description, `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`);
    return true;
  });
  await assert.rejects(bot.api.sendMessage(4242, "hi"), (err) => err instanceof GrammyError && err.description === "Bad Request: chat not found");
  emu.dropNext("sendMessage");
  await assert.rejects(bot.api.sendMessage(ann.id, "hi"), HttpError);
  assert.equal(emu.sent.length, 0);
});

test("emulator.receive: a built message starts the chat and can be replied to; a built press can be answered once", async () => {
  const emu = new Emulator();
  const bot = bareBot(emu);
  const update = privateMessage(ann, "/start");
  emu.receive(update as never);
  const message = update.message!;
  const reply = await bot.api.sendMessage(ann.id, "Hello", { reply_parameters: { message_id: message.message_id } });
  assert.equal(reply.reply_to_message?.text, "/start");

  const press = buttonPress(ann, reply as never, "go:latest");
  emu.receive(press as never);
  assert.equal(await bot.api.answerCallbackQuery(press.callback_query!.id, { text: "ok" }), true);
  await assert.rejects(bot.api.answerCallbackQuery(press.callback_query!.id), /query is too old/);
});

test("a reply Telegram would refuse fails the in-process test that caused it", async (t) => {
  const parley = await startParley(t);
  // Break every reply's HTML on its way out, as a bad escaper would.
  parley.bot.api.config.use((prev, method, payload, signal) =>
    prev(method, method === "sendMessage" ? ({ ...payload, text: `${(payload as { text: string }).text} <i>` } as typeof payload) : payload, signal),
  );
  await assert.rejects(parley.say(ann, "/help"), /Telegram refused the bot's call\(s\):\n {2}sendMessage: Bad Request: can't parse entities/);
});

test("a button that is not under the message cannot be pressed", async (t) => {
  const parley = await startParley(t);
  const [greeting] = await parley.say(ann, "/start");
  assert.throws(() => parley.press(ann, greeting, "🗞 Nope"), /no button "🗞 Nope" under message 1; there are: "🗞 Latest", "📅 Coming up", "🔔 Subscribe"/);
});
