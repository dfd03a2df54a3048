// News in, drafts out: the parts main.ts wires together. The intake (drafts/intake.ts) takes
// reports from the feed poller and from editors' messages; the draft desk (bot/features/drafts)
// shows each draft to every editor and carries out their decisions through the record's one
// writer. The poller is started apart, with `intake` and `notifyFeedDown` from here.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Api } from "grammy";
import type { DraftsDeps } from "./bot/context.ts";
import { DraftDesk } from "./bot/features/drafts/draft-desk.ts";
import type { DeskWriter } from "./editorial/desk-writer.ts";
import { pageFetcher, type FetchPage } from "./feeds/fetch-page.ts";
import { createFetcher, parleyUserAgent } from "./feeds/fetching/fetcher.ts";
import type { FeedDown } from "./ingest/incoming.ts";
import { DraftIntake } from "./drafts/intake.ts";
import { NameIndex, parseNames } from "./ingest/names.ts";
import type { Logger } from "./log.ts";
import type { RecordView } from "./record/record.ts";
import type { ChatPrefsStore } from "./store/chats.ts";
import { DraftStore } from "./store/drafts.ts";

/** data/names.json beside the sources (src/ → ../data) or beside the bundle (dist/ → ../data). */
export const NAMES_FILE = [new URL("../data/names.json", import.meta.url), new URL("../../data/names.json", import.meta.url)]
  .map((url) => fileURLToPath(url))
  .find((file) => existsSync(file))!;

export interface IngestionOptions {
  record: () => RecordView;
  writer: DeskWriter;
  /** Rereads the record after a write and tells the digest job (main.ts's). */
  reloadRecord(): Promise<void>;
  /** Sends and edits the editors' copies; HTML parse mode is set on each call. */
  api: Api;
  adminIds: number[];
  prefs: ChatPrefsStore;
  /** i18n.t(lang, key, vars) */
  translate(lang: string, key: string, vars?: Record<string, string | number>): string;
  defaultTimezone: string;
  /** $DATA_DIR/state: drafts.json is kept there. */
  stateDir: string;
  clock: () => Date;
  log: Logger;
  /** The names Parley knows; default data/names.json. */
  namesFile?: string;
  /** How a link an editor sends is read; default: a polite fetcher of its own (feeds/fetch-page.ts). */
  fetchPage?: FetchPage;
}

export interface Ingestion {
  /** For the poller: each feed item in, drafts on disk before it resolves. */
  intake: DraftIntake;
  /** For the poller: a feed has failed for a day; every editor is told, once per call. */
  notifyFeedDown(down: FeedDown): Promise<void>;
  /** BotDeps.drafts */
  deps: DraftsDeps;
  /** At start: pending drafts an editor has no copy of are sent to them (see DraftDesk.resume). */
  resume(): Promise<void>;
  /** Waits for the drafts file's writes (on shutdown). */
  flush(): Promise<void>;
}

/** Throws NamesFileError (or a read error) when the names file is unusable: the caller decides. */
export function createIngestion(opts: IngestionOptions): Ingestion {
  const namesFile = opts.namesFile ?? NAMES_FILE;
  const names = new NameIndex(parseNames(JSON.parse(readFileSync(namesFile, "utf8")), namesFile));
  const store = DraftStore.open(join(opts.stateDir, "drafts.json"));
  const desk = new DraftDesk({
    api: opts.api,
    store,
    names,
    record: opts.record,
    writer: opts.writer,
    reloadRecord: opts.reloadRecord,
    adminIds: opts.adminIds,
    prefs: opts.prefs,
    translate: opts.translate,
    defaultTimezone: opts.defaultTimezone,
    clock: opts.clock,
    log: opts.log,
  });
  const intake = new DraftIntake({ store, names, record: opts.record, clock: opts.clock, log: opts.log, onDrafts: (ids) => desk.show(ids) });
  return {
    intake,
    notifyFeedDown: (down) => desk.feedDown(down),
    deps: { store, intake, desk, fetchPage: opts.fetchPage ?? pageFetcher(createFetcher({ userAgent: parleyUserAgent() })) },
    resume: () => desk.resume(),
    flush: () => store.flush(),
  };
}
