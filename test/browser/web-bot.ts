// The bot process with its HTTP server, for the web timeline's tests (over HTTP and in Chromium):
// the shipped record plus one round that counts down, and the clock fixed just before it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, startBot, type BotProcess } from "../support/bot-process.ts";
import type { Emulator } from "../support/emulator.ts";

export const NOW = "2026-11-30T12:00:00Z";

/** The shipped record plus a round set for the day after "now" (07:00 UTC), so something counts down. */
export function recordWithUpcomingRound() {
  const shipped = JSON.parse(readFileSync(join(REPO_ROOT, "data/events.json"), "utf8"));
  shipped.entries.push({
    id: "embassy-round-4-test",
    track: "embassy-operations",
    kind: "round",
    status: "scheduled",
    date: "2026-12-01",
    time: "10:00",
    timezone: "Europe/Istanbul",
    sequence: 4,
    place: { city: { en: "Istanbul", ru: "Стамбул", uk: "Стамбул" } },
    parties: ["RU", "US"],
    participants: [],
    title: { en: "Embassy talks, round 4 <test>", ru: "Консультации по посольствам, раунд 4", uk: "Консультації щодо посольств, раунд 4" },
    summary: { en: "A test entry & nothing more." },
    sources: [{ outlet: "Test & Co", url: "https://example.org/?a=1&b=2", language: "en" }],
  });
  return shipped;
}

/** Starts the bot with its HTTP server on a free port; resolves with the bot and the server's base URL. */
export async function startWebBot(emu: Emulator, dataDir: string, env: Record<string, string> = {}): Promise<{ bot: BotProcess; base: string }> {
  const bot = await startBot({ emulator: emu, dataDir, env: { FAKE_NOW: NOW, HTTP_PORT: "0", HTTP_HOST: "127.0.0.1", HTTP_RATE_LIMIT: "0", ...env } });
  const out = await bot.waitForOutput(/HTTP server listening .*"port":\d+/, 10_000);
  const port = /HTTP server listening .*"port":(\d+)/.exec(out)![1];
  return { bot, base: `http://127.0.0.1:${port}` };
}

