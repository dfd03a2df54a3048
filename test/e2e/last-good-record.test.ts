// "The last good record really keeps serving." With the bot running, events.json is cut in
// half, overwritten with garbage, rewritten in place and replaced by rename with broken text;
// after each, readers ask for every kind of answer (/latest and its paging, /next and its
// paging, /event, /track, a details button) and get the last good entries, the admin hears of
// each broken version, and subscribers hear nothing. A valid edit that moves every byte of the
// file is then served and announced as usual.
//
// The record has 3,000 entries: the bot keeps the last 2,000 entries it read in memory, so
// most /event answers here must be read from disk, from the last good version.
import assert from "node:assert/strict";
import { closeSync, openSync, readFileSync, renameSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { generateLog, middleOf } from "../../bench/generate.ts";
import { makeDataDir, removeDataDir, startBot, type BotProcess } from "../support/bot-process.ts";
import { startEmulator, type Emulator, type SentRecord } from "../support/emulator.ts";

const ENTRIES = 3000;
const FUTURE_FROM = 0.99;
const reader = { id: 9101, first_name: "Rita", language_code: "en" };
const subscriber = { id: 9102, first_name: "Sam", language_code: "en" };
const admin = { id: 9103, first_name: "Ada", language_code: "en" };

let emu: Emulator;
let bot: BotProcess | undefined;
let dataDir: string;
let file: string;

before(async () => {
  emu = await startEmulator();
  for (const u of [reader, subscriber, admin]) emu.addPrivateChat(u);
  dataDir = await makeDataDir({ events: generateLog(ENTRIES, { futureFrom: FUTURE_FROM }) });
  file = join(dataDir, "events.json");
  bot = await startBot({
    emulator: emu,
    dataDir,
    env: { FAKE_NOW: middleOf(ENTRIES, { futureFrom: FUTURE_FROM }), DIGEST_CRON: "* * * * * *", ADMIN_IDS: String(admin.id) },
    startTimeoutMs: 60_000,
  });
});

after(async () => {
  await bot?.stop().catch(() => undefined);
  await emu?.close();
  if (dataDir) await removeDataDir(dataDir);
});

async function ask(text: string): Promise<SentRecord> {
  const mark = emu.sent.length;
  emu.userSends(reader, text);
  return emu.waitForReply(reader.id, { after: mark, timeoutMs: 15_000 });
}

/** Presses the button whose label includes `label` and answers the message's text once edited. */
async function page(message: SentRecord, label: string): Promise<string> {
  const button = emu.buttons(message).find((b) => b.text.includes(label));
  assert.ok(button, `a "${label}" button on: ${message.plainText.slice(0, 80)}`);
  const since = emu.calls.length;
  emu.press(reader, message, button.callback_data!);
  await emu.waitFor((c) => c.method === "editMessageText" && c.ok === true, 15_000, { since });
  return emu.messagesIn(reader.id).find((m) => m.message_id === message.message_id)!.text;
}

/** Presses a details button and answers the entry it opens. */
async function details(message: SentRecord): Promise<string> {
  const button = emu.buttons(message).find((b) => b.callback_data?.startsWith("ev:"));
  assert.ok(button, "a details button");
  const mark = emu.sent.length;
  emu.press(reader, message, button.callback_data!);
  return (await emu.waitForReply(reader.id, { after: mark, timeoutMs: 15_000 })).plainText;
}

interface Answers {
  latest: string;
  older: string;
  next: string;
  later: string;
  track: string;
  details: string;
}

async function everyAnswer(): Promise<Answers> {
  const latest = await ask("/latest");
  const next = await ask("/next");
  const track = await ask("/track envoys");
  // The details button before paging: paging replaces the message's buttons.
  return {
    latest: latest.plainText,
    details: await details(latest),
    older: await page(latest, "Older"),
    next: next.plainText,
    later: await page(next, "Later"),
    track: track.plainText,
  };
}

/** /event for entries not asked for before: read from disk, not from memory. */
let nextId = 0;
async function freshEvents(n: number): Promise<void> {
  for (let k = 0; k < n; k++, nextId += 7) {
    const reply = (await ask(`/event gen-${nextId}`)).plainText;
    assert.match(reply, new RegExp(`Generated contact ${nextId}\\b`), `/event gen-${nextId}`);
    assert.match(reply, new RegExp(`Generated entry number ${nextId}\\.`), `/event gen-${nextId}`);
  }
}

/** Waits for the admin's report of a broken record sent after `mark`. */
async function reported(mark: number): Promise<string> {
  return (await emu.waitForReply(admin.id, { after: mark, timeoutMs: 30_000 })).plainText;
}

test("whatever becomes of events.json, every answer comes from the last good version, and nothing is announced", async () => {
  emu.userSends(subscriber, "/subscribe");
  await emu.waitForReply(subscriber.id, { timeoutMs: 15_000 });
  await bot!.waitForOutput("first run: the record as it stands counts as announced", 30_000);
  const good = readFileSync(file);
  const baseline = await everyAnswer();
  assert.match(baseline.latest, /^Latest developments · 1–5 of \d+/);
  assert.match(baseline.next, /^Coming up/);
  assert.match(baseline.track, /History/);
  assert.match(baseline.details, /Generated entry number \d+\./);
  await freshEvents(3);
  const subscriberMark = emu.sent.filter((s) => s.chat_id === subscriber.id).length;

  const damage: [string, () => void][] = [
    ["cut in half in place", () => truncateSync(file, Math.floor(good.length / 2))],
    [
      "garbage written over the middle in place, same size",
      () => {
        writeFileSync(file, good);
        const fd = openSync(file, "r+");
        writeSync(fd, Buffer.from("\u0000garbage{{{[[[".repeat(2000)), 0, undefined, Math.floor(good.length / 3));
        closeSync(fd);
      },
    ],
    [
      "rewritten in place as valid JSON that is not a valid record (a duplicate id), every byte moved",
      () => {
        const log = JSON.parse(good.toString("utf8"));
        log.entries.unshift({ ...log.entries[5] });
        writeFileSync(file, JSON.stringify(log, null, 4));
      },
    ],
    [
      "replaced by rename with the first third of the file",
      () => {
        writeFileSync(`${file}.new`, good.subarray(0, Math.floor(good.length / 3)));
        renameSync(`${file}.new`, file);
      },
    ],
  ];
  for (const [what, act] of damage) {
    const mark = emu.sent.length;
    act();
    const report = await reported(mark);
    assert.match(report, /events\.json/, what);
    const now = await everyAnswer();
    assert.deepEqual(now, baseline, `after the file was ${what}, the answers are the last good ones`);
    await freshEvents(3);
  }
  assert.equal(emu.sent.filter((s) => s.chat_id === subscriber.id).length, subscriberMark, "no digest from a broken file");
  assert.doesNotMatch(emu.sent.map((s) => s.text).join("\n"), /Something went wrong/);

  // A valid edit, rewritten in place with a new layout (every byte moves): served and announced.
  const log = JSON.parse(good.toString("utf8"));
  log.entries[42].title.en = "Generated contact 42, renamed";
  log.entries.push({ ...log.entries[ENTRIES - 1], id: "late-round", title: { en: "A round added last" } });
  const beforeEdit = emu.sent.length;
  writeFileSync(file, JSON.stringify(log, null, "\t"));
  const digest = await emu.waitForReply(subscriber.id, { after: beforeEdit, timeoutMs: 30_000 });
  assert.match(digest.plainText, /A round added last/);
  assert.match((await ask("/event gen-42")).plainText, /Generated contact 42, renamed/);
  assert.match((await ask("/event late-round")).plainText, /A round added last/);
  await freshEvents(3);
  assert.doesNotMatch(emu.sent.map((s) => s.text).join("\n"), /Something went wrong/);
});
