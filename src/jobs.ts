// The cron job: on every tick (DIGEST_CRON) re-read the record if the file changed. A broken
// edit keeps the last good record serving; the problem is logged and sent to the admins.
import cron from "node-cron";
import type { I18n } from "@grammyjs/i18n";
import type { Bot } from "grammy";
import type { Config } from "./config.ts";
import type { Logger } from "./log.ts";
import type { ParleyContext } from "./bot/context.ts";
import { describeProblem } from "./record/validate.ts";
import type { RecordSource } from "./record/source.ts";
import type { ChatPrefsStore } from "./store/chats.ts";
import { escapeHtml } from "./present/html.ts";

export interface JobDeps {
  config: Config;
  log: Logger;
  clock: () => Date;
  source: RecordSource;
  bot: Bot<ParleyContext>;
  i18n: I18n<ParleyContext>;
  stateDir: string;
  prefs: ChatPrefsStore;
}

export interface Jobs {
  stop(): Promise<void>;
  flush(): Promise<void>;
  /** One tick now (tests, start-up). */
  tick(): Promise<void>;
}

export async function startJobs(deps: JobDeps): Promise<Jobs> {
  const { config, log, source, bot } = deps;
  if (!cron.validate(config.digestCron)) throw new Error(`DIGEST_CRON "${config.digestCron}" is not a valid cron expression (e.g. "* * * * *" for every minute)`);
  let running: Promise<void> | null = null;

  const tick = async () => {
    const result = source.reload();
    if (result.kind === "invalid") {
      const lines = result.problems.map(describeProblem);
      log.error("the event log has errors; still serving the last good version", { problems: lines });
      for (const admin of config.adminIds) {
        await bot.api
          .sendMessage(admin, `⚠️ <b>events.json</b>\n${lines.slice(0, 20).map((l) => escapeHtml(l)).join("\n")}`, { parse_mode: "HTML" })
          .catch((err) => log.warn("could not tell an admin about the broken record", { admin, error: String(err) }));
      }
    } else if (result.kind === "reloaded") {
      log.info("record reloaded", { entries: result.current.entries.length });
    }
  };

  // node-cron would start a second run while the first is still going; a slow tick is skipped.
  const task = cron.schedule(config.digestCron, () => {
    if (running) return;
    running = tick()
      .catch((err) => log.error("tick failed", { error: String(err) }))
      .finally(() => {
        running = null;
      });
  });

  return {
    tick: async () => {
      while (running) await running;
      running = tick().finally(() => {
        running = null;
      });
      await running;
    },
    stop: async () => {
      await task.stop();
      while (running) await running;
    },
    flush: async () => {},
  };
}
