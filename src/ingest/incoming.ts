// The seam between where reports come from (feeds polled by src/feeds/poller.ts, articles an
// editor forwards, links or pastes in Telegram) and what Parley makes of them (the intake: it
// reads the article, merges what it finds into the pending drafts and tells the editors).
import type { Article } from "./draft.ts";

/** Where a report came from. */
export type Origin =
  | { kind: "feed"; feedId: string }
  | { kind: "editor"; userId: number; chatId: number; messageId: number };

/** One report as it reaches the intake: the article and who brought it. */
export interface IncomingArticle extends Article {
  /**
   * Stable across restarts: "<feed id>:<guid or normalised link>" for a feed item,
   * "tg:<chat id>:<message id>" for an editor's message. `npm run ingest -- explain <id>` takes it.
   */
  id: string;
  title?: string;
  origin: Origin;
}

/** What became of one report. */
export interface IntakeOutcome {
  relevant: boolean;
  /** Why it was kept or dropped, in a few words (the extractor's reason). */
  reason: string;
  /** The drafts it created or added a source to; empty when dropped or already known. */
  draftIds: string[];
  /** The same report was taken before (same id, link or content fingerprint): nothing changed. */
  duplicate?: boolean;
}

export interface Intake {
  /**
   * Reads the report, updates the drafts and has them on disk before it resolves, so the caller
   * may then mark the item processed. Receiving the same id again changes nothing.
   */
  receive(article: IncomingArticle): Promise<IntakeOutcome>;
}

/** A feed has failed for a day: the editors are told once (the poller keeps that it told them). */
export interface FeedDown {
  feedId: string;
  outlet: string;
  url: string;
  /** ISO instants. */
  failingSince: string;
  lastError: string;
}
