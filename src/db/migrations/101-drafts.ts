// The drafts made of news reports (src/store-db/drafts.ts): what state/drafts.json holds with
// files. Shared by the replicas, so a draft is made once and decided once.
//
// A draft is one row: the whole draft as JSON (what it proposes, its reports, the editors'
// copies, who decided it) with its status beside it, so that a decision is one conditional
// UPDATE ... WHERE status = 'pending': of two editors pressing at once on two replicas, exactly
// one changes the row. Publish claims the row first (claimed_by, lease until claimed_until)
// while the record is written; a claim whose lease ran out (its replica died) is free again.
// Rows take `version` from state_version like every mirrored state table (NOTIFY parley_state).
//
// draft_counter is the number behind the next draft's id; the intake locks its one row, which
// also takes the reports one at a time among the replicas. draft_articles are the reports
// taken, by id and by normalised link, so that a report is taken once.
import type { Migration } from "../migrate.ts";

export const migration: Migration = {
  version: 101,
  name: "drafts",
  sql: `
CREATE TABLE drafts (
  id text PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('pending', 'published', 'rejected', 'irrelevant')),
  draft jsonb NOT NULL,
  claimed_by text,
  claimed_until timestamptz,
  version bigint NOT NULL DEFAULT nextval('state_version')
);
CREATE INDEX drafts_version ON drafts (version);
CREATE INDEX drafts_pending ON drafts (id) WHERE status = 'pending';

CREATE TABLE draft_counter (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  next integer NOT NULL
);
INSERT INTO draft_counter (one, next) VALUES (true, 1);

CREATE TABLE draft_articles (
  article_id text PRIMARY KEY,
  url text,
  taken jsonb NOT NULL
);
CREATE INDEX draft_articles_url ON draft_articles (url) WHERE url IS NOT NULL;

-- Each editor's Telegram language as last seen: drafts reach editors unasked.
CREATE TABLE editor_languages (
  user_id text PRIMARY KEY,
  lang text NOT NULL,
  version bigint NOT NULL DEFAULT nextval('state_version')
);
CREATE INDEX editor_languages_version ON editor_languages (version);
`,
};
