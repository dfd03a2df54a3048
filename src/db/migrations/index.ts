// Every migration, in version order. To add one: write NNN-name.ts exporting `migration`
// ({ version: NNN, name: "name", sql }), import it here and put it in the list by version.
// Versions 1-99 are the record's (src/record-db/), 100 and up the state stores'. An applied
// migration is never edited (its checksum is checked at every start): change the schema in a
// new one.
import type { Migration } from "../migrate.ts";
import { migration as record } from "./001-record.ts";
import { migration as state } from "./100-state.ts";
import { migration as drafts } from "./101-drafts.ts";
import { migration as feeds } from "./102-feeds.ts";
import { migration as outboxLeases } from "./103-outbox-leases.ts";

export const MIGRATIONS: readonly Migration[] = [record, state, drafts, feeds, outboxLeases];
