// Telegram's speed limits, and the schedule that keeps to them: which message may go out now,
// and when to look again. Pure: no grammY, no timers, no files; time comes in as a number of
// milliseconds, so tests can drive it with a fake clock.
//
// Messages wait in one lane per chat. A lane sends one message at a time, in enqueue order (a
// digest split into parts must arrive in order), and no sooner than its chat's limit allows.
// Lanes whose chat may send now form a FIFO, so every chat gets its turn; the others wait in a
// heap by the time their chat is free again. Over all lanes the Pace keeps the bot's overall
// rate.
import type { OutboxMessage } from "./outbox.ts";

/**
 * Telegram's speed limits: the one place that knows them. From the Bot FAQ ("My bot is hitting
 * limits, how do I avoid this?", https://core.telegram.org/bots/faq) and the Bot API's
 * sendMessage.allow_paid_broadcast. Telegram answers excess with 429 and retry_after.
 */
export const SPEED_LIMITS = {
  /** "If you're sending bulk notifications to multiple users, the API will not allow more than 30 messages per second or so." */
  broadcastPerSecond: 30,
  /** allow_paid_broadcast: "allow up to 1000 messages per second, ignoring broadcasting limits for a fee of 0.1 Telegram Stars per message". */
  paidBroadcastPerSecond: 1000,
  /** "When sending messages inside a particular chat, avoid sending more than one message per second." */
  chatIntervalMs: 1000,
  /** "Your bot will not be able to send more than 20 messages per minute to the same group." Channels alike. */
  groupMessagesPerWindow: 20,
  groupWindowMs: 60_000,
} as const;

/** The most messages a second Telegram takes from a bot overall: free, or as a paid broadcast. */
export function broadcastLimit(paid: boolean): number {
  return paid ? SPEED_LIMITS.paidBroadcastPerSecond : SPEED_LIMITS.broadcastPerSecond;
}

/**
 * Telegram counts messages in a sliding second, by when they reach it (the emulator counts the
 * same way). We cannot see that moment, so we estimate it: a request answered at `t` reached
 * the server about the fastest round trip seen so far before `t` (a request that waited for a
 * new connection, or for a busy server, is then counted late, as Telegram counted it). Our own
 * count then allows the rate's messages in any second and this much more, for the error of
 * that estimate: at 30/s, 30 in any 1020 ms. Without both, one second in fifty held 31.
 */
const JITTER_MS = 20;
/**
 * Between two messages the pace is smooth (the rate's interval), but may catch up this long's
 * worth of messages, and at least two, after a timer fired late: at 1000/s a message is due
 * every millisecond, finer than Node's timers can wake us. The window above still caps a second.
 */
const CATCH_UP_MS = 10;
const MIN_CATCH_UP_MESSAGES = 2;
/** After a 429 the pace drops by this factor... */
const SLOW_DOWN_FACTOR = 0.8;
/** ...never below this share of the configured rate... */
const SLOWEST_SHARE = 0.25;
/** ...and recovers by this share of the configured rate with each message delivered. */
const RECOVERY_SHARE = 0.01;

/** Groups, supergroups and channels have negative ids (or an @username, for channels). */
export function isGroupChat(chatId: number | string): boolean {
  return typeof chatId === "string" ? !/^\d+$/.test(chatId) || Number(chatId) < 0 : chatId < 0;
}

/** One message on its way: where it goes now (a migrated group moves it) and how often it was tried. */
export interface Delivery {
  message: OutboxMessage;
  chatId: number | string;
  /** Attempts that failed for a passing reason (network, 5xx), not counting 429s. */
  failures: number;
  /** The pace's ticket for the attempt in flight. */
  ticket: number;
}

type LaneState = "idle" | "ready" | "waiting" | "busy" | "parked";

interface Lane {
  key: string;
  chatId: number | string;
  group: boolean;
  queue: Delivery[];
  state: LaneState;
  /** Not before: the chat's own limit, or a retry_after / backoff. */
  readyAt: number;
  /** When recent requests to this chat ended (groups: up to the last 20). */
  recent: number[];
}

