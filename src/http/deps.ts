// What every route module gets: read-only views of the bot's state, passed in by main.ts (and by
// tests), so a route never opens a store or reads the environment itself. Each route module
// exports one function `(app, deps) => void` that mounts its routes on the app (server.ts).
import type { RecordView } from "../record/record.ts";
import type { Lang } from "../record/schema.ts";
import type { Translate } from "../present/translate.ts";
import type { AnnouncedStore } from "../store/announced.ts";
import type { Logger } from "../log.ts";
import type { Metrics } from "./metrics.ts";
import type { Readiness } from "./health.ts";

export interface HttpDeps {
  /** The record as it stands now (a new object after every reload). */
  record: () => RecordView;
  clock: () => Date;
  /** The address users see, without a trailing slash (PUBLIC_URL): links in feeds, calendars, pages. */
  publicUrl: string;
  /** The zone "today" is counted in for visitors (DEFAULT_TIMEZONE). */
  defaultTimezone: string;
  /** Fluent strings of locales/*.ftl in one language. */
  t: (lang: Lang) => Translate;
  /** What the digest job announced (feeds, SEQUENCE); undefined until the job has opened it. */
  announced: () => AnnouncedStore | undefined;
  metrics: Metrics;
  readiness: Readiness;
  log: Logger;
}
