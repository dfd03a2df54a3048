// The outbox in PostgreSQL (tables outbox, outbox_texts): the Outbox of src/delivery/outbox.ts
// as a queue shared by every replica, so that a broadcast begun by one process is finished by
// another if it dies.
//
// - enqueue: one transaction, two statements per 10,000 messages (arrays unnested server-side),
//   not a round trip per message; texts stored once per distinct text.
// - claim: the sender takes the pending rows nobody else holds (FOR UPDATE SKIP LOCKED: two
//   claims at once never take the same row), marking them with its owner id; its lease is one
//   row of outbox_leases, renewed while it lives. Rows whose owner's lease ran out (its process
//   died or lost the database) are offered again; on a clean close the lease is dropped at once.
// - markDone: after Telegram answers; the marks of messages answered together are written as one
//   statement (a burst at 1000 a second is a few statements, not a thousand), and each call
//   resolves once its mark is in the database. A kill repeats at most the unmarked ones.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Db, Queryable } from "../db/pool.ts";
import { textKey, type DeliveryOutcome, type Outbox, type OutboxMessage } from "../delivery/outbox.ts";

/** Messages a statement: 10,000 rows insert in well under a second. */
const ENQUEUE_CHUNK = 10_000;
/** How long a claim holds without renewal: a successor resends a dead sender's messages after this. */
export const CLAIM_LEASE_MS = 6_000;

export interface DbOutboxOptions {
  /** Who claims: unique per process (default host, pid and a random part). */
  owner?: string;
  leaseMs?: number;
}

interface Mark {
  id: string;
  outcome: DeliveryOutcome;
  to: string | null;
}

export class DbOutbox implements Outbox {
  readonly owner: string;
  readonly leaseMs: number;
  readonly #db: Db;
  /** Texts by key, as far as this process has needed them. */
  readonly #texts = new Map<string, string>();
  #pending = 0;
  #renewal: NodeJS.Timeout | undefined;
  #batch: Mark[] | null = null;
  #batchDone: Promise<void> | null = null;
  #marking: Promise<void> = Promise.resolve();
  #compacting: Promise<void> | null = null;
  /**
   * Whether this process holds claims it must keep alive: from a claim until release(). A leader
   * that stepped down while the database was away could not let go of its claims; renewing them
   * once it comes back would keep them from its successor for as long as it lives.
   */
  #holding = false;

  private constructor(db: Db, opts: DbOutboxOptions) {
    this.#db = db;
    this.owner = opts.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    this.leaseMs = opts.leaseMs ?? CLAIM_LEASE_MS;
  }

  /** The shared outbox (the tables must be migrated: src/db/migrate.ts). */
  static async open(db: Db, opts: DbOutboxOptions = {}): Promise<DbOutbox> {
    const outbox = new DbOutbox(db, opts);
    await outbox.#count();
    outbox.#renewal = setInterval(() => void outbox.#renew(), Math.max(100, Math.floor(outbox.leaseMs / 3)));
    outbox.#renewal.unref();
    return outbox;
  }

