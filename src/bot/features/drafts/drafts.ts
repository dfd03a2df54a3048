// The drafts' buttons (Publish, Edit, Reject, Not relevant, and "open" from the list) and
// /drafts, for the editors. A draft message forwarded to someone else carries its buttons: the
// press is refused and nothing changes. A draft already decided answers who decided it.
import type { ConversationFlavor } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import type { EntryDraft } from "../../../editorial/entry.ts";
import { fieldName } from "../../../editorial/entry.ts";
import { publishEdits } from "../../../drafts/merge.ts";
import { draftButton, draftsPage, type DraftAction } from "../../../present/callbacks.ts";
import { todayIn } from "../../../present/dates.ts";
import { draftListItem, proposedEntry } from "../../../present/drafts.ts";
import { escapeHtml, LIMITS, truncate } from "../../../present/html.ts";
import type { StoredDraft } from "../../../store/drafts.ts";
import type { ParleyContext } from "../../context.ts";
import { isEditor } from "../../permissions.ts";
import { replyBlocks, showPage } from "../../replies.ts";
import type { AddPrefill } from "../editorial/add.ts";
import type { UpdatePrefill } from "../editorial/update.ts";
import { actorOf, problemsBlock } from "../editorial/questions.ts";
import type { DraftDesk } from "./draft-desk.ts";

const PAGE = 8;



function deskOf(ctx: ParleyContext): DraftDesk | undefined {
  return ctx.deps.drafts?.desk;
}

/** "Published by Erin (@erin) as …": what a press on a decided draft is told. */
function decidedText(ctx: ParleyContext, d: StoredDraft): string {
  return ctx.t(`drafts-already-${d.status}`, { who: d.decidedBy?.name ?? "?" });
}

export async function draftButtonPressed(ctx: ParleyContext, pressed: { action: DraftAction; id: string }) {
  const desk = deskOf(ctx);
  // Only editors, and only in their own chat with the bot, where their copies are.
  if (!desk || !isEditor(ctx) || ctx.chat?.type !== "private") return ctx.answerCallbackQuery({ text: ctx.t("drafts-editors-only"), show_alert: true });
  const d = ctx.deps.drafts!.store.get(pressed.id);
  if (!d) return ctx.answerCallbackQuery({ text: ctx.t("drafts-not-found", { id: pressed.id }) });
  switch (pressed.action) {
    case "open":
      await ctx.answerCallbackQuery();
      return desk.sendCopy(d, ctx.chat.id);
    case "publish":
      return publish(ctx, desk, d.id);
    case "reject":
    case "irrelevant": {
      const outcome = await desk.decide(d.id, pressed.action === "reject" ? "rejected" : "irrelevant", actorOf(ctx));
      if (outcome.kind === "decided") return ctx.answerCallbackQuery({ text: decidedText(ctx, outcome.draft), show_alert: true });
      if (outcome.kind === "busy") return ctx.answerCallbackQuery({ text: ctx.t("drafts-busy"), show_alert: true });
      return ctx.answerCallbackQuery({ text: ctx.t(pressed.action === "reject" ? "drafts-done-rejected" : "drafts-done-irrelevant") });
    }
    case "edit":
      return edit(ctx, desk, d);
  }
}

async function publish(ctx: ParleyContext, desk: DraftDesk, id: string) {
  const outcome = await desk.publish(id, actorOf(ctx));
  switch (outcome.kind) {
    case "done":
      return ctx.answerCallbackQuery({ text: ctx.t("drafts-done-published", { id: outcome.draft.entryId ?? "" }) });
    case "decided":
      return ctx.answerCallbackQuery({ text: decidedText(ctx, outcome.draft), show_alert: true });
    case "busy":
      return ctx.answerCallbackQuery({ text: ctx.t("drafts-busy"), show_alert: true });
    case "missing":
      return ctx.answerCallbackQuery({ text: ctx.t("drafts-not-found", { id }) });
    case "refused":
      await ctx.answerCallbackQuery({ text: ctx.t("drafts-refused-short") });
      return replyBlocks(ctx, [problemsBlock(ctx, "drafts-refused", outcome.problems)]);
    case "gone":
      await ctx.answerCallbackQuery({ text: ctx.t("drafts-refused-short") });
      return ctx.reply(ctx.t("drafts-refused-gone", { id: escapeHtml(outcome.entryId), draft: id }));
    case "outdated":
      await ctx.answerCallbackQuery({ text: ctx.t("drafts-refused-short") });
      return ctx.reply(ctx.t("drafts-refused-outdated", { draft: id, fields: escapeHtml(outcome.fields.map((f) => fieldName(f, ctx.reader)).join(", ")) }));
  }
}

