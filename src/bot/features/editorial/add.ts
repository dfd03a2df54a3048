// /add: a new entry, one question at a time, then a preview (as /event shows it) to publish,
// edit a field of, or cancel. The id is made from the title and the date.
import { InlineKeyboard } from "grammy";
import { DRAFT_FIELDS, draftEntry, isDraftOf, type EntryDraft, type DraftField } from "../../../editorial/entry.ts";
import { entryId, parseNewTrack } from "../../../editorial/parse.ts";
import { deskAnswer } from "../../../present/callbacks.ts";
import { entryDetails } from "../../../present/entries.ts";
import { escapeHtml, LIMITS, truncate } from "../../../present/html.ts";
import { localizedPlain } from "../../../present/translate.ts";
import { buildRecord } from "../../../record/record.ts";
import { KINDS, STATUSES, type Kind, type Localized, type Status } from "../../../record/schema.ts";
import { checkEntry, describeProblem } from "../../../record/validate.ts";
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
  choiceAnswer,
  choiceKeyboard,
  draftActor,
  firstLang,
  parsedVerdict,
  problemsBlock,
  question,
  readDesktop,
  textOnly,
  type Convo,
  type Desktop,
  type Verdict,
  type WriteOutcome,
} from "./questions.ts";

/** The file name problems are reported against, as the CLI and the bot's admin alerts do. */
const RECORD_FILE = "events.json";

/**
 * From a news draft's Edit (features/drafts): its values, so that only what the report left open
 * is asked before the preview; the draft is closed as published when this entry is.
 */
export interface AddPrefill {
  draftId: string;
  draft: EntryDraft;
}

/** What a prefilled /add still asks: the fields the report left empty that an entry needs. */
function stillOpen(draft: EntryDraft, field: DraftField): boolean {
  if (field === "time" || field === "place" || field === "participants") return false;
  return draft[field] === undefined;
}

export async function addEntry(conversation: Convo, ctx: ParleyContext, prefill?: AddPrefill): Promise<void> {
  const desk = await readDesktop(conversation);
  const draft: EntryDraft = prefill ? structuredClone(prefill.draft) : {};
  await ctx.reply(prefill ? ctx.t("editorial-add-intro-draft", { draft: prefill.draftId }) : ctx.t("editorial-add-intro"));
  for (const field of DRAFT_FIELDS) if (!prefill || stillOpen(draft, field)) await askField(conversation, ctx, desk, draft, field);

  for (;;) {
    const { id, usualParties } = await conversation.external((outer) => {
      const record = outer.deps.record();
      return {
        id: entryId(draft.title ?? {}, draft.date ?? null, (x) => record.byId.has(x)),
        usualParties: desk.tracks.find((t) => t.id === draft.track)?.parties ?? [],
      };
    });
    const trackIds = new Set([...desk.tracks.map((t) => t.id), ...(draft.newTrack ? [draft.newTrack.id] : [])]);
    const checked = checkEntry(draftEntry(draft, id, usualParties), RECORD_FILE, trackIds);
    const header = ctx.t("editorial-preview-title", { id: escapeHtml(id) });
    const kb = new InlineKeyboard();
    let blocks: string[];
    if (checked.entry) {
      const track = draft.newTrack ?? desk.tracks.find((t) => t.id === draft.track)!;
      const preview = buildRecord({ tracks: [{ id: track.id, title: track.title }], entries: [checked.entry] });
      blocks = [header, ...entryDetails(preview, checked.entry, ctx.reader)];
      kb.text(ctx.t("editorial-btn-publish"), deskAnswer.pack({ scope: "p", choice: "publish" }));
    } else {
      blocks = [header, problemsBlock(ctx, "editorial-problems", checked.problems.map(describeProblem))];
    }
    kb.text(ctx.t("editorial-btn-edit"), deskAnswer.pack({ scope: "p", choice: "edit" })).text(ctx.t("editorial-btn-cancel"), deskAnswer.pack({ scope: "p", choice: "cancel" }));
    const choices = checked.entry ? (["publish", "edit", "cancel"] as const) : (["edit", "cancel"] as const);
    const choice = await ask(conversation, ctx, {
      scope: "p",
      blocks,
      keyboard: kb,
      accept: (a) => (a.button && (choices as readonly string[]).includes(a.button) ? { value: a.button } : { error: ctx.t("editorial-choose-button") }),
    });
    if (choice === "cancel") {
      await ctx.reply(ctx.t("editorial-cancelled"));
      return;
    }
    if (choice === "edit") {
      const fields = DRAFT_FIELDS.filter((f) => f !== "time" || draft.date?.length === 10);
      const field = await ask<DraftField>(conversation, ctx, {
        scope: "f",
        blocks: [ctx.t("editorial-ask-field")],
        keyboard: choiceKeyboard("f", fields, (f) => ctx.t(`editorial-field-${f}`), 3),
        accept: (a) => (a.button && (fields as readonly string[]).includes(a.button) ? { value: a.button as DraftField } : { error: ctx.t("editorial-choose-button") }),
      });
      await askField(conversation, ctx, desk, draft, field);
      continue;
    }
    const published = await conversation.external(async (outer) => {
      const result = await publish(outer, draft, usualParties, prefill?.draftId);
      if (result.ok && prefill) await outer.deps.drafts?.desk.publishedThroughEdit(prefill.draftId, actorOf(outer), result.id);
      return result;
    });
    if (published.ok) {
      await ctx.reply(ctx.t("editorial-published", { id: escapeHtml(published.id) }));
      return;
    }
    await replyBlocks(ctx, [problemsBlock(ctx, "editorial-publish-failed", published.problems)]);
  }
}