  async enqueue(messages: readonly OutboxMessage[]): Promise<number> {
    if (!messages.length) return 0;
    // In chunks, in one transaction: a digest to a million is one all-or-nothing enqueue, but no
    // single statement outlasts the statement timeout, and the event loop breathes between them.
    const added = await this.#db.transaction(async (tx) => {
      let n = 0;
      for (let i = 0; i < messages.length; i += ENQUEUE_CHUNK) n += await insertMessages(tx, messages.slice(i, i + ENQUEUE_CHUNK));
      return n;
    });
    for (const m of messages) this.#texts.set(textKey(m.text), m.text);
    this.#pending += added;
    return added;
  }

  async claim(): Promise<OutboxMessage[]> {
    this.#holding = true;
    const { rows } = await this.#db.query<{
      seq: number;
      id: string;
      chat_id: string;
      thread_id: number | null;
      text_key: string;
      reply_markup: OutboxMessage["replyMarkup"] | null;
      disable_notification: boolean;
      subscription_key: string;
    }>(
      // This sender's lease (one row, renewed by #renew), then every pending row nobody with a
      // live lease holds.
      `WITH lease AS (
         INSERT INTO outbox_leases (owner, until) VALUES ($1, now() + $2 * interval '1 millisecond')
         ON CONFLICT (owner) DO UPDATE SET until = EXCLUDED.until)
       UPDATE outbox SET claimed_by = $1
       WHERE id IN (
         SELECT id FROM outbox o
         WHERE done_at IS NULL
           AND (claimed_by IS NULL OR claimed_by = $1
                OR NOT EXISTS (SELECT 1 FROM outbox_leases l WHERE l.owner = o.claimed_by AND l.until > now()))
         ORDER BY seq FOR UPDATE SKIP LOCKED)
       RETURNING seq::float8 AS seq, id, chat_id, thread_id::float8 AS thread_id, text_key, reply_markup, disable_notification, subscription_key`,
      [this.owner, this.leaseMs],
    );
    rows.sort((a, b) => a.seq - b.seq);
    const missing = [...new Set(rows.map((r) => r.text_key).filter((k) => !this.#texts.has(k)))];
    if (missing.length) {
      const texts = await this.#db.query<{ key: string; text: string }>("SELECT key, text FROM outbox_texts WHERE key = ANY($1::text[])", [missing]);
      for (const t of texts.rows) this.#texts.set(t.key, t.text);
    }
    await this.#count();
    return rows.map((r) => {
      const m: OutboxMessage = { id: r.id, chatId: chatIdOf(r.chat_id), text: this.#texts.get(r.text_key) ?? "", subscriptionKey: r.subscription_key };
      if (r.thread_id !== null) m.threadId = r.thread_id;
      if (r.reply_markup !== null) m.replyMarkup = r.reply_markup;
      if (r.disable_notification) m.disableNotification = true;
      return m;
    });
  }

  /**
   * Joins the batch of marks being gathered; the batch is written once the write before it is
   * done, and every call in it resolves when it is in the database.
   */
  markDone(id: string, outcome: DeliveryOutcome, to?: number | string): Promise<void> {
    if (!this.#batch) {
      const batch: Mark[] = (this.#batch = []);
      this.#batchDone = this.#marking.then(() => {
        this.#batch = null;
        return this.#writeMarks(batch);
      });
      this.#marking = this.#batchDone.catch(() => {});
    }
    this.#batch.push({ id, outcome, to: to === undefined ? null : String(to) });
    return this.#batchDone!;
  }

  get pendingCount(): number {
    return this.#pending;
  }

  /** Drops finished messages and the texts no message uses any more; concurrent calls share one run. */
  compact(): Promise<void> {
    this.#compacting ??= (async () => {
      try {
        await this.#marking;
        await this.#db.query("DELETE FROM outbox WHERE done_at IS NOT NULL");
        try {
          await this.#db.query("DELETE FROM outbox_texts t WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.text_key = t.key)");
        } catch (err) {
          // A text an enqueue took up meanwhile (foreign key): it stays, and goes at a later compaction.
          if ((err as { code?: string }).code !== "23503") throw err;
        }
        this.#texts.clear();
        await this.#count();
      } finally {
        this.#compacting = null;
      }
    })();
    return this.#compacting;
  }

  /** Waits for the marks and lets go of this process's claims, so another sender can take them at once. */
  async close(): Promise<void> {
    clearInterval(this.#renewal);
    await this.release();
  }

  /**
   * Lets go of this process's claims and stays open: a replica that stopped being the leader
   * (src/db/leader.ts) hands its messages to the next one at once rather than after the lease.
   */
  async release(): Promise<void> {
    this.#holding = false;
    await this.#marking;
    await this.#compacting?.catch(() => {});
    // Without its lease, every row it claimed is free to take.
    await this.#db.query("DELETE FROM outbox_leases WHERE owner = $1", [this.owner]);
  }

  async #writeMarks(batch: readonly Mark[]): Promise<void> {
    const result = await this.#db.query(
      // The rows are locked in id order first: two processes marking overlapping rows (a claim
      // that lapsed and was taken again) then wait for each other instead of deadlocking.
      `WITH m AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS m(id, outcome, sent_to)),
            locked AS (SELECT o.id FROM outbox o JOIN m USING (id) WHERE o.done_at IS NULL ORDER BY o.id FOR UPDATE OF o)
       UPDATE outbox o SET done_at = now(), outcome = m.outcome, sent_to = m.sent_to
       FROM m JOIN locked USING (id)
       WHERE o.id = m.id AND o.done_at IS NULL`,
      [batch.map((m) => m.id), batch.map((m) => m.outcome), batch.map((m) => m.to)],
    );
    this.#pending = Math.max(0, this.#pending - (result.rowCount ?? 0));
  }

  async #count(): Promise<void> {
    const { rows } = await this.#db.query<{ n: number }>("SELECT count(*)::float8 AS n FROM outbox WHERE done_at IS NULL");
    this.#pending = rows[0].n;
  }

  /** Keeps this process's claims alive; a failure (the database is away) lets them lapse, as they should. */
  async #renew(): Promise<void> {
    if (!this.#holding) return;
    await this.#db
      // Only a live lease is extended: one that lapsed (the database was away) may have had its
      // rows taken by another sender, and the next claim() starts a new one.
      .query("UPDATE outbox_leases SET until = now() + $2 * interval '1 millisecond' WHERE owner = $1 AND until > now()", [this.owner, this.leaseMs])
      .catch(() => {});
  }
}

