// Who gets digests, and how: one Subscription per chat or forum topic, kept in
// state/subscriptions.json. The /subscribe feature writes them; the digest job reads them.
//
// Sized for 100,000 subscriptions. lowdb rewrites its whole file on every write: with 100,000
// subscriptions that is ~10 MB serialised per /subscribe, which held throughput to a few
// hundred a second and memory to several hundred megabytes. So a change is appended to a
// journal (subscriptions.journal, one JSON line per changed subscription, written before the
// call resolves, so "subscribed" in a reply means it is on disk), and the lowdb file is
// rewritten only when the journal has grown (COMPACT_AFTER lines) and at a clean stop. Opening
// reads the file and replays the journal; a line torn by a kill is ignored (its call had not
// resolved, so nobody was told it was saved).
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { JsonStore } from "./json-store.ts";
import { fromDisk, isSubscriptionsFile, readJournal, toDisk, toDiskText, wholeFromFile, type SubscriptionsFile } from "./subscriptions-file.ts";

import { subscriptionKey, type DeliveryMode, type Subscription, newSubscription } from "./subscription-types.ts";

/** Journal lines after which the whole file is rewritten and the journal emptied. */
const COMPACT_AFTER = 5000;


/** What /subscribe knows about a new subscription; the rest takes the defaults. */
export interface SubscribeInput {
  chatId: number;
  threadId?: number;
  chatType: Subscription["chatType"];
  createdBy: number;
}

export type SubscribeOutcome = "created" | "reactivated" | "already";

export type Filters = Partial<Pick<Subscription, "tracks" | "kinds">>;

/**
 * The subscriptions, whichever back end keeps them (files: FileSubscriptionStore below;
 * PostgreSQL: src/store-db/subscriptions.ts). Reads come from memory; a write resolves once it
 * is stored, so "subscribed" in a reply means it is. Subscriptions handed out are replaced on a
 * change, never edited in place: a digest job working through a snapshot sees consistent ones.
 */
export interface SubscriptionStore {
  /** The stored subscription (active or not). Read-only: change it through the methods below. */
  get(key: string): Readonly<Subscription> | undefined;
  /** Subscriptions of a chat: the chat itself and each forum topic, active or not. */
  forChat(chatId: number): Readonly<Subscription>[];
  /** Every active subscription, lazily; a live view (take a snapshot before awaiting between items). */
  active(): IterableIterator<Readonly<Subscription>>;
  readonly activeCount: number;
  readonly size: number;
  /** Stores a whole subscription under its key, replacing any there. */
  upsert(sub: Subscription): Promise<Readonly<Subscription>>;
  /** A new one gets the defaults; a stopped one resumes with the settings it had. */
  subscribe(input: SubscribeInput, now: Date): Promise<{ subscription: Readonly<Subscription>; outcome: SubscribeOutcome }>;
  /** Stops delivery, keeping the settings. False if it was not active. */
  deactivate(key: string, reason: string): Promise<boolean>;
  /** Deactivates every subscription of a chat (blocked, kicked, left); returns those stopped. */
  deactivateChat(chatId: number, reason: string): Promise<Readonly<Subscription>[]>;
  /** The chat (or topic) asked to stop. False if it was not subscribed. */
  unsubscribe(chatId: number, threadId?: number): Promise<boolean>;
  /** A group became a supergroup: its subscriptions move (the supergroup's own win). Returns how many moved. */
  migrate(fromChatId: number, toChatId: number): Promise<number>;
  setFilters(key: string, filters: Filters): Promise<Readonly<Subscription> | undefined>;
  setDelivery(key: string, delivery: DeliveryMode): Promise<Readonly<Subscription> | undefined>;
  /** Quiet hours from–to in the chat's zone (from > to wraps midnight); undefined turns them off. */
  setQuietHours(key: string, quiet: { from: number; to: number } | undefined): Promise<Readonly<Subscription> | undefined>;
  setReminders(key: string, change: Partial<Subscription["reminders"]>): Promise<Readonly<Subscription> | undefined>;
  /** Waits for every write started so far (a clean stop). */
  flush(): Promise<void>;
}

