// /update <id>: held (with the outcome), postponed, called off, a new date or time, a new place,
// one more source or participant; the change is shown as before → after, then saved.
import { InlineKeyboard } from "grammy";
import { applyEdits, changeLines, withEdit, type EntryEdit } from "../../../editorial/entry.ts";
import { deskAnswer } from "../../../present/callbacks.ts";
import { escapeHtml } from "../../../present/html.ts";
import { localizedHtml } from "../../../present/translate.ts";
import type { Entry } from "../../../record/schema.ts";
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
  draftActor,
  firstLang,
  problemsBlock,
  readDesktop,
  type Convo,
  type Desktop,
  type WriteOutcome,
} from "./questions.ts";

const UPDATES = ["held", "postponed", "cancelled", "when", "place", "source", "participant"] as const;
type UpdateKind = (typeof UPDATES)[number];

/**
 * From a news draft's Edit (features/drafts): the change the draft proposes, its reports as
 * sources included. The dialogue opens on its before → after, to save as is, change a field
 * of, or cancel; the draft is closed as published when this saves.
 */
export interface UpdatePrefill {
  draftId: string;
  edits: EntryEdit[];
}

/**
 * `from`: a draft's prefill; a bare draft id is what conversations saved by older code carry
 * (the dialogue then asks what changed, as it did).
 */
export async function updateEntry(conversation: Convo, ctx: ParleyContext, id: string, from?: UpdatePrefill | string): Promise<void> {
  const prefill = typeof from === "object" ? from : undefined;
  const fromDraft = typeof from === "string" ? from : from?.draftId;
  const found = await conversation.external((outer) => outer.deps.record().find(id) ?? null);
  if (!found) {
    await ctx.reply(ctx.t("event-not-found", { id: escapeHtml(id) }));
    return;
  }
  const desk = await readDesktop(conversation);
  let edits: EntryEdit[] = prefill ? structuredClone(prefill.edits) : [await askChange(conversation, ctx, desk, found)];

  for (;;) {
    const lines = changeLines(found, applyEdits(found, edits), ctx.reader);
    if (!lines.length && !prefill) {
      await ctx.reply(ctx.t("editorial-no-change"));
      return;
    }
    const kb = new InlineKeyboard();
    if (lines.length) kb.text(ctx.t("editorial-btn-save"), deskAnswer.pack({ scope: "c", choice: "save" }));
    kb.text(ctx.t("editorial-btn-change"), deskAnswer.pack({ scope: "c", choice: "change" })).text(ctx.t("editorial-btn-cancel"), deskAnswer.pack({ scope: "c", choice: "cancel" }));
    const choices = lines.length ? ["save", "change", "cancel"] : ["change", "cancel"];
    const confirm = await ask(conversation, ctx, {
      scope: "c",
      blocks: [ctx.t("editorial-diff-title", { id: escapeHtml(id) }), lines.length ? lines.join("\n") : ctx.t("editorial-no-change")],
      keyboard: kb,
      accept: (a) => (a.button && choices.includes(a.button) ? { value: a.button } : { error: ctx.t("editorial-choose-button") }),
    });
    if (confirm === "cancel") {
      await ctx.reply(ctx.t("editorial-cancelled"));
      return;
    }
    if (confirm === "change") {
      edits = withEdit(edits, await askChange(conversation, ctx, desk, found));
      continue;
    }
    const saved = await conversation.external(async (outer) => {
      const result = await save(outer, id, edits, fromDraft);
      if (result.ok && fromDraft) await outer.deps.drafts?.desk.publishedThroughEdit(fromDraft, actorOf(outer), id);
      return result;
    });
    if (saved.ok) await ctx.reply(ctx.t("editorial-saved", { id: escapeHtml(id) }));
    else await replyBlocks(ctx, [problemsBlock(ctx, "editorial-save-failed", saved.problems)]);
    return;
  }
}

/** What has changed: one of UPDATES, and what it needs (an outcome, a date, a place…). */
async function askChange(conversation: Convo, ctx: ParleyContext, desk: Desktop, found: Entry): Promise<EntryEdit> {
  const what = await ask<UpdateKind>(conversation, ctx, {
    scope: "u",
    blocks: [ctx.t("editorial-update-what", { title: localizedHtml(found.title, ctx.reader.lang), id: escapeHtml(found.id), status: escapeHtml(ctx.t(`status-${found.status}`)) })],
    keyboard: choiceKeyboard("u", UPDATES, (u) => ctx.t(`editorial-btn-${u}`), 1),
    accept: (a) => (a.button && (UPDATES as readonly string[]).includes(a.button) ? { value: a.button as UpdateKind } : { error: ctx.t("editorial-choose-button") }),
  });
  switch (what) {
    case "held":
      return { kind: "held", outcome: await askLocalized(conversation, ctx, "o", "editorial-ask-outcome") };
    case "postponed":
    case "cancelled":
      return { kind: what };
    case "when": {
      const date = await askDate(conversation, ctx, desk);
      const tz = date?.length === 10 ? await askTime(conversation, ctx, desk) : {};
      return { kind: "when", date, ...tz };
    }
    case "place":
      return { kind: "place", place: (await askPlace(conversation, ctx, false))! };
    case "source":
      return { kind: "sources", sources: await askSources(conversation, ctx, firstLang(found.summary, desk.lang)) };
    case "participant":
      return { kind: "participants", participants: await askParticipants(conversation, ctx, false) };
  }
}

/** The change is applied to the entry as the file holds it now, not to the copy shown. */
async function save(ctx: ParleyContext, id: string, edits: EntryEdit[], fromDraft?: string): Promise<WriteOutcome> {
  const desk = ctx.deps.editorial;
  if (!desk) return { ok: false, problems: [ctx.t("editorial-unavailable")] };
  const actor = draftActor(ctx, fromDraft);
  try {
    // One edit alone as before, so the audit of a plain /update reads as it always has.
    const result = await desk.writer.update(id, edits.length === 1 ? edits[0] : edits, actor);
    if (!result.ok) return { ok: false, problems: result.problems.map(describeProblem) };
    await desk.reloadRecord();
    ctx.deps.log.info("entry updated", { id, by: actor.id });
    return { ok: true, id };
  } catch (err) {
    if (err instanceof RecordLockedError) return { ok: false, problems: [err.message] };
    throw err;
  }
}
