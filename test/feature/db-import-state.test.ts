// `npm run db -- import-state` against a real PostgreSQL (test/support/pg.ts): a file-based
// installation's state moves into the database whole, the bot's stores opened on it find what
// they found in the files, running it again changes nothing, and state already in the database
// is only overwritten when the operator says --replace.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { Readable } from "node:stream";
import { main } from "../../src/cli/db.ts";
import { main as ingest } from "../../src/cli/ingest.ts";
import { FileOutbox } from "../../src/delivery/outbox.ts";
import { FileAnnouncedStore } from "../../src/store/announced.ts";
import { FileChatPrefsStore } from "../../src/store/chats.ts";
import { FileConversationStore } from "../../src/store/conversations.ts";
import { FileSubscriptionStore } from "../../src/store/subscriptions.ts";
import { openDbState } from "../../src/store-db/open.ts";
import { DbPollState } from "../../src/store-db/poll-state.ts";
import { FileDraftStore, type StoredDraft } from "../../src/store/drafts.ts";
import { FilePollState } from "../../src/feeds/poll-state.ts";
import { appendAudit } from "../../src/record-file/audit-log.ts";
import { entryHistory } from "../../src/record-db/audit.ts";
import { pgSkip, TEST_DATABASE_URL, testDatabase, type TestDatabase } from "../support/pg.ts";

const skip = await pgSkip();
const NOW = new Date("2026-03-01T10:00:00.000Z");

function cli(argv: string[], env: NodeJS.ProcessEnv) {
  let out = "";
  let err = "";
  return main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), stdin: process.stdin }, env).then((code) => ({ code, out, err }));
}

/** A file installation with a bit of everything, some of it only in the subscriptions' journal. */
async function makeFileState(dataDir: string) {
  const stateDir = join(dataDir, "state");
  const prefs = FileChatPrefsStore.open(join(stateDir, "chats.json"));
  const subs = FileSubscriptionStore.open(join(stateDir, "subscriptions.json"));
  for (let i = 1; i <= 300; i++) await subs.subscribe({ chatId: i, chatType: "private", createdBy: i }, NOW);
  await subs.subscribe({ chatId: -100, threadId: 4, chatType: "supergroup", createdBy: 1 }, NOW);
  await subs.setDelivery("7", { mode: "daily", hour: 8 });
  await subs.setQuietHours("8", { from: 23, to: 6 });
  await subs.setReminders("9", { enabled: false });
  await subs.unsubscribe(10);
  await prefs.set(7, { lang: "uk", tz: "Europe/Kyiv" });
  const conversations = FileConversationStore.open(join(stateDir, "conversations.json"));
  await conversations.write("5", { version: [0, "x"], state: { step: 2 } } as never);
  const announced = FileAnnouncedStore.open(stateDir);
  await announced.initialize({ e1: { fp: "a", status: "scheduled", when: { date: "2026-03-10" } } }, NOW);
  await announced.commit({}, [{ entryId: "e1", track: "t", kind: "meeting", key: "k1", type: "status", before: "scheduled", after: "held" }], NOW);
  await announced.commit({}, [{ entryId: "e2", track: "t", kind: "meeting", key: "k2", type: "new", after: "scheduled" }], NOW);
  announced.setDaily("7", { cursor: 1, lastDay: "2026-03-01" });
  announced.pruneDaily(new Set(["7"]));
  await announced.save();
  await announced.markReminders([{ key: "r|e1|24|9", forgetAfter: NOW.getTime() + 86_400_000 }]);
  const outbox = await FileOutbox.open(stateDir);
  await outbox.enqueue([1, 2, 3].map((n) => ({ id: `c|x|${n}|1`, chatId: n, text: `digest ${n}`, subscriptionKey: String(n) })));
  outbox.markDone("c|x|1|1", "sent");
  // A draft decided, one pending with an editor's copy, a report taken under its link; a feed's state and an item processed.
  const drafts = FileDraftStore.open(join(stateDir, "drafts.json"));
  const draft = (id: string): StoredDraft => ({ id, status: "pending", proposal: { kind: "new", reading: { title: `draft ${id}` } } as never, sources: [], copies: [], created: NOW.toISOString(), updated: NOW.toISOString() });
  await drafts.take("feed:a", "https://example.org/a", (w) => {
    w.add(draft(w.newId()));
    w.add(draft(w.newId()));
    return { at: NOW.toISOString(), relevant: true, reason: "a round", draftIds: ["d1", "d2"] };
  });
  await drafts.addCopy("d2", { chatId: 7, messageId: 70 });
  await drafts.decide("d1", { status: "rejected", decidedBy: { kind: "telegram", id: 7, name: "Erin" }, decidedAt: NOW.toISOString() });
  await drafts.rememberLanguage(7, "uk");
  const poll = await FilePollState.open(stateDir);
  await poll.setFeed("tass", { etag: '"x1"', failures: 0, toldDown: false, lastSuccess: NOW.toISOString() });
  await poll.markProcessed({ id: "tass:1", feedId: "tass", outlet: "TASS", link: "https://tass.ru/1", normalisedLink: "tass.ru/1", text: { from: "feed", chars: 900 }, outcome: { relevant: false, reason: "unrelated", draftIds: [] }, at: NOW.toISOString() });
  await poll.close();
  // The record's audit log: an entry added from Telegram, then changed from the command line.
  const entry = { id: "e9", title: { en: "A round" } };
  await appendAudit(join(stateDir, "audit.jsonl"), [
    { at: "2026-02-01T09:00:00.000Z", actor: { kind: "telegram", id: 7, name: "Erin" }, action: "add", id: "e9", before: null, after: entry },
    { at: "2026-02-02T09:00:00.000Z", actor: { kind: "cli", name: "ops" }, action: "update", id: "e9", before: entry, after: { ...entry, status: "held" } },
  ] as never);
  await Promise.all([prefs.flush(), conversations.flush(), announced.flush(), outbox.close(), drafts.flush()]);
  // Not flushed: the last changes stay in subscriptions.journal, as after a kill.
  return { stateDir, subs, prefs, announced, conversations, drafts };
}

