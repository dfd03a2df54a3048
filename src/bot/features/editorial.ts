// The editorial desk: /add, /update, /history and /cancel, for the editors in ADMIN_IDS and only
// in their private chats (a conversation takes every message of its chat; in a group those
// would be other people's). Everyone else gets a polite refusal and nothing is written.
//
// /add and /update are conversations of grammY's conversations plugin. Its model matters here:
// the conversation's code is replayed from the top for every answer, with the answers so far
// and the results of the bot's calls taken from the stored state. So everything that reads the
// world (the record, the clock, the writer) runs in conversation.external(), whose result is
// stored too, and control flow depends only on answers and such results. The state lives in
// the store (state/conversations.json), so a restart continues at the same question.
import { conversations, createConversation, type Conversation, type ConversationFlavor } from "@grammyjs/conversations";
import { Composer, InlineKeyboard, type Middleware } from "grammy";
import {
  applyEdit,
  changeLines,
  DRAFT_FIELDS,
  draftEntry,
  historyBlock,
  isDraftOf,
  type EntryEdit,
  type EntryDraft,
  type DraftField,
} from "../../editorial/entry.ts";
import {
  entryId,
  isSkip,
  parseDate,
  parseLocalized,
  parseNewTrack,
  parseParticipants,
  parsePlace,
  parseSources,
  parseTimeAndZone,
  type Parsed,
} from "../../editorial/parse.ts";
import { todayIn } from "../../present/dates.ts";
import { entryDetails } from "../../present/entries.ts";
import { callbackData, escapeHtml, LIMITS, truncate } from "../../present/html.ts";
import { localizedHtml, localizedPlain } from "../../present/translate.ts";
import { buildRecord } from "../../record/record.ts";
import { KINDS, LANGS, STATUSES, type Entry, type Kind, type Lang, type Localized, type Status } from "../../record/schema.ts";
import { checkEntry, describeProblem } from "../../record/validate.ts";
import type { Actor } from "../../record-file/audit-log.ts";
import { RecordLockedError } from "../../record-file/lock.ts";
import type { ConversationStore } from "../../store/conversations.ts";
import type { ParleyContext } from "../context.ts";
import { replyBlocks } from "../replies.ts";

export const EDITORIAL_COMMANDS = ["add", "update", "history", "cancel"] as const;

type Desk = ConversationFlavor<ParleyContext>;
type Convo = Conversation<ParleyContext, ParleyContext>;

/** Bump when the conversations change shape: states saved by older code are then dropped. */
const STATE_VERSION = 1;
/** An editor who walks away mid-conversation gets their chat back after a day. */
const MAX_WAIT_MS = 24 * 60 * 60 * 1000;
/** Every button of the desk starts with this; others pressed mid-conversation belong elsewhere. */
const PREFIX = "ed:";
const HTML = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true } };
/** The file name problems are reported against, as the CLI and the bot's admin alerts do. */
const RECORD_FILE = "events.json";

export interface EditorialOptions {
  /** What a conversation's context needs that the bot's gets from earlier middleware: deps, i18n, reader. */
  plugins: Middleware<ParleyContext>[];
  /** Where unfinished conversations are kept; in memory when absent. */
  storage?: ConversationStore;
}

export function editorial(opts: EditorialOptions): Composer<ParleyContext> {
  const desk = new Composer<Desk>();
  desk.use(
    conversations<ParleyContext, ParleyContext>({
      storage: opts.storage ? { type: "key", version: STATE_VERSION, adapter: opts.storage } : undefined,
      plugins: opts.plugins,
    }),
  );
  desk.use(createConversation<ParleyContext, ParleyContext>(addEntry, { id: "add", maxMillisecondsToWait: MAX_WAIT_MS }));
  desk.use(createConversation<ParleyContext, ParleyContext>(updateEntry, { id: "update", maxMillisecondsToWait: MAX_WAIT_MS }));

  desk.command("add", (ctx) => ctx.conversation.enter("add"));
  desk.command("update", async (ctx) => {
    const id = ctx.match.trim().toLowerCase();
    if (!id) return void (await ctx.reply(ctx.t("editorial-update-usage"), HTML));
    if (!ctx.deps.record().byId.has(id)) return void (await ctx.reply(ctx.t("event-not-found", { id: escapeHtml(id.slice(0, 60)) }), HTML));
    await ctx.conversation.enter("update", id);
  });
  desk.command("history", showHistory);
  desk.command("cancel", (ctx) => ctx.reply(ctx.t("editorial-nothing-to-cancel"), HTML));

  const composer = new Composer<ParleyContext>();
  const editorChat = composer.filter((ctx) => ctx.chat?.type === "private" && isEditor(ctx));
  if (opts.storage) editorChat.use((_ctx, next) => opts.storage!.during(next));
  // The plugin's context flavour (ctx.conversation) exists only past its middleware: the cast
  // is where the desk's context type meets the bot's.
  editorChat.use(desk as unknown as Composer<ParleyContext>);
  composer.command(["add", "update", "history"], async (ctx, next) => {
    // In a group another bot may own these commands: answer only when addressed by name.
    if (ctx.chat.type !== "private" && !ctx.msg.text.split(/\s/)[0].includes("@")) return next();
    await ctx.reply(ctx.t(isEditor(ctx) ? "editorial-private-only" : "editorial-admins-only"), HTML);
  });
  return composer;
}