/**
 * Adds messages (ids already there are skipped) in two statements however many there are;
 * returns how many were added. Run inside a transaction (enqueue's, or an import's).
 */
export async function insertMessages(tx: Queryable, messages: readonly OutboxMessage[]): Promise<number> {
  const texts = new Map<string, string>();
  const cols = { id: [] as string[], chat: [] as string[], thread: [] as (number | null)[], key: [] as string[], markup: [] as (string | null)[], quiet: [] as boolean[], sub: [] as string[] };
  for (const m of messages) {
    const key = textKey(m.text);
    texts.set(key, m.text);
    cols.id.push(m.id);
    cols.chat.push(String(m.chatId));
    cols.thread.push(m.threadId ?? null);
    cols.key.push(key);
    cols.markup.push(m.replyMarkup ? JSON.stringify(m.replyMarkup) : null);
    cols.quiet.push(m.disableNotification ?? false);
    cols.sub.push(m.subscriptionKey);
  }
  // DO UPDATE, not DO NOTHING: the row lock keeps a compaction from deleting a text this
  // enqueue is about to use.
  await tx.query(
    "INSERT INTO outbox_texts (key, text) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO UPDATE SET text = EXCLUDED.text",
    [[...texts.keys()], [...texts.values()]],
  );
  const result = await tx.query(
    `INSERT INTO outbox (id, chat_id, thread_id, text_key, reply_markup, disable_notification, subscription_key)
     SELECT id, chat_id, thread_id, text_key, reply_markup, disable_notification, subscription_key
     FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::jsonb[], $6::boolean[], $7::text[]) WITH ORDINALITY
       AS m(id, chat_id, thread_id, text_key, reply_markup, disable_notification, subscription_key, n)
     ORDER BY n
     ON CONFLICT (id) DO NOTHING`,
    [cols.id, cols.chat, cols.thread, cols.key, cols.markup, cols.quiet, cols.sub],
  );
  return result.rowCount ?? 0;
}

/** Chat ids are stored as text (a channel may be "@name"); numeric ones come back as numbers. */
function chatIdOf(text: string): number | string {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}