const draft3 = (id: string): StoredDraft => ({ id, status: "pending", proposal: { kind: "new", reading: { title: "third" } } as never, sources: [], copies: [], created: NOW.toISOString(), updated: NOW.toISOString() });

describe("npm run db -- import-state", { skip }, () => {
  let t: TestDatabase;
  let dataDir: string;
  before(async () => {
    t = await testDatabase("imp");
    dataDir = mkdtempSync(join(tmpdir(), "parley-import-"));
  });
  after(async () => {
    await t?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("moves everything; the stores on PostgreSQL find what the files held; again is a no-op; --replace only when asked", async () => {
    const files = await makeFileState(dataDir);
    const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: t.schema, DATA_DIR: dataDir };

    const first = await cli(["import-state"], env);
    assert.equal(first.err, "");
    assert.equal(first.code, 0);
    assert.match(first.out, /^Imported from .*state: subscriptions: 301, chats' choices: 1, unfinished dialogues: 1, announced entries: 1, announced changes: 2, daily digest states: 1, reminders sent: 1, messages still to send: 2, drafts: 2, news reports taken: 1, feeds' states: 1, feed items processed: 1, audit records: 2\.\n$/);

    const db = await t.open();
    const state = await openDbState(db);
    assert.equal(state.subscriptions.size, 301);
    for (const key of ["1", "7", "8", "9", "10", "-100:4"]) assert.deepEqual(state.subscriptions.get(key), files.subs.get(key), `subscription ${key}`);
    assert.deepEqual(state.prefs.get(7), { lang: "uk", tz: "Europe/Kyiv" });
    assert.deepEqual(state.conversations.read("5"), files.conversations.read("5"));
    const a = state.announced;
    assert.deepEqual([a.initialized, a.generation, a.lastSeq], [true, 2, 2]);
    assert.deepEqual(a.history(), files.announced.history());
    assert.deepEqual(a.changesBetween(0, 2), files.announced.changesBetween(0, 2));
    assert.deepEqual([a.daily("7"), a.revision("e1"), a.reminderSent("r|e1|24|9")], [{ cursor: 1, lastDay: "2026-03-01" }, 1, true]);
    assert.deepEqual(
      (await state.outbox.claim()).map((m) => [m.id, m.text]),
      [
        ["c|x|2|1", "digest 2"],
        ["c|x|3|1", "digest 3"],
      ],
    );
    await state.outbox.markDone("c|x|2|1", "sent");
    // The drafts: as the file had them, the report known by id and by link, the next draft is d3.
    assert.deepEqual(state.drafts.get("d1"), files.drafts.get("d1"));
    assert.deepEqual(state.drafts.pending().map((d) => [d.id, d.copies]), [["d2", [{ chatId: 7, messageId: 70 }]]]);
    assert.equal(state.drafts.languageOf(7), "uk");
    assert.equal((await state.drafts.taken("other", "https://example.org/a"))?.reason, "a round");
    const next = await state.drafts.take("feed:b", undefined, (w) => ({ at: NOW.toISOString(), relevant: true, reason: "r", draftIds: [(w.add(draft3(w.newId())), "x")] }));
    assert.deepEqual(next.kind === "taken" && next.drafts.map((d) => d.id), ["d3"]);
    // The entry's history, as /history and the audit showed it on files.
    assert.deepEqual(
      (await entryHistory(db, "e9")).map((r) => [r.at, r.actor.name, r.action]),
      [
        ["2026-02-01T09:00:00.000Z", "Erin", "add"],
        ["2026-02-02T09:00:00.000Z", "ops", "update"],
      ],
    );
    const poll = await DbPollState.open(db);
    assert.deepEqual(poll.feed("tass"), { etag: '"x1"', failures: 0, toldDown: false, lastSuccess: NOW.toISOString() });
    assert.equal(poll.withLink("tass.ru/1")?.id, "tass:1");
    // What `npm run ingest -- sources|explain` read with DATABASE_URL set: the shared state (here
    // on a machine with no state files at all).
    const elsewhere = mkdtempSync(join(tmpdir(), "parley-import-cli-"));
    writeFileSync(join(elsewhere, "sources.json"), JSON.stringify({ feeds: [{ id: "tass", url: "https://tass.ru/rss/v2.xml", outlet: "TASS", language: "ru", pollMinutes: 5 }] }));
    const read = async (argv: string[]) => {
      let out = "";
      let err = "";
      const code = await ingest(argv, { out: (x) => void (out += x), err: (x) => void (err += x), stdin: Readable.from([""]), dataDir: elsewhere, env });
      return { code, out, err };
    };
    const explained = await read(["explain", "tass:1"]);
    assert.equal(explained.err, "");
    assert.match(explained.out, /^tass:1\n {2}feed {7}tass \(TASS\)\n {2}link {7}https:\/\/tass\.ru\/1\n/);
    const sources = await read(["sources"]);
    assert.match(sources.out, /\ntass +TASS +2026-03-01 10:00Z +0 /);
    assert.match((await read(["explain", "tass:9"])).err, /^no item "tass:9" in the database at postgres:\/\/.*; item ids/);
    rmSync(elsewhere, { recursive: true, force: true });

    const again = await cli(["import-state"], env);
    assert.equal(again.code, 0);
    assert.match(again.out, /^Already imported from these files on .*; nothing to do/);

    // The bot has run on the database since: its state is not the files' any more.
    await state.subscriptions.subscribe({ chatId: 999, chatType: "private", createdBy: 999 }, NOW);
    await files.subs.subscribe({ chatId: 998, chatType: "private", createdBy: 998 }, NOW);
    await files.subs.flush();
    const refused = await cli(["import-state"], env);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /^error: the database already holds state \(.*subscriptions.*\) that these files did not put there; nothing was changed\. .*--replace/);
    assert.equal((await db.query("SELECT count(*)::int AS n FROM subscriptions")).rows[0].n, 302, "nothing changed");

    const replaced = await cli(["import-state", "--replace"], env);
    assert.equal(replaced.code, 0, replaced.err);
    assert.match(replaced.out, /replacing what the database held: subscriptions: 302,/);
    const keys = (await db.query<{ key: string }>("SELECT key FROM subscriptions WHERE key IN ('998', '999') ORDER BY key")).rows.map((r) => r.key);
    assert.deepEqual(keys, ["998"]);
    assert.equal((await entryHistory(db, "e9")).length, 2, "the history imported once, not twice");
    await state.close();
  });

  test("no state files: says where it looked (exit 1)", async () => {
    const empty = mkdtempSync(join(tmpdir(), "parley-import-empty-"));
    try {
      const r = await cli(["import-state", "--state-dir", empty], { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: t.schema });
      assert.equal(r.code, 1);
      assert.match(r.err, /^error: no state files in .*parley-import-empty-.* \(looked for chats\.json, .*\); is DATA_DIR right\?\n$/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
