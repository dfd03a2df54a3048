// The shape of a subscription, shared by the /subscribe feature (which writes them) and the
// digest job (which reads them). Language and time zone are the chat's (ChatPrefsStore).
import type { Kind } from "../record/schema.ts";

export type DeliveryMode = { mode: "instant" } | { mode: "daily"; hour: number };

export interface Subscription {
  /** `${chatId}` or `${chatId}:${threadId}` for a forum topic. */
  key: string;
  chatId: number;
  /** Forum topic the subscription was made from; digests go there. */
  threadId?: number;
  chatType: "private" | "group" | "supergroup" | "channel";
  active: boolean;
  /** Why delivery stopped (blocked, kicked, chat not found, unsubscribed). */
  inactiveReason?: string;
  /** Telegram user id of who subscribed it. */
  createdBy: number;
  createdAt: string;
  /** Track ids, or "all". */
  tracks: string[] | "all";
  /** Kinds of entry, or "all". */
  kinds: Kind[] | "all";
  delivery: DeliveryMode;
  /** Hours (0–23, chat's zone) during which messages arrive without sound; from > to wraps midnight. */
  quietHours?: { from: number; to: number };
  reminders: {
    enabled: boolean;
    /** Hours before an entry whose time is known (default 24 and 1). */
    hoursBefore: number[];
    /** For entries with a date but no time: this hour of the day before (default 9). */
    dayBeforeHour: number;
  };
}

export const DEFAULT_REMINDERS: Subscription["reminders"] = { enabled: true, hoursBefore: [24, 1], dayBeforeHour: 9 };

/** A new subscription with the defaults: every series and kind, instant, default reminders. */
export function newSubscription(input: { chatId: number; threadId?: number; chatType: Subscription["chatType"]; createdBy: number }, createdAt: Date): Subscription {
  return {
    key: subscriptionKey(input.chatId, input.threadId),
    chatId: input.chatId,
    ...(input.threadId ? { threadId: input.threadId } : {}),
    chatType: input.chatType,
    active: true,
    createdBy: input.createdBy,
    createdAt: createdAt.toISOString(),
    tracks: "all",
    kinds: "all",
    delivery: { mode: "instant" },
    reminders: { ...DEFAULT_REMINDERS, hoursBefore: [...DEFAULT_REMINDERS.hoursBefore] },
  };
}

export function subscriptionKey(chatId: number, threadId?: number): string {
  return threadId ? `${chatId}:${threadId}` : String(chatId);
}
