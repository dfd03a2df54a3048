// The editors' side of the drafts, apart from any one update: sending each draft to every editor
// (ADMIN_IDS) in their private chat and language, editing all the copies when a draft gains a
// report or is decided, and the decisions themselves. Publishing goes through the one writer
// (lock, validation, audit log naming the editor and the reports) and then reloads the record,
// which tells the digest job at once.
import { GrammyError, InlineKeyboard, type Api } from "grammy";
import type { EntryEdit, EntryField } from "../../../editorial/entry.ts";
import type { FeedDown } from "../../../ingest/incoming.ts";
import { changeStanding, entryFromDraft, publishEdits } from "../../../drafts/merge.ts";
import type { NameIndex } from "../../../ingest/names.ts";
import type { Logger } from "../../../log.ts";
import { draftButton } from "../../../present/callbacks.ts";
import { formatMoment, todayIn } from "../../../present/dates.ts";
import { draftBlocks, draftMessage } from "../../../present/drafts.ts";
import type { Reader } from "../../../present/entries.ts";
import { escapeHtml, link } from "../../../present/html.ts";
import type { Translate } from "../../../present/translate.ts";
import type { RecordView } from "../../../record/record.ts";
import { describeProblem } from "../../../record/validate.ts";
import type { Actor } from "../../../record-file/audit-log.ts";
import { RecordLockedError } from "../../../record-file/lock.ts";
import { chatLocale, type ChatPrefsStore } from "../../../store/chats.ts";
import type { DraftStatus, DraftStore, StoredDraft } from "../../../store/drafts.ts";
import type { DeskWriter } from "../../../editorial/desk-writer.ts";

/** As htmlReplies sets for the bot's replies: this Api may be any (the ingestion's own). */
const HTML = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;

export interface DraftDeskOptions {
  /** Sends and edits the copies; the bot's own or one of the ingestion's. */
  api: Api;
  store: DraftStore;
  names: NameIndex;
  record: () => RecordView;
  writer: DeskWriter;
  reloadRecord(): Promise<void>;
  adminIds: number[];
  prefs: ChatPrefsStore;
  /** i18n.t(lang, key, vars) */
  translate(lang: string, key: string, vars?: Record<string, string | number>): string;
  defaultTimezone: string;
  clock: () => Date;
  log: Logger;
}

export type Decision = Exclude<DraftStatus, "pending">;

export type PublishOutcome =
  | { kind: "done"; draft: StoredDraft }
  /** Someone decided it first (or is publishing it right now). */
  | { kind: "decided"; draft: StoredDraft }
  | { kind: "busy" }
  | { kind: "missing" }
  /** The writer refused it: nothing was written, the draft stays pending. */
  | { kind: "refused"; problems: string[] }
  /** A change of an entry no longer in the record: nothing to change; the draft stays pending. */
  | { kind: "gone"; entryId: string }
  /** A change that would overwrite these fields, changed by another edit since the draft was made. */
  | { kind: "outdated"; fields: EntryField[] };

export class DraftDesk {
  /** Drafts being published: a second press meanwhile must not write twice. */
  readonly #publishing = new Set<string>();

  constructor(readonly opts: DraftDeskOptions) {}

  /** The reader of an editor's private chat: their /lang, else their Telegram language as last seen. */
  readerFor(chatId: number): Reader {
    const { lang, zone } = chatLocale(this.opts.prefs, chatId, this.opts.defaultTimezone, this.opts.store.languageOf(chatId));
    const t: Translate = (key, vars) => this.opts.translate(lang, key, vars);
    return { lang, zone, now: this.opts.clock(), t };
  }

