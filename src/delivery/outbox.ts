// The outbox: messages waiting to reach Telegram, kept so that a bot killed at any moment
// (SIGKILL included) resumes where it stopped.
//
// Two files in the state directory:
// - outbox.json (a JsonStore, written atomically): every message enqueued since the last
//   compaction. It is rewritten only on enqueue and compaction, never per message, because a
//   digest to 100,000 subscribers makes it megabytes.
// - outbox.done: an append-only journal, one line per finished message and its outcome,
//   appended with a single write() right after Telegram answers. A line is small enough to be
//   written whole by one write(), so a kill leaves at most one torn line: the last one, which
//   is ignored (and cut off) on open. The message it stood for is sent again: at-least-once.
//
// Pending = enqueued minus journaled. Compaction rewrites outbox.json without the finished
// messages first and only then rewrites the journal: a kill between the two leaves journal
// lines for messages that no longer exist, which are harmless; the reverse order would send
// finished messages again.
//
// Texts are stored once per distinct text: a digest goes to thousands of chats in a handful of
// languages, and repeating it per chat would multiply the file by the number of subscribers.
import type { InlineKeyboardMarkup } from "grammy/types";
import { createHash } from "node:crypto";
import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomicSync } from "../record-file/atomic-write.ts";
import { JsonStore } from "../store/json-store.ts";

/** One message to deliver. */
export interface OutboxMessage {
  /** Unique across the outbox, e.g. `${batchId}|${chatKey}|${part}`; enqueuing a known id again is a no-op. */
  id: string;
  chatId: number | string;
  threadId?: number;
  /** HTML, already within Telegram's 4096 characters. */
  text: string;
  replyMarkup?: InlineKeyboardMarkup;
  disableNotification?: boolean;
  /** The subscription the message belongs to, handed back on a refusal. */
  subscriptionKey: string;
}

/**
 * How a message finished. "sent": Telegram accepted it; "refused": the chat is gone for us
 * (blocked, kicked, not found), so it and the chat's later messages were dropped; "failed":
 * Telegram rejected this message itself (e.g. bad HTML) and retrying would not help.
 */
export type DeliveryOutcome = "sent" | "refused" | "failed";

interface JournalLine {
  id: string;
  outcome: DeliveryOutcome;
  /** The chat it finally went to, when that differs (a group that became a supergroup). */
  to?: number | string;
}

type StoredMessage = Omit<OutboxMessage, "text"> & { textKey: string };

interface OutboxFile {
  texts: { [key: string]: string };
  messages: StoredMessage[];
}

const isOutboxFile = (d: unknown): d is OutboxFile =>
  typeof (d as OutboxFile).texts === "object" && (d as OutboxFile).texts !== null && Array.isArray((d as OutboxFile).messages);

export const OUTBOX_FILE = "outbox.json";
export const JOURNAL_FILE = "outbox.done";

/**
 * The outbox, whichever back end keeps it (files: FileOutbox below; PostgreSQL:
 * src/store-db/outbox.ts, a queue shared by every replica). Only the sender takes messages
 * out, and only through claim(): a message it claimed is its to send until it marks it done;
 * a claim that lapses (its process died) is offered again.
 */
export interface Outbox {
  /** Adds messages (ids already there are skipped); resolves once they are stored. Returns how many were added. */
  enqueue(messages: readonly OutboxMessage[]): Promise<number>;
  /** Claims the messages pending now and not claimed by another live process, in enqueue order. */
  claim(): Promise<OutboxMessage[]>;
  /** Records that a message is finished; once this resolves it will not be offered again. */
  markDone(id: string, outcome: DeliveryOutcome, to?: number | string): void | Promise<void>;
  /** Messages not yet finished (claimed or not), as last known. */
  readonly pendingCount: number;
  /** Drops finished messages. */
  compact(): Promise<void>;
  /** Waits for pending writes and lets go of what this process claimed. */
  close(): Promise<void>;
}

/** The file back end: state/outbox.json and its journal; one process, so a claim is everything pending. */
export class FileOutbox implements Outbox {
  readonly #store: JsonStore<OutboxFile>;
  readonly #journalPath: string;
  #journalFd: number;
  /** Every stored message by id (pending or finished). */
  readonly #byId = new Map<string, StoredMessage>();
  /** Journaled outcomes of messages still in outbox.json. */
  readonly #done = new Map<string, JournalLine>();
  /** Lines of the journal read on open that did not parse (a torn tail): sent again. */
  readonly ignoredJournalLines: number;
  /** The journal holds lines for messages no longer stored (a kill mid-compaction). */
  #journalStale: boolean;
  #compacting: Promise<void> | null = null;

