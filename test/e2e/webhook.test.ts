// Webhook mode end to end: the real bot process with WEBHOOK_URL, behind a stand-in for the
// reverse proxy (the emulator posts each update to the webhook path on the bot's HTTP port,
// with the secret the bot set). The same conversation is held in webhook mode and then, with
// WEBHOOK_URL unset again, in polling mode, and the user sees the same replies. Posts without
// the secret are refused and counted; the public routes are rate limited, the webhook is not.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { ensureBuilt, makeDataDir, REPO_ROOT, startBot, type BotProcess } from "../support/bot-process.ts";
import * as conversation from "../support/conversation.ts";
import { startEmulator, type Emulator, type SentRecord, type UserLike } from "../support/emulator.ts";

const NOW = "2026-11-30T12:00:00Z";
const SECRET = "s3cret-token_for-the-webhook-0123456789abcdef";
const WEBHOOK_URL = "https://parley.example.org/telegram/hook?x=1";

let emu: Emulator;

/** The port the bot's HTTP server took (HTTP_PORT=0: any free one), from its log. */
async function httpBase(bot: BotProcess): Promise<string> {
  const out = await bot.waitForOutput(/HTTP server listening .*"port":\d+/);
  return `http://127.0.0.1:${/HTTP server listening .*"port":(\d+)/.exec(out)![1]}`;
}

/** What the user sees of a conversation: each reply's text and its buttons. */
async function holdConversation(user: UserLike): Promise<string[]> {
  const seen: string[] = [];
  const show = (m: SentRecord) => seen.push(`${m.plainText}\n[${emu.buttons(m).map((b) => b.text).join(" | ")}]`);
  const start = await conversation.say(emu, user, "/start");
  show(start);
  show(await conversation.press(emu, user, start, "🗞 Latest"));
  show(await conversation.say(emu, user, "/next"));
  show(await conversation.say(emu, user, "/help"));
  show(await conversation.say(emu, user, "/track leaders"));
  return seen;
}

function post(base: string, body: object, secret?: string): Promise<Response> {
  return fetch(`${base}/telegram/hook?x=1`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(secret === undefined ? {} : { "X-Telegram-Bot-Api-Secret-Token": secret }) },
    body: JSON.stringify(body),
  });
}

before(async () => {
  emu = await startEmulator();
});

after(async () => {
  await emu?.close();
});