  /** The draft's message for this reader, and its buttons while it is pending. */
  render(d: StoredDraft, r: Reader): { html: string; keyboard?: InlineKeyboard } {
    const html = draftMessage(draftBlocks(d, this.opts.record(), this.opts.names, r, todayIn(r.now, r.zone)));
    if (d.status !== "pending") return { html };
    const keyboard = new InlineKeyboard()
      .text(r.t("drafts-btn-publish"), draftButton.pack({ action: "publish", id: d.id }))
      .text(r.t("drafts-btn-edit"), draftButton.pack({ action: "edit", id: d.id }))
      .row()
      .text(r.t("drafts-btn-reject"), draftButton.pack({ action: "reject", id: d.id }))
      .text(r.t("drafts-btn-irrelevant"), draftButton.pack({ action: "irrelevant", id: d.id }));
    return { html, keyboard };
  }

  /**
   * After the intake: a draft no editor has seen goes to every editor; one they have is edited
   * in each copy (a new report under it, a field filled), never sent again.
   */
  async show(ids: string[]): Promise<void> {
    for (const id of ids) {
      const d = this.opts.store.get(id);
      if (!d) continue;
      if (d.copies.length === 0) {
        for (const editor of this.opts.adminIds) await this.sendCopy(d, editor);
      } else await this.editCopies(d);
    }
  }

  /**
   * At start: each pending draft goes to every editor who has no copy of it. The intake takes a
   * report once (a report seen again changes nothing), so a draft whose copies were not all sent
   * (the process stopped while sending, or Telegram could not be reached) would otherwise wait
   * unseen until someone typed /drafts. A copy sent but not yet recorded when the process died is
   * sent again: twice is better than never. Oldest first, as they came.
   */
  async resume(): Promise<void> {
    for (const d of this.opts.store.pending().reverse()) {
      for (const editor of this.opts.adminIds) {
        if (d.status === "pending" && !d.copies.some((c) => c.chatId === editor)) await this.sendCopy(d, editor);
      }
    }
  }

  /** A copy of the draft in this chat (also /drafts' "open"): kept, so that decisions edit it. */
  async sendCopy(d: StoredDraft, chatId: number): Promise<void> {
    const { html, keyboard } = this.render(d, this.readerFor(chatId));
    try {
      const sent = await this.opts.api.sendMessage(chatId, html, { ...HTML, reply_markup: keyboard });
      await this.opts.store.change(() => {
        d.copies.push({ chatId, messageId: sent.message_id });
      });
    } catch (err) {
      // An editor who never opened a chat with the bot, or blocked it: the others still get it.
      if (!(err instanceof GrammyError)) throw err;
      this.opts.log.warn("could not send a draft to an editor", { draft: d.id, editor: chatId, error: err.description });
    }
  }

