// The runtime state in PostgreSQL (src/store-db/): what lives under DATA_DIR/state/ with files.
//
// Every keyed table carries `version`, taken from one sequence on every insert and update:
// a store tells the other replicas what it wrote with NOTIFY parley_state
// ('<table>:<version>:<key>'), and a replica that missed notifications (its listening
// connection was down) catches up with the rows whose version is above what it has seen.
//
// The outbox is a queue shared by the replicas: the sender claims rows (claimed_by, and a
// lease until claimed_until, renewed while it works), marks them done after Telegram answers,
// and a claim whose lease ran out is offered again. Texts are stored once per distinct text.
import type { Migration } from "../migrate.ts";

export const migration: Migration = {
  version: 100,
  name: "state",
  sql: `
CREATE SEQUENCE state_version;

CREATE TABLE chat_prefs (
  chat_id text PRIMARY KEY,
  lang text,
  tz text,
  version bigint NOT NULL DEFAULT nextval('state_version')
);
CREATE INDEX chat_prefs_version ON chat_prefs (version);

CREATE TABLE subscriptions (
  key text PRIMARY KEY,
  chat_id bigint NOT NULL,
  thread_id bigint,
  chat_type text NOT NULL CHECK (chat_type IN ('private', 'group', 'supergroup', 'channel')),
  active boolean NOT NULL,
  inactive_reason text,
  created_by bigint NOT NULL,
  created_at timestamptz NOT NULL,
  -- NULL: every track / every kind.
  tracks text[],
  kinds text[],
  -- NULL: instant delivery; else the daily digest's hour in the chat's zone.
  daily_hour smallint CHECK (daily_hour BETWEEN 0 AND 23),
  quiet_from smallint CHECK (quiet_from BETWEEN 0 AND 23),
  quiet_to smallint CHECK (quiet_to BETWEEN 0 AND 23),
  -- NULL: the default reminders.
  reminders jsonb,
  version bigint NOT NULL DEFAULT nextval('state_version')
);
CREATE INDEX subscriptions_chat ON subscriptions (chat_id);
CREATE INDEX subscriptions_version ON subscriptions (version);

CREATE TABLE conversations (
  key text PRIMARY KEY,
  state jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('state_version')
);
CREATE INDEX conversations_version ON conversations (version);

-- One row: whether the record has been looked at, the batches announced, the last logged change.
CREATE TABLE announced_state (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  initialized_at timestamptz,
  generation integer NOT NULL,
  last_seq bigint NOT NULL
);
INSERT INTO announced_state (generation, last_seq) VALUES (0, 0);

-- Per entry the announce-worthy values last announced (digest/changes.ts).
CREATE TABLE announced_entries (
  entry_id text PRIMARY KEY,
  announced jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('state_version')
);
CREATE INDEX announced_entries_version ON announced_entries (version);

-- The changes announced. in_log: still owed to a daily digest; the last 200 are kept for the
-- feeds whatever the daily digests have covered.
CREATE TABLE announced_changes (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  change jsonb NOT NULL,
  in_log boolean NOT NULL DEFAULT true
);

CREATE TABLE announced_revisions (
  entry_id text PRIMARY KEY,
  revisions integer NOT NULL,
  version bigint NOT NULL DEFAULT nextval('state_version')
);
CREATE INDEX announced_revisions_version ON announced_revisions (version);

CREATE TABLE announced_daily (
  subscription_key text PRIMARY KEY,
  cursor bigint NOT NULL,
  last_day text NOT NULL,
  version bigint NOT NULL DEFAULT nextval('state_version')
);
CREATE INDEX announced_daily_version ON announced_daily (version);

CREATE TABLE reminders_sent (
  key text PRIMARY KEY,
  -- ms since the epoch: a day after the entry started.
  forget_after bigint NOT NULL,
  version bigint NOT NULL DEFAULT nextval('state_version')
);
CREATE INDEX reminders_sent_version ON reminders_sent (version);
CREATE INDEX reminders_sent_forget ON reminders_sent (forget_after);

CREATE TABLE outbox_texts (
  key text PRIMARY KEY,
  text text NOT NULL
);

CREATE TABLE outbox (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  chat_id text NOT NULL,
  thread_id bigint,
  text_key text NOT NULL REFERENCES outbox_texts (key),
  reply_markup jsonb,
  disable_notification boolean NOT NULL DEFAULT false,
  subscription_key text NOT NULL,
  claimed_by text,
  claimed_until timestamptz,
  done_at timestamptz,
  outcome text CHECK (outcome IN ('sent', 'refused', 'failed')),
  sent_to text
);
CREATE INDEX outbox_pending ON outbox (seq) WHERE done_at IS NULL;
CREATE INDEX outbox_claims ON outbox (claimed_by) WHERE done_at IS NULL;
CREATE INDEX outbox_text ON outbox (text_key);

-- npm run db -- import-state: what was imported, so that running it again on the same files
-- says so instead of refusing.
CREATE TABLE state_imports (
  fingerprint text PRIMARY KEY,
  source text NOT NULL,
  counts jsonb NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
`,
};