describe("webhook mode", () => {
  const viaWebhook = { id: 201, first_name: "Ann", language_code: "en" };
  const viaPolling = { id: 202, first_name: "Ann", language_code: "en" };
  const intruder = { id: 666, first_name: "Mallory", language_code: "en" };
  let webhookTranscript: string[];

  test("the bot sets its webhook with the secret, the update types and max_connections, and answers through it", async () => {
    emu.addPrivateChat(viaWebhook);
    emu.addPrivateChat(intruder);
    const dataDir = await makeDataDir();
    const bot = await startBot({
      emulator: emu,
      dataDir,
      mode: "webhook",
      env: { FAKE_NOW: NOW, HTTP_PORT: "0", HTTP_HOST: "127.0.0.1", WEBHOOK_URL, WEBHOOK_SECRET: SECRET, WEBHOOK_MAX_CONNECTIONS: "10", HTTP_RATE_LIMIT: "10" },
    });
    try {
      const base = await httpBase(bot);
      const set = emu.calls.find((c) => c.method === "setWebhook")!;
      assert.equal(set.params.url, WEBHOOK_URL);
      assert.equal(set.params.secret_token, SECRET);
      assert.equal(Number(set.params.max_connections), 10);
      const allowed = typeof set.params.allowed_updates === "string" ? JSON.parse(set.params.allowed_updates) : set.params.allowed_updates;
      assert.deepEqual([...allowed].sort(), ["callback_query", "channel_post", "inline_query", "message", "my_chat_member"]);
      assert.ok(!emu.calls.some((c) => c.method === "getUpdates"), "no polling in webhook mode");

      emu.webhookProxy = base;
      webhookTranscript = await holdConversation(viaWebhook);
      assert.match(webhookTranscript[0], /^Hello, Ann! I am Parley/);
      // A post is answered a moment after its reply has gone out.
      for (let i = 0; i < 100 && emu.webhookPosts.length < 5; i++) await new Promise((r) => setTimeout(r, 50));
      assert.equal(emu.webhookPosts.length, 5);
      assert.ok(emu.webhookPosts.every((p) => p.status === 200));

      // Posts without the secret, or with a wrong one, are refused before anything is handled.
      const forged = { update_id: 1, message: { message_id: 1, date: 1, chat: { id: intruder.id, type: "private", first_name: "Mallory" }, from: { ...intruder, is_bot: false }, text: "/start" } };
      assert.equal((await post(base, forged)).status, 401);
      assert.equal((await post(base, forged, SECRET.slice(0, -1) + "X")).status, 401);
      assert.equal((await post(base, forged, "")).status, 401);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      assert.match(metrics, /^parley_webhook_unauthorized_total 3$/m);
      assert.match(metrics, /^parley_updates_total\{kind="message"\} 4$/m);
      assert.match(metrics, /^parley_updates_total\{kind="callback_query"\} 1$/m);
      assert.ok(!emu.sent.some((m) => m.chat_id === intruder.id), "the forged update got no reply");

      // The public routes are limited per client (10 a minute, bursts of 5); the webhook and health checks are not.
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await fetch(`${base}/api/entries/geneva-summit-2021`)).status);
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
      const limited = await fetch(`${base}/api/entries`);
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get("retry-after")) >= 1);
      assert.equal((await fetch(`${base}/healthz`)).status, 200);
      const again = await conversation.say(emu, viaWebhook, "/start");
      assert.match(again.plainText, /^Hello, Ann!/);
    } catch (err) {
      bot.kill();
      throw err;
    }
    assert.equal(await bot.stop(), 0);
    assert.match(bot.output(), /stopped cleanly/);
  });

  test("with WEBHOOK_URL unset again, the bot deletes the webhook and polls; the same conversation looks the same", async () => {
    assert.ok(webhookTranscript, "the webhook test ran first");
    emu.addPrivateChat(viaPolling);
    emu.webhookProxy = undefined;
    const since = emu.calls.length;
    const bot = await startBot({ emulator: emu, dataDir: await makeDataDir(), env: { FAKE_NOW: NOW } });
    try {
      const calls = emu.calls.slice(since).map((c) => c.method);
      assert.ok(calls.indexOf("deleteWebhook") >= 0 && calls.indexOf("deleteWebhook") < calls.indexOf("getUpdates"));
      assert.equal(emu.webhookInfo, undefined);
      assert.deepEqual(await holdConversation(viaPolling), webhookTranscript);
    } finally {
      await bot.stop();
    }
  });
});

describe("start-up refuses a webhook Telegram would refuse", () => {
  /** Runs the bot with this environment; resolves with its exit code and output. */
  function run(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    ensureBuilt();
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ["dist/main.js"], {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH, BOT_TOKEN: emu.token, TELEGRAM_API_ROOT: emu.apiRoot, HTTP_PORT: "0", ...env },
      });
      let output = "";
      child.stdout.on("data", (c) => (output += c));
      child.stderr.on("data", (c) => (output += c));
      child.on("exit", (code) => resolve({ code, output }));
    });
  }

  test("not https, a port Telegram does not post to, a short secret: each named with the reason", async () => {
    const dataDir = await makeDataDir();
    const r = await run({ DATA_DIR: dataDir, WEBHOOK_URL: "http://parley.example.org:8080/hook", WEBHOOK_SECRET: "short" });
    assert.equal(r.code, 1);
    assert.match(r.output, /WEBHOOK_URL must be https: Telegram only posts updates over HTTPS/);
    assert.match(r.output, /WEBHOOK_SECRET must be 32 to 256 random characters/);
    const p = await run({ DATA_DIR: dataDir, WEBHOOK_URL: "https://parley.example.org:8080/hook", WEBHOOK_SECRET: SECRET });
    assert.equal(p.code, 1);
    assert.match(p.output, /WEBHOOK_URL uses port 8080: Telegram only posts to ports 443, 80, 88, 8443/);
    assert.doesNotMatch(p.output + r.output, new RegExp(SECRET));
    assert.ok(!emu.calls.some((c) => c.method === "setWebhook" && c.params.url?.includes("8080")));
  });
});
