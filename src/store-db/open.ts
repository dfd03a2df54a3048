// The runtime state in PostgreSQL, opened as one: what main.ts uses instead of the files under
// DATA_DIR/state/ when DATABASE_URL is set. The schema must be migrated first (migrate(db),
// src/db/migrate.ts, which every replica runs at start-up).
import type { Db } from "../db/pool.ts";
import { DbAnnouncedStore } from "./announced.ts";
import { DbChatPrefsStore } from "./chats.ts";
import { DbConversationStore } from "./conversations.ts";
import { DbDraftStore, type DbDraftStoreOptions } from "./drafts.ts";
import { DbOutbox, type DbOutboxOptions } from "./outbox.ts";
import { DbSubscriptionStore } from "./subscriptions.ts";
import { StateSync, type StateSyncOptions } from "./sync.ts";

export interface DbState {
  sync: StateSync;
  prefs: DbChatPrefsStore;
  subscriptions: DbSubscriptionStore;
  conversations: DbConversationStore;
  drafts: DbDraftStore;
  announced: DbAnnouncedStore;
  outbox: DbOutbox;
  /** Waits for every write, lets go of the outbox claims and stops following the others (not db.close()). */
  close(): Promise<void>;
}

export async function openDbState(db: Db, opts: StateSyncOptions & { outbox?: DbOutboxOptions; drafts?: DbDraftStoreOptions } = {}): Promise<DbState> {
  // Listening first: a change made while the stores read is then heard, not lost between the two.
  const sync = await StateSync.start(db, opts);
  try {
    const [prefs, subscriptions, conversations, drafts, announced, outbox] = await Promise.all([
      DbChatPrefsStore.open(db, sync),
      DbSubscriptionStore.open(db, sync),
      DbConversationStore.open(db, sync),
      DbDraftStore.open(db, sync, opts.drafts),
      DbAnnouncedStore.open(db, sync),
      DbOutbox.open(db, opts.outbox),
    ]);
    return {
      sync,
      prefs,
      subscriptions,
      conversations,
      drafts,
      announced,
      outbox,
      async close() {
        await Promise.all([prefs.flush(), subscriptions.flush(), conversations.flush(), drafts.flush(), announced.flush()]);
        await outbox.close();
        await sync.close();
      },
    };
  } catch (err) {
    await sync.close();
    throw err;
  }
}
