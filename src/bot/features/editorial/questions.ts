// The editorial desk's question toolkit, shared by /add and /update: ask, wait for an
// acceptable answer (typed, or one of the question's buttons), and the questions both ask.
//
// The conversations plugin replays a conversation's code from the top for every answer, with
// the answers so far and the results of the bot's calls taken from the stored state. So
// everything that reads the world (the record, the clock, the writer) runs in
// conversation.external(), whose result is stored too, and control flow depends only on
// answers and such results.
import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import { isSkip, parseDate, parseLocalized, parseParticipants, parsePlace, parseSources, parseTimeAndZone, type Parsed } from "../../../editorial/parse.ts";
import { deskAnswer } from "../../../present/callbacks.ts";
import { todayIn } from "../../../present/dates.ts";
import { escapeHtml, LIMITS, truncate } from "../../../present/html.ts";
import { LANGS, type Entry, type Lang, type Localized, type Status } from "../../../record/schema.ts";
import type { Actor } from "../../../record-file/audit-log.ts";
import type { ParleyContext } from "../../context.ts";
import { replyBlocks } from "../../replies.ts";

export type Convo = Conversation<ParleyContext, ParleyContext>;

export function actorOf(ctx: ParleyContext): Actor {
  const from = ctx.from!;
  const name = [from.first_name, from.last_name].filter(Boolean).join(" ");
  return { kind: "telegram", id: from.id, name: from.username ? `${name} (@${from.username})` : name };
}

/**
 * The editor, and when the write publishes a news draft (through Edit), the draft's reports:
 * the audit log names both, as it does for Publish.
 */
export function draftActor(ctx: ParleyContext, draftId: string | undefined): Actor {
  const actor = actorOf(ctx);
  const d = draftId ? ctx.deps.drafts?.store.get(draftId) : undefined;
  return d ? { ...actor, source: d.sources.map((s) => s.url ?? s.outlet) } : actor;
}

// ---- Asking -------------------------------------------------------------------------------

type Answer = { ctx: ParleyContext } & ({ text: string; button?: undefined } | { button: string; text?: undefined });
export type Verdict<T> = { value: T } | { error: string };

interface Question<T> {
  /** Names this question's buttons (deskAnswer), so a button from an earlier one is recognised. */
  scope: string;
  blocks: string[];
  keyboard?: InlineKeyboard;
  /** The value, or an error message (HTML) after which the editor answers again. */
  accept(answer: Answer): Verdict<T>;
}

/** Asks, then waits until the answer is acceptable; /cancel ends the conversation. */
export async function ask<T>(conversation: Convo, ctx: ParleyContext, q: Question<T>): Promise<T> {
  await replyBlocks(ctx, q.blocks, q.keyboard);
  for (;;) {
    const answer = await nextAnswer(conversation, q.scope);
    const verdict = q.accept(answer);
    if ("value" in verdict) return verdict.value;
    await answer.ctx.reply(verdict.error);
  }
}

async function nextAnswer(conversation: Convo, scope: string): Promise<Answer> {
  for (;;) {
    const ctx = await conversation.wait();
    const data = ctx.callbackQuery?.data;
    if (data !== undefined) {
      // Another feature's button, pressed mid-conversation: that feature answers it.
      const pressed = deskAnswer.parse(data);
      if (!pressed) return await conversation.skip({ next: true });
      if (pressed.scope === scope) {
        await ctx.answerCallbackQuery();
        return { ctx, button: pressed.choice };
      }
      await ctx.answerCallbackQuery({ text: ctx.t("editorial-button-old") });
      continue;
    }
    if (!ctx.message) return await conversation.skip({ next: true });
    const text = ctx.message.text;
    if (text === undefined) {
      await ctx.reply(ctx.t("editorial-text-expected"));
      continue;
    }
    const command = /^\/([A-Za-z0-9_]+)/.exec(text)?.[1].toLowerCase();
    if (command === "cancel") {
      await ctx.reply(ctx.t("editorial-cancelled"));
      return await conversation.halt();
    }
    if (command) {
      await ctx.reply(ctx.t("editorial-busy"));
      continue;
    }
    return { ctx, text };
  }
}

export function parsedVerdict<T>(ctx: ParleyContext, parsed: Parsed<T>, input: string): Verdict<T> {
  if (parsed.ok) return { value: parsed.value };
  return { error: ctx.t(`editorial-error-${parsed.error}`, { input: escapeHtml(truncate(input.trim(), 60)), detail: escapeHtml(parsed.detail ?? "") }) };
}

/**
 * A text question: a button answer (from no button of ours) is not accepted, nor, when the
 * answer is required, a "skip".
 */
