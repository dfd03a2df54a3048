// /update <id>: held (with the outcome), postponed, called off, a new date or time, a new place,
// one more source or participant; the change is shown as before → after, then saved.
import { InlineKeyboard } from "grammy";
import { applyEdit, changeLines, type EntryEdit } from "../../../editorial/entry.ts";
import { deskAnswer } from "../../../present/callbacks.ts";
import { escapeHtml } from "../../../present/html.ts";
import { localizedHtml } from "../../../present/translate.ts";
import { describeProblem } from "../../../record/validate.ts";
import { RecordLockedError } from "../../../record-file/lock.ts";
import type { ParleyContext } from "../../context.ts";
import { replyBlocks } from "../../replies.ts";
import {
  actorOf,
  ask,
  askDate,
  askLocalized,
  askParticipants,
  askPlace,
  askSources,
  askTime,
  choiceKeyboard,
  firstLang,
  problemsBlock,
  readDesktop,
  type Convo,
  type WriteOutcome,
} from "./questions.ts";

const UPDATES = ["held", "postponed", "cancelled", "when", "place", "source", "participant"] as const;
type UpdateKind = (typeof UPDATES)[number];

/** `fromDraft`: opened by a news draft's Edit; that draft is closed as published when this saves. */
export async function updateEntry(conversation: Convo, ctx: ParleyContext, id: string, fromDraft?: string): Promise<void> {
  const found = await conversation.external((outer) => outer.deps.record().find(id) ?? null);
  if (!found) {
    await ctx.reply(ctx.t("event-not-found", { id: escapeHtml(id) }));
    return;
  }
  const desk = await readDesktop(conversation);
  const what = await ask<UpdateKind>(conversation, ctx, {
    scope: "u",
    blocks: [ctx.t("editorial-update-what", { title: localizedHtml(found.title, ctx.reader.lang), id: escapeHtml(id), status: escapeHtml(ctx.t(`status-${found.status}`)) })],
    keyboard: choiceKeyboard("u", UPDATES, (u) => ctx.t(`editorial-btn-${u}`), 1),
    accept: (a) => (a.button && (UPDATES as readonly string[]).includes(a.button) ? { value: a.button as UpdateKind } : { error: ctx.t("editorial-choose-button") }),
  });

  let change: EntryEdit;
  switch (what) {
    case "held":
      change = { kind: "held", outcome: await askLocalized(conversation, ctx, "o", "editorial-ask-outcome") };
      break;
    case "postponed":
    case "cancelled":
      change = { kind: what };
      break;
    case "when": {
      const date = await askDate(conversation, ctx, desk);
      const tz = date?.length === 10 ? await askTime(conversation, ctx, desk) : {};
      change = { kind: "when", date, ...tz };
      break;
    }
    case "place":
      change = { kind: "place", place: (await askPlace(conversation, ctx, false))! };
      break;
    case "source":
      change = { kind: "sources", sources: await askSources(conversation, ctx, firstLang(found.summary, desk.lang)) };
      break;
    case "participant":
      change = { kind: "participants", participants: await askParticipants(conversation, ctx, false) };
      break;
  }

  const lines = changeLines(found, applyEdit(found, change), ctx.reader);
  if (!lines.length) {
    await ctx.reply(ctx.t("editorial-no-change"));
    return;
  }
  const kb = new InlineKeyboard().text(ctx.t("editorial-btn-save"), deskAnswer.pack({ scope: "c", choice: "save" })).text(ctx.t("editorial-btn-cancel"), deskAnswer.pack({ scope: "c", choice: "cancel" }));
  const confirm = await ask(conversation, ctx, {
    scope: "c",
    blocks: [ctx.t("editorial-diff-title", { id: escapeHtml(id) }), lines.join("\n")],
    keyboard: kb,
    accept: (a) => (a.button === "save" || a.button === "cancel" ? { value: a.button } : { error: ctx.t("editorial-choose-button") }),
  });
  if (confirm === "cancel") {
    await ctx.reply(ctx.t("editorial-cancelled"));
    return;
  }
  const saved = await conversation.external(async (outer) => {
    const result = await save(outer, id, change);
    if (result.ok && fromDraft) await outer.deps.drafts?.desk.publishedThroughEdit(fromDraft, actorOf(outer), id);
    return result;
  });
  if (saved.ok) await ctx.reply(ctx.t("editorial-saved", { id: escapeHtml(id) }));
  else await replyBlocks(ctx, [problemsBlock(ctx, "editorial-save-failed", saved.problems)]);
}

/** The change is applied to the entry as the file holds it now, not to the copy shown. */
async function save(ctx: ParleyContext, id: string, change: EntryEdit): Promise<WriteOutcome> {
  const desk = ctx.deps.editorial;
  if (!desk) return { ok: false, problems: [ctx.t("editorial-unavailable")] };
  const actor = actorOf(ctx);
  try {
    const result = await desk.writer.update(id, change, actor);
    if (!result.ok) return { ok: false, problems: result.problems.map(describeProblem) };
    await desk.reloadRecord();
    ctx.deps.log.info("entry updated", { id, by: actor.id });
    return { ok: true, id };
  } catch (err) {
    if (err instanceof RecordLockedError) return { ok: false, problems: [err.message] };
    throw err;
  }
}
