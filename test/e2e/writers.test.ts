// The bot and the command line writing the record at the same moment: four editors saving
// /update after /update in Telegram while three `npm run events`-style writer processes add
// 240 entries. Afterwards every write is in the file, the file is valid, and the audit log has
// one line per write.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { parseEventLog } from "../../src/record/validate.ts";
import { makeDataDir, REPO_ROOT, removeDataDir, startBot, type BotProcess } from "../support/bot-process.ts";
import * as conversation from "../support/conversation.ts";
import { startEmulator, type Emulator, type SentRecord } from "../support/emulator.ts";

const EDITORS = [7101, 7102, 7103, 7104].map((id) => ({ id, first_name: `Editor${id}`, language_code: "en" }));
const WRITERS = 3;
const PER_WRITER = 80;
const UPDATES_PER_EDITOR = 8;

let emu: Emulator;
let bot: BotProcess | undefined;
let dataDir: string;

after(async () => {
  await bot?.stop().catch(() => undefined);
  await emu?.close();
  if (dataDir) await removeDataDir(dataDir);
});

function exchange(user: { id: number }, act: () => void): Promise<SentRecord> {
  return conversation.exchange(emu, user.id, act, { timeoutMs: 20_000 });
}

/** One editor's /update: held, with an outcome, saved. Resolves with the bot's "Saved" reply. */
async function updateAsEditor(editor: { id: number }, id: string, outcome: string): Promise<string> {
  const what = await exchange(editor, () => emu.userSends(editor, `/update ${id}`));
  await exchange(editor, () => emu.press(editor, what, "ed:u:held"));
  const diff = await exchange(editor, () => emu.userSends(editor, outcome));
  const saved = await exchange(editor, () => emu.press(editor, diff, "ed:c:save"));
  return saved.plainText;
}

function startWriter(prefix: string): { child: ChildProcess; ready: Promise<void>; done: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/add-entries.ts", join(dataDir, "events.json"), join(dataDir, "state", "audit.jsonl"), prefix, String(PER_WRITER)], {
    cwd: REPO_ROOT,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const ready = new Promise<void>((resolve) => child.stdout!.on("data", () => out.includes("ready") && resolve()));
  const done = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, ready, done, output: () => out };
}

test("the bot's editors and three CLI writers at once: nothing lost, the file valid", async () => {
  emu = await startEmulator();
  for (const e of EDITORS) emu.addPrivateChat(e);
  dataDir = await makeDataDir();
  bot = await startBot({ emulator: emu, dataDir, env: { ADMIN_IDS: EDITORS.map((e) => e.id).join(","), DIGEST_CRON: "* * * * * *" } });

  // Shipped entries the editors will mark held with a new outcome, a different set each.
  const shipped = JSON.parse(readFileSync(join(dataDir, "events.json"), "utf8")).entries as { id: string; status: string }[];
  const targets = shipped.filter((e) => e.status === "held").slice(0, EDITORS.length * UPDATES_PER_EDITOR).map((e) => e.id);
  assert.equal(targets.length, EDITORS.length * UPDATES_PER_EDITOR);

  const writers = Array.from({ length: WRITERS }, (_, i) => startWriter(`cli${i}`));
  await Promise.all(writers.map((w) => w.ready));
  // Go: the writers start adding while the editors start saving.
  for (const w of writers) w.child.stdin!.write("go\n");
  const editing = EDITORS.map(async (editor, n) => {
    const replies: string[] = [];
    for (let k = 0; k < UPDATES_PER_EDITOR; k++) {
      const id = targets[n * UPDATES_PER_EDITOR + k];
      replies.push(await updateAsEditor(editor, id, `Outcome written by editor ${editor.id}, number ${k}.`));
    }
    return replies;
  });
  const [codes, replies] = await Promise.all([Promise.all(writers.map((w) => w.done)), Promise.all(editing)]);
  codes.forEach((code, i) => assert.equal(code, 0, writers[i].output()));
  for (const r of replies.flat()) assert.match(r, /^Saved: /);

  const text = readFileSync(join(dataDir, "events.json"), "utf8");
  const parsed = parseEventLog(text, "events.json");
  assert.ok(parsed.ok, "the record is valid");
  const byId = new Map(parsed.log.entries.map((e) => [e.id, e]));
  for (let i = 0; i < WRITERS; i++) for (let k = 0; k < PER_WRITER; k++) assert.ok(byId.has(`cli${i}-${k}`), `cli${i}-${k} is in the file`);
  EDITORS.forEach((editor, n) => {
    for (let k = 0; k < UPDATES_PER_EDITOR; k++) {
      const e = byId.get(targets[n * UPDATES_PER_EDITOR + k])!;
      assert.equal(e.outcome?.en, `Outcome written by editor ${editor.id}, number ${k}.`);
    }
  });
  assert.equal(parsed.log.entries.length, shipped.length + WRITERS * PER_WRITER);
  const audit = readFileSync(join(dataDir, "state", "audit.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(audit.filter((a) => a.action === "add").length, WRITERS * PER_WRITER);
  assert.equal(audit.filter((a) => a.action === "update" && a.actor.kind === "telegram").length, EDITORS.length * UPDATES_PER_EDITOR);

  // The running bot serves what the writers added: an editor's save reloads the record before
  // it answers "Saved", so the next question sees the file as it is now, every write in it.
  const last = shipped.find((e) => e.status === "held" && !targets.includes(e.id))!;
  assert.match(await updateAsEditor(EDITORS[0], last.id, "A last outcome."), /^Saved: /);
  const shown = (await exchange(EDITORS[0], () => emu.userSends(EDITORS[0], "/event cli2-79"))).plainText;
  assert.match(shown, /Istanbul round/);
  assert.equal(await bot.stop(), 0);
  bot = undefined;
});
