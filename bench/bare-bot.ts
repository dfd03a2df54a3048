// The baseline for the command benchmark: a bare grammY bot on the same runner that answers
// every message with a fixed text. Parley's /latest and /next are measured against it.
import { run } from "@grammyjs/runner";
import { Bot } from "grammy";

const bot = new Bot(process.env.BOT_TOKEN!, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
bot.on("message", (ctx) => ctx.reply("Fixed reply."));
await bot.init();
const runner = run(bot);
process.on("SIGTERM", () => void runner.stop().then(() => process.exit(0)));