  private constructor(store: JsonStore<OutboxFile>, journalPath: string, journal: JournalLine[], ignored: number) {
    this.#store = store;
    this.#journalPath = journalPath;
    for (const m of store.data.messages) this.#byId.set(m.id, m);
    for (const line of journal) if (this.#byId.has(line.id)) this.#done.set(line.id, line);
    this.ignoredJournalLines = ignored;
    this.#journalStale = journal.length > this.#done.size || ignored > 0;
    this.#journalFd = openSync(journalPath, "a");
  }

  /**
   * Opens the outbox in `stateDir`, replays the journal and compacts away what is finished.
   * A corrupt outbox.json is moved aside and StoreCorruptError thrown (never overwritten).
   */
  static async open(stateDir: string): Promise<FileOutbox> {
    const store = JsonStore.open<OutboxFile>(join(stateDir, OUTBOX_FILE), () => ({ texts: {}, messages: [] }), isOutboxFile);
    const journalPath = join(stateDir, JOURNAL_FILE);
    const { lines, ignored } = readJournal(journalPath);
    const outbox = new FileOutbox(store, journalPath, lines, ignored);
    await outbox.compact();
    return outbox;
  }

  /**
   * Adds messages after those already waiting; resolves once they are on disk. Ids already in
   * the outbox (waiting or finished since the last compaction) are skipped, so a job that
   * crashed between enqueuing and recording its progress can enqueue the same batch again.
   * Returns how many were added.
   */
  async enqueue(messages: readonly OutboxMessage[]): Promise<number> {
    let added = 0;
    const data = this.#store.data;
    for (const m of messages) {
      if (this.#byId.has(m.id)) continue;
      const { text, ...rest } = m;
      const key = textKey(text);
      data.texts[key] ??= text;
      const stored: StoredMessage = { ...rest, textKey: key };
      data.messages.push(stored);
      this.#byId.set(m.id, stored);
      added++;
    }
    await this.#store.save();
    return added;
  }

  /** Messages not yet finished, in enqueue order. */
  pending(): OutboxMessage[] {
    const texts = this.#store.data.texts;
    const out: OutboxMessage[] = [];
    for (const { textKey, ...rest } of this.#store.data.messages) {
      if (!this.#done.has(rest.id)) out.push({ ...rest, text: texts[textKey] ?? "" });
    }
    return out;
  }

  claim(): Promise<OutboxMessage[]> {
    return Promise.resolve(this.pending());
  }

  get pendingCount(): number {
    return this.#store.data.messages.length - this.#done.size;
  }

  /** The journaled outcome of a message still in the outbox (undefined while pending or unknown). */
  outcome(id: string): DeliveryOutcome | undefined {
    return this.#done.get(id)?.outcome;
  }

  /**
   * Records that a message is finished, with one synchronous append: once this returns the
   * line is in the kernel and survives the process being killed. (Surviving a power cut would
   * need an fsync per line, which would cap delivery far below Telegram's limits.)
   */
  markDone(id: string, outcome: DeliveryOutcome, to?: number | string): void {
    if (!this.#byId.has(id) || this.#done.has(id)) return;
    const line: JournalLine = to === undefined ? { id, outcome } : { id, outcome, to };
    writeSync(this.#journalFd, `${JSON.stringify(line)}\n`);
    this.#done.set(id, line);
  }

  /**
   * Drops finished messages from both files. Safe to call at any time, also while messages are
   * being sent and enqueued; concurrent calls share one run.
   */
  compact(): Promise<void> {
    this.#compacting ??= this.#compact().finally(() => {
      this.#compacting = null;
    });
    return this.#compacting;
  }

  async #compact(): Promise<void> {
    if (this.#done.size === 0 && !this.#journalStale) return;
    this.#journalStale = false;
    const data = this.#store.data;
    data.messages = data.messages.filter((m) => {
      if (!this.#done.has(m.id)) return true;
      this.#byId.delete(m.id);
      this.#done.delete(m.id);
      return false;
    });
    const used = new Set(data.messages.map((m) => m.textKey));
    for (const key of Object.keys(data.texts)) if (!used.has(key)) delete data.texts[key];
    await this.#store.save();
    // outbox.json no longer holds the dropped messages. What is left in #done was finished
    // while that write ran; it is all the new journal needs. Done synchronously, so no append
    // can slip in between the rewrite and the swap of the descriptor.
    writeFileAtomicSync(this.#journalPath, [...this.#done.values()].map((l) => `${JSON.stringify(l)}\n`).join(""));
    closeSync(this.#journalFd);
    this.#journalFd = openSync(this.#journalPath, "a");
  }

  /** Waits for pending writes and releases the journal. */
  async close(): Promise<void> {
    await this.#compacting;
    await this.#store.flush();
    closeSync(this.#journalFd);
  }
}

/** Reads the journal; a last line without its newline was torn by a kill and is cut off. */
function readJournal(path: string): { lines: JournalLine[]; ignored: number } {
  if (!existsSync(path)) return { lines: [], ignored: 0 };
  const text = readFileSync(path, "utf8");
  const end = text.lastIndexOf("\n") + 1;
  let ignored = 0;
  if (end < text.length) {
    // Cut the torn tail so the next append starts on a line of its own.
    const fd = openSync(path, "r+");
    try {
      ftruncateSync(fd, Buffer.byteLength(text.slice(0, end)));
    } finally {
      closeSync(fd);
    }
    ignored++;
  }
  const lines: JournalLine[] = [];
  for (const raw of text.slice(0, end).split("\n")) {
    if (!raw) continue;
    const line = parseLine(raw);
    if (line) lines.push(line);
    else ignored++;
  }
  return { lines, ignored };
}

function parseLine(raw: string): JournalLine | null {
  try {
    const line = JSON.parse(raw) as JournalLine;
    if (typeof line?.id === "string" && (line.outcome === "sent" || line.outcome === "refused" || line.outcome === "failed")) return line;
  } catch {
    // A damaged line: its message is sent again rather than lost.
  }
  return null;
}

/** A text's key in the outbox: messages with the same text share one stored copy (both back ends). */
export function textKey(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 16);
}