function isEditor(ctx: ParleyContext): boolean {
  return ctx.from !== undefined && ctx.deps.adminIds.includes(ctx.from.id);
}

function actorOf(ctx: ParleyContext): Actor {
  const from = ctx.from!;
  const name = [from.first_name, from.last_name].filter(Boolean).join(" ");
  return { kind: "telegram", id: from.id, name: from.username ? `${name} (@${from.username})` : name };
}

// ---- Asking -------------------------------------------------------------------------------

type Answer = { ctx: ParleyContext } & ({ text: string; button?: undefined } | { button: string; text?: undefined });
type Verdict<T> = { value: T } | { error: string };

interface Question<T> {
  /** Names this question's buttons (ed:<scope>:<choice>), so a button from an earlier one is recognised. */
  scope: string;
  blocks: string[];
  keyboard?: InlineKeyboard;
  /** The value, or an error message (HTML) after which the editor answers again. */
  accept(answer: Answer): Verdict<T>;
}

/** Asks, then waits until the answer is acceptable; /cancel ends the conversation. */
async function ask<T>(conversation: Convo, ctx: ParleyContext, q: Question<T>): Promise<T> {
  await replyBlocks(ctx, q.blocks, q.keyboard);
  for (;;) {
    const answer = await nextAnswer(conversation, q.scope);
    const verdict = q.accept(answer);
    if ("value" in verdict) return verdict.value;
    await answer.ctx.reply(verdict.error, HTML);
  }
}

async function nextAnswer(conversation: Convo, scope: string): Promise<Answer> {
  for (;;) {
    const ctx = await conversation.wait();
    const data = ctx.callbackQuery?.data;
    if (data !== undefined) {
      if (!data.startsWith(PREFIX)) return await conversation.skip({ next: true });
      if (data.startsWith(`${PREFIX}${scope}:`)) {
        await ctx.answerCallbackQuery();
        return { ctx, button: data.slice(PREFIX.length + scope.length + 1) };
      }
      await ctx.answerCallbackQuery({ text: ctx.t("editorial-button-old") });
      continue;
    }
    if (!ctx.message) return await conversation.skip({ next: true });
    const text = ctx.message.text;
    if (text === undefined) {
      await ctx.reply(ctx.t("editorial-text-expected"), HTML);
      continue;
    }
    const command = /^\/([A-Za-z0-9_]+)/.exec(text)?.[1].toLowerCase();
    if (command === "cancel") {
      await ctx.reply(ctx.t("editorial-cancelled"), HTML);
      return await conversation.halt();
    }
    if (command) {
      await ctx.reply(ctx.t("editorial-busy"), HTML);
      continue;
    }
    return { ctx, text };
  }
}

function parsedVerdict<T>(ctx: ParleyContext, parsed: Parsed<T>, input: string): Verdict<T> {
  if (parsed.ok) return { value: parsed.value };
  return { error: ctx.t(`editorial-error-${parsed.error}`, { input: escapeHtml(truncate(input.trim(), 60)), detail: escapeHtml(parsed.detail ?? "") }) };
}

/**
 * A text question: a button answer (from no button of ours) is not accepted, nor, when the
 * answer is required, a "skip".
 */
function textOnly<T>(ctx: ParleyContext, parse: (text: string) => Parsed<T> | Verdict<T>, required = false): (a: Answer) => Verdict<T> {
  return (a) => {
    if (a.text === undefined) return { error: ctx.t("editorial-text-expected") };
    if (required && isSkip(a.text)) return { error: ctx.t("editorial-error-required") };
    const r = parse(a.text);
    return "ok" in r ? parsedVerdict(ctx, r, a.text) : r;
  };
}

/** The question, under /add's "3/10 · Status" when asked there. */
function question(header: string | undefined, html: string): string[] {
  return [header ? `${header}\n${html}` : html];
}

