// Per-chat choices in PostgreSQL (table chat_prefs): the ChatPrefsStore of src/store/chats.ts,
// read from memory, written through, kept up with the other replicas.
import type { Db } from "../db/pool.ts";
import type { Lang } from "../record/schema.ts";
import type { ChatPrefs, ChatPrefsStore } from "../store/chats.ts";
import { InFlight } from "../store/in-flight.ts";
import { KeyedTable, type TableSpec } from "./keyed-table.ts";
import type { StateSync } from "./sync.ts";

export const CHAT_PREFS_TABLE: TableSpec<ChatPrefs> = {
  table: "chat_prefs",
  key: "chat_id",
  columns: [
    ["lang", "text"],
    ["tz", "text"],
  ],
  toRow: (_key, p) => ({ lang: p.lang ?? null, tz: p.tz ?? null }),
  fromRow: (r) => {
    const p: ChatPrefs = {};
    if (r.lang !== null) p.lang = r.lang as Lang;
    if (r.tz !== null) p.tz = r.tz as string;
    return p;
  },
};

export class DbChatPrefsStore implements ChatPrefsStore {
  readonly #chats = new Map<string, ChatPrefs>();
  readonly #table: KeyedTable<ChatPrefs>;
  readonly #writes = new InFlight();

  private constructor(db: Db, sync: StateSync) {
    const chats = this.#chats;
    this.#table = new KeyedTable<ChatPrefs>(
      db,
      sync,
      CHAT_PREFS_TABLE,
      { set: (k, v) => chats.set(k, v), remove: (k) => chats.delete(k), keys: () => chats.keys(), get size() { return chats.size; } },
    );
    sync.add(this.#table);
  }

  /** Reads every chat's choices (the tables must be migrated: src/db/migrate.ts). */
  static async open(db: Db, sync: StateSync): Promise<DbChatPrefsStore> {
    const store = new DbChatPrefsStore(db, sync);
    await store.#table.load();
    return store;
  }

  get(chatId: number | string): ChatPrefs {
    return this.#chats.get(String(chatId)) ?? {};
  }

  set(chatId: number | string, change: Partial<ChatPrefs>): Promise<void> {
    const key = String(chatId);
    return this.#writes.during(() => this.#table.put([[key, { ...this.#chats.get(key), ...change }]]));
  }

  migrate(from: number, to: number): Promise<void> {
    const prefs = this.#chats.get(String(from));
    if (!prefs) return Promise.resolve();
    return this.#writes.during(() => this.#table.put([[String(to), { ...prefs, ...this.#chats.get(String(to)) }]], [String(from)]));
  }

  flush(): Promise<void> {
    return this.#writes.settled();
  }
}
