// Tests of the Bot API emulator itself, through raw HTTP as the bot would use it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator, parseTelegramHtml, type Emulator, type EmulatorOptions } from "../support/emulator.ts";

interface ApiResponse {
  status: number;
  body: { ok: boolean; result?: any; error_code?: number; description?: string; parameters?: any };
}

async function api(emu: Emulator, method: string, params: object = {}, token = emu.token): Promise<ApiResponse> {
  const res = await fetch(`${emu.apiRoot}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: (await res.json()) as ApiResponse["body"] };
}

/** Runs `fn` against a fresh emulator and always closes it. */
async function withEmu(opts: EmulatorOptions, fn: (emu: Emulator) => Promise<void>): Promise<void> {
  const emu = await startEmulator(opts);
  try {
    await fn(emu);
  } finally {
    await emu.close();
  }
}

const ALICE = { id: 1001, first_name: "Alice", language_code: "en", username: "alice" };
const BOB = { id: 1002, first_name: "Bob" };

function assertError(r: ApiResponse, code: number, description: string | RegExp): void {
  assert.equal(r.status, code, JSON.stringify(r.body));
  assert.equal(r.body.ok, false);
  assert.equal(r.body.error_code, code);
  if (typeof description === "string") assert.equal(r.body.description, description);
  else assert.match(r.body.description!, description);
}

test("getMe, wrong token 401, unknown method 404, GET with query string", async () => {
  await withEmu({ botUsername: "parley_bot" }, async (emu) => {
    assert.match(emu.token, /^\d+:AAH[A-Za-z0-9_-]{32}$/);
    const me = await api(emu, "getMe");
    assert.equal(me.status, 200);
    assert.equal(me.body.result.username, "parley_bot");
    assert.equal(me.body.result.is_bot, true);

    assertError(await api(emu, "getMe", {}, "123456789:AAHwrongwrongwrongwrongwrongwrong12"), 401, "Unauthorized");
    assertError(await api(emu, "sendTelepathy"), 404, "Not Found: method not found");

    emu.addPrivateChat(ALICE);
    const res = await fetch(`${emu.apiRoot}/bot${emu.token}/sendmessage?chat_id=${ALICE.id}&text=hi`);
    const body = (await res.json()) as ApiResponse["body"];
    assert.equal(body.ok, true);
    assert.equal(body.result.text, "hi");
    assert.equal(emu.calls.at(-1)!.method, "sendMessage"); // method names are case-insensitive
  });
});

test("HTML parse mode: accepted markup and entities", () => {
  const r = parseTelegramHtml('<b>bold <i>both</i></b> <a href="https://x.test/?a=1&amp;b=2">link</a> &lt;&gt;&amp;&quot;&#65;&#x1F600;');
  assert.equal(r.text, 'bold both link <>&"A😀');
  assert.deepEqual(r.entities, [
    { type: "bold", offset: 0, length: 9 },
    { type: "italic", offset: 5, length: 4 },
    { type: "text_link", offset: 10, length: 4, url: "https://x.test/?a=1&b=2" },
  ]);
  const pre = parseTelegramHtml('<pre><code class="language-ts">let x;</code></pre><blockquote expandable>q</blockquote><span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler><B>upper</B><u>u<s>s</s></u>');
  assert.equal(pre.text, "let x;qstupperus");
  assert.deepEqual(pre.entities.map((e) => e.type), ["pre", "expandable_blockquote", "spoiler", "spoiler", "bold", "underline", "strikethrough"]);
  assert.equal(pre.entities[0]!.language, "ts");
  // A bare ">" is fine; "</>" closes the innermost tag.
  assert.equal(parseTelegramHtml("a > b <b>x</>").text, "a > b x");
  // UTF-16 offsets: the emoji counts as 2.
  assert.deepEqual(parseTelegramHtml("😀<b>x</b>").entities, [{ type: "bold", offset: 2, length: 1 }]);
});

test("HTML parse mode: rejected markup gives Telegram's 400 with byte offsets", async () => {
  await withEmu({}, async (emu) => {
    emu.addPrivateChat(ALICE);
    const send = (text: string) => api(emu, "sendMessage", { chat_id: ALICE.id, text, parse_mode: "HTML" });
    const prefix = "Bad Request: can't parse entities: ";
    assertError(await send("a < b"), 400, `${prefix}Unsupported start tag "" at byte offset 2`);
    assertError(await send("1<2"), 400, `${prefix}Unclosed start tag at byte offset 1`);
    assertError(await send("<foo>x</foo>"), 400, `${prefix}Unsupported start tag "foo" at byte offset 0`);
    assertError(await send("line<br>line"), 400, `${prefix}Unsupported start tag "br" at byte offset 4`);
    assertError(await send("<b>never closed"), 400, `${prefix}Can't find end tag corresponding to start tag "b"`);
    assertError(await send("<b><i>x</b></i>"), 400, `${prefix}Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`);
    assertError(await send("x</b>"), 400, `${prefix}Unexpected end tag at byte offset 1`);
    assertError(await send("<span>x</span>"), 400, `${prefix}Tag "span" must have class "tg-spoiler" at byte offset 0`);
    // Byte offsets count UTF-8 bytes: "Привет " is 13 bytes.
    assertError(await send("Привет <x>"), 400, `${prefix}Unsupported start tag "x" at byte offset 13`);
    // Unescaped "&" and unknown named entities (emulator-strict; the docs require &amp;).
    assertError(await send("Q&A"), 400, new RegExp(`^${prefix}Unescaped "&".* at byte offset 1$`));
    assertError(await send("a&nbsp;b"), 400, /at byte offset 1$/);
    assert.equal(emu.sent.length, 0);

    const ok = await send("<b>Talks</b> &amp; <i>news</i> &lt;3");
    assert.equal(ok.body.ok, true);
    assert.equal(ok.body.result.text, "Talks & news <3");
    assert.equal(emu.sent[0]!.text, "<b>Talks</b> &amp; <i>news</i> &lt;3");
    assert.equal(emu.sent[0]!.plainText, "Talks & news <3");

    // Without parse_mode the same characters are plain text.
    assert.equal((await api(emu, "sendMessage", { chat_id: ALICE.id, text: "a < b & <foo>" })).body.ok, true);
  });
  // The real server's leniency is available too.
  assert.equal(parseTelegramHtml("Q&A &nbsp;", { strict: false }).text, "Q&A &nbsp;");
});

