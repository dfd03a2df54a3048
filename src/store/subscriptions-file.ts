// The subscriptions on disk: state/subscriptions.json in its compact form (columns plus only
// what differs from the defaults), the earlier map form, and the journal of changes between
// two rewrites. The store (subscriptions.ts) keeps them whole in memory.
import { existsSync, readFileSync } from "node:fs";
import { DEFAULT_REMINDERS, subscriptionKey, type DeliveryMode, type Subscription } from "./subscription-types.ts";

/**
 * The lowdb data. In memory: `subscriptions`, whole. On disk (since format 2): `columns` and
 * `overrides` instead (see toDiskText); files of the earlier map form are read as well.
 */
export interface SubscriptionsFile {
  subscriptions: { [key: string]: Subscription };
  format?: 2;
  columns?: Columns;
  overrides?: { [index: string]: Partial<StoredSubscription> };
}

// On disk a subscription keeps only what differs from the defaults (its key is its chat and
// topic; active, all tracks, all kinds, instant delivery and the default reminders are left
// out). 100,000 subscriptions then take half the bytes to write on every change and to parse
// at start-up. In memory every subscription is whole, and the default settings objects are
// shared: safe because subscriptions are replaced, never edited in place (see #put).
const DEFAULT_DELIVERY: DeliveryMode = Object.freeze({ mode: "instant" }) as DeliveryMode;
const SHARED_REMINDERS = Object.freeze({ ...DEFAULT_REMINDERS, hoursBefore: Object.freeze([...DEFAULT_REMINDERS.hoursBefore]) }) as Subscription["reminders"];

function isDefaultReminders(r: Subscription["reminders"]): boolean {
  const d = DEFAULT_REMINDERS;
  return r === SHARED_REMINDERS || (r.enabled === d.enabled && r.dayBeforeHour === d.dayBeforeHour && r.hoursBefore.join() === d.hoursBefore.join());
}

export type StoredSubscription = Omit<Subscription, "key" | "active" | "tracks" | "kinds" | "delivery" | "reminders"> & Partial<Subscription>;

export function toDisk(sub: Subscription): StoredSubscription {
  const { key: _key, active, tracks, kinds, delivery, reminders, ...rest } = sub;
  const out: StoredSubscription = rest;
  if (!active) out.active = false;
  if (tracks !== "all") out.tracks = tracks;
  if (kinds !== "all") out.kinds = kinds;
  if (delivery.mode !== "instant") out.delivery = delivery;
  if (!isDefaultReminders(reminders)) out.reminders = reminders;
  return out;
}

/**
 * The file is columns, one array per field every subscription has, and `overrides` by
 * position for the few fields that differ from the defaults. JSON.parse reads 100,000 numbers
 * and strings in arrays several times faster than 100,000 small objects, and makes no garbage
 * to collect at start-up: it took opening 100,000 subscriptions from about 260 ms to 100 ms.
 */
interface Columns {
  chatId: number[];
  chatType: Subscription["chatType"][];
  createdBy: number[];
  createdAt: string[];
}

export function toDiskText(data: SubscriptionsFile): string {
  const columns: Columns = { chatId: [], chatType: [], createdBy: [], createdAt: [] };
  const overrides: { [index: string]: Partial<StoredSubscription> } = {};
  let i = 0;
  for (const key in data.subscriptions) {
    const { chatId, chatType, createdBy, createdAt, ...rest } = toDisk(data.subscriptions[key]);
    columns.chatId.push(chatId);
    columns.chatType.push(chatType);
    columns.createdBy.push(createdBy);
    columns.createdAt.push(createdAt);
    for (const _ in rest) {
      overrides[i] = rest;
      break;
    }
    i++;
  }
  return JSON.stringify({ format: 2, columns, overrides });
}

/** The whole subscriptions of a file as read: columns (format 2) or the earlier map. */
export function wholeFromFile(data: Partial<SubscriptionsFile>): { [key: string]: Subscription } {
  const out: { [key: string]: Subscription } = {};
  const c = data.columns;
  if (c) {
    const overrides = data.overrides ?? {};
    for (let i = 0; i < c.chatId.length; i++) {
      const extra = overrides[i];
      const key = subscriptionKey(c.chatId[i], extra?.threadId);
      out[key] = whole(key, c.chatId[i], c.chatType[i], c.createdBy[i], c.createdAt[i], extra);
    }
    return out;
  }
  const map = (data.subscriptions ?? {}) as { [key: string]: StoredSubscription };
  for (const key in map) out[key] = fromDisk(key, map[key]);
  return out;
}

/** A subscription as read from disk (a journal line, or the earlier map form; compact or whole), made whole. */
export function fromDisk(key: string, raw: StoredSubscription): Subscription {
  return whole(key, raw.chatId, raw.chatType, raw.createdBy, raw.createdAt, raw);
}

function whole(key: string, chatId: number, chatType: Subscription["chatType"], createdBy: number, createdAt: string, raw: Partial<StoredSubscription> | undefined): Subscription {
  // Built field by field, not by spreading `raw`: one object shape for all 100,000 makes this
  // loop about ten times faster at start-up.
  const sub: Subscription = {
    key,
    chatId,
    chatType,
    active: raw?.active ?? true,
    createdBy,
    createdAt,
    tracks: raw?.tracks ?? "all",
    kinds: raw?.kinds ?? "all",
    delivery: !raw?.delivery || raw.delivery.mode === "instant" ? DEFAULT_DELIVERY : raw.delivery,
    reminders: !raw?.reminders || isDefaultReminders(raw.reminders) ? SHARED_REMINDERS : raw.reminders,
  };
  if (raw?.threadId !== undefined) sub.threadId = raw.threadId;
  if (raw?.inactiveReason !== undefined) sub.inactiveReason = raw.inactiveReason;
  if (raw?.quietHours !== undefined) sub.quietHours = raw.quietHours;
  return sub;
}

/** The subscriptions on disk (the file, then its journal), made whole: for tools and tests. */
export function readSubscriptionsFile(file: string): { [key: string]: Subscription } {
  const out = existsSync(file) ? wholeFromFile(JSON.parse(readFileSync(file, "utf8")) as Partial<SubscriptionsFile>) : {};
  const journal = file.replace(/\.json$/, "") + ".journal";
  for (const name of [`${journal}.old`, journal]) {
    for (const [key, stored] of readJournal(name)) {
      if (stored) out[key] = fromDisk(key, stored);
      else delete out[key];
    }
  }
  return out;
}

function isObject(v: unknown): v is object {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isColumns(v: unknown): v is Columns {
  if (!isObject(v)) return false;
  const c = v as Columns;
  const n = Array.isArray(c.chatId) ? c.chatId.length : -1;
  return n >= 0 && [c.chatType, c.createdBy, c.createdAt].every((col) => Array.isArray(col) && col.length === n);
}

/** The journal's [key, subscription or null] lines; a torn or unreadable line ends it. */
export function readJournal(file: string): [string, StoredSubscription | null][] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  const out: [string, StoredSubscription | null][] = [];
  for (const line of text.split("\n")) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      break;
    }
  }
  return out;
}

/** What the store accepts as the file's data: the compact form or the earlier map form. */
export function isSubscriptionsFile(d: unknown): d is SubscriptionsFile {
  return isObject((d as SubscriptionsFile).subscriptions) || isColumns((d as SubscriptionsFile).columns);
}
