// What the digest job has already told people, kept across restarts:
// - state/announced.json: per entry the announce-worthy values last announced (see
//   digest/changes.ts), the announced changes still owed to daily digests, and each daily
//   subscription's place in them;
//   It also keeps, for the HTTP server, the last HISTORY_SIZE changes announced (the feeds) and
//   per entry a revision counter raised by every change of its date, place or status (the
//   calendars' SEQUENCE, so calendar apps move an event instead of adding a copy);
// - state/reminders.json: keys of reminders already sent, until their entry has passed.
// Two files because reminders are keyed per subscription and can grow to megabytes, which the
// announced state should not rewrite on every change.
import { join } from "node:path";
import type { AnnouncedEntries, RecordChange } from "../digest/changes.ts";
import { JsonStore } from "./json-store.ts";

export interface LoggedChange {
  seq: number;
  /** When the change was announced (ISO). */
  at: string;
  change: RecordChange;
}

export interface DailyState {
  /** The last change (seq) this subscription's daily digest has covered. */
  cursor: number;
  /** The chat-local day (YYYY-MM-DD) whose digest is done (sent, or nothing to send). */
  lastDay: string;
}

/** The announced state as kept in memory by both back ends (and on disk by the file one). */
export interface AnnouncedFile {
  /** Null until the first look at the record: a fresh install announces nothing. */
  initializedAt: string | null;
  /** Batches of changes announced so far; part of message ids, so the same change made again later is a new message. */
  generation: number;
  entries: AnnouncedEntries;
  /** Changes announced and not yet covered by every daily digest, oldest first. */
  log: LoggedChange[];
  lastSeq: number;
  daily: { [subscriptionKey: string]: DailyState };
  /** The last HISTORY_SIZE changes announced, oldest first, kept whatever the daily digests have covered (feeds). */
  history?: LoggedChange[];
  /** Per entry: how many times its date, place or status has changed since it was first announced. */
  revisions?: { [entryId: string]: number };
}

/** Changes the feeds can show: enough for a reader polling once a day through a busy week. */
export const HISTORY_SIZE = 200;

/** Changes a calendar app must see as a new revision of the event (RFC 5545 SEQUENCE). */
export const REVISING: ReadonlySet<RecordChange["type"]> = new Set(["date", "place", "status"]);

interface RemindersFile {
  /** Reminder key → when it may be forgotten (ms since epoch: a day after its entry started). */
  sent: { [key: string]: number };
}

const isAnnouncedFile = (d: unknown): d is AnnouncedFile => {
  const f = d as AnnouncedFile;
  return typeof f.entries === "object" && f.entries !== null && Array.isArray(f.log ?? []) && typeof (f.daily ?? {}) === "object";
};
const isRemindersFile = (d: unknown): d is RemindersFile => typeof (d as RemindersFile).sent === "object" && (d as RemindersFile).sent !== null;

/**
 * What the digest job has announced, whichever back end keeps it (files: FileAnnouncedStore
 * below; PostgreSQL: src/store-db/announced.ts). Reads come from memory.
 */
export interface AnnouncedStore {
  readonly initialized: boolean;
  readonly entries: Readonly<AnnouncedEntries>;
  readonly generation: number;
  readonly lastSeq: number;
  /** A fresh install: the record as it stands counts as announced. */
  initialize(entries: AnnouncedEntries, now: Date): Promise<void>;
  /** Records changes as announced (once their messages are in the outbox); one atomic write. */
  commit(updates: AnnouncedEntries, changes: readonly RecordChange[], now: Date): Promise<void>;
  /** The last changes announced, newest first (at most HISTORY_SIZE). */
  history(): LoggedChange[];
  /** How many times the entry's date, place or status has been announced as changed (0: never). */
  revision(entryId: string): number;
  /** Logged changes after `cursor` up to `upTo` (inclusive), oldest first. */
  changesBetween(cursor: number, upTo: number): LoggedChange[];
  daily(key: string): DailyState | undefined;
  /** Changes a daily state in memory; save() stores a batch of them. */
  setDaily(key: string, state: DailyState): void;
  /** Forgets daily states not in `dailyKeys` and log entries every daily digest has had; in memory until save(). Returns whether anything changed. */
  pruneDaily(dailyKeys: ReadonlySet<string>): boolean;
  reminderSent(key: string): boolean;
  /** Records reminders as sent (once their messages are in the outbox). */
  markReminders(sent: readonly { key: string; forgetAfter: number }[]): Promise<void>;
  /** Drops keys of reminders whose entry has long passed. */
  pruneReminders(now: Date): Promise<void>;
  /** Stores the daily states and pruning done since the last save. */
  save(): Promise<void>;
  flush(): Promise<void>;
}

export const emptyAnnounced = (): AnnouncedFile => ({ initializedAt: null, generation: 0, entries: {}, log: [], lastSeq: 0, daily: {} });

/** The file back end: state/announced.json and state/reminders.json. */
export class FileAnnouncedStore implements AnnouncedStore {
  private constructor(
    readonly announced: JsonStore<AnnouncedFile>,
    readonly reminders: JsonStore<RemindersFile>,
  ) {}

  static open(stateDir: string): FileAnnouncedStore {
    return new FileAnnouncedStore(
      JsonStore.open<AnnouncedFile>(
        join(stateDir, "announced.json"),
        emptyAnnounced,
        isAnnouncedFile,
      ),
      JsonStore.open<RemindersFile>(join(stateDir, "reminders.json"), () => ({ sent: {} }), isRemindersFile),
    );
  }