test("text limits: empty, 4096 UTF-16 units counted after entity parsing", async () => {
  await withEmu({}, async (emu) => {
    emu.addPrivateChat(ALICE);
    const send = (text: string, parse_mode?: string) => api(emu, "sendMessage", { chat_id: ALICE.id, text, parse_mode });
    assertError(await send(""), 400, "Bad Request: message text is empty");
    assertError(await send("  \n "), 400, "Bad Request: message text is empty");
    assertError(await send("<b> </b>", "HTML"), 400, "Bad Request: message text is empty");
    assertError(await api(emu, "sendMessage", { chat_id: ALICE.id }), 400, "Bad Request: message text is empty");

    assert.equal((await send("a".repeat(4096))).body.ok, true);
    assertError(await send("a".repeat(4097)), 400, "Bad Request: message is too long");
    // Markup does not count; each entity counts as one character.
    assert.equal((await send(`<b>${"a".repeat(4096)}</b>`, "HTML")).body.ok, true);
    assert.equal((await send("&amp;".repeat(4096), "HTML")).body.ok, true);
    assertError(await send("&amp;".repeat(4097), "HTML"), 400, "Bad Request: message is too long");
    // Astral characters are two UTF-16 code units.
    assert.equal((await send("😀".repeat(2048))).body.ok, true);
    assertError(await send("😀".repeat(2048) + "a"), 400, "Bad Request: message is too long");

    // editMessageText follows the same rules.
    const msg = (await send("short")).body.result;
    assertError(await api(emu, "editMessageText", { chat_id: ALICE.id, message_id: msg.message_id, text: "x".repeat(4097) }), 400, "Bad Request: message is too long");
  });
});

