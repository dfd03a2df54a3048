// An editor's own report, in their private chat with the bot: a forwarded channel post or
// message, a link (the page is fetched and reduced to its story), or an article's text pasted
// in. It goes through the same intake as the feeds' items; the draft reaches every editor, and
// the one who sent it is told what became of it. Short messages, commands and everyone else's
// messages are not reports: they go on to the usual answers. A message in the middle of /add or
// /update never gets here: the conversation takes it first (dispatch.ts).
import { InlineKeyboard } from "grammy";
import type { MessageEntity, MessageOrigin } from "grammy/types";
import { PageError } from "../../../feeds/fetch-page.ts";
import type { IncomingArticle } from "../../../ingest/incoming.ts";
import { draftButton } from "../../../present/callbacks.ts";
import { escapeHtml, truncate } from "../../../present/html.ts";
import type { ParleyContext } from "../../context.ts";

/** Shorter pasted text is a remark, not an article (a headline and a lead run longer). */
export const MIN_ARTICLE_CHARS = 280;
/** A forwarded post is a report even when short: channels post the news in two sentences. */
const MIN_FORWARD_CHARS = 60;

/** The message as a report, or undefined when it is not one. */
async function reportOf(ctx: ParleyContext): Promise<IncomingArticle | { error: string } | undefined> {
  const msg = ctx.msg!;
  const text = msg.text ?? msg.caption ?? "";
  if (text.startsWith("/")) return undefined;
  const entities = msg.entities ?? msg.caption_entities ?? [];
  const links = linksIn(text, entities);
  const origin = msg.forward_origin;
  const bare = links.reduce((t, l) => t.replace(l, ""), text).trim();
  const base = {
    id: `tg:${msg.chat.id}:${msg.message_id}`,
    origin: { kind: "editor" as const, userId: ctx.from!.id, chatId: msg.chat.id, messageId: msg.message_id },
  };
  // A link with little around it is a pointer to the article: read the page.
  if (links.length && bare.length < MIN_ARTICLE_CHARS) {
    const url = links[0];
    try {
      const page = await ctx.deps.drafts!.fetchPage(url);
      return { ...base, text: page.text, title: page.title, url, published: page.published, outlet: page.outlet ?? hostOf(url) };
    } catch (err) {
      const reason = err instanceof PageError ? err.message : "the page could not be fetched";
      if (!(err instanceof PageError)) ctx.deps.log.warn("could not fetch an editor's link", { url, error: String(err) });
      return { error: ctx.t("drafts-report-unreadable", { url: escapeHtml(truncate(url, 120)), reason: escapeHtml(reason) }) };
    }
  }
  if (origin && bare.length >= MIN_FORWARD_CHARS) {
    const { outlet, url } = describeOrigin(origin);
    return { ...base, text, outlet, url: url ?? links[0], published: dayOf(origin.date) };
  }
  if (!origin && bare.length >= MIN_ARTICLE_CHARS) {
    return { ...base, text, url: links[0], outlet: links[0] ? hostOf(links[0]) : ctx.t("drafts-outlet-editor", { name: editorName(ctx) }) };
  }
  return undefined;
}

/** Handles the message when it is a report; false lets it go on to the usual answers. */
export async function editorReport(ctx: ParleyContext): Promise<boolean> {
  const drafts = ctx.deps.drafts;
  if (!drafts) return false;
  const report = await reportOf(ctx);
  if (!report) return false;
  if ("error" in report) {
    await ctx.reply(report.error);
    return true;
  }
  const outcome = await drafts.intake.receive(report);
  if (outcome.duplicate) {
    await ctx.reply(ctx.t("drafts-report-duplicate"));
    return true;
  }
  if (!outcome.relevant) {
    await ctx.reply(ctx.t("drafts-report-irrelevant", { reason: escapeHtml(outcome.reason) }));
    return true;
  }
  // A new draft has reached every editor, this one too; what joined a draft or an entry is said here.
  const lines: string[] = [];
  const kb = new InlineKeyboard();
  for (const e of outcome.effects) {
    if (e.effect === "merged") {
      lines.push(ctx.t("drafts-report-merged", { id: e.draftId }));
      kb.text(ctx.t("drafts-btn-open", { id: e.draftId }), draftButton.pack({ action: "open", id: e.draftId }));
    } else if (e.effect === "known") lines.push(ctx.t("drafts-report-known", { id: escapeHtml(e.entryId) }));
  }
  if (lines.length) await ctx.reply(lines.join("\n"), { reply_markup: kb.inline_keyboard.flat().length ? kb : undefined });
  return true;
}

function linksIn(text: string, entities: MessageEntity[]): string[] {
  const out: string[] = [];
  for (const e of entities) {
    if (e.type === "text_link") out.push(e.url);
    else if (e.type === "url") out.push(text.slice(e.offset, e.offset + e.length));
  }
  // Entities count UTF-16 units as JS strings do; a client that sent none still gets its links read.
  if (!out.length) for (const m of text.matchAll(/https?:\/\/[^\s<>"]+/g)) out.push(m[0]);
  return out.filter((u) => /^https?:\/\//i.test(u));
}

/** The outlet a forwarded post came from, and the post's public link when it has one. */
function describeOrigin(origin: MessageOrigin): { outlet: string; url?: string } {
  switch (origin.type) {
    case "channel":
      return { outlet: origin.chat.title, url: origin.chat.username ? `https://t.me/${origin.chat.username}/${origin.message_id}` : undefined };
    case "chat":
      return { outlet: origin.sender_chat.title ?? "Telegram" };
    case "user":
      return { outlet: [origin.sender_user.first_name, origin.sender_user.last_name].filter(Boolean).join(" ") };
    case "hidden_user":
      return { outlet: origin.sender_user_name };
  }
}

function editorName(ctx: ParleyContext): string {
  return [ctx.from?.first_name, ctx.from?.last_name].filter(Boolean).join(" ");
}

function dayOf(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return undefined;
  }
}
