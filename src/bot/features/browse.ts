// Reading the record: /latest, /next, /event, /tracks, /track and their buttons (mounted by the
// route table). Handlers parse arguments and pick words; the queries and the rendering live in
// record/ and present/.
import { InlineKeyboard } from "grammy";
import { hasCalendarDate } from "../../calendar/ics.ts";
import { calendarButton, eventButton, latestPage, nextPage, trackPage } from "../../present/callbacks.ts";
import { entryButtonLabel, entryDetails, entryItem, trackItem } from "../../present/entries.ts";
import { escapeHtml } from "../../present/html.ts";
import { latest, lastHeldPerTrack, trackHistory, trackSummary, upcoming, type RecordView } from "../../record/record.ts";
import type { Entry } from "../../record/schema.ts";
import type { ParleyContext } from "../context.ts";
import { readerToday } from "../reader.ts";
import { fitBlocks, replyBlocks, showPage } from "../replies.ts";
import { cachedView, type View } from "../view-cache.ts";
import { addTimelineButton } from "./welcome.ts";

const LATEST_DEFAULT = 5;
const LATEST_MAX = 20;
const TRACK_PAGE = 8;
/** Entries per /next page: a phone screen or two, as with /latest. */
const NEXT_PAGE = 5;

function detailButtons(kb: InlineKeyboard, entries: Entry[], lang: ParleyContext["reader"]["lang"]) {
  for (const e of entries) kb.text(`🔎 ${entryButtonLabel(e, lang)}`, eventButton.pack(e.id)).row();
  return kb;
}

async function showLatest(ctx: ParleyContext, offset: number, limit: number, edit = false) {
  const record = ctx.deps.record();
  await show(ctx, cachedView(ctx, record, `latest|${offset}|${limit}`, () => latestView(ctx, record, offset, limit)), edit);
}

function show(ctx: ParleyContext, view: View, edit: boolean): Promise<void> {
  return view.page ? showPage(ctx, view.blocks[0], view.keyboard, edit) : replyBlocks(ctx, view.blocks, view.keyboard);
}

function latestView(ctx: ParleyContext, record: RecordView, offset: number, limit: number): View {
  const { reader, t } = ctx;
  const page = latest(record, readerToday(ctx), offset, limit);
  if (page.items.length === 0) return { blocks: [escapeHtml(offset > 0 ? t("latest-no-older") : t("latest-empty"))], page: true };
  const entries = page.items.map((ref) => record.entry(ref));
  const blocks = entries.map((e) => entryItem(e, reader));
  const headerFor = (used: number) =>
    `<b>${escapeHtml(t("latest-title"))}</b> · ${escapeHtml(t("range", { from: offset + 1, to: offset + used, total: page.total }))}`;
  // Fit as many items as one message holds; the "older" button continues from there.
  const { used } = fitBlocks(headerFor(page.items.length), blocks, 0);
  const { html } = fitBlocks(headerFor(used), blocks.slice(0, used));
  const shown = entries.slice(0, used);
  const kb = detailButtons(new InlineKeyboard(), shown, reader.lang);
  const nextOffset = offset + used;
  if (nextOffset < page.total) kb.text(`⬅️ ${t("btn-older")}`, latestPage.pack({ offset: nextOffset, limit }));
  if (offset > 0) kb.text(`⏮ ${t("btn-newest")}`, latestPage.pack({ offset: 0, limit }));
  return { blocks: [html], keyboard: kb, page: true };
}

/** /latest [N] */
export async function latestCommand(ctx: ParleyContext, arg: string) {
  let limit = LATEST_DEFAULT;
  if (arg) {
    const n = /^\d{1,6}$/.test(arg) ? Number(arg) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > LATEST_MAX) {
      await ctx.reply(ctx.t("latest-bad-arg", { arg: escapeHtml(arg.slice(0, 40)), max: LATEST_MAX }));
      return;
    }
    limit = n;
  }
  await showLatest(ctx, 0, limit);
}