test("inline keyboards: callback_data 1-64 bytes, button types, URL schemes, JSON-string markup", async () => {
  await withEmu({}, async (emu) => {
    emu.addPrivateChat(ALICE);
    const send = (reply_markup: unknown) => api(emu, "sendMessage", { chat_id: ALICE.id, text: "pick", reply_markup });
    const kb = (button: object) => ({ inline_keyboard: [[{ text: "B", ...button }]] });

    assert.equal((await send(kb({ callback_data: "x".repeat(64) }))).body.ok, true);
    assertError(await send(kb({ callback_data: "x".repeat(65) })), 400, "Bad Request: BUTTON_DATA_INVALID");
    // "é" is 2 bytes in UTF-8: 32 fit, 33 (66 bytes, only 33 characters) do not.
    assert.equal((await send(kb({ callback_data: "é".repeat(32) }))).body.ok, true);
    assertError(await send(kb({ callback_data: "é".repeat(33) })), 400, "Bad Request: BUTTON_DATA_INVALID");
    assertError(await send(kb({ callback_data: "" })), 400, "Bad Request: BUTTON_DATA_INVALID");

    assertError(await send(kb({})), 400, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    assertError(await send(kb({ callback_data: "a", url: "https://x.test" })), 400, /exactly one of the optional fields/);
    assertError(await send(kb({ url: "javascript:alert(1)" })), 400, "Bad Request: BUTTON_URL_INVALID");
    assertError(await send(kb({ url: "x.test/page" })), 400, "Bad Request: BUTTON_URL_INVALID");
    assert.equal((await send(kb({ url: "tg://resolve?domain=durov" }))).body.ok, true);
    assertError(await send({ inline_keyboard: [[{ text: "", callback_data: "a" }]] }), 400, /^Bad Request: BUTTON_TEXT/);
    assertError(await send({ inline_keyboard: [{ text: "a", callback_data: "a" }] }), 400, /Array of Arrays/);

    // reply_markup may be a JSON string (as in form-encoded requests).
    const asString = await send(JSON.stringify(kb({ callback_data: "s" })));
    assert.equal(asString.body.result.reply_markup.inline_keyboard[0][0].callback_data, "s");
    assertError(await send("{not json"), 400, "Bad Request: can't parse reply keyboard markup JSON object");
    assert.deepEqual(emu.buttons(emu.sent.at(-1)!), [{ text: "B", callback_data: "s", row: 0, column: 0 }]);
  });
});

test("getUpdates: long poll returns a pushed update promptly; offset confirms; allowed_updates", async () => {
  await withEmu({}, async (emu) => {
    emu.addPrivateChat(ALICE);
    const started = Date.now();
    const poll = api(emu, "getUpdates", { timeout: 10 });
    await emu.waitForPolling({ timeoutMs: 1000 });
    setTimeout(() => emu.userSends(ALICE, "/start"), 50);
    const r = await poll;
    assert.ok(Date.now() - started < 1000, `long poll took ${Date.now() - started} ms`);
    assert.equal(r.body.result.length, 1);
    const update = r.body.result[0];
    assert.equal(update.message.text, "/start");
    assert.deepEqual(update.message.entities, [{ type: "bot_command", offset: 0, length: 6 }]);
    assert.equal(update.message.chat.type, "private");
    assert.equal(update.message.from.language_code, "en");

    // Unconfirmed updates are delivered again; offset confirms them.
    assert.equal((await api(emu, "getUpdates")).body.result.length, 1);
    emu.userSends(ALICE, "hello");
    const next = await api(emu, "getUpdates", { offset: update.update_id + 1 });
    assert.deepEqual(next.body.result.map((u: any) => u.message.text), ["hello"]);
    assert.ok(next.body.result[0].update_id > update.update_id);
    assert.equal(emu.pendingUpdates().length, 1);

    // limit, and allowed_updates (remembered for later calls).
    emu.userSends(ALICE, "two");
    assert.equal((await api(emu, "getUpdates", { offset: next.body.result[0].update_id + 1, limit: 1 })).body.result.length, 1);
    emu.pushUpdate({ my_chat_member: { chat: { id: ALICE.id, type: "private" } } });
    const only = await api(emu, "getUpdates", { allowed_updates: ["my_chat_member"] });
    assert.deepEqual(only.body.result.map((u: any) => Object.keys(u).sort()), [["my_chat_member", "update_id"]]);

    // A timeout without updates returns [] after the timeout.
    const t0 = Date.now();
    const empty = await api(emu, "getUpdates", { offset: only.body.result[0].update_id + 1, timeout: 1 });
    assert.deepEqual(empty.body.result, []);
    assert.ok(Date.now() - t0 >= 950);
  });
});

test("getUpdates: a second long poll terminates the pending one with 409", async () => {
  await withEmu({}, async (emu) => {
    emu.addPrivateChat(ALICE);
    const first = api(emu, "getUpdates", { timeout: 5 });
    await emu.waitForPolling({ timeoutMs: 1000 });
    const second = api(emu, "getUpdates", { timeout: 5 });
    // As on Telegram's server, the request that was already waiting gets the 409.
    assertError(
      await first,
      409,
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    );
    emu.userSends(ALICE, "hi");
    const r = await second;
    assert.equal(r.body.ok, true);
    assert.equal(r.body.result[0].message.text, "hi");
  });
});

test("rate limits: per private chat, global 30/s, paid broadcast 1000/s, groups 20/min", async () => {
  // The windows are measured on a pinned clock: however slowly this machine sends the burst,
  // it all falls within one second.
  const clock = () => 1_700_000_000_000;
  await withEmu({ limits: { clock } }, async (emu) => {
    for (let i = 0; i < 140; i++) emu.addPrivateChat({ id: 5000 + i, first_name: `U${i}` });
    const send = (chat_id: number, extra: object = {}) => api(emu, "sendMessage", { chat_id, text: "news", ...extra });

    // One message per second in a private chat.
    assert.equal((await send(5000)).body.ok, true);
    const r = await send(5000);
    assertError(r, 429, "Too Many Requests: retry after 1");
    assert.deepEqual(r.body.parameters, { retry_after: 1 });
    assert.equal(emu.stats.tooMany, 1);

    // 30 per second overall (one already sent).
    const burst = await Promise.all(Array.from({ length: 34 }, (_, i) => send(5001 + i)));
    const limited = burst.filter((b) => b.status === 429);
    assert.equal(burst.filter((b) => b.body.ok).length, 29);
    assert.equal(limited.length, 5);
    assert.equal(limited[0]!.body.parameters.retry_after, 1);
    assert.equal(emu.stats.tooMany, 6);

    // allow_paid_broadcast raises the global limit to 1000/s.
    const paid = await Promise.all(Array.from({ length: 100 }, (_, i) => send(5035 + i, { allow_paid_broadcast: true })));
    assert.ok(paid.every((p) => p.body.ok), "paid broadcast must not be limited at 30/s");
    assert.equal(emu.sent.at(-1)!.allow_paid_broadcast, true);
  });

  await withEmu({ limits: { globalPerSecond: 1000, clock } }, async (emu) => {
    emu.addGroup({ id: -100, title: "Talks", members: { [ALICE.id]: "creator" } });
    for (let i = 0; i < 20; i++) assert.equal((await api(emu, "sendMessage", { chat_id: -100, text: `#${i}` })).body.ok, true);
    const r = await api(emu, "sendMessage", { chat_id: -100, text: "one too many" });
    assert.equal(r.status, 429);
    assert.ok(r.body.parameters.retry_after >= 59 && r.body.parameters.retry_after <= 60, String(r.body.parameters.retry_after));
  });
});

test("chat errors: not found, blocked, deactivated, not started, kicked, migrated, channel rights", async () => {
  await withEmu({}, async (emu) => {
    emu.addPrivateChat(ALICE);
    emu.addPrivateChat(BOB);
    emu.addUser({ id: 1003, first_name: "Carol" });
    emu.addGroup({ id: -200, title: "Old group", members: { [ALICE.id]: "creator" } });
    emu.addGroup({ id: -300, title: "Kicked", type: "supergroup" });
    emu.addChannel({ id: -1001000000001, username: "@news", title: "News", admins: [ALICE.id], botIsAdmin: true, botCanPost: true });
    emu.addChannel({ id: -1001000000002, username: "@readonly", title: "RO", admins: [ALICE.id], botIsAdmin: true, botCanPost: false });
    const send = (chat_id: number | string) => api(emu, "sendMessage", { chat_id, text: "hi" });

    assertError(await send(424242), 400, "Bad Request: chat not found");
    assertError(await send("@nosuchchannel"), 400, "Bad Request: chat not found");
    assertError(await api(emu, "getChat", { chat_id: 424242 }), 400, "Bad Request: chat not found");
    assertError(await send(1003), 403, "Forbidden: bot can't initiate conversation with a user");

    emu.block(ALICE.id);
    assertError(await send(ALICE.id), 403, "Forbidden: bot was blocked by the user");
    emu.unblock(ALICE.id);
    assert.equal((await send(ALICE.id)).body.ok, true);
    emu.deactivate(BOB.id);
    assertError(await send(BOB.id), 403, "Forbidden: user is deactivated");

    emu.kick(-300);
    assertError(await send(-300), 403, "Forbidden: bot was kicked from the supergroup chat");

    assert.equal((await send(-200)).body.ok, true);
    emu.migrate(-200, -1009999);
    const migrated = await send(-200);
    assertError(migrated, 400, "Bad Request: group chat was upgraded to a supergroup chat");
    assert.deepEqual(migrated.body.parameters, { migrate_to_chat_id: -1009999 });
    const moved = await send(-1009999);
    assert.equal(moved.body.result.chat.type, "supergroup");
    assert.equal(moved.body.result.chat.title, "Old group");

    assert.equal((await send("@news")).body.result.chat.id, -1001000000001);
    assertError(await send("@readonly"), 400, "Bad Request: need administrator rights in the channel chat");
    assertError(await api(emu, "getChatAdministrators", { chat_id: ALICE.id }), 400, "Bad Request: there are no administrators in the private chat");
    const admins = (await api(emu, "getChatAdministrators", { chat_id: "@news" })).body.result;
    assert.deepEqual(admins.map((a: any) => [a.user.id, a.status]), [[ALICE.id, "creator"], [emu.botInfo.id, "administrator"]]);
    const member = await api(emu, "getChatMember", { chat_id: "@readonly", user_id: emu.botInfo.id });
    assert.equal(member.body.result.can_post_messages, false);
    assert.equal(emu.stats.errors["Forbidden: bot was blocked by the user"], 1);
  });
});

test("failNext and dropNext inject errors and network failures", async () => {
  await withEmu({}, async (emu) => {
    emu.addPrivateChat(ALICE);
    emu.addPrivateChat(BOB);
    const send = (chat_id: number) => api(emu, "sendMessage", { chat_id, text: "x" });

    emu.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    assertError(await send(ALICE.id), 502, "Bad Gateway");
    assert.equal((await send(ALICE.id)).body.ok, true);

    emu.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } }, { chatId: BOB.id, times: 2 });
    assert.equal((await send(ALICE.id)).body.ok, true); // other chats unaffected
    assert.deepEqual((await send(BOB.id)).body.parameters, { retry_after: 3 });
    assert.equal((await send(BOB.id)).status, 429);
    assert.equal((await send(BOB.id)).body.ok, true);
    assert.equal(emu.stats.tooMany, 2);

    emu.dropNext("sendMessage");
    await assert.rejects(send(ALICE.id)); // fetch fails: socket closed without a response
    assert.equal((await send(ALICE.id)).body.ok, true);
    assert.equal(emu.sent.length, 4); // failed attempts deliver nothing

    emu.failNext("getMe", { error_code: 502, description: "Bad Gateway" }, { rawBody: "<html>502 Bad Gateway</html>" });
    const res = await fetch(`${emu.apiRoot}/bot${emu.token}/getMe`);
    assert.equal(res.status, 502);
    assert.equal(await res.text(), "<html>502 Bad Gateway</html>");
  });
});

