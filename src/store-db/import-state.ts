// Moves a file-based installation's runtime state (DATA_DIR/state/: chats, subscriptions,
// conversations, what was announced, reminders, the messages still to send, the drafts made of
// the news and what the feed poller remembers, and the record's audit log) into PostgreSQL:
// `npm run db -- import-state`. Run it with the bot stopped.
//
// All of it in one transaction: a failure leaves the database as it was. Tables that already
// hold state are not overwritten unless `replace` is given; running it again on the same files
// finds its own earlier import (state_imports keeps a fingerprint of what was imported) and
// does nothing.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Db, Queryable } from "../db/pool.ts";
import { FileOutbox, type OutboxMessage } from "../delivery/outbox.ts";
import { FileAnnouncedStore, type LoggedChange } from "../store/announced.ts";
import { FileChatPrefsStore } from "../store/chats.ts";
import { FileConversationStore } from "../store/conversations.ts";
import { FileSubscriptionStore } from "../store/subscriptions.ts";
import { emptyDraftsFile, FileDraftStore, type DraftsFile } from "../store/drafts.ts";
import { readFeedsFile, readItemsFile, type FeedState, type ProcessedItem } from "../feeds/poll-state.ts";
import { readAudit, type AuditRecord } from "../record-file/audit-log.ts";
import { insertAudit } from "../record-db/audit.ts";
import { DRAFTS_TABLE, EDITOR_LANGUAGES_TABLE } from "./drafts.ts";
import { ANNOUNCED_DAILY_TABLE, ANNOUNCED_ENTRIES_TABLE, ANNOUNCED_REVISIONS_TABLE, REMINDERS_SENT_TABLE } from "./announced.ts";
import { CHAT_PREFS_TABLE } from "./chats.ts";
import { CONVERSATIONS_TABLE } from "./conversations.ts";
import { KeyedTable, type TableSpec } from "./keyed-table.ts";
import { insertMessages } from "./outbox.ts";
import { SUBSCRIPTIONS_TABLE } from "./subscriptions.ts";

/** The state files the import reads; at least one must be there. */
const STATE_FILES = ["chats.json", "subscriptions.json", "subscriptions.journal", "conversations.json", "announced.json", "reminders.json", "outbox.json", "drafts.json", "feeds.json", "feed-items.jsonl", "audit.jsonl"];

/** The tables the state lives in (announced_state is one row, reset rather than emptied). */
export const STATE_TABLES = [
  "chat_prefs",
  "subscriptions",
  "conversations",
  "announced_entries",
  "announced_changes",
  "announced_revisions",
  "announced_daily",
  "reminders_sent",
  "outbox",
  "outbox_texts",
  "drafts",
  "draft_articles",
  "editor_languages",
  "feed_state",
  "feed_items",
] as const;

const BATCH = 5000;

export type ImportCounts = Record<"chats" | "subscriptions" | "conversations" | "announcedEntries" | "announcedChanges" | "dailyStates" | "reminders" | "outboxMessages" | "drafts" | "reportsTaken" | "feeds" | "feedItems" | "auditRecords", number>;

export type ImportResult =
  | { kind: "imported"; counts: ImportCounts; replaced: boolean }
  /** The same files were imported before (and the tables are not empty): nothing done. */
  | { kind: "already"; counts: ImportCounts; importedAt: Date }
  /** Tables hold state and `replace` was not given: nothing done. */
  | { kind: "refused"; nonEmpty: string[] };

export class NoStateError extends Error {
  override name = "NoStateError";
}

interface FileState {
  chats: [string, object][];
  subscriptions: [string, object][];
  conversations: [string, object][];
  entries: [string, object][];
  revisions: [string, number][];
  daily: [string, object][];
  reminders: [string, number][];
  head: { initializedAt: string | null; generation: number; lastSeq: number };
  changes: (LoggedChange & { inLog: boolean })[];
  outbox: OutboxMessage[];
  drafts: DraftsFile;
  feeds: Record<string, FeedState>;
  feedItems: ProcessedItem[];
  /** The record's audit log (audit.jsonl): the entries' history, kept when the record moves. */
  audit: AuditRecord[];
}