async function askField(conversation: Convo, ctx: ParleyContext, desk: Desktop, draft: EntryDraft, field: DraftField): Promise<void> {
  const header = ctx.t("editorial-step", { n: DRAFT_FIELDS.indexOf(field) + 1, total: DRAFT_FIELDS.length, field: escapeHtml(ctx.t(`editorial-field-${field}`)) });
  switch (field) {
    case "track": {
      const chosen = await askTrack(conversation, ctx, desk, header);
      draft.track = "id" in chosen ? chosen.id : undefined;
      draft.newTrack = "newTrack" in chosen ? chosen.newTrack : undefined;
      return;
    }
    case "kind": {
      const label = (k: Kind) => ctx.t(`kind-${k}`);
      draft.kind = await ask(conversation, ctx, {
        scope: "k",
        blocks: question(header, ctx.t("editorial-ask-kind")),
        keyboard: choiceKeyboard("k", KINDS, (k) => label(k as Kind), 3),
        accept: choiceAnswer(ctx, KINDS, label),
      });
      return;
    }
    case "status": {
      const label = (s: Status) => ctx.t(`status-${s}`);
      const pickStatus = choiceAnswer(ctx, STATUSES, label);
      draft.status = await ask(conversation, ctx, {
        scope: "s",
        blocks: question(header, ctx.t("editorial-ask-status")),
        keyboard: choiceKeyboard("s", STATUSES, (s) => label(s as Status), 3),
        accept: (a) => {
          const v = pickStatus(a);
          return "value" in v && v.value === "scheduled" && draft.date === null ? { error: ctx.t("editorial-error-scheduled-needs-date") } : v;
        },
      });
      return;
    }
    case "date":
      draft.date = await askDate(conversation, ctx, desk, draft.status, header);
      // A time needs a whole day; asked next on the first pass, redone from the preview after.
      if (draft.date?.length !== 10) delete draft.time;
      return;
    case "time": {
      if (draft.date?.length !== 10) return;
      const tz = await askTime(conversation, ctx, desk, header);
      draft.time = tz.time;
      draft.timezone = tz.timezone;
      return;
    }
    case "place":
      draft.place = await askPlace(conversation, ctx, true, header);
      return;
    case "participants":
      draft.participants = await askParticipants(conversation, ctx, true, header);
      return;
    case "title":
      draft.title = await askLocalized(conversation, ctx, "ti", "editorial-ask-title", header);
      return;
    case "summary":
      draft.summary = await askLocalized(conversation, ctx, "su", "editorial-ask-summary", header);
      return;
    case "sources":
      draft.sources = await askSources(conversation, ctx, firstLang(draft.summary ?? draft.title, desk.lang), header);
      return;
  }
}

