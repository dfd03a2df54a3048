// Sharing, end to end: the bundled bot (as `npm start` runs it) against the emulator over HTTP.
// Inline queries arrive through getUpdates only if the bot asks for them (allowed_updates);
// the calendar file and the timeline picture travel as multipart uploads; the picture is
// drawn by the native renderer with the font shipped in node_modules.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import ICAL from "ical.js";
import { makeDataDir, removeDataDir, startBot, type BotProcess } from "../support/bot-process.ts";
import { startEmulator, type Emulator } from "../support/emulator.ts";
import type { UploadedFile } from "../support/emulator/media.ts";
import { log } from "../support/fixtures.ts";
import { NOW, TALKS } from "../support/talks.ts";

const boris = { id: 9101, first_name: "Борис", language_code: "ru" };
const ann = { id: 9102, first_name: "Ann", language_code: "en" };

let emu: Emulator;
let bot: BotProcess | undefined;
let dataDir: string;

before(async () => {
  emu = await startEmulator();
  emu.addPrivateChat(boris);
  emu.addPrivateChat(ann);
  dataDir = await makeDataDir({ events: log(TALKS) });
  bot = await startBot({ emulator: emu, dataDir, env: { FAKE_NOW: NOW } });
});

after(async () => {
  await bot?.stop().catch(() => undefined);
  await emu?.close();
  if (dataDir) await removeDataDir(dataDir);
});

test("an inline query in Russian is answered with the matching entries in Russian", async () => {
  const since = emu.calls.length;
  emu.pushUpdate({ inline_query: { id: "iq-e2e-1", from: { ...boris, is_bot: false }, query: "стамбуле", offset: "", chat_type: "supergroup" } } as never);
  const call = await emu.waitFor((c) => c.method === "answerInlineQuery" && c.done === true, 8000, { since });
  assert.equal(call.ok, true, call.error ?? "");
  const answer = emu.media.inlineAnswers.find((a) => a.inline_query_id === "iq-e2e-1")!;
  assert.deepEqual(answer.results.map((r) => r.title), ["Второй раунд в Стамбуле", "Раунд в Стамбуле"]);
  assert.equal(answer.is_personal, false);
});

test("/timeline sends a PNG photo drawn in the process", async () => {
  const since = emu.calls.length;
  emu.userSends(ann, "/timeline");
  const call = await emu.waitFor((c) => c.method === "sendPhoto" && c.done === true, 15000, { since });
  assert.equal(call.ok, true, call.error ?? "");
  const png = (call.params.photo as UploadedFile).data;
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.ok(png.readUInt32BE(16) + png.readUInt32BE(20) <= 10_000);
  assert.equal((call.result as { caption?: string }).caption, "All series: timeline · 5 entries · as of 15 March 2025");
});

test("📅 Add to calendar sends <id>.ics, which parses as the entry's event", async () => {
  emu.userSends(boris, "/event istanbul-round-1-2025-02-27");
  const details = (await emu.waitForReply(boris.id, { timeoutMs: 8000 })) as { chat_id: number; message_id: number };
  const since = emu.calls.length;
  emu.press(boris, details, "📅 В календарь");
  const call = await emu.waitFor((c) => c.method === "sendDocument" && c.done === true, 8000, { since });
  assert.equal(call.ok, true, call.error ?? "");
  const file = call.params.document as UploadedFile;
  assert.equal(file.filename, "istanbul-round-1-2025-02-27.ics");
  const [event] = new ICAL.Component(ICAL.parse(file.data.toString("utf8"))).getAllSubcomponents("vevent");
  assert.equal(event.getFirstPropertyValue("summary"), "Раунд в Стамбуле");
  assert.equal(event.getFirstPropertyValue("uid"), "istanbul-round-1-2025-02-27@parley");
});