  /** Every copy redrawn as the draft stands now (with or without buttons). */
  async editCopies(d: StoredDraft): Promise<void> {
    const gone: number[] = [];
    for (const [i, copy] of d.copies.entries()) {
      const { html, keyboard } = this.render(d, this.readerFor(copy.chatId));
      try {
        await this.opts.api.editMessageText(copy.chatId, copy.messageId, html, { ...HTML, reply_markup: keyboard });
      } catch (err) {
        if (!(err instanceof GrammyError)) throw err;
        if (err.description.includes("message is not modified")) continue;
        if (/message to edit not found|message can't be edited/.test(err.description)) gone.push(i);
        else this.opts.log.warn("could not edit a draft's copy", { draft: d.id, chat: copy.chatId, error: err.description });
      }
    }
    if (gone.length) await this.opts.store.change(() => void (d.copies = d.copies.filter((_, i) => !gone.includes(i))));
  }

  /** Reject or Not relevant: the draft is closed for every editor. */
  async decide(id: string, status: Exclude<Decision, "published">, actor: Actor): Promise<PublishOutcome> {
    const d = this.opts.store.get(id);
    if (!d) return { kind: "missing" };
    if (d.status !== "pending") return { kind: "decided", draft: d };
    if (this.#publishing.has(id)) return { kind: "busy" };
    await this.#close(d, status, actor);
    return { kind: "done", draft: d };
  }

  /**
   * Publish: a new entry added, or the change (and the reports as sources) applied to the
   * entry as the file holds it now, through the writer. A refusal leaves the draft pending.
   */
  async publish(id: string, actor: Actor): Promise<PublishOutcome> {
    const d = this.opts.store.get(id);
    if (!d) return { kind: "missing" };
    if (d.status !== "pending") return { kind: "decided", draft: d };
    if (this.#publishing.has(id)) return { kind: "busy" };
    this.#publishing.add(id);
    try {
      const by: Actor = { ...actor, source: d.sources.map((s) => s.url ?? s.outlet) };
      let entryId: string;
      try {
        if (d.proposal.kind === "new") {
          // The id must be unique in the file as it is now, hand edits included.
          await this.opts.reloadRecord();
          const record = this.opts.record();
          const entry = entryFromDraft(d.proposal.reading, d.sources, this.opts.names, (x) => record.byId.has(x));
          const result = await this.opts.writer.add(entry, by);
          if (!result.ok) return { kind: "refused", problems: result.problems.map(describeProblem) };
          entryId = result.entry.id;
        } else {
          // Judged on the file as it is now (hand edits included), and again by the writer under
          // its lock, so an edit saved in between cannot be overwritten either.
          await this.opts.reloadRecord();
          const standing = changeStanding(d.proposal, this.opts.record().find(d.proposal.entryId));
          if (standing.kind !== "clean") {
            // The copies were drawn before the entry changed: redrawn, they show why.
            await this.editCopies(d);
            return standing.kind === "gone" ? { kind: "gone", entryId: d.proposal.entryId } : { kind: "outdated", fields: standing.fields };
          }
          const edits: EntryEdit[] = publishEdits(d.proposal.edits, d.sources);
          const result = await this.opts.writer.update(d.proposal.entryId, edits, by, d.proposal.base);
          if (!result.ok) return { kind: "refused", problems: result.problems.map(describeProblem) };
          entryId = d.proposal.entryId;
        }
      } catch (err) {
        if (err instanceof RecordLockedError) return { kind: "refused", problems: [err.message] };
        throw err;
      }
      await this.#close(d, "published", by, entryId);
      // After the draft is closed on disk: the digest may go out now.
      await this.opts.reloadRecord();
      this.opts.log.info("draft published", { draft: d.id, entry: entryId, by: actor.id });
      await this.editCopies(d);
      return { kind: "done", draft: d };
    } finally {
      this.#publishing.delete(id);
    }
  }

  /**
   * The draft was published through Edit (the /add or /update dialogue): closed as published
   * by that editor, if nobody decided it meanwhile.
   */
  async publishedThroughEdit(id: string, actor: Actor, entryId: string): Promise<void> {
    const d = this.opts.store.get(id);
    if (!d || d.status !== "pending") return;
    await this.#close(d, "published", { ...actor, source: d.sources.map((s) => s.url ?? s.outlet) }, entryId);
    await this.editCopies(d);
  }

  async #close(d: StoredDraft, status: Decision, actor: Actor, entryId?: string): Promise<void> {
    await this.opts.store.change(() => {
      d.status = status;
      d.decidedBy = actor;
      d.decidedAt = this.opts.clock().toISOString();
      d.updated = d.decidedAt;
      if (entryId) d.entryId = entryId;
    });
    if (status !== "published") await this.editCopies(d);
  }

  /** A feed has failed for a day: every editor is told, once (the poller keeps that it told them). */
  async feedDown(down: FeedDown): Promise<void> {
    for (const editor of this.opts.adminIds) {
      const r = this.readerFor(editor);
      const html = r.t("drafts-feed-down", {
        outlet: link(down.outlet, down.url),
        feed: escapeHtml(down.feedId),
        since: escapeHtml(formatMoment(down.failingSince, r.lang, r.zone)),
        error: escapeHtml(down.lastError),
      });
      try {
        await this.opts.api.sendMessage(editor, html, HTML);
      } catch (err) {
        if (!(err instanceof GrammyError)) throw err;
        this.opts.log.warn("could not tell an editor that a feed is down", { feed: down.feedId, editor, error: err.description });
      }
    }
  }
}