/**
 * Edit: a new entry continues in /add with the draft's values filled in (only what the report
 * left open is asked, then the preview, where any field can be redone); a change continues in
 * /update for its entry, opening on the proposed before → after. Either way the draft is
 * closed as published when the dialogue saves.
 */
async function edit(ctx: ParleyContext, desk: DraftDesk, d: StoredDraft) {
  if (d.status !== "pending") return ctx.answerCallbackQuery({ text: decidedText(ctx, d), show_alert: true });
  const conversation = (ctx as ConversationFlavor<ParleyContext>).conversation;
  if (Object.values(conversation.active()).some((n) => n > 0)) return ctx.answerCallbackQuery({ text: ctx.t("drafts-finish-dialogue-first"), show_alert: true });
  await ctx.answerCallbackQuery();
  if (d.proposal.kind === "change") {
    if (!ctx.deps.record().byId.has(d.proposal.entryId)) return ctx.reply(ctx.t("drafts-refused-gone", { id: escapeHtml(d.proposal.entryId), draft: d.id }));
    await ctx.reply(ctx.t("drafts-edit-change", { id: escapeHtml(d.proposal.entryId), draft: d.id }));
    // The dialogue starts from the entry as it is now: Edit is how a draft outdated by another
    // edit is redone, field by field, against that edit.
    const prefill: UpdatePrefill = { draftId: d.id, edits: publishEdits(d.proposal.edits, d.sources) };
    return conversation.enter("update", d.proposal.entryId, prefill);
  }
  const { entry } = proposedEntry(d, ctx.deps.record(), desk.opts.names);
  const known = ctx.deps.record().tracks.some((t) => t.id === entry.track);
  const draft: EntryDraft = {
    ...(known ? { track: entry.track } : {}),
    kind: entry.kind,
    status: entry.status,
    date: entry.date,
    ...(entry.time ? { time: entry.time } : {}),
    ...(entry.timezone ? { timezone: entry.timezone } : {}),
    ...(entry.place ? { place: entry.place } : {}),
    participants: entry.participants,
    title: entry.title,
    summary: entry.summary,
    sources: entry.sources,
  };
  const prefill: AddPrefill = { draftId: d.id, draft };
  return conversation.enter("add", prefill);
}

/** /drafts: the pending drafts, newest first, a button each to open it; stale ones marked. */
export function draftsCommand(ctx: ParleyContext) {
  return draftsList(ctx, 0, false);
}

export function draftsPageButton(ctx: ParleyContext, offset: number) {
  if (!isEditor(ctx)) return ctx.answerCallbackQuery({ text: ctx.t("drafts-editors-only"), show_alert: true });
  return Promise.all([ctx.answerCallbackQuery(), draftsList(ctx, offset, true)]);
}

async function draftsList(ctx: ParleyContext, offset: number, edit: boolean) {
  const drafts = ctx.deps.drafts;
  if (!drafts) return ctx.reply(ctx.t("drafts-unavailable"));
  const pending = drafts.store.pending();
  if (!pending.length) return showPage(ctx, ctx.t("drafts-none"), undefined, edit);
  const page = pending.slice(offset, offset + PAGE);
  const record = ctx.deps.record();
  const today = todayIn(ctx.reader.now, ctx.reader.zone);
  const header = `<b>${escapeHtml(ctx.t("drafts-list-title", { count: pending.length }))}</b>`;
  const kb = new InlineKeyboard();
  page.forEach((d, i) => {
    kb.text(truncate(`${d.id} · ${d.proposal.reading.title}`, LIMITS.buttonText), draftButton.pack({ action: "open", id: d.id }));
    if (i % 2 === 1) kb.row();
  });
  kb.row();
  if (offset > 0) kb.text(`← ${ctx.t("drafts-newer")}`, draftsPage.pack(Math.max(0, offset - PAGE)));
  if (offset + PAGE < pending.length) kb.text(`${ctx.t("drafts-older")} →`, draftsPage.pack(offset + PAGE));
  const html = [header, ...page.map((d) => draftListItem(d, record, ctx.reader, today))].join("\n\n");
  // Eight items of three short lines each stay well inside one message.
  return showPage(ctx, html, kb, edit);
}