/** The greeting's Latest button: the first page, as a new message. */
export async function latestButton(ctx: ParleyContext) {
  await ctx.answerCallbackQuery();
  await showLatest(ctx, 0, LATEST_DEFAULT);
}

/** Older / Newest under a /latest page. */
export async function latestPageButton(ctx: ParleyContext, page: { offset: number; limit: number }) {
  await ctx.answerCallbackQuery();
  await showLatest(ctx, page.offset, Math.min(Math.max(page.limit, 1), LATEST_MAX), true);
}

async function showNext(ctx: ParleyContext, offset = 0, edit = false) {
  const record = ctx.deps.record();
  await show(ctx, cachedView(ctx, record, `next|${offset}`, () => nextView(ctx, record, offset)), edit);
}

function nextView(ctx: ParleyContext, record: RecordView, offset: number): View {
  const { reader, t } = ctx;
  const today = readerToday(ctx);
  const coming = upcoming(record, today, offset, NEXT_PAGE);
  const dated = coming.dated.map((ref) => record.entry(ref));
  const undated = coming.undated.map((ref) => record.entry(ref));
  if (dated.length === 0 && undated.length === 0) {
    if (offset > 0) return { blocks: [escapeHtml(t("next-no-later"))], keyboard: new InlineKeyboard().text(`⏮ ${t("btn-soonest")}`, nextPage.pack(0)), page: true };
    const last = lastHeldPerTrack(record, today).map((ref) => record.entry(ref));
    const blocks = [`<b>${escapeHtml(t("next-nothing"))}</b>\n${escapeHtml(t("next-last-held"))}`, ...last.map((e) => entryItem(e, reader))];
    return { blocks, keyboard: addTimelineButton(detailButtons(new InlineKeyboard(), last, reader.lang), ctx), page: false };
  }
  // Each section's title rides on its first item, so the page is cut between items only.
  const blocks = [
    ...dated.map((e, i) => (i === 0 ? `<b>${escapeHtml(t("next-title"))}</b>\n\n` : "") + entryItem(e, reader, { countdown: true })),
    ...undated.map((e, i) => (i === 0 ? `<b>${escapeHtml(t("next-undated-title"))}</b>\n\n` : "") + entryItem(e, reader)),
  ];
  const { html, used } = fitBlocks("", blocks);
  const kb = detailButtons(new InlineKeyboard(), [...dated, ...undated].slice(0, used), reader.lang);
  if (coming.hasMore || used < blocks.length) kb.text(`${t("btn-later")} ➡️`, nextPage.pack(offset + used));
  if (offset > 0) kb.text(`⏮ ${t("btn-soonest")}`, nextPage.pack(0));
  addTimelineButton(kb, ctx);
  return { blocks: [html], keyboard: kb, page: true };
}

/** /next */
export function nextCommand(ctx: ParleyContext) {
  return showNext(ctx);
}

/** The greeting's Coming up button: the first page, as a new message. */
export async function nextButton(ctx: ParleyContext) {
  await ctx.answerCallbackQuery();
  await showNext(ctx);
}

/** Later / Soonest under a /next page. */
export async function nextPageButton(ctx: ParleyContext, offset: number) {
  await ctx.answerCallbackQuery();
  await showNext(ctx, offset, true);
}

