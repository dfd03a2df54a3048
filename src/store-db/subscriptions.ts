// The subscriptions in PostgreSQL (table subscriptions): the SubscriptionStore of
// src/store/subscriptions.ts. All of them in memory (the digest job walks them every tick),
// each change written through as one statement before the call resolves, and the other
// replicas' changes followed (sync.ts). The rules of what a change does are the file store's.
import type { Db } from "../db/pool.ts";
import type { Kind } from "../record/schema.ts";
import { InFlight } from "../store/in-flight.ts";
import { fromDisk, type StoredSubscription } from "../store/subscriptions-file.ts";
import { DEFAULT_REMINDERS, newSubscription, subscriptionKey, type DeliveryMode, type Subscription } from "../store/subscription-types.ts";
import {
  withDelivery,
  withQuietHours,
  withReminders,
  type Filters,
  type SubscribeInput,
  type SubscribeOutcome,
  type SubscriptionStore,
} from "../store/subscriptions.ts";
import { KeyedTable, type TableSpec } from "./keyed-table.ts";
import type { StateSync } from "./sync.ts";

export const SUBSCRIPTIONS_TABLE: TableSpec<Subscription> = {
  table: "subscriptions",
  key: "key",
  columns: [
    ["chat_id", "bigint"],
    ["thread_id", "bigint"],
    ["chat_type", "text"],
    ["active", "boolean"],
    ["inactive_reason", "text"],
    ["created_by", "bigint"],
    ["created_at", "timestamptz"],
    ["tracks", "text[]"],
    ["kinds", "text[]"],
    ["daily_hour", "smallint"],
    ["quiet_from", "smallint"],
    ["quiet_to", "smallint"],
    ["reminders", "jsonb"],
  ],
  select: {
    chat_id: "chat_id::float8",
    thread_id: "thread_id::float8",
    created_by: "created_by::float8",
    created_at: `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  },
  toRow: toRow,
  fromRow: fromRow,
};

export class DbSubscriptionStore implements SubscriptionStore {
  readonly #subs = new Map<string, Subscription>();
  /** chatId → keys of its forum-topic subscriptions (a chat's own key is its id). */
  readonly #topics = new Map<number, Set<string>>();
  #activeCount = 0;
  readonly #table: KeyedTable<Subscription>;
  readonly #writes = new InFlight();

  private constructor(db: Db, sync: StateSync) {
    const subs = this.#subs;
    this.#table = new KeyedTable<Subscription>(
      db,
      sync,
      SUBSCRIPTIONS_TABLE,
      {
        set: (key, sub) => this.#set(key, sub),
        remove: (key) => this.#remove(key),
        keys: () => subs.keys(),
        get size() {
          return subs.size;
        },
      },
    );
    sync.add(this.#table);
  }

  /** Reads every subscription (the tables must be migrated: src/db/migrate.ts). */
  static async open(db: Db, sync: StateSync): Promise<DbSubscriptionStore> {
    const store = new DbSubscriptionStore(db, sync);
    await store.#table.load();
    return store;
  }

  get(key: string): Readonly<Subscription> | undefined {
    return this.#subs.get(key);
  }

  forChat(chatId: number): Readonly<Subscription>[] {
    return this.#keysOf(chatId).map((k) => this.#subs.get(k)!);
  }

  *active(): IterableIterator<Readonly<Subscription>> {
    for (const sub of this.#subs.values()) if (sub.active) yield sub;
  }

  get activeCount(): number {
    return this.#activeCount;
  }

  get size(): number {
    return this.#subs.size;
  }

  async upsert(sub: Subscription): Promise<Readonly<Subscription>> {
    const key = subscriptionKey(sub.chatId, sub.threadId);
    await this.#put([{ ...sub, key }]);
    return this.#subs.get(key)!;
  }

  async subscribe(input: SubscribeInput, now: Date): Promise<{ subscription: Readonly<Subscription>; outcome: SubscribeOutcome }> {
    const key = subscriptionKey(input.chatId, input.threadId);
    const existing = this.#subs.get(key);
    if (existing?.active) return { subscription: existing, outcome: "already" };
    if (existing) {
      const { inactiveReason: _, ...rest } = existing;
      await this.#put([{ ...rest, chatType: input.chatType, active: true }]);
    } else {
      await this.#put([newSubscription(input, now)]);
    }
    return { subscription: this.#subs.get(key)!, outcome: existing ? "reactivated" : "created" };
  }

  async deactivate(key: string, reason: string): Promise<boolean> {
    const sub = this.#subs.get(key);
    if (!sub?.active) return false;
    await this.#put([{ ...sub, active: false, inactiveReason: reason }]);
    return true;
  }

  async deactivateChat(chatId: number, reason: string): Promise<Readonly<Subscription>[]> {
    const stopped = this.forChat(chatId)
      .filter((s) => s.active)
      .map((s) => ({ ...s, active: false, inactiveReason: reason }));
    await this.#put(stopped);
    return stopped.map((s) => this.#subs.get(s.key)!);
  }

  unsubscribe(chatId: number, threadId?: number): Promise<boolean> {
    return this.deactivate(subscriptionKey(chatId, threadId), "unsubscribed");
  }

  async migrate(fromChatId: number, toChatId: number): Promise<number> {
    const keys = this.#keysOf(fromChatId);
    const moved: Subscription[] = [];
    for (const key of keys) {
      const sub = this.#subs.get(key)!;
      const newKey = subscriptionKey(toChatId, sub.threadId);
      // A subscription already made in the supergroup wins over the old group's.
      if (this.#subs.has(newKey)) continue;
      moved.push({ ...sub, key: newKey, chatId: toChatId, chatType: "supergroup" });
    }
    await this.#put(moved, keys);
    return moved.length;
  }

  setFilters(key: string, filters: Filters): Promise<Readonly<Subscription> | undefined> {
    return this.#change(key, (sub) => ({ ...sub, ...filters }));
  }

  setDelivery(key: string, delivery: DeliveryMode): Promise<Readonly<Subscription> | undefined> {
    return this.#change(key, withDelivery(delivery));
  }

  setQuietHours(key: string, quiet: { from: number; to: number } | undefined): Promise<Readonly<Subscription> | undefined> {
    return this.#change(key, withQuietHours(quiet));
  }

  setReminders(key: string, change: Partial<Subscription["reminders"]>): Promise<Readonly<Subscription> | undefined> {
    return this.#change(key, withReminders(change));
  }

  flush(): Promise<void> {
    return this.#writes.settled();
  }

  async #change(key: string, change: (sub: Subscription) => Subscription): Promise<Readonly<Subscription> | undefined> {
    const sub = this.#subs.get(key);
    if (!sub) return undefined;
    await this.#put([change(sub)]);
    return this.#subs.get(key);
  }

  #put(subs: readonly Subscription[], removes: readonly string[] = []): Promise<void> {
    if (!subs.length && !removes.length) return Promise.resolve();
    return this.#writes.during(() =>
      this.#table.put(
        subs.map((s) => [s.key, s] as const),
        removes.filter((k) => !subs.some((s) => s.key === k)),
      ),
    );
  }

  // Subscriptions are replaced, never edited in place (see the interface).
  #set(key: string, sub: Subscription): void {
    const before = this.#subs.get(key);
    if (before?.active) this.#activeCount--;
    if (sub.active) this.#activeCount++;
    this.#subs.set(key, sub);
    if (sub.threadId !== undefined) {
      let keys = this.#topics.get(sub.chatId);
      if (!keys) this.#topics.set(sub.chatId, (keys = new Set()));
      keys.add(key);
    }
  }

  #remove(key: string): void {
    const sub = this.#subs.get(key);
    if (!sub) return;
    if (sub.active) this.#activeCount--;
    this.#subs.delete(key);
    const keys = this.#topics.get(sub.chatId);
    keys?.delete(key);
    if (keys?.size === 0) this.#topics.delete(sub.chatId);
  }

  #keysOf(chatId: number): string[] {
    const own = String(chatId);
    const keys = this.#subs.has(own) ? [own] : [];
    for (const k of this.#topics.get(chatId) ?? []) keys.push(k);
    return keys;
  }
}

function toRow(_key: string, s: Subscription): Record<string, unknown> {
  const r = s.reminders;
  const defaultReminders = r.enabled === DEFAULT_REMINDERS.enabled && r.dayBeforeHour === DEFAULT_REMINDERS.dayBeforeHour && r.hoursBefore.join() === DEFAULT_REMINDERS.hoursBefore.join();
  return {
    chat_id: s.chatId,
    thread_id: s.threadId ?? null,
    chat_type: s.chatType,
    active: s.active,
    inactive_reason: s.inactiveReason ?? null,
    created_by: s.createdBy,
    created_at: s.createdAt,
    tracks: s.tracks === "all" ? null : s.tracks,
    kinds: s.kinds === "all" ? null : s.kinds,
    daily_hour: s.delivery.mode === "daily" ? s.delivery.hour : null,
    quiet_from: s.quietHours?.from ?? null,
    quiet_to: s.quietHours?.to ?? null,
    reminders: defaultReminders ? null : r,
  };
}

/** Through the file form's reading, so that the default settings objects are shared as there. */
function fromRow(r: Record<string, unknown>): Subscription {
  const stored: StoredSubscription = {
    chatId: r.chat_id as number,
    chatType: r.chat_type as Subscription["chatType"],
    createdBy: r.created_by as number,
    createdAt: r.created_at as string,
    active: r.active as boolean,
  };
  if (r.thread_id !== null) stored.threadId = r.thread_id as number;
  if (r.inactive_reason !== null) stored.inactiveReason = r.inactive_reason as string;
  if (r.tracks !== null) stored.tracks = r.tracks as string[];
  if (r.kinds !== null) stored.kinds = r.kinds as Kind[];
  if (r.daily_hour !== null) stored.delivery = { mode: "daily", hour: r.daily_hour as number };
  if (r.quiet_from !== null) stored.quietHours = { from: r.quiet_from as number, to: r.quiet_to as number };
  if (r.reminders !== null) stored.reminders = r.reminders as Subscription["reminders"];
  return fromDisk(r.key as string, stored);
}
