// Who gets digests, and how: one Subscription per chat or forum topic, kept in
// state/subscriptions.json. The /subscribe feature writes them; the digest job reads them.
//
// Sized for 100,000 subscriptions: every operation on one subscription is a lookup by key plus
// one coalesced file write (JsonStore.save), and the chat → keys index built once at open keeps
// "everything of this chat" (a kicked bot, a migrated group) from scanning the whole file.
// Each write resolves once the change is on disk, so "subscribed" in a reply means it is saved.
import { JsonStore } from "./json-store.ts";
import { DEFAULT_REMINDERS, subscriptionKey, type DeliveryMode, type Subscription } from "./subscription-types.ts";

interface SubscriptionsFile {
  subscriptions: { [key: string]: Subscription };
}

/** What /subscribe knows about a new subscription; the rest takes the defaults. */
export interface SubscribeInput {
  chatId: number;
  threadId?: number;
  chatType: Subscription["chatType"];
  createdBy: number;
}

export type SubscribeOutcome = "created" | "reactivated" | "already";

export type Filters = Partial<Pick<Subscription, "tracks" | "kinds">>;

export class SubscriptionStore {
  /** chatId → keys of its subscriptions (the chat itself and its topics). */
  readonly #byChat = new Map<number, Set<string>>();
  #activeCount = 0;

  constructor(readonly store: JsonStore<SubscriptionsFile>) {
    for (const sub of Object.values(store.data.subscriptions)) {
      this.#index(sub);
      if (sub.active) this.#activeCount++;
    }
  }

  static open(file: string): SubscriptionStore {
    return new SubscriptionStore(
      JsonStore.open<SubscriptionsFile>(
        file,
        () => ({ subscriptions: {} }),
        (d): d is SubscriptionsFile => typeof (d as SubscriptionsFile).subscriptions === "object" && (d as SubscriptionsFile).subscriptions !== null,
      ),
    );
  }