/** One entry in full: /event, and 🔎 under an entry in replies and digests. */
export async function showEvent(ctx: ParleyContext, id: string) {
  const record = ctx.deps.record();
  const e = record.find(id);
  if (!e) {
    const text = ctx.t("event-not-found", { id: escapeHtml(id.slice(0, 60)) });
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("event-gone"), show_alert: true });
    else await ctx.reply(text);
    return;
  }
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  const blocks = entryDetails(record, e, ctx.reader);
  const kb = new InlineKeyboard();
  const idx = record.byTrack.get(e.track);
  const pos = idx?.position.get(e.id);
  if (idx && pos !== undefined) {
    const before = pos > 0 ? record.entry(idx.entries[pos - 1]) : undefined;
    const after = pos + 1 < idx.entries.length ? record.entry(idx.entries[pos + 1]) : undefined;
    if (before) kb.text(`← ${entryButtonLabel(before, ctx.reader.lang, 30)}`, eventButton.pack(before.id));
    if (after) kb.text(`${entryButtonLabel(after, ctx.reader.lang, 30)} →`, eventButton.pack(after.id));
    kb.row().text(`🧵 ${ctx.t("btn-track")}`, trackPage.pack({ track: e.track, offset: 0 }));
  }
  // Sharing: the entry as a calendar file (when it has a day), and into any chat by inline mode.
  kb.row();
  if (hasCalendarDate(e)) kb.text(ctx.t("btn-add-calendar"), calendarButton.pack(e.id));
  kb.switchInline(ctx.t("btn-share"), e.id);
  await replyBlocks(ctx, blocks, kb);
}

/** /event <id> */
export async function eventCommand(ctx: ParleyContext, arg: string) {
  const id = arg.toLowerCase();
  if (!id) {
    await ctx.reply(ctx.t("event-usage"));
    return;
  }
  await showEvent(ctx, id);
}

/** /tracks */
export async function tracksCommand(ctx: ParleyContext) {
  const record = ctx.deps.record();
  const today = readerToday(ctx);
  const blocks = [`<b>${escapeHtml(ctx.t("tracks-title"))}</b>`];
  const kb = new InlineKeyboard();
  for (const track of record.tracks) {
    const s = trackSummary(record, track.id, today);
    if (!s) continue;
    blocks.push(trackItem(record, s, ctx.reader));
    kb.text(`🧵 ${track.id}`, trackPage.pack({ track: track.id, offset: 0 })).row();
  }
  await replyBlocks(ctx, blocks, kb);
}

async function showTrack(ctx: ParleyContext, trackId: string, offset: number) {
  const record = ctx.deps.record();
  const page = trackHistory(record, trackId, offset, TRACK_PAGE);
  if (!page) {
    const ids = record.tracks.map((t) => `<code>${escapeHtml(t.id)}</code>`).join(", ");
    const text = ctx.t("track-not-found", { id: escapeHtml(trackId.slice(0, 40)), ids });
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    await ctx.reply(text);
    return;
  }
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  const s = trackSummary(record, trackId, readerToday(ctx))!;
  const entries = page.items.map((ref) => record.entry(ref));
  const blocks = entries.map((e) => entryItem(e, ctx.reader));
  const header = (used: number) =>
    `${trackItem(record, s, ctx.reader)}\n\n<b>${escapeHtml(ctx.t("track-history"))}</b> · ${escapeHtml(ctx.t("range", { from: offset + 1, to: offset + used, total: page.total }))}`;
  const { used } = fitBlocks(header(page.items.length), blocks);
  const { html } = fitBlocks(header(used), blocks.slice(0, used));
  const kb = detailButtons(new InlineKeyboard(), entries.slice(0, used), ctx.reader.lang);
  if (offset + used < page.total) kb.text(`⬅️ ${ctx.t("btn-older")}`, trackPage.pack({ track: trackId, offset: offset + used }));
  if (offset > 0) kb.text(`⏮ ${ctx.t("btn-newest")}`, trackPage.pack({ track: trackId, offset: 0 }));
  await showPage(ctx, html, kb);
}

/** /track <id> */
export async function trackCommand(ctx: ParleyContext, arg: string) {
  const id = arg.toLowerCase();
  if (!id) {
    const ids = ctx.deps.record().tracks.map((t) => `<code>${escapeHtml(t.id)}</code>`).join(", ");
    await ctx.reply(ctx.t("track-usage", { ids }));
    return;
  }
  await showTrack(ctx, id, 0);
}

/** 🧵 and the pages of a series. */
export function trackPageButton(ctx: ParleyContext, page: { track: string; offset: number }) {
  return showTrack(ctx, page.track, page.offset);
}
