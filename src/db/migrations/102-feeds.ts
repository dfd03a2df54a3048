// What the feed poller remembers (src/store-db/poll-state.ts): state/feeds.json and
// feed-items.jsonl with files. Only the leader polls, but leaders change: the next one must
// know what the last one fetched and processed, so that no item is taken twice.
import type { Migration } from "../migrate.ts";

export const migration: Migration = {
  version: 102,
  name: "feeds",
  sql: `
CREATE TABLE feed_state (
  feed_id text PRIMARY KEY,
  state jsonb NOT NULL
);

CREATE TABLE feed_items (
  id text PRIMARY KEY,
  feed_id text NOT NULL,
  at timestamptz NOT NULL,
  item jsonb NOT NULL
);
CREATE INDEX feed_items_at ON feed_items (at);
`,
};