/** The file back end: state/subscriptions.json and its journal. */
export class FileSubscriptionStore implements SubscriptionStore {
  /**
   * chatId → keys of its forum-topic subscriptions. A chat's own key is its id, so only topics
   * need an index; one Set per chat for 100,000 chats would cost tens of megabytes.
   */
  readonly #topics = new Map<number, Set<string>>();
  #activeCount = 0;
  #size = 0;
  /** Keys changed since the last journal append. */
  #dirty = new Set<string>();
  #journalLines = 0;
  #compacting: Promise<void> | null = null;
  readonly #journal: string;

  constructor(readonly store: JsonStore<SubscriptionsFile>) {
    this.#journal = store.file.replace(/\.json$/, "") + ".journal";
    const subs = wholeFromFile(store.data);
    store.data.subscriptions = subs;
    delete store.data.format;
    delete store.data.columns;
    delete store.data.overrides;
    // Lines of a compaction that a kill interrupted, then the current journal, oldest first.
    for (const file of [`${this.#journal}.old`, this.#journal]) {
      for (const [key, stored] of readJournal(file)) {
        if (stored) subs[key] = fromDisk(key, stored);
        else delete subs[key];
        if (file === this.#journal) this.#journalLines++;
      }
    }
    for (const key in subs) {
      const sub = subs[key];
      this.#index(sub);
      this.#size++;
      if (sub.active) this.#activeCount++;
    }
  }

  static open(file: string): FileSubscriptionStore {
    return new FileSubscriptionStore(
      JsonStore.open<SubscriptionsFile>(
        file,
        () => ({ subscriptions: {} }),
        isSubscriptionsFile,
        toDiskText,
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
    return this.#keysOf(chatId).map((k) => this.#subs[k]);
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
    return this.#size;
  }

  /** Stores a whole subscription under its key, replacing any there. */
  async upsert(sub: Subscription): Promise<Readonly<Subscription>> {
    this.#put({ ...sub, key: subscriptionKey(sub.chatId, sub.threadId) });
    await this.#persist();
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
      this.#put(newSubscription(input, now));
    }
    await this.#persist();
    return { subscription: this.#subs[key], outcome: existing ? "reactivated" : "created" };
  }

  /** Stops delivery, keeping the settings for a later /subscribe. False if it was not active. */
  async deactivate(key: string, reason: string): Promise<boolean> {
    const sub = this.#subs[key];
    if (!sub?.active) return false;
    this.#put({ ...sub, active: false, inactiveReason: reason });
    await this.#persist();
    return true;
  }

  /** Deactivates every subscription of a chat (the bot was blocked, kicked or left). */
  async deactivateChat(chatId: number, reason: string): Promise<Readonly<Subscription>[]> {
    const stopped: Subscription[] = [];
    for (const key of this.#keysOf(chatId)) {
      const sub = this.#subs[key];
      if (!sub.active) continue;
      this.#put({ ...sub, active: false, inactiveReason: reason });
      stopped.push(this.#subs[key]);
    }
    if (stopped.length) await this.#persist();
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
    const keys = this.#keysOf(fromChatId);
    let moved = 0;
    for (const key of keys) {
      const sub = this.#subs[key];
      this.#remove(key);
      const newKey = subscriptionKey(toChatId, sub.threadId);
      if (this.#subs[newKey]) continue;
      this.#put({ ...sub, key: newKey, chatId: toChatId, chatType: "supergroup" });
      moved++;
    }
    if (keys.length) await this.#persist();
    return moved;
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

  /** Waits for every write started so far (shutdown). */
  /** Rewrites the file with every change and empties the journal (a clean stop calls this). */
  async flush(): Promise<void> {
    await this.#persist();
    if (this.#journalLines > 0 || existsSync(`${this.#journal}.old`)) await this.#compact();
    await this.store.flush();
  }

  /** Appends the changed subscriptions to the journal: one write, done before this resolves. */
  async #persist(): Promise<void> {
    if (!this.#dirty.size) return;
    let lines = "";
    for (const key of this.#dirty) {
      const sub = this.#subs[key];
      lines += `${JSON.stringify([key, sub ? toDisk(sub) : null])}\n`;
      this.#journalLines++;
    }
    this.#dirty.clear();
    appendFileSync(this.#journal, lines);
    // The call that crosses the threshold waits for the rewrite; calls meanwhile do not (they
    // append to the fresh journal).
    if (this.#journalLines >= COMPACT_AFTER && !this.#compacting) await this.#compact();
  }

  /**
   * Rewrites the lowdb file. The journal is set aside first, so changes made meanwhile go to a
   * fresh one; the old one is removed once the file holding its changes is on disk.
   */
  #compact(): Promise<void> {
    this.#compacting ??= (async () => {
      try {
        if (existsSync(this.#journal)) {
          if (existsSync(`${this.#journal}.old`)) {
            // A compaction interrupted by a kill: its lines are older than the current ones.
            appendFileSync(`${this.#journal}.old`, readFileSync(this.#journal));
            rmSync(this.#journal);
          } else renameSync(this.#journal, `${this.#journal}.old`);
        }
        this.#journalLines = 0;
        await this.store.save();
        rmSync(`${this.#journal}.old`, { force: true });
      } finally {
        this.#compacting = null;
      }
    })();
    return this.#compacting;
  }

  async #change(key: string, change: (sub: Subscription) => Subscription): Promise<Readonly<Subscription> | undefined> {
    const sub = this.#subs[key];
    if (!sub) return undefined;
    this.#put(change(sub));
    await this.#persist();
    return this.#subs[key];
  }

  // Subscriptions are replaced, never edited in place, so an object handed out by get() or
  // active() stays a consistent snapshot while the digest job works through it.
  #put(sub: Subscription) {
    const before = this.#subs[sub.key];
    if (before?.active) this.#activeCount--;
    if (sub.active) this.#activeCount++;
    if (!before) this.#size++;
    this.#subs[sub.key] = sub;
    this.#dirty.add(sub.key);
    this.#index(sub);
  }

  #remove(key: string) {
    const sub = this.#subs[key];
    if (!sub) return;
    if (sub.active) this.#activeCount--;
    this.#size--;
    delete this.#subs[key];
    this.#dirty.add(key);
    const keys = this.#topics.get(sub.chatId);
    keys?.delete(key);
    if (keys?.size === 0) this.#topics.delete(sub.chatId);
  }

  #index(sub: Subscription) {
    if (sub.threadId === undefined) return;
    let keys = this.#topics.get(sub.chatId);
    if (!keys) this.#topics.set(sub.chatId, (keys = new Set()));
    keys.add(sub.key);
  }

  /** The keys of a chat's subscriptions: the chat itself and each of its topics. */
  #keysOf(chatId: number): string[] {
    const own = String(chatId);
    const keys = this.#subs[own] ? [own] : [];
    for (const k of this.#topics.get(chatId) ?? []) keys.push(k);
    return keys;
  }
}

// The settings' rules, shared by both back ends: each checks its input (throwing RangeError
// before anything is stored) and returns the change to apply to a subscription.

export function withDelivery(delivery: DeliveryMode): (sub: Subscription) => Subscription {
  if (delivery.mode === "daily") checkHour(delivery.hour);
  return (sub) => ({ ...sub, delivery: { ...delivery } });
}

export function withQuietHours(quiet: { from: number; to: number } | undefined): (sub: Subscription) => Subscription {
  if (quiet) {
    checkHour(quiet.from);
    checkHour(quiet.to);
    if (quiet.from === quiet.to) throw new RangeError("quiet hours must start and end at different hours");
  }
  return (sub) => {
    const { quietHours: _, ...rest } = sub;
    return quiet ? { ...rest, quietHours: { from: quiet.from, to: quiet.to } } : rest;
  };
}

export function withReminders(change: Partial<Subscription["reminders"]>): (sub: Subscription) => Subscription {
  if (change.dayBeforeHour !== undefined) checkHour(change.dayBeforeHour);
  return (sub) => ({
    ...sub,
    reminders: {
      ...sub.reminders,
      ...change,
      ...(change.hoursBefore ? { hoursBefore: [...new Set(change.hoursBefore)].sort((a, b) => b - a) } : {}),
    },
  });
}

function checkHour(hour: number) {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`an hour must be 0–23, got ${hour}`);
}
