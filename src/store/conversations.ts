// Unfinished editorial conversations (/add, /update), kept in state/conversations.json so that a
// restart of the bot in the middle of one continues it at the same question. This is the
// storage adapter of grammY's conversations plugin: per chat, the plugin's versioned replay
// state (the answers so far and the results of the bot's calls), stored as the plugin gives it.
import type { ConversationData, VersionedState, VersionedStateStorage } from "@grammyjs/conversations";
import { InFlight } from "./in-flight.ts";
import { JsonStore } from "./json-store.ts";

interface ConversationsFile {
  chats: { [key: string]: VersionedState<ConversationData> };
}

/**
 * The conversations plugin's storage, whichever back end keeps it (files: FileConversationStore
 * below; PostgreSQL: src/store-db/conversations.ts). Reads come from memory.
 */
export interface ConversationStore extends VersionedStateStorage<string, ConversationData> {
  /** A copy: the plugin changes the state it reads in place, and only what it writes may count. */
  read(key: string): VersionedState<ConversationData> | undefined;
  /** Resolves once the state is stored. */
  write(key: string, state: VersionedState<ConversationData>): Promise<void>;
  delete(key: string): Promise<void>;
  /** Runs the handling of one update; flush() waits for it. */
  during<T>(handle: () => Promise<T>): Promise<T>;
  /** Waits for the updates being handled and for their states to be stored. */
  flush(): Promise<void>;
  /** Chats with a conversation under way. */
  readonly size: number;
}

/** The file back end: state/conversations.json. */
export class FileConversationStore implements ConversationStore {
  /** Updates being handled in a conversation: the plugin writes their state only after the replies. */
  readonly #handling = new InFlight();

  constructor(readonly store: JsonStore<ConversationsFile>) {}

  static open(file: string): FileConversationStore {
    return new FileConversationStore(
      JsonStore.open<ConversationsFile>(file, () => ({ chats: {} }), (d): d is ConversationsFile => typeof (d as ConversationsFile).chats === "object"),
    );
  }

  /** A copy: the plugin changes the state it reads in place, and only what it writes may count. */
  read(key: string): VersionedState<ConversationData> | undefined {
    const state = this.store.data.chats[key];
    return state && structuredClone(state);
  }

  write(key: string, state: VersionedState<ConversationData>): Promise<void> {
    return this.store.update((d) => {
      d.chats[key] = structuredClone(state);
    });
  }

  async delete(key: string): Promise<void> {
    if (!(key in this.store.data.chats)) return;
    await this.store.update((d) => {
      delete d.chats[key];
    });
  }

  during<T>(handle: () => Promise<T>): Promise<T> {
    return this.#handling.during(handle);
  }

  /**
   * Waits for the updates being handled and for their states to reach the disk. A stop that
   * did not wait could exit between a question sent and the state that expects its answer.
   */
  async flush(): Promise<void> {
    await this.#handling.settled();
    await this.store.flush();
  }

  /** Chats with a conversation under way. */
  get size(): number {
    return Object.keys(this.store.data.chats).length;
  }
}

