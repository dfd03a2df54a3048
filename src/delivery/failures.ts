// What a failed send means for the message and its chat: Telegram's answers (429, 403, 400 with
// its reasons, 401/404, 5xx) and network errors turned into plain decisions, and how long to
// wait after passing failures. Pure: the sender (sender.ts) acts on these verdicts.
import { GrammyError } from "grammy";
import type { OutboxMessage } from "./outbox.ts";

/** Why a chat will not get our messages; the bot deactivates or moves its subscriptions (jobs.ts handleRefusal). */
export type Refusal =
  /** 403: the user blocked the bot or was deactivated, or the bot was kicked from the chat. */
  | { kind: "blocked"; message: OutboxMessage; description: string }
  /** 400 "chat not found": the chat no longer exists, or never did. */
  | { kind: "not-found"; message: OutboxMessage; description: string }
  /** 400 with migrate_to_chat_id: the group became a supergroup; its messages go there now. */
  | { kind: "migrated"; message: OutboxMessage; newChatId: number; description: string }
  /** 400 "message thread not found": the forum topic was deleted; the rest of the chat is fine. */
  | { kind: "topic-gone"; message: OutboxMessage; description: string };

/** Attempts per message for passing failures (network, 5xx) before its chat waits for the next run. */
export const MAX_TRANSIENT_ATTEMPTS = 5;
/** Backoff after the first passing failure, doubled each time up to the cap. */
const FIRST_BACKOFF_MS = 1000;
export const MAX_BACKOFF_MS = 30_000;
/** What to do after a failed request: the part of the sender that is plain decisions. */
export type FailureVerdict =
  | { kind: "rate-limited"; retryAfterMs: number }
  | { kind: "transient" }
  | { kind: "blocked" }
  | { kind: "not-found" }
  | { kind: "topic-gone" }
  | { kind: "migrated"; newChatId: number }
  | { kind: "failed" }
  /** Nothing can be delivered (bad token, wrong API root): stop and keep everything pending. */
  | { kind: "fatal" };

export function judgeFailure(err: unknown): FailureVerdict {
  if (err instanceof GrammyError) {
    const code = err.error_code;
    if (code === 429) return { kind: "rate-limited", retryAfterMs: Math.max(1, err.parameters.retry_after ?? 1) * 1000 };
    if (code === 403) return { kind: "blocked" };
    if (code === 400 && typeof err.parameters.migrate_to_chat_id === "number") {
      return { kind: "migrated", newChatId: err.parameters.migrate_to_chat_id };
    }
    if (code === 400 && /chat not found/i.test(err.description)) return { kind: "not-found" };
    if (code === 400 && /message thread not found|TOPIC_DELETED/i.test(err.description)) return { kind: "topic-gone" };
    if (code === 401 || code === 404) return { kind: "fatal" };
    if (code >= 500) return { kind: "transient" };
    return { kind: "failed" };
  }
  // Network errors, timeouts, and anything unexpected: try again later rather than drop.
  return { kind: "transient" };
}

export function backoffMs(failures: number): number {
  const base = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1));
  // Jitter, so chats that failed together do not all come back in the same instant.
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

