// The context every handler sees: grammY's, the i18n plugin's t(), and the reader (language,
// zone, clock) resolved once per update from the chat's stored choices.
import type { Context } from "grammy";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Reader } from "../present/entries.ts";
import type { RecordView } from "../record/record.ts";
import type { Entry } from "../record/schema.ts";
import type { ChatPrefsStore } from "../store/chats.ts";
import type { SubscriptionStore } from "../store/subscriptions.ts";
import type { Logger } from "../log.ts";
import type { DeskWriter } from "../editorial/desk-writer.ts";
import type { ConversationStore } from "../store/conversations.ts";
import type { DraftStore } from "../store/drafts.ts";
import type { FetchPage } from "../feeds/fetch-page.ts";
import type { DraftIntake } from "../drafts/intake.ts";
import type { DraftDesk } from "./features/drafts/draft-desk.ts";

/** What the bot needs from outside; main.ts passes real parts, tests and the console theirs. */
export interface BotDeps {
  /** The current record; it can be swapped by a reload while the bot runs. */
  record: () => RecordView;
  prefs: ChatPrefsStore;
  subscriptions: SubscriptionStore;
  clock: () => Date;
  defaultTimezone: string;
  adminIds: number[];
  /**
   * The web timeline's address (PUBLIC_URL), only when it is https: Telegram opens Mini Apps
   * from https addresses only. Unset: no "🌐 Timeline" button.
   */
  timelineUrl?: string;
  /** PUBLIC_URL: where entries have pages (<publicUrl>/entries/<id>); absent, no links are given. */
  publicUrl?: string;
  /** An entry's SEQUENCE in calendars (calendar/sequence.ts), so a sent .ics matches the feeds; 0 when absent. */
  calendarSequence?: (e: Entry) => number;
  /** Editing the record from Telegram (/add, /update, /history); absent where it is read-only. */
  editorial?: EditorialDeps;
  /** Drafts from news reports (/drafts, their buttons, editors' forwarded reports); absent: none. */
  drafts?: DraftsDeps;
  log: Logger;
}

export interface DraftsDeps {
  store: DraftStore;
  intake: DraftIntake;
  desk: DraftDesk;
  /** Reads the article behind a link an editor sends. */
  fetchPage: FetchPage;
}

export interface EditorialDeps {
  /** Writes through the record's lock, validation and audit log (in a worker thread under npm start). */
  writer: DeskWriter;
  /** Re-reads the record after a write, so the next /event already shows the change. */
  reloadRecord(): Promise<void>;
  /** Unfinished /add and /update conversations, kept across restarts. */
  conversations: ConversationStore;
}

export interface ParleyFlavor {
  deps: BotDeps;
  reader: Reader;
}

export type ParleyContext = Context & I18nFlavor & ParleyFlavor;
