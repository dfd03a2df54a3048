// The bot's runtime state, opened for whichever back end the configuration names: the files
// under DATA_DIR/state/ (DATABASE_URL unset, one process) or PostgreSQL (src/store-db/, shared
// by every replica). Both give the same shape, so main.ts does not care which it holds.
//
// The delivery half (what was announced, the outbox) is opened apart from the chat half: with
// the files, the outbox is compacted as it opens, and main.ts starts answering before that.
import { join } from "node:path";
import type { Db } from "./db/pool.ts";
import type { Logger } from "./log.ts";
import { describeError } from "./log.ts";
import { FileOutbox, type Outbox } from "./delivery/outbox.ts";
import { FileAnnouncedStore, type AnnouncedStore } from "./store/announced.ts";
import { FileChatPrefsStore, type ChatPrefsStore } from "./store/chats.ts";
import { FileConversationStore, type ConversationStore } from "./store/conversations.ts";
import { FileSubscriptionStore, type SubscriptionStore } from "./store/subscriptions.ts";
import { openDbState } from "./store-db/open.ts";

export interface DeliveryState {
  announced: AnnouncedStore;
  outbox: Outbox;
  /** Lets go of what this process claimed in the outbox, keeping it open (a leader stepping down). */
  release(): Promise<void>;
}

export interface State {
  prefs: ChatPrefsStore;
  subscriptions: SubscriptionStore;
  conversations: ConversationStore;
  /** What was announced and the outbox; opened once, at the first call. */
  delivery(): Promise<DeliveryState>;
  /** Waits for every write and closes the outbox (not the database). */
  close(): Promise<void>;
}

export interface OpenStateOptions {
  stateDir: string;
  log: Logger;
  /** Set: the state is PostgreSQL's (migrated), and this replica claims outbox messages as `replicaId`. */
  db?: { db: Db; replicaId: string; outboxLeaseMs?: number };
}

export async function openState({ stateDir, log, db }: OpenStateOptions): Promise<State> {
  if (db) {
    const s = await openDbState(db.db, {
      onError: (err, table) => log.warn("state: the database is not answering; serving what is in memory", { table, error: describeError(err) }),
      outbox: { owner: db.replicaId, leaseMs: db.outboxLeaseMs },
    });
    const delivery: DeliveryState = { announced: s.announced, outbox: s.outbox, release: () => s.outbox.release() };
    return { prefs: s.prefs, subscriptions: s.subscriptions, conversations: s.conversations, delivery: () => Promise.resolve(delivery), close: () => s.close() };
  }
  const prefs = FileChatPrefsStore.open(join(stateDir, "chats.json"));
  const subscriptions = FileSubscriptionStore.open(join(stateDir, "subscriptions.json"));
  const conversations = FileConversationStore.open(join(stateDir, "conversations.json"));
  let delivery: Promise<DeliveryState> | undefined;
  return {
    prefs,
    subscriptions,
    conversations,
    delivery: () => (delivery ??= FileOutbox.open(stateDir).then((outbox) => ({ announced: FileAnnouncedStore.open(stateDir), outbox, release: () => Promise.resolve() }))),
    async close() {
      const opened = await delivery?.catch(() => undefined);
      await opened?.outbox.close();
      await Promise.all([prefs.flush(), conversations.flush(), subscriptions.flush(), opened?.announced.flush()]);
    },
  };
}