  get #subs() {
    return this.store.data.subscriptions;
  }

  /** The stored subscription (active or not). Read-only: change it through the methods below. */
  get(key: string): Readonly<Subscription> | undefined {
    return this.#subs[key];
  }

  /** Subscriptions of a chat: the chat itself and each forum topic, active or not. */
  forChat(chatId: number): Readonly<Subscription>[] {
    const keys = this.#byChat.get(chatId);
    return keys ? [...keys].map((k) => this.#subs[k]) : [];
  }

  /**
   * Every active subscription, lazily. A live view over the store: a caller that awaits between
   * items and must not see later changes should take a snapshot (Array.from) first.
   */
  *active(): IterableIterator<Readonly<Subscription>> {
    const subs = this.#subs;
    for (const key in subs) {
      const sub = subs[key];
      if (sub?.active) yield sub;
    }
  }

  get activeCount(): number {
    return this.#activeCount;
  }

  get size(): number {
    let n = 0;
    for (const keys of this.#byChat.values()) n += keys.size;
    return n;
  }

  /** Stores a whole subscription under its key, replacing any there. */
  async upsert(sub: Subscription): Promise<Readonly<Subscription>> {
    this.#put({ ...sub, key: subscriptionKey(sub.chatId, sub.threadId) });
    await this.store.save();
    return this.#subs[subscriptionKey(sub.chatId, sub.threadId)];
  }

  /**
   * Subscribes a chat or topic: a new one gets the defaults (every track and kind, instant,
   * reminders 24 h and 1 h before); a stopped one resumes with the settings it had.
   */
  async subscribe(input: SubscribeInput, now: Date): Promise<{ subscription: Readonly<Subscription>; outcome: SubscribeOutcome }> {
    const key = subscriptionKey(input.chatId, input.threadId);
    const existing = this.#subs[key];
    if (existing?.active) return { subscription: existing, outcome: "already" };
    if (existing) {
      const { inactiveReason: _, ...rest } = existing;
      this.#put({ ...rest, chatType: input.chatType, active: true });
    } else {
      this.#put({
        key,
        chatId: input.chatId,
        ...(input.threadId ? { threadId: input.threadId } : {}),
        chatType: input.chatType,
        active: true,
        createdBy: input.createdBy,
        createdAt: now.toISOString(),
        tracks: "all",
        kinds: "all",
        delivery: { mode: "instant" },
        reminders: { ...DEFAULT_REMINDERS, hoursBefore: [...DEFAULT_REMINDERS.hoursBefore] },
      });
    }
    await this.store.save();
    return { subscription: this.#subs[key], outcome: existing ? "reactivated" : "created" };
  }

  /** Stops delivery, keeping the settings for a later /subscribe. False if it was not active. */
  async deactivate(key: string, reason: string): Promise<boolean> {
    const sub = this.#subs[key];
    if (!sub?.active) return false;
    this.#put({ ...sub, active: false, inactiveReason: reason });
    await this.store.save();
    return true;
  }

  /** Deactivates every subscription of a chat (the bot was blocked, kicked or left). */
  async deactivateChat(chatId: number, reason: string): Promise<Readonly<Subscription>[]> {
    const stopped: Subscription[] = [];
    for (const key of this.#byChat.get(chatId) ?? []) {
      const sub = this.#subs[key];
      if (!sub.active) continue;
      this.#put({ ...sub, active: false, inactiveReason: reason });
      stopped.push(this.#subs[key]);
    }
    if (stopped.length) await this.store.save();
    return stopped;
  }

  /** The chat (or topic) asked to stop. False if it was not subscribed. */
  unsubscribe(chatId: number, threadId?: number): Promise<boolean> {
    return this.deactivate(subscriptionKey(chatId, threadId), "unsubscribed");
  }

  /**
   * A group became a supergroup: its subscriptions move to the new id. A subscription already
   * made in the supergroup wins over the old group's. Returns how many moved.
   */
  async migrate(fromChatId: number, toChatId: number): Promise<number> {
    const keys = [...(this.#byChat.get(fromChatId) ?? [])];
    let moved = 0;
    for (const key of keys) {
      const sub = this.#subs[key];
      this.#remove(key);
      const newKey = subscriptionKey(toChatId, sub.threadId);
      if (this.#subs[newKey]) continue;
      this.#put({ ...sub, key: newKey, chatId: toChatId, chatType: "supergroup" });
      moved++;
    }
    if (keys.length) await this.store.save();
    return moved;
  }

  setFilters(key: string, filters: Filters): Promise<Readonly<Subscription> | undefined> {
    return this.#change(key, (sub) => ({ ...sub, ...filters }));
  }

  setDelivery(key: string, delivery: DeliveryMode): Promise<Readonly<Subscription> | undefined> {
    if (delivery.mode === "daily") checkHour(delivery.hour);
    return this.#change(key, (sub) => ({ ...sub, delivery: { ...delivery } }));
  }

  /** Quiet hours from–to in the chat's zone (from > to wraps midnight); undefined turns them off. */
  setQuietHours(key: string, quiet: { from: number; to: number } | undefined): Promise<Readonly<Subscription> | undefined> {
    if (quiet) {
      checkHour(quiet.from);
      checkHour(quiet.to);
      if (quiet.from === quiet.to) throw new RangeError("quiet hours must start and end at different hours");
    }
    return this.#change(key, (sub) => {
      const { quietHours: _, ...rest } = sub;
      return quiet ? { ...rest, quietHours: { from: quiet.from, to: quiet.to } } : rest;
    });
  }

  setReminders(key: string, change: Partial<Subscription["reminders"]>): Promise<Readonly<Subscription> | undefined> {
    if (change.dayBeforeHour !== undefined) checkHour(change.dayBeforeHour);
    return this.#change(key, (sub) => ({
      ...sub,
      reminders: {
        ...sub.reminders,
        ...change,
        ...(change.hoursBefore ? { hoursBefore: [...new Set(change.hoursBefore)].sort((a, b) => b - a) } : {}),
      },
    }));
  }

  /** Waits for every write started so far (shutdown). */
  flush(): Promise<void> {
    return this.store.flush();
  }

  async #change(key: string, change: (sub: Subscription) => Subscription): Promise<Readonly<Subscription> | undefined> {
    const sub = this.#subs[key];
    if (!sub) return undefined;
    this.#put(change(sub));
    await this.store.save();
    return this.#subs[key];
  }

  // Subscriptions are replaced, never edited in place, so an object handed out by get() or
  // active() stays a consistent snapshot while the digest job works through it.
  #put(sub: Subscription) {
    const before = this.#subs[sub.key];
    if (before?.active) this.#activeCount--;
    if (sub.active) this.#activeCount++;
    this.#subs[sub.key] = sub;
    this.#index(sub);
  }

  #remove(key: string) {
    const sub = this.#subs[key];
    if (!sub) return;
    if (sub.active) this.#activeCount--;
    delete this.#subs[key];
    const keys = this.#byChat.get(sub.chatId);
    keys?.delete(key);
    if (keys?.size === 0) this.#byChat.delete(sub.chatId);
  }

  #index(sub: Subscription) {
    let keys = this.#byChat.get(sub.chatId);
    if (!keys) this.#byChat.set(sub.chatId, (keys = new Set()));
    keys.add(sub.key);
  }
}

function checkHour(hour: number) {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`an hour must be 0–23, got ${hour}`);
}