type TrackChoice = { id: string } | { newTrack: { id: string; title: Localized } } | { create: true };

async function askTrack(conversation: Convo, ctx: ParleyContext, desk: Desktop, header: string): Promise<{ id: string } | { newTrack: { id: string; title: Localized } }> {
  const known = (id: string) => desk.tracks.some((t) => t.id === id);
  const kb = new InlineKeyboard();
  for (const t of desk.tracks) kb.text(truncate(localizedPlain(t.title, ctx.reader.lang), LIMITS.buttonText), deskAnswer.pack({ scope: "tr", choice: t.id })).row();
  kb.text(ctx.t("editorial-btn-new-track"), deskAnswer.pack({ scope: "tr", choice: "+" }));
  const newTrack = (text: string): Verdict<TrackChoice> => {
    const parsed = parseNewTrack(text, ctx.reader.lang);
    if (parsed.ok && known(parsed.value.id)) return { error: ctx.t("editorial-error-track-taken", { id: escapeHtml(parsed.value.id) }) };
    return parsed.ok ? { value: { newTrack: parsed.value } } : parsedVerdict(ctx, parsed, text);
  };
  const choice = await ask<TrackChoice>(conversation, ctx, {
    scope: "tr",
    blocks: question(header, ctx.t("editorial-ask-track")),
    keyboard: kb,
    accept: (a) => {
      if (a.button === "+") return { value: { create: true } };
      const raw = (a.button ?? a.text).trim();
      if (known(raw.toLowerCase())) return { value: { id: raw.toLowerCase() } };
      // "arms-control Arms control talks" typed straight away creates the series.
      if (a.text !== undefined && /\s/.test(raw)) return newTrack(raw);
      return { error: ctx.t("editorial-error-track-unknown", { input: escapeHtml(truncate(raw, 40)) }) };
    },
  });
  if (!("create" in choice)) return choice;
  const created = await ask<TrackChoice>(conversation, ctx, {
    scope: "nt",
    blocks: [ctx.t("editorial-ask-new-track")],
    accept: textOnly(ctx, (text) => newTrack(text), true),
  });
  return created as { newTrack: { id: string; title: Localized } };
}

/** Writes the series (if new) and the entry, then reloads the record so /event shows it at once. */
async function publish(ctx: ParleyContext, draft: EntryDraft, usualParties: string[], fromDraft?: string): Promise<WriteOutcome> {
  const desk = ctx.deps.editorial;
  if (!desk) return { ok: false, problems: [ctx.t("editorial-unavailable")] };
  const actor = draftActor(ctx, fromDraft);
  try {
    // The id must be unique in the file as it is now, hand edits included.
    await desk.reloadRecord();
    const record = ctx.deps.record();
    if (draft.newTrack && !record.byTrack.has(draft.newTrack.id)) {
      const track = await desk.writer.addTrack({ id: draft.newTrack.id, title: draft.newTrack.title }, actor);
      if (!track.ok) return { ok: false, problems: track.problems.map(describeProblem) };
    }
    // The draft may already be in the file: a crash after the write, before the conversation's
    // state was saved, replays this Publish. Then that entry is the answer, not a second copy.
    let already: string | undefined;
    const id = entryId(draft.title ?? {}, draft.date ?? null, (x) => {
      const e = record.byId.has(x) ? record.find(x) : undefined;
      if (e && !already && isDraftOf(e, draft, usualParties)) already = x;
      return e !== undefined;
    });
    if (already) {
      ctx.deps.log.info("entry already published", { id: already, by: actor.id });
      return { ok: true, id: already };
    }
    const result = await desk.writer.add(draftEntry(draft, id, usualParties), actor);
    if (!result.ok) return { ok: false, problems: result.problems.map(describeProblem) };
    await desk.reloadRecord();
    ctx.deps.log.info("entry added", { id: result.entry.id, by: actor.id });
    return { ok: true, id: result.entry.id };
  } catch (err) {
    if (err instanceof RecordLockedError) return { ok: false, problems: [err.message] };
    throw err;
  }
}
