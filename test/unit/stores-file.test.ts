// The state stores' shared behaviour (test/support/store-behaviour.ts) on the file back end:
// the files under DATA_DIR/state/, as with DATABASE_URL unset.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe } from "node:test";
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
