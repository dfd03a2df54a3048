// The updates waiting for the bot, and how it fetches them: getUpdates with long polling,
// offsets that confirm, allowed_updates, the 409 conflicts, a webhook that rules polling out.

import type { TgUpdate } from "./chats.ts";
import { asInt, asJson, asString, asBool, TelegramError } from "./wire.ts";

const CONFLICT_GET_UPDATES =
  "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
const CONFLICT_WEBHOOK =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

/** Update types delivered when allowed_updates is empty/unset (Telegram excludes these three). */
const NOT_DEFAULT_UPDATES = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

/** The result of a request whose client went away before it was answered. */
export const ABORTED = Symbol("aborted");

interface PendingPoll {
  limit: number;
  timer: NodeJS.Timeout;
  finish: (result: TgUpdate[] | TelegramError | typeof ABORTED) => void;
}

export class UpdateQueue {
  /** Unconfirmed updates, oldest first. */
  queue: TgUpdate[] = [];
  private nextUpdateId = 700_000_001;
  private allowedUpdates: Set<string> | null = null;
  private pendingPoll: PendingPoll | null = null;
  private wakeScheduled = false;
  private webhookUrl = "";
  private webhookSecret: string | undefined;
  private webhookMaxConnections = 40;
  /** Told when updates are queued or the webhook changes (webhook delivery, webhook.ts). */
  onChange: () => void = () => {};

  /** The webhook as setWebhook left it; undefined while the bot polls. */
  get webhook(): { url: string; secret?: string; maxConnections: number } | undefined {
    return this.webhookUrl ? { url: this.webhookUrl, secret: this.webhookSecret, maxConnections: this.webhookMaxConnections } : undefined;
  }

  /** Updates a webhook would be sent, oldest first (those of types the bot did not ask for are dropped). */
  deliverable(): TgUpdate[] {
    return this.take(this.queue.length);
  }

  /** A webhook post was answered 2xx: Telegram forgets the update. */
  confirm(updateId: number): void {
    this.queue = this.queue.filter((u) => u.update_id !== updateId);
  }

  /** True while a long-polling getUpdates is waiting. */
  get isPolling(): boolean {
    return this.pendingPoll !== null;
  }

  /** Queues an update; update_id is assigned if missing. */
  push(raw: Omit<TgUpdate, "update_id"> & { update_id?: number }): TgUpdate {
    const update = { ...raw, update_id: raw.update_id ?? this.nextUpdateId++ } as TgUpdate;
    if (update.update_id >= this.nextUpdateId) this.nextUpdateId = update.update_id + 1;
    this.queue.push(update);
    this.scheduleWake();
    return update;
  }

  /** Ends a waiting long poll without an answer (the emulator is closing). */
  abort(): void {
    if (this.pendingPoll) this.pendingPoll.finish(ABORTED);
  }

  setWebhook(p: Record<string, any>): true {
    this.webhookUrl = asString(p.url) ?? "";
    this.webhookSecret = asString(p.secret_token);
    this.webhookMaxConnections = asInt(p.max_connections, "max_connections") ?? 40;
    const allowed = asJson(p.allowed_updates, "can't parse allowed_updates JSON object");
    if (Array.isArray(allowed)) this.allowedUpdates = allowed.length ? new Set(allowed.map(String)) : null;
    if (asBool(p.drop_pending_updates)) this.queue = [];
    this.onChange();
    return true;
  }

  deleteWebhook(p: Record<string, any>): true {
    this.webhookUrl = "";
    this.webhookSecret = undefined;
    if (asBool(p.drop_pending_updates)) this.queue = [];
    return true;
  }

  webhookInfo(): Record<string, unknown> {
    const info: Record<string, unknown> = {
      url: this.webhookUrl, has_custom_certificate: false, pending_update_count: this.queue.length,
    };
    if (this.allowedUpdates) info.allowed_updates = [...this.allowedUpdates];
    return info;
  }

  /**
   * getUpdates: `offset` confirms (forgets) every update with a smaller id
   * (negative: keep only the last |offset|), `limit` 1–100, `timeout` seconds of
   * long polling — answered as soon as an update arrives. `allowed_updates` is
   * remembered for later calls. A new waiting request terminates a pending one
   * with 409 (the *older* request gets the 409, as on Telegram's server).
   * `onClientGone` registers what to do when the client stops waiting.
   */
  getUpdates(p: Record<string, any>, onClientGone: (abort: () => void) => void): TgUpdate[] | Promise<unknown> {
    if (this.webhookUrl) throw new TelegramError(409, CONFLICT_WEBHOOK);
    const offset = asInt(p.offset, "offset") ?? 0;
    let limit = asInt(p.limit, "limit") ?? 100;
    if (limit < 1 || limit > 100) limit = 100;
    const timeout = Math.max(0, asInt(p.timeout, "timeout") ?? 0);
    const allowed = asJson(p.allowed_updates, "can't parse allowed_updates JSON object");
    if (Array.isArray(allowed)) this.allowedUpdates = allowed.length ? new Set(allowed.map(String)) : null;

    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    else if (offset < 0) this.queue = this.queue.slice(offset);

    const ready = this.take(limit);
    if (ready.length > 0 || timeout === 0) return ready;

    if (this.pendingPoll) this.pendingPoll.finish(new TelegramError(409, CONFLICT_GET_UPDATES));
    return new Promise((resolve) => {
      const poll: PendingPoll = {
        limit,
        timer: setTimeout(() => poll.finish([]), timeout * 1000),
        finish: (result) => {
          clearTimeout(poll.timer);
          if (this.pendingPoll === poll) this.pendingPoll = null;
          resolve(result);
        },
      };
      this.pendingPoll = poll;
      onClientGone(() => {
        if (this.pendingPoll === poll) poll.finish(ABORTED);
      });
    });
  }

  /**
   * Unconfirmed updates the bot asked for (updates of types it does not want are dropped).
   * Not copied: queued updates are never changed, and the answer is serialized at once.
   */
  private take(limit: number): TgUpdate[] {
    const wanted = (u: TgUpdate) => {
      const type = Object.keys(u).find((k) => k !== "update_id") ?? "";
      return this.allowedUpdates ? this.allowedUpdates.has(type) : !NOT_DEFAULT_UPDATES.has(type);
    };
    this.queue = this.queue.filter(wanted);
    return this.queue.slice(0, limit);
  }

  /** Answers a waiting long poll; batched so that several pushes in one tick arrive together. */
  private scheduleWake(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      this.onChange();
      const poll = this.pendingPoll;
      if (!poll) return;
      const ready = this.take(poll.limit);
      if (ready.length) poll.finish(ready);
    });
  }
}
