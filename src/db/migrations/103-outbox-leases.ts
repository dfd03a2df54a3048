// The outbox's claims kept alive by one row per sender, not by a time on every claimed row:
// renewing claimed_until on each of a digest's rows every couple of seconds rewrote 10,000 rows
// (a million, for a million subscribers) over and over. A row claimed by a sender whose lease has
// lapsed is free to take (src/store-db/outbox.ts). outbox.claimed_until is no longer read.
import type { Migration } from "../migrate.ts";

export const migration: Migration = {
  version: 103,
  name: "outbox-leases",
  sql: `
CREATE TABLE outbox_leases (
  owner text PRIMARY KEY,
  until timestamptz NOT NULL
);
`,
};