function choiceKeyboard(scope: string, choices: readonly string[], label: (c: string) => string, perRow = 2): InlineKeyboard {
  const kb = new InlineKeyboard();
  choices.forEach((c, i) => {
    kb.text(truncate(label(c), LIMITS.buttonText), callbackData(`${PREFIX}${scope}:${c}`));
    if ((i + 1) % perRow === 0) kb.row();
  });
  return kb;
}

/** A button, or its label or code typed. */
function choiceAnswer<T extends string>(ctx: ParleyContext, choices: readonly T[], label: (c: T) => string): (a: Answer) => Verdict<T> {
  return (a) => {
    const raw = (a.button ?? a.text).trim().toLowerCase();
    const found = choices.find((c) => c === raw || label(c).toLowerCase() === raw);
    return found ? { value: found } : { error: ctx.t("editorial-choose-button") };
  };
}

// ---- The questions, shared by /add and /update ----------------------------------------------

/** What the conversation reads once from outside: the series, today and the editor's zone. */
interface Desktop {
  tracks: { id: string; title: Localized; parties: string[] }[];
  today: string;
  zone: string;
  lang: Lang;
}

function readDesktop(conversation: Convo): Promise<Desktop> {
  return conversation.external((outer) => {
    const record = outer.deps.record();
    return {
      tracks: record.tracks.map((t) => {
        const idx = record.byTrack.get(t.id);
        const last = idx ? (idx.entries[idx.datedCount - 1] ?? idx.entries.at(-1)) : undefined;
        return { id: t.id, title: t.title, parties: last ? record.entry(last).parties : [] };
      }),
      today: todayIn(outer.deps.clock(), outer.reader.zone),
      zone: outer.reader.zone,
      lang: outer.reader.lang,
    };
  });
}

async function askDate(conversation: Convo, ctx: ParleyContext, desk: Desktop, status?: Status, header?: string): Promise<string | null> {
  return ask(conversation, ctx, {
    scope: "d",
    blocks: question(header, ctx.t("editorial-ask-date")),
    accept: textOnly(ctx, (text) => {
      const parsed = parseDate(text, desk.today);
      if (parsed.ok && parsed.value === null && status === "scheduled") return { error: ctx.t("editorial-error-scheduled-needs-date") };
      return parsed;
    }),
  });
}

async function askTime(conversation: Convo, ctx: ParleyContext, desk: Desktop, header?: string): Promise<{ time?: string; timezone?: string }> {
  return ask(conversation, ctx, {
    scope: "t",
    blocks: question(header, ctx.t("editorial-ask-time", { zone: escapeHtml(desk.zone) })),
    accept: textOnly(ctx, (text) => parseTimeAndZone(text, desk.zone)),
  });
}

async function askPlace(conversation: Convo, ctx: ParleyContext, optional: boolean, header?: string): Promise<Entry["place"] | undefined> {
  return ask(conversation, ctx, {
    scope: "pl",
    blocks: question(header, ctx.t(optional ? "editorial-ask-place" : "editorial-ask-new-place")),
    accept: textOnly(ctx, (text): Parsed<Entry["place"] | undefined> => (optional && isSkip(text) ? { ok: true, value: undefined } : parsePlace(text, ctx.reader.lang)), !optional),
  });
}

async function askParticipants(conversation: Convo, ctx: ParleyContext, optional: boolean, header?: string) {
  return ask(conversation, ctx, {
    scope: "pa",
    blocks: question(header, ctx.t(optional ? "editorial-ask-participants" : "editorial-ask-new-participants")),
    accept: textOnly(ctx, (text) => (optional && isSkip(text) ? { ok: true as const, value: [] } : parseParticipants(text, ctx.reader.lang)), !optional),
  });
}

async function askLocalized(conversation: Convo, ctx: ParleyContext, scope: string, key: string, header?: string): Promise<Localized> {
  return ask(conversation, ctx, { scope, blocks: question(header, ctx.t(key)), accept: textOnly(ctx, (text) => parseLocalized(text, ctx.reader.lang), true) });
}

async function askSources(conversation: Convo, ctx: ParleyContext, fallback: Lang, header?: string) {
  return ask(conversation, ctx, {
    scope: "so",
    blocks: question(header, ctx.t("editorial-ask-sources")),
    accept: textOnly(ctx, (text) => parseSources(text, fallback), true),
  });
}

function firstLang(text: Localized | undefined, otherwise: Lang): Lang {
  return LANGS.find((l) => text?.[l]) ?? otherwise;
}

// ---- /add -----------------------------------------------------------------------------------

