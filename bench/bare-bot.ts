// The baselines for the command benchmark: a bare grammY bot on the same runner, with none of
// Parley's layers. BARE_REPLY=text: a short fixed text (the figure earlier runs reported).
// BARE_REPLY=same: exactly the reply Parley sent for the same command in the same language
// (text, parse mode, link preview options and keyboard, captured from the emulator and passed
// in BARE_REPLIES), so the ratio measures Parley's own cost per update and nothing else.
// BARE_TRANSPORT=parley: the same bot over Parley's HTTP client (src/bot/transport.ts) instead
// of grammY's default, to show what Parley's own layers cost with the transport set aside.
import { run } from "@grammyjs/runner";
import { Bot } from "grammy";
import { readFileSync } from "node:fs";
import { telegramFetch } from "../src/bot/transport.ts";

const fetch = process.env.BARE_TRANSPORT === "parley" ? telegramFetch : undefined;
const bot = new Bot(process.env.BOT_TOKEN!, { client: { apiRoot: process.env.TELEGRAM_API_ROOT, fetch } });
if (process.env.BARE_REPLY === "same") {
  const replies: { [langAndCommand: string]: { text: string; [option: string]: unknown } } = JSON.parse(readFileSync(process.env.BARE_REPLIES!, "utf8"));
  bot.on("message:text", (ctx) => {
    const { text, ...options } = replies[`${ctx.from.language_code}|${ctx.msg.text}`];
    return ctx.reply(text, options);
  });
} else {
  bot.on("message", (ctx) => ctx.reply("Fixed reply."));
}
await bot.init();
const runner = run(bot);
process.on("SIGTERM", () => void runner.stop().then(() => process.exit(0)));
