// Webhook delivery: once the bot has called setWebhook, queued updates are POSTed to its URL as
// Telegram does: JSON body, the secret in X-Telegram-Bot-Api-Secret-Token, up to
// max_connections requests at once, an update forgotten only when answered 2xx and retried
// otherwise. An update waits while an earlier one of its chat is unanswered, so a conversation
// arrives in order.
//
// Telegram only posts to https on ports 443, 80, 88 and 8443; a test's bot listens on plain
// HTTP on some port. `proxy` stands for the reverse proxy in front of it: the URL's path and
// query are kept, its origin is replaced (as nginx's `proxy_pass http://127.0.0.1:PORT;` does).
// Several origins stand for a load balancer in front of several replicas: posts go to them in
// turn (round-robin), as nginx's upstream block does by default.

import type { TgUpdate } from "./chats.ts";
import type { UpdateQueue } from "./updates.ts";

export interface WebhookPost {
  update_id: number;
  /** The HTTP status the bot answered, or 0 for a network error. */
  status: number;
  at: number;
}

/** Retry delay after a failed post (Telegram backs off longer; tests need not wait). */
const RETRY_MS = 200;

/** The chat an update belongs to (its order is kept per chat), or its sender's id. */
function chatOf(u: TgUpdate): string {
  for (const [key, value] of Object.entries(u)) {
    if (key === "update_id" || typeof value !== "object" || value === null) continue;
    const v = value as { chat?: { id: number }; message?: { chat?: { id: number } }; from?: { id: number } };
    const id = v.chat?.id ?? v.message?.chat?.id ?? v.from?.id;
    if (id !== undefined) return String(id);
  }
  return `update-${u.update_id}`;
}

export class WebhookDelivery {
  /** Origin standing for the reverse proxy, e.g. "http://127.0.0.1:8080", or several taken in turn; unset: nothing is delivered. */
  proxy: string | readonly string[] | undefined;
  /** Each post's origin, in the order posted (with several origins: which replica got which update). */
  readonly targets: { update_id: number; origin: string }[] = [];
  private turn = 0;
  /** Every post made, in the order answered. */
  readonly posts: WebhookPost[] = [];
  private readonly inFlight = new Set<number>();
  private readonly retryAfter = new Map<number, number>();
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly queue: UpdateQueue) {
    queue.onChange = () => this.pump();
  }

  /** Stops posting; posts in flight are left to finish. */
  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
  }

  /** Posts what can go now: in queue order, within max_connections, one unanswered post per chat. */
  pump(): void {
    const hook = this.queue.webhook;
    const origins = typeof this.proxy === "string" ? [this.proxy] : (this.proxy ?? []);
    if (this.closed || !hook || !origins.length) return;
    const path = `${new URL(hook.url).pathname}${new URL(hook.url).search}`;
    const blocked = new Set<string>();
    const now = Date.now();
    for (const u of this.queue.deliverable()) {
      if (this.inFlight.size >= hook.maxConnections) break;
      const chat = chatOf(u);
      const waiting = this.inFlight.has(u.update_id) || (this.retryAfter.get(u.update_id) ?? 0) > now;
      if (blocked.has(chat) || waiting) {
        blocked.add(chat);
        continue;
      }
      blocked.add(chat);
      const origin = origins[this.turn++ % origins.length];
      this.targets.push({ update_id: u.update_id, origin });
      void this.post(u, `${origin}${path}`, hook.secret);
    }
  }

  private async post(u: TgUpdate, target: string, secret: string | undefined): Promise<void> {
    this.inFlight.add(u.update_id);
    let status: number;
    try {
      const res = await fetch(target, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...(secret ? { "X-Telegram-Bot-Api-Secret-Token": secret } : {}) },
        body: JSON.stringify(u),
      });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = 0;
    }
    this.posts.push({ update_id: u.update_id, status, at: Date.now() });
    this.inFlight.delete(u.update_id);
    if (status >= 200 && status < 300) {
      this.retryAfter.delete(u.update_id);
      this.queue.confirm(u.update_id);
    } else {
      this.retryAfter.set(u.update_id, Date.now() + RETRY_MS);
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.pump(), RETRY_MS);
    }
    this.pump();
  }
}
