// How the bot answers: HTML, link previews off, long answers split between blocks (never
// inside a tag), the keyboard on the last part; edits for paging buttons.
import { GrammyError, InlineKeyboard, type Transformer } from "grammy";
import { LIMITS, packMessages } from "../present/html.ts";
import type { ParleyContext } from "./context.ts";

/** The methods whose text the bot writes: every piece of it is HTML with its data escaped. */
const TEXT_METHODS = new Set(["sendMessage", "editMessageText"]);

/**
 * Every text the bot sends is HTML, without link previews (a source's link would otherwise
 * unfurl under every entry): set once on the bot's Api, and on each conversation's own Api.
 */
export const htmlReplies: Transformer = (prev, method, payload, signal) => {
  if (TEXT_METHODS.has(method)) payload = { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...payload };
  return prev(method, payload, signal);
};

export async function replyBlocks(ctx: ParleyContext, blocks: string[], keyboard?: InlineKeyboard): Promise<void> {
  const parts = packMessages(blocks);
  for (let i = 0; i < parts.length; i++) {
    const last = i === parts.length - 1;
    // In a forum topic, grammY's reply answers in the topic the command came from.
    await ctx.reply(parts[i], { reply_markup: last ? keyboard : undefined });
  }
}

/**
 * Shows a page in place of the message whose button was pressed (paging), or as a new reply
 * when there is no such message. The page must fit one message: callers size it with fitBlocks.
 */
export async function showPage(ctx: ParleyContext, html: string, keyboard?: InlineKeyboard, edit = true): Promise<void> {
  if (edit && ctx.callbackQuery?.message) {
    try {
      await ctx.editMessageText(html, { reply_markup: keyboard });
      return;
    } catch (err) {
      if (!(err instanceof GrammyError)) throw err;
      // Pressing the same button twice asks for the same page: Telegram refuses the no-op edit.
      if (err.description.includes("message is not modified")) return;
      // A message too old to edit (48 hours) or deleted meanwhile: show the page anew.
      if (!/message can't be edited|message to edit not found/.test(err.description)) throw err;
    }
  }
  await replyBlocks(ctx, [html], keyboard);
}

/** Takes leading blocks while they fit one message with the given header; at least one. */
export function fitBlocks(header: string, blocks: string[], reserve = 0): { html: string; used: number } {
  let html = header;
  let used = 0;
  for (const block of blocks) {
    const next = html ? `${html}\n\n${block}` : block;
    if (used > 0 && next.length > LIMITS.messageText - reserve) break;
    html = next;
    used++;
  }
  if (html.length > LIMITS.messageText) html = packMessages([html])[0];
  return { html, used };
}
