// What every `npm run events` command gets: the options as parsed, where its output goes, and
// the two errors that decide its exit code (1: the input or the record needs fixing; 2: the
// command line itself is wrong).

import type { Db } from "../db/pool.ts";
import type { ProgramIo } from "./program.ts";

export const OPTIONS = {
  file: { type: "string" },
  help: { type: "boolean", short: "h" },
  track: { type: "string" },
  status: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  format: { type: "string" },
  outcome: { type: "string" },
  "outcome-lang": { type: "string" },
  date: { type: "string" },
  "end-date": { type: "string" },
  time: { type: "string" },
  timezone: { type: "string" },
  city: { type: "string" },
  "source-url": { type: "string" },
  "source-outlet": { type: "string" },
  "source-lang": { type: "string" },
  "source-published": { type: "string" },
  participant: { type: "string", multiple: true },
} as const;

export type Options = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K] extends { type: "boolean" } ? boolean : string };

/** The command line is wrong: exit 2 with a usage line. */
/** What `update` takes: every change an EntryEdit can carry. */
export const UPDATE_OPTIONS = [
  "status",
  "outcome",
  "outcome-lang",
  "date",
  "end-date",
  "time",
  "timezone",
  "city",
  "source-url",
  "source-outlet",
  "source-lang",
  "source-published",
  "participant",
] as const;

export type Io = ProgramIo;

export interface Context {
  /** The record's file, or (with `db`) the name the record in PostgreSQL goes by in messages. */
  file: string;
  /** Set when DATABASE_URL is (and no --file was given): the record is PostgreSQL's. */
  db?: Db;
  values: Options;
  args: string[];
  io: Io;
}
