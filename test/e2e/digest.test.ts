// The digest job end to end: the real bot process (npm start) against the Bot API emulator,
// its clock started by FAKE_NOW and its job ticking every second. The test edits events.json
// in the bot's data directory while it runs, as a person with an editor would, and asserts on
// what each chat received. Last, with a cron schedule that does not fire during the test: a
// change made by `npm run events`, by hand, or by an editor in Telegram still reaches the
// subscriber, because each of them starts the job at once.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { makeDataDir, removeDataDir, REPO_ROOT, startBot, type BotProcess } from "../support/bot-process.ts";
import { startEmulator, type Emulator, type SentRecord } from "../support/emulator.ts";
import { entry, TRACKS } from "../support/fixtures.ts";

const EVERY_SECOND = "* * * * * *";
/** Two ticks and a little: long enough for the bot to have acted on an edit if it were going to. */
const SETTLE_MS = 2500;

const ROUND_1 = entry({ id: "embassy-round-1", sequence: 1, title: { en: "Round 1", ru: "Первый раунд", uk: "Перший раунд" } });
const ROUND_2 = entry({ id: "embassy-round-2", sequence: 2, date: "2025-04-10", title: { en: "Round 2", ru: "Второй раунд", uk: "Другий раунд" } });

/** Replaces the record the way an editor that saves atomically does (no half-written file is ever read). */
async function writeEvents(dataDir: string, entries: object[] | string) {
  const text = typeof entries === "string" ? entries : `${JSON.stringify({ tracks: TRACKS, entries }, null, 2)}\n`;
  const tmp = join(dataDir, `.events.json.${process.hrtime.bigint()}`);
  await writeFile(tmp, text);
  await rename(tmp, join(dataDir, "events.json"));
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe("digests from a running bot", { timeout: 60_000 }, () => {
  const ADMIN = { id: 500, first_name: "Admin", language_code: "en" };
  const USERS = {
    en: { id: 501, first_name: "Ann", language_code: "en" },
    ru: { id: 502, first_name: "Борис", language_code: "ru" },
    uk: { id: 503, first_name: "Оксана", language_code: "uk" },
  };
  const ids = Object.values(USERS).map((u) => u.id);
  let emu: Emulator;
  let bot: BotProcess;
  let dataDir: string;
  let base: object[];

  before(async () => {
    emu = await startEmulator();
    emu.addPrivateChat(ADMIN);
    for (const u of Object.values(USERS)) emu.addPrivateChat(u);
    base = [ROUND_1, ROUND_2];
    dataDir = await makeDataDir({ events: { tracks: TRACKS, entries: base } });
    bot = await startBot({ emulator: emu, dataDir, env: { FAKE_NOW: "2026-04-20T12:00:00Z", DIGEST_CRON: EVERY_SECOND, ADMIN_IDS: String(ADMIN.id) } });
  });

  after(async () => {
    await bot?.stop();
    await emu?.close();
    if (dataDir) await removeDataDir(dataDir);
  });

  /** Messages each subscriber got since `mark` (an index into emu.sent). */
  const since = (mark: number) => Object.fromEntries(ids.map((id) => [id, emu.sent.slice(mark).filter((s) => s.chat_id === id)]));

  /** Waits until every subscriber has one message after `mark`, then that no second one follows. */
  async function oneDigestEach(mark: number): Promise<Record<number, SentRecord>> {
    for (const id of ids) await emu.waitForReply(id, { after: mark, timeoutMs: 8000 });
    await sleep(SETTLE_MS);
    const got = since(mark);
    for (const id of ids) assert.equal(got[id].length, 1, `chat ${id} got ${got[id].length} messages:\n${got[id].map((s) => s.text).join("\n---\n")}`);
    return Object.fromEntries(ids.map((id) => [id, got[id][0]]));
  }

  /** Waits for the bot to have re-read the record `n` times in all. */
  const reloaded = (n: number) => bot.waitForOutput(new RegExp(`(record reloaded[\\s\\S]*){${n}}`), 8000);

  test("a fresh install announces nothing; subscribers in three languages subscribe", async () => {
    await bot.waitForOutput("first run: the record as it stands counts as announced", 8000);
    await sleep(1500);
    assert.equal(emu.sent.length, 0, "nothing sent on a fresh install");
    for (const u of Object.values(USERS)) {
      emu.userSends(u, "/subscribe");
      await emu.waitForReply(u.id);
    }
  });

  test("a new round is announced once to each subscriber, in their language", async () => {
    const mark = emu.sent.length;
    base = [...base, entry({ id: "embassy-round-4", status: "scheduled", sequence: 4, date: "2026-04-20", place: { city: { en: "Istanbul", ru: "Стамбул", uk: "Стамбул" } }, title: { en: "Round 4", ru: "Четвёртый раунд", uk: "Четвертий раунд" } })];
    await writeEvents(dataDir, base);
    const got = await oneDigestEach(mark);
    assert.match(got[USERS.en.id].text, /Round 4<\/b> set for 20 April 2026, Istanbul/);
    assert.match(got[USERS.ru.id].text, /Назначено: <b>Четвёртый раунд<\/b> — 20 апреля 2026, Стамбул/);
    assert.match(got[USERS.uk.id].text, /Призначено: <b>Четвертий раунд<\/b> — 20 квітня 2026, Стамбул/);
    const buttons = emu.buttons(got[USERS.en.id]);
    assert.deepEqual(
      buttons.map((b) => b.callback_data),
      ["ev:embassy-round-4"],
    );
    // The details button is one the bot answers.
    const before = emu.sent.length;
    emu.press(USERS.en, got[USERS.en.id], "ev:embassy-round-4");
    const details = await emu.waitForReply(USERS.en.id, { after: before });
    assert.match(details.plainText, /Round 4/);
  });

  test("marking it held is announced once, with the outcome", async () => {
    const mark = emu.sent.length;
    base = base.map((e) => ((e as { id: string }).id === "embassy-round-4" ? { ...e, status: "held", outcome: { en: "Notes exchanged.", ru: "Стороны обменялись нотами.", uk: "Сторони обмінялися нотами." } } : e));
    await writeEvents(dataDir, base);
    const got = await oneDigestEach(mark);
    assert.match(got[USERS.en.id].text, /✅ <b>Round 4<\/b> held: 20 April 2026, Istanbul[\s\S]*Notes exchanged\./);
    assert.match(got[USERS.ru.id].text, /✅ Состоялось: <b>Четвёртый раунд<\/b>[\s\S]*Стороны обменялись нотами\./);
    assert.match(got[USERS.uk.id].text, /✅ Відбулося: <b>Четвертий раунд<\/b>[\s\S]*Сторони обмінялися нотами\./);
  });

  test("a spelling fix is announced to nobody", async () => {
    const mark = emu.sent.length;
    const reloads = count(bot.output(), "record reloaded");
    base = base.map((e) => ((e as { id: string }).id === "embassy-round-4" ? { ...e, title: { en: "Round four", ru: "Четвёртый раунд", uk: "Четвертий раунд" }, summary: { en: "Talks on embassy operations (fixed)." } } : e));
    await writeEvents(dataDir, base);
    await reloaded(reloads + 1);
    await sleep(SETTLE_MS);
    assert.deepEqual(emu.sent.slice(mark), []);
  });

  test("broken edits reach the admins, not the subscribers; the bot keeps answering; the next good edit is announced", async () => {
    const mark = emu.sent.length;
    const broken: [string, RegExp][] = [
      ["{ this is not JSON", /not valid JSON/],
      [JSON.stringify({ tracks: TRACKS, entries: [...base, ROUND_1] }), /entry "embassy-round-1", field "id": duplicate id/],
      [JSON.stringify({ tracks: TRACKS, entries: [...base, entry({ id: "bad-date", date: "2025-02-30" })] }), /field "date": 2025-02-30 is not a real calendar date/],
    ];
    for (const [text, problem] of broken) {
      const at = emu.sent.length;
      await writeEvents(dataDir, text);
      const report = await emu.waitForReply(ADMIN.id, { after: at, timeoutMs: 8000 });
      assert.match(report.plainText, /events\.json/);
      assert.match(report.plainText, problem);
    }
    await sleep(SETTLE_MS);
    const got = since(mark);
    for (const id of ids) assert.deepEqual(got[id], [], `chat ${id} got a digest from a broken edit`);
    assert.equal(emu.sentTo(ADMIN.id).length, 3, "each broken version reported once");
    // Still serving the last good record.
    const at = emu.sent.length;
    emu.userSends(USERS.en, "/latest");
    const latest = await emu.waitForReply(USERS.en.id, { after: at });
    assert.match(latest.plainText, /Round four/);

    const good = emu.sent.length;
    base = [...base, entry({ id: "embassy-round-5", status: "scheduled", sequence: 5, date: "2026-05-14", place: { city: { en: "Geneva", ru: "Женева", uk: "Женева" } }, title: { en: "Round 5", ru: "Пятый раунд", uk: "П'ятий раунд" } })];
    await writeEvents(dataDir, base);
    const next = await oneDigestEach(good);
    assert.match(next[USERS.en.id].text, /Round 5<\/b> set for 14 May 2026, Geneva/);
    assert.match(next[USERS.ru.id].text, /Пятый раунд/);
    assert.match(next[USERS.uk.id].text, /П'ятий раунд/);
  });
});

describe("reminders and daily digests at their hour", { timeout: 45_000 }, () => {
  // The bot's clock starts 12 s before 09:00 UTC. Two subscriptions already exist (an upgrade
  // that brings no announced state yet): an instant one with quiet hours 08–10, and a daily one
  // at 09:00. Round 3 starts tomorrow at 09:00 UTC, so its 24-hour reminder is due at 09:00 too.
  const NOW = "2026-04-20T08:59:48Z";
  const LEAD_MS = 12_000;
  const INSTANT = { id: 601, first_name: "Ann", language_code: "en" };
  const DAILY = { id: 602, first_name: "Борис", language_code: "ru" };
  const ROUND_3 = entry({ id: "embassy-round-3", status: "scheduled", sequence: 3, date: "2026-04-21", time: "09:00", timezone: "UTC", title: { en: "Round 3", ru: "Третий раунд", uk: "Третій раунд" } });
  let emu: Emulator;
  let bot: BotProcess;
  let dataDir: string;
  let launchedAt: number;

  const subscription = (chatId: number, over: object) => ({
    key: String(chatId),
    chatId,
    chatType: "private",
    active: true,
    createdBy: chatId,
    createdAt: "2026-04-01T00:00:00.000Z",
    tracks: "all",
    kinds: "all",
    delivery: { mode: "instant" },
    reminders: { enabled: true, hoursBefore: [24, 1], dayBeforeHour: 9 },
    ...over,
  });

  before(async () => {
    emu = await startEmulator();
    emu.addPrivateChat(INSTANT);
    emu.addPrivateChat(DAILY);
    dataDir = await makeDataDir({ events: { tracks: TRACKS, entries: [ROUND_1, ROUND_3] } });
    await mkdir(join(dataDir, "state"));
    const subs = {
      [INSTANT.id]: subscription(INSTANT.id, { quietHours: { from: 8, to: 10 } }),
      [DAILY.id]: subscription(DAILY.id, { delivery: { mode: "daily", hour: 9 } }),
    };
    await writeFile(join(dataDir, "state", "subscriptions.json"), JSON.stringify({ subscriptions: subs }));
    await writeFile(join(dataDir, "state", "chats.json"), JSON.stringify({ chats: { [INSTANT.id]: { lang: "en" }, [DAILY.id]: { lang: "ru" } } }));
    launchedAt = Date.now();
    bot = await startBot({ emulator: emu, dataDir, env: { FAKE_NOW: NOW, DIGEST_CRON: EVERY_SECOND } });
  });

  after(async () => {
    await bot?.stop();
    await emu?.close();
    if (dataDir) await removeDataDir(dataDir);
  });

  test("nothing before the hour; a change goes to the instant subscriber only; at 09:00 the reminder and the daily digest", async () => {
    await bot.waitForOutput("first run: the record as it stands counts as announced", 8000);
    await sleep(1200);
    assert.deepEqual(emu.sent, [], "a fresh install sends nothing, and nothing is due yet");

    await writeEvents(dataDir, [ROUND_1, ROUND_3, entry({ id: "putin-trump-call", track: "leaders", kind: "call", status: "held", date: "2026-04-19", title: { en: "Putin–Trump call", ru: "Разговор Путина и Трампа" } })]);
    const instant = await emu.waitForReply(INSTANT.id, { after: 0, timeoutMs: 5000 });
    assert.ok(Date.now() < launchedAt + LEAD_MS, "the test's edit came before 09:00 on the bot's clock; raise LEAD_MS if start-up got slower");
    assert.match(instant.text, /Putin–Trump call<\/b> held: 19 April 2026/);
    assert.equal(instant.disable_notification, true, "inside the subscriber's quiet hours");
    assert.deepEqual(emu.sentTo(DAILY.id), [], "the daily subscriber waits for its hour");

    const [reminder] = await emu.waitForReply(INSTANT.id, { after: instant.index + 1, count: 1, timeoutMs: LEAD_MS + 5000 });
    assert.ok(reminder.at >= launchedAt + LEAD_MS, `reminder ${reminder.at - launchedAt} ms after launch, before 09:00 on the bot's clock`);
    assert.match(reminder.text, /^⏰ <b>Tomorrow at 09:00<\/b>: <b>Round 3<\/b>/);
    assert.deepEqual(
      emu.buttons(reminder).map((b) => b.callback_data),
      ["ev:embassy-round-3"],
    );

    const got = await emu.waitForReply(DAILY.id, { after: 0, count: 2, timeoutMs: 5000 });
    for (const s of got) assert.ok(s.at >= launchedAt + LEAD_MS);
    const daily = got.find((s) => s.text.includes("сводка за день"));
    const ruReminder = got.find((s) => s.text.startsWith("⏰"));
    assert.ok(daily, got.map((s) => s.text).join("\n---\n"));
    assert.match(daily.text, /сводка за день, 20 апреля 2026/);
    assert.match(daily.text, /Состоялось: <b>Разговор Путина и Трампа<\/b>/);
    assert.match(ruReminder!.text, /^⏰ <b>Завтра в 09:00<\/b>: <b>Третий раунд<\/b>/);

    await sleep(SETTLE_MS);
    assert.equal(emu.sentTo(INSTANT.id).length, 2, "no second reminder");
    assert.equal(emu.sentTo(DAILY.id).length, 2, "one daily digest, one reminder");
  });
});

describe("a change reaches subscribers without waiting for the cron tick", { timeout: 90_000 }, () => {
  // Midnight on 1 January: not during this test (a tick at start-up still runs).
  const YEARLY = "0 0 1 1 *";
  /** Generous: the assertion is that the message comes at all, with no cron tick to bring it. */
  const ARRIVES_MS = 20_000;
  const EDITOR = { id: 701, first_name: "Erin", language_code: "en" };
  const READER = { id: 702, first_name: "Ann", language_code: "en" };
  const ROUND_6 = entry({ id: "embassy-round-6", status: "scheduled", sequence: 6, date: "2026-06-02", place: { city: { en: "Geneva" } }, title: { en: "Round 6" } });
  let emu: Emulator;
  let bot: BotProcess;
  let dataDir: string;

  before(async () => {
    emu = await startEmulator();
    emu.addPrivateChat(EDITOR);
    emu.addPrivateChat(READER);
    dataDir = await makeDataDir({ events: { tracks: TRACKS, entries: [ROUND_1, ROUND_2] } });
    bot = await startBot({ emulator: emu, dataDir, env: { FAKE_NOW: "2026-04-20T12:00:00Z", DIGEST_CRON: YEARLY, ADMIN_IDS: String(EDITOR.id) } });
    await bot.waitForOutput("first run: the record as it stands counts as announced", 8000);
    emu.userSends(READER, "/subscribe");
    await emu.waitForReply(READER.id);
  });

  after(async () => {
    await bot?.stop();
    await emu?.close();
    if (dataDir) await removeDataDir(dataDir);
  });

  /** `npm run events -- <args>` in a process of its own, on the bot's record. */
  function events(args: string[], input: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/cli/events.ts", ...args, "--file", join(dataDir, "events.json")], { cwd: REPO_ROOT });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`npm run events -- ${args.join(" ")} exited with ${code}:\n${out}`))));
      child.stdin.end(input);
    });
  }

  test("npm run events -- add, in another process", async () => {
    const mark = emu.sent.length;
    await events(["add", "-"], JSON.stringify(ROUND_6));
    const got = await emu.waitForReply(READER.id, { after: mark, timeoutMs: ARRIVES_MS });
    assert.match(got.text, /Round 6<\/b> set for 2 June 2026, Geneva/);
  });

  test("a hand edit saved in place", async () => {
    const mark = emu.sent.length;
    const file = join(dataDir, "events.json");
    const record = JSON.parse(await readFile(file, "utf8")) as { entries: { id: string }[] };
    record.entries = record.entries.map((e) => (e.id === "embassy-round-6" ? { ...e, date: "2026-06-09" } : e));
    await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
    const got = await emu.waitForReply(READER.id, { after: mark, timeoutMs: ARRIVES_MS });
    assert.match(got.text, /Round 6/);
    assert.match(got.text, /9 June 2026/);
  });

  test("an editor's /update in Telegram", async () => {
    const mark = emu.sent.length;
    emu.userSends(EDITOR, "/update embassy-round-6");
    const what = await emu.waitForReply(EDITOR.id, { timeoutMs: 10_000 });
    emu.press(EDITOR, what, "ed:u:postponed");
    const diff = await emu.waitForReply(EDITOR.id, { after: what.index + 1, timeoutMs: 10_000 });
    emu.press(EDITOR, diff, "ed:c:save");
    const got = await emu.waitForReply(READER.id, { after: mark, timeoutMs: ARRIVES_MS });
    assert.match(got.text, /Round 6/);
    assert.match(got.text, /postponed/i);
    // Each change once: the write told the job, and the watcher saw the same file change.
    const texts = emu.sentTo(READER.id).slice(1).map((s) => s.plainText);
    assert.equal(texts.length, 3, texts.join("\n---\n"));
  });
});