test("setMyCommands/getMyCommands per scope and language; validation", async () => {
  await withEmu({}, async (emu) => {
    emu.addPrivateChat(ALICE);
    const en = [{ command: "start", description: "Start" }, { command: "digest", description: "Latest digest" }];
    const ru = [{ command: "start", description: "Начать" }];
    assert.equal((await api(emu, "setMyCommands", { commands: en })).body.result, true);
    assert.equal((await api(emu, "setMyCommands", { commands: ru, language_code: "ru" })).body.ok, true);
    const privateScope = { type: "all_private_chats" };
    assert.equal((await api(emu, "setMyCommands", { commands: [en[0]], scope: privateScope })).body.ok, true);
    assert.equal((await api(emu, "setMyCommands", { commands: [en[1]], scope: { type: "chat", chat_id: String(ALICE.id) } })).body.ok, true);

    assert.deepEqual((await api(emu, "getMyCommands")).body.result, en);
    assert.deepEqual((await api(emu, "getMyCommands", { language_code: "ru" })).body.result, ru);
    assert.deepEqual((await api(emu, "getMyCommands", { language_code: "uk" })).body.result, []); // no fallback
    assert.deepEqual((await api(emu, "getMyCommands", { scope: privateScope })).body.result, [en[0]]);
    assert.deepEqual(emu.commands(), en);
    assert.deepEqual(emu.commands({ type: "default" }, "ru"), ru);
    assert.deepEqual(emu.commands({ type: "chat", chat_id: ALICE.id }), [en[1]]);

    assert.equal((await api(emu, "deleteMyCommands", { language_code: "ru" })).body.ok, true);
    assert.deepEqual(emu.commands({ type: "default" }, "ru"), []);

    const set = (commands: unknown) => api(emu, "setMyCommands", { commands });
    assertError(await set([{ command: "Start", description: "x" }]), 400, "Bad Request: BOT_COMMAND_INVALID");
    assertError(await set([{ command: "/start", description: "x" }]), 400, "Bad Request: BOT_COMMAND_INVALID");
    assertError(await set([{ command: "a".repeat(33), description: "x" }]), 400, "Bad Request: BOT_COMMAND_INVALID");
    assertError(await set([{ command: "ok", description: "" }]), 400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
    assertError(await set([{ command: "ok", description: "d".repeat(257) }]), 400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
    assertError(await set(Array.from({ length: 101 }, (_, i) => ({ command: `c${i}`, description: "d" }))), 400, "Bad Request: BOT_COMMANDS_TOO_MUCH");
    assertError(await api(emu, "setMyCommands", { commands: en, scope: { type: "chat", chat_id: 999 } }), 400, "Bad Request: chat not found");
    assert.deepEqual(emu.commands(), en); // failed calls change nothing
  });
});

test("editMessageText: not modified, keyboard removal, not found; messagesIn reflects edits and deletes", async () => {
  await withEmu({}, async (emu) => {
    emu.addPrivateChat(ALICE);
    const markup = { inline_keyboard: [[{ text: "More", callback_data: "more" }]] };
    const sent = await api(emu, "sendMessage", { chat_id: ALICE.id, text: "<b>Digest</b>", parse_mode: "HTML", reply_markup: markup });
    const message_id = sent.body.result.message_id;
    const edit = (params: object) => api(emu, "editMessageText", { chat_id: ALICE.id, message_id, ...params });
    const NOT_MODIFIED = "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    assertError(await edit({ text: "<b>Digest</b>", parse_mode: "HTML", reply_markup: markup }), 400, NOT_MODIFIED);
    // Same visible text and entities written differently is still "not modified".
    assertError(await edit({ text: "<strong>Digest</strong>", parse_mode: "HTML", reply_markup: JSON.stringify(markup) }), 400, NOT_MODIFIED);
    // Dropping the bold is a change.
    assert.equal((await edit({ text: "Digest", reply_markup: markup })).body.ok, true);
    // Omitting reply_markup removes the keyboard, which is a change too.
    const removed = await edit({ text: "Digest" });
    assert.equal(removed.body.ok, true);
    assert.equal(removed.body.result.reply_markup, undefined);
    assert.ok(removed.body.result.edit_date);
    assertError(await edit({ text: "Digest" }), 400, NOT_MODIFIED);

    assert.equal((await api(emu, "editMessageReplyMarkup", { chat_id: ALICE.id, message_id, reply_markup: markup })).body.ok, true);
    assertError(await api(emu, "editMessageReplyMarkup", { chat_id: ALICE.id, message_id, reply_markup: markup }), 400, NOT_MODIFIED);
    assertError(await api(emu, "editMessageText", { chat_id: ALICE.id, message_id: 999, text: "x" }), 400, "Bad Request: message to edit not found");

    const user = emu.userSends(ALICE, "thanks");
    assertError(await api(emu, "editMessageText", { chat_id: ALICE.id, message_id: user.message_id, text: "x" }), 400, "Bad Request: message can't be edited");

    let visible = emu.messagesIn(ALICE.id);
    assert.deepEqual(visible.map((m) => [m.fromBot, m.text]), [[true, "Digest"], [false, "thanks"]]);
    assert.deepEqual(visible[0]!.reply_markup, markup);
    assert.equal(emu.sent[0]!.plainText, "Digest"); // `sent` keeps what was originally sent
    assert.equal(emu.sent[0]!.text, "<b>Digest</b>");

    assert.equal((await api(emu, "deleteMessage", { chat_id: ALICE.id, message_id })).body.result, true);
    assertError(await api(emu, "deleteMessage", { chat_id: ALICE.id, message_id }), 400, "Bad Request: message to delete not found");
    assertError(await edit({ text: "again" }), 400, "Bad Request: message to edit not found");
    visible = emu.messagesIn(ALICE.id);
    assert.deepEqual(visible.map((m) => m.text), ["thanks"]);
  });
});

test("driving the bot: userSends, waitForReply, press, answerCallbackQuery, forum topics, privacy mode", async () => {
  await withEmu({ botUsername: "parley_bot" }, async (emu) => {
    emu.addPrivateChat(ALICE);
    // A tiny "bot": replies to /start with a button and answers presses.
    const poll = async () => (await api(emu, "getUpdates", { timeout: 0 })).body.result as any[];
    emu.userSends(ALICE, "/start");
    const [u1] = await poll();
    await api(emu, "sendMessage", {
      chat_id: u1.message.chat.id,
      text: "Welcome",
      reply_markup: { inline_keyboard: [[{ text: "Subscribe", callback_data: "sub" }, { text: "Site", url: "https://x.test" }]] },
    });
    const reply = await emu.waitForReply(ALICE.id, { timeoutMs: 1000 });
    assert.equal(reply.plainText, "Welcome");
    assert.deepEqual(emu.buttons(reply).map((b) => b.text), ["Subscribe", "Site"]);

    assert.throws(() => emu.press(ALICE, reply, "Unsubscribe"), /buttons: "Subscribe" \(data "sub"\), "Site" \(url https:\/\/x.test\)/);
    const query = emu.press(ALICE, reply, "Subscribe");
    const updates = await api(emu, "getUpdates", { offset: u1.update_id + 1 });
    const cq = updates.body.result[0].callback_query;
    assert.equal(cq.id, query.id);
    assert.equal(cq.data, "sub");
    assert.equal(cq.message.message_id, reply.message_id);
    assertError(await api(emu, "answerCallbackQuery", { callback_query_id: cq.id, text: "x".repeat(201) }), 400, "Bad Request: MESSAGE_TOO_LONG");
    assert.equal((await api(emu, "answerCallbackQuery", { callback_query_id: cq.id, text: "Subscribed" })).body.ok, true);
    assertError(await api(emu, "answerCallbackQuery", { callback_query_id: cq.id }), 400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
    assert.equal(emu.answers[0]!.text, "Subscribed");

    // waitFor on the call log; several replies at once.
    await emu.waitFor((c) => c.method === "answerCallbackQuery" && c.ok === true, 500);
    const mark = emu.sent.length;
    await api(emu, "sendMessage", { chat_id: ALICE.id, text: "one" });
    await api(emu, "sendMessage", { chat_id: ALICE.id, text: "two" });
    const both = await emu.waitForReply(ALICE.id, { after: mark, count: 2, timeoutMs: 500 });
    assert.deepEqual(both.map((s) => s.plainText), ["one", "two"]);
    await assert.rejects(emu.waitForReply(ALICE.id, { after: emu.sent.length, timeoutMs: 50 }), /timed out after 50 ms[\s\S]*sendMessage/);

    // Forum supergroup: message_thread_id on updates and on the bot's messages.
    emu.addGroup({ id: -1001234, title: "Forum", type: "supergroup", is_forum: true, members: { [ALICE.id]: "creator" } });
    const topic = emu.addTopic(-1001234, "Geneva");
    // offset -1 forgets all but the last queued update; confirm that one too.
    const [last] = (await api(emu, "getUpdates", { offset: -1 })).body.result;
    await api(emu, "getUpdates", { offset: last.update_id + 1 });
    assert.equal(emu.pendingUpdates().length, 0);
    emu.userSends({ chat: -1001234, from: ALICE }, "/digest@parley_bot", { threadId: topic });
    const [g] = (await api(emu, "getUpdates")).body.result;
    assert.equal(g.message.message_thread_id, topic);
    assert.equal(g.message.is_topic_message, true);
    assert.deepEqual(g.message.entities, [{ type: "bot_command", offset: 0, length: 18 }]);
    const inTopic = await api(emu, "sendMessage", { chat_id: -1001234, text: "digest", message_thread_id: topic });
    assert.equal(inTopic.body.result.message_thread_id, topic);
    assert.equal(emu.sent.at(-1)!.message_thread_id, topic);
    assertError(await api(emu, "sendMessage", { chat_id: -1001234, text: "x", message_thread_id: 9999 }), 400, "Bad Request: message thread not found");

    // Privacy mode: plain group chatter does not reach a non-admin bot; commands and mentions do.
    await api(emu, "getUpdates", { offset: g.update_id + 1 });
    emu.userSends({ chat: -1001234, from: ALICE }, "just chatting");
    emu.userSends({ chat: -1001234, from: ALICE }, "/help@other_bot");
    emu.userSends({ chat: -1001234, from: ALICE }, "hey @parley_bot");
    assert.deepEqual(emu.pendingUpdates().map((u: any) => u.message.text), ["hey @parley_bot"]);
  });
});

test("latencyMs delays every response", async () => {
  await withEmu({ latencyMs: 60 }, async (emu) => {
    const t0 = Date.now();
    await api(emu, "getMe");
    assert.ok(Date.now() - t0 >= 55, `took ${Date.now() - t0} ms`);
  });
});