export function textOnly<T>(ctx: ParleyContext, parse: (text: string) => Parsed<T> | Verdict<T>, required = false): (a: Answer) => Verdict<T> {
  return (a) => {
    if (a.text === undefined) return { error: ctx.t("editorial-text-expected") };
    if (required && isSkip(a.text)) return { error: ctx.t("editorial-error-required") };
    const r = parse(a.text);
    return "ok" in r ? parsedVerdict(ctx, r, a.text) : r;
  };
}

/** The question, under /add's "3/10 · Status" when asked there. */
export function question(header: string | undefined, html: string): string[] {
  return [header ? `${header}\n${html}` : html];
}

export function choiceKeyboard(scope: string, choices: readonly string[], label: (c: string) => string, perRow = 2): InlineKeyboard {
  const kb = new InlineKeyboard();
  choices.forEach((c, i) => {
    kb.text(truncate(label(c), LIMITS.buttonText), deskAnswer.pack({ scope, choice: c }));
    if ((i + 1) % perRow === 0) kb.row();
  });
  return kb;
}

/** A button, or its label or code typed. */
export function choiceAnswer<T extends string>(ctx: ParleyContext, choices: readonly T[], label: (c: T) => string): (a: Answer) => Verdict<T> {
  return (a) => {
    const raw = (a.button ?? a.text).trim().toLowerCase();
    const found = choices.find((c) => c === raw || label(c).toLowerCase() === raw);
    return found ? { value: found } : { error: ctx.t("editorial-choose-button") };
  };
}

// ---- The questions, shared by /add and /update ----------------------------------------------

/** What the conversation reads once from outside: the series, today and the editor's zone. */
export interface Desktop {
  tracks: { id: string; title: Localized; parties: string[] }[];
  today: string;
  zone: string;
  lang: Lang;
}

export function readDesktop(conversation: Convo): Promise<Desktop> {
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

export async function askDate(conversation: Convo, ctx: ParleyContext, desk: Desktop, status?: Status, header?: string): Promise<string | null> {
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

export async function askTime(conversation: Convo, ctx: ParleyContext, desk: Desktop, header?: string): Promise<{ time?: string; timezone?: string }> {
  return ask(conversation, ctx, {
    scope: "t",
    blocks: question(header, ctx.t("editorial-ask-time", { zone: escapeHtml(desk.zone) })),
    accept: textOnly(ctx, (text) => parseTimeAndZone(text, desk.zone)),
  });
}

export async function askPlace(conversation: Convo, ctx: ParleyContext, optional: boolean, header?: string): Promise<Entry["place"] | undefined> {
  return ask(conversation, ctx, {
    scope: "pl",
    blocks: question(header, ctx.t(optional ? "editorial-ask-place" : "editorial-ask-new-place")),
    accept: textOnly(ctx, (text): Parsed<Entry["place"] | undefined> => (optional && isSkip(text) ? { ok: true, value: undefined } : parsePlace(text, ctx.reader.lang)), !optional),
  });
}

export async function askParticipants(conversation: Convo, ctx: ParleyContext, optional: boolean, header?: string) {
  return ask(conversation, ctx, {
    scope: "pa",
    blocks: question(header, ctx.t(optional ? "editorial-ask-participants" : "editorial-ask-new-participants")),
    accept: textOnly(ctx, (text) => (optional && isSkip(text) ? { ok: true as const, value: [] } : parseParticipants(text, ctx.reader.lang)), !optional),
  });
}

export async function askLocalized(conversation: Convo, ctx: ParleyContext, scope: string, key: string, header?: string): Promise<Localized> {
  return ask(conversation, ctx, { scope, blocks: question(header, ctx.t(key)), accept: textOnly(ctx, (text) => parseLocalized(text, ctx.reader.lang), true) });
}

export async function askSources(conversation: Convo, ctx: ParleyContext, fallback: Lang, header?: string) {
  return ask(conversation, ctx, {
    scope: "so",
    blocks: question(header, ctx.t("editorial-ask-sources")),
    accept: textOnly(ctx, (text) => parseSources(text, fallback), true),
  });
}

export function firstLang(text: Localized | undefined, otherwise: Lang): Lang {
  return LANGS.find((l) => text?.[l]) ?? otherwise;
}

export type WriteOutcome = { ok: true; id: string } | { ok: false; problems: string[] };

export function problemsBlock(ctx: ParleyContext, key: string, problems: string[]): string {
  return [ctx.t(key), ...problems.slice(0, 20).map((p) => `• ${escapeHtml(p)}`)].join("\n");
}
