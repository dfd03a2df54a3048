// The baselines for the command benchmark: a bare grammY bot on the same runner that answers
// every message with a fixed reply. BARE_REPLY=text (the baseline the issue names): a short
// plain text. BARE_REPLY=html: a fixed reply the size and shape of Parley's /latest (five
// items of HTML, six buttons), to tell the cost of answering at all from Parley's own work.
import { run } from "@grammyjs/runner";
import { Bot, InlineKeyboard } from "grammy";

const bot = new Bot(process.env.BOT_TOKEN!, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
if (process.env.BARE_REPLY === "html") {
  const item =
    `<b>29 April 2026</b> · Call · Istanbul, Türkiye\n<b>Putin–Trump phone call</b>\nRussia: Vladimir Putin · USA: Donald Trump\n` +
    `Vladimir Putin and Donald Trump spoke by phone for more than an hour and a half, Yuri Ushakov reported. ` +
    `Putin proposed a ceasefire for Victory Day and Trump backed it; they also discussed Iran.\n` +
    `Sources: <a href="https://news.example.org/world/2026/04/29/2273016.html">News</a>, <a href="https://example.org/t/iran">Example</a>`;
  const text = `<b>Latest developments</b> · 1–5 of 99950\n\n${Array(5).fill(item).join("\n\n")}`;
  const keyboard = new InlineKeyboard();
  for (let i = 0; i < 5; i++) keyboard.text(`🔎 29.04.2026 · Putin–Trump phone call ${i}`, `ev:gen-${i}`).row();
  keyboard.text("⬅️ Older", "lt:5:5");
  bot.on("message", (ctx) => ctx.reply(text, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: keyboard }));
} else {
  bot.on("message", (ctx) => ctx.reply("Fixed reply."));
}
await bot.init();
const runner = run(bot);
process.on("SIGTERM", () => void runner.stop().then(() => process.exit(0)));