/** Reads the state files as the bot would at start-up (a subscriptions journal replayed, the outbox's finished messages left out). */
async function readFiles(stateDir: string): Promise<FileState> {
  if (!STATE_FILES.some((f) => existsSync(join(stateDir, f)))) {
    throw new NoStateError(`no state files in ${stateDir} (looked for ${STATE_FILES.join(", ")}); is DATA_DIR right?`);
  }
  const chats = FileChatPrefsStore.open(join(stateDir, "chats.json")).store.data.chats;
  const subs = FileSubscriptionStore.open(join(stateDir, "subscriptions.json")).store.data.subscriptions;
  const conversations = FileConversationStore.open(join(stateDir, "conversations.json")).store.data.chats;
  const announced = FileAnnouncedStore.open(stateDir);
  const a = announced.announced.data;
  const drafts = existsSync(join(stateDir, "drafts.json")) ? FileDraftStore.open(join(stateDir, "drafts.json")).store.data : emptyDraftsFile();
  const feeds = await readFeedsFile(stateDir);
  const feedItems = await readItemsFile(stateDir);
  const audit = existsSync(join(stateDir, "audit.jsonl")) ? await readAudit(join(stateDir, "audit.jsonl")) : [];
  const outbox = await FileOutbox.open(stateDir);
  const pending = outbox.pending();
  await outbox.close();
  const inLog = new Set(a.log.map((l) => l.seq));
  const bySeq = new Map<number, LoggedChange>();
  for (const l of [...(a.history ?? []), ...a.log]) bySeq.set(l.seq, l);
  return {
    chats: Object.entries(chats),
    subscriptions: Object.entries(subs),
    conversations: Object.entries(conversations),
    entries: Object.entries(a.entries),
    revisions: Object.entries(a.revisions ?? {}),
    daily: Object.entries(a.daily),
    reminders: Object.entries(announced.reminders.data.sent),
    head: { initializedAt: a.initializedAt, generation: a.generation, lastSeq: a.lastSeq },
    changes: [...bySeq.values()].sort((x, y) => x.seq - y.seq).map((l) => ({ ...l, inLog: inLog.has(l.seq) })),
    outbox: pending,
    drafts,
    feeds,
    feedItems,
    audit,
  };
}

function countsOf(s: FileState): ImportCounts {
  return {
    chats: s.chats.length,
    subscriptions: s.subscriptions.length,
    conversations: s.conversations.length,
    announcedEntries: s.entries.length,
    announcedChanges: s.changes.length,
    dailyStates: s.daily.length,
    reminders: s.reminders.length,
    outboxMessages: s.outbox.length,
    drafts: s.drafts.drafts.length,
    reportsTaken: Object.keys(s.drafts.articles).length,
    feeds: Object.keys(s.feeds).length,
    feedItems: s.feedItems.length,
    auditRecords: s.audit.length,
  };
}

export async function importState(db: Db, stateDir: string, opts: { replace?: boolean } = {}): Promise<ImportResult> {
  const state = await readFiles(stateDir);
  const fingerprint = createHash("sha256").update(JSON.stringify(state)).digest("hex");
  const counts = countsOf(state);
  return db.transaction(async (tx) => {
    // A large state takes longer than a request may.
    await tx.query("SET LOCAL statement_timeout = 0");
    // One import at a time, and no replica writing meanwhile.
    await tx.query(`LOCK TABLE ${STATE_TABLES.join(", ")}, announced_state, draft_counter, state_imports IN EXCLUSIVE MODE`);
    const nonEmpty = await nonEmptyTables(tx);
    if (nonEmpty.length && !opts.replace) {
      const earlier = await tx.query<{ imported_at: Date }>("SELECT imported_at FROM state_imports WHERE fingerprint = $1", [fingerprint]);
      if (earlier.rows.length) return { kind: "already", counts, importedAt: earlier.rows[0].imported_at };
      return { kind: "refused", nonEmpty };
    }
    if (nonEmpty.length) await tx.query(`TRUNCATE ${STATE_TABLES.join(", ")}`);
    await write(tx, db, CHAT_PREFS_TABLE, state.chats as never);
    await write(tx, db, SUBSCRIPTIONS_TABLE, state.subscriptions as never);
    await write(tx, db, CONVERSATIONS_TABLE, state.conversations as never);
    await write(tx, db, ANNOUNCED_ENTRIES_TABLE, state.entries as never);
    await write(tx, db, ANNOUNCED_REVISIONS_TABLE, state.revisions);
    await write(tx, db, ANNOUNCED_DAILY_TABLE, state.daily as never);
    await write(tx, db, REMINDERS_SENT_TABLE, state.reminders);
    await tx.query("UPDATE announced_state SET initialized_at = $1, generation = $2, last_seq = $3", [state.head.initializedAt, state.head.generation, state.head.lastSeq]);
    for (let i = 0; i < state.changes.length; i += BATCH) {
      const rows = state.changes.slice(i, i + BATCH).map((l) => ({ seq: l.seq, at: l.at, change: l.change, in_log: l.inLog }));
      await tx.query(
        "INSERT INTO announced_changes (seq, at, change, in_log) SELECT seq, at, change, in_log FROM jsonb_to_recordset($1::jsonb) AS r(seq bigint, at timestamptz, change jsonb, in_log boolean)",
        [JSON.stringify(rows)],
      );
    }
    for (let i = 0; i < state.outbox.length; i += BATCH) await insertMessages(tx, state.outbox.slice(i, i + BATCH));
    await importDrafts(tx, db, state.drafts);
    await importFeeds(tx, state.feeds, state.feedItems);
    // The history the file log kept, as version 0 (no version of the record in PostgreSQL made
    // it): an earlier import's copy is replaced, what PostgreSQL's own writes logged stays.
    await tx.query("DELETE FROM record_audit WHERE version = 0");
    for (let i = 0; i < state.audit.length; i += BATCH) await insertAudit(tx, 0, state.audit.slice(i, i + BATCH));
    await tx.query("INSERT INTO state_imports (fingerprint, source, counts) VALUES ($1, $2, $3) ON CONFLICT (fingerprint) DO UPDATE SET imported_at = now()", [
      fingerprint,
      stateDir,
      JSON.stringify(counts),
    ]);
    return { kind: "imported", counts, replaced: nonEmpty.length > 0 };
  });
}