/**
 * The overall pace. Two rules, both must allow a message: a sliding window (no more than the
 * rate's messages in any second and JITTER_MS, counted the way Telegram counts), and a token
 * bucket that spreads them evenly over that second instead of firing them all at its start.
 * The rate drops after a 429 and creeps back with each delivery.
 */
export class Pace {
  /** The configured rate, messages a second. */
  readonly limit: number;
  #rate: number;
  /** Messages the window holds: the rate's worth of one second. */
  readonly #windowCount: number;
  /** The last `#windowCount` messages, by ticket modulo the count: when each left and was answered. */
  readonly #left: number[] = [];
  readonly #answered: number[] = [];
  #nextTicket = 0;
  #fastestRoundTrip = Infinity;
  readonly #catchUp: number;
  #tokens = 1;
  #at = -Infinity;
  #pausedUntil = 0;

  constructor(ratePerSecond: number) {
    if (!(ratePerSecond > 0)) throw new RangeError(`rate must be positive, got ${ratePerSecond}`);
    this.limit = ratePerSecond;
    this.#rate = ratePerSecond;
    this.#windowCount = Math.max(1, Math.floor(ratePerSecond));
    this.#catchUp = Math.max(MIN_CATCH_UP_MESSAGES, (ratePerSecond * CATCH_UP_MS) / 1000);
  }

  /** The current rate: the limit, or less after a 429. */
  get rate(): number {
    return this.#rate;
  }

