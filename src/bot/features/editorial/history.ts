// /history <id>: who changed an entry, when and what, newest first (from the audit log).
import { historyBlock } from "../../../editorial/entry.ts";
import { escapeHtml } from "../../../present/html.ts";
import type { ParleyContext } from "../../context.ts";
import { replyBlocks } from "../../replies.ts";

export async function historyCommand(ctx: ParleyContext, arg: string): Promise<void> {
  const id = arg.toLowerCase();
  if (!id) return void (await ctx.reply(ctx.t("editorial-history-usage")));
  const desk = ctx.deps.editorial;
  if (!desk) return void (await ctx.reply(ctx.t("editorial-unavailable")));
  const records = await desk.writer.history(id);
  if (!records.length) {
    const key = ctx.deps.record().byId.has(id) ? "editorial-history-empty" : "event-not-found";
    return void (await ctx.reply(ctx.t(key, { id: escapeHtml(id.slice(0, 60)) })));
  }
  const blocks = [ctx.t("editorial-history-title", { id: escapeHtml(id), count: records.length })];
  for (const rec of [...records].reverse()) blocks.push(historyBlock(rec, ctx.reader));
  await replyBlocks(ctx, blocks);
}

