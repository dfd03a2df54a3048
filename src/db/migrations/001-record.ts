// The record (data/events.json's content) in PostgreSQL: one row per track and per entry.
//
// `text` is the item exactly as the file form has it (its key order, its line breaks and the
// indent of the lines after the first), `lead` the separator before it in its list ("" for the
// first), and record_version.layout the rest of the file: `npm run events -- export` puts the
// three back together byte for byte. `doc` is the same item as jsonb, derived from `text` so
// the two cannot disagree; the columns beside it are what queries and the bot's index need.
//
// record_version is one row: every write locks it (FOR UPDATE), so writes to the record happen
// one after another, and bumps `version`, which is sent with NOTIFY parley_record so every
// replica reloads.
import type { Migration } from "../migrate.ts";

export const migration: Migration = {
  version: 1,
  name: "record",
  sql: `
CREATE TABLE record_version (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version bigint NOT NULL,
  layout jsonb,
  updated timestamptz NOT NULL DEFAULT now()
);
INSERT INTO record_version (version, layout) VALUES (0, NULL);

CREATE TABLE record_tracks (
  id text PRIMARY KEY,
  position integer NOT NULL UNIQUE,
  lead text NOT NULL,
  text text NOT NULL,
  doc jsonb GENERATED ALWAYS AS (text::jsonb) STORED
);

CREATE TABLE record_entries (
  id text PRIMARY KEY,
  position bigint NOT NULL UNIQUE,
  lead text NOT NULL,
  text text NOT NULL,
  doc jsonb GENERATED ALWAYS AS (text::jsonb) STORED,
  track text NOT NULL REFERENCES record_tracks (id),
  kind text NOT NULL,
  status text NOT NULL,
  date text,
  end_date text,
  time text,
  timezone text,
  sequence integer,
  version bigint NOT NULL,
  updated timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_entries_chrono ON record_entries (date, end_date, time, id);
CREATE INDEX record_entries_track ON record_entries (track, date);
CREATE INDEX record_entries_status ON record_entries (status, date);
CREATE INDEX record_entries_version ON record_entries (version);

CREATE TABLE record_audit (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor json NOT NULL,
  action text NOT NULL,
  item_id text NOT NULL,
  before json,
  after json,
  version bigint NOT NULL
);
CREATE INDEX record_audit_item ON record_audit (item_id, seq);
`,
};
