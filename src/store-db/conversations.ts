// Unfinished editorial conversations in PostgreSQL (table conversations): the ConversationStore
// of src/store/conversations.ts. A dialogue begun through one replica continues through any
// other: the state is written through before the plugin goes on, and the others follow.
import type { ConversationData, VersionedState } from "@grammyjs/conversations";
import type { Db } from "../db/pool.ts";
import type { ConversationStore } from "../store/conversations.ts";
import { InFlight } from "../store/in-flight.ts";
import { KeyedTable, type TableSpec } from "./keyed-table.ts";
import type { StateSync } from "./sync.ts";

type State = VersionedState<ConversationData>;

export const CONVERSATIONS_TABLE: TableSpec<State> = {
  table: "conversations",
  key: "key",
  columns: [["state", "jsonb"]],
  toRow: (_key, state) => ({ state }),
  fromRow: (r) => r.state as State,
};

export class DbConversationStore implements ConversationStore {
  readonly #chats = new Map<string, State>();
  readonly #table: KeyedTable<State>;
  readonly #handling = new InFlight();
  readonly #writes = new InFlight();

  private constructor(db: Db, sync: StateSync) {
    const chats = this.#chats;
    this.#table = new KeyedTable<State>(
      db,
      sync,
      CONVERSATIONS_TABLE,
      { set: (k, v) => chats.set(k, v), remove: (k) => chats.delete(k), keys: () => chats.keys(), get size() { return chats.size; } },
    );
    sync.add(this.#table);
  }

  static async open(db: Db, sync: StateSync): Promise<DbConversationStore> {
    const store = new DbConversationStore(db, sync);
    await store.#table.load();
    return store;
  }

  read(key: string): State | undefined {
    const state = this.#chats.get(key);
    return state && structuredClone(state);
  }

  write(key: string, state: State): Promise<void> {
    return this.#writes.during(() => this.#table.put([[key, structuredClone(state)]]));
  }

  delete(key: string): Promise<void> {
    if (!this.#chats.has(key)) return Promise.resolve();
    return this.#writes.during(() => this.#table.put([], [key]));
  }

  during<T>(handle: () => Promise<T>): Promise<T> {
    return this.#handling.during(handle);
  }

  async flush(): Promise<void> {
    await this.#handling.settled();
    await this.#writes.settled();
  }

  get size(): number {
    return this.#chats.size;
  }
}
