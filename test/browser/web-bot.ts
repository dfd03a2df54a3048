// The bot process with its HTTP server, for the web timeline's tests (over HTTP and in Chromium):
// the shipped record plus one round that counts down, and the clock fixed just before it.
import { startBot, type BotProcess } from "../support/bot-process.ts";
import type { Emulator } from "../support/emulator.ts";

export { recordWithUpcomingRound } from "../support/fixtures.ts";

export const NOW = "2026-11-30T12:00:00Z";


/** Starts the bot with its HTTP server on a free port; resolves with the bot and the server's base URL. */
export async function startWebBot(emu: Emulator, dataDir: string, env: Record<string, string> = {}): Promise<{ bot: BotProcess; base: string }> {
  const bot = await startBot({ emulator: emu, dataDir, env: { FAKE_NOW: NOW, HTTP_PORT: "0", HTTP_HOST: "127.0.0.1", HTTP_RATE_LIMIT: "0", ...env } });
  const out = await bot.waitForOutput(/HTTP server listening .*"port":\d+/, 10_000);
  const port = /HTTP server listening .*"port":(\d+)/.exec(out)![1];
  return { bot, base: `http://127.0.0.1:${port}` };
}