  get initialized(): boolean {
    return this.announced.data.initializedAt !== null;
  }

  get entries(): Readonly<AnnouncedEntries> {
    return this.announced.data.entries;
  }

  get generation(): number {
    return this.announced.data.generation;
  }

  get lastSeq(): number {
    return this.announced.data.lastSeq;
  }

  /** A fresh install: the record as it stands counts as announced. */
  initialize(entries: AnnouncedEntries, now: Date): Promise<void> {
    return this.announced.update((d) => {
      d.entries = entries;
      d.initializedAt = now.toISOString();
    });
  }

  /**
   * Records changes as announced (call only once their messages are in the outbox): the entries'
   * new values, and the changes themselves for the daily digests. One atomic write.
   */
  commit(updates: AnnouncedEntries, changes: readonly RecordChange[], now: Date): Promise<void> {
    return this.announced.update((d) => {
      commitTo(d, updates, changes, now);
    });
  }

  /** The last changes announced, newest first (at most HISTORY_SIZE). */
  history(): LoggedChange[] {
    return [...(this.announced.data.history ?? [])].reverse();
  }

  /** How many times the entry's date, place or status has been announced as changed (0: never). */
  revision(entryId: string): number {
    return this.announced.data.revisions?.[entryId] ?? 0;
  }

  /** Logged changes after `cursor` up to `upTo` (inclusive), oldest first. */
  changesBetween(cursor: number, upTo: number): LoggedChange[] {
    return logBetween(this.announced.data.log, cursor, upTo);
  }

  daily(key: string): DailyState | undefined {
    return this.announced.data.daily[key];
  }

  /** Changes daily states without saving (save() after a batch of them). */
  setDaily(key: string, state: DailyState): void {
    this.announced.data.daily[key] = state;
  }

  /**
   * Forgets daily states of subscriptions that are no longer daily (or no longer active) and
   * logged changes every daily subscription has had. Returns whether anything changed.
   */
  pruneDaily(dailyKeys: ReadonlySet<string>): boolean {
    const { daily, log } = pruneDailyIn(this.announced.data, dailyKeys);
    return daily.length > 0 || log > 0;
  }

  reminderSent(key: string): boolean {
    return key in this.reminders.data.sent;
  }

  /** Records reminders as sent (call only once their messages are in the outbox). */
  markReminders(sent: readonly { key: string; forgetAfter: number }[]): Promise<void> {
    return this.reminders.update((d) => {
      for (const s of sent) d.sent[s.key] = s.forgetAfter;
    });
  }

  /** Drops keys of reminders whose entry has long passed. */
  async pruneReminders(now: Date): Promise<void> {
    const sent = this.reminders.data.sent;
    let dropped = 0;
    for (const key in sent) {
      if (sent[key] < now.getTime()) {
        delete sent[key];
        dropped++;
      }
    }
    if (dropped) await this.reminders.save();
  }

  save(): Promise<void> {
    return this.announced.save();
  }

  async flush(): Promise<void> {
    await this.announced.flush();
    await this.reminders.flush();
  }
}

// The rules of the announced state, shared by both back ends: they change the data in memory
// and say what changed, which the PostgreSQL back end writes as rows.

/** Applies a commit; returns the changes as logged. */
export function commitTo(d: AnnouncedFile, updates: AnnouncedEntries, changes: readonly RecordChange[], now: Date): LoggedChange[] {
  Object.assign(d.entries, updates);
  const at = now.toISOString();
  const logged: LoggedChange[] = [];
  for (const change of changes) {
    const l = { seq: ++d.lastSeq, at, change };
    logged.push(l);
    d.log.push(l);
    (d.history ??= []).push(l);
    if (REVISING.has(change.type)) (d.revisions ??= {})[change.entryId] = (d.revisions?.[change.entryId] ?? 0) + 1;
  }
  if (d.history && d.history.length > HISTORY_SIZE) d.history.splice(0, d.history.length - HISTORY_SIZE);
  if (changes.length) d.generation++;
  return logged;
}

export function logBetween(log: readonly LoggedChange[], cursor: number, upTo: number): LoggedChange[] {
  // Sequence numbers are consecutive in the log: its first seq locates the rest.
  const first = log.length ? log[0].seq : upTo + 1;
  const from = Math.max(0, cursor + 1 - first);
  const to = Math.max(0, upTo + 1 - first);
  return log.slice(from, to);
}

/** Forgets daily states not in `dailyKeys` and the log every daily digest has had: returns the keys and how many log entries were dropped. */
export function pruneDailyIn(d: AnnouncedFile, dailyKeys: ReadonlySet<string>): { daily: string[]; log: number } {
  const dropped: string[] = [];
  for (const key of Object.keys(d.daily)) {
    if (!dailyKeys.has(key)) {
      delete d.daily[key];
      dropped.push(key);
    }
  }
  let min = d.lastSeq;
  for (const key in d.daily) min = Math.min(min, d.daily[key].cursor);
  const keep = d.log.findIndex((l) => l.seq > min);
  const drop = keep < 0 ? d.log.length : keep;
  if (drop > 0) d.log.splice(0, drop);
  return { daily: dropped, log: drop };
}
