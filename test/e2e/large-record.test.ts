// A large record (about 20,000 entries, several megabytes) edited while the bot runs: the
// change is validated in a worker thread, the bot keeps answering meanwhile, and the new entry
// is served and announced from the next tick on.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { generateLog, middleOf } from "../../bench/generate.ts";
import { makeDataDir, removeDataDir, startBot, type BotProcess } from "../support/bot-process.ts";
import { startEmulator, type Emulator } from "../support/emulator.ts";

const ENTRIES = 20_000;
const reader = { id: 8101, first_name: "Rita", language_code: "en" };

let emu: Emulator;
let bot: BotProcess | undefined;
let dataDir: string;

after(async () => {
  await bot?.stop().catch(() => undefined);
  await emu?.close();
  if (dataDir) await removeDataDir(dataDir);
});

test("an edit to a large record is validated off the main thread; answers go on meanwhile", async () => {
  emu = await startEmulator();
  emu.addPrivateChat(reader);
  dataDir = await makeDataDir({ events: generateLog(ENTRIES) });
  bot = await startBot({ emulator: emu, dataDir, env: { FAKE_NOW: middleOf(ENTRIES), DIGEST_CRON: "* * * * * *", LOG_LEVEL: "info" }, startTimeoutMs: 60_000 });

  const file = join(dataDir, "events.json");
  const record = JSON.parse(readFileSync(file, "utf8"));
  record.entries.push({ ...record.entries[0], id: "late-addition", title: { en: "A late addition to a large record" } });
  writeFileSync(file, JSON.stringify(record, null, 2));

  // Ask again and again while the reload runs: every question gets its answer (waitForReply
  // fails the test after 5 s without one).
  let found = false;
  const deadline = Date.now() + 30_000;
  while (!found) {
    assert.ok(Date.now() < deadline, `the new entry never appeared:\n${bot.output().slice(-2000)}`);
    const before = emu.sent.length;
    emu.userSends(reader, "/event late-addition");
    const reply = await emu.waitForReply(reader.id, { after: before, timeoutMs: 5000 });
    found = reply.plainText.includes("A late addition to a large record");
  }
  assert.match(bot.output(), /record reloaded \{"entries":20001,"inWorker":true\}/);
  assert.equal(await bot.stop(), 0);
  bot = undefined;
});