  #refill(now: number): void {
    if (now > this.#at) {
      this.#tokens = Math.min(this.#catchUp, this.#tokens + ((now - this.#at) * this.#rate) / 1000);
      this.#at = now;
    }
  }

  /** When the window lets the next message go: once the one `#windowCount` back has aged out. */
  #windowOpensAt(now: number): number {
    if (this.#nextTicket < this.#windowCount) return -Infinity;
    const slot = this.#nextTicket % this.#windowCount;
    // Still unanswered: it may reach Telegram any moment now.
    const answered = this.#answered[slot]! >= 0 ? this.#answered[slot]! : now;
    const reached = Math.max(this.#left[slot]!, answered - this.#fastestRoundTrip);
    return reached + (this.#windowCount * 1000) / this.#rate + JITTER_MS;
  }

  allows(now: number): boolean {
    return this.nextAt(now) <= now;
  }

  /** When a message may next go (now or later). */
  nextAt(now: number): number {
    this.#refill(now);
    const bucket = this.#tokens >= 1 ? now : now + ((1 - this.#tokens) * 1000) / this.#rate;
    return Math.max(bucket, this.#windowOpensAt(now), this.#pausedUntil);
  }

  /** A message leaves now; returns its ticket for answered(). */
  take(now: number): number {
    this.#refill(now);
    this.#tokens -= 1;
    const slot = this.#nextTicket % this.#windowCount;
    this.#left[slot] = now;
    this.#answered[slot] = -1;
    return this.#nextTicket++;
  }

  /** Telegram answered the message with this ticket (whatever the answer). */
  answered(ticket: number, now: number): void {
    if (ticket < this.#nextTicket - this.#windowCount) return;
    const slot = ticket % this.#windowCount;
    this.#answered[slot] = now;
    this.#fastestRoundTrip = Math.min(this.#fastestRoundTrip, now - this.#left[slot]!);
  }

  slowDown(): void {
    this.#rate = Math.max(this.limit * SLOWEST_SHARE, this.#rate * SLOW_DOWN_FACTOR);
  }

  recover(): void {
    this.#rate = Math.min(this.limit, this.#rate + this.limit * RECOVERY_SHARE);
  }

  /** Sends nothing before `until` (Telegram seems down). */
  pause(until: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
  }
}

export class DeliverySchedule {
  readonly pace: Pace;
  readonly #lanes = new Map<string, Lane>();
  /** Lanes free to send now, oldest first; `#readyHead` skips the ones already taken. */
  #ready: Lane[] = [];
  #readyHead = 0;
  #waiting = new LaneHeap();
  /** Groups migrated to supergroups during this run: later messages follow them. */
  readonly #movedTo = new Map<string, number | string>();
  #queued = 0;
  #busy = 0;
  #parked = 0;

  constructor(ratePerSecond: number) {
    this.pace = new Pace(ratePerSecond);
  }

  /** Messages still to send or in flight (parked ones excluded). */
  get queued(): number {
    return this.#queued;
  }

  get inFlight(): number {
    return this.#busy;
  }

  /** Messages held back for the next run because their chat kept failing. */
  get parked(): number {
    return this.#parked;
  }

  /**
   * Starts a new run over the same chats, with nothing in flight: every lane is emptied (what
   * was left, parked or not, is still pending in the outbox and comes back through add()), and
   * lanes whose limits have run out are forgotten. Lanes that sent recently are kept, so their
   * chats stay within the limits across runs.
   */
  restart(now: number): void {
    for (const [key, lane] of this.#lanes) {
      lane.queue = [];
      lane.state = "idle";
      const windowEnds = lane.group && lane.recent.length > 0 ? lane.recent[0]! + SPEED_LIMITS.groupWindowMs : 0;
      if (lane.readyAt <= now && windowEnds <= now) this.#lanes.delete(key);
    }
    this.#ready = [];
    this.#readyHead = 0;
    this.#waiting = new LaneHeap();
    this.#movedTo.clear();
    this.#queued = this.#busy = this.#parked = 0;
  }

  /** Appends a message to its chat's lane. */
  add(message: OutboxMessage, now: number): void {
    const chatId = this.#movedTo.get(chatKey(message.chatId)) ?? message.chatId;
    const lane = this.#lane(chatId);
    lane.queue.push({ message, chatId, failures: 0, ticket: -1 });
    if (lane.state === "parked") {
      this.#parked++;
      return;
    }
    this.#queued++;
    if (lane.state === "idle") this.#place(lane, now);
  }

  /** The next message that may go now, if any; its lane is busy until it is settled. */
  take(now: number): Delivery | undefined {
    this.#promote(now);
    if (this.#readyHead >= this.#ready.length || !this.pace.allows(now)) return undefined;
    const lane = this.#ready[this.#readyHead++]!;
    if (this.#readyHead > 1024 && this.#readyHead * 2 > this.#ready.length) {
      this.#ready = this.#ready.slice(this.#readyHead);
      this.#readyHead = 0;
    }
    lane.state = "busy";
    this.#busy++;
    const d = lane.queue[0]!;
    d.ticket = this.pace.take(now);
    return d;
  }

  /**
   * When take() may next return something, assuming nothing settles meanwhile; Infinity when
   * only settlements can change that (everything is in flight, or there is nothing at all).
   */
  nextAt(now: number): number {
    this.#promote(now);
    if (this.#readyHead < this.#ready.length) return this.pace.nextAt(now);
    const top = this.#waiting.peek();
    return top ? Math.max(top.readyAt, this.pace.nextAt(now)) : Infinity;
  }

  /** Telegram answered (accepted or rejected this message for good): the lane moves on. */
  finish(d: Delivery, now: number): void {
    const lane = this.#answered(d, now);
    lane.queue.shift();
    this.#queued--;
    this.#ended(lane, now);
    this.pace.recover();
  }

  /** Try the same message again, not before `delayMs`; the chat's later messages wait behind it. */
  retry(d: Delivery, now: number, delayMs: number): void {
    const lane = this.#answered(d, now);
    this.#ended(lane, now, now + delayMs);
  }

  /** A 429: the chat waits retry_after and the overall pace slows down. */
  rateLimited(d: Delivery, now: number, retryAfterMs: number): void {
    this.pace.slowDown();
    this.retry(d, now, retryAfterMs);
  }

  /** The chat refused us: returns its remaining messages (this one first), which leave the schedule. */
  dropChat(d: Delivery, now: number): Delivery[] {
    const lane = this.#answered(d, now);
    const dropped = lane.queue.splice(0);
    this.#queued -= dropped.length;
    this.#busy--;
    lane.state = "idle";
    return dropped;
  }

  /** A group became a supergroup: this message and the chat's later ones go to the new id. */
  moveChat(d: Delivery, newChatId: number | string, now: number): void {
    const lane = this.#answered(d, now);
    const moved = lane.queue.splice(0);
    this.#busy--;
    lane.state = "idle";
    this.#movedTo.set(lane.key, newChatId);
    const target = this.#lane(newChatId);
    for (const m of moved) target.queue.push({ ...m, chatId: newChatId, ticket: -1 });
    if (target.state === "parked") {
      this.#queued -= moved.length;
      this.#parked += moved.length;
    } else if (target.state === "idle") this.#place(target, now);
  }

  /** The chat keeps failing: hold its messages back for the next run. Returns how many. */
  park(d: Delivery, now: number): number {
    const lane = this.#answered(d, now);
    this.#busy--;
    lane.state = "parked";
    this.#queued -= lane.queue.length;
    this.#parked += lane.queue.length;
    return lane.queue.length;
  }

  #lane(chatId: number | string): Lane {
    const key = chatKey(chatId);
    let lane = this.#lanes.get(key);
    if (!lane) {
      lane = { key, chatId, group: isGroupChat(chatId), queue: [], state: "idle", readyAt: 0, recent: [] };
      this.#lanes.set(key, lane);
    }
    return lane;
  }

  /** The lane of a message in flight, now answered. */
  #answered(d: Delivery, now: number): Lane {
    const lane = this.#lanes.get(chatKey(d.chatId));
    if (!lane || lane.state !== "busy" || lane.queue[0] !== d) throw new Error(`message ${d.message.id} is not in flight`);
    this.pace.answered(d.ticket, now);
    return lane;
  }

  /**
   * A request to the lane's chat ended. The chat's limits count from here, not from when the
   * request left: the next one then reaches Telegram at least the full interval after this one
   * did, whatever the network latency.
   */
  #ended(lane: Lane, now: number, notBefore = 0): void {
    this.#busy--;
    lane.recent.push(now);
    if (lane.recent.length > (lane.group ? SPEED_LIMITS.groupMessagesPerWindow : 1)) lane.recent.shift();
    let readyAt = Math.max(notBefore, now + SPEED_LIMITS.chatIntervalMs);
    if (lane.group && lane.recent.length === SPEED_LIMITS.groupMessagesPerWindow) {
      readyAt = Math.max(readyAt, lane.recent[0]! + SPEED_LIMITS.groupWindowMs);
    }
    lane.readyAt = readyAt;
    lane.state = "idle";
    if (lane.queue.length > 0) this.#place(lane, now);
  }

  #place(lane: Lane, now: number): void {
    if (lane.readyAt <= now) {
      lane.state = "ready";
      this.#ready.push(lane);
    } else {
      lane.state = "waiting";
      this.#waiting.push(lane);
    }
  }

  #promote(now: number): void {
    for (let top = this.#waiting.peek(); top && top.readyAt <= now; top = this.#waiting.peek()) {
      this.#waiting.pop();
      top.state = "ready";
      this.#ready.push(top);
    }
  }
}

export function chatKey(chatId: number | string): string {
  return String(chatId);
}

/** A binary min-heap of lanes by readyAt. */
class LaneHeap {
  readonly #items: Lane[] = [];

  peek(): Lane | undefined {
    return this.#items[0];
  }

  push(lane: Lane): void {
    const a = this.#items;
    a.push(lane);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (a[parent]!.readyAt <= a[i]!.readyAt) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }

  pop(): Lane | undefined {
    const a = this.#items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.readyAt < a[m]!.readyAt) m = l;
        if (r < a.length && a[r]!.readyAt < a[m]!.readyAt) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}
