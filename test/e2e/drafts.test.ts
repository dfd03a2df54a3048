// Drafts from the news end to end: the real bot process (npm start) against the Bot API
// emulator. An editor forwards a channel's report to the bot; the draft reaches both editors;
// a reader pressing its Publish button is refused; one editor publishes; the record file has
// the entry, the other editor's copy says who published it, and every subscriber gets the
// digest once, within seconds (the digest's cron does not fire during the test).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { makeDataDir, removeDataDir, startBot, type BotProcess } from "../support/bot-process.ts";
import * as conversation from "../support/conversation.ts";
import { startEmulator, type Emulator, type SentRecord } from "../support/emulator.ts";
import { entry, TRACKS } from "../support/fixtures.ts";
import { loadCorpus } from "../support/ingest-corpus.ts";
import { forwardedPost } from "../support/updates.ts";

const YEARLY = "0 0 1 1 *";
const ARRIVES_MS = 20_000;
const erin = { id: 8001, first_name: "Erin", last_name: "Editor", username: "erin_ed", language_code: "en" };
const boris = { id: 8002, first_name: "Борис", language_code: "ru" };
const ann = { id: 8003, first_name: "Ann", language_code: "en" };
const oksana = { id: 8004, first_name: "Оксана", language_code: "uk" };
const ROUND_1 = entry({ id: "istanbul-round-1", sequence: 1, place: { city: { en: "Istanbul" } } });
const REPORT = loadCorpus().find((c) => c.name.startsWith("en-01"))!.text;

describe("a forwarded report becomes an entry in one tap", { timeout: 90_000 }, () => {
  let emu: Emulator;
  let bot: BotProcess;
  let dataDir: string;

  before(async () => {
    emu = await startEmulator();
    for (const u of [erin, boris, ann, oksana]) emu.addPrivateChat(u);
    dataDir = await makeDataDir({ events: { tracks: TRACKS, entries: [ROUND_1] } });
    bot = await startBot({ emulator: emu, dataDir, env: { FAKE_NOW: "2025-04-08T09:00:00Z", DIGEST_CRON: YEARLY, ADMIN_IDS: `${erin.id},${boris.id}` } });
    await bot.waitForOutput("first run: the record as it stands counts as announced", 10_000);
    for (const reader of [ann, oksana]) {
      emu.userSends(reader, "/subscribe");
      await emu.waitForReply(reader.id);
    }
    // Boris has talked to the bot: his copies come in Russian.
    await conversation.say(emu, boris, "/help");
  });

  after(async () => {
    await bot?.stop().catch(() => undefined);
    await emu?.close();
    if (dataDir) await removeDataDir(dataDir);
  });

  let erinsCopy: SentRecord;
  let borisCopy: SentRecord;

  test("the forwarded post reaches every editor as a draft, with its buttons", async () => {
    const update = forwardedPost(erin, { id: -1001234, title: "Reuters World", username: "reuters_world" }, REPORT, { id: 9876, date: "2025-04-08T07:30:00Z" });
    const marks = { erin: emu.sent.length };
    emu.receive(update as never);
    emu.pushUpdate({ message: (update as unknown as { message: never }).message });
    erinsCopy = await emu.waitForReply(erin.id, { after: marks.erin, timeoutMs: ARRIVES_MS });
    borisCopy = await emu.waitForReply(boris.id, { after: marks.erin, timeoutMs: ARRIVES_MS });
    assert.match(erinsCopy.plainText, /^📰 Draft d1 · new entry/);
    assert.match(erinsCopy.plainText, /10 April 2025, 10:00 \(Europe\/Istanbul\)/);
    assert.match(erinsCopy.plainText, /Evidence\n• Kind: “Russia, US to hold second round/);
    assert.match(erinsCopy.plainText, /Sources\n1\. Reuters World \(2025-04-08, en\)/);
    assert.deepEqual(emu.buttons(erinsCopy).map((b) => b.callback_data), ["dr:p:d1", "dr:e:d1", "dr:r:d1", "dr:n:d1"]);
    assert.match(borisCopy.plainText, /^📰 Черновик d1 · новая запись/);
    for (const reader of [ann, oksana]) assert.equal(emu.sentTo(reader.id).length, 1, "readers have only their /subscribe answer");
  });

  test("a reader pressing Publish on a forwarded copy is refused, and nothing is written", async () => {
    const before = readFileSync(join(dataDir, "events.json"), "utf8");
    // A forwarded message keeps its buttons; the press names the reader, whoever's copy it was.
    const answer = await conversation.pressAnswered(emu, ann, erin.id, erinsCopy.message_id, "dr:p:d1");
    assert.equal(answer.text, "Only Parley's editors decide on drafts, in their private chat with the bot. Nothing was changed.");
    assert.equal(answer.show_alert, true);
    assert.deepEqual(conversation.current(emu, erin.id, erinsCopy.message_id).buttons, ["✅ Publish", "✏️ Edit", "❌ Reject", "🚫 Not relevant"]);
    assert.equal(readFileSync(join(dataDir, "events.json"), "utf8"), before);
  });

  test("Publish: the entry is written, both copies say who published it, every subscriber gets the digest once", async () => {
    const mark = emu.sent.length;
    const answer = await conversation.pressAnswered(emu, erin, erin.id, erinsCopy.message_id, "dr:p:d1", { timeoutMs: ARRIVES_MS });
    assert.match(answer.text ?? "", /^Published as .+-2025-04-10\. Subscribers get the digest now\.$/);
    const id = /^Published as (\S+)\./.exec(answer.text!)![1];

    const written = (JSON.parse(readFileSync(join(dataDir, "events.json"), "utf8")) as { entries: { id: string; status: string; sources: { url?: string }[] }[] }).entries.find((e) => e.id === id);
    assert.ok(written, "the entry is in events.json");
    assert.equal(written.status, "scheduled");
    assert.deepEqual(written.sources.map((s) => s.url), ["https://t.me/reuters_world/9876"]);
    const audit = readFileSync(join(dataDir, "state", "audit.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(audit.map((a) => [a.action, a.id, a.actor.id, a.actor.source]), [["add", id, erin.id, ["https://t.me/reuters_world/9876"]]]);

    for (const reader of [ann, oksana]) {
      const digest = await emu.waitForReply(reader.id, { after: mark, timeoutMs: ARRIVES_MS });
      assert.match(digest.plainText, /second round of embassy talks/);
    }
    assert.match(conversation.current(emu, erin.id, erinsCopy.message_id).text, new RegExp(`✅ Published by Erin Editor \\(@erin_ed\\) as ${id}\\.$`));
    assert.deepEqual(conversation.current(emu, boris.id, borisCopy.message_id).buttons, []);
    assert.match(conversation.current(emu, boris.id, borisCopy.message_id).text, /✅ Опубликовал\(а\) Erin Editor/);

    // The write told the digest job and the file watcher saw the same change: still one digest each.
    const [list] = await conversation.say(emu, erin, "/drafts", { count: 1 });
    assert.match(list.plainText, /No drafts are waiting/);
    for (const reader of [ann, oksana]) {
      const digests = emu.sentTo(reader.id).filter((s) => /second round of embassy talks/.test(s.plainText));
      assert.equal(digests.length, 1, digests.map((s) => s.plainText).join("\n---\n"));
    }
  });
});