/** The drafts, the reports taken (each under its link, as the file maps them), the editors' languages, the next draft's number. */
async function importDrafts(tx: Queryable, db: Db, d: DraftsFile): Promise<void> {
  await write(tx, db, DRAFTS_TABLE, d.drafts.map((x) => [x.id, x]));
  await write(tx, db, EDITOR_LANGUAGES_TABLE, Object.entries(d.editorLanguages ?? {}));
  const urlOf = new Map(Object.entries(d.urls ?? {}).map(([url, id]) => [id, url]));
  const articles = Object.entries(d.articles).map(([id, taken]) => ({ article_id: id, url: urlOf.get(id) ?? null, taken }));
  for (let i = 0; i < articles.length; i += BATCH) {
    await tx.query("INSERT INTO draft_articles (article_id, url, taken) SELECT article_id, url, taken FROM jsonb_to_recordset($1::jsonb) AS r(article_id text, url text, taken jsonb)", [
      JSON.stringify(articles.slice(i, i + BATCH)),
    ]);
  }
  await tx.query("UPDATE draft_counter SET next = $1", [d.next]);
}

async function importFeeds(tx: Queryable, feeds: Record<string, FeedState>, items: ProcessedItem[]): Promise<void> {
  const rows = Object.entries(feeds).map(([feed_id, state]) => ({ feed_id, state }));
  if (rows.length) await tx.query("INSERT INTO feed_state (feed_id, state) SELECT feed_id, state FROM jsonb_to_recordset($1::jsonb) AS r(feed_id text, state jsonb)", [JSON.stringify(rows)]);
  // The journal may hold an item twice (offered again after a torn line): the last one counts, as when the file is read.
  const byId = new Map(items.map((i) => [i.id, i]));
  const unique = [...byId.values()];
  for (let i = 0; i < unique.length; i += BATCH) {
    const batch = unique.slice(i, i + BATCH).map((item) => ({ id: item.id, feed_id: item.feedId, at: item.at, item }));
    await tx.query("INSERT INTO feed_items (id, feed_id, at, item) SELECT id, feed_id, at, item FROM jsonb_to_recordset($1::jsonb) AS r(id text, feed_id text, at timestamptz, item jsonb)", [JSON.stringify(batch)]);
  }
}

async function nonEmptyTables(q: Queryable): Promise<string[]> {
  const checks = STATE_TABLES.map((t) => `SELECT '${t}' AS t WHERE EXISTS (SELECT 1 FROM ${t})`);
  checks.push("SELECT 'announced_state' AS t WHERE EXISTS (SELECT 1 FROM announced_state WHERE initialized_at IS NOT NULL OR last_seq > 0)");
  checks.push("SELECT 'draft_counter' AS t WHERE EXISTS (SELECT 1 FROM draft_counter WHERE next > 1)");
  const { rows } = await q.query<{ t: string }>(checks.join(" UNION ALL "));
  return rows.map((r) => r.t);
}

async function write<V>(tx: Queryable, db: Db, spec: TableSpec<V>, rows: [string, V][]): Promise<void> {
  // No memory and no notifications: nothing runs on these tables while the import holds them.
  const table = new KeyedTable<V>(db, null, spec, { set() {}, remove() {}, keys: () => [], size: 0 });
  for (let i = 0; i < rows.length; i += BATCH) await table.write(rows.slice(i, i + BATCH), [], tx);
}
