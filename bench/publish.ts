// Publish to first subscriber message: how long a subscriber waits for a change, for each way of
// making one, with the default DIGEST_CRON (a tick a minute). The real bot process against the
// emulator (50 ms round trip), on the shipped record, with one subscriber. The emulator's flood
// limits are off: the editor's conversation answers faster than one message a second per chat,
// which is Telegram's advice for bulk messages, not for replies; the sender keeps to the limits
// on its own, and the changes are spaced so that it never has to hold the subscriber's digest.
// Each way is measured PUBLISHES times in a row:
// - an editor's /update in Telegram (a new date, saved);
// - `npm run events -- add` in a process of its own;
// - a hand edit of events.json saved in place;
// - an approved draft: an article the editor pastes becomes a draft (a new round), and the
//   editor presses its ✅ Publish; the wait runs from the draft's write, not from the paste.
// "Write done" is the moment events.json took the change (its ctime: the writers' rename, or the
// in-place save); the end is when the emulator received the digest for the subscriber. The
// target is 2 s for the worst of each way; without the prompt tick it would be up to a minute.
//
//   npx tsx bench/publish.ts [--publishes N]
import { spawn } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { SPEED_LIMITS } from "../src/delivery/schedule.ts";
import { makeDataDir, removeDataDir, REPO_ROOT, startBot, type BotProcess } from "../test/support/bot-process.ts";
import { startEmulator, type Emulator, type SentRecord } from "../test/support/emulator.ts";
import { entry } from "../test/support/fixtures.ts";
import { argValue, median, type BenchResult } from "./harness.ts";

const LATENCY_MS = 50;
const TARGET_MS = 2000;
const EDITOR = { id: 810_000_001, first_name: "Erin", language_code: "en" };
const READER = { id: 810_000_002, first_name: "Ann", language_code: "en" };
/** Generous: a digest that has not come by then would be a failure, not a slow figure. */
const ARRIVES_MS = 90_000;

interface Way {
  name: string;
  /** Makes the i-th change and resolves once it is written. */
  publish(i: number): Promise<void>;
}

export async function benchPublish(opts: { publishes: number }): Promise<BenchResult[]> {
  const emu = await startEmulator({ latencyMs: LATENCY_MS });
  emu.addPrivateChat(EDITOR);
  emu.addPrivateChat(READER);
  const dataDir = await makeDataDir();
  const file = join(dataDir, "events.json");
  let bot: BotProcess | undefined;
  try {
    // No DIGEST_CRON: the default, a tick a minute.
    bot = await startBot({ emulator: emu, dataDir, env: { ADMIN_IDS: String(EDITOR.id) } });
    await bot.waitForOutput("first run: the record as it stands counts as announced", 20_000);
    emu.userSends(READER, "/subscribe");
    await emu.waitForReply(READER.id, { timeoutMs: 10_000 });
    const target = (JSON.parse(readFileSync(file, "utf8")) as { entries: { id: string }[] }).entries[0]!.id;

    const ways: Way[] = [
      { name: "an editor's /update in Telegram", publish: (i) => updateInTelegram(emu, target, `2027-01-${day(i)}`) },
      { name: "npm run events -- add (another process)", publish: (i) => cliAdd(file, i) },
      {
        name: "a hand edit of events.json, saved in place",
        publish: async (i) => {
          const record = JSON.parse(readFileSync(file, "utf8")) as { entries: { id: string; date?: string }[] };
          record.entries = record.entries.map((e) => (e.id === target ? { ...e, date: `2027-02-${day(i)}` } : e));
          writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
        },
      },
      { name: "an approved draft (Publish)", publish: (i) => publishDraft(emu, i) },
    ];
    const rows: BenchResult[] = [];
    for (const way of ways) {
      const waits: number[] = [];
      for (let i = 0; i < opts.publishes; i++) {
        // Telegram's one message a second per chat: the subscriber's previous digest must not
        // hold this one back, or the figure would be the pace, not the promptness.
        await sleep(SPEED_LIMITS.chatIntervalMs + 100);
        const mark = emu.sent.length;
        await way.publish(i);
        const written = statSync(file).ctimeMs;
        const got: SentRecord = await emu.waitForReply(READER.id, { after: mark, timeoutMs: ARRIVES_MS });
        waits.push(got.at - written);
      }
      rows.push(
        { name: `${way.name}: median`, value: median(waits), unit: "ms", target: `≤ ${TARGET_MS}` },
        { name: `${way.name}: worst of ${waits.length}`, value: Math.max(...waits), unit: "ms", target: `≤ ${TARGET_MS}` },
      );
    }
    return rows;
  } finally {
    await bot?.stop();
    await emu.close();
    await removeDataDir(dataDir);
  }
}