async function addEntry(conversation: Convo, ctx: ParleyContext): Promise<void> {
  const desk = await readDesktop(conversation);
  const draft: EntryDraft = {};
  await ctx.reply(ctx.t("editorial-add-intro"), HTML);
  for (const field of DRAFT_FIELDS) await askField(conversation, ctx, desk, draft, field);

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
      kb.text(ctx.t("editorial-btn-publish"), callbackData(`${PREFIX}p:publish`));
    } else {
      blocks = [header, problemsBlock(ctx, "editorial-problems", checked.problems.map(describeProblem))];
    }
    kb.text(ctx.t("editorial-btn-edit"), callbackData(`${PREFIX}p:edit`)).text(ctx.t("editorial-btn-cancel"), callbackData(`${PREFIX}p:cancel`));
    const choices = checked.entry ? (["publish", "edit", "cancel"] as const) : (["edit", "cancel"] as const);
    const choice = await ask(conversation, ctx, {
      scope: "p",
      blocks,
      keyboard: kb,
      accept: (a) => (a.button && (choices as readonly string[]).includes(a.button) ? { value: a.button } : { error: ctx.t("editorial-choose-button") }),
    });
    if (choice === "cancel") {
      await ctx.reply(ctx.t("editorial-cancelled"), HTML);
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
    const published = await conversation.external((outer) => publish(outer, draft, usualParties));
    if (published.ok) {
      await ctx.reply(ctx.t("editorial-published", { id: escapeHtml(published.id) }), HTML);
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
  for (const t of desk.tracks) kb.text(truncate(localizedPlain(t.title, ctx.reader.lang), LIMITS.buttonText), callbackData(`${PREFIX}tr:${t.id}`)).row();
  kb.text(ctx.t("editorial-btn-new-track"), callbackData(`${PREFIX}tr:+`));
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

type WriteOutcome = { ok: true; id: string } | { ok: false; problems: string[] };

/** Writes the series (if new) and the entry, then reloads the record so /event shows it at once. */
async function publish(ctx: ParleyContext, draft: EntryDraft, usualParties: string[]): Promise<WriteOutcome> {
  const desk = ctx.deps.editorial;
  if (!desk) return { ok: false, problems: [ctx.t("editorial-unavailable")] };
  const actor = actorOf(ctx);
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

function problemsBlock(ctx: ParleyContext, key: string, problems: string[]): string {
  return [ctx.t(key), ...problems.slice(0, 20).map((p) => `• ${escapeHtml(p)}`)].join("\n");
}

// ---- /update <id> ---------------------------------------------------------------------------

const UPDATES = ["held", "postponed", "cancelled", "when", "place", "source", "participant"] as const;
type UpdateKind = (typeof UPDATES)[number];

async function updateEntry(conversation: Convo, ctx: ParleyContext, id: string): Promise<void> {
  const found = await conversation.external((outer) => outer.deps.record().find(id) ?? null);
  if (!found) {
    await ctx.reply(ctx.t("event-not-found", { id: escapeHtml(id) }), HTML);
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
    await ctx.reply(ctx.t("editorial-no-change"), HTML);
    return;
  }
  const kb = new InlineKeyboard().text(ctx.t("editorial-btn-save"), callbackData(`${PREFIX}c:save`)).text(ctx.t("editorial-btn-cancel"), callbackData(`${PREFIX}c:cancel`));
  const confirm = await ask(conversation, ctx, {
    scope: "c",
    blocks: [ctx.t("editorial-diff-title", { id: escapeHtml(id) }), lines.join("\n")],
    keyboard: kb,
    accept: (a) => (a.button === "save" || a.button === "cancel" ? { value: a.button } : { error: ctx.t("editorial-choose-button") }),
  });
  if (confirm === "cancel") {
    await ctx.reply(ctx.t("editorial-cancelled"), HTML);
    return;
  }
  const saved = await conversation.external((outer) => save(outer, id, change));
  if (saved.ok) await ctx.reply(ctx.t("editorial-saved", { id: escapeHtml(id) }), HTML);
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

// ---- /history <id> --------------------------------------------------------------------------

async function showHistory(ctx: ParleyContext & { match: string }): Promise<void> {
  const id = ctx.match.trim().toLowerCase();
  if (!id) return void (await ctx.reply(ctx.t("editorial-history-usage"), HTML));
  const desk = ctx.deps.editorial;
  if (!desk) return void (await ctx.reply(ctx.t("editorial-unavailable"), HTML));
  const records = await desk.writer.history(id);
  if (!records.length) {
    const key = ctx.deps.record().byId.has(id) ? "editorial-history-empty" : "event-not-found";
    return void (await ctx.reply(ctx.t(key, { id: escapeHtml(id.slice(0, 60)) }), HTML));
  }
  const blocks = [ctx.t("editorial-history-title", { id: escapeHtml(id), count: records.length })];
  for (const rec of [...records].reverse()) blocks.push(historyBlock(rec, ctx.reader));
  await replyBlocks(ctx, blocks);
}
