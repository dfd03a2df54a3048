// The state stores' shared behaviour (test/support/store-behaviour.ts) on the file back end:
// the files under DATA_DIR/state/, as with DATABASE_URL unset.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { FileOutbox } from "../../src/delivery/outbox.ts";
import { FileAnnouncedStore } from "../../src/store/announced.ts";
import { FileChatPrefsStore } from "../../src/store/chats.ts";
import { FileConversationStore } from "../../src/store/conversations.ts";
import { FileSubscriptionStore } from "../../src/store/subscriptions.ts";
import { FileDraftStore } from "../../src/store/drafts.ts";
import { FilePollState } from "../../src/feeds/poll-state.ts";
import { storeBehaviour, type Stores } from "../support/store-behaviour.ts";

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function openFiles(dir: string): Promise<Stores> {
  const stores = {
    prefs: FileChatPrefsStore.open(join(dir, "chats.json")),
    subscriptions: FileSubscriptionStore.open(join(dir, "subscriptions.json")),
    conversations: FileConversationStore.open(join(dir, "conversations.json")),
    announced: FileAnnouncedStore.open(dir),
    outbox: await FileOutbox.open(dir),
    drafts: FileDraftStore.open(join(dir, "drafts.json")),
  };
  return {
    ...stores,
    openPollState: () => FilePollState.open(dir),
    async close() {
      await Promise.all([stores.prefs.flush(), stores.subscriptions.flush(), stores.conversations.flush(), stores.announced.flush(), stores.drafts.flush()]);
      await stores.outbox.close();
    },
  };
}

describe("state stores: the file back end", () => {
  storeBehaviour({
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), "parley-stores-"));
      dirs.push(dir);
      return {
        open: () => openFiles(dir),
        // A kill: the files are as the writes left them; the next process opens them as they are.
        openAfterKill: () => openFiles(dir),
      };
    },
  });
});

describe("the drafts' file: the reports taken in a journal of their own", () => {
  it("leaves drafts.json alone for a report that makes no draft, and finds every report taken after a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-drafts-journal-"));
    dirs.push(dir);
    const file = join(dir, "drafts.json");
    const store = FileDraftStore.open(file);
    await store.take("feed:1", "example.org/1", () => ({ at: "2026-03-01T10:00:00.000Z", relevant: false, reason: "unrelated", draftIds: [] }));
    await store.flush();
    assert.equal(existsSync(file), false, "no draft, no rewrite of drafts.json");
    const again = FileDraftStore.open(file);
    assert.equal((await again.taken("feed:1"))?.reason, "unrelated");
    assert.equal((await again.taken("other", "example.org/1"))?.reason, "unrelated", "known by its link too");
  });

  it("moves the reports of an older drafts.json into the journal, and keeps them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-drafts-older-"));
    dirs.push(dir);
    const file = join(dir, "drafts.json");
    const taken = { at: "2026-03-01T10:00:00.000Z", relevant: true, reason: "a round", draftIds: ["d1"] };
    writeFileSync(file, JSON.stringify({ next: 2, drafts: [], articles: { "feed:a": taken }, urls: { "example.org/a": "feed:a" }, editorLanguages: {} }));
    const store = FileDraftStore.open(file);
    await store.rememberLanguage(7, "uk");
    await store.flush();
    assert.deepEqual(JSON.parse(readFileSync(file, "utf8")).articles, {}, "drafts.json no longer holds the reports");
    const again = FileDraftStore.open(file);
    assert.deepEqual(await again.taken("x", "example.org/a"), taken);
    assert.equal(again.languageOf(7), "uk");
  });
});