const day = (i: number) => String((i % 28) + 1).padStart(2, "0");

/** The editor's /update <id> → "new date" → the date → no time → Save; resolves on "Saved". */
async function updateInTelegram(emu: Emulator, id: string, date: string): Promise<void> {
  const next = async (after: number) => emu.waitForReply(EDITOR.id, { after, timeoutMs: 10_000 });
  let mark = emu.sent.length;
  emu.userSends(EDITOR, `/update ${id}`);
  const what = await next(mark);
  mark = emu.sent.length;
  emu.press(EDITOR, what, "ed:u:when");
  await next(mark);
  mark = emu.sent.length;
  emu.userSends(EDITOR, date);
  await next(mark);
  mark = emu.sent.length;
  emu.userSends(EDITOR, "skip");
  const diff = await next(mark);
  mark = emu.sent.length;
  emu.press(EDITOR, diff, "ed:c:save");
  const saved = await next(mark);
  if (!/Saved/.test(saved.plainText)) throw new Error(`the bench's /update was not saved: ${saved.plainText}`);
}

const DAY_MS = 86_400_000;

/**
 * The editor pastes a report of a new round, gets its draft, and presses ✅ Publish; resolves
 * once the bot has answered the press (the entry is written by then). Each round is 63 days
 * after the last and years after anything the other ways wrote, so it is a new entry, never a
 * change of one written before (a report is matched to an open entry up to 62 days away).
 */
async function publishDraft(emu: Emulator, i: number): Promise<void> {
  const day = new Date(Date.parse("2031-03-03T00:00:00Z") + i * 63 * DAY_MS);
  const when = day.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const article =
    `Russia, US diplomats to meet in Geneva on ${when}\n\nMOSCOW (Reuters) - Russian and US diplomats will meet in Geneva on ${when} ` +
    "to discuss the work of their embassies, Russian Deputy Foreign Minister Sergei Ryabkov told reporters on Tuesday. " +
    "The talks will continue the consultations on the embassies' staffing, banking and property, he said.";
  const mark = emu.sent.length;
  emu.userSends(EDITOR, article);
  const draft = await emu.waitForReply(EDITOR.id, { after: mark, timeoutMs: 10_000 });
  if (!/^📰 Draft d[0-9a-z]+ · new entry/.test(draft.plainText)) throw new Error(`the bench's article did not make a new draft: ${draft.plainText}`);
  const since = emu.calls.length;
  const press = emu.press(EDITOR, draft, "✅ Publish");
  const answer = await emu.waitFor((c) => c.method === "answerCallbackQuery" && c.params.callback_query_id === press.id, 10_000, { since });
  if (!/^Published as /.test(String(answer.params.text))) throw new Error(`the bench's draft was not published: ${answer.params.text}`);
}

/** `npm run events -- add -` with a new entry on stdin, as a person runs it. */
function cliAdd(file: string, i: number): Promise<void> {
  const added = entry({ id: `bench-publish-${i}`, status: "scheduled", date: `2027-03-${day(i)}`, title: { en: `Bench round ${i}` } });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/events.ts", "add", "-", "--file", file], { cwd: REPO_ROOT });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`npm run events -- add exited with ${code}: ${out}`))));
    child.stdin.end(JSON.stringify(added));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printRows } = await import("./harness.ts");
  printRows("Publish to first subscriber message", await benchPublish({ publishes: argValue("publishes", 20) }));
}
